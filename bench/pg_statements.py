"""Which statements PostgreSQL's time goes to during a measured run (pg_stat_statements).

The benchmarks' cluster loads pg_stat_statements (bench.servers). ``reset`` before the
run, ``top`` after: execution and planning time per statement, per message of the run.
Execution time includes waiting for row locks, so a statement that waited shows more than
its CPU; what no statement holds (connections, commits, the protocol) shows in none.
A cluster without the module answers None with the reason, and the run goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

_SPACES = re.compile(r"\s+")
# "IN ($5, $6, ..., $204)" and "ARRAY[$2]": the same statement for every batch size.
_PARAM_LISTS = re.compile(r"(?<=[(\[])\s*\$\d+(?:\s*,\s*\$\d+)*\s*(?=[)\]])")


def reset(engine: Engine) -> str | None:
    """Start counting from zero; the reason when this cluster cannot count statements."""
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"))
            conn.execute(text("SELECT pg_stat_statements_reset()"))
    except DBAPIError as exc:
        return (str(exc.orig).splitlines() or ["pg_stat_statements unavailable"])[0]
    return None


def top(engine: Engine, n_messages: int, k: int = 10) -> list[dict[str, Any]]:
    """The ``k`` statements of this database with the most time since ``reset``, per message.

    Statements that differ only in the length of a parameter list are added together.
    """
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT query, calls, rows, total_exec_time, total_plan_time FROM pg_stat_statements "
            "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
        )).all()
    return summarize(rows, n_messages, k)


@dataclass
class _Totals:
    calls: int = 0
    rows: int = 0
    exec_ms: float = 0.0  # pg_stat_statements' own double precision milliseconds (timings, not money)
    plan_ms: float = 0.0


def summarize(rows: Any, n_messages: int, k: int) -> list[dict[str, Any]]:
    """Pure part of ``top``: (query, calls, rows, exec ms, plan ms) rows -> the report."""
    merged: dict[str, _Totals] = {}
    for query, calls, nrows, exec_ms, plan_ms in rows:
        key = _PARAM_LISTS.sub("$n, ...", _SPACES.sub(" ", str(query)).strip())
        t = merged.setdefault(key, _Totals())
        t.calls += calls
        t.rows += nrows
        t.exec_ms += exec_ms or 0.0
        t.plan_ms += plan_ms or 0.0  # NULL without track_planning
    ranked = sorted(merged.items(), key=lambda kv: kv[1].exec_ms + kv[1].plan_ms, reverse=True)[:k]
    per = max(n_messages, 1)
    return [
        {
            "statement": key if len(key) <= 120 else key[:117] + "...",
            "calls": t.calls,
            "rows": t.rows,
            "exec_ms_per_message": round(t.exec_ms / per, 4),
            "plan_ms_per_message": round(t.plan_ms / per, 4),
        }
        for key, t in ranked
    ]
