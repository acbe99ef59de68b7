"""Users and their API tokens. Only a hash of a token is stored; the token is shown once."""

from __future__ import annotations

import hashlib
import secrets as pysecrets

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from models import User


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
