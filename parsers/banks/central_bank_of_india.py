"""Central Bank of India (INR): "Rs. X credited to your A/c xxxxxx1234 on <date> through NEFT vide Ref No./<utr> By.<payer>-CBoI"."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

_REF = r"(?: vide Ref No\.?\s?(?P<ref>\S+))?"


def _tidy(g: dict[str, str | None]) -> dict[str, str | None]:
    g["ref"] = (g.get("ref") or "").strip("/") or None
    chan = g.get("chan")
    if chan and not g.get("who"):
        g["who"] = f"{chan.upper()} Transfer"
    return g


CENTRAL_BANK_OF_INDIA = TemplateBank(
    name="central_bank_of_india",
    sender_domains=("centralbank.co.in", "centralbankofindia.co.in"),
    signature=rx(r"-\s?CBoI\s*$|\bCentral Bank of India\b", re.IGNORECASE | re.MULTILINE),
    currency="INR",
    zone="Asia/Kolkata",
    templates=(
        Template("credited", rx(r"{CUR}\.? ?{AMT} credited to your A/c (?P<acct>{MASK}) on (?P<when>[\d/-]+)"
                                r"(?: through (?P<chan>NEFT|IMPS|RTGS|UPI|\w+))?" + _REF + r"(?: By\.? ?(?P<who>.+?))?\s?-\s?CBoI"),
                 Kind.TRANSFER, Direction.CREDIT, fix=_tidy),
        Template("debited", rx(r"{CUR}\.? ?{AMT} debited from your A/c (?P<acct>{MASK}) on (?P<when>[\d/-]+)"
                               r"(?: through (?P<chan>NEFT|IMPS|RTGS|UPI|\w+))?" + _REF + r"(?: To\.? ?(?P<who>.+?))?\s?-\s?CBoI"),
                 Kind.TRANSFER, Direction.DEBIT, fix=_tidy),
    ),
)
