"""Redis killed and restarted mid-run: every queued task message is lost.

The database holds the work: the sweep finds the e-mails still pending and the alerts
still due, and the run ends as if nothing had happened (nothing lost, nothing doubled).
"""

from __future__ import annotations

import time

import pytest

from tasks import jobs
from tests.faults.harness import (
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
    wait_underway,
)

pytestmark = pytest.mark.integration

N = fault_messages()


def test_redis_killed_mid_run(monkeypatch, pg_url, redis_server, dovecot, smtp_sink, push_receiver, tmp_path):
    # A prefork worker process, as deployed. On a lost Redis connection kombu sometimes
    # kills the worker ("Unrecoverable error: 'NoneType' object has no attribute
    # 'hostname'" while closing the channel: a kombu bug, seen about 1 run in 8 here, and
    # more often with the thread pool); docker-compose answers with `restart:
    # unless-stopped`, and so does this test (worker.revive), counting the restarts.
    with service_with_worker_process(monkeypatch, pg_url, redis_server.url, tmp_path, smtp_host=smtp_sink.host,
                                     smtp_port=str(smtp_sink.port), imap_cafile=str(dovecot.cafile),
                                     **FAST_RETRIES) as (svc, worker):
        sc = setup_scenario(svc, tag="redis", n=N, budgets=4, dovecot=dovecot, user="alice",
                            smtp=smtp_sink, push=push_receiver)
        append_many(dovecot, "alice", sc.mails())
        jobs.poll_mailbox.delay(sc.account_id)

        wait_underway(svc, N)
        redis_server.kill()
        lost = status_counts(svc).get("pending", 0)
        # The fault must hit queued work, or this test proves nothing.
        assert lost >= 20, f"only {lost} e-mails were still queued when Redis died"
        time.sleep(1.0)  # the outage (not an assertion)
        redis_server.start()
        with beat(sweep_every=1.0):
            settle(svc, N, timeout=scaled(90), kick=worker.revive)
            wait_delivered(sc, smtp_sink, push_receiver, timeout=scaled(60))
        report = finish(sc, smtp_sink, push_receiver, "redis killed", pending_when_killed=lost,
                        worker_restarts=worker.restarts)
        # A send cut off by a worker's death goes out again (at least once, section 3 of
        # docs/reliability.md); without a death, nothing is sent twice.
        assert report["duplicate_deliveries"] <= worker.restarts, report
