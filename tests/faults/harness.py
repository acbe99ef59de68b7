"""Shared helpers for the fault, security and fuzz tests: counts and the pipeline's invariants.

Every check reads the database (the source of truth), never a counter kept by the test.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import func, select

from models import Alert, Outbox, RawEmail, Transaction
from pipeline import budgets
from tests.support.service import Service, wait_for


def now() -> datetime:
    return datetime.now(timezone.utc)


def status_counts(svc: Service) -> dict[str, int]:
    with svc.session() as s:
        return dict(s.execute(select(RawEmail.status, func.count()).group_by(RawEmail.status)).all())


def settle(svc: Service, expected_raw: int, timeout: float = 90, kick: Any = None) -> dict[str, int]:
    """Wait until ``expected_raw`` e-mails are stored and none is pending; ``kick`` is called while waiting."""

    def done() -> dict[str, int] | None:
        c = status_counts(svc)
        if sum(c.values()) >= expected_raw and c.get("pending", 0) == 0:
            return c
        if kick is not None:
            kick()
        return None

    return wait_for(done, timeout, f"{expected_raw} processed e-mails (now {status_counts(svc)})")


def outbox_counts(svc: Service) -> dict[str, int]:
    with svc.session() as s:
        return dict(s.execute(select(Outbox.status, func.count()).group_by(Outbox.status)).all())


def check_invariants(svc: Service, *, expected_transactions: int | None = None) -> dict[str, int]:
    """The invariants of issue 5 on the stored data; returns the figures for the report."""
    with svc.session() as s:
        txns = s.scalars(select(Transaction)).all()
        raw_ids = [t.raw_email_id for t in txns]
        assert len(raw_ids) == len(set(raw_ids)), "a stored e-mail counted twice"
        fps = Counter((t.user_id, t.message_id, t.fingerprint) for t in txns if t.message_id)
        assert all(n == 1 for n in fps.values()), "one alert (Message-ID + fingerprint) counted twice"
        alerts = s.execute(select(Alert.budget_period_id, Alert.threshold)).all()
        assert len(alerts) == len(set(alerts)), "two alert records for one (period, threshold)"
        drift = budgets.verify(s)
        assert drift == [], f"budget drift: {drift}"
        pending = s.scalar(select(func.count()).select_from(RawEmail).where(RawEmail.status == "pending"))
        assert pending == 0
    if expected_transactions is not None:
        assert len(txns) == expected_transactions, (len(txns), expected_transactions)
    return {"transactions": len(txns), "alerts": len(alerts)}
