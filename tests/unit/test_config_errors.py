"""Configuration mistakes a user makes: a clear one-line error, and never a password echoed."""

from __future__ import annotations

import subprocess
import sys

import pytest
from cryptography.fernet import Fernet

from pipeline import config, secrets


@pytest.fixture
def env(monkeypatch, tmp_path):
    for key in ("DATABASE_URL", "BROKER_URL", "SECRET_KEY"):
        monkeypatch.delenv(f"SPENDWATCH_{key}", raising=False)
    monkeypatch.setenv("SPENDWATCH_DATA_DIR", str(tmp_path))
    config.reset()
    yield monkeypatch
    config.reset()


def test_a_mistyped_url_is_refused_without_echoing_its_password(env):
    env.setenv("SPENDWATCH_DATABASE_URL", "spendwatch:Pa55w0rd@db/spendwatch")
    env.setenv("SPENDWATCH_BROKER_URL", "redis-host:6379")
    with pytest.raises(config.ConfigError) as caught:
        config.load()
    text = str(caught.value)
    assert "SPENDWATCH_DATABASE_URL" in text and "SPENDWATCH_BROKER_URL" in text and "redis://" in text
    assert "Pa55w0rd" not in text


def test_a_heroku_style_postgres_url_means_postgresql(env):
    env.setenv("SPENDWATCH_DATABASE_URL", "postgres://u:p@db:5432/spendwatch")
    assert config.load().database_url == "postgresql+psycopg2://u:p@db:5432/spendwatch"


def test_an_unreachable_database_is_one_line_with_the_password_hidden(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", "from pipeline.cli import main; main()", "db", "status"],
        env={"SPENDWATCH_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin",
             "SPENDWATCH_DATABASE_URL": "postgresql+psycopg2://u:Pa55w0rd@127.0.0.1:9/x"},
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "cannot use the database postgresql+psycopg2://u:***@127.0.0.1:9/x" in " ".join(done.stderr.split())
    assert "Traceback" not in done.stderr and "Pa55w0rd" not in done.stderr + done.stdout


def test_a_secret_written_with_another_key_says_which_key_is_missing(env, tmp_path):
    token = Fernet(Fernet.generate_key()).encrypt(b"imap-password").decode()
    with pytest.raises(secrets.SecretError) as caught:
        secrets.decrypt(token)
    assert str(tmp_path / "secret.key") in str(caught.value) and "imap-password" not in str(caught.value)
    env.setenv("SPENDWATCH_SECRET_KEY", Fernet.generate_key().decode())
    config.reset()
    with pytest.raises(secrets.SecretError, match="SPENDWATCH_SECRET_KEY does not hold"):
        secrets.decrypt(token)


def test_a_key_file_that_cannot_be_created_is_a_configuration_error(env, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("")
    env.setenv("SPENDWATCH_DATA_DIR", str(blocked / "sub"))  # a directory under a file: cannot exist
    config.reset()
    with pytest.raises(config.ConfigError, match="set SPENDWATCH_SECRET_KEY"):
        secrets.encrypt("x")
