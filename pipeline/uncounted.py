"""Spend that no budget counts: this month's spend in currencies none of the user's budgets is in.

A budget counts spend in its own currency only (spendwatch keeps no exchange rates): a
card used abroad (USD 45.99 on an OMR account) is in no budget, and without this the
budget just looks lower than the statement. GET /api/reports/outside-budgets and a line
under `spendwatch budgets list` say how much, so the user can add a budget in that currency
or knows what is missing. One indexed query over the month's transactions: a report, not
part of the budget reads, whose cost must not grow with the transactions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Budget, Transaction
from pipeline import periods
from pipeline.users import Owner


@dataclass(frozen=True)
class Uncounted:
    currency: str
    spent_minor: int
    count: int
    since: date  # the first day of the user's current month


def this_month(s: Session, user: Owner, now: datetime) -> list[Uncounted]:
    """Per currency that no active budget of ``user`` is in, the spend since the 1st (the user's zone).

    Empty when the user has no active budget at all: then nothing is counted, and saying so
    per currency would only repeat it.
    """
    covered = set(s.scalars(select(Budget.currency).where(Budget.user_id == user.id, Budget.active.is_(True))))
    if not covered:
        return []
    first = periods.local_day(now, user.timezone).replace(day=1)
    since = datetime.combine(first, time.min, ZoneInfo(user.timezone)).astimezone(timezone.utc)
    rows = s.execute(
        select(Transaction.currency, func.sum(Transaction.amount_minor), func.count())
        .where(Transaction.user_id == user.id, Transaction.occurred_at >= since,
               Transaction.direction == "debit", Transaction.is_transfer.is_(False),
               Transaction.excluded.is_(False), Transaction.currency.not_in(covered))
        .group_by(Transaction.currency)
        .order_by(Transaction.currency)
    ).all()
    return [Uncounted(cur, int(minor or 0), int(n), first) for cur, minor, n in rows]
