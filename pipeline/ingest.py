"""Store raw e-mails once: from IMAP (see pipeline.fetch) or from files, a Maildir or an mbox.

Identity of a mail: (account, folder, uidvalidity, uid), then the sha256 of its bytes.
Both are unique keys; an insert that hits either is a duplicate and stores nothing.
"""

from __future__ import annotations

import hashlib
import logging
import mailbox as stdlib_mailbox
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from models import RawEmail, RawStatus
from parsers.extract import read_from
from pipeline.budgets import _insert
from pipeline.db import insert_rows

logger = logging.getLogger(__name__)
_HEADERS = BytesHeaderParser(policy=compat32)


@dataclass(frozen=True)
class HeaderInfo:
    message_id: str | None
    sender: str | None
    subject: str | None
    date: datetime | None


def _clip(value: Any, n: int) -> str | None:
    if value is None:
        return None
    text = str(value).replace("\r", " ").replace("\n", " ").replace("\x00", "").strip()
    # Lone surrogates (undecodable header bytes) cannot be stored as UTF-8: replaced.
    return text[:n].encode("utf-8", "replace").decode("utf-8") or None


def header_info(raw: bytes) -> HeaderInfo:
    """Tolerant header read: malformed headers give None fields, never an exception."""
    try:
        head = _HEADERS.parsebytes(raw[:256 * 1024], headersonly=True)
    except Exception:  # noqa: BLE001 - stdlib parser on hostile bytes: anything may come out
        return HeaderInfo(None, None, None, None)
    return info_of(head)


def info_of(head: Message) -> HeaderInfo:
    """The row's header fields out of an already parsed header block (never raises)."""
    when = None
    try:
        if head.get("Date"):
            when = parsedate_to_datetime(str(head["Date"]))
            if when.tzinfo is None:
                when = when.replace(tzinfo=timezone.utc)
            when.astimezone(timezone.utc)  # stored in UTC: a date at the edge of year 1 or 9999 has none
    except (TypeError, ValueError, IndexError, OverflowError):  # e.g. a 20-digit year, or +9999 hours
        when = None
    # The parser's own reading (parsers.extract.read_from): raw header, encoded-words left
    # alone, uncut; never raises (nested comments make parseaddr recurse).
    try:
        froms = head.get_all("From") or []
    except Exception:  # noqa: BLE001 - stdlib parser on hostile bytes: anything may come out
        froms = []
    sender = read_from(froms).address or None
    return HeaderInfo(_clip(head.get("Message-ID"), 998), _clip(sender, 320), _clip(head.get("Subject"), 2000), when)


def sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def raw_row(
    *,
    user_id: int,
    raw: bytes,
    source: str,
    mail_account_id: int | None = None,
    folder: str | None = None,
    uidvalidity: int | None = None,
    uid: int | None = None,
    size: int | None = None,
    status: RawStatus = RawStatus.PENDING,
    reason: str | None = None,
    truncated: bool = False,
    digest: str | None = None,
    head: Message | None = None,
) -> dict[str, Any]:
    """The raw_emails row of one mail (headers read here, tolerantly).

    ``head``: the mail's header fields already parsed (IMAP's header pre-pass fetched them
    from the same message): read from there instead of parsing the body's header block again.
    """
    info = header_info(raw) if head is None else info_of(head)
    return {
        "user_id": user_id,
        "mail_account_id": mail_account_id,
        "source": source,
        "folder": folder,
        "uidvalidity": uidvalidity,
        "uid": uid,
        "sha256": digest or sha256(raw),
        "message_id": info.message_id,
        "sender": info.sender,
        "subject": info.subject,
        "size": size if size is not None else len(raw),
        "raw": raw,
        "truncated": truncated,
        "status": status.value,
        "reason": reason,
        "received_at": info.date,
        "created_at": datetime.now(timezone.utc),
    }


def store_raw(session: Session, *, user_id: int, raw: bytes, source: str) -> int | None:
    """Insert one raw e-mail (a file, the demo); None when it is already stored (same hash)."""
    row = raw_row(user_id=user_id, raw=raw, source=source)
    stmt = _insert(session, RawEmail).values(row).on_conflict_do_nothing().returning(RawEmail.id)
    return session.execute(stmt).scalar()


def store_many(session: Session, rows: list[dict[str, Any]]) -> dict[int, int]:
    """Insert the rows of one IMAP batch (``raw_row``) in one statement; {uid: new id}.

    A uid missing from the answer was already stored (by IMAP identity or by hash).
    """
    table = RawEmail.__table__
    got = insert_rows(session, table, rows, (table.c.uid, table.c.id), on_conflict_do_nothing=True)  # type: ignore[arg-type]
    return {int(uid): int(i) for uid, i in got}


@dataclass
class IngestReport:
    stored: list[int] = field(default_factory=list)
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)


def iter_messages(path: Path) -> Iterator[tuple[str, bytes]]:
    """(label, bytes) for an .eml file, a folder of .eml files, a Maildir or an mbox."""
    if path.is_dir():
        if (path / "cur").is_dir() or (path / "new").is_dir():
            md = stdlib_mailbox.Maildir(str(path), factory=None, create=False)
            for key in sorted(md.keys()):
                yield f"{path}#{key}", md.get_bytes(key)
            return
        for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".eml"):
            yield str(child), child.read_bytes()
        return
    head = path.read_bytes()[:5]
    if head.startswith(b"From "):
        box = stdlib_mailbox.mbox(str(path), factory=None, create=False)
        for key in box.keys():
            yield f"{path}#{key}", box.get_bytes(key)
        return
    yield str(path), path.read_bytes()


def count_messages(path: Path) -> int:
    if path.is_dir() and not ((path / "cur").is_dir() or (path / "new").is_dir()):
        return sum(1 for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".eml")
    return sum(1 for _ in iter_messages(path))
