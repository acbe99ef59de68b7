"""Bank accounts seen in alerts (created by the pipeline); nickname and "own" flag editable."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import select

from api.deps import NotFound, PathId, SessionDep, UserDep
from api.schemas import AccountPatch
from models import BankAccount, from_minor

router = APIRouter(prefix="/api/accounts", tags=["accounts"])


def _json(a: BankAccount) -> dict[str, Any]:
    balance = None
    if a.last_balance_minor is not None and a.currency:
        balance = str(from_minor(a.last_balance_minor, a.currency))
    return {"id": a.id, "bank": a.bank, "mask": a.mask, "currency": a.currency, "nickname": a.nickname,
            "is_own": a.is_own, "last_balance": balance,
            "last_seen_at": a.last_seen_at.isoformat() if a.last_seen_at else None}


def _owned(s: SessionDep, user_id: int, account_id: int) -> BankAccount:
    a = s.get(BankAccount, account_id)
    if a is None or a.user_id != user_id:
        raise NotFound("account", account_id)
    return a


@router.get("")
def list_accounts(s: SessionDep, user: UserDep) -> list[dict[str, Any]]:
    rows = s.scalars(select(BankAccount).where(BankAccount.user_id == user.id).order_by(BankAccount.id))
    return [_json(a) for a in rows]


@router.get("/{account_id}")
def get_account(account_id: PathId, s: SessionDep, user: UserDep) -> dict[str, Any]:
    return _json(_owned(s, user.id, account_id))


@router.patch("/{account_id}")
def patch_account(account_id: PathId, body: AccountPatch, s: SessionDep, user: UserDep) -> dict[str, Any]:
    a = _owned(s, user.id, account_id)
    for key, value in body.model_dump(exclude_unset=True).items():
        if key == "is_own" and value is None:
            continue
        setattr(a, key, value)
    s.flush()
    return _json(a)
