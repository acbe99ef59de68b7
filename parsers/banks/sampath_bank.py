"""Sampath Bank (Sri Lanka, LKR; remittances in other currencies): account credits/debits "for <remarks>" and card payments."""

from __future__ import annotations

import re

from parsers.banks._common import DATE_FORMATS, Template, TemplateBank, rx
from parsers.base import Direction, Kind


def _remarks(g: dict[str, str | None]) -> dict[str, str | None]:
    text = (g.get("who") or "").strip()
    if " : " in text:  # "Remittance ID : [IR26GBP36623] : REALIZE"
        text = text.rsplit(" : ", 1)[1]
        g["kind"] = Kind.TRANSFER.value
    g["who"] = re.sub(r" - \d+$", "", text).strip() or None  # "PICKME - 37419306": a reference after the name
    return g


SAMPATH_BANK = TemplateBank(
    name="sampath_bank",
    sender_domains=("sampath.lk",),
    signature=rx(r"\bSampath Bank\b|To Inq Call 0112303050"),
    currency="LKR",
    zone="Asia/Colombo",
    date_formats=("%d/%m/%Y %H:%M:%S", *DATE_FORMATS),
    templates=(
        Template("account", rx(r"{CUR} ?{AMT} (?P<dir>credited|debited) (?:to|from) AC (?P<acct>{MASK}) for (?P<who>.+?) "
                               r"(?P<when>\d{2}/\d{2}/\d{4} [\d:]+)"),
                 Kind.DEBIT, who_is_counterparty=False, fix=_remarks),
        Template("card payment", rx(r"Cr(?:edit)? Crd no\.*\s?(?P<card>{MASK}) Auth Pmt {CUR} ?{AMT} at (?P<who>.+?) "
                                    r"Avl Bal {C} ?(?P<bal>[\d,]*\.?\d+)"),
                 Kind.PURCHASE, Direction.DEBIT),
    ),
)
