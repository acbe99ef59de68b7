"""Property: whole messages, arbitrary or mangled, through ``parse_message``.

Whatever bytes arrive (random, or a golden fixture with bits flipped, cut short, its
charset label swapped or its headers blown up), ``parse_message`` returns a result with
a status and a reason and never a float; the only exception it may raise is the
package's own (``UnknownParser`` for a wrong parser name, not used here).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import parse_message
from parsers.base import ParseResult, Status
from tests import golden

FIXTURES = [p.read_bytes() for p in golden.fixtures()]
CHARSETS = [b"utf-8", b"windows-1256", b"iso-8859-1", b"x-unknown", b"utf-16", b"", b"\"", b"gb2312"]


def check(result: ParseResult) -> None:
    assert isinstance(result.status, Status)
    assert result.reason
    if result.status is Status.TRANSACTION:
        assert result.transaction is not None
        assert isinstance(result.transaction.amount, Decimal) and result.transaction.amount > 0
    else:
        assert result.transaction is None
    # The JSON form (what `spendwatch parse --json` prints) carries no float anywhere.
    text = json.dumps(result.to_json())
    assert not any(isinstance(v, float) for v in _leaves(json.loads(text)))


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _leaves(v)]
    if isinstance(value, list):
        return [x for v in value for x in _leaves(v)]
    return [value]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    raw = bytearray(draw(st.sampled_from(FIXTURES)))
    for _ in range(draw(st.integers(0, 3))):
        op = draw(st.sampled_from(["flip", "truncate", "charset", "header", "nest", "html"]))
        if op == "flip" and raw:
            i = draw(st.integers(0, len(raw) - 1))
            raw[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate" and raw:
            del raw[draw(st.integers(0, len(raw))):]
        elif op == "charset":
            raw = bytearray(re.sub(rb"charset=[\w\"-]*", b"charset=" + draw(st.sampled_from(CHARSETS)), bytes(raw)))
        elif op == "header":
            raw[0:0] = b"X-Huge: " + b"A" * draw(st.integers(1000, 100_000)) + b"\r\n"
        elif op == "nest":
            raw[0:0] = (b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n' * draw(st.integers(1, 40)))
        elif op == "html":
            raw += b"<div>" * draw(st.integers(100, 5000)) + b"OMR 1.000 debited"
    return bytes(raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_mutated_fixtures_always_get_a_status(raw: bytes) -> None:
    check(parse_message(raw, trusted_authserv_ids=golden.TRUSTED))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_always_get_a_status(raw: bytes) -> None:
    check(parse_message(raw))


def test_the_unmutated_fixtures_still_parse() -> None:
    # Guards the property above against a strategy that mangles everything into noise.
    statuses = {parse_message(raw, trusted_authserv_ids=golden.TRUSTED).status for raw in FIXTURES}
    assert Status.TRANSACTION in statuses and Status.NOT_TRANSACTION in statuses
