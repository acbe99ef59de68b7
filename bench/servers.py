"""Throwaway servers for the benchmarks, started outside pytest from the tests/servers code.

``Servers`` starts each server the first time a stage asks for it and stops them all at
the end (``close``). Everything binds to 127.0.0.1 on free ports in temporary dirs.
A server that cannot start raises (tests/servers uses pytest.fail, a BaseException):
``StartError`` wraps it so a stage fails alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.servers._util import free_port, pid_alive, wait_gone
from tests.servers.dovecot import Dovecot
from tests.servers.postgres import PgServer, create_database, start_cluster
from tests.servers.push import PushReceiver
from tests.servers.redis import RedisServer
from tests.servers.smtp import SmtpSink

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


class StartError(RuntimeError):
    """A server or a process of the benchmark did not start."""


def _guard(what: str, start: Callable[[], Any]) -> Any:
    try:
        return start()
    except Exception:
        raise
    except BaseException as exc:  # pytest.fail's Failed is a BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise StartError(f"{what}: {exc}") from None


# pg_stat_statements with planning time: which statements PostgreSQL's time goes to (bench.pg_statements).
PG_SETTINGS = ("shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track_planning=on")


class Servers:
    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="sw-bench-"))
        os.chmod(self.root, 0o755)  # the postgres user (as root) and Dovecot must reach inside
        self._pg: PgServer | None = None
        self._redis: RedisServer | None = None
        self._dovecot: Dovecot | None = None
        self._smtp: SmtpSink | None = None
        self._push: PushReceiver | None = None
        self.procs: list[subprocess.Popen[bytes]] = []

    # ------------------------------------------------------------------ servers
    def pg(self) -> PgServer:
        if self._pg is None:
            d = self.root / "pg"
            d.mkdir()
            self._pg = _guard("PostgreSQL", lambda: start_cluster(d, PG_SETTINGS))
        return self._pg

    def new_database(self) -> str:
        return create_database(self.pg().url)

    def redis(self) -> RedisServer:
        if self._redis is None:
            if not shutil.which("redis-server"):
                raise StartError("redis-server not found: run scripts/install-test-deps.sh")
            d = self.root / "redis"
            d.mkdir()
            server = RedisServer(d, free_port())
            _guard("Redis", server.start)
            self._redis = server
        return self._redis

    def dovecot(self) -> Dovecot:
        if self._dovecot is None:
            if not Path("/usr/sbin/dovecot").exists():
                raise StartError("dovecot not found: run scripts/install-test-deps.sh")
            server = Dovecot(self.root / "dovecot", free_port(), free_port())
            _guard("Dovecot", server.start)
            self._dovecot = server
        return self._dovecot

    def smtp(self) -> SmtpSink:
        if self._smtp is None:
            sink = SmtpSink(free_port())
            sink.start()
            self._smtp = sink
        return self._smtp

    def push(self) -> PushReceiver:
        if self._push is None:
            r = PushReceiver(free_port())
            r.start()
            self._push = r
        return self._push

    # ------------------------------------------------------------------ processes
    def spawn(self, args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
        """A child process (Celery worker, beat, `spendwatch watch`) in its own process group."""
        fh = log.open("ab")
        proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        fh.close()
        self.procs.append(proc)
        return proc

    def stop_proc(self, proc: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
        """SIGTERM to the main PID only (a prefork worker's group may hang), then SIGKILL its group."""
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(proc.pid, 9)  # leftover pool children of this process group only
        except OSError:
            pass
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            wait_gone(proc.pid, 5)
        if proc in self.procs:
            self.procs.remove(proc)

    def close(self) -> None:
        for proc in list(self.procs):
            self.stop_proc(proc, timeout=5)
        if self._push is not None:
            self._push.stop()
        if self._smtp is not None:
            self._smtp.stop()
        if self._dovecot is not None:
            self._dovecot.stop(fast=True)
        if self._redis is not None:
            self._redis.kill()
        if self._pg is not None:
            self._pg.stop("immediate")
        time.sleep(0.1)
        shutil.rmtree(self.root, ignore_errors=True)


def alive(proc: subprocess.Popen[bytes]) -> bool:
    return proc.poll() is None and pid_alive(proc.pid)
