"""The fuzz checks: one case through ``parse_message``, and one case through the store.

Parse level: ``parse_message`` must return a result (it documents that it never raises)
with a status and a reason, a positive Decimal amount for a transaction, no float.

Store level: ``pipeline.ingest.store_raw`` then ``pipeline.process.process`` on a real
database (SQLite or PostgreSQL), as the worker runs them. Every case must end with a
stored row in a final status (never ``pending``) with a reason unless it is a
transaction; neither call may raise. A ``failed`` row whose reason starts with
"processing failed" means the pipeline caught an unexpected exception: no crash, but it
is counted (``internal_errors``) because it points at a bug.
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

TRUSTED = ["mx.spendwatch.test"]
FINAL = {"transaction", "not_transaction", "unrecognized", "suspicious", "duplicate", "failed"}
# One budget per currency the fixtures use, so transactions reach periods and thresholds.
CURRENCIES = ["OMR", "INR", "NPR", "USD", "AED", "TZS", "LKR", "MZN", "ETB", "THB", "EUR", "PKR", "NGN", "SAR",
              "GBP"]


class CaseTimeout(BaseException):
    """A case ran past the per-case limit (a hang: reported, not a crash). A BaseException,
    so the pipeline's own `except Exception` (which marks a row failed) does not swallow it."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """SIGALRM-based limit for the main thread of a worker process; no-op when None."""
    if not seconds:
        yield
        return

    def _raise(_sig: int, _frame: Any) -> None:
        raise CaseTimeout(f"over {seconds} s")

    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def signature(exc: BaseException) -> str:
    """Exception type and the innermost frame of the project's own code: groups equal bugs."""
    frames = traceback.extract_tb(exc.__traceback__)
    root = str(Path(__file__).resolve().parents[2])
    own = [f for f in frames if f.filename.startswith(root) and "/.venv/" not in f.filename
           and "/tests/" not in f.filename]
    where = f"{Path(own[-1].filename).relative_to(root)}:{own[-1].name}" if own else "?"
    return f"{type(exc).__name__} at {where}"


def _leaves(value: object) -> Iterator[object]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _leaves(v)
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v)
    else:
        yield value


def check_parse(raw: bytes) -> str | None:
    """None when ``parse_message`` behaves; else what went wrong (a crash signature)."""
    from parsers import parse_message
    from parsers.base import Status

    try:
        result = parse_message(raw, trusted_authserv_ids=TRUSTED)
    except CaseTimeout:
        raise
    except Exception as exc:  # noqa: BLE001 - the point: any exception is a finding
        return signature(exc)
    if not isinstance(result.status, Status) or not result.reason:
        return "result without a status or a reason"
    if result.status is Status.TRANSACTION:
        t = result.transaction
        if t is None or not isinstance(t.amount, Decimal) or t.amount <= 0:
            return "transaction without a positive Decimal amount"
    elif result.transaction is not None:
        return f"{result.status.value} carrying a transaction"
    try:
        data = json.loads(json.dumps(result.to_json()))
    except Exception as exc:  # noqa: BLE001
        return f"to_json: {signature(exc)}"
    if any(isinstance(v, float) for v in _leaves(data)):
        return "a float in the JSON result"
    return None


@dataclass
class StoreOutcome:
    status: str | None = None
    problem: str | None = None  # a crash: an exception out of store_raw/process, or no final status
    internal: str | None = None  # failed with "processing failed: ..." (contained, but a bug)


@dataclass
class Store:
    """A database with the schema, one user, budgets in every fixture currency and a target."""

    url: str
    engine: Engine
    factory: sessionmaker[Session]
    user_id: int
    stored: int = 0
    statuses: dict[str, int] = field(default_factory=dict)

    def run(self, raw: bytes) -> StoreOutcome:
        from models import RawEmail
        from pipeline import ingest, process

        out = StoreOutcome()
        try:
            with self.factory.begin() as s:
                raw_id = ingest.store_raw(s, user_id=self.user_id, raw=raw, source="file")
            if raw_id is None:  # the same bytes again: the stored row must be final already
                with self.factory() as s:
                    raw_id = s.scalar(select(RawEmail.id).where(RawEmail.user_id == self.user_id,
                                                                RawEmail.sha256 == ingest.sha256(raw)))
                if raw_id is None:
                    out.problem = "store_raw stored nothing and no row has these bytes"
                    return out
            else:
                self.stored += 1
            for attempt in range(3):  # a transient database error is retried, as the task does
                try:
                    process.process(self.factory, raw_id)
                    break
                except OperationalError:
                    if attempt == 2:
                        raise
            with self.factory() as s:
                row = s.get(RawEmail, raw_id)
                status, reason = (row.status, row.reason) if row else (None, None)
        except CaseTimeout:
            raise
        except Exception as exc:  # noqa: BLE001 - the point: any exception is a finding
            out.problem = signature(exc)
            return out
        out.status = status
        self.statuses[str(status)] = self.statuses.get(str(status), 0) + 1
        if status not in FINAL:
            out.problem = f"row left in status {status!r}"
        elif status != "transaction" and not reason:
            out.problem = f"status {status} without a reason"
        elif status == "failed" and (reason or "").startswith("processing failed"):
            out.internal = (reason or "")[:200]
        return out

    def verify(self) -> list[str]:
        """The stored invariants after a run: no budget drift, one alert per (period, threshold)."""
        from models import Alert, Transaction
        from pipeline import budgets

        problems = []
        with self.factory() as s:
            try:
                drift = budgets.verify(s)
            except Exception as exc:  # noqa: BLE001
                return [f"verify: {signature(exc)}"]
            problems += [f"budget drift: {d}" for d in drift]
            alerts = s.execute(select(Alert.budget_period_id, Alert.threshold)).all()
            if len(alerts) != len(set(alerts)):
                problems.append("two alert records for one (period, threshold)")
            raw_ids = list(s.scalars(select(Transaction.raw_email_id)))
            if len(raw_ids) != len(set(raw_ids)):
                problems.append("a stored e-mail counted twice")
        return problems

    def close(self) -> None:
        self.engine.dispose()


def configure_env(url: str, data_dir: str) -> dict[str, str]:
    """The SPENDWATCH_* settings the store cases run with (process reads config.get())."""
    return {
        "SPENDWATCH_DATABASE_URL": url,
        "SPENDWATCH_BROKER_URL": "",
        "SPENDWATCH_TRUSTED_AUTHSERV_IDS": ",".join(TRUSTED),
        "SPENDWATCH_SECRET_KEY": Fernet.generate_key().decode(),
        "SPENDWATCH_DATA_DIR": data_dir,
        "SPENDWATCH_LOG_LEVEL": "CRITICAL",
    }


def open_store(url: str, email: str = "owner@example.test") -> Store:
    """Schema upgraded, a user with budgets and an e-mail target. The env must be configured."""
    from models import Budget, NotifyTarget, User, to_minor
    from pipeline import config, db, schema, secrets

    config.reset()
    db.reset()
    engine = db.make_engine(url)
    if url.startswith("sqlite"):
        # Disposable data: commits need not wait for the disk (the fuzz measures robustness).
        @event.listens_for(engine, "connect")
        def _fast(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.execute("PRAGMA synchronous=OFF")

    schema.upgrade(engine)
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    with factory.begin() as s:
        user = s.scalar(select(User).where(User.email == email))
        if user is None:
            user = User(email=email, timezone="Asia/Muscat")
            s.add(user)
            s.flush()
            for cur in CURRENCIES:
                s.add(Budget(user_id=user.id, name=f"All {cur}", amount_minor=to_minor("500", cur), currency=cur,
                             period="monthly", anchor_day=1))
            s.add(NotifyTarget(user_id=user.id, kind="email", label="me",
                               address_enc=secrets.encrypt("owner@example.test")))
        user_id = user.id
    return Store(url, engine, factory, user_id)


def sqlite_url(folder: str | None = None) -> str:
    folder = folder or tempfile.mkdtemp(prefix="sw-fuzz-")
    return f"sqlite:///{os.path.join(folder, 'fuzz.db')}"
