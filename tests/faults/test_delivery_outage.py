"""SMTP server and push receiver down for a while, then back: every alert delivered after.

Each target is retried on its own: while the push receiver is still down, the e-mails
of the same alerts go out; then the pushes follow. No alert is sent twice.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models import NotifyTarget, Outbox
from tasks import jobs
from tests.faults.harness import (
    append_many,
    beat,
    fault_messages,
    finish,
    outbox_counts,
    scaled,
    scenario_run,
    settle,
)
from tests.support.service import wait_for

pytestmark = pytest.mark.integration

N = fault_messages()


def _by_kind(svc) -> dict[tuple[str, str], int]:
    with svc.session() as s:
        rows = s.execute(
            select(NotifyTarget.kind, Outbox.status, func.count())
            .join(NotifyTarget, NotifyTarget.id == Outbox.target_id)
            .group_by(NotifyTarget.kind, Outbox.status)
        ).all()
    return {(kind, status): n for kind, status, n in rows}


def _all_tried(svc) -> bool:
    with svc.session() as s:
        return s.scalar(select(func.count()).select_from(Outbox).where(Outbox.attempts < 1)) == 0


def test_smtp_and_push_down_then_back(monkeypatch, pg_url, redis_url, dovecot, smtp_sink, push_receiver, tmp_path):
    with scenario_run(monkeypatch, pg_url, redis_url, tmp_path, dovecot=dovecot, smtp=smtp_sink, push=push_receiver,
                      tag="outage", n=N) as (svc, sc):
        smtp_sink.stop()
        push_receiver.stop()
        append_many(dovecot, "alice", sc.mails())
        jobs.poll_mailbox.delay(sc.account_id)
        with beat():
            settle(svc, N, timeout=scaled(90))
            rows = sum(outbox_counts(svc).values())
            assert rows == 2 * len(sc.expected_alerts())
            # Every row was tried (and failed) during the outage; none was given up.
            wait_for(lambda: _all_tried(svc), scaled(60), "a first attempt of every alert")
            by_kind = _by_kind(svc)
            assert not any(status in {"sent", "failed"} for _, status in by_kind), by_kind

            smtp_sink.start()
            # The e-mail rows go out on their own while every push is still failing.
            wait_for(lambda: _by_kind(svc).get(("email", "sent"), 0) == rows // 2, scaled(60), "every e-mail sent")
            by_kind = _by_kind(svc)
            assert not any(kind == "apprise" and status in {"sent", "failed"} for kind, status in by_kind), by_kind
            assert len(push_receiver.received) == 0

            push_receiver.start()
            wait_for(lambda: outbox_counts(svc) == {"sent": rows}, scaled(60), f"every push sent ({outbox_counts(svc)})")
        report = finish(sc, smtp_sink, push_receiver, "smtp+push outage")
        assert report["duplicate_deliveries"] == 0, report
