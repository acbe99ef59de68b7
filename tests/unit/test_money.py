from decimal import Decimal

import pytest

from models.money import MoneyError, from_minor, minor_digits, quantize, to_minor


@pytest.mark.parametrize(
    ("amount", "currency", "want"),
    [
        ("115", "OMR", Decimal("115.000")),
        ("0.1", "OMR", Decimal("0.100")),
        ("120.000", "OMR", Decimal("120.000")),
        ("1234.5", "USD", Decimal("1234.50")),
        ("1500", "JPY", Decimal("1500")),
        ("0.0005", "OMR", Decimal("0.000")),  # banker's rounding at the minor unit
        ("0.0015", "OMR", Decimal("0.002")),
    ],
)
def test_quantize(amount, currency, want):
    got = quantize(amount, currency)
    assert got == want and str(got) == str(want)


@pytest.mark.parametrize(("currency", "digits"), [("OMR", 3), ("KWD", 3), ("USD", 2), ("INR", 2), ("JPY", 0), ("VND", 0)])
def test_minor_digits(currency, digits):
    assert minor_digits(currency) == digits


def test_minor_round_trip_is_exact():
    for text in ("10.561", "0.001", "999999999.999"):
        assert from_minor(to_minor(text, "OMR"), "OMR") == Decimal(text)
    assert to_minor("10.561", "OMR") == 10561


def test_floats_and_garbage_are_refused():
    with pytest.raises(MoneyError, match="float"):
        quantize(1.5, "OMR")  # type: ignore[arg-type]
    with pytest.raises(MoneyError, match="not an amount"):
        quantize("1,5x", "OMR")
    with pytest.raises(MoneyError, match="unknown currency"):
        quantize("1", "XYZ1")
    with pytest.raises(MoneyError, match="finite"):
        quantize("NaN", "OMR")
