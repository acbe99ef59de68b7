"""Mixx by Yas (formerly Tigo Pesa; Tanzania mobile money, TZS): transfers, bill payments, cash out, LUKU."""

from __future__ import annotations

import re
from collections.abc import Callable

from parsers.banks._common import Template, TemplateBank, negative, rx
from parsers.base import Direction, Kind

_WHEN = r"(?P<when>\d{2}/\d{2}/\d{2} \d{2}:\d{2})"

def _masked_party(g: dict[str, str | None]) -> dict[str, str | None]:
    """"sent successfully to -255XXXXXXXXX": only a masked number, so name the service instead."""
    if re.fullmatch(r"-?\+?[\dX*]+", (g.get("who") or "").strip()):
        g["who"] = "Mobile Money Transfer"
    return g


def _labelled(label: str) -> Callable[[dict[str, str | None]], dict[str, str | None]]:
    def fix(g: dict[str, str | None]) -> dict[str, str | None]:
        g["who"] = f"{label} - {g['who']}" if g.get("who") else label
        return g
    return fix


MIXX_BY_YAS = TemplateBank(
    name="mixx_by_yas",
    sender_domains=("yas.co.tz",),
    signature=rx(r"Winning Goal|your Mixx interest|Ikiingia tu Golii|Yas PostPaid|\.LKS\s*$"
                 r"|^Txn (?:successful, )?Amt TSh|paid your Bustisha|(?:using|use) Tigo Pesa\b", re.IGNORECASE | re.MULTILINE),
    currency="TZS",
    zone="Africa/Dar_es_Salaam",
    negatives=(
        # Sent to another network: this first notice is pending; "Money sent successfully" follows.
        negative("pending transfer awaiting confirmation",
                 r"You have sent TSh [\d,.]+ to \w+ receiver .*wait for confirmation"),
        negative("confirmation without an amount (the payment alert counts)",
                 r"Payment Successful\.\s?Dear Customer your transaction is successfull?"),
    ),
    templates=(
        Template("sent", rx(r"Money sent successfully to (?P<who>\S+?)\. Amount {CUR} ?{AMT}\..*?" + _WHEN),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT, fix=_masked_party),
        Template("interest", rx(r"You have received {CUR} ?{AMT} from .{1,40}? as your Mixx interest"),
                 Kind.CREDIT, Direction.CREDIT, label="Mixx Interest"),
        # Tigo Pesa wordings (the wallet's former name).
        Template("sent to number", rx(r"You have sent {CUR} ?{AMT} (?:with CashOut fee {C} ?[\d,.]+ )?to [\dX*+]+ - (?P<who>.+?)\. "
                                      r"(?:Total )?Charges.*?" + _WHEN),
                 Kind.MOBILE_PAYMENT, Direction.DEBIT),
        Template("paid to", rx(r"You have paid {CUR} ?{AMT} to (?P<who>.+?)\. (?:Total )?Charges.*?" + _WHEN),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("cash in", rx(r"Cash-In of {CUR} ?{AMT} from Agent - (?P<who>.+?) is successful"),
                 Kind.DEPOSIT, Direction.CREDIT, fix=_labelled("Agent")),
        Template("received", rx(r"You have received {CUR} ?{AMT} from (?P<who>.+?)(?: with TxnId| as your)"),
                 Kind.MOBILE_PAYMENT, Direction.CREDIT),
        Template("bill sent", rx(r"Amt {CUR} ?{AMT} sent to (?P<who>.+?) \(\d+\)"),
                 Kind.BILL_PAYMENT, Direction.DEBIT, who_is_counterparty=False),
        Template("loan repaid", rx(r"You have successfully paid your (?P<who>\w+) Balance by {CUR} ?{AMT}"),
                 Kind.BILL_PAYMENT, Direction.DEBIT, who_is_counterparty=False),
        Template("cash out", rx(r"Cash Out of {CUR} ?{AMT} from Agent - (?P<who>.+?) is successful"),
                 Kind.WITHDRAWAL, Direction.DEBIT, who_is_counterparty=False, fix=_labelled("Agent Cash Out")),
        # LUKU: prepaid electricity; the receipt lists token and taxes, then the total paid.
        Template("luku token", rx(r"Payment Successful\..*?KWH.*?TOTAL {AMT} " + _WHEN),
                 Kind.BILL_PAYMENT, Direction.DEBIT, label="LUKU"),
    ),
)
