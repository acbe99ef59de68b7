"""Budget spend: add a transaction to every period that covers it, record crossed thresholds.

Called inside the caller's database transaction (process, recategorize, delete...), so
the spend, the alert rows and their outbox rows commit or roll back together. Spend is
changed with ``spent = spent + x`` in SQL (exact, safe under concurrency); an alert row is
unique per (period, threshold) and inserted with ON CONFLICT DO NOTHING: a retry, a
replay or a spend that dips and rises again never records a threshold twice.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from models import Alert, Budget, BudgetPeriod, NotifyTarget, Outbox, Transaction, User
from pipeline import periods

logger = logging.getLogger(__name__)


def _insert(session: Session, table: Any) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def message_id_for(alert_id: int, target_id: int) -> str:
    """Deterministic per alert and target, so a rare double send collapses in mail clients."""
    return f"<spendwatch-alert-{alert_id}-{target_id}@spendwatch.local>"


def _mask_digits(mask: str | None) -> str:
    return "".join(ch for ch in (mask or "") if ch.isdigit())[-4:]


def covers(budget: Budget, txn: Transaction) -> bool:
    """Category, currency and account scope; a budget without categories covers all spend."""
    if not budget.active or budget.currency != txn.currency:
        return False
    if budget.categories and txn.category_id not in {c.id for c in budget.categories}:
        return False
    if budget.account_mask and _mask_digits(budget.account_mask) != _mask_digits(txn.account_mask):
        return False
    return True


def ensure_period(
    session: Session,
    budget: Budget,
    period: periods.Period,
    week_start: int = 0,
    *,
    uncounted: Collection[Transaction] = (),
    counted_minor: int = 0,
) -> BudgetPeriod:
    """The period row, created once (unique (budget, start)) with its rollover carried in.

    A row created here starts from the spend of the transactions already stored in the
    period (a past period that had no row yet, a late alert, a week whose start moved),
    except ``uncounted``: the stored transactions the caller is about to add itself, so
    they do not count twice. ``counted_minor`` is added to that start (a transaction the
    caller is about to take out must first be in it).
    """
    row = session.scalar(
        select(BudgetPeriod).where(BudgetPeriod.budget_id == budget.id, BudgetPeriod.start == period.start)
    )
    if row is not None:
        return row
    spent = spend_of(session, budget, period.start, period.end, uncounted) + counted_minor
    stmt = (
        _insert(session, BudgetPeriod)
        .values(
            budget_id=budget.id,
            start=period.start,
            end=period.end,
            limit_minor=budget.amount_minor,
            carried_minor=carry_in(session, budget, period, week_start),
            spent_minor=spent,
        )
        .on_conflict_do_nothing(index_elements=["budget_id", "start"])
    )
    session.execute(stmt)
    row = session.scalar(
        select(BudgetPeriod).where(BudgetPeriod.budget_id == budget.id, BudgetPeriod.start == period.start)
    )
    assert row is not None
    return row


def carry_in(session: Session, budget: Budget, period: periods.Period, week_start: int = 0) -> int:
    """What a rollover budget carries into ``period``: its previous period row's unused
    (+) or overspent (-) amount; 0 without rollover or without a previous row."""
    if not budget.rollover:
        return 0
    prev = periods.previous(budget, period, week_start)
    if prev is None:
        return 0
    before = session.scalar(
        select(BudgetPeriod).where(BudgetPeriod.budget_id == budget.id, BudgetPeriod.start == prev.start)
    )
    if before is None:
        return 0
    return before.limit_minor + before.carried_minor - before.spent_minor


def effective_limit(bp: BudgetPeriod) -> int:
    return bp.limit_minor + bp.carried_minor


def crossed(thresholds: list[int], limit: int, old: int, new: int) -> list[int]:
    """Thresholds (percent) passed on the way from ``old`` to ``new`` spend; pure integer math."""
    if limit <= 0:
        return [t for t in sorted(thresholds) if new > 0 >= old] if new > old else []
    return [t for t in sorted(set(thresholds)) if old * 100 < t * limit <= new * 100]


def percent(spent: int, limit: int) -> int:
    if limit <= 0:
        return 100 if spent > 0 else 0
    return spent * 100 // limit


@dataclass
class Effects:
    alert_ids: list[int]
    outbox_ids: list[int]

    def extend(self, other: Effects) -> None:
        self.alert_ids += other.alert_ids
        self.outbox_ids += other.outbox_ids


def _record_alerts(
    session: Session, budget: Budget, bp: BudgetPeriod, old: int, new: int, txn: Transaction, speaks: bool
) -> Effects:
    hits = crossed(list(budget.thresholds or [50, 80, 100]), effective_limit(bp), old, new)
    effects = Effects([], [])
    if not hits:
        return effects
    top = max(hits)
    pct = percent(new, effective_limit(bp))
    for t in hits:
        # A jump from 40% to 105% records 50, 80 and 100 but only the highest speaks;
        # past periods fill silently (alerts speak about now).
        notify = speaks and t == top
        stmt = (
            _insert(session, Alert)
            .values(
                budget_period_id=bp.id,
                threshold=t,
                percent=pct,
                spent_minor=new,
                transaction_id=txn.id,
                notify=notify,
            )
            .on_conflict_do_nothing(index_elements=["budget_period_id", "threshold"])
            .returning(Alert.id)
        )
        alert_id = session.execute(stmt).scalar()
        if alert_id is None:
            continue
        effects.alert_ids.append(alert_id)
        if notify:
            effects.outbox_ids += queue_alert(session, budget.user_id, alert_id)
    return effects


def queue_alert(session: Session, user_id: int, alert_id: int) -> list[int]:
    """One outbox row per enabled target: a retry goes only to the target that failed."""
    ids = []
    targets = session.scalars(
        select(NotifyTarget).where(NotifyTarget.user_id == user_id, NotifyTarget.enabled.is_(True))
    ).all()
    for target in targets:
        stmt = (
            _insert(session, Outbox)
            .values(alert_id=alert_id, target_id=target.id, message_id=message_id_for(alert_id, target.id))
            .on_conflict_do_nothing(index_elements=["alert_id", "target_id"])
            .returning(Outbox.id)
        )
        oid = session.execute(stmt).scalar()
        if oid is not None:
            ids.append(oid)
    return ids


def add_spend(session: Session, bp: BudgetPeriod, delta: int) -> int:
    """``spent = spent + delta`` in SQL (exact, safe under concurrency); the new spend."""
    new: int = session.execute(
        update(BudgetPeriod)
        .where(BudgetPeriod.id == bp.id)
        .values(spent_minor=BudgetPeriod.spent_minor + delta)
        .returning(BudgetPeriod.spent_minor)
    ).scalar_one()
    session.expire(bp, ["spent_minor"])
    return new


def apply_transaction(session: Session, txn: Transaction, sign: int, now: datetime) -> Effects:
    """Add (+1) or remove (-1) ``txn`` from the spend of every budget period covering it.

    Only debits that are not transfers or excluded count. Returns the alert and outbox
    ids created (outbox rows are to be delivered after the caller commits).
    """
    effects = Effects([], [])
    if sign not in (1, -1) or not txn.counts_as_spend:
        return effects
    user, budgets = _user_budgets(session, txn.user_id)
    today = periods.local_day(now, user.timezone)
    for budget, period in _covering(txn, user, budgets):
        # A row created now starts from the other stored transactions of its period, plus
        # this one when it is being taken out (it was in the period until now).
        bp = ensure_period(session, budget, period, user.week_start, uncounted=(txn,),
                           counted_minor=txn.amount_minor if sign < 0 else 0)
        delta = sign * txn.amount_minor
        new = add_spend(session, bp, delta)
        if sign > 0:
            effects.extend(_record_alerts(session, budget, bp, new - delta, new, txn, speaks_now(period, today)))
    return effects


def speaks_now(period: periods.Period, today: date) -> bool:
    """Alerts speak about now: the current period, or one that has not started yet (a bank
    clock a few minutes ahead across a period boundary); a past period fills silently."""
    return period.end >= today


def _user_budgets(session: Session, user_id: int) -> tuple[User, list[Budget]]:
    user = session.get(User, user_id)
    assert user is not None
    active = session.scalars(
        select(Budget).where(Budget.user_id == user_id, Budget.active.is_(True)).order_by(Budget.id)
    ).all()
    return user, list(active)


def _covering(txn: Transaction, user: User, budgets: list[Budget]) -> Iterator[tuple[Budget, periods.Period]]:
    """The budgets (of ``budgets``, in order) whose scope covers ``txn``, each with its period holding it."""
    day = periods.local_day(txn.occurred_at, user.timezone)
    for budget in budgets:
        if not covers(budget, txn):
            continue
        period = periods.period_for(budget, day, user.week_start)
        if period is not None:
            yield budget, period


def apply_new(session: Session, txns: Sequence[Transaction], now: datetime) -> Effects:
    """``apply_transaction(+1)`` for each of a batch of new transactions, in order, with the same records.

    Deltas are summed per period and written with one UPDATE per period at the end (in
    (budget, start) order, the order one-by-one processing locks periods in); thresholds
    are found by walking each period's transactions in order, so every alert names the
    transaction that crossed it and the spend at that point. A rollover period created on
    the way first has its predecessor's pending spend written, so it carries in exactly
    what it would have one by one. A period row created on the way starts from the spend
    stored before this batch (the batch's own transactions are added as they are one by one).
    """
    pending: dict[tuple[int, date], list[Transaction]] = {}
    rows: dict[tuple[int, date], tuple[Budget, periods.Period, BudgetPeriod]] = {}
    users: dict[int, tuple[User, list[Budget]]] = {}
    effects = Effects([], [])

    def write(key: tuple[int, date]) -> None:
        items = pending.pop(key, [])
        if not items:
            return
        budget, period, bp = rows[key]
        total = sum(t.amount_minor for t in items)
        new = add_spend(session, bp, total)
        user = users[budget.user_id][0]
        speaks = speaks_now(period, periods.local_day(now, user.timezone))
        running = new - total
        for txn in items:
            effects.extend(_record_alerts(session, budget, bp, running, running + txn.amount_minor, txn, speaks))
            running += txn.amount_minor

    for txn in txns:
        if not txn.counts_as_spend:
            continue
        if txn.user_id not in users:
            users[txn.user_id] = _user_budgets(session, txn.user_id)
        user, active = users[txn.user_id]
        for budget, period in _covering(txn, user, active):
            key = (budget.id, period.start)
            if key not in rows:
                prev = periods.previous(budget, period, user.week_start) if budget.rollover else None
                if prev is not None:
                    write((budget.id, prev.start))
                rows[key] = (budget, period,
                             ensure_period(session, budget, period, user.week_start, uncounted=txns))
            pending.setdefault(key, []).append(txn)
    for key in sorted(pending):
        write(key)
    return effects


def recompute(session: Session, bp: BudgetPeriod) -> int:
    """Spend of one period computed from transactions (for verify and budget edits)."""
    budget = session.get(Budget, bp.budget_id)
    assert budget is not None
    return spend_of(session, budget, bp.start, bp.end)


def spend_of(session: Session, budget: Budget, start: date, end: date,
             without: Collection[Transaction] = ()) -> int:
    """Spend of ``budget`` from the stored transactions of the days ``start``..``end``
    (inclusive, the user's zone), leaving out ``without``."""
    user = session.get(User, budget.user_id)
    assert user is not None
    total = 0
    # The period is in the user's zone; widen the UTC window by a day each side and
    # filter exactly by local day in Python.
    lo = datetime.combine(start - timedelta(days=1), datetime.min.time(), timezone.utc)
    hi = datetime.combine(end + timedelta(days=2), datetime.min.time(), timezone.utc)
    txns = session.scalars(
        select(Transaction).where(
            Transaction.user_id == budget.user_id,
            Transaction.occurred_at >= lo,
            Transaction.occurred_at < hi,
            Transaction.currency == budget.currency,
        )
    ).all()
    skip = {t.id for t in without}  # after the query: its autoflush gives new rows their ids
    for txn in txns:
        if txn.id not in skip and txn.counts_as_spend and covers(budget, txn):
            if start <= periods.local_day(txn.occurred_at, user.timezone) <= end:
                total += txn.amount_minor
    return total


@dataclass(frozen=True)
class Drift:
    budget_id: int
    budget: str
    start: date
    end: date
    stored_minor: int
    computed_minor: int
    currency: str


def verify(session: Session, user_id: int | None = None) -> list[Drift]:
    """Every budget period's stored spend against a recomputation from transactions."""
    q = select(BudgetPeriod, Budget).join(Budget, Budget.id == BudgetPeriod.budget_id)
    if user_id is not None:
        q = q.where(Budget.user_id == user_id)
    drifts = []
    for bp, budget in session.execute(q).all():
        computed = recompute(session, bp)
        if computed != bp.spent_minor:
            drifts.append(
                Drift(budget.id, budget.name, bp.start, bp.end, bp.spent_minor, computed, budget.currency)
            )
    return drifts
