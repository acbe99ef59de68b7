"""Kerala Bank (Kerala State Co-operative Bank, INR): "Your A/c no XXXX0024 is credited with 15000.00 on <date> by <remarks>"."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Kind

KERALA_BANK = TemplateBank(
    name="kerala_bank",
    sender_domains=("keralabank.co.in",),
    # "Kerala Gramin Bank" is another bank: only the exact name claims.
    signature=rx(r"-\s?Kerala Bank\s*$|\bKerala Bank\b", re.IGNORECASE | re.MULTILINE),
    currency="INR",
    zone="Asia/Kolkata",
    templates=(
        Template("account", rx(r"Your A/c no\.? (?P<acct>{MASK}) is (?P<dir>credited|debited) with (?:{CUR}\.? ?)?{AMT} on "
                               r"(?P<when>[\d/-]+)(?: (?:by|for|towards) (?P<who>.+?)(?: (?:From|To) ?: ?\S+?)?)?\."
                               r"(?: Balance is (?P<bal>-?[\d,]*\.?\d+))?"),
                 Kind.DEBIT, who_is_counterparty=False),
    ),
)
