"""Faysal Bank (Pakistan, PKR): IBFT/Raast transfers, FT credits, debit card purchases, ATM withdrawals."""

from __future__ import annotations

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

_WHEN = r"on (?P<when>[\w/-]+(?: at)? [\d:]+ [AP]M)"
FAYSAL_BANK = TemplateBank(
    name="faysal_bank",
    sender_domains=("faysalbank.com",),
    signature=rx(r"^Faysal Bank\b|-\s?Faysal Bank|\bFBL A/C\b|A/c # \*\d+ received [A-Z]{3} [\d,.]+ via RAAST"),
    currency="PKR",
    zone="Asia/Karachi",
    templates=(
        # Dots can group thousands here ("55.000.00"), so the amount is read loosely.
        Template("transfer out", rx(r"{CUR} ?(?P<amt>\d[\d,.]*\d) sent to (?P<who>.+?) A/C \*\d+ via \w+ from FBL A/C (?P<acct>\*\d+) "
                                    + _WHEN + r"(?: Ref ?# ?(?P<ref>\w+))?"),
                 Kind.TRANSFER, Direction.DEBIT),
        Template("raast in", rx(r"A/c # (?P<acct>\*\d+) received {CUR} ?{AMT} via \w+ from (?P<who>.+?) IBAN \*\d+ "
                                r"on (?P<when>[\w-]+ at [\d:]+ [AP]M)(?: Ref#: ?(?P<ref>\w+))?"),
                 Kind.TRANSFER, Direction.CREDIT),
        Template("transfer in", rx(r"{CUR} ?{AMT} received from (?P<who>.+?) ?A/C ?\*\d+(?: via \w+)? in FBL A/C (?P<acct>\*\d+) "
                                   + _WHEN),
                 Kind.TRANSFER, Direction.CREDIT),
        Template("card purchase", rx(r"{CUR} ?{AMT} Debit Card purchase at (?P<who>.+?) from FBL A/C (?P<acct>\*\d+) " + _WHEN),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("atm", rx(r"{CUR} ?{AMT} ATM cash withdrawal from FBL A/C (?P<acct>\*\d+) " + _WHEN),
                 Kind.WITHDRAWAL, Direction.DEBIT, label="ATM Cash Withdrawal"),
    ),
)
