"""Budget spend: add a transaction to every period that covers it, record crossed thresholds.

Called inside the caller's database transaction (process, recategorize, delete...), so
the spend, the alert rows and their outbox rows commit or roll back together. Spend is
changed with ``spent = spent + x`` in SQL (exact, safe under concurrency); an alert row is
unique per (period, threshold) and inserted with ON CONFLICT DO NOTHING: a retry, a
replay or a spend that dips and rises again never records a threshold twice.

Rollover: a row carries in the remainder (limit + carried - spent) of the row its
``carried_from`` names, set when the row is created with rollover on (missing rows of quiet
periods in between are created first, so the chain has no holes) or when rollover is
toggled. Whenever a row's remainder changes, the rows carrying in from it move by the same
amount, down the chain, one UPDATE per row in ascending start (the order rows are locked in
everywhere), so a late alert, an exclusion or a budget edit in a past period reaches today.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from models import Alert, Budget, BudgetPeriod, NotifyTarget, Outbox, Transaction, User
from pipeline import config, periods

logger = logging.getLogger(__name__)


def _insert(session: Session, table: Any) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def message_id_for(alert_id: int, target_id: int) -> str:
    """The Message-ID of one alert to one target, fixed when its outbox row is written: every
    retry carries it, so a rare double send collapses in mail clients.

    Ids alone repeat: they start at 1 again after a database reset or on a second install,
    and a mailbox that already holds a Message-ID (Gmail) silently hides a new mail carrying
    it, so an alert would be lost. Hence a random part, and the domain of
    SPENDWATCH_SMTP_FROM when it has one.
    """
    sender = config.get().smtp_from
    domain = sender.rsplit("@", 1)[-1].strip(" >") if "@" in sender else ""
    if "." not in domain or not all(ch.isalnum() or ch in ".-" for ch in domain):
        domain = "spendwatch.local"
    return f"<spendwatch-alert-{alert_id}-{target_id}.{os.urandom(6).hex()}@{domain}>"


def _mask_digits(mask: str | None) -> str:
    return "".join(ch for ch in (mask or "") if ch.isdigit())[-4:]


def covers(budget: Budget, txn: Transaction) -> bool:
    """Category, currency and account scope; a budget without categories covers all spend."""
    return Scope.of(budget).covers(txn)


@dataclass(frozen=True)
class Scope:
    """What ``covers`` reads of a budget, read once: a batch asks it for every mail."""

    active: bool
    currency: str
    category_ids: frozenset[int] | None  # None: all categories
    mask_digits: str | None  # None: all accounts

    @classmethod
    def of(cls, budget: Budget) -> Scope:
        return cls(bool(budget.active), budget.currency,
                   frozenset(c.id for c in budget.categories) if budget.categories else None,
                   _mask_digits(budget.account_mask) if budget.account_mask else None)

    def covers(self, txn: Transaction) -> bool:
        if not self.active or self.currency != txn.currency:
            return False
        if self.category_ids is not None and txn.category_id not in self.category_ids:
            return False
        return self.mask_digits is None or self.mask_digits == _mask_digits(txn.account_mask)


# Missing rows created to chain a rollover carry: at most this many periods back (three
# years of months). Beyond it a new row carries 0 in (and nothing follows it), bounding the
# work one transaction can cause after a budget sat unused for years.
CHAIN_LIMIT = 36


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
    caller is about to take out must first be in it). A rollover row carries in from the
    budget's latest earlier row; the rows of the periods in between (no spend yet) are
    created first, so a quiet month carries on exactly (see ``carry_source``).
    """
    row = _row(session, budget.id, period.start)
    if row is not None:
        return row
    spent = spend_of(session, budget, period.start, period.end, uncounted) + counted_minor
    carried, source = carry_source(session, budget, period, week_start, uncounted=uncounted)
    return _create_row(session, budget, period, carried, source, spent, lock=False)


def _row(session: Session, budget_id: int, start: date, lock: bool = False) -> BudgetPeriod | None:
    q = select(BudgetPeriod).where(BudgetPeriod.budget_id == budget_id, BudgetPeriod.start == start)
    if lock:  # read what it holds now, and keep it until commit (a carry is computed from it)
        q = q.with_for_update().execution_options(populate_existing=True)
    return session.scalar(q)


def _create_row(session: Session, budget: Budget, period: periods.Period, carried: int, source: date | None,
                spent: int, lock: bool) -> BudgetPeriod:
    """Insert the row unless a concurrent transaction did (then that one counts)."""
    session.execute(
        _insert(session, BudgetPeriod)
        .values(budget_id=budget.id, start=period.start, end=period.end, limit_minor=budget.amount_minor,
                carried_minor=carried, carried_from=source, spent_minor=spent)
        .on_conflict_do_nothing(index_elements=["budget_id", "start"])
    )
    row = _row(session, budget.id, period.start, lock)
    assert row is not None
    return row


def remainder(bp: BudgetPeriod) -> int:
    """What a period leaves to the next one: unused (+) or overspent (-)."""
    return bp.limit_minor + bp.carried_minor - bp.spent_minor


def carry_source(session: Session, budget: Budget, period: periods.Period, week_start: int = 0, *,
                 uncounted: Collection[Transaction] = (), create: bool = True) -> tuple[int, date | None]:
    """What a row of ``period`` carries in, and the start of the row it carries it from.

    (0, None) without rollover, for a custom budget, without an earlier row, when the
    latest earlier row does not start where a period of this budget does (the user's week
    start moved), or more than CHAIN_LIMIT periods back. The rows of the periods between
    the latest earlier row and ``period`` are created (``create``), each with its stored
    spend (but ``uncounted``) and its carry chained; the row carried from is locked (FOR
    UPDATE), so a concurrent change of its spend waits and then moves this carry too.
    ``create=False`` (a read-only caller) computes the same figure and writes nothing.
    """
    if not budget.rollover or budget.period == "custom":
        return 0, None
    q = (select(BudgetPeriod.start).where(BudgetPeriod.budget_id == budget.id, BudgetPeriod.start < period.start)
         .order_by(BudgetPeriod.start.desc()).limit(1))
    latest = session.scalar(q)
    if latest is None:
        return 0, None
    gap: list[periods.Period] = []
    p: periods.Period | None = period
    while True:
        p = periods.previous(budget, p, week_start) if p is not None else None
        if p is None or p.start < latest or len(gap) > CHAIN_LIMIT:
            return 0, None
        if p.start == latest:
            break
        gap.append(p)
    before = _row(session, budget.id, latest, lock=create)
    assert before is not None
    carried, source = remainder(before), before.start
    for g in reversed(gap):  # oldest first: each carries in from the one before
        g_spent = spend_of(session, budget, g.start, g.end, uncounted)
        if create:
            row = _create_row(session, budget, g, carried, source, g_spent, lock=True)
            carried, source = remainder(row), row.start
        else:
            carried, source = budget.amount_minor + carried - g_spent, g.start
    return carried, source


_PERIODS = cast(Table, BudgetPeriod.__table__)


def shift_carries(session: Session, budget: Budget, start: date, delta: int, today: date | None = None) -> Effects:
    """The remainder of ``budget``'s row starting on ``start`` changed by ``delta``: move the
    carry of the rows carrying in from it, and of theirs, by as much.

    One UPDATE per row of the chain, in ascending start (the order rows are locked in), with
    ``carried = carried + delta`` in SQL (exact under concurrency). A row whose carry drops
    records the thresholds it now reaches (ON CONFLICT DO NOTHING: once), speaking when it
    is the current period (``today`` given) and silent when past. Returns those effects.
    """
    effects = Effects([], [])
    if delta == 0:
        return effects
    bp = _PERIODS.c  # the table: the rows held in the session are expired below
    sources = [start]
    while sources:
        moved = session.execute(
            update(_PERIODS)
            .where(bp.budget_id == budget.id, bp.carried_from == sources.pop(0))
            .values(carried_minor=bp.carried_minor + delta)
            .returning(bp.id, bp.start, bp.end, bp.limit_minor, bp.carried_minor, bp.spent_minor)
        ).all()
        for bp_id, b_start, b_end, limit, carried, spent in sorted(moved, key=lambda r: r[1]):
            cached = session.identity_map.get(identity_key(BudgetPeriod, bp_id))
            if cached is not None:
                session.expire(cached, ["carried_minor"])
            if delta < 0 and today is not None and budget.active:
                speaks = speaks_now(periods.Period(b_start, b_end), today)
                effects.extend(_record_reached(session, budget, bp_id, spent, limit + carried - delta,
                                               limit, carried, speaks))
            sources.append(b_start)
    return effects


def _reached(thresholds: Collection[int], spent: int, limit: int) -> list[int]:
    return [t for t in sorted(set(thresholds)) if (spent * 100 >= t * limit if limit > 0 else spent > 0)]


def _record_reached(session: Session, budget: Budget, bp_id: int, spent: int, old_limit: int, limit_minor: int,
                    carried_minor: int, speaks: bool) -> Effects:
    """Thresholds a period's spend reaches under its new effective limit (``limit_minor`` +
    ``carried_minor``) and did not under ``old_limit``."""
    thresholds = list(budget.thresholds or [50, 80, 100])
    before = set(_reached(thresholds, spent, old_limit))
    hits = [t for t in _reached(thresholds, spent, limit_minor + carried_minor) if t not in before]
    return _insert_alerts(session, budget, bp_id, hits, spent, limit_minor, carried_minor, None, speaks)


def _insert_alerts(session: Session, budget: Budget, bp_id: int, hits: list[int], spent: int, limit_minor: int,
                   carried_minor: int, txn_id: int | None, speaks: bool) -> Effects:
    """Record ``hits`` of one period with the figures they were crossed at: the spend, and the
    period's limit and carry (the message says these, not what they are when it is sent)."""
    effects = Effects([], [])
    if not hits:
        return effects
    top = max(hits)
    pct = percent(spent, limit_minor + carried_minor)
    for t in hits:
        # A jump from 40% to 105% records 50, 80 and 100 but only the highest speaks;
        # past periods fill silently (alerts speak about now).
        notify = speaks and t == top
        stmt = (
            _insert(session, Alert)
            .values(budget_period_id=bp_id, threshold=t, percent=pct, spent_minor=spent, limit_minor=limit_minor,
                    carried_minor=carried_minor, transaction_id=txn_id, notify=notify)
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


def recorded_limit(alert: Alert, bp: BudgetPeriod) -> tuple[int, int]:
    """(limit, carry) of ``bp`` that ``alert``'s percent was computed against, recorded with the
    alert: what its message and the API show, whatever the budget's amount or the carry became
    since. An alert recorded before migration 0003 has none: ``bp``'s figures now stand in."""
    if alert.limit_minor is None or alert.carried_minor is None:
        return bp.limit_minor, bp.carried_minor
    return alert.limit_minor, alert.carried_minor


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
    limit_minor, carried_minor = bp.limit_minor, bp.carried_minor
    hits = crossed(list(budget.thresholds or [50, 80, 100]), limit_minor + carried_minor, old, new)
    return _insert_alerts(session, budget, bp.id, hits, new, limit_minor, carried_minor, txn.id, speaks)


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
    # On the table, not the mapped class: the ORM's bulk UPDATE first searched the session
    # for objects the WHERE matches, a fifth of the process step's budget work (the one
    # object it can match is expired here instead).
    t = _PERIODS
    new: int = session.execute(
        update(t).where(t.c.id == bp.id).values(spent_minor=t.c.spent_minor + delta).returning(t.c.spent_minor)
    ).scalar_one()
    session.expire(bp, ["spent_minor"])
    return new


def change_spend(session: Session, budget: Budget, bp: BudgetPeriod, delta: int, today: date) -> tuple[int, Effects]:
    """``add_spend``, then the rows carrying in from ``bp`` move by ``-delta``; the new spend
    and the alerts a smaller carry records."""
    new = add_spend(session, bp, delta)
    return new, shift_carries(session, budget, bp.start, -delta, today)


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
        new, chained = change_spend(session, budget, bp, delta, today)
        effects.extend(chained)
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


def _covering(txn: Transaction, user: User, budgets: list[Budget],
              memo: _BatchMemo | None = None) -> Iterator[tuple[Budget, periods.Period]]:
    """The budgets (of ``budgets``, in order) whose scope covers ``txn``, each with its period holding it.

    ``memo``: scopes and periods already worked out, for a batch whose mails share budgets and days.
    """
    day = periods.local_day(txn.occurred_at, user.timezone)
    for budget in budgets:
        if memo is None:
            if not covers(budget, txn):
                continue
            period = periods.period_for(budget, day, user.week_start)
        else:
            if not memo.scope(budget).covers(txn):
                continue
            period = memo.period(budget, day, user.week_start)
        if period is not None:
            yield budget, period


class _BatchMemo:
    """Per batch: each budget's scope and each (budget, day)'s period, worked out once.

    A batch asks them for every mail and budget; read from the ORM objects each time, the
    attribute reads alone were most of ``apply_new``'s own CPU.
    """

    def __init__(self) -> None:
        self._scopes: dict[int, Scope] = {}
        self._periods: dict[tuple[int, date], periods.Period | None] = {}

    def scope(self, budget: Budget) -> Scope:
        if budget.id not in self._scopes:
            self._scopes[budget.id] = Scope.of(budget)
        return self._scopes[budget.id]

    def period(self, budget: Budget, day: date, week_start: int) -> periods.Period | None:
        key = (budget.id, day)  # a budget belongs to one user: one week start
        if key not in self._periods:
            self._periods[key] = periods.period_for(budget, day, week_start)
        return self._periods[key]


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
    memo = _BatchMemo()
    effects = Effects([], [])

    def write(key: tuple[int, date]) -> None:
        items = pending.pop(key, [])
        if not items:
            return
        budget, period, bp = rows[key]
        total = sum(t.amount_minor for t in items)
        user = users[budget.user_id][0]
        today = periods.local_day(now, user.timezone)
        new, chained = change_spend(session, budget, bp, total, today)
        effects.extend(chained)
        speaks = speaks_now(period, today)
        running = new - total
        # _record_alerts for each mail in turn, with the period's figures read once.
        limit_minor, carried_minor, bp_id = bp.limit_minor, bp.carried_minor, bp.id
        thresholds = list(budget.thresholds or [50, 80, 100])
        for txn in items:
            amount = txn.amount_minor
            hits = crossed(thresholds, limit_minor + carried_minor, running, running + amount)
            if hits:
                effects.extend(_insert_alerts(session, budget, bp_id, hits, running + amount, limit_minor,
                                              carried_minor, txn.id, speaks))
            running += amount

    for txn in txns:
        if not txn.counts_as_spend:
            continue
        if txn.user_id not in users:
            users[txn.user_id] = _user_budgets(session, txn.user_id)
        user, active = users[txn.user_id]
        for budget, period in _covering(txn, user, active, memo):
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
    lo = datetime.combine(max(start, date.min + timedelta(days=1)) - timedelta(days=1), datetime.min.time(), timezone.utc)
    # (An open-ended custom budget ends 9999-12-31: two days past it is no date.)
    hi = datetime.combine(min(end, date.max - timedelta(days=2)) + timedelta(days=2), datetime.min.time(), timezone.utc)
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
    field: str = "spent"  # or "carried": a rollover carry that no longer matches the row it carries from


def verify(session: Session, user_id: int | None = None,
           progress: Callable[[int, int], None] | None = None) -> list[Drift]:
    """Every budget period's stored spend against a recomputation from transactions, and every
    carry against the recomputed remainder of the row it carries in from (down the chain).

    ``progress(done, total)`` after each period: one query per period, so years of budgets
    take a while (the CLI shows a progress bar).
    """
    q = (select(BudgetPeriod, Budget).join(Budget, Budget.id == BudgetPeriod.budget_id)
         .order_by(BudgetPeriod.budget_id, BudgetPeriod.start))
    if user_id is not None:
        q = q.where(Budget.user_id == user_id)
    drifts = []
    left: dict[tuple[int, date], int] = {}  # (budget, start): recomputed remainder
    rows = session.execute(q).all()
    for done, (bp, budget) in enumerate(rows, 1):
        computed = recompute(session, bp)
        if computed != bp.spent_minor:
            drifts.append(
                Drift(budget.id, budget.name, bp.start, bp.end, bp.spent_minor, computed, budget.currency)
            )
        carried = 0 if bp.carried_from is None else left.get((budget.id, bp.carried_from), 0)
        if bp.carried_from is not None and carried != bp.carried_minor:
            drifts.append(Drift(budget.id, budget.name, bp.start, bp.end, bp.carried_minor, carried,
                                budget.currency, "carried"))
        left[(budget.id, bp.start)] = bp.limit_minor + carried - computed
        if progress is not None:
            progress(done, len(rows))
    return drifts
