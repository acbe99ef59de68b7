"""Near real time: one IDLE connection per mailbox, a UID catch-up after every (re)connect.

The IDLE connection only wakes us; the fetch itself is an ordinary poll (its own
connection, the mailbox lock, the cursor), so IDLE and beat polls can never double-store.
IDLE is renewed before the 10 minute mark (servers drop idlers after 30), sockets have
timeouts, reconnects back off exponentially, and a server without IDLE is polled instead.
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
IDLE_ROUND_S = 30


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
    _mb: Any = None

    def catch_up(self) -> None:
        fetch.poll(self.factory, self.account_id, settings=self.settings, on_stored=self.on_stored, cafile=self.cafile)
        self.polls += 1

    def run(self) -> None:
        backoff = Backoff()
        # A stop must not wait for the IDLE round to end: cut the connection instead.
        threading.Thread(target=self._interrupt_on_stop, daemon=True).start()
        while not self.stop.is_set():
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
                self.stop.set()
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
                # Short IDLE rounds (well under the 10 minute renewal) so a stop is noticed
                # quickly; a periodic catch-up covers a server that forgot to notify.
                woke = mb.idle_wait(min(self.settings.idle_timeout_s, IDLE_ROUND_S))
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
