"""CPU seconds from /proc: the whole machine, and a process with everything it started.

Where the time goes on a machine that runs everything (worker, PostgreSQL, Dovecot,
Redis) is a question of CPU, not of wall time: these figures say which part costs what
per message, and so what ratio the cores could give at best.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


STEAL = "taken by the hypervisor (steal)"


def busy_and_steal(proc_stat: str) -> tuple[float, float]:
    """(busy, steal) CPU seconds of all cores since boot from /proc/stat's first line: busy is
    everything but idle and iowait; steal is the time the hypervisor ran something else while
    a core of this machine wanted to run.

    Steal counts as busy: a core waiting for the hypervisor is not free for our work. It is
    also reported on its own, because on a shared virtual machine it is the noisiest part
    of a run (a fifth of both cores for seconds at a time, measured during an end-to-end
    run) and no change of ours moves it.
    """
    fields = proc_stat.split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / TICK, steal / TICK


def reading(own_s: float, pg_pid: int | None) -> tuple[float, float, float, float]:
    """(machine busy, own, PostgreSQL, steal) CPU seconds now: the readings split_ms takes."""
    busy, steal = busy_and_steal(Path("/proc/stat").read_text())
    return busy, own_s, tree_cpu_s(pg_pid) if pg_pid else 0.0, steal


def _stats() -> dict[int, tuple[int, float]]:
    """{pid: (parent pid, own user+system CPU seconds)} of every live process."""
    out: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        rest = text.rsplit(")", 1)[1].split()  # the command name may hold spaces and parentheses
        out[int(entry.name)] = (int(rest[1]), (int(rest[11]) + int(rest[12])) / TICK)
    return out


def tree_cpu_s(pid: int) -> float:
    """CPU seconds of ``pid`` and its live descendants, with what their waited-for children used."""
    stats = _stats()
    children: dict[int, list[int]] = {}
    for p, (parent, _) in stats.items():
        children.setdefault(parent, []).append(p)
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        if p in stats:
            total += stats[p][1] + _reaped_children_s(p)
        todo += children.get(p, [])
    return total


def _reaped_children_s(pid: int) -> float:
    try:
        rest = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(rest[13]) + int(rest[14])) / TICK  # cutime + cstime


def postmaster_pid(data_dir: Path) -> int | None:
    try:
        return int((data_dir / "postmaster.pid").read_text().split("\n", 1)[0])
    except (OSError, ValueError):
        return None


def split_ms(before: Sequence[float], after: Sequence[float], n: int,
             own: str, rest: str) -> tuple[dict[str, float], float, float]:
    """CPU milliseconds per message by part from two (machine, own process tree, PostgreSQL,
    steal) readings: {own, "postgresql", rest, STEAL, "total"}, the total in seconds (steal
    included) and the steal in seconds."""
    machine, mine, pg, steal = (a - b for a, b in zip(after, before, strict=True))
    total = max(machine, mine + pg)
    steal = min(steal, total - mine - pg) if total > mine + pg else 0.0
    parts = {own: mine, "postgresql": pg, rest: max(0.0, total - mine - pg - steal), STEAL: steal}
    out = {k: round(v * 1000 / n, 3) for k, v in parts.items()}
    out["total"] = round(total * 1000 / n, 3)
    return out, total, steal


def best_ratio(cores: int, parse_cpu_s: float, n: int, total_s: float) -> float | None:
    """cores x parse CPU / total CPU: the pipeline_vs_parse these costs allow with every core busy."""
    return round(cores * parse_cpu_s * n / total_s, 3) if total_s else None
