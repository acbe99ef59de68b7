"""NMB Bank (Nepal, NPR): "NMB_ALERT:" fund transfers, withdrawals/deposits and wallet loads."""

from __future__ import annotations

from parsers.banks._common import DATE_FORMATS, Template, TemplateBank, rx
from parsers.base import Direction, Kind

_ACCT = r"(?P<acct>[\dXx*#]*\d[\dXx*#]*)"

NMB_BANK_NEPAL = TemplateBank(
    name="nmb_bank_nepal",
    sender_domains=("nmb.com.np",),
    signature=rx(r"\bNMB_ALERT\b|\beNMB\b|\bNMB Bank Nepal\b"),
    currency="NPR",
    zone="Asia/Kathmandu",
    date_formats=("%d-%b-%Y %H:%M:%S", *DATE_FORMATS),
    templates=(
        Template("fund transfer", rx(r"Fund transfer of {CUR} ?{AMT} to A/C " + _ACCT + r" was successful"
                                    r"(?: on (?P<when>[\w-]+ [\d:]+))?"),
                 Kind.TRANSFER, Direction.DEBIT, label="Fund Transfer"),
        Template("withdrawn", rx(r"A/C " + _ACCT + r" withdrawn {CUR} ?{AMT}(?: on (?P<when>[\d/-]+))?(?: \((?P<ref>[^)]+)\))?"),
                 Kind.WITHDRAWAL, Direction.DEBIT, label="ATM Withdrawal", who_is_counterparty=False),
        Template("deposited", rx(r"A/C " + _ACCT + r" deposited {CUR} ?{AMT}(?: on (?P<when>[\d/-]+))?(?: \((?P<ref>[^)]+)\))?"),
                 Kind.DEPOSIT, Direction.CREDIT, label="Deposit"),
        # "Your Esewa Wallet Load for 98XXXXXXXX of 300.00 is successful": money moved to a wallet.
        Template("wallet load", rx(r"Your (?P<who>[\w ]{2,30}? Wallet Load) for \d+ of {CUR}? ?{AMT} is successful"
                                   r"(?: on (?P<when>[\w-]+ [\d:]+))?"),
                 Kind.TRANSFER, Direction.DEBIT, who_is_counterparty=False),
    ),
)
