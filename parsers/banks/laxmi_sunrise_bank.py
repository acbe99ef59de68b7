"""Laxmi Sunrise Bank (Nepal, NPR): "Your #12344560 has been debited by NPR X on <date>. Remarks:<remarks> -Laxmi Sunrise"."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Kind


def _remarks(g: dict[str, str | None]) -> dict[str, str | None]:
    # "ESEWA LOAD/98XXXXXXXX,ref", "(STIPEND PMT DM/...)": the description is before the first '/'.
    head = (g.get("who") or "").strip().strip("()").split("/")[0]
    head = re.sub(r"\bPMT\b", "PAYMENT" if head.isupper() else "Payment", head, flags=re.IGNORECASE).strip()
    g["who"] = head or None
    if "SALARY" in head.upper():
        g["kind"] = Kind.SALARY.value
    elif "ATM" in head.upper():
        g["kind"] = Kind.WITHDRAWAL.value
    return g


LAXMI_SUNRISE_BANK = TemplateBank(
    name="laxmi_sunrise_bank",
    sender_domains=("laxmisunrise.com",),
    signature=rx(r"-\s?Laxmi Sunrise\b|\bLaxmi (?:Sunrise )?Bank\b"),
    currency="NPR",
    zone="Asia/Kathmandu",
    templates=(
        Template("account", rx(r"Your (?P<acct>#?[\dX*#]+) has been (?P<dir>debited|credited) by {CUR} ?{AMT} on (?P<when>[\d/]+)\.?"
                               r"(?: Remarks: ?(?P<who>.+?))?\s?-\s?Laxmi"),
                 Kind.DEBIT, who_is_counterparty=False, fix=_remarks),
    ),
)
