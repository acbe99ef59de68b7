"""HSBC India (INR; cards abroad; HSBC Egypt card alerts in EGP): "HSBC:" account credits and payments, debit and credit card use."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

HSBC_BANK = TemplateBank(
    name="hsbc_bank",
    sender_domains=("hsbc.co.in", "hsbc.com"),
    signature=rx(r"^HSBC:|HSBC (?:Debit Card|creditcard|Customer)|Your HSBC", re.IGNORECASE | re.MULTILINE),
    currency="INR",
    zone="Asia/Kolkata",
    zones_by_currency={"EGP": "Africa/Cairo"},  # HSBC Egypt's card wording reaches the same parser
    templates=(
        # The customer's NEFT has reached the payee's bank: the customer's own outgoing transfer.
        Template("neft delivered", rx(r"your (?:NEFT|RTGS|IMPS) transaction with reference number (?P<ref>\w+) for {CUR} ?{AMT} "
                                      r"has been credited to the .{0,40}?A/c {MASK} of (?P<who>.+?) on "
                                      r"(?P<when>[\d-]+)(?: at [\d:]+)?"),
                 Kind.TRANSFER, Direction.DEBIT),
        Template("credited", rx(r"A/c (?P<acct>{MASK}) is credited with {CUR} ?{AMT}.*? with UTR (?P<ref>\w+) as \w+ from "
                                r"(?P<who>.+?) \. Your Avl Bal is {C} ?(?P<bal>[\d,]*\.?\d+)"),
                 Kind.TRANSFER, Direction.CREDIT),
        Template("credited to", rx(r"{CUR} ?{AMT} is credited to your A/c (?P<acct>{MASK}) as \w+ from (?P<who>.+?) ?\.(?:\s|$)"),
                 Kind.TRANSFER, Direction.CREDIT),
        Template("paid", rx(r"{CUR} ?{AMT} is paid from (?:your )?(?:account|A/c) (?P<acct>{MASK}) to (?P<who>.+?) on "
                            r"(?P<when>[\w-]+)(?: with ref (?P<ref>\w+))?"),
                 Kind.BILL_PAYMENT, Direction.DEBIT, who_is_counterparty=False),
        Template("debit card at", rx(r"using HSBC Debit Card (?P<card>\w+) at (?P<who>.+?) \. for {CUR} ?{AMT} on "
                                     r"(?P<when>[\w-]+)"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("debit card for", rx(r"using HSBC Debit Card (?P<card>\w+) for {CUR} ?{AMT} on (?P<when>[\w-]+) at "
                                      r"(?P<who>.+?) ?\.(?:\s|$)"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("credit card", rx(r"Your HSBC creditcard (?P<card>\w+) used at (?P<who>.+?) for {CUR} ?{AMT} on (?P<when>[\w-]+)"),
                 Kind.PURCHASE, Direction.DEBIT),
        # Unsigned wording: reached only through an HSBC subject or sender.
        Template("card used", rx(r"Your Credit Card ending with (?P<card>\d+) has been used for {CUR} ?{AMT} on "
                                 r"(?P<when>[\d/]+) at (?P<who>.+?)\. Your available limit"),
                 Kind.PURCHASE, Direction.DEBIT),
    ),
)
