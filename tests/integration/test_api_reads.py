"""The API's read path on PostgreSQL (pipeline.db.read_sessions, api.deps.Caller.read).

Reads run in autocommit on a read-only pool without the pre-ping; these tests hold the
promises that make that safe: nothing can be written through it, SQLite keeps the
ordinary sessions, and a read right after a server restart still answers.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from sqlalchemy import insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import sessionmaker

from api.app import create_app
from models import Base, Category, User
from pipeline import config, db
from pipeline.users import create_user
from tests.servers.postgres import PgServer, create_database, drop_database

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.setenv("SPENDWATCH_SECRET_KEY", Fernet.generate_key().decode())
    monkeypatch.setenv("SPENDWATCH_DATA_DIR", str(tmp_path / "data"))
    config.reset()
    yield
    config.reset()


def _factory(url: str) -> sessionmaker:
    engine = db.make_engine(url)
    Base.metadata.create_all(engine)
    return sessionmaker(bind=engine, expire_on_commit=False)


def test_sqlite_reads_use_the_ordinary_sessions(env, tmp_path):
    factory = _factory(f"sqlite:///{tmp_path / 'api.db'}")
    reads, engine = db.read_sessions(factory)
    assert reads is factory and engine is None


def test_nothing_can_be_written_through_the_read_sessions(env, pg_fresh_url):
    factory = _factory(pg_fresh_url)
    with factory.begin() as s:
        user, _token = create_user(s, "reader@example.test")
        uid = user.id
    reads, engine = db.read_sessions(factory)
    assert engine is not None
    try:
        with reads() as s:
            assert s.scalar(select(User.email).where(User.id == uid)) == "reader@example.test"
            with pytest.raises(DBAPIError, match="read-only transaction"):
                s.execute(insert(Category).values(user_id=uid, name="sneaked in"))
        with factory() as s:
            assert s.scalars(select(Category.name)).all() == []
    finally:
        engine.dispose()
        factory.kw["bind"].dispose()


def test_the_read_pool_keeps_the_urls_own_connection_options(env, pg_fresh_url):
    url = make_url(pg_fresh_url).update_query_dict({"options": "-c application_name=spendwatch-test"})
    factory = _factory(url.render_as_string(hide_password=False))
    reads, engine = db.read_sessions(factory)
    assert engine is not None
    try:
        with reads() as s:
            assert s.scalar(text("SHOW application_name")) == "spendwatch-test"
            assert s.scalar(text("SHOW default_transaction_read_only")) == "on"
    finally:
        engine.dispose()
        factory.kw["bind"].dispose()


def test_a_read_right_after_a_postgresql_restart_answers(env, pg_server: PgServer):
    """No pre-ping on the read pool: its connections die with the server, and the read is
    retried once on a new one. The write path (pre-ping) answers too."""
    url = create_database(pg_server.url)
    factory = _factory(url)
    with factory.begin() as s:
        _user, token = create_user(s, "restart@example.test")
    h = {"Authorization": f"Bearer {token}"}
    try:
        with TestClient(create_app(factory, clock=lambda: NOW)) as client:
            body = {"name": "Food budget", "amount": "10", "period": "monthly"}
            assert client.post("/api/budgets", headers=h, json=body).status_code == 200
            assert [b["name"] for b in client.get("/api/budgets", headers=h).json()] == ["Food budget"]
            pg_server.restart()
            r = client.get("/api/budgets", headers=h)
            assert r.status_code == 200, r.text
            assert [b["name"] for b in r.json()] == ["Food budget"]
            assert client.post("/api/budgets", headers=h, json=body | {"name": "Fuel"}).status_code == 200
            assert [b["name"] for b in client.get("/api/budgets", headers=h).json()] == ["Food budget", "Fuel"]
    finally:
        factory.kw["bind"].dispose()
        drop_database(url)
