"""Old Hickory Credit Union (US, USD): threshold alerts "A transaction for $X has posted to <account> (part of <id>)".

The alert names the customer's own account rather than a shop, so the account's nickname is
reported as the merchant ("Account: CHECKING"), and its id ("CHK5678") as the account.
"""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind


def _account(g: dict[str, str | None]) -> dict[str, str | None]:
    g["who"] = f"Account: {g['who']}" if g.get("who") else None
    if not re.search(r"\d", g.get("acct") or ""):
        g["acct"] = None  # "ACCOUNT#": the id was masked away entirely
    return g


OLD_HICKORY = TemplateBank(
    name="old_hickory",
    sender_domains=("oldhickorycu.org",),
    signature=rx(r"\bOld Hickory\b|A transaction for {C} ?[\d,.]+ has posted to .{1,60}? \(part of [^)]{1,30}\), "
                 r"which is (?:above|below)"),
    currency="USD",
    zone="America/Chicago",
    templates=(
        Template("threshold", rx(r"A transaction for {CUR} ?{AMT} has posted to (?P<who>.{1,60}?) \(part of (?P<acct>[^)]{1,30})\)"),
                 Kind.DEBIT, Direction.DEBIT, who_is_counterparty=False, fix=_account),
    ),
)
