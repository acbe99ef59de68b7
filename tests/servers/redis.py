"""A throwaway Redis for the session (or SPENDWATCH_TEST_REDIS_URL).

Fixtures:

- ``redis_url`` (session, str): redis://127.0.0.1:PORT/0; SPENDWATCH_TEST_REDIS_URL when set.
- ``redis_server`` (session, RedisServer): always a throwaway server of its own, with
  kill()/start()/restart() for fault tests (every queued message is lost on kill).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.servers._util import cannot_start, free_port, wait_gone, wait_port


@dataclass
class RedisServer:
    dir: Path
    port: int
    start_seconds: float = 0.0

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def log(self) -> Path:
        return self.dir / "redis.log"

    def start(self) -> None:
        t0 = time.monotonic()
        # No persistence: a restart is an empty server, like a lost broker.
        proc = subprocess.run(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.dir), "--daemonize",
             "yes", "--pidfile", str(self.dir / "redis.pid"), "--logfile", str(self.log), "--save", "",
             "--appendonly", "no"],
            check=False, capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL,
        )
        if proc.returncode != 0 or not wait_port(self.port):
            cannot_start(f"Redis on port {self.port}", self.log if self.log.exists() else proc.stdout + proc.stderr)
        self.start_seconds = time.monotonic() - t0

    def pid(self) -> int | None:
        try:
            return int((self.dir / "redis.pid").read_text())
        except (OSError, ValueError):
            return None

    def kill(self) -> None:
        """SIGKILL: every queued message is lost (fault tests). start() brings back an empty server."""
        pid = self.pid()
        if pid is None:
            return
        try:
            os.kill(pid, 9)
        except OSError:
            return
        wait_gone(pid)
        (self.dir / "redis.pid").unlink(missing_ok=True)

    def restart(self) -> None:
        self.kill()
        self.start()


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    if not shutil.which("redis-server"):
        pytest.fail("redis-server not found: run scripts/install-test-deps.sh (it installs redis-server)")
    root = Path(tempfile.mkdtemp(prefix="sw-redis-"))
    server = RedisServer(root, free_port())
    try:
        server.start()
        yield server
    finally:
        server.kill()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_url(request: pytest.FixtureRequest) -> str:
    url = os.environ.get("SPENDWATCH_TEST_REDIS_URL")
    if url:
        return url
    server: RedisServer = request.getfixturevalue("redis_server")
    return server.url
