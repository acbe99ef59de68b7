"""Commercial Bank of Ethiopia (ETB): account credited/debited and transfer alerts.

When the alert states "with a total of ETB N" (amount plus service charge, VAT and levies),
N is what left the account, so it is the amount reported.
"""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

_TOTAL = re.compile(r"with a total of ETB ?(?P<total>\d[\d,]*(?:\.\d+)?)", re.IGNORECASE)


def _total(g: dict[str, str | None]) -> dict[str, str | None]:
    if g.get("rest"):
        m = _TOTAL.search(g["rest"] or "")
        if m:
            g["amt"] = m.group("total")
    return g


_REST = r"(?P<rest>.*?Current Balance is ETB ?(?P<bal>[\d,]*\.?\d+))?"
CBE_BANK = TemplateBank(
    name="cbe_bank",
    sender_domains=("cbe.com.et",),
    signature=rx(r"Banking with CBE|apps\.cbe\.com\.et"),
    currency="ETB",
    zone="Africa/Addis_Ababa",
    templates=(
        Template("transfer", rx(r"You have transfer+ed {CUR} ?{AMT} to (?P<who>.+?) on (?P<when>[\d/]+ at [\d:]+) from your "
                                r"account (?P<acct>{MASK})\." + _REST),
                 Kind.TRANSFER, Direction.DEBIT, fix=_total),
        Template("credited from", rx(r"your Account (?P<acct>{MASK}) has been Credited with {CUR} ?{AMT} from (?P<who>.+?), on "
                                     r"(?P<when>[\d/]+ at [\d:]+)"),
                 Kind.CREDIT, Direction.CREDIT),
        Template("credited by", rx(r"your Account (?P<acct>{MASK}) has been credited by (?P<who>.+?) with {CUR} ?{AMT}\."),
                 Kind.CREDIT, Direction.CREDIT),
        Template("debited for", rx(r"your Account (?P<acct>{MASK}) has been debited for (?P<who>.+?) with {CUR} ?{AMT}\."),
                 Kind.DEBIT, Direction.DEBIT, who_is_counterparty=False),
        Template("account", rx(r"your Account (?P<acct>{MASK}) has been (?P<dir>debited|credited) with {CUR} ?{AMT}\.?" + _REST),
                 Kind.DEBIT, fix=_total),
    ),
)
