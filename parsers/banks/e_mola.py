"""e-Mola (Movitel mobile money, Mozambique, MZN): transfers, receipts and agent withdrawals ("100.00MT")."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

_MT = r"{AMT} ?MT"
_AT = r" at (?P<time>[\d:]+) on (?P<date>[\d/]+)"


def _when(g: dict[str, str | None]) -> dict[str, str | None]:
    g["when"] = f"{g.get('date')} {g.get('time')}" if g.get("date") else None  # printed time first, then date
    return g


E_MOLA = TemplateBank(
    name="e_mola",
    sender_domains=("movitel.co.mz",),
    signature=rx(r"\be[- ]?Mola\b|^Transaction ID:? [A-Z]{2}\d{6}\.\d{4}\.\w+", re.IGNORECASE | re.MULTILINE),
    currency="MZN",
    zone="Africa/Maputo",
    templates=(
        Template("transferred", rx(r"You transfer+ed " + _MT + r" to \d+, name: (?P<who>.+?)" + _AT),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT, fix=_when),
        Template("received", rx(r"You received " + _MT + r" from \d+, name: (?P<who>.+?)" + _AT),
                 Kind.MOBILE_PAYMENT, Direction.CREDIT, fix=_when),
        Template("withdrew", rx(r"You withdrew " + _MT + r" in the Agent with code ID \d+, Name (?P<who>.+?)" + _AT),
                 Kind.WITHDRAWAL, Direction.DEBIT, who_is_counterparty=False, fix=_when),
    ),
)
