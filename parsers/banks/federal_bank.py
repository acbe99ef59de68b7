"""Federal Bank (India, INR): UPI/NEFT/IMPS SMS alerts, debit-card e-mandates, Scapia credit card."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, negative, rx
from parsers.base import Direction, Kind


def _channel_credit(g: dict[str, str | None]) -> dict[str, str | None]:
    g["who"] = f"{g['who']} Credit" if g.get("who") else None
    return g


def _sender(g: dict[str, str | None]) -> dict[str, str | None]:
    if (g.get("who") or "").strip().isdigit():  # "sent by 0000": the bank masks the payer
        g["who"] = None
    return g


FEDERAL_BANK = TemplateBank(
    name="federal_bank",
    sender_domains=("federalbank.co.in",),
    signature=rx(r"^Federal Bank\b|-\s?Federal Bank\b|FedMobile|Scapia Federal|your Federal Bank (?:Savings|Debit|Credit)"
                 r"|on Federal Bank (?:Debit|Credit) Card", re.IGNORECASE | re.MULTILINE),
    currency="INR",
    zone="Asia/Kolkata",
    negatives=(
        # The payee's receipt of a transfer made in FedMobile: its "Debited ... via NEFT ... Ref FDRL..."
        # alert, with the same FDRL reference, already counted it. Other receipts (FBBT... references:
        # payments the bank sends for the customer without a debit alert) are the only record.
        negative("beneficiary confirmation of a transfer already alerted",
                 r"has received (?:Rs\.?|INR|₹) ?[\d,.]+ from your A/c .{0,80}?Ref no\.? ?FDRL\w+"),
        negative("balance notice", r"Your available balance for a/c"),
        negative("account notice", r"\b(?:V(?:ideo )?KYC|debit frozen)\b"),
    ),
    templates=(
        Template("upi debit", rx(r"{CUR} ?{AMT} debited via UPI on (?P<when>[\d-]+ [\d:]+) to VPA "
                                 r"(?P<who>[\w.\-]+@\w+)\.? ?Ref No\.? ?(?P<ref>\w+)"),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT, who_is_counterparty=False),
        Template("channel credit", rx(r"{CUR} ?{AMT} credited to your A/c (?P<acct>{MASK}) via (?P<who>IMPS|NEFT|RTGS|UPI)"
                                      r" on (?P<when>\w+ [\d:]+)(?: \w+ Ref no (?P<ref>\w+))?(?: Bal: ?{C}? ?(?P<bal>[\d,.]+\d))?"),
                 Kind.TRANSFER, Direction.CREDIT, fix=_channel_credit),
        Template("received", rx(r"you've received {CUR} ?{AMT} in your Account (?P<acct>{MASK})\..*?sent by (?P<who>.+?)"
                                r" on (?P<when>\w+ \d{1,2}, \d{4})"),
                 Kind.TRANSFER, Direction.CREDIT, label="Bank Transfer", fix=_sender),
        Template("e-mandate", rx(r"payment of {CUR} ?{AMT} for (?P<who>.+?) via e-mandate ID: ?(?P<ref>\w+) on Federal Bank "
                                 r"(?:Debit|Credit) Card (?P<card>{MASK}) is processed successfully"),
                 Kind.BILL_PAYMENT, Direction.DEBIT, who_is_counterparty=False),
        Template("credit card spend", rx(r"{CUR} ?{AMT} spent on your credit card ending with (?P<card>{MASK}) at "
                                         r"(?P<who>.+?) on (?P<when>[\d-]+ [\d:]+)"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("scapia spend", rx(r"txn of {CUR} ?{AMT} at (?P<who>.+?) on your Scapia Federal \w+ credit card"
                                    r"(?: was successful| earned)"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("card debit", rx(r"{CUR} ?{AMT} debited via card (?P<card>{MASK}) at (?P<who>.+?) on "
                                  r"(?P<when>[\d-]+ [\d:]+)(?:\. Current Bal: ?{C}? ?(?P<bal>[\d,]*\.?\d+))?"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("cash deposit", rx(r"{CUR} ?{AMT} ?(?:deposited to|credited in) your A/c (?P<acct>{MASK})"
                                    r"(?: via CDM)? on (?P<when>\w+ [\d:]+)(?: using cash deposit machine)?"),
                 Kind.DEPOSIT, Direction.CREDIT, label="Cash Deposit"),
        # "<payee> has received Rs 21.00 from your A/c 7990 via NEFT": the customer's own transfer out.
        Template("payee received", rx(r"(?P<who>[A-Z][\w&.,'()/ -]{1,80}?) has received {CUR} ?{AMT} from your A/c (?P<acct>{MASK}) "
                                      r"via (?:NEFT|IMPS|RTGS|UPI) on (?P<when>[\w-]+ [\d:]+)\.?(?: Ref no\.? ?(?P<ref>\w+))?"),
                 Kind.TRANSFER, Direction.DEBIT),
        Template("neft debit", rx(r"Debited {CUR} ?{AMT} from a/c (?P<acct>{MASK}) on (?P<when>\w+ [\d:]+) via "
                                  r"(?:NEFT|IMPS|RTGS|UPI) to (?P<who>.+?)\.\s?Ref (?P<ref>\w+)"),
                 Kind.TRANSFER, Direction.DEBIT),
        Template("withdrawal", rx(r"{CUR} ?{AMT} withdrawn ?@ ?.+? on (?P<when>\d{2}[A-Z]{3}\d{2} [\d:]+) "
                                  r"Bal {C}? ?(?P<bal>[\d,]*\.?\d+) Ref (?P<ref>\w+)"),
                 Kind.WITHDRAWAL, Direction.DEBIT, label="Cash Withdrawal"),
        Template("card bill paid", rx(r"received your payment of {CUR} ?{AMT} towards your Scapia Federal credit card"),
                 Kind.BILL_PAYMENT, Direction.DEBIT, label="Credit card payment", who_is_counterparty=False),
    ),
)
