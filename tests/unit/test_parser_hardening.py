"""Inputs the fuzzer found crashing the parsers: each now gets a status and a reason."""

from __future__ import annotations

import pytest

from parsers import parse_message
from parsers.base import Status

HEAD = ("From: NOREPLY@bankmuscat.com\r\nTo: owner@spendwatch.test\r\nSubject: Account Transaction\r\n"
        "Message-ID: <h@fixtures.spendwatch.test>\r\nMIME-Version: 1.0\r\n")
CARD = ("Dear Customer, Your Debit card number 4921**** ****7305 has been utilised as follows:\n"
        "Account number : xxxx4411\nDescription : 512207-SAFFRON BAKERY\nAmount : OMR {amount}\n"
        "Date/Time : 14 OCT 26 08:12\nTransaction Country : Oman\nKind Regards, Bank Muscat\n")


def mail(body: str, *, date: str = "Wed, 14 Oct 2026 04:12:40 +0000", ctype: str = "text/plain; charset=utf-8",
         extra: str = "") -> bytes:
    return (HEAD + f"Date: {date}\r\nContent-Type: {ctype}\r\n{extra}\r\n" + body).encode("utf-8", "surrogateescape")


@pytest.mark.parametrize(("name", "raw", "status"), [
    ("NUL and control characters in HTML",
     mail("<p>" + CARD.format(amount="4.350").replace("\n", "<br>\x00\x01") + "</p>", ctype="text/html; charset=utf-8"),
     Status.TRANSACTION),
    ("a 20-digit year in the Date header", mail(CARD.format(amount="4.350"), date="Wed, 14 Oct 12345678901234567890 04:12:40 +0000"),
     Status.TRANSACTION),
    ("a Date header at the edge of datetime", mail(CARD.format(amount="4.350").replace("08:12", "").replace(
        "14 OCT 26", "31 DEC 99"), date="Fri, 31 Dec 9999 23:59:59 -2359"), None),
    ("a NUL in the charset parameter", mail(CARD.format(amount="4.350"), ctype="text/plain; charset=\"utf\x00-8\""), None),
    ("a 60-digit amount", mail(CARD.format(amount="9" * 60)), Status.UNRECOGNIZED),
    ("a zero amount", mail(CARD.format(amount="0&800")), Status.UNRECOGNIZED),
    ("5,000 encoded-words in the Subject",
     mail(CARD.format(amount="4.350"), extra="X-Pad: 1\r\n").replace(
         b"Subject: Account Transaction", b"Subject: " + b" ".join([b"=?utf-8?b?QQ==?="] * 5000)),
     Status.TRANSACTION),
])
def test_fuzzer_finds_get_a_status_and_a_reason(name: str, raw: bytes, status: Status | None) -> None:
    result = parse_message(raw)
    assert result.reason, name
    if status is not None:
        assert result.status is status, (name, result.reason)
    if result.status is Status.TRANSACTION:
        assert result.transaction is not None and result.transaction.amount > 0
    else:
        assert result.transaction is None
