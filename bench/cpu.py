"""CPU seconds from /proc: the whole machine, and a process with everything it started.

Where the time goes on a machine that runs everything (worker, PostgreSQL, Dovecot,
Redis) is a question of CPU, not of wall time: these figures say which part costs what
per message, and so what ratio the cores could give at best.
"""

from __future__ import annotations

import os
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def machine_busy_s() -> float:
    """CPU seconds spent by all cores outside idle and iowait since boot."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / TICK


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


def split_ms(before: tuple[float, float, float], after: tuple[float, float, float], n: int, own: str,
             rest: str) -> tuple[dict[str, float], float]:
    """CPU milliseconds per message by part from two (machine, own process tree, PostgreSQL)
    readings: {own, "postgresql", rest, "total"}, and the total in seconds."""
    machine, mine, pg = (a - b for a, b in zip(after, before, strict=True))
    total = max(machine, mine + pg)
    parts = {own: mine, "postgresql": pg, rest: max(0.0, total - mine - pg)}
    out = {k: round(v * 1000 / n, 3) for k, v in parts.items()}
    out["total"] = round(total * 1000 / n, 3)
    return out, total


def best_ratio(cores: int, parse_cpu_s: float, n: int, total_s: float) -> float | None:
    """cores x parse CPU / total CPU: the pipeline_vs_parse these costs allow with every core busy."""
    return round(cores * parse_cpu_s * n / total_s, 3) if total_s else None
