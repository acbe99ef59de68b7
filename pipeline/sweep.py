"""Sweep (beat): find work stuck in the database and hand it out again.

Redis carries only ids; if it loses every message, this finds the work again in the
database: raw e-mails still pending, outbox rows due, rows a dead worker left claimed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from models import BatchAttempt, MailAccount, Outbox, RawEmail, RawStatus
from models.tables import OutboxStatus
from pipeline import config, deliver

BATCH_ATTEMPTS_KEPT = timedelta(days=1)


@dataclass
class Work:
    raw_email_ids: list[int]
    outbox_ids: list[int]


def find_work(
    factory: sessionmaker[Session],
    now: datetime | None = None,
    pending_grace: timedelta | None = None,
    sending_timeout: timedelta | None = None,
    limit: int = 1000,
) -> Work:
    """``pending_grace`` and ``sending_timeout`` default to SPENDWATCH_SWEEP_GRACE_S and
    SPENDWATCH_SWEEP_SENDING_TIMEOUT_S (60 s and 10 min)."""
    now = now or datetime.now(timezone.utc)
    settings = config.get()
    if pending_grace is None:
        pending_grace = timedelta(seconds=settings.sweep_grace_s)
    if sending_timeout is None:
        sending_timeout = timedelta(seconds=settings.sweep_sending_timeout_s)
    with factory.begin() as s:
        # A worker that died between claiming and marking sent leaves 'sending' behind: back
        # to pending, or failed when that claim was the row's last attempt (a send that kills
        # the worker every time must not be retried forever).
        deliver.reclaim_stuck(s, now, sending_timeout, settings.max_delivery_attempts)
        # What dead batches left (a finished batch deletes its own row): a day is far past any
        # retry of the same set; a later batch of those mails just counts as a first try again.
        s.execute(delete(BatchAttempt).where(BatchAttempt.created_at < now - BATCH_ATTEMPTS_KEPT))
        raw_ids = s.scalars(
            select(RawEmail.id)
            .where(RawEmail.status == RawStatus.PENDING.value, RawEmail.created_at < now - pending_grace)
            .order_by(RawEmail.id)
            .limit(limit)
        ).all()
        outbox_ids = s.scalars(
            select(Outbox.id)
            .where(Outbox.status == OutboxStatus.PENDING.value, Outbox.next_attempt_at <= now)
            .order_by(Outbox.id)
            .limit(limit)
        ).all()
    return Work(list(raw_ids), list(outbox_ids))


# A mailbox whose polls keep ending in an error only the user can fix (login refused after a
# password change, a folder gone, a certificate not trusted) is polled less and less often:
# every 5 min that was about 290 refused logins a day, enough for Office 365 or Gmail to lock
# the account. 1 min after the first, doubling, at most 6 h; an edit of the mailbox (API PATCH,
# `mailbox set-password`, `mailbox enable`) resets it, and `spendwatch poll` asks at once.
REFUSED_BACKOFF_S = 60
REFUSED_BACKOFF_MAX_S = 6 * 3600


def poll_every(interval_s: int, refused_polls: int) -> timedelta:
    """How long after its last poll a mailbox is due again."""
    if refused_polls <= 0:
        return timedelta(seconds=interval_s)
    backoff = min(REFUSED_BACKOFF_S * 2 ** min(refused_polls - 1, 20), REFUSED_BACKOFF_MAX_S)
    return timedelta(seconds=max(interval_s, backoff))


def mailboxes_due(factory: sessionmaker[Session], now: datetime | None = None) -> list[int]:
    now = now or datetime.now(timezone.utc)
    with factory() as s:
        rows = s.execute(
            select(MailAccount.id, MailAccount.last_poll_at, MailAccount.poll_interval_s,
                   MailAccount.refused_polls).where(MailAccount.enabled.is_(True))
        ).all()
    return [i for i, last, every, refused in rows
            if last is None or _utc(last) + poll_every(every, refused or 0) <= now]


def _utc(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)  # SQLite hands back naive UTC


__all__ = ["Work", "find_work", "mailboxes_due", "poll_every"]
