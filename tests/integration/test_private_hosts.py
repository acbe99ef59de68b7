"""SPENDWATCH_MAILBOX_PRIVATE_HOSTS=false: no user of a shared install makes the worker connect
inside its network (the mailbox host and port are any API user's choice).

Refused when the mailbox is added or changed (API 422, CLI exit 2) and again before every
connection (the test route, polls: a name may resolve elsewhere later). The default (true)
keeps one person's local Dovecot or bridge on 127.0.0.1 working: every other test of the
suite connects to 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from api.app import create_app
from models import Base, MailAccount
from pipeline import config, fetch, secrets
from pipeline.db import make_engine
from pipeline.users import create_user
from tests.support.cli import embedded_cli

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)


class Listener:
    """A TCP port on 127.0.0.1 that counts the connections it is offered (and closes them)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.close()


@pytest.fixture
def factory(tmp_path, monkeypatch):
    monkeypatch.setenv("SPENDWATCH_SECRET_KEY", Fernet.generate_key().decode())
    monkeypatch.setenv("SPENDWATCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SPENDWATCH_MAILBOX_PRIVATE_HOSTS", "false")
    config.reset()
    engine = make_engine(f"sqlite:///{tmp_path / 'hosts.db'}")
    Base.metadata.create_all(engine)
    yield sessionmaker(bind=engine, expire_on_commit=False)
    engine.dispose()
    config.reset()


def _token(factory) -> dict[str, str]:
    with factory.begin() as s:
        _user, token = create_user(s, "a@example.test", "Asia/Muscat")
    return {"Authorization": f"Bearer {token}"}


def body(host: str, port: int = 993) -> dict[str, object]:
    return {"name": "box", "host": host, "port": port, "username": "u", "password": "pw"}


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "10.0.0.8", "169.254.169.254", "::1"])
def test_the_api_refuses_a_host_inside_the_network(factory, host):
    headers = _token(factory)
    with TestClient(create_app(factory, clock=lambda: NOW)) as client:
        r = client.post("/api/mailboxes", json=body(host), headers=headers)
        assert r.status_code == 422, r.text
        assert "private or local network" in r.text
        assert client.get("/api/mailboxes", headers=headers).json() == []


def test_the_api_refuses_moving_a_mailbox_inside_the_network(factory):
    headers = _token(factory)
    with TestClient(create_app(factory, clock=lambda: NOW)) as client:
        r = client.post("/api/mailboxes", json=body("192.0.2.1"), headers=headers)  # not internal: not a lookup
        assert r.status_code == 422  # TEST-NET-1 is reserved (documentation): refused too
        r = client.post("/api/mailboxes", json=body("8.8.8.8"), headers=headers)
        assert r.status_code == 201, r.text
        r = client.patch(f"/api/mailboxes/{r.json()['id']}", json={"host": "127.0.0.1"}, headers=headers)
        assert r.status_code == 422 and "private or local network" in r.text


def test_a_stored_mailbox_pointing_inside_is_never_connected_to(factory, listener):
    """Stored while allowed (or its name resolves elsewhere now): the test route and a poll refuse
    before connecting, the poll records why and is not retried (the user must change the host)."""
    headers = _token(factory)
    with factory.begin() as s:
        a = MailAccount(user_id=1, name="inside", host="127.0.0.1", port=listener.port, tls_mode="ssl",
                        username="u", password_enc=secrets.encrypt("pw"), poll_interval_s=300)
        s.add(a)
        s.flush()
        account_id = a.id
    with TestClient(create_app(factory, clock=lambda: NOW)) as client:
        r = client.post(f"/api/mailboxes/{account_id}/test", headers=headers)
    assert r.status_code == 200 and r.json()["ok"] is False and "private or local network" in r.json()["error"]
    report = fetch.poll(factory, account_id)
    assert any("private or local network" in e for e in report.errors)
    with factory() as s:
        assert "private or local network" in (s.get(MailAccount, account_id).last_error or "")
    assert listener.accepted == 0


def test_the_default_allows_them(factory, listener, monkeypatch):
    monkeypatch.setenv("SPENDWATCH_MAILBOX_PRIVATE_HOSTS", "true")
    config.reset()
    headers = _token(factory)
    with TestClient(create_app(factory, clock=lambda: NOW)) as client:
        r = client.post("/api/mailboxes", json=body("127.0.0.1", listener.port) | {"tls_mode": "ssl"}, headers=headers)
        assert r.status_code == 201, r.text
        client.post(f"/api/mailboxes/{r.json()['id']}/test", headers=headers)
    assert listener.accepted == 1  # it did connect (and failed: the listener speaks no IMAP)


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.setenv("SPENDWATCH_MAILBOX_PRIVATE_HOSTS", "false")
    yield from embedded_cli(tmp_path, monkeypatch, NOW)


def test_the_cli_refuses_it_too(cli):
    from pipeline import db

    cli("user", "create", "me@example.test")
    out = cli("mailbox", "add", "lan", "--host", "192.168.1.20", "--username", "u", "--password", "pw", code=2)
    assert "private or local network" in out
    with db.session() as s:
        assert s.scalars(select(MailAccount)).all() == []
