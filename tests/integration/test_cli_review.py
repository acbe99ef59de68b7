"""The command line as an unattended user meets it: interrupted ingests, wrong inputs, piped output."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from models import Budget, RawEmail
from pipeline import db
from pipeline.commands.demo import demo_emails
from tests.support.cli import embedded_cli

NOW = datetime(2026, 11, 21, 16, 0, tzinfo=timezone.utc)


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.setenv("SPENDWATCH_TRUSTED_AUTHSERV_IDS", "mx.spendwatch.demo")
    for run in embedded_cli(tmp_path / "data", monkeypatch, NOW):
        run("user", "create", "me@example.test")
        yield run


@pytest.fixture
def alerts(tmp_path) -> Path:
    folder = tmp_path / "alerts"
    folder.mkdir()
    for f in sorted(demo_emails().glob("*.eml"))[:4]:
        shutil.copy(f, folder / f.name)
    return folder


def statuses() -> dict[str, int]:
    with db.session() as s:
        return dict(s.execute(select(RawEmail.status, func.count()).group_by(RawEmail.status)).all())


def test_ctrl_c_during_ingest_says_so_and_running_again_finishes_the_work(cli, alerts, monkeypatch):
    from pipeline.commands import core

    real = core.enqueue_process
    calls = []

    def interrupted(ids: list[int]) -> None:
        calls.append(ids)
        if len(calls) == 2:  # Ctrl-C while the second e-mail is being processed (stored, still pending)
            raise KeyboardInterrupt
        real(ids)

    monkeypatch.setattr(core, "enqueue_process", interrupted)
    out = cli("ingest", str(alerts), code=130)
    assert "interrupted" in out and "again" in out
    assert statuses() == {"transaction": 1, "pending": 1}
    monkeypatch.setattr(core, "enqueue_process", real)
    out = cli("ingest", str(alerts))
    # The e-mail left pending is processed now: neither `reprocess` nor the sweep (no beat
    # runs on the embedded default) would ever pick it up.
    assert statuses() == {"transaction": 4}
    assert "2 new" in out


def test_a_folder_without_eml_files_is_not_a_silent_success(cli, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not mail")
    out = cli("ingest", str(empty), code=1)
    assert "no .eml files" in out


def test_a_missing_input_among_good_ones_fails_the_run(cli, alerts, tmp_path):
    # As `parse`: exit 0 only when every input was read (a cron job must see the typo).
    out = cli("ingest", str(alerts), str(tmp_path / "nope.eml"), code=1)
    assert "no such file" in out and "stored 4 new" in out


def test_poll_mailbox_0_is_not_every_mailbox(cli):
    cli("mailbox", "add", "main", "--host", "imap.invalid", "--username", "u", "--password", "p")
    out = cli("poll", "--mailbox", "0", code=2)
    assert "no mailbox 0" in out


def test_api_with_an_unknown_log_level_is_a_usage_error(cli):
    out = cli("api", "--log-level", "bogus", code=2)
    assert "--log-level" in out and "debug" in out


@pytest.mark.parametrize("args", [("--anchor-day", "40"), ("--anchor-day", "0"),
                                  ("--period", "weekly", "--anchor-day", "9")])
def test_budget_anchor_day_out_of_range_is_refused_as_in_the_api(cli, args):
    cli("budgets", "create", "X", "10", *args, code=2)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Budget)) == 0


def test_piped_tables_do_not_cut_amounts(cli, alerts, monkeypatch):
    cli("ingest", str(alerts))
    cli("budgets", "create", "Everything", "150")
    # A cron job or `| grep`: no terminal, no COLUMNS; Rich would cut the table to 80 columns.
    from pipeline.cli import app

    monkeypatch.delenv("COLUMNS", raising=False)
    result = CliRunner().invoke(app, ["budgets", "list"])
    assert result.exit_code == 0, result.output
    assert "…" not in result.output
    assert "OMR 34.250" in result.output  # 23.450 + 0.800 + 10.000 (the 950.000 salary is income)
    result = CliRunner().invoke(app, ["transactions", "list"])
    assert "…" not in result.output and "JENAN TEA AIRP" in result.output


def test_parse_refuses_an_unknown_parser_on_stderr(tmp_path, monkeypatch):
    from pipeline.cli import app

    result = CliRunner().invoke(app, ["parse", "--json", "--parser", "nope", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stdout == ""  # `--json | jq` must not get an error line as data
    assert "no parser named 'nope'" in result.stderr
