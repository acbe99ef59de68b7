"""Siddhartha Bank (Nepal, NPR): "AC ###XXXX1234, NPR 97.00 withdrawn on <date> for <remarks>".

Remarks: "Fund Trf to/frm A/C PAYABLE IBFT ..." (interbank fund transfer; a trailing biller code
names the payee, e.g. NEA), "QR Payment to <merchant> - <id>", or free text.
"""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Kind

# Biller codes printed at the end of IBFT remarks.
_BILLERS = {"NEA": "Nepal Electricity Authority", "NTC": "Nepal Telecom", "KUKL": "Kathmandu Upatyaka Khanepani"}


def _verb(g: dict[str, str | None]) -> dict[str, str | None]:
    g["dir"] = "debit" if (g.get("dir") or "").lower() == "withdrawn" else "credit"
    return g


def _remarks(g: dict[str, str | None]) -> dict[str, str | None]:
    g = _verb(g)
    text = (g.get("who") or "").strip()
    qr = re.match(r"QR Payment to (.+?)(?: - \S+)?$", text, re.IGNORECASE)
    if qr:
        g["who"], g["kind"] = qr.group(1), Kind.PURCHASE.value
    elif re.match(r"Fund Trf\b", text, re.IGNORECASE):
        g["kind"] = Kind.TRANSFER.value
        code = re.search(r",\s*([A-Z]{2,6})\s*$", text)
        if code and code.group(1) in _BILLERS:
            g["who"], g["kind"] = _BILLERS[code.group(1)], Kind.BILL_PAYMENT.value
        else:
            g["who"] = "Fund Transfer (IBFT)" if "IBF" in text.upper() else "Fund Transfer"
    elif text.lower() in ("deposit", "withdrawal", ""):
        g["who"] = None
    return g


SIDDHARTHA_BANK = TemplateBank(
    name="siddhartha_bank",
    sender_domains=("siddharthabank.com",),
    signature=rx(r"\bSiddhartha Bank\b|\bAC #+X*\d+, NPR [\d,.]+ (?:withdrawn|deposited) on"),
    currency="NPR",
    zone="Asia/Kathmandu",
    templates=(
        Template("account", rx(r"AC (?P<acct>[#X*\d]+), {CUR} ?{AMT} (?P<dir>withdrawn|deposited) on (?P<when>[\d/]+ [\d:]+)"
                               r"(?: for (?P<who>.+))?"),
                 Kind.DEBIT, who_is_counterparty=False, fix=_remarks),
        Template("bare", rx(r"{CUR} ?{AMT} (?P<dir>withdrawn|deposited)\b"),
                 Kind.DEBIT, fix=_verb),
    ),
)
