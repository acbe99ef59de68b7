"""Pipeline health: is the unattended worker doing its job? Read from the database alone.

Nobody watches the worker, so the questions an admin (or an uptime monitor) asks are
answered from what the pipeline leaves in the database, which stays true whatever
process died:

- backlog: stored e-mails still pending long after the sweep should have handed them out
  again (the worker is down, stuck, or far behind);
- mailboxes: an enabled mailbox not polled for three poll intervals (beat or the watcher
  is down: new alerts are not being read), or whose last poll failed (wrong password,
  server away: the error says which);
- outbox: alerts due but not sent long after their time (the worker is down), stuck in
  'sending', waiting to be sent again after a failed send (the SMTP server or push service
  is refusing, a key is missing: the last error says which), or given up on recently;
- e-mails that failed recently (quarantined, unreadable): an alert may be among them.

Levels follow the monitoring-plugin convention: ok, warning (look at it soon), critical
(alerts are not being read or sent now). ``check`` is pure over a ``Snapshot`` so every
rule is tested without a clock or a database; ``snapshot`` is the only query.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import MailAccount, Outbox, RawEmail, RawStatus
from models.tables import OutboxStatus
from pipeline import config, sweep

# Pending for this long means nobody is processing: the sweep hands pending mail out again
# every minute after a 60 s grace, and a batch takes seconds.
BACKLOG_WARNING = timedelta(minutes=10)
BACKLOG_CRITICAL = timedelta(minutes=30)
# An alert due this long ago and still not sent: the worker is not delivering.
OUTBOX_LATE = timedelta(minutes=15)
# A mailbox not polled for this many of its intervals (and at least STALE_MIN) is not read.
STALE_INTERVALS = 3
STALE_MIN = timedelta(minutes=15)
# Failures this recent are reported; older ones were seen (or are in `spendwatch status`).
RECENT = timedelta(hours=24)


class Level(enum.IntEnum):
    OK = 0
    WARNING = 1
    CRITICAL = 2

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Mailbox:
    id: int
    name: str
    poll_interval_s: int
    created_at: datetime
    last_poll_at: datetime | None
    last_error: str | None
    refused_polls: int = 0  # polls in a row refused for a reason only the user can fix: polled less often


@dataclass(frozen=True)
class Snapshot:
    """What the checks read, taken at ``now``."""

    now: datetime
    pending: int
    oldest_pending_at: datetime | None
    failed_recent: int
    mailboxes: list[Mailbox]
    outbox_late: int
    oldest_late_at: datetime | None
    outbox_sending_stuck: int
    outbox_failed_recent: int
    outbox_retrying: int = 0  # pending again after a failed send
    retry_error: str | None = None  # the last error of the most recently tried of those
    failed_error: str | None = None  # the error of the most recently given up of outbox_failed_recent


@dataclass(frozen=True)
class Check:
    kind: str  # backlog, mailboxes, outbox, failed e-mails: all an unauthenticated caller sees
    name: str
    level: Level
    detail: str


@dataclass(frozen=True)
class Report:
    checks: list[Check] = field(default_factory=list)

    @property
    def level(self) -> Level:
        return max((c.level for c in self.checks), default=Level.OK)


def _backoff(box: Mailbox) -> str:
    """What a run of refused polls does to the schedule, and the way out; '' when there is none."""
    if box.refused_polls <= 0:
        return ""
    every = int(sweep.poll_every(box.poll_interval_s, box.refused_polls).total_seconds())
    wait = f"{every // 3600} h" if every >= 3600 else f"{every // 60} min" if every >= 60 else f"{every} s"
    return (f" ({box.refused_polls} in a row: polled every {wait} until the mailbox is changed, "
            "e.g. `spendwatch mailbox set-password`)")


def _age(now: datetime, then: datetime) -> str:
    s = int((now - _utc(then)).total_seconds())
    if s < 120:
        return f"{s} s"
    if s < 2 * 3600:
        return f"{s // 60} min"
    if s < 2 * 86400:
        return f"{s // 3600} h"
    return f"{s // 86400} days"


def _utc(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)  # SQLite returns naive UTC


def check(snap: Snapshot) -> Report:
    """The checks, in the order an admin reads them; pure."""
    now = snap.now
    checks: list[Check] = []

    if snap.oldest_pending_at is None:
        checks.append(Check("backlog", "backlog", Level.OK, "no e-mail waiting to be processed"))
    else:
        waited = now - _utc(snap.oldest_pending_at)
        level = Level.CRITICAL if waited >= BACKLOG_CRITICAL else Level.WARNING if waited >= BACKLOG_WARNING else Level.OK
        detail = f"{snap.pending:,} e-mail(s) waiting to be processed, the oldest for {_age(now, snap.oldest_pending_at)}"
        if level > Level.OK:
            detail += ": is the worker running? (`celery -A tasks.app worker`, or Flower's worker list)"
        checks.append(Check("backlog", "backlog", level, detail))

    enabled = snap.mailboxes
    if not enabled:
        checks.append(Check("mailboxes", "mailboxes", Level.WARNING, "no enabled mailbox: no alert is being read "
                                                       "(`spendwatch mailbox add`)"))
    for box in enabled:
        name = f"mailbox #{box.id} {box.name}"
        stale = max(STALE_MIN, timedelta(seconds=STALE_INTERVALS * max(box.poll_interval_s, 1)))
        since = box.last_poll_at or box.created_at
        if now - _utc(since) >= stale:
            when = f"last polled {_age(now, box.last_poll_at)} ago" if box.last_poll_at else (
                f"never polled, added {_age(now, box.created_at)} ago")
            # A failing mailbox (a changed password) goes stale too: its error says more than
            # "is beat running?", which alone sent the admin to the wrong place.
            cause = (f"the last attempt failed: {box.last_error}{_backoff(box)}" if box.last_error else
                     "are beat and the worker (or `spendwatch watch`) running?")
            checks.append(Check("mailboxes", name, Level.CRITICAL,
                                f"{when} (every {box.poll_interval_s} s expected): {cause}"))
        elif box.last_error:
            checks.append(Check("mailboxes", name, Level.WARNING, f"last poll failed: {box.last_error}{_backoff(box)}"))
        else:
            checks.append(Check("mailboxes", name, Level.OK, f"polled {_age(now, box.last_poll_at)} ago" if box.last_poll_at
                                else "not polled yet"))

    out_checks: list[Check] = []
    if snap.outbox_late and snap.oldest_late_at is not None:
        out_checks.append(Check("outbox", "outbox", Level.CRITICAL, (
            f"{snap.outbox_late:,} alert message(s) due but not sent, the oldest due {_age(now, snap.oldest_late_at)} "
            "ago: is the worker running?")))
    if snap.outbox_sending_stuck:
        out_checks.append(Check("outbox", "outbox", Level.WARNING, (
            f"{snap.outbox_sending_stuck:,} alert message(s) stuck in 'sending' (a worker died mid-send): "
            "the sweep hands them out again; if this stays, is beat running?")))
    if snap.outbox_retrying:
        out_checks.append(Check("outbox", "outbox", Level.WARNING, (
            f"{snap.outbox_retrying:,} alert message(s) waiting to be sent again after a failed send"
            + (f", the latest: {snap.retry_error}" if snap.retry_error else ""))))
    if snap.outbox_failed_recent:
        # The reason is shown here: no command lists an outbox row's last_error
        # (`spendwatch notify list` shows the targets, `spendwatch status` counts by status).
        out_checks.append(Check("outbox", "outbox", Level.WARNING, (
            f"{snap.outbox_failed_recent:,} alert message(s) given up on in the last 24 h"
            + (f", the latest: {snap.failed_error}" if snap.failed_error else "")
            + ": check the SMTP settings or the target (`spendwatch notify list`)")))
    checks += out_checks or [Check("outbox", "outbox", Level.OK, "every alert due was sent")]

    if snap.failed_recent:
        checks.append(Check("failed e-mails", "failed e-mails", Level.WARNING, (
            f"{snap.failed_recent:,} e-mail(s) failed in the last 24 h (an alert may be among them): "
            "`spendwatch status`, then `spendwatch reprocess --status failed` after a fix")))
    else:
        checks.append(Check("failed e-mails", "failed e-mails", Level.OK, "none in the last 24 h"))
    return Report(checks)


def snapshot(s: Session, sending_timeout: timedelta | None = None, now: datetime | None = None) -> Snapshot:
    """The figures ``check`` reads: a handful of counts on the status indexes.

    ``sending_timeout``: the sweep's (SPENDWATCH_SWEEP_SENDING_TIMEOUT_S by default); a row
    in 'sending' for twice that was not reclaimed by the sweep. ``now``: the real time by
    default, never SPENDWATCH_CLOCK: the times compared with it (stored, polled, due) are
    recorded in real time, and a frozen clock made a healthy service look days behind.
    """
    now = now or datetime.now(timezone.utc)
    if sending_timeout is None:
        sending_timeout = timedelta(seconds=config.get().sweep_sending_timeout_s)
    pending, oldest = s.execute(
        select(func.count(), func.min(RawEmail.created_at)).where(RawEmail.status == RawStatus.PENDING.value)
    ).one()
    # A mail too big to fetch is stored failed at once, without a processed_at.
    failed = s.scalar(select(func.count()).where(
        RawEmail.status == RawStatus.FAILED.value,
        func.coalesce(RawEmail.processed_at, RawEmail.created_at) >= now - RECENT))
    boxes = [Mailbox(i, n, every, created, last, err, refused or 0)
             for i, n, every, created, last, err, refused in s.execute(
        select(MailAccount.id, MailAccount.name, MailAccount.poll_interval_s, MailAccount.created_at,
               MailAccount.last_poll_at, MailAccount.last_error, MailAccount.refused_polls)
        .where(MailAccount.enabled.is_(True)).order_by(MailAccount.id))]
    late, oldest_late = s.execute(
        select(func.count(), func.min(Outbox.next_attempt_at))
        .where(Outbox.status == OutboxStatus.PENDING.value, Outbox.next_attempt_at < now - OUTBOX_LATE)
    ).one()
    stuck = s.scalar(select(func.count()).where(
        Outbox.status == OutboxStatus.SENDING.value, Outbox.claimed_at < now - 2 * sending_timeout))
    gave_up = s.scalar(select(func.count()).where(  # claimed_at: the last attempt, the one that gave up
        Outbox.status == OutboxStatus.FAILED.value,
        func.coalesce(Outbox.claimed_at, Outbox.created_at) >= now - RECENT))
    retrying = s.scalar(select(func.count()).where(Outbox.status == OutboxStatus.PENDING.value, Outbox.attempts > 0))
    retry_error = s.scalar(select(Outbox.last_error).where(
        Outbox.status == OutboxStatus.PENDING.value, Outbox.attempts > 0)
        .order_by(Outbox.claimed_at.desc(), Outbox.id.desc()).limit(1)) if retrying else None
    failed_error = s.scalar(select(Outbox.last_error).where(
        Outbox.status == OutboxStatus.FAILED.value,
        func.coalesce(Outbox.claimed_at, Outbox.created_at) >= now - RECENT)
        .order_by(func.coalesce(Outbox.claimed_at, Outbox.created_at).desc(), Outbox.id.desc())
        .limit(1)) if gave_up else None
    return Snapshot(now, int(pending or 0), oldest, int(failed or 0), boxes, int(late or 0), oldest_late,
                    int(stuck or 0), int(gave_up or 0), int(retrying or 0), retry_error, failed_error)
