"""JioPay (India, INR): mobile recharges, merchant payments and bill payments ("... Rs. X paid. Transaction ID : ...")."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind


def _recharge(g: dict[str, str | None]) -> dict[str, str | None]:
    number = g.get("who") or ""
    g["who"] = f"Jio Recharge - {number[:4]}{'*' * max(len(number) - 4, 0)}" if number else "Jio Recharge"
    return g


def _bill(g: dict[str, str | None]) -> dict[str, str | None]:
    g["who"] = re.sub(r"\bbill\b", "Bill", (g.get("who") or "").strip()) or None
    return g


JIOPAY = TemplateBank(
    name="jiopay",
    sender_domains=("jio.com",),
    signature=rx(r"\bJioPay\b|Recharge Successful for Jio Number|\. Rs\. ?[\d,.]+ paid\. Transaction ID ?: ?\w+"),
    currency="INR",
    zone="Asia/Kolkata",
    templates=(
        Template("recharge", rx(r"Recharge Successful for Jio Number ?: ?(?P<who>\d+)\. {CUR}\.? ?{AMT} paid"
                                r"(?:\. Transaction ID ?: ?(?P<ref>\w+))?"),
                 Kind.BILL_PAYMENT, Direction.DEBIT, who_is_counterparty=False, fix=_recharge),
        Template("bill", rx(r"Bill Payment of {CUR}\.? ?{AMT} for (?P<who>.+?) successful\.(?: .*?Transaction ID ?: ?(?P<ref>\w+))?"),
                 Kind.BILL_PAYMENT, Direction.DEBIT, who_is_counterparty=False, fix=_bill),
        Template("payment to", rx(r"Payment successful to (?P<who>.+?)\. {CUR}\.? ?{AMT} paid(?:\. Transaction ID ?: ?(?P<ref>\w+))?"),
                 Kind.PURCHASE, Direction.DEBIT),
    ),
)
