"""Users and their API tokens. Only a hash of a token is stored; the token is shown once."""

from __future__ import annotations

import hashlib
import secrets as pysecrets
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from models import User
from pipeline.prepared import Prepared


class UserError(ValueError):
    pass


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(s: Session, email: str, timezone: str = "Asia/Muscat", name: str | None = None) -> tuple[User, str]:
    email = email.strip().lower()
    if "@" not in email or len(email) > 320:
        raise UserError(f"{email!r} is not an e-mail address")
    if s.scalar(select(User).where(User.email == email)) is not None:
        raise UserError(f"a user {email} exists already")
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(f"unknown time zone {timezone!r} (use an IANA name such as Asia/Muscat)") from None
    token = "sw_" + pysecrets.token_urlsafe(32)
    user = User(email=email, name=name, timezone=timezone, api_token_hash=token_hash(token))
    s.add(user)
    s.flush()
    return user, token


def new_token(s: Session, user: User) -> str:
    token = "sw_" + pysecrets.token_urlsafe(32)
    user.api_token_hash = token_hash(token)
    return token


# Built once: every API request runs it, and a statement rebuilt per call costs its cache
# key again (about 0.1 ms here).
_BY_TOKEN_HASH = select(User).where(User.api_token_hash == bindparam("token_hash"))


def by_token(s: Session, token: str) -> User | None:
    if not token:
        return None
    return s.scalars(_BY_TOKEN_HASH, {"token_hash": token_hash(token)}).first()


class Owner(Protocol):
    """What a read of someone's budgets needs to know about them: a User row or a Reader."""

    @property
    def id(self) -> int: ...
    @property
    def timezone(self) -> str: ...
    @property
    def week_start(self) -> int: ...


@dataclass(frozen=True)
class Reader:
    """The caller of a read-only request: three columns, not an ORM object.

    Loading the User entity cost more than the database round trip of the lookup itself
    (in a py-spy profile of the API server: about 70% of the lookup's samples were the
    ORM's statement, result and entity handling), on the route dashboards poll.
    """

    id: int
    timezone: str
    week_start: int


_READER_BY_TOKEN_HASH = Prepared(
    select(User.id, User.timezone, User.week_start).where(User.api_token_hash == bindparam("token_hash"))
)


def reader_by_token(s: Session, token: str) -> Reader | None:
    if not token:
        return None
    rows = _READER_BY_TOKEN_HASH.rows(s.connection(), {"token_hash": token_hash(token)})
    return Reader(int(rows[0][0]), str(rows[0][1]), int(rows[0][2])) if rows else None
