"""The FastAPI application: REST for budgets, categories, rules, transactions and more.

``create_app(session_factory, clock)``: tests pass their own database and frozen clock;
``spendwatch api`` passes the configured database and the service clock. OpenAPI at /docs.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timezone
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.routes import accounts, alerts, budgets, categories, health, mailboxes, reports, rules, transactions
from models.money import MoneyError
from pipeline import config, db

logger = logging.getLogger(__name__)


def _field_of(err: dict[str, Any]) -> str:
    loc = [str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path")]
    return ".".join(loc)


def _message(errors: list[dict[str, Any]]) -> str:
    parts = []
    for err in errors:
        msg = str(err.get("msg", "")).removeprefix("Value error, ")
        where = _field_of(err)
        parts.append(f"{where}: {msg}" if where and not msg.startswith(where + ":") else msg)
    return "; ".join(parts)


def _refused(why: str) -> JSONResponse:
    return JSONResponse(status_code=422, content={"status": "error", "message": f"invalid value: {why}"})


def create_app(session_factory: sessionmaker[Session] | None = None,
               clock: Callable[[], datetime] | None = None) -> FastAPI:
    if session_factory is None:
        from pipeline.runtime import open_db

        session_factory = open_db()
    # Health compares with times recorded in real time: the real clock, unless a test freezes one.
    health_clock: Callable[[], datetime] = clock or (lambda: datetime.now(timezone.utc))
    if clock is None:
        from pipeline.config import now as clock
    read_sessions, read_engine = db.read_sessions(session_factory)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if read_engine is not None:
            read_engine.dispose()  # its own pool: close its connections with the app

    app = FastAPI(title="spendwatch", version="1", description="Bank alert e-mails in, a live budget out.",
                  lifespan=lifespan)
    app.state.session_factory = session_factory
    app.state.read_sessions = read_sessions
    app.state.clock = clock
    app.state.health_clock = health_clock

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [dict(e) for e in exc.errors()]
        for e in errors:
            e.pop("ctx", None)
            e.pop("input", None)  # may hold a password
        return JSONResponse(status_code=422, content=jsonable_encoder(
            {"status": "error", "message": _message(errors), "fields": [_field_of(e) for e in errors],
             "detail": errors}))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(status_code=exc.status_code, content={"status": "error", "message": str(exc.detail)},
                            headers=getattr(exc, "headers", None))

    # Values the database refuses after validation let them through (a NUL in a text
    # field on PostgreSQL, a number beyond its column): the request's transaction is
    # already rolled back by get_session, so this is the caller's error, not a 500.
    @app.exception_handler(DataError)
    async def _data(request: Request, exc: DataError) -> JSONResponse:
        return _refused(str(exc.orig).splitlines()[0] if exc.orig else "value refused")

    # The server's configuration stops a valid request: above all a secret that would be
    # stored under a key the rest of the installation does not have (pipeline.secret_guard),
    # or no key at all on a server database. Not the caller's error, so no 4xx; the message
    # names the variable and the way out, never a key or the secret sent (ConfigError's rule).
    @app.exception_handler(config.ConfigError)
    async def _config(request: Request, exc: config.ConfigError) -> JSONResponse:
        logger.error("%s %s: %s", request.method, request.url.path, exc)
        return JSONResponse(status_code=500, content={"status": "error", "message": str(exc)})

    @app.exception_handler(OverflowError)
    async def _overflow(request: Request, exc: OverflowError) -> JSONResponse:
        return _refused("a number is out of range")

    @app.exception_handler(ValueError)
    async def _value(request: Request, exc: ValueError) -> JSONResponse:
        if "NUL" in str(exc):
            return _refused("text must not contain NUL (0x00) characters")
        if isinstance(exc, MoneyError):  # an amount validation let through (too large for minor units)
            return _refused(str(exc))
        raise exc

    for module in (budgets, categories, rules, transactions, accounts, mailboxes, alerts, reports, health):
        app.include_router(module.router)
    return app
