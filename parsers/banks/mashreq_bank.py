"""Mashreq Bank (UAE, AED): NEO debit and credit card use."""

from __future__ import annotations

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

MASHREQ_BANK = TemplateBank(
    name="mashreq_bank",
    sender_domains=("mashreq.com", "mashreqbank.com"),
    signature=rx(r"\bMashreq\b|\bNEO VISA\b|Thank you for using (?:your )?card ending"),
    currency="AED",
    zone="Asia/Dubai",
    templates=(
        Template("card use", rx(r"Thank you for using .*?card (?:Card )?ending (?P<card>\S+) for {CUR} ?{AMT} at "
                                r"(?P<who>.+?) on (?P<when>.+?)\. (?:Avl|Available)"),
                 Kind.PURCHASE, Direction.DEBIT),
    ),
)
