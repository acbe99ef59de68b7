"""Dovecot killed while the watcher IDLEs, and again while it fetches: nothing missed.

`spendwatch watch` (pipeline/watch.py) holds an IDLE connection; after each reconnect it
catches up by UID from the stored cursor. The mailbox's poll interval is an hour, so
only IDLE and the catch-ups can bring the mail in.
"""

from __future__ import annotations

import threading

import pytest

from pipeline.mailbox import Mailbox
from pipeline.watch import watch_all
from tasks import jobs
from tests.faults.harness import (
    BASE_MESSAGES,
    append_many,
    beat,
    fault_messages,
    finish,
    scaled,
    scenario_run,
    settle,
    stored_message_ids,
    wait_delivered,
)
from tests.support.service import wait_for

pytestmark = pytest.mark.integration

# IDLE wake-up; after a kill during IDLE; a kill during the fetch (60, 60, 80 in make test)
WAVES = tuple(w * fault_messages() // BASE_MESSAGES for w in (60, 60, 80))
N = sum(WAVES)


def test_dovecot_killed_during_idle(monkeypatch, pg_url, redis_url, dovecot, smtp_sink, push_receiver, tmp_path):
    idling = threading.Event()  # set while the watcher waits in IDLE (a spy: behaviour unchanged)
    idle_wait = Mailbox.idle_wait

    def spy(self: Mailbox, timeout_s: float) -> bool:
        idling.set()
        try:
            return idle_wait(self, timeout_s)
        finally:
            idling.clear()

    monkeypatch.setattr(Mailbox, "idle_wait", spy)
    with scenario_run(monkeypatch, pg_url, redis_url, tmp_path, dovecot=dovecot, smtp=smtp_sink, push=push_receiver,
                      tag="idle", n=N, user="bob", box={"poll_interval_s": 3600}, fetch_batch="10") as (svc, sc):
        stop = threading.Event()
        threads = watch_all(svc.factory, jobs.enqueue_process, stop=stop, cafile=str(dovecot.cafile))
        stored = lambda: len(stored_message_ids(svc, sc.account_id))  # noqa: E731
        a, b, _ = WAVES
        try:
            with beat(sweep_every=1.0):
                wait_for(idling.is_set, 20, "the watcher in IDLE")
                append_many(dovecot, "bob", sc.mails(0, a))
                wait_for(lambda: stored() == a and idling.is_set(), scaled(30), "wave 1 through IDLE, then IDLE again")

                dovecot.kill()  # while the watcher idles
                dovecot.start()
                append_many(dovecot, "bob", sc.mails(a, a + b))
                wait_for(lambda: stored() == a + b, scaled(40), "wave 2 caught up after the reconnect")

                wait_for(idling.is_set, 20, "the watcher back in IDLE")
                append_many(dovecot, "bob", sc.mails(a + b))
                wait_for(lambda: stored() >= a + b + 10, 30, "wave 3 fetch underway")
                mid_fetch = stored() < N
                dovecot.kill()  # most likely between two batches of ten
                dovecot.start()
                wait_for(lambda: stored() == N, scaled(40), "wave 3 caught up after the reconnect")

                settle(svc, N, timeout=scaled(90))
                wait_delivered(sc, smtp_sink, push_receiver, timeout=scaled(60))
        finally:
            stop.set()
            for t in threads:
                t.join(timeout=40)
        assert not any(t.is_alive() for t in threads)
        report = finish(sc, smtp_sink, push_receiver, "dovecot killed during IDLE", killed_mid_fetch=mid_fetch)
        assert report["duplicate_deliveries"] == 0, report
