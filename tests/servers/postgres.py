"""A throwaway PostgreSQL 15 cluster for the session (or SPENDWATCH_TEST_DATABASE_URL).

initdb refuses to run as root, so as root the cluster runs as the `postgres` user.
Fixtures:

- ``pg_url`` (session, str): postgresql+psycopg2://postgres@127.0.0.1:PORT/spendwatch, an
  empty database; SPENDWATCH_TEST_DATABASE_URL instead when set.
- ``pg_server`` (session, PgServer): always a throwaway cluster of its own, for tests
  that stop, kill or restart the server (never the shared one).
- ``pg_fresh_url`` (function, str): a new empty database, dropped afterwards.
- ``pg_migrated_url`` (function, str): a new database with the current schema, copied
  from a template migrated once per session (CREATE DATABASE ... TEMPLATE), dropped afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.servers._util import cannot_start, free_port, is_root, tail, wait_port

PGBIN = Path(os.environ.get("SPENDWATCH_TEST_PGBIN", "/usr/lib/postgresql/15/bin"))


@dataclass
class PgServer:
    data: Path
    port: int
    log: Path
    start_seconds: float = 0.0  # initdb + start + createdb of the session's cluster
    settings: tuple[str, ...] = ()  # more "name=value" server settings (the benchmarks' pg_stat_statements)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/spendwatch"

    def _run(self, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if is_root():
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=120,
                              stdin=subprocess.DEVNULL)

    def start(self) -> None:
        # fsync off: test data is disposable, and commits stop waiting on the disk. A commit
        # still reaches the operating system before it is acknowledged (synchronous_commit
        # stays on, as in production): the fault tests crash this server, and with it off an
        # immediate shutdown lost the last acknowledged commits (`make faults` at 5,000
        # alerts: the poll's last 100 stored mails and its cursor gone after the restart,
        # and nothing left to fetch them again). A machine crash could still lose them; a
        # server crash cannot.
        opts = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.data.parent} "
                "-c fsync=off -c full_page_writes=off -c max_connections=200"
                + "".join(f" -c {setting}" for setting in self.settings))
        proc = self._run(str(PGBIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-o", opts, "start")
        if proc.returncode != 0 or not wait_port(self.port):
            cannot_start(f"PostgreSQL on port {self.port}", proc.stderr + "\n" + tail(self.log))

    def stop(self, mode: str = "fast") -> None:
        """pg_ctl stop; ``mode`` "fast" (clean) or "immediate" (no checkpoint, like a crash)."""
        self._run(str(PGBIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")
        wait_port(self.port, timeout=10, open_=False)

    def kill(self) -> None:
        """Crash-like stop: immediate shutdown, no checkpoint; start() runs crash recovery."""
        self.stop("immediate")

    def restart(self) -> None:
        self.stop()
        self.start()


def create_database(server_url: str, template: str | None = None) -> str:
    """A new database (empty, or a copy of ``template``) on the server of ``server_url``; its URL."""
    name = f"sw_{uuid.uuid4().hex[:12]}"
    admin = create_engine(make_url(server_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            clause = f' TEMPLATE "{template}"' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    finally:
        admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    name = make_url(url).database
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def start_cluster(root: Path, settings: tuple[str, ...] = ()) -> PgServer:
    """initdb + start + createdb spendwatch in ``root`` (owned by postgres when we are root).

    ``settings``: more server settings, "name=value" each, kept for restarts.
    """
    if not (PGBIN / "initdb").exists():
        pytest.fail(f"PostgreSQL binaries not found in {PGBIN}: run scripts/install-test-deps.sh")
    t0 = time.monotonic()
    os.chmod(root, 0o755)
    if is_root():
        shutil.chown(root, "postgres", "postgres")
    server = PgServer(root / "data", free_port(), root / "pg.log", settings=settings)
    init = server._run(str(PGBIN / "initdb"), "-D", str(server.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                       "--locale=C.UTF-8", "--no-sync")
    if init.returncode != 0:
        cannot_start("PostgreSQL (initdb)", init.stdout + init.stderr)
    server.start()
    created = server._run(str(PGBIN / "createdb"), "-h", "127.0.0.1", "-p", str(server.port), "-U", "postgres",
                          "spendwatch")
    if created.returncode != 0:
        cannot_start("PostgreSQL (createdb)", created.stderr + "\n" + tail(server.log))
    server.start_seconds = time.monotonic() - t0
    return server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    root = Path(tempfile.mkdtemp(prefix="sw-pg-"))
    try:
        server = start_cluster(root)
        yield server
        server.stop("immediate")
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_url(request: pytest.FixtureRequest) -> str:
    """SQLAlchemy URL of the session's database (SPENDWATCH_TEST_DATABASE_URL when set)."""
    url = os.environ.get("SPENDWATCH_TEST_DATABASE_URL")
    if url:
        return url
    server: PgServer = request.getfixturevalue("pg_server")
    return server.url


@pytest.fixture
def pg_fresh_url(pg_url: str) -> Iterator[str]:
    url = create_database(pg_url)
    yield url
    drop_database(url)


@pytest.fixture(scope="session")
def pg_template(pg_url: str) -> Iterator[str]:
    """Name of a database holding the current schema, migrated once; copy it, never connect to it."""
    from pipeline import schema

    url = create_database(pg_url)
    engine = create_engine(url)
    try:
        schema.upgrade(engine)
    finally:
        engine.dispose()  # CREATE DATABASE ... TEMPLATE needs the template without sessions
    yield str(make_url(url).database)
    drop_database(url)


@pytest.fixture
def pg_migrated_url(pg_url: str, pg_template: str) -> Iterator[str]:
    url = create_database(pg_url, template=pg_template)
    yield url
    drop_database(url)
