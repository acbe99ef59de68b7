"""`spendwatch user create|token|list`."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table
from sqlalchemy import select

from models import User
from pipeline.runtime import open_db, resolve_user, stdout_console
from pipeline.users import UserError, create_user, new_token

user_app = typer.Typer(help="Users and API tokens.", no_args_is_help=True)
out = stdout_console()


@user_app.command("create")
def create(
    email: str,
    timezone: str = typer.Option("Asia/Muscat", help="IANA time zone; budget periods follow it"),
    name: str | None = typer.Option(None),
    week_start: str = typer.Option("monday", help="first day of the week for weekly budgets"),
) -> None:
    """Create a user; the API token is printed once, as the last line."""
    day = _weekday(week_start)
    factory = open_db()
    try:
        with factory.begin() as s:
            user, token = create_user(s, email, timezone, name)
            user.week_start = day
            user_id = user.id
    except UserError as exc:
        out.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    out.print(escape(f"user #{user_id} {email.strip().lower()} created; API token (shown once):"))
    print(token)


@user_app.command("set")
def set_user(
    email: str,
    timezone: str | None = typer.Option(None, help="IANA time zone; budget periods follow it"),
    week_start: str | None = typer.Option(None, help="first day of the week for weekly budgets"),
) -> None:
    """Change a user's time zone or week start (current and later periods follow it)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if timezone is not None:
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            out.print(f"[red]error:[/red] unknown time zone {escape(repr(timezone))} (expected an IANA name such as Asia/Muscat)")
            raise typer.Exit(2) from None
    day = _weekday(week_start) if week_start is not None else None
    factory = open_db()
    with factory.begin() as s:
        user = resolve_user(s, email)
        if timezone is not None:
            user.timezone = timezone
        if day is not None:
            user.week_start = day
        out.print(f"user #{user.id} {escape(user.email)}: time zone {user.timezone}, "
                  f"weeks start on {WEEKDAYS[user.week_start]}")


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday(value: str) -> int:
    v = value.strip().lower()
    for i, name in enumerate(WEEKDAYS):
        if v in (name, name[:3]):
            return i
    out.print(f"[red]error:[/red] --week-start {escape(repr(value))}: expected a weekday name ({', '.join(WEEKDAYS)})")
    raise typer.Exit(2)


@user_app.command("token")
def token(email: str) -> None:
    """Replace a user's API token; the new one is printed as the last line."""
    factory = open_db()
    with factory.begin() as s:
        user = resolve_user(s, email)
        fresh = new_token(s, user)
    out.print("new API token (the old one no longer works):")
    print(fresh)


@user_app.command("list")
def list_users() -> None:
    """The users, with their time zone and week start (tokens are never shown)."""
    factory = open_db()
    table = Table("id", "email", "time zone", "week starts")
    with factory() as s:
        for u in s.scalars(select(User).order_by(User.id)):
            table.add_row(str(u.id), escape(u.email), u.timezone, WEEKDAYS[u.week_start % 7])
    out.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
