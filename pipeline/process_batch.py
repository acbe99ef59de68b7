"""Process step for many stored e-mails at once: the same results as one by one, fewer round trips.

A first sync or a busy mailbox hands over a batch of mails at a time (SPENDWATCH_FETCH_BATCH,
200 by default). One by one, each costs about twenty SQL statements and two commits
(pipeline.process); here a batch costs a handful: count the batch's attempt (one row in
batch_attempts, its own commit), lock and read the rows, insert every transaction in one
statement, one UPDATE per touched budget period, one status UPDATE per outcome, one commit.

The batch's attempt is counted once for the set of mails, not on each mail: a worker that
dies on one mail of the batch leaves the row behind, and the retry of the same set (the
task's redelivery, the database's return) finds it, counts the attempt on each of the
mails never tried and takes them one by one, where each attempt is counted on the mail
itself and one that keeps killing the worker is quarantined (pipeline.process).

What stays one by one, through pipeline.process, because it is rare and subtle:
- a mail that shares its Message-ID with a stored transaction or another mail of the
  batch (twins: duplicate or review);
- a mail an earlier attempt did not finish (attempts > 0), and every mail of a batch
  tried before: the batch may have died on it;
- every mail of a batch that failed for any reason but the database being away (or
  Celery's soft time limit: that ends the task and leaves the mails pending, their
  attempt counted, for the sweep).
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from celery.exceptions import SoftTimeLimitExceeded
from sqlalchemy import BindParameter, Select, Table, bindparam, delete, func, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.instrumentation import manager_of_class
from sqlalchemy.sql.schema import ScalarElementColumnDefault

import parsers
from models import BankAccount, BatchAttempt, RawEmail, RawStatus, Transaction, User
from parsers.base import ParsedTransaction, ParseResult
from pipeline import budgets, config, db, process
from pipeline.budgets import _insert
from pipeline.categorizing import Categorizer

logger = logging.getLogger(__name__)


@dataclass
class BatchOutcome:
    outcomes: list[process.Outcome] = field(default_factory=list)
    outbox_ids: list[int] = field(default_factory=list)  # to deliver, after the commits
    one_by_one: list[int] = field(default_factory=list)  # ids pipeline.process handled, in order


@dataclass
class _Counted:
    raw: RawEmail
    result: ParseResult
    t: ParsedTransaction
    occurred: datetime
    fp: str


def process_many(factory: sessionmaker[Session], raw_ids: list[int], now: datetime | None = None) -> BatchOutcome:
    settings = config.get()
    now = now or config.now()
    ids = sorted(set(raw_ids))
    out = BatchOutcome()
    if not ids:
        return out
    key = batch_key(ids)
    forgotten = False  # the batch_attempts row deleted (with the batch's own commit)
    if _first_try(factory, key):
        try:
            with factory.begin() as s:
                rest = _process(s, ids, now, settings, out)
                s.execute(delete(BatchAttempt).where(BatchAttempt.key == key))  # finished: nothing to remember
            forgotten = True
        except OperationalError:
            raise  # database away or deadlock: the task retries; a retry goes one by one
        except SoftTimeLimitExceeded:
            # Out of time, no mail's fault: the mails stay pending, their attempt counted (so the
            # sweep's batch of them goes one by one, and one that is slow every time is quarantined).
            try:
                _count_attempt(factory, ids)
            except Exception:  # noqa: BLE001 - the time limit is what the task must end with
                logger.warning("could not count the attempt of a batch out of time", exc_info=True)
            raise
        except Exception:  # noqa: BLE001 - one bad mail must not cost the others: one by one instead
            logger.warning("batch of %d e-mails failed; processing them one by one", len(ids), exc_info=True)
            out.outcomes, out.outbox_ids, rest = [], [], ids
    else:
        # The same set was tried before and never finished: its worker may have died on one of
        # these mails. That attempt counts on each mail never tried; then one by one.
        _count_attempt(factory, ids)
        rest = ids
    for raw_id in rest:
        outcome = process.process(factory, raw_id, now)
        out.outcomes.append(outcome)
        out.outbox_ids += outcome.outbox_ids
        if not outcome.skipped:
            out.one_by_one.append(raw_id)
    if not forgotten:
        with factory.begin() as s:  # every mail has its outcome: a later copy of this task starts afresh
            s.execute(delete(BatchAttempt).where(BatchAttempt.key == key))
    return out


def batch_key(ids: list[int]) -> str:
    """The batch_attempts key of a set of mails (``ids`` sorted, no repeats)."""
    return hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()


def _first_try(factory: sessionmaker[Session], key: str) -> bool:
    """Count one attempt of the batch in its own commit; True when it is the first."""
    with factory.begin() as s:
        stmt = _insert(s, BatchAttempt).values(key=key, attempts=1)
        stmt = stmt.on_conflict_do_update(index_elements=[BatchAttempt.key],
                                          set_={"attempts": BatchAttempt.attempts + 1})
        return int(s.execute(stmt.returning(BatchAttempt.attempts)).scalar_one()) == 1


def _count_attempt(factory: sessionmaker[Session], ids: list[int]) -> None:
    """Count an attempt of every pending, never-tried mail of ``ids`` (see process._begin_attempt)."""
    with factory.begin() as s:
        # Rows by primary key only, and the status test here: a WHERE on status let the
        # planner, before the table had statistics (a first sync), take the status index
        # and read every pending row of the mailbox for each batch (11 ms per batch at
        # 20,000 pending). The row locks make read-then-update one step, as the UPDATE was.
        rows = s.execute(
            select(RawEmail.id, RawEmail.status, RawEmail.attempts)
            .where(RawEmail.id.in_(ids))
            .order_by(RawEmail.id)
            .with_for_update()
        ).all()
        untried = [i for i, status, attempts in rows if status == RawStatus.PENDING.value and attempts == 0]
        if untried:
            s.execute(update(_RAWS).where(_RAWS.c.id.in_(untried)).values(attempts=_RAWS.c.attempts + 1))


def _process(s: Session, ids: list[int], now: datetime, settings: config.Settings, out: BatchOutcome) -> list[int]:
    """One database transaction for the batch; returns the ids left for one-by-one processing."""
    postgres = s.get_bind().dialect.name == "postgresql"
    query = select(RawEmail).where(RawEmail.id.in_(ids)).order_by(RawEmail.id)
    if postgres:
        query = query.with_for_update()
    statuses: dict[tuple[str, str | None, str | None], list[int]] = defaultdict(list)
    counted: list[_Counted] = []
    options: dict[tuple[int | None, int], dict[str, Any]] = {}
    users: dict[int, User] = {}  # held here: the session's identity map keeps no object alive
    tried_before: list[int] = []
    for raw in s.scalars(query):
        if raw.status != RawStatus.PENDING.value:
            out.outcomes.append(process.Outcome(raw.id, raw.status, raw.reason, skipped=True))
            continue
        if raw.attempts:  # an earlier attempt did not finish: it may have died on this mail
            tried_before.append(raw.id)
            continue
        if raw.truncated:
            statuses[(RawStatus.FAILED.value, raw.reason or "message was not fetched in full", None)].append(raw.id)
            continue
        key = (raw.mail_account_id, raw.user_id)
        if key not in options:
            options[key] = process.parse_options(s, raw, settings)
        result = parsers.parse_message(raw.raw, **options[key])
        verdict = process.not_counted(result)
        if verdict is not None:
            statuses[(verdict[0].value, verdict[1], result.parser)].append(raw.id)
            continue
        assert result.transaction is not None
        if raw.user_id not in users:
            user = s.get(User, raw.user_id)
            assert user is not None
            users[raw.user_id] = user
        user = users[raw.user_id]
        counted.append(_Counted(raw, result, *process.as_counted(result.transaction, raw, user.timezone)))

    twins = _twins(s, counted, ids, postgres)
    deferred = sorted(tried_before + [c.raw.id for c in counted if (c.raw.user_id, c.raw.message_id) in twins])
    counted = [c for c in counted if (c.raw.user_id, c.raw.message_id) not in twins]

    categorizers: dict[int, Categorizer] = {}
    accounts: dict[int, dict[tuple[str, str], BankAccount]] = defaultdict(dict)
    txns: list[Transaction] = []
    for c in counted:
        uid = c.raw.user_id
        parser = c.result.parser
        bank_account = process.bank_account_for(s, uid, c.result.bank, c.t, c.occurred, accounts[uid])
        txn = _unsaved(process.transaction_fields(c.raw, c.result.bank, c.t, c.occurred, c.fp, bank_account, None))
        if uid not in categorizers:
            categorizers[uid] = Categorizer(s, uid)
        categorizers[uid].apply(txn)
        txns.append(txn)
        statuses[(RawStatus.TRANSACTION.value, None, parser)].append(c.raw.id)
    _insert_transactions(s, txns)
    effects = budgets.apply_new(s, txns, now)
    out.outbox_ids += effects.outbox_ids

    for (status, reason, parsed_by), raw_ids in statuses.items():
        clean = reason.replace("\x00", "") if reason else reason  # it may quote the mail; PostgreSQL refuses NUL
        # On the table (the ORM's bulk UPDATE machinery costs more than the statement): the
        # rows held in this session are not read again before the commit ends it.
        s.execute(update(_RAWS).where(_RAWS.c.id.in_(raw_ids))
                  .values(status=status, reason=clean, parser=parsed_by, processed_at=now))
        out.outcomes += [process.Outcome(i, status, clean) for i in raw_ids]
    by_raw = {txn.raw_email_id: txn.id for txn in txns}
    for o in out.outcomes:
        o.transaction_id = by_raw.get(o.raw_email_id, o.transaction_id)
    return deferred


_TXNS = cast(Table, Transaction.__table__)
_RAWS = cast(Table, RawEmail.__table__)
_TXN_COLUMNS = [c.key for c in _TXNS.columns if c.key not in ("id", "created_at")]  # created_at: its default
# A field never set on the object reads None; as the flush did, the column's default goes in instead.
_TXN_DEFAULTS = {c.key: c.default.arg for c in _TXNS.columns
                 if c.key in _TXN_COLUMNS and isinstance(c.default, ScalarElementColumnDefault)}


_TXN_MANAGER = manager_of_class(Transaction)


def _unsaved(fields: dict[str, Any]) -> Transaction:
    """A Transaction with ``fields``, for _insert_transactions: never added to a session.

    Set straight into the new object's dict: the mapped constructor sets each field through
    the ORM's instrumentation, change events and history included, none of which an object
    that never meets a session uses; it cost 44 µs per mail against 3 (the largest part of
    the process step after the parse, bench/pipeline_e2e.py's profile). Reads and later
    sets (the categories) go through the instrumentation as usual.
    """
    txn: Transaction = _TXN_MANAGER.new_instance()
    txn.__dict__.update(fields)
    return txn


def _insert_transactions(s: Session, txns: list[Transaction]) -> None:
    """One multi-row INSERT of the batch's transactions, their ids set on the objects.

    Core, not the session's flush: the unit of work's bookkeeping per object cost a third
    of the flush (0.03 of 0.1 ms of CPU per mail, bench/pipeline_e2e.py's process step).
    The objects stay out of the session; what follows (budgets, alerts) reads only their
    fields and ids. The unique raw_email_id key still guards a double process.
    """
    if not txns:
        return
    rows = []
    for txn in txns:
        # Straight from the new object's own dict (what was set; never expired, nothing to
        # load): the instrumented getattr cost a seventh of this function.
        values = txn.__dict__
        row = {key: values.get(key) for key in _TXN_COLUMNS}
        for key, default in _TXN_DEFAULTS.items():
            if row[key] is None:
                row[key] = default
        rows.append(row)
    # Matched back by raw_email_id (unique), not by the order of the answer.
    got = db.insert_rows(s, _TXNS, rows, (_TXNS.c.raw_email_id, _TXNS.c.id))
    ids: dict[int | None, int] = {raw_id: txn_id for raw_id, txn_id in got}
    for txn in txns:
        txn.id = ids[txn.raw_email_id]


def _twins(s: Session, counted: list[_Counted], ids: list[int], postgres: bool) -> set[tuple[int, str | None]]:
    """(user, Message-ID) pairs of this batch that another mail of the batch or a stored transaction shares."""
    keys: Counter[tuple[int, str | None]] = Counter((c.raw.user_id, c.raw.message_id) for c in counted if c.raw.message_id)
    if not keys:
        return set()
    if postgres:
        # The same advisory locks one-by-one processing takes, in one statement and in
        # hash order (so two batches never wait on each other in a circle).
        s.execute(
            text(
                "SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h "
                "FROM unnest(CAST(:keys AS text[])) AS k ORDER BY h) AS locks"
            ),
            {"keys": [process.twin_lock_key(u, m) for u, m in keys if m]},
        )
    twins: set[tuple[int, str | None]] = {k for k, n in keys.items() if n > 1}
    stored = s.execute(STORED_TWINS, {"ids": ids}).all()
    twins |= {(u, m) for u, m in stored if (u, m) in keys}
    return twins


def _stored_twins() -> Select[int, str | None]:
    """(user, Message-ID) of the mails among ``:ids`` whose Message-ID another mail with a transaction has.

    Written so that every probe is an index lookup whatever the planner believes: two
    nested scalar subqueries (PostgreSQL runs them as SubPlans, never as joins), the
    first by raw_emails' Message-ID index, the second by the unique raw_email_id of
    transactions. Plain joins were planned as a scan of every transaction while the
    tables had no statistics yet, which is the whole of a first sync (autovacuum
    analyzes a minute later at the earliest): the step's cost grew with the mailbox
    (4 ms per batch of 100 at about 3,000 transactions, 25 ms at 18,000). The other mail's
    user is deliberately not compared here: a condition on user_id makes the user_id
    index a tie candidate that the planner took. So a mail of another user with the
    same Message-ID also sends this one down the one-by-one path, which compares users
    exactly: slower for that mail, never wrong.

    Built once (``:ids`` an expanding parameter): building the aliases and subqueries per
    batch cost more CPU than PostgreSQL spends running it.
    """
    ids: BindParameter[list[int]] = bindparam("ids", expanding=True)
    counted = Transaction.__table__.alias("counted")
    other = RawEmail.__table__.alias("other")
    has_txn = select(func.count()).select_from(counted).where(counted.c.raw_email_id == other.c.id).scalar_subquery()
    first_other = (
        select(other.c.id)
        .where(other.c.message_id == RawEmail.message_id, other.c.id.not_in(ids), has_txn > 0)
        .limit(1)
        .correlate(RawEmail)
        .scalar_subquery()
    )
    return select(RawEmail.user_id, RawEmail.message_id).where(
        RawEmail.id.in_(ids), RawEmail.message_id.is_not(None), first_other.is_not(None)
    )


STORED_TWINS = _stored_twins()
