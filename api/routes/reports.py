"""Spending report over a date range, grouped by category, merchant or month.

Reports are ad hoc queries over transactions (budget reads are not: they use period rows).
Only spend counts: debits that are neither transfers nor excluded. Totals per currency.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import func, select

from api.deps import NowDep, SessionDep, UserDep
from api.routes.transactions import local_start
from models import Category, Transaction, from_minor
from pipeline import periods, uncounted

router = APIRouter(prefix="/api/reports", tags=["reports"])


@router.get("/spending")
def spending(
    s: SessionDep,
    user: UserDep,
    date_from: date = Query(..., alias="from"),
    date_to: date = Query(..., alias="to"),
    group: Literal["category", "merchant", "month"] = "category",
) -> dict[str, Any]:
    if date_to < date_from:
        raise HTTPException(status_code=422, detail="to: before from")
    spend = (
        Transaction.user_id == user.id,
        Transaction.direction == "debit",
        Transaction.is_transfer.is_(False),
        Transaction.excluded.is_(False),
        Transaction.occurred_at >= local_start(date_from, user),
        Transaction.occurred_at < local_start(date_to + timedelta(days=1), user),
    )
    totals: dict[tuple[str, str], list[int]] = {}
    if group == "month":
        # Month in the user's zone: grouped here, portable across PostgreSQL and SQLite.
        for when, cur, minor in s.execute(select(Transaction.occurred_at, Transaction.currency,
                                                 Transaction.amount_minor).where(*spend)):
            key = (periods.local_day(when, user.timezone).strftime("%Y-%m"), cur)
            acc = totals.setdefault(key, [0, 0])
            acc[0] += minor
            acc[1] += 1
    else:
        if group == "category":
            label = func.coalesce(Category.name, "Uncategorized")
            q = select(label, Transaction.currency, func.sum(Transaction.amount_minor), func.count()).outerjoin(
                Category, Category.id == Transaction.category_id)
        else:
            label = func.coalesce(Transaction.display_name, Transaction.merchant, Transaction.counterparty,
                                  "Unknown")
            q = select(label, Transaction.currency, func.sum(Transaction.amount_minor), func.count())
        for name, cur, minor, count in s.execute(q.where(*spend).group_by(label, Transaction.currency)):
            totals[(str(name), cur)] = [int(minor or 0), int(count)]
    rows = sorted(totals.items(), key=lambda kv: (kv[0][0], kv[0][1]) if group == "month" else (-kv[1][0], kv[0]))
    by_currency: dict[str, int] = {}
    for (_name, cur), (minor, _count) in rows:
        by_currency[cur] = by_currency.get(cur, 0) + minor
    return {
        "from": date_from.isoformat(),
        "to": date_to.isoformat(),
        "group": group,
        "rows": [{"key": name, "currency": cur, "total": str(from_minor(minor, cur)), "count": count}
                 for (name, cur), (minor, count) in rows],
        "totals": {cur: str(from_minor(minor, cur)) for cur, minor in sorted(by_currency.items())},
    }


@router.get("/outside-budgets")
def outside_budgets(s: SessionDep, user: UserDep, now: NowDep) -> list[dict[str, Any]]:
    """This month's spend in currencies no active budget is in (a card used abroad): counted by no budget."""
    return [{"currency": u.currency, "spent": str(from_minor(u.spent_minor, u.currency)), "count": u.count,
             "since": u.since.isoformat()} for u in uncounted.this_month(s, user, now)]
