"""A process whose key is not the installation's must not store a secret with it.

The CLI run on the host without SPENDWATCH_SECRET_KEY (it made a key file of its own), an API
started with a typo in the key, a database restored under a new key: each stored a password
or push URL the worker could never decrypt, found out only from failing polls. The check
(``secrets.check_stored``) compares the configured keys with secrets already stored;
``pipeline.secret_guard`` runs it before every write of a secret.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from pipeline import config, secrets

ROOT = Path(__file__).resolve().parents[2]
OLD, NEW, STRANGER = (Fernet.generate_key().decode() for _ in range(3))


@pytest.fixture
def env(monkeypatch, tmp_path):
    for key in ("DATABASE_URL", "BROKER_URL", "SECRET_KEY"):
        monkeypatch.delenv(f"SPENDWATCH_{key}", raising=False)
    monkeypatch.setenv("SPENDWATCH_DATA_DIR", str(tmp_path))
    config.reset()
    yield monkeypatch
    config.reset()


def use(env: pytest.MonkeyPatch, **values: str) -> config.Settings:
    for name, value in values.items():
        env.setenv(f"SPENDWATCH_{name.upper()}", value)
    config.reset()
    return config.get()


def token(key: str, plain: str = "imap-Pa55-guard") -> str:
    return Fernet(key.encode()).encrypt(plain.encode()).decode()


def test_nothing_stored_yet_any_key_may_write(env):
    use(env, secret_key=NEW)
    secrets.check_stored([])


def test_the_configured_key_reads_what_is_stored(env):
    use(env, secret_key=OLD)
    secrets.check_stored([token(OLD)])


def test_a_rotation_still_writes(env):
    """SPENDWATCH_SECRET_KEY=NEW,OLD while `spendwatch secrets rotate` has not run (or ran half)."""
    use(env, secret_key=f"{NEW},{OLD}")
    secrets.check_stored([token(OLD), token(OLD)])
    secrets.check_stored([token(NEW), token(OLD)])


def test_one_readable_secret_is_enough(env):
    """A secret written long ago with a key since lost must not stop every write."""
    use(env, secret_key=OLD)
    secrets.check_stored([token(STRANGER), token(OLD)])


def test_another_key_is_refused_naming_the_cause_and_the_way_out(env):
    use(env, secret_key=STRANGER)
    with pytest.raises(secrets.KeyMismatchError) as caught:
        secrets.check_stored([token(OLD, "imap-Pa55-guard"), token(OLD, "ntfy://tk_Guard@ntfy.example.test/t")])
    text = str(caught.value)
    assert isinstance(caught.value, config.ConfigError)  # the CLI shows it as one line, exit 2
    assert "SPENDWATCH_SECRET_KEY does not decrypt the secrets already stored" in text
    assert "the key the worker uses" in text
    assert "spendwatch secrets rotate --dry-run" in text and "--old-key-lost" in text
    assert "imap-Pa55-guard" not in text and "tk_Guard" not in text and STRANGER not in text and OLD not in text


def test_a_key_file_of_its_own_is_refused(env, tmp_path):
    """The CLI on the host without SPENDWATCH_SECRET_KEY, the worker with it."""
    use(env)
    secrets.encrypt("made the key file")  # the embedded default makes its key file
    assert secrets.key_file(config.get()).exists()
    with pytest.raises(secrets.KeyMismatchError) as caught:
        secrets.check_stored([token(OLD)])
    text = str(caught.value)
    assert f"SPENDWATCH_SECRET_KEY is not set and the key file {tmp_path / 'secret.key'} does not decrypt" in text
    assert "Set SPENDWATCH_SECRET_KEY to the key the worker uses" in text


def test_a_missing_key_file_is_refused_without_making_one(env, tmp_path):
    """Secrets stored, no key anywhere: a new key file would only hide the lost one."""
    use(env)
    with pytest.raises(secrets.KeyMismatchError, match="there is no key file"):
        secrets.check_stored([token(OLD)])
    assert not (tmp_path / "secret.key").exists()


def test_a_server_database_without_the_key_makes_no_key_file(env, tmp_path):
    """PostgreSQL is shared by processes that do not share a data dir: a key file made by one
    of them (the CLI on the host) would be a key no other process has."""
    use(env, database_url="postgresql+psycopg2://u:p@db.example.test/spendwatch")
    with pytest.raises(config.ConfigError) as caught:
        secrets.encrypt("x")
    text = str(caught.value)
    assert "SPENDWATCH_SECRET_KEY is not set" in text and "server database" in text
    assert "p@db" not in text  # the URL's password is never shown
    assert not (tmp_path / "secret.key").exists()
    with pytest.raises(config.ConfigError):
        secrets.decrypt(token(OLD))
    assert not (tmp_path / "secret.key").exists()


def test_a_server_database_still_reads_a_key_file_that_is_there(env, tmp_path):
    """One machine sharing its data dir (as the worker's check accepts): made before, still used."""
    (tmp_path / "secret.key").write_text(OLD)
    use(env, database_url="postgresql+psycopg2://u:p@db.example.test/spendwatch")
    assert secrets.decrypt(token(OLD, "kept")) == "kept"


def test_an_sqlite_url_keeps_the_key_file_default(env, tmp_path):
    use(env, database_url=f"sqlite:///{tmp_path / 'x.db'}")
    assert secrets.decrypt(secrets.encrypt("x")) == "x"
    assert (tmp_path / "secret.key").exists()


def test_every_write_of_a_secret_goes_through_the_guard():
    """A new write path (a route, a command) calling secrets.encrypt itself would skip the check."""
    callers = []
    for folder in ("pipeline", "api", "tasks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel in {"pipeline/secrets.py", "pipeline/secret_guard.py"}:
                continue
            if re.search(r"\bsecrets\.encrypt\(|\bimport\b[^\n]*\bencrypt\b", path.read_text()):
                callers.append(rel)
    assert callers == [], "write secrets with pipeline.secret_guard.encrypt_new, not secrets.encrypt"
