"""Fetch step: new mail of one mailbox into raw_emails, with the cursor, in one transaction.

UID SEARCH after the cursor; headers first so that mail from anyone but a bank (or a
sender the user listed) is passed over and never stored; bodies with BODY.PEEK[] in
batches. Each batch's rows and the cursor advance commit together, so a crash repeats at
most one batch, and the unique keys make the repeat store nothing twice. The mail on the
server is left as it was unless the account asks for an action, done after the commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import MailAccount, MailboxCursor, RawStatus, User
from pipeline import config, secrets
from pipeline.ingest import raw_row, sha256, store_many
from pipeline.locks import mailbox_lock
from pipeline.mailbox import Mailbox, MailboxError  # the only imapclient user

logger = logging.getLogger(__name__)


@dataclass
class PollReport:
    account_id: int
    skipped: str | None = None
    seen: int = 0  # new UIDs looked at
    stored: list[int] = field(default_factory=list)
    passed_over: int = 0  # not from a bank or a listed sender: never stored
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)


def sender_allowed(sender: str | None, account: MailAccount, bank_domains: Iterable[str], own: Iterable[str] = ()) -> bool:
    """Known bank domains (and their subdomains), the mailbox's listed senders, own forwards."""
    addr = (sender or "").lower().strip()
    if not addr or "@" not in addr:
        return False
    domain = addr.rsplit("@", 1)[1]

    def under(d: str) -> bool:
        d = d.lower().lstrip("@").lstrip(".")
        return domain == d or domain.endswith("." + d)

    if any(under(d) for d in bank_domains):
        return True
    for entry in account.sender_filter or []:
        entry = str(entry).lower().strip()
        if entry == "*" or entry == addr or ("@" not in entry and under(entry)) or (entry.startswith("@") and under(entry)):
            return True
    return bool(account.accept_forwarded and addr in {o.lower() for o in own})


def _batches(seq: list[int], n: int) -> Iterable[list[int]]:
    for i in range(0, len(seq), n):
        yield seq[i : i + n]


def connect(account: MailAccount, settings: config.Settings, cafile: str | None = None) -> Any:
    return Mailbox.connect(
        account.host,
        account.port,
        account.username,
        secrets.decrypt(account.password_enc, settings),
        tls_mode=account.tls_mode,
        tls_verify=account.tls_verify,
        cafile=cafile or settings.imap_cafile or None,
    )


def _cursor(session: Session, account_id: int, folder: str) -> MailboxCursor | None:
    return session.scalar(
        select(MailboxCursor).where(MailboxCursor.mail_account_id == account_id, MailboxCursor.folder == folder)
    )


def poll_folder(
    factory: sessionmaker[Session],
    account: MailAccount,
    mb: Any,
    folder: str,
    settings: config.Settings,
    bank_domains: frozenset[str],
    own: tuple[str, ...],
    report: PollReport,
    on_stored: Callable[[list[int]], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    state = mb.select(folder)
    with factory() as s:
        cur = _cursor(s, account.id, folder)
        last = 0
        if cur is not None and cur.uidvalidity == state.uidvalidity:
            last = cur.last_uid
        elif cur is not None:
            # UIDVALIDITY changed: the UIDs mean nothing any more. Rescan the folder; the
            # sha256 key makes the mails already stored count once.
            logger.warning(
                "UIDVALIDITY of %s changed (%s -> %s): rescanning",
                folder,
                cur.uidvalidity,
                state.uidvalidity,
                extra={"mail_account_id": account.id},
            )
    uids = mb.uids_after(last)
    report.seen += len(uids)
    done = 0
    for chunk in _batches(uids, settings.fetch_batch):
        heads = mb.headers(chunk)
        wanted = [u for u in chunk if u in heads and sender_allowed(heads[u].sender, account, bank_domains, own)]
        report.passed_over += len(chunk) - len(wanted)
        too_big = [u for u in wanted if (heads[u].size or 0) > settings.max_message_bytes]
        small = [u for u in wanted if u not in too_big]
        bodies = dict(mb.bodies(small, settings.fetch_batch)) if small else {}
        rows = []
        for uid in wanted:
            where = {"user_id": account.user_id, "source": "imap", "mail_account_id": account.id, "folder": folder,
                     "uidvalidity": state.uidvalidity, "uid": uid}
            if uid in too_big:
                # Kept with a status (nothing fetched is lost) but the body stays on the
                # server: a bank alert is never megabytes, and memory stays bounded.
                size = heads[uid].size or 0
                rows.append(raw_row(
                    raw=heads[uid].raw_headers,
                    size=size,
                    status=RawStatus.FAILED,
                    reason=(
                        f"message of {size / 1e6:.1f} MB is over the {settings.max_message_bytes / 1e6:.1f} MB "
                        "limit for bank alerts: headers kept, body left on the server"
                    ),
                    truncated=True,
                    digest=sha256(f"{account.id}/{folder}/{state.uidvalidity}/{uid}".encode()),
                    **where,
                ))
            elif uid in bodies:
                rows.append(raw_row(raw=bodies[uid], **where))
            else:
                report.errors.append(f"{folder} UID {uid}: the server returned no body (deleted meanwhile?)")
        acted = [int(r["uid"]) for r in rows]
        with factory.begin() as s:
            new_ids = store_many(s, rows)  # one statement for the batch
            report.duplicates += len(acted) - len(new_ids)
            stored = [new_ids[u] for u in acted if u in new_ids and u not in too_big]
            cur = _cursor(s, account.id, folder)
            if cur is None:
                s.add(MailboxCursor(mail_account_id=account.id, folder=folder, uidvalidity=state.uidvalidity, last_uid=max(chunk)))
            else:
                cur.uidvalidity = state.uidvalidity
                cur.last_uid = max(chunk)
                cur.updated_at = datetime.now(timezone.utc)
        report.stored += stored
        if acted and account.action == "seen":
            mb.mark_seen(acted)
        elif acted and account.action == "move" and account.action_folder:
            mb.move(acted, account.action_folder)
        if on_stored and stored:
            on_stored(stored)
        done += len(chunk)
        if progress:
            progress(done, len(uids))
    if not uids:
        # Remember the UIDVALIDITY of an empty folder too, so a later change is noticed.
        with factory.begin() as s:
            if _cursor(s, account.id, folder) is None:
                s.add(MailboxCursor(mail_account_id=account.id, folder=folder, uidvalidity=state.uidvalidity, last_uid=0))


def poll(
    factory: sessionmaker[Session],
    account_id: int,
    *,
    settings: config.Settings | None = None,
    on_stored: Callable[[list[int]], None] | None = None,
    cafile: str | None = None,
    mailbox: Any = None,
    progress: Callable[[int, int], None] | None = None,
) -> PollReport:
    """Poll every folder of one mailbox; one poll per mailbox at a time."""
    from parsers import known_bank_domains

    settings = settings or config.get()
    report = PollReport(account_id)
    engine = factory.kw["bind"]
    with mailbox_lock(engine, account_id, Path(settings.data_dir) / "locks") as got:
        if not got:
            report.skipped = "another poll of this mailbox is running"
            return report
        with factory() as s:
            account = s.get(MailAccount, account_id)
            if account is None or not account.enabled:
                report.skipped = "mailbox is disabled or gone"
                return report
            user = s.get(User, account.user_id)
            own = (user.email,) if user else ()
            s.expunge(account)
        domains = known_bank_domains()
        error: str | None = None
        try:
            ctx = mailbox if mailbox is not None else connect(account, settings, cafile)
            with ctx as mb:
                for folder in account.folders or ["INBOX"]:
                    poll_folder(factory, account, mb, folder, settings, domains, own, report, on_stored, progress)
        except MailboxError as exc:
            error = str(exc)
            report.errors.append(error)
            logger.warning("poll of mailbox %s failed: %s", account.name, exc, extra={"mail_account_id": account_id})
            if not getattr(exc, "permanent", False):
                _finish(factory, account_id, error)
                raise
        _finish(factory, account_id, error)
    return report


def _finish(factory: sessionmaker[Session], account_id: int, error: str | None) -> None:
    with factory.begin() as s:
        account = s.get(MailAccount, account_id)
        if account is not None:
            account.last_poll_at = datetime.now(timezone.utc)
            account.last_error = error
