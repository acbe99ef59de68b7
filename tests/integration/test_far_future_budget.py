"""A custom budget with no real end (9999-12-31, what people type for "open-ended") works end to end.

The spend window of a period reaches two days past its end; at the end of the calendar that
was an OverflowError: the budget could not be created ("date value out of range")."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from models import BudgetPeriod, Transaction, User, to_minor
from pipeline import budgets, db
from tests.support.cli import embedded_cli

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def cli(tmp_path, monkeypatch):
    yield from embedded_cli(tmp_path, monkeypatch, NOW)


def test_an_open_ended_custom_budget_counts_spend_and_verifies(cli):
    cli("user", "create", "me@example.test")
    out = cli("budgets", "create", "Renovation", "100", "--period", "custom", "--start", "2026-01-01",
              "--end", "9999-12-31")
    assert "created" in out
    assert "created" in cli("budgets", "create", "All time", "1000", "--period", "custom", "--start", "0001-01-01",
                            "--end", "9999-12-31")
    with db.session() as s:
        user = s.scalar(select(User))
        t = Transaction(user_id=user.id, amount_minor=to_minor("60.000", "OMR"), currency="OMR", direction="debit",
                        kind="purchase", merchant_raw="ACE HARDWARE", merchant="ACE HARDWARE", occurred_at=NOW,
                        fingerprint="far1")
        s.add(t)
        s.flush()
        budgets.apply_transaction(s, t, +1, NOW)
    with db.session() as s:
        rows = s.scalars(select(BudgetPeriod).order_by(BudgetPeriod.budget_id)).all()
        assert [(str(bp.start), str(bp.end), bp.spent_minor) for bp in rows] == [
            ("2026-01-01", "9999-12-31", 60_000), ("0001-01-01", "9999-12-31", 60_000)]
    assert "Renovation" in cli("budgets", "list") and "60.000" in cli("budgets", "list")
    assert "no drift" in cli("verify")
