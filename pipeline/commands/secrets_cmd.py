"""`spendwatch secrets rotate [--dry-run]`: every stored secret written again with the newest key."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress

from pipeline import config, secrets
from pipeline.commands.core import progress
from pipeline.runtime import open_db, stdout_console
from pipeline.secret_rotation import ColumnReport, count_rows, rotate_column, secret_columns

out = stdout_console()
err = Console(stderr=True)

secrets_app = typer.Typer(help="Secrets stored encrypted (mailbox passwords, alert targets).", no_args_is_help=True)

# How to store a secret again that no configured key can read, by table.
_REENTER = {
    "mail_accounts": "enter its password again: `spendwatch mailbox set-password {id}`",
    "notify_targets": "add the target again and remove this one: `spendwatch notify remove {id}`",
}


@secrets_app.command("rotate")
def rotate(
    dry_run: bool = typer.Option(False, "--dry-run", help="only count the rows that would change; write nothing"),
    batch_size: int = typer.Option(500, min=1, max=10_000, help="rows per transaction (each batch is locked briefly)"),
) -> None:
    """Encrypt every stored secret with the first key of SPENDWATCH_SECRET_KEY.

    Rotation: set SPENDWATCH_SECRET_KEY="NEW,OLD" for every process (worker, beat, watch,
    api) and restart them, run this, then drop OLD. Safe while the worker runs, and to run
    again; exit 1 when a secret cannot be decrypted with any configured key (the rest are
    still rotated).
    """
    factory = open_db()
    rotation = secrets.Rotation()
    if rotation.key_count == 1:
        where = "SPENDWATCH_SECRET_KEY holds" if config.get().secret_key else "the key file holds"
        err.print(f"note: {where} one key: every secret is checked, none can move to a newer key")
    columns = secret_columns()
    with factory() as s:
        totals = {c: count_rows(s, c) for c in columns}
    reports: list[ColumnReport] = []
    # A bar only when it has something to show: more than one batch of rows to go through.
    many = sum(totals.values()) > batch_size
    with progress() if many else nullcontext() as bar:
        for column in columns:
            reports.append(rotate_column(factory, column, rotation, batch_size=batch_size, dry_run=dry_run,
                                         advance=_advancer(bar, column.table, totals[column])))
    _print(reports, dry_run)


def _advancer(bar: Progress | None, label: str, total: int) -> Callable[[int], None]:
    """One bar line per table, advanced after each batch; nothing without a bar."""
    if bar is None:
        return lambda _n: None
    task = bar.add_task(label, total=total)
    return lambda n: bar.advance(task, n)


def _print(reports: list[ColumnReport], dry_run: bool) -> None:
    verb = "would be re-encrypted" if dry_run else "re-encrypted"
    for r in reports:
        line = f"{r.secret.table} ({r.secret.column}): {r.rows} row(s), {r.changed} {verb}, {r.current} already current"
        if r.undecryptable:
            line += f", {len(r.undecryptable)} cannot be decrypted"
        if r.contended:
            line += f", {len(r.contended)} changed by another writer"
        out.print(escape(line))
    # Table and row id only: never the token, nor what it decrypts to.
    failures = 0
    for r in reports:
        for row_id in r.undecryptable:
            failures += 1
            hint = _REENTER.get(r.secret.table, "store it again").format(id=row_id)
            err.print(f"[red]error:[/red] {escape(f'{r.secret.table} #{row_id} ({r.secret.column})')}: cannot be "
                      f"decrypted with any key of SPENDWATCH_SECRET_KEY: add the key it was written with, or "
                      f"{escape(hint)}", soft_wrap=True)
        for row_id in r.contended:
            failures += 1
            err.print(f"[red]error:[/red] {escape(f'{r.secret.table} #{row_id} ({r.secret.column})')}: changed by "
                      "another writer while rotating; run `spendwatch secrets rotate` again", soft_wrap=True)
    if failures:
        others = sum(r.rows for r in reports) - failures
        err.print(f"{failures} secret(s) cannot be rotated; the other {others} "
                  f"{'would be' if dry_run else 'are'} encrypted with the first key")
        raise typer.Exit(1)
    if dry_run:
        out.print("dry run: nothing written")
    else:
        out.print("every stored secret is encrypted with the first key of SPENDWATCH_SECRET_KEY: "
                  "the other keys can be removed (from every process) now")


def register(app: typer.Typer) -> None:
    app.add_typer(secrets_app, name="secrets")
