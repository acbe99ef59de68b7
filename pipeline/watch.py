"""Near real time: one IDLE connection per mailbox, a UID catch-up after every (re)connect.

The IDLE connection only wakes us; the fetch itself is an ordinary poll (its own
connection, the mailbox lock, the cursor), so IDLE and beat polls can never double-store.
IDLE is renewed every 30 s (servers drop idlers after 30 minutes), sockets have
timeouts, reconnects back off exponentially, and a server without IDLE is polled instead.

``supervise`` (what ``spendwatch watch`` runs) re-reads the enabled mailboxes every
``rescan_s`` seconds: it waits while there is none, starts a watcher for a new or
re-enabled mailbox, stops the one of a removed or disabled mailbox, and restarts one whose
connection settings (server, login, password, folders) changed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from models import MailAccount
from pipeline import config, fetch
from pipeline.mailbox import MailboxError

logger = logging.getLogger(__name__)
IDLE_ROUND_S = 30  # one IDLE command at most this long: a stop or a lost connection shows soon


@dataclass
class Backoff:
    base: float = 1.0
    cap: float = 300.0
    failures: int = 0

    def next_delay(self) -> float:
        self.failures += 1
        return min(self.cap, self.base * 2 ** (self.failures - 1))

    def reset(self) -> None:
        self.failures = 0


@dataclass
class Watcher:
    factory: sessionmaker[Session]
    account_id: int
    on_stored: Callable[[list[int]], None]
    settings: config.Settings
    stop: threading.Event = field(default_factory=threading.Event)
    cafile: str | None = None
    polls: int = 0
    finished: bool = False  # the account is gone or disabled: this watcher ends on its own
    _mb: Any = None

    def catch_up(self) -> None:
        fetch.poll(self.factory, self.account_id, settings=self.settings, on_stored=self.on_stored, cafile=self.cafile)
        self.polls += 1

    def run(self) -> None:
        backoff = Backoff()
        # A stop must not wait for the IDLE round to end: cut the connection instead.
        threading.Thread(target=self._interrupt_on_stop, daemon=True).start()
        while not self.stop.is_set() and not self.finished:
            try:
                self._session()
                backoff.reset()
            except MailboxError as exc:
                if self.stop.is_set():
                    return
                delay = backoff.next_delay()
                logger.warning(
                    "mailbox %s: %s; reconnecting in %.0f s", self.account_id, exc, delay,
                    extra={"mail_account_id": self.account_id},
                )
                self.stop.wait(delay)
            except Exception as exc:  # noqa: BLE001 - the database away, a bug: this thread must go on
                # Anything else would end the thread silently and near-real-time processing
                # with it until a restart. Same backoff; the next catch-up fetches what came.
                if self.stop.is_set():
                    return
                delay = backoff.next_delay()
                logger.warning(
                    "mailbox %s: watcher failed (%s: %s); reconnecting in %.0f s",
                    self.account_id, type(exc).__name__, exc, delay,
                    extra={"mail_account_id": self.account_id}, exc_info=backoff.failures == 1,
                )
                self.stop.wait(delay)

    def _interrupt_on_stop(self) -> None:
        self.stop.wait()
        if self._mb is not None:
            self._mb.interrupt()

    def _session(self) -> None:
        with self.factory() as s:
            account = s.get(MailAccount, self.account_id)
            if account is None or not account.enabled:
                # Not ``stop.set()``: the event may be shared with the other watchers.
                self.finished = True
                return
            s.expunge(account)
        folder = (account.folders or ["INBOX"])[0]
        with fetch.connect(account, self.settings, self.cafile) as mb:
            self._mb = mb
            if self.stop.is_set():
                return
            mb.select(folder)
            self.catch_up()  # whatever arrived while we were away
            if not mb.has_idle():
                logger.info("mailbox %s has no IDLE: polling every %s s", account.name, account.poll_interval_s)
                while not self.stop.wait(account.poll_interval_s):
                    self.catch_up()
                return
            last_poll = time.monotonic()
            while not self.stop.is_set():
                # Short IDLE rounds (far under the 29 minutes RFC 2177 allows) so a stop or a
                # dead connection is noticed quickly; a periodic catch-up covers a server
                # that forgot to notify.
                woke = mb.idle_wait(IDLE_ROUND_S)
                if woke or time.monotonic() - last_poll >= account.poll_interval_s:
                    self.catch_up()
                    last_poll = time.monotonic()


def watch_all(
    factory: sessionmaker[Session],
    on_stored: Callable[[list[int]], None],
    settings: config.Settings | None = None,
    stop: threading.Event | None = None,
    cafile: str | None = None,
) -> list[threading.Thread]:
    """Start one watcher thread per enabled mailbox; they stop when ``stop`` is set."""
    from sqlalchemy import select

    settings = settings or config.get()
    stop = stop or threading.Event()
    with factory() as s:
        ids = s.scalars(select(MailAccount.id).where(MailAccount.enabled.is_(True))).all()
    threads = []
    for account_id in ids:
        w = Watcher(factory, account_id, on_stored, settings, stop, cafile)
        t = threading.Thread(target=w.run, name=f"watch-{account_id}", daemon=True)
        t.start()
        threads.append(t)
    return threads


# What a watcher's connection depends on: a change restarts it (a fixed password applies now,
# not after the reconnect backoff).
_CONNECTION = (MailAccount.host, MailAccount.port, MailAccount.tls_mode, MailAccount.tls_verify,
               MailAccount.username, MailAccount.password_enc, MailAccount.folders, MailAccount.poll_interval_s)


@dataclass
class _Running:
    watcher: Watcher
    thread: threading.Thread
    fingerprint: tuple[Any, ...]


@dataclass
class Supervisor:
    """One watcher thread per enabled mailbox, kept in step with the database by ``sync``."""

    factory: sessionmaker[Session]
    on_stored: Callable[[list[int]], None]
    settings: config.Settings
    cafile: str | None = None
    running: dict[int, _Running] = field(default_factory=dict)
    _waiting_logged: bool = False

    def enabled(self) -> dict[int, tuple[Any, ...]]:
        from sqlalchemy import select

        with self.factory() as s:
            rows = s.execute(
                select(MailAccount.id, *_CONNECTION).where(MailAccount.enabled.is_(True)).order_by(MailAccount.id)
            ).all()
        return {row[0]: tuple(repr(v) for v in row[1:]) for row in rows}

    def sync(self) -> None:
        """Start, stop or restart watchers to match the enabled mailboxes."""
        wanted = self.enabled()
        for account_id in [i for i in self.running if i not in wanted]:
            logger.info("mailbox %s removed or disabled: stopping its watcher", account_id,
                        extra={"mail_account_id": account_id})
            self._stop(account_id)
        for account_id, fingerprint in wanted.items():
            current = self.running.get(account_id)
            if current is not None and current.thread.is_alive() and current.fingerprint == fingerprint:
                continue
            if current is not None:
                if current.thread.is_alive():
                    logger.info("mailbox %s changed: restarting its watcher", account_id,
                                extra={"mail_account_id": account_id})
                self._stop(account_id)
            else:
                logger.info("watching mailbox %s", account_id, extra={"mail_account_id": account_id})
            self._start(account_id, fingerprint)
        if not wanted and not self._waiting_logged:
            logger.warning("no enabled mailbox: waiting for an enabled mailbox (`spendwatch mailbox add`)")
        self._waiting_logged = not wanted

    def _start(self, account_id: int, fingerprint: tuple[Any, ...]) -> None:
        w = Watcher(self.factory, account_id, self.on_stored, self.settings, threading.Event(), self.cafile)
        t = threading.Thread(target=w.run, name=f"watch-{account_id}", daemon=True)
        t.start()
        self.running[account_id] = _Running(w, t, fingerprint)

    def _stop(self, account_id: int) -> None:
        # No join: the thread cuts its connection and ends; a fetch under way finishes under
        # the mailbox lock, so a replacement watcher can never store the same mail twice.
        self.running.pop(account_id).watcher.stop.set()

    def stop_all(self, timeout: float = 10.0) -> list[threading.Thread]:
        """Stop every watcher; wait up to ``timeout`` s in all. Returns the threads still alive."""
        threads = [r.thread for r in self.running.values()]
        for account_id in list(self.running):
            self._stop(account_id)
        deadline = time.monotonic() + timeout
        for t in threads:
            t.join(timeout=max(0.0, deadline - time.monotonic()))
        return [t for t in threads if t.is_alive()]


def supervise(
    factory: sessionmaker[Session],
    on_stored: Callable[[list[int]], None],
    stop: threading.Event,
    settings: config.Settings | None = None,
    cafile: str | None = None,
    rescan_s: float = 60.0,
    supervisor: Supervisor | None = None,
) -> None:
    """Watch the enabled mailboxes until ``stop`` is set, re-reading them every ``rescan_s`` s.

    Never exits for want of a mailbox (a fresh install waits for one); a failed re-read (the
    database away) is logged and retried on the next round with the watchers left running.
    """
    sup = supervisor or Supervisor(factory, on_stored, settings or config.get(), cafile)
    try:
        while not stop.is_set():
            try:
                sup.sync()
            except Exception as exc:  # noqa: BLE001 - the database away: keep the watchers, retry
                logger.warning("cannot read the mailboxes (%s: %s); retrying in %.0f s",
                               type(exc).__name__, exc, rescan_s)
            stop.wait(rescan_s)
    finally:
        sup.stop_all()
