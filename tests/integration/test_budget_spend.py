"""Budget spend and threshold alerts on a real database (SQLite file and PostgreSQL)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import (
    Alert,
    Budget,
    BudgetPeriod,
    Category,
    NotifyTarget,
    Outbox,
    Transaction,
    User,
    to_minor,
)
from pipeline import budgets
from tests.support import budget_db

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)


factory = budget_db.factory_fixture()


def seed(s: Session, *, amount="100.000", rollover=False, thresholds=(50, 80, 100)):
    user = User(email="u@example.test", timezone="Asia/Muscat")
    s.add(user)
    s.flush()
    food, fuel = Category(user_id=user.id, name="Food"), Category(user_id=user.id, name="Fuel")
    s.add_all([food, fuel])
    s.flush()
    b = Budget(user_id=user.id, name="Food", amount_minor=to_minor(amount, "OMR"), currency="OMR",
               period="monthly", anchor_day=1, rollover=rollover, thresholds=list(thresholds))
    b.categories = [food]
    s.add(b)
    s.add(NotifyTarget(user_id=user.id, kind="email", label="me", address_enc="x"))
    s.add(NotifyTarget(user_id=user.id, kind="apprise", label="push", address_enc="y"))
    s.flush()
    return user, food, fuel, b


def txn(s: Session, user: User, cat: Category, amount: str, when: datetime, n: int, **kw) -> Transaction:
    t = Transaction(user_id=user.id, amount_minor=to_minor(amount, "OMR"), currency="OMR",
                    direction=kw.pop("direction", "debit"), kind="purchase", occurred_at=when,
                    category_id=cat.id, fingerprint=f"fp{n}", **kw)
    s.add(t)
    s.flush()
    return t


def test_jump_records_every_threshold_and_queues_one_message_per_target(factory):
    with factory.begin() as s:
        user, food, _fuel, b = seed(s)
        t1 = txn(s, user, food, "40.000", NOW, 1)
        e1 = budgets.apply_transaction(s, t1, +1, NOW)
        assert e1.alert_ids == [] and e1.outbox_ids == []
        t2 = txn(s, user, food, "65.000", NOW, 2)  # 40% -> 105%
        e2 = budgets.apply_transaction(s, t2, +1, NOW)
        alerts = s.scalars(select(Alert).order_by(Alert.threshold)).all()
        assert [(a.threshold, a.notify) for a in alerts] == [(50, False), (80, False), (100, True)]
        assert len(e2.outbox_ids) == 2  # the highest threshold, to each of the two targets
        assert sorted((o.alert_id, o.target_id) for o in s.scalars(select(Outbox))) == sorted(
            (alerts[-1].id, tid) for tid in s.scalars(select(NotifyTarget.id)))
        assert all(o.message_id.startswith(f"<spendwatch-alert-{o.alert_id}-{o.target_id}.")
                   for o in s.scalars(select(Outbox)))
        bp = s.scalar(select(BudgetPeriod))
        assert (bp.start, bp.end, bp.spent_minor) == (date(2026, 11, 1), date(2026, 11, 30), 105_000)


def test_spend_that_dips_and_rises_again_does_not_alert_twice(factory):
    with factory.begin() as s:
        user, food, _fuel, _b = seed(s)
        t1 = txn(s, user, food, "60.000", NOW, 1)
        budgets.apply_transaction(s, t1, +1, NOW)
        budgets.apply_transaction(s, t1, -1, NOW)  # recategorized away
        again = budgets.apply_transaction(s, t1, +1, NOW)  # and back
        assert again.alert_ids == []
        assert s.scalar(select(func.count()).select_from(Alert)) == 1
        assert s.scalar(select(func.count()).select_from(Outbox)) == 2


def test_only_debits_in_covered_categories_count(factory):
    with factory.begin() as s:
        user, food, fuel, _b = seed(s)
        for n, (cat, amount, kw) in enumerate([
            (fuel, "30.000", {}),  # other category
            (food, "30.000", {"direction": "credit"}),  # money in
            (food, "30.000", {"is_transfer": True}),  # between own accounts
            (food, "30.000", {"excluded": True}),
            (food, "12.345", {}),
        ]):
            budgets.apply_transaction(s, txn(s, user, cat, amount, NOW, n, **kw), +1, NOW)
        assert s.scalar(select(BudgetPeriod.spent_minor)) == 12_345
        assert budgets.verify(s) == []


def test_past_periods_fill_silently(factory):
    with factory.begin() as s:
        user, food, _fuel, _b = seed(s)
        old = datetime(2026, 9, 15, 9, 0, tzinfo=timezone.utc)
        effects = budgets.apply_transaction(s, txn(s, user, food, "99.000", old, 1), +1, NOW)
        assert effects.outbox_ids == []
        assert [(a.threshold, a.notify) for a in s.scalars(select(Alert).order_by(Alert.threshold))] == [
            (50, False), (80, False)
        ]


def test_period_follows_the_users_time_zone(factory):
    with factory.begin() as s:
        user, food, _fuel, _b = seed(s)
        # 21:30 UTC on 31 October is 01:30 on 1 November in Muscat (+04:00).
        t = txn(s, user, food, "5.000", datetime(2026, 10, 31, 21, 30, tzinfo=timezone.utc), 1)
        budgets.apply_transaction(s, t, +1, NOW)
        assert s.scalar(select(BudgetPeriod.start)) == date(2026, 11, 1)
        assert budgets.verify(s) == []


def test_rollover_carries_unused_and_overspent_amounts(factory):
    with factory.begin() as s:
        user, food, _fuel, b = seed(s, rollover=True)
        budgets.apply_transaction(s, txn(s, user, food, "70.000", datetime(2026, 9, 10, tzinfo=timezone.utc), 1), +1, NOW)
        budgets.apply_transaction(s, txn(s, user, food, "150.000", datetime(2026, 10, 10, tzinfo=timezone.utc), 2), +1, NOW)
        budgets.apply_transaction(s, txn(s, user, food, "1.000", datetime(2026, 11, 10, tzinfo=timezone.utc), 3), +1, NOW)
        rows = s.scalars(select(BudgetPeriod).order_by(BudgetPeriod.start)).all()
        # September unused 30 -> October limit 130, overspent by 20 -> November limit 80.
        assert [(r.start.month, r.carried_minor) for r in rows] == [(9, 0), (10, 30_000), (11, -20_000)]


def test_verify_reports_drift(factory):
    with factory.begin() as s:
        user, food, _fuel, _b = seed(s)
        budgets.apply_transaction(s, txn(s, user, food, "10.000", NOW, 1), +1, NOW)
        bp = s.scalar(select(BudgetPeriod))
        bp.spent_minor += 1
        s.flush()
        drift = budgets.verify(s)
        assert len(drift) == 1 and drift[0].stored_minor == 10_001 and drift[0].computed_minor == 10_000
