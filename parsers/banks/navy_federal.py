"""Navy Federal Credit Union (USA, USD): "NFCU:" card approvals with a US zone abbreviation."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind


def _when(g: dict[str, str | None]) -> dict[str, str | None]:
    g["when"] = f"{g.get('date')} {g.get('time')}"  # printed time first, date after: put them in order
    return g


NAVY_FEDERAL = TemplateBank(
    name="navy_federal",
    sender_domains=("navyfederal.org",),
    signature=rx(r"^(?:NFCU|NAVYFED):|Navy Federal", re.IGNORECASE | re.MULTILINE),
    currency="USD",
    date_formats=("%m/%d/%y %I:%M %p", "%m/%d/%Y %I:%M %p"),  # US order: month first
    templates=(
        Template("card approved", rx(r"Transaction for {CUR} ?{AMT} was approved on (?:debit|credit) card (?P<card>\d+) at "
                                     r"(?P<who>.+?) at (?P<time>\d{1,2}:\d{2} [AP]M) (?P<tz>[A-Z]{3}) on (?P<date>[\d/]+)"),
                 Kind.PURCHASE, Direction.DEBIT, fix=_when),
    ),
)
