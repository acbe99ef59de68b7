"""pipeline.fetch against a real Dovecot and PostgreSQL when the mail or the server's answer is odd.

Nothing may be lost and the cursor may never pass a mail it did not store: a Date header
out of datetime's range, a UID the header FETCH answered without its header item, a body
that did not come back (deleted meanwhile, missing once, missing every time).

Dovecot always answers in full, so the cases of a missing item wrap our own Mailbox
adapter (the interface pipeline.fetch talks to) around the real connection and drop that
item from its answer; the mail, the server and the database are real.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from models import MailAccount, MailboxCursor, RawEmail, RawStatus, User
from pipeline import db, fetch, secrets
from pipeline.mailbox import Mailbox
from tests.servers.dovecot import Dovecot
from tests.support import mails
from tests.support.service import configured

pytestmark = pytest.mark.integration

WHEN = datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc)


def alert(n: int) -> bytes:
    return mails.card_purchase(f"{n}.000", "LULU", WHEN, message_id=f"<robust-{n}@bankmuscat.com>")


@pytest.fixture
def env(monkeypatch, pg_migrated_url, dovecot, tmp_path) -> Iterator[tuple[sessionmaker[Session], int]]:
    with configured(monkeypatch, database_url=pg_migrated_url, data_dir=str(tmp_path / "data"),
                    secret_key=Fernet.generate_key().decode(), trusted_authserv_ids=mails.AUTHSERV,
                    imap_cafile=str(dovecot.cafile)):
        factory = db.session_factory()
        with factory.begin() as s:
            user = User(email="robust@example.test", timezone="Asia/Muscat")
            s.add(user)
            s.flush()
            acct = MailAccount(user_id=user.id, name="robust", host=dovecot.host, port=dovecot.port,
                               tls_mode="starttls", username="alice",
                               password_enc=secrets.encrypt(dovecot.password("alice")), poll_interval_s=60)
            s.add(acct)
            s.flush()
            account_id = acct.id
        yield factory, account_id


class Tampered:
    """Our Mailbox adapter on a real Dovecot connection, with parts of its answers dropped."""

    def __init__(self, dovecot: Dovecot, *, drop_headers: set[int] = frozenset(),  # type: ignore[assignment]
                 drop_bodies: set[int] = frozenset(),  # type: ignore[assignment]
                 before_bodies: Callable[[list[int]], None] | None = None) -> None:
        self.box = Mailbox.connect(dovecot.host, dovecot.port, "alice", dovecot.password("alice"),
                                   tls_mode="starttls", cafile=str(dovecot.cafile), timeout=10)
        self.drop_headers, self.drop_bodies, self.before_bodies = drop_headers, drop_bodies, before_bodies

    def __enter__(self) -> Tampered:
        return self

    def __exit__(self, *exc: object) -> None:
        self.box.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.box, name)

    def headers(self, uids: list[int], batch: int = 500) -> dict[int, Any]:
        return {u: h for u, h in self.box.headers(uids, batch).items() if u not in self.drop_headers}

    def bodies(self, uids: list[int], batch: int = 100) -> Iterator[tuple[int, bytes]]:
        if self.before_bodies:
            self.before_bodies(uids)
        return ((u, b) for u, b in self.box.bodies(uids, batch) if u not in self.drop_bodies)


def state(factory: sessionmaker[Session], account_id: int) -> tuple[dict[int, str], int | None, str | None]:
    """{uid: status} of the stored mail, the cursor, the mailbox's last_error."""
    with factory() as s:
        rows = {int(r.uid): r.status for r in s.scalars(select(RawEmail).where(RawEmail.mail_account_id == account_id))}
        cursor = s.scalar(select(MailboxCursor.last_uid).where(MailboxCursor.mail_account_id == account_id))
        acct = s.get(MailAccount, account_id)
        assert acct is not None
        return rows, cursor, acct.last_error


# ------------------------------------------------------------------ a hostile Date header


def test_a_date_out_of_range_neither_stops_the_poll_nor_loses_the_mail_after_it(env, dovecot):
    factory, account_id = env
    hostile = [
        b"From: NOREPLY@bankmuscat.com\r\nDate: Thu, 01 Jan 99999999999999999999 00:00:00 +0000\r\n"
        b"Message-ID: <year@bankmuscat.com>\r\nSubject: year\r\n\r\nhello\r\n",
        b"From: NOREPLY@bankmuscat.com\r\nDate: Thu, 01 Jan 2026 00:00:00 +99999999999999999999\r\n"
        b"Message-ID: <offset@bankmuscat.com>\r\nSubject: offset\r\n\r\nhello\r\n",
    ]
    uids = [dovecot.append("alice", "INBOX", raw) for raw in hostile]
    private = dovecot.append("alice", "INBOX", hostile[0].replace(b"NOREPLY@bankmuscat.com", b"friend@example.org"))
    good = dovecot.append("alice", "INBOX", alert(1))

    report = fetch.poll(factory, account_id)  # real Mailbox.connect: nothing tampered with

    rows, cursor, last_error = state(factory, account_id)
    assert rows == {uids[0]: "pending", uids[1]: "pending", good: "pending"}  # the private one is passed over
    assert private not in rows and report.passed_over == 1
    assert cursor == good and last_error is None and report.errors == []
    assert len(report.stored) == 3
    with factory() as s:
        assert s.scalar(select(RawEmail.received_at).where(RawEmail.uid == uids[0])) is None
    assert fetch.poll(factory, account_id).stored == []  # and the next poll starts after them


# ------------------------------------------------------------------ a header item missing from the answer


def test_a_uid_answered_without_its_headers_holds_the_cursor_and_is_fetched_next_time(env, dovecot):
    factory, account_id = env
    first, odd, last = (dovecot.append("alice", "INBOX", alert(n)) for n in (1, 2, 3))

    report = fetch.poll(factory, account_id, mailbox=Tampered(dovecot, drop_headers={odd}))
    rows, cursor, last_error = state(factory, account_id)
    assert set(rows) == {first, last}  # what came is stored...
    assert cursor == odd - 1  # ...but the cursor waits before the UID it could not judge
    assert report.passed_over == 0  # never counted as mail that is not from a bank
    assert last_error is not None and f"UID {odd}" in last_error

    report = fetch.poll(factory, account_id)  # the server answers in full again
    rows, cursor, last_error = state(factory, account_id)
    assert set(rows) == {first, odd, last} and cursor == last and last_error is None
    assert report.duplicates == 1  # `last` came again with the batch, stored once


# ------------------------------------------------------------------ a body missing from the answer


def test_a_mail_deleted_between_headers_and_bodies_is_skipped_without_an_error(env, dovecot):
    factory, account_id = env
    first, gone, last = (dovecot.append("alice", "INBOX", alert(n)) for n in (1, 2, 3))

    def delete_gone(_uids: list[int]) -> None:  # another client deletes it between our two FETCHes
        c = dovecot.client("alice")
        try:
            c.select_folder("INBOX")
            c.delete_messages([gone])
            c.expunge()
        finally:
            c.logout()

    report = fetch.poll(factory, account_id, mailbox=Tampered(dovecot, before_bodies=delete_gone))
    rows, cursor, last_error = state(factory, account_id)
    assert set(rows) == {first, last} and cursor == last
    assert report.errors == [] and last_error is None


def test_a_body_missing_once_holds_the_cursor_and_is_fetched_by_the_next_poll(env, dovecot):
    factory, account_id = env
    first, odd, last = (dovecot.append("alice", "INBOX", alert(n)) for n in (1, 2, 3))

    report = fetch.poll(factory, account_id, mailbox=Tampered(dovecot, drop_bodies={odd}))
    rows, cursor, last_error = state(factory, account_id)
    assert set(rows) == {first, last} and cursor == odd - 1
    assert last_error is not None and f"UID {odd}" in last_error and "no body" in last_error
    assert report.errors and f"UID {odd}" in report.errors[0]

    fetch.poll(factory, account_id)
    rows, cursor, last_error = state(factory, account_id)
    assert rows == {first: "pending", odd: "pending", last: "pending"}
    assert cursor == last and last_error is None


def test_a_body_that_never_comes_is_recorded_as_failed_once_the_hold_is_over(env, dovecot):
    factory, account_id = env
    odd, after = (dovecot.append("alice", "INBOX", alert(n)) for n in (1, 2))

    def poll_without_its_body() -> fetch.PollReport:
        return fetch.poll(factory, account_id, mailbox=Tampered(dovecot, drop_bodies={odd}))

    poll_without_its_body()
    poll_without_its_body()  # asked again right away: still waiting (the hold is not over)
    rows, cursor, _ = state(factory, account_id)
    assert set(rows) == {after} and cursor == odd - 1

    # The folder's last poll that left nothing waiting was longer ago than the hold allows
    # (max(15 min, two poll intervals of 60 s)).
    with factory.begin() as s:
        s.execute(update(MailboxCursor).where(MailboxCursor.mail_account_id == account_id)
                  .values(updated_at=datetime.now(timezone.utc) - timedelta(minutes=16)))
    report = poll_without_its_body()
    rows, cursor, last_error = state(factory, account_id)
    assert rows == {odd: RawStatus.FAILED.value, after: "pending"} and cursor == after
    assert last_error is not None and f"UID {odd}" in last_error
    with factory() as s:
        row = s.scalar(select(RawEmail).where(RawEmail.uid == odd))
        assert row is not None and row.truncated and "no body" in (row.reason or "")
        assert row.message_id == "<robust-1@bankmuscat.com>" and b"Subject:" in row.raw  # headers kept
    assert report.stored == []  # nothing to process: it is failed already

    fetch.poll(factory, account_id)  # the cursor has moved on: the folder is not held any more
    rows, cursor, last_error = state(factory, account_id)
    assert cursor == after and last_error is None


# ------------------------------------------------------------------ the row's header fields


ODD_HEADERS = [
    # folded Subject and Message-ID, an encoded word, a zone name
    b"From: Bank Muscat\r\n <NOREPLY@bankmuscat.com>\r\nDate: Mon, 2 Nov 2026 08:00:00 GMT\r\nMessage-ID:\r\n"
    b" <folded@bankmuscat.com>\r\nSubject: =?utf-8?b?2KjZhtmDINmF2LPZgti3?=\r\n\tcontinued\r\n\r\nbody\r\n",
    # two From lines, no Message-ID, a Date without a zone, lower-case field names
    b"from: NOREPLY@bankmuscat.com\r\nFrom: other@bankmuscat.com\r\ndate: Mon, 2 Nov 2026 08:00:00\r\n"
    b"subject: two froms\r\n\r\nbody\r\n",
    # raw 8-bit in a header, Sender instead of From, fields after other fields
    b"X-Mailer: x\r\nSender: NOREPLY@bankmuscat.com\r\nReceived: by mx; Mon, 2 Nov 2026\r\nSubject: caf\xc3\xa9 \xff\r\n"
    b"Message-ID: <8bit@bankmuscat.com>\r\nDate: Mon, 02 Nov 2026 08:00:00 +0400\r\n\r\nbody\r\n",
]


def test_the_rows_header_fields_from_the_header_fetch_are_those_of_the_stored_mail(env, dovecot):
    # The stored row's Message-ID (the twin check's key), sender, subject and date are read
    # from the header FETCH that picks bank mail, not from the body a second time: they
    # must be what reading the stored bytes gives.
    from pipeline.ingest import header_info

    factory, account_id = env
    raws = [alert(1), mails.card_purchase("2.500", "SHELL", WHEN, message_id="<x@bankmuscat.com>"), *ODD_HEADERS]
    for raw in raws:
        dovecot.append("alice", "INBOX", raw)

    report = fetch.poll(factory, account_id)

    assert len(report.stored) == len(raws) and report.errors == []
    with factory() as s:
        rows = s.scalars(select(RawEmail).order_by(RawEmail.uid)).all()
    assert [r.message_id for r in rows] == [
        "<robust-1@bankmuscat.com>", "<x@bankmuscat.com>", "<folded@bankmuscat.com>", None, "<8bit@bankmuscat.com>"]
    for row in rows:
        info = header_info(row.raw)
        assert (row.message_id, row.sender, row.subject, row.received_at) == (
            info.message_id, info.sender, info.subject, info.date), row.uid
