"""`spendwatch watch` follows the mailbox table: waits for one, picks up new ones, drops disabled ones."""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select

from models import MailAccount, MailboxCursor, Transaction, User
from pipeline import config, db, schema, secrets, watch
from tests.support import mails
from tests.support.service import configured, wait_for

pytestmark = pytest.mark.integration


def amounts(factory) -> list[Decimal]:
    with factory() as s:
        return sorted(t.amount for t in s.scalars(select(Transaction)))


def cursor_exists(factory, account_id: int) -> bool:
    with factory() as s:
        return s.scalar(select(MailboxCursor).where(MailboxCursor.mail_account_id == account_id)) is not None


def set_enabled(factory, account_id: int, enabled: bool) -> None:
    with factory.begin() as s:
        s.get(MailAccount, account_id).enabled = enabled


def test_waits_for_a_mailbox_then_follows_the_table(monkeypatch, dovecot, tmp_path, caplog):
    from tasks import jobs

    with configured(monkeypatch, data_dir=str(tmp_path), secret_key=Fernet.generate_key().decode(),
                    trusted_authserv_ids=mails.AUTHSERV, imap_cafile=str(dovecot.cafile)):
        schema.upgrade(db.engine())
        factory = db.session_factory()
        with factory.begin() as s:
            user = User(email="sup@example.test")
            s.add(user)
            s.flush()
            user_id = user.id
        caplog.set_level(logging.INFO, logger=watch.__name__)
        sup = watch.Supervisor(factory, jobs.enqueue_process, config.get())
        stop = threading.Event()
        main = threading.Thread(target=watch.supervise,
                                kwargs={"factory": factory, "on_stored": jobs.enqueue_process, "stop": stop,
                                        "rescan_s": 0.3, "supervisor": sup}, daemon=True)
        main.start()
        try:
            # No mailbox: it waits (logged once), it does not exit.
            wait_for(lambda: any("waiting for an enabled mailbox" in r.getMessage() for r in caplog.records), 10,
                     "the waiting message")
            time.sleep(1.5)  # several re-reads
            assert main.is_alive()
            assert sum("waiting for an enabled mailbox" in r.getMessage() for r in caplog.records) == 1

            # A mailbox added while running gets an IDLE watcher (poll interval one hour: IDLE, not polling).
            with factory.begin() as s:
                acct = MailAccount(user_id=user_id, name="late", host=dovecot.host, port=dovecot.port,
                                   tls_mode="starttls", username="bob",
                                   password_enc=secrets.encrypt(dovecot.password("bob")), poll_interval_s=3600)
                s.add(acct)
                s.flush()
                account_id = acct.id
            wait_for(lambda: account_id in sup.running, 10, "a watcher for the new mailbox")
            wait_for(lambda: cursor_exists(factory, account_id), 15, "the first catch-up")
            when = datetime.now(timezone.utc) - timedelta(minutes=1)
            dovecot.append("bob", "INBOX", mails.card_purchase("1.250", "KARAK HOUSE", when,
                                                               message_id="<sup-1@bankmuscat.com>"))
            wait_for(lambda: amounts(factory) == [Decimal("1.250")], 15, "the IDLE wake-up")

            # Disabled: its thread stops (the IDLE connection is cut, not waited out).
            thread = sup.running[account_id].threads[0]
            set_enabled(factory, account_id, False)
            wait_for(lambda: not thread.is_alive(), 10, "the watcher of the disabled mailbox to end")
            assert account_id not in sup.running and main.is_alive()

            # Enabled again: a new watcher; mail that came meanwhile is caught up.
            dovecot.append("bob", "INBOX", mails.card_purchase("2.500", "KARAK HOUSE", when,
                                                               message_id="<sup-2@bankmuscat.com>"))
            set_enabled(factory, account_id, True)
            wait_for(lambda: account_id in sup.running and sup.running[account_id].alive, 10,
                     "a watcher for the re-enabled mailbox")
            wait_for(lambda: amounts(factory) == [Decimal("1.250"), Decimal("2.500")], 15, "the catch-up")

            # A new password restarts the watcher at once (no reconnect backoff to sit out).
            old = sup.running[account_id].threads[0]
            with factory.begin() as s:
                s.get(MailAccount, account_id).password_enc = secrets.encrypt(dovecot.password("bob"))
            wait_for(lambda: not old.is_alive() and sup.running[account_id].alive, 10,
                     "the restart after a password change")
            running = sup.running[account_id].threads[0]
        finally:
            started = time.monotonic()
            stop.set()
            main.join(timeout=20)
        assert not main.is_alive() and not running.is_alive()
        assert time.monotonic() - started < 10, "the stop was not prompt"
        assert sup.running == {}


def test_the_watch_command_waits_and_stops_on_sigterm(tmp_path):
    """The compose service on a fresh install: no mailbox, it keeps running; SIGTERM ends it with 0."""
    import os
    import signal
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("SPENDWATCH_")}
    env |= {"SPENDWATCH_DATA_DIR": str(tmp_path), "COLUMNS": "200"}
    cmd = [sys.executable, "-m", "pipeline.cli"]
    done = subprocess.run([*cmd, "user", "create", "me@example.test"], env=env, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stdout + done.stderr
    proc = subprocess.Popen([*cmd, "watch", "--rescan", "0.5"], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        # Long enough to import, open the database and re-read the (empty) table several times.
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        assert proc.poll() is None, proc.communicate()[0]
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, output
    assert "waiting for an enabled mailbox" in output
    assert "Traceback" not in output
