"""Settings from SPENDWATCH_* environment variables (pydantic-settings).

A wrong value fails at start with a message naming the variable (see ``load``).
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "spendwatch"


class ConfigError(RuntimeError):
    """A setting that cannot be used; the message names the environment variable."""


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SPENDWATCH_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str = ""  # empty: SQLite file in data_dir
    broker_url: str = ""  # empty: tasks run in process (Celery eager mode)
    secret_key: str = ""  # Fernet key(s), comma separated, newest first; empty: key file in data_dir
    smtp_host: str = "localhost"
    smtp_port: int = Field(default=25, ge=1, le=65535)
    smtp_tls: str = "none"  # none | starttls | ssl
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_from: str = "spendwatch@localhost"
    smtp_timeout_s: float = Field(default=30.0, gt=0)
    poll_interval_s: int = Field(default=300, ge=10, le=86400 * 7)  # of a new mailbox, unless it says
    # Mails handled together: UIDs per IMAP FETCH and ids per process task (tasks.jobs). 200
    # rather than 100: the end-to-end CPU per mail fell 13% (bench/pipeline_e2e.py's setup,
    # docs/benchmarks.md); a batch holds at most this many mails in memory, each under
    # max_message_bytes.
    fetch_batch: int = Field(default=200, ge=1, le=1000)
    max_message_bytes: int = Field(default=5 * 1024 * 1024, ge=64 * 1024)
    max_attempts: int = Field(default=5, ge=1)  # an e-mail that fails (or kills the worker) this often is quarantined
    # An alert whose target keeps failing transiently (server down, 4xx) is retried with
    # backoff capped at 1 h: 60 attempts span about 2.2 days (2 days 5 h) of outage before
    # it is given up. Permanent errors (5xx, bad address) stop at once.
    max_delivery_attempts: int = Field(default=60, ge=1)
    # Delivery backoff: the wait after the first failed send, doubled after each further one.
    retry_backoff_s: float = Field(default=30.0, gt=0)
    # Sweep: pending e-mails older than this, and alerts claimed longer ago than the send
    # timeout (it must exceed the longest send, SMTP timeout included), are handed out again.
    sweep_grace_s: float = Field(default=60.0, gt=0)
    sweep_sending_timeout_s: float = Field(default=600.0, gt=0)
    trusted_authserv_ids: str = ""  # comma separated; Authentication-Results from these count
    outbox_dir: str = ""  # when set, alerts are written as .eml files here instead of SMTP
    imap_cafile: str = ""  # CA bundle for IMAP servers with a private CA (self-hosted)
    # Mailbox hosts on loopback, private or link-local addresses: yes for one person's install
    # (a local Dovecot, a bridge on 127.0.0.1); false on one shared by several users, so no
    # user can make the worker connect inside its network (pipeline.hosts).
    mailbox_private_hosts: bool = True
    # Level of spendwatch's own log on the CLI's stderr (see pipeline.cli.configure_logging);
    # the Celery worker and beat take theirs from celery's `-l`.
    log_level: str = "INFO"
    # Freeze the service's "now" (ISO 8601 with offset): replaying old mail as of a date,
    # and the demo, whose bundled alerts are from November 2026.
    clock: datetime | None = None

    @field_validator("clock")
    @classmethod
    def _aware(cls, v: datetime | None) -> datetime | None:
        if v is not None and v.tzinfo is None:
            raise ValueError("must carry a UTC offset, e.g. 2026-11-21T20:00:00+04:00")
        return v

    @field_validator("log_level")
    @classmethod
    def _level(cls, v: str) -> str:
        # Named levels only: logging.getLevelName("LOUD") answers "Level LOUD" instead of failing,
        # and a typo must stop the program at start like any other wrong value.
        name = v.strip().upper()
        if name not in LOG_LEVELS:
            raise ValueError("must be one of " + ", ".join(LOG_LEVELS))
        return name

    @field_validator("smtp_tls")
    @classmethod
    def _tls(cls, v: str) -> str:
        if v not in {"none", "starttls", "ssl"}:
            raise ValueError("must be one of none, starttls, ssl")
        return v

    @field_validator("database_url")
    @classmethod
    def _url(cls, v: str) -> str:
        if v and "://" not in v:
            raise ValueError("must be a URL such as postgresql+psycopg2://user:password@host/db")
        if v.startswith("postgres://"):
            # SQLAlchemy knows no "postgres" dialect; the common Heroku-style URL means this.
            v = "postgresql+psycopg2://" + v.split("://", 1)[1]
        return v

    @field_validator("broker_url")
    @classmethod
    def _broker(cls, v: str) -> str:
        if v and "://" not in v:
            raise ValueError("must be a URL such as redis://host:6379/0")
        return v

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'spendwatch.db'}"

    @property
    def embedded(self) -> bool:
        """The embedded default: SQLite, tasks in process."""
        return not self.broker_url

    @property
    def trusted_ids(self) -> tuple[str, ...]:
        return tuple(x.strip().lower() for x in self.trusted_authserv_ids.split(",") if x.strip())


_NOT_ECHOED = frozenset({"SPENDWATCH_DATABASE_URL", "SPENDWATCH_BROKER_URL", "SPENDWATCH_SECRET_KEY",
                         "SPENDWATCH_SMTP_PASSWORD"})


def load() -> Settings:
    """Read the environment; turn pydantic's error into one naming the variable."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            var = "SPENDWATCH_" + str(err["loc"][0]).upper() if err["loc"] else "SPENDWATCH_*"
            shown = "" if var in _NOT_ECHOED else f" (got {err.get('input')!r})"  # a URL may hold a password
            problems.append(f"{var}: {err['msg']}{shown}")
        raise ConfigError("invalid configuration: " + "; ".join(problems)) from None


@lru_cache(maxsize=1)
def get() -> Settings:
    return load()


def reset() -> None:
    """Forget cached settings (tests and the demo change the environment)."""
    get.cache_clear()


def now() -> datetime:
    """The service's clock: the real time unless SPENDWATCH_CLOCK freezes it."""
    frozen = get().clock
    return frozen if frozen is not None else datetime.now(timezone.utc)
