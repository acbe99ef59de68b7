"""bench.pipeline_e2e.progress_counts: a later end-to-end run counts only its own mails."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import update
from sqlalchemy.orm import sessionmaker

from bench import pipeline_e2e
from models import Base, RawEmail, User
from pipeline.db import make_engine
from pipeline.ingest import store_raw
from tests.support import mails

WHEN = datetime(2026, 11, 20, 9, tzinfo=timezone.utc)


def test_the_rows_of_earlier_runs_are_not_counted(tmp_path: Path) -> None:
    """After a first run of 5 in the same table, 3 new stored and none pending is not done:
    counting the earlier 5 ended the wait (and stopped the clock) two mails early."""
    engine = make_engine(f"sqlite:///{tmp_path / 'progress.db'}")
    Base.metadata.create_all(engine)
    factory = sessionmaker(bind=engine, expire_on_commit=False)

    def store(tag: str, k: int) -> None:
        with factory.begin() as s:
            for i in range(k):
                store_raw(s, user_id=uid, raw=mails.card_purchase("1.000", "LULU", WHEN, message_id=f"<{tag}-{i}@x>"),
                          source="file")

    with factory.begin() as s:
        user = User(email="me@example.test", timezone="Asia/Muscat")
        s.add(user)
        s.flush()
        uid = user.id
    store("first", 5)
    with factory.begin() as s:
        s.execute(update(RawEmail).values(status="transaction"))
    first_id = pipeline_e2e._max_raw_id(factory)
    store("second", 3)

    assert pipeline_e2e.progress_counts(factory, first_id) == (3, 3)
    assert pipeline_e2e.progress_counts(factory) == (8, 3)
    with factory.begin() as s:
        s.execute(update(RawEmail).values(status="transaction"))
    assert pipeline_e2e.progress_counts(factory, first_id) == (3, 0)
    engine.dispose()
