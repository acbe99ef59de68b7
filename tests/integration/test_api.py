"""The REST API on real databases (SQLite file and PostgreSQL) through FastAPI's TestClient.

The clock is injected (frozen at NOW), so periods and days_left are exact.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine, make_url
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
    NotifyTarget,
    Outbox,
    Rule,
    Transaction,
    User,
    to_minor,
)
from pipeline import budgets, config, secrets
from pipeline.db import make_engine
from pipeline.users import create_user
from tests.servers.postgres import create_database, drop_database
from tests.support.service import schema_factory

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)  # 12:00 in Muscat


@pytest.fixture(params=["sqlite", "postgresql"])
def factory(request, tmp_path, monkeypatch):
    monkeypatch.setenv("SPENDWATCH_SECRET_KEY", Fernet.generate_key().decode())
    monkeypatch.setenv("SPENDWATCH_DATA_DIR", str(tmp_path / "data"))
    config.reset()
    yield from schema_factory(request, tmp_path, "api.db")


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
SEED_FIELDS = {"id", "name", "amount", "spent", "progress", "is_exceeded", "start_date", "end_date", "days_left",
               "categories"}


def test_seed_budget_contract_field_by_field(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    fuel = add_category(client, h, "Fuel")
    add_txn(factory, uid, "30.250", food, n=1)
    r = client.post("/api/budgets", headers=h, json={
        "name": "Groceries", "amount": "100.000", "start_date": "2026-11-01", "end_date": "2026-11-30",
        "category_ids": [food, fuel]})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "success" and isinstance(r.json()["message"], str) and r.json()["message"]

    [b] = client.get("/api/budgets", headers=h).json()
    assert SEED_FIELDS <= set(b), SEED_FIELDS - set(b)
    assert type(b["id"]) is int and type(b["progress"]) is int and type(b["days_left"]) is int
    assert type(b["is_exceeded"]) is bool and isinstance(b["categories"], list)
    assert all(set(c) == {"id", "name"} and type(c["id"]) is int for c in b["categories"])
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
    assert r.status_code == 404 and set(r.json()) == {"status", "message"}
    assert r.json()["status"] == "error" and str(b["id"]) in r.json()["message"]


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


def test_budget_reads_cost_the_same_number_of_queries_whatever_the_data(client, factory, alice):
    """GET /api/budgets and the summary: a fixed number of statements, none over transactions,
    for 2 budgets and 1 transaction as for 12 budgets and 60 transactions."""
    uid, h = alice
    food = add_category(client, h, "Food")
    statements: list[str] = []

    def count(conn, cursor, statement, params, context, executemany):
        statements.append(statement)

    def measure() -> dict[str, list[str]]:
        out = {}
        for path in ("/api/budgets", "/api/budgets/summary"):
            statements.clear()
            # Every engine: on PostgreSQL the list is read through the API's read-only engine.
            event.listen(Engine, "before_cursor_execute", count)
            try:
                assert client.get(path, headers=h).status_code == 200
            finally:
                event.remove(Engine, "before_cursor_execute", count)
            out[path] = list(statements)
        return out

    def add_budgets(n: int, start: int) -> None:
        for i in range(start, start + n):
            r = client.post("/api/budgets", headers=h, json={"name": f"B{i}", "amount": "100", "period": "monthly",
                                                              "category_ids": [food]})
            assert r.status_code == 200, r.text

    add_budgets(2, 0)
    add_txn(factory, uid, "1.000", food, n=0)
    small = measure()
    add_budgets(10, 2)
    for i in range(1, 60):
        add_txn(factory, uid, "1.000", food, n=i)
    large = measure()
    def per_request(sts: list[str]) -> list[str]:  # a PREPARE comes once per connection (pipeline.prepared)
        return [st for st in sts if not st.startswith("PREPARE ")]

    for path in small:
        assert small[path], f"no statement seen for {path}"
        assert len(per_request(large[path])) == len(per_request(small[path])), (path, small[path], large[path])
        assert not any("FROM transactions" in st for st in large[path]), large[path]
    [b] = [b for b in client.get("/api/budgets", headers=h).json() if b["name"] == "B0"]
    assert b["spent"] == "60.000"


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


def test_account_scope_enable_disable_and_a_category_in_two_budgets(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    fuel = add_category(client, h, "Fuel")
    for name, body in (("All", {"category_ids": [food, fuel]}), ("Card 0019", {"category_ids": [food],
                                                                               "account_mask": "0019"})):
        r = client.post("/api/budgets", headers=h, json={"name": name, "amount": "100", "period": "monthly", **body})
        assert r.status_code == 200, r.text
    add_txn(factory, uid, "10.000", food, n=1, account_mask="xxxx0019")
    add_txn(factory, uid, "4.000", food, n=2, account_mask="xxxx0042")  # another card
    add_txn(factory, uid, "2.000", fuel, n=3, account_mask="xxxx0019")
    got = {b["name"]: b for b in client.get("/api/budgets", headers=h).json()}
    assert got["All"]["spent"] == "16.000" and got["Card 0019"]["spent"] == "10.000"
    assert got["All"]["active"] is True
    card = got["Card 0019"]["id"]
    assert client.get(f"/api/budgets/{card}", headers=h).json()["account_mask"] == "0019"

    # a disabled budget counts nothing new, leaves the summary, and catches up when enabled again
    assert client.patch(f"/api/budgets/{card}", headers=h, json={"active": False}).status_code == 200
    add_txn(factory, uid, "5.000", food, n=4, account_mask="xxxx0019")
    got = {b["name"]: b for b in client.get("/api/budgets", headers=h).json()}
    assert got["Card 0019"]["active"] is False and got["All"]["spent"] == "21.000"
    assert [b["name"] for b in client.get("/api/budgets/summary", headers=h).json()["budgets"]] == ["All"]
    assert client.patch(f"/api/budgets/{card}", headers=h, json={"active": True}).status_code == 200
    got = {b["name"]: b for b in client.get("/api/budgets", headers=h).json()}
    assert got["Card 0019"]["active"] is True and got["Card 0019"]["spent"] == "15.000"
    with factory() as s:
        assert budgets.verify(s) == []


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


def test_edge_values_found_in_review_answer_422_not_500(client, factory, alice):
    """Inputs a review found answering 500: each is the caller's error, said so."""
    uid, h = alice
    add_txn(factory, uid, "5.000", None)
    bid = client.post("/api/budgets", headers=h, json={"name": "ok", "amount": "10"}).json()["id"]
    for body in ({"name": "x", "amount": "1e20"}, {"name": "x", "amount": 1e300},
                 {"name": "x", "amount": "1000000000000000"}):
        r = client.post("/api/budgets", headers=h, json=body)
        assert r.status_code == 422 and "amount" in r.json()["message"], (body, r.text)
    r = client.patch(f"/api/budgets/{bid}", headers=h, json={"amount": "1000000000000000"})
    assert r.status_code == 422 and "amount" in r.json()["message"], r.text
    r = client.patch(f"/api/budgets/{bid}", headers=h, json={"name": "   "})
    assert r.status_code == 422 and "name" in r.json()["message"], r.text
    assert client.get(f"/api/budgets/{bid}", headers=h).json()["name"] == "ok"
    # "²".isdigit() is true but it is no id: only a mask to match, nothing found.
    r = client.get("/api/transactions", headers=h, params={"account": "\u00b2"})
    assert r.status_code == 200 and r.json() == [], r.text
    # Midnight of 0001-01-01 in Asia/Muscat has no UTC date; 9999-12-31 + 1 day has none either.
    for path, params in (("/api/transactions", {"from": "0001-01-01"}),
                         ("/api/reports/spending", {"from": "0001-01-01", "to": "2026-12-31"}),
                         ("/api/transactions", {"to": "9999-12-31"})):
        r = client.get(path, headers=h, params=params)
        assert r.status_code == 422, (path, params, r.text)
    r = client.get("/api/transactions", headers=h, params={"from": "0001-01-02"})
    assert r.status_code == 200 and len(r.json()) == 1, r.text


def test_a_regex_is_checked_as_it_runs(client, factory, alice):
    """A value is stripped before it is checked, as the engine strips it: "JEN\\ " ran as "JEN\\"."""
    uid, h = alice
    rule = {"name": "r", "conditions": [{"field": "merchant", "op": "regex", "value": "JEN\\ "}],
            "actions": [{"type": "exclude"}]}
    for path in ("/api/rules", "/api/rules/preview"):
        r = client.post(path, headers=h, json=rule)
        assert r.status_code == 422 and "regex" in r.json()["message"], (path, r.text)
    # One stored before the check (written straight to the table) is refused with a reason, not a 500.
    from models import Rule

    with factory.begin() as s:
        row = Rule(user_id=uid, name="old", conditions=rule["conditions"], actions=rule["actions"])
        s.add(row)
        s.flush()
        rid = row.id
    for path in (f"/api/rules/{rid}/preview", f"/api/rules/{rid}/apply"):
        r = client.post(path, headers=h)
        assert r.status_code == 422 and f"rule {rid} cannot run" in r.json()["message"], (path, r.text)


def test_a_host_name_that_cannot_be_encoded_is_refused(client, alice):
    _uid, h = alice
    box = {"name": "m", "username": "u", "password": "p"}
    for host in ("a" * 64 + ".example", "mail..example", "mail example.com", "mail\x00.example"):
        r = client.post("/api/mailboxes", headers=h, json={**box, "host": host})
        assert r.status_code == 422 and "host" in r.json()["message"], (host, r.text)
    r = client.post("/api/mailboxes", headers=h, json={**box, "host": " imap.example.com "})
    assert r.status_code == 201 and r.json()["host"] == "imap.example.com", r.text
    r = client.patch(f"/api/mailboxes/{r.json()['id']}", headers=h, json={"host": "b" * 64 + ".example"})
    assert r.status_code == 422 and "host" in r.json()["message"], r.text


def test_a_new_mailbox_polls_at_the_installations_default_unless_it_says(client, alice, monkeypatch):
    _uid, h = alice
    box = {"host": "imap.example.com", "username": "u", "password": "p"}
    assert client.post("/api/mailboxes", headers=h, json={**box, "name": "a"}).json()["poll_interval_s"] == 300
    monkeypatch.setenv("SPENDWATCH_POLL_INTERVAL_S", "120")
    config.reset()
    r = client.post("/api/mailboxes", headers=h, json={**box, "name": "b"})
    assert r.status_code == 201 and r.json()["poll_interval_s"] == 120, r.text  # the setting was ignored
    r = client.post("/api/mailboxes", headers=h, json={**box, "name": "c", "poll_interval_s": 3600})
    assert r.json()["poll_interval_s"] == 3600
    r = client.post("/api/mailboxes", headers=h, json={**box, "name": "d", "poll_interval_s": 5})
    assert r.status_code == 422 and "poll_interval_s" in r.json()["message"], r.text


def test_amount_as_number_is_read_through_str(client, alice):
    _uid, h = alice
    r = client.post("/api/budgets", headers=h, json={"name": "n", "amount": 12.5, "period": "monthly"})
    assert r.status_code == 200, r.text
    [b] = client.get("/api/budgets", headers=h).json()
    assert b["amount"] == "12.500"


def test_missing_or_wrong_token_is_401(client, alice):
    assert client.get("/api/budgets").status_code == 401
    assert client.get("/api/budgets", headers={"Authorization": "Bearer sw_nope"}).status_code == 401


def test_a_replaced_token_stops_reading_at_once(client, factory, alice):
    """GET /api/budgets looks the caller up by a prepared statement per connection: it must
    still ask every time (no answer kept), and answer for the token's own user only."""
    from pipeline.users import new_token

    uid, old = alice
    client.post("/api/budgets", headers=old, json={"name": "Food", "amount": "10", "period": "monthly"})
    for _ in range(3):  # the same pooled connection, its statement prepared
        assert [b["name"] for b in client.get("/api/budgets", headers=old).json()] == ["Food"]
    with factory.begin() as s:
        token = new_token(s, s.get(User, uid))
    assert client.get("/api/budgets", headers=old).status_code == 401
    assert [b["name"] for b in client.get("/api/budgets", headers={"Authorization": f"Bearer {token}"}).json()] == ["Food"]
    _bob, hb = new_user(factory, "bob@example.test")
    assert client.get("/api/budgets", headers=hb).json() == []


def test_unknown_category_in_budget_is_422(client, alice, bob):
    _u, hb = bob
    bobs = add_category(client, hb, "Bob's")
    _ua, ha = alice
    r = client.post("/api/budgets", headers=ha, json={"name": "x", "amount": "5", "period": "monthly",
                                                       "category_ids": [bobs]})
    assert r.status_code == 422 and "category_ids" in r.json()["message"]


# ---------------------------------------------------------------- isolation, over the route table
# The routes come from the app's own OpenAPI document, so a route added later is covered
# (or fails here, asking for its request body) without anyone remembering this test.
def _route_table() -> list[tuple[str, str, dict[str, Any]]]:
    spec = create_app(sessionmaker(), clock=lambda: NOW).openapi()
    return [(method.upper(), path, op) for path, ops in spec["paths"].items() for method, op in ops.items()
            if path.startswith("/api/")]


ROUTES = _route_table()
# Routes deliberately open: the health answer for uptime monitors (levels only; see its test).
PUBLIC = {("GET", "/api/health")}
ROUTE_IDS = [f"{m} {p}" for m, p, _op in ROUTES]

# What a path or query parameter of that name points at (a new one fails until added here).
ID_PARAMS = {"budget_id": "budget", "rule_id": "rule", "txn_id": "transaction", "account_id": "account",
             "mailbox_id": "mailbox", "category_id": "category"}
RULE = {"name": "grab", "priority": 1, "conditions": [{"field": "merchant", "op": "contains", "value": "cafe"}],
        "actions": [{"type": "set_category", "value": "Grabbed"}, {"type": "exclude"},
                    {"type": "set_display_name", "value": "grabbed"}], "stop_processing": True}
# A valid body for every route that takes one: Bob's request must fail for want of
# ownership (404), never for a bad payload (422).
BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/api/budgets"): {"name": "grab budget", "amount": "5", "period": "monthly"},
    ("PATCH", "/api/budgets/{budget_id}"): {"amount": "1", "name": "grabbed", "active": False, "rollover": True},
    ("PATCH", "/api/categories/{category_id}"): {"name": "grabbed"},
    ("POST", "/api/categories"): {"name": "Grabbed"},
    ("POST", "/api/rules"): RULE,
    ("POST", "/api/rules/preview"): RULE,
    ("PUT", "/api/rules/{rule_id}"): RULE,
    ("PATCH", "/api/transactions/{txn_id}"): {"excluded": True, "is_income": True, "display_name": "grabbed"},
    ("PATCH", "/api/accounts/{account_id}"): {"nickname": "grabbed", "is_own": False},
    ("POST", "/api/mailboxes"): {"name": "grab box", "host": "127.0.0.1", "username": "x", "password": "pw"},
    ("PATCH", "/api/mailboxes/{mailbox_id}"): {"host": "evil.example.test", "password": "evil", "enabled": False},
}
# Required query parameters that are not ids.
QUERIES: dict[tuple[str, str], dict[str, str]] = {
    ("GET", "/api/reports/spending"): {"from": "2026-11-01", "to": "2026-11-30"},
}
MISSING_ID = 987654


@dataclass
class Who:
    user_id: int
    headers: dict[str, str]
    ids: dict[str, int]


def _seed_user(client: TestClient, factory: sessionmaker[Session], who: str, mask: str, closed_port: int) -> Who:
    """A user with one of everything; every name and merchant of theirs contains ``who``."""
    uid, h = new_user(factory, f"{who}@example.test")
    cat = add_category(client, h, f"{who} food")
    spare = add_category(client, h, f"{who} spare")
    r = client.post("/api/budgets", headers=h, json={"name": f"{who} budget", "amount": "100", "period": "monthly",
                                                      "category_ids": [cat], "account_mask": mask})
    assert r.status_code == 200, r.text
    budget = r.json()["id"]
    with factory.begin() as s:
        acct = BankAccount(user_id=uid, bank="bank_muscat", mask=mask, currency="OMR", nickname=f"{who} account",
                           last_balance_minor=500_000)
        s.add(acct)
        s.add(NotifyTarget(user_id=uid, kind="email", label=f"{who} mail",
                           address_enc=secrets.encrypt(f"{who}@example.test")))
        s.flush()
        acct_id = acct.id
    txn = add_txn(factory, uid, "90.000", cat, n=1, merchant=f"{who.upper()} CAFE", account_mask=mask,
                  bank_account_id=acct_id)  # crosses 50 and 80: alerts and outbox rows
    other = add_txn(factory, uid, "2.000", spare, n=2, merchant=f"{who.upper()} CAFE", account_mask=mask)
    assert client.patch(f"/api/transactions/{other}", headers=h, json={"category_id": cat}).status_code == 200
    assert client.patch(f"/api/budgets/{budget}", headers=h, json={"amount": "120"}).status_code == 200
    rule = client.post("/api/rules", headers=h, json={
        "name": f"{who} rule", "conditions": [{"field": "merchant", "op": "contains", "value": who}],
        "actions": [{"type": "set_category", "value": f"{who} food"}]})
    assert rule.status_code == 201, rule.text
    mb = client.post("/api/mailboxes", headers=h, json={"name": f"{who} box", "host": "127.0.0.1",
                                                        "port": closed_port, "tls_mode": "plain",
                                                        "username": who, "password": f"{who}-pw"})
    assert mb.status_code == 201, mb.text
    return Who(uid, h, {"budget": budget, "rule": rule.json()["id"], "transaction": txn, "account": acct_id,
                        "mailbox": mb.json()["id"], "category": cat})


KEY = Fernet.generate_key().decode()  # one key: the seeded mailbox passwords outlive the copy


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def seeded(request, tmp_path_factory):
    """Alice and Bob with one of everything, built once per database kind; tests get a copy."""
    from tests.servers._util import free_port

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SPENDWATCH_SECRET_KEY", KEY)
        mp.setenv("SPENDWATCH_DATA_DIR", str(tmp_path_factory.mktemp("data")))
        config.reset()
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'seeded.db'}"
        else:
            url = create_database(request.getfixturevalue("pg_url"))
        engine = make_engine(url)
        Base.metadata.create_all(engine)
        factory = sessionmaker(bind=engine, expire_on_commit=False)
        port = free_port()  # nothing listens there: a mailbox test fails fast
        with TestClient(create_app(factory, clock=lambda: NOW)) as c:
            users = (_seed_user(c, factory, "alice", "xxxx0019", port), _seed_user(c, factory, "bob", "xxxx0042", port))
        engine.dispose()  # a PostgreSQL template must have no sessions; SQLite checkpoints its WAL
        yield request.param, url, users
        if request.param == "postgresql":
            drop_database(url)
        config.reset()


@dataclass
class Iso:
    client: TestClient
    factory: sessionmaker[Session]
    alice: Who
    bob: Who


@pytest.fixture
def iso(seeded, tmp_path, monkeypatch, request):
    """A copy of the seeded database (a file copy, or CREATE DATABASE ... TEMPLATE)."""
    kind, url, (alice, bob) = seeded
    monkeypatch.setenv("SPENDWATCH_SECRET_KEY", KEY)
    monkeypatch.setenv("SPENDWATCH_DATA_DIR", str(tmp_path / "data"))
    config.reset()
    if kind == "sqlite":
        copy = tmp_path / "copy.db"
        shutil.copyfile(make_url(url).database or "", copy)
        clone = f"sqlite:///{copy}"
    else:
        clone = create_database(request.getfixturevalue("pg_url"), template=make_url(url).database)
    engine = make_engine(clone)
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    with TestClient(create_app(factory, clock=lambda: NOW)) as c:
        yield Iso(c, factory, alice, bob)
    engine.dispose()
    if kind == "postgresql":
        drop_database(clone)
    config.reset()


def rows_not_of(factory: sessionmaker[Session], user_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row in every table that does not belong to ``user_id`` (ownership follows the
    foreign keys up to a user), so any change to another user's data shows."""
    with factory() as s:
        raw = {t.name: [dict(r) for r in s.execute(select(t)).mappings()] for t in Base.metadata.sorted_tables}

    def owner(table: str, row: dict[str, Any]) -> int | None:
        if table == "users":
            return int(row["id"])
        if row.get("user_id") is not None:
            return int(row["user_id"])
        for fk in Base.metadata.tables[table].foreign_keys:
            value = row.get(fk.parent.name)
            parent = fk.column.table.name
            for prow in raw[parent]:
                if value is not None and prow[fk.column.name] == value:
                    return owner(parent, prow)
        return None

    def key(row: dict[str, Any]) -> str:
        return repr(sorted(row.items()))

    return {t: sorted((r for r in rows if owner(t, r) != user_id), key=key) for t, rows in raw.items()}


def _call(client: TestClient, method: str, path: str, op: dict[str, Any], who: Who, ids: dict[str, int]) -> Any:
    """Request ``method path`` as ``who``, every id parameter taken from ``ids``."""
    url, query = path, dict(QUERIES.get((method, path), {}))
    for p in op.get("parameters", []):
        if p["in"] == "path":
            assert p["name"] in ID_PARAMS, f"{method} {path}: add path parameter {p['name']!r} to ID_PARAMS"
            url = url.replace("{" + p["name"] + "}", str(ids[ID_PARAMS[p["name"]]]))
        elif p["name"] in ID_PARAMS:
            query[p["name"]] = str(ids[ID_PARAMS[p["name"]]])
        else:
            assert not p.get("required") or p["name"] in query, f"{method} {path}: add {p['name']!r} to QUERIES"
    body = None
    if "requestBody" in op:
        assert (method, path) in BODIES, f"{method} {path}: add a valid request body to BODIES"
        body = BODIES[(method, path)]
    return client.request(method, url, headers=who.headers, params=query, json=body)


def test_every_route_needs_a_token(client, alice):
    assert PUBLIC <= {(m, p) for m, p, _op in ROUTES}  # a stale entry would hide nothing
    for method, path, _op in ROUTES:
        if (method, path) in PUBLIC:
            continue
        url = re.sub(r"\{[^}]+\}", "1", path)
        for headers in ({}, {"Authorization": "Bearer sw_not-a-token"}, {"Authorization": "Basic YTpi"}):
            r = client.request(method, url, headers=headers, params=QUERIES.get((method, path)),
                               json=BODIES.get((method, path)))
            assert r.status_code == 401, (method, path, headers, r.text)
            assert r.json()["status"] == "error"


@pytest.mark.parametrize(("method", "path", "op"), ROUTES, ids=ROUTE_IDS)
def test_a_second_user_sees_changes_and_deletes_nothing_of_the_first(iso, method, path, op):
    """Bob, with Alice's ids wherever the route takes an id: nothing of Alice's in the answer,
    404 exactly as for an id that does not exist, and not one row of Alice's changed."""
    client, factory, alice, bob = iso.client, iso.factory, iso.alice, iso.bob
    before = rows_not_of(factory, bob.user_id)
    r = _call(client, method, path, op, bob, alice.ids)
    assert "alice" not in r.text.lower(), r.text
    has_id = any(p["in"] == "path" for p in op.get("parameters", []))
    if has_id:
        assert r.status_code == 404, r.text
        missing = _call(client, method, path, op, bob, dict.fromkeys(alice.ids, MISSING_ID))
        assert missing.status_code == 404
        assert set(r.json()) == {"status", "message"} and r.json()["status"] == "error"
        norm = lambda resp, ident: resp.json()["message"].replace(str(ident), "N")  # noqa: E731
        ident = next(alice.ids[ID_PARAMS[p["name"]]] for p in op["parameters"] if p["in"] == "path")
        assert norm(r, ident) == norm(missing, MISSING_ID)
    else:
        assert r.status_code in (200, 201), r.text
    assert rows_not_of(factory, bob.user_id) == before, "a row that is not Bob's changed"
    if has_id:  # the same request on Bob's own ids works: the 404 above is about ownership alone
        own = _call(client, method, path, op, bob, bob.ids)
        # (Bob's category is in his budget: removing it is refused for that, 409, not for ownership.)
        in_use = (method, path) == ("DELETE", "/api/categories/{category_id}") and own.status_code == 409
        assert own.status_code in (200, 201) or (in_use and "count this category" in own.text), own.text
        assert "alice" not in own.text.lower(), own.text
        assert rows_not_of(factory, bob.user_id) == before
    with factory() as s:
        assert budgets.verify(s) == []


def test_route_table_is_complete():
    """The isolation test really walks every route (guards against an empty or stale table)."""
    assert len(ROUTES) >= 30
    assert {m for m, _p, _o in ROUTES} == {"GET", "POST", "PUT", "PATCH", "DELETE"}
    assert set(BODIES) <= {(m, p) for m, p, _o in ROUTES}, "BODIES names a route that no longer exists"


@pytest.mark.parametrize(("method", "path", "field"), [
    ("POST", "/api/budgets", "category_ids"),
    ("PATCH", "/api/budgets/{budget_id}", "category_ids"),
    ("PATCH", "/api/transactions/{txn_id}", "category_id"),
])
def test_another_users_category_in_a_payload_is_unknown(iso, method, path, field):
    client, factory, alice, bob = iso.client, iso.factory, iso.alice, iso.bob
    before = rows_not_of(factory, bob.user_id)
    url = path.replace("{budget_id}", str(bob.ids["budget"])).replace("{txn_id}", str(bob.ids["transaction"]))
    answers = []
    for cat in (alice.ids["category"], MISSING_ID):
        value: Any = [cat] if field == "category_ids" else cat
        body = {"name": "x", "amount": "5", "period": "monthly", field: value} if method == "POST" else {field: value}
        r = client.request(method, url, headers=bob.headers, json=body)
        assert r.status_code == 422 and field in r.json()["message"], r.text
        answers.append(r.json()["message"].replace(str(cat), "N"))
    assert answers[0] == answers[1]
    assert rows_not_of(factory, bob.user_id) == before


def test_names_are_per_user_and_reveal_nothing(iso):
    """Bob may reuse Alice's category and mailbox names: no 409 tells him they exist."""
    client, bob = iso.client, iso.bob
    assert client.post("/api/categories", headers=bob.headers, json={"name": "alice food"}).status_code == 201
    r = client.post("/api/mailboxes", headers=bob.headers, json={"name": "alice box", "host": "h", "username": "u",
                                                                 "password": "p"})
    assert r.status_code == 201, r.text
    assert client.post("/api/categories", headers=bob.headers, json={"name": "alice food"}).status_code == 409


def test_no_float_in_any_answer(iso):
    """Amounts travel as strings: not one JSON float in any GET answer."""
    client, alice = iso.client, iso.alice

    def floats(value: Any) -> list[Any]:
        if isinstance(value, float):
            return [value]
        if isinstance(value, dict):
            return [f for v in value.values() for f in floats(v)]
        if isinstance(value, list):
            return [f for v in value for f in floats(v)]
        return []

    for method, path, op in ROUTES:
        if method == "GET":
            r = _call(client, method, path, op, alice, alice.ids)
            assert r.status_code == 200, (path, r.text)
            assert floats(r.json()) == [], (path, r.json())

# ---------------------------------------------------------------- transactions, learning, rules
def test_recategorizing_moves_spend_between_budgets_and_alerts_once(client, factory, alice):
    uid, h = alice
    food = add_category(client, h, "Food")
    fun = add_category(client, h, "Fun")
    client.post("/api/budgets", headers=h, json={"name": "Food", "amount": "100", "period": "monthly",
                                                  "category_ids": [food]})
    client.post("/api/budgets", headers=h, json={"name": "Fun", "amount": "100", "period": "monthly",
                                                  "category_ids": [fun]})
    with factory.begin() as s:
        s.add(NotifyTarget(user_id=uid, kind="email", label="me", address_enc=secrets.encrypt("me@example.test")))
    t1 = add_txn(factory, uid, "60.000", food, n=1)  # Food 50 %: one alert, one message
    add_txn(factory, uid, "30.000", fun, n=2)
    r = client.patch(f"/api/transactions/{t1}", headers=h, json={"category_id": fun})
    assert r.status_code == 200, r.text
    assert r.json()["transaction"]["category"] == {"id": fun, "name": "Fun"}
    assert r.json()["transaction"]["category_source"] == "manual"
    assert len(r.json()["alerts"]) == 2  # Fun 30 % -> 90 %: 50 and 80 newly crossed
    got = {b["name"]: b["spent"] for b in client.get("/api/budgets", headers=h).json()}
    assert got == {"Food": "0.000", "Fun": "90.000"}
    fun_alerts = [a for a in client.get("/api/alerts", headers=h).json() if a["budget"] == "Fun"]
    assert sorted(a["threshold"] for a in fun_alerts) == [50, 80]
    assert [a["threshold"] for a in fun_alerts if a["notify"]] == [80]  # the highest speaks
    # back and forth: the spend follows, the thresholds already crossed do not alert again
    r = client.patch(f"/api/transactions/{t1}", headers=h, json={"category_id": food})
    assert r.json()["alerts"] == []
    assert {b["name"]: b["spent"] for b in client.get("/api/budgets", headers=h).json()} == {
        "Food": "60.000", "Fun": "30.000"}
    r = client.patch(f"/api/transactions/{t1}", headers=h, json={"category_id": fun})
    assert r.json()["alerts"] == []
    got = {b["name"]: b["spent"] for b in client.get("/api/budgets", headers=h).json()}
    assert got == {"Food": "0.000", "Fun": "90.000"}
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Alert)) == 3  # Food 50 once, Fun 50 and 80 once
        assert s.scalar(select(func.count()).select_from(Outbox)) == 2  # Food 50, Fun 80: one message each
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


def test_learning_waits_for_n_consistent_corrections(client, factory, alice):
    """N = 3: the latest three corrections for the merchant must agree; a dissenting one
    delays the rule until three agree again."""
    uid, h = alice
    with factory.begin() as s:
        s.get(User, uid).learn_after = 3
    cafes = add_category(client, h, "Cafes")
    other = add_category(client, h, "Other")
    client.post("/api/budgets", headers=h, json={"name": "Cafes", "amount": "50", "period": "monthly",
                                                  "category_ids": [cafes]})
    t = [add_txn(factory, uid, "1.000", None, n=i, merchant="Jenan Tea") for i in range(7)]
    for txn, cat in ((t[0], cafes), (t[1], cafes), (t[2], other), (t[3], cafes), (t[4], cafes)):
        r = client.patch(f"/api/transactions/{txn}", headers=h, json={"category_id": cat}).json()
        assert r["proposal"]["rule_created"] is False and r["proposal"]["needed"] == 3, r
    assert client.get("/api/rules", headers=h).json() == []
    r = client.patch(f"/api/transactions/{t[5]}", headers=h, json={"category_id": cafes}).json()
    assert r["proposal"]["rule_created"] is True and r["proposal"]["transaction_ids"] == [t[3], t[4], t[5]]
    [rule] = client.get("/api/rules", headers=h).json()
    assert rule["origin"] == "learned" and rule["actions"] == [{"type": "set_category", "value": "Cafes"}]
    # applying it files the one uncategorized transaction left; the manual "Other" stays
    res = client.post(f"/api/rules/{rule['id']}/apply", headers=h).json()
    assert [c["transaction_id"] for c in res["changes"]] == [t[6]]
    assert client.get(f"/api/transactions/{t[2]}", headers=h).json()["category"]["name"] == "Other"
    assert client.get("/api/budgets", headers=h).json()[0]["spent"] == "6.000"
    with factory() as s:
        assert budgets.verify(s) == []


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
    # Each alert shows the amount its percent was computed against, not today's 72.
    assert sorted((a["threshold"], a["percent"], a["spent"], a["amount"]) for a in alerts) == [
        (50, 60, "60.000", "100.000"), (80, 85, "60.000", "70.000")]


def test_weekly_budgets_start_on_the_users_week_start_unless_anchored(client, factory, alice):
    uid, h = alice
    with factory.begin() as s:
        s.get(User, uid).week_start = 6  # Sunday
    for name, anchor in (("Week default", None), ("From Wednesday", 3)):
        body = {"name": name, "amount": "20.000", "period": "weekly"}
        if anchor is not None:
            body["anchor_day"] = anchor
        assert client.post("/api/budgets", headers=h, json=body).status_code == 200
    starts = {b["name"]: date.fromisoformat(b["start_date"]) for b in client.get("/api/budgets", headers=h).json()}
    assert starts["Week default"].weekday() == 6  # the user's Sunday
    assert starts["From Wednesday"].weekday() == 2
    for b in client.get("/api/budgets", headers=h).json():
        assert (date.fromisoformat(b["end_date"]) - date.fromisoformat(b["start_date"])).days == 6
    r = client.post("/api/budgets", headers=h, json={"name": "Bad", "amount": "1", "period": "weekly", "anchor_day": 9})
    assert r.status_code == 422 and "anchor_day" in r.text


def test_a_write_is_committed_before_its_response_is_sent(factory, alice):
    """A client told 200 can read what it wrote at once, and a COMMIT that fails is an error
    answer, not a success already sent (FastAPI ends yield dependencies after the response
    unless they ask otherwise). The order is read at the ASGI boundary."""
    _uid, h = alice
    app = create_app(factory, clock=lambda: NOW)
    seen: list[str] = []

    async def spy(scope, receive, send):
        async def send_spied(message):
            if message["type"] == "http.response.start":
                seen.append(f"response {message['status']}")
            await send(message)
        await app(scope, receive, send_spied)

    def committed(_session):
        seen.append("commit")

    event.listen(Session, "after_commit", committed)
    try:
        with TestClient(spy) as c:
            seen.clear()
            assert c.post("/api/categories", headers=h, json={"name": "Books"}).status_code == 201
            assert seen == ["commit", "response 201"]
            seen.clear()
            assert c.post("/api/budgets", headers=h, json={"name": "Read", "amount": "5"}).status_code == 200
            assert seen == ["commit", "response 200"]
    finally:
        event.remove(Session, "after_commit", committed)


def test_each_budget_shows_the_row_of_its_own_current_period(client, factory, alice):
    """The list reads every period row that could be current (running today, or a custom
    budget's own range) and keeps the one starting where the budget's period starts today:
    a past custom range keeps its spend, and after a change of week start the old week's
    row, still running today, is not taken for the new week's."""
    uid, h = alice
    food = add_category(client, h, "Food")
    for body in ({"name": "Trip", "amount": "50", "period": "custom", "start_date": "2026-10-01",
                  "end_date": "2026-10-10"}, {"name": "Week", "amount": "20", "period": "weekly"}):
        assert client.post("/api/budgets", headers=h, json=body | {"category_ids": [food]}).status_code == 200
    add_txn(factory, uid, "7.000", food, when=datetime(2026, 10, 5, 8, 0, tzinfo=timezone.utc), n=1)
    add_txn(factory, uid, "3.000", food, n=2)  # NOW: Friday 2026-11-20, in the week from Monday the 16th

    def shown() -> dict[str, tuple[str, str, str]]:
        return {b["name"]: (b["start_date"], b["end_date"], b["spent"])
                for b in client.get("/api/budgets", headers=h).json()}

    def week_start(day: int) -> None:
        with factory.begin() as s:
            s.get(User, uid).week_start = day

    assert shown() == {"Trip": ("2026-10-01", "2026-10-10", "7.000"), "Week": ("2026-11-16", "2026-11-22", "3.000")}
    week_start(4)  # Friday: the week now starts today; Monday's row still runs today
    assert shown()["Week"] == ("2026-11-20", "2026-11-26", "0.000")
    add_txn(factory, uid, "2.000", food, n=3)  # creates Friday's row: two rows run today
    # Friday's row starts from the spend already stored in its days (today's 3.000).
    assert shown()["Week"] == ("2026-11-20", "2026-11-26", "5.000")
    week_start(0)  # back to Monday: Monday's row again (the 2.000 went to Friday's)
    assert shown() == {"Trip": ("2026-10-01", "2026-10-10", "7.000"), "Week": ("2026-11-16", "2026-11-22", "3.000")}
    [week] = [b for b in client.get("/api/budgets", headers=h).json() if b["name"] == "Week"]
    assert week["categories"] == [{"id": food, "name": "Food"}]  # once, whatever the number of rows


def test_values_the_database_would_refuse_are_a_422_not_a_500(client, alice):
    _uid, h = alice
    for path in ("/api/budgets/100000000000000000000", "/api/transactions?category_id=100000000000000000000"):
        r = client.get(path, headers=h)
        assert r.status_code == 422, (path, r.text)
    r = client.post("/api/budgets", headers=h, json={"name": "Big", "amount": "1", "category_ids": [10**20]})
    assert r.status_code == 422 and "category_ids" in r.text
    r = client.post("/api/categories", headers=h, json={"name": "Caf\u0000e"})
    assert r.status_code in (201, 422), r.text  # SQLite stores it; PostgreSQL refuses: never a 500
    if r.status_code == 422:
        assert "NUL" in r.json()["message"]
