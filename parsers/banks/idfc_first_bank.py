"""IDFC FIRST Bank (India, INR; card spends abroad in other currencies): card spends, UPI debits, account debits/credits."""

from __future__ import annotations

import re

from parsers.banks._common import DATE_FORMATS, Template, TemplateBank, negative, rx
from parsers.base import Direction, Kind


def _purpose(g: dict[str, str | None]) -> dict[str, str | None]:
    if re.search(r"\binterest\b", g.get("who") or "", re.IGNORECASE):
        g["who"], g["kind"] = "Interest Credit", Kind.CREDIT.value
    return g


IDFC_FIRST_BANK = TemplateBank(
    name="idfc_first_bank",
    sender_domains=("idfcfirstbank.com", "idfcbank.com"),
    signature=rx(r"\bIDFC FIRST\b|New Bal ?:INR"),
    currency="INR",
    zone="Asia/Kolkata",
    date_formats=("%d-%b-%Y at %I:%M %p", "%d/%m/%y %H:%M", *DATE_FORMATS),
    negatives=(
        # The payee's copy of a transfer whose debit alert (same reference) already counted it.
        negative("beneficiary confirmation of a transfer already alerted", r"Your beneficiary has received"),
    ),
    templates=(
        Template("card spend", rx(r"{CUR} ?{AMT} spent on your IDFC FIRST Bank (?:Credit|Debit) Card ending (?P<card>{MASK}) at "
                                  r"(?P<who>.+?) on (?P<when>[\w-]+ at [\d:]+ [AP]M)"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("upi debit", rx(r"Your A/c (?P<acct>{MASK}) debited by {CUR}\.? ?{AMT} on (?P<when>[\d/]+); (?P<who>.+?) credited\."
                                 r"(?: RRN (?P<ref>\d+)\.)?(?: Available balance {C}\.? ?(?P<bal>[\d,]*\.?\d+))?"),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT, who_is_counterparty=False),
        Template("account", rx(r"Your A/C (?P<acct>{MASK}) is (?P<dir>debited|credited) by {CUR}\.? ?{AMT} on (?P<when>[\d/]+(?: [\d:]+)?)"
                               r"(?: for (?P<who>.+?))?\. New Bal ?: ?{C} ?(?P<bal>[\d,]*\.?\d+)"),
                 Kind.DEBIT, who_is_counterparty=False, fix=_purpose),
    ),
)
