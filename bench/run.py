"""`make bench`: every benchmark of issue 5 in one run, on servers of its own.

    python -m bench.run [--quick] [--only parse,budget_read,pipeline,latency,backfill]

Stages run in that order, each on its own fresh database; a stage that fails records
an "error" and the others still run. A Rich progress bar shows what is happening;
a table is printed at the end and the figures go to bench/results.json (merged into the
file's other keys, e.g. `make fuzz`'s, so a partial run keeps the rest).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import signal
import sys
import time
import traceback
import warnings
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from bench.common import Stage, Tick
from bench.servers import Servers

RESULTS = Path(__file__).resolve().parent / "results.json"
STAGES = ("parse", "budget_read", "pipeline", "latency", "backfill")
# The keys each stage owns: an error is recorded under each of them.
KEYS = {
    "parse": ("parse_per_s",),
    "budget_read": ("budget_read_speedup_1m", "budget_read_growth", "budget_read_speedup_1m_handler"),
    "pipeline": ("pipeline_vs_parse",),
    "latency": ("alert_latency_p50_s", "alert_latency_p95_s"),
    "backfill": ("backfill_rss_ratio",),
}
# Every key a stage writes starts with its prefix: a successful run of the stage replaces
# all of them, so a key an older version of the stage wrote does not linger in the file
# beside the new figures (budget_read_speedup_1m_http did, for weeks, at 28.4).
PREFIXES = {"parse": "parse_", "budget_read": "budget_read_", "pipeline": "pipeline_",
            "latency": "alert_latency_", "backfill": "backfill_"}
TARGETS = {
    "parse_per_s": ("", None),
    "budget_read_speedup_1m": (">=", 100),
    "budget_read_growth": ("<=", 1.2),
    "budget_read_speedup_1m_handler": ("", None),  # the route function alone, in process: reported, no target
    "pipeline_vs_parse": (">=", 0.7),
    "alert_latency_p50_s": ("", None),
    "alert_latency_p95_s": ("<=", 2.0),
    "backfill_rss_ratio": ("<=", 1.2),
}


def merge_stage(results: dict[str, Any], name: str, figures: dict[str, Any]) -> dict[str, Any]:
    """The results file after a successful run of stage ``name``: the stage's old keys (its
    errors, and keys it no longer writes) replaced by ``figures``, every other key kept."""
    kept = {k: v for k, v in results.items() if not k.startswith(PREFIXES[name])}
    return {**kept, **figures}


def _parse_stage(servers: Servers, workdir: Path, tick: Tick, quick: bool) -> Stage:
    import statistics

    from bench.parse_speed import DEFAULT, measure

    files = sorted(DEFAULT.rglob("*.eml"))
    if not files:
        raise FileNotFoundError(f"no .eml files under {DEFAULT}")
    raws = [f.read_bytes() for f in files]
    runs = 3 if quick else 7
    tick(f"parse: {len(raws)} e-mails x {runs} runs, one core", None)
    rates = measure(raws, runs)
    st = Stage()
    st.results["parse_per_s"] = round(statistics.median(rates), 1)
    st.results["parse_detail"] = {"messages": len(raws), "runs": [round(r, 1) for r in rates],
                                  "corpus": str(DEFAULT.relative_to(DEFAULT.parents[2]))}
    st.notes.append(f"parse-only on the corpus: median of {runs} runs over {len(raws)} e-mails")
    return st


def _stage_fn(name: str) -> Callable[[Servers, Path, Tick, bool], Stage]:
    if name == "parse":
        return _parse_stage
    if name == "budget_read":
        from bench import budget_read

        return budget_read.run
    if name == "pipeline":
        from bench import pipeline_e2e

        return pipeline_e2e.run
    if name == "latency":
        from bench import latency

        return latency.run
    from bench import backfill

    return backfill.run


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:,.3f}" if abs(v) < 10 else f"{v:,.1f}"
    return str(v)


def _verdict(key: str, value: Any) -> str:
    op, target = TARGETS.get(key, ("", None))
    if target is None or not isinstance(value, int | float):
        return ""
    ok = value >= target if op == ">=" else value <= target
    return "[green]met[/green]" if ok else "[red]missed[/red]"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default=",".join(STAGES), help=f"comma separated subset of {','.join(STAGES)}")
    ap.add_argument("--quick", action="store_true",
                    help="smaller runs: backfill 5,000 vs 500 messages, fewer repetitions, shorter polling run")
    ap.add_argument("--output", type=Path, default=RESULTS)
    a = ap.parse_args(argv)
    only = [s.strip() for s in a.only.split(",") if s.strip()]
    bad = [s for s in only if s not in STAGES]
    if bad:
        ap.error(f"unknown stage(s) {', '.join(bad)}; choose from {', '.join(STAGES)}")
    order = [s for s in STAGES if s in only]

    def stop(_sig: int, _frame: Any) -> None:
        raise KeyboardInterrupt  # a kill (SIGTERM) stops the servers like Ctrl-C does

    signal.signal(signal.SIGTERM, stop)

    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", message=".*httpx.*")
    console = Console(stderr=True)
    started = datetime.now(timezone.utc)
    results: dict[str, Any] = {}
    if a.output.exists():
        try:
            results = json.loads(a.output.read_text())
        except ValueError:
            results = {}
    errors: dict[str, str] = {}
    notes: dict[str, list[str]] = {}
    servers = Servers()
    t_all = time.monotonic()
    try:
        with Progress(SpinnerColumn(), TextColumn("[bold]{task.fields[stage]}[/bold]"), BarColumn(),
                      TextColumn("{task.description}"), TimeElapsedColumn(), console=console,
                      transient=False, refresh_per_second=4) as bar:  # not 10: it runs on the machine it measures
            overall = bar.add_task("", total=len(order), stage="bench")
            for name in order:
                task = bar.add_task("starting", total=None, stage=name)

                def tick(what: str, frac: float | None = None, task: Any = task) -> None:
                    if frac is None:
                        bar.update(task, description=what, total=None)
                    else:
                        bar.update(task, description=what, total=1.0, completed=min(1.0, frac))

                workdir = servers.root / name
                workdir.mkdir(parents=True, exist_ok=True)
                t0 = time.monotonic()
                try:
                    st = _stage_fn(name)(servers, workdir, tick, a.quick)
                    results = merge_stage(results, name, st.results)
                    notes[name] = st.notes
                    bar.update(task, description=f"done in {time.monotonic() - t0:.0f} s", total=1, completed=1)
                except KeyboardInterrupt:
                    raise
                except BaseException as exc:  # noqa: BLE001 - one failed stage must not lose the others
                    msg = f"{type(exc).__name__}: {exc}"
                    errors[name] = msg
                    for k in KEYS[name]:
                        results[k] = None
                        results[f"{k}_error"] = msg[:500]
                    (servers.root.parent / f"sw-bench-{name}-error.log").write_text(traceback.format_exc())
                    bar.update(task, description=f"[red]failed[/red]: {msg[:80]}", total=1, completed=1)
                results.setdefault("stage_seconds", {})[name] = round(time.monotonic() - t0, 1)
                # Which run measured each stage's figures (a partial run keeps the others' dates).
                results.setdefault("stage_runs", {})[name] = {
                    "date": started.isoformat(timespec="seconds"), "quick": a.quick,
                    "ok": name not in errors}
                bar.advance(overall)
    finally:
        servers.close()

    results["run"] = {
        "date": started.isoformat(timespec="seconds"),
        "command": ("python -m bench.run " + " ".join(sys.argv[1:] if argv is None else argv)).strip(),
        "quick": a.quick,
        "stages": order,
        "seconds": round(time.monotonic() - t_all, 1),
        "machine": {"nproc": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }
    a.output.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")

    table = Table(title=f"spendwatch benchmarks {started:%Y-%m-%d %H:%M} UTC" + (" (--quick)" if a.quick else ""))
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("target")
    table.add_column("")
    for name in order:
        for k in KEYS[name]:
            op, target = TARGETS[k]
            v = results.get(k)
            table.add_row(k, _fmt(v) if v is not None else "[red]error[/red]", f"{op} {target}" if target else "",
                          _verdict(k, v))
    out = Console()
    out.print(table)
    for name in order:
        for line in notes.get(name, []):
            out.print(f"[dim]{name}:[/dim] {line}")
        if name in errors:
            out.print(f"[red]{name} failed:[/red] {errors[name]}")
    out.print(f"written {a.output}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
