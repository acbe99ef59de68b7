"""Everest Bank (Nepal, NPR): 'Your A/c ... is debited/credited by NPR ... For: <narration>'."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Kind


def _narration(g: dict[str, str | None]) -> dict[str, str | None]:
    """'9843368/Mobile Recharge,Ncell', 'Salary Payment/Monthly Salary,UJJ SH', 'CWDR/<ref>/<stamp>', 'FPY:IBFT:...'."""
    text = (g.get("who") or "").strip()
    if text.upper().startswith("CWDR/"):
        g["who"], g["kind"], g["ref"] = "ATM Withdrawal", Kind.WITHDRAWAL.value, text.split("/")[1]
    elif text.upper().startswith("FPY:IBFT"):
        g["who"], g["kind"] = "Fonepay IBFT", Kind.TRANSFER.value
    elif "/" in text:
        head, _, rest = text.partition("/")
        g["who"] = rest.split(",")[0].strip() or None
        if re.search(r"salary", head, re.IGNORECASE):
            g["kind"] = Kind.SALARY.value
    return g


EVEREST_BANK = TemplateBank(
    name="everest_bank",
    sender_domains=("everestbankltd.com",),
    signature=rx(r"Everest Bank|Your A/c [#\d]+ is (?:debited|credited) by NPR [\d,.]+ For: .*Never Share Password/OTP"),
    currency="NPR",
    zone="Asia/Kathmandu",
    # Every alert ends "Never Share Password/OTP With Anyone": not an OTP message.
    ignore_generic=frozenset({"one-time password"}),
    templates=(
        Template("account", rx(r"Your A/c (?P<acct>[#\dXx*]+) is (?P<dir>debited|credited) by {CUR} ?{AMT} For: (?P<who>.+?)\. "
                               r"Never Share"),
                 Kind.DEBIT, fix=_narration, who_is_counterparty=False),
    ),
)
