"""Bangkok Bank (Thailand, THB; Latin and Thai script): "BBL:" withdrawal, deposit and transfer SMS."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx, thai_template
from parsers.base import Direction, Kind

_TAIL = r" on (?P<when>[\d/]+ [\d:]+)(?: Bal (?P<bal>[\d,]*\.?\d+) THB)?"
BANGKOK_BANK = TemplateBank(
    name="bangkok_bank",
    sender_domains=("bangkokbank.com",),
    signature=rx(r"^BBL:|^Bangkok Bank\b", re.IGNORECASE | re.MULTILINE),
    currency="THB",
    zone="Asia/Bangkok",
    templates=(
        Template("withdrawal", rx(r"Withdrawal {AMT} (?P<cur>[A-Z]{3}) from A/C (?P<acct>{MASK})(?: via ATM)?" + _TAIL),
                 Kind.WITHDRAWAL, Direction.DEBIT),
        Template("deposit", rx(r"Deposit {AMT} (?P<cur>[A-Z]{3}) to A/C (?P<acct>{MASK})" + _TAIL),
                 Kind.DEPOSIT, Direction.CREDIT),
        thai_template(),
    ),
)
