"""The batch step's one INSERT of its transactions (process_batch._insert_transactions): each
object gets its own row's id, and a field left unset gets the column's default, as the
session's flush gave it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import RawEmail, Transaction, User
from pipeline import process_batch
from tests.support import budget_db

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite", "postgresql"], name="factory")
def _factory(request: Any, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    yield from budget_db.sessions(budget_db.database_url(request, tmp_path))


def test_ids_by_row_and_defaults_for_unset_fields(factory: sessionmaker[Session]) -> None:
    now = datetime(2026, 12, 2, 10, tzinfo=timezone.utc)
    with factory.begin() as s:
        user = User(email="batch@example.test", timezone="Asia/Muscat")
        s.add(user)
        s.flush()
        raws = [RawEmail(user_id=user.id, source="test", sha256=f"{i:064x}", size=1, raw=b"x", status="pending",
                         created_at=now) for i in range(5)]
        s.add_all(raws)
        s.flush()
        # Built in an order unlike the rows' (the answer's order must not matter).
        txns = [Transaction(user_id=user.id, raw_email_id=raw.id, amount_minor=1000 * (k + 1), currency="OMR",
                            direction="debit", kind="card_purchase", occurred_at=now, fingerprint=f"fp{k}")
                for k, raw in enumerate(reversed(raws))]
        txns[0].is_transfer = True  # set: kept
        process_batch._insert_transactions(s, txns)
        assert all(t.id is not None for t in txns) and len({t.id for t in txns}) == 5
    with factory() as s:
        by_id = {t.id: t for t in s.scalars(select(Transaction))}
    for txn in txns:
        row = by_id[txn.id]
        assert (row.raw_email_id, row.amount_minor) == (txn.raw_email_id, txn.amount_minor)
        assert row.category_source == "default" and row.needs_review is False and row.excluded is False
        assert row.created_at is not None
    assert by_id[txns[0].id].is_transfer is True and by_id[txns[1].id].is_transfer is False
