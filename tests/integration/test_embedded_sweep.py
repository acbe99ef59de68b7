"""The embedded default (no broker, no beat) retries too: `poll` and `watch` run the sweep.

Without it, an alert whose send failed (the SMTP server away for a minute) stayed pending
for good, and so did a mail a crash left pending: nothing on the embedded default retried.
"""

from __future__ import annotations

import threading
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, update

from models import Alert, Budget, BudgetPeriod, Outbox, RawEmail, User
from pipeline import db, ingest
from pipeline.budgets import message_id_for
from pipeline.commands import core
from tests.servers.smtp import SmtpSink
from tests.support.cli import cli_on

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 21, 16, 0, tzinfo=timezone.utc)
DEMO = Path(__file__).resolve().parents[2] / "pipeline" / "demo_emails"


@pytest.fixture
def cli(tmp_path, monkeypatch, smtp_sink: SmtpSink):
    for key, value in {"SMTP_HOST": smtp_sink.host, "SMTP_PORT": str(smtp_sink.port), "SMTP_TIMEOUT_S": "5",
                       "SMTP_FROM": "alerts@spendwatch.example",
                       "TRUSTED_AUTHSERV_IDS": "mx.spendwatch.demo"}.items():
        monkeypatch.setenv(f"SPENDWATCH_{key}", value)
    monkeypatch.delenv("SPENDWATCH_BROKER_URL", raising=False)
    yield from cli_on(None, tmp_path, monkeypatch, NOW)


def _alert_due_again(cli, budget_name: str = "Groceries") -> int:
    """An e-mail target and an alert message whose first send failed, due again now."""
    cli("notify", "add-email", "me@example.test")
    with db.session() as s:
        user = s.scalar(select(User))
        budget = Budget(user_id=user.id, name=budget_name, amount_minor=100_000, currency="OMR")
        s.add(budget)
        s.flush()
        bp = BudgetPeriod(budget_id=budget.id, start=date(2026, 11, 1), end=date(2026, 11, 30),
                          limit_minor=100_000, spent_minor=82_500)
        s.add(bp)
        s.flush()
        alert = Alert(budget_period_id=bp.id, threshold=80, percent=82, spent_minor=82_500)
        s.add(alert)
        s.flush()
        row = Outbox(alert_id=alert.id, target_id=1, message_id=message_id_for(alert.id, 1), attempts=1,
                     last_error="SMTP server unreachable",
                     next_attempt_at=datetime.now(timezone.utc) - timedelta(seconds=1))
        s.add(row)
        s.flush()
        return row.id


def _left_pending(name: str) -> int:
    """A stored demo alert left pending by a crash, older than the sweep's grace."""
    with db.session() as s:
        user = s.scalar(select(User))
        raw_id = ingest.store_raw(s, user_id=user.id, raw=(DEMO / name).read_bytes(), source="file")
        assert raw_id is not None
        s.execute(update(RawEmail).where(RawEmail.id == raw_id)
                  .values(created_at=datetime.now(timezone.utc) - timedelta(minutes=5)))
        return raw_id


def _status(model, row_id: int) -> str:
    with db.session() as s:
        return s.get(model, row_id).status


def test_poll_sends_again_what_failed_and_processes_what_was_left_pending(cli, smtp_sink: SmtpSink) -> None:
    cli("user", "create", "me@example.test")
    outbox_id = _alert_due_again(cli)
    raw_id = _left_pending("01-1101.eml")
    out = cli("poll")  # no mailbox at all: a cron'd poll still retries
    assert _status(Outbox, outbox_id) == "sent"
    assert len(smtp_sink.messages) == 1 and "Groceries" in smtp_sink.messages[0]["Subject"]
    assert _status(RawEmail, raw_id) == "transaction"
    assert "sweep: 1 pending e-mail(s) processed, 1 alert message(s)" in out
    # Nothing due any more: a second poll sends nothing twice and says nothing about a sweep.
    assert "sweep" not in cli("poll") and len(smtp_sink.messages) == 1


def test_a_send_that_fails_again_waits_for_its_next_try(cli, smtp_sink: SmtpSink) -> None:
    cli("user", "create", "me@example.test")
    outbox_id = _alert_due_again(cli)
    smtp_sink.stop()
    cli("poll")
    with db.session() as s:
        row = s.get(Outbox, outbox_id)
        assert (row.status, row.attempts) == ("pending", 2)
        assert row.next_attempt_at > datetime.now(timezone.utc)  # backed off, not retried in a loop


def test_watch_sweeps_every_round(cli, smtp_sink: SmtpSink) -> None:
    cli("user", "create", "me@example.test")
    stop = threading.Event()
    sweeper = threading.Thread(target=core.sweep_every, args=(stop, 0.05), daemon=True)
    sweeper.start()
    try:
        time.sleep(0.2)  # rounds with nothing to do
        outbox_id = _alert_due_again(cli, "Fuel")
        deadline = time.monotonic() + 10
        while _status(Outbox, outbox_id) != "sent" and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _status(Outbox, outbox_id) == "sent" and len(smtp_sink.messages) == 1
    finally:
        stop.set()
        sweeper.join(timeout=10)
    assert not sweeper.is_alive()
