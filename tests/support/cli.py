"""The CLI for tests: on the embedded default (a SQLite file in a temporary data dir) or on a
given database URL."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from pipeline import config, db


def embedded_cli(tmp_path: Path, monkeypatch: Any, now: datetime) -> Iterator[Callable[..., str]]:
    """``run(*args, code=0, input=None)``: the output of ``spendwatch *args``, which must end with ``code``."""
    yield from cli_on(None, tmp_path, monkeypatch, now)


def cli_on(database_url: str | None, tmp_path: Path, monkeypatch: Any,
           now: datetime) -> Iterator[Callable[..., str]]:
    """As ``embedded_cli``, on ``database_url`` (None: the SQLite file in ``tmp_path``).

    A server database is not upgraded by the commands: pass one with the schema current
    (the ``pg_migrated_url`` fixture).
    """
    from pipeline.cli import OWN_LOGGERS, app

    monkeypatch.setenv("SPENDWATCH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SPENDWATCH_CLOCK", now.isoformat())
    if database_url is None:
        monkeypatch.delenv("SPENDWATCH_DATABASE_URL", raising=False)
    else:
        monkeypatch.setenv("SPENDWATCH_DATABASE_URL", database_url)
    config.reset()
    db.reset()
    # The Celery app reads its broker once, at import: a test that ran before with a broker
    # (the fault and end-to-end tests) would leave the commands queueing to it instead of
    # running tasks in process, as the embedded default does.
    from tasks.app import configure as configure_tasks

    configure_tasks()
    runner = CliRunner()
    # Every command sets up logging (pipeline.cli.configure_logging): put the levels and
    # handlers back afterwards, so later tests in this process see logging as they found it.
    loggers = [logging.getLogger(), *(logging.getLogger(n) for n in OWN_LOGGERS)]
    levels = [lg.level for lg in loggers]
    handlers = list(logging.getLogger().handlers)

    def run(*args: str, code: int = 0, input: str | None = None) -> str:
        result = runner.invoke(app, list(args), env={"COLUMNS": "200"}, input=input)
        assert result.exit_code == code, result.output
        assert "Traceback" not in result.output
        return result.output

    yield run
    for lg, level in zip(loggers, levels, strict=True):
        lg.setLevel(level)
    logging.getLogger().handlers[:] = handlers
    db.engine().dispose()  # a PostgreSQL database is dropped after the test: no connection may stay
    db.reset()
    config.reset()
    configure_tasks()
