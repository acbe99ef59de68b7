"""Migrations match the models on both backends; missing or old schemas and bad settings are refused clearly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from models import Base
from pipeline import schema
from pipeline.db import make_engine
from tests.support.service import fresh_database


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}" if request.param == "sqlite" else fresh_database(request.getfixturevalue("pg_url"))
    e = make_engine(url)
    yield e
    e.dispose()


def test_migrations_create_exactly_the_models(engine):
    with pytest.raises(schema.SchemaError, match="no spendwatch schema: run `spendwatch db upgrade`"):
        schema.require_current(engine)
    schema.upgrade(engine)
    schema.require_current(engine)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == []


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("SPENDWATCH_")}
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          env={**base, **env}, timeout=120)


def test_a_wrong_setting_names_the_variable(tmp_path):
    proc = _cli("status", SPENDWATCH_SMTP_PORT="many", SPENDWATCH_DATA_DIR=str(tmp_path))
    assert proc.returncode == 2
    assert "SPENDWATCH_SMTP_PORT" in proc.stderr
    proc = _cli("status", SPENDWATCH_DATABASE_URL="not a url", SPENDWATCH_DATA_DIR=str(tmp_path))
    assert proc.returncode == 2 and "SPENDWATCH_DATABASE_URL" in proc.stderr


def test_a_server_database_without_schema_says_what_to_do(pg_url, tmp_path):
    url = fresh_database(pg_url)
    proc = _cli("verify", SPENDWATCH_DATABASE_URL=url, SPENDWATCH_DATA_DIR=str(tmp_path))
    assert proc.returncode == 2
    assert "spendwatch db upgrade" in proc.stderr
    up = _cli("db", "upgrade", SPENDWATCH_DATABASE_URL=url, SPENDWATCH_DATA_DIR=str(tmp_path))
    assert up.returncode == 0, up.stderr
    assert _cli("verify", SPENDWATCH_DATABASE_URL=url, SPENDWATCH_DATA_DIR=str(tmp_path)).returncode == 0
