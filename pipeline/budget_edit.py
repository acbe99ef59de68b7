"""Creating and changing budgets so their period rows stay exact.

A new budget's current period starts from the spend already stored for it (one
recomputation at write time, so reads never SUM transactions). Changing the amount
keeps a history row and updates the current period's limit; changing categories,
account scope or dates recomputes the spend of the budget's existing periods in place
(only a custom budget whose dates change loses its one row, with its alerts); re-saving
the same values changes nothing. Turning rollover on or off resets the current period's
carry. Past periods keep their limit; a carry follows the row it carries in from
(``budgets.shift_carries``), so a recomputed past spend moves the carries after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import Alert, Budget, BudgetAmountChange, BudgetPeriod, Category, User
from pipeline import budgets, periods


class BudgetEditError(ValueError):
    """The message names the field."""


@dataclass
class BudgetSpec:
    name: str
    amount_minor: int
    currency: str = "OMR"
    period: str = "monthly"
    anchor_day: int = 1
    anchor_month: int = 1
    start_date: date | None = None
    end_date: date | None = None
    category_ids: tuple[int, ...] = ()
    thresholds: tuple[int, ...] = (50, 80, 100)
    rollover: bool = False
    account_mask: str | None = None
    active: bool = True


def categories_of(s: Session, user_id: int, ids: list[int] | tuple[int, ...]) -> list[Category]:
    """The user's categories with these ids; an id of another user is as unknown as a missing one."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    found = {c.id: c for c in s.scalars(select(Category).where(Category.user_id == user_id,
                                                                Category.id.in_(wanted)))}
    missing = [i for i in wanted if i not in found]
    if missing:
        raise BudgetEditError(f"category_ids: no category {', '.join(map(str, missing))}")
    return [found[i] for i in wanted]


def current_period(budget: Budget, user: User, now: datetime) -> periods.Period | None:
    today = periods.local_day(now, user.timezone)
    p = periods.period_for(budget, today, user.week_start)
    if p is None and budget.period == "custom" and budget.start_date and budget.end_date:
        p = periods.Period(budget.start_date, budget.end_date)
    return p


def _refresh(s: Session, budget: Budget, user: User, now: datetime) -> None:
    """Make sure the current period row exists and every existing period's spend is exact."""
    s.flush()
    p = current_period(budget, user, now)
    if p is not None:
        budgets.ensure_period(s, budget, p, user.week_start)
    # In ascending start, locked (the order rows are locked in everywhere): each recomputed
    # spend, and each carry from the recomputed remainder of the row it carries in from.
    left: dict[date, int] = {}
    for bp in s.scalars(select(BudgetPeriod).where(BudgetPeriod.budget_id == budget.id)
                        .order_by(BudgetPeriod.start).with_for_update()
                        .execution_options(populate_existing=True)):
        bp.spent_minor = budgets.recompute(s, bp)
        if bp.carried_from is not None:
            bp.carried_minor = left.get(bp.carried_from, 0)
        left[bp.start] = budgets.remainder(bp)
    s.flush()


def _lock_periods(s: Session, budget: Budget) -> None:
    """Lock the budget's period rows now, in ascending start (the order processing locks them in).

    An edit writes the current row first (its new amount) and reads every row for update
    after (the recomputed spend); a late alert being processed meanwhile locks its past row
    first and the current one after (the carry). Each held what the other wanted: PostgreSQL
    broke the deadlock by aborting one, which could be the user's edit.
    """
    s.execute(select(BudgetPeriod.id).where(BudgetPeriod.budget_id == budget.id)
              .order_by(BudgetPeriod.start).with_for_update())


def record_crossed(s: Session, budget: Budget, user: User, now: datetime) -> budgets.Effects:
    """After an edit (amount, categories, scope): alert thresholds the current period now
    stands at and has not recorded yet. Unique (period, threshold) keeps it to once; only
    the highest newly reached threshold speaks, as in the pipeline."""
    effects = budgets.Effects([], [])
    p = current_period(budget, user, now)
    if p is None or not budget.active or not p.contains(periods.local_day(now, user.timezone)):
        return effects
    bp = budgets.ensure_period(s, budget, p, user.week_start)
    # Read once: the alerts record the very limit and carry their percent is computed against.
    limit_minor, carried_minor = bp.limit_minor, bp.carried_minor
    limit = limit_minor + carried_minor
    reached = [t for t in sorted(set(budget.thresholds or [50, 80, 100]))
               if (bp.spent_minor * 100 >= t * limit if limit > 0 else bp.spent_minor > 0)]
    done = set(s.scalars(select(Alert.threshold).where(Alert.budget_period_id == bp.id)))
    fresh = [t for t in reached if t not in done]
    pct = budgets.percent(bp.spent_minor, limit)
    for t in fresh:
        notify = t == max(fresh)
        alert_id = s.execute(
            budgets._insert(s, Alert)
            .values(budget_period_id=bp.id, threshold=t, percent=pct, spent_minor=bp.spent_minor,
                    limit_minor=limit_minor, carried_minor=carried_minor, transaction_id=None, notify=notify)
            .on_conflict_do_nothing(index_elements=["budget_period_id", "threshold"])
            .returning(Alert.id)
        ).scalar()
        if alert_id is None:
            continue
        effects.alert_ids.append(alert_id)
        if notify:
            effects.outbox_ids += budgets.queue_alert(s, budget.user_id, alert_id)
    return effects


def create(s: Session, user: User, spec: BudgetSpec, now: datetime) -> Budget:
    cats = categories_of(s, user.id, spec.category_ids)
    budget = Budget(
        user_id=user.id, name=spec.name, amount_minor=spec.amount_minor, currency=spec.currency,
        period=spec.period, anchor_day=spec.anchor_day, anchor_month=spec.anchor_month,
        start_date=spec.start_date, end_date=spec.end_date, thresholds=list(spec.thresholds),
        account_mask=spec.account_mask, rollover=spec.rollover, active=spec.active,
    )
    budget.categories = cats
    s.add(budget)
    try:
        periods.period_for(budget, periods.local_day(now, user.timezone), user.week_start)
    except periods.PeriodError as exc:
        raise BudgetEditError(f"period: {exc}") from exc
    _refresh(s, budget, user, now)
    return budget


def update(s: Session, user: User, budget: Budget, now: datetime, **changes: object) -> Budget:
    """Apply changes (name, amount_minor, category_ids, thresholds, rollover, account_mask,
    active, start_date, end_date).

    Only what actually changes counts: re-saving the same categories, scope or dates
    keeps the period rows with their alerts (and their outbox rows). A change of scope
    recomputes the spend of the existing rows in place; only a custom budget whose dates
    change loses its row (its one period moves)."""
    _lock_periods(s, budget)
    recompute = False
    if "category_ids" in changes:
        ids = changes.pop("category_ids")
        assert isinstance(ids, (list, tuple))
        cats = categories_of(s, user.id, list(ids))
        if {c.id for c in cats} != {c.id for c in budget.categories}:
            budget.categories = cats
            recompute = True
    amount = changes.pop("amount_minor", None)
    for key in ("account_mask", "start_date", "end_date", "active"):
        if key in changes and getattr(budget, key) != changes[key]:
            recompute = True
    moved = any(key in changes and getattr(budget, key) != changes[key] for key in ("start_date", "end_date"))
    rollover_changed = "rollover" in changes and bool(changes["rollover"]) != bool(budget.rollover)
    for key, value in changes.items():
        setattr(budget, key, value)
    if budget.period == "custom" and budget.start_date and budget.end_date and budget.end_date < budget.start_date:
        raise BudgetEditError("end_date: before start_date")
    if isinstance(amount, int) and amount != budget.amount_minor:
        s.add(BudgetAmountChange(budget_id=budget.id, old_minor=budget.amount_minor, new_minor=amount,
                                 changed_at=now))
        budget.amount_minor = amount
        p = current_period(budget, user, now)
        if p is not None:  # the current period takes the new amount; past ones keep theirs
            bp = budgets.ensure_period(s, budget, p, user.week_start)
            delta = amount - bp.limit_minor
            bp.limit_minor = amount
            s.flush()
            budgets.shift_carries(s, budget, bp.start, delta)  # rows after it (a period already started)
    if recompute:
        if budget.period == "custom" and moved:  # a moved custom range: its one period row moves too
            s.execute(delete(BudgetPeriod).where(BudgetPeriod.budget_id == budget.id))
        _refresh(s, budget, user, now)
    if rollover_changed:
        # The current period carries in what the previous one left (rollover on) or nothing
        # (off); past periods keep theirs (budget performance history).
        s.flush()
        p = current_period(budget, user, now)
        if p is not None:
            bp = budgets.ensure_period(s, budget, p, user.week_start)
            carried, source = budgets.carry_source(s, budget, p, user.week_start)
            delta = carried - bp.carried_minor
            bp.carried_minor, bp.carried_from = carried, source
            s.flush()
            budgets.shift_carries(s, budget, bp.start, delta)
    s.flush()
    if recompute or isinstance(amount, int) or "thresholds" in changes or rollover_changed:
        record_crossed(s, budget, user, now)
    return budget


def delete_budget(s: Session, budget: Budget) -> None:
    """The budget, its periods and alerts go; transactions and categories stay."""
    s.delete(budget)
    s.flush()


def history(s: Session, budget: Budget) -> tuple[list[BudgetPeriod], list[BudgetAmountChange]]:
    rows = s.scalars(select(BudgetPeriod).where(BudgetPeriod.budget_id == budget.id)
                     .order_by(BudgetPeriod.start.desc())).all()
    changes = s.scalars(select(BudgetAmountChange).where(BudgetAmountChange.budget_id == budget.id)
                        .order_by(BudgetAmountChange.changed_at, BudgetAmountChange.id)).all()
    return list(rows), list(changes)
