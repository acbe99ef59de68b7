"""bench.pg_statements against a real cluster started as the benchmarks start theirs."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text

from bench import pg_statements
from bench.servers import PG_SETTINGS
from tests.servers.postgres import PgServer, create_database, start_cluster


def test_statements_run_after_a_reset_are_reported_per_message():
    root = Path(tempfile.mkdtemp(prefix="sw-pgss-"))
    server = start_cluster(root, PG_SETTINGS)
    try:
        engine = create_engine(create_database(server.url))
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (id int)"))
            conn.execute(text("INSERT INTO t VALUES (1)"))  # before the reset: not counted
        assert pg_statements.reset(engine) is None
        with engine.begin() as conn:
            for i in range(5):
                conn.execute(text("INSERT INTO t SELECT unnest(CAST(:v AS int[]))"), {"v": list(range(i + 1))})
        report = pg_statements.top(engine, n_messages=5)
        inserts = [r for r in report if r["statement"].startswith("INSERT INTO t")]
        assert len(inserts) == 1 and inserts[0]["calls"] == 5 and inserts[0]["rows"] == 15
        assert inserts[0]["exec_ms_per_message"] > 0
        assert inserts[0]["plan_ms_per_message"] > 0  # planning is counted too
        url = engine.url
        engine.dispose()
        server.restart()  # the fault tests restart it: the settings stay
        engine = create_engine(url)
        assert pg_statements.reset(engine) is None
        engine.dispose()
    finally:
        server.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


def test_a_cluster_without_the_module_gives_the_reason_not_an_error(pg_server: PgServer):
    engine = create_engine(create_database(pg_server.url))
    try:
        reason = pg_statements.reset(engine)
    finally:
        engine.dispose()
    assert reason is not None and "pg_stat_statements" in reason
