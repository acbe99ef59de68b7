"""kill -9 of the worker's pool processes mid-batch, and a poison e-mail that kills every time.

A real prefork worker in its own process (tests/faults/poison_worker.py). Tasks are
acknowledged late and rejected when their process dies, so Redis hands them out again;
the attempt is counted before the work, so the poison e-mail is quarantined after
SPENDWATCH_MAX_ATTEMPTS attempts instead of killing pool processes forever.
"""

from __future__ import annotations

from email.utils import format_datetime

import pytest
from sqlalchemy import select

from models import RawEmail
from tasks import jobs
from tests.faults.harness import (
    DAY_START,
    FAST_RETRIES,
    append_many,
    beat,
    fault_messages,
    finish,
    scaled,
    service_with_worker_process,
    settle,
    setup_scenario,
    status_counts,
    wait_delivered,
)
from tests.faults.poison_worker import POISON_DOMAIN
from tests.support.service import wait_for

pytestmark = pytest.mark.integration

N = fault_messages()
KILLS = 3
MAX_ATTEMPTS = KILLS + 2  # a good e-mail hit by every kill still has an attempt left
POISON_ID = f"<poison-1@{POISON_DOMAIN}>"


def _poison() -> bytes:
    return (
        f"From: alerts@{POISON_DOMAIN}\r\nTo: customer@example.invalid\r\nSubject: Transaction\r\n"
        f"Date: {format_datetime(DAY_START)}\r\nMessage-ID: {POISON_ID}\r\n\r\n"
        "This message kills whoever parses it.\r\n"
    ).encode()


def test_pool_processes_killed_and_poison_quarantined(monkeypatch, pg_url, redis_url, dovecot, smtp_sink,
                                                      push_receiver, tmp_path):
    settings = {**FAST_RETRIES, "max_attempts": str(MAX_ATTEMPTS),
                # Lost work comes back through Redis here; the sweep only reclaims killed sends.
                "sweep_grace_s": "600", "sweep_sending_timeout_s": "8"}
    with service_with_worker_process(monkeypatch, pg_url, redis_url, tmp_path, smtp_host=smtp_sink.host,
                                     smtp_port=str(smtp_sink.port), imap_cafile=str(dovecot.cafile),
                                     **settings) as (svc, worker):
        sc = setup_scenario(svc, tag="crash", n=N, budgets=4, dovecot=dovecot, user="alice",
                            smtp=smtp_sink, push=push_receiver, sender_filter=[POISON_DOMAIN])
        half = N // 2
        append_many(dovecot, "alice", [*sc.mails(0, half), _poison(), *sc.mails(half)])
        jobs.poll_mailbox.delay(sc.account_id)
        with beat(sweep_every=1.0):
            killed_pending = []
            for k in range(KILLS):
                target = 25 * (k + 1)

                def processed(t: int = target) -> bool:
                    return status_counts(svc).get("transaction", 0) >= t

                wait_for(processed, 60, f"{target} alerts processed")
                pending = status_counts(svc).get("pending", 0)
                assert pending > 0, "the batch was over before the kill: it proves nothing"
                killed_pending.append(pending)
                worker.kill_child()
                wait_for(worker.ready, 30, "a new pool process")
            settle(svc, N + 1, timeout=scaled(120))
            wait_delivered(sc, smtp_sink, push_receiver, timeout=scaled(60))
        with svc.session() as s:
            poison = s.scalar(select(RawEmail).where(RawEmail.message_id == POISON_ID))
            retried = s.scalar(select(RawEmail.id).where(RawEmail.attempts > 1, RawEmail.message_id != POISON_ID)
                               .limit(1))
        assert poison is not None and poison.status == "failed", poison and poison.status
        assert poison.attempts == MAX_ATTEMPTS and "quarantined" in (poison.reason or ""), poison.reason
        report = finish(sc, smtp_sink, push_receiver, "kill -9 pool processes + poison", others={"failed": 1},
                        kills=KILLS, poison_attempts=poison.attempts, good_mail_retried=retried is not None)
        # A process killed after its send and before marking it sent: that alert goes out again.
        assert report["duplicate_deliveries"] <= KILLS, report
