"""Two pollers (two beats) on one mailbox at the same time: one poll at a time, nothing doubled.

First a deterministic overlap: while one poll is between two batches, a second poll of
the same mailbox must step aside. Then two poller threads and poll tasks on the worker
hammer the mailbox while alerts keep arriving; no poll ever fetches a message another
poll already stored (the unique keys are only the backstop: a double fetch would show up
as a duplicate in the poll reports).
"""

from __future__ import annotations

import threading

import pytest

from pipeline import fetch
from pipeline.fetch import PollReport
from tasks import jobs
from tests.faults.harness import (
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

N = fault_messages()
WAVES = 4


def test_two_pollers_one_mailbox(monkeypatch, pg_url, redis_url, dovecot, smtp_sink, push_receiver, tmp_path):
    with scenario_run(monkeypatch, pg_url, redis_url, tmp_path, dovecot=dovecot, smtp=smtp_sink, push=push_receiver,
                      tag="pollers", n=N, fetch_batch="10") as (svc, sc):
        wave = N // WAVES
        append_many(dovecot, "alice", sc.mails(0, wave))

        # 1. Deterministic overlap: poll B starts while poll A sits between two batches.
        second: list[PollReport] = []

        def poll_b_in_between(done: int, total: int) -> None:
            if not second:
                t = threading.Thread(target=lambda: second.append(fetch.poll(svc.factory, sc.account_id)))
                t.start()
                t.join(timeout=60)

        first = fetch.poll(svc.factory, sc.account_id, on_stored=jobs.enqueue_process, progress=poll_b_in_between)
        assert len(second) == 1 and second[0].skipped == "another poll of this mailbox is running", second
        assert second[0].seen == 0 and not second[0].stored
        assert len(first.stored) == wave and first.duplicates == 0

        # 2. Two pollers in a loop (and poll tasks on the worker) while the other waves arrive.
        reports: list[PollReport] = []
        stop = threading.Event()

        def poller() -> None:
            while not stop.wait(0.01):
                reports.append(fetch.poll(svc.factory, sc.account_id, on_stored=jobs.enqueue_process))

        threads = [threading.Thread(target=poller, name=f"poller-{k}") for k in range(2)]
        for t in threads:
            t.start()
        try:
            with beat(sweep_every=1.0, poll=[sc.account_id]):
                for k in range(1, WAVES):
                    append_many(dovecot, "alice", sc.mails(k * wave, (k + 1) * wave))
                wait_for(lambda: len(stored_message_ids(svc, sc.account_id)) >= N, scaled(60), "every alert stored")
                stop.set()
                for t in threads:
                    t.join(timeout=60)
                settle(svc, N, timeout=scaled(90))
                wait_delivered(sc, smtp_sink, push_receiver, timeout=scaled(60))
        finally:
            stop.set()
        assert not any(t.is_alive() for t in threads)
        ran = [r for r in reports if r.skipped is None]
        assert sum(r.duplicates for r in reports) == 0, "two polls fetched the same message"
        assert not [r.errors for r in reports if r.errors]
        stepped_aside = sum(1 for r in reports if r.skipped)
        report = finish(sc, smtp_sink, push_receiver, "two pollers", polls=len(ran), polls_stepped_aside=stepped_aside)
        assert report["duplicate_deliveries"] == 0, report
