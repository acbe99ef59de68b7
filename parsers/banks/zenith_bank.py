"""Zenith Bank (Nigeria, NGN): "Acct:421****577 DT:09/06/2026 03:23:17 PM <narration> DR Amt:650.00 Bal:289.69"."""

from __future__ import annotations

import re

from parsers.banks._common import DATE_FORMATS, Template, TemplateBank, rx
from parsers.base import Kind

ZENITH_BANK = TemplateBank(
    name="zenith_bank",
    sender_domains=("zenithbank.com",),
    signature=rx(r"\bZenith ?Bank\b|^Acct: ?\S+ DT: ?\d|Dial \*966#", re.IGNORECASE | re.MULTILINE),
    currency="NGN",
    zone="Africa/Lagos",
    date_formats=("%d/%m/%Y %I:%M:%S %p", "%d/%m/%Y %I:%M %p", *DATE_FORMATS),
    templates=(
        Template("alert", rx(r"Acct: ?(?P<acct>{MASK}) DT: ?(?P<when>[\d/]+ [\d:]+(?: [AP]M)?) (?:(?P<who>.+?) )?"
                             r"(?P<dir>DR|CR) Amt: ?{AMT}(?: Bal: ?(?P<bal>[\d,]*\.?\d+))?"),
                 Kind.DEBIT, who_is_counterparty=False),
    ),
)
