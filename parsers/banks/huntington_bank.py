"""Huntington Bank (USA, USD): "Huntington Heads Up" debit card, ATM and ACH alerts with a US time."""

from __future__ import annotations

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Kind

_KINDS = {"debit card": Kind.PURCHASE, "atm": Kind.WITHDRAWAL, "ach": Kind.BILL_PAYMENT}


def _kind(g: dict[str, str | None]) -> dict[str, str | None]:
    g["dir"] = "credit" if (g.get("move") or "").lower() == "deposit" else "debit"
    kind = _KINDS.get((g.get("what") or "").lower())
    g["kind"] = (kind or (Kind.DEPOSIT if g["dir"] == "credit" else Kind.DEBIT)).value
    return g


HUNTINGTON_BANK = TemplateBank(
    name="huntington_bank",
    sender_domains=("huntington.com",),
    signature=rx(r"Huntington Heads Up|Huntington Bank"),
    currency="USD",
    date_formats=("%m/%d/%y %I:%M %p", "%m/%d/%Y %I:%M %p"),  # US order: month first
    templates=(
        Template("processed", rx(r"We processed an? (?P<what>[\w ]+?) ?(?P<move>withdrawal|deposit): {CUR} ?{AMT}"
                                 r"(?: at (?P<who>.+?))?\s?\. Acct (?P<acct>\w+) has a -?{C}[\d,.]+ bal "
                                 r"\((?P<when>[\d/]+ \d{1,2}:\d{2} [AP]M) (?P<tz>[A-Z]{2,3})\)"),
                 Kind.DEBIT, fix=_kind, who_is_counterparty=False),
    ),
)
