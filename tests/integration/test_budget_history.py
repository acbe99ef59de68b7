"""Budget periods stay exact when history changes: rows created late, edits, budget re-saves.

On a real database (SQLite file and PostgreSQL), as tests/integration/test_budget_spend.py.
"""

from __future__ import annotations

import threading
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models import (
    Alert,
    Budget,
    BudgetPeriod,
    Category,
    Outbox,
    Transaction,
    User,
)
from pipeline import budget_edit, budget_view, budgets, txn_edit
from tests.support import budget_db
from tests.support.budget_db import seed, txn, utc

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
factory = budget_db.factory_fixture()
pg_factory = budget_db.pg_factory_fixture()


def monthly(s: Session, user: User, food: Category, now: datetime = NOW, **kw) -> Budget:
    spec = budget_edit.BudgetSpec(name="Food", amount_minor=100_000, category_ids=(food.id,), **kw)
    return budget_edit.create(s, user, spec, now)


def rows(s: Session) -> list[tuple[date, int]]:
    return [(r.start, r.spent_minor) for r in s.scalars(select(BudgetPeriod).order_by(BudgetPeriod.start))]


# 1. A period row created on demand starts from the spend already stored for it.


def test_deleting_a_transaction_of_a_past_period_without_a_row_leaves_its_spend_exact(factory):
    with factory.begin() as s:
        user, food = seed(s)
        txn(s, user, food, "30.000", utc(2026, 10, 5, 9))
        t2 = txn(s, user, food, "20.000", utc(2026, 10, 6, 9))
        monthly(s, user, food)  # created in November: October has no row
        txn_edit.delete_transaction(s, t2, NOW)
        assert rows(s) == [(date(2026, 10, 1), 30_000), (date(2026, 11, 1), 0)]
        assert budgets.verify(s) == []


def test_excluding_a_transaction_of_a_past_period_without_a_row_leaves_its_spend_exact(factory):
    with factory.begin() as s:
        user, food = seed(s)
        txn(s, user, food, "30.000", utc(2026, 10, 5, 9))
        t2 = txn(s, user, food, "20.000", utc(2026, 10, 6, 9))
        monthly(s, user, food)
        txn_edit.update_transaction(s, t2, NOW, excluded=True)
        assert rows(s)[0] == (date(2026, 10, 1), 30_000)
        txn_edit.update_transaction(s, t2, NOW, excluded=False)
        assert rows(s)[0] == (date(2026, 10, 1), 50_000)
        assert budgets.verify(s) == []


def test_a_late_alert_for_a_past_period_without_a_row_adds_to_its_stored_spend(factory):
    with factory.begin() as s:
        user, food = seed(s)
        txn(s, user, food, "30.000", utc(2026, 10, 5, 9))
        monthly(s, user, food)
        late = txn(s, user, food, "5.000", utc(2026, 10, 31, 19, 55))  # 23:55 in Muscat, processed late
        effects = budgets.apply_transaction(s, late, +1, NOW)
        assert rows(s)[0] == (date(2026, 10, 1), 35_000)
        assert effects.alert_ids == []  # 35 %: no threshold crossed
        assert budgets.verify(s) == []


def test_a_batch_into_a_past_period_without_a_row_writes_what_one_by_one_writes(factory):
    def run(batch: bool) -> tuple[list[tuple[date, int]], list[tuple[int, int, bool]]]:
        with factory() as s:
            user, food = seed(s)
            txn(s, user, food, "30.000", utc(2026, 10, 5, 9))
            monthly(s, user, food)
            new = []
            for amount, when in [("25.000", utc(2026, 10, 20, 9)), ("10.000", utc(2026, 11, 2, 9)),
                                 ("40.000", utc(2026, 10, 21, 9))]:
                new.append(txn(s, user, food, amount, when))
                if not batch:  # stored and counted together, as pipeline/process.py does
                    budgets.apply_transaction(s, new[-1], +1, NOW)
            if batch:  # all stored, then counted, as pipeline/process_batch.py does
                budgets.apply_new(s, new, NOW)
            assert budgets.verify(s) == []
            got = rows(s), [(a.transaction_id - new[0].id, a.threshold, a.notify)
                            for a in s.scalars(select(Alert).order_by(Alert.id))]
            s.rollback()
        return got

    one_by_one = run(False)
    assert one_by_one == ([(date(2026, 10, 1), 95_000), (date(2026, 11, 1), 10_000)], [(0, 50, False),
                                                                                        (2, 80, False)])
    assert run(True) == one_by_one


def test_a_week_start_changed_mid_week_starts_the_new_week_from_its_spend(factory):
    with factory.begin() as s:
        user, food = seed(s, week_start=0)  # Monday
        spec = budget_edit.BudgetSpec(name="Week", amount_minor=100_000, period="weekly", anchor_day=0,
                                      category_ids=(food.id,))
        budget_edit.create(s, user, spec, utc(2026, 11, 16, 8))
        budgets.apply_transaction(s, txn(s, user, food, "30.000", utc(2026, 11, 16, 8)), +1, utc(2026, 11, 16, 9))
        budgets.apply_transaction(s, txn(s, user, food, "30.000", utc(2026, 11, 17, 8)), +1, utc(2026, 11, 17, 9))
        user.week_start = 6  # Sunday, set on Wednesday 18 November
        wed = utc(2026, 11, 18, 9)
        budgets.apply_transaction(s, txn(s, user, food, "5.000", utc(2026, 11, 18, 8)), +1, wed)
        cur = budget_view.current(s, user, wed)[0]
        assert (cur.start_date, cur.spent_minor) == (date(2026, 11, 15), 65_000)


# 2. Two concurrent edits of one transaction take it out once (PostgreSQL row lock).


def _race(factory: sessionmaker[Session], edit) -> None:
    with factory.begin() as s:
        user, food = seed(s)
        monthly(s, user, food)
        t = txn(s, user, food, "40.000", utc(2026, 11, 10))
        budgets.apply_transaction(s, t, +1, NOW)
        budgets.apply_transaction(s, txn(s, user, food, "7.000", utc(2026, 11, 11)), +1, NOW)
        tid = t.id
    a, b = factory(), factory()
    ta, tb = a.get(Transaction, tid), b.get(Transaction, tid)  # both requests have read the row
    assert ta is not None and tb is not None
    edit(a, ta)
    errors: list[BaseException] = []

    def second() -> None:
        try:
            edit(b, tb)  # waits for A's row lock, then sees A's change
            b.commit()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
            b.rollback()

    th = threading.Thread(target=second)
    th.start()
    th.join(1.0)
    assert th.is_alive(), "the second edit did not wait for the first one's lock"
    a.commit()
    th.join(30)
    assert not th.is_alive() and errors == []
    a.close()
    b.close()
    with factory() as s:
        assert s.scalar(select(BudgetPeriod.spent_minor)) == 7_000
        assert budgets.verify(s) == []


def test_two_concurrent_excludes_take_a_transaction_out_once(pg_factory):
    _race(pg_factory, lambda s, t: txn_edit.update_transaction(s, t, NOW, excluded=True))


def test_two_concurrent_deletes_take_a_transaction_out_once(pg_factory):
    _race(pg_factory, lambda s, t: txn_edit.delete_transaction(s, t, NOW))


def test_an_edit_that_changes_nothing_leaves_the_budgets_alone(factory):
    with factory.begin() as s:
        user, food = seed(s)
        monthly(s, user, food)
        t = txn(s, user, food, "40.000", utc(2026, 11, 10))
        budgets.apply_transaction(s, t, +1, NOW)
        assert txn_edit.update_transaction(s, t, NOW, excluded=False).alert_ids == []
        assert txn_edit.recategorize(s, t, food.id, NOW).alert_ids == []
        assert t.category_source == txn_edit.MANUAL
        assert rows(s) == [(date(2026, 11, 1), 40_000)]


# 3. A period that starts in a few minutes (bank clock ahead) speaks like the current one.


@pytest.mark.parametrize("batch", [False, True])
def test_an_alert_for_a_period_starting_in_a_few_minutes_is_delivered(factory, batch):
    with factory.begin() as s:
        user, food = seed(s)
        monthly(s, user, food, utc(2026, 10, 2))
        now = utc(2026, 10, 31, 19, 58)  # 23:58 on 31 October in Muscat
        t = txn(s, user, food, "85.000", utc(2026, 10, 31, 20, 1))  # stamped 00:01 on 1 November
        effects = budgets.apply_new(s, [t], now) if batch else budgets.apply_transaction(s, t, +1, now)
        assert [(a.threshold, a.notify) for a in s.scalars(select(Alert).order_by(Alert.threshold))] == [
            (50, False), (80, True)]
        assert len(effects.outbox_ids) == 1


# 4. Re-saving a custom budget keeps its period row, alerts and outbox rows.


@pytest.mark.parametrize("change", ["same_categories", "account_mask", "active_off_and_on"])
def test_resaving_a_custom_budget_keeps_its_alerts(factory, change):
    with factory.begin() as s:
        user, food = seed(s)
        spec = budget_edit.BudgetSpec(name="Trip", amount_minor=100_000, period="custom",
                                      start_date=date(2026, 11, 1), end_date=date(2026, 11, 30),
                                      category_ids=(food.id,))
        b = budget_edit.create(s, user, spec, NOW)
        budgets.apply_transaction(s, txn(s, user, food, "85.000", utc(2026, 11, 10), account_mask="xx1234"), +1, NOW)
        for o in s.scalars(select(Outbox)):
            o.status = "sent"  # the 80 % alert went out
        s.flush()
        row_id = s.scalar(select(BudgetPeriod.id))
    with factory.begin() as s:
        b = s.get(Budget, b.id)
        user = s.get(User, b.user_id)
        if change == "same_categories":
            budget_edit.update(s, user, b, NOW, category_ids=[food.id])
        elif change == "account_mask":
            budget_edit.update(s, user, b, NOW, account_mask="1234")
        else:
            budget_edit.update(s, user, b, NOW, active=False)
            budget_edit.update(s, user, b, NOW, active=True)
    with factory() as s:
        assert s.execute(select(BudgetPeriod.id, BudgetPeriod.spent_minor)).all() == [(row_id, 85_000)]
        assert [(a.threshold, a.notify) for a in s.scalars(select(Alert).order_by(Alert.threshold))] == [
            (50, False), (80, True)]
        assert s.scalars(select(Outbox.status)).all() == ["sent"]


def test_moving_a_custom_range_recomputes_its_row(factory):
    with factory.begin() as s:
        user, food = seed(s)
        spec = budget_edit.BudgetSpec(name="Trip", amount_minor=100_000, period="custom",
                                      start_date=date(2026, 11, 1), end_date=date(2026, 11, 30),
                                      category_ids=(food.id,))
        b = budget_edit.create(s, user, spec, NOW)
        budgets.apply_transaction(s, txn(s, user, food, "30.000", utc(2026, 11, 10)), +1, NOW)
        txn(s, user, food, "20.000", utc(2026, 10, 28))
        budget_edit.update(s, user, b, NOW, start_date=date(2026, 10, 25))
        assert rows(s) == [(date(2026, 10, 25), 50_000)]
        assert budgets.verify(s) == []


# 5. Changing rollover resets the current period's carry.


def _overspent_october(s: Session) -> tuple[User, Budget]:
    user, food = seed(s)
    b = monthly(s, user, food, utc(2026, 10, 2), rollover=True)
    budgets.apply_transaction(s, txn(s, user, food, "150.000", utc(2026, 10, 10)), +1, NOW)  # 50 over
    budgets.apply_transaction(s, txn(s, user, food, "40.000", utc(2026, 11, 2)), +1, NOW)
    return user, b


def test_turning_rollover_off_drops_the_carry_of_the_current_period(factory):
    with factory.begin() as s:
        user, b = _overspent_october(s)
        assert budget_view.current(s, user, NOW)[0].limit_minor == 50_000  # 40 of 50: the 80 % alert
        budget_edit.update(s, user, b, NOW, rollover=False)
        assert budget_view.current(s, user, NOW)[0].limit_minor == 100_000
        budget_edit.update(s, user, b, NOW, rollover=True)
        assert budget_view.current(s, user, NOW)[0].limit_minor == 50_000


def test_turning_rollover_on_carries_in_and_alerts_a_threshold_now_reached(factory):
    with factory.begin() as s:
        user, food = seed(s)
        b = monthly(s, user, food, utc(2026, 10, 2))
        budgets.apply_transaction(s, txn(s, user, food, "150.000", utc(2026, 10, 10)), +1, NOW)
        budgets.apply_transaction(s, txn(s, user, food, "40.000", utc(2026, 11, 2)), +1, NOW)
        assert s.scalar(select(func.count()).select_from(Outbox)) == 0  # 40 of 100 in November
        budget_edit.update(s, user, b, NOW, rollover=True)
        assert budget_view.current(s, user, NOW)[0].limit_minor == 50_000
        nov = s.scalar(select(BudgetPeriod.id).where(BudgetPeriod.start == date(2026, 11, 1)))
        assert [(a.threshold, a.notify) for a in s.scalars(
            select(Alert).where(Alert.budget_period_id == nov).order_by(Alert.threshold))] == [(50, False), (80, True)]
