"""Thin tasks: ids in, logic in pipeline/. The file is a table of contents.

Tasks take ids only: never a password, a URL with a token, or mail content.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import IntegrityError, OperationalError

from pipeline import config, db, deliver, fetch, process, sweep
from pipeline.mailbox import MailboxError
from pipeline.process_batch import process_many
from tasks.app import app

logger = logging.getLogger(__name__)
RETRY = {"max_retries": 8, "retry_backoff": True, "retry_backoff_max": 600, "retry_jitter": True}


@app.task(name="spendwatch.poll_mailbox", autoretry_for=(MailboxError, OperationalError), **RETRY)
def poll_mailbox(account_id: int) -> None:
    fetch.poll(db.session_factory(), account_id, on_stored=enqueue_process)


# IntegrityError: a twin of this alert was committed meanwhile; the retry marks it duplicate.
@app.task(name="spendwatch.process_email", autoretry_for=(OperationalError, IntegrityError), **RETRY)
def process_email(raw_email_id: int) -> None:
    outcome = process.process(db.session_factory(), raw_email_id)
    enqueue_deliveries(outcome.outbox_ids)


# Many mails at once (a first sync, a busy mailbox): the same results with far fewer round trips.
@app.task(name="spendwatch.process_batch", autoretry_for=(OperationalError, IntegrityError), **RETRY)
def process_batch(raw_email_ids: list[int]) -> None:
    outcome = process_many(db.session_factory(), raw_email_ids)
    enqueue_deliveries(outcome.outbox_ids)


@app.task(name="spendwatch.deliver_outbox", autoretry_for=(OperationalError,), **RETRY)
def deliver_outbox(outbox_id: int) -> None:
    status = deliver.deliver(db.session_factory(), outbox_id)
    if status == "pending" and not app.conf.task_always_eager:
        # Transient failure: the row holds its own next attempt time. (In process, the
        # sweep retries instead of looping here.)
        eta = deliver.next_attempt(db.session_factory(), outbox_id)
        deliver_outbox.apply_async((outbox_id,), eta=eta)


@app.task(name="spendwatch.sweep")
def sweep_stuck() -> None:
    work = sweep.find_work(db.session_factory())
    enqueue_process(work.raw_email_ids)
    enqueue_deliveries(work.outbox_ids)


@app.task(name="spendwatch.schedule_polls")
def schedule_polls() -> None:
    for account_id in sweep.mailboxes_due(db.session_factory()):
        poll_mailbox.delay(account_id)


def enqueue_process(raw_ids: list[int]) -> None:
    """One task for a single mail (the IDLE case), one per batch of up to SPENDWATCH_FETCH_BATCH
    otherwise: the fetch's batches, so the one setting bounds the memory of both."""
    if len(raw_ids) == 1:
        process_email.delay(raw_ids[0])
        return
    size = batch_size()
    for i in range(0, len(raw_ids), size):
        process_batch.delay(raw_ids[i : i + size])


def batch_size() -> int:
    """Mails per process task: big enough to share the round trips, small enough to retry cheaply."""
    return config.get().fetch_batch


def enqueue_deliveries(outbox_ids: list[int]) -> None:
    for oid in outbox_ids:
        deliver_outbox.delay(oid)
