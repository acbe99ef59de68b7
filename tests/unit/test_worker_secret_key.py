"""A worker started without SPENDWATCH_SECRET_KEY (a systemd unit or a container missing the
variable) used to generate a key file of its own at the first decrypt: every stored mailbox
password and push URL was then unreadable, and every alert was marked failed for good at its
first attempt ("cannot decrypt a stored secret"). It now refuses to start, saying why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from pipeline import config
from tasks import app as celery_app

ROOT = Path(__file__).resolve().parents[2]


def worker_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPENDWATCH_")}
    env.update(SPENDWATCH_BROKER_URL="redis://127.0.0.1:1/0",  # never reached: the check comes first
               SPENDWATCH_DATABASE_URL=f"sqlite:///{tmp_path / 'w.db'}",
               SPENDWATCH_DATA_DIR=str(tmp_path / "data"), **extra)
    return env


def test_a_worker_without_the_key_refuses_to_start(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "celery", "-A", "tasks.app", "worker", "--pool=solo", "--loglevel=WARNING"],
        cwd=ROOT, env=worker_env(tmp_path), capture_output=True, text=True, timeout=30,
    )
    assert proc.returncode != 0
    assert "SPENDWATCH_SECRET_KEY" in proc.stderr + proc.stdout
    assert not (tmp_path / "data" / "secret.key").exists()  # no key of its own made up


@pytest.mark.parametrize("case", ["key set", "key file there", "no broker"])
def test_the_check_lets_a_configured_worker_start(tmp_path, monkeypatch, case):
    for name, value in worker_env(tmp_path).items():
        if name.startswith("SPENDWATCH_"):
            monkeypatch.setenv(name, value)
    if case == "key set":
        monkeypatch.setenv("SPENDWATCH_SECRET_KEY", Fernet.generate_key().decode())
    elif case == "key file there":  # the embedded default on one machine: the CLI made it
        (tmp_path / "data").mkdir()
        (tmp_path / "data" / "secret.key").write_text(Fernet.generate_key().decode())
    else:
        monkeypatch.delenv("SPENDWATCH_BROKER_URL")
    config.reset()
    try:
        celery_app.check_secret_key()
    finally:
        config.reset()


def test_a_malformed_key_is_refused_at_start(tmp_path):
    """A typo in the key was found only at the first decrypt: every alert then failed."""
    proc = subprocess.run(
        [sys.executable, "-m", "celery", "-A", "tasks.app", "worker", "--pool=solo", "--loglevel=WARNING"],
        cwd=ROOT, env=worker_env(tmp_path, SPENDWATCH_SECRET_KEY="not-a-fernet-key"), capture_output=True,
        text=True, timeout=30,
    )
    assert proc.returncode != 0
    assert "not a Fernet key" in proc.stderr + proc.stdout
    assert "not-a-fernet-key" not in proc.stderr + proc.stdout  # the key itself is never shown


def test_the_api_refuses_a_malformed_key_at_start(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from pipeline.cli import app

    monkeypatch.setenv("SPENDWATCH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SPENDWATCH_SECRET_KEY", "not-a-fernet-key")
    config.reset()
    try:
        result = CliRunner().invoke(app, ["api", "--host", "256.0.0.1"])  # no such address: never serves
    finally:
        config.reset()
    assert result.exit_code == 2, result.output
    assert "not a Fernet key" in result.output and "not-a-fernet-key" not in result.output
