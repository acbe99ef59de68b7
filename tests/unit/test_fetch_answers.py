"""pipeline.fetch_answers: the fast reading gives what imapclient's parser gives, or steps aside."""

from __future__ import annotations

from typing import Any

import pytest
from imapclient.response_parser import parse_fetch_response

from pipeline.fetch_answers import read, read_simple

HEAD = b"From: Bank <alerts@bank.example>\r\nSubject: Card used\r\n\r\n"
BODY = b"From: Bank <alerts@bank.example>\r\n\r\nYour card was used (OMR 1.500) {not a literal}\r\n)"
HEADER_KEY = b"BODY[HEADER.FIELDS (FROM SENDER MESSAGE-ID DATE SUBJECT)]"


def answer(*mails: tuple[int, int, bytes, bytes]) -> list[Any]:
    """imaplib's untagged FETCH data: (line, literal) and the closing b')' per mail."""
    data: list[Any] = []
    for seq, uid, items, literal in mails:
        data += [(b"%d (UID %d %s {%d}" % (seq, uid, items, len(literal)), literal), b")"]
    return data


SIMPLE = {
    "headers": answer((1, 7, b"RFC822.SIZE 2345 " + HEADER_KEY, HEAD), (2, 9, b"RFC822.SIZE 12 " + HEADER_KEY, HEAD)),
    "bodies": answer((1, 7, b"BODY[]", BODY), (5, 12, b"BODY[]", b"")),
}


@pytest.mark.parametrize("name", sorted(SIMPLE))
def test_the_simple_shape_reads_as_imapclient_reads_it(name: str) -> None:
    data = SIMPLE[name]
    fast = read_simple(data)
    assert fast is not None and fast == parse_fetch_response(data, True, True)
    assert read(data) == fast


ODD = {
    "flags in the answer": [(b"1 (UID 7 FLAGS (\\Seen) BODY[] {%d}" % len(BODY), BODY), b")"],
    "an unsolicited FETCH between": [*answer((1, 7, b"BODY[]", BODY)), b"3 (FLAGS (\\Seen))", *answer((2, 8, b"BODY[]", BODY))],
    "a NIL section": [b"1 (UID 7 BODY[] NIL)"],
    "items after the literal": [(b"1 (BODY[] {%d}" % len(BODY), BODY), b" UID 7)"],
    "a literal shorter than announced": [(b"1 (UID 7 BODY[] {999}", BODY), b")"],
    "no UID": [(b"1 (RFC822.SIZE 3 BODY[] {%d}" % len(BODY), BODY), b")"],
    "a UID twice": [*answer((1, 7, b"BODY[]", BODY)), *answer((2, 7, b"BODY[]", BODY))],
    "an item it does not know": [(b"1 (UID 7 MODSEQ 5 BODY[] {%d}" % len(BODY), BODY), b")"],
    "quoted field names (Courier)": [(b'1 (UID 7 BODY[HEADER.FIELDS ("FROM" "DATE")] {%d}' % len(HEAD), HEAD), b")"],
}


@pytest.mark.parametrize("name", sorted(ODD))
def test_any_other_answer_goes_to_imapclients_parser(name: str) -> None:
    data = ODD[name]
    assert read_simple(data) is None
    try:
        expected = parse_fetch_response(data, True, True)
    except Exception as exc:  # noqa: BLE001 - then read must fail the same way
        with pytest.raises(type(exc)):
            read(data)
        return
    assert read(data) == expected


def test_an_empty_answer_is_empty() -> None:
    assert read_simple([]) is None and read([]) == {}
