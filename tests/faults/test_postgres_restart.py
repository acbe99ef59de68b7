"""PostgreSQL crashed (immediate shutdown) and restarted mid-run.

Tasks that hit the dead database retry; each e-mail's effects commit together or not at
all, so after the restart every alert counts once, budgets match their transactions, and
every alert is delivered. Alerts claimed for sending when the database died are handed
out again by the sweep.
"""

from __future__ import annotations

import time

import pytest

from tasks import jobs
from tests.faults.harness import (
    append_many,
    beat,
    fault_messages,
    finish,
    scaled,
    scenario_run,
    settle,
    status_counts,
    wait_delivered,
    wait_underway,
)

pytestmark = pytest.mark.integration

N = fault_messages()


def test_postgres_restarted_mid_run(monkeypatch, pg_server, redis_url, dovecot, smtp_sink, push_receiver, tmp_path):
    with scenario_run(monkeypatch, pg_server.url, redis_url, tmp_path, dovecot=dovecot, smtp=smtp_sink,
                      push=push_receiver, tag="pg", n=N) as (svc, sc):
        append_many(dovecot, "alice", sc.mails())
        jobs.poll_mailbox.delay(sc.account_id)

        wait_underway(svc, N)
        pg_server.kill()  # immediate shutdown: open transactions die, no checkpoint
        time.sleep(1.0)  # the outage (not an assertion)
        pg_server.start()
        left = status_counts(svc).get("pending", 0)
        assert left >= 20, f"only {left} e-mails were left to process when PostgreSQL died"
        with beat(sweep_every=1.0):
            settle(svc, N, timeout=scaled(120))
            wait_delivered(sc, smtp_sink, push_receiver, timeout=scaled(90))
        report = finish(sc, smtp_sink, push_receiver, "postgres restarted", pending_after_restart=left)
        assert report["duplicate_deliveries"] <= 2, report  # a send the dead database never marked
