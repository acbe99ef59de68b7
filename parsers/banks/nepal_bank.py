"""Nepal Bank Limited (NPR): "Dear <name>,##001 debited NPR 5,000.00 04/04/2026 12:12:12,<remarks>"."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Kind


def _remarks(g: dict[str, str | None]) -> dict[str, str | None]:
    text = (g.get("who") or "").strip()
    if re.search(r"@VISA\b", text, re.IGNORECASE):
        g["who"], g["kind"] = "VISA Transaction", Kind.PURCHASE.value
    else:
        g["who"] = None  # reference numbers only
    return g


NEPAL_BANK = TemplateBank(
    name="nepal_bank",
    sender_domains=("nepalbank.com.np",),
    signature=rx(r"\bNepal Bank (?:Ltd|Limited)\b|^Dear [\w ]+,\s?#+\d+ (?:credited|debited) NPR", re.IGNORECASE | re.MULTILINE),
    currency="NPR",
    zone="Asia/Kathmandu",
    templates=(
        Template("account", rx(r"(?P<acct>#+\d+) (?P<dir>credited|debited) {CUR} ?{AMT} (?P<when>[\d/]+ [\d:]+)(?:,(?P<who>.*))?"),
                 Kind.DEBIT, who_is_counterparty=False, fix=_remarks),
    ),
)
