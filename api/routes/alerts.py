"""Threshold alerts of the caller's budgets, newest first, with their delivery state."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from sqlalchemy import select

from api.deps import QueryId, SessionDep, UserDep
from models import Alert, Budget, BudgetPeriod, Outbox, from_minor
from pipeline.budgets import recorded_limit

router = APIRouter(prefix="/api/alerts", tags=["alerts"])


@router.get("")
def list_alerts(s: SessionDep, user: UserDep, budget_id: QueryId = None,
                limit: int = Query(100, ge=1, le=1000)) -> list[dict[str, Any]]:
    q = (
        select(Alert, BudgetPeriod, Budget)
        .join(BudgetPeriod, BudgetPeriod.id == Alert.budget_period_id)
        .join(Budget, Budget.id == BudgetPeriod.budget_id)
        .where(Budget.user_id == user.id)
    )
    if budget_id is not None:
        q = q.where(Budget.id == budget_id)
    rows = s.execute(q.order_by(Alert.created_at.desc(), Alert.id.desc()).limit(limit)).all()
    ids = [a.id for a, _bp, _b in rows]
    deliveries: dict[int, list[str]] = {}
    if ids:
        for alert_id, status in s.execute(select(Outbox.alert_id, Outbox.status).where(Outbox.alert_id.in_(ids))):
            deliveries.setdefault(alert_id, []).append(status)
    return [
        {
            "id": a.id, "budget_id": b.id, "budget": b.name, "threshold": a.threshold, "percent": a.percent,
            "spent": str(from_minor(a.spent_minor, b.currency)),
            # The amount the percent was computed against (recorded with the alert), not today's.
            "amount": str(from_minor(sum(recorded_limit(a, bp)), b.currency)), "currency": b.currency,
            "period_start": bp.start.isoformat(), "period_end": bp.end.isoformat(),
            "transaction_id": a.transaction_id, "notify": a.notify, "created_at": a.created_at.isoformat(),
            "deliveries": sorted(deliveries.get(a.id, [])),
        }
        for a, bp, b in rows
    ]
