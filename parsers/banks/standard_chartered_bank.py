"""Standard Chartered (India INR and Pakistan PKR; cards abroad in other currencies).

India: UPI debits naming the other account, NEFT/RTGS/IMPS credits signed -StanChart.
Pakistan: "Dear Client," alerts for card payments, ATM withdrawals, IBFT/Raast transfers.
"""

from __future__ import annotations

import re

from parsers.banks._common import Template, TemplateBank, rx
from parsers.base import Direction, Kind


def _transfer_to(g: dict[str, str | None]) -> dict[str, str | None]:
    if g.get("who"):
        g["who"] = f"{g.get('chan') or 'Account'} Transfer to {g['who']}"
    return g


def _channel(suffix: str):  # type: ignore[no-untyped-def]
    def fix(g: dict[str, str | None]) -> dict[str, str | None]:
        g["who"] = f"{g['who']} {suffix}" if g.get("who") else None
        return g

    return fix


_PK = r"Dear Client ?, "
STANDARD_CHARTERED_BANK = TemplateBank(
    name="standard_chartered_bank",
    sender_domains=("sc.com", "standardchartered.com"),
    signature=rx(
        r"StanChart|\bSCBPL\b|^Standard Chartered\b|SC Raast|SCB PK|18002586465|111 002 002"
        r"|is debited for Rs\. [\d,.]+ on [\d-]+ [\d:]+ and credited to a/c"
        r"|Dear Client, (?:[A-Z]{3} [\d,.]+ (?:have been paid at|were withdrawn from)|an electronic funds transfer of"
        r"|a transaction of [A-Z]{3} [\d,.]+ has been completed on|your account [\d*x-]+ has been credited with amount"
        r"|an ATM cash withdrawal transaction of)",
        re.IGNORECASE | re.MULTILINE,
    ),
    currency="INR",
    zones_by_currency={"INR": "Asia/Kolkata", "PKR": "Asia/Karachi", "NPR": "Asia/Kathmandu"},
    templates=(
        Template("upi debit", rx(r"Your a/c (?P<acct>{MASK}) is debited for {CUR} ?{AMT} on (?P<when>[\d-]+ [\d:]+) and "
                                 r"credited to a/c (?P<who>{MASK}) \((?P<chan>UPI|IMPS|NEFT) Ref no (?P<ref>\w+)\)"),
                 Kind.TRANSFER, Direction.DEBIT, fix=_transfer_to),
        Template("channel credit", rx(r"there is an? (?P<who>NEFT|RTGS|IMPS|UPI) credit of {CUR} ?{AMT} in your account "
                                      r"(?P<acct>{MASK}) on (?P<when>[\d/]+)\.?\s?Available Balance: ?{C} ?(?P<bal>[\d,]*\.?\d+)"),
                 Kind.TRANSFER, Direction.CREDIT, fix=_channel("Credit"), trusted=True),
        Template("raast in", rx(r"{CUR} ?{AMT} sent to SCB PK A/C (?P<acct>{MASK}) for .*? on (?P<when>[\w-]+ [\d:]+) via "
                                r"(?P<who>RAAST|IBFT)(?: for TX ID (?P<ref>\w+))?"),
                 Kind.TRANSFER, Direction.CREDIT, fix=_channel("Transfer")),
        Template("eft in", rx(_PK + r"an electronic funds transfer of {CUR} ?{AMT} has been made into your Account No\.? "
                              r"(?P<acct>{MASK}) on (?P<when>[\d-]+)"),
                 Kind.TRANSFER, Direction.CREDIT, label="IBFT Transfer"),
        Template("account credit", rx(_PK + r"your account (?P<acct>{MASK}) has been credited with amount {CUR} ?{AMT} from "
                                      r"account \S+ (?P<who>.+?) from .*? on (?P<when>[\d/]+)"),
                 Kind.TRANSFER, Direction.CREDIT),
        Template("transfer out", rx(_PK + r"a transaction of {CUR} ?{AMT} has been completed on (?:Iban|Acc|Account)\.? "
                                    r"(?:Number |No\.? )?(?P<acct>{MASK})(?: to (?P<who>.+?))? on (?P<when>[\d/-]+(?: [\d:]+)?)"
                                    r" (?:through|using)"),
                 Kind.TRANSFER, Direction.DEBIT),
        Template("atm", rx(_PK + r"{CUR} ?{AMT} were withdrawn from Account No\.? (?P<acct>{MASK}) on (?P<when>[\d-]+) using an ATM"),
                 Kind.WITHDRAWAL, Direction.DEBIT, label="ATM Cash Withdrawal"),
        Template("card atm", rx(_PK + r"an ATM cash withdrawal transaction of {CUR} ?{AMT} has been made on (?P<when>[\d-]+) "
                                r"using (?:credit|debit) card no\.? (?P<card>{MASK})"),
                 Kind.WITHDRAWAL, Direction.DEBIT, label="ATM Cash Withdrawal"),
        Template("card payment", rx(_PK + r"{CUR} ?{AMT} have been paid at (?P<who>.+?) on (?P<when>[\d-]+) using "
                                    r"(?:Debit|Credit) Card no\.? (?P<card>{MASK})"),
                 Kind.PURCHASE, Direction.DEBIT),
        Template("financing payment", rx(r"Your payment of {CUR} ?{AMT} against availed financing facility has been received"),
                 Kind.BILL_PAYMENT, Direction.DEBIT, label="Financing Payment", who_is_counterparty=False),
        # Nepal: short unsigned wordings, reached only through a Standard Chartered subject or sender.
        Template("np atm", rx(r"{CUR} ?{AMT} has been debited from your account (?P<acct>{MASK}) at ATM"),
                 Kind.WITHDRAWAL, Direction.DEBIT, label="ATM Withdrawal"),
        Template("np debit", rx(r"{CUR} ?{AMT} has been debited from your account (?P<acct>{MASK})"), Kind.DEBIT, Direction.DEBIT),
        Template("np deposit", rx(r"{CUR} ?{AMT} has been deposited into your account (?P<acct>{MASK})"),
                 Kind.DEPOSIT, Direction.CREDIT),
    ),
)
