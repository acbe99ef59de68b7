"""Operations commands: db, ingest, mailbox, notify, poll, watch, reprocess, verify, status."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import func, select, update

from models import MailAccount, NotifyTarget, Outbox, RawEmail, RawStatus, from_minor
from pipeline import budgets, db, ingest, schema, secrets
from pipeline.runtime import open_db, resolve_user

out = Console()
err = Console(stderr=True)

db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
mailbox_app = typer.Typer(help="IMAP mailboxes to read alerts from.", no_args_is_help=True)
notify_app = typer.Typer(help="Where threshold alerts go (e-mail, Apprise push URLs).", no_args_is_help=True)


def fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(code)


def progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err,
        transient=False,
    )


def enqueue_process(ids: list[int]) -> None:
    from tasks import jobs

    jobs.enqueue_process(ids)


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
    dupes = 0
    problems: list[str] = []
    with progress() as bar:
        for path in paths:
            if not path.exists():
                problems.append(f"{path}: no such file or folder")
                continue
            task = bar.add_task(f"ingest {path.name}", total=ingest.count_messages(path))
            for label, raw in ingest.iter_messages(path):
                with factory.begin() as s:
                    rid = ingest.store_raw(s, user_id=user_id, raw=raw, source="file")
                if rid is None:
                    dupes += 1
                else:
                    stored.append(rid)
                    enqueue_process([rid])
                bar.advance(task)
                del label
    _print_outcomes(factory, stored)
    out.print(f"stored {len(stored)} new e-mail(s), {dupes} already stored")
    for p in problems:
        err.print(f"[yellow]warning:[/yellow] {escape(str(p))}")
    if problems and not stored and not dupes:
        raise typer.Exit(1)


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
    poll_interval: int = typer.Option(300, help="seconds between polls"),
    user: str | None = typer.Option(None, "--user"),
) -> None:
    """Add a mailbox; its password is encrypted at rest and never shown again."""
    if tls not in {"ssl", "starttls", "plain"}:
        fail(f"--tls must be ssl, starttls or plain, not {tls!r}")
    if action not in {"none", "seen", "move"} or (action == "move" and not action_folder):
        fail("--action must be none, seen or move (move needs --action-folder)")
    factory = open_db()
    with factory.begin() as s:
        owner = resolve_user(s, user)
        acct = MailAccount(
            user_id=owner.id, name=name, host=host, port=port, tls_mode=tls, username=username,
            password_enc=secrets.encrypt(password), folders=folder, sender_filter=sender,
            trusted_authserv_ids=trusted_authserv_id, action=action, action_folder=action_folder,
            poll_interval_s=poll_interval,
        )
        s.add(acct)
        s.flush()
        out.print(escape(f"mailbox #{acct.id} {name} added ({username}@{host}:{port}, {tls})"))


@mailbox_app.command("list")
def mailbox_list() -> None:
    factory = open_db()
    table = Table("id", "name", "server", "folders", "last poll", "last error")
    with factory() as s:
        for a in s.scalars(select(MailAccount).order_by(MailAccount.id)):
            table.add_row(
                str(a.id), escape(a.name), escape(f"{a.username}@{a.host}:{a.port} ({a.tls_mode})"), escape(", ".join(a.folders or [])),
                a.last_poll_at.isoformat(timespec="seconds") if a.last_poll_at else "never", escape(a.last_error or ""),
            )
    out.print(table)


# ---------------------------------------------------------------- notify targets
@notify_app.command("add-email")
def notify_add_email(address: str, user: str | None = typer.Option(None, "--user")) -> None:
    """Send threshold alerts to this e-mail address (via the SMTP settings)."""
    _add_target("email", address, address, user)


@notify_app.command("add-push")
def notify_add_push(
    url: str = typer.Argument(..., help="an Apprise URL: ntfy://, tgram://, pover://, slack://, json://..."),
    label: str | None = typer.Option(None, help="name shown instead of the URL (URLs hold tokens)"),
    user: str | None = typer.Option(None, "--user"),
) -> None:
    """Push threshold alerts through an Apprise URL (stored encrypted)."""
    _add_target("apprise", url, label or url.split("://", 1)[0] + "://…", user)


def _add_target(kind: str, address: str, label: str, user: str | None) -> None:
    factory = open_db()
    with factory.begin() as s:
        owner = resolve_user(s, user)
        t = NotifyTarget(user_id=owner.id, kind=kind, label=label, address_enc=secrets.encrypt(address))
        s.add(t)
        s.flush()
        out.print(escape(f"target #{t.id} {kind} {label} added"))


# ---------------------------------------------------------------- poll / watch
def poll_cmd(mailbox: int | None = typer.Option(None, help="mailbox id (default: all)")) -> None:
    """Poll mailboxes once now and process what arrived."""
    from pipeline import fetch

    factory = open_db()
    with factory() as s:
        q = select(MailAccount.id).where(MailAccount.enabled.is_(True))
        ids = [mailbox] if mailbox else list(s.scalars(q))
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
    if failed:
        raise typer.Exit(1)


def watch_cmd() -> None:
    """Keep an IDLE connection per mailbox and process alerts as they arrive (Ctrl-C stops)."""
    from pipeline.watch import watch_all

    factory = open_db()
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    threads = watch_all(factory, enqueue_process, stop=stop)
    if not threads:
        fail("no enabled mailbox: add one with `spendwatch mailbox add`")
    err.print(f"watching {len(threads)} mailbox(es); Ctrl-C stops")
    while not stop.wait(1):
        pass
    for t in threads:
        t.join(timeout=5)


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
    with factory() as s:
        uid = resolve_user(s, user).id if user else None
        drifts = budgets.verify(s, uid)
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

