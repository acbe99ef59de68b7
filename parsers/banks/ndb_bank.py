"""NDB Bank (Sri Lanka, LKR): "LKR X debited from AC XXXXXXXX7497 [as POS TXN] on 30 Jul 2026 22:28 at/as ..."."""

from __future__ import annotations

from parsers.banks._common import DATE_FORMATS, Template, TemplateBank, rx
from parsers.base import Direction, Kind

_WHEN = r"(?P<when>\d{1,2} \w{3} \d{4} \d{1,2}:\d{2})"
_BAL = r"(?:.*?Avl Bal (?P<bal>[\d,]*\.\d{2}))?"

NDB_BANK = TemplateBank(
    name="ndb_bank",
    sender_domains=("ndbbank.com",),
    signature=rx(r"\bNDB Bank\b|Call 94112448888"),
    currency="LKR",
    zone="Asia/Colombo",
    date_formats=("%d %b %Y %H:%M", *DATE_FORMATS),
    templates=(
        Template("pos", rx(r"{CUR} ?{AMT} debited from AC (?P<acct>{MASK}) as POS TXN on " + _WHEN + r" at (?P<who>.+?)\."
                           + _BAL),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("debited as", rx(r"{CUR} ?{AMT} debited from AC (?P<acct>{MASK}) on " + _WHEN + r" as (?P<who>.+?)\." + _BAL),
                 Kind.DEBIT, Direction.DEBIT, who_is_counterparty=False),
        Template("credited as", rx(r"{CUR} ?{AMT} credited to AC (?P<acct>{MASK}) on " + _WHEN + r" as (?P<who>.+?)\." + _BAL),
                 Kind.CREDIT, Direction.CREDIT),
    ),
)
