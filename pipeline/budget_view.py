"""The current state of each budget, read from budget period rows (never a SUM per request).

Cost is O(budgets): one query for the budgets, one for their current periods.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from models import Budget, BudgetPeriod, User, from_minor
from pipeline import periods


@dataclass(frozen=True)
class BudgetState:
    id: int
    name: str
    currency: str
    amount: Decimal  # limit of the current period (with rollover carried in)
    spent: Decimal
    remaining: Decimal
    progress: int  # percent, capped at 100
    percent: int  # uncapped
    state: str  # on_track < 80 <= warning <= 100 < exceeded
    is_exceeded: bool
    start_date: date
    end_date: date
    days_left: int
    period: str
    thresholds: list[int]
    categories: list[tuple[int, str]]


def state_of(spent: int, limit: int) -> str:
    if spent > limit:
        return "exceeded"
    if limit > 0 and spent * 100 >= 80 * limit:
        return "warning"
    return "on_track"


def current_states(s: Session, user: User, now: datetime, only_active: bool = True) -> list[BudgetState]:
    today = periods.local_day(now, user.timezone)
    q = select(Budget).where(Budget.user_id == user.id).order_by(Budget.id)
    if only_active:
        q = q.where(Budget.active.is_(True))
    budgets = s.scalars(q).all()
    spans: dict[int, periods.Period] = {}
    for b in budgets:
        p = periods.period_for(b, today, user.week_start)
        if p is None and b.period == "custom" and b.start_date and b.end_date:
            p = periods.Period(b.start_date, b.end_date)  # a custom range not running today
        if p is not None:
            spans[b.id] = p
    rows: dict[int, BudgetPeriod] = {}
    if spans:
        found = s.scalars(
            select(BudgetPeriod).where(tuple_(BudgetPeriod.budget_id, BudgetPeriod.start).in_(
                [(bid, p.start) for bid, p in spans.items()]
            ))
        ).all()
        rows = {bp.budget_id: bp for bp in found}
    out = []
    for b in budgets:
        p = spans.get(b.id)
        if p is None:
            continue
        bp = rows.get(b.id)
        limit = (bp.limit_minor + bp.carried_minor) if bp else b.amount_minor
        spent = bp.spent_minor if bp else 0
        pct = spent * 100 // limit if limit > 0 else (100 if spent else 0)
        out.append(
            BudgetState(
                id=b.id,
                name=b.name,
                currency=b.currency,
                amount=from_minor(limit, b.currency),
                spent=from_minor(spent, b.currency),
                remaining=from_minor(limit - spent, b.currency),
                progress=min(100, pct),
                percent=pct,
                state=state_of(spent, limit),
                is_exceeded=spent > limit,
                start_date=p.start,
                end_date=p.end,
                days_left=p.days_left(today) if p.contains(today) else (0 if today > p.end else p.length_days),
                period=b.period,
                thresholds=list(b.thresholds or []),
                categories=[(c.id, c.name) for c in b.categories],
            )
        )
    return out
