"""Amazon Pay wallet (India, INR; SMS sent through Juspay): wallet debits and payments at merchants."""

from __future__ import annotations

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

AMAZON_PAY = TemplateBank(
    name="amazon_pay",
    sender_domains=("amazonpay.in",),
    signature=rx(r"\bApay (?:Wallet|Balance)\b"),  # Juspay also sends for other wallets: only Apay wording claims
    currency="INR",
    zone="Asia/Kolkata",
    templates=(
        Template("paid at", rx(r"Payment of {CUR} ?{AMT} using Apay Balance successful at (?P<who>.+?)\."
                               r"(?: Updated Balance is {C}\.? ?(?P<bal>[\d,]*\.?\d+))?"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("wallet debited", rx(r"Apay Wallet balance is debited for {CUR} ?{AMT}\.?"
                                      r"(?: Transaction Reference Number is (?P<ref>\w+))?"),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT, label="Amazon Pay Transaction", who_is_counterparty=False),
        Template("wallet credited", rx(r"Apay Wallet balance is credited (?:with|for) {CUR} ?{AMT}\.?"
                                       r"(?: Transaction Reference Number is (?P<ref>\w+))?"),
                 Kind.CREDIT, Direction.CREDIT, label="Amazon Pay Transaction"),
    ),
)
