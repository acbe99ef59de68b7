"""Pipeline health from real rows: the figures on SQLite and PostgreSQL, `GET /api/health`
(levels only, no token) and `spendwatch health` (details, monitoring-plugin exit codes)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from api.app import create_app
from models import Alert, Budget, BudgetPeriod, MailAccount, NotifyTarget, Outbox, RawEmail
from pipeline import config, health
from pipeline.users import create_user
from tests.support.cli import embedded_cli
from tests.support.service import schema_factory

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)
TIMEOUT = timedelta(minutes=10)


@pytest.fixture(params=["sqlite", "postgresql"])
def factory(request, tmp_path, monkeypatch):
    monkeypatch.setenv("SPENDWATCH_SECRET_KEY", Fernet.generate_key().decode())
    config.reset()
    yield from schema_factory(request, tmp_path, "h.db")


def seed(factory, *, polled_ago: timedelta, pending_ago: timedelta | None = None, error: str | None = None,
         now: datetime = NOW) -> int:
    """A user with one mailbox polled ``polled_ago`` before ``now``, mail and outbox rows of every kind."""
    with factory.begin() as s:
        user, _token = create_user(s, "alice@example.test")
        s.add(MailAccount(user_id=user.id, name="alice-work", host="imap.example.test", username="alice",
                          password_enc="x", created_at=now - timedelta(days=1), last_poll_at=now - polled_ago,
                          last_error=error))
        s.add(MailAccount(user_id=user.id, name="off", host="h", username="u", password_enc="x", enabled=False,
                          created_at=now - timedelta(days=9)))  # disabled: not judged

        def raw(n: int, status: str, created: datetime, processed: datetime | None = None) -> None:
            s.add(RawEmail(user_id=user.id, source="file", sha256=f"{status}-{n}-{created.timestamp()}", size=1,
                           raw=b"x", status=status, created_at=created, processed_at=processed))

        raw(1, "transaction", now - timedelta(hours=1), now - timedelta(hours=1))
        if pending_ago is not None:
            raw(2, "pending", now - pending_ago)
            raw(3, "pending", now - timedelta(seconds=5))
        raw(4, "failed", now - timedelta(hours=3), now - timedelta(hours=3))  # recent
        raw(5, "failed", now - timedelta(days=3), now - timedelta(days=3))  # old: not counted
        raw(6, "failed", now - timedelta(hours=2))  # too big to fetch: failed when stored
        b = Budget(user_id=user.id, name="All", amount_minor=1000, currency="OMR", period="monthly", anchor_day=1)
        s.add(b)
        s.flush()
        bp = BudgetPeriod(budget_id=b.id, start=now.date().replace(day=1), end=now.date().replace(day=31),
                          limit_minor=1000, spent_minor=900)
        s.add(bp)
        s.flush()
        target = NotifyTarget(user_id=user.id, kind="email", label="me", address_enc="x")
        s.add(target)
        for t in (50, 80):
            s.add(Alert(budget_period_id=bp.id, threshold=t, percent=t, spent_minor=900))
        s.flush()
        alerts = [a.id for a in s.query(Alert).order_by(Alert.id)]
        s.add(Outbox(alert_id=alerts[0], target_id=target.id, status="sent", message_id="<a>",
                     next_attempt_at=now - timedelta(hours=2)))
        s.add(Outbox(alert_id=alerts[1], target_id=target.id, status="failed", message_id="<b>",
                     next_attempt_at=now - timedelta(hours=1), claimed_at=now - timedelta(hours=1)))
        return int(user.id)


def test_the_snapshot_counts_what_the_checks_need(factory):
    seed(factory, polled_ago=timedelta(minutes=2), pending_ago=timedelta(minutes=40))
    with factory() as s:
        snap = health.snapshot(s, TIMEOUT, now=NOW)
    assert snap.pending == 2
    assert snap.oldest_pending_at is not None
    assert abs((health._utc(snap.oldest_pending_at) - (NOW - timedelta(minutes=40))).total_seconds()) < 1
    assert snap.failed_recent == 2  # the processed one and the one failed when stored; not the old one
    assert [b.name for b in snap.mailboxes] == ["alice-work"]
    assert (snap.outbox_late, snap.outbox_sending_stuck, snap.outbox_failed_recent) == (0, 0, 1)
    assert health.check(snap).level is health.Level.CRITICAL  # 40 minutes of backlog


def test_the_latest_error_of_the_alerts_given_up_on_is_read(factory):
    seed(factory, polled_ago=timedelta(minutes=2))
    with factory.begin() as s:
        failed = s.query(Outbox).filter(Outbox.status == "failed").one()  # given up an hour ago
        failed.last_error = "SMTP 550 older"
        other = NotifyTarget(user_id=s.query(NotifyTarget).one().user_id, kind="email", label="two", address_enc="x")
        s.add(other)
        s.flush()
        s.add(Outbox(alert_id=failed.alert_id, target_id=other.id, status="failed", message_id="<c>",
                     next_attempt_at=NOW - timedelta(minutes=30), claimed_at=NOW - timedelta(minutes=30),
                     last_error="SMTP 550 newer"))
    with factory() as s:
        snap = health.snapshot(s, TIMEOUT, now=NOW)
    assert (snap.outbox_failed_recent, snap.failed_error) == (2, "SMTP 550 newer")
    (c,) = [c for c in health.check(snap).checks if c.kind == "outbox"]
    assert "the latest: SMTP 550 newer" in c.detail


def test_late_and_stuck_outbox_rows_are_counted(factory):
    seed(factory, polled_ago=timedelta(minutes=2))
    with factory.begin() as s:
        s.query(Outbox).filter(Outbox.status == "sent").update(
            {"status": "pending", "next_attempt_at": NOW - timedelta(minutes=20)})
        s.query(Outbox).filter(Outbox.status == "failed").update(
            {"status": "sending", "claimed_at": NOW - 2 * TIMEOUT - timedelta(seconds=1)})
        s.query(Outbox).filter(Outbox.status == "pending").update({"attempts": 2, "last_error": "SMTP 451 later"})
    with factory() as s:
        snap = health.snapshot(s, TIMEOUT, now=NOW)
    assert (snap.outbox_late, snap.outbox_sending_stuck, snap.outbox_failed_recent) == (1, 1, 0)
    assert (snap.outbox_retrying, snap.retry_error) == (1, "SMTP 451 later")


def test_the_http_view_is_open_says_levels_only_and_is_503_when_critical(factory):
    seed(factory, polled_ago=timedelta(minutes=2), error="login refused for alice (secret-ish detail)")
    with TestClient(create_app(factory, clock=lambda: NOW)) as client:
        r = client.get("/api/health")
        assert r.status_code == 200
        assert r.json() == {"status": "warning", "checks": [
            {"kind": "backlog", "status": "ok"}, {"kind": "mailboxes", "status": "warning"},
            {"kind": "outbox", "status": "warning"}, {"kind": "failed e-mails", "status": "warning"}]}
        assert "alice" not in r.text and "login" not in r.text
        with factory.begin() as s:
            s.query(MailAccount).update({"last_poll_at": NOW - timedelta(hours=1)})
        r = client.get("/api/health")
        assert r.status_code == 503
        assert r.json()["status"] == "critical"
        assert {"kind": "mailboxes", "status": "critical"} in r.json()["checks"]


def test_the_http_view_is_503_when_the_database_is_unreachable(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'missing' / 'nowhere.db'}")  # its folder does not exist
    with TestClient(create_app(sessionmaker(bind=engine), clock=lambda: NOW)) as client:
        r = client.get("/api/health")
    assert r.status_code == 503
    assert r.json() == {"status": "critical", "checks": [{"kind": "database", "status": "critical"}]}


@pytest.fixture
def cli(tmp_path, monkeypatch):
    yield from embedded_cli(tmp_path, monkeypatch, NOW)


def test_the_cli_names_the_problem_and_exits_with_its_level(cli):
    from pipeline import db
    from pipeline.runtime import open_db

    cli("health", code=1)  # an empty install: no mailbox yet is a warning
    factory = open_db()
    real = datetime.now(timezone.utc)  # health judges by the real time (SPENDWATCH_CLOCK is NOW here)
    seed(factory, polled_ago=timedelta(minutes=2), now=real)
    with factory.begin() as s:
        s.query(RawEmail).filter(RawEmail.status == "failed").update({"status": "transaction"})
        s.query(Outbox).filter(Outbox.status == "failed").update({"status": "sent"})
    out = cli("health", code=0)
    assert "pipeline health: ok" in out and "mailbox #1 alice-work" in out
    with factory.begin() as s:
        s.query(MailAccount).filter(MailAccount.name == "alice-work").update(
            {"last_poll_at": real - timedelta(hours=2), "last_error": "[bold]connection refused[/bold]"})
    out = cli("health", "--json", code=2)
    got = json.loads(out)
    assert got["status"] == "critical"
    (box,) = [c for c in got["checks"] if c["kind"] == "mailboxes"]
    assert box["name"] == "mailbox #1 alice-work" and box["status"] == "critical"
    assert "last polled 2 h ago (every 300 s expected)" in box["detail"]
    with factory.begin() as s:
        s.query(MailAccount).update({"last_poll_at": real - timedelta(minutes=1)})
    out = cli("health", code=1)
    assert "[bold]connection refused[/bold]" in out  # the error as written, markup inert
    db.engine().dispose()
