"""Operations commands: db, ingest, mailbox, notify, poll, watch, reprocess, verify, status."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import MailAccount, NotifyTarget, Outbox, RawEmail, RawStatus, User, from_minor
from pipeline import budgets, config, db, ingest, schema, secret_guard
from pipeline.runtime import open_db, resolve_user, stdout_console

logger = logging.getLogger(__name__)
out = stdout_console()
err = Console(stderr=True)

db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
mailbox_app = typer.Typer(help="IMAP mailboxes to read alerts from.", no_args_is_help=True)
notify_app = typer.Typer(help="Where threshold alerts go (e-mail, Apprise push URLs).", no_args_is_help=True)


def fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(code)


# On every command that stores a secret: the way out when the key is lost for good.
OLD_KEY_LOST_HELP = ("the key the stored secrets were written with is lost for good: store this one under "
                     "the configured key anyway (refused otherwise, see `spendwatch secrets rotate --dry-run`)")


def encrypt_secret(s: Session, plaintext: str, old_key_lost: bool = False) -> str:
    """``plaintext`` encrypted for storing; a key that is not the installation's is a one-line
    error, exit 2 as for any configuration error (pipeline.secret_guard)."""
    try:
        return secret_guard.encrypt_new(s, plaintext, old_key_lost=old_key_lost)
    except config.ConfigError as exc:  # KeyMismatchError; no key at all for a server database
        fail(str(exc))
        raise  # not reached: fail() exits


def check_secret_key(s: Session) -> None:
    """As ``encrypt_secret``'s check, before asking for a secret that would be refused."""
    try:
        secret_guard.check(s)
    except config.ConfigError as exc:
        fail(str(exc))


def progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err,
        transient=False,
    )


def enqueue_process(ids: list[int]) -> None:
    from tasks import jobs

    jobs.enqueue_process(ids)


# The embedded default (no broker) has no beat, and so no sweep: nothing else would send
# again an alert whose send failed (SMTP server or push service away) or process a mail a
# crash left pending. `poll` (cron) runs it after polling, `watch` every minute as beat does.
SWEEP_EVERY_S = 60.0  # celeryconfig.beat_schedule's sweep


def sweep_embedded() -> tuple[int, int]:
    """Beat's sweep, in process, on the embedded default: (e-mails, alert messages) handed out
    again; (0, 0) on a broker, where beat's sweep runs on the workers."""
    from pipeline import sweep
    from tasks import jobs

    if config.get().broker_url:
        return 0, 0
    try:
        work = sweep.find_work(db.session_factory())
        jobs.enqueue_process(work.raw_email_ids)  # in process: done when this returns
        jobs.enqueue_deliveries(work.outbox_ids)  # a send that fails again waits for its next try
    except Exception:  # noqa: BLE001 - the database away, or a bug: the next round tries again
        logger.warning("the sweep failed; the next one tries again", exc_info=True)
        return 0, 0
    return len(work.raw_email_ids), len(work.outbox_ids)


def sweep_every(stop: threading.Event, every_s: float = SWEEP_EVERY_S) -> None:
    """``sweep_embedded`` now (a previous run may have left work), then every ``every_s`` until ``stop``."""
    while True:
        mails, messages = sweep_embedded()
        if mails or messages:
            logger.info("sweep: %d pending e-mail(s) processed, %d alert message(s) sent again or tried",
                        mails, messages)
        if stop.wait(every_s):
            return


# ---------------------------------------------------------------- db
@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the migrations to SPENDWATCH_DATABASE_URL (or the embedded SQLite file)."""
    engine = db.engine()
    schema.upgrade(engine)
    current, _head = schema.state(engine)
    out.print(escape(f"schema at revision {current} ({engine.url.render_as_string(hide_password=True)})"))


@db_app.command("status")
def db_status() -> None:
    """Show the schema revision of the database and the one this version needs."""
    current, head = schema.state(db.engine())
    out.print(f"current: {current or 'none'}  needed: {head}")
    if current != head:
        raise typer.Exit(1)


# ---------------------------------------------------------------- ingest
def ingest_cmd(
    paths: list[Path] = typer.Argument(..., help=".eml files, folders of them, Maildirs or mbox files"),
    user: str | None = typer.Option(None, "--user", help="user e-mail (default: the only user)"),
) -> None:
    """Store and process alert e-mails from files (offline use, the demo)."""
    factory = open_db()
    with factory() as s:
        user_id = resolve_user(s, user).id
    stored: list[int] = []
    resumed: list[int] = []
    dupes = 0
    problems: list[str] = []
    try:
        with progress() as bar:
            for path in paths:
                if not path.exists():
                    problems.append(f"{path}: no such file or folder")
                    continue
                total = ingest.count_messages(path)
                if total == 0 and path.is_dir():
                    # "stored 0" with exit 0 looked like success for a mistyped folder.
                    problems.append(f"{path}: no .eml files in this folder (nor a Maildir)")
                    continue
                task = bar.add_task(f"ingest {path.name}", total=total)
                for _label, raw in ingest.iter_messages(path):
                    with factory.begin() as s:
                        rid = ingest.store_raw(s, user_id=user_id, raw=raw, source="file")
                        pending = _still_pending(s, user_id, raw) if rid is None else None
                    if rid is not None:
                        stored.append(rid)
                    elif pending is not None:
                        resumed.append(pending)
                    else:
                        dupes += 1
                    todo = rid if rid is not None else pending
                    if todo is not None:
                        enqueue_process([todo])
                    bar.advance(task)
    except KeyboardInterrupt:
        # Ctrl-C: say what was done and how to finish instead of a bare "Aborted".
        err.print(f"interrupted: {len(stored)} new e-mail(s) stored, {dupes} already stored; "
                  "run the same command again to go on (stored e-mails are not counted twice)")
        raise typer.Exit(130) from None
    _print_outcomes(factory, stored + resumed)
    out.print(f"stored {len(stored)} new e-mail(s), {dupes} already stored"
              + (f", {len(resumed)} stored earlier but not processed until now" if resumed else ""))
    for p in problems:
        err.print(f"[yellow]warning:[/yellow] {escape(str(p))}")
    if problems:
        # As `spendwatch parse`: exit 0 only when every input was read, so a cron job sees a typo.
        raise typer.Exit(1)


def _still_pending(s: Session, user_id: int, raw: bytes) -> int | None:
    """The id of an already stored copy of ``raw`` that was never processed, else None.

    An ingest interrupted (Ctrl-C) between storing an e-mail and processing it leaves it
    pending; on the embedded default no beat sweep picks it up and `reprocess` refuses
    pending, so running the ingest again hands it to processing (which skips it if done).
    """
    return s.scalar(select(RawEmail.id).where(RawEmail.user_id == user_id, RawEmail.sha256 == ingest.sha256(raw),
                                              RawEmail.status == RawStatus.PENDING.value))


def _print_outcomes(factory: object, ids: list[int]) -> None:
    if not ids:
        return
    with db.session_factory()() as s:
        rows = s.execute(
            select(RawEmail.status, func.count()).where(RawEmail.id.in_(ids)).group_by(RawEmail.status)
        ).all()
    out.print("  " + ", ".join(f"{status}: {n}" for status, n in sorted(rows)))


# ---------------------------------------------------------------- mailboxes
@mailbox_app.command("add")
def mailbox_add(
    name: str = typer.Argument(..., help="a name for this mailbox"),
    host: str = typer.Option(..., help="IMAP server"),
    username: str = typer.Option(..., help="IMAP login"),
    password: str = typer.Option(..., prompt=True, hide_input=True, help="stored encrypted; prompted when omitted"),
    port: int = typer.Option(993),
    tls: str = typer.Option("ssl", help="ssl (IMAPS), starttls, or plain (only on a trusted network)"),
    folder: list[str] = typer.Option(["INBOX"], help="folders to read (repeat)"),
    sender: list[str] = typer.Option([], help="extra sender address or domain to accept (repeat)"),
    trusted_authserv_id: list[str] = typer.Option([], help="authserv-id of your provider's Authentication-Results"),
    action: str = typer.Option("none", help="after storing: none, seen, or move"),
    action_folder: str | None = typer.Option(None),
    # Bounded as in the API: 0 would make `watch` poll in a tight loop.
    poll_interval: int | None = typer.Option(
        None, min=10, max=86400 * 7, help="seconds between polls (default: SPENDWATCH_POLL_INTERVAL_S, 300)"),
    accept_forwarded: bool = typer.Option(
        False, "--accept-forwarded", help="also count alerts forwarded from your own addresses (forwarding rules)"
    ),
    user: str | None = typer.Option(None, "--user"),
    old_key_lost: bool = typer.Option(False, "--old-key-lost", help=OLD_KEY_LOST_HELP),
) -> None:
    """Add a mailbox; its password is encrypted at rest and never shown again."""
    from api.schemas import host_name  # the API's check: both front ends accept the same hosts
    from pipeline import hosts

    try:
        host = host_name(host)
        hosts.check_host(host, port, config.get().mailbox_private_hosts)
    except hosts.HostRefused as exc:
        fail(str(exc))
    except ValueError as exc:
        fail(f"--{exc}")
    if tls not in {"ssl", "starttls", "plain"}:
        fail(f"--tls must be ssl, starttls or plain, not {tls!r}")
    if action not in {"none", "seen", "move"} or (action == "move" and not action_folder):
        fail("--action must be none, seen or move (move needs --action-folder)")
    factory = open_db()
    try:
        with factory.begin() as s:
            owner = resolve_user(s, user)
            existing = s.scalar(select(MailAccount.id).where(MailAccount.user_id == owner.id, MailAccount.name == name))
            if existing is not None:
                fail(f"a mailbox named {name!r} already exists (#{existing}): change it, or remove it first")
            acct = MailAccount(
                user_id=owner.id, name=name, host=host, port=port, tls_mode=tls, username=username,
                password_enc=encrypt_secret(s, password, old_key_lost), folders=folder, sender_filter=sender,
                trusted_authserv_ids=trusted_authserv_id, accept_forwarded=accept_forwarded, action=action,
                action_folder=action_folder, poll_interval_s=poll_interval or config.get().poll_interval_s,
            )
            s.add(acct)
            s.flush()
            acct_id = acct.id
    except IntegrityError:  # added by someone else between the check and the insert
        fail(f"a mailbox named {name!r} already exists")
    out.print(escape(f"mailbox #{acct_id} {name} added ({username}@{host}:{port}, {tls})"
                     + (", accepts forwarded alerts" if accept_forwarded else "")))
    if tls == "plain":
        err.print("[yellow]warning:[/yellow] --tls plain sends the password and your mail unencrypted: "
                  "only for a server on a network you trust (ssl or starttls otherwise)")


@mailbox_app.command("list")
def mailbox_list() -> None:
    """The mailboxes: server, folders, last poll and its error (passwords are never shown)."""
    factory = open_db()
    table = Table("id", "name", "server", "folders", "enabled", "last poll", "last error")
    with factory() as s:
        for a in s.scalars(select(MailAccount).order_by(MailAccount.id)):
            table.add_row(
                str(a.id), escape(a.name), escape(f"{a.username}@{a.host}:{a.port} ({a.tls_mode})"), escape(", ".join(a.folders or [])),
                "yes" if a.enabled else "no",
                a.last_poll_at.isoformat(timespec="seconds") if a.last_poll_at else "never", escape(a.last_error or ""),
            )
    out.print(table)


def _mailbox(s: Session, mailbox_id: int) -> MailAccount:
    acct = s.get(MailAccount, mailbox_id)
    if acct is None:
        fail(f"no mailbox #{mailbox_id} (see `spendwatch mailbox list`)")
    assert acct is not None
    return acct


@mailbox_app.command("set-password")
def mailbox_set_password(
    mailbox_id: int = typer.Argument(..., metavar="ID", help="mailbox id (`spendwatch mailbox list`)"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="read the password from standard input"),
    old_key_lost: bool = typer.Option(False, "--old-key-lost", help=OLD_KEY_LOST_HELP),
) -> None:
    """Replace a mailbox's password (prompted with hidden input, or --password-stdin); stored encrypted."""
    factory = open_db()
    with factory() as s:
        _mailbox(s, mailbox_id)  # a wrong id fails before asking for a password
        if not old_key_lost:
            check_secret_key(s)  # and so does a key that is not the installation's
    if password_stdin:
        password = sys.stdin.read().rstrip("\r\n")
    else:
        password = typer.prompt("New password", hide_input=True)
    if not password:
        fail("the password is empty")
    with factory.begin() as s:
        acct = _mailbox(s, mailbox_id)
        acct.password_enc = encrypt_secret(s, password, old_key_lost)
        acct.refused_polls = 0  # polled again at its interval, not after a refused login's backoff
        acct.last_error = None
        name = acct.name
    out.print(escape(f"mailbox #{mailbox_id} {name}: password updated"))


@mailbox_app.command("edit")
def mailbox_edit(
    mailbox_id: int = typer.Argument(..., metavar="ID", help="mailbox id (`spendwatch mailbox list`)"),
    name: str | None = typer.Option(None, help="new name"),
    host: str | None = typer.Option(None, help="IMAP server"),
    port: int | None = typer.Option(None),
    tls: str | None = typer.Option(None, help="ssl, starttls or plain"),
    username: str | None = typer.Option(None, help="IMAP login (the password: `mailbox set-password`)"),
    folder: list[str] = typer.Option([], help="the folders to read from now on (repeat); each is watched in IDLE"),
    sender: list[str] = typer.Option([], help="the extra sender addresses or domains to accept (repeat)"),
    no_senders: bool = typer.Option(False, "--no-senders", help="accept no extra senders"),
    action: str | None = typer.Option(None, help="after storing: none, seen, or move"),
    action_folder: str | None = typer.Option(None),
    poll_interval: int | None = typer.Option(None, help="seconds between polls (10 to 604800)"),
    accept_forwarded: bool | None = typer.Option(None, "--accept-forwarded/--no-accept-forwarded"),
) -> None:
    """Change a mailbox's settings; only what is given changes (the API's PATCH, its checks).
    A running `spendwatch watch` picks the change up at its next re-read."""
    from pydantic import ValidationError

    from api.schemas import MailboxPatch
    from pipeline import mailbox_edit

    if sender and no_senders:
        fail("--sender and --no-senders: one or the other")
    given = {"name": name, "host": host, "port": port, "tls_mode": tls, "username": username,
             "folders": folder or None, "sender_filter": [] if no_senders else (sender or None), "action": action,
             "action_folder": action_folder, "poll_interval_s": poll_interval, "accept_forwarded": accept_forwarded}
    try:
        changes = MailboxPatch.model_validate({k: v for k, v in given.items() if v is not None}).model_dump(
            exclude_unset=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"--{'.'.join(str(x) for x in first['loc'])}: {first['msg']}")
        return
    if not changes:
        fail("nothing to change: give at least one option (see --help)")
    with open_db().begin() as s:
        acct = _mailbox(s, mailbox_id)
        try:
            mailbox_edit.apply_changes(s, acct, changes)
        except mailbox_edit.MailboxEditError as exc:
            fail(f"--{exc}")
        label = acct.name
    out.print(escape(f"mailbox #{mailbox_id} {label}: updated {', '.join(sorted(changes))}"))


def _set_enabled(mailbox_id: int, enabled: bool) -> None:
    with open_db().begin() as s:
        acct = _mailbox(s, mailbox_id)
        acct.enabled = enabled
        acct.refused_polls = 0
        name = acct.name
    state = "enabled" if enabled else "disabled (not polled or watched; its stored mail stays)"
    out.print(escape(f"mailbox #{mailbox_id} {name} {state}"))


@mailbox_app.command("disable")
def mailbox_disable(mailbox_id: int = typer.Argument(..., metavar="ID")) -> None:
    """Stop polling and watching a mailbox (kept, with its settings and mail)."""
    _set_enabled(mailbox_id, False)


@mailbox_app.command("enable")
def mailbox_enable(mailbox_id: int = typer.Argument(..., metavar="ID")) -> None:
    """Poll and watch a disabled mailbox again."""
    _set_enabled(mailbox_id, True)


@mailbox_app.command("remove")
def mailbox_remove(mailbox_id: int = typer.Argument(..., metavar="ID")) -> None:
    """Delete a mailbox and its password; the e-mails and transactions already stored stay."""
    with open_db().begin() as s:
        acct = _mailbox(s, mailbox_id)
        name = acct.name
        kept = s.scalar(select(func.count()).select_from(RawEmail).where(RawEmail.mail_account_id == mailbox_id))
        s.delete(acct)
    out.print(escape(f"mailbox #{mailbox_id} {name} removed; its {kept} stored e-mail(s) stay"))


# ---------------------------------------------------------------- notify targets
@notify_app.command("add-email")
def notify_add_email(
    address: str,
    user: str | None = typer.Option(None, "--user"),
    old_key_lost: bool = typer.Option(False, "--old-key-lost", help=OLD_KEY_LOST_HELP),
) -> None:
    """Send threshold alerts to this e-mail address (via the SMTP settings)."""
    _add_target("email", address, address, user, old_key_lost)


@notify_app.command("add-push")
def notify_add_push(
    url: str = typer.Argument(..., help="an Apprise URL: ntfy://, tgram://, pover://, slack://, json://..."),
    label: str | None = typer.Option(None, help="name shown instead of the URL (URLs hold tokens)"),
    user: str | None = typer.Option(None, "--user"),
    old_key_lost: bool = typer.Option(False, "--old-key-lost", help=OLD_KEY_LOST_HELP),
) -> None:
    """Push threshold alerts through an Apprise URL (stored encrypted)."""
    _add_target("apprise", url, label or url.split("://", 1)[0] + "://…", user, old_key_lost)


@notify_app.command("list")
def notify_list() -> None:
    """The alert targets, by label (an Apprise URL, which holds tokens, is never shown)."""
    table = Table("id", "user", "kind", "label", "enabled")
    with open_db()() as s:
        rows = s.execute(
            select(NotifyTarget.id, User.email, NotifyTarget.kind, NotifyTarget.label, NotifyTarget.enabled)
            .join(User, User.id == NotifyTarget.user_id).order_by(NotifyTarget.id)
        ).all()
    for tid, email, kind, label, enabled in rows:
        table.add_row(str(tid), escape(email), escape(kind), escape(label), "yes" if enabled else "no")
    out.print(table)


@notify_app.command("remove")
def notify_remove(target_id: int = typer.Argument(..., metavar="ID", help="target id (`spendwatch notify list`)")) -> None:
    """Stop sending alerts to a target (its queued, unsent alert messages are dropped)."""
    with open_db().begin() as s:
        t = s.get(NotifyTarget, target_id)
        if t is None:
            fail(f"no notify target #{target_id} (see `spendwatch notify list`)")
        assert t is not None
        kind, label = t.kind, t.label
        s.delete(t)
    out.print(escape(f"target #{target_id} {kind} {label} removed"))


def _add_target(kind: str, address: str, label: str, user: str | None, old_key_lost: bool) -> None:
    factory = open_db()
    with factory.begin() as s:
        owner = resolve_user(s, user)
        t = NotifyTarget(user_id=owner.id, kind=kind, label=label,
                         address_enc=encrypt_secret(s, address, old_key_lost))
        s.add(t)
        s.flush()
        out.print(escape(f"target #{t.id} {kind} {label} added"))


# ---------------------------------------------------------------- poll / watch
def poll_cmd(mailbox: int | None = typer.Option(None, help="mailbox id (default: all)")) -> None:
    """Poll mailboxes once now and process what arrived; without a broker, also send again the
    alerts whose send failed and process mail left pending (there is no beat to do it)."""
    from pipeline import fetch

    factory = open_db()
    with factory() as s:
        q = select(MailAccount.id).where(MailAccount.enabled.is_(True))
        # `is not None`: --mailbox 0 (a typo) polled every mailbox and exited 0.
        ids = [mailbox] if mailbox is not None else list(s.scalars(q))
        if mailbox is not None and s.get(MailAccount, mailbox) is None:
            # A typo in a cron line must not look like a successful poll.
            fail(f"no mailbox {mailbox} (see `spendwatch mailbox list`)")
    failed = False
    for account_id in ids:
        with progress() as bar:
            task = bar.add_task(f"mailbox {account_id}", total=None)

            def advance(done: int, total: int, task: TaskID = task, bar: Progress = bar) -> None:
                bar.update(task, completed=done, total=total)

            try:
                report = fetch.poll(factory, account_id, on_stored=enqueue_process, progress=advance)
            except Exception as exc:  # noqa: BLE001 - one broken mailbox must not hide the others
                err.print(f"[red]mailbox {account_id}:[/red] {escape(str(exc))}")
                failed = True
                continue
        out.print(
            f"mailbox {account_id}: {report.seen} new, {len(report.stored)} stored, "
            f"{report.passed_over} not from a bank, {report.duplicates} duplicates"
            + (f", skipped: {report.skipped}" if report.skipped else "")
        )
        for e in report.errors:
            err.print(f"[yellow]mailbox {account_id}:[/yellow] {escape(str(e))}")
    mails, messages = sweep_embedded()  # on the embedded default a cron'd poll is the only retry
    if mails or messages:
        out.print(f"sweep: {mails} pending e-mail(s) processed, {messages} alert message(s) due sent or tried again")
    if failed:
        raise typer.Exit(1)


def watch_cmd(
    rescan: float = typer.Option(60.0, min=0.1, help="seconds between re-reads of the enabled mailboxes"),
) -> None:
    """Keep an IDLE connection per folder of every enabled mailbox and process alerts as they arrive (Ctrl-C stops).

    Waits while no mailbox is enabled; mailboxes added, enabled, disabled or removed later are
    picked up within --rescan seconds, no restart needed. Without a broker it also runs the
    sweep every minute (alerts whose send failed, mail left pending), as beat does on a broker.
    """
    from pipeline.watch import supervise

    factory = open_db()
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    # Which mailboxes are watched (and the wait for one) is logged at INFO, shown at the
    # default SPENDWATCH_LOG_LEVEL; the level is set for every command in pipeline.cli.
    err.print(f"watching the enabled mailboxes (re-read every {rescan:g} s); Ctrl-C stops")
    sweeper = None
    if not config.get().broker_url:  # on a broker, beat sweeps
        sweeper = threading.Thread(target=sweep_every, args=(stop,), name="sweep", daemon=True)
        sweeper.start()
    try:
        supervise(factory, enqueue_process, stop=stop, rescan_s=rescan)
    finally:
        stop.set()
        if sweeper is not None:
            sweeper.join(timeout=30)  # a send under way finishes


# ---------------------------------------------------------------- reprocess / verify / status
def reprocess_cmd(
    status: list[str] = typer.Option(["unrecognized", "failed"], help="statuses to run again (repeat)"),
    email_id: list[int] = typer.Option([], "--id", help="only these raw e-mail ids"),
) -> None:
    """Run stored e-mails through the parsers again (after a parser fix); never double counts."""
    allowed = {RawStatus.UNRECOGNIZED.value, RawStatus.FAILED.value, RawStatus.NOT_TRANSACTION.value,
               RawStatus.SUSPICIOUS.value}
    bad = [s for s in status if s not in allowed]
    if bad:
        fail(f"--status can be {', '.join(sorted(allowed))}; not {', '.join(bad)} "
             "(e-mails already counted as transactions are never re-run)")
    factory = open_db()
    with factory.begin() as s:
        q = select(RawEmail.id).where(RawEmail.status.in_(status), RawEmail.truncated.is_(False))
        if email_id:
            q = q.where(RawEmail.id.in_(email_id))
        ids = list(s.scalars(q.order_by(RawEmail.id)))
        if ids:
            # Back to pending with a fresh attempt count; the transaction key (one per
            # raw e-mail) still guards against counting anything twice.
            s.execute(
                update(RawEmail).where(RawEmail.id.in_(ids), RawEmail.status.in_(status))
                .values(status=RawStatus.PENDING.value, reason=None, attempts=0)
            )
    with progress() as bar:
        task = bar.add_task("reprocess", total=len(ids))
        for rid in ids:
            enqueue_process([rid])
            bar.advance(task)
    _print_outcomes(factory, ids)
    out.print(f"re-queued {len(ids)} e-mail(s)")


def verify_cmd(user: str | None = typer.Option(None, "--user")) -> None:
    """Recompute every budget period's spend (and rollover carry) from transactions; exit 1 on any drift."""
    factory = open_db()
    with factory() as s, progress() as bar:
        uid = resolve_user(s, user).id if user else None
        task = bar.add_task("verify budget periods", total=None)
        drifts = budgets.verify(s, uid, progress=lambda done, total: bar.update(task, completed=done, total=total))
    if not drifts:
        out.print("[green]no drift[/green]: every budget period matches its transactions")
        return
    table = Table("budget", "period", "figure", "stored", "computed")
    for d in drifts:
        table.add_row(escape(d.budget), f"{d.start} .. {d.end}", d.field, str(from_minor(d.stored_minor, d.currency)),
                      str(from_minor(d.computed_minor, d.currency)))
    out.print(table)
    raise typer.Exit(1)


def status_cmd() -> None:
    """Per-mailbox last poll, e-mails by status, outbox pending/failed."""
    factory = open_db()
    with factory() as s:
        boxes = Table("mailbox", "last poll", "last error", title="mailboxes")
        for a in s.scalars(select(MailAccount).order_by(MailAccount.id)):
            boxes.add_row(escape(f"#{a.id} {a.name}"), a.last_poll_at.isoformat(timespec="seconds") if a.last_poll_at else "never",
                          escape(a.last_error or ""))
        counts = Table("status", "e-mails", title="stored e-mails")
        for st, n in s.execute(select(RawEmail.status, func.count()).group_by(RawEmail.status).order_by(RawEmail.status)):
            counts.add_row(st, str(n))
        outbox = Table("status", "messages", title="alert outbox")
        for st, n in s.execute(select(Outbox.status, func.count()).group_by(Outbox.status).order_by(Outbox.status)):
            outbox.add_row(st, str(n))
    out.print(boxes, counts, outbox)


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
    app.add_typer(mailbox_app, name="mailbox")
    app.add_typer(notify_app, name="notify")
    app.command("ingest")(ingest_cmd)
    app.command("poll")(poll_cmd)
    app.command("watch")(watch_cmd)
    app.command("reprocess")(reprocess_cmd)
    app.command("verify")(verify_cmd)
    app.command("status")(status_cmd)

