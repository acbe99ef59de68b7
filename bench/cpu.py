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
