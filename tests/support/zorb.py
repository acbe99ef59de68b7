"""A parser for an invented bank, registered by tests that reprocess unrecognized mail."""

from __future__ import annotations

import re
from decimal import Decimal

from models.money import quantize
from parsers.base import Alert, Direction, Kind, ParsedTransaction, ParseResult, Status

_LINE = re.compile(r"ledger entry (\d+): ([\d.]+) zorbs moved by card (\d+) at ([A-Z ]+)\.")


class ZorbParser:
    name = "zorb_bank"
    sender_domains: tuple[str, ...] = ()  # an unauthenticated test sender, allowed by the mailbox filter

    def claims(self, alert: Alert) -> bool:
        return alert.sender_domain == "ledger.example"

    def parse(self, alert: Alert) -> ParseResult:
        m = _LINE.search(alert.text)
        if not m:
            return ParseResult(Status.UNRECOGNIZED, self.name, "no ledger entry line")
        ref, amount, card, merchant = m.groups()
        txn = ParsedTransaction(
            amount=quantize(Decimal(amount), "OMR"), currency="OMR", direction=Direction.DEBIT,
            kind=Kind.PURCHASE, merchant=merchant.strip(), account=f"xxxx{card}", reference=ref,
        )
        return ParseResult(Status.TRANSACTION, self.name, "zorb ledger entry", txn)
