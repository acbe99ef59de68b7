"""First sync of a large mailbox: peak RSS of 50,000 messages / of 5,000 (--quick: 5,000 / 500).

The mailboxes are filled by writing Maildir files straight into Dovecot's mail store
(APPEND would take minutes), then opened once so Dovecot indexes them before the clock
starts. The sync is `spendwatch poll --mailbox ID` in a child process, as an operator
would run it (with its progress bar): fetch, store, and queue one process task per
message on Redis (no worker runs, so processing is not part of this figure). Its peak
RSS comes from the kernel (wait4's ru_maxrss). The alerts are old (two years back):
no alert is due for them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from imapclient import IMAPClient
from sqlalchemy import func, select

from bench.common import Stage, Tick, service_env
from bench.pipeline_e2e import MERCHANTS, setup_user
from bench.servers import ROOT, VENV_BIN, Servers
from tests.support import mails


def fill_maildir(dovecot: Any, user: str, n: int, tag: str, tick: Tick) -> None:
    """``n`` old card alerts written into ``user``'s Maildir/new, owned like Dovecot's own files."""
    home = dovecot.dir / "mail" / user
    box = home / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (box / sub).mkdir(parents=True, exist_ok=True)
    st = home.stat()
    start = datetime.now(timezone.utc) - timedelta(days=730)
    pid = os.getpid()
    for i in range(n):
        raw = mails.card_purchase(f"{1 + i % 90}.{(i * 13) % 1000:03d}", MERCHANTS[i % len(MERCHANTS)],
                                  start + timedelta(minutes=10 * i), message_id=f"<{tag}-{i}@bankmuscat.com>")
        path = box / "new" / f"{1700000000 + i}.M{i}P{pid}.bench"
        path.write_bytes(raw)
        os.chown(path, st.st_uid, st.st_gid)
        if i % 1000 == 0:
            tick(f"backfill: writing {n:,} messages ({i:,})", i / n)
    for p in [home, box, box / "cur", box / "new", box / "tmp"]:
        os.chown(p, st.st_uid, st.st_gid)
    # Let Dovecot index the folder now (moves new/ to cur/, assigns UIDs), not during the timing.
    tick(f"backfill: Dovecot indexing {n:,} messages", None)
    c = IMAPClient(dovecot.host, port=dovecot.port, ssl=False, timeout=600)
    try:
        c.login(user, dovecot.password(user))
        info = c.select_folder("INBOX", readonly=True)
        if int(info[b"EXISTS"]) != n:
            raise AssertionError(f"Dovecot shows {info[b'EXISTS']} messages in {user}'s INBOX, not {n}")
    finally:
        c.logout()


def sync(servers: Servers, env: dict[str, str], factory: Any, account_id: int, n: int, log: Path,
         tick: Tick) -> tuple[float, int]:
    """Run the first sync in a child process; (seconds, peak RSS in KiB)."""
    from models import RawEmail

    t0 = time.perf_counter()
    with log.open("ab") as fh:
        proc = subprocess.Popen([str(VENV_BIN / "spendwatch"), "poll", "--mailbox", str(account_id)], env=env,
                                cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        with factory() as s:
            stored = s.scalar(select(func.count()).select_from(RawEmail)) or 0
        tick(f"backfill: first sync of {n:,} messages ({stored:,} stored)", stored / n)
        time.sleep(0.5)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"`spendwatch poll` exited {proc.returncode}; see {log}")
    with factory() as s:
        stored = s.scalar(select(func.count()).select_from(RawEmail)) or 0
    if stored != n:
        raise AssertionError(f"{stored} messages stored of {n}")
    return seconds, int(usage.ru_maxrss)


def run(servers: Servers, workdir: Path, tick: Tick, quick: bool = False) -> Stage:
    import redis

    from pipeline import db

    small, big = (500, 5_000) if quick else (5_000, 50_000)
    stage = Stage()
    dovecot = servers.dovecot()
    figures: dict[int, dict[str, float]] = {}
    for user, n in (("bob", small), ("carol", big)):
        dovecot.clear(user)
        fill_maildir(dovecot, user, n, f"old-{user}", tick)
        env = service_env(servers, workdir, imap_cafile=str(dovecot.cafile))
        factory = db.session_factory()
        account_id = setup_user(factory, dovecot, user, None)
        seconds, rss_kib = sync(servers, env, factory, account_id, n, workdir / f"poll-{n}.log", tick)
        redis.Redis.from_url(servers.redis().url).flushdb()  # the queued process tasks: not part of this stage
        figures[n] = {"seconds": seconds, "rss_mib": rss_kib / 1024, "per_s": n / seconds}
        # Not dovecot.clear(): one UID STORE of 50,000 UIDs is "Too long argument" for Dovecot.
        shutil.rmtree(dovecot.dir / "mail" / user / "Maildir", ignore_errors=True)
    stage.results["backfill_rss_ratio"] = round(figures[big]["rss_mib"] / figures[small]["rss_mib"], 3)
    stage.results["backfill_detail"] = {
        "quick": quick,
        "sizes": [small, big],
        "note": ("--quick: 5,000 vs 500 messages, not the 50,000 vs 5,000 of the target" if quick else
                 "50,000 vs 5,000 messages"),
        "what": "`spendwatch poll` child process: fetch + store + queue process tasks (one per fetch batch, SPENDWATCH_FETCH_BATCH) on Redis",
        **{str(n): {"seconds": round(f["seconds"], 1), "peak_rss_mib": round(f["rss_mib"], 1),
                    "messages_per_s": round(f["per_s"], 1)} for n, f in figures.items()},
    }
    stage.notes.append(
        f"first sync: {small:,} msgs {figures[small]['rss_mib']:.0f} MiB peak at {figures[small]['per_s']:.0f} msg/s; "
        f"{big:,} msgs {figures[big]['rss_mib']:.0f} MiB peak at {figures[big]['per_s']:.0f} msg/s"
        + (" (--quick sizes)" if quick else "")
    )
    return stage
