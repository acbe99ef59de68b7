"""`spendwatch health`: is the unattended pipeline reading and sending alerts? (pipeline.health)

Exit status as monitoring plugins use it (Nagios, Icinga, a cron wrapper): 0 ok, 1
warning, 2 critical; ``--json`` for scripts. Detailed: mailbox names and their last
error, for the admin on the host; the HTTP view (`GET /api/health`) shows levels only.
"""

from __future__ import annotations

import json

import typer
from rich.markup import escape
from rich.table import Table

from pipeline import health
from pipeline.runtime import open_db, stdout_console

out = stdout_console()
_STYLE = {health.Level.OK: "green", health.Level.WARNING: "yellow", health.Level.CRITICAL: "red"}


def health_cmd(as_json: bool = typer.Option(False, "--json", help="one JSON object instead of a table")) -> None:
    """Backlog, mailboxes polled, alerts sent, failures: exit 0 ok, 1 warning, 2 critical."""
    factory = open_db()
    with factory() as s:
        report = health.check(health.snapshot(s))
    if as_json:
        typer.echo(json.dumps({"status": report.level.label, "checks": [
            {"kind": c.kind, "name": c.name, "status": c.level.label, "detail": c.detail} for c in report.checks]}))
    else:
        table = Table("check", "status", "detail", title=f"pipeline health: {report.level.label}")
        for c in report.checks:
            style = _STYLE[c.level]
            table.add_row(escape(c.name), f"[{style}]{c.level.label}[/{style}]", escape(c.detail))
        out.print(table)
    raise typer.Exit(int(report.level))


def register(app: typer.Typer) -> None:
    app.command("health")(health_cmd)
