"""Budget period math (pure): which period of a budget holds a given day.

Periods are inclusive date ranges in the user's time zone. Recurring budgets have an
anchor: a monthly budget anchored on the 5th runs from the 5th to the 4th; an anchor of
31 falls on the last day of shorter months; weeks start on the user's configured weekday.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo


class BudgetLike(Protocol):
    period: str
    anchor_day: int
    anchor_month: int
    start_date: date | None
    end_date: date | None


class PeriodError(ValueError):
    pass


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def days_left(self, today: date) -> int:
        """Days remaining including today; never negative."""
        return max(0, (self.end - today).days + 1)

    @property
    def length_days(self) -> int:
        return (self.end - self.start).days + 1


def _clamped(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _monthly(day: date, anchor: int) -> Period:
    start = _clamped(day.year, day.month, anchor)
    if day < start:
        y, m = _add_months(day.year, day.month, -1)
        start = _clamped(y, m, anchor)
    y, m = _add_months(start.year, start.month, 1)
    return Period(start, _clamped(y, m, anchor) - timedelta(days=1))


def _yearly(day: date, month: int, anchor: int) -> Period:
    start = _clamped(day.year, month, anchor)
    if day < start:
        start = _clamped(day.year - 1, month, anchor)
    return Period(start, _clamped(start.year + 1, month, anchor) - timedelta(days=1))


def _weekly(day: date, week_start: int) -> Period:
    start = day - timedelta(days=(day.weekday() - week_start) % 7)
    return Period(start, start + timedelta(days=6))


def period_for(budget: BudgetLike, day: date, week_start: int = 0) -> Period | None:
    """The period of ``budget`` containing ``day``; None when a custom range does not."""
    kind = budget.period
    if kind == "custom":
        if budget.start_date is None or budget.end_date is None:
            raise PeriodError("a custom budget needs start_date and end_date")
        p = Period(budget.start_date, budget.end_date)
        return p if p.contains(day) else None
    if kind == "monthly":
        return _monthly(day, max(1, min(31, budget.anchor_day or 1)))
    if kind == "yearly":
        return _yearly(day, max(1, min(12, budget.anchor_month or 1)), max(1, min(31, budget.anchor_day or 1)))
    if kind == "weekly":
        # anchor_day for weekly budgets is the weekday the week starts on (0 = Monday);
        # 0 defers to the user's configured week start.
        start = budget.anchor_day - 1 if budget.anchor_day and 1 <= budget.anchor_day <= 7 else week_start
        return _weekly(day, start)
    raise PeriodError(f"unknown budget period {kind!r} (expected custom, weekly, monthly or yearly)")


def previous(budget: BudgetLike, period: Period, week_start: int = 0) -> Period | None:
    if budget.period == "custom":
        return None
    return period_for(budget, period.start - timedelta(days=1), week_start)


def local_day(moment: datetime, tz: str) -> date:
    """The calendar day of an instant in the user's zone (periods follow the user's zone)."""
    return moment.astimezone(ZoneInfo(tz)).date()
