"""CRED (India, INR): credit-card bill payments made through the CRED app.

"Payment of Rs.X has been successfully credited towards your <card>": money leaves the
customer's bank account to pay that card, so it is a debit naming the card paid.
"""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

CRED = TemplateBank(
    name="cred",
    sender_domains=("cred.club",),
    signature=rx(r"-\s?CRED\s*$|Payment of {C} ?[\d,.]+ has been successfully credited towards your .{2,40}?Card",
                 re.IGNORECASE | re.MULTILINE),
    currency="INR",
    zone="Asia/Kolkata",
    templates=(
        Template("card bill paid", rx(r"Payment of {CUR} ?{AMT} has been successfully credited towards your "
                                      r"(?P<who>.{2,40}?(?:Credit|Debit)? Card)\b"),
                 Kind.BILL_PAYMENT, Direction.DEBIT, who_is_counterparty=False),
    ),
)
