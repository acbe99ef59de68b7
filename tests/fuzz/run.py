"""The long fuzz run behind `make fuzz`: mutated fixtures through parsing and the store.

    python -m tests.fuzz.run [--cases 100000] [--store-cases 10000] [--db postgres|sqlite|URL]
                             [--seed N] [--jobs N] [--time-limit 10] [--results bench/results.json]
    python -m tests.fuzz.run --replay SEED:INDEX [--db sqlite]   # one case, with its traceback

Every case goes through ``parse_message``; one in ``cases / store-cases`` also goes
through ``store_raw`` + ``process`` on the database (``postgres``: a throwaway cluster
started here, or SPENDWATCH_TEST_DATABASE_URL's server; ``sqlite``: a file per worker).
A crash is a case where parsing raised or returned a malformed result, or the store path
raised or left the row without a final status. A case over the time limit is a timeout
(reported apart: a hang is a finding, not a crash). The figures are merged into
``bench/results.json`` (``fuzz_cases``, ``fuzz_crashes`` and details), written through a
temp file and a rename; inputs of crashing cases are saved to the crash folder.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tests.fuzz import harness, mutator

ROOT = Path(__file__).resolve().parents[2]
CHUNK = 250


@dataclass
class Tally:
    cases: int = 0
    store_cases: int = 0
    parse_crashes: int = 0
    store_crashes: int = 0
    crashes: int = 0  # cases with a parse or a store crash (a case counts once)
    internal_errors: int = 0
    timeouts: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    internal_kinds: Counter[str] = field(default_factory=Counter)
    internal_examples: dict[str, int] = field(default_factory=dict)  # kind -> one case index
    statuses: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[int]] = field(default_factory=dict)  # signature -> case indices (a few)
    timeout_examples: list[int] = field(default_factory=list)
    slowest: list[tuple[float, int]] = field(default_factory=list)
    verify_problems: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("cases", "store_cases", "parse_crashes", "store_crashes", "crashes", "internal_errors",
                     "timeouts"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.kinds.update(other.kinds)
        self.internal_kinds.update(other.internal_kinds)
        for kind, first in other.internal_examples.items():
            self.internal_examples[kind] = min(first, self.internal_examples.get(kind, first))
        self.statuses.update(other.statuses)
        for sig, idx in other.examples.items():
            self.examples.setdefault(sig, []).extend(idx)
            self.examples[sig] = sorted(self.examples[sig])[:5]
        self.timeout_examples = sorted(self.timeout_examples + other.timeout_examples)[:10]
        self.slowest = sorted(self.slowest + other.slowest, reverse=True)[:10]
        self.verify_problems += other.verify_problems

    def note(self, sig: str, index: int) -> None:
        self.kinds[sig] += 1
        ex = self.examples.setdefault(sig, [])
        if len(ex) < 5:
            ex.append(index)


# ------------------------------------------------------------------------- worker side
_STORE: harness.Store | None = None


def _init_worker(url: str | None, env: dict[str, str], slot: Any) -> None:
    """Each worker process: its own settings, and its own user (and SQLite file) in the store."""
    global _STORE
    os.environ.update(env)
    import logging

    logging.disable(logging.CRITICAL)  # process() logs every contained failure with a traceback
    if url is None:
        return
    with slot.get_lock():
        slot.value += 1
        n = slot.value
    if url.startswith("sqlite"):
        url = harness.sqlite_url(tempfile.mkdtemp(prefix=f"sw-fuzz-{n}-"))
    os.environ["SPENDWATCH_DATABASE_URL"] = url
    _STORE = harness.open_store(url, email=f"fuzz{n}@example.test")


def one_case(seed: int, index: int, to_store: bool, limit: float | None, t: Tally) -> None:
    raw, _ops = mutator.case(seed, index)
    t.cases += 1
    start = time.perf_counter()
    crashed = False
    try:
        with harness.time_limit(limit):
            problem = harness.check_parse(raw)
        if problem:
            t.parse_crashes += 1
            t.note(f"parse: {problem}", index)
            crashed = True
        if to_store and _STORE is not None:
            t.store_cases += 1
            with harness.time_limit(limit):
                out = _STORE.run(raw)
            if out.problem:
                t.store_crashes += 1
                t.note(f"store: {out.problem}", index)
                crashed = True
            elif out.internal:
                t.internal_errors += 1
                kind = re.sub(r"\d+", "N", out.internal[:120])
                t.internal_kinds[kind] += 1
                t.internal_examples.setdefault(kind, index)
            if out.status:
                t.statuses[out.status] += 1
    except harness.CaseTimeout:
        t.timeouts += 1
        if len(t.timeout_examples) < 10:
            t.timeout_examples.append(index)
    t.crashes += crashed
    t.slowest = sorted([*t.slowest, (round(time.perf_counter() - start, 3), index)], reverse=True)[:10]


def _chunk(args: tuple[int, int, int, int, float | None]) -> Tally:
    seed, lo, hi, stride, limit = args
    t = Tally()
    for i in range(lo, hi):
        one_case(seed, i, stride > 0 and i % stride == 0, limit, t)
    return t


def _verify(_: int) -> list[str]:
    return _STORE.verify() if _STORE is not None else []


# ------------------------------------------------------------------------- driver side
def start_postgres() -> tuple[str, Any, Path | None]:
    """A database URL on SPENDWATCH_TEST_DATABASE_URL's server, or on a cluster started here."""
    from tests.servers import postgres

    given = os.environ.get("SPENDWATCH_TEST_DATABASE_URL")
    if given:
        return postgres.create_database(given), None, None
    root = Path(tempfile.mkdtemp(prefix="sw-fuzz-pg-"))  # its own top folder: the cluster may run as postgres
    server = postgres.start_cluster(root)
    return postgres.create_database(server.url), server, root


def _migrate(url: str) -> None:
    from pipeline import db, schema

    engine = db.make_engine(url)
    try:
        schema.upgrade(engine)
    finally:
        engine.dispose()


def merge_results(path: Path, figures: dict[str, Any]) -> None:
    """Merge ``figures`` into the JSON at ``path`` (other keys kept); temp file + rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        current = json.loads(path.read_text())
        if not isinstance(current, dict):
            current = {}
    except (OSError, ValueError):
        current = {}
    current.update(figures)
    fd, tmp = tempfile.mkstemp(prefix=".results-", suffix=".json", dir=path.parent)
    with os.fdopen(fd, "w") as fh:
        json.dump(current, fh, indent=2, sort_keys=True)
        fh.write("\n")
    os.replace(tmp, path)


def save_crashes(folder: Path, seed: int, total: Tally) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for sig, indices in total.examples.items():
        slug = re.sub(r"[^A-Za-z0-9]+", "-", sig)[:80].strip("-")
        for i in indices[:3]:
            raw, ops = mutator.case(seed, i)
            (folder / f"{slug}--{seed}-{i}.eml").write_bytes(raw)
            (folder / f"{slug}--{seed}-{i}.ops").write_text(" ".join(ops) + "\n")


def run(cases: int, store_cases: int, seed: int, jobs: int, db: str, limit: float | None,
        progress: bool = True) -> tuple[Tally, dict[str, Any]]:
    work = Path(tempfile.mkdtemp(prefix="sw-fuzz-"))
    server, pg_root = None, None
    url: str | None
    if store_cases <= 0:
        url = None
    elif db == "postgres":
        url, server, pg_root = start_postgres()
    elif db == "sqlite":
        url = "sqlite://"
    else:
        url = db
    env = harness.configure_env(url or "sqlite://", str(work / "data"))
    if url is not None and not url.startswith("sqlite"):
        _migrate(url)  # once, here: workers migrating one database at once would collide
    stride = max(1, cases // store_cases) if store_cases > 0 else 0
    chunks = [(seed, lo, min(cases, lo + CHUNK), stride, limit) for lo in range(0, cases, CHUNK)]
    total = Tally()
    t0 = time.monotonic()
    ctx = multiprocessing.get_context("fork")
    slot = ctx.Value("i", 0)
    try:
        with ctx.Pool(jobs, initializer=_init_worker, initargs=(url, env, slot), maxtasksperchild=None) as pool:
            tty = sys.stderr.isatty()
            for n, part in enumerate(pool.imap_unordered(_chunk, chunks), 1):
                total.add(part)
                if progress and (tty or n % max(1, len(chunks) // 10) == 0 or n == len(chunks)):
                    rate = total.cases / max(1e-9, time.monotonic() - t0)
                    bar = "#" * int(30 * n / len(chunks))
                    line = (f"[{bar:<30}] {total.cases}/{cases} cases, {total.store_cases} stored, "
                            f"{total.crashes} crashes, {total.timeouts} timeouts, {rate:.0f}/s")
                    sys.stderr.write("\r" + line + " " if tty else line + "\n")
                    sys.stderr.flush()
            for problems in pool.map(_verify, range(jobs), chunksize=1):
                total.verify_problems += problems
    finally:
        if progress and sys.stderr.isatty():
            sys.stderr.write("\n")
        if server is not None:
            server.stop("immediate")
        for folder in (work, pg_root):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
    seconds = round(time.monotonic() - t0, 1)
    figures = {
        "fuzz_cases": total.cases,
        "fuzz_crashes": total.crashes + len(total.verify_problems),
        "fuzz_parse_crashes": total.parse_crashes,
        "fuzz_store_cases": total.store_cases,
        "fuzz_store_crashes": total.store_crashes,
        "fuzz_store_internal_errors": total.internal_errors,
        "fuzz_store_invariant_problems": len(total.verify_problems),
        "fuzz_timeouts": total.timeouts,
        "fuzz_time_limit_s": limit,
        "fuzz_crash_kinds": dict(total.kinds.most_common()),
        "fuzz_store_internal_error_kinds": dict(total.internal_kinds.most_common()),
        "fuzz_store_statuses": dict(total.statuses.most_common()),
        "fuzz_seed": seed,
        "fuzz_db": "sqlite" if url and url.startswith("sqlite") else ("postgresql" if url else "none"),
        "fuzz_seconds": seconds,
        "fuzz_run_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    return total, figures


def replay(spec: str, db: str) -> int:
    seed, index = (int(x) for x in spec.split(":"))
    raw, ops = mutator.case(seed, index)
    print(f"case {seed}:{index}: {len(raw)} bytes, operators {ops}")
    from parsers import parse_message

    try:
        result = parse_message(raw, trusted_authserv_ids=harness.TRUSTED)
        print(f"parse: {result.status.value}: {result.reason}")
    except Exception:  # noqa: BLE001
        traceback.print_exc()
    work = tempfile.mkdtemp(prefix="sw-fuzz-replay-")
    url = harness.sqlite_url(work) if db == "sqlite" else db
    os.environ.update(harness.configure_env(url, work))
    store = harness.open_store(url)
    try:
        from pipeline import ingest

        with store.factory.begin() as s:
            raw_id = ingest.store_raw(s, user_id=store.user_id, raw=raw, source="file")
        from pipeline import process

        if raw_id is not None:
            out = process.process(store.factory, raw_id)
            print(f"store: {out.status}: {out.reason}")
    except Exception:  # noqa: BLE001
        traceback.print_exc()
        return 1
    finally:
        store.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fuzz.run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--store-cases", type=int, default=10_000, help="how many of the cases also go through the store")
    ap.add_argument("--seed", type=int, default=int(time.time()) % 100_000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--db", default="postgres", help="postgres (started here), sqlite, or a database URL")
    ap.add_argument("--time-limit", type=float, default=10.0, help="seconds per case before it counts as a timeout")
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "results.json")
    ap.add_argument("--crash-dir", type=Path, default=Path(tempfile.gettempdir()) / "spendwatch-fuzz-crashes")
    ap.add_argument("--replay", metavar="SEED:INDEX")
    a = ap.parse_args(argv)
    if a.replay:
        return replay(a.replay, "sqlite" if a.db == "postgres" else a.db)
    total, figures = run(a.cases, min(a.store_cases, a.cases), a.seed, a.jobs, a.db, a.time_limit or None)
    merge_results(a.results, figures)
    if total.examples:
        save_crashes(a.crash_dir, a.seed, total)
    print(json.dumps(figures, indent=2))
    for sig, idx in total.examples.items():
        print(f"crash: {sig} ({total.kinds[sig]} cases), e.g. --replay {a.seed}:{idx[0]}")
    for reason, n in total.internal_kinds.most_common(10):
        print(f"contained by the pipeline ({n}): {reason}, e.g. --replay {a.seed}:{total.internal_examples[reason]}")
    for p in total.verify_problems[:10]:
        print(f"invariant: {p}")
    if total.timeout_examples:
        print(f"timeouts (> {a.time_limit} s), e.g. --replay {a.seed}:{total.timeout_examples[0]}")
    print(f"slowest cases (s, index): {total.slowest[:5]}")
    print(f"written to {a.results}" + (f"; crashing inputs in {a.crash_dir}" if total.examples else ""))
    return 0 if figures["fuzz_crashes"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())

