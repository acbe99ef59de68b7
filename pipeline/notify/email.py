"""E-mail transports: SMTP (none / STARTTLS / implicit TLS), and .eml files in a folder (demo).

Error classes follow SMTP's own split: 5xx replies (a refused recipient or login among
them) will fail the same way next time (permanent); 4xx replies (a 454 to AUTH included),
refused connections, timeouts and dropped sessions may pass later (transient). Error texts name the server and
the reply code only: never the recipient, the password, or the server's reply text (which
often quotes the recipient).
"""

from __future__ import annotations

import ipaddress
import re
import smtplib
import socket
import ssl
import threading
from datetime import datetime, timezone
from email import errors, policy
from email.headerregistry import Address, AddressHeader, HeaderRegistry
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from pipeline import config
from pipeline.notify.base import AlertMessage, NotifyError, Transport
from pipeline.notify.render import one_line

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# cte_type 7bit: a non-ASCII body (Arabic merchant names) goes quoted-printable or base64.
# An 8bit body needs BODY=8BITMIME on MAIL FROM (RFC 6152), which smtplib.send_message only
# sends with SMTPUTF8, and a relay without 8BITMIME may strip the eighth bit.
_POLICY = policy.default.clone(cte_type="7bit")
_HEADERS = HeaderRegistry()


def _ascii_domain(domain: str) -> str:
    """An internationalized domain in its ASCII (IDNA) form: ``bücher.example`` is
    ``xn--bcher-kva.example``, which every server takes; only a non-ASCII local part needs
    SMTPUTF8. A domain IDNA refuses is left as it is (the server refuses it then)."""
    if domain.isascii():
        return domain
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return domain


def _ascii_domains(name: str, value: str) -> str | tuple[Address, ...]:
    """An address header's value with every domain in its ASCII form. Without it an IDN
    domain became an encoded-word inside the address (invalid) and needed SMTPUTF8."""
    if value.isascii():
        return value
    header = _HEADERS(name, value)
    addresses = header.addresses if isinstance(header, AddressHeader) else ()
    # Only a clean parse (a non-ASCII local part is allowed: SMTPUTF8): the parser "repairs"
    # a line break or a bad domain into another address, where the raw value is refused.
    if not addresses or any(not isinstance(d, errors.NonASCIILocalPartDefect) for d in header.defects):
        return value
    return tuple(Address(a.display_name, a.username, _ascii_domain(a.domain)) for a in addresses)


def _ascii_message_id(message_id: str) -> str:
    """The Message-ID with its domain in ASCII form (it is the sender's domain, which may be
    an IDN): the email package refuses a non-ASCII Message-ID. The same on every retry."""
    left, at, right = message_id.rpartition("@")
    if message_id.isascii() or not at or not right.endswith(">"):
        return message_id
    return f"{left}@{_ascii_domain(right[:-1])}>"


def build(message: AlertMessage, address: str, sender: str) -> EmailMessage:
    """multipart/alternative (text, then HTML) with the deterministic Message-ID.

    What the email package refuses here (a header it will not write, a character it cannot
    encode) depends only on the alert and the address, so it would fail the same on every
    retry: a permanent NotifyError. Only the class is said: the error's text may quote the
    address."""
    try:
        msg = _build(message, address, sender)
        msg.as_bytes()  # serializing is where some refusals surface
    except ValueError as exc:  # UnicodeError included
        raise NotifyError(f"cannot build the alert e-mail ({type(exc).__name__}); not retried",
                          permanent=True) from exc
    return msg


def _build(message: AlertMessage, address: str, sender: str) -> EmailMessage:
    msg = EmailMessage(policy=_POLICY)
    msg["From"] = _ascii_domains("From", sender)
    msg["To"] = _ascii_domains("To", address)
    msg["Subject"] = one_line(message.subject)  # a CR/LF here would start a new header
    msg["Message-ID"] = _ascii_message_id(message.message_id)
    # An aware UTC time writes "+0000"; formatdate(localtime=False) wrote "-0000", which
    # RFC 5322 reserves for "local zone unknown".
    msg["Date"] = format_datetime(datetime.now(timezone.utc))
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to alerts
    for name, value in message.headers.items():
        msg[one_line(name)] = one_line(value)
    msg.set_content(message.text)
    msg.add_alternative(message.html, subtype="html")
    return msg


def eml_name(message_id: str) -> str:
    """A file name derived from the Message-ID only, so a retry rewrites the same file."""
    return _UNSAFE_NAME.sub("_", message_id.strip().strip("<>")) + ".eml"


def _loopback(host: str) -> bool:
    if host.strip().lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _cut_off(client: smtplib.SMTP, cut: threading.Event) -> None:
    """The send's deadline passed: end the connection under the thread blocked on it."""
    cut.set()
    sock = getattr(client, "sock", None)  # the TLS socket after STARTTLS
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # closed already


class SmtpTransport:
    def __init__(self, settings: config.Settings | None = None) -> None:
        self.settings = settings or config.get()

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        if s.smtp_tls == "ssl":
            return smtplib.SMTP_SSL(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout_s,
                                    context=ssl.create_default_context())
        return smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout_s)

    def send(self, message: AlertMessage, address: str) -> None:
        s = self.settings
        where = f"{s.smtp_host}:{s.smtp_port}"
        if s.smtp_username and s.smtp_tls == "none" and not _loopback(s.smtp_host):
            # smtplib logs in over a plain connection when the server offers AUTH: the password
            # would cross the network readable. A relay on this machine may stay plain.
            raise NotifyError(f"SPENDWATCH_SMTP_TLS=none would send the SMTP password to {where} unencrypted: "
                              "set SPENDWATCH_SMTP_TLS to starttls (port 587) or ssl (465)", permanent=True)
        msg = build(message, address, s.smtp_from)
        accepted = sending = False
        # SPENDWATCH_SMTP_TIMEOUT_S bounds each reply; this bounds the whole send, at half the
        # sweep's sending timeout: a server trickling a line per timeout could otherwise keep one
        # send going until the sweep reclaims the row, and another worker sends it meanwhile.
        deadline = s.sweep_sending_timeout_s / 2
        cut = threading.Event()
        try:
            try:
                with self._connect() as client:
                    timer = threading.Timer(deadline, _cut_off, args=(client, cut))
                    timer.daemon = True
                    timer.start()
                    try:
                        if s.smtp_tls == "starttls":
                            client.starttls(context=ssl.create_default_context())
                        if s.smtp_username:
                            client.login(s.smtp_username, s.smtp_password)
                        sending = True
                        client.send_message(msg)
                        accepted = True
                    finally:
                        timer.cancel()
            except (smtplib.SMTPException, OSError):
                if not accepted:
                    raise
                # The server answered 250 to the message; only QUIT failed. It has the message:
                # an error here would send it again (or mark a delivered alert failed).
        except smtplib.SMTPAuthenticationError as exc:
            # 535/534 (wrong password, app password needed) fail the same way next time; a 4xx
            # (Gmail's 454 "too many login attempts", a 421 busy server) passes later.
            raise NotifyError(f"SMTP server {where} refused the login (reply {exc.smtp_code})",
                              permanent=exc.smtp_code >= 500) from exc
        except smtplib.SMTPRecipientsRefused as exc:
            codes = sorted({code for code, _ in exc.recipients.values()})
            raise NotifyError(f"SMTP server {where} refused the recipient (reply {codes})",
                              permanent=all(c >= 500 for c in codes)) from exc
        except smtplib.SMTPResponseException as exc:  # sender refused, data refused, ...
            raise NotifyError(f"SMTP server {where} answered {exc.smtp_code}",
                              permanent=exc.smtp_code >= 500) from exc
        except smtplib.SMTPNotSupportedError as exc:  # e.g. STARTTLS or AUTH not offered
            if sending:  # send_message: a non-ASCII local part, and no SMTPUTF8 offered
                raise NotifyError(f"SMTP server {where} does not offer SMTPUTF8, which a non-ASCII "
                                  "address needs", permanent=True) from exc
            raise NotifyError(f"SMTP server {where} does not support what the settings ask for "
                              "(check SPENDWATCH_SMTP_TLS and the login)", permanent=True) from exc
        except (smtplib.SMTPException, OSError) as exc:  # refused, timeout, TLS, disconnected
            if cut.is_set():
                raise NotifyError(f"SMTP server {where} took over {deadline:.0f} s for one message: "
                                  "cut off, tried again later") from exc
            if not sending and type(exc) is smtplib.SMTPException and "authentication method" in str(exc):
                # The server offers only mechanisms smtplib lacks (XOAUTH2 alone): settings, not
                # an outage; retried, it failed 60 times over two days as "unreachable".
                raise NotifyError(f"SMTP server {where} offers no login method spendwatch can use "
                                  "(PLAIN, LOGIN or CRAM-MD5): use another submission server or an app password",
                                  permanent=True) from exc
            raise NotifyError(f"SMTP server {where} unreachable ({type(exc).__name__})") from exc


class FolderTransport:
    """Writes each alert as an .eml file (the embedded demo, or a server without SMTP)."""

    def __init__(self, folder: Path | str, sender: str = "spendwatch@localhost") -> None:
        self.folder = Path(folder)
        self.sender = sender

    def send(self, message: AlertMessage, address: str) -> None:
        msg = build(message, address, self.sender)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            final = self.folder / eml_name(message.message_id)
            tmp = final.with_name(final.name + ".tmp")
            tmp.write_bytes(msg.as_bytes())
            tmp.replace(final)  # atomic: a reader never sees half a message
        except OSError as exc:
            raise NotifyError(f"cannot write to the outbox folder ({type(exc).__name__})") from exc


def email_transport(settings: config.Settings | None = None) -> Transport:
    """The folder when SPENDWATCH_OUTBOX_DIR is set, SMTP otherwise."""
    settings = settings or config.get()
    if settings.outbox_dir:
        return FolderTransport(settings.outbox_dir, settings.smtp_from)
    return SmtpTransport(settings)
