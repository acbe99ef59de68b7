"""No delivery path sends an alert more than SPENDWATCH_MAX_DELIVERY_ATTEMPTS times.

A send that kills the worker never reaches the attempt check of a finished send: the
row stays 'sending' and the sweep reclaims it. These tests claim a row and let the
"worker" die (no send, no mark), then sweep, on SQLite and on PostgreSQL (the fixtures of
test_deliver.py). Also: an alert that cannot be built into an e-mail fails at once.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from models import Outbox
from pipeline import sweep
from pipeline.deliver import claim, deliver, reclaim_stuck
from pipeline.notify import email as email_transport
from tests.integration.test_deliver import (  # noqa: F401 - database_url and world are fixtures
    ADDRESS,
    T0,
    World,
    database_url,
    world,
)

pytestmark = pytest.mark.integration

TIMEOUT = timedelta(minutes=10)  # SPENDWATCH_SWEEP_SENDING_TIMEOUT_S, the default


def test_a_send_that_kills_the_worker_every_time_fails_after_max_attempts(world: World) -> None:  # noqa: F811
    world.reconfigure(max_delivery_attempts="3")
    row_id = world.queue(world.add_alert(), world.email_target)
    now = T0
    for attempt in (1, 2, 3):
        assert claim(world.factory, row_id, now)  # a worker claims, then dies mid-send
        now += timedelta(minutes=11)
        work = sweep.find_work(world.factory, now=now)
        row = world.row(row_id)
        assert row.attempts == attempt
        if attempt < 3:
            assert row.status == "pending" and row_id in work.outbox_ids  # handed out again
    assert row.status == "failed" and row_id not in work.outbox_ids
    assert row.last_error == "the worker stopped during the send of attempt 3 (at most 3); not retried"

    # Nothing sends it any more: not a late task, not the next sweep, not a direct claim.
    assert deliver(world.factory, row_id, now=now) == ""
    assert not claim(world.factory, row_id, now)
    assert row_id not in sweep.find_work(world.factory, now=now + timedelta(hours=1)).outbox_ids
    assert world.smtp.messages == []
    row = world.row(row_id)
    assert (row.status, row.attempts) == ("failed", 3)


def test_transient_failures_and_worker_deaths_share_one_attempt_count(world: World) -> None:  # noqa: F811
    world.reconfigure(max_delivery_attempts="3")
    row_id = world.queue(world.add_alert(), world.email_target)
    world.smtp.stop()
    assert deliver(world.factory, row_id, now=T0) == "pending"  # attempt 1: server down
    assert deliver(world.factory, row_id, now=T0 + timedelta(seconds=30)) == "pending"  # attempt 2
    world.smtp.start()
    claimed_at = T0 + timedelta(minutes=2)
    assert claim(world.factory, row_id, claimed_at)  # attempt 3, the last: the worker dies
    with world.factory.begin() as s:
        assert reclaim_stuck(s, claimed_at + timedelta(minutes=5), older_than=TIMEOUT) == 0  # maybe still sending
    with world.factory.begin() as s:
        assert reclaim_stuck(s, claimed_at + timedelta(minutes=11), older_than=TIMEOUT) == 1
    row = world.row(row_id)
    assert (row.status, row.attempts) == ("failed", 3)
    assert "worker stopped" in (row.last_error or "")
    assert deliver(world.factory, row_id, now=claimed_at + timedelta(hours=1)) == ""
    assert world.smtp.messages == []


def test_a_stuck_row_with_attempts_left_still_goes_back_to_pending(world: World) -> None:  # noqa: F811
    """At least once is kept: a death before the last attempt is retried, and sent."""
    world.reconfigure(max_delivery_attempts="2")
    row_id = world.queue(world.add_alert(), world.email_target)
    assert claim(world.factory, row_id, T0)
    with world.factory.begin() as s:
        assert reclaim_stuck(s, T0 + timedelta(minutes=11), older_than=TIMEOUT) == 1
    assert world.row(row_id).status == "pending"
    assert deliver(world.factory, row_id, now=T0 + timedelta(minutes=11)) == "sent"
    assert len(world.smtp.messages) == 1 and world.row(row_id).attempts == 2


def test_claim_refuses_and_fails_a_due_row_with_no_attempts_left(world: World) -> None:  # noqa: F811
    """A pending row that has used its attempts (the limit was lowered, or it was reclaimed
    before the limit was enforced there) is failed at its claim, not sent."""
    world.reconfigure(max_delivery_attempts="3")
    row_id = world.queue(world.add_alert(), world.email_target)
    with world.factory.begin() as s:
        s.execute(update(Outbox).where(Outbox.id == row_id).values(attempts=10))
    assert deliver(world.factory, row_id, now=T0) == "failed"
    assert world.smtp.messages == []
    row = world.row(row_id)
    assert (row.status, row.attempts) == ("failed", 10)
    assert row.last_error == "no delivery attempts left (10 used, at most 3); not sent"

    other = world.queue(world.add_alert(threshold=100, spent=100_000), world.email_target)
    with world.factory.begin() as s:
        s.execute(update(Outbox).where(Outbox.id == other).values(attempts=3))
    assert not claim(world.factory, other, T0)
    assert world.row(other).status == "failed"
    # A row not yet due, or held by a worker, is left alone.
    later = world.queue(world.add_alert(threshold=50, spent=50_000), world.email_target)
    with world.factory.begin() as s:
        s.execute(update(Outbox).where(Outbox.id == later).values(attempts=3, next_attempt_at=T0 + timedelta(hours=1)))
    assert deliver(world.factory, later, now=T0) == ""
    assert world.row(later).status == "pending"


def test_an_alert_that_cannot_be_built_into_an_email_fails_at_once(world: World) -> None:  # noqa: F811
    # A line break in the address: the email package refuses the To header (ValueError) on
    # every attempt, so retrying (about 60 times over 2.5 days) cannot help.
    bad = world.add_target("email", ADDRESS + "\nBcc: thief@evil.test")
    alert = world.add_alert()
    mail_row, good_row = world.queue(alert, bad), world.queue(alert, world.email_target)
    assert deliver(world.factory, mail_row, now=T0) == "failed"
    row = world.row(mail_row)
    assert (row.status, row.attempts) == ("failed", 1)
    assert row.last_error == "cannot build the alert e-mail (ValueError); not retried"
    assert world.smtp.messages == []
    assert deliver(world.factory, good_row, now=T0) == "sent"  # the other target is not held up
    assert len(world.smtp.messages) == 1 and world.smtp.envelopes[0][1] == [ADDRESS]


def test_a_value_error_while_sending_stays_transient(world: World, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    def broken_connect(self: email_transport.SmtpTransport) -> None:
        raise ValueError("a transport bug, not the alert's content")

    monkeypatch.setattr(email_transport.SmtpTransport, "_connect", broken_connect)
    row_id = world.queue(world.add_alert(), world.email_target)
    assert deliver(world.factory, row_id, now=T0) == "pending"
    assert world.row(row_id).last_error == "unexpected ValueError in the email transport"


def test_a_target_no_configured_key_reads_is_retried_until_the_key_is_back(world: World) -> None:  # noqa: F811
    # A rotation that dropped the old key too soon: a set-up mistake the admin fixes. The
    # alert waits (with backoff, its error recorded) instead of failing for good at once.
    from cryptography.fernet import Fernet

    old = world.env["secret_key"]
    row_id = world.queue(world.add_alert(), world.email_target)  # its target written with `old`
    world.reconfigure(secret_key=Fernet.generate_key().decode())
    assert deliver(world.factory, row_id, now=T0) == "pending"
    row = world.row(row_id)
    assert row.attempts == 1 and "cannot decrypt a stored secret" in (row.last_error or "")
    assert world.smtp.messages == []
    world.reconfigure(secret_key=f"{world.env['secret_key']},{old}")  # the old key back, second
    assert deliver(world.factory, row_id, now=row.next_attempt_at) == "sent"
    assert len(world.smtp.messages) == 1
