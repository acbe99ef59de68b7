"""The edges of the connections a user's settings open: TLS downgrades and what errors repeat.

Fake servers on loopback sockets, one connection each, recording every line the client
sends: a STARTTLS that is not offered (an active attacker stripping it) must end the
session before the password is sent, for IMAP and for SMTP; and a host and port chosen
through the API (``POST /api/mailboxes/{id}/test``, ``last_error``) must not make the
service repeat the banner of whatever internal service answers there.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator

import pytest

from pipeline import config
from pipeline.mailbox import Mailbox, MailboxError
from pipeline.notify.base import AlertMessage, NotifyError
from pipeline.notify.email import SmtpTransport

PASSWORD = "canary-conn-7f3a91"


class FakeServer:
    """Accepts one connection, sends ``greeting``, answers each line with ``answer(line)``."""

    def __init__(self, greeting: bytes, answer: Callable[[bytes], bytes | None]) -> None:
        self.lines: list[bytes] = []
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self._greeting, self._answer = greeting, answer
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self._sock.settimeout(10)
        try:
            conn, _ = self._sock.accept()
        except OSError:
            return
        with conn, conn.makefile("rb") as f:
            conn.sendall(self._greeting)
            for line in iter(f.readline, b""):
                self.lines.append(line)
                reply = self._answer(line)
                if reply is None:
                    break
                conn.sendall(reply)

    def sent(self, text: str) -> bool:
        return any(text.encode() in line for line in self.lines)

    def close(self) -> None:
        self._sock.close()
        self._thread.join(5)


@pytest.fixture
def servers() -> Iterator[list[FakeServer]]:
    made: list[FakeServer] = []
    yield made
    for s in made:
        s.close()


def _imap_without_starttls(line: bytes) -> bytes | None:
    tag, _, rest = line.partition(b" ")
    cmd = rest.strip().split(b" ")[0].upper()
    if cmd == b"CAPABILITY":
        return b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK done\r\n"
    if cmd == b"LOGOUT":
        return b"* BYE\r\n" + tag + b" OK bye\r\n"
    return tag + b" OK\r\n"  # LOGIN included: a downgrading attacker accepts anything


def test_imap_starttls_not_offered_never_sends_the_password(servers):
    srv = FakeServer(b"* OK ready\r\n", _imap_without_starttls)
    servers.append(srv)
    with pytest.raises(MailboxError, match="does not support STARTTLS"):
        Mailbox.connect("127.0.0.1", srv.port, "alice", PASSWORD, tls_mode="starttls", timeout=5)
    srv.close()
    assert not any(b"LOGIN" in line.upper() for line in srv.lines), srv.lines
    assert not srv.sent(PASSWORD)


@pytest.mark.parametrize("banner", [
    b"SSH-2.0-OpenSSH_9.2p1 internal-db-7\r\n",
    b"220 mx.corp.internal ESMTP Postfix (Debian)\r\n",
])
@pytest.mark.parametrize("mode", ["plain", "starttls"])
def test_a_non_imap_service_banner_is_not_repeated(servers, banner, mode):
    """Any user can point a mailbox at any host and port: its error (the test route's answer,
    last_error) must not quote what an internal service said."""
    srv = FakeServer(banner, lambda line: None)
    servers.append(srv)
    with pytest.raises(MailboxError) as err:
        Mailbox.connect("127.0.0.1", srv.port, "alice", PASSWORD, tls_mode=mode, timeout=5)
    text = str(err.value)
    assert "internal" not in text and "OpenSSH" not in text and "Postfix" not in text, text
    assert text.startswith(f"mailbox alice@127.0.0.1:{srv.port}: cannot connect ({mode}): ")
    assert "IMAP" in text  # still says what went wrong
    assert not err.value.permanent


def _smtp(offer_starttls: bool) -> Callable[[bytes], bytes | None]:
    def answer(line: bytes) -> bytes | None:
        cmd = line[:4].upper()
        if cmd == b"EHLO":
            return b"250-fake\r\n" + (b"250-STARTTLS\r\n" if offer_starttls else b"") + b"250 AUTH PLAIN LOGIN\r\n"
        if cmd == b"STAR":
            return b"454 4.7.0 TLS not available\r\n"
        if cmd == b"AUTH":
            return b"235 ok\r\n"
        if cmd == b"QUIT":
            return None
        return b"250 ok\r\n"

    return answer


@pytest.mark.parametrize("offer_starttls", [False, True], ids=["not-offered", "refused"])
def test_smtp_starttls_downgrade_never_sends_the_password(servers, offer_starttls):
    srv = FakeServer(b"220 fake ESMTP\r\n", _smtp(offer_starttls))
    servers.append(srv)
    settings = config.Settings(smtp_host="127.0.0.1", smtp_port=srv.port, smtp_tls="starttls",
                               smtp_username="alerts", smtp_password=PASSWORD, smtp_timeout_s=5)
    with pytest.raises(NotifyError) as err:
        SmtpTransport(settings).send(AlertMessage("s", "t", "<p>h</p>", "<m@x.test>"), "to@x.test")
    srv.close()
    assert not any(line.upper().startswith(b"AUTH") for line in srv.lines), srv.lines
    assert PASSWORD not in str(err.value)


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    while exc is not None:
        yield exc
        exc = exc.__cause__ or exc.__context__


def test_a_non_ascii_password_is_a_mailbox_error_that_does_not_carry_it(servers):
    """imaplib sends LOGIN in ASCII and fails with a UnicodeEncodeError whose args hold the whole
    password: Celery's worker log ("raised unexpected: UnicodeEncodeError('ascii', '<password>', ...)"),
    the task-failed event (Flower) and the result backend show the repr of what a task raises."""
    password = "pässwörd-" + PASSWORD
    srv = FakeServer(b"* OK ready\r\n", _imap_without_starttls)
    servers.append(srv)
    with pytest.raises(MailboxError) as err:
        Mailbox.connect("127.0.0.1", srv.port, "alice", password, tls_mode="plain", timeout=5)
    assert err.value.permanent  # the user must change it: retrying cannot help
    assert "ASCII" in str(err.value)
    for exc in _chain(err.value):
        assert PASSWORD not in repr(exc) and PASSWORD not in str(exc), repr(exc)
    srv.close()
    assert not srv.sent(PASSWORD)
