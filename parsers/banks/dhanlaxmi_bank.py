"""Dhanlaxmi Bank (India, INR): account debits/credits with a quoted "UPI TXN: /<ref>-<note>/Payment from <app>/..." remark."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind


def _remark(g: dict[str, str | None]) -> dict[str, str | None]:
    text = g.get("who") or ""
    found = re.search(r"(?:Payment from|payment on) ([^/\"]+?)(?: using UPI[^/\"]*)?(?:/|\"|$)", text, re.IGNORECASE)
    g["who"] = found.group(1).strip() if found else None
    ref = re.search(r"UPI TXN: ?/(\d+)", text)
    g["ref"] = ref.group(1) if ref else None
    if re.search(r"-Salary/", text, re.IGNORECASE):
        g["kind"] = Kind.SALARY.value
    return g


DHANLAXMI_BANK = TemplateBank(
    name="dhanlaxmi_bank",
    sender_domains=("dhanbank.co.in", "dhanbank.com"),
    signature=rx(r"-\s?Dhanlaxmi ?Bank|\bDhanlaxmi Bank\b"),
    currency="INR",
    zone="Asia/Kolkata",
    templates=(
        Template("upi remark", rx(r"{CUR} ?{AMT} is (?P<dir>debited|credited) (?:from|to) A/c (?P<acct>{MASK}) on (?P<when>[\w-]+) - "
                                  r"(?P<who>\"?UPI TXN:[^\"]*\"?)(?:\.? Aval Bal is {C} ?(?P<bal>[\d,]*\.?\d+))?"),
                 Kind.MOBILE_PAYMENT, who_is_counterparty=False, fix=_remark),
        Template("own transfer in", rx(r"Your a/c no\.? (?P<acct>{MASK}) is credited for {CUR}\.? ?{AMT} on (?P<when>[\d-]+) and "
                                       r"debited from a/c no\.? {MASK} \((?:UPI|IMPS|NEFT) Ref no\.? (?P<ref>\d+)\)"),
                 Kind.TRANSFER, Direction.CREDIT, label="Internal Transfer"),
        Template("own transfer out", rx(r"Your a/c no\.? (?P<acct>{MASK}) is debited for {CUR}\.? ?{AMT} on (?P<when>[\d-]+) and "
                                        r"credited to a/c no\.? {MASK} \((?:UPI|IMPS|NEFT) Ref no\.? (?P<ref>\d+)\)"),
                 Kind.TRANSFER, Direction.DEBIT, label="Internal Transfer"),
    ),
)
