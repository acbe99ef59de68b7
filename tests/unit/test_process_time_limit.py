"""Celery's soft time limit is not the mail's fault.

SoftTimeLimitExceeded is an Exception: the handler that marks a mail `failed` for a bug on
that mail must let it through, so the task ends, the mail stays `pending` with its attempt
counted, and the sweep (or the attempts quarantine, for a mail that really is too slow)
takes it from there. The parse step is replaced with one that raises it, as Celery raises
it in whatever the task is running when the limit expires.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from sqlalchemy.orm import Session, sessionmaker

import parsers
from models import Base, RawEmail, RawStatus, User
from pipeline import config, process, process_batch
from pipeline.db import make_engine
from pipeline.ingest import store_raw
from tests.support import mails

WHEN = datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def factory(monkeypatch, tmp_path) -> Iterator[sessionmaker[Session]]:
    monkeypatch.setenv("SPENDWATCH_TRUSTED_AUTHSERV_IDS", mails.AUTHSERV)
    monkeypatch.setenv("SPENDWATCH_DATA_DIR", str(tmp_path / "data"))
    config.reset()
    engine = make_engine(f"sqlite:///{tmp_path / 't.db'}")
    Base.metadata.create_all(engine)
    yield sessionmaker(bind=engine, expire_on_commit=False)
    engine.dispose()
    config.reset()


def stored(factory: sessionmaker[Session], n: int) -> list[int]:
    with factory.begin() as s:
        user = User(email="me@example.test", timezone="Asia/Muscat")
        s.add(user)
        s.flush()
        ids = [store_raw(s, user_id=user.id, source="file", raw=mails.card_purchase(
            f"{i + 1}.000", "LULU", WHEN, message_id=f"<tl-{i}@bankmuscat.com>", auth=mails.dkim_pass()))
            for i in range(n)]
    assert all(ids)
    return [i for i in ids if i is not None]


def rows(factory: sessionmaker[Session], ids: list[int]) -> list[tuple[str, int, str | None]]:
    with factory() as s:
        out = []
        for i in ids:
            r = s.get(RawEmail, i)
            assert r is not None
            out.append((r.status, r.attempts, r.reason))
        return out


def out_of_time(*_args: object, **_kw: object) -> None:
    raise SoftTimeLimitExceeded()


def test_one_mail_out_of_time_stays_pending(factory, monkeypatch):
    [rid] = stored(factory, 1)
    with monkeypatch.context() as m:
        m.setattr(process, "_parse", out_of_time)
        with pytest.raises(SoftTimeLimitExceeded):
            process.process(factory, rid)
    assert rows(factory, [rid]) == [(RawStatus.PENDING.value, 1, None)]
    # A later attempt (the sweep) with time enough counts it.
    assert process.process(factory, rid).status == RawStatus.TRANSACTION.value


def test_a_batch_out_of_time_ends_and_leaves_its_mails_pending(factory, monkeypatch):
    ids = stored(factory, 3)
    calls: list[int] = []

    def slow(*args: object, **kw: object) -> None:
        calls.append(1)
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(parsers, "parse_message", slow)
    with pytest.raises(SoftTimeLimitExceeded):
        process_batch.process_many(factory, ids)
    assert len(calls) == 1  # not restarted one by one with the little time left
    assert rows(factory, ids) == [(RawStatus.PENDING.value, 1, None)] * 3
