"""Budgets: the seed contract (GET list, POST, DELETE) plus PATCH, history and a summary.

Reads come from budget period rows (pipeline.budget_view): O(budgets), never a SUM
over transactions per request.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, HTTPException
from sqlalchemy.orm import Session

from api.deps import CallerDep, NotFound, NowDep, PathId, SessionDep, UserDep
from api.schemas import BudgetIn, BudgetPatch, check_minor
from models import Budget, from_minor, to_minor
from pipeline import budget_edit, budget_view, periods
from pipeline.users import Owner

router = APIRouter(prefix="/api/budgets", tags=["budgets"])


def _budget_json(b: budget_view.CurrentBudget) -> dict[str, Any]:
    """A budget in its current period, as GET /api/budgets shows it (amounts as strings)."""
    limit, spent, cur = b.limit_minor, b.spent_minor, b.currency
    pct = budget_view.percent_of(spent, limit)
    money = budget_view.money_str
    return {
        "id": b.id,
        "name": b.name,
        "amount": money(limit, cur),
        "spent": money(spent, cur),
        "progress": min(100, pct),
        "is_exceeded": spent > limit,
        "start_date": b.start_date.isoformat(),
        "end_date": b.end_date.isoformat(),
        "days_left": b.days_left,
        "categories": [{"id": cid, "name": name} for cid, name in b.categories],
        "state": budget_view.state_of(spent, limit),
        "percent": pct,
        "remaining": money(limit - spent, cur),
        "currency": cur,
        "period": b.period,
        "thresholds": b.thresholds,
        "rollover": b.rollover,
        "active": b.active,
    }


def owned(s: SessionDep, user_id: int, budget_id: int) -> Budget:
    budget = s.get(Budget, budget_id)
    if budget is None or budget.user_id != user_id:
        raise NotFound("budget", budget_id)
    return budget


@router.get("")
async def list_budgets(caller: CallerDep, now: NowDep) -> list[dict[str, Any]]:
    """Every budget in its current period (a custom range shows its own dates)."""
    # Dashboards poll this read: one thread-pool hop for the token, the read and the end.
    return await caller.read(lambda s, user: budget_list(s, user, now))


def budget_list(s: Session, user: Owner, now: datetime) -> list[dict[str, Any]]:
    return [_budget_json(b) for b in budget_view.current(s, user, now, only_active=False)]


def _anchor(period: str, anchor_day: int | None) -> int:
    # 0 on a weekly budget defers to the user's configured week start (pipeline.periods).
    if anchor_day is None:
        return 0 if period == "weekly" else 1
    return anchor_day


@router.post("", status_code=200)
def create_budget(body: BudgetIn, s: SessionDep, user: UserDep, now: NowDep) -> dict[str, Any]:
    assert body.period is not None
    spec = budget_edit.BudgetSpec(
        name=body.name, amount_minor=to_minor(body.amount, body.currency), currency=body.currency,
        period=body.period, anchor_day=_anchor(body.period, body.anchor_day), anchor_month=body.anchor_month,
        start_date=body.start_date, end_date=body.end_date, category_ids=tuple(body.category_ids),
        thresholds=tuple(body.thresholds), rollover=body.rollover, account_mask=body.account_mask,
        active=body.active,
    )
    try:
        budget = budget_edit.create(s, user, spec, now)
    except budget_edit.BudgetEditError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return {"status": "success", "message": f"Budget '{budget.name}' created", "id": budget.id}


@router.get("/summary")
def summary(s: SessionDep, user: UserDep, now: NowDep) -> dict[str, Any]:
    """What a chatbot asks: on track or not, how much is left, the closest to exceeding, the pace."""
    today = periods.local_day(now, user.timezone)
    out: list[dict[str, Any]] = []
    states = budget_view.current_states(s, user, now)
    for st in states:
        running = st.start_date <= today <= st.end_date
        length = (st.end_date - st.start_date).days + 1
        elapsed = (today - st.start_date).days + 1 if running else (length if today > st.end_date else 0)
        allowed_per_day = (st.amount / length) if length else st.amount
        spent_per_day = (st.spent / elapsed) if elapsed else Decimal(0)
        left_per_day = (st.remaining / st.days_left) if st.days_left and st.remaining > 0 else Decimal(0)
        projected = spent_per_day * length
        q = st.amount.as_tuple().exponent
        exp = Decimal(1).scaleb(q if isinstance(q, int) else -2)
        out.append({
            "id": st.id, "name": st.name, "currency": st.currency, "state": st.state,
            "on_track": st.state == "on_track" and projected <= st.amount,
            "amount": str(st.amount), "spent": str(st.spent), "remaining": str(st.remaining),
            "percent": st.percent, "days_left": st.days_left,
            "spent_per_day": str(spent_per_day.quantize(exp)),
            "allowed_per_day": str(allowed_per_day.quantize(exp)),
            "left_per_day": str(left_per_day.quantize(exp)),
            "projected": str(projected.quantize(exp)),
        })
    closest = max(states, key=lambda st: (st.percent, -st.days_left), default=None)
    return {
        "budgets": out,
        "closest_to_exceeding": None if closest is None else {"id": closest.id, "name": closest.name,
                                                               "percent": closest.percent},
        "exceeded": [b["name"] for b in out if b["state"] == "exceeded"],
        "all_on_track": all(b["on_track"] for b in out),
    }


@router.get("/{budget_id}")
def get_budget(budget_id: PathId, s: SessionDep, user: UserDep, now: NowDep) -> dict[str, Any]:
    budget = owned(s, user.id, budget_id)
    for b in budget_view.current(s, user, now, only_active=False):
        if b.id == budget.id:
            return _budget_json(b) | {"account_mask": budget.account_mask}
    raise NotFound("budget", budget_id)


@router.patch("/{budget_id}")
def patch_budget(budget_id: PathId, body: BudgetPatch, s: SessionDep, user: UserDep, now: NowDep) -> dict[str, Any]:
    budget = owned(s, user.id, budget_id)
    changes: dict[str, Any] = body.model_dump(exclude_unset=True)
    if "amount" in changes:
        amount = changes.pop("amount")
        if amount is None:
            raise HTTPException(status_code=422, detail="amount: must not be null")
        try:
            check_minor(amount, budget.currency)
        except ValueError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from exc
        changes["amount_minor"] = to_minor(amount, budget.currency)
    for key in ("name", "thresholds", "rollover", "active"):
        if key in changes and changes[key] is None:
            raise HTTPException(status_code=422, detail=f"{key}: must not be null")
    if "category_ids" in changes and changes["category_ids"] is None:
        changes["category_ids"] = []
    if ("start_date" in changes or "end_date" in changes) and budget.period != "custom":
        raise HTTPException(status_code=422, detail="start_date: only a custom budget has dates")
    try:
        budget_edit.update(s, user, budget, now, **changes)
    except budget_edit.BudgetEditError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return {"status": "success", "message": f"Budget '{budget.name}' updated", "id": budget.id}


@router.delete("/{budget_id}")
def delete_budget(budget_id: PathId, s: SessionDep, user: UserDep) -> dict[str, Any]:
    budget = owned(s, user.id, budget_id)
    budget_edit.delete_budget(s, budget)
    return {"status": "success"}


@router.get("/{budget_id}/history")
def budget_history(budget_id: PathId, s: SessionDep, user: UserDep) -> dict[str, Any]:
    """Past and current periods with their own figures, and the amount changes."""
    budget = owned(s, user.id, budget_id)
    rows, changes = budget_edit.history(s, budget)
    cur = budget.currency
    return {
        "id": budget.id,
        "name": budget.name,
        "currency": cur,
        "periods": [
            {
                "start_date": bp.start.isoformat(), "end_date": bp.end.isoformat(),
                "amount": str(from_minor(bp.limit_minor + bp.carried_minor, cur)),
                "limit": str(from_minor(bp.limit_minor, cur)),
                "carried": str(from_minor(bp.carried_minor, cur)),
                "spent": str(from_minor(bp.spent_minor, cur)),
                "state": budget_view.state_of(bp.spent_minor, bp.limit_minor + bp.carried_minor),
                "is_exceeded": bp.spent_minor > bp.limit_minor + bp.carried_minor,
            }
            for bp in rows
        ],
        "amount_changes": [
            {"from": str(from_minor(c.old_minor, cur)), "to": str(from_minor(c.new_minor, cur)),
             "changed_at": c.changed_at.isoformat()}
            for c in changes
        ],
    }
