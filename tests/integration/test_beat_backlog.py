"""Beat keeps ticking while no worker runs (a crash, a deploy, Redis full of other work).

Every tick is a message in Redis. Without an expiry, a worker coming back after ten minutes
ran all twenty schedule_polls (twenty IMAP logins per mailbox in a burst: enough for a
provider to throttle or lock the account) and all ten sweeps. A tick older than its own
period has been replaced by a newer one, so it is dropped: one of each runs.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import redis
from celery import beat

from pipeline import db, fetch, sweep
from tests.support.service import Service, service_database, wait_for

pytestmark = pytest.mark.integration


def test_beat_ticks_queued_while_no_worker_ran_are_not_all_run(monkeypatch, pg_url, redis_url, tmp_path):
    from celery.contrib.testing.worker import start_worker

    from tasks import jobs  # noqa: F401 - registers the tasks
    from tasks.app import app

    with service_database(monkeypatch, pg_url, redis_url, tmp_path):
        svc = Service(db.session_factory(), "")
        user = svc.add_user()
        svc.add_mailbox(user, host="imap.invalid", port=993, username="u", password="p")  # due: never polled
        polls: list[int] = []
        sweeps: list[int] = []

        def fake_poll(factory: Any, account_id: int, **kw: Any) -> None:
            polls.append(account_id)

        def fake_find_work(factory: Any) -> sweep.Work:
            sweeps.append(1)
            return sweep.Work([], [])

        monkeypatch.setattr(fetch, "poll", fake_poll)
        monkeypatch.setattr(sweep, "find_work", fake_find_work)

        # Ten minutes of beat with no worker: its real entries, sent as beat sends them.
        scheduler = beat.Scheduler(app=app, lazy=True)
        scheduler.setup_schedule()
        real_now = app.now
        for age in range(570, -1, -30):
            monkeypatch.setattr(app, "now", lambda age=age: real_now() - timedelta(seconds=age))
            scheduler.apply_async(scheduler.schedule["schedule-polls"], advance=False)
            if age % 60 == 0:
                scheduler.apply_async(scheduler.schedule["sweep"], advance=False)
        monkeypatch.setattr(app, "now", real_now)
        broker = redis.Redis.from_url(redis_url)
        assert broker.llen("spendwatch") == 20 + 10

        with start_worker(app, pool="threads", concurrency=2, perform_ping_check=False, loglevel="WARNING",
                          shutdown_timeout=30):
            wait_for(lambda: polls and broker.llen("spendwatch") == 0 and not broker.hlen("unacked"), 30,
                     "the queue drained")
        assert len(polls) == 1, f"{len(polls)} polls of one mailbox after the outage"
        assert len(sweeps) == 1, f"{len(sweeps)} sweeps after the outage"
