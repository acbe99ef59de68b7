"""Transfers between the user's own accounts: a debit and a credit of the same amount.

When money leaves one of the user's accounts and the same amount arrives in another of
them within a few days, both halves are a transfer: neither is spend nor income. The
pure matcher is ``find_pair``; ``mark_transfer`` (what ``POST /api/transactions/{id}/
transfer`` runs) marks the half the user names and the opposite half it finds, inside the
caller's database transaction, taking the debit half out of every budget period.

Not done on its own at ingest, on purpose: a card purchase and money from a friend of the
same round amount two days apart, on two of the user's accounts, match these rules too,
and pairing them would silently take a real purchase out of the budgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Transaction
from pipeline.categorizing import own_masks

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
    and currency, in opposite directions, within ``window``; the other half not yet a
    transfer. ``txn``'s own flag is not looked at: the user marking it a transfer
    (``POST /api/transactions/{id}/transfer``) pairs it too.
    """
    own = {_last4(m) for m in own_masks if _last4(m)}
    mine = _last4(txn.account_mask)
    if not mine or mine not in own:
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


def mark_transfer(s: Session, txn: Transaction, now: datetime, window: timedelta = WINDOW) -> Transaction | None:
    """The user says ``txn`` is money between their own accounts: mark it, and its opposite
    half when one is stored, as a transfer; returns that other half.

    A user who marks the credit card's "payment received" means the debit on the current
    account is not spend either (marking only the named half left it counted). The debit
    half leaves every budget period it counted in; both halves lose any income flag.
    """
    from pipeline.txn_edit import update_transaction

    other = opposite_half(s, txn, window)  # before marking: a half is never its own candidate
    for half in (txn, other):
        if half is not None:
            update_transaction(s, half, now, is_transfer=True, is_income=False)
    return other


def opposite_half(s: Session, txn: Transaction, window: timedelta = WINDOW) -> Transaction | None:
    """The stored opposite half of ``txn`` (``find_pair`` over the user's own accounts), or None."""
    if not txn.account_mask:
        return None
    own = own_masks(s, txn.user_id)
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
    assert other is None or isinstance(other, Transaction)
    return other

