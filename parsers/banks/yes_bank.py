"""YES BANK (India, INR): credit card spends, including UPI on the credit card (@UPI_<payee>)."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

YES_BANK = TemplateBank(
    name="yes_bank",
    sender_domains=("yesbank.in",),
    signature=rx(r"^YES BANK\b|YES BANK Card|-\s?Yes Bank|9840909000|\bBLKCC\b", re.IGNORECASE | re.MULTILINE),
    currency="INR",
    zone="Asia/Kolkata",
    templates=(
        Template("card spent", rx(r"{CUR} ?{AMT} spent on YES BANK Card (?P<card>{MASK}) @(?:UPI_)?(?P<who>.+?) "
                                  r"(?P<when>\d{2}-\d{2}-\d{4} [\d:]+ [ap]m)"),
                 Kind.PURCHASE, Direction.DEBIT),
    ),
)
