"""`spendwatch rules preview|apply` decide as the API does: a rule runs in its place among
the active rules (a higher-priority rule that already set the category keeps it)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from models import Category, Rule, Transaction
from pipeline import db
from tests.integration.test_cli_manage import add_txn
from tests.support.cli import embedded_cli

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def cli(tmp_path, monkeypatch):
    yield from embedded_cli(tmp_path, monkeypatch, NOW)


def test_cli_apply_keeps_what_an_earlier_rule_decides(cli):
    cli("user", "create", "me@example.test")
    cli("categories", "add", "Groceries")
    cli("budgets", "create", "Food", "100", "-c", "Groceries")
    cli("rules", "add", '{"name": "lulu", "priority": 10, "conditions": [{"field": "merchant", "value": "lulu"}],'
                        ' "actions": [{"type": "set_category", "value": "GROCERIES"}]}')
    cli("rules", "add", '{"name": "hyper", "conditions": [{"field": "merchant", "value": "hyper"}],'
                        ' "actions": [{"type": "set_category", "value": "Shopping"}]}')
    lulu, nesto = add_txn("LULU HYPERMARKET", "8.000", 1), add_txn("NESTO HYPER", "2.000", 2)
    with db.session() as s:
        ids = {r.name: r.id for r in s.scalars(select(Rule))}
    assert "applied: 1" in cli("rules", "apply", str(ids["lulu"]))
    assert "would change: 1" in cli("rules", "preview", str(ids["hyper"]))  # NESTO only
    assert "applied: 1" in cli("rules", "apply", str(ids["hyper"]))
    with db.session() as s:
        names = {t.id: t.category.name for t in s.scalars(select(Transaction)).unique()}
        assert names == {lulu: "Groceries", nesto: "Shopping"}
        assert sorted(s.scalars(select(Category.name))) == ["Groceries", "Shopping"]
    assert "8.000" in cli("budgets", "list")
    assert "no drift" in cli("verify")
