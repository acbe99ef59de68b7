"""What the budget tests share: a fresh schema on SQLite (a file) or PostgreSQL, a user with
a Food category and a notify target, and transactions of that user."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models import Base, Category, NotifyTarget, Transaction, User, to_minor
from pipeline.db import make_engine
from tests.support.service import fresh_database

_fingerprints = itertools.count(1)


def utc(*a: int) -> datetime:
    return datetime(*a, tzinfo=timezone.utc)


def database_url(request: Any, tmp_path: Path) -> str:
    """A new database for the fixture's param: "sqlite" or "postgresql"."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'budgets.db'}"
    return fresh_database(request.getfixturevalue("pg_url"))


def sessions(url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    yield sessionmaker(bind=engine, expire_on_commit=False)
    engine.dispose()


def factory_fixture() -> Any:
    """A module's ``factory`` fixture, on both databases: ``factory = budget_db.factory_fixture()``."""

    @pytest.fixture(params=["sqlite", "postgresql"], name="factory")
    def factory(request: Any, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
        yield from sessions(database_url(request, tmp_path))

    return factory


def pg_factory_fixture() -> Any:
    """A module's ``pg_factory`` fixture (PostgreSQL only: row locks, concurrent sessions)."""

    @pytest.fixture(name="pg_factory")
    def pg_factory(pg_url: str) -> Iterator[sessionmaker[Session]]:
        yield from sessions(fresh_database(pg_url))

    return pg_factory


def seed(s: Session, week_start: int = 0) -> tuple[User, Category]:
    user = User(email="u@example.test", timezone="Asia/Muscat", week_start=week_start)
    s.add(user)
    s.flush()
    food = Category(user_id=user.id, name="Food")
    s.add(food)
    s.add(NotifyTarget(user_id=user.id, kind="email", label="me", address_enc="x"))
    s.flush()
    return user, food


def txn(s: Session, user: User, cat: Category, amount: str, when: datetime, **kw: Any) -> Transaction:
    """A stored debit of ``amount`` OMR (not yet added to any budget)."""
    t = Transaction(user_id=user.id, amount_minor=to_minor(amount, "OMR"), currency="OMR", direction="debit",
                    kind="purchase", occurred_at=when, category_id=cat.id, fingerprint=f"t{next(_fingerprints)}", **kw)
    s.add(t)
    s.flush()
    return t
