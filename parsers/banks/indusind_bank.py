"""IndusInd Bank (India, INR): UPI debits/credits, IMPS/ACH account alerts, card spends and refunds."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, negative, rx
from parsers.base import Direction, Kind


def _last_segment(g: dict[str, str | None]) -> dict[str, str | None]:
    """'ACH DR INW PAY/0000WD.../Grow' and 'XXXXXXX4321/MADMONEY': the name is the last segment."""
    who = g.get("who") or ""
    g["who"] = who.rsplit("/", 1)[-1] if "/" in who else None
    return g


INDUSIND_BANK = TemplateBank(
    name="indusind_bank",
    sender_domains=("indusind.com",),
    signature=rx(r"^IndusInd\b|-\s?IndusInd Bank|IndusInd (?:A/C|Account|Card|Bank Credit Card|Deposit)|IndusMobile",
                 re.IGNORECASE | re.MULTILINE),
    currency="INR",
    zone="Asia/Kolkata",
    negatives=(
        negative("interest on a deposit", r"Net interest {C} ?[\d,.]+ paid on your IndusInd Deposit"),
        negative("balance notice", r"has Avl BAL of {C} ?[\d,.]+ as on"),
    ),
    templates=(
        Template("upi", rx(r"A/c \*?(?P<acct>{MASK}) (?P<dir>debited|credited) by {CUR} ?{AMT} (?:towards|from) "
                           r"(?P<who>\S+?)\.? RRN: ?(?P<ref>\d+)(?:\. Avl Bal: ?(?P<bal>[\d,]*\.?\d+))?"),
                 Kind.MOBILE_PAYMENT, who_is_counterparty=False),
        Template("account channel", rx(r"Your IndusInd Account (?P<acct>{MASK}) has been (?P<dir>debited|credited) for "
                                       r"{CUR} ?{AMT} towards (?P<who>[A-Z]+)/(?P<ref>\w+)"),
                 Kind.TRANSFER),
        Template("ach debit", rx(r"IndusInd A/C (?P<dir>Debited); {CUR} ?{AMT} Ref-(?P<who>.+?)\.\s?Bal {C} ?(?P<bal>[\d,]*\.?\d+)"),
                 Kind.BILL_PAYMENT, fix=_last_segment, who_is_counterparty=False),
        Template("debit card purchase", rx(r"{CUR} ?{AMT} debited from your A/C (?P<acct>{MASK}) towards Debit Card Purchase"
                                           r"(?:\. Avl BAL {C} ?(?P<bal>[\d,]*\.?\d+))?"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("imps credit", rx(r"Your account (?P<acct>{MASK}) is credited by {CUR} ?{AMT} on (?P<when>[\d-]+) received from "
                                   r"account (?P<who>\S+) \((?:IMPS|NEFT|UPI) Ref no\.? (?P<ref>\w+)\)"),
                 Kind.TRANSFER, Direction.CREDIT, fix=_last_segment),
        Template("card spend", rx(r"{CUR} ?{AMT} spent on IndusInd Card (?P<card>{MASK}) on (?P<when>[\d-]+ [\d:]+ [ap]m) at "
                                  r"(?P<who>.+?)\. Avl Lmt"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("card refund", rx(r"refund of {CUR} ?{AMT} from (?P<who>.+?) has been credited to your IndusInd Bank "
                                   r"Credit Card (?P<card>{MASK}) on (?P<when>[\w-]+)"),
                 Kind.REFUND, Direction.CREDIT, who_is_counterparty=False),
        # Unsigned short wording: reached only when the subject or sender already named IndusInd.
        Template("short debit", rx(r"{CUR} ?{AMT} debited from A/c (?P<acct>{MASK}) at (?P<who>.+?) Ref (?P<ref>\w+)"),
                 Kind.PURCHASE, Direction.DEBIT),
    ),
)
