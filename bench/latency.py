"""Alert latency: APPEND of a threshold-crossing alert -> push received at the HTTP receiver.

One budget of 110.000 OMR with thresholds 1..100 %; every alert is 1.100 OMR, so each
message crosses exactly one threshold and makes exactly one push, which names the
message's merchant ("PROBE 0042"): each latency is measured for its own message.

- IDLE: `spendwatch watch` (a child process, as in production) wakes on Dovecot's IDLE,
  queues the process task on Redis; a real Celery worker processes and delivers (Apprise
  json:// to the receiver). Messages are APPENDed one at a time, each after the previous
  push arrived, with a short random pause.
- Polling: no watcher; Celery beat (schedule-polls every 30 s) polls the mailbox at the
  default interval (300 s). Messages are APPENDed at random moments over one interval.
- Floor: Dovecot's own IDLE notification delay, APPEND on one connection -> EXISTS on
  an idling one, measured with imapclient alone.
"""

from __future__ import annotations

import random
import re
import statistics
import time
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bench.common import Stage, Tick, pct, service_env, start_worker
from bench.servers import VENV_BIN, Servers
from tests.support import mails
from tests.support.service import WaitTimeout, wait_for

PROBE = re.compile(r"PROBE (\d{4})")


class TimedList(list[dict[str, Any]]):
    """The receiver's list of pushes, stamping each with its arrival time."""

    def append(self, item: dict[str, Any]) -> None:
        item["_t"] = time.time()
        super().append(item)


def _probe(i: int, when: datetime) -> bytes:
    return mails.card_purchase("1.100", f"PROBE {i:04d}", when, message_id=f"<probe-{i}@bankmuscat.com>")


def _arrivals(push: Any) -> dict[int, float]:
    out: dict[int, float] = {}
    with push.lock:
        items = list(push.received)
    for item in items:
        m = PROBE.search(str(item.get("message", "")) + " " + str(item.get("title", "")))
        if m:
            out.setdefault(int(m.group(1)), float(item["_t"]))
    return out


def _arrived(push: Any, i: int) -> bool:
    return i in _arrivals(push)


def idle_floor(dovecot: Any, samples: int) -> list[float]:
    """APPEND -> untagged EXISTS on an idling connection, Dovecot and imapclient only."""
    watcher = dovecot.client("bob")
    sender = dovecot.client("bob")
    out = []
    try:
        watcher.select_folder("INBOX")
        for i in range(samples):
            watcher.idle()
            t0 = time.time()
            sender.append("INBOX", _probe(9000 + i, datetime.now(timezone.utc)))
            deadline = t0 + 10
            got = None
            while got is None and time.time() < deadline:
                for r in watcher.idle_check(timeout=max(0.01, deadline - time.time())):
                    if isinstance(r, tuple) and len(r) >= 2 and r[1] == b"EXISTS":
                        got = time.time()
                        break
            watcher.idle_done()
            if got is not None:
                out.append(got - t0)
            time.sleep(0.1)
    finally:
        watcher.logout()
        sender.logout()
    return out


def run(servers: Servers, workdir: Path, tick: Tick, quick: bool = False) -> Stage:
    from models import Budget, MailAccount, MailboxCursor, NotifyTarget, User, to_minor
    from pipeline import db, secrets

    n_idle = 50 if quick else 60
    n_poll = 20 if quick else 40
    stage = Stage()
    dovecot = servers.dovecot()
    for user in ("alice", "bob"):
        dovecot.clear(user)
    push = servers.push()
    push.clear()
    push.received = TimedList()
    tick("latency: Dovecot's own IDLE delay (the floor)", None)
    floor = idle_floor(dovecot, 10 if quick else 20)

    env = service_env(servers, workdir, imap_cafile=str(dovecot.cafile))
    factory = db.session_factory()
    with factory.begin() as s:
        u = User(email="latency@example.test", timezone="Asia/Muscat")
        s.add(u)
        s.flush()
        s.add(Budget(user_id=u.id, name="Probe", amount_minor=to_minor("110.000", "OMR"), currency="OMR",
                     period="monthly", anchor_day=1, thresholds=list(range(1, 101))))
        s.add(NotifyTarget(user_id=u.id, kind="apprise", label="push",
                           address_enc=secrets.encrypt(push.url_for("/latency"))))
        acct = MailAccount(user_id=u.id, name="box", host=dovecot.host, port=dovecot.port, tls_mode="starttls",
                           username="alice", password_enc=secrets.encrypt(dovecot.password("alice")))
        s.add(acct)
        s.flush()
        poll_interval = int(acct.poll_interval_s)
        account_id = int(acct.id)
    worker = start_worker(servers, env, workdir / "worker.log")

    # ---------------------------------------------------------------- IDLE
    tick("latency: starting `spendwatch watch`", None)
    watch = servers.spawn([str(VENV_BIN / "spendwatch"), "watch"], env, workdir / "watch.log")

    def cursor() -> bool:
        with factory() as s:
            return s.scalar(select(MailboxCursor)) is not None

    wait_for(cursor, 60, "the watcher's first catch-up")
    time.sleep(1.0)  # the watcher is in IDLE now (its catch-up is done)
    rng = random.Random(5)
    sender = dovecot.client("alice")
    sent: dict[int, float] = {}
    idle_lat: list[float] = []
    missed = 0
    try:
        for i in range(n_idle):
            tick(f"latency IDLE: {i + 1}/{n_idle}", i / n_idle)
            sent[i] = time.time()
            sender.append("INBOX", _probe(i, datetime.now(timezone.utc)))
            try:
                wait_for(partial(_arrived, push, i), 30, f"the push of message {i}", every=0.005)
                idle_lat.append(_arrivals(push)[i] - sent[i])
            except WaitTimeout:
                missed += 1
            time.sleep(rng.uniform(0.2, 0.6))
    finally:
        sender.logout()
    servers.stop_proc(watch)

    # ---------------------------------------------------------------- polling (beat)
    tick("latency polling: Celery beat", None)
    # The first beat poll comes at once (the mailbox was never polled by beat): let it
    # pass, then APPEND at random moments over one poll interval.
    with factory.begin() as s:
        a = s.get(MailAccount, account_id)
        assert a is not None
        a.last_poll_at = None  # the watcher's polls count: make beat's first poll come at once
    beat = servers.spawn([str(VENV_BIN / "celery"), "-A", "tasks.app", "beat", "-s",
                          str(workdir / "beat-schedule"), "--loglevel", "WARNING"], env, workdir / "beat.log")

    def polled_since(t: float) -> bool:
        with factory() as s:
            a = s.get(MailAccount, account_id)
            return bool(a and a.last_poll_at and a.last_poll_at.timestamp() >= t)

    wait_for(lambda: polled_since(time.time() - 5), 90, "beat's first poll", every=0.2)
    window_start = time.time()
    moments = sorted(rng.uniform(0, poll_interval) for _ in range(n_poll))
    poll_ids = list(range(n_idle, n_idle + n_poll))
    sender = dovecot.client("alice")
    try:
        for j, (i, at) in enumerate(zip(poll_ids, moments, strict=True)):
            while time.time() < window_start + at:
                tick(f"latency polling: APPEND {j}/{n_poll} over {poll_interval} s (waiting for beat)",
                     (time.time() - window_start) / (poll_interval + 60))
                time.sleep(min(1.0, window_start + at - time.time()) if window_start + at > time.time() else 0)
            sent[i] = time.time()
            sender.append("INBOX", _probe(i, datetime.now(timezone.utc)))
            sender.noop()  # keep the connection alive over the window
    finally:
        sender.logout()

    def all_polled() -> bool:
        tick("latency polling: waiting for the next beat poll", (time.time() - window_start) / (poll_interval + 60))
        arrived = _arrivals(push)
        return all(i in arrived for i in poll_ids)

    try:
        wait_for(all_polled, poll_interval + 120, "the pushes of the polled messages", every=0.2)
    except WaitTimeout:
        pass
    arrived = _arrivals(push)
    poll_lat = [arrived[i] - sent[i] for i in poll_ids if i in arrived]
    servers.stop_proc(beat)
    servers.stop_proc(worker)
    if len(idle_lat) < 50 and not quick:
        raise AssertionError(f"only {len(idle_lat)} IDLE latencies measured ({missed} pushes missing)")
    if not idle_lat:
        raise AssertionError("no push arrived with IDLE")

    stage.results["alert_latency_p50_s"] = round(statistics.median(idle_lat), 3)
    stage.results["alert_latency_p95_s"] = round(pct(idle_lat, 0.95), 3)
    stage.results["alert_latency_detail"] = {
        "idle": {"messages": len(idle_lat), "missing": missed, "p50_s": round(statistics.median(idle_lat), 3),
                 "p95_s": round(pct(idle_lat, 0.95), 3), "max_s": round(max(idle_lat), 3)},
        "polling": {"messages": len(poll_lat), "missing": n_poll - len(poll_lat), "interval_s": poll_interval,
                    "beat_every_s": 30,
                    "p50_s": round(statistics.median(poll_lat), 1) if poll_lat else None,
                    "p95_s": round(pct(poll_lat, 0.95), 1) if poll_lat else None,
                    "max_s": round(max(poll_lat), 1) if poll_lat else None},
        "dovecot_idle_floor_s": {"samples": len(floor), "p50_s": round(statistics.median(floor), 3) if floor else None,
                                 "min_s": round(min(floor), 3) if floor else None},
        "path": "APPEND -> Dovecot IDLE -> spendwatch watch -> Redis -> Celery worker (process, deliver) -> "
                "Apprise json:// -> HTTP receiver",
    }
    stage.notes.append(
        f"IDLE: p50 {statistics.median(idle_lat):.2f} s, p95 {pct(idle_lat, 0.95):.2f} s over {len(idle_lat)} "
        f"messages; Dovecot's own IDLE delay {statistics.median(floor) if floor else float('nan'):.3f} s; "
        + (f"polling every {poll_interval} s: p50 {statistics.median(poll_lat):.0f} s, "
           f"p95 {pct(poll_lat, 0.95):.0f} s over {len(poll_lat)}" if poll_lat else "polling: no push")
    )
    return stage
