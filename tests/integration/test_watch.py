"""`spendwatch watch`: IDLE wakes the pipeline; a Dovecot restart is survived with a UID catch-up."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select

from models import MailAccount, Transaction, User
from pipeline import db, schema, secrets
from pipeline.watch import watch_all
from tests.support import mails
from tests.support.service import configured, wait_for

pytestmark = pytest.mark.integration


def amounts(factory) -> list[Decimal]:
    with factory() as s:
        return sorted(t.amount for t in s.scalars(select(Transaction)))


def test_idle_wakes_and_reconnect_catches_up(monkeypatch, dovecot, tmp_path):
    from tasks import jobs

    with configured(monkeypatch, data_dir=str(tmp_path), secret_key=Fernet.generate_key().decode(),
                    trusted_authserv_ids="mx.spendwatch.test", imap_cafile=str(dovecot.cafile)):
        schema.upgrade(db.engine())
        factory = db.session_factory()
        with factory.begin() as s:
            user = User(email="w@example.test")
            s.add(user)
            s.flush()
            s.add(MailAccount(user_id=user.id, name="w", host=dovecot.host, port=dovecot.port, tls_mode="starttls",
                              username="bob", password_enc=secrets.encrypt(dovecot.password("bob")),
                              poll_interval_s=3600))
        stop = threading.Event()
        threads = watch_all(factory, jobs.enqueue_process, stop=stop)
        try:
            assert len(threads) == 1
            when = datetime.now(timezone.utc) - timedelta(minutes=1)
            # Wait for the first catch-up (cursor stored), then a new mail must arrive via IDLE,
            # long before the one-hour poll interval.
            wait_for(lambda: _cursor_exists(factory), 15, "the first catch-up")
            dovecot.append("bob", "INBOX", mails.card_purchase("1.250", "KARAK HOUSE", when, message_id="<w-1@bankmuscat.com>"))
            wait_for(lambda: amounts(factory) == [Decimal("1.250")], 15, "the IDLE wake-up")

            dovecot.stop(fast=True)
            dovecot.start()
            dovecot.append("bob", "INBOX", mails.card_purchase("2.500", "KARAK HOUSE", when, message_id="<w-2@bankmuscat.com>"))
            wait_for(lambda: amounts(factory) == [Decimal("1.250"), Decimal("2.500")], 40, "the catch-up after reconnect")
        finally:
            stop.set()
            for t in threads:
                t.join(timeout=40)
        assert not any(t.is_alive() for t in threads)


def _cursor_exists(factory) -> bool:
    from models import MailboxCursor

    with factory() as s:
        return s.scalar(select(MailboxCursor)) is not None


def test_a_database_outage_does_not_end_the_watcher(monkeypatch, pg_server, dovecot, tmp_path, caplog):
    """PostgreSQL goes away while the watcher idles: the catch-up fails, the thread backs off,
    reconnects and stores the mail once the database is back (a thread of its own cluster)."""
    import logging

    from pipeline import watch
    from tests.servers.postgres import create_database, drop_database

    url = create_database(pg_server.url)
    try:
        with configured(monkeypatch, database_url=url, data_dir=str(tmp_path), secret_key=Fernet.generate_key().decode(),
                        trusted_authserv_ids=mails.AUTHSERV, imap_cafile=str(dovecot.cafile)):
            schema.upgrade(db.engine())
            factory = db.session_factory()
            with factory.begin() as s:
                user = User(email="outage@example.test")
                s.add(user)
                s.flush()
                acct = MailAccount(user_id=user.id, name="o", host=dovecot.host, port=dovecot.port,
                                   tls_mode="starttls", username="bob",
                                   password_enc=secrets.encrypt(dovecot.password("bob")), poll_interval_s=3600)
                s.add(acct)
                s.flush()
                account_id = acct.id
            handed: list[int] = []
            stop = threading.Event()
            caplog.set_level(logging.WARNING, logger=watch.__name__)
            threads = watch_all(factory, handed.extend, stop=stop)
            try:
                wait_for(lambda: _cursor_exists(factory), 15, "the first catch-up")
                # A clean stop: an outage, not a crash, is what this test is about.
                pg_server.stop()
                when = datetime.now(timezone.utc) - timedelta(minutes=1)
                dovecot.append("bob", "INBOX", mails.card_purchase("3.750", "KARAK HOUSE", when,
                                                                   message_id="<w-db@bankmuscat.com>"))
                # IDLE wakes the watcher; its catch-up meets the dead database.
                wait_for(lambda: not threads[0].is_alive() or any(
                    f"mailbox {account_id}" in r.getMessage() for r in caplog.records if r.name == watch.__name__),
                    20, "the watcher to meet the outage")
                pg_server.start()
                assert threads[0].is_alive(), "the watcher thread ended on a database error"
                wait_for(lambda: len(handed) == 1, 40, "the catch-up after the database came back")
                assert threads[0].is_alive()
            finally:
                stop.set()
                for t in threads:
                    t.join(timeout=40)
            assert not any(t.is_alive() for t in threads)
    finally:
        if not pg_server_running(pg_server):
            pg_server.start()
        drop_database(url)


def pg_server_running(server) -> bool:
    from tests.servers._util import port_open

    return port_open(server.port)
