"""slice (India, INR; fintech with UPI account and credit card): sent/received/spent alerts signed "- slice"."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, negative, rx
from parsers.base import Direction, Kind


def _not_a_date(g: dict[str, str | None]) -> dict[str, str | None]:
    """'transaction of RS. 500 on Feb 15 is successful': that "on" names a date, not a merchant."""
    if re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}", (g.get("who") or "").strip()):
        g["who"] = None
    return g


SLICE = TemplateBank(
    name="slice",
    sender_domains=("sliceit.com",),
    signature=rx(r"-\s?slice\s*$|^slice\b|Sent from slice|\bslice (?:account|credit card|UPI|a/c|card)", re.MULTILINE),
    currency="INR",
    zone="Asia/Kolkata",
    negatives=(
        negative("declined or failed payment", r"\b(?:failed|declined|unsuccessful)\b"),
        negative("autopay mandate change", r"UPI AutoPay for .+? is revoked"),
    ),
    templates=(
        Template("sent to", rx(r"Sent {CUR} ?{AMT} to (?P<who>.+?) \(UPI transaction success\)"),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT, who_is_counterparty=False),
        Template("sent from", rx(r"{CUR} ?{AMT} sent from a/c (?P<acct>{MASK}) on (?P<when>[\w-]+) to (?P<who>.+?) "
                                 r"\(UPI Ref: ?(?P<ref>\d+)\)"),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT, who_is_counterparty=False),
        Template("autopay paid", rx(r"paid {CUR} ?{AMT} from slice a/c (?P<acct>{MASK}) to (?P<who>.+?) on (?P<when>[\w-]+) "
                                    r"via UPI AutoPay"),
                 Kind.BILL_PAYMENT, Direction.DEBIT),
        Template("received", rx(r"{CUR} ?{AMT} received in slice A/c (?P<acct>{MASK}) on (?P<when>[\w-]+) from (?P<who>.+?) "
                                r"via UPI(?: \(Ref ID: ?(?P<ref>\d+)\))?"),
                 Kind.MOBILE_PAYMENT, Direction.CREDIT),
        Template("card transaction", rx(r"slice credit card transaction of {CUR} ?{AMT} on (?P<who>.+?) is successful"),
                 Kind.PURCHASE, Direction.DEBIT, fix=_not_a_date),
        Template("card spent", rx(r"{CUR} ?{AMT} spent on your (?:slice )?credit card(?: (?P<card>{MASK}))? at (?P<who>.+?)"
                                  r"(?: on (?P<when>[\w-]+))?(?: \(UPI Ref: ?(?P<ref>\d+)\))?\.(?:\s|$)"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("transaction at", rx(r"Your transaction of {CUR} ?{AMT} at (?P<who>.+?) from a/c (?P<acct>{MASK}) is successful"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("paid to", rx(r"{CUR} ?{AMT} paid to (?P<who>.+?) via slice UPI\.(?: Txn ID (?P<ref>\w+))?"),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT, who_is_counterparty=False),
        Template("account debit", rx(r"{CUR} ?{AMT} debited from your slice account via UPI\.(?: Txn ID (?P<ref>\w+))?"),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT),
        Template("cashback", rx(r"{CUR} ?{AMT} credited to your slice account as cashback"),
                 Kind.REFUND, Direction.CREDIT, label="Slice Credit (Cashback)", who_is_counterparty=False),
    ),
)
