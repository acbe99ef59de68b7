"""deliver() end to end for what an unattended install meets: push services that refuse or
hang, targets and users deleted while their alerts wait, and an internationalized sender.

SQLite and PostgreSQL, the real aiosmtpd sink and HTTP push receiver (fixtures of
test_deliver.py). Apprise returns False rather than raising: every refusal must still be
a retry, and no push token may reach last_error or a log line.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import delete, update

from models import NotifyTarget, Outbox, User
from pipeline.deliver import deliver
from tests.integration.test_deliver import (  # noqa: F401 - database_url and world are fixtures
    ADDRESS,
    PUSH_TOKEN,
    T0,
    World,
    database_url,
    world,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def hanging_endpoint() -> Iterator[int]:
    """An HTTP endpoint that reads the POST and never answers (within the test)."""
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            release.wait(20)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield int(server.server_address[1])
    release.set()
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("status", [400, 401, 404, 429, 500, 503])
def test_a_push_service_refusing_is_retried_and_the_token_stays_secret(
        world: World, caplog: pytest.LogCaptureFixture, status: int) -> None:  # noqa: F811
    caplog.set_level(logging.DEBUG)
    row_id = world.queue(world.add_alert(), world.push_target)
    world.push.fail_with, world.push.fail_times = status, 1
    assert deliver(world.factory, row_id, now=T0) == "pending"  # Apprise said False: not lost
    row = world.row(row_id)
    assert row.attempts == 1 and row.last_error and PUSH_TOKEN not in row.last_error
    # What the service answered, so `spendwatch health` tells a dead token from an outage.
    assert f"HTTP {status}" in row.last_error
    assert ("check the push URL and its token" in row.last_error) == (status in (400, 401, 404))
    assert deliver(world.factory, row_id, now=row.next_attempt_at) == "sent"
    assert len(world.push.received) == 1
    assert not [r.getMessage() for r in caplog.records if PUSH_TOKEN in r.getMessage()]


def test_a_push_endpoint_that_hangs_times_out_and_is_retried(
        world: World, hanging_endpoint: int, caplog: pytest.LogCaptureFixture) -> None:  # noqa: F811
    caplog.set_level(logging.DEBUG)
    target = world.add_target("apprise", f"json://127.0.0.1:{hanging_endpoint}/hooks/{PUSH_TOKEN}?rto=1")
    row_id = world.queue(world.add_alert(), target)
    started = time.monotonic()
    assert deliver(world.factory, row_id, now=T0) == "pending"
    assert time.monotonic() - started < 10  # the read timeout, not the endpoint, ends the send
    row = world.row(row_id)
    assert row.status == "pending" and PUSH_TOKEN not in (row.last_error or "x")
    assert "could not be reached" in (row.last_error or "")
    assert any(r.name == "apprise" for r in caplog.records)
    assert not [r.getMessage() for r in caplog.records if PUSH_TOKEN in r.getMessage()]


def test_an_alert_whose_target_was_deleted_is_dropped_quietly(world: World) -> None:  # noqa: F811
    alert = world.add_alert()
    mail_row, push_row = world.queue(alert, world.email_target), world.queue(alert, world.push_target)
    with world.factory.begin() as s:  # `spendwatch notify remove`: queued messages go with it
        s.delete(s.get(NotifyTarget, world.email_target))
    assert deliver(world.factory, mail_row, now=T0) == ""
    assert world.smtp.messages == []
    assert deliver(world.factory, push_row, now=T0) == "sent"  # the other target is not held up


def test_an_alert_whose_user_was_deleted_is_dropped_quietly(world: World) -> None:  # noqa: F811
    alert = world.add_alert()
    rows = [world.queue(alert, world.email_target), world.queue(alert, world.push_target)]
    with world.factory.begin() as s:
        s.execute(delete(User).where(User.id == world.user_id))
    for oid in rows:
        assert deliver(world.factory, oid, now=T0) == ""
    assert world.smtp.messages == [] and world.push.received == []
    with world.factory() as s:
        assert s.get(Outbox, rows[0]) is None


def test_an_alert_to_a_disabled_target_fails_for_good(world: World) -> None:  # noqa: F811
    row_id = world.queue(world.add_alert(), world.email_target)
    with world.factory.begin() as s:
        s.execute(update(NotifyTarget).where(NotifyTarget.id == world.email_target).values(enabled=False))
    assert deliver(world.factory, row_id, now=T0) == "failed"
    assert world.row(row_id).last_error == "notification target removed or disabled"
    assert world.smtp.messages == []


def test_a_sender_with_an_idn_domain_still_sends(world: World) -> None:  # noqa: F811
    """SPENDWATCH_SMTP_FROM="تنبيهات <alerts@مثال.example>": the Message-ID took the Unicode
    domain, the email package refused to write it, and every alert failed at once
    ("cannot build the alert e-mail (UnicodeEncodeError)")."""
    world.reconfigure(smtp_from="تنبيهات <alerts@مثال.example>")
    row_id = world.queue(world.add_alert(), world.email_target)
    assert deliver(world.factory, row_id, now=T0) == "sent", world.row(row_id).last_error
    msg = world.smtp.messages[0]
    assert world.smtp.envelopes == [("alerts@xn--mgbh0fb.example", [ADDRESS])]
    assert msg["From"].addresses[0].display_name == "تنبيهات"
    assert str(msg["Message-ID"]).endswith("@xn--mgbh0fb.example>") and str(msg["Message-ID"]).isascii()
    # Every retry carries that same Message-ID.
    world.smtp.clear()
    with world.factory.begin() as s:
        s.execute(update(Outbox).where(Outbox.id == row_id).values(status="pending"))
    assert deliver(world.factory, row_id, now=T0 + timedelta(minutes=1)) == "sent"
    assert world.smtp.messages[0]["Message-ID"] == msg["Message-ID"]
