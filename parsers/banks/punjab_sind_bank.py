"""Punjab & Sind Bank (India, INR): "A/C No **1111 Credited with Rs 500--<remarks> (CLR BAL 1250.63CR)(<date>)".

The remarks say who paid: "NEFT/<utr>/<payer>", "UPI/CR/<rrn>/<payer>/<bank>/...", "Credit of
<cheque no>" (a cheque), or a free-text description.
"""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Kind


def _remarks(g: dict[str, str | None]) -> dict[str, str | None]:
    text = (g.get("who") or "").strip()
    parts = [p.strip() for p in text.split("/")]
    if parts[0].upper() in ("NEFT", "RTGS", "IMPS") and len(parts) >= 3:
        g["ref"], g["who"], g["kind"] = parts[1], parts[2] or None, Kind.TRANSFER.value
    elif parts[0].upper() == "UPI" and len(parts) >= 4:
        g["ref"], g["who"], g["kind"] = parts[2], parts[3] or None, Kind.MOBILE_PAYMENT.value
    elif re.fullmatch(r"(?:Credit|Debit) of \d+", text, re.IGNORECASE):
        g["ref"], g["kind"] = text.split()[-1], Kind.DEPOSIT.value
        g["who"] = "Cheque Credit" if text.lower().startswith("credit") else "Cheque Debit"
    elif text.lower() in ("test", ""):
        g["who"] = None
    return g


PUNJAB_SIND_BANK = TemplateBank(
    name="punjab_sind_bank",
    sender_domains=("punjabandsindbank.co.in", "psbindia.com"),
    signature=rx(r"Punjab ?(?:&|and) ?Sind Bank|\(CLR BAL -?[\d,.]+ ?(?:CR|DR)\)"),
    currency="INR",
    zone="Asia/Kolkata",
    templates=(
        Template("account", rx(r"A/c No (?P<acct>{MASK}) (?P<dir>Credited|Debited) with {CUR}\.? ?{AMT}\s?-*\s?(?P<who>.*?)\s?"
                               r"\(CLR BAL (?P<bal>-?[\d,]*\.?\d+) ?(?:CR|DR)\) ?\((?P<when>[\d-]+ [\d:]+)\)"),
                 Kind.DEBIT, fix=_remarks),
    ),
)
