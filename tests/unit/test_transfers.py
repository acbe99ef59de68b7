"""Own-account transfer pairs: pure matching as a data table, then on a real SQLite file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy.orm import sessionmaker

from models import BankAccount, Base, Budget, BudgetPeriod, Transaction, User, to_minor
from pipeline import budgets
from pipeline.db import make_engine
from pipeline.transfers import find_pair, mark_transfer

T0 = datetime(2026, 11, 10, 8, 0, tzinfo=timezone.utc)
OWN = ["xxxx0019", "XX7700"]


@dataclass
class T:
    id: int
    amount_minor: int
    direction: str
    account_mask: str | None
    occurred_at: datetime = T0
    currency: str = "OMR"
    is_transfer: bool = False


DEBIT = T(1, 100_000, "debit", "xxxx0019")
CASES = [
    # (candidate, paired?)
    (T(2, 100_000, "credit", "xxxx7700", T0 + timedelta(days=1)), True),
    (T(2, 100_000, "credit", "xxxx7700", T0 + timedelta(days=4)), False),  # too late
    (T(2, 100_001, "credit", "xxxx7700"), False),  # other amount
    (T(2, 100_000, "credit", "xxxx7700", currency="USD"), False),
    (T(2, 100_000, "debit", "xxxx7700"), False),  # same direction
    (T(2, 100_000, "credit", "xxxx0019"), False),  # same account
    (T(2, 100_000, "credit", "xxxx5555"), False),  # not an own account
    (T(2, 100_000, "credit", None), False),
    (T(2, 100_000, "credit", "xxxx7700", is_transfer=True), False),  # already paired
]


@pytest.mark.parametrize(("candidate", "paired"), CASES)
def test_find_pair(candidate, paired):
    assert (find_pair(DEBIT, [candidate], OWN) is candidate) is paired


def test_closest_in_time_wins():
    far = T(2, 100_000, "credit", "xxxx7700", T0 + timedelta(days=2))
    near = T(3, 100_000, "credit", "xxxx7700", T0 - timedelta(hours=2))
    assert find_pair(DEBIT, [far, near], OWN) is near


def test_marking_one_half_takes_the_debit_out_of_budgets(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 't.db'}")
    Base.metadata.create_all(engine)
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    with factory.begin() as s:
        user = User(email="t@example.test", timezone="Asia/Muscat")
        s.add(user)
        s.flush()
        s.add_all([BankAccount(user_id=user.id, bank="b", mask=m) for m in OWN])
        s.add(Budget(user_id=user.id, name="All", amount_minor=to_minor("500", "OMR"), currency="OMR"))
        s.flush()

        def add(direction: str, mask: str, when: datetime, n: int) -> Transaction:
            t = Transaction(user_id=user.id, amount_minor=100_000, currency="OMR", direction=direction,
                            kind="transfer", account_mask=mask, occurred_at=when, fingerprint=f"f{n}",
                            is_income=direction == "credit")
            s.add(t)
            s.flush()
            budgets.apply_transaction(s, t, +1, T0)
            return t

        debit = add("debit", "xxxx0019", T0, 1)
        assert s.query(BudgetPeriod).one().spent_minor == 100_000
        credit = add("credit", "XX7700", T0 + timedelta(hours=5), 2)
        assert mark_transfer(s, credit, T0) is debit  # the user marked the credit half
        assert debit.is_transfer and credit.is_transfer and not credit.is_income
        assert s.query(BudgetPeriod).one().spent_minor == 0
        assert budgets.verify(s) == []
    engine.dispose()
