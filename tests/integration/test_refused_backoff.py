"""A mailbox whose login is refused (a changed password) is polled less and less often by beat.

Every 5 minutes that was about 290 refused logins a day: enough for Office 365 or Gmail to
lock the user's account. Real Dovecot and PostgreSQL; the schedule (sweep.mailboxes_due) is
asked at chosen times after each real poll."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from api.app import create_app
from models import MailAccount
from pipeline import db, fetch, health, secrets, sweep
from pipeline.mailbox import MailboxError
from pipeline.users import create_user
from tests.servers._util import free_port
from tests.support import mails
from tests.support.service import configured

pytestmark = pytest.mark.integration


@pytest.fixture
def env(monkeypatch, pg_migrated_url, dovecot, tmp_path) -> Iterator[tuple[sessionmaker[Session], int, str]]:
    with configured(monkeypatch, database_url=pg_migrated_url, data_dir=str(tmp_path / "data"),
                    secret_key=Fernet.generate_key().decode(), trusted_authserv_ids=mails.AUTHSERV,
                    imap_cafile=str(dovecot.cafile)):
        factory = db.session_factory()
        with factory.begin() as s:
            user, token = create_user(s, "refused@example.test", "Asia/Muscat")
            acct = MailAccount(user_id=user.id, name="work", host=dovecot.host, port=dovecot.port,
                               tls_mode="starttls", username="alice", password_enc=secrets.encrypt("an-old-password"),
                               poll_interval_s=300)
            s.add(acct)
            s.flush()
            account_id = acct.id
        yield factory, account_id, token


def last_poll(factory, account_id) -> tuple[datetime, int, str | None]:
    with factory() as s:
        a = s.get(MailAccount, account_id)
        last = a.last_poll_at if a.last_poll_at.tzinfo else a.last_poll_at.replace(tzinfo=timezone.utc)
        return last, a.refused_polls, a.last_error


def test_refused_logins_back_off_until_the_mailbox_is_changed(env, dovecot):
    factory, account_id, token = env
    waits = []

    def refused_once(expect: int) -> datetime:
        fetch.poll(factory, account_id)  # refused: recorded, not raised (retrying cannot help)
        last, refused, error = last_poll(factory, account_id)
        assert refused == expect and "login refused" in (error or "")
        # The first polls keep the mailbox's own interval; then 8, 16, 32 min ...
        waits.append(next(m for m in range(1, 24 * 60) if sweep.mailboxes_due(factory, last + timedelta(minutes=m))))
        return last

    for n in range(1, 5):
        refused_once(n)
    assert waits == [5, 5, 5, 8]
    with factory.begin() as s:  # (each refused login costs Dovecot's auth delay: skip ahead)
        s.execute(update(MailAccount).where(MailAccount.id == account_id).values(refused_polls=5))
    refused_once(6)
    assert waits[-1] == 32
    with factory.begin() as s:
        s.execute(update(MailAccount).where(MailAccount.id == account_id).values(refused_polls=38))
    last = refused_once(39)
    assert waits[-1] == 6 * 60  # never longer than 6 h
    with factory() as s:
        (box,) = health.snapshot(s).mailboxes
    (check,) = [c for c in health.check(
        health.Snapshot(now=last, pending=0, oldest_pending_at=None, failed_recent=0, mailboxes=[box], outbox_late=0,
                        oldest_late_at=None, outbox_sending_stuck=0, outbox_failed_recent=0)).checks
        if c.kind == "mailboxes"]
    assert "39 in a row: polled every 6 h until the mailbox is changed" in check.detail

    # The user sets the right password: counted from scratch, polled at its own interval again.
    with TestClient(create_app(factory)) as client:
        r = client.patch(f"/api/mailboxes/{account_id}", json={"password": dovecot.password("alice")},
                         headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200 and r.json()["refused_polls"] == 0
    assert sweep.mailboxes_due(factory, last + timedelta(minutes=5))
    report = fetch.poll(factory, account_id)
    assert report.errors == []
    assert last_poll(factory, account_id)[1:] == (0, None)


def test_a_network_error_is_not_a_refusal(env):
    """The server away is retried as usual (Celery's retry, the next tick): no backoff for it."""
    factory, account_id, _ = env
    with factory.begin() as s:
        s.execute(update(MailAccount).where(MailAccount.id == account_id).values(port=free_port(), refused_polls=3))
    with pytest.raises(MailboxError):
        fetch.poll(factory, account_id)
    assert last_poll(factory, account_id)[1] == 3  # neither counted nor forgotten


def test_a_missing_folder_does_not_stop_the_others_and_is_no_refusal(env, dovecot):
    """A folder renamed or deleted on the server: the poll used to end at it, so the folders
    after it were never read again. Now they are; the error stays on the mailbox, and beat
    does not back off (the mailbox answered). Only when no folder can be read is it a refusal."""
    factory, account_id, _ = env
    dovecot.clear("alice")
    when = datetime.now(timezone.utc) - timedelta(minutes=5)
    dovecot.append("alice", "INBOX", mails.card_purchase("2.500", "KARAK HOUSE", when,
                                                         message_id="<after-gone@bankmuscat.com>"))
    with factory.begin() as s:
        s.execute(update(MailAccount).where(MailAccount.id == account_id).values(
            password_enc=secrets.encrypt(dovecot.password("alice")), folders=["Gone", "INBOX"], refused_polls=2))
    report = fetch.poll(factory, account_id)
    assert len(report.stored) == 1
    _, refused, error = last_poll(factory, account_id)
    assert refused == 0 and error is not None and "'Gone'" in error

    with factory.begin() as s:
        s.execute(update(MailAccount).where(MailAccount.id == account_id).values(folders=["Gone", "Also gone"]))
    fetch.poll(factory, account_id)  # nothing readable: recorded, not raised, and counted as a refusal
    _, refused, error = last_poll(factory, account_id)
    assert refused == 1 and "'Gone'" in error and "'Also gone'" in error
