"""The current state of each budget, read from budget period rows (never a SUM per request).

Cost is O(budgets) and independent of the number of transactions: one Core SELECT that
returns plain tuples (the budgets joined with their categories and current period rows),
no ORM objects. ``current`` gives integer minor units (the API formats them
itself); ``current_states`` gives Decimals for callers that compute with them.

A rollover budget whose current period has no row yet (a period just begun, or a quiet
one) shows what its row will start from: the carry down the chain and the stored spend
(``budgets.carry_source`` without writing; reads may be read-only). Only that case reads
more than the one SELECT.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Text, and_, bindparam, cast, or_, select
from sqlalchemy.orm import Session

from models import Budget, BudgetPeriod, Category, from_minor, minor_digits
from models.tables import BudgetCategory
from pipeline import budgets, periods
from pipeline.prepared import Prepared
from pipeline.users import Owner


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


def percent_of(spent: int, limit: int) -> int:
    """Uncapped percent spent, rounded down (a zero limit with any spend is 100)."""
    return spent * 100 // limit if limit > 0 else (100 if spent else 0)


def money_str(minor: int, currency: str) -> str:
    """``str(from_minor(minor, currency))`` without building a Decimal (10561 OMR -> "10.561")."""
    digits = minor_digits(currency)
    if digits == 0:
        return str(minor)
    whole, frac = divmod(-minor if minor < 0 else minor, 10**digits)
    return f"{'-' if minor < 0 else ''}{whole}.{frac:0{digits}d}"


class CurrentBudget(NamedTuple):
    """One budget in its current period (or its own range, for a custom budget), in minor units."""

    id: int
    name: str
    currency: str
    period: str
    thresholds: list[int]
    rollover: bool
    active: bool
    categories: list[tuple[int, str]]  # (id, name), by id
    start_date: date
    end_date: date
    days_left: int
    limit_minor: int  # the period's limit with rollover carried in (the budget's amount without a row)
    spent_minor: int


@dataclass
class _Spec:
    """What periods.period_for reads of a budget."""

    period: str
    anchor_day: int
    anchor_month: int
    start_date: date | None
    end_date: date | None


_b = Budget.__table__
_bc = BudgetCategory.__table__
_c = Category.__table__
_bp = BudgetPeriod.__table__

# One statement, so that a read needs no transaction to be consistent (pipeline.db.read_sessions).
# One row per (budget, category, candidate period row); a budget without categories or rows
# comes with NULLs there. The candidates are the rows running today and, for a custom budget,
# its own row (start = start_date); the caller keeps the one starting where the budget's
# current period, computed in Python, starts. Usually one per budget: several only after the
# user's week start changed in the middle of a week. The thresholds come as JSON text, decoded
# once per distinct value (budgets mostly share them).
_BUDGETS = (
    select(_b.c.id, _b.c.name, _b.c.currency, _b.c.amount_minor, _b.c.period, _b.c.anchor_day, _b.c.anchor_month,
           _b.c.start_date, _b.c.end_date, cast(_b.c.thresholds, Text), _b.c.rollover, _b.c.active, _c.c.id,
           _c.c.name, _bp.c.start, _bp.c.limit_minor, _bp.c.carried_minor, _bp.c.spent_minor)
    .select_from(
        _b.outerjoin(_bc, _bc.c.budget_id == _b.c.id)
        .outerjoin(_c, _c.c.id == _bc.c.category_id)
        .outerjoin(_bp, and_(_bp.c.budget_id == _b.c.id,
                             or_(and_(_bp.c.start <= bindparam("today"), _bp.c.end >= bindparam("today")),
                                 _bp.c.start == _b.c.start_date))))
    .where(_b.c.user_id == bindparam("user_id"))
    .order_by(_b.c.id, _c.c.id, _bp.c.start)
)
_ACTIVE_BUDGETS = _BUDGETS.where(_b.c.active.is_(True))
# Planned once per connection on PostgreSQL: planning this join was half its cost.
_READ = {True: Prepared(_ACTIVE_BUDGETS), False: Prepared(_BUDGETS)}


def current(s: Session, user: Owner, now: datetime, only_active: bool = True) -> list[CurrentBudget]:
    """Every budget of ``user`` (by id) with its current period row's figures.

    A custom budget not running today shows its own range; a budget without a period row
    for its current period shows its amount and nothing spent, or, with rollover, what its
    row will start from (its carry and stored spend: the only case that reads more).
    """
    today = periods.local_day(now, user.timezone)
    if s.autoflush:
        s.flush()  # what an ORM query would do first: Core statements do not autoflush
    rows = _READ[only_active].rows(s.connection(), {"user_id": user.id, "today": today})
    spans: dict[tuple[Any, ...], periods.Period | None] = {}  # budgets often share a period: compute it once
    decoded: dict[str | None, list[int]] = {}
    found: dict[int, _Found] = {}  # by id, in the rows' order (by id)
    skipped: set[int] = set()  # custom budgets without a range
    for (bid, name, cur, amount, kind, aday, amonth, sd, ed, thr, rollover, active, cid, cname,
         start, limit, carried, spent) in rows:
        if bid in skipped:
            continue
        f = found.get(bid)
        if f is None:
            key = (kind, aday, amonth, sd, ed)
            if key in spans:
                p = spans[key]
            else:
                p = periods.period_for(_Spec(kind, aday, amonth, sd, ed), today, user.week_start)
                if p is None and kind == "custom" and sd and ed:
                    p = periods.Period(sd, ed)  # a custom range not running today
                spans[key] = p
            if p is None:
                skipped.add(bid)
                continue
            if thr not in decoded:
                decoded[thr] = list(json.loads(thr) or []) if thr is not None else []
            f = found[bid] = _Found(CurrentBudget(
                id=bid, name=name, currency=cur, period=kind,
                thresholds=list(decoded[thr]),  # a list of its own
                rollover=bool(rollover), active=bool(active), categories=[], start_date=p.start, end_date=p.end,
                days_left=p.days_left(today) if p.contains(today) else (0 if today > p.end else p.length_days),
                limit_minor=amount, spent_minor=0,  # until its period row shows up
            ), p.start)
        cats = f.budget.categories
        if cid is not None and (not cats or cats[-1][0] != cid):  # rows come by category, then period row
            cats.append((cid, cname))
        if start is not None and start == f.start:
            f.budget = f.budget._replace(limit_minor=limit + carried, spent_minor=spent)
            f.has_row = True
    for f in found.values():
        if f.budget.rollover and not f.has_row and f.budget.period != "custom":
            f.budget = _pending_row(s, f.budget, user.week_start)
    return [f.budget for f in found.values()]


def _pending_row(s: Session, b: CurrentBudget, week_start: int) -> CurrentBudget:
    """A rollover budget's current period before its row exists: what the row will start from."""
    budget = s.get(Budget, b.id)
    if budget is None:  # deleted since the SELECT
        return b
    p = periods.Period(b.start_date, b.end_date)
    carried, _ = budgets.carry_source(s, budget, p, week_start, create=False)
    spent = budgets.spend_of(s, budget, p.start, p.end)
    return b._replace(limit_minor=budget.amount_minor + carried, spent_minor=spent)


@dataclass
class _Found:
    budget: CurrentBudget
    start: date  # where its current period starts: the period row to keep
    has_row: bool = False


def current_states(s: Session, user: Owner, now: datetime, only_active: bool = True) -> list[BudgetState]:
    out = []
    for b in current(s, user, now, only_active):
        limit, spent, cur = b.limit_minor, b.spent_minor, b.currency
        pct = percent_of(spent, limit)
        out.append(
            BudgetState(
                id=b.id,
                name=b.name,
                currency=cur,
                amount=from_minor(limit, cur),
                spent=from_minor(spent, cur),
                remaining=from_minor(limit - spent, cur),
                progress=min(100, pct),
                percent=pct,
                state=state_of(spent, limit),
                is_exceeded=spent > limit,
                start_date=b.start_date,
                end_date=b.end_date,
                days_left=b.days_left,
                period=b.period,
                thresholds=b.thresholds,
                categories=b.categories,
            )
        )
    return out
