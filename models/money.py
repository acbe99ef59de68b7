"""Money as Decimal quantized to the currency's minor units; stored as integer minor units.

Storing integers keeps SUM and ``spent = spent + x`` exact on PostgreSQL and on SQLite
(whose NUMERIC affinity would silently turn decimals into binary floats).
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import lru_cache

from babel.numbers import get_currency_precision, is_currency


class MoneyError(ValueError):
    """An amount or currency that cannot be money."""


@lru_cache(maxsize=512)
def minor_digits(currency: str) -> int:
    """Digits after the decimal point for an ISO 4217 code (OMR 3, JPY 0, USD 2)."""
    code = currency.upper()
    if not is_currency(code):
        raise MoneyError(f"unknown currency code {currency!r}")
    return int(get_currency_precision(code))


MAX_AMOUNT = Decimal(10) ** 15


def quantize(amount: Decimal | str | int, currency: str) -> Decimal:
    """Round an amount to the currency's minor units, refusing floats and garbage."""
    if isinstance(amount, float):  # a float has already lost the exact amount
        raise MoneyError("money must not be a float")
    try:
        value = amount if isinstance(amount, Decimal) else Decimal(str(amount).strip())
    except InvalidOperation as exc:
        raise MoneyError(f"not an amount: {amount!r}") from exc
    if not value.is_finite():
        raise MoneyError(f"not a finite amount: {amount!r}")
    if abs(value) >= MAX_AMOUNT:
        # Stored as integer minor units in a 64-bit column; nobody's alert is this large.
        raise MoneyError(f"implausibly large amount: {amount!r}")
    exp = Decimal(1).scaleb(-minor_digits(currency))
    try:
        return value.quantize(exp, rounding=ROUND_HALF_EVEN)
    except InvalidOperation as exc:
        raise MoneyError(f"not an amount: {amount!r}") from exc


def to_minor(amount: Decimal | str | int, currency: str) -> int:
    """Decimal amount -> integer count of minor units (10.561 OMR -> 10561)."""
    q = quantize(amount, currency)
    return int(q.scaleb(minor_digits(currency)))


def from_minor(minor: int, currency: str) -> Decimal:
    """Integer minor units -> Decimal quantized to the currency (10561 OMR -> 10.561)."""
    digits = minor_digits(currency)
    return Decimal(int(minor)).scaleb(-digits).quantize(Decimal(1).scaleb(-digits))


def fmt(amount: Decimal, currency: str) -> str:
    """Plain text money for humans: ``OMR 10.561``."""
    return f"{currency} {quantize(amount, currency):,}"
