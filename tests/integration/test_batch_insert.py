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


def _raw_row(user_id: int, k: int, **extra: Any) -> dict[str, Any]:
    return {"user_id": user_id, "source": "imap", "folder": "INBOX", "uidvalidity": 7, "uid": k,
            "sha256": f"{k:064x}", "size": 3, "raw": b"a\x00\xff" if k % 2 else b"", "truncated": False,
            "status": "pending", "received_at": datetime(2026, 12, 2, 10, tzinfo=timezone.utc), **extra}


def test_insert_rows_stores_every_value_fills_defaults_and_skips_conflicts(factory: sessionmaker[Session]) -> None:
    """pipeline.db.insert_rows (on PostgreSQL: one array per column): bytes, NULLs, text with
    quotes and percent signs arrive as given; a left-out column gets its default; a row whose
    unique key is taken is skipped and missing from the answer."""
    from pipeline import db

    table = RawEmail.__table__
    with factory.begin() as s:
        user = User(email="rows@example.test", timezone="Asia/Muscat")
        s.add(user)
        s.flush()
        uid = user.id
        odd = "O'Brien 100% \"quoted\" \\ {braces}, commas; <tags> \u0645\u0633\u0642\u0637"
        rows = [_raw_row(uid, k, subject=odd if k == 2 else None, message_id=None) for k in range(1, 5)]
        got = db.insert_rows(s, table, rows, (table.c.uid, table.c.id), on_conflict_do_nothing=True)  # type: ignore[arg-type]
        assert sorted(u for u, _ in got) == [1, 2, 3, 4]
        again = [_raw_row(uid, 3), _raw_row(uid, 9)]  # uid 3: its IMAP identity is taken
        got2 = db.insert_rows(s, table, again, (table.c.uid, table.c.id), on_conflict_do_nothing=True)  # type: ignore[arg-type]
        assert [u for u, _ in got2] == [9]
    with factory() as s:
        stored = {r.uid: r for r in s.scalars(select(RawEmail).where(RawEmail.user_id == uid))}
    assert sorted(stored) == [1, 2, 3, 4, 9]
    assert stored[1].raw == b"a\x00\xff" and stored[2].raw == b"" and stored[2].subject == odd
    assert stored[1].subject is None and stored[1].message_id is None
    assert all(r.attempts == 0 for r in stored.values())  # left out: the column's default
    assert stored[1].received_at == datetime(2026, 12, 2, 10, tzinfo=timezone.utc)


@pytest.fixture(name="pg_factory")
def _pg_factory(pg_url: str) -> Iterator[sessionmaker[Session]]:
    yield from budget_db.sessions(budget_db.fresh_database(pg_url))  # SQLite enforces no lengths


def test_insert_rows_keeps_the_column_checks_and_hides_the_values(pg_factory: sessionmaker[Session]) -> None:
    """On PostgreSQL, too long for its column is refused, as a plain INSERT refuses it (the
    arrays' cast must not cut it short), and the error names no value: it goes to logs and
    task results."""
    factory = pg_factory
    from sqlalchemy.exc import DBAPIError, StatementError

    from pipeline import db

    table = RawEmail.__table__
    with factory() as s:
        user = User(email="long@example.test", timezone="Asia/Muscat")
        s.add(user)
        s.flush()
        secret = "account-number-" + "9" * 400  # the column holds 320
        with pytest.raises((DBAPIError, StatementError)) as caught:
            db.insert_rows(s, table, [_raw_row(user.id, 1, sender=secret)], (table.c.id,))  # type: ignore[arg-type]
        s.rollback()
    assert "too long" in str(caught.value)
    assert secret not in str(caught.value)
