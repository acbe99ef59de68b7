"""What a command needs before it works: settings, a checked schema, the user it acts for."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import User
from pipeline import config, db


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
