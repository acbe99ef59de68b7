"""Process step: one stored e-mail -> status, and for an alert a transaction and its effects.

All in one database transaction: sender check, parse, categorize, insert the transaction
(unique per raw e-mail), add it to every covering budget period, record crossed
thresholds, queue the outbox. A failure rolls everything back and leaves the raw e-mail
with a status and a reason; a transient database error is raised for the task to retry,
and so is Celery's soft time limit (the mail stays pending: not its fault).
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from celery.exceptions import SoftTimeLimitExceeded
from sqlalchemy import case, select, text, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

import parsers
from models import BankAccount, MailAccount, RawEmail, RawStatus, Transaction, User, to_minor
from parsers.base import ParsedTransaction, ParseResult, Status
from pipeline import budgets, config
from pipeline.categorizing import categorize_transaction

logger = logging.getLogger(__name__)


@dataclass
class Outcome:
    raw_email_id: int
    status: str
    reason: str | None = None
    transaction_id: int | None = None
    outbox_ids: list[int] = field(default_factory=list)
    skipped: bool = False  # already processed: nothing done


def fingerprint(t: ParsedTransaction, occurred_at: datetime) -> str:
    """The same alert parses to the same fingerprint (amount, account, time, reference)."""
    digits = "".join(c for c in (t.account or "") if c.isdigit())[-4:]
    key = "|".join(
        [str(t.amount), t.currency, t.direction.value, digits, occurred_at.isoformat(), t.reference or ""]
    )
    return hashlib.sha256(key.encode()).hexdigest()


def as_counted(t: ParsedTransaction, raw: RawEmail, tz: str) -> tuple[ParsedTransaction, datetime, str]:
    """A parsed transaction as it is stored: fitted to the columns, its UTC time, its fingerprint."""
    fitted = _fit(t)
    occurred = _occurred_at(fitted, raw, tz)
    return fitted, occurred, fingerprint(fitted, occurred)


def twin_lock_key(user_id: int, message_id: str) -> str:
    """The advisory-lock key that serializes mails sharing a Message-ID (one by one and in batches)."""
    return f"{user_id}:{message_id}"


# An alert reports money that has moved: a time days after the mail was stored is a wrong
# clock or a forged Date header (year 9999 ran the monthly period past the calendar, and the
# mail failed); before e-mail alerts existed, it is garbage too. The next source is tried.
AHEAD_AT_MOST = timedelta(days=2)  # zones and skewed clocks, with room to spare
EARLIEST = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _occurred_at(t: ParsedTransaction, raw: RawEmail, tz: str) -> datetime:
    """When the money moved, in UTC: the alert's own time, else the mail's date, else when it was
    stored; a time outside [1970, stored + 2 days] is passed over for the next."""
    stored = raw.created_at if raw.created_at.tzinfo else raw.created_at.replace(tzinfo=timezone.utc)
    for when in (t.occurred_at, raw.received_at):
        if when is None:
            continue
        if when.tzinfo is None:  # a time printed without a zone is the user's local time
            when = when.replace(tzinfo=ZoneInfo(tz))
        try:
            utc = when.astimezone(timezone.utc)
        except OverflowError:  # a date at the edge of the calendar (year 1, 9999): not the alert's
            continue
        if EARLIEST <= utc <= stored + AHEAD_AT_MOST:
            return utc
    return stored.astimezone(timezone.utc)


def _begin_attempt(factory: sessionmaker[Session], raw_id: int, max_attempts: int) -> bool:
    """Count the attempt in its own commit, so a mail that kills the worker is quarantined;
    False when there is nothing to process (done, gone, or quarantined now).

    Two copies of one task can run at once (a redelivery, the sweep): while one processes
    the mail under its row lock, the other must not read the row unlocked, decide to
    quarantine it and then overwrite the first one's committed status. So the row is read
    under the lock on PostgreSQL, and both writes only apply to a row still pending (on
    SQLite, where a write waits for the other writer's commit, that is what protects it).
    Status and attempts only: _process reads the mail itself (an IDLE mail came this way
    with its bytes read twice).
    """
    with factory.begin() as s:
        query = select(RawEmail.status, RawEmail.attempts).where(RawEmail.id == raw_id)
        if s.get_bind().dialect.name == "postgresql":
            query = query.with_for_update()
        row = s.execute(query).first()
        if row is None or row.status != RawStatus.PENDING.value:
            return False
        still_pending = (RawEmail.id == raw_id, RawEmail.status == RawStatus.PENDING.value)
        if row.attempts >= max_attempts:
            s.execute(update(RawEmail).where(*still_pending).values(
                status=RawStatus.FAILED.value,
                reason=f"quarantined after {row.attempts} attempts that never finished (the worker died on it)",
                processed_at=datetime.now(timezone.utc)).execution_options(synchronize_session=False))
            return False
        counted = s.execute(update(RawEmail).where(*still_pending).values(attempts=RawEmail.attempts + 1)
                            .execution_options(synchronize_session=False))
        return bool(counted.rowcount == 1)  # type: ignore[attr-defined]  # 0: processed meanwhile by the other copy


def process(factory: sessionmaker[Session], raw_id: int, now: datetime | None = None) -> Outcome:
    settings = config.get()
    now = now or config.now()
    if not _begin_attempt(factory, raw_id, settings.max_attempts):
        with factory() as s:
            row = s.get(RawEmail, raw_id)
            return Outcome(raw_id, row.status if row else "missing", row.reason if row else None, skipped=True)
    try:
        with factory.begin() as s:
            return _process(s, raw_id, now, settings)
    except OperationalError:
        raise  # database down or deadlock: the task retries; nothing was half-written
    except SoftTimeLimitExceeded:
        # Celery's time limit, not this mail's fault (nor a bug): rolled back, the mail stays
        # pending with its attempt counted; the sweep hands it out again, and one that is
        # out of time every time is quarantined after SPENDWATCH_MAX_ATTEMPTS.
        raise
    except IntegrityError:
        # Another worker committed this e-mail's transaction first (unique raw_email_id);
        # if it is still pending, the conflict was something else: let the task retry.
        with factory() as s:
            row = s.get(RawEmail, raw_id)
            if row is not None and row.status == RawStatus.PENDING.value:
                raise
            return Outcome(raw_id, row.status if row else "missing", skipped=True)
    except Exception as exc:  # noqa: BLE001 - any bug on one mail must not stop the worker
        logger.exception("processing raw email %s failed", raw_id, extra={"raw_email_id": raw_id})
        reason = f"processing failed: {type(exc).__name__}: {exc}".replace("\x00", "")[:2000]
        with factory.begin() as s:
            s.execute(
                update(RawEmail)
                .where(RawEmail.id == raw_id)
                .values(status=RawStatus.FAILED.value, reason=reason, processed_at=now)
            )
        return Outcome(raw_id, RawStatus.FAILED.value, reason)


def _finish(raw: RawEmail, status: RawStatus, reason: str | None, parser: str | None, now: datetime) -> Outcome:
    reason = reason.replace("\x00", "") if reason else reason  # it may quote the mail; PostgreSQL refuses NUL
    raw.status = status.value
    raw.reason = reason
    raw.parser = parser
    raw.processed_at = now
    return Outcome(raw.id, status.value, reason)


def _parse(s: Session, raw: RawEmail, settings: config.Settings) -> ParseResult:
    return parsers.parse_message(raw.raw, **parse_options(s, raw, settings))


def parse_options(s: Session, raw: RawEmail, settings: config.Settings) -> dict[str, Any]:
    """What parse_message needs to know about the mailbox and the user (the same for a whole batch)."""
    account = s.get(MailAccount, raw.mail_account_id) if raw.mail_account_id else None
    user = s.get(User, raw.user_id)
    trusted = list(settings.trusted_ids) + [str(x).lower() for x in (account.trusted_authserv_ids if account else [])]
    return {
        "trusted_authserv_ids": trusted,
        "accept_forwarded": bool(account and account.accept_forwarded),
        "own_addresses": [user.email] if user else [],
    }


def not_counted(result: ParseResult) -> tuple[RawStatus, str | None] | None:
    """The status and reason of a parse that counts nothing; None for a transaction to count."""
    auth = result.authentication
    if auth is not None and auth.suspicious:
        if auth.dkim == "forwarded-without-opt-in":
            why = (
                f"a forwarded alert from {auth.domain}: its dkim cannot be checked and this mailbox "
                "does not accept forwarded alerts (set accept_forwarded on the mailbox to count them)"
            )
        else:
            why = (
                f"claims to be from {auth.domain}, a bank domain, but has no dkim=pass for it "
                f"from a trusted Authentication-Results header (dkim: {auth.dkim})"
            )
        return RawStatus.SUSPICIOUS, why
    if result.status is not Status.TRANSACTION or result.transaction is None:
        status = RawStatus.NOT_TRANSACTION if result.status is Status.NOT_TRANSACTION else RawStatus.UNRECOGNIZED
        return status, result.reason
    return None


def _process(s: Session, raw_id: int, now: datetime, settings: config.Settings) -> Outcome:
    query = select(RawEmail).where(RawEmail.id == raw_id)
    if s.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    raw = s.scalar(query)
    if raw is None or raw.status != RawStatus.PENDING.value:
        return Outcome(raw_id, raw.status if raw else "missing", skipped=True)
    if raw.truncated:
        return _finish(raw, RawStatus.FAILED, raw.reason or "message was not fetched in full", None, now)
    result = _parse(s, raw, settings)
    verdict = not_counted(result)
    if verdict is not None:
        return _finish(raw, verdict[0], verdict[1], result.parser, now)
    assert result.transaction is not None

    user = s.get(User, raw.user_id)
    assert user is not None
    t, occurred, fp = as_counted(result.transaction, raw, user.timezone)
    review: str | None = None
    if raw.message_id:
        if s.get_bind().dialect.name == "postgresql":
            # Twins (same Message-ID, other bytes) processed at once by two workers would
            # each miss the other: serialize them; the unique key is the backstop.
            s.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"),
                      {"k": twin_lock_key(raw.user_id, raw.message_id)})
        twin = s.execute(
            select(Transaction, RawEmail)
            .join(RawEmail, RawEmail.id == Transaction.raw_email_id)
            .where(RawEmail.user_id == raw.user_id, RawEmail.message_id == raw.message_id, RawEmail.id != raw.id)
            # Of several twins, the one with this alert's fingerprint first: it makes this a duplicate.
            .order_by(case((Transaction.fingerprint == fp, 0), else_=1), RawEmail.id)
        ).first()
        if twin is not None:
            other_txn, other_raw = twin
            if other_txn.fingerprint == fp:
                return _finish(
                    raw,
                    RawStatus.DUPLICATE,
                    f"same alert as stored e-mail #{other_raw.id} (same Message-ID, same transaction): counted once",
                    result.parser,
                    now,
                )
            # Some senders reuse Message-IDs: both count, and the pair goes to review.
            review = f"shares its Message-ID with e-mail #{other_raw.id} but is a different transaction"
            other_txn.needs_review = True
            other_txn.review_reason = f"shares its Message-ID with e-mail #{raw.id} but is a different transaction"

    bank_account = bank_account_for(s, raw.user_id, result.bank, t, occurred)
    txn = new_transaction(raw, result.bank, t, occurred, fp, bank_account, review)
    categorize_transaction(s, txn, user)
    s.add(txn)
    s.flush()  # the unique raw_email_id key: a concurrent double process fails here
    effects = budgets.apply_transaction(s, txn, +1, now)
    out = _finish(raw, RawStatus.TRANSACTION, None, result.parser, now)
    out.transaction_id = txn.id
    out.outbox_ids = effects.outbox_ids
    return out


def new_transaction(raw: RawEmail, bank: str | None, t: ParsedTransaction, occurred: datetime, fp: str,
                    bank_account: BankAccount | None, review: str | None) -> Transaction:
    """``bank``: ParseResult.bank (the parser's name, or the bank whose new wording the generic parser read)."""
    return Transaction(**transaction_fields(raw, bank, t, occurred, fp, bank_account, review))


def transaction_fields(raw: RawEmail, bank: str | None, t: ParsedTransaction, occurred: datetime, fp: str,
                       bank_account: BankAccount | None, review: str | None) -> dict[str, Any]:
    """The new transaction's fields (``new_transaction``'s arguments)."""
    return {
        "user_id": raw.user_id,
        "raw_email_id": raw.id,
        "bank_account_id": bank_account.id if bank_account else None,
        "bank": bank,
        "amount_minor": to_minor(t.amount, t.currency),
        "currency": t.currency,
        "direction": t.direction.value,
        "kind": t.kind.value,
        "merchant_raw": t.merchant,
        "counterparty": t.counterparty,
        "account_mask": t.account,
        "occurred_at": occurred,
        "reference": t.reference,
        "balance_minor": to_minor(t.balance, t.balance_currency or t.currency) if t.balance is not None else None,
        "fingerprint": fp,
        "message_id": raw.message_id,
        "needs_review": review is not None,
        "review_reason": review,
    }


def _fit(t: ParsedTransaction) -> ParsedTransaction:
    """Parsed text as the columns take it: no NUL (PostgreSQL refuses one), clipped to length."""

    def clip(value: str | None, n: int) -> str | None:
        if value is None:
            return None
        return value.replace("\x00", "")[:n].encode("utf-8", "replace").decode("utf-8") or None

    merchant, counterparty = clip(t.merchant, 500), clip(t.counterparty, 500)
    account, reference = clip(t.account, 64), clip(t.reference, 200)
    # Nearly always already fitting: then the same object (a replace costs a new dataclass).
    if (merchant, counterparty, account, reference) == (t.merchant, t.counterparty, t.account, t.reference):
        return t
    return dataclasses.replace(t, merchant=merchant, counterparty=counterparty, account=account, reference=reference)


def bank_account_for(s: Session, user_id: int, bank: str, t: ParsedTransaction, when: datetime,
                     cache: dict[tuple[str, str], BankAccount] | None = None) -> BankAccount | None:
    if not t.account:
        return None
    acct = cache.get((bank, t.account)) if cache is not None else None
    if acct is None:
        acct = _find_bank_account(s, user_id, bank, t)
        if cache is not None:
            cache[(bank, t.account)] = acct
    if t.balance is not None and (acct.last_seen_at is None or when >= acct.last_seen_at):
        balance_currency = t.balance_currency or t.currency
        acct.last_balance_minor = to_minor(t.balance, balance_currency)
        # The balance is the account's own money: a card first seen in a USD purchase whose
        # alert gives the balance in OMR is an OMR account (its minor units were shown as USD).
        acct.currency = balance_currency
        acct.last_seen_at = when
    return acct


def _find_bank_account(s: Session, user_id: int, bank: str, t: ParsedTransaction) -> BankAccount:
    assert t.account
    query = select(BankAccount).where(
        BankAccount.user_id == user_id, BankAccount.bank == bank, BankAccount.mask == t.account
    )
    acct = s.scalar(query)
    if acct is None:
        s.execute(
            budgets._insert(s, BankAccount)
            .values(user_id=user_id, bank=bank, mask=t.account, currency=t.currency, is_own=True)
            .on_conflict_do_nothing()
        )
        acct = s.scalar(query)
        assert acct is not None
    return acct


