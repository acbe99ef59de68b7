"""CLI parity on the embedded default (SQLite file): budgets, categories, rules, transactions."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from sqlalchemy import select

from models import BudgetPeriod, Rule, Transaction, User, to_minor
from pipeline import budgets, db
from tests.support.cli import embedded_cli

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def cli(tmp_path, monkeypatch):
    yield from embedded_cli(tmp_path, monkeypatch, NOW)


def add_txn(merchant: str, amount: str, n: int) -> int:
    with db.session() as s:
        user = s.scalar(select(User))
        t = Transaction(user_id=user.id, amount_minor=to_minor(amount, "OMR"), currency="OMR", direction="debit",
                        kind="purchase", merchant_raw=merchant, merchant=merchant, occurred_at=NOW,
                        fingerprint=f"cli{n}")
        s.add(t)
        s.flush()
        budgets.apply_transaction(s, t, +1, NOW)
        return t.id


def test_daily_use_from_the_terminal(cli):
    token = cli("user", "create", "me@example.test").strip().splitlines()[-1]
    assert token.startswith("sw_")
    cli("categories", "add", "Cafes")
    assert "Cafes" in cli("categories", "list")
    cli("budgets", "create", "Coffee", "10", "-c", "Cafes")
    assert "blank" in cli("categories", "add", "  ", code=2)
    assert "amount" in cli("budgets", "create", "Bad", "1.2345", code=2)
    t1 = add_txn("JENAN TEA AIRP", "4.000", 1)
    t2 = add_txn("JENAN TEA AIRP", "5.000", 2)
    listing = cli("transactions", "list")
    assert "JENAN TEA AIRP" in listing
    out = cli("transactions", "recategorize", str(t1), "Cafes")
    assert "proposed rule" in out
    out = cli("transactions", "recategorize", str(t2), "Cafes")
    assert "learned rule" in out
    with db.session() as s:
        assert s.scalar(select(BudgetPeriod.spent_minor)) == 9_000
        assert s.scalar(select(Rule.origin)) == "learned"
    assert "Coffee" in cli("budgets", "list") and "9.000" in cli("budgets", "list")
    cli("rules", "add", '{"name": "big", "conditions": [{"field": "amount", "op": "min", "value": "4.5"}],'
                        ' "actions": [{"type": "exclude"}]}')
    assert "regex" in cli("rules", "add", '{"name": "x", "conditions": [{"field": "merchant", "op": "regex",'
                                          ' "value": "("}], "actions": [{"type": "exclude"}]}', code=2)
    rules = cli("rules", "list")
    assert "big" in rules and "learned" in rules
    with db.session() as s:
        big = s.scalar(select(Rule.id).where(Rule.name == "big"))
    assert "would change: 1" in cli("rules", "preview", str(big))
    assert "applied: 1" in cli("rules", "apply", str(big))
    with db.session() as s:
        assert s.scalar(select(BudgetPeriod.spent_minor)) == 4_000
    assert "no drift" in cli("verify")
    from typer.testing import CliRunner

    from pipeline.cli import app

    checked = CliRunner().invoke(app, ["verify"])  # stdout and stderr apart
    assert checked.exit_code == 0 and "verify budget periods" in checked.stderr and "1/1" in checked.stderr
    assert "verify budget periods" not in checked.stdout and "no drift" in checked.stdout
    show = cli("budgets", "show", "1")
    assert "4.000" in show
    cli("budgets", "delete", "1")
    assert "Coffee" not in cli("budgets", "list")
    assert "no budget" in cli("budgets", "delete", "1", code=2)


def test_user_create_then_spendwatch_api_serves_the_token(tmp_path):
    """The README's steps as a user runs them: create a user, start `spendwatch api`, call it."""
    import json
    import os
    import subprocess
    import sys
    import urllib.error
    import urllib.request

    from tests.servers._util import free_port, wait_port

    env = {k: v for k, v in os.environ.items() if not k.startswith("SPENDWATCH_")}
    env |= {"SPENDWATCH_DATA_DIR": str(tmp_path), "SPENDWATCH_CLOCK": NOW.isoformat(), "COLUMNS": "200"}
    cmd = [sys.executable, "-m", "pipeline.cli"]

    def run(*args: str) -> str:
        done = subprocess.run([*cmd, *args], env=env, capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    token = run("user", "create", "me@example.test").strip().splitlines()[-1]
    assert token.startswith("sw_") and " " not in token
    run("categories", "add", "Cafes")
    port = free_port()
    server = subprocess.Popen([*cmd, "api", "--host", "127.0.0.1", "--port", str(port)], env=env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        assert wait_port(port, timeout=60), "spendwatch api did not listen"
        base = f"http://127.0.0.1:{port}"

        def call(method: str, path: str, body: object = None, auth: bool = True) -> tuple[int, Any]:
            req = urllib.request.Request(base + path, method=method,
                                         data=None if body is None else json.dumps(body).encode())
            if auth:
                req.add_header("Authorization", f"Bearer {token}")
            if body is not None:
                req.add_header("Content-Type", "application/json")
            try:
                with urllib.request.urlopen(req, timeout=30) as resp:
                    raw = resp.read()
                    return resp.status, json.loads(raw) if path.startswith("/api") else raw
            except urllib.error.HTTPError as exc:
                return exc.code, json.loads(exc.read())

        assert call("GET", "/api/budgets", auth=False)[0] == 401
        status, cats = call("GET", "/api/categories")
        assert status == 200 and [c["name"] for c in cats] == ["Cafes"]
        status, answer = call("POST", "/api/budgets", {"name": "Coffee", "amount": "25", "period": "monthly",
                                                       "category_ids": [cats[0]["id"]]})
        assert status == 200 and answer["status"] == "success", answer
        status, listing = call("GET", "/api/budgets")
        assert status == 200 and listing[0]["name"] == "Coffee" and listing[0]["amount"] == "25.000"
        assert call("GET", "/docs")[0] == 200
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    # the budget made through the API is there for the CLI too
    assert "Coffee" in run("budgets", "list")


def test_week_start_and_time_zone_are_set_from_the_terminal(cli):
    cli("user", "create", "me@example.test", "--week-start", "sunday")
    assert "sunday" in cli("user", "list")
    cli("budgets", "create", "Weekly", "20", "--period", "weekly")
    with db.session() as s:
        from models import Budget, BudgetPeriod

        budget = s.scalar(select(Budget))
        assert budget.anchor_day == 0  # defers to the user's week start
        start = s.scalar(select(BudgetPeriod.start).where(BudgetPeriod.budget_id == budget.id))
    assert start is not None and start.weekday() == 6
    out = cli("user", "set", "me@example.test", "--week-start", "sat", "--timezone", "Asia/Dubai")
    assert "saturday" in out and "Asia/Dubai" in out
    assert "expected a weekday" in cli("user", "set", "me@example.test", "--week-start", "someday", code=2)
    assert "unknown time zone" in cli("user", "set", "me@example.test", "--timezone", "Mars/Base", code=2)


def test_names_with_rich_markup_are_printed_as_written(cli):
    """User text is escaped: "[/b]" is a name, not markup that ends the program after its write."""
    token = cli("user", "create", "x[/]@example.test").strip().splitlines()[-1]
    assert token.startswith("sw_")
    assert "x[/]@example.test" in cli("user", "list")
    assert "'[/b]' created" in cli("budgets", "create", "[/b]", "10")
    assert "'[/x]' added" in cli("categories", "add", "[/x]")
    assert "no category '[/nope]'" in cli("budgets", "create", "y", "10", "-c", "[/nope]", code=2)
    assert "[/b]" in cli("budgets", "list")


def test_the_cli_refuses_what_the_api_refuses(cli):
    cli("user", "create", "me@example.test")
    for bad in (["--threshold", "0"], ["--threshold", "-5"], ["--threshold", "5000"]):
        assert "--threshold" in cli("budgets", "create", "T", "10", *bad, code=2)
    assert "name: must not be blank" in cli("budgets", "create", "   ", "10", code=2)
    cli("budgets", "create", "Fine", "10", "--threshold", "90", "--threshold", "90", "--threshold", "50")
    with db.session() as s:
        from models import Budget

        assert [(b.name, b.thresholds) for b in s.scalars(select(Budget))] == [("Fine", [50, 90])]


def test_a_stored_rule_that_cannot_run_is_an_error_not_a_traceback(cli):
    cli("user", "create", "me@example.test")
    with db.session() as s:
        user = s.scalar(select(User))
        s.add(Rule(user_id=user.id, name="old", conditions=[{"field": "merchant", "op": "regex", "value": "JEN\\ "}],
                   actions=[{"type": "exclude"}]))
        s.commit()
        rid = s.scalar(select(Rule.id))
    for cmd in ("preview", "apply"):
        out = cli("rules", cmd, str(rid), code=2)
        assert f"rule {rid} cannot run" in out and "regex" in out, out


def test_a_budget_is_edited_from_the_terminal(cli):
    """`budgets edit` makes the API's PATCH changes: amount, categories, thresholds, rollover,
    pause; the spend follows the new categories, a threshold now passed alerts once."""
    from models import Alert, Budget

    cli("user", "create", "me@example.test")
    cli("categories", "add", "Cafes")
    cli("categories", "add", "Fuel")
    cli("budgets", "create", "Coffee", "10", "-c", "Cafes")
    add_txn("JENAN TEA AIRP", "4.000", 1)
    cli("transactions", "recategorize", "1", "Cafes")
    add_txn("SHELL OMAN", "3.000", 2)
    cli("transactions", "recategorize", "2", "Fuel")

    def state() -> tuple[Any, ...]:
        with db.session() as s:
            b = s.scalar(select(Budget))
            return (b.name, b.amount_minor, sorted(c.name for c in b.categories), b.thresholds, b.rollover, b.active,
                    s.scalar(select(BudgetPeriod.spent_minor)), sorted(s.scalars(select(Alert.threshold))))

    assert state() == ("Coffee", 10_000, ["Cafes"], [50, 80, 100], False, True, 4_000, [])
    assert "updated" in cli("budgets", "edit", "1", "--name", "Drinks and fuel", "-c", "Cafes", "-c", "Fuel",
                            "--threshold", "60", "--threshold", "90")
    # 7.000 of 10.000 after the recompute: 70% passes 60 (one alert), not 90.
    assert state() == ("Drinks and fuel", 10_000, ["Cafes", "Fuel"], [60, 90], False, True, 7_000, [60])
    cli("budgets", "edit", "1", "--amount", "7.5", "--rollover")
    assert state()[1:] == (7_500, ["Cafes", "Fuel"], [60, 90], True, True, 7_000, [60, 90])
    cli("budgets", "edit", "1", "--all-spend", "--paused")
    assert state()[2:6] == ([], [60, 90], True, False)
    assert "no drift" in cli("verify")

    assert "nothing to change" in cli("budgets", "edit", "1", code=2)
    assert "amount" in cli("budgets", "edit", "1", "--amount", "1.2345", code=2)
    assert "amount" in cli("budgets", "edit", "1", "--amount", "-3", code=2)
    assert "--threshold" in cli("budgets", "edit", "1", "--threshold", "0", code=2)
    assert "no category 'Nope'" in cli("budgets", "edit", "1", "-c", "Nope", code=2)
    assert "one or the other" in cli("budgets", "edit", "1", "-c", "Fuel", "--all-spend", code=2)
    assert "only a custom budget" in cli("budgets", "edit", "1", "--start", "2026-11-01", code=2)
    assert "no budget 9" in cli("budgets", "edit", "9", "--amount", "5", code=2)
    assert state()[1] == 7_500  # nothing a refused edit touched changed


def test_a_rule_is_disabled_enabled_and_removed_from_the_terminal(cli):
    cli("user", "create", "me@example.test")
    cli("rules", "add", '{"name": "big", "conditions": [{"field": "amount", "op": "min", "value": "4.5"}],'
                        ' "actions": [{"type": "exclude"}]}')
    with db.session() as s:
        rid = s.scalar(select(Rule.id))

    def active() -> bool | None:
        with db.session() as s:
            return s.scalar(select(Rule.active).where(Rule.id == rid))

    assert "disabled" in cli("rules", "disable", str(rid)) and active() is False
    assert "enabled" in cli("rules", "enable", str(rid)) and active() is True
    assert "removed" in cli("rules", "remove", str(rid)) and active() is None
    assert f"no rule {rid}" in cli("rules", "remove", str(rid), code=2)
    assert f"no rule {rid}" in cli("rules", "disable", str(rid), code=2)


def test_a_transaction_is_excluded_included_and_marked_a_transfer_from_the_terminal(cli):
    cli("user", "create", "me@example.test")
    cli("budgets", "create", "All", "100")
    t1 = add_txn("LULU HYPERMARKET", "30.000", 1)
    add_txn("CARREFOUR", "20.000", 2)

    def spent() -> int:
        with db.session() as s:
            return int(s.scalar(select(BudgetPeriod.spent_minor)))

    assert spent() == 50_000
    assert "excluded from every budget" in cli("transactions", "exclude", str(t1))
    assert spent() == 20_000 and "excluded" in cli("transactions", "list")
    cli("transactions", "exclude", str(t1))  # again: nothing moves twice
    assert spent() == 20_000
    assert "counted in its budgets again" in cli("transactions", "include", str(t1))
    assert spent() == 50_000
    assert "marked a transfer" in cli("transactions", "transfer", str(t1))
    assert spent() == 20_000
    with db.session() as s:
        assert s.get(Transaction, t1).is_transfer is True
    assert "no drift" in cli("verify")
    assert "no transaction 99" in cli("transactions", "exclude", "99", code=2)
    assert "no transaction 99" in cli("transactions", "transfer", "99", code=2)
