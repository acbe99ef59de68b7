"""Kasikornbank (Thailand, THB; Latin and Thai script): "KBank:" spend, receive and PromptPay SMS."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx, thai_template
from parsers.base import Direction, Kind

_BAL = r"(?: Bal (?P<bal>[\d,]*\.?\d+) THB)?"
KASIKORN_BANK = TemplateBank(
    name="kasikorn_bank",
    sender_domains=("kasikornbank.com",),
    signature=rx(r"^KBank:|^Kasikorn", re.IGNORECASE | re.MULTILINE),
    currency="THB",
    zone="Asia/Bangkok",
    templates=(
        Template("spent", rx(r"You spent {AMT} (?P<cur>[A-Z]{3}) at (?P<who>.+?)\. A/C (?P<acct>{MASK})" + _BAL),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("received", rx(r"Receive {AMT} (?P<cur>[A-Z]{3}) from A/C (?P<acct>{MASK})" + _BAL),
                 Kind.TRANSFER, Direction.CREDIT),
        thai_template(),
    ),
)
