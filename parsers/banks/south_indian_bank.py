"""South Indian Bank (India, INR): UPI debit/credit, IMPS credits with an Info path, card/POS debits."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind


def _last_segment(g: dict[str, str | None]) -> dict[str, str | None]:
    """'IMPS/FDRL/528005821348/EPIFI ACCOUN': channel, payer bank, reference, name."""
    parts = [p.strip() for p in (g.get("who") or "").split("/")]
    if len(parts) >= 3:
        g["ref"], g["who"] = parts[2] or None, parts[-1] or None
    return g


_BAL = r"(?:\.?\s?Final balance is {C} ?(?P<bal>[\d,]*\.?\d+))?"
SOUTH_INDIAN_BANK = TemplateBank(
    name="south_indian_bank",
    sender_domains=("southindianbank.com",),
    signature=rx(r"^South Indian Bank\b|-\s?South Indian Bank|9840777222|18004251809", re.IGNORECASE | re.MULTILINE),
    currency="INR",
    zone="Asia/Kolkata",
    templates=(
        Template("account info", rx(r"Your A/c (?P<acct>{MASK}) is (?P<dir>credited|debited) with {CUR} ?{AMT} Info: ?"
                                    r"(?P<who>[^.]+?)\s?\." + _BAL),
                 Kind.TRANSFER, fix=_last_segment),
        Template("upi info", rx(r"UPI (?P<dir>debit|credit): ?(?:INR )?{CUR} ?{AMT} in A/c (?P<acct>{MASK})\. Info: ?"
                                r"(?P<who>\S.*?) on (?P<when>[\d-]+ [\d:]+)" + _BAL),
                 Kind.MOBILE_PAYMENT, fix=_last_segment, who_is_counterparty=False),
        Template("upi debit", rx(r"UPI debit: ?{CUR} ?{AMT},? A/c (?P<acct>{MASK}), (?P<when>[\d-]+ [\d:]+) RRN: ?(?P<ref>\d+)"
                                 r"(?:\.? Bal: ?{C} ?(?P<bal>[\d,]*\.?\d+))?"),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT, label="UPI Transaction", who_is_counterparty=False),
        Template("account debit", rx(r"A/c (?P<acct>{MASK}) (?P<dir>DEBIT|CREDIT): ?{CUR} ?{AMT} (?P<who>.+?) "
                                     r"Bal: ?{C} ?(?P<bal>[\d,]*\.?\d+)"),
                 Kind.PURCHASE, who_is_counterparty=False),
    ),
)
