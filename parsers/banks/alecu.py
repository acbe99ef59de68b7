"""ALEC credit union (US, USD): "ALEC Alert - A debit transaction from <payee> for $X on account *1=01 was posted on <date>"."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Kind


def _payee(g: dict[str, str | None]) -> dict[str, str | None]:
    # "WE EGIES ;12345 ;AUTOPAY": the payee, then ';'-separated codes.
    g["who"] = (g.get("who") or "").split(";")[0].strip() or None
    return g


ALECU = TemplateBank(
    name="alecu",
    sender_domains=(),
    signature=rx(r"^ALEC Alert\b|\bAlecu\b", re.IGNORECASE | re.MULTILINE),
    currency="USD",
    zone="America/Chicago",
    date_formats=("%b %d, %Y", "%B %d, %Y"),
    templates=(
        Template("posted", rx(r"A (?P<dir>debit|credit) transaction (?:from|to) (?P<who>.+?) for {CUR} ?{AMT} on account "
                              r"(?P<acct>\S+?) was posted on (?P<when>\w+ \d{1,2}, \d{4})"),
                 Kind.DEBIT, who_is_counterparty=False, fix=_payee),
    ),
)
