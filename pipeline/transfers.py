"""Transfers between the user's own accounts: a debit and a credit of the same amount.

When money leaves one of the user's accounts and the same amount arrives in another of
them within a few days, both halves are a transfer: neither is spend nor income. The
pure matcher is ``find_pair``; ``link_transfer`` applies it to a new transaction inside
the caller's database transaction, taking the debit half out of every budget period.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import BankAccount, Transaction

WINDOW = timedelta(days=3)


class TxnLike(Protocol):
    id: int
    amount_minor: int
    currency: str
    direction: str
    account_mask: str | None
    occurred_at: datetime
    is_transfer: bool


def _last4(mask: str | None) -> str:
    return "".join(ch for ch in (mask or "") if ch.isdigit())[-4:]


def find_pair(txn: TxnLike, candidates: Sequence[TxnLike], own_masks: Sequence[str],
              window: timedelta = WINDOW) -> TxnLike | None:
    """The closest-in-time opposite half of ``txn`` among ``candidates``, or None.

    Both halves must be on known own accounts, on different accounts, of the same amount
    and currency, in opposite directions, within ``window``, and not yet a transfer.
    """
    own = {_last4(m) for m in own_masks if _last4(m)}
    mine = _last4(txn.account_mask)
    if not mine or mine not in own or txn.is_transfer:
        return None
    best: TxnLike | None = None
    for c in candidates:
        other = _last4(c.account_mask)
        if (c.id == txn.id or c.is_transfer or not other or other == mine or other not in own
                or c.direction == txn.direction or c.amount_minor != txn.amount_minor or c.currency != txn.currency
                or abs(c.occurred_at - txn.occurred_at) > window):
            continue
        if best is None or abs(c.occurred_at - txn.occurred_at) < abs(best.occurred_at - txn.occurred_at):
            best = c
    return best


def link_transfer(s: Session, txn: Transaction, now: datetime, window: timedelta = WINDOW) -> Transaction | None:
    """Mark ``txn`` and its opposite half as a transfer when one exists; returns the other half.

    Call after the transaction was added to the budgets: the debit half is taken out of
    every period it counted in (both halves lose any income flag).
    """
    if txn.is_transfer or not txn.account_mask:
        return None
    own = list(s.scalars(select(BankAccount.mask).where(BankAccount.user_id == txn.user_id,
                                                        BankAccount.is_own.is_(True))))
    candidates = s.scalars(select(Transaction).where(
        Transaction.user_id == txn.user_id,
        Transaction.id != txn.id,
        Transaction.amount_minor == txn.amount_minor,
        Transaction.currency == txn.currency,
        Transaction.direction != txn.direction,
        Transaction.is_transfer.is_(False),
        Transaction.occurred_at >= txn.occurred_at - window,
        Transaction.occurred_at <= txn.occurred_at + window,
    )).all()
    other = find_pair(txn, candidates, own, window)
    if other is None:
        return None
    assert isinstance(other, Transaction)
    from pipeline.txn_edit import update_transaction

    for half in (txn, other):
        update_transaction(s, half, now, is_transfer=True, is_income=False)
    return other

