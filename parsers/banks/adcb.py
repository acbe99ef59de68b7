"""Abu Dhabi Commercial Bank (UAE, AED; cards abroad): debit card use, ATM, deposits, transfers, Dr./Cr. notices."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, negative, rx
from parsers.base import Direction, Kind

_WHEN = r"on (?P<when>\w{3} \d{1,2},? \d{4} \d{1,2}:\d{2}(?:[AP]M)?)"


def _prefixed(prefix: str):  # type: ignore[no-untyped-def]
    """'ATM-123456LOCATION' -> 'ATM Withdrawal: LOCATION' (the terminal number is noise)."""

    def fix(g: dict[str, str | None]) -> dict[str, str | None]:
        where = re.sub(r"^(?:ATM-)?\d*", "", (g.get("who") or "").strip())
        g["who"] = f"{prefix}: {where}" if where else prefix
        return g

    return fix


def _strip_country(g: dict[str, str | None]) -> dict[str, str | None]:
    g["who"] = re.sub(r",[A-Z]{2}$", "", (g.get("who") or "").strip()) or None  # "MERCHANT123,AE"
    return g


ADCB = TemplateBank(
    name="adcb",
    sender_domains=("adcb.com",),
    signature=rx(
        r"^ADCB\b|ADCB (?:Debit Card|Credit Card|App|Personal Internet Banking)|TouchPoints"
        r"|Your debit card \w+ linked to acc\. \w+ was used for"
        r"|withdrawn from acc\. \w+ on .* Be cautious with large amt\. of cash"
        r"|has been deposited via ATM in your account \w+"
        r"|A (?:Cr|Dr)\. transaction of [A-Z]{3} [\d,.]+ on your account number",
        re.IGNORECASE | re.MULTILINE,
    ),
    currency="AED",
    zone="Asia/Dubai",
    negatives=(negative("account notice", r"digital card .* has been de-activated|Activation Key for your ADCB"),),
    templates=(
        Template("card used", rx(r"Your (?:debit|credit) card (?P<card>{MASK}) linked to acc\. (?P<acct>{MASK}) was used for "
                                 r"{CUR} ?{AMT} " + _WHEN + r" at (?P<who>.+?)\. Avl\.? ?Bal\.? ?(?P<balcur>[A-Z]{3}) ?"
                                 r"(?P<bal>[\d,]*\.?\d+)"),
                 Kind.PURCHASE, Direction.DEBIT, fix=_strip_country),
        Template("atm withdrawal", rx(r"{CUR} ?{AMT} withdrawn from acc\. (?P<acct>{MASK}) " + _WHEN + r" at (?P<who>\S+?)\."
                                      r" Avl\.? ?Bal\.? ?(?P<balcur>[A-Z]{3}) ?(?P<bal>[\d,]*\.?\d+)"),
                 Kind.WITHDRAWAL, Direction.DEBIT, fix=_prefixed("ATM Withdrawal"), who_is_counterparty=False),
        Template("atm deposit", rx(r"{CUR} ?{AMT} has been deposited via ATM in your account (?P<acct>{MASK}) " + _WHEN
                                   + r" at (?P<who>.+?)\. Available Balance is (?P<balcur>[A-Z]{3}) ?(?P<bal>[\d,]*\.?\d+)"),
                 Kind.DEPOSIT, Direction.CREDIT, fix=_prefixed("ATM Deposit")),
        Template("transfer", rx(r"{CUR} ?{AMT} transferred via ADCB .+? from acc\. no\. (?P<acct>{MASK}) " + _WHEN),
                 Kind.TRANSFER, Direction.DEBIT, label="Transfer via ADCB Banking"),
        Template("dr/cr notice", rx(r"A (?P<dir>Cr|Dr)\. transaction of {CUR} ?{AMT} on your account number (?P<acct>{MASK}) "
                                    r"was successful"),
                 Kind.DEBIT, trusted=True, who_is_counterparty=False,
                 fix=lambda g: {**g, "who": "Account Credit" if (g.get("dir") or "").lower() == "cr" else "Account Debit"}),
        Template("touchpoints", rx(r"TouchPoints Redemption Request registered successfully on (?P<when>[\d-]+ [\d:]+) "
                                   r"Amount Paid: {CUR} ?{AMT}"),
                 Kind.PURCHASE, Direction.DEBIT, label="TouchPoints Redemption"),
    ),
)
