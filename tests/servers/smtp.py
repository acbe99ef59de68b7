"""A real SMTP server (aiosmtpd) on a free loopback port, collecting what it receives.

``stop()``/``start()`` simulate an outage on the same port; ``reject`` answers every
message's DATA with a given reply (e.g. "451 4.3.0 try later", "550 5.7.1 no"),
``reject_rcpt`` does the same at RCPT TO. AUTH (PLAIN/LOGIN, no TLS needed on loopback)
is offered and succeeds only with ``credentials``; sending without a login still works.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.servers._util import free_port


class _Handler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if self.sink.reject_rcpt:
            return self.sink.reject_rcpt
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.sink.reject:
            return self.sink.reject
        msg = BytesParser(policy=policy.default).parsebytes(envelope.original_content or envelope.content)
        with self.sink.lock:
            self.sink.messages.append(msg)  # type: ignore[arg-type]
            self.sink.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 OK"


@dataclass
class SmtpSink:
    port: int
    host: str = "127.0.0.1"
    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    reject: str | None = None
    reject_rcpt: str | None = None
    credentials: tuple[str, str] | None = None  # (username, password) AUTH accepts
    logins: list[str] = field(default_factory=list)  # usernames that logged in
    lock: threading.Lock = field(default_factory=threading.Lock)
    _controller: Controller | None = None

    def _authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        if isinstance(data, LoginPassword) and self.credentials is not None:
            user, password = data.login.decode(), data.password.decode()
            if (user, password) == self.credentials:
                with self.lock:
                    self.logins.append(user)
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    @property
    def running(self) -> bool:
        return self._controller is not None

    def start(self) -> None:
        self._controller = Controller(_Handler(self), hostname=self.host, port=self.port,
                                      authenticator=self._authenticate, auth_require_tls=False)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def clear(self) -> None:
        with self.lock:
            self.messages.clear()
            self.envelopes.clear()
            self.logins.clear()
        self.reject = None
        self.reject_rcpt = None
        self.credentials = None


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SmtpSink]:
    sink = SmtpSink(free_port())
    try:
        sink.start()
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"aiosmtpd could not start: {exc}")
    yield sink
    sink.stop()


@pytest.fixture
def smtp_sink(smtp_server: SmtpSink) -> Iterator[SmtpSink]:
    smtp_server.clear()
    if not smtp_server.running:
        smtp_server.start()
    yield smtp_server
    if not smtp_server.running:
        smtp_server.start()
    smtp_server.clear()
