"""Prime Commercial Bank (Nepal, NPR): "NPR X is withdrawn from / deposited in A/C XXX#1234 on <date>. Rmk: <remarks>"."""

from __future__ import annotations

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

_TAIL = r" on (?P<when>[\d/]+(?: [\d:]+)?)\.?(?: Rmk: ?(?P<who>[^.]+?)\.)?(?: Good Baln: ?{C} ?(?P<bal>[\d,]*\.?\d+))?"

PRIME_COMMERCIAL_BANK = TemplateBank(
    name="prime_commercial_bank",
    sender_domains=("primebank.com.np",),
    signature=rx(r"\bPrime Commercial Bank\b|\bGood Baln: ?NPR\b"),
    currency="NPR",
    zone="Asia/Kathmandu",
    templates=(
        Template("withdrawn", rx(r"{CUR} ?{AMT} is withdrawn from A/C (?P<acct>[#X*\d]+)" + _TAIL),
                 Kind.DEBIT, Direction.DEBIT, who_is_counterparty=False),
        Template("deposited", rx(r"{CUR} ?{AMT} is deposited in(?:to)? A/C (?P<acct>[#X*\d]+)" + _TAIL),
                 Kind.CREDIT, Direction.CREDIT),
    ),
)
