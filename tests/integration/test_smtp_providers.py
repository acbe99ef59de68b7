"""The SMTP transport against servers that behave like the providers alerts go through.

Real aiosmtpd servers on loopback, one per case, and a scripted socket server for what
aiosmtpd cannot do on purpose (say nothing, answer slowly, hang up after DATA):

- Gmail / Office 365 (587): STARTTLS required before AUTH, AUTH required before MAIL.
- Fastmail (465): implicit TLS.
- a local Postfix (25): no TLS, no AUTH.

TLS uses a test CA that the client trusts through SSL_CERT_FILE (what
``ssl.create_default_context()`` reads), so certificate checks are real: a certificate for
another host, or one no trusted CA signed, must stop the send before the login.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from pipeline import config
from pipeline.notify import AlertMessage, NotifyError
from pipeline.notify.email import SmtpTransport
from tests.servers._util import free_port
from tests.support.scripted import ScriptedServer

pytestmark = pytest.mark.integration

USER, PASSWORD = "alerts@spendwatch.example", "app-pass-Zq81xw"
TO = "alice@example.test"
MESSAGE = AlertMessage(
    subject="\u2068مشتريات\u2069: 82% of budget spent (passed 80%)",
    text="OMR 12.500 at لولو هايبرماركت بوشر on 21 Nov 2026 18:05\nOMR 82.500 of OMR 100.000 spent (82%).\n",
    html="<p>OMR 12.500 at <bdi>لولو هايبرماركت بوشر</bdi></p>\n<p>OMR 82.500 of OMR 100.000</p>\n",
    message_id="<spendwatch-alert-7-3.0123456789ab@spendwatch.example>",
    headers={"X-Spendwatch-Alert": "7"},
)


# ------------------------------------------------------------------ a test CA
@dataclass
class Pki:
    ca_file: Path
    good: ssl.SSLContext  # certificate for 127.0.0.1 and localhost, signed by the CA
    wrong_host: ssl.SSLContext  # signed by the CA, for mail.other.test only
    self_signed: ssl.SSLContext  # for 127.0.0.1, signed by nobody the client trusts


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _server_context(tmp: Path, label: str, key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> ssl.SSLContext:
    cert_file, key_file = tmp / f"{label}.crt", tmp / f"{label}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert_file, key_file)
    return ctx


def _leaf(subject: str, sans: list[x509.GeneralName], issuer: x509.Name, issuer_key: ec.EllipticCurvePrivateKey,
          key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    now = datetime.now(timezone.utc)
    return (
        x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(issuer).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName(sans), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
        .sign(issuer_key, hashes.SHA256())
    )


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    tmp = tmp_path_factory.mktemp("pki")
    now = datetime.now(timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("spendwatch test CA")
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    ca_file = tmp / "ca.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    loopback = [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
    good_key, wrong_key, self_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    good = _leaf("127.0.0.1", loopback, ca_name, ca_key, good_key)
    wrong = _leaf("mail.other.test", [x509.DNSName("mail.other.test")], ca_name, ca_key, wrong_key)
    self_signed = _leaf("127.0.0.1", loopback, _name("127.0.0.1"), self_key, self_key)
    return Pki(ca_file, _server_context(tmp, "good", good_key, good),
               _server_context(tmp, "wrong", wrong_key, wrong), _server_context(tmp, "self", self_key, self_signed))


@pytest.fixture
def trust_test_ca(pki: Pki, monkeypatch: pytest.MonkeyPatch) -> Pki:
    """The client trusts the test CA (and only it) as its system store."""
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    return pki


# ------------------------------------------------------------------ aiosmtpd servers
@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    mail_options: list[str]
    raw: bytes
    tls: bool


@dataclass
class Server:
    port: int
    messages: list[Received] = field(default_factory=list)
    logins: list[tuple[str, str, bool]] = field(default_factory=list)  # (user, password, over TLS)
    controller: Controller | None = None

    @property
    def message(self) -> EmailMessage:
        assert len(self.messages) == 1, self.messages
        return BytesParser(policy=policy.SMTP).parsebytes(self.messages[0].raw)  # type: ignore[return-value]


class _Handler:
    def __init__(self, server: Server, data_reply: str, ehlo_delay_after_tls: float) -> None:
        self.server, self.data_reply, self.ehlo_delay_after_tls = server, data_reply, ehlo_delay_after_tls

    async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str,
                          responses: list[str]) -> list[str]:
        if session.ssl is not None and self.ehlo_delay_after_tls:
            await asyncio.sleep(self.ehlo_delay_after_tls)
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.data_reply.startswith("250"):
            self.server.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                                 list(envelope.mail_options), envelope.original_content,
                                                 session.ssl is not None))
        return self.data_reply


class _Starttls454(SMTP):
    """Advertises STARTTLS, then answers it with 454 (a middlebox, or a server short of TLS)."""

    async def smtp_STARTTLS(self, arg: str) -> None:
        await self.push("454 4.7.0 TLS not available due to temporary reason")


class _Controller(Controller):
    def __init__(self, *args: Any, smtp_class: type[SMTP] = SMTP, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.smtp_class = smtp_class

    def factory(self) -> SMTP:
        return self.smtp_class(self.handler, **self.SMTP_kwargs)


@pytest.fixture
def smtp_server() -> Iterator[Callable[..., Server]]:
    started: list[Controller] = []

    def start(*, starttls: ssl.SSLContext | None = None, implicit_tls: ssl.SSLContext | None = None,
              credentials: bool = True, auth_reply: str | None = None, require_auth: bool = False,
              smtputf8: bool = True, data_reply: str = "250 2.0.0 OK queued", ehlo_delay_after_tls: float = 0,
              smtp_class: type[SMTP] = SMTP, auth_require_tls: bool = True, eight_bit: bool = True) -> Server:
        server = Server(free_port())

        def authenticate(srv: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
            if isinstance(data, LoginPassword):
                server.logins.append((data.login.decode(), data.password.decode(), session.ssl is not None))
                if auth_reply is None and (data.login.decode(), data.password.decode()) == (USER, PASSWORD):
                    return AuthResult(success=True)
            return AuthResult(success=False, handled=False, message=auth_reply)

        # decode_data: aiosmtpd then leaves 8BITMIME out of its EHLO (an old relay).
        kwargs: dict[str, Any] = {"enable_SMTPUTF8": smtputf8, "decode_data": not eight_bit}
        if starttls is not None:  # Gmail / Office 365 on 587: no AUTH and no MAIL before STARTTLS
            kwargs.update(tls_context=starttls, require_starttls=auth_require_tls, auth_require_tls=auth_require_tls)
        else:
            kwargs.update(auth_require_tls=False)
        if credentials:
            kwargs.update(authenticator=authenticate, auth_required=require_auth)
        controller = _Controller(_Handler(server, data_reply, ehlo_delay_after_tls), hostname="127.0.0.1",
                                 port=server.port, ssl_context=implicit_tls, smtp_class=smtp_class, **kwargs)
        controller.start()
        started.append(controller)
        server.controller = controller
        return server

    yield start
    for c in started:
        c.stop()


def transport(port: int, tls: str = "none", username: str = "", password: str = "", timeout: float = 5.0,
              sender: str = "Spendwatch <alerts@spendwatch.example>") -> SmtpTransport:
    return SmtpTransport(config.Settings(smtp_host="127.0.0.1", smtp_port=port, smtp_tls=tls,
                                         smtp_username=username, smtp_password=password,
                                         smtp_timeout_s=timeout, smtp_from=sender))


def send_error(t: SmtpTransport, to: str = TO, message: AlertMessage = MESSAGE) -> NotifyError:
    with pytest.raises(NotifyError) as caught:
        t.send(message, to)
    error = str(caught.value)
    for secret in (PASSWORD, to, "alice"):
        assert secret not in error
    return caught.value


# ------------------------------------------------------------------ TLS
def test_gmail_like_587_starttls_then_login_then_send(trust_test_ca: Pki, smtp_server: Callable[..., Server]) -> None:
    server = smtp_server(starttls=trust_test_ca.good, require_auth=True)
    transport(server.port, "starttls", USER, PASSWORD).send(MESSAGE, TO)
    assert server.logins == [(USER, PASSWORD, True)]  # the password only ever went over TLS
    assert len(server.messages) == 1 and server.messages[0].tls
    assert server.messages[0].rcpt_tos == [TO]


# aiosmtpd warns when AUTH is required without its STARTTLS requirement. On 465 the TLS is the
# socket's own (aiosmtpd's flag is about STARTTLS), and the 530 test needs a plain server that
# wants a login: both as intended, so the warning is noise in the suite's output.
_AUTH_WITHOUT_STARTTLS = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")


@_AUTH_WITHOUT_STARTTLS
def test_fastmail_like_465_implicit_tls(trust_test_ca: Pki, smtp_server: Callable[..., Server]) -> None:
    server = smtp_server(implicit_tls=trust_test_ca.good, require_auth=True)
    transport(server.port, "ssl", USER, PASSWORD).send(MESSAGE, TO)
    assert [u for u, _, _ in server.logins] == [USER] and len(server.messages) == 1


def test_postfix_like_25_without_tls_or_auth(smtp_server: Callable[..., Server]) -> None:
    server = smtp_server(credentials=False)
    transport(server.port).send(MESSAGE, TO)
    assert server.logins == [] and len(server.messages) == 1


@pytest.fixture
def quiet_refused_handshakes() -> Iterator[None]:
    """The test SMTP server logs the handshake our client refuses, which is the point of the
    test, as an ERROR with a traceback ("SMTP session exception"). It logs from its own
    thread, now and then after the test's log capture has ended, into the CI output. Asked
    for before smtp_server, so it ends after that server has stopped."""
    log = logging.getLogger("mail.log")
    level = log.level
    log.setLevel(logging.CRITICAL)
    yield
    log.setLevel(level)


@pytest.mark.parametrize("cert", ["wrong_host", "self_signed"])
@pytest.mark.parametrize("tls", ["starttls", "ssl"])
def test_a_certificate_that_does_not_verify_stops_the_send_before_the_login(
        quiet_refused_handshakes: None, trust_test_ca: Pki, smtp_server: Callable[..., Server], cert: str,
        tls: str) -> None:
    ctx = getattr(trust_test_ca, cert)
    server = smtp_server(starttls=ctx) if tls == "starttls" else smtp_server(implicit_tls=ctx)
    error = send_error(transport(server.port, tls, USER, PASSWORD))
    assert "SSLCertVerificationError" in str(error) and not error.permanent  # a renewed certificate fixes it
    assert server.logins == [] and server.messages == []


def test_starttls_not_offered_is_no_downgrade(smtp_server: Callable[..., Server]) -> None:
    server = smtp_server()  # offers AUTH in clear text, and no STARTTLS
    error = send_error(transport(server.port, "starttls", USER, PASSWORD))
    assert error.permanent and "SPENDWATCH_SMTP_TLS" in str(error)
    assert server.logins == [] and server.messages == []


def test_a_454_to_starttls_is_transient_and_no_downgrade(trust_test_ca: Pki,
                                                         smtp_server: Callable[..., Server]) -> None:
    # STARTTLS advertised, answered 454, AUTH offered in clear text: carrying on would send
    # the password and the alert unencrypted. (smtplib before 3.? returned the 454 quietly.)
    server = smtp_server(starttls=trust_test_ca.good, smtp_class=_Starttls454, auth_require_tls=False)
    error = send_error(transport(server.port, "starttls", USER, PASSWORD))
    assert "454" in str(error) and not error.permanent
    assert server.logins == [] and server.messages == []


# ------------------------------------------------------------------ AUTH
@pytest.mark.parametrize(
    ("reply", "permanent"),
    [
        ("535 5.7.8 Username and Password not accepted", True),
        ("534 5.7.9 Application-specific password required", True),
        ("454 4.7.0 Too many login attempts, please try again later", False),  # Gmail, Office 365
        ("421 4.7.0 Temporary System Problem. Try again later", False),
    ],
)
def test_a_refused_login_is_permanent_but_a_4xx_login_reply_is_transient(
        trust_test_ca: Pki, smtp_server: Callable[..., Server], reply: str, permanent: bool) -> None:
    server = smtp_server(starttls=trust_test_ca.good, auth_reply=reply, require_auth=True)
    error = send_error(transport(server.port, "starttls", USER, PASSWORD))
    assert error.permanent is permanent, str(error)
    assert reply[:3] in str(error) and reply[4:] not in str(error)
    assert server.messages == []


@_AUTH_WITHOUT_STARTTLS
def test_no_login_configured_but_the_server_wants_one_is_permanent(smtp_server: Callable[..., Server]) -> None:
    server = smtp_server(require_auth=True)
    error = send_error(transport(server.port))
    assert error.permanent and "530" in str(error)


@pytest.mark.parametrize(
    ("reply", "permanent"),
    [("554 5.7.1 Message rejected as spam", True), ("421 4.7.0 Try again later, closing connection", False),
     ("452 4.3.1 Insufficient system storage", False)],
)
def test_replies_after_data(smtp_server: Callable[..., Server], reply: str, permanent: bool) -> None:
    server = smtp_server(credentials=False, data_reply=reply)
    error = send_error(transport(server.port))
    assert error.permanent is permanent and reply[:3] in str(error)


# ------------------------------------------------------------------ timeouts
class Scripted(ScriptedServer):
    """A socket server: ``silent`` says nothing after accepting; ``slow`` answers every line
    ``delay`` seconds late; ``close_after_data`` takes the message and hangs up without a reply."""

    def __init__(self, mode: str, delay: float = 0.0) -> None:
        super().__init__()
        self.mode, self.delay = mode, delay
        self.received: list[bytes] = []

    def start(self) -> Scripted:
        self.start_listening()
        return self

    def _reply(self, conn: socket.socket, line: bytes) -> None:
        if self._stop.wait(self.delay):
            raise OSError("stopped")
        conn.sendall(line)

    def session(self, conn: socket.socket) -> None:
        f = conn.makefile("rb")
        try:
            if self.mode == "silent":
                self._stop.wait(30)
                return
            self._reply(conn, b"220 scripted ESMTP\r\n")
            while not self._stop.is_set():
                line = f.readline()
                if not line:
                    return
                verb = line[:4].upper()
                if verb == b"EHLO" and self.mode == "xoauth2_only":
                    self._reply(conn, b"250-scripted\r\n250 AUTH XOAUTH2\r\n")
                elif verb == b"EHLO":
                    self._reply(conn, b"250-scripted\r\n250 8BITMIME\r\n")
                elif verb in (b"HELO", b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                    self._reply(conn, b"250 OK\r\n")
                elif verb == b"DATA":
                    self._reply(conn, b"354 go ahead\r\n")
                    data = b""
                    while not data.endswith(b"\r\n.\r\n"):
                        chunk = f.readline()
                        if not chunk:
                            return
                        data += chunk
                    self.received.append(data)
                    if self.mode == "close_after_data":
                        return
                    self._reply(conn, b"250 2.0.0 queued\r\n")
                elif verb == b"QUIT":
                    self._reply(conn, b"221 bye\r\n")
                    return
                else:
                    self._reply(conn, b"502 no\r\n")
        except OSError:
            return
        finally:
            conn.close()


@pytest.fixture
def scripted() -> Iterator[Callable[..., Scripted]]:
    servers: list[Scripted] = []

    def start(mode: str, delay: float = 0.0) -> Scripted:
        servers.append(Scripted(mode, delay).start())
        return servers[-1]

    yield start
    for s in servers:
        s.stop()


@pytest.mark.parametrize("tls", ["none", "starttls", "ssl"])
def test_a_server_that_accepts_the_connection_and_says_nothing_times_out(
        scripted: Callable[..., Scripted], tls: str) -> None:
    server = scripted("silent")
    started = time.monotonic()
    error = send_error(transport(server.port, tls, USER, PASSWORD, timeout=0.5))
    assert time.monotonic() - started < 3  # no banner, no TLS handshake: given up after the timeout
    assert not error.permanent and "unreachable" in str(error)


def test_the_timeout_still_applies_after_starttls(trust_test_ca: Pki, smtp_server: Callable[..., Server]) -> None:
    # The EHLO that follows STARTTLS is never answered in time: the TLS socket keeps the timeout.
    server = smtp_server(starttls=trust_test_ca.good, ehlo_delay_after_tls=10)
    started = time.monotonic()
    error = send_error(transport(server.port, "starttls", USER, PASSWORD, timeout=0.5))
    assert time.monotonic() - started < 4
    assert not error.permanent and server.messages == []


def test_a_slow_server_within_the_timeout_per_reply_delivers(scripted: Callable[..., Scripted]) -> None:
    # SPENDWATCH_SMTP_TIMEOUT_S bounds each reply, not the whole send (docs/reliability.md §3).
    server = scripted("slow", delay=0.3)
    started = time.monotonic()
    transport(server.port, timeout=1.0).send(MESSAGE, TO)
    assert time.monotonic() - started > 1.0 and len(server.received) == 1


def test_a_server_slower_than_the_timeout_is_transient(scripted: Callable[..., Scripted]) -> None:
    server = scripted("slow", delay=2.0)
    error = send_error(transport(server.port, timeout=0.5))
    assert not error.permanent and server.received == []


def test_a_server_that_hangs_up_after_data_is_transient(scripted: Callable[..., Scripted]) -> None:
    server = scripted("close_after_data")
    error = send_error(transport(server.port, timeout=2.0))
    assert not error.permanent and "unreachable" in str(error)
    assert len(server.received) == 1  # it may have kept it: the retry is a counted duplicate (same Message-ID)


# ------------------------------------------------------------------ international addresses
@pytest.mark.parametrize("smtputf8", [True, False])
def test_an_idn_recipient_domain_goes_out_in_its_ascii_form(smtp_server: Callable[..., Server],
                                                            smtputf8: bool) -> None:
    """bücher.example is xn--bcher-kva.example: any server takes that, SMTPUTF8 or not."""
    server = smtp_server(credentials=False, smtputf8=smtputf8)
    transport(server.port).send(MESSAGE, "alice@bücher.example")
    got = server.messages[0]
    assert got.rcpt_tos == ["alice@xn--bcher-kva.example"] and "SMTPUTF8" not in got.mail_options
    to = server.message["To"]
    assert str(to) == "alice@xn--bcher-kva.example" and not to.defects


def test_an_idn_sender_domain_goes_out_in_its_ascii_form(smtp_server: Callable[..., Server]) -> None:
    server = smtp_server(credentials=False, smtputf8=False)
    transport(server.port, sender="تنبيهات <alerts@مثال.example>").send(MESSAGE, TO)
    got = server.messages[0]
    assert got.mail_from == "alerts@xn--mgbh0fb.example"
    sender = server.message["From"]
    assert sender.addresses[0].addr_spec == "alerts@xn--mgbh0fb.example" and not sender.defects
    assert sender.addresses[0].display_name == "تنبيهات"


def test_a_non_ascii_local_part_uses_smtputf8_when_offered(smtp_server: Callable[..., Server]) -> None:
    server = smtp_server(credentials=False, smtputf8=True)
    transport(server.port).send(MESSAGE, "علي@example.test")
    got = server.messages[0]
    assert got.rcpt_tos == ["علي@example.test"] and "SMTPUTF8" in got.mail_options
    assert str(server.message["To"]) == "علي@example.test"


def test_a_non_ascii_local_part_without_smtputf8_fails_for_good_and_says_why(
        smtp_server: Callable[..., Server]) -> None:
    server = smtp_server(credentials=False, smtputf8=False)
    error = send_error(transport(server.port), to="علي@example.test")
    assert error.permanent and "SMTPUTF8" in str(error)
    assert "SPENDWATCH_SMTP_TLS" not in str(error)  # not a TLS or login problem
    assert server.messages == []


# ------------------------------------------------------------------ the message itself
def test_the_message_is_valid_mime_gmail_will_not_frown_at(smtp_server: Callable[..., Server]) -> None:
    server = smtp_server(credentials=False)
    transport(server.port).send(MESSAGE, TO)
    got = server.messages[0]
    raw = got.raw
    # 8-bit content only when declared: RFC 6152 needs BODY=8BITMIME for it.
    if any(b > 127 for b in raw):
        assert "BODY=8BITMIME" in [o.upper() for o in got.mail_options], "8-bit body sent without BODY=8BITMIME"
    assert b"\r" not in raw.replace(b"\r\n", b"") and b"\n" not in raw.replace(b"\r\n", b"")  # no bare CR/LF
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert all(len(line) <= 78 for line in head.split(b"\r\n")), "header lines are folded"
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))

    msg = server.message
    assert msg.defects == [] and all(not part.defects for part in msg.walk())
    for name in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version"):
        assert len(msg.get_all(name) or []) == 1, name
        assert not msg[name].defects, (name, msg[name].defects)
    assert re.fullmatch(r"<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+>", msg["Message-ID"])
    assert msg["Message-ID"] == MESSAGE.message_id
    sent_at = parsedate_to_datetime(msg["Date"])
    assert sent_at.tzinfo is not None and abs(datetime.now(timezone.utc) - sent_at) < timedelta(minutes=1)
    assert msg["MIME-Version"] == "1.0" and msg["Auto-Submitted"] == "auto-generated"
    assert str(msg["Subject"]) == MESSAGE.subject
    assert msg.get_content_type() == "multipart/alternative"
    plain, html = list(msg.iter_parts())
    assert (plain.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")  # best last
    for part, body in ((plain, MESSAGE.text), (html, MESSAGE.html)):
        assert part.get_content_charset() == "utf-8"
        assert part.get_content().replace("\r\n", "\n") == body  # Arabic names intact


def test_a_server_without_8bitmime_gets_a_7bit_message(smtp_server: Callable[..., Server]) -> None:
    # An 8-bit body to a server that did not offer 8BITMIME is what RFC 6152 forbids (an
    # old relay may strip the eighth bit of every Arabic letter).
    server = smtp_server(credentials=False, eight_bit=False)
    transport(server.port).send(MESSAGE, TO)
    assert all(b < 128 for b in server.messages[0].raw), "8-bit message to a server without 8BITMIME"
    plain = server.message.get_body(("plain",))
    assert plain is not None and plain.get_content().replace("\r\n", "\n") == MESSAGE.text


@pytest.mark.parametrize("to", ["alice@bücher.example\r\nBcc: thief@evil.test", "علي@example.test\nBcc: thief@evil.test"])
def test_a_line_break_in_a_non_ascii_address_is_still_refused_not_repaired(
        smtp_server: Callable[..., Server], to: str) -> None:
    # The header parser would "repair" it into another address; the raw value is refused.
    server = smtp_server(credentials=False)
    error = send_error(transport(server.port), to=to)
    assert error.permanent and str(error) == "cannot build the alert e-mail (ValueError); not retried"
    assert server.messages == []


def test_a_server_offering_only_xoauth2_is_a_settings_error_not_an_outage(scripted: Callable[..., Scripted]) -> None:
    server = scripted("xoauth2_only")
    error = send_error(transport(server.port, "none", USER, PASSWORD))
    assert error.permanent and "no login method" in str(error), str(error)
    assert server.received == []


def test_a_send_that_trickles_past_its_deadline_is_cut_off_and_retried(scripted: Callable[..., Scripted]) -> None:
    """Each reply within SPENDWATCH_SMTP_TIMEOUT_S, the whole send over half the sweep's
    sending timeout: cut off, so the sweep never hands the row to a second worker while this
    one still sends it."""
    server = scripted("slow", delay=0.3)
    t = SmtpTransport(config.Settings(smtp_host="127.0.0.1", smtp_port=server.port, smtp_timeout_s=1.0,
                                      smtp_from="alerts@spendwatch.example", sweep_sending_timeout_s=1.2))
    started = time.monotonic()
    error = send_error(t)
    assert time.monotonic() - started < 1.5  # the deadline is 0.6 s; the send alone takes over 1.5 s
    assert not error.permanent and "cut off" in str(error), str(error)
    assert server.received == []
