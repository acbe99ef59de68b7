"""The parser contract: types every bank module and the pipeline share.

Pure: no database, no network, no clock reads. A parser turns an already extracted
``Alert`` (text of the best body part plus a few headers) into a ``ParseResult``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol


class ParseError(Exception):
    """Base of the parsers' own errors; nothing else may escape the package."""


class UnrecognizedEmail(ParseError):
    """No parser could make sense of the message."""


class NotATransaction(ParseError):
    """A bank message that moves no money (OTP, promotion, declined payment...)."""


class MalformedAlert(ParseError):
    """A message that looks like an alert but whose fields are broken."""


class Status(str, enum.Enum):
    TRANSACTION = "transaction"
    NOT_TRANSACTION = "not_transaction"
    UNRECOGNIZED = "unrecognized"


class Direction(str, enum.Enum):
    DEBIT = "debit"  # money leaving the customer (purchases, transfers out, withdrawals, card spend)
    CREDIT = "credit"  # money coming in


class Kind(str, enum.Enum):
    PURCHASE = "purchase"  # card or online purchase at a merchant
    WITHDRAWAL = "withdrawal"  # ATM / cash withdrawal
    TRANSFER = "transfer"  # account-to-account transfer (either way)
    MOBILE_PAYMENT = "mobile_payment"  # wallet / mobile payment (sent or received)
    SALARY = "salary"
    DEPOSIT = "deposit"  # cash or cheque deposit
    REFUND = "refund"
    BILL_PAYMENT = "bill_payment"
    FEE = "fee"
    DEBIT = "debit"  # account debited, no more detail
    CREDIT = "credit"  # account credited, no more detail


@dataclass(frozen=True)
class ParsedTransaction:
    amount: Decimal  # positive, quantized to the currency's minor units
    currency: str  # ISO 4217, upper case
    direction: Direction
    kind: Kind
    merchant: str | None = None  # where the money went / came from for purchases
    counterparty: str | None = None  # person or account on the other side of a transfer
    account: str | None = None  # mask as printed: "xxxx0019", "4837********1518", "XX1234"
    balance: Decimal | None = None  # balance after the transaction, if the alert told it
    balance_currency: str | None = None
    occurred_at: datetime | None = None  # aware when the zone is known
    reference: str | None = None
    card: str | None = None

    def to_json(self) -> dict[str, Any]:
        """JSON shape of `spendwatch parse --json`: amounts as strings, never floats."""
        return {
            "amount": str(self.amount),
            "currency": self.currency,
            "direction": self.direction.value,
            "kind": self.kind.value,
            "merchant": self.merchant,
            "counterparty": self.counterparty,
            "account": self.account,
            "balance": None if self.balance is None else str(self.balance),
            "occurred_at": None if self.occurred_at is None else self.occurred_at.isoformat(),
            "reference": self.reference,
        }


@dataclass(frozen=True)
class Authentication:
    """What the trusted Authentication-Results header said about the claimed sender domain."""

    domain: str | None  # the From domain
    bank_domain: bool  # the domain belongs to a bank we have a dedicated parser for
    dkim: str  # pass | fail | none | untrusted (no header from a trusted authserv-id)
    authserv_id: str | None = None

    @property
    def suspicious(self) -> bool:
        """A known bank's domain without dkim=pass for that domain is never counted."""
        return self.bank_domain and self.dkim != "pass"

    def to_json(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "bank_domain": self.bank_domain,
            "dkim": self.dkim,
            "authserv_id": self.authserv_id,
            "suspicious": self.suspicious,
        }


@dataclass(frozen=True)
class Alert:
    """The parts of an e-mail a parser reads, extracted once (see parsers.extract)."""

    text: str  # best body part as plain text, lines kept, whitespace normalised per line
    subject: str = ""
    sender: str = ""  # address only, lower case
    sender_domain: str = ""
    date: datetime | None = None  # Date header (aware)
    html: str | None = None  # raw HTML when the body was HTML
    forwarded: bool = False  # sender/date come from a forwarded inner message
    # Domain of a forwarded inner sender that was NOT taken at face value (forwarding not
    # enabled, or the outer sender is not the user): a bank alert forwarded this way can
    # prove nothing about its origin, so the caller treats it as a claim without DKIM.
    forwarded_from: str | None = None


@dataclass(frozen=True)
class ParseResult:
    status: Status
    parser: str
    reason: str
    transaction: ParsedTransaction | None = None
    authentication: Authentication | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def bank(self) -> str:
        """The bank whose alert this is: the parser's name, or for a new wording of a known bank
        read by the generic parser, that bank's (its account is the same account)."""
        return str(self.extra.get(BANK) or self.parser)

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "parser": self.parser,
            "reason": self.reason,
            "authentication": None if self.authentication is None else self.authentication.to_json(),
            "transaction": None if self.transaction is None else self.transaction.to_json(),
        }


class BankParser(Protocol):
    """One bank: one module in parsers/banks/ and one line in parsers/registry.py."""

    name: str  # stable id stored with each raw e-mail, e.g. "bank_muscat"
    sender_domains: tuple[str, ...]  # domains whose mail must carry dkim=pass

    def claims(self, alert: Alert) -> bool:
        """True when this message is this bank's (by sender domain or by its wording)."""
        ...

    def parse(self, alert: Alert) -> ParseResult:
        """Parse a claimed message. May raise only ParseError subclasses."""
        ...


# ParseResult.extra key: a bank parser claimed the message but knows none of its wordings.
# parse_message then lets the generic parser read it (a new alert wording of a known bank,
# or another bank's alert that names this bank), instead of leaving it unread.
NO_TEMPLATE = "no_template"
# ParseResult.extra key: the bank of record when another parser read the bank's own mail.
BANK = "bank"


def no_template(parser: str, reason: str) -> ParseResult:
    """The result of a bank parser that claimed a message and matched none of its wordings."""
    return ParseResult(Status.UNRECOGNIZED, parser, reason, extra={NO_TEMPLATE: True})
