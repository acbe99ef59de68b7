"""Saraswat Co-operative Bank (India, INR): account debits "for <channel>" and credits "towards <remarks>"."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Kind

# Channel codes printed after "for": what the money went through.
_CHANNELS = {"SI": "Standing Instruction", "NEFT": "NEFT Transfer", "RTGS": "RTGS Transfer", "IMPS": "IMPS Transfer",
             "UPI": "UPI Payment", "ATM": "ATM Withdrawal", "ECS": "ECS Debit", "NACH": "NACH Debit"}
_KINDS = {"salary": Kind.SALARY, "refund": Kind.REFUND, "cashback": Kind.REFUND}
_BAL = r"\.? Current Bal is {C} ?(?P<bal>[\d,]*\.?\d+) ?(?:CR|DR)?"


def _remarks(g: dict[str, str | None]) -> dict[str, str | None]:
    text = (g.get("who") or "").strip()
    code = re.sub(r"[.\s]", "", text).upper()
    if code in _CHANNELS:
        g["who"] = _CHANNELS[code]
        g["kind"] = (Kind.BILL_PAYMENT if code in ("SI", "ECS", "NACH") else Kind.WITHDRAWAL if code == "ATM"
                     else Kind.TRANSFER).value
    else:
        g["who"] = re.sub(r"^(?:ACH|NACH|ECS) (?:Credit|Debit) ?: ?", "", text, flags=re.IGNORECASE) or None
        kind = _KINDS.get(text.lower())
        if kind is not None:
            g["kind"] = kind.value
    return g


SARASWAT_BANK = TemplateBank(
    name="saraswat_bank",
    sender_domains=("saraswatbank.com",),
    signature=rx(r"\bSaraswat Bank\b"),
    currency="INR",
    zone="Asia/Kolkata",
    templates=(
        Template("ending with", rx(r"Your account no\.? ending with (?P<acct>\d+) is (?P<dir>debited|credited) with {CUR}\.? ?{AMT} "
                                   r"on (?P<when>[\d-]+) (?:for|towards) (?P<who>.+?)" + _BAL),
                 Kind.DEBIT, who_is_counterparty=False, fix=_remarks),
        Template("a/c no", rx(r"Your A/c no\.? (?P<acct>{MASK}) is (?P<dir>credited|debited) with {CUR}\.? ?{AMT} on (?P<when>[\d-]+) "
                              r"(?:towards|for) (?P<who>.+?)" + _BAL),
                 Kind.DEBIT, who_is_counterparty=False, fix=_remarks),
    ),
)
