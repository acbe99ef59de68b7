"""`spendwatch user create|token|list`."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy import select

from models import User
from pipeline.runtime import open_db, resolve_user
from pipeline.users import UserError, create_user, new_token

user_app = typer.Typer(help="Users and API tokens.", no_args_is_help=True)
out = Console()


@user_app.command("create")
def create(
    email: str,
    timezone: str = typer.Option("Asia/Muscat", help="IANA time zone; budget periods follow it"),
    name: str | None = typer.Option(None),
) -> None:
    """Create a user; the API token is printed once, as the last line."""
    factory = open_db()
    try:
        with factory.begin() as s:
            user, token = create_user(s, email, timezone, name)
            user_id = user.id
    except UserError as exc:
        out.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    out.print(f"user #{user_id} {email.strip().lower()} created; API token (shown once):")
    print(token)


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
    factory = open_db()
    table = Table("id", "email", "time zone")
    with factory() as s:
        for u in s.scalars(select(User).order_by(User.id)):
            table.add_row(str(u.id), escape(u.email), u.timezone)
    out.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
