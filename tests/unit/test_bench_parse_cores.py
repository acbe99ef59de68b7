"""bench.pipeline_e2e: the parse measurements (one process, every core) and the wait for an end-to-end run."""

from __future__ import annotations

import signal
import time
from datetime import datetime, timezone
from typing import Any

from bench import pipeline_e2e


def _raws(n: int) -> list[bytes]:
    return pipeline_e2e.messages(n, "cores", datetime(2026, 12, 1, 9, tzinfo=timezone.utc))


def _sigterm_is_default() -> bool:
    return signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_parse_all_times_one_pass() -> None:
    wall, cpu = pipeline_e2e.parse_all(_raws(30), [])
    assert wall > 0 and cpu > 0


def test_every_core_busy_reports_cpu_per_message() -> None:
    ms = pipeline_e2e.parse_every_core_busy(_raws(40), [], 2)
    assert 0 < ms < 1000  # CPU milliseconds per message, from the workers' own clocks


def test_pool_workers_do_not_inherit_the_bench_sigterm_handler() -> None:
    """The bench's SIGTERM handler raises; a forked worker kept it, and the pool's own
    shutdown (a SIGTERM to each worker) printed a KeyboardInterrupt traceback per worker."""

    def stop(_sig: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        with pipeline_e2e.clean_pool(1) as pool:
            assert pool.apply(_sigterm_is_default) is True
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_the_wait_ends_when_every_message_of_the_run_is_stored_and_none_pending() -> None:
    """Stored but still pending is not done, nor is all processed while some are not stored."""
    answers = iter([(3, 0), (5, 1), (5, 0)])
    ticks: list[float | None] = []
    pipeline_e2e.wait_processed(None, 5, lambda _what, frac=None: ticks.append(frac), time.perf_counter(),
                                counts=lambda _factory: next(answers))
    assert ticks == [3 / 5, 4 / 5, 5 / 5]
