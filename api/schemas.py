"""Request bodies (pydantic). Amounts come in as strings or numbers and leave as strings.

A JSON number is read through ``str`` (``12.5`` -> ``"12.5"``); a number with more
significant digits than a float carries exactly is refused rather than rounded.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    field_validator,
    model_validator,
)

from models.money import MAX_AMOUNT, MoneyError, minor_digits

FLOAT_DIGITS = 15  # a double holds 15 significant decimal digits exactly


def money_in(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError("must be an amount such as \"12.500\"")
    if isinstance(value, float):
        text = repr(value)
        amount = Decimal(text)
        if len(amount.as_tuple().digits) > FLOAT_DIGITS:
            raise ValueError("too many digits for a JSON number: send the amount as a string")
    elif isinstance(value, (int, Decimal)):
        amount = Decimal(value)
    elif isinstance(value, str):
        try:
            amount = Decimal(value.strip().replace(",", ""))
        except InvalidOperation:
            raise ValueError(f"not an amount: {value!r}") from None
    else:
        raise ValueError("must be an amount such as \"12.500\"")
    if not amount.is_finite():
        raise ValueError("must be a finite amount")
    if amount <= 0:
        raise ValueError("must be greater than zero")
    if amount >= MAX_AMOUNT:  # stored as 64-bit minor units; checked here, not in the database
        raise ValueError(f"must be less than {MAX_AMOUNT:,}")
    return amount


Money = Annotated[Decimal, BeforeValidator(money_in)]


def not_blank(v: str) -> str:
    """A name: stripped, and not empty after that."""
    if not v.strip():
        raise ValueError("must not be blank")
    return v.strip()


def check_minor(amount: Decimal, currency: str) -> None:
    """An amount may not have more decimals than the currency (OMR 3, USD 2, JPY 0)."""
    digits = minor_digits(currency)
    exponent = amount.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > digits:
        raise ValueError(f"amount: {currency} has {digits} decimal places, got {amount}")


# A database id: 64-bit; a larger number is a 422 here, not an overflow in the driver.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]


def _currency(v: str) -> str:
    code = v.strip().upper()
    try:
        minor_digits(code)
    except MoneyError as exc:
        raise ValueError(str(exc)) from None
    return code


def thresholds_ok(v: list[int] | None) -> list[int] | None:
    if v is None:
        return None
    if not v or any(t < 1 or t > 1000 for t in v):
        raise ValueError("thresholds: percents between 1 and 1000, at least one")
    return sorted(set(v))


Period = Literal["custom", "weekly", "monthly", "yearly"]


class BudgetIn(BaseModel):
    """The seed contract (name, amount, start_date, end_date, category_ids) and more."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    amount: Money
    start_date: date | None = None
    end_date: date | None = None
    category_ids: list[Id] = Field(default_factory=list)
    currency: str = "OMR"
    period: Period | None = None  # default: custom when dates are given, else monthly
    # Monthly/yearly: the day the period starts (31 falls on a short month's last day).
    # Weekly: the weekday it starts on, 1 = Monday .. 7 = Sunday; omitted = the user's week start.
    anchor_day: int | None = Field(default=None, ge=1, le=31)
    anchor_month: int = Field(default=1, ge=1, le=12)
    thresholds: list[int] = Field(default_factory=lambda: [50, 80, 100])
    rollover: bool = False
    account_mask: str | None = Field(default=None, max_length=64)
    active: bool = True

    @field_validator("currency")
    @classmethod
    def _cur(cls, v: str) -> str:
        return _currency(v)

    @field_validator("thresholds")
    @classmethod
    def _thr(cls, v: list[int]) -> list[int]:
        return thresholds_ok(v) or []

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        return not_blank(v)

    @model_validator(mode="after")
    def _dates(self) -> BudgetIn:
        if self.period is None:
            self.period = "custom" if (self.start_date or self.end_date) else "monthly"
        if self.period == "custom":
            if self.start_date is None or self.end_date is None:
                raise ValueError("start_date and end_date: a custom budget needs both")
            if self.end_date < self.start_date:
                raise ValueError("end_date: before start_date")
        if self.period == "weekly" and self.anchor_day is not None and self.anchor_day > 7:
            raise ValueError("anchor_day: for a weekly budget, the weekday it starts on (1 = Monday .. 7 = Sunday)")
        check_minor(self.amount, self.currency)
        return self


class BudgetPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    amount: Money | None = None
    start_date: date | None = None
    end_date: date | None = None
    category_ids: list[Id] | None = None
    thresholds: list[int] | None = None
    rollover: bool | None = None
    account_mask: str | None = Field(default=None, max_length=64)
    active: bool | None = None

    @field_validator("thresholds")
    @classmethod
    def _thr(cls, v: list[int] | None) -> list[int] | None:
        return thresholds_ok(v)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str | None) -> str | None:
        return None if v is None else not_blank(v)


class CategoryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        return not_blank(v)


class TransactionPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category_id: Id | None = None
    is_transfer: bool | None = None
    is_income: bool | None = None
    excluded: bool | None = None
    display_name: str | None = Field(default=None, max_length=500)


class AccountPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    nickname: str | None = Field(default=None, max_length=200)
    is_own: bool | None = None


TlsMode = Literal["ssl", "starttls", "plain"]
MailAction = Literal["none", "seen", "move"]


def host_name(v: str) -> str:
    """A host name or IP literal the IMAP connection can use: checked here, not at the first poll."""
    v = v.strip()
    if not v or any(ch.isspace() or not ch.isprintable() for ch in v):
        raise ValueError("host: a host name or IP address, without spaces or control characters")
    try:
        v.encode("idna")  # labels of 1-63 characters, as the connection will encode it
    except UnicodeError as exc:
        raise ValueError(f"host: not a valid host name ({exc})") from None
    return v


class MailboxIn(BaseModel):
    """The password is write-only: stored encrypted, never returned."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    host: str = Field(min_length=1, max_length=255)
    port: int = Field(default=993, ge=1, le=65535)
    tls_mode: TlsMode = "ssl"
    tls_verify: bool = True
    username: str = Field(min_length=1, max_length=320)
    password: SecretStr
    folders: list[str] = Field(default_factory=lambda: ["INBOX"], min_length=1)
    sender_filter: list[str] = Field(default_factory=list)
    trusted_authserv_ids: list[str] = Field(default_factory=list)
    accept_forwarded: bool = False
    action: MailAction = "none"
    action_folder: str | None = Field(default=None, max_length=255)
    # Omitted: SPENDWATCH_POLL_INTERVAL_S (300 unless set), the installation's default.
    poll_interval_s: int | None = Field(default=None, ge=10, le=86400 * 7)
    enabled: bool = True

    @field_validator("host")
    @classmethod
    def _host(cls, v: str) -> str:
        return host_name(v)

    @model_validator(mode="after")
    def _move_needs_folder(self) -> MailboxIn:
        if self.action == "move" and not self.action_folder:
            raise ValueError("action_folder: required when action is move")
        return self


class MailboxPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    host: str | None = Field(default=None, min_length=1, max_length=255)
    port: int | None = Field(default=None, ge=1, le=65535)
    tls_mode: TlsMode | None = None
    tls_verify: bool | None = None
    username: str | None = Field(default=None, min_length=1, max_length=320)
    password: SecretStr | None = None
    folders: list[str] | None = None
    sender_filter: list[str] | None = None
    trusted_authserv_ids: list[str] | None = None
    accept_forwarded: bool | None = None
    action: MailAction | None = None
    action_folder: str | None = None
    poll_interval_s: int | None = Field(default=None, ge=10, le=86400 * 7)
    enabled: bool | None = None

    @field_validator("host")
    @classmethod
    def _host(cls, v: str | None) -> str | None:
        return None if v is None else host_name(v)
