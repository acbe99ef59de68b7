"""Emirates NBD (UAE, AED; cards abroad): credit card purchases and account debit/credit notices."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

EMIRATES_NBD = TemplateBank(
    name="emirates_nbd",
    sender_domains=("emiratesnbd.com",),
    signature=rx(r"^Emirates NBD\b|-\s?Emirates NBD|\bENBD\b|with Credit Card ending \d+ at .+?\. Avl Cr\. Limit is",
                 re.IGNORECASE | re.MULTILINE),
    currency="AED",
    zone="Asia/Dubai",
    templates=(
        Template("card purchase", rx(r"Purchase of {CUR} ?{AMT} with (?:Credit|Debit) Card ending (?P<card>\d+) at (?P<who>.+?)\. "
                                     r"Avl (?:Cr\. Limit|Balance) is"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("account", rx(r"{CUR} ?{AMT} (?P<dir>debited|credited) (?:from|to) (?:A/C (?P<acct>{MASK})|your account)"
                               r"(?: on (?P<when>\d{2}-\w{3}-\d{2}))?"),
                 Kind.DEBIT),
    ),
)
