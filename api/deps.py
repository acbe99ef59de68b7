"""Request dependencies: a database session per request and the caller from the Bearer token.

The session commits when the route returns normally and rolls back on any error, so a
request's budget updates, alerts and outbox rows land together or not at all.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from models import User
from pipeline.users import by_token

bearer = HTTPBearer(auto_error=False)

# Ids are 64-bit in the database: a larger number is refused here (422) instead of
# overflowing the driver (a 500 on SQLite, "integer out of range" on PostgreSQL).
MAX_ID = 2**63 - 1
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]


class NotFound(HTTPException):
    """404 for a missing id and for another user's id alike (no existence leak)."""

    def __init__(self, what: str, ident: int | str) -> None:
        super().__init__(status_code=404, detail=f"{what} {ident} not found")


async def get_session(request: Request) -> AsyncIterator[Session]:
    # Async on purpose: opening a session does no I/O, so it needs no hop to the threadpool
    # (a sync dependency costs one to enter and one to leave); the end of the request,
    # COMMIT or ROLLBACK and close, is I/O and runs there in a single hop.
    s: Session = request.app.state.session_factory()
    try:
        yield s
    except BaseException:
        await run_in_threadpool(_end, s, False)
        raise
    await run_in_threadpool(_end, s, True)


def _end(s: Session, ok: bool) -> None:
    try:
        if ok:
            s.commit()
        else:
            s.rollback()
    except BaseException:
        s.rollback()
        raise
    finally:
        s.close()


SessionDep = Annotated[Session, Depends(get_session)]


def current_user(
    s: SessionDep, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> User:
    if creds is None or creds.scheme.lower() != "bearer":
        raise HTTPException(status_code=401, detail="missing Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})
    user = by_token(s, creds.credentials)
    if user is None:
        raise HTTPException(status_code=401, detail="invalid API token", headers={"WWW-Authenticate": "Bearer"})
    return user


async def now(request: Request) -> datetime:  # async: no thread hop for a clock read
    clock = request.app.state.clock
    value: datetime = clock()
    return value


UserDep = Annotated[User, Depends(current_user)]
NowDep = Annotated[datetime, Depends(now)]
