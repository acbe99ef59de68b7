"""E-mail transports: SMTP (none / STARTTLS / implicit TLS), and .eml files in a folder (demo).

Error classes follow SMTP's own split: 5xx replies, a refused recipient and a refused
login will fail the same way next time (permanent); 4xx replies, refused connections,
timeouts and dropped sessions may pass later (transient). Error texts name the server and
the reply code only: never the recipient, the password, or the server's reply text (which
often quotes the recipient).
"""

from __future__ import annotations

import re
import smtplib
import ssl
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from pipeline import config
from pipeline.notify.base import AlertMessage, NotifyError, Transport
from pipeline.notify.render import one_line

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


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
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = address
    msg["Subject"] = one_line(message.subject)  # a CR/LF here would start a new header
    msg["Message-ID"] = message.message_id
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
        msg = build(message, address, s.smtp_from)
        accepted = False
        try:
            try:
                with self._connect() as client:
                    if s.smtp_tls == "starttls":
                        client.starttls(context=ssl.create_default_context())
                    if s.smtp_username:
                        client.login(s.smtp_username, s.smtp_password)
                    client.send_message(msg)
                    accepted = True
            except (smtplib.SMTPException, OSError):
                if not accepted:
                    raise
                # The server answered 250 to the message; only QUIT failed. It has the message:
                # an error here would send it again (or mark a delivered alert failed).
        except smtplib.SMTPAuthenticationError as exc:
            raise NotifyError(f"SMTP server {where} refused the login (reply {exc.smtp_code})",
                              permanent=True) from exc
        except smtplib.SMTPRecipientsRefused as exc:
            codes = sorted({code for code, _ in exc.recipients.values()})
            raise NotifyError(f"SMTP server {where} refused the recipient (reply {codes})",
                              permanent=all(c >= 500 for c in codes)) from exc
        except smtplib.SMTPResponseException as exc:  # sender refused, data refused, ...
            raise NotifyError(f"SMTP server {where} answered {exc.smtp_code}",
                              permanent=exc.smtp_code >= 500) from exc
        except smtplib.SMTPNotSupportedError as exc:  # e.g. STARTTLS or AUTH not offered
            raise NotifyError(f"SMTP server {where} does not support what the settings ask for "
                              "(check SPENDWATCH_SMTP_TLS and the login)", permanent=True) from exc
        except (smtplib.SMTPException, OSError) as exc:  # refused, timeout, TLS, disconnected
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
