"""What a command needs before it works: settings, a checked schema, the user it acts for."""

from __future__ import annotations

import os

from rich.console import Console, ConsoleDimensions
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import User
from pipeline import config, db

PIPED_WIDTH = 250


class _StdoutConsole(Console):
    """The terminal's width on a terminal; PIPED_WIDTH when stdout is a pipe or a file
    (cron, `| grep`) and COLUMNS is not set: Rich's 80 columns cut amounts ("OMR 147.4…")
    and wrapped table rows over several lines. Decided at each print, not at import."""

    @property
    def size(self) -> ConsoleDimensions:
        dims = super().size
        if self._width is None and "COLUMNS" not in os.environ and not self.is_terminal:
            return ConsoleDimensions(max(dims.width, PIPED_WIDTH), dims.height)
        return dims

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        self._width, self._height = new_size


def stdout_console() -> Console:
    """The console for a command's output (tables, results) on stdout."""
    return _StdoutConsole()


class UsageError(RuntimeError):
    """A refusal worded for the person at the terminal."""


def open_db(auto_upgrade: bool | None = None) -> sessionmaker[Session]:
    """Session factory on a database whose schema is current.

    The embedded default (SQLite file) upgrades itself; a server database must be
    upgraded on purpose with `spendwatch db upgrade`.
    """
    # Imported here: pipeline.schema imports UsageError from this module (SchemaError is one).
    from pipeline import schema

    settings = config.get()
    engine = db.engine()
    if auto_upgrade is None:
        auto_upgrade = not settings.database_url
    try:
        schema.require_current(engine, auto_upgrade=auto_upgrade)
    except schema.SchemaError as exc:
        raise UsageError(str(exc)) from None
    return db.session_factory()


def resolve_user(s: Session, email: str | None) -> User:
    if email:
        user = s.scalar(select(User).where(User.email == email.strip().lower()))
        if user is None:
            raise UsageError(f"no user {email!r}: create one with `spendwatch user create {email}`")
        return user
    users = s.scalars(select(User).order_by(User.id).limit(2)).all()
    if not users:
        raise UsageError("no user yet: create one with `spendwatch user create EMAIL`")
    if len(users) > 1:
        raise UsageError("there are several users: say which with --user EMAIL")
    return users[0]
