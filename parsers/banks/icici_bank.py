"""ICICI Bank (India, INR; cards also abroad): card spends, UPI/IMPS/NEFT debits, account credits with an Info field."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, negative, rx
from parsers.base import Direction, Kind

_CASH = re.compile(r"^(?:NFS\*?CASH WDL|CAM\*|ATM)", re.IGNORECASE)


def _info(g: dict[str, str | None]) -> dict[str, str | None]:
    """The Info field: 'NEFT-<ref>-NAME', 'ACH*NAME*nnn', 'INF*nnn*XX SAL', 'BIL*Auto Loan', 'NFS*CASH WDL*'."""
    info = (g.get("who") or "").strip(" *.")
    if _CASH.match(info):
        g["who"], g["kind"] = ("Cash Withdrawal" if "WDL" in info.upper() else "ATM Withdrawal"), Kind.WITHDRAWAL.value
        return g
    parts = [p.strip() for p in re.split(r"[*]|(?<=NEFT)-|-(?=[A-Z ]+$)", info) if p.strip()]
    if re.search(r"\bSAL\b", info):
        g["who"], g["kind"] = "Salary", Kind.SALARY.value
    elif len(parts) >= 2 and parts[0].upper() in {"ACH", "BIL", "NEFT", "IMPS", "INF"}:
        names = [p for p in parts[1:] if not re.fullmatch(r"[A-Z0-9]*\d[A-Z0-9]*", p)]
        g["who"] = names[0] if names else None
    else:
        g["who"] = None
    return g


def _other_account(g: dict[str, str | None]) -> dict[str, str | None]:
    if g.get("who"):
        g["who"] = f"{g.get('chan') or 'Account'} Transfer to {g['who']}"
    return g


def _channel_transfer(g: dict[str, str | None]) -> dict[str, str | None]:
    g["who"] = f"{(g.get('chan') or 'NEFT').upper()} Transfer"
    if g.get("when"):
        g["when"] = (g["when"] or "").replace(" at ", " ")
    return g


ICICI_BANK = TemplateBank(
    name="icici_bank",
    sender_domains=("icicibank.com",),
    # Sent BY ICICI (its account/card wording or sign-off), not a wallet paying an ICICI card.
    signature=rx(r"^ICICI Bank\b|ICICI Bank (?:Acc|Acct|Account|Card|Credit Card XX)|-\s?ICICI Bank|ICICI BANK NEFT",
                 re.IGNORECASE | re.MULTILINE),
    currency="INR",
    zone="Asia/Kolkata",
    negatives=(
        negative("credit card bill payment received", r"Payment of {C} ?[\d,.]+ has been received on your ICICI Bank Credit Card"),
    ),
    templates=(
        # The NEFT the customer sent has reached the payee: the customer's own outgoing transfer.
        Template("neft delivered", rx(r"(?P<chan>NEFT|RTGS|IMPS) Transaction with reference number (?P<ref>\w+) for {CUR} ?{AMT} "
                                      r"has been credited to the beneficiary account(?: on (?P<when>[\d-]+ at [\d:]+))?"),
                 Kind.TRANSFER, Direction.DEBIT, fix=_channel_transfer),
        Template("card spend", rx(r"{CUR} ?{AMT} spent using ICICI Bank Card (?P<card>{MASK}) on (?P<when>[\w-]+) on "
                                  r"(?P<who>.+?)\s?\.(?:\s|$)"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("upi debit", rx(r"ICICI Bank Acc(?:oun)?t (?P<acct>{MASK}) debited for {CUR} ?{AMT} on (?P<when>[\w-]+); "
                                 r"(?P<who>.+?) credited\. UPI: ?(?P<ref>\d+)"),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT, who_is_counterparty=False),
        Template("account transfer", rx(r"ICICI Bank Acc(?:oun)?t (?P<acct>{MASK}) (?:is )?debited with {CUR} ?{AMT}"
                                        r"(?: on (?P<when>[\w-]+))? (?:&|and) Acc(?:oun)?t (?P<who>{MASK}) (?:is )?credited\.? ?(?P<chan>IMPS|NEFT|RTGS|UPI)?"),
                 Kind.TRANSFER, Direction.DEBIT, fix=_other_account),
        Template("account info", rx(r"ICICI Bank Acc(?:oun)?t? (?P<acct>{MASK}) (?P<dir>debited|credited):? ?{CUR} ?{AMT} on "
                                    r"(?P<when>\d{2}-\w{3}-\d{2})\.? ?(?:Info ?)?(?P<who>.*?)\.? ?(?:Avl|Avb|Available)"),
                 Kind.DEBIT, fix=_info, who_is_counterparty=False),
        Template("autopay", rx(r"Your account has been debited with {CUR} ?{AMT} towards (?P<who>.+?) for AutoPay"
                               r".*?RRN (?P<ref>\d+)"),
                 Kind.BILL_PAYMENT, Direction.DEBIT),
        # Plain wordings: claimed only through an ICICI subject or sign-off, so they are safe here.
        Template("account debit", rx(r"{CUR} ?{AMT} has been debited from your account (?P<acct>{MASK})(?: for (?P<who>[\w ]+?))?\."),
                 Kind.DEBIT, Direction.DEBIT, who_is_counterparty=False),
        Template("debited with", rx(r"Your account has been (?:successfully )?debited with {CUR} ?{AMT}\.?"
                                    r"(?: Reference: ?(?P<ref>\w+))?"),
                 Kind.DEBIT, Direction.DEBIT),
    ),
)
