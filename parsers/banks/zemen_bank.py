"""Zemen Bank (Ethiopia, ETB, printed "ETB" or "Birr"): account credits/debits, transfers, POS and ATM."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

_KINDS = {"ib fund transfer": Kind.TRANSFER, "pos transaction": Kind.PURCHASE, "atm cash withdrawal": Kind.WITHDRAWAL}


def _made(g: dict[str, str | None]) -> dict[str, str | None]:
    kind = _KINDS.get((g.get("what") or "").lower(), Kind.DEBIT)
    g["kind"] = kind.value
    if g.get("to"):
        g["who"] = g["to"]  # the transfer names the receiving account; "Branch" is only where it was made
    return g


ZEMEN_BANK = TemplateBank(
    name="zemen_bank",
    sender_domains=("zemenbank.com",),
    signature=rx(r"^Zemen Bank\b|banking with Zemen Bank|zemenbank\.com", re.IGNORECASE | re.MULTILINE),
    currency="ETB",
    zone="Africa/Addis_Ababa",
    templates=(
        Template("account", rx(r"your account (?P<acct>{MASK}) has been (?P<dir>credited|debited) with {CUR} ?{AMT} (?:from|to) "
                               r"(?P<who>.+?) with reference (?P<ref>\w+) on (?P<when>[\w-]+)"),
                 Kind.TRANSFER),
        Template("pos purchase", rx(r"Your account \((?P<acct>{MASK})\) has been debited with {CUR} ?{AMT} for a POS purchase "
                                    r"transaction at (?P<who>.+?) on (?P<when>[\w-]+)\.(?: Your transaction reference number "
                                    r"is (?P<ref>\w+))?"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("made from", rx(r"{CUR} ?{AMT} (?P<what>IB Fund transfer|POS transaction|ATM cash withdrawal) has been made "
                                 r"from A/c No\. (?P<acct>{MASK})(?: to A/c of (?P<to>\d+))? on (?P<when>[\w-]+) ?\.\s?"
                                 r"The A/c Available Bal\. is {C} ?(?P<bal>[\d,]*\.?\d+) and (?:the )?transaction "
                                 r"(?:Branch|POS location|ATM location) is (?P<who>.+?) ?\."),
                 Kind.DEBIT, Direction.DEBIT, fix=_made, who_is_counterparty=False),
    ),
)
