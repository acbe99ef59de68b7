"""pipeline.health.check: the rules over a snapshot, without a clock or a database."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from pipeline.health import BACKLOG_CRITICAL, BACKLOG_WARNING, OUTBOX_LATE, Level, Mailbox, Snapshot, check

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)


def box(**kw: object) -> Mailbox:
    base = Mailbox(id=1, name="work", poll_interval_s=300, created_at=NOW - timedelta(days=3),
                   last_poll_at=NOW - timedelta(minutes=2), last_error=None)
    return replace(base, **kw)  # type: ignore[arg-type]


HEALTHY = Snapshot(now=NOW, pending=0, oldest_pending_at=None, failed_recent=0, mailboxes=[box()], outbox_late=0,
                   oldest_late_at=None, outbox_sending_stuck=0, outbox_failed_recent=0)


def levels(snap: Snapshot) -> dict[str, Level]:
    return {c.name: c.level for c in check(snap).checks}


def test_a_healthy_pipeline_is_ok_in_every_check():
    report = check(HEALTHY)
    assert report.level is Level.OK
    assert set(levels(HEALTHY)) == {"backlog", "mailbox #1 work", "outbox", "failed e-mails"}
    assert all(c.level is Level.OK for c in report.checks)


@pytest.mark.parametrize(("waited", "level"), [
    (timedelta(minutes=2), Level.OK),  # the sweep's grace and a batch: normal
    (BACKLOG_WARNING - timedelta(seconds=1), Level.OK),
    (BACKLOG_WARNING, Level.WARNING),
    (BACKLOG_CRITICAL - timedelta(seconds=1), Level.WARNING),
    (BACKLOG_CRITICAL, Level.CRITICAL),
])
def test_the_backlog_is_judged_by_how_long_the_oldest_pending_mail_waited(waited, level):
    snap = replace(HEALTHY, pending=1234, oldest_pending_at=NOW - waited)
    (c,) = [c for c in check(snap).checks if c.kind == "backlog"]
    assert c.level is level
    assert "1,234 e-mail(s) waiting" in c.detail
    assert ("worker running" in c.detail) is (level > Level.OK)
    assert check(snap).level is level


def test_naive_times_from_sqlite_are_read_as_utc():
    snap = replace(HEALTHY, pending=1, oldest_pending_at=(NOW - BACKLOG_CRITICAL).replace(tzinfo=None))
    assert check(snap).level is Level.CRITICAL


def test_a_mailbox_not_polled_for_three_intervals_is_critical_and_says_why():
    stale = box(poll_interval_s=600, last_poll_at=NOW - timedelta(minutes=31))
    fresh = box(id=2, name="home", poll_interval_s=600, last_poll_at=NOW - timedelta(minutes=29))
    got = levels(replace(HEALTHY, mailboxes=[stale, fresh]))
    assert got == {"backlog": Level.OK, "mailbox #1 work": Level.CRITICAL, "mailbox #2 home": Level.OK,
                   "outbox": Level.OK, "failed e-mails": Level.OK}
    (c,) = [c for c in check(replace(HEALTHY, mailboxes=[stale])).checks if c.name == "mailbox #1 work"]
    assert "last polled 31 min ago" in c.detail and "beat" in c.detail


def test_a_short_interval_still_allows_fifteen_minutes():
    # 3 x 60 s would call a mailbox dead after three minutes of a busy worker: 15 min at least.
    got = levels(replace(HEALTHY, mailboxes=[box(poll_interval_s=60, last_poll_at=NOW - timedelta(minutes=14))]))
    assert got["mailbox #1 work"] is Level.OK
    got = levels(replace(HEALTHY, mailboxes=[box(poll_interval_s=60, last_poll_at=NOW - timedelta(minutes=15))]))
    assert got["mailbox #1 work"] is Level.CRITICAL


def test_a_mailbox_never_polled_counts_from_when_it_was_added():
    new = box(last_poll_at=None, created_at=NOW - timedelta(minutes=1))
    assert levels(replace(HEALTHY, mailboxes=[new]))["mailbox #1 work"] is Level.OK
    old = box(last_poll_at=None, created_at=NOW - timedelta(hours=5))
    (c,) = [c for c in check(replace(HEALTHY, mailboxes=[old])).checks if c.kind == "mailboxes"]
    assert c.level is Level.CRITICAL and "never polled, added 5 h ago" in c.detail


def test_a_failed_last_poll_is_a_warning_with_the_error():
    bad = box(last_error="login refused by imap.example.test (check the password)")
    (c,) = [c for c in check(replace(HEALTHY, mailboxes=[bad])).checks if c.kind == "mailboxes"]
    assert c.level is Level.WARNING and "login refused" in c.detail


def test_a_stale_mailbox_that_kept_failing_says_why_instead_of_blaming_beat():
    # The watcher (or a changed password) fails on and on: stale, and the error is the reason.
    bad = box(last_poll_at=NOW - timedelta(hours=2), last_error="login refused by imap.example.test")
    (c,) = [c for c in check(replace(HEALTHY, mailboxes=[bad])).checks if c.kind == "mailboxes"]
    assert c.level is Level.CRITICAL and "last polled 2 h ago" in c.detail
    assert "the last attempt failed: login refused" in c.detail and "beat" not in c.detail


def test_no_enabled_mailbox_is_a_warning():
    (c,) = [c for c in check(replace(HEALTHY, mailboxes=[])).checks if c.kind == "mailboxes"]
    assert c.level is Level.WARNING and "mailbox add" in c.detail


def test_outbox_late_is_critical_stuck_and_given_up_are_warnings():
    late = replace(HEALTHY, outbox_late=3, oldest_late_at=NOW - OUTBOX_LATE - timedelta(minutes=5))
    assert check(late).level is Level.CRITICAL
    assert "3 alert message(s) due but not sent" in [c for c in check(late).checks if c.kind == "outbox"][0].detail
    assert check(replace(HEALTHY, outbox_sending_stuck=1)).level is Level.WARNING
    gave_up = check(replace(HEALTHY, outbox_failed_recent=2))
    assert gave_up.level is Level.WARNING
    assert [c.detail for c in gave_up.checks if c.kind == "outbox"] == [
        "2 alert message(s) given up on in the last 24 h: check the SMTP settings or the target (`spendwatch notify list`)"]


def test_alerts_given_up_on_show_the_latest_error():
    # No command lists an outbox row's last_error: the reason has to be in this line, as for
    # the ones waiting for another try (it used to send the admin to `spendwatch notify list`,
    # which shows the targets only).
    report = check(replace(HEALTHY, outbox_failed_recent=1, failed_error="SMTP smtp.example.test: 550 (permanent)"))
    assert [c.detail for c in report.checks if c.kind == "outbox"] == [
        "1 alert message(s) given up on in the last 24 h, the latest: SMTP smtp.example.test: 550 (permanent): "
        "check the SMTP settings or the target (`spendwatch notify list`)"]


def test_recent_failed_mails_are_a_warning():
    report = check(replace(HEALTHY, failed_recent=4))
    assert report.level is Level.WARNING
    assert "4 e-mail(s) failed in the last 24 h" in [c.detail for c in report.checks if c.kind == "failed e-mails"][0]


def test_the_overall_level_is_the_worst_check():
    snap = replace(HEALTHY, failed_recent=1, mailboxes=[box(last_poll_at=NOW - timedelta(hours=2))])
    assert check(snap).level is Level.CRITICAL
    assert [int(lv) for lv in (Level.OK, Level.WARNING, Level.CRITICAL)] == [0, 1, 2]  # the exit codes


def test_alerts_waiting_for_another_try_are_a_warning_with_the_latest_error():
    report = check(replace(HEALTHY, outbox_retrying=2, retry_error="SMTP 451 try again later"))
    assert report.level is Level.WARNING
    assert [c.detail for c in report.checks if c.kind == "outbox"] == [
        "2 alert message(s) waiting to be sent again after a failed send, the latest: SMTP 451 try again later"]
