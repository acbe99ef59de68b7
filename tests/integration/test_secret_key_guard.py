"""A secret is never stored under a key the rest of the installation does not have.

Before: the CLI run on the host without SPENDWATCH_SECRET_KEY (while the worker has it) made
a key file of its own and stored the new password with it; an API started with a typo in
the key did the same; the worker could never decrypt them and the user found out from
failing polls. Now every write of a secret (CLI and API) first checks that the configured
keys read the secrets already stored, and refuses with the cause and the way out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timezone

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from api.app import create_app
from models import MailAccount, NotifyTarget
from pipeline import config, db, secrets
from pipeline.users import create_user
from tests.support.cli import cli_on
from tests.support.service import schema_factory

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
WORKER, NEW, STRANGER = (Fernet.generate_key().decode() for _ in range(3))
PASSWORD = "imap-Pa55-guard"
PUSH_TOKEN = "tk_GuardCanary77"

Run = Callable[..., str]


def use_keys(monkeypatch: pytest.MonkeyPatch, keys: str | None) -> None:
    if keys is None:
        monkeypatch.delenv("SPENDWATCH_SECRET_KEY", raising=False)
    else:
        monkeypatch.setenv("SPENDWATCH_SECRET_KEY", keys)
    config.reset()


def stored() -> dict[tuple[str, int], str]:
    with db.session() as s:
        found = {("mail_accounts", i): t for i, t in s.execute(select(MailAccount.id, MailAccount.password_enc))}
        found |= {("notify_targets", i): t for i, t in s.execute(select(NotifyTarget.id, NotifyTarget.address_enc))}
        return found


# ---------------------------------------------------------------- the CLI
@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest) -> str | None:
    return None if request.param == "sqlite" else str(request.getfixturevalue("pg_migrated_url"))


@pytest.fixture
def cli(database: str | None, tmp_path, monkeypatch) -> Iterator[Run]:
    """A mailbox and an e-mail target stored with the worker's key."""
    use_keys(monkeypatch, WORKER)
    for run in cli_on(database, tmp_path, monkeypatch, NOW):
        run("user", "create", "me@example.test")
        run("mailbox", "add", "main", "--host", "imap.example.test", "--username", "me@example.test",
            "--password", PASSWORD)
        run("notify", "add-email", "alerts@example.test")
        yield run


def every_write(cli: Run, code: int, *extra: str) -> list[str]:
    """Each command that stores a secret; the output of each."""
    return [
        cli("mailbox", "add", "second", "--host", "imap.example.test", "--username", "me@example.test",
            "--password", PASSWORD, *extra, code=code),
        cli("mailbox", "set-password", "1", "--password-stdin", *extra, input=PASSWORD + "\n", code=code),
        cli("notify", "add-email", "other@example.test", *extra, code=code),
        cli("notify", "add-push", f"ntfy://{PUSH_TOKEN}@ntfy.example.test/topic", *extra, code=code),
    ]


@pytest.mark.parametrize("how", ["no key, no key file", "a key file of its own", "a mistyped key"])
def test_a_process_with_another_key_stores_nothing(cli, monkeypatch, tmp_path, how):
    before = stored()
    if how == "no key, no key file":  # the CLI on the host, the variable only in the worker's unit
        use_keys(monkeypatch, None)
        expected = f"SPENDWATCH_SECRET_KEY is not set and there is no key file {tmp_path / 'secret.key'}"
    elif how == "a key file of its own":  # ... and an earlier command made a key file there
        use_keys(monkeypatch, None)
        (tmp_path / "secret.key").write_text(STRANGER)
        expected = f"SPENDWATCH_SECRET_KEY is not set and the key file {tmp_path / 'secret.key'} does not decrypt"
    else:
        use_keys(monkeypatch, STRANGER)
        expected = "SPENDWATCH_SECRET_KEY does not decrypt the secrets already stored"
    for out in every_write(cli, 2):
        flat = " ".join(out.split())
        assert "error: refusing to store this secret: " + expected in flat, out
        assert "the key the worker uses" in flat and "spendwatch secrets rotate --dry-run" in flat
        assert PASSWORD not in out and PUSH_TOKEN not in out and "Traceback" not in out
    assert stored() == before  # nothing written, nothing replaced
    if how == "no key, no key file":
        assert not (tmp_path / "secret.key").exists()  # no key of its own made up either


def test_a_rotation_still_writes(cli, monkeypatch):
    use_keys(monkeypatch, f"{NEW},{WORKER}")
    every_write(cli, 0)
    for token in stored().values():
        assert secrets.decrypt(token)  # every process with NEW,WORKER reads them all


def test_a_lost_key_is_replaced_on_purpose(cli, monkeypatch):
    """The old key is gone for good: the first secret entered again says so, the rest follow."""
    use_keys(monkeypatch, NEW)
    assert "--old-key-lost" in cli("mailbox", "set-password", "1", "--password-stdin", input="again\n", code=2)
    out = cli("mailbox", "set-password", "1", "--password-stdin", "--old-key-lost", input="again\n")
    assert "password updated" in out and "again" not in out.replace("enter them again", "")
    assert "stored with the configured key although it does not decrypt the secrets already stored" in \
        " ".join(out.split())
    with db.session() as s:
        assert secrets.decrypt(s.scalar(select(MailAccount.password_enc).where(MailAccount.id == 1)) or "") == "again"
    # The mailbox stored again reads with NEW: the check passes from now on, without the flag.
    assert "target #2 email" in cli("notify", "add-email", "alerts@example.test")


def test_a_server_database_without_the_key_makes_no_key_file(pg_migrated_url, tmp_path, monkeypatch):
    use_keys(monkeypatch, None)
    for run in cli_on(pg_migrated_url, tmp_path, monkeypatch, NOW):
        run("user", "create", "me@example.test")
        out = run("notify", "add-email", "alerts@example.test", code=2)
        assert "SPENDWATCH_SECRET_KEY is not set" in out and "server database" in out, out
        assert "Traceback" not in out
    assert not (tmp_path / "secret.key").exists()


# ---------------------------------------------------------------- the API
@pytest.fixture(params=["sqlite", "postgresql"])
def factory(request, tmp_path, monkeypatch) -> Iterator[sessionmaker[Session]]:
    monkeypatch.setenv("SPENDWATCH_DATA_DIR", str(tmp_path / "data"))
    use_keys(monkeypatch, WORKER)
    yield from schema_factory(request, tmp_path, "api.db")


@pytest.fixture
def api(factory) -> Iterator[tuple[TestClient, dict[str, str]]]:
    with factory.begin() as s:
        _user, token = create_user(s, "alice@example.test", "Asia/Muscat")
    with TestClient(create_app(factory, clock=lambda: NOW)) as c:
        yield c, {"Authorization": f"Bearer {token}"}


def mailbox(name: str, password: str = PASSWORD) -> dict[str, str]:
    return {"name": name, "host": "imap.example.test", "username": "me", "password": password}


def api_stored(factory: sessionmaker[Session]) -> dict[int, str]:
    with factory() as s:
        return {row_id: token for row_id, token in s.execute(select(MailAccount.id, MailAccount.password_enc))}


def test_the_api_with_another_key_stores_nothing(api, factory, monkeypatch):
    client, h = api
    first = client.post("/api/mailboxes", headers=h, json=mailbox("main"))
    assert first.status_code == 201, first.text
    before = api_stored(factory)

    use_keys(monkeypatch, STRANGER)  # the API restarted with a typo in its key
    for r in (client.post("/api/mailboxes", headers=h, json=mailbox("second", "n3w-Pa55")),
              client.patch(f"/api/mailboxes/{first.json()['id']}", headers=h, json={"password": "n3w-Pa55"})):
        # The server's configuration, not the request, is wrong: a 500-class answer, in JSON,
        # naming the cause; the password sent is never echoed.
        assert r.status_code == 500, r.text
        body = r.json()
        assert body["status"] == "error"
        assert "SPENDWATCH_SECRET_KEY does not decrypt the secrets already stored" in body["message"]
        assert "n3w-Pa55" not in r.text and STRANGER not in r.text and WORKER not in r.text
    assert api_stored(factory) == before
    # A change that stores no secret is not the check's business.
    renamed = client.patch(f"/api/mailboxes/{first.json()['id']}", headers=h, json={"name": "renamed"})
    assert renamed.status_code == 200, renamed.text

    use_keys(monkeypatch, f"{NEW},{WORKER}")  # a rotation under way
    assert client.post("/api/mailboxes", headers=h, json=mailbox("second")).status_code == 201


def test_the_check_is_one_query(factory):
    from pipeline import secret_guard

    with factory.begin() as s:
        user, _token = create_user(s, "alice@example.test", "Asia/Muscat")
        for n in range(5):
            s.add(MailAccount(user_id=user.id, name=f"m{n}", host="h", username="u",
                              password_enc=Fernet(WORKER.encode()).encrypt(f"pw{n}".encode()).decode()))
            s.add(NotifyTarget(user_id=user.id, kind="email", label="e",
                               address_enc=Fernet(WORKER.encode()).encrypt(f"a{n}@x.test".encode()).decode()))
    statements: list[str] = []
    engine = factory.kw["bind"]
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        with factory() as s:
            samples = secret_guard.stored_samples(s)
            secret_guard.encrypt_new(s, "x")
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    selects = [q for q in statements if q.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 2, statements  # one for stored_samples, one for encrypt_new's check
    # The first and the last of each table by id, nothing in between: no scan.
    with factory() as s:
        passwords = list(s.scalars(select(MailAccount.password_enc).order_by(MailAccount.id)))
        addresses = list(s.scalars(select(NotifyTarget.address_enc).order_by(NotifyTarget.id)))
    assert sorted(samples) == sorted([passwords[0], passwords[-1], addresses[0], addresses[-1]])
