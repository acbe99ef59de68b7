"""First Abu Dhabi Bank (UAE, AED; cards abroad in other currencies).

Two families: line-per-field blocks ("Debit Card Purchase / Debit / Account XXXX0002 / Card
XXXX1234 / THB 283.00 / MERCHANT / 26/06/25 11:51 / Available Balance AED ...") and sentences
for transfers, cheques and credits.
"""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind

_BLOCK_KINDS = {"inward remittance": Kind.TRANSFER, "outward remittance": Kind.TRANSFER, "cash deposit": Kind.DEPOSIT}


def _block_kind(g: dict[str, str | None]) -> dict[str, str | None]:
    g["kind"] = _BLOCK_KINDS.get((g.get("title") or "").lower(), Kind.DEBIT).value
    return g


def _own_transfer(g: dict[str, str | None]) -> dict[str, str | None]:
    """Between two masked accounts: "Transfer: 002 → 001" (last digits of each side)."""
    src, dst = re.sub(r"\D", "", g.get("acct") or ""), re.sub(r"\D", "", g.get("who") or "")
    if src and dst:
        g["who"] = f"Transfer: {src[-3:]} → {dst[-3:]}"
    return g


FAB = TemplateBank(
    name="fab",
    sender_domains=("bankfab.com",),
    signature=rx(
        r"\bFAB (?:account|card)|600525500|payment instructions of [A-Z]{3} [\d,.]+ to"
        r"|^(?:Credit|Debit) Card Purchase\n(?:Debit\n)?(?:Account|Card No)|^ATM Cash withdrawal\nDebit\nAccount"
        r"|^(?:Inward|Outward) Remittance\n(?:Credit|Debit)\nAccount|^Cash Deposit\nCredit\nAccount"
        r"|^Cheque (?:Credited|Returned)\nCheque No|unsuccessful transaction of [A-Z]{3} [\d,.]+ has been credited"
        r"|funds transfer request of [A-Z]{3} [\d,.]+ (?:from account|to IBAN/Account/Card)",
        re.IGNORECASE | re.MULTILINE,
    ),
    currency="AED",
    zone="Asia/Dubai",
    templates=(
        Template("card purchase", rx(r"(?:Credit|Debit) Card Purchase(?: Debit)?(?: Account (?P<acct>{MASK}))? Card(?: No)? "
                                     r"(?P<card>{MASK}) {CUR} {AMT} (?P<who>.+?) (?P<when>\d{2}/\d{2}/\d{2} \d{2}:\d{2})"
                                     r"(?: Available Balance (?P<balcur>[A-Z]{3}) (?P<bal>[\d,]*\.?\d+))?"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("atm", rx(r"ATM Cash withdrawal Debit Account (?P<acct>{MASK})(?: Card (?P<card>{MASK}))? {CUR} {AMT} "
                           r"(?P<when>\d{2}/\d{2}/\d{2} \d{2}:\d{2})"),
                 Kind.WITHDRAWAL, Direction.DEBIT, label="ATM Withdrawal"),
        Template("account block", rx(r"(?P<title>Inward Remittance|Outward Remittance|Cash Deposit) (?P<dir>Debit|Credit) "
                                     r"Account (?P<acct>{MASK}) {CUR} {AMT}(?: (?:Value )?Date (?P<when>[\d/]+))?"),
                 Kind.DEBIT, fix=_block_kind),
        Template("cheque credited", rx(r"Cheque No (?P<ref>\d+) for {CUR} ?{AMT} deposited in your account (?P<acct>{MASK}) "
                                       r"has been credited on (?P<when>[\d/]+)"),
                 Kind.DEPOSIT, Direction.CREDIT, label="Cheque Credited"),
        # A deposited cheque bounced: the credit it had brought is taken back.
        Template("cheque returned", rx(r"Cheque No (?P<ref>\d+) for {CUR} ?{AMT} deposited in your account (?P<acct>{MASK}) "
                                       r"has been returned unpaid"),
                 Kind.DEBIT, Direction.DEBIT, label="Cheque Returned", trusted=True),
        # "unsuccessful transaction ... has been credited": money coming back, not a failure notice.
        Template("reversal", rx(r"unsuccessful transaction of {CUR} ?{AMT} has been credited to your account (?P<acct>{MASK})"
                                r"(?: Card (?P<card>{MASK}))? on (?P<when>[\d/]+ [\d:]+)"),
                 Kind.REFUND, Direction.CREDIT, label="Refund", trusted=True, who_is_counterparty=False),
        Template("transfer to", rx(r"funds transfer request of {CUR} ?{AMT} to IBAN/Account/Card (?P<who>{MASK}) has been "
                                   r"processed(?: successfully)? from your account/card (?P<acct>{MASK}) on (?P<when>[\d/]+ [\d:]+)"),
                 Kind.TRANSFER, Direction.DEBIT, fix=_own_transfer),
        Template("transfer from", rx(r"funds transfer request of {CUR} ?{AMT} from account (?P<acct>{MASK}) to account "
                                     r"(?P<who>{MASK}) has been processed on (?P<when>[\d/]+ [\d:]+)"),
                 Kind.TRANSFER, Direction.DEBIT, fix=_own_transfer),
        Template("payment", rx(r"Your payment instructions of {CUR} ?{AMT} to (?P<who>\S+) has been processed on "
                               r"(?P<when>[\d/]+ [\d:]+)"),
                 Kind.TRANSFER, Direction.DEBIT),
        Template("credit", rx(r"An amount of {CUR} ?{AMT} has been credited to your FAB account (?P<acct>{MASK}) on "
                              r"(?P<when>[\d/]+)"),
                 Kind.CREDIT, Direction.CREDIT, label="Account Credited"),
    ),
)
