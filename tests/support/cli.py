"""The CLI on the embedded default (a SQLite file in a temporary data dir), for tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from pipeline import config, db


def embedded_cli(tmp_path: Path, monkeypatch: Any, now: datetime) -> Iterator[Callable[..., str]]:
    """``run(*args, code=0, input=None)``: the output of ``spendwatch *args``, which must end with ``code``."""
    from pipeline.cli import app

    monkeypatch.setenv("SPENDWATCH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SPENDWATCH_CLOCK", now.isoformat())
    monkeypatch.delenv("SPENDWATCH_DATABASE_URL", raising=False)
    config.reset()
    db.reset()
    runner = CliRunner()

    def run(*args: str, code: int = 0, input: str | None = None) -> str:
        result = runner.invoke(app, list(args), env={"COLUMNS": "200"}, input=input)
        assert result.exit_code == code, result.output
        assert "Traceback" not in result.output
        return result.output

    yield run
    db.reset()
    config.reset()
