"""`spendwatch secrets rotate` on SQLite and PostgreSQL: after it, the newest key alone reads
every stored secret; a secret no key reads is named and the rest still rotated; a dry run
writes nothing; no secret is ever shown."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import create_engine, select, text, update

from models import MailAccount, NotifyTarget, User
from pipeline import config, db, secrets
from pipeline.secret_rotation import SecretColumn, secret_columns
from tests.support.cli import cli_on

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
OLD, NEW, STRANGER = (Fernet.generate_key().decode() for _ in range(3))
PASSWORD = "imap-Pa55-rotate"
EMAIL = "alerts-rotate@example.test"
PUSH = "ntfy://tk_RotateCanary99@ntfy.example.test/topic"
PLAINTEXTS = {("mail_accounts", 1): PASSWORD, ("notify_targets", 1): EMAIL, ("notify_targets", 2): PUSH}

Run = Callable[..., str]


def use_keys(monkeypatch: pytest.MonkeyPatch, keys: str) -> None:
    monkeypatch.setenv("SPENDWATCH_SECRET_KEY", keys)
    config.reset()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest) -> str | None:
    """None: the embedded SQLite file; else a migrated PostgreSQL database of its own."""
    return None if request.param == "sqlite" else str(request.getfixturevalue("pg_migrated_url"))


@pytest.fixture
def cli(database: str | None, tmp_path, monkeypatch) -> Iterator[Run]:
    """A user with a mailbox, an e-mail target and a push target, all written with OLD alone."""
    monkeypatch.setenv("SPENDWATCH_LOG_LEVEL", "DEBUG")  # nothing may leak at the most verbose level either
    use_keys(monkeypatch, OLD)
    for run in cli_on(database, tmp_path, monkeypatch, NOW):
        run("user", "create", "me@example.test")
        run("mailbox", "add", "main", "--host", "imap.example.test", "--username", "me@example.test",
            "--password", PASSWORD)
        run("notify", "add-email", EMAIL)
        run("notify", "add-push", PUSH)
        yield run


def stored() -> dict[tuple[str, int], str]:
    """Every stored token, by (table, row id)."""
    found: dict[tuple[str, int], str] = {}
    with db.session() as s:
        for secret in secret_columns():
            table, pk, value = secret.columns()
            for row_id, token in s.execute(select(pk, value).select_from(table)):
                found[(secret.table, row_id)] = token
    return found


def assert_nothing_secret_in(output: str, *tokens: dict[tuple[str, int], str]) -> None:
    """Neither a secret nor a token of it (before or after the rotation) in ``output``."""
    for plain in (PASSWORD, EMAIL, PUSH, "tk_RotateCanary99", "lost@example.test"):
        assert plain not in output
    for found in tokens:
        for token in found.values():
            assert token not in output


def test_every_stored_secret_is_an_enc_column():
    assert secret_columns() == [SecretColumn("mail_accounts", "password_enc"),
                                SecretColumn("notify_targets", "address_enc")]


def test_after_rotate_the_new_key_alone_reads_every_secret(cli, monkeypatch):
    before = stored()
    use_keys(monkeypatch, f"{NEW},{OLD}")
    # One row per batch: more rows than a batch, so the progress bar is shown.
    out = cli("secrets", "rotate", "--batch-size", "1")
    assert "mail_accounts (password_enc): 1 row(s), 1 re-encrypted, 0 already current" in out
    assert "notify_targets (address_enc): 2 row(s), 2 re-encrypted, 0 already current" in out
    assert "2/2" in out and "━" in out, out  # the Rich bar, one line per table
    assert "the other keys can be removed" in out
    after = stored()
    assert_nothing_secret_in(out, before, after)

    use_keys(monkeypatch, NEW)
    new_only = Fernet(NEW.encode())
    for where, token in after.items():
        assert new_only.decrypt(token.encode()).decode() == PLAINTEXTS[where]
        assert secrets.decrypt(token) == PLAINTEXTS[where]

    # Idempotent: again, with both keys or with the new one alone, nothing changes.
    use_keys(monkeypatch, f"{NEW},{OLD}")
    again = cli("secrets", "rotate")
    assert "1 row(s), 0 re-encrypted, 1 already current" in again and "━" not in again
    use_keys(monkeypatch, NEW)
    assert "2 row(s), 0 re-encrypted, 2 already current" in cli("secrets", "rotate")
    assert stored() == after


def add_target_under_another_key() -> int:
    """A target whose token no configured key reads (written with a key since lost)."""
    with db.session() as s:
        user_id = s.scalar(select(User.id))
        assert user_id is not None
        t = NotifyTarget(user_id=user_id, kind="email", label="lost",
                         address_enc=Fernet(STRANGER.encode()).encrypt(b"lost@example.test").decode())
        s.add(t)
        s.flush()
        return t.id


def test_a_secret_no_key_reads_is_named_and_the_others_still_rotate(cli, monkeypatch):
    lost = add_target_under_another_key()
    before = stored()
    use_keys(monkeypatch, f"{NEW},{OLD}")
    out = cli("secrets", "rotate", code=1)
    assert f"error: notify_targets #{lost} (address_enc): cannot be decrypted with any key of SPENDWATCH_SECRET_KEY" \
        in out, out
    assert f"spendwatch notify remove {lost}" in out
    assert "notify_targets (address_enc): 3 row(s), 2 re-encrypted, 0 already current, 1 cannot be decrypted" in out
    assert "1 secret(s) cannot be rotated; the other 3 are encrypted with the first key" in out
    assert "can be removed" not in out
    after = stored()
    assert_nothing_secret_in(out, before, after)
    assert after[("notify_targets", lost)] == before[("notify_targets", lost)]  # left as it was
    use_keys(monkeypatch, NEW)
    for where, plain in PLAINTEXTS.items():
        assert secrets.decrypt(after[where]) == plain

    # The same report from a dry run, which is how to check before dropping a key.
    assert f"notify_targets #{lost} (address_enc)" in cli("secrets", "rotate", "--dry-run", code=1)


def test_dry_run_counts_per_table_and_writes_nothing(cli, monkeypatch):
    before = stored()
    use_keys(monkeypatch, f"{NEW},{OLD}")
    out = cli("secrets", "rotate", "--dry-run")
    assert "mail_accounts (password_enc): 1 row(s), 1 would be re-encrypted, 0 already current" in out
    assert "notify_targets (address_enc): 2 row(s), 2 would be re-encrypted, 0 already current" in out
    assert "dry run: nothing written" in out
    assert_nothing_secret_in(out, before)
    assert stored() == before


def hold_then_write(url: str, row_id: int, token: str, locked: threading.Event, failures: list[Exception]) -> None:
    """A worker's transaction: lock a mailbox row, take its time, write a new password."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("SELECT id FROM mail_accounts WHERE id = :id FOR UPDATE"), {"id": row_id})
            locked.set()
            time.sleep(1.0)  # rotate is waiting for this row now
            conn.execute(update(MailAccount).where(MailAccount.id == row_id).values(password_enc=token))
    except Exception as exc:  # noqa: BLE001 - the test asserts there was none
        failures.append(exc)
    finally:
        engine.dispose()


@pytest.fixture
def pg_cli(pg_migrated_url: str, tmp_path, monkeypatch) -> Iterator[Run]:
    use_keys(monkeypatch, OLD)
    yield from cli_on(pg_migrated_url, tmp_path, monkeypatch, NOW)


def test_a_write_while_rotating_is_neither_lost_nor_disturbed(pg_cli, pg_migrated_url, monkeypatch):
    """A worker holds a mailbox row (its lock) and writes a new password with the new key while
    rotate runs: rotate waits for it, and the worker's password is the one that stays."""
    pg_cli("user", "create", "me@example.test")
    for name in ("main", "other"):
        pg_cli("mailbox", "add", name, "--host", "imap.example.test", "--username", "me@example.test",
               "--password", PASSWORD)
    use_keys(monkeypatch, f"{NEW},{OLD}")
    changed = secrets.encrypt("changed-by-the-worker")
    locked, failures = threading.Event(), list[Exception]()
    thread = threading.Thread(target=hold_then_write, args=(pg_migrated_url, 1, changed, locked, failures))
    thread.start()
    assert locked.wait(30)
    started = time.monotonic()
    out = pg_cli("secrets", "rotate")
    thread.join(30)
    assert not failures, failures
    assert time.monotonic() - started > 0.5  # it waited for the worker's row lock
    # Rotate read the row after the worker's commit: the new password, already under NEW.
    assert "mail_accounts (password_enc): 2 row(s), 1 re-encrypted, 1 already current" in out
    use_keys(monkeypatch, NEW)
    with db.session() as s:
        passwords = {row_id: token for row_id, token in s.execute(select(MailAccount.id, MailAccount.password_enc))}
    assert passwords[1] == changed
    assert secrets.decrypt(passwords[1]) == "changed-by-the-worker"
    assert secrets.decrypt(passwords[2]) == PASSWORD
