"""SQLAlchemy 2 typed tables. Runs on PostgreSQL and SQLite.

Amounts are integer minor units (see models.money); the once-only guarantees of the
pipeline live in the unique constraints declared here, not in application checks.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from models.money import from_minor

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


def _now() -> datetime:
    return datetime.now(timezone.utc)


class TZDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on both backends (SQLite drops the offset otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware one is required")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value


def _utc_default() -> Any:
    return mapped_column(TZDateTime(), default=_now, server_default=func.now(), nullable=False)


class RawStatus(str, enum.Enum):
    PENDING = "pending"
    TRANSACTION = "transaction"
    NOT_TRANSACTION = "not_transaction"
    UNRECOGNIZED = "unrecognized"
    SUSPICIOUS = "suspicious"
    DUPLICATE = "duplicate"
    FAILED = "failed"


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Muscat")
    week_start: Mapped[int] = mapped_column(Integer, default=0)  # 0 = Monday
    api_token_hash: Mapped[str | None] = mapped_column(String(128), unique=True)
    learn_after: Mapped[int] = mapped_column(Integer, default=2)
    created_at: Mapped[datetime] = _utc_default()


class TlsMode(str, enum.Enum):
    SSL = "ssl"  # IMAPS, port 993
    STARTTLS = "starttls"
    PLAIN = "plain"  # only when the user asked for it


class MailAction(str, enum.Enum):
    NONE = "none"
    SEEN = "seen"
    MOVE = "move"


class MailAccount(Base):
    __tablename__ = "mail_accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    host: Mapped[str] = mapped_column(String(255))
    port: Mapped[int] = mapped_column(Integer, default=993)
    tls_mode: Mapped[str] = mapped_column(String(16), default=TlsMode.SSL.value)
    tls_verify: Mapped[bool] = mapped_column(Boolean, default=True)
    username: Mapped[str] = mapped_column(String(320))
    # Fernet token of the password; never the password itself (see pipeline.secrets).
    password_enc: Mapped[str] = mapped_column(Text)
    folders: Mapped[list[Any]] = mapped_column(JSON, default=lambda: ["INBOX"])
    sender_filter: Mapped[list[Any]] = mapped_column(JSON, default=list)
    trusted_authserv_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    accept_forwarded: Mapped[bool] = mapped_column(Boolean, default=False)
    action: Mapped[str] = mapped_column(String(16), default=MailAction.NONE.value)
    action_folder: Mapped[str | None] = mapped_column(String(255))
    poll_interval_s: Mapped[int] = mapped_column(Integer, default=300)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    last_poll_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    # Polls in a row that ended in an error only the user can fix (login refused, folder
    # missing, certificate not trusted): beat backs off (sweep.mailboxes_due); an edit resets it.
    refused_polls: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = _utc_default()
    __table_args__ = (UniqueConstraint("user_id", "name"),)


class MailboxCursor(Base):
    __tablename__ = "mailbox_cursors"
    id: Mapped[int] = mapped_column(primary_key=True)
    mail_account_id: Mapped[int] = mapped_column(ForeignKey("mail_accounts.id", ondelete="CASCADE"))
    folder: Mapped[str] = mapped_column(String(255))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime] = _utc_default()
    __table_args__ = (UniqueConstraint("mail_account_id", "folder"),)


class RawEmail(Base):
    __tablename__ = "raw_emails"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    mail_account_id: Mapped[int | None] = mapped_column(ForeignKey("mail_accounts.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(16), default="imap")  # imap | file
    folder: Mapped[str | None] = mapped_column(String(255))
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    uid: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str | None] = mapped_column(String(998), index=True)
    sender: Mapped[str | None] = mapped_column(String(320))
    subject: Mapped[str | None] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer, default=0)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    truncated: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default=RawStatus.PENDING.value, index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    parser: Mapped[str | None] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    processed_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    created_at: Mapped[datetime] = _utc_default()
    __table_args__ = (
        UniqueConstraint("mail_account_id", "folder", "uidvalidity", "uid", name="uq_raw_emails_imap_identity"),
        UniqueConstraint("user_id", "sha256", name="uq_raw_emails_user_sha256"),
    )


class BatchAttempt(Base):
    """One set of mails tried as a batch (pipeline.process_batch), and how often.

    The batch's attempt is one row here instead of a write to each of its mails: the
    per-mail UPDATE was 0.058 ms of PostgreSQL's CPU per mail (a new version of every raw
    row, in each of its six indexes) to guard against a worker that dies on one mail of
    the batch. Deleted with the batch's commit; the sweep removes what dead batches left.
    """

    __tablename__ = "batch_attempts"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the sorted ids
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = _utc_default()


class BankAccount(Base):
    __tablename__ = "bank_accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    bank: Mapped[str] = mapped_column(String(64))
    mask: Mapped[str] = mapped_column(String(64))
    currency: Mapped[str | None] = mapped_column(String(3))
    nickname: Mapped[str | None] = mapped_column(String(200))
    is_own: Mapped[bool] = mapped_column(Boolean, default=True)
    last_balance_minor: Mapped[int | None] = mapped_column(BigInteger)
    last_seen_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    __table_args__ = (UniqueConstraint("user_id", "bank", "mask"),)


class Category(Base):
    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = _utc_default()
    __table_args__ = (UniqueConstraint("user_id", "name"),)


class Transaction(Base):
    __tablename__ = "transactions"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # One transaction per stored e-mail: the once-only key of the process step.
    raw_email_id: Mapped[int | None] = mapped_column(ForeignKey("raw_emails.id", ondelete="SET NULL"), unique=True)
    bank_account_id: Mapped[int | None] = mapped_column(ForeignKey("bank_accounts.id", ondelete="SET NULL"))
    bank: Mapped[str | None] = mapped_column(String(64))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    direction: Mapped[str] = mapped_column(String(8))  # debit | credit
    kind: Mapped[str] = mapped_column(String(32))
    merchant_raw: Mapped[str | None] = mapped_column(String(500))
    merchant: Mapped[str | None] = mapped_column(String(500), index=True)
    display_name: Mapped[str | None] = mapped_column(String(500))
    counterparty: Mapped[str | None] = mapped_column(String(500))
    account_mask: Mapped[str | None] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(TZDateTime(), index=True)
    reference: Mapped[str | None] = mapped_column(String(200))
    balance_minor: Mapped[int | None] = mapped_column(BigInteger)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id", ondelete="SET NULL"), index=True)
    category_source: Mapped[str] = mapped_column(String(16), default="default")  # rule|builtin|manual|default
    is_transfer: Mapped[bool] = mapped_column(Boolean, default=False)
    is_income: Mapped[bool] = mapped_column(Boolean, default=False)
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    review_reason: Mapped[str | None] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    # The alert's Message-ID: with the fingerprint, the same alert delivered twice with
    # other bytes can only ever be inserted once (see pipeline.process).
    message_id: Mapped[str | None] = mapped_column(String(998))
    created_at: Mapped[datetime] = _utc_default()

    category: Mapped[Category | None] = relationship(lazy="joined")
    __table_args__ = (UniqueConstraint("user_id", "message_id", "fingerprint", name="uq_transactions_same_alert"),)

    @property
    def amount(self) -> Decimal:
        return from_minor(self.amount_minor, self.currency)

    @property
    def counts_as_spend(self) -> bool:
        """Only money leaving the user for someone else counts against a budget."""
        return self.direction == "debit" and not (self.is_transfer or self.excluded)


class Rule(Base):
    __tablename__ = "rules"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    priority: Mapped[int] = mapped_column(Integer, default=100)
    match: Mapped[str] = mapped_column(String(8), default="all")  # all | any
    conditions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    actions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    stop_processing: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    origin: Mapped[str] = mapped_column(String(16), default="user")  # user | learned
    created_at: Mapped[datetime] = _utc_default()


class CategoryCorrection(Base):
    """A user's recategorization, the evidence learning builds rules from."""

    __tablename__ = "category_corrections"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    transaction_id: Mapped[int] = mapped_column(ForeignKey("transactions.id", ondelete="CASCADE"))
    merchant: Mapped[str] = mapped_column(String(500))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = _utc_default()


class BudgetCategory(Base):
    __tablename__ = "budget_categories"
    budget_id: Mapped[int] = mapped_column(ForeignKey("budgets.id", ondelete="CASCADE"), primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"), primary_key=True)


class Budget(Base):
    __tablename__ = "budgets"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="OMR")
    period: Mapped[str] = mapped_column(String(16), default="monthly")  # custom|weekly|monthly|yearly
    anchor_day: Mapped[int] = mapped_column(Integer, default=1)
    anchor_month: Mapped[int] = mapped_column(Integer, default=1)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    thresholds: Mapped[list[Any]] = mapped_column(JSON, default=lambda: [50, 80, 100])
    account_mask: Mapped[str | None] = mapped_column(String(64))
    rollover: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = _utc_default()

    categories: Mapped[list[Category]] = relationship(secondary="budget_categories", lazy="selectin")

    @property
    def amount(self) -> Decimal:
        return from_minor(self.amount_minor, self.currency)


class BudgetAmountChange(Base):
    __tablename__ = "budget_amount_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    budget_id: Mapped[int] = mapped_column(ForeignKey("budgets.id", ondelete="CASCADE"), index=True)
    old_minor: Mapped[int] = mapped_column(BigInteger)
    new_minor: Mapped[int] = mapped_column(BigInteger)
    changed_at: Mapped[datetime] = _utc_default()


class BudgetPeriod(Base):
    """One period of a budget with its running spend: budget reads never SUM transactions."""

    __tablename__ = "budget_periods"
    id: Mapped[int] = mapped_column(primary_key=True)
    budget_id: Mapped[int] = mapped_column(ForeignKey("budgets.id", ondelete="CASCADE"))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)  # inclusive
    limit_minor: Mapped[int] = mapped_column(BigInteger)
    carried_minor: Mapped[int] = mapped_column(BigInteger, default=0)  # rollover in (+ unused, - overspent)
    # The start of this budget's row it carries in from: carried_minor is that row's remainder
    # and moves with it (pipeline.budgets.shift_carries). NULL: carries nothing in (rollover
    # off when the row was set, or no earlier row).
    carried_from: Mapped[date | None] = mapped_column(Date)
    spent_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    __table_args__ = (UniqueConstraint("budget_id", "start"),)


class Alert(Base):
    """A crossed threshold. (period, threshold) is unique: an alert is recorded once."""

    __tablename__ = "alerts"
    id: Mapped[int] = mapped_column(primary_key=True)
    budget_period_id: Mapped[int] = mapped_column(ForeignKey("budget_periods.id", ondelete="CASCADE"))
    threshold: Mapped[int] = mapped_column(Integer)
    percent: Mapped[int] = mapped_column(Integer)
    spent_minor: Mapped[int] = mapped_column(BigInteger)
    # The period's limit and rollover carry that ``percent`` was computed against, as they were
    # when the alert was recorded: the message says what was crossed, whatever the budget's
    # amount or carry became before it was sent. NULL on alerts recorded before migration 0003
    # (their message reads the period's figures at send time).
    limit_minor: Mapped[int | None] = mapped_column(BigInteger)
    carried_minor: Mapped[int | None] = mapped_column(BigInteger)
    transaction_id: Mapped[int | None] = mapped_column(ForeignKey("transactions.id", ondelete="SET NULL"))
    # False when a higher threshold crossed in the same step speaks for it, or the period is past.
    notify: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = _utc_default()
    __table_args__ = (UniqueConstraint("budget_period_id", "threshold"),)


class NotifyTarget(Base):
    """Where a user's alerts go: an e-mail address or an Apprise URL (encrypted: URLs hold tokens)."""

    __tablename__ = "notify_targets"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # email | apprise
    label: Mapped[str] = mapped_column(String(200))  # shown instead of the secret URL
    address_enc: Mapped[str] = mapped_column(Text)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = _utc_default()


class OutboxStatus(str, enum.Enum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class Outbox(Base):
    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(ForeignKey("notify_targets.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default=OutboxStatus.PENDING.value, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = _utc_default()
    claimed_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(TZDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = _utc_default()
    __table_args__ = (UniqueConstraint("alert_id", "target_id"),)


Index("ix_raw_emails_status_created", RawEmail.status, RawEmail.created_at)
Index("ix_transactions_user_occurred", Transaction.user_id, Transaction.occurred_at)
