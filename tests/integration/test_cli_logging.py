"""SPENDWATCH_LOG_LEVEL on the CLI: what a command logs at DEBUG, INFO and WARNING, never a secret."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from models import Transaction, User, to_minor
from pipeline import budgets, db
from tests.support.cli import embedded_cli

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR|CRITICAL) (\S+): ", re.M)
IMAP_PASSWORD = "Imap-Pa55-canary"
PUSH_TOKEN = "tk_PushCanary123"
BROKER_PASSWORD = "Br0ker-canary"


def logged(output: str) -> list[tuple[str, str]]:
    """(level, logger) of every log record in a command's output."""
    return LOG_LINE.findall(output)


def run_with_level(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, level: str | None) -> Iterator[Callable[..., str]]:
    if level is None:
        monkeypatch.delenv("SPENDWATCH_LOG_LEVEL", raising=False)
    else:
        monkeypatch.setenv("SPENDWATCH_LOG_LEVEL", level)
    yield from embedded_cli(tmp_path, monkeypatch, NOW)


def learn_a_rule(cli: Callable[..., str]) -> str:
    """Two corrections of the same merchant: the second makes pipeline.learning log at INFO."""
    cli("user", "create", "me@example.test")
    cli("categories", "add", "Cafes")
    ids = []
    with db.session() as s:
        user = s.scalar(select(User))
        assert user is not None
        for n in (1, 2):
            t = Transaction(user_id=user.id, amount_minor=to_minor("4.000", "OMR"), currency="OMR", direction="debit",
                            kind="purchase", merchant_raw="JENAN TEA", merchant="JENAN TEA", occurred_at=NOW,
                            fingerprint=f"log{n}")
            s.add(t)
            s.flush()
            budgets.apply_transaction(s, t, +1, NOW)
            ids.append(t.id)
    cli("transactions", "recategorize", str(ids[0]), "Cafes")
    return cli("transactions", "recategorize", str(ids[1]), "Cafes")


def test_debug_shows_the_commands_debug_and_info_records_and_no_library_chatter(tmp_path, monkeypatch):
    for cli in run_with_level(tmp_path, monkeypatch, "DEBUG"):
        out = learn_a_rule(cli)
        records = logged(out)
        assert ("DEBUG", "pipeline.cli") in records, out
        assert ("INFO", "pipeline.learning") in records, out
        assert "learned rule for user" in out
        # SQL, migrations (the SQLite file upgrades itself) and the like stay at WARNING.
        assert all(name.split(".")[0] in {"pipeline", "parsers", "models", "tasks", "api"} for _lvl, name in records), out


def test_the_default_is_info(tmp_path, monkeypatch):
    for cli in run_with_level(tmp_path, monkeypatch, None):
        records = logged(learn_a_rule(cli))
        assert ("INFO", "pipeline.learning") in records
        assert not [r for r in records if r[0] == "DEBUG"], records


@pytest.mark.parametrize("level", ["WARNING", "warning"])
def test_warning_hides_info_and_debug(tmp_path, monkeypatch, level):
    for cli in run_with_level(tmp_path, monkeypatch, level):
        out = learn_a_rule(cli)
        assert "learned rule" in out  # the command's own answer on stdout is not a log record
        assert logged(out) == [], out


def test_no_secret_is_logged_at_debug(tmp_path, monkeypatch):
    """The DEBUG start line names the database and broker with the password hidden; commands
    that take a password or a push URL log neither."""
    monkeypatch.setenv("SPENDWATCH_BROKER_URL", f"redis://:{BROKER_PASSWORD}@127.0.0.1:9/0")
    for cli in run_with_level(tmp_path, monkeypatch, "DEBUG"):
        outputs = [
            cli("user", "create", "me@example.test"),
            cli("mailbox", "add", "main", "--host", "imap.example.test", "--username", "me@example.test",
                "--password", IMAP_PASSWORD),
            cli("mailbox", "set-password", "1", "--password-stdin", input=IMAP_PASSWORD + "\n"),
            cli("notify", "add-push", f"ntfy://{PUSH_TOKEN}@ntfy.example.test/topic"),
            cli("notify", "list"),
        ]
        text = "\n".join(outputs)
        assert "redis://:***@127.0.0.1:9/0" in text
        assert ("DEBUG", "pipeline.cli") in logged(text)
        for secret in (IMAP_PASSWORD, PUSH_TOKEN, BROKER_PASSWORD):
            assert secret not in text


def test_a_wrong_level_stops_the_program_naming_the_variable(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", "from pipeline.cli import main; main()", "categories", "list"],
        env={"SPENDWATCH_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "SPENDWATCH_LOG_LEVEL": "LOUD"},
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "SPENDWATCH_LOG_LEVEL" in done.stderr and "Traceback" not in done.stderr


def test_only_the_cli_sets_up_logging_a_celery_worker_keeps_its_own():
    """Importing the Celery app and tasks (what `celery -A tasks.app worker` does) installs no
    handler and sets no level: the worker's logging is Celery's, from its `-l` option."""
    code = ("import logging, tasks.app, tasks.jobs; "
            "print(len(logging.getLogger().handlers), logging.getLogger('pipeline').level, "
            "logging.getLogger('tasks').level)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "SPENDWATCH_LOG_LEVEL": "DEBUG"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "0", "0"]
