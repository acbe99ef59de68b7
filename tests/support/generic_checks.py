"""How the generic parser's case files (tests/unit/test_generic_*.py) compare a reading with what
the alert says, leniently as the acceptance scoring does: the merchant names the same business
(case and punctuation ignored, one contained in the other), the account's last digits agree."""

from __future__ import annotations

import re
from decimal import Decimal

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
