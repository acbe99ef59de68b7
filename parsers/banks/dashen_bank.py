"""Dashen Bank (Ethiopia, ETB): account debits/credits, transfers to and from telebirr wallets (Dashen Super App)."""

from __future__ import annotations

from parsers.banks._common import DATE_FORMATS, Template, TemplateBank, rx
from parsers.base import Direction, Kind

_WHEN = r"(?P<when>\d{4}-\d{2}-\d{2} at [\d:]+|\d{2}/\d{2}/\d{4} [\d:]+)"
_BAL = r"(?:.*?Your (?:current|account) balance is {C} ?(?P<bal>[\d,]*\.?\d+))?"

DASHEN_BANK = TemplateBank(
    name="dashen_bank",
    sender_domains=("dashenbanksc.com",),
    signature=rx(r"\bDashen (?:Bank|Super ?App)\b|receipt\.dashensuperapp\.com"),
    currency="ETB",
    zone="Africa/Addis_Ababa",
    date_formats=("%Y-%m-%d at %H:%M:%S", "%d/%m/%Y %H:%M:%S", *DATE_FORMATS),
    templates=(
        Template("debited to", rx(r"{CUR} ?{AMT} has been debited from your account (?P<acct>{MASK}) and credited to the "
                                  r"(?P<who>.+?) on " + _WHEN + _BAL),
                 Kind.TRANSFER, Direction.DEBIT),
        Template("received", rx(r"You have received {CUR} ?{AMT} from (?P<who>.+?)(?: Ref No: ?(?P<ref>\w+))? on " + _WHEN
                                + r" to your bank account '?(?P<acct>{MASK})'?" + _BAL),
                 Kind.TRANSFER, Direction.CREDIT),
        Template("credited from", rx(r"your account (?P<acct>{MASK}) has been credited with {CUR} ?{AMT} from (?P<who>.+?) "
                                     r"(?:on )+" + _WHEN + _BAL),
                 Kind.TRANSFER, Direction.CREDIT),
        Template("account", rx(r"your account (?P<acct>{MASK}) has been (?P<dir>debited|credited) with {CUR} ?{AMT}"
                               r"(?: on " + _WHEN + r")?" + _BAL),
                 Kind.DEBIT),
    ),
)
