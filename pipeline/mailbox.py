"""IMAP adapter: the only module that imports imapclient (with pipeline.fetch_answers, which reads its FETCH answers).

Small on purpose: select a folder, list UIDs after a cursor, read headers and sizes,
read bodies with BODY.PEEK[] (never sets \\Seen), optional seen/move, and IDLE. Every
failure becomes a MailboxError naming the mailbox (host, user, folder), never the
password, with ``permanent`` telling a configuration problem (wrong login, untrusted
certificate, missing folder) from a network hiccup worth retrying.
"""

from __future__ import annotations

import logging
import re
import select
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import parseaddr
from functools import lru_cache
from types import TracebackType
from typing import Any, Literal

from imapclient import IMAPClient
from imapclient.exceptions import CapabilityError, IMAPClientError, LoginError

from pipeline import fetch_answers

logger = logging.getLogger(__name__)

TlsMode = Literal["ssl", "starttls", "plain"]
TLS_MODES: tuple[str, ...] = ("ssl", "starttls", "plain")

_HEADER_PARSER = BytesHeaderParser(policy=compat32)
_HEADER_FETCH = "BODY.PEEK[HEADER.FIELDS (FROM SENDER MESSAGE-ID DATE SUBJECT)]"
# How the answer names that item varies: Dovecot echoes the field names as asked, Courier
# quotes them (they are astrings), imapclient keeps the quotes. Matched on this prefix of
# the key without quotes; the .NOT variant is never asked for, so never taken.
_HEADER_ITEM_PREFIX = b"BODY[HEADER.FIELDS ("
_ADDRESS_LINE = re.compile(rb"^(?:from|sender)[ \t]*:(.*)$", re.IGNORECASE | re.MULTILINE)
# Errors a live connection can raise: imapclient's own, sockets and TLS (both OSError).
_IO_ERRORS = (OSError, IMAPClientError)


class MailboxError(Exception):
    """An IMAP failure. ``permanent``: retrying will not help until the user fixes something."""

    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class FolderMissing(MailboxError):
    """The folder does not exist (deleted or renamed): the session itself is fine, and the
    mailbox's other folders can still be read."""

    def __init__(self, message: str) -> None:
        super().__init__(message, permanent=True)


@dataclass(frozen=True)
class FolderState:
    uidvalidity: int
    uidnext: int | None
    exists: int


@dataclass(frozen=True)
class Header:
    sender: str | None  # lower-cased address from From (or Sender when From is empty)
    sender_domain: str | None
    size: int  # RFC822.SIZE in bytes, known before the body is fetched
    raw_headers: bytes  # the fetched header fields, kept for mails too big to fetch
    # Those fields as read here: the stored row's fields (Message-ID, Date, Subject) are
    # taken from them by pipeline.ingest.info_of, not read again out of the body.
    parsed: Message | None = field(default=None, compare=False, repr=False)


class Mailbox:
    """One logged-in IMAP connection. Use ``Mailbox.connect(...)`` as a context manager."""

    def __init__(self, client: IMAPClient, label: str) -> None:
        self._c = client
        self.label = label
        _imaplib_debug_only_when_logged(client)
        self.folder: str | None = None
        self._interrupted = threading.Event()
        # interrupt() sends a byte here, made by the first IDLE. Sockets, not a pipe's fds: one
        # closed meanwhile refuses the byte instead of writing it to whatever reused its number.
        self._wake: tuple[socket.socket, socket.socket] | None = None

    # ---------------------------------------------------------------- connection
    @classmethod
    def connect(
        cls,
        host: str,
        port: int,
        username: str,
        password: str,
        *,
        tls_mode: str = "ssl",
        tls_verify: bool = True,
        cafile: str | None = None,
        timeout: float = 30.0,
    ) -> Mailbox:
        label = f"{username}@{host}:{port}"
        if tls_mode not in TLS_MODES:
            raise MailboxError(f"mailbox {label}: unknown TLS mode {tls_mode!r} (one of {', '.join(TLS_MODES)})", True)
        context = ssl.create_default_context(cafile=cafile) if cafile else ssl.create_default_context()
        if not tls_verify:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        try:
            if tls_mode == "ssl":
                client = IMAPClient(host, port=port, ssl=True, ssl_context=context, timeout=timeout)
            else:
                client = IMAPClient(host, port=port, ssl=False, timeout=timeout)
                if tls_mode == "starttls":
                    try:
                        client.starttls(context)
                    except BaseException:
                        _quiet_logout(client)
                        raise
        except UnicodeError as exc:
            # The host name cannot be encoded (a label over 63 characters, an empty one):
            # a configuration problem, and not an OSError, so it is caught apart.
            raise MailboxError(f"mailbox {label}: host name {host!r} is not valid ({exc})", True) from exc
        except ssl.SSLCertVerificationError as exc:
            # A configuration problem (self-signed or wrong host): retrying cannot fix it.
            raise MailboxError(f"mailbox {label}: TLS certificate not trusted ({exc.verify_message})", True) from exc
        except _IO_ERRORS as exc:
            raise MailboxError(f"mailbox {label}: cannot connect ({tls_mode}): {_connect_problem(exc)}") from exc
        unsendable = False
        try:
            client.login(username, password)
            client.capabilities()  # cached now: MOVE and IDLE are advertised only after login
        except UnicodeError:
            # imaplib sends LOGIN in ASCII; its UnicodeEncodeError holds the whole password in
            # its args, and Celery logs and reports the repr of what a task raises (worker log,
            # Flower). Raised outside this block so that the error is not even its __context__.
            _quiet_logout(client)
            unsendable = True
        except LoginError as exc:
            # The server's answer never echoes the password, so chaining it is safe.
            _quiet_logout(client)
            raise MailboxError(f"mailbox {label}: login refused (check the username and password)", True) from exc
        except _IO_ERRORS as exc:
            _quiet_logout(client)
            raise MailboxError(f"mailbox {label}: login failed: {_describe(exc)}") from exc
        if unsendable:
            raise MailboxError(f"mailbox {label}: the username or password is not ASCII, "
                               "which IMAP LOGIN cannot send", True)
        return cls(client, label)

    def __enter__(self) -> Mailbox:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        _quiet_logout(self._c)
        if self._wake is not None:
            for end in self._wake:
                end.close()

    def interrupt(self) -> None:
        """Wake a waiting IDLE from another thread (shutdown): the wait ends at once with DONE,
        the waiter sees a MailboxError, and the connection can still LOGOUT.

        A thread blocked elsewhere (an answer that does not come) is not woken: ``abort``.
        """
        self._interrupted.set()
        wake = self._wake
        if wake is not None:
            try:
                wake[1].send(b"x")
            except OSError:
                pass  # closed: the IDLE is over anyway

    def abort(self) -> None:
        """Cut the connection from another thread: whatever it was waiting for fails now."""
        self._interrupted.set()
        try:
            self._c.socket().shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _where(self) -> str:
        return f"{self.label} folder {self.folder!r}" if self.folder else self.label

    def _fail(self, what: str, exc: BaseException, permanent: bool = False) -> MailboxError:
        return MailboxError(f"mailbox {self._where()}: {what}: {_describe(exc)}", permanent)

    # ---------------------------------------------------------------- reading
    def select(self, folder: str) -> FolderState:
        try:
            info = self._c.select_folder(folder, readonly=False)
        except _IO_ERRORS as exc:
            # A folder that does not exist stays missing until the user renames it back.
            said = str(exc).upper()
            message = f"mailbox {self.label}: cannot open folder {folder!r}: {_describe(exc)}"
            if isinstance(exc, IMAPClientError) and ("NONEXISTENT" in said or "DOESN'T EXIST" in said):
                raise FolderMissing(message) from exc
            raise MailboxError(message) from exc
        self.folder = folder
        return FolderState(
            uidvalidity=int(info.get(b"UIDVALIDITY", 0)),
            uidnext=int(info[b"UIDNEXT"]) if b"UIDNEXT" in info else None,
            exists=int(info.get(b"EXISTS", 0)),
        )

    def has_idle(self) -> bool:
        try:
            return bool(self._c.has_capability("IDLE"))
        except _IO_ERRORS as exc:
            raise self._fail("CAPABILITY failed", exc) from exc

    def uids_after(self, last_uid: int) -> list[int]:
        """UIDs above ``last_uid``, ascending. `n:*` always matches the highest UID, hence the filter."""
        try:
            # NOOP first: Dovecot does not show a long-lived session mail delivered since
            # its last sync during SEARCH, so a poll on an old connection would miss it.
            self._c.noop()
            found = self._c.search(["UID", f"{last_uid + 1}:*"])
        except _IO_ERRORS as exc:
            raise self._fail("UID SEARCH failed", exc) from exc
        return sorted(int(u) for u in found if int(u) > last_uid)

    def headers(self, uids: list[int], batch: int = 500) -> dict[int, Header]:
        """Sender, Message-ID, Date and size per UID (BODY.PEEK: no \\Seen).

        A UID is absent when the answer had no header block for it: gone meanwhile, or an
        answer this adapter could not read. The caller tells those apart with ``present``.
        """
        out: dict[int, Header] = {}
        for i in range(0, len(uids), batch):
            chunk = uids[i : i + batch]
            try:
                data = self._uid_fetch(chunk, f"{_HEADER_FETCH} RFC822.SIZE")
            except _IO_ERRORS as exc:
                raise self._fail("header FETCH failed", exc) from exc
            out.update(header_replies(data))
        return out

    def bodies(self, uids: list[int], batch: int = 100) -> Iterator[tuple[int, bytes]]:
        """Full messages with BODY.PEEK[], which leaves \\Seen alone; ``batch`` UIDs per FETCH.

        A UID the server answered without a body (or with NIL) is not yielded.
        """
        for i in range(0, len(uids), batch):
            chunk = uids[i : i + batch]
            try:
                data = self._uid_fetch(chunk, "BODY.PEEK[]")
            except _IO_ERRORS as exc:
                raise self._fail("body FETCH failed", exc) from exc
            got = body_replies(data)
            for uid in chunk:
                if uid in got:
                    yield uid, got[uid]

    def _uid_fetch(self, uids: list[int], items: str) -> dict[int, dict[bytes, Any]]:
        """imapclient's ``fetch``, with the answer read by pipeline.fetch_answers: UID FETCH on its
        imaplib connection (``_imap``; ``uid`` is imaplib's documented call), the untagged
        FETCH data read fast when it has the simple shape, by imapclient's parser otherwise.
        As there, a mail not asked for (an unsolicited FETCH) is left out."""
        typ, data = self._c._imap.uid("FETCH", ",".join(str(u) for u in uids), f"({items})")
        if typ != "OK":
            raise IMAPClientError(f"FETCH answered {typ}: {data!r}"[:300])
        answers = fetch_answers.read(data)
        return {u: answers[u] for u in uids if u in answers}

    def present(self, uids: list[int]) -> set[int]:
        """Which of ``uids`` the folder still holds (UID SEARCH): tells a deleted mail from an odd answer."""
        if not uids:
            return set()
        try:
            found = self._c.search(["UID", ",".join(str(u) for u in sorted(set(uids)))])
        except _IO_ERRORS as exc:
            raise self._fail("UID SEARCH failed", exc) from exc
        return {int(u) for u in found} & set(uids)

    # ---------------------------------------------------------------- actions
    def mark_seen(self, uids: list[int]) -> None:
        if not uids:
            return
        try:
            self._c.add_flags(uids, [b"\\Seen"])
        except _IO_ERRORS as exc:
            raise self._fail("marking as seen failed", exc) from exc

    def move(self, uids: list[int], folder: str) -> None:
        """Move to ``folder`` (MOVE, else COPY + \\Deleted + expunge of just these UIDs when possible)."""
        if not uids:
            return
        try:
            if self._c.has_capability("MOVE"):
                self._c.move(uids, folder)
            else:
                self._c.copy(uids, folder)
                self._c.delete_messages(uids)
                if self._c.has_capability("UIDPLUS"):
                    self._c.uid_expunge(uids)
                else:
                    self._c.expunge()
        except _IO_ERRORS as exc:
            raise self._fail(f"moving to {folder!r} failed", exc) from exc

    # ---------------------------------------------------------------- IDLE
    def idle_wait(self, timeout_s: float) -> bool:
        """Wait up to ``timeout_s`` for new mail in the selected folder; True when the server reported some.

        Other announcements (flag changes, expunges) do not end the wait. A server without
        IDLE is asked with NOOP once the time is up, so the caller's loop works the same.
        """
        if not self.has_idle():
            # Wait on the event, not a sleep: interrupt() must end this at once too.
            self._interrupted.wait(timeout_s)
            if self._interrupted.is_set():
                raise MailboxError(f"mailbox {self._where()}: wait interrupted")
            try:
                _text, responses = self._c.noop()
            except _IO_ERRORS as exc:
                raise self._fail("NOOP failed", exc) from exc
            return _new_mail(responses)
        deadline = time.monotonic() + timeout_s
        if self._wake is None:
            self._wake = socket.socketpair()  # before the check below: an interrupt() from now on wakes the poll
        if self._interrupted.is_set():
            raise MailboxError(f"mailbox {self._where()}: IDLE interrupted")
        try:
            # Mail that arrived while this connection was not idling (during the caller's
            # catch-up) is announced only in answer to a command, not once IDLE starts:
            # ask first, or that mail would wait for the next poll interval.
            _text, pending = self._c.noop()
            woke = _new_mail(pending)
            if woke:
                return True
            self._c.idle()
            try:
                while not woke:
                    left = deadline - time.monotonic()
                    if left <= 0 or not self._readable(left) or self._interrupted.is_set():
                        break  # the round is over, or a stop: DONE, so that LOGOUT can follow
                    responses = self._c.idle_check(timeout=0)
                    # Readable but nothing to read: the connection ended (EOF). Leave, and
                    # let IDLE DONE report the broken connection.
                    if not responses:
                        break
                    woke = _new_mail(responses)
            finally:
                _text, rest = self._c.idle_done()
            woke = woke or _new_mail(rest)  # announced between the last check and DONE
        except _IO_ERRORS as exc:
            raise self._fail("IDLE failed", exc) from exc
        if self._interrupted.is_set():
            raise MailboxError(f"mailbox {self._where()}: IDLE interrupted")
        return woke

    def _readable(self, timeout_s: float) -> bool:
        """Wait until the server sends something (True), the time is up or interrupt() (False)."""
        assert self._wake is not None
        sock = self._c.socket().fileno()
        poller = select.poll()
        poller.register(sock, select.POLLIN | select.POLLPRI)
        poller.register(self._wake[0].fileno(), select.POLLIN)
        return any(fd == sock for fd, _ev in poller.poll(timeout_s * 1000))


def header_replies(data: Any) -> dict[int, Header]:
    """The header block of each UID in a FETCH answer (``IMAPClient.fetch``'s dict), read.

    A UID whose entry has no header item (an unsolicited FETCH for a flag change, a NIL
    section) is left out: the caller must not take it for mail that is not from a bank.
    Reading never raises: one hostile header block must not cost the rest of the batch.
    """
    out: dict[int, Header] = {}
    for uid, item in data.items():
        raw = _header_item(item)
        if raw is None:
            continue
        try:
            size = int(item.get(b"RFC822.SIZE") or 0)
        except (TypeError, ValueError):
            size = 0
        out[int(uid)] = _header(raw, size)
    return out


def _header_item(item: Any) -> bytes | None:
    for key, value in item.items():
        if isinstance(key, bytes) and key.replace(b'"', b"").upper().startswith(_HEADER_ITEM_PREFIX):
            return bytes(value) if isinstance(value, bytes | bytearray) else None
    return None


def body_replies(data: Any) -> dict[int, bytes]:
    """The full message of each UID in a FETCH answer; a UID answered without one, or with NIL, is left out."""
    out: dict[int, bytes] = {}
    for uid, item in data.items():
        body = item.get(b"BODY[]")
        if isinstance(body, bytes | bytearray):
            out[int(uid)] = bytes(body)
    return out


def _header(raw: bytes, size: int) -> Header:
    """Never raises: a field that cannot be read is None (the sender through a plainer reading first)."""
    try:
        head = _HEADER_PARSER.parsebytes(raw)
    except Exception:  # noqa: BLE001 - stdlib parser on hostile bytes: anything may come out
        logger.warning("a header block could not be parsed: its sender read from the raw lines", exc_info=True)
        sender = _plain_sender(raw)
        return Header(sender, _domain(sender), size, raw)
    try:
        sender = _address(str(head.get("From", "") or head.get("Sender", "")))
    except Exception:  # noqa: BLE001 - as above; the sender check still happens, on the plain reading
        sender = _plain_sender(raw)
    return Header(sender, _domain(sender), size, raw, head)


IMAPLIB_LOGGER = "imapclient.imaplib"


def _imaplib_debug_only_when_logged(client: IMAPClient) -> None:
    """imaplib's debug output off unless the imapclient.imaplib logger keeps DEBUG records.

    imapclient turns it fully on (``debug = 5``) and hands it to that logger, which drops it
    at any other level; but imaplib formats it first: every response line, and the repr of
    every fetched mail whole (about 20 µs per mail, a twentieth of the fetch step's CPU; the
    mail's text in a string nobody asked for). ``_imap`` is imapclient's imaplib connection
    (``Mailbox._uid_fetch`` uses it too); ``debug`` is imaplib's own documented setting.
    """
    if not logging.getLogger(IMAPLIB_LOGGER).isEnabledFor(logging.DEBUG):
        client._imap.debug = 0


@lru_cache(maxsize=1024)
def _address(text: str) -> str | None:
    """parseaddr's address, lower-cased. Cached: a bank's alerts repeat one From, and
    parseaddr cost 20 µs a mail, a third of reading a header block."""
    return parseaddr(text)[1].lower() or None


def _domain(sender: str | None) -> str | None:
    return sender.rsplit("@", 1)[1] if sender and "@" in sender else None


def _plain_sender(raw: bytes) -> str | None:
    """The address of the first From/Sender line, read without the email package (its fallback)."""
    for match in _ADDRESS_LINE.finditer(raw):
        try:
            addr = parseaddr(match.group(1).decode("ascii", "replace").strip())[1].lower()
        except Exception:  # noqa: BLE001 - the last reading there is: nothing more to try on this line
            continue
        if "@" in addr:
            return addr
    return None


def _new_mail(responses: list[Any]) -> bool:
    return any(isinstance(r, tuple) and len(r) >= 2 and r[1] in (b"EXISTS", b"RECENT") for r in responses)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    text = str(exc) or type(exc).__name__
    return text[:300]


def _connect_problem(exc: BaseException) -> str:
    """Why a connection failed before login, in this module's words only.

    Until a server has greeted as IMAP, its bytes are not repeated: the host and port are
    any user's choice (``POST /api/mailboxes/{id}/test`` answers this text, ``last_error``
    keeps it), and imaplib quotes an unexpected greeting whole, so a user could read the
    banner of an internal SSH, SMTP or database server through the service.
    """
    if isinstance(exc, CapabilityError):  # imapclient's own words: "does not support STARTTLS"
        return str(exc)
    if isinstance(exc, IMAPClientError):
        return "the server did not answer as an IMAP server (check the port and TLS mode)"
    return _describe(exc)  # OSError and TLS: the local library's text, not the server's


def _quiet_logout(client: Any) -> None:
    try:
        client.logout()
    except Exception:  # noqa: BLE001 - closing a broken connection: nothing to report
        try:
            client.shutdown()
        except Exception:  # noqa: BLE001
            pass
