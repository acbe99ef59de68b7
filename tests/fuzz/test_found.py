"""Regressions: the pipeline bugs the fuzzer found, each as the smallest input that showed it.

1. ``store_raw`` raised OverflowError on a Date header with a 20-digit year (stdlib
   ``parsedate_to_datetime``), and StatementError on a date whose UTC form is outside
   datetime's range ("Fri, 31 Dec 9999 23:59:59 -2359"): the e-mail was never stored.
2. On PostgreSQL, ``store_raw`` raised on a NUL byte in a header (text columns refuse
   NUL): the e-mail was never stored.
3. On PostgreSQL, a parsed merchant with a NUL, or longer than its column, failed the
   whole e-mail ("processing failed: DataError"); SQLite stored it.
4. Three e-mails with one Message-ID: A, then B (another transaction), then B's bytes
   changed elsewhere (same transaction as B). The twin lookup took the first twin (A),
   saw another fingerprint and inserted a second B: the unique key refused it and the
   e-mail stayed pending, retried until quarantined, instead of ``duplicate``.
5. On PostgreSQL, a status reason that quotes the mail (the suspicious reason names the
   sender's domain) with a NUL in it failed the e-mail ("processing failed: ValueError").
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from models import RawEmail, Transaction
from pipeline import config, db, ingest
from tests.fuzz import harness

BASE = (
    "Authentication-Results: mx.spendwatch.test; dkim=pass header.d=bankmuscat.com header.s=sel1\r\n"
    "From: NOREPLY@bankmuscat.com\r\nTo: customer@example.invalid\r\nSubject: Account Transaction\r\n"
    "Date: Thu, 19 Nov 2026 09:30:00 +0000\r\nMessage-ID: {mid}\r\nMIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    "Dear Customer,\r\nYour Debit card number 4921**** ****7305 has been utilised as follows:\r\n\r\n"
    "Account number : xxxx4411\r\nDescription : 512207-{merchant}\r\nAmount : OMR {amount}\r\n"
    "Date/Time : 19 NOV 26 13:30\r\nTransaction Country : Oman\r\n\r\nKind Regards,\r\nBank Muscat\r\n{tail}"
)


def alert(amount: str = "4.250", merchant: str = "FUZZ MART", mid: str = "<t-1@bankmuscat.com>",
          tail: str = "") -> bytes:
    return BASE.format(amount=amount, merchant=merchant, mid=mid, tail=tail).encode()


def _open(monkeypatch: pytest.MonkeyPatch, url: str, data_dir: str) -> harness.Store:
    for key, value in harness.configure_env(url, data_dir).items():
        monkeypatch.setenv(key, value)
    return harness.open_store(url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def store(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path) -> Iterator[harness.Store]:
    if request.param == "sqlite":
        url = harness.sqlite_url(str(tmp_path))
    else:
        url = request.getfixturevalue("pg_fresh_url")
    s = _open(monkeypatch, url, str(tmp_path / "data"))
    yield s
    s.close()
    config.reset()
    db.reset()


def _row(store: harness.Store, raw: bytes) -> RawEmail:
    with store.factory() as s:
        row = s.scalar(select(RawEmail).where(RawEmail.sha256 == ingest.sha256(raw)))
        assert row is not None
        return row


def test_the_base_alert_is_a_transaction(store: harness.Store) -> None:
    raw = alert()
    assert store.run(raw).status == "transaction"


@pytest.mark.parametrize("date", [
    "Thu, 01 Jan 99999999999999999999 00:00:00 +0000",
    "Fri, 31 Dec 9999 23:59:59 -2359",
    "Thu, 01 Jan 1970 00:00:00 +99999999",
])
def test_a_date_header_out_of_range_is_stored_without_a_date(store: harness.Store, date: str) -> None:
    raw = alert().replace(b"Thu, 19 Nov 2026 09:30:00 +0000", date.encode())
    assert ingest.header_info(raw).date is None
    out = store.run(raw)
    assert out.problem is None and out.status in harness.FINAL, out


def test_nul_and_undecodable_bytes_in_headers_are_stored(store: harness.Store) -> None:
    raw = alert().replace(b"Subject: Account Transaction", b"Subject: Account\x00 Trans\xff\xfeaction")
    raw = raw.replace(b"Message-ID: <t-1@bankmuscat.com>", b"Message-ID: <t-\x00nul@bankmuscat.com>")
    out = store.run(raw)
    assert out.problem is None and out.status in harness.FINAL, out
    row = _row(store, raw)
    assert "\x00" not in (row.subject or "") + (row.message_id or "")


def test_nul_and_overlong_parsed_text_fit_the_columns(store: harness.Store) -> None:
    for i, merchant in enumerate(["NUL\x00SHOP", "LONG " + "X" * 3000]):
        raw = alert(amount=f"1.{i}00", merchant=merchant, mid=f"<fit-{i}@bankmuscat.com>")
        out = store.run(raw)
        assert out.status == "transaction", (merchant[:20], out, _row(store, raw).reason)
    with store.factory() as s:
        names = [t.merchant_raw or "" for t in s.scalars(select(Transaction))]
    assert all("\x00" not in n and len(n) <= 500 for n in names), names


def test_a_twin_of_the_second_of_two_reused_message_ids_is_a_duplicate(store: harness.Store) -> None:
    mid = "<reused@bankmuscat.com>"
    a = alert("4.250", "SHOP A", mid)
    b = alert("9.000", "SHOP B", mid)  # the bank reused the Message-ID for another transaction
    b_again = alert("9.000", "SHOP B", mid, tail="\r\n-- \r\nforwarded copy\r\n")  # B again, other bytes
    assert [store.run(x).status for x in (a, b, b_again)] == ["transaction", "transaction", "duplicate"]
    assert store.verify() == []


def test_a_reason_quoting_a_nul_from_the_mail_is_stored(store: harness.Store) -> None:
    """The suspicious reason quotes the sender's domain, NUL included (5. in the list above)."""
    raw = alert().replace(b"From: NOREPLY@bankmuscat.com", b"From: NOREPLY@bankmuscat.com\x00")
    out = store.run(raw)
    assert out.status == "suspicious", (out, _row(store, raw).reason)
    assert "\x00" not in (_row(store, raw).reason or "")


def test_an_alert_dated_at_the_edge_of_the_calendar_is_counted_at_its_arrival(store: harness.Store) -> None:
    # No printed time: the parser takes the Date header, 9999-12-31 at -23:59, which
    # overflows converting to UTC. It was "processing failed: OverflowError".
    raw = alert().replace(b"Date/Time : 19 NOV 26 13:30\r\n", b"")
    raw = raw.replace(b"Thu, 19 Nov 2026 09:30:00 +0000", b"Fri, 31 Dec 9999 23:59:59 -2359")
    out = store.run(raw)
    assert out.problem is None and out.status == "transaction", out
    with store.factory() as s:
        t = s.scalar(select(Transaction))
        assert t is not None and t.occurred_at.year < 9999


def test_html_with_code_points_lxml_refuses_is_still_read() -> None:
    from parsers import parse_message

    html = "<p>Amount : OMR 4.250\ufffe<br>\ud800 Description : 512207-FUZZ MART</p>"
    raw = alert().replace(b"Content-Type: text/plain", b"Content-Type: text/html")
    body = raw.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n" + html.encode("utf-8", "surrogatepass")
    result = parse_message(body)
    assert result.reason
