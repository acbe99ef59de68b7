"""Renaming and removing categories (API and CLI): rules follow a rename, a category in use is
not removed, and the spend moved by a removal lands where budgets expect it (verify: no drift)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from models import Category, Rule, Transaction, User, to_minor
from pipeline import budgets, config, db
from pipeline.categorizing import Categorizer
from pipeline.users import create_user
from tests.support.cli import embedded_cli
from tests.support.service import schema_factory

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)


@pytest.fixture(params=["sqlite", "postgresql"])
def factory(request, tmp_path, monkeypatch):
    monkeypatch.setenv("SPENDWATCH_SECRET_KEY", Fernet.generate_key().decode())
    config.reset()
    yield from schema_factory(request, tmp_path, "cat.db")


@pytest.fixture
def api(factory):
    with factory.begin() as s:
        user, token = create_user(s, "cats@example.test", "Asia/Muscat")
    with TestClient(create_app(factory, clock=lambda: NOW)) as client:
        yield client, {"Authorization": f"Bearer {token}"}, user.id


def spend(factory, user_id: int, category_id: int, amount: str, n: int) -> None:
    with factory.begin() as s:
        t = Transaction(user_id=user_id, amount_minor=to_minor(amount, "OMR"), currency="OMR", direction="debit",
                        kind="purchase", merchant_raw="LULU HYPERMARKET", merchant="LULU HYPERMARKET",
                        category_id=category_id, occurred_at=NOW, fingerprint=f"cat{n}")
        s.add(t)
        s.flush()
        budgets.apply_transaction(s, t, +1, NOW)


def budget_spent(client, h) -> dict[str, str]:
    return {b["name"]: b["spent"] for b in client.get("/api/budgets", headers=h).json()}


def test_a_rename_keeps_budgets_and_takes_the_rules_along(api, factory):
    client, h, uid = api
    groceries = client.post("/api/categories", json={"name": "Groceries"}, headers=h).json()["id"]
    client.post("/api/categories", json={"name": "Eating out"}, headers=h)
    client.post("/api/budgets", json={"name": "Food", "amount": "100", "category_ids": [groceries]}, headers=h)
    r = client.post("/api/rules", json={"name": "lulu", "conditions": [{"field": "merchant", "op": "contains",
                                                                       "value": "lulu"}],
                                        "actions": [{"type": "set_category", "value": "Groceries"}]}, headers=h)
    assert r.status_code == 201, r.text
    spend(factory, uid, groceries, "12.500", 1)

    r = client.patch(f"/api/categories/{groceries}", json={"name": "Supermarket"}, headers=h)
    assert (r.status_code, r.json()) == (200, {"id": groceries, "name": "Supermarket", "rules_renamed": 1})
    assert budget_spent(client, h) == {"Food": "12.500"}
    with factory() as s:  # the next LULU alert files into the renamed category, not a new "Groceries"
        t = Transaction(user_id=uid, amount_minor=1000, currency="OMR", direction="debit", kind="purchase",
                        merchant_raw="LULU HYPERMARKET", occurred_at=NOW, fingerprint="next")
        Categorizer(s, uid).apply(t)
        assert t.category_id == groceries
        assert s.scalar(select(Category).where(Category.name == "Groceries")) is None

    r = client.patch(f"/api/categories/{groceries}", json={"name": "eating  OUT"}, headers=h)
    assert r.status_code == 409 and "Eating out" in r.text
    assert client.patch(f"/api/categories/{groceries}", json={"name": "  "}, headers=h).status_code == 422


def test_a_category_in_use_is_not_removed(api, factory):
    client, h, _uid = api
    used = client.post("/api/categories", json={"name": "Groceries"}, headers=h).json()["id"]
    client.post("/api/budgets", json={"name": "Food", "amount": "100", "category_ids": [used]}, headers=h)
    r = client.delete(f"/api/categories/{used}", headers=h)
    assert r.status_code == 409 and "'Food'" in r.text
    filed = client.post("/api/categories", json={"name": "Fuel"}, headers=h).json()["id"]
    client.post("/api/rules", json={"name": "shell", "conditions": [{"field": "merchant", "op": "contains",
                                                                    "value": "shell"}],
                                    "actions": [{"type": "set_category", "value": "fuel"}]}, headers=h)
    r = client.delete(f"/api/categories/{filed}", headers=h)
    assert r.status_code == 409 and "'shell'" in r.text
    assert {c["name"] for c in client.get("/api/categories", headers=h).json()} == {"Groceries", "Fuel"}


def test_removing_moves_its_transactions_to_uncategorized_and_their_spend_with_them(api, factory):
    client, h, uid = api
    gifts = client.post("/api/categories", json={"name": "Gifts"}, headers=h).json()["id"]
    uncategorized = client.post("/api/categories", json={"name": "Uncategorized"}, headers=h).json()["id"]
    client.post("/api/budgets", json={"name": "Unsorted", "amount": "20", "category_ids": [uncategorized]},
                headers=h)
    spend(factory, uid, gifts, "9.000", 1)
    spend(factory, uid, gifts, "8.000", 2)
    assert budget_spent(client, h) == {"Unsorted": "0.000"}
    r = client.delete(f"/api/categories/{gifts}", headers=h)
    assert r.status_code == 200 and r.json()["moved_to_uncategorized"] == 2
    assert len(r.json()["alerts"]) == 2  # 17 of 20: the 50% and 80% thresholds, each recorded once
    assert budget_spent(client, h) == {"Unsorted": "17.000"}
    with factory() as s:
        assert budgets.verify(s) == []
        assert {t.category_id for t in s.scalars(select(Transaction))} == {uncategorized}
    r = client.delete(f"/api/categories/{uncategorized}", headers=h)
    assert r.status_code == 409 and "stays" in r.text


def test_other_users_categories_are_not_found(api, factory):
    client, h, _uid = api
    with factory.begin() as s:
        other, _ = create_user(s, "other@example.test", "Asia/Muscat")
        cat = Category(user_id=other.id, name="Theirs")
        s.add(cat)
        s.flush()
        cat_id = cat.id
    assert client.patch(f"/api/categories/{cat_id}", json={"name": "Mine"}, headers=h).status_code == 404
    assert client.delete(f"/api/categories/{cat_id}", headers=h).status_code == 404


@pytest.fixture
def cli(tmp_path, monkeypatch):
    yield from embedded_cli(tmp_path, monkeypatch, NOW)


def test_the_cli_renames_and_removes(cli):
    cli("user", "create", "me@example.test")
    cli("categories", "add", "Groceries")
    cli("categories", "add", "Gifts")
    cli("rules", "add", '{"name": "lulu", "conditions": [{"field": "merchant", "op": "contains", "value": "lulu"}],'
                        ' "actions": [{"type": "set_category", "value": "Groceries"}]}')
    assert "1 rule(s) follow" in cli("categories", "rename", "Groceries", "Supermarket")
    with db.session() as s:
        [rule] = s.scalars(select(Rule)).all()
        assert rule.actions == [{"type": "set_category", "value": "Supermarket"}]
        assert s.scalar(select(User)) is not None
    assert "rule(s) #1 'lulu' file into this category" in cli("categories", "remove", "Supermarket", code=2)
    assert "0 transaction(s) moved" in cli("categories", "remove", "Gifts")
    assert "no category 'Nope'" in cli("categories", "remove", "Nope", code=2)
