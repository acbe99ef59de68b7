"""Rollover carries stay exact when an earlier period changes, across quiet periods, and in reads.

A row carries in from the row named by ``carried_from`` (NULL: it carries nothing in); a
change of a row's remainder moves the carry down that chain. On a real database (SQLite
file and PostgreSQL), as tests/integration/test_budget_history.py.
"""

from __future__ import annotations

import threading
from datetime import date, datetime, timezone

import pytest
from alembic import command
from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from models import (
    Alert,
    Budget,
    BudgetPeriod,
    Category,
    Outbox,
    Transaction,
    User,
)
from pipeline import budget_edit, budget_view, budgets, schema, txn_edit
from pipeline.db import make_engine, read_sessions
from tests.support import budget_db
from tests.support.budget_db import seed, txn, utc

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
SEP, OCT, NOV = date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)
factory = budget_db.factory_fixture()
pg_factory = budget_db.pg_factory_fixture()


def spend(s: Session, user: User, food: Category, amount: str, when: datetime, now: datetime = NOW) -> Transaction:
    t = txn(s, user, food, amount, when)
    budgets.apply_transaction(s, t, +1, now)
    return t


def monthly(s: Session, user: User, food: Category, created: datetime, rollover: bool = True) -> Budget:
    spec = budget_edit.BudgetSpec(name="Food", amount_minor=100_000, category_ids=(food.id,), rollover=rollover)
    return budget_edit.create(s, user, spec, created)


def rows(s: Session) -> list[tuple[date, int, int, int]]:
    """(start, limit, carried, spent) of every period row, by start."""
    return [(r.start, r.limit_minor, r.carried_minor, r.spent_minor)
            for r in s.scalars(select(BudgetPeriod).order_by(BudgetPeriod.start).execution_options(
                populate_existing=True))]


def carries(s: Session) -> list[tuple[date, int]]:
    return [(start, carried) for start, _limit, carried, _spent in rows(s)]


# (a) A change of an earlier period's spend moves the carries after it.


def test_a_late_transaction_moves_the_next_periods_carry(factory):
    with factory.begin() as s:
        user, food = seed(s)
        monthly(s, user, food, utc(2026, 10, 2))
        spend(s, user, food, "70.000", utc(2026, 10, 10))
        spend(s, user, food, "10.000", utc(2026, 11, 2))
        spend(s, user, food, "50.000", utc(2026, 10, 31, 19, 50))  # 23:50 on 31 October in Muscat, late
        assert carries(s) == [(OCT, 0), (NOV, -20_000)]  # October: 120 of 100
        assert budget_view.current(s, user, NOW)[0].limit_minor == 80_000
        assert budgets.verify(s) == []


@pytest.mark.parametrize("how", ["exclude", "delete", "recategorize"])
def test_taking_a_past_transaction_out_moves_the_next_periods_carry(factory, how):
    with factory.begin() as s:
        user, food = seed(s)
        other = Category(user_id=user.id, name="Other")
        s.add(other)
        s.flush()
        monthly(s, user, food, utc(2026, 10, 2))
        big = spend(s, user, food, "90.000", utc(2026, 10, 10))
        spend(s, user, food, "10.000", utc(2026, 11, 2))
        assert carries(s) == [(OCT, 0), (NOV, 10_000)]
        if how == "exclude":
            txn_edit.update_transaction(s, big, NOW, excluded=True)
        elif how == "delete":
            txn_edit.delete_transaction(s, big, NOW)
        else:
            txn_edit.recategorize(s, big, other.id, NOW)
        assert carries(s) == [(OCT, 0), (NOV, 100_000)]
        assert budgets.verify(s) == []


def test_a_late_transaction_two_periods_back_moves_both_later_carries(factory):
    with factory.begin() as s:
        user, food = seed(s)
        monthly(s, user, food, utc(2026, 9, 2))
        spend(s, user, food, "80.000", utc(2026, 9, 10))
        spend(s, user, food, "90.000", utc(2026, 10, 10))
        spend(s, user, food, "10.000", utc(2026, 11, 2))
        assert carries(s) == [(SEP, 0), (OCT, 20_000), (NOV, 30_000)]
        spend(s, user, food, "40.000", utc(2026, 9, 20))  # September: 120 of 100
        assert carries(s) == [(SEP, 0), (OCT, -20_000), (NOV, -10_000)]
        assert budgets.verify(s) == []


def test_the_chain_stops_at_a_row_created_while_rollover_was_off(factory):
    with factory.begin() as s:
        user, food = seed(s)
        b = monthly(s, user, food, utc(2026, 9, 2))
        spend(s, user, food, "150.000", utc(2026, 9, 10))
        budget_edit.update(s, user, b, utc(2026, 9, 20), rollover=False)
        spend(s, user, food, "60.000", utc(2026, 10, 10), now=utc(2026, 10, 10))  # October's row: no carry
        budget_edit.update(s, user, b, NOW, rollover=True)  # November carries October's 40 in
        assert carries(s) == [(SEP, 0), (OCT, 0), (NOV, 40_000)]
        spend(s, user, food, "5.000", utc(2026, 9, 11))  # September: October does not carry it in
        spend(s, user, food, "10.000", utc(2026, 10, 11))  # October: November does
        assert carries(s) == [(SEP, 0), (OCT, 0), (NOV, 30_000)]
        assert budgets.verify(s) == []


def test_a_budget_edit_that_recomputes_past_spend_moves_the_carries(factory):
    with factory.begin() as s:
        user, food = seed(s)
        other = Category(user_id=user.id, name="Other")
        s.add(other)
        s.flush()
        b = monthly(s, user, food, utc(2026, 10, 2))
        spend(s, user, food, "30.000", utc(2026, 10, 10))
        txn(s, user, other, "50.000", utc(2026, 10, 11))  # not covered yet
        spend(s, user, food, "10.000", utc(2026, 11, 2))
        assert carries(s) == [(OCT, 0), (NOV, 70_000)]
        budget_edit.update(s, user, b, NOW, category_ids=[food.id, other.id])
        assert carries(s) == [(OCT, 0), (NOV, 20_000)]
        assert budgets.verify(s) == []


def test_a_smaller_carry_alerts_the_threshold_the_current_period_now_reaches_once(factory):
    with factory.begin() as s:
        user, food = seed(s)
        monthly(s, user, food, utc(2026, 10, 2))
        spend(s, user, food, "70.000", utc(2026, 10, 10))
        spend(s, user, food, "70.000", utc(2026, 11, 2))  # 70 of 130: the 50 % alert
        late = txn(s, user, food, "50.000", utc(2026, 10, 31, 19, 50))
        effects = budgets.apply_transaction(s, late, +1, NOW)  # November: 70 of 80
        nov = s.scalar(select(BudgetPeriod.id).where(BudgetPeriod.start == NOV))
        assert [(a.threshold, a.notify, a.percent) for a in s.scalars(
            select(Alert).where(Alert.budget_period_id == nov).order_by(Alert.threshold))] == [
                (50, True, 53), (80, True, 87)]
        assert len(effects.outbox_ids) == 1
        # Out and in again: the 80 % alert is not recorded or sent twice.
        txn_edit.update_transaction(s, late, NOW, excluded=True)
        again = txn_edit.update_transaction(s, late, NOW, excluded=False)
        assert again.outbox_ids == []
        assert s.scalar(select(func.count()).select_from(Alert).where(Alert.budget_period_id == nov)) == 2
        assert s.scalar(select(func.count()).select_from(Outbox)) == 2


def test_verify_reports_a_stale_carry(factory):
    with factory.begin() as s:
        user, food = seed(s)
        monthly(s, user, food, utc(2026, 10, 2))
        spend(s, user, food, "70.000", utc(2026, 10, 10))
        spend(s, user, food, "10.000", utc(2026, 11, 2))
        nov = s.scalar(select(BudgetPeriod).where(BudgetPeriod.start == NOV))
        assert nov is not None
        nov.carried_minor += 1
        s.flush()
        [drift] = budgets.verify(s)
        assert (drift.start, drift.field, drift.stored_minor, drift.computed_minor) == (NOV, "carried", 30_001, 30_000)


# (b) A period without spend carries on.


def test_a_month_without_spend_carries_on(factory):
    with factory.begin() as s:
        user, food = seed(s)
        monthly(s, user, food, utc(2026, 9, 2))
        spend(s, user, food, "150.000", utc(2026, 9, 10))  # 50 over
        spend(s, user, food, "10.000", utc(2026, 11, 2))  # nothing in October
        # October: 50 of 100 - 50, nothing spent: November carries 50 in.
        assert rows(s) == [(SEP, 100_000, 0, 150_000), (OCT, 100_000, -50_000, 0), (NOV, 100_000, 50_000, 10_000)]
        spend(s, user, food, "20.000", utc(2026, 9, 11))  # and the chain runs through October
        assert carries(s) == [(SEP, 0), (OCT, -70_000), (NOV, 30_000)]
        assert budgets.verify(s) == []


def test_a_quiet_month_starts_from_its_stored_spend(factory):
    with factory.begin() as s:
        user, food = seed(s)
        b = monthly(s, user, food, utc(2026, 9, 2))
        spend(s, user, food, "150.000", utc(2026, 9, 10))
        b.active = False  # paused in October: its spend is stored but not counted
        s.flush()
        txn(s, user, food, "30.000", utc(2026, 10, 10))
        b.active = True
        s.flush()
        spend(s, user, food, "10.000", utc(2026, 11, 2))
        assert rows(s)[1:] == [(OCT, 100_000, -50_000, 30_000), (NOV, 100_000, 20_000, 10_000)]
        assert budgets.verify(s) == []


def test_batch_and_one_by_one_write_the_same_rows(factory):
    def run(batch: bool) -> tuple[list[tuple[date, int, int, int]], list[tuple[date, int, bool]]]:
        with factory() as s:
            user, food = seed(s)
            monthly(s, user, food, utc(2026, 9, 2))
            spend(s, user, food, "60.000", utc(2026, 9, 10))
            spend(s, user, food, "10.000", utc(2026, 11, 2))  # October filled in, without spend
            new = []
            for amount, when in [("30.000", utc(2026, 9, 12)), ("20.000", utc(2026, 11, 3)),
                                 ("15.000", utc(2026, 10, 5)), ("5.000", utc(2026, 9, 13))]:
                new.append(txn(s, user, food, amount, when))
                if not batch:
                    budgets.apply_transaction(s, new[-1], +1, NOW)
            if batch:
                budgets.apply_new(s, new, NOW)
            assert budgets.verify(s) == []
            starts = {i: st for i, st in s.execute(select(BudgetPeriod.id, BudgetPeriod.start))}
            got = rows(s), [(starts[a.budget_period_id], a.threshold, a.notify)
                            for a in s.scalars(select(Alert).order_by(Alert.id))]
            s.rollback()
        return got

    one_by_one = run(False)
    assert one_by_one[0] == [(SEP, 100_000, 0, 95_000), (OCT, 100_000, 5_000, 15_000), (NOV, 100_000, 90_000, 30_000)]
    assert run(True) == one_by_one


# (c) The current period shows its carry before its row exists.


def test_the_view_shows_the_carry_before_the_first_transaction_of_a_period(factory):
    with factory.begin() as s:
        user, food = seed(s)
        monthly(s, user, food, utc(2026, 9, 2))
        spend(s, user, food, "150.000", utc(2026, 9, 10), now=utc(2026, 9, 10))
        uid = user.id
    reads, engine = read_sessions(factory)  # read-only on PostgreSQL, as the API reads
    try:
        with reads() as r:
            owner = r.get(User, uid)
            assert owner is not None
            oct3, nov3 = utc(2026, 10, 3), utc(2026, 11, 3)
            assert [(b.limit_minor, b.spent_minor) for b in budget_view.current(r, owner, oct3)] == [(50_000, 0)]
            assert [(b.limit_minor, b.spent_minor) for b in budget_view.current(r, owner, nov3)] == [(150_000, 0)]
    finally:
        if engine is not None:
            engine.dispose()
    with factory.begin() as s:
        user = s.get(User, uid)
        spend(s, user, s.scalar(select(Category)), "1.000", utc(2026, 11, 3), now=utc(2026, 11, 3))
        assert budget_view.current(s, user, utc(2026, 11, 3))[0].limit_minor == 150_000


# The migration links the rows that carried something in.


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    return budget_db.database_url(request, tmp_path)


def test_the_migration_links_rows_that_carried_in(url):
    engine = make_engine(url)
    try:
        cfg = schema.alembic_config(url)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0001")
        with Session(engine) as s, s.begin():
            user, food = seed(s)
            b = Budget(user_id=user.id, name="Food", amount_minor=100_000, rollover=True)
            s.add(b)
            s.flush()
            bp = BudgetPeriod.__table__
            for start, end, carried in [(SEP, date(2026, 9, 30), 0), (OCT, date(2026, 10, 31), -50_000),
                                        (NOV, date(2026, 11, 30), 0)]:
                s.execute(insert(bp).values(budget_id=b.id, start=start, end=end, limit_minor=100_000,
                                            carried_minor=carried, spent_minor=0))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        with engine.connect() as conn:
            got = conn.execute(text('SELECT "start", carried_from FROM budget_periods ORDER BY "start"')).all()
        assert [(str(a), str(c) if c else None) for a, c in got] == [
            ("2026-09-01", None), ("2026-10-01", "2026-09-01"), ("2026-11-01", None)]
    finally:
        engine.dispose()


# Concurrency (PostgreSQL row locks): a row created while its source changes carries the change.



def test_a_row_created_while_the_previous_one_changes_carries_the_change(pg_factory):
    with pg_factory.begin() as s:
        user, food = seed(s)
        monthly(s, user, food, utc(2026, 10, 2))
        spend(s, user, food, "70.000", utc(2026, 10, 10))
        spend(s, user, food, "10.000", utc(2026, 11, 2))  # November carries 30 in
        uid, fid = user.id, food.id
    dec5 = utc(2026, 12, 5)
    a = pg_factory()
    ua, fa = a.get(User, uid), a.get(Category, fid)
    spend(a, ua, fa, "50.000", utc(2026, 10, 31, 19, 50), now=dec5)  # October 120: November carries -20
    errors: list[BaseException] = []

    def second() -> None:
        with pg_factory() as b:
            try:  # December's first transaction: its row carries November's remainder in
                spend(b, b.get(User, uid), b.get(Category, fid), "1.000", dec5, now=dec5)
                b.commit()
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
                b.rollback()

    th = threading.Thread(target=second)
    th.start()
    th.join(1.0)
    assert th.is_alive(), "December's row did not wait for November's lock"
    a.commit()
    a.close()
    th.join(30)
    assert not th.is_alive() and errors == []
    with pg_factory() as s:
        assert carries(s) == [(OCT, 0), (NOV, -20_000), (date(2026, 12, 1), 70_000)]
        assert budgets.verify(s) == []


def test_a_budget_edit_and_a_late_alert_at_once_do_not_deadlock(pg_factory):
    """A late October alert is being processed (its October row locked, November's carry
    next) while the user changes the budget's amount and categories (November's limit, then
    every row recomputed). The edit waits for October before it writes November, so both
    finish; it used to write November first, and PostgreSQL aborted one of the two."""
    with pg_factory.begin() as s:
        user, food = seed(s)
        monthly(s, user, food, utc(2026, 10, 2))
        spend(s, user, food, "70.000", utc(2026, 10, 10))
        spend(s, user, food, "10.000", utc(2026, 11, 2))
        other = Category(user_id=user.id, name="Other")
        s.add(other)
        s.flush()
        uid, fid, oid = user.id, food.id, other.id
        budget_id = s.scalar(select(Budget.id))
    a = pg_factory()
    # Processing's first step on the late alert: October's row, locked as apply_transaction locks it.
    a.execute(select(BudgetPeriod).where(BudgetPeriod.budget_id == budget_id, BudgetPeriod.start == OCT)
              .with_for_update())
    errors: list[BaseException] = []

    def edit() -> None:
        with pg_factory() as b:
            try:
                budget_edit.update(b, b.get(User, uid), b.get(Budget, budget_id), NOW,
                                   amount_minor=120_000, category_ids=[fid, oid])
                b.commit()
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
                b.rollback()

    th = threading.Thread(target=edit)
    th.start()
    th.join(1.0)
    assert th.is_alive(), "the edit did not wait for October's lock"
    try:
        # The rest of processing: October's spend, then November's carry.
        spend(a, a.get(User, uid), a.get(Category, fid), "50.000", utc(2026, 10, 31, 19, 50))
        a.commit()
    except BaseException as exc:  # noqa: BLE001 - reported below
        errors.append(exc)
        a.rollback()
    finally:
        a.close()
    th.join(30)
    assert not th.is_alive() and errors == []
    with pg_factory() as s:
        assert rows(s) == [(OCT, 100_000, 0, 120_000), (NOV, 120_000, -20_000, 10_000)]
        assert budgets.verify(s) == []
