"""Schema versions that do not match the code: a newer schema, and SQLite migrations that
rebuild a table (batch mode) under rows that reference it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timezone

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.orm import Session

from models import Outbox
from pipeline import schema
from pipeline.db import make_engine
from pipeline.deliver import message_for
from tests.support.service import fresh_database


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("SPENDWATCH_")}
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          env={**base, "COLUMNS": "200", **env}, timeout=120)


def _stamp_newer(url: str) -> None:
    """The database as a later spendwatch would leave it: at a revision this code does not know."""
    engine = make_engine(url)
    try:
        schema.upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    finally:
        engine.dispose()


def _assert_newer_refused(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) <= 3, proc.stderr
    assert "0999" in proc.stderr and "newer" in proc.stderr
    assert "run `spendwatch db upgrade`" not in proc.stderr  # it cannot help: this code has no 0999


def test_a_newer_schema_on_the_embedded_default_is_refused_clearly(tmp_path):
    _stamp_newer(f"sqlite:///{tmp_path / 'spendwatch.db'}")
    for args in (("status",), ("db", "upgrade")):
        _assert_newer_refused(_cli(*args, SPENDWATCH_DATA_DIR=str(tmp_path)))


def test_a_newer_schema_on_a_server_database_is_refused_clearly(pg_url, tmp_path):
    url = fresh_database(pg_url)
    _stamp_newer(url)
    for args in (("verify",), ("db", "upgrade")):
        _assert_newer_refused(_cli(*args, SPENDWATCH_DATABASE_URL=url, SPENDWATCH_DATA_DIR=str(tmp_path)))
    status = _cli("db", "status", SPENDWATCH_DATABASE_URL=url, SPENDWATCH_DATA_DIR=str(tmp_path))
    assert status.returncode == 1 and "current: 0999" in status.stdout


def _seed_alert(conn) -> None:
    yes = {"yes": True}  # a bound boolean: PostgreSQL takes no integer for one
    conn.execute(text("INSERT INTO users (id, email, timezone, week_start, learn_after) VALUES (1, 'a@x.test', 'UTC', 0, 2)"))
    conn.execute(text("INSERT INTO budgets (id, user_id, name, amount_minor, currency, period, anchor_day, anchor_month,"
                      " thresholds, rollover, active) VALUES (1, 1, 'Food', 100000, 'OMR', 'monthly', 1, 1, '[50]', :yes,"
                      " :yes)"), yes)
    conn.execute(text('INSERT INTO budget_periods (id, budget_id, "start", "end", limit_minor, carried_minor, spent_minor)'
                      " VALUES (1, 1, '2026-10-01', '2026-10-31', 100000, 0, 60000),"
                      " (2, 1, '2026-11-01', '2026-11-30', 100000, 40000, 70000)"))
    conn.execute(text("INSERT INTO alerts (id, budget_period_id, threshold, percent, spent_minor, notify)"
                      " VALUES (1, 1, 50, 60, 60000, :yes), (2, 2, 50, 50, 70000, :yes)"), yes)
    conn.execute(text("INSERT INTO notify_targets (id, user_id, kind, label, address_enc, enabled)"
                      " VALUES (1, 1, 'email', 'a', 'x', :yes)"), yes)
    conn.execute(text("INSERT INTO outbox (id, alert_id, target_id, status, attempts, message_id)"
                      " VALUES (1, 1, 1, 'sent', 1, '<m1>'), (2, 2, 1, 'pending', 0, '<m2>')"))


def _counts(engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT (SELECT count(*) FROM budget_periods), (SELECT count(*) FROM alerts),"
                                " (SELECT count(*) FROM outbox)")).one()
    return (row[0], row[1], row[2])


def test_a_sqlite_table_rebuild_keeps_the_rows_that_reference_it(tmp_path):
    # 0002's downgrade drops a column: on SQLite, batch mode copies budget_periods to a new
    # table and drops the old one. With foreign keys on (every spendwatch connection), that
    # DROP deleted every alert and outbox row through ON DELETE CASCADE.
    engine = make_engine(f"sqlite:///{tmp_path / 's.db'}")
    try:
        schema.upgrade(engine)
        with engine.begin() as conn:
            _seed_alert(conn)
        schema.downgrade(engine, "0001")
        assert schema.state(engine)[0] == "0001"
        assert _counts(engine) == (2, 2, 2)
        schema.upgrade(engine)
        assert _counts(engine) == (2, 2, 2)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT carried_from FROM budget_periods ORDER BY id")).scalars().all() == [
                None, "2026-10-01"]
            # and the pooled connection has its foreign keys back on
            assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    finally:
        engine.dispose()


def test_the_plain_alembic_path_keeps_them_too(tmp_path):
    # The same through alembic's own command with no connection handed in (env.py makes its engine).
    url = f"sqlite:///{tmp_path / 's.db'}"
    engine = make_engine(url)
    try:
        schema.upgrade(engine)
        with engine.begin() as conn:
            _seed_alert(conn)
        command.downgrade(schema.alembic_config(url), "0001")
        assert _counts(engine) == (2, 2, 2)
    finally:
        engine.dispose()


def _recorded(engine) -> list[tuple[int, int, int, int | None, int | None]]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, percent, spent_minor, limit_minor, carried_minor FROM alerts ORDER BY id"))
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_0003_keeps_the_alerts_recorded_before_it_and_they_read_as_before(backend, request, tmp_path):
    """0003 records the limit and carry an alert's percent was computed against. Alerts recorded
    before it keep NULL there, and their message reads the period's figures, as it did."""
    url = f"sqlite:///{tmp_path / 's.db'}" if backend == "sqlite" else fresh_database(request.getfixturevalue("pg_url"))
    engine = make_engine(url)
    try:
        schema.upgrade(engine, "0002")
        with engine.begin() as conn:
            _seed_alert(conn)
        schema.upgrade(engine)
        current, head = schema.state(engine)
        assert current == head
        assert _counts(engine) == (2, 2, 2)
        assert _recorded(engine) == [(1, 60, 60000, None, None), (2, 50, 70000, None, None)]
        with Session(engine) as s:
            row = s.get(Outbox, 2)
            assert row is not None and row.status == "pending"
            message = message_for(s, row, today_at=datetime(2026, 11, 21, 12, tzinfo=timezone.utc))
        assert "OMR 70.000 of OMR 140.000 spent (50%)" in message.text
        assert "OMR 100.000 budget + OMR 40.000 carried over" in message.text
        assert message.subject == "Food: 50% of budget spent (passed 50%)"
        # Down again (an operator's own script): the rows stay, SQLite's table rebuild included.
        with engine.begin() as conn:
            conn.execute(text("UPDATE alerts SET limit_minor = 100000, carried_minor = 40000 WHERE id = 2"))
        schema.downgrade(engine, "0002")
        assert _counts(engine) == (2, 2, 2)
        schema.upgrade(engine)
        assert _counts(engine) == (2, 2, 2)
        assert _recorded(engine)[1] == (2, 50, 70000, None, None)
    finally:
        engine.dispose()


def test_0004_rebuilds_mail_accounts_without_losing_their_mail(tmp_path):
    # 0004's downgrade rebuilds mail_accounts on SQLite: raw e-mails and cursors reference it
    # with ON DELETE CASCADE, and must all be there after a downgrade and an upgrade.
    engine = make_engine(f"sqlite:///{tmp_path / 's.db'}")
    try:
        schema.upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO users (id, email, timezone, week_start, learn_after, created_at) "
                              "VALUES (1, 'a@example.test', 'Asia/Muscat', 0, 2, '2026-11-01')"))
            conn.execute(text(
                "INSERT INTO mail_accounts (id, user_id, name, host, port, tls_mode, tls_verify, username, "
                "password_enc, folders, sender_filter, trusted_authserv_ids, accept_forwarded, action, "
                "poll_interval_s, enabled, refused_polls, created_at) VALUES (1, 1, 'work', 'imap.example.test', "
                "993, 'ssl', 1, 'a', 'x', '[\"INBOX\"]', '[]', '[]', 0, 'none', 300, 1, 4, '2026-11-01')"))
            conn.execute(text("INSERT INTO mailbox_cursors (mail_account_id, folder, uidvalidity, last_uid, updated_at) "
                              "VALUES (1, 'INBOX', 7, 42, '2026-11-01')"))
            conn.execute(text("INSERT INTO raw_emails (user_id, mail_account_id, source, folder, uidvalidity, uid, "
                              "sha256, size, raw, status, attempts, truncated, created_at) VALUES (1, 1, 'imap', "
                              "'INBOX', 7, 42, 'h', 1, X'78', 'pending', 0, 0, '2026-11-01')"))
        schema.downgrade(engine, "0003")
        schema.upgrade(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM raw_emails")).scalar_one() == 1
            assert conn.execute(text("SELECT last_uid FROM mailbox_cursors")).scalar_one() == 42
            assert conn.execute(text("SELECT refused_polls FROM mail_accounts")).scalar_one() == 0  # starts over
    finally:
        engine.dispose()
