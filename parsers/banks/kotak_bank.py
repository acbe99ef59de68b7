"""Kotak Mahindra Bank (India, INR): UPI sent/received, account debits, credit card spends and refunds."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind


def _after_ref(g: dict[str, str | None]) -> dict[str, str | None]:
    """'UPI-638903921672-CORN': the payee follows the UPI reference."""
    parts = (g.get("who") or "").split("-", 2)
    if len(parts) == 3 and parts[0].upper() == "UPI":
        g["ref"], g["who"] = parts[1], parts[2]
    return g


KOTAK_BANK = TemplateBank(
    name="kotak_bank",
    sender_domains=("kotak.com", "kotak.bank.in"),
    signature=rx(r"^Kotak\b|Kotak Bank A/?C|Kotak Credit Card x\d|-\s?Kotak\b|kotk\.in/|kotak\.com/KBANKT", re.IGNORECASE | re.MULTILINE),
    currency="INR",
    zone="Asia/Kolkata",
    templates=(
        Template("upi sent", rx(r"Sent {CUR} ?{AMT} from (?:Kotak Bank AC )?(?P<acct>{MASK}) to (?P<who>.+?) on "
                                r"(?P<when>[\d/-]+)\.\s?UPI [Rr]ef(?: no\.?)? (?P<ref>\d+)"),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT, who_is_counterparty=False),
        Template("upi received", rx(r"Received {CUR} ?{AMT} in your Kotak Bank A/?C (?P<acct>{MASK}) from (?P<who>\S+?) on "
                                    r"(?P<when>[\d/-]+)\.\s?UPI Ref (?P<ref>\d+)"),
                 Kind.MOBILE_PAYMENT, Direction.CREDIT),
        Template("imps received", rx(r"Received {CUR} ?{AMT} on (?P<when>[\d/-]+) in your Kotak Bank A/?C (?P<acct>{MASK}) by "
                                     r"an A/C linked to mobile (?P<who>\S+?)\.? (?:IMPS|NEFT) Ref no\.? (?P<ref>\d+)"),
                 Kind.TRANSFER, Direction.CREDIT),
        Template("account debit", rx(r"{CUR} ?{AMT} debited from your Kotak Bank A/?C (?P<acct>{MASK}) on (?P<when>[\d/-]+)"),
                 Kind.DEBIT, Direction.DEBIT),
        Template("card spend", rx(r"{CUR} ?{AMT} spent on Kotak Credit Card (?P<card>{MASK}) on (?P<when>[\w-]+) at "
                                  r"(?P<who>.+?)\. Avl limit"),
                 Kind.PURCHASE, Direction.DEBIT, fix=_after_ref),
        Template("cashback", rx(r"Cashback of {CUR} ?{AMT} has been sent to your Kotak Bank A/c (?P<acct>{MASK})\. "
                                r"Credited on (?P<when>[\d/-]+)"),
                 Kind.REFUND, Direction.CREDIT, label="Cashback", who_is_counterparty=False),
        Template("card refund", rx(r"{CUR} ?{AMT} from (?P<who>.+?) refunded to your Kotak Credit Card (?P<card>{MASK}) on "
                                   r"(?P<when>[\w-]+)"),
                 Kind.REFUND, Direction.CREDIT, who_is_counterparty=False),
    ),
)
