"""Deliver step: one outbox row (alert x target), claimed once, sent, marked.

The claim is one conditional UPDATE (healthchecks' flip): pending and due -> sending.
Whoever changes the row sends; everyone else finds nothing to do. Transient errors go
back to pending with exponential backoff; permanent ones, and too many attempts, fail.
A worker that dies after claiming leaves `sending`; `reclaim_stuck` (the sweep) returns
it to pending, and the deterministic Message-ID lets mail clients collapse the rare
double send that follows. Every claim counts an attempt, and no path sends more than
SPENDWATCH_MAX_DELIVERY_ATTEMPTS times: a stuck row with no attempts left is marked
failed instead of pending (a send that kills the worker every time is not retried
forever), and claim() refuses, and fails, a row whose attempts are used up.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import CursorResult, String, cast, literal, select, update
from sqlalchemy.orm import Session, sessionmaker

from models import Alert, Budget, BudgetPeriod, NotifyTarget, Outbox, Transaction, User, from_minor
from models.tables import OutboxStatus
from pipeline import budgets, config, periods, secrets
from pipeline.notify import AlertMessage, NotifyError, transport_for
from pipeline.notify.render import clean_name, isolate, one_line, render_alert, shorten

logger = logging.getLogger(__name__)

BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)


class DeliverError(RuntimeError):
    """An outbox row whose alert, period or budget is gone (a bug or a manual delete)."""


def backoff(attempts: int, base: timedelta = BACKOFF_BASE) -> timedelta:
    """30 s, 1 min, 2 min, ... capped at 1 h: the wait after the n-th failed attempt."""
    exp = min(max(0, attempts - 1), 20)  # 2**20 * 30 s is far past the cap; no huge ints
    return min(BACKOFF_CAP, base * 2**exp)


def _money(minor: int, currency: str) -> str:
    # Thousands separators: "JPY 1260000" and "USD 126000.00" were hard to read at a glance.
    return f"{currency} {from_minor(minor, currency):,}"


# A phone shows about 40 characters of a notification title (ntfy cuts at 200): the name is
# shortened in the subject so the figures after it are still seen. Text and HTML keep 200.
SUBJECT_NAME_CHARS = 40


def _carry_note(limit_minor: int, carried_minor: int, cur: str) -> str:
    """Why the limit shown differs from the budget amount (rollover), or ''."""
    if carried_minor > 0:
        return f"{_money(limit_minor, cur)} budget + {_money(carried_minor, cur)} carried over"
    if carried_minor < 0:
        return f"{_money(limit_minor, cur)} budget - {_money(-carried_minor, cur)} overspent before"
    return ""


def message_for(s: Session, row: Outbox, today_at: datetime | None = None) -> AlertMessage:
    """The rendered alert of one outbox row. ``today_at`` defaults to the service clock."""
    alert = s.get(Alert, row.alert_id)
    bp = s.get(BudgetPeriod, alert.budget_period_id) if alert else None
    budget = s.get(Budget, bp.budget_id) if bp else None
    user = s.get(User, budget.user_id) if budget else None
    if alert is None or bp is None or budget is None or user is None:
        raise DeliverError(f"outbox {row.id}: its alert, budget period or budget is gone")
    cur = budget.currency
    # The effective limit (budget amount + rollover carry) everywhere, as recorded with the
    # alert: it is what the thresholds and the stored percent were computed against.
    limit_minor, carried_minor = budgets.recorded_limit(alert, bp)
    limit = limit_minor + carried_minor
    # A limit of 0, or a carry that overspends it entirely: any spend is over budget and a
    # percent means nothing ("5.000 of 0.000 spent (100%)", "of OMR -20.000").
    no_limit = limit <= 0
    # Exactly at the mark the text says "at", not "past" (100% with 0.000 left is not over).
    at_mark = limit > 0 and alert.spent_minor * 100 == alert.threshold * limit
    today = periods.local_day(today_at or config.now(), user.timezone)
    period = periods.Period(bp.start, bp.end)
    txn = s.get(Transaction, alert.transaction_id) if alert.transaction_id else None
    name = clean_name(budget.name)[:200]
    over = _money(alert.spent_minor - limit, cur)
    context: dict[str, Any] = {
        "budget": name,
        "spent": _money(alert.spent_minor, cur),
        "limit": _money(limit, cur),
        "carry_note": _carry_note(limit_minor, carried_minor, cur),
        "no_limit": no_limit,
        "mark": "at" if at_mark else "past",
        "percent": alert.percent,
        "threshold": alert.threshold,
        "remaining": _money(max(0, limit - alert.spent_minor), cur),
        "remaining_negative": alert.spent_minor > limit,
        "over": over,
        "start": bp.start.isoformat(),
        "end": bp.end.isoformat(),
        # A period that has not started yet (a bank clock ahead across the boundary) speaks
        # as the current one: its days left are its length, not "41 days" of a 31-day month.
        "days_left": min(period.days_left(today), period.length_days),
        "txn": None,
    }
    if txn is not None:
        merchant = txn.display_name or txn.merchant or txn.counterparty or "an unnamed merchant"
        context["txn"] = {
            "amount": _money(txn.amount_minor, txn.currency),
            "merchant": clean_name(merchant)[:120],
            "when": txn.occurred_at.astimezone(periods.ZoneInfo(user.timezone)).strftime("%d %b %Y %H:%M"),
        }
    text, html = render_alert(context)
    short = isolate(shorten(name, SUBJECT_NAME_CHARS))
    if no_limit:
        subject = f"{short}: over budget by {over}"
    else:
        # "passed" even exactly at the mark: tests/faults/harness.py parses push titles with
        # "(passed N%)"; the text and HTML say "at the N% mark" there.
        subject = f"{short}: {alert.percent}% of budget spent (passed {alert.threshold}%)"
    return AlertMessage(
        subject=one_line(subject)[:250],
        text=text,
        html=html,
        message_id=row.message_id,  # fixed when the row was written (budgets.message_id_for)
        headers={"X-Spendwatch-Alert": str(alert.id)},
    )


def claim(factory: sessionmaker[Session], outbox_id: int, now: datetime,
          max_attempts: int | None = None) -> bool:
    """pending and due -> sending, in one statement: True for exactly one caller.

    A row whose attempts are used up (``max_attempts``, SPENDWATCH_MAX_DELIVERY_ATTEMPTS by
    default) is never claimed: it is marked failed instead, and False is returned."""
    return _claim(factory, outbox_id, now, max_attempts) == OutboxStatus.SENDING.value


def _claim(factory: sessionmaker[Session], outbox_id: int, now: datetime, max_attempts: int | None) -> str:
    """'sending' when this caller claimed the row, 'failed' when it refused a due row with no
    attempts left (and marked it failed), '' otherwise (held elsewhere, done, or not due)."""
    limit = config.get().max_delivery_attempts if max_attempts is None else max_attempts
    due = (Outbox.id == outbox_id, Outbox.status == OutboxStatus.PENDING.value, Outbox.next_attempt_at <= now)
    with factory.begin() as s:
        result: CursorResult[Any] = s.execute(  # type: ignore[assignment]
            update(Outbox)
            .where(*due, Outbox.attempts < limit)
            .values(status=OutboxStatus.SENDING.value, claimed_at=now, attempts=Outbox.attempts + 1)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:
            return OutboxStatus.SENDING.value
        # Due but out of attempts (the limit was lowered, or a row reclaimed before the limit
        # was enforced there): fail it here, in one conditional statement too, never send it.
        refused: CursorResult[Any] = s.execute(  # type: ignore[assignment]
            update(Outbox)
            .where(*due, Outbox.attempts >= limit)
            .values(status=OutboxStatus.FAILED.value,
                    last_error=_text(f"no delivery attempts left ({{n}} used, at most {limit}); not sent"))
            .execution_options(synchronize_session=False)
        )
    if refused.rowcount == 1:
        logger.warning("outbox %s: no delivery attempts left (at most %s); failed, not sent", outbox_id, limit,
                       extra={"outbox_id": outbox_id})
        return OutboxStatus.FAILED.value
    return ""


def _text(template: str) -> Any:
    """SQL text for last_error: ``template`` with ``{n}`` replaced by the row's attempts."""
    before, after = template.split("{n}")
    return literal(before, String) + cast(Outbox.attempts, String) + literal(after, String)


def deliver(factory: sessionmaker[Session], outbox_id: int, now: datetime | None = None) -> str:
    """Claim, send, mark. Returns the row's new status ('' when it was not ours to send:
    someone else holds it, it is done, or it is not due yet)."""
    now = now or datetime.now(timezone.utc)
    settings = config.get()
    claimed = _claim(factory, outbox_id, now, settings.max_delivery_attempts)
    if claimed != OutboxStatus.SENDING.value:
        if not claimed:
            logger.debug("outbox %s: not pending or not due; nothing to do", outbox_id)
        return claimed
    kind = "?"
    try:
        with factory() as s:
            row = s.get(Outbox, outbox_id)
            target = s.get(NotifyTarget, row.target_id) if row else None
            if row is None or target is None or not target.enabled:
                raise NotifyError("notification target removed or disabled", permanent=True)
            kind = target.kind
            message = message_for(s, row)
            try:
                address = secrets.decrypt(target.address_enc)
            except secrets.SecretError as exc:
                # A key set-up mistake (a rotation that dropped the old key too soon, a worker
                # with another key) that the admin fixes: retried with backoff like a server
                # that is down, so the alert still goes out once the key is back.
                raise NotifyError(str(exc), permanent=False) from exc
        transport_for(kind).send(message, address)
    except NotifyError as exc:
        return _finish(factory, outbox_id, str(exc), exc.permanent, settings, now)
    except DeliverError as exc:
        return _finish(factory, outbox_id, str(exc), True, settings, now)
    except Exception as exc:  # noqa: BLE001 - a bug: recorded and retried, never lost
        # Only the class: the message or traceback of an unknown error may quote the address.
        return _finish(factory, outbox_id, f"unexpected {type(exc).__name__} in the {kind} transport",
                       False, settings, now)
    with factory.begin() as s:
        s.execute(
            update(Outbox).where(Outbox.id == outbox_id)
            .values(status=OutboxStatus.SENT.value, sent_at=datetime.now(timezone.utc), last_error=None)
            .execution_options(synchronize_session=False)
        )
    logger.info("outbox %s sent (%s)", outbox_id, kind, extra={"outbox_id": outbox_id})
    return OutboxStatus.SENT.value


def _finish(factory: sessionmaker[Session], outbox_id: int, error: str, permanent: bool,
            settings: config.Settings, now: datetime) -> str:
    with factory.begin() as s:
        row = s.get(Outbox, outbox_id)
        if row is None:  # deleted meanwhile (alert or target removed): nothing to mark
            return ""
        give_up = permanent or row.attempts >= settings.max_delivery_attempts
        row.status = OutboxStatus.FAILED.value if give_up else OutboxStatus.PENDING.value
        row.last_error = error[:1000]
        if not give_up:
            row.next_attempt_at = now + backoff(row.attempts, timedelta(seconds=settings.retry_backoff_s))
        status, attempts = row.status, row.attempts
    logger.warning("outbox %s: %s (attempt %s, %s)", outbox_id, error, attempts,
                   "gave up" if give_up else "will retry", extra={"outbox_id": outbox_id})
    return status


def due_outbox_ids(s: Session, now: datetime, limit: int = 1000) -> list[int]:
    """Pending rows whose next attempt is due, oldest first."""
    return list(s.scalars(
        select(Outbox.id)
        .where(Outbox.status == OutboxStatus.PENDING.value, Outbox.next_attempt_at <= now)
        .order_by(Outbox.next_attempt_at, Outbox.id)
        .limit(limit)
    ))


def reclaim_stuck(s: Session, now: datetime, older_than: timedelta = timedelta(minutes=10),
                  max_attempts: int | None = None) -> int:
    """Rows left in 'sending' by a worker that died after claiming go back to pending, due
    now, or to failed when that claim was their last attempt (``max_attempts``,
    SPENDWATCH_MAX_DELIVERY_ATTEMPTS by default): a send that kills the worker every time
    is tried that many times, not forever.

    ``older_than`` must exceed the longest send (SMTP timeout included), or a slow but
    live send is sent twice. The caller commits. Returns how many rows left 'sending'
    (put back or failed).
    """
    limit = config.get().max_delivery_attempts if max_attempts is None else max_attempts
    stuck = (Outbox.status == OutboxStatus.SENDING.value, Outbox.claimed_at < now - older_than)
    failed = list(s.scalars(
        update(Outbox)
        .where(*stuck, Outbox.attempts >= limit)
        .values(status=OutboxStatus.FAILED.value,
                last_error=_text(f"the worker stopped during the send of attempt {{n}} (at most {limit}); "
                                 "not retried"))
        .returning(Outbox.id)
        .execution_options(synchronize_session=False)
    ))
    for outbox_id in failed:
        logger.warning("outbox %s: the worker stopped during its last send attempt; failed, not retried",
                       outbox_id, extra={"outbox_id": outbox_id})
    result: CursorResult[Any] = s.execute(  # type: ignore[assignment]
        update(Outbox)
        .where(*stuck, Outbox.attempts < limit)
        .values(status=OutboxStatus.PENDING.value, next_attempt_at=now)
        .execution_options(synchronize_session=False)
    )
    return len(failed) + int(result.rowcount)


def next_attempt(factory: sessionmaker[Session], outbox_id: int) -> datetime | None:
    with factory() as s:
        return s.scalar(select(Outbox.next_attempt_at).where(Outbox.id == outbox_id))
