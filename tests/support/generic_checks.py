"""How the generic parser's case files (tests/unit/test_generic_*.py) compare a reading with what
the alert says, leniently as the acceptance scoring does: the merchant names the same business
(case and punctuation ignored, one contained in the other), the account's last digits agree."""

from __future__ import annotations

import re
from decimal import Decimal
from email.message import EmailMessage

import parsers
from parsers.base import Direction, ParsedTransaction, ParseResult, Status


def words(s: str | None) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", (s or "").casefold()).split())


def same_merchant(want: str, got: str | None) -> bool:
    w, g = words(want), words(got)
    return bool(w and g) and (w == g or w in g or g in w)


def same_account(want: str, got: str | None) -> bool:
    w, g = re.sub(r"\D", "", want), re.sub(r"\D", "", got or "")
    return bool(w and g) and (g.endswith(w) or w.endswith(g[-4:]) or g[-4:] == w[-4:])


def assert_reads(result: ParseResult, amount: str, currency: str, direction: Direction | str,
                 party: str | None, account: str | None) -> ParsedTransaction:
    """A transaction with this amount, currency and direction; the other side and the account
    when given (None: not checked). Returns the transaction for further checks."""
    assert result.status is Status.TRANSACTION, result.reason
    txn = result.transaction
    assert txn is not None
    assert (txn.amount, txn.currency, txn.direction) == (Decimal(amount), currency, Direction(direction))
    if party is not None:
        got = txn.merchant or txn.counterparty
        assert same_merchant(party, got), got
    if account is not None:
        assert same_account(account, txn.account), txn.account
    return txn


def alert_mail(body: str, sender: str = "alerts@bank.example", subject: str = "Transaction alert") -> bytes:
    """An alert's text as the plain-text e-mail an SMS gateway or a bank would send."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "me@home.example"
    msg["Subject"] = subject
    msg.set_content(body)
    return msg.as_bytes()


def reads_as(body: str, amount: str, currency: str, direction: str, party: str | None, account: str | None) -> None:
    """The generic parser reads ``body`` as this transaction (a row of a held-out case file)."""
    assert_reads(parsers.parse_message(alert_mail(body), parser="generic"), amount, currency, direction, party, account)


def refused(body: str) -> None:
    """The generic parser does not count ``body`` (a non-transaction of a held-out case file)."""
    result = parsers.parse_message(alert_mail(body), parser="generic")
    assert result.status is not Status.TRANSACTION, result.transaction
