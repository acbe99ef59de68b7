"""The Greater Bombay Co-op. Bank (India, INR): account debit/credit notices and UPI transfers."""

from __future__ import annotations

from parsers.banks._common import DATE_FORMATS, Template, TemplateBank, rx
from parsers.base import Direction, Kind


def _labelled(g: dict[str, str | None]) -> dict[str, str | None]:
    g["who"] = f"{(g.get('dir') or '').title()} Transaction"
    return g


GREATER_BANK = TemplateBank(
    name="greater_bank",
    sender_domains=("greaterbank.com",),
    signature=rx(r"\bGREATER BANK\b"),
    currency="INR",
    zone="Asia/Kolkata",
    date_formats=("%d/%m/%Y at %H:%M:%S", *DATE_FORMATS),
    templates=(
        Template("had a transaction", rx(r"Your Account (?P<acct>{MASK}) had a (?P<dir>DEBIT|CREDIT) transaction of {CUR}\.? ?{AMT}"
                                         r"(?: on (?P<when>[\d/-]+(?: at [\d:]+)?))?\.?(?: ?Available balance is {C}\.? ?"
                                         r"(?P<bal>[\d,]*\.?\d+))?"),
                 Kind.DEBIT, who_is_counterparty=False, fix=_labelled),
        Template("account transfer", rx(r"Your a/c no\.? (?P<acct>{MASK}) is debited for {CUR}\.? ?{AMT} on (?P<when>[\d-]+) and "
                                        r"credited to a/c no\.? {MASK} \((?:UPI|IMPS|NEFT) Ref no\.? (?P<ref>\d+)\)"),
                 Kind.TRANSFER, Direction.DEBIT, label="Bank Transfer"),
        Template("account credited", rx(r"Your a/c no\.? (?P<acct>{MASK}) is credited for {CUR}\.? ?{AMT} on (?P<when>[\d-]+) and "
                                        r"debited from a/c no\.? {MASK} \((?:UPI|IMPS|NEFT) Ref no\.? (?P<ref>\d+)\)"),
                 Kind.TRANSFER, Direction.CREDIT, label="Bank Transfer"),
    ),
)
