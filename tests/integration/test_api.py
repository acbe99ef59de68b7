"""The REST API on real databases (SQLite file and PostgreSQL) through FastAPI's TestClient.

The clock is injected (frozen at NOW), so periods and days_left are exact.
"""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from api.app import create_app
from models import (
    Alert,
    BankAccount,
    Base,
    Budget,
    BudgetPeriod,
    Category,
    MailAccount,
    Rule,
    Transaction,
    to_minor,
)
from pipeline import budgets, config, secrets
from pipeline.db import make_engine
from pipeline.users import create_user
from tests.support.service import fresh_database

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)  # 12:00 in Muscat


@pytest.fixture(params=["sqlite", "postgresql"])
def factory(request, tmp_path, monkeypatch):
    monkeypatch.setenv("SPENDWATCH_SECRET_KEY", Fernet.generate_key().decode())
    monkeypatch.setenv("SPENDWATCH_DATA_DIR", str(tmp_path / "data"))
    config.reset()
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'api.db'}"
    else:
        url = fresh_database(request.getfixturevalue("pg_url"))
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    yield sessionmaker(bind=engine, expire_on_commit=False)
    engine.dispose()
    config.reset()


@pytest.fixture
def client(factory):
    with TestClient(create_app(factory, clock=lambda: NOW)) as c:
        yield c


def new_user(factory: sessionmaker[Session], email: str) -> tuple[int, dict[str, str]]:
    with factory.begin() as s:
        user, token = create_user(s, email, "Asia/Muscat")
        return user.id, {"Authorization": f"Bearer {token}"}


@pytest.fixture
def alice(factory):
    return new_user(factory, "alice@example.test")


@pytest.fixture
def bob(factory):
    return new_user(factory, "bob@example.test")


def add_txn(factory, user_id: int, amount: str, category_id: int | None, *, when: datetime = NOW,
            merchant: str = "JENAN TEA AIRP", direction: str = "debit", n: int = 0, **kw) -> int:
    """A stored transaction counted into budgets exactly as the pipeline does."""
    with factory.begin() as s:
        t = Transaction(user_id=user_id, amount_minor=to_minor(amount, "OMR"), currency="OMR", direction=direction,
                        kind=kw.pop("kind", "purchase"), merchant_raw=merchant, merchant=merchant,
                        occurred_at=when, category_id=category_id, fingerprint=f"fp-{user_id}-{n}-{amount}", **kw)
        s.add(t)
        s.flush()
        budgets.apply_transaction(s, t, +1, NOW)
        return t.id


def add_category(client, headers, name: str) -> int:
    r = client.post("/api/categories", json={"name": name}, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()["id"]


# ---------------------------------------------------------------- seed contract
def test_seed_budget_contract_field_by_field(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    fuel = add_category(client, h, "Fuel")
    add_txn(factory, uid, "30.250", food, n=1)
    r = client.post("/api/budgets", headers=h, json={
        "name": "Groceries", "amount": "100.000", "start_date": "2026-11-01", "end_date": "2026-11-30",
        "category_ids": [food, fuel]})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "success" and isinstance(r.json()["message"], str)

    [b] = client.get("/api/budgets", headers=h).json()
    assert b["name"] == "Groceries"
    assert b["amount"] == "100.000" and b["spent"] == "30.250"  # strings, never floats
    assert b["progress"] == 30 and b["is_exceeded"] is False
    assert (b["start_date"], b["end_date"]) == ("2026-11-01", "2026-11-30")
    assert b["days_left"] == 11  # 20th..30th inclusive, in the user's zone
    assert sorted(c["name"] for c in b["categories"]) == ["Food", "Fuel"]
    assert {c["id"] for c in b["categories"]} == {food, fuel}
    assert b["state"] == "on_track" and b["remaining"] == "69.750" and b["currency"] == "OMR"
    assert b["period"] == "custom" and b["thresholds"] == [50, 80, 100] and b["rollover"] is False

    add_txn(factory, uid, "75.000", fuel, n=2)  # 105.250 of 100
    [b] = client.get("/api/budgets", headers=h).json()
    assert b["spent"] == "105.250" and b["progress"] == 100 and b["is_exceeded"] is True
    assert b["state"] == "exceeded" and b["remaining"] == "-5.250"

    r = client.delete(f"/api/budgets/{b['id']}", headers=h)
    assert r.status_code == 200 and r.json() == {"status": "success"}
    assert client.get("/api/budgets", headers=h).json() == []
    # the transactions and the categories stay
    assert len(client.get("/api/transactions", headers=h).json()) == 2
    assert {c["name"] for c in client.get("/api/categories", headers=h).json()} == {"Food", "Fuel"}
    r = client.delete(f"/api/budgets/{b['id']}", headers=h)
    assert r.status_code == 404 and r.json()["status"] == "error" and r.json()["message"]


def test_days_left_never_negative_and_spent_exactly_at_amount_is_not_exceeded(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    client.post("/api/budgets", headers=h, json={"name": "Past", "amount": 10, "start_date": "2026-10-01",
                                                  "end_date": "2026-10-31", "category_ids": [food]})
    client.post("/api/budgets", headers=h, json={"name": "Now", "amount": "10", "start_date": "2026-11-01",
                                                  "end_date": "2026-11-20", "category_ids": [food]})
    add_txn(factory, uid, "10.000", food, n=1)
    got = {b["name"]: b for b in client.get("/api/budgets", headers=h).json()}
    assert got["Past"]["days_left"] == 0 and got["Past"]["spent"] == "0.000"
    assert got["Now"]["days_left"] == 1  # the last day is today
    assert got["Now"]["spent"] == "10.000" and got["Now"]["is_exceeded"] is False
    assert got["Now"]["progress"] == 100 and got["Now"]["state"] == "warning"


def test_budget_created_after_spend_starts_from_stored_transactions(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    add_txn(factory, uid, "12.500", food, n=1)
    add_txn(factory, uid, "7.000", food, n=2, is_transfer=True)  # never spend
    add_txn(factory, uid, "3.000", food, n=3, direction="credit")  # money in
    r = client.post("/api/budgets", headers=h, json={"name": "Monthly food", "amount": "50", "period": "monthly",
                                                      "anchor_day": 5, "category_ids": [food]})
    assert r.status_code == 200, r.text
    [b] = client.get("/api/budgets", headers=h).json()
    assert (b["start_date"], b["end_date"]) == ("2026-11-05", "2026-12-04")
    assert b["spent"] == "12.500" and b["amount"] == "50.000"


def test_budget_reads_come_from_period_rows(client, factory, alice):
    """GET serves the stored running spend: a row changed behind its back is what it shows."""
    uid, h = alice
    food = add_category(client, h, "Food")
    client.post("/api/budgets", headers=h, json={"name": "F", "amount": "100", "period": "monthly",
                                                  "category_ids": [food]})
    add_txn(factory, uid, "10.000", food, n=1)
    with factory.begin() as s:
        bp = s.scalar(select(BudgetPeriod))
        bp.spent_minor = 42_000
    [b] = client.get("/api/budgets", headers=h).json()
    assert b["spent"] == "42.000"


def test_patch_amount_keeps_history_and_recomputes_state(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    client.post("/api/budgets", headers=h, json={"name": "F", "amount": "100", "period": "monthly",
                                                  "category_ids": [food]})
    add_txn(factory, uid, "60.000", food, n=1)
    [b] = client.get("/api/budgets", headers=h).json()
    assert b["state"] == "on_track"
    r = client.patch(f"/api/budgets/{b['id']}", headers=h, json={"amount": "70"})
    assert r.status_code == 200, r.text
    [b] = client.get("/api/budgets", headers=h).json()
    assert b["amount"] == "70.000" and b["state"] == "warning" and b["progress"] == 85
    hist = client.get(f"/api/budgets/{b['id']}/history", headers=h).json()
    assert hist["amount_changes"][0]["from"] == "100.000" and hist["amount_changes"][0]["to"] == "70.000"
    assert hist["periods"][0]["spent"] == "60.000" and hist["periods"][0]["limit"] == "70.000"
    # changing the categories recomputes the spend
    other = add_category(client, h, "Other")
    client.patch(f"/api/budgets/{b['id']}", headers=h, json={"category_ids": [other]})
    [b] = client.get("/api/budgets", headers=h).json()
    assert b["spent"] == "0.000" and [c["name"] for c in b["categories"]] == ["Other"]


def test_summary_answers_pace_and_closest(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    fuel = add_category(client, h, "Fuel")
    client.post("/api/budgets", headers=h, json={"name": "Food", "amount": "300", "start_date": "2026-11-01",
                                                  "end_date": "2026-11-30", "category_ids": [food]})
    client.post("/api/budgets", headers=h, json={"name": "Fuel", "amount": "30", "start_date": "2026-11-01",
                                                  "end_date": "2026-11-30", "category_ids": [fuel]})
    add_txn(factory, uid, "100.000", food, n=1)
    add_txn(factory, uid, "27.000", fuel, n=2)
    r = client.get("/api/budgets/summary", headers=h).json()
    assert r["closest_to_exceeding"]["name"] == "Fuel"
    by = {b["name"]: b for b in r["budgets"]}
    assert by["Food"]["spent_per_day"] == "5.000"  # 100 over 20 days
    assert by["Food"]["allowed_per_day"] == "10.000"  # 300 over 30 days
    assert by["Food"]["on_track"] is True and by["Fuel"]["on_track"] is False
    assert by["Fuel"]["remaining"] == "3.000" and r["all_on_track"] is False


# ---------------------------------------------------------------- validation
def test_invalid_payloads_answer_422_naming_the_field(client, alice):
    _uid, h = alice
    cases = [
        ({"name": "x", "amount": "abc", "period": "monthly"}, "amount"),
        ({"amount": "10", "period": "monthly"}, "name"),
        ({"name": "x", "amount": "10", "start_date": "2026-11-30", "end_date": "2026-11-01"}, "end_date"),
        ({"name": "x", "amount": "10", "start_date": "2026-11-01"}, "end_date"),
        ({"name": "x", "amount": "1.2345", "period": "monthly"}, "amount"),  # OMR has 3 decimals
        ({"name": "x", "amount": 0.1 + 0.2, "period": "monthly"}, "amount"),  # float noise
        ({"name": "x", "amount": "-5", "period": "monthly"}, "amount"),
        ({"name": "x", "amount": "5", "period": "fortnightly"}, "period"),
        ({"name": "x", "amount": "5", "period": "monthly", "thresholds": [0]}, "thresholds"),
        ({"name": "x", "amount": "5", "period": "monthly", "category_ids": ["a"]}, "category_ids"),
    ]
    for body, field in cases:
        r = client.post("/api/budgets", headers=h, json=body)
        assert r.status_code == 422, (body, r.text)
        assert field in r.json()["message"], (body, r.json())
    r = client.post("/api/categories", headers=h, json={"name": ""})
    assert r.status_code == 422 and "name" in r.json()["message"]
    r = client.post("/api/rules", headers=h, json={"name": "bad", "conditions": [
        {"field": "merchant", "op": "regex", "value": "("}], "actions": [{"type": "set_category", "value": "X"}]})
    assert r.status_code == 422 and "conditions.0" in r.json()["message"] and "regex" in r.json()["message"]
    r = client.post("/api/rules", headers=h, json={"name": "bad", "conditions": [
        {"field": "colour", "value": "red"}], "actions": [{"type": "set_category", "value": "X"}]})
    assert r.status_code == 422 and "conditions.0.field" in r.json()["message"]


def test_amount_as_number_is_read_through_str(client, alice):
    _uid, h = alice
    r = client.post("/api/budgets", headers=h, json={"name": "n", "amount": 12.5, "period": "monthly"})
    assert r.status_code == 200, r.text
    [b] = client.get("/api/budgets", headers=h).json()
    assert b["amount"] == "12.500"


def test_missing_or_wrong_token_is_401(client, alice):
    assert client.get("/api/budgets").status_code == 401
    assert client.get("/api/budgets", headers={"Authorization": "Bearer sw_nope"}).status_code == 401


def test_unknown_category_in_budget_is_422(client, alice, bob):
    _u, hb = bob
    bobs = add_category(client, hb, "Bob's")
    _ua, ha = alice
    r = client.post("/api/budgets", headers=ha, json={"name": "x", "amount": "5", "period": "monthly",
                                                       "category_ids": [bobs]})
    assert r.status_code == 422 and "category_ids" in r.json()["message"]


# ---------------------------------------------------------------- isolation
def test_a_second_user_sees_changes_and_deletes_nothing_of_the_first(client, factory, alice, bob):
    uid, ha = alice
    _bid, hb = bob
    food = add_category(client, ha, "Food")
    client.post("/api/budgets", headers=ha, json={"name": "F", "amount": "100", "period": "monthly",
                                                   "category_ids": [food]})
    budget_id = client.get("/api/budgets", headers=ha).json()[0]["id"]
    rule = client.post("/api/rules", headers=ha, json={"name": "r", "conditions": [
        {"field": "merchant", "op": "contains", "value": "tea"}], "actions": [
        {"type": "set_category", "value": "Food"}]}).json()
    with factory.begin() as s:
        acct = BankAccount(user_id=uid, bank="bank_muscat", mask="xxxx0019", currency="OMR")
        s.add(acct)
        s.flush()
        acct_id = acct.id
    txn_id = add_txn(factory, uid, "90.000", food, n=1)  # crosses 50 and 80: alerts
    mb = client.post("/api/mailboxes", headers=ha, json={"name": "m", "host": "imap.example.test",
                                                         "username": "a", "password": "pw"}).json()

    # Bob's lists are empty
    for path in ("/api/budgets", "/api/categories", "/api/rules", "/api/transactions", "/api/accounts",
                 "/api/mailboxes", "/api/alerts"):
        r = client.get(path, headers=hb)
        assert r.status_code == 200 and r.json() == [], (path, r.text)
    assert client.get("/api/budgets/summary", headers=hb).json()["budgets"] == []
    rep = client.get("/api/reports/spending?from=2026-11-01&to=2026-11-30", headers=hb).json()
    assert rep["rows"] == []
    # Alice's ids answer 404 to Bob, like ids that do not exist
    for method, path, body in [
        ("GET", f"/api/budgets/{budget_id}", None),
        ("PATCH", f"/api/budgets/{budget_id}", {"amount": "1"}),
        ("DELETE", f"/api/budgets/{budget_id}", None),
        ("GET", f"/api/budgets/{budget_id}/history", None),
        ("GET", f"/api/rules/{rule['id']}", None),
        ("PUT", f"/api/rules/{rule['id']}", {"name": "x", "conditions": [{"field": "merchant", "value": "a"}],
                                             "actions": [{"type": "exclude"}]}),
        ("POST", f"/api/rules/{rule['id']}/preview", None),
        ("POST", f"/api/rules/{rule['id']}/apply", None),
        ("DELETE", f"/api/rules/{rule['id']}", None),
        ("GET", f"/api/transactions/{txn_id}", None),
        ("PATCH", f"/api/transactions/{txn_id}", {"excluded": True}),
        ("POST", f"/api/transactions/{txn_id}/transfer", None),
        ("DELETE", f"/api/transactions/{txn_id}", None),
        ("GET", f"/api/accounts/{acct_id}", None),
        ("PATCH", f"/api/accounts/{acct_id}", {"nickname": "mine"}),
        ("GET", f"/api/mailboxes/{mb['id']}", None),
        ("PATCH", f"/api/mailboxes/{mb['id']}", {"host": "evil.example.test"}),
        ("POST", f"/api/mailboxes/{mb['id']}/test", None),
        ("DELETE", f"/api/mailboxes/{mb['id']}", None),
    ]:
        r = client.request(method, path, headers=hb, json=body)
        assert r.status_code == 404, (method, path, r.text)
        missing = path.replace(str(path.split("/")[3]), "999999", 1)
        assert client.request(method, missing, headers=hb, json=body).status_code == 404
    # Bob cannot file his transaction under Alice's category either
    bob_txn = add_txn(factory, _bid, "1.000", None, n=9)
    r = client.patch(f"/api/transactions/{bob_txn}", headers=hb, json={"category_id": food})
    assert r.status_code == 422 and "category_id" in r.json()["message"]
    # nothing of Alice's changed
    [b] = client.get("/api/budgets", headers=ha).json()
    assert b["amount"] == "100.000" and b["spent"] == "90.000"
    t = client.get(f"/api/transactions/{txn_id}", headers=ha).json()
    assert t["excluded"] is False and t["is_transfer"] is False
    assert client.get(f"/api/rules/{rule['id']}", headers=ha).status_code == 200
    assert client.get(f"/api/mailboxes/{mb['id']}", headers=ha).json()["host"] == "imap.example.test"
    assert client.get(f"/api/accounts/{acct_id}", headers=ha).json()["nickname"] is None
    assert len(client.get("/api/alerts", headers=ha).json()) == 2


# ---------------------------------------------------------------- transactions, learning, rules
def test_recategorizing_moves_spend_between_budgets_and_alerts_once(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    fun = add_category(client, h, "Fun")
    client.post("/api/budgets", headers=h, json={"name": "Food", "amount": "100", "period": "monthly",
                                                  "category_ids": [food]})
    client.post("/api/budgets", headers=h, json={"name": "Fun", "amount": "100", "period": "monthly",
                                                  "category_ids": [fun]})
    t1 = add_txn(factory, uid, "60.000", food, n=1)
    add_txn(factory, uid, "30.000", fun, n=2)
    r = client.patch(f"/api/transactions/{t1}", headers=h, json={"category_id": fun})
    assert r.status_code == 200, r.text
    assert r.json()["transaction"]["category"] == {"id": fun, "name": "Fun"}
    assert r.json()["transaction"]["category_source"] == "manual"
    got = {b["name"]: b["spent"] for b in client.get("/api/budgets", headers=h).json()}
    assert got == {"Food": "0.000", "Fun": "90.000"}
    fun_alerts = [a for a in client.get("/api/alerts", headers=h).json() if a["budget"] == "Fun"]
    assert sorted(a["threshold"] for a in fun_alerts) == [50, 80]
    # back and forth: the spend follows, the thresholds already crossed do not alert again
    client.patch(f"/api/transactions/{t1}", headers=h, json={"category_id": food})
    client.patch(f"/api/transactions/{t1}", headers=h, json={"category_id": fun})
    got = {b["name"]: b["spent"] for b in client.get("/api/budgets", headers=h).json()}
    assert got == {"Food": "0.000", "Fun": "90.000"}
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Alert)) == 3  # Food 50 once, Fun 50 and 80 once
        assert budgets.verify(s) == []


def test_transfer_and_delete_leave_every_budget(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    client.post("/api/budgets", headers=h, json={"name": "Food", "amount": "100", "period": "monthly"})
    t1 = add_txn(factory, uid, "20.000", food, n=1)
    t2 = add_txn(factory, uid, "5.000", food, n=2)
    assert client.get("/api/budgets", headers=h).json()[0]["spent"] == "25.000"
    r = client.post(f"/api/transactions/{t1}/transfer", headers=h)
    assert r.status_code == 200 and r.json()["transaction"]["counts_as_spend"] is False
    assert client.get("/api/budgets", headers=h).json()[0]["spent"] == "5.000"
    assert client.delete(f"/api/transactions/{t2}", headers=h).json() == {"status": "success"}
    assert client.get("/api/budgets", headers=h).json()[0]["spent"] == "0.000"
    with factory() as s:
        assert budgets.verify(s) == []


def test_learning_creates_a_rule_after_n_corrections_and_not_before(client, factory, alice):
    uid, h = alice
    cafes = add_category(client, h, "Cafes")
    t1 = add_txn(factory, uid, "1.200", None, n=1, merchant="Jenan Tea")
    t2 = add_txn(factory, uid, "1.500", None, n=2, merchant="Jenan Tea")
    r1 = client.patch(f"/api/transactions/{t1}", headers=h, json={"category_id": cafes}).json()
    assert r1["proposal"]["merchant"] == "Jenan Tea" and r1["proposal"]["rule_created"] is False
    assert r1["proposal"]["transaction_ids"] == [t1]
    assert client.get("/api/rules", headers=h).json() == []
    r2 = client.patch(f"/api/transactions/{t2}", headers=h, json={"category_id": cafes}).json()
    assert r2["proposal"]["rule_created"] is True and r2["proposal"]["transaction_ids"] == sorted([t1, t2])
    [rule] = client.get("/api/rules", headers=h).json()
    assert rule["origin"] == "learned"
    assert rule["conditions"][0]["value"] == "Jenan Tea" and rule["actions"][0]["value"] == "Cafes"


def test_rule_preview_lists_changes_and_apply_makes_them(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    other = add_category(client, h, "Other")
    client.post("/api/budgets", headers=h, json={"name": "Food", "amount": "100", "period": "monthly",
                                                  "category_ids": [food]})
    t1 = add_txn(factory, uid, "8.000", other, n=1, merchant="LULU HYPERMARKET")
    add_txn(factory, uid, "9.000", other, n=2, merchant="OMANTEL")
    t3 = add_txn(factory, uid, "4.000", other, n=3, merchant="Lulu Express", category_source="manual")
    rule = client.post("/api/rules", headers=h, json={
        "name": "lulu", "conditions": [{"field": "merchant", "op": "contains", "value": "lulu"}],
        "actions": [{"type": "set_category", "value": "Food"}]}).json()
    prev = client.post(f"/api/rules/{rule['id']}/preview", headers=h).json()
    assert prev["count"] == 1 and prev["changes"][0]["transaction_id"] == t1  # t3 is manual
    assert prev["changes"][0]["after"]["category"] == "Food"
    assert client.get("/api/budgets", headers=h).json()[0]["spent"] == "0.000"  # preview changes nothing
    res = client.post(f"/api/rules/{rule['id']}/apply", headers=h).json()
    assert res["count"] == 1
    assert client.get("/api/budgets", headers=h).json()[0]["spent"] == "8.000"
    assert client.get(f"/api/transactions/{t3}", headers=h).json()["category"]["name"] == "Other"
    assert client.post(f"/api/rules/{rule['id']}/preview", headers=h).json()["count"] == 0
    unsaved = client.post("/api/rules/preview", headers=h, json={
        "name": "x", "conditions": [{"field": "amount", "op": "min", "value": "8.5"}],
        "actions": [{"type": "exclude"}]}).json()
    assert unsaved["count"] == 1 and unsaved["changes"][0]["after"]["excluded"] is True
    with factory() as s:
        assert budgets.verify(s) == []


def test_transactions_filters(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    add_txn(factory, uid, "1.000", food, n=1, merchant="Nesto", account_mask="xxxx0019")
    add_txn(factory, uid, "2.000", None, n=2, merchant="Shell", when=datetime(2026, 10, 31, 21, 0, tzinfo=timezone.utc))
    names = lambda r: sorted(t["merchant"] for t in r.json())  # noqa: E731
    assert names(client.get("/api/transactions?q=nest", headers=h)) == ["Nesto"]
    assert names(client.get(f"/api/transactions?category_id={food}", headers=h)) == ["Nesto"]
    assert names(client.get("/api/transactions?account=0019", headers=h)) == ["Nesto"]
    # 21:00 UTC on Oct 31 is Nov 1 in Muscat
    assert names(client.get("/api/transactions?from=2026-11-01&to=2026-11-01", headers=h)) == ["Shell"]
    assert names(client.get("/api/transactions?to=2026-10-31", headers=h)) == []


# ---------------------------------------------------------------- mailboxes, accounts, reports
def test_mailbox_password_is_write_only_and_encrypted(client, factory, alice):
    _uid, h = alice
    r = client.post("/api/mailboxes", headers=h, json={"name": "bank", "host": "imap.example.test",
                                                       "username": "me", "password": "s3cret-pw"})
    assert r.status_code == 201, r.text
    assert "password" not in r.json() and "s3cret" not in r.text and r.json()["has_password"] is True
    listing = client.get("/api/mailboxes", headers=h)
    assert "s3cret" not in listing.text and "password_enc" not in listing.text
    with factory() as s:
        stored = s.scalar(select(MailAccount.password_enc))
    assert "s3cret" not in stored and secrets.decrypt(stored) == "s3cret-pw"
    client.patch(f"/api/mailboxes/{r.json()['id']}", headers=h, json={"password": "n3w-pw"})
    with factory() as s:
        assert secrets.decrypt(s.scalar(select(MailAccount.password_enc))) == "n3w-pw"
    bad = client.post("/api/mailboxes", headers=h, json={"name": "x", "host": "h", "username": "u"})
    assert bad.status_code == 422 and "password" in bad.json()["message"]


def test_spending_report_groups(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    add_txn(factory, uid, "1.500", food, n=1, merchant="Nesto")
    add_txn(factory, uid, "2.250", food, n=2, merchant="Lulu")
    add_txn(factory, uid, "9.000", None, n=3, merchant="Lulu", is_transfer=True)
    add_txn(factory, uid, "3.000", None, n=4, merchant="Shell", when=datetime(2026, 10, 5, tzinfo=timezone.utc))
    r = client.get("/api/reports/spending?from=2026-10-01&to=2026-11-30&group=category", headers=h).json()
    assert [(x["key"], x["total"]) for x in r["rows"]] == [("Food", "3.750"), ("Uncategorized", "3.000")]
    assert r["totals"] == {"OMR": "6.750"}
    r = client.get("/api/reports/spending?from=2026-10-01&to=2026-11-30&group=month", headers=h).json()
    assert [(x["key"], x["total"]) for x in r["rows"]] == [("2026-10", "3.000"), ("2026-11", "3.750")]
    r = client.get("/api/reports/spending?from=2026-11-01&to=2026-11-30&group=merchant", headers=h).json()
    assert {x["key"]: x["total"] for x in r["rows"]} == {"Lulu": "2.250", "Nesto": "1.500"}
    assert client.get("/api/reports/spending?from=2026-11-01&to=2026-11-30&group=x", headers=h).status_code == 422


def test_accounts_listed_and_editable(client, factory, alice):
    uid, h = alice
    with factory.begin() as s:
        s.add(BankAccount(user_id=uid, bank="bank_muscat", mask="xxxx0019", currency="OMR",
                          last_balance_minor=1_234_567))
    [a] = client.get("/api/accounts", headers=h).json()
    assert a["last_balance"] == "1234.567" and a["is_own"] is True
    r = client.patch(f"/api/accounts/{a['id']}", headers=h, json={"nickname": "Salary account", "is_own": False})
    assert r.json()["nickname"] == "Salary account" and r.json()["is_own"] is False


def test_openapi_docs_served(client):
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert "/api/budgets" in spec["paths"] and "/api/reports/spending" in spec["paths"]


def test_deleting_a_budget_keeps_rows_elsewhere(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    client.post("/api/budgets", headers=h, json={"name": "F", "amount": "10", "period": "monthly",
                                                  "category_ids": [food]})
    add_txn(factory, uid, "9.000", food, n=1)
    bid = client.get("/api/budgets", headers=h).json()[0]["id"]
    client.delete(f"/api/budgets/{bid}", headers=h)
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Budget)) == 0
        assert s.scalar(select(func.count()).select_from(BudgetPeriod)) == 0
        assert s.scalar(select(func.count()).select_from(Transaction)) == 1
        assert s.scalar(select(func.count()).select_from(Category)) == 1
        assert s.scalar(select(func.count()).select_from(Rule)) == 0
    assert Decimal(client.get("/api/transactions", headers=h).json()[0]["amount"]) == Decimal("9")


def test_lowering_the_amount_alerts_a_newly_crossed_threshold_once(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    client.post("/api/budgets", headers=h, json={"name": "F", "amount": "100", "period": "monthly",
                                                  "category_ids": [food]})
    add_txn(factory, uid, "60.000", food, n=1)  # crosses 50
    bid = client.get("/api/budgets", headers=h).json()[0]["id"]
    assert [a["threshold"] for a in client.get("/api/alerts", headers=h).json()] == [50]
    client.patch(f"/api/budgets/{bid}", headers=h, json={"amount": "70"})  # 85%: 80 newly reached
    client.patch(f"/api/budgets/{bid}", headers=h, json={"amount": "72"})
    alerts = client.get("/api/alerts", headers=h).json()
    assert sorted(a["threshold"] for a in alerts) == [50, 80]
    assert [a["notify"] for a in alerts if a["threshold"] == 80] == [True]
