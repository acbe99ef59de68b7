"""One poll per mailbox at a time.

PostgreSQL: a session-level advisory lock on a connection held for the whole poll (the
lock dies with the connection, so a killed worker never leaves it behind). SQLite (the
embedded default, one machine): an exclusive flock on a file beside the database.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

_NAMESPACE = 0x5350  # "SP": keeps our keys apart from other users of advisory locks


@contextmanager
def mailbox_lock(engine: Engine, account_id: int, lock_dir: Path) -> Iterator[bool]:
    """Yields True when this caller holds the lock, False when another poll has it."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:ns, :k)"), {"ns": _NAMESPACE, "k": account_id}).scalar())
            conn.commit()
            try:
                yield got
            finally:
                if got:
                    conn.execute(text("SELECT pg_advisory_unlock(:ns, :k)"), {"ns": _NAMESPACE, "k": account_id})
                    conn.commit()
        return
    lock_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_dir / f"mailbox-{account_id}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
