"""Writing every stored secret again with the newest key (`spendwatch secrets rotate`).

Every ``*_enc`` column of models/tables.py holds a Fernet token (pipeline.secrets). A
column is walked in id order, one batch per short transaction that holds the batch's row
locks (SELECT ... FOR UPDATE on PostgreSQL): a worker that writes one of those rows waits
for one batch at most, and never the other way round for longer. Each row is written with
a conditional UPDATE (still the token that was read), so a secret changed meanwhile is
never overwritten with its old value, on SQLite too, which has no row locks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, CursorResult, Table, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from models import Base
from pipeline.secrets import Rotation, SecretError

logger = logging.getLogger(__name__)

# A row rewritten by someone else between our read and our write is read again and
# retried; under the batch's locks that happens once at most, so this bound is never met
# in practice and only stops a loop that should not exist.
_MAX_TRIES = 5


@dataclass(frozen=True)
class SecretColumn:
    table: str
    column: str

    def columns(self) -> tuple[Table, Column[Any], Column[Any]]:
        table = Base.metadata.tables[self.table]
        return table, table.c.id, table.c[self.column]


@dataclass
class ColumnReport:
    """What one pass over a column did (or, in a dry run, would do)."""

    secret: SecretColumn
    rows: int = 0  # rows holding a token
    changed: int = 0  # written again with the newest key (dry run: would be)
    undecryptable: list[int] = field(default_factory=list)  # ids of rows no configured key reads
    contended: list[int] = field(default_factory=list)  # ids rewritten by another writer too often

    @property
    def current(self) -> int:
        return self.rows - self.changed - len(self.undecryptable) - len(self.contended)


def secret_columns() -> list[SecretColumn]:
    """Every encrypted column, found by the ``_enc`` naming convention of models/tables.py,
    so that a secret column added later is rotated without anyone remembering this module."""
    return [SecretColumn(t.name, c.name) for t in Base.metadata.sorted_tables for c in t.columns
            if c.name.endswith("_enc")]


def count_rows(s: Session, secret: SecretColumn) -> int:
    table, _pk, value = secret.columns()
    return int(s.scalar(select(func.count()).select_from(table).where(value.is_not(None))) or 0)


def rotate_column(
    factory: sessionmaker[Session],
    secret: SecretColumn,
    rotation: Rotation,
    *,
    batch_size: int = 500,
    dry_run: bool = False,
    advance: Callable[[int], None] = lambda _n: None,
) -> ColumnReport:
    """One pass over a column; ``advance(n)`` after each batch of ``n`` rows.

    A row no configured key decrypts is recorded in the report and left as it is; the
    other rows are rotated all the same. Running it again changes nothing.
    """
    _table, pk, value = secret.columns()
    report = ColumnReport(secret)
    last_id: int | None = None
    while True:
        with factory.begin() as s:
            q = select(pk, value).where(value.is_not(None)).order_by(pk).limit(batch_size)
            if last_id is not None:
                q = q.where(pk > last_id)
            if not dry_run:
                q = q.with_for_update()  # SQLite has no row locks: the conditional UPDATE guards it
            rows = s.execute(q).all()
            if not rows:
                break
            changed = 0
            for row_id, token in rows:
                try:
                    outcome = _check(rotation, token) if dry_run else _rotate_row(s, secret, rotation, row_id, token)
                except SecretError:
                    report.undecryptable.append(row_id)
                    continue
                if outcome == "changed":
                    changed += 1
                elif outcome == "contended":
                    report.contended.append(row_id)
            last_id = rows[-1][0]
        report.rows += len(rows)
        report.changed += changed
        # Ids and counts only: never a token, let alone what it decrypts to.
        logger.debug("%s.%s: %d row(s) up to id %s, %d %s", secret.table, secret.column, len(rows), last_id,
                     changed, "to re-encrypt" if dry_run else "re-encrypted")
        advance(len(rows))
    return report


def _check(rotation: Rotation, token: str) -> str:
    return "current" if rotation.rotated(token) is None else "changed"


def _rotate_row(s: Session, secret: SecretColumn, rotation: Rotation, row_id: int, token: str) -> str:
    """'changed', 'current' (already under the newest key, or deleted meanwhile) or 'contended'."""
    table, pk, value = secret.columns()
    for _ in range(_MAX_TRIES):
        fresh = rotation.rotated(token)
        if fresh is None:
            return "current"
        result: CursorResult[Any] = s.execute(  # type: ignore[assignment]
            update(table).where(pk == row_id, value == token).values({value.name: fresh})
        )
        if result.rowcount == 1:
            return "changed"
        # Written by someone else since the SELECT (SQLite only: PostgreSQL holds the row
        # lock). Our UPDATE began the write transaction, so this read is the final state.
        current = s.scalar(select(value).where(pk == row_id))
        if current is None:
            return "current"  # deleted, or its secret cleared: nothing left to rotate
        token = current
    return "contended"
