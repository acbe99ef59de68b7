"""Shared helpers for the fault, security and fuzz tests: counts and the pipeline's invariants.

Every check reads the database (the source of truth), never a counter kept by the test.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from models import Alert, Budget, BudgetPeriod, NotifyTarget, Outbox, RawEmail, Transaction
from pipeline import budgets
from tests.servers._util import pid_alive, tail, wait_gone
from tests.servers.dovecot import Dovecot
from tests.servers.push import PushReceiver
from tests.servers.smtp import SmtpSink
from tests.support import mails
from tests.support.service import Service, running_service, service_database, wait_for

# make test drives each fault test with 200 alerts (the folder stays within a few minutes);
# `make faults` runs the same tests larger (FAULT_MESSAGES, 2,000 by default), and every
# wait grows with the size.
BASE_MESSAGES = 200


def fault_messages() -> int:
    """Alerts per fault test: SPENDWATCH_TEST_FAULT_MESSAGES, else 200."""
    raw = os.environ.get("SPENDWATCH_TEST_FAULT_MESSAGES", "").strip()
    if not raw:
        return BASE_MESSAGES
    if not raw.isdigit() or int(raw) < BASE_MESSAGES:
        raise ValueError(f"SPENDWATCH_TEST_FAULT_MESSAGES={raw!r}: a whole number of at least {BASE_MESSAGES}")
    return int(raw)


def scaled(seconds: float) -> float:
    """A wait sized for 200 alerts, for this run's size."""
    return seconds * fault_messages() / BASE_MESSAGES


def now() -> datetime:
    return datetime.now(timezone.utc)


def status_counts(svc: Service) -> dict[str, int]:
    with svc.session() as s:
        return dict(s.execute(select(RawEmail.status, func.count()).group_by(RawEmail.status)).all())


def wait_underway(svc: Service, n: int) -> dict[str, int]:
    """Wait until all ``n`` alerts are stored and at least 10 processed; the status counts then."""

    def underway() -> dict[str, int] | None:
        c = status_counts(svc)
        return c if sum(c.values()) == n and c.get("transaction", 0) >= 10 else None

    counts: dict[str, int] = wait_for(underway, 60, "every alert stored and processing underway")
    return counts


def settle(svc: Service, expected_raw: int, timeout: float = 90, kick: Any = None) -> dict[str, int]:
    """Wait until ``expected_raw`` e-mails are stored and none is pending; ``kick`` is called while waiting."""

    def done() -> dict[str, int] | None:
        c = status_counts(svc)
        if sum(c.values()) >= expected_raw and c.get("pending", 0) == 0:
            return c
        if kick is not None:
            kick()
        return None

    return wait_for(done, timeout, f"{expected_raw} processed e-mails (now {status_counts(svc)})")


def outbox_counts(svc: Service) -> dict[str, int]:
    with svc.session() as s:
        return dict(s.execute(select(Outbox.status, func.count()).group_by(Outbox.status)).all())


def check_invariants(svc: Service, *, expected_transactions: int | None = None) -> dict[str, int]:
    """The invariants of issue 5 on the stored data; returns the figures for the report."""
    with svc.session() as s:
        txns = s.scalars(select(Transaction)).all()
        raw_ids = [t.raw_email_id for t in txns]
        assert len(raw_ids) == len(set(raw_ids)), "a stored e-mail counted twice"
        fps = Counter((t.user_id, t.message_id, t.fingerprint) for t in txns if t.message_id)
        assert all(n == 1 for n in fps.values()), "one alert (Message-ID + fingerprint) counted twice"
        alerts = s.execute(select(Alert.budget_period_id, Alert.threshold)).all()
        assert len(alerts) == len(set(alerts)), "two alert records for one (period, threshold)"
        drift = budgets.verify(s)
        assert drift == [], f"budget drift: {drift}"
        pending = s.scalar(select(func.count()).select_from(RawEmail).where(RawEmail.status == "pending"))
        assert pending == 0
    if expected_transactions is not None:
        assert len(txns) == expected_transactions, (len(txns), expected_transactions)
    return {"transactions": len(txns), "alerts": len(alerts)}


# ---------------------------------------------------------------------------------------------
# Fault scenarios: many alerts through the real pipeline, then the delivery invariants.
# ---------------------------------------------------------------------------------------------

#: The service's frozen clock: 20:00 in Muscat on 21 Nov 2026. Every alert is of that day, so
#: the month's budget period is the current one whatever the real date (no month-end flakes).
CLOCK = "2026-11-21T20:00:00+04:00"
DAY_START = datetime(2026, 11, 21, 4, 0, tzinfo=timezone.utc)  # 08:00 in Muscat
THRESHOLDS = list(range(5, 101, 5))  # 20 thresholds per budget: many alert records per run
AMOUNT = "1.000"  # OMR per alert; every budget limit is >= 20 of these, so one step crosses <= 1 threshold

#: Settings for fault runs: quick delivery retries and a quick sweep (production: 30 s, 60 s).
FAST_RETRIES = {
    "clock": CLOCK,
    "retry_backoff_s": "0.25",
    "max_attempts": "12",
    "max_delivery_attempts": "1000",  # an outage in these tests never gives an alert up
    "sweep_grace_s": "2",
    "sweep_sending_timeout_s": "15",
    "smtp_timeout_s": "5",
    "smtp_from": "spendwatch@example.test",
    # Batches of 100 (the default is 200): a fault must meet mail still queued behind the
    # batch it interrupts, which 200 alerts in one batch never leave.
    "fetch_batch": "100",
}

#: What each fault test measured; printed at the end of the run (tests/faults/conftest.py).
REPORTS: list[dict[str, Any]] = []

_TITLE = re.compile(r"^(?P<budget>.*): \d+% of budget spent \(passed (?P<threshold>\d+)%\)$")


def alert_mail(tag: str, i: int) -> bytes:
    """The i-th alert of a run: OMR 1.000, its own Message-ID and minute."""
    return mails.card_purchase(AMOUNT, f"SHOP {i % 37}", DAY_START + timedelta(minutes=i),
                               message_id=f"<fault-{tag}-{i}@bankmuscat.com>")


def append_many(dovecot: Dovecot, user: str, raws: Iterable[bytes], folder: str = "INBOX") -> int:
    """APPEND every message over one IMAP connection (one connection per mail is 10x slower)."""
    n = 0
    c = dovecot.client(user)
    try:
        for raw in raws:
            c.append(folder, raw)
            n += 1
    finally:
        c.logout()
    return n


@dataclass
class Scenario:
    """One user, ``budgets`` budgets covering every purchase, an e-mail and a push target, a mailbox."""

    svc: Service
    tag: str
    n: int
    user_id: int = 0
    account_id: int = 0
    budget_limits: dict[str, int] = field(default_factory=dict)  # name -> limit in minor units
    t0: float = field(default_factory=time.monotonic)

    @property
    def message_ids(self) -> set[str]:
        return {f"<fault-{self.tag}-{i}@bankmuscat.com>" for i in range(self.n)}

    def mails(self, start: int = 0, stop: int | None = None) -> list[bytes]:
        return [alert_mail(self.tag, i) for i in range(start, self.n if stop is None else stop)]

    def expected_alerts(self) -> set[tuple[str, int]]:
        """(budget, threshold) of every alert the run must record: spend n x 1.000 against each limit."""
        spent = self.n * 1000
        return {(name, t) for name, limit in self.budget_limits.items() for t in THRESHOLDS if t * limit <= spent * 100}


def setup_scenario(svc: Service, *, tag: str, n: int, budgets: int, dovecot: Dovecot, user: str,
                   smtp: SmtpSink | None, push: PushReceiver | None, **box: Any) -> Scenario:
    sc = Scenario(svc, tag, n)
    sc.user_id = svc.add_user(f"{tag}@example.test")
    for j in range(budgets):
        # Limits spread so that every budget passes all its thresholds by the end of the run.
        limit_minor = (n * 1000 * (j + 1)) // budgets
        assert limit_minor >= 20 * 1000, "a limit under 20 alerts would let one alert cross two thresholds"
        name = f"Budget {j:02d}"
        svc.add_budget(sc.user_id, name, str(Decimal(limit_minor) / 1000), thresholds=THRESHOLDS)
        sc.budget_limits[name] = limit_minor
    if smtp is not None:
        svc.add_target(sc.user_id, "email", f"{tag}@example.test")
    if push is not None:
        svc.add_target(sc.user_id, "apprise", push.url_for(f"/{tag}"))
    sc.account_id = svc.add_mailbox(sc.user_id, host=dovecot.host, port=dovecot.port, username=user,
                                    password=dovecot.password(user), tls_mode="starttls", **box)
    return sc



@contextmanager
def scenario_run(
    monkeypatch: pytest.MonkeyPatch, db_url: str, redis_url: str, tmp_path: Path, *, dovecot: Dovecot,
    smtp: SmtpSink, push: PushReceiver, tag: str, n: int, user: str = "alice", budgets: int = 4,
    box: dict[str, Any] | None = None, **env: str,
) -> Iterator[tuple[Service, Scenario]]:
    """A running service (real Celery worker) with the scenario's user, budgets, mailbox and targets."""
    with running_service(monkeypatch, db_url, redis_url, tmp_path, smtp_host=smtp.host, smtp_port=str(smtp.port),
                         imap_cafile=str(dovecot.cafile), **{**FAST_RETRIES, **env}) as svc:
        yield svc, setup_scenario(svc, tag=tag, n=n, budgets=budgets, dovecot=dovecot, user=user,
                                  smtp=smtp, push=push, **(box or {}))

@contextmanager
def beat(*, sweep_every: float = 2.0, poll: list[int] | None = None) -> Iterator[threading.Event]:
    """A stand-in for celery beat: queue the sweep (and polls of ``poll``) every ``sweep_every`` s.

    Publishing fails while the broker is down; like beat, it simply tries again next tick.
    """
    from tasks import jobs

    stop = threading.Event()

    def run() -> None:
        while not stop.wait(sweep_every):
            try:
                jobs.sweep_stuck.delay()
                for account_id in poll or []:
                    jobs.poll_mailbox.delay(account_id)
            except Exception:  # noqa: BLE001, S112 - broker down: the next tick tries again
                continue

    thread = threading.Thread(target=run, name="fault-beat", daemon=True)
    thread.start()
    try:
        yield stop
    finally:
        stop.set()
        thread.join(timeout=30)


def stored_message_ids(svc: Service, account_id: int) -> list[str]:
    with svc.session() as s:
        return [m or "" for m in s.scalars(select(RawEmail.message_id).where(RawEmail.mail_account_id == account_id))]


def check_all_stored(sc: Scenario, others: dict[str, int] | None = None) -> None:
    """Every APPENDed message has exactly one stored row, and each became a transaction
    (``others``: the statuses of the run's extra, non-alert messages)."""
    ids = stored_message_ids(sc.svc, sc.account_id)
    missing = sc.message_ids - set(ids)
    assert not missing, f"{len(missing)} appended alerts never stored, e.g. {sorted(missing)[:3]}"
    doubled = [m for m, k in Counter(ids).items() if k > 1]
    assert not doubled, f"stored twice: {doubled[:3]}"
    counts = status_counts(sc.svc)
    assert counts == {"transaction": sc.n, **(others or {})}, counts


def wait_delivered(sc: Scenario, smtp: SmtpSink | None, push: PushReceiver | None, timeout: float = 60) -> None:
    """Until every outbox row is sent and the servers hold a message for each."""
    def done() -> bool:
        c = outbox_counts(sc.svc)
        if c.get("failed"):
            raise AssertionError(f"outbox rows gave up: {c}")
        want = len(sc.expected_alerts())
        return (c.get("sent", 0) == sum(c.values()) and sum(c.values()) > 0
                and (smtp is None or len(set(_smtp_keys(smtp))) >= want)
                and (push is None or len(set(_push_keys(push, sc.tag))) >= want))

    wait_for(done, timeout, f"every alert delivered (outbox {outbox_counts(sc.svc)})")


def _smtp_keys(smtp: SmtpSink) -> list[str]:
    with smtp.lock:
        return [str(m["Message-ID"]) for m in smtp.messages]


def _push_keys(push: PushReceiver, tag: str) -> list[tuple[str, int]]:
    keys = []
    with push.lock:
        for p in push.received:
            m = _TITLE.match(str(p.get("title", "")))
            if p.get("path") == f"/{tag}" and m:
                keys.append((m["budget"], int(m["threshold"])))
    return keys


def check_deliveries(sc: Scenario, smtp: SmtpSink | None, push: PushReceiver | None) -> dict[str, int]:
    """Alerts: exactly the expected (budget, threshold) records, each delivered to every target.

    Returns the counts for the report, duplicate deliveries included (goal 0).
    """
    with sc.svc.session() as s:
        rows = s.execute(
            select(Alert.id, Alert.notify, Alert.threshold, Budget.name)
            .join(BudgetPeriod, BudgetPeriod.id == Alert.budget_period_id)
            .join(Budget, Budget.id == BudgetPeriod.budget_id)
            .where(Budget.user_id == sc.user_id)
        ).all()
        targets = dict(s.execute(select(NotifyTarget.id, NotifyTarget.kind)
                                 .where(NotifyTarget.user_id == sc.user_id)).all())
        outbox = s.execute(select(Outbox.alert_id, Outbox.target_id, Outbox.status, Outbox.message_id)).all()
    recorded = Counter((name, threshold) for _, _, threshold, name in rows)
    assert set(recorded) == sc.expected_alerts(), (
        f"missing {sorted(sc.expected_alerts() - set(recorded))[:5]}, extra {sorted(set(recorded) - sc.expected_alerts())[:5]}"
    )
    assert all(k == 1 for k in recorded.values())
    assert all(notify for _, notify, _, _ in rows), "every alert of these runs crosses one threshold and speaks"
    want_rows = {(alert_id, target_id) for alert_id, *_ in rows for target_id in targets}
    assert {(a, t) for a, t, _, _ in outbox} == want_rows
    assert {st for _, _, st, _ in outbox} == {"sent"}
    report = {"alerts": len(rows), "deliveries": 0, "duplicate_deliveries": 0}
    for target_id, kind in targets.items():
        got: Counter[Any]
        want: Counter[Any]
        if kind == "email":
            assert smtp is not None
            got = Counter(_smtp_keys(smtp))
            want = Counter({mid: 1 for _, t, _, mid in outbox if t == target_id})
        else:
            assert push is not None
            got = Counter(_push_keys(push, sc.tag))
            want = Counter({(name, threshold): 1 for _, _, threshold, name in rows})
        missing = set(want) - set(got)
        assert not missing, f"{len(missing)} alerts never reached the {kind} target, e.g. {sorted(missing)[:3]}"
        assert not set(got) - set(want), f"{kind}: deliveries of unknown alerts {sorted(set(got) - set(want))[:3]}"
        report["deliveries"] += sum(got.values())
        report["duplicate_deliveries"] += sum(got.values()) - len(got)
    return report


def finish(sc: Scenario, smtp: SmtpSink | None, push: PushReceiver | None, fault: str,
           others: dict[str, int] | None = None, **extra: Any) -> dict[str, Any]:
    """All the invariants; the figures are recorded for the end-of-run report."""
    check_all_stored(sc, others)
    figures = check_invariants(sc.svc, expected_transactions=sc.n)
    figures.update(check_deliveries(sc, smtp, push))
    report = {"fault": fault, "messages": sc.n, **figures, "seconds": round(time.monotonic() - sc.t0, 1), **extra}
    REPORTS.append(report)
    return report


# ---------------------------------------------------------------------------------------------
# A worker in its own process (prefork), for the crash tests.
# ---------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return sorted(found)


@dataclass
class WorkerProcess:
    """``celery worker -P prefork -c 2`` (tests/faults/poison_worker.py) started by this test."""

    proc: subprocess.Popen[bytes]
    log: Path
    kills: int = 0
    restarts: int = 0

    def children(self) -> list[int]:
        return _children(self.proc.pid)

    def ready(self) -> bool:
        from tasks.app import app

        if self.proc.poll() is not None:
            raise AssertionError(f"the worker exited ({self.proc.returncode}):\n{tail(self.log)}")
        if len(self.children()) != 2:
            return False
        # A connection of its own, closed after: the app's pooled ones may still point at
        # a Redis an earlier test restarted, and the pools are shared with other tests.
        try:
            with app.connection_for_write() as conn:
                return bool(app.control.ping(timeout=0.5, connection=conn))
        except Exception:  # noqa: BLE001 - broker not answering yet: try again
            return False

    def kill_child(self) -> int:
        """SIGKILL one pool process; the main process forks a new one."""
        victim = self.children()[0]
        os.kill(victim, signal.SIGKILL)
        assert wait_gone(victim), f"child {victim} survived SIGKILL"
        self.kills += 1
        return victim

    def revive(self) -> bool:
        """What the deployment's supervisor does (docker-compose ``restart: unless-stopped``):
        start the worker again if it exited. True when it had to."""
        if self.proc.poll() is None:
            return False
        self.restarts += 1
        self.proc = _spawn_worker(self.log)
        return True

    def stop(self) -> None:
        # The main PID only (a signal to the whole group hung prefork workers on these machines).
        left = self.children()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        for pid in left:  # our own pool processes, if any outlived their parent
            if pid_alive(pid):
                os.kill(pid, signal.SIGKILL)


def _spawn_worker(log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", "tests.faults.poison_worker"], cwd=ROOT,
                                env=dict(os.environ), stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)


@contextmanager
def service_with_worker_process(
    monkeypatch: pytest.MonkeyPatch, pg_server_url: str, redis_url: str, tmp_path: Path, **env: str
) -> Iterator[tuple[Service, WorkerProcess]]:
    """Like tests.support.service.running_service, but the worker is a prefork process of its own."""
    from pipeline import db

    with service_database(monkeypatch, pg_server_url, redis_url, tmp_path, **env) as url:
        log = tmp_path / "worker.log"
        worker = WorkerProcess(_spawn_worker(log), log)
        try:
            wait_for(worker.ready, 60, "the prefork worker")
            yield Service(db.session_factory(), url), worker
        finally:
            worker.stop()
