"""Two copies of one process task at once (a redelivery, the sweep) on PostgreSQL.

Copy A is processing a mail at its last allowed attempt, under the row lock. Copy B starts:
it must wait for A and then see the mail done, not quarantine it on a stale read and
overwrite A's committed status (the mail ended `failed` with its transaction counted, and a
later `spendwatch reprocess` would then hit the unique key).
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timezone

import pytest
from sqlalchemy import text, update
from sqlalchemy.orm import sessionmaker

from models import Base, RawEmail, User
from pipeline import config, process
from pipeline.db import make_engine
from pipeline.ingest import store_raw
from tests.support import mails
from tests.support.service import fresh_database

WHEN = datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def factory(pg_url, monkeypatch, tmp_path):
    monkeypatch.setenv("SPENDWATCH_TRUSTED_AUTHSERV_IDS", mails.AUTHSERV)
    monkeypatch.setenv("SPENDWATCH_DATA_DIR", str(tmp_path / "data"))
    config.reset()
    engine = make_engine(fresh_database(pg_url))
    Base.metadata.create_all(engine)
    yield sessionmaker(bind=engine, expire_on_commit=False)
    engine.dispose()
    config.reset()


def waiting_for_a_lock(factory: sessionmaker) -> bool:
    with factory() as s:
        return bool(s.scalar(text("SELECT count(*) FROM pg_locks WHERE NOT granted")))


def test_a_second_copy_waits_and_never_quarantines_a_mail_the_first_one_finished(factory):
    last = config.get().max_attempts
    with factory.begin() as s:
        user = User(email="me@example.test", timezone="Asia/Muscat")
        s.add(user)
        s.flush()
        raw_id = store_raw(s, user_id=user.id, source="file", raw=mails.card_purchase(
            "4.000", "LULU", WHEN, message_id="<race@bankmuscat.com>", auth=mails.dkim_pass()))
        s.execute(update(RawEmail).where(RawEmail.id == raw_id).values(attempts=last))  # A counted its last one
    assert raw_id is not None

    a = factory()
    a.begin()
    a.execute(text("SELECT id FROM raw_emails WHERE id = :i FOR UPDATE"), {"i": raw_id})  # A, mid-processing
    outcome: list[process.Outcome] = []
    b = threading.Thread(target=lambda: outcome.append(process.process(factory, raw_id)))
    b.start()
    deadline = time.monotonic() + 10
    while not waiting_for_a_lock(factory):  # B has reached A's row lock
        assert time.monotonic() < deadline, "the second copy never waited for the first"
        time.sleep(0.02)
    a.execute(update(RawEmail).where(RawEmail.id == raw_id).values(status="transaction", parser="bank_muscat"))
    a.commit()
    a.close()
    b.join(10)
    assert not b.is_alive()

    with factory() as s:
        row = s.get(RawEmail, raw_id)
        assert row is not None
        assert (row.status, row.reason) == ("transaction", None)
        assert row.attempts == last
    assert outcome and outcome[0].skipped and outcome[0].status == "transaction"
