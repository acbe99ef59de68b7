"""A spendwatch service for end-to-end tests: real PostgreSQL, Redis broker, Celery worker.

Settings go through the environment exactly as in production; the worker is a real
Celery worker (threads pool) consuming from Redis, not eager mode.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

import models
from models import Budget, MailAccount, NotifyTarget, RawEmail, User, to_minor
from pipeline import config, db, schema, secrets
from tests.servers.postgres import create_database


def fresh_database(server_url: str) -> str:
    """A new empty database on the given server; its URL."""
    return create_database(server_url)


class WaitTimeout(AssertionError):
    """A condition did not hold in time (an assertion in tests; the benchmarks catch it)."""


def schema_factory(request: pytest.FixtureRequest, tmp_path: Path, name: str,
                   backend: str | None = None) -> Iterator[sessionmaker[Session]]:
    """Sessions on a fresh database with the models' schema: a SQLite file in ``tmp_path`` when
    ``backend`` (default ``request.param``) is "sqlite", else a new database on the session's
    PostgreSQL (``pg_url``).

    For a ``factory`` fixture parametrized over both; set the environment before calling it.
    """
    from pipeline.db import make_engine

    url = f"sqlite:///{tmp_path / name}" if (backend or request.param) == "sqlite" else fresh_database(
        request.getfixturevalue("pg_url"))
    engine = make_engine(url)
    models.Base.metadata.create_all(engine)
    try:
        yield sessionmaker(bind=engine, expire_on_commit=False)
    finally:
        engine.dispose()
        config.reset()


def wait_for(predicate: Callable[[], Any], timeout: float = 30.0, what: str = "condition",
             every: float = 0.05) -> Any:
    """Poll a condition (not a fixed sleep): returns its first truthy value."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise WaitTimeout(f"timed out after {timeout} s waiting for {what}")
        time.sleep(every)


@dataclass
class Service:
    factory: sessionmaker[Session]
    database_url: str

    def session(self) -> Session:
        return self.factory()

    def add_user(self, email: str = "owner@example.test", tz: str = "Asia/Muscat") -> int:
        with self.factory.begin() as s:
            user = User(email=email, timezone=tz)
            s.add(user)
            s.flush()
            return user.id

    def add_budget(self, user_id: int, name: str, amount: str, currency: str = "OMR", **kw: Any) -> int:
        with self.factory.begin() as s:
            b = Budget(user_id=user_id, name=name, amount_minor=to_minor(amount, currency), currency=currency,
                       period=kw.pop("period", "monthly"), anchor_day=kw.pop("anchor_day", 1), **kw)
            s.add(b)
            s.flush()
            return b.id

    def add_target(self, user_id: int, kind: str, address: str) -> int:
        with self.factory.begin() as s:
            t = NotifyTarget(user_id=user_id, kind=kind, label=kind, address_enc=secrets.encrypt(address))
            s.add(t)
            s.flush()
            return t.id

    def add_mailbox(self, user_id: int, *, host: str, port: int, username: str, password: str,
                    tls_mode: str = "starttls", **kw: Any) -> int:
        with self.factory.begin() as s:
            a = MailAccount(user_id=user_id, name=kw.pop("name", f"box-{username}"), host=host, port=port,
                            tls_mode=tls_mode, username=username, password_enc=secrets.encrypt(password), **kw)
            s.add(a)
            s.flush()
            return a.id


@contextmanager
def configured(monkeypatch: pytest.MonkeyPatch, **env: str) -> Iterator[None]:
    for key in list(__import__("os").environ):
        if key.startswith("SPENDWATCH_") and not key.startswith("SPENDWATCH_TEST_"):
            monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(f"SPENDWATCH_{key.upper()}", value)
    config.reset()
    db.reset()
    from tasks import app as celery_app

    celery_app.configure()
    try:
        yield
    finally:
        db.engine().dispose()
        config.reset()
        db.reset()


@contextmanager
def service_database(
    monkeypatch: pytest.MonkeyPatch, pg_server_url: str, redis_url: str, tmp_path: Any, **env: str
) -> Iterator[str]:
    """A fresh migrated database, an empty broker and the settings of a service using them; its URL."""
    import redis

    url = fresh_database(pg_server_url)
    redis.Redis.from_url(redis_url).flushdb()
    settings = {
        "database_url": url,
        "broker_url": redis_url,
        "secret_key": Fernet.generate_key().decode(),
        "data_dir": str(tmp_path / "data"),
        "trusted_authserv_ids": "mx.spendwatch.test",
        **env,
    }
    with configured(monkeypatch, **settings):
        schema.upgrade(db.engine())
        yield url


@contextmanager
def running_service(
    monkeypatch: pytest.MonkeyPatch, pg_server_url: str, redis_url: str, tmp_path: Any, **env: str
) -> Iterator[Service]:
    """Fresh database, settings from the environment, a real Celery worker on Redis."""
    from celery.contrib.testing.worker import start_worker

    with service_database(monkeypatch, pg_server_url, redis_url, tmp_path, **env) as url:
        from tasks.app import app

        with start_worker(app, pool="threads", concurrency=2, perform_ping_check=False, loglevel="WARNING",
                          shutdown_timeout=30):
            yield Service(db.session_factory(), url)


def ingest(tmp_path: Path, named: dict[str, bytes]) -> None:
    """`spendwatch ingest` of a folder holding each mail as <name>.eml."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    folder = tmp_path / "mails"
    folder.mkdir(exist_ok=True)
    for name, raw in named.items():
        (folder / f"{name}.eml").write_bytes(raw)
    result = CliRunner().invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 0, result.output


def rows_by_message_id(svc: Any) -> dict[str | None, RawEmail]:
    with svc.session() as s:
        return {r.message_id: r for r in s.scalars(select(RawEmail))}
