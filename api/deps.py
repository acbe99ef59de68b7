"""Request dependencies: a database session per request and the caller from the Bearer token.

The session commits when the route returns normally and rolls back on any error, so a
request's budget updates, alerts and outbox rows land together or not at all.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Annotated, TypeVar

from fastapi import Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from models import User
from pipeline.users import Reader, by_token, reader_by_token

bearer = HTTPBearer(auto_error=False)
T = TypeVar("T")

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


# scope="function": the COMMIT runs when the route returns, before the response is sent.
# FastAPI's default ("request") ends a yield dependency after sending: a client could read
# before the write it was told succeeded had landed, or be told of a write whose COMMIT failed.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def authenticate(s: Session, creds: HTTPAuthorizationCredentials | None) -> User:
    """The caller of a request from its Bearer token, or a 401."""
    return _known(by_token(s, _token(creds)))


def authenticate_reader(s: Session, creds: HTTPAuthorizationCredentials | None) -> Reader:
    """The same check as ``authenticate``, for read-only work: the caller's id, time zone and week start."""
    return _known(reader_by_token(s, _token(creds)))


def _token(creds: HTTPAuthorizationCredentials | None) -> str:
    if creds is None or creds.scheme.lower() != "bearer":
        raise HTTPException(status_code=401, detail="missing Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})
    return creds.credentials


def _known(caller: T | None) -> T:
    if caller is None:
        raise HTTPException(status_code=401, detail="invalid API token", headers={"WWW-Authenticate": "Bearer"})
    return caller


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def current_user(s: SessionDep, creds: Credentials) -> User:
    return authenticate(s, creds)


class Caller:
    """A request's caller and its read in one hop to a thread, for routes polled often.

    The usual dependencies cost three hops to FastAPI's thread pool per request (the token
    lookup, the route, the end of the session), each about 0.2 ms here; ``read`` does the
    lookup and the route's work in one.
    """

    def __init__(self, reads: Callable[[], Session], creds: HTTPAuthorizationCredentials | None) -> None:
        self._reads = reads
        self._creds = creds

    async def read(self, work: Callable[[Session, Reader], T]) -> T:
        """``work`` that only reads, each statement on its own (see ``pipeline.db.read_sessions``):
        no transaction, and one retry when the server had dropped the pooled connection."""
        return await run_in_threadpool(self._read, work)

    def _read(self, work: Callable[[Session, Reader], T]) -> T:
        for attempt in (1, 2):
            s = self._reads()
            try:
                return work(s, authenticate_reader(s, self._creds))
            except DBAPIError as exc:
                # SQLAlchemy has invalidated the pool (a restarted server): the retry
                # connects afresh. Any other error, or a second one, is the caller's answer.
                if attempt == 2 or not exc.connection_invalidated:
                    raise
            finally:
                s.close()
        raise AssertionError("unreachable")


async def caller(request: Request, creds: Credentials) -> Caller:  # async: no I/O here, no hop
    return Caller(request.app.state.read_sessions, creds)


async def now(request: Request) -> datetime:  # async: no thread hop for a clock read
    clock = request.app.state.clock
    value: datetime = clock()
    return value


UserDep = Annotated[User, Depends(current_user)]
CallerDep = Annotated[Caller, Depends(caller)]
NowDep = Annotated[datetime, Depends(now)]
