"""Axis Bank (India, INR): card spends as line blocks ("Spent / Card no. XX0818 / INR 562 / ...") and account debits."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind


def _own_atm(g: dict[str, str | None]) -> dict[str, str | None]:
    """"debited ... on AXIS BANK L": the bank's own terminal, i.e. an ATM withdrawal."""
    if re.match(r"AXIS BANK\b", g.get("who") or "", re.IGNORECASE):
        g["who"], g["kind"] = "ATM", Kind.WITHDRAWAL.value
    return g


AXIS_BANK = TemplateBank(
    name="axis_bank",
    sender_domains=("axisbank.com",),
    signature=rx(r"^Axis Bank\b|Axis Bank Card no\.|-\s?Axis Bank\s*$|919951860002", re.IGNORECASE | re.MULTILINE),
    currency="INR",
    zone="Asia/Kolkata",
    templates=(
        Template("card spent", rx(r"Spent {CUR} ?{AMT} Axis Bank Card no\. (?P<card>{MASK}) (?P<when>[\d-]+ [\d:]+)(?: IST)? "
                                  r"(?P<who>.+?) Avl (?:Limit|Lmt)"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("card spent block", rx(r"Spent (?:Axis Bank )?Card no\. (?P<card>{MASK}) {CUR} ?{AMT} (?P<when>[\d-]+ [\d:]+)"
                                        r"(?: IST)? (?P<who>.+?) Avl (?:Limit|Lmt)"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("account debit", rx(r"{CUR} ?{AMT} debited from A/c no\. (?P<acct>\S+) on (?P<who>.+?) "
                                     r"(?P<when>\d{2}-\d{2}-\d{4} [\d:]+)(?: IST)?\."),
                 Kind.PURCHASE, Direction.DEBIT, fix=_own_atm),
    ),
)
