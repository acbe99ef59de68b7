"""Liv (Emirates NBD's digital bank, UAE, AED; card abroad in other currencies): purchases and account credits."""

from __future__ import annotations

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

LIV_BANK = TemplateBank(
    name="liv_bank",
    sender_domains=("liv.me",),
    signature=rx(
        r"\bLiv (?:Bank|Debit Card|app)\b|Credits post cut-offs will be available next day"
        r"|Purchase of [A-Z]{3} [\d,.]+ with Debit Card ending \d+ at .+?\. Avl Balance is"
        r"|[A-Z]{3} [\d,.]+ has been credited to account \w+\. Current balance is"
    ),
    currency="AED",
    zone="Asia/Dubai",
    templates=(
        Template("purchase", rx(r"Purchase of {CUR} ?{AMT} with (?:Debit|Credit) Card ending (?P<card>\d+) at (?P<who>.+?)"
                                r"(?:, [A-Za-z ]+)?\. Avl Balance is (?P<balcur>[A-Z]{3}) ?(?P<bal>[\d,]*\.?\d+)"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("credit", rx(r"{CUR} ?{AMT} has been credited to account (?P<acct>\w+)\. Current balance is "
                              r"(?P<balcur>[A-Z]{3}) ?(?P<bal>[\d,]*\.?\d+)"),
                 Kind.CREDIT, Direction.CREDIT, label="Account Credit"),
    ),
)
