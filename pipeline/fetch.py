"""Fetch step: new mail of one mailbox into raw_emails, with the cursor, in one transaction.

UID SEARCH after the cursor; headers first so that mail from anyone but a bank (or a
sender the user listed) is passed over and never stored; bodies with BODY.PEEK[] in
batches. Each batch's rows and the cursor advance commit together, so a crash repeats at
most one batch, and the unique keys make the repeat store nothing twice. The mail on the
server is left as it was unless the account asks for an action, done after the commit.

The cursor never passes a UID the server is still holding but did not answer for (no
header block, no body): it waits just below it and the next poll asks again, until the
hold is over (``hold_limit``); then the mail is recorded as failed with its headers, or
named in the mailbox's last error when not even its headers came, and the cursor moves on.
A UID that UID SEARCH no longer finds was deleted meanwhile: nothing to fetch, no error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import MailAccount, MailboxCursor, RawStatus, User
from parsers.auth import under_any
from pipeline import config, hosts, secrets
from pipeline.ingest import raw_row, sha256, store_many
from pipeline.locks import mailbox_lock
from pipeline.mailbox import FolderMissing, Mailbox, MailboxError  # the only imapclient user

logger = logging.getLogger(__name__)
# How long the cursor may wait below a UID the server holds but does not answer for:
# this, or two poll intervals when they are longer, so at least one later poll asks again.
HOLD_S = 15 * 60
# Every IMAP read and connect gives up after this long: a network that went silent (no RST,
# a half-open connection) fails a command instead of hanging the poll or the watcher.
IMAP_TIMEOUT_S = 30.0
# PollReport.skipped when the mailbox lock was taken: that poll may have searched before the
# newest mail came, so a caller woken for that mail asks again soon (pipeline.watch).
SKIPPED_BUSY = "another poll of this mailbox is running"


@dataclass
class PollReport:
    account_id: int
    skipped: str | None = None
    seen: int = 0  # new UIDs looked at
    stored: list[int] = field(default_factory=list)
    passed_over: int = 0  # not from a bank or a listed sender: never stored
    duplicates: int = 0
    gone: int = 0  # deleted between UID SEARCH and FETCH: nothing to store
    held: int = 0  # UIDs the server did not answer for: the cursor waits below the first
    errors: list[str] = field(default_factory=list)
    uidvalidity: dict[str, int] = field(default_factory=dict)  # folder -> UIDVALIDITY at this poll


def sender_allowed(sender: str | None, account: MailAccount, bank_domains: Iterable[str], own: Iterable[str] = ()) -> bool:
    """Known bank domains (and their subdomains), the mailbox's listed senders, own forwards."""
    addr = (sender or "").lower().strip()
    if not addr or "@" not in addr:
        return False
    domain = addr.rsplit("@", 1)[1]

    def under(d: str) -> bool:
        d = d.lower().lstrip("@").lstrip(".")
        return domain == d or domain.endswith("." + d)

    if under_any(domain, bank_domains):
        return True
    for entry in account.sender_filter or []:
        entry = str(entry).lower().strip()
        if entry == "*" or entry == addr or ("@" not in entry and under(entry)) or (entry.startswith("@") and under(entry)):
            return True
    return bool(account.accept_forwarded and addr in {o.lower() for o in own})


def _batches(seq: list[int], n: int) -> Iterable[list[int]]:
    start = 0
    for size in batch_sizes(len(seq), n):
        yield seq[start : start + size]
        start += size


def batch_sizes(total: int, size: int) -> list[int]:
    """How a poll's ``total`` new UIDs are cut into fetch batches of at most ``size``.

    A backlog longer than one batch starts and ends with smaller ones (a quarter, a half):
    the first batch is stored, and its process task queued, about four times sooner, so the
    other worker processes start while this one goes on fetching; and the last process
    tasks in the queue are small, so the worker processes finish the backlog together
    instead of one of them working through a whole last batch alone. Each batch becomes one
    process task (tasks.jobs.enqueue_process).
    """
    if total <= size:
        return [total] if total else []
    quarter, half = max(1, size // 4), max(1, size // 2)
    middle = total - 2 * (quarter + half)
    if middle < 0:  # just over one batch: halves, the first taking what is left over
        halves = [half] * (total // half)
        halves[0] += total % half
        return halves
    full, rest = divmod(middle, size)
    if rest < quarter:  # no batch of a few mails: they join the first half batch
        return [quarter, half + rest] + [size] * full + [half, quarter]
    return [quarter, half] + [size] * full + [rest, half, quarter]


def connect(account: MailAccount, settings: config.Settings, cafile: str | None = None) -> Any:
    try:
        # Before every connection, not only when the mailbox was saved: a name may resolve
        # elsewhere now, and a mailbox saved before the setting changed is checked too.
        hosts.check_host(account.host, account.port, settings.mailbox_private_hosts)
    except hosts.HostRefused as exc:
        raise MailboxError(str(exc), permanent=True) from None
    return Mailbox.connect(
        account.host,
        account.port,
        account.username,
        secrets.decrypt(account.password_enc, settings),
        tls_mode=account.tls_mode,
        tls_verify=account.tls_verify,
        cafile=cafile or settings.imap_cafile or None,
        timeout=IMAP_TIMEOUT_S,
    )


def hold_limit(account: MailAccount) -> timedelta:
    return timedelta(seconds=max(HOLD_S, 2 * (account.poll_interval_s or 0)))


def _utc(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


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
    report.uidvalidity[folder] = state.uidvalidity
    # The cursor's updated_at is when a poll of this folder last ended with nothing waiting
    # (or the cursor last moved): how long a UID at the cursor has been waiting, at most.
    clean_since: datetime | None = None
    with factory() as s:
        cur = _cursor(s, account.id, folder)
        last = 0
        if cur is not None and cur.uidvalidity == state.uidvalidity:
            last = cur.last_uid
            clean_since = _utc(cur.updated_at)
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
        report.passed_over += sum(1 for u in chunk if u in heads) - len(wanted)
        too_big = [u for u in wanted if (heads[u].size or 0) > settings.max_message_bytes]
        small = [u for u in wanted if u not in too_big]
        bodies = dict(mb.bodies(small, settings.fetch_batch)) if small else {}
        # Not answered for: no header block, or no body (absent, NIL). Deleted meanwhile, or
        # an answer we could not read: UID SEARCH tells which.
        unanswered = [u for u in chunk if u not in heads] + [u for u in small if u not in bodies]
        waiting = sorted(mb.present(unanswered)) if unanswered else []
        report.gone += len(unanswered) - len(waiting)
        now = datetime.now(timezone.utc)
        # The first UID of this poll has waited since the folder's last clean poll at least;
        # any later one has not waited at all (the cursor moves up to it now).
        give_up = bool(waiting) and waiting[0] == uids[0] and clean_since is not None and (
            now - clean_since >= hold_limit(account))
        failed_now = set(too_big) | (set(waiting) if give_up else set())
        rows = []
        for uid in wanted:
            where = {"user_id": account.user_id, "source": "imap", "mail_account_id": account.id, "folder": folder,
                     "uidvalidity": state.uidvalidity, "uid": uid}
            if uid in too_big:
                # Kept with a status (nothing fetched is lost) but the body stays on the
                # server: a bank alert is never megabytes, and memory stays bounded.
                size = heads[uid].size or 0
                rows.append(_headers_only(heads[uid].raw_headers, size, (
                    f"message of {size / 1e6:.1f} MB is over the {settings.max_message_bytes / 1e6:.1f} MB "
                    "limit for bank alerts: headers kept, body left on the server"), account, folder, state, where))
            elif uid in bodies:
                rows.append(raw_row(raw=bodies[uid], head=heads[uid].parsed, **where))
            elif uid in waiting and give_up:
                rows.append(_headers_only(heads[uid].raw_headers, heads[uid].size or 0, (
                    f"the server returned no body for UID {uid} while still listing it, since at least "
                    f"{clean_since:%Y-%m-%d %H:%M} UTC: headers kept, body left on the server"),
                    account, folder, state, where))
        for uid in waiting:
            what = "no body" if uid in heads else "no header block"
            if give_up:
                error = (f"{folder} UID {uid}: the server returned {what} although the message is still there, "
                         + ("recorded as failed with its headers" if uid in heads else "passed without storing it")
                         + f" after waiting since {clean_since:%Y-%m-%d %H:%M} UTC")
            else:
                error = (f"{folder} UID {uid}: the server returned {what} although the message is still there; "
                         "the cursor waits below it and the next poll asks again")
            report.errors.append(error)
            logger.warning("mailbox %s: %s", account.name, error, extra={"mail_account_id": account.id})
        hold = waiting[0] if waiting and not give_up else None
        report.held += len(waiting) if hold is not None else 0
        acted = [int(r["uid"]) for r in rows]
        with factory.begin() as s:
            new_ids = store_many(s, rows)  # one statement for the batch
            report.duplicates += len(acted) - len(new_ids)
            stored = [new_ids[u] for u in acted if u in new_ids and u not in failed_now]
            cur = _cursor(s, account.id, folder)
            new_last = max(chunk) if hold is None else hold - 1
            if cur is None:
                s.add(MailboxCursor(mail_account_id=account.id, folder=folder, uidvalidity=state.uidvalidity,
                                    last_uid=new_last, updated_at=now))
            elif hold is None or new_last != cur.last_uid or cur.uidvalidity != state.uidvalidity:
                cur.uidvalidity = state.uidvalidity
                cur.last_uid = new_last
                cur.updated_at = now
            # else: still waiting where the last poll waited: the hold keeps its start.
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
        if hold is not None:
            break  # later batches wait for the next poll: the cursor cannot pass the held UID
    if not uids:
        # Remember the UIDVALIDITY of an empty folder too, so a later change is noticed; and
        # that this poll ended with nothing waiting (the start of any later hold).
        with factory.begin() as s:
            cur = _cursor(s, account.id, folder)
            if cur is None:
                s.add(MailboxCursor(mail_account_id=account.id, folder=folder, uidvalidity=state.uidvalidity, last_uid=0))
            else:
                cur.updated_at = datetime.now(timezone.utc)


def _headers_only(raw_headers: bytes, size: int, reason: str, account: MailAccount, folder: str, state: Any,
                  where: dict[str, Any]) -> dict[str, Any]:
    """The row of a mail whose body stays on the server: its headers, failed, with the reason."""
    return raw_row(raw=raw_headers, size=size, status=RawStatus.FAILED, reason=reason, truncated=True,
                   digest=sha256(f"{account.id}/{folder}/{state.uidvalidity}/{where['uid']}".encode()), **where)


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
            report.skipped = SKIPPED_BUSY
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
        refused = False
        try:
            ctx = mailbox if mailbox is not None else connect(account, settings, cafile)
            with ctx as mb:
                folders = account.folders or ["INBOX"]
                missing = 0
                for folder in folders:
                    try:
                        poll_folder(factory, account, mb, folder, settings, domains, own, report, on_stored, progress)
                    except FolderMissing as exc:
                        # A renamed or deleted folder must not stop the others from being read (it
                        # used to end the poll there); its error stays on the mailbox until fixed.
                        missing += 1
                        report.errors.append(str(exc))
                        logger.warning("poll of mailbox %s: %s", account.name, exc, extra={"mail_account_id": account_id})
                # Nothing readable at all is a refusal (beat backs off); one good folder is not.
                refused = missing == len(folders)
        except MailboxError as exc:
            report.errors.append(str(exc))
            logger.warning("poll of mailbox %s failed: %s", account.name, exc, extra={"mail_account_id": account_id})
            if not getattr(exc, "permanent", False):
                _finish(factory, account_id, report.errors)
                raise
            refused = True
        except Exception as exc:
            # Not an IMAP failure (the database, a bug): the caller retries or logs it, but
            # the mailbox shows it too instead of the last poll's state.
            first = (str(exc).splitlines() or [""])[0][:300]  # no SQL, no traceback: one line for the user
            report.errors.append(f"poll failed: {type(exc).__name__}: {first}")
            _finish(factory, account_id, report.errors, quiet=True)
            raise
        _finish(factory, account_id, report.errors, refused=refused)
    return report


def _finish(factory: sessionmaker[Session], account_id: int, errors: list[str], quiet: bool = False,
            refused: bool | None = None) -> None:
    """Record the poll: its time, and its errors (None when there were none) as the mailbox's last error.

    ``refused``: True when it ended in an error only the user can fix (one more refused poll:
    beat backs off, sweep.mailboxes_due), False when the mailbox answered (the count starts
    again), None when it tells nothing either way (a network error: retried as usual).
    """
    error = "; ".join(errors[:10]) + (f"; and {len(errors) - 10} more" if len(errors) > 10 else "") if errors else None
    try:
        with factory.begin() as s:
            account = s.get(MailAccount, account_id)
            if account is not None:
                account.last_poll_at = datetime.now(timezone.utc)
                account.last_error = error.replace("\x00", "")[:4000] if error else None
                if refused is not None:
                    account.refused_polls = (account.refused_polls or 0) + 1 if refused else 0
    except Exception:  # noqa: BLE001 - the database may be what failed: the original error is raised
        if not quiet:
            raise
        logger.warning("could not record the failed poll of mailbox %s", account_id, exc_info=True)
