"""`spendwatch watch` left alone for months: what a real server and a real network do to it.

Every case runs the real watcher (pipeline.watch.Watcher / Supervisor) against the real
Dovecot and PostgreSQL; network faults a server cannot make (a half-open connection, an
RST, garbage inside TLS) come from a loopback TCP proxy in front of Dovecot
(tests/support/tcp_proxy.py). Nothing of imapclient is mocked; the only spy wraps our own
``Mailbox.idle_wait`` to know when a watcher idles, its behaviour unchanged.
"""

from __future__ import annotations

import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models import MailAccount, MailboxCursor, RawEmail, User
from pipeline import config, db, fetch, health, secrets, watch
from pipeline.locks import mailbox_lock
from pipeline.mailbox import Mailbox, MailboxError
from tests.servers.dovecot import Dovecot
from tests.support import mails
from tests.support.service import configured, wait_for
from tests.support.tcp_proxy import TcpProxy

pytestmark = pytest.mark.integration

WHEN = datetime.now(timezone.utc) - timedelta(minutes=5)


def alert(tag: str) -> bytes:
    return mails.card_purchase("1.250", "KARAK HOUSE", WHEN, message_id=f"<{tag}@bankmuscat.com>")


@dataclass
class Env:
    factory: sessionmaker[Session]
    user_id: int
    dovecot: Dovecot
    settings: config.Settings
    secret_key: str
    database_url: str
    data_dir: Path

    def add_box(self, user: str = "bob", *, password: str | None = None, host: str | None = None,
                port: int | None = None, tls_mode: str = "starttls", folders: list[str] | None = None,
                poll_interval_s: int = 3600) -> int:
        with self.factory.begin() as s:
            acct = MailAccount(user_id=self.user_id, name=f"box-{user}", host=host or self.dovecot.host,
                               port=port or self.dovecot.port, tls_mode=tls_mode, username=user,
                               password_enc=secrets.encrypt(password or self.dovecot.password(user)),
                               folders=folders or ["INBOX"], poll_interval_s=poll_interval_s)
            s.add(acct)
            s.flush()
            return acct.id

    def stored(self, account_id: int) -> list[str]:
        with self.factory() as s:
            return sorted(m or "" for m in s.scalars(
                select(RawEmail.message_id).where(RawEmail.mail_account_id == account_id)))

    def last_error(self, account_id: int) -> str | None:
        with self.factory() as s:
            return s.get(MailAccount, account_id).last_error

    def has_cursor(self, account_id: int) -> bool:
        with self.factory() as s:
            return s.scalar(select(func.count()).select_from(MailboxCursor)
                            .where(MailboxCursor.mail_account_id == account_id)) > 0


@pytest.fixture
def env(monkeypatch, pg_migrated_url, dovecot, tmp_path) -> Iterator[Env]:
    key = Fernet.generate_key().decode()
    data = tmp_path / "data"
    with configured(monkeypatch, database_url=pg_migrated_url, data_dir=str(data), secret_key=key,
                    trusted_authserv_ids=mails.AUTHSERV, imap_cafile=str(dovecot.cafile)):
        factory = db.session_factory()
        with factory.begin() as s:
            user = User(email="unattended@example.test", timezone="Asia/Muscat")
            s.add(user)
            s.flush()
            user_id = user.id
        yield Env(factory, user_id, dovecot, config.get(), key, pg_migrated_url, data)


@pytest.fixture
def idling(monkeypatch) -> dict[str, threading.Event]:
    """username -> set while that user's watcher waits in IDLE (a spy on our adapter only)."""
    events: dict[str, threading.Event] = {}
    real = Mailbox.idle_wait

    def spy(self: Mailbox, timeout_s: float) -> bool:
        ev = events.setdefault(self.label.split("@", 1)[0], threading.Event())
        ev.set()
        try:
            return real(self, timeout_s)
        finally:
            ev.clear()

    monkeypatch.setattr(Mailbox, "idle_wait", spy)
    return events


def is_idling(idling: dict[str, threading.Event], user: str) -> bool:
    ev = idling.get(user)
    return ev is not None and ev.is_set()


@pytest.fixture
def run_watcher(env: Env) -> Iterator[Any]:
    """Start Watchers in threads; every one is stopped (and must end) after the test."""
    started: list[tuple[watch.Watcher, threading.Thread]] = []

    def start(account_id: int, **fields: Any) -> tuple[watch.Watcher, threading.Thread]:
        w = watch.Watcher(env.factory, account_id, lambda ids: None, env.settings, threading.Event(),
                          str(env.dovecot.cafile))
        for k, v in fields.items():
            setattr(w, k, v)
        t = threading.Thread(target=w.run, name=f"watch-{account_id}", daemon=True)
        t.start()
        started.append((w, t))
        return w, t

    yield start
    for w, _ in started:
        w.stop.set()
    for _, t in started:
        t.join(timeout=20)
    assert not any(t.is_alive() for _, t in started), "a watcher did not stop"


@contextmanager
def supervising(env: Env) -> Iterator[watch.Supervisor]:
    """The real ``supervise`` loop (re-reading the mailboxes every 0.5 s) in a thread; stopped after."""
    sup = watch.Supervisor(env.factory, lambda ids: None, env.settings, str(env.dovecot.cafile))
    stop = threading.Event()
    main = threading.Thread(target=watch.supervise, kwargs={"factory": env.factory, "on_stored": lambda ids: None,
                            "stop": stop, "rescan_s": 0.5, "supervisor": sup}, daemon=True)
    main.start()
    try:
        yield sup
    finally:
        stop.set()
        main.join(timeout=20)
    assert not main.is_alive()


def reconnect_delays(caplog: pytest.LogCaptureFixture, account_id: int) -> list[float]:
    return [float(r.args[-1]) for r in caplog.records
            if r.name == watch.__name__ and "reconnecting in" in r.msg and r.args and r.args[0] == account_id]


def log_size(dovecot: Dovecot) -> int:
    return len(dovecot.log.read_text(errors="replace"))


def auth_failures(dovecot: Dovecot, user: str, since: int) -> int:
    """Failed logins of ``user`` Dovecot logged after offset ``since`` of its log (shared by the session)."""
    text = dovecot.log.read_text(errors="replace")[since:]
    return len(re.findall(rf"auth failed.*user=<{user}>", text))


# ------------------------------------------------------------------ re-issuing IDLE


def test_idle_is_renewed_well_inside_every_providers_limit(env, run_watcher, monkeypatch):
    """RFC 2177 allows 29 minutes; Gmail drops an IDLE after about 10. Each round ends with
    DONE and a new IDLE; seen on the wire (plain IMAP through the proxy)."""
    assert watch.IDLE_ROUND_S <= 5 * 60
    monkeypatch.setattr(watch, "IDLE_ROUND_S", 1)
    with TcpProxy(env.dovecot.host, env.dovecot.port) as proxy:
        account_id = env.add_box(host=proxy.host, port=proxy.port, tls_mode="plain")
        run_watcher(account_id)
        wait_for(lambda: sum(b" IDLE" in line for line in proxy.client_lines) >= 4, 20, "four IDLE rounds")
        idles = [line for line in proxy.client_lines if line.rstrip().endswith(b" IDLE")]
        dones = [line for line in proxy.client_lines if line.strip() == b"DONE"]
        assert len(dones) >= len(idles) - 1


def test_the_poll_interval_is_kept_while_idle_reports_nothing(env, run_watcher, idling, monkeypatch):
    """The periodic catch-up is what saves mail a server forgot to announce (or announced to
    a session left on a replaced folder): it must come every poll interval, not only when an
    IDLE round happens to end (30 s)."""
    monkeypatch.setattr(watch, "MIN_POLL_S", 1)
    account_id = env.add_box(poll_interval_s=2)
    w, _ = run_watcher(account_id)
    wait_for(lambda: is_idling(idling, "bob"), 20, "the watcher in IDLE")
    first = w.polls
    time.sleep(7)
    assert w.polls - first >= 3, w.polls - first


def test_a_poll_interval_of_zero_does_not_poll_in_a_tight_loop(env, run_watcher, idling):
    """The API refuses under 10 s; a row written around it (SQL, an old import) must not make
    the watcher log in to the server again and again."""
    account_id = env.add_box(poll_interval_s=0)
    w, _ = run_watcher(account_id)
    wait_for(lambda: is_idling(idling, "bob"), 20, "the watcher in IDLE")
    first = w.polls
    time.sleep(3)
    assert w.polls - first == 0


# ------------------------------------------------------------------ the connection breaks


def test_backoff_starts_again_after_a_healthy_session(env, run_watcher, idling, caplog):
    """Gmail and Outlook drop long connections now and then, servers restart: over months a
    watcher reconnects hundreds of times. Each drop after a session that worked must cost
    the base delay, not the doubled delay of every drop since the process started."""
    caplog.set_level(logging.WARNING, logger=watch.__name__)
    account_id = env.add_box()
    run_watcher(account_id, healthy_s=0.5)
    for n in range(5):
        wait_for(lambda: is_idling(idling, "bob"), 30, f"the watcher in IDLE before drop {n + 1}")
        time.sleep(0.6)  # a session that worked (longer than healthy_s)
        env.dovecot.kill()
        env.dovecot.start()
        wait_for(lambda n=n: len(reconnect_delays(caplog, account_id)) > n, 30, f"the reconnect after drop {n + 1}")
    env.dovecot.append("bob", "INBOX", alert("after-drops"))
    wait_for(lambda: env.stored(account_id) == ["<after-drops@bankmuscat.com>"], 30, "the mail after the drops")
    assert reconnect_delays(caplog, account_id)[:5] == [1.0] * 5


def test_a_connection_reset_mid_idle_reconnects_and_catches_up(env, run_watcher, idling):
    with TcpProxy(env.dovecot.host, env.dovecot.port) as proxy:
        account_id = env.add_box(host=proxy.host, port=proxy.port)
        run_watcher(account_id)
        wait_for(lambda: is_idling(idling, "bob"), 20, "the watcher in IDLE")
        assert proxy.reset() >= 1
        env.dovecot.append("bob", "INBOX", alert("after-rst"))  # while the watcher is disconnected
        wait_for(lambda: env.stored(account_id) == ["<after-rst@bankmuscat.com>"], 30, "the catch-up after the RST")
        wait_for(lambda: is_idling(idling, "bob"), 20, "IDLE again")
        assert env.last_error(account_id) is None


def test_a_tls_error_mid_idle_reconnects_and_catches_up(env, run_watcher, idling):
    with TcpProxy(env.dovecot.host, env.dovecot.ssl_port) as proxy:
        account_id = env.add_box(host=proxy.host, port=proxy.port, tls_mode="ssl")
        run_watcher(account_id)
        wait_for(lambda: is_idling(idling, "bob"), 20, "the watcher in IDLE")
        assert proxy.inject(b"\x17\x03\x03\x00\x10not-a-tls-record") >= 1  # a record that fails its MAC
        env.dovecot.append("bob", "INBOX", alert("after-tls"))
        wait_for(lambda: env.stored(account_id) == ["<after-tls@bankmuscat.com>"], 30, "the catch-up after the TLS error")
        wait_for(lambda: is_idling(idling, "bob"), 20, "IDLE again")


def test_a_server_shutdown_mid_idle_reconnects_and_catches_up(env, run_watcher, idling):
    """A clean Dovecot stop: `* BYE Server shutting down`, then the restart."""
    account_id = env.add_box()
    run_watcher(account_id)
    wait_for(lambda: is_idling(idling, "bob"), 20, "the watcher in IDLE")
    env.dovecot.stop(fast=False)
    env.dovecot.start()
    env.dovecot.append("bob", "INBOX", alert("after-bye"))
    wait_for(lambda: env.stored(account_id) == ["<after-bye@bankmuscat.com>"], 40, "the catch-up after BYE")


def test_a_half_open_connection_is_noticed_and_replaced(env, run_watcher, idling, monkeypatch):
    """The network goes silent (no FIN, no RST): IDLE would wait forever. The round ends,
    DONE gets no answer within the socket timeout, a new connection catches up. Timeouts
    shortened so the test takes seconds; production: 30 s rounds, 30 s socket timeout."""
    monkeypatch.setattr(watch, "IDLE_ROUND_S", 1)
    monkeypatch.setattr(fetch, "IMAP_TIMEOUT_S", 2.0)
    with TcpProxy(env.dovecot.host, env.dovecot.port) as proxy:
        account_id = env.add_box(host=proxy.host, port=proxy.port)
        run_watcher(account_id)
        wait_for(lambda: is_idling(idling, "bob"), 20, "the watcher in IDLE")
        wait_for(lambda: env.has_cursor(account_id), 10, "the first catch-up")
        before = proxy.accepted
        assert proxy.freeze() >= 1  # every connection open now is a black hole
        t0 = time.monotonic()
        env.dovecot.append("bob", "INBOX", alert("after-freeze"))
        wait_for(lambda: env.stored(account_id) == ["<after-freeze@bankmuscat.com>"], 20,
                 "the mail through a new connection")
        assert proxy.accepted > before
        # round (1 s) + DONE unanswered (2 s) + reconnect (1 s): no LOGOUT waited out on the dead socket
        assert time.monotonic() - t0 < 7, time.monotonic() - t0


def test_closing_a_connection_that_went_silent_does_not_wait_another_timeout(dovecot):
    with TcpProxy(dovecot.host, dovecot.port) as proxy:
        box = Mailbox.connect(proxy.host, proxy.port, "alice", dovecot.password("alice"), tls_mode="starttls",
                              cafile=str(dovecot.cafile), timeout=2)
        box.select("INBOX")
        proxy.freeze()
        t0 = time.monotonic()
        with pytest.raises(MailboxError) as err:
            box.idle_wait(0.5)
        assert not err.value.permanent and "timed out" in str(err.value)
        assert time.monotonic() - t0 < 5
        t1 = time.monotonic()
        box.close()  # LOGOUT on a dead connection would wait the whole timeout again
        assert time.monotonic() - t1 < 0.5


# ------------------------------------------------------------------ configuration problems


def test_a_refused_login_is_reported_and_not_retried_every_few_seconds(env, run_watcher, caplog):
    """The password was changed at the provider. Office 365 locks an account after about 10
    failed logins, Gmail asks for a web login: the watcher must report, and wait long."""
    caplog.set_level(logging.WARNING, logger=watch.__name__)
    account_id = env.add_box("carol", password="an-old-password")
    since = log_size(env.dovecot)
    _, thread = run_watcher(account_id)
    wait_for(lambda: env.last_error(account_id), 15, "the error on the mailbox")
    assert "login refused" in (env.last_error(account_id) or "")
    time.sleep(8)  # Dovecot takes 2 s to refuse: the old backoff tried four times by now
    assert auth_failures(env.dovecot, "carol", since) == 1
    assert reconnect_delays(caplog, account_id)[0] >= 60
    assert thread.is_alive()
    # `spendwatch health` shows why (the stale check comes only after three poll intervals)
    with env.factory() as s:
        report = health.check(health.snapshot(s))
    box = [c for c in report.checks if c.name.startswith(f"mailbox #{account_id}")]
    assert box and box[0].level == health.Level.WARNING and "login refused" in box[0].detail


def test_the_watched_folder_deleted_is_reported(env, run_watcher, idling, caplog):
    caplog.set_level(logging.WARNING, logger=watch.__name__)
    env.dovecot.create_folder("bob", "Alerts")
    account_id = env.add_box(folders=["Alerts"])
    run_watcher(account_id)
    wait_for(lambda: is_idling(idling, "bob"), 20, "the watcher in IDLE")
    c = env.dovecot.client("bob")
    try:
        c.delete_folder("Alerts")
    finally:
        c.logout()
    wait_for(lambda: "Alerts" in (env.last_error(account_id) or ""), 20, "the missing folder on the mailbox")
    time.sleep(3)
    delays = reconnect_delays(caplog, account_id)
    assert delays[-1] >= 60  # retried slowly: it stays missing until someone acts


def test_a_folder_replaced_under_the_idle_connection_is_rescanned_and_watched_again(env, run_watcher, idling,
                                                                                     monkeypatch):
    """Deleted and created again (restored, migrated): a new UIDVALIDITY, UIDs from 1 again.
    Dovecot may keep the idling session on the old folder, answering NOOP and IDLE but never
    announcing mail again: the periodic catch-up rescans, and the watcher must then select
    the folder anew, or every later alert waits for the poll interval."""
    env.dovecot.create_folder("bob", "Alerts")
    env.dovecot.append("bob", "Alerts", alert("old-1"))
    monkeypatch.setattr(watch, "MIN_POLL_S", 1)
    account_id = env.add_box(folders=["Alerts"], poll_interval_s=6)
    run_watcher(account_id)
    wait_for(lambda: env.stored(account_id) == ["<old-1@bankmuscat.com>"], 20, "the first catch-up")
    wait_for(lambda: is_idling(idling, "bob"), 20, "the watcher in IDLE")
    c = env.dovecot.client("bob")
    try:  # restored from a backup, migrated: same name, new UIDVALIDITY, UIDs from 1 again
        c.delete_folder("Alerts")
        c.create_folder("Alerts")
        c.append("Alerts", alert("old-1"))
        c.append("Alerts", alert("new-2"))
    finally:
        c.logout()
    wait_for(lambda: env.stored(account_id) == ["<new-2@bankmuscat.com>", "<old-1@bankmuscat.com>"], 20,
             "the rescan after the UIDVALIDITY change")
    wait_for(lambda: is_idling(idling, "bob"), 20, "the watcher in IDLE again")
    time.sleep(0.5)
    env.dovecot.append("bob", "Alerts", alert("new-3"))
    t0 = time.monotonic()
    wait_for(lambda: "<new-3@bankmuscat.com>" in env.stored(account_id), 20, "the next alert")
    assert time.monotonic() - t0 < 3, "the next alert waited for the poll interval: IDLE is deaf"
    assert len(env.stored(account_id)) == 3  # the old mail once, though its UID was seen again


def test_a_renamed_folder_is_noticed_on_the_next_round(env, run_watcher, idling, monkeypatch):
    """Dovecot says nothing to the idler on RENAME; the next command fails and the folder is missing."""
    monkeypatch.setattr(watch, "IDLE_ROUND_S", 1)
    env.dovecot.create_folder("bob", "Alerts")
    account_id = env.add_box(folders=["Alerts"])
    run_watcher(account_id)
    wait_for(lambda: is_idling(idling, "bob"), 20, "the watcher in IDLE")
    c = env.dovecot.client("bob")
    try:
        c.rename_folder("Alerts", "Old alerts")
    finally:
        c.logout()
    wait_for(lambda: "cannot open folder 'Alerts'" in (env.last_error(account_id) or ""), 20, "the error")


# ------------------------------------------------------------------ several mailboxes


def test_one_broken_mailbox_does_not_stop_the_others(env, idling):
    good = env.add_box("bob")
    wrong_password = env.add_box("carol", password="not-it")
    missing_folder = env.add_box("alice", folders=["Nope"])
    with supervising(env) as sup:
        wait_for(lambda: is_idling(idling, "bob"), 20, "the good mailbox in IDLE")
        env.dovecot.append("bob", "INBOX", alert("good-1"))
        wait_for(lambda: env.stored(good) == ["<good-1@bankmuscat.com>"], 15, "the good mailbox's mail")
        wait_for(lambda: env.last_error(wrong_password) and env.last_error(missing_folder), 15,
                 "both errors on their mailboxes")
        assert "login refused" in env.last_error(wrong_password)
        assert "'Nope'" in env.last_error(missing_folder)
        assert env.last_error(good) is None
        assert all(r.alive for r in sup.running.values())


def test_every_folder_of_a_mailbox_is_watched_in_idle(env, monkeypatch):
    """IDLE watches the one folder a connection selected: an alert a server-side rule files
    into the second folder must wake us as one in INBOX does, not wait for the poll interval
    (an hour here). One connection per folder; changing the folders restarts the watchers."""
    idlers: dict[str, int] = {}  # folder -> connections of bob idling on it now (a spy on our adapter)
    guard = threading.Lock()
    real = Mailbox.idle_wait

    def spy(self: Mailbox, timeout_s: float) -> bool:
        key = str(self.folder)
        with guard:
            idlers[key] = idlers.get(key, 0) + 1
        try:
            return real(self, timeout_s)
        finally:
            with guard:
                idlers[key] -= 1

    monkeypatch.setattr(Mailbox, "idle_wait", spy)

    def idling_on(*folders: str) -> bool:
        with guard:
            return all(idlers.get(f, 0) == 1 for f in folders)

    env.dovecot.clear("bob")
    env.dovecot.create_folder("bob", "Bank alerts")
    env.dovecot.create_folder("bob", "Cards")
    account_id = env.add_box(folders=["INBOX", "Bank alerts"], poll_interval_s=3600)
    with supervising(env) as sup:
        wait_for(lambda: idling_on("INBOX", "Bank alerts"), 20, "one watcher idling on each folder")
        assert len(sup.running[account_id].threads) == 2
        env.dovecot.append("bob", "Bank alerts", alert("second-folder"))
        wait_for(lambda: env.stored(account_id) == ["<second-folder@bankmuscat.com>"], 15,
                 "the second folder's IDLE wake-up")
        env.dovecot.append("bob", "INBOX", alert("first-folder"))
        wait_for(lambda: "<first-folder@bankmuscat.com>" in env.stored(account_id), 15, "the first folder's wake-up")

        # Folders changed: the watchers restart on the new set (Cards watched, INBOX no more).
        old = list(sup.running[account_id].threads)
        with env.factory.begin() as s:
            s.get(MailAccount, account_id).folders = ["Bank alerts", "Cards"]
        wait_for(lambda: not any(t.is_alive() for t in old) and idling_on("Bank alerts", "Cards"), 20,
                 "the watchers of the new folders")
        wait_for(lambda: idlers.get("INBOX", 0) == 0, 10, "INBOX's watcher gone")
        env.dovecot.append("bob", "Cards", alert("third-folder"))
        wait_for(lambda: "<third-folder@bankmuscat.com>" in env.stored(account_id), 15, "the new folder's wake-up")
        assert sorted(env.stored(account_id)) == ["<first-folder@bankmuscat.com>", "<second-folder@bankmuscat.com>",
                                                  "<third-folder@bankmuscat.com>"]
    assert sup.running == {}


# ------------------------------------------------------------------ the cursor and the lock


def test_a_wake_up_while_another_poll_holds_the_lock_is_not_left_for_an_hour(env, run_watcher, idling):
    """Beat's poll (or the previous watcher's last fetch) holds the mailbox lock when IDLE
    wakes: that poll may have searched before the mail came. The watcher must try again
    soon, not at the next poll interval (an hour here)."""
    account_id = env.add_box()
    run_watcher(account_id)
    wait_for(lambda: env.has_cursor(account_id), 15, "the first catch-up")
    wait_for(lambda: is_idling(idling, "bob"), 20, "the watcher in IDLE")
    with mailbox_lock(db.engine(), account_id, env.data_dir / "locks") as got:
        assert got
        env.dovecot.append("bob", "INBOX", alert("while-locked"))
        time.sleep(2)  # the wake-up (0.5 s) and its catch-up, skipped
        assert env.stored(account_id) == []
    wait_for(lambda: env.stored(account_id) == ["<while-locked@bankmuscat.com>"], 20, "the retried catch-up")


# ------------------------------------------------------------------ SIGTERM


def test_sigterm_logs_out_and_exits_zero_with_nothing_lost(env):
    """The compose service stopped (SIGTERM) while idling: exit 0 at once, the IMAP session
    ended with LOGOUT; mail that came while it was down is fetched by the next start."""
    account_id = env.add_box()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SPENDWATCH_")}
    environ |= {"SPENDWATCH_DATABASE_URL": env.database_url, "SPENDWATCH_SECRET_KEY": env.secret_key,
                "SPENDWATCH_DATA_DIR": str(env.data_dir), "SPENDWATCH_IMAP_CAFILE": str(env.dovecot.cafile),
                "SPENDWATCH_TRUSTED_AUTHSERV_IDS": mails.AUTHSERV,
                "COLUMNS": "200"}

    def start() -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "watch", "--rescan", "0.5"], env=environ,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    proc = start()
    try:
        wait_for(lambda: env.has_cursor(account_id), 30, "the first catch-up")
        env.dovecot.append("bob", "INBOX", alert("sig-1"))
        wait_for(lambda: env.stored(account_id) == ["<sig-1@bankmuscat.com>"], 20, "the IDLE wake-up")
        time.sleep(1)  # back in IDLE
        log_before = env.dovecot.log.read_text(errors="replace")
        t0 = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=20)
        took = time.monotonic() - t0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, output
    assert took < 5, took
    assert "Traceback" not in output

    def ended() -> list[str]:  # how bob's sessions ended since the signal: the IDLE one is among them
        return re.findall(r"imap\(bob\).*Disconnected: ([^(]*)", env.dovecot.log.read_text(errors="replace")[
            len(log_before):])

    wait_for(ended, 10, "Dovecot to see the watcher's session end")
    assert all(e.startswith("Logged out") for e in ended()), ended()  # not "Connection closed"

    env.dovecot.append("bob", "INBOX", alert("sig-2"))  # while nothing watches
    proc = start()
    try:
        wait_for(lambda: env.stored(account_id) == ["<sig-1@bankmuscat.com>", "<sig-2@bankmuscat.com>"], 30,
                 "the catch-up at the next start")
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, output
