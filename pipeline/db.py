"""Engine and sessions. The only place that knows how to reach the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from pipeline import config


def make_engine(url: str) -> Engine:
    # An SQL error's text never carries the statement's values (mail content, encrypted
    # secrets): it goes to logs, task results and a mailbox's last_error.
    kwargs: dict[str, Any] = {"future": True, "hide_parameters": True}
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if url.startswith("sqlite"):

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

    return engine


def read_sessions(factory: sessionmaker[Session]) -> tuple[sessionmaker[Session], Engine | None]:
    """Sessions for requests that only read, and the engine made for them (None: ``factory`` itself).

    On PostgreSQL a read needs no transaction of its own: each statement already reads one
    snapshot, and BEGIN and COMMIT are two round trips more (0.14 ms of 0.22 for a one-row
    SELECT here). These sessions run on their own pool, in autocommit and read-only (a write
    through them fails instead of landing outside a transaction), and without the pre-ping:
    a read is safe to repeat, so ``api.deps.Caller.read`` retries it once on a connection
    the server dropped instead of asking every checkout first. SQLite runs in process, where
    none of this costs anything: its reads use ``factory``.
    """
    bind = factory.kw.get("bind")
    if not isinstance(bind, Engine) or bind.dialect.name != "postgresql":
        return factory, None
    # default_transaction_read_only in the startup packet: no statement, no round trip;
    # after any options of the URL's own (a search_path, say), which connect_args would replace.
    own = bind.url.query.get("options", "")
    options = " ".join([*(own if isinstance(own, tuple) else [own]), "-c default_transaction_read_only=on"]).strip()
    reads = create_engine(bind.url.difference_update_query(["options"]), isolation_level="AUTOCOMMIT",
                          connect_args={"options": options}, hide_parameters=True)
    return sessionmaker(bind=reads, expire_on_commit=False), reads


@lru_cache(maxsize=4)
def engine_for(url: str) -> Engine:
    return make_engine(url)


def engine() -> Engine:
    return engine_for(config.get().effective_database_url)


def session_factory() -> sessionmaker[Session]:
    return sessionmaker(bind=engine(), expire_on_commit=False)


@contextmanager
def session() -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    s = session_factory()()
    try:
        yield s
        s.commit()
    except BaseException:
        s.rollback()
        raise
    finally:
        s.close()


def reset() -> None:
    """Drop cached engines (tests and the demo switch databases)."""
    engine_for.cache_clear()


def is_postgres(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"
