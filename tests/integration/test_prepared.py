"""pipeline.prepared: the same rows as the plain statement, planned once per connection."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import bindparam, create_engine, select, text

from models import Base, Budget, User
from pipeline.prepared import Prepared

STATEMENT = (
    select(Budget.id, Budget.name, Budget.start_date, Budget.rollover, Budget.amount_minor)
    .where(Budget.user_id == bindparam("user_id"), Budget.amount_minor >= bindparam("at_least"))
    .order_by(Budget.id)
)


ROWS = [
    {"user_id": 1, "name": "Food", "amount_minor": 5000, "currency": "OMR", "period": "monthly",
     "start_date": None, "end_date": None, "thresholds": [50], "rollover": True},
    {"user_id": 1, "name": "Trip", "amount_minor": 100, "currency": "OMR", "period": "custom",
     "start_date": date(2026, 10, 1), "end_date": date(2026, 10, 9), "thresholds": [80], "rollover": False},
    {"user_id": 2, "name": "Other", "amount_minor": 9000, "currency": "OMR", "period": "monthly",
     "start_date": None, "end_date": None, "thresholds": [], "rollover": False},
]


def _engine(url: str):
    eng = create_engine(url)
    Base.metadata.create_all(eng)
    with eng.begin() as conn:
        conn.execute(User.__table__.insert(), [{"id": 1, "email": "a@example.test", "timezone": "UTC"},
                                               {"id": 2, "email": "b@example.test", "timezone": "UTC"}])
        conn.execute(Budget.__table__.insert(), ROWS)
    return eng


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'p.db'}" if request.param == "sqlite" else request.getfixturevalue("pg_fresh_url")
    eng = _engine(url)
    yield eng
    eng.dispose()


def test_prepared_rows_equal_the_plain_statement_and_prepare_once(engine):
    prepared = Prepared(STATEMENT)
    seen: list[str] = []
    with engine.connect() as conn:
        for user_id, at_least in ((1, 0), (1, 1000), (2, 0), (3, 0)):
            params = {"user_id": user_id, "at_least": at_least}
            plain = [tuple(r) for r in conn.execute(STATEMENT, params)]
            assert [tuple(r) for r in prepared.rows(conn, params)] == plain
        assert [r[1] for r in prepared.rows(conn, {"user_id": 1, "at_least": 0})] == ["Food", "Trip"]
        if engine.dialect.name == "postgresql":
            seen = list(conn.execute(text("SELECT name FROM pg_prepared_statements")).scalars())
    if engine.dialect.name == "postgresql":
        assert seen == [prepared.name]  # one PREPARE for five calls on one connection


def test_a_replaced_connection_prepares_again(pg_fresh_url):
    prepared = Prepared(STATEMENT)
    eng = _engine(pg_fresh_url)
    try:
        with eng.connect() as conn:
            assert len(prepared.rows(conn, {"user_id": 1, "at_least": 0})) == 2
            conn.invalidate()  # as after a server restart: the pool opens a new connection
            conn.rollback()
            assert len(prepared.rows(conn, {"user_id": 1, "at_least": 0})) == 2
            assert list(conn.execute(text("SELECT name FROM pg_prepared_statements")).scalars()) == [prepared.name]
    finally:
        eng.dispose()


def test_a_percent_sign_in_the_sql_is_refused():
    with pytest.raises(ValueError, match="'%'"):
        Prepared(select(Budget.id).where(Budget.amount_minor % 2 == 0))
