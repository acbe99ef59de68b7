"""What the stages share: settings through the environment, a fresh schema, a real Celery worker."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet

from bench.servers import VENV_BIN, Servers, StartError

Tick = Callable[[str, float | None], None]  # (what is happening, fraction done or None)


def no_tick(_what: str, _frac: float | None = None) -> None:
    pass


@dataclass
class Stage:
    """What a stage hands back: its figures (into results.json) and table lines."""

    results: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def configure(**env: str) -> dict[str, str]:
    """Set SPENDWATCH_* for this process (and children started after), forget cached settings."""
    from pipeline import config, db

    for key in list(os.environ):
        if key.startswith("SPENDWATCH_") and not key.startswith("SPENDWATCH_TEST_"):
            del os.environ[key]
    for key, value in env.items():
        os.environ[f"SPENDWATCH_{key.upper()}"] = value
    config.reset()
    db.reset()
    from tasks import app as celery_app

    celery_app.configure()
    return dict(os.environ)


def service_env(servers: Servers, workdir: Path, *, broker: bool = True, **extra: str) -> dict[str, str]:
    """A fresh database with the current schema; settings for it (and Redis when ``broker``)."""
    from pipeline import db, schema

    url = servers.new_database()
    settings = {
        "database_url": url,
        "secret_key": Fernet.generate_key().decode(),
        "data_dir": str(workdir / "data"),
        "trusted_authserv_ids": "mx.spendwatch.test",
        "log_level": "WARNING",
        **extra,
    }
    if broker:
        redis_url = servers.redis().url
        import redis

        redis.Redis.from_url(redis_url).flushdb()
        settings["broker_url"] = redis_url
    env = configure(**settings)
    schema.upgrade(db.engine())
    return env


def start_worker(servers: Servers, env: dict[str, str], log: Path, concurrency: int | None = None,
                 pool: str = "prefork") -> Any:
    """A real Celery worker process on the Redis broker; returns once it answers a ping."""
    from tasks.app import app

    c = concurrency or os.cpu_count() or 2
    proc = servers.spawn([str(VENV_BIN / "celery"), "-A", "tasks.app", "worker", "-P", pool, "-c", str(c),
                          "-Q", "spendwatch", "--loglevel", "WARNING", "--without-gossip", "--without-mingle",
                          "-n", f"bench-{os.getpid()}-{time.monotonic_ns()}@localhost"], env, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise StartError(f"the Celery worker exited ({proc.returncode}); see {log}")
        if app.control.ping(timeout=0.5):
            return proc
    servers.stop_proc(proc)
    raise StartError(f"the Celery worker did not answer a ping in 60 s; see {log}")


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) by linear interpolation (statistics.quantiles, inclusive)."""
    if len(values) == 1:
        return values[0]
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[max(0, min(98, round(q * 100) - 1))]


def timed_median(fn: Callable[[], Any], runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times
