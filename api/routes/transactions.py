"""Transactions: filtered list, one, recategorize (learning), mark as transfer, delete.

Every change moves the transaction's spend between budget periods in the request's
database transaction (pipeline.txn_edit).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, or_, select

from api.deps import NotFound, NowDep, PathId, QueryId, SessionDep, UserDep
from api.schemas import TransactionPatch
from models import BankAccount, Transaction, User
from pipeline import learning, transfers, txn_edit

router = APIRouter(prefix="/api/transactions", tags=["transactions"])


def txn_json(t: Transaction) -> dict[str, Any]:
    return {
        "id": t.id,
        "occurred_at": t.occurred_at.isoformat(),
        "amount": str(t.amount),
        "currency": t.currency,
        "direction": t.direction,
        "kind": t.kind,
        "merchant": t.merchant,
        "merchant_raw": t.merchant_raw,
        "display_name": t.display_name,
        "counterparty": t.counterparty,
        "bank": t.bank,
        "account_mask": t.account_mask,
        "bank_account_id": t.bank_account_id,
        "category": None if t.category is None else {"id": t.category.id, "name": t.category.name},
        "category_source": t.category_source,
        "is_transfer": t.is_transfer,
        "is_income": t.is_income,
        "excluded": t.excluded,
        "counts_as_spend": t.counts_as_spend,
        "needs_review": t.needs_review,
        "review_reason": t.review_reason,
        "reference": t.reference,
    }


def owned(s: SessionDep, user_id: int, txn_id: int) -> Transaction:
    t = s.get(Transaction, txn_id)
    if t is None or t.user_id != user_id:
        raise NotFound("transaction", txn_id)
    return t


def local_start(day: date, user: User) -> datetime:
    """Midnight of ``day`` in the user's zone, as UTC; a 422 for a day whose midnight has no UTC date."""
    try:
        return datetime.combine(day, time.min, ZoneInfo(user.timezone)).astimezone(timezone.utc)
    except OverflowError:  # 0001-01-01 east of UTC, 9999-12-31 west of it
        raise HTTPException(status_code=422, detail=f"date out of range: {day.isoformat()}") from None


@router.get("")
def list_transactions(
    s: SessionDep,
    user: UserDep,
    date_from: date | None = Query(None, alias="from", description="first day (user's time zone)"),
    date_to: date | None = Query(None, alias="to", description="last day, inclusive"),
    category_id: QueryId = None,
    account: str | None = Query(None, description="account mask (last digits) or bank account id"),
    q: str | None = Query(None, max_length=200, description="text in merchant, display name or counterparty"),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> list[dict[str, Any]]:
    query = select(Transaction).where(Transaction.user_id == user.id)
    if date_from:
        query = query.where(Transaction.occurred_at >= local_start(date_from, user))
    if date_to:
        query = query.where(Transaction.occurred_at < local_start(date_to + timedelta(days=1), user))
    if category_id is not None:
        query = query.where(Transaction.category_id == category_id)
    if account:
        acct = account.strip()
        # The id of one of the user's bank accounts selects that account alone: OR-ing it with
        # the mask suffix listed, for account=1, every card whose mask ends in 1 as well.
        # Anything else (0019, XX7700) is the end of the mask, its % and _ taken literally.
        cond: ColumnElement[bool] = Transaction.account_mask.endswith(acct, autoescape=True)
        if (acct.isascii() and acct.isdigit() and not acct.startswith("0") and len(acct) <= 18  # "²" is a digit; int64
                and s.scalar(select(BankAccount.id).where(BankAccount.id == int(acct),
                                                          BankAccount.user_id == user.id)) is not None):
            cond = Transaction.bank_account_id == int(acct)
        query = query.where(cond)
    if q:
        pattern = f"%{q.strip().lower()}%"
        query = query.where(or_(*(col.ilike(pattern) for col in (
            Transaction.merchant, Transaction.merchant_raw, Transaction.display_name, Transaction.counterparty))))
    query = query.order_by(Transaction.occurred_at.desc(), Transaction.id.desc()).limit(limit).offset(offset)
    return [txn_json(t) for t in s.scalars(query).unique()]


@router.get("/{txn_id}")
def get_transaction(txn_id: PathId, s: SessionDep, user: UserDep) -> dict[str, Any]:
    return txn_json(owned(s, user.id, txn_id))


def _proposal(p: learning.Proposal | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"merchant": p.merchant, "category_id": p.category_id, "category": p.category,
            "transaction_ids": p.transaction_ids, "corrections": p.corrections, "needed": p.needed,
            "rule_created": p.created, "rule_id": p.rule_id}


@router.patch("/{txn_id}")
def patch_transaction(txn_id: PathId, body: TransactionPatch, s: SessionDep, user: UserDep,
                      now: NowDep) -> dict[str, Any]:
    """Recategorize (a manual category that rules never overwrite; learning may propose a
    rule) and/or set the transfer, income and excluded flags."""
    t = owned(s, user.id, txn_id)
    changes = body.model_dump(exclude_unset=True)
    proposal = None
    alerts: list[int] = []
    try:
        if changes.get("category_id") is not None:
            result = learning.correct(s, user, t, changes.pop("category_id"), now)
            proposal, alerts = result.proposal, result.effects.alert_ids
        else:
            changes.pop("category_id", None)
        flags = {k: v for k, v in changes.items() if v is not None}
        if flags:
            alerts += txn_edit.update_transaction(s, t, now, **flags).alert_ids
    except txn_edit.EditError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    s.refresh(t)
    return {"status": "success", "transaction": txn_json(t), "proposal": _proposal(proposal), "alerts": alerts}


@router.post("/{txn_id}/transfer")
def mark_transfer(txn_id: PathId, s: SessionDep, user: UserDep, now: NowDep) -> dict[str, Any]:
    """Money between the user's own accounts: it leaves every budget, and so does its other
    half (same amount and currency, another own account, the other direction, within 3
    days: ``pipeline.transfers.mark_transfer``)."""
    t = owned(s, user.id, txn_id)
    other = transfers.mark_transfer(s, t, now)
    s.refresh(t)
    return {"status": "success", "transaction": txn_json(t), "paired_with": other.id if other else None}


@router.delete("/{txn_id}")
def delete_transaction(txn_id: PathId, s: SessionDep, user: UserDep, now: NowDep) -> dict[str, Any]:
    txn_edit.delete_transaction(s, owned(s, user.id, txn_id), now)
    return {"status": "success"}

