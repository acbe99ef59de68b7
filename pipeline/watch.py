"""Near real time: one IDLE connection per folder of a mailbox, a UID catch-up after every (re)connect.

The IDLE connection only wakes us; the fetch itself is an ordinary poll (its own
connection, the mailbox lock, the cursor), so IDLE and beat polls can never double-store.
IDLE is renewed every 30 s (servers drop idlers after 30 minutes; Gmail after about 10),
sockets have timeouts (a half-open connection fails, it does not hang), reconnects back off
exponentially (from the base again after a session that worked; slowly, from a minute up to
half an hour, for a refused login or a missing folder, so the provider does not lock the
account), every failure is the mailbox's ``last_error`` (``spendwatch health``), a catch-up runs
at least every poll interval, and a server without IDLE is polled instead. A stop ends IDLE
with DONE and the session with LOGOUT.

IMAP's IDLE watches the one folder a connection has selected, so a mailbox with several
folders gets one watcher (thread and connection) per folder: an alert filed into the second
folder by a server-side rule wakes us as soon as one in INBOX does, instead of waiting for the
poll interval. Each watcher's catch-up is the whole mailbox's poll; two at once are one poll
and one retry a few seconds later (the mailbox lock). Servers cap connections per user
(Dovecot 10 per address by default, Gmail 15): a mailbox watching more than a few folders
should rather have its alerts filed into one.

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
# A session up this long worked: when it drops (Gmail and Outlook end long connections, servers
# restart), the reconnect waits the base delay again, not the doubled delay of every drop since start.
HEALTHY_S = 60.0
# A catch-up skipped because another poll held the mailbox lock is tried again this soon: that
# poll may have searched before the mail that woke us came.
CATCH_UP_RETRY_S = 5.0
# On a stop, IDLE ends with DONE and the session with LOGOUT; a connection that does not answer
# within this long is cut instead.
STOP_GRACE_S = 3.0
MIN_POLL_S = 10  # the API's lower bound, for a row written around it: 0 would poll in a tight loop


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


def _permanent_backoff() -> Backoff:
    # Login refused, folder missing, certificate untrusted: retrying will not help until someone
    # acts, and providers lock an account after a handful of failed logins (Office 365, Gmail).
    # A change of the mailbox's settings restarts its watcher at once (Supervisor), so a fix
    # does not wait for this.
    return Backoff(base=60.0, cap=1800.0)


@dataclass
class Watcher:
    factory: sessionmaker[Session]
    account_id: int
    on_stored: Callable[[list[int]], None]
    settings: config.Settings
    stop: threading.Event = field(default_factory=threading.Event)
    cafile: str | None = None
    folder: str | None = None  # the folder to IDLE on; None: the mailbox's first
    polls: int = 0
    finished: bool = False  # the account is gone or disabled: this watcher ends on its own
    healthy_s: float = HEALTHY_S
    backoff: Backoff = field(default_factory=Backoff)
    permanent_backoff: Backoff = field(default_factory=_permanent_backoff)
    _mb: Any = None
    _up_since: float | None = None  # when the current session had its folder selected
    _done: threading.Event = field(default_factory=threading.Event)

    def catch_up(self) -> fetch.PollReport:
        report = fetch.poll(self.factory, self.account_id, settings=self.settings, on_stored=self.on_stored,
                            cafile=self.cafile)
        self.polls += 1
        return report

    def run(self) -> None:
        # A stop must not wait for the IDLE round to end: wake it (then DONE and LOGOUT).
        threading.Thread(target=self._interrupt_on_stop, daemon=True).start()
        try:
            while not self.stop.is_set() and not self.finished:
                try:
                    self._session()
                    self.backoff.reset()
                    self.permanent_backoff.reset()
                    continue
                except MailboxError as exc:
                    permanent, error = exc.permanent, str(exc)
                    what, trace = str(exc), False
                except Exception as exc:  # noqa: BLE001 - the database away, a bug: this thread must go on
                    # Anything else would end the thread silently and near-real-time processing
                    # with it until a restart. Same backoff; the next catch-up fetches what came.
                    first = (str(exc).splitlines() or [""])[0][:300]  # no SQL, no traceback: one line
                    permanent, error = False, f"watcher failed: {type(exc).__name__}: {first}"
                    what, trace = f"watcher failed ({type(exc).__name__}: {exc})", self.backoff.failures == 0
                if self.stop.is_set():
                    return
                if self._up_since is not None and time.monotonic() - self._up_since >= self.healthy_s:
                    self.backoff.reset()
                    self.permanent_backoff.reset()
                delay = (self.permanent_backoff if permanent else self.backoff).next_delay()
                logger.warning("mailbox %s: %s; reconnecting in %.0f s", self.account_id, what, delay,
                               extra={"mail_account_id": self.account_id}, exc_info=trace)
                self._record(error)
                self.stop.wait(delay)
        finally:
            self._done.set()

    def _record(self, error: str) -> None:
        """The failure as the mailbox's last error: `spendwatch health` and the API show why nothing
        arrives (beat may not run at all). The next catch-up that succeeds clears it."""
        try:
            with self.factory.begin() as s:
                account = s.get(MailAccount, self.account_id)
                if account is not None:
                    account.last_error = error.replace("\x00", "")[:4000]
        except Exception:  # noqa: BLE001 - the database may be what failed: already logged above
            logger.debug("could not record the error of mailbox %s", self.account_id, exc_info=True)

    def _interrupt_on_stop(self) -> None:
        self.stop.wait()
        mb = self._mb
        if mb is None:
            return
        mb.interrupt()  # IDLE ends with DONE; the session logs out
        if not self._done.wait(STOP_GRACE_S):
            mb.abort()  # blocked on an answer that does not come: cut

    def _session(self) -> None:
        self._up_since = None
        with self.factory() as s:
            account = s.get(MailAccount, self.account_id)
            if account is None or not account.enabled:
                # Not ``stop.set()``: the event may be shared with the other watchers.
                self.finished = True
                return
            s.expunge(account)
        folder = self.folder or (account.folders or ["INBOX"])[0]
        with fetch.connect(account, self.settings, self.cafile) as mb:
            self._mb = mb
            if self.stop.is_set():
                return
            selected = mb.select(folder)
            self._up_since = time.monotonic()
            every = max(MIN_POLL_S, account.poll_interval_s or 0)
            retry_at: float | None = None  # a catch-up skipped for the lock: when to try again
            last_poll = time.monotonic()

            def catch_up() -> None:
                nonlocal retry_at, last_poll
                report = self.catch_up()
                last_poll = time.monotonic()
                retry_at = last_poll + CATCH_UP_RETRY_S if report.skipped == fetch.SKIPPED_BUSY else None
                seen = report.uidvalidity.get(folder)
                if seen is not None and seen != selected.uidvalidity:
                    # Deleted and created again, restored, migrated: Dovecot may keep this
                    # session on the old folder, IDLE answering but never announcing new mail.
                    # Selected again after the usual reconnect delay (a server whose UIDVALIDITY
                    # changes at every SELECT must not get a reconnect loop).
                    raise MailboxError(f"mailbox {account.name}: folder {folder!r} was replaced under the IDLE "
                                       f"connection (UIDVALIDITY {selected.uidvalidity}, now {seen})")

            def due_in() -> float:
                """Seconds until the next catch-up is due (the poll interval, or a retry), at least 0."""
                due = last_poll + every
                return max(0.0, (due if retry_at is None else min(due, retry_at)) - time.monotonic())

            catch_up()  # whatever arrived while we were away
            if not mb.has_idle():
                logger.info("mailbox %s has no IDLE: polling every %s s", account.name, every)
                while not self.stop.wait(due_in()):
                    catch_up()
                return
            while not self.stop.is_set():
                # Short IDLE rounds (far under the 29 minutes RFC 2177 allows) so a stop or a
                # dead connection is noticed quickly; a periodic catch-up covers a server
                # that forgot to notify (or a session left on a replaced folder). A round
                # ends when that catch-up is due, not up to a round later.
                round_s = min(IDLE_ROUND_S, due_in())
                woke = mb.idle_wait(round_s) if round_s > 0 else False
                if woke or due_in() <= 0:
                    catch_up()


def watch_all(
    factory: sessionmaker[Session],
    on_stored: Callable[[list[int]], None],
    settings: config.Settings | None = None,
    stop: threading.Event | None = None,
    cafile: str | None = None,
) -> list[threading.Thread]:
    """Start one watcher thread per folder of every enabled mailbox; they stop when ``stop`` is set."""
    from sqlalchemy import select

    settings = settings or config.get()
    stop = stop or threading.Event()
    with factory() as s:
        rows = s.execute(select(MailAccount.id, MailAccount.folders).where(MailAccount.enabled.is_(True))).all()
    threads = []
    for account_id, folders in rows:
        threads += _start_watchers(factory, account_id, folders, on_stored, settings, stop, cafile)
    return threads


def _start_watchers(factory: sessionmaker[Session], account_id: int, folders: list[str] | None,
                    on_stored: Callable[[list[int]], None], settings: config.Settings, stop: threading.Event,
                    cafile: str | None) -> list[threading.Thread]:
    """One watcher thread per folder of the mailbox (IDLE watches one folder), all on one stop event."""
    threads = []
    for folder in dict.fromkeys(folders or ["INBOX"]):  # a folder named twice is watched once
        w = Watcher(factory, account_id, on_stored, settings, stop, cafile, folder=folder)
        t = threading.Thread(target=w.run, name=f"watch-{account_id}-{folder}", daemon=True)
        t.start()
        threads.append(t)
    return threads


# What a watcher's connection depends on: a change restarts it (a fixed password applies now,
# not after the reconnect backoff).
_CONNECTION = (MailAccount.host, MailAccount.port, MailAccount.tls_mode, MailAccount.tls_verify,
               MailAccount.username, MailAccount.password_enc, MailAccount.folders, MailAccount.poll_interval_s)


@dataclass
class _Running:
    """A mailbox's watchers, one per folder, and the stop event they share."""

    stop: threading.Event
    threads: list[threading.Thread]
    fingerprint: tuple[Any, ...]

    @property
    def alive(self) -> bool:
        """Every folder's watcher still runs (one that ended restarts them all)."""
        return all(t.is_alive() for t in self.threads)


@dataclass
class Supervisor:
    """Watcher threads (one per folder) for every enabled mailbox, kept in step with the database by ``sync``."""

    factory: sessionmaker[Session]
    on_stored: Callable[[list[int]], None]
    settings: config.Settings
    cafile: str | None = None
    running: dict[int, _Running] = field(default_factory=dict)
    _waiting_logged: bool = False

    def enabled(self) -> dict[int, tuple[tuple[Any, ...], list[str]]]:
        """Enabled mailbox id -> (its connection settings, a change of which restarts its watchers; its folders)."""
        from sqlalchemy import select

        with self.factory() as s:
            rows = s.execute(
                select(MailAccount.id, MailAccount.folders, *_CONNECTION)
                .where(MailAccount.enabled.is_(True)).order_by(MailAccount.id)
            ).all()
        return {row[0]: (tuple(repr(v) for v in row[2:]), list(row[1] or ["INBOX"])) for row in rows}

    def sync(self) -> None:
        """Start, stop or restart watchers to match the enabled mailboxes."""
        wanted = self.enabled()
        for account_id in [i for i in self.running if i not in wanted]:
            logger.info("mailbox %s removed or disabled: stopping its watcher", account_id,
                        extra={"mail_account_id": account_id})
            self._stop(account_id)
        for account_id, (fingerprint, folders) in wanted.items():
            current = self.running.get(account_id)
            if current is not None and current.alive and current.fingerprint == fingerprint:
                continue
            if current is not None:
                if current.alive:
                    logger.info("mailbox %s changed: restarting its watcher", account_id,
                                extra={"mail_account_id": account_id})
                self._stop(account_id)
            else:
                logger.info("watching mailbox %s", account_id, extra={"mail_account_id": account_id})
            self._start(account_id, fingerprint, folders)
        if not wanted and not self._waiting_logged:
            logger.warning("no enabled mailbox: waiting for an enabled mailbox (`spendwatch mailbox add`)")
        self._waiting_logged = not wanted

    def _start(self, account_id: int, fingerprint: tuple[Any, ...], folders: list[str]) -> None:
        stop = threading.Event()
        threads = _start_watchers(self.factory, account_id, folders, self.on_stored, self.settings, stop, self.cafile)
        self.running[account_id] = _Running(stop, threads, fingerprint)

    def _stop(self, account_id: int) -> None:
        # No join: the threads cut their connections and end; a fetch under way finishes under
        # the mailbox lock, so a replacement watcher can never store the same mail twice.
        self.running.pop(account_id).stop.set()

    def stop_all(self, timeout: float = 10.0) -> list[threading.Thread]:
        """Stop every watcher; wait up to ``timeout`` s in all. Returns the threads still alive."""
        threads = [t for r in self.running.values() for t in r.threads]
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
