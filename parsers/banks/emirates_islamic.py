"""Emirates Islamic (UAE, AED; cards abroad): "Label: value" blocks for card use, ATM, transfers, salary."""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, negative, rx
from parsers.base import Direction, Kind

_TAIL = r"Amount: {CUR} {AMT} Date: (?P<when>[\d/]+,? [\d:]+)(?: Available (?:Balance|Limit): (?P<balcur>[A-Z]{3}) (?P<bal>[\d,]*\.?\d+))?"

EMIRATES_ISLAMIC = TemplateBank(
    name="emirates_islamic",
    sender_domains=("emiratesislamic.ae",),
    signature=rx(
        r"Emirates Islamic|^(?:Debit|Credit) Card Purchase\nCard Ending:|^ATM Withdrawal\nDebit Card Ending:"
        r"|^Payment towards Credit Card\nFrom Account:"
        r"|(?:Telegraphic Transfer (?:Deducted From|Received To)|Online Banking Transfer From|Salary Deposited) Account: \w+ Amount:",
        re.IGNORECASE | re.MULTILINE,
    ),
    currency="AED",
    zone="Asia/Dubai",
    negatives=(negative("credit card bill payment received",
                        r"confirm receipt of your payment of {C} ?[\d,.]+ towards your Credit Card"),),
    templates=(
        Template("card purchase", rx(r"(?:Debit|Credit) Card Purchase Card Ending: (?P<card>\d+) At: (?P<who>.+?) " + _TAIL),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("atm", rx(r"ATM Withdrawal Debit Card Ending: (?P<card>\d+) From: (?P<who>.+?) " + _TAIL),
                 Kind.WITHDRAWAL, Direction.DEBIT, fix=lambda g: {**g, "who": f"ATM Withdrawal: {g['who']}"}),
        Template("card payment", rx(r"Payment towards Credit Card From Account: (?P<acct>\w+) " + _TAIL),
                 Kind.BILL_PAYMENT, Direction.DEBIT, label="Credit card payment", who_is_counterparty=False),
        Template("transfer out", rx(r"(?:Telegraphic Transfer Deducted|Online Banking Transfer) From Account: (?P<acct>\w+) "
                                    + _TAIL),
                 Kind.TRANSFER, Direction.DEBIT),
        Template("transfer in", rx(r"Telegraphic Transfer Received To Account: (?P<acct>\w+) " + _TAIL),
                 Kind.TRANSFER, Direction.CREDIT),
        Template("salary", rx(r"Salary Deposited Account: (?P<acct>\w+) " + _TAIL), Kind.SALARY, Direction.CREDIT,
                 label="Salary"),
    ),
)
