"""Property tests: any text, or a mangled alert, through the generic parser and the helpers.

Whatever comes in, the generic parser returns a ParseResult or raises a parsers.base
ParseError subclass; the helpers return their documented types; no float ever appears.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, timezone
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import amounts, dates, masks
from parsers.base import Alert, ParseError, ParseResult, Status
from parsers.generic import GENERIC
from parsers.negatives import non_transaction_reason

HEADER = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)

SEEDS = [
    "INR 1,250.00 debited from A/c XX4321 on 01-03-26 to VPA shop@bank. Avl Bal INR 9,000.00",
    "AED 85.50 was spent on your Credit Card 5123****9876 at GREEN GROCERS. Available limit AED 4,000.00",
    "تم خصم 5.250 ر.ع. من حسابك xxxx7788 لدى متجر",
    "KBANK: เงินเข้า 4,200.00 บาท บช x7788 คงเหลือ 12,350.75 บาท",
    "You have received Ksh1,500.00 from MARY 0712000111 on 1/3/26 at 9:15 AM. New balance is Ksh2,000.00.",
    "Compra de 1.234,56 MT na sua conta 1234567890123 a 01/03/2026, 13:41, LOJA",
    "Info: UPI/P2M/123456789012/SHOP NAME/ Value 01-03-26",
]
# Pieces alerts are made of: currency tokens, numbers in many conventions, masks, dates, words.
PIECES = st.sampled_from([
    "INR", "Rs.", "₹", "$", "US$", "€", "£", "OMR", "ر.ع.", "د.إ", "ر.س", "บาท", "฿", "৳", "₦", "Ksh", "Tsh", "MT",
    "1,234.56", "1.234,56", "1 234,56", "1,25,000.50", "٣٥٠٫٧٥", "0.000", "99999999999999999999.99", "1e5",
    "NaN", "Infinity", "-5", "XX1234", "4837**** ****1518", "ending 1234", "146******325", "31/02/25",
    "99/99/99", "22 JUN 25 20:29", "2025-13-45", "25:61", "debited", "credited", "spent at", "from", "to",
    "OTP", "declined", "refund", "Avl Bal", "fee", "total", "|", "\n", " ", ".", ",", "/", "-", ":", "@",
])


def check_result(result: object) -> None:
    assert isinstance(result, ParseResult)
    assert isinstance(result.status, Status)
    assert isinstance(result.reason, str)
    if result.status is Status.TRANSACTION:
        txn = result.transaction
        assert txn is not None
        assert isinstance(txn.amount, Decimal) and txn.amount > 0
        for f in fields(txn):
            assert not isinstance(getattr(txn, f.name), float), f.name
        for value in txn.to_json().values():
            assert not isinstance(value, float)
    else:
        assert result.transaction is None


def run_generic(text: str, subject: str = "") -> None:
    try:
        result = GENERIC.parse(Alert(text=text, subject=subject, date=HEADER))
    except ParseError:
        return
    check_result(result)


def check_helpers(text: str) -> None:
    for m in amounts.mentions(text):
        assert isinstance(m.amount, Decimal) and m.amount.is_finite()
        assert m.role in ("amount", "balance", "fee", "limit", "total")
    found = amounts.transaction_amount(text)
    assert found is None or isinstance(found.amount, Decimal)
    mask = masks.account_mask(text)
    assert mask is None or isinstance(mask, str)
    when = dates.find_datetime(text, HEADER)
    assert when is None or isinstance(when, datetime)
    day = dates.find_date(text, date(2026, 3, 2))
    assert day is None or isinstance(day[0], date)
    reason = non_transaction_reason(text)
    assert reason is None or isinstance(reason, str)


settings.register_profile("parsers", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("parsers")


@settings(max_examples=300)
@given(st.text(max_size=400), st.text(max_size=60))
def test_arbitrary_text(text: str, subject: str) -> None:
    run_generic(text, subject)
    check_helpers(text)


@settings(max_examples=300)
@given(st.lists(PIECES, max_size=30).map(" ".join))
def test_alert_shaped_noise(text: str) -> None:
    run_generic(text)
    check_helpers(text)


@settings(max_examples=300)
@given(st.sampled_from(SEEDS), st.lists(st.tuples(st.integers(0, 200), st.integers(0, 5), st.text(max_size=5)),
                                         max_size=6))
def test_mutated_alerts(seed: str, edits: list[tuple[int, int, str]]) -> None:
    text = seed
    for pos, cut, insert in edits:
        pos = min(pos, len(text))
        text = text[:pos] + insert + text[pos + cut:]
    run_generic(text)
    check_helpers(text)


@settings(max_examples=200)
@given(st.text(alphabet="0123456789.,٫٬' \u00a0", min_size=1, max_size=30))
def test_read_number_only_raises_its_own_error(printed: str) -> None:
    try:
        value = amounts.read_number(printed)
    except amounts.AmountError:
        return
    assert isinstance(value, Decimal)
