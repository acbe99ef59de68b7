"""This month's spend in a currency no budget is in is shown beside the budgets, not lost silently.

Budgets count spend in their own currency (no exchange rates): a card used abroad is in no
budget, and the budgets alone just looked lower than the bank statement."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from models import Budget, Transaction, User, to_minor
from pipeline import config, db
from pipeline.users import create_user
from tests.support.cli import embedded_cli
from tests.support.service import schema_factory

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)  # 12:00 in Muscat
MONTH_START_MUSCAT = datetime(2026, 10, 31, 20, 0, tzinfo=timezone.utc)  # 1 Nov 00:00 in Muscat


def spend(user_id: int, amount: str, currency: str, when: datetime, n: int, **kw: object) -> Transaction:
    return Transaction(user_id=user_id, amount_minor=to_minor(amount, currency), currency=currency,
                       direction=str(kw.pop("direction", "debit")), kind="purchase", merchant="M", merchant_raw="M",
                       occurred_at=when, fingerprint=f"out{n}", **kw)


def seed(s, user_id: int) -> None:
    s.add(Budget(user_id=user_id, name="Everything", amount_minor=500_000, currency="OMR"))
    s.add_all([
        spend(user_id, "12.500", "OMR", NOW, 1),  # in the budget
        spend(user_id, "45.99", "USD", NOW - timedelta(days=3), 2),
        spend(user_id, "4.01", "USD", MONTH_START_MUSCAT, 3),  # the first minute of the month, Muscat time
        spend(user_id, "9.99", "USD", MONTH_START_MUSCAT - timedelta(minutes=1), 4),  # October there
        spend(user_id, "100.00", "USD", NOW, 5, direction="credit"),  # money in: not spend
        spend(user_id, "20.00", "USD", NOW, 6, is_transfer=True),
        spend(user_id, "30.00", "USD", NOW, 7, excluded=True),
        spend(user_id, "150", "AED", NOW, 8),
    ])


@pytest.fixture(params=["sqlite", "postgresql"])
def factory(request, tmp_path, monkeypatch):
    monkeypatch.setenv("SPENDWATCH_SECRET_KEY", Fernet.generate_key().decode())
    config.reset()
    yield from schema_factory(request, tmp_path, "o.db")


def test_the_report_names_what_no_budget_counts(factory):
    with factory.begin() as s:
        user, token = create_user(s, "abroad@example.test", "Asia/Muscat")
        seed(s, user.id)
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(factory, clock=lambda: NOW)) as client:
        got = client.get("/api/reports/outside-budgets", headers=headers).json()
        assert got == [
            {"currency": "AED", "spent": "150.00", "count": 1, "since": "2026-11-01"},
            {"currency": "USD", "spent": "50.00", "count": 2, "since": "2026-11-01"},
        ]
        with factory.begin() as s:  # a USD budget counts the USD spend: no longer outside
            s.add(Budget(user_id=user.id, name="Travel", amount_minor=30_000, currency="USD"))
        got = client.get("/api/reports/outside-budgets", headers=headers).json()
        assert [o["currency"] for o in got] == ["AED"]


def test_no_budget_at_all_says_nothing(factory):
    with factory.begin() as s:
        user, token = create_user(s, "new@example.test", "Asia/Muscat")
        s.add(spend(user.id, "45.99", "USD", NOW, 1))
    with TestClient(create_app(factory, clock=lambda: NOW)) as client:
        got = client.get("/api/reports/outside-budgets", headers={"Authorization": f"Bearer {token}"}).json()
    assert got == []


@pytest.fixture
def cli(tmp_path, monkeypatch):
    yield from embedded_cli(tmp_path, monkeypatch, NOW)


def test_budgets_list_says_it_under_the_table(cli):
    cli("user", "create", "abroad@example.test", "--timezone", "Asia/Muscat")
    with db.session() as s:
        seed(s, s.scalar(select(User.id)))
    out = cli("budgets", "list")
    assert "(no budget in USD): USD 50.00 spent in 2 transaction(s) since 2026-11-01" in out
    assert "(no budget in AED): AED 150.00 spent in 1 transaction(s)" in out
