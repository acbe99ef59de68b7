"""A learned rule the user edits becomes theirs: later corrections no longer rewrite it."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient

from api.app import create_app
from models import Transaction, to_minor
from pipeline import config
from pipeline.users import create_user
from tests.support.service import schema_factory

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def factory(request, tmp_path, monkeypatch):
    monkeypatch.setenv("SPENDWATCH_SECRET_KEY", Fernet.generate_key().decode())
    config.reset()
    yield from schema_factory(request, tmp_path, "learn.db", backend="sqlite")


def test_an_edited_learned_rule_is_the_users_and_stays_as_written(factory):
    with factory.begin() as s:
        user, token = create_user(s, "l@example.test", "Asia/Muscat")
        txns = [Transaction(user_id=user.id, amount_minor=to_minor("1.100", "OMR"), currency="OMR",
                            direction="debit", kind="purchase", merchant_raw="JENAN TEA", merchant="JENAN TEA",
                            occurred_at=NOW, fingerprint=f"l{i}") for i in range(4)]
        s.add_all(txns)
        s.flush()
        ids = [t.id for t in txns]
    h = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(factory, clock=lambda: NOW)) as client:
        cafes = client.post("/api/categories", json={"name": "Cafes"}, headers=h).json()["id"]
        client.post("/api/categories", json={"name": "Tea"}, headers=h)
        for tid in ids[:2]:
            r = client.patch(f"/api/transactions/{tid}", json={"category_id": cafes}, headers=h)
        rule_id = r.json()["proposal"]["rule_id"]
        rule = client.get(f"/api/rules/{rule_id}", headers=h).json()
        assert rule["origin"] == "learned"
        body = {k: rule[k] for k in ("name", "priority", "match", "conditions", "stop_processing", "active")}
        r = client.put(f"/api/rules/{rule_id}", json=body | {"actions": [{"type": "set_category", "value": "Tea"}]},
                       headers=h)
        assert r.status_code == 200 and r.json()["origin"] == "user"
        for tid in ids[2:]:  # two more corrections to Cafes: learned again, beside the user's rule
            client.patch(f"/api/transactions/{tid}", json={"category_id": cafes}, headers=h)
        mine = client.get(f"/api/rules/{rule_id}", headers=h).json()
        assert mine["actions"] == [{"type": "set_category", "value": "Tea"}] and mine["origin"] == "user"
