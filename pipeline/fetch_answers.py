"""FETCH answers read quickly when they have the one shape our FETCHes get; imapclient's parser otherwise.

The headers and bodies FETCHes of a poll each ask for one section (and the size, and the
UID that UID FETCH adds), and a server answers each mail with one line and one literal:

    * 12 FETCH (UID 34 RFC822.SIZE 2345 BODY[HEADER.FIELDS (FROM ...)] {187}
    <187 bytes>)

imapclient reads such a line with a lexer in Python, a character at a time: 52 µs per mail
for a header answer and 26 for a body one, a fifth of the fetch step's CPU (measured on
the bench's alerts). ``read_simple`` reads exactly that shape with two regular
expressions, into the same dict imapclient gives; any other answer (flags in it, an
unsolicited FETCH, a NIL section, items after the literal, quoting, another order of
things it cannot be sure of) returns None, and the caller takes imapclient's parser for
the whole answer. Equality with it on real and odd answers: tests/unit/test_fetch_answers.py.
"""

from __future__ import annotations

import re
from typing import Any

from imapclient.response_parser import parse_fetch_response

# "<seq> (" then number-valued items ("UID 34 ", "RFC822.SIZE 2345 "), then one section with a literal.
_LINE = re.compile(rb"(\d+) \(((?:[A-Z][A-Z0-9.]* \d+ )*)(BODY\[[A-Z0-9.\- ()]*\]) \{(\d+)\}")
_PAIR = re.compile(rb"([A-Z][A-Z0-9.]*) (\d+) ")
# imapclient gives these as numbers; any other item goes to its parser (which knows its type).
_NUMBERS = frozenset({b"UID", b"RFC822.SIZE"})


def read(data: list[Any]) -> dict[int, dict[bytes, Any]]:
    """A UID FETCH answer (imaplib's untagged FETCH data) by UID, as imapclient's parse_fetch_response gives it."""
    return read_simple(data) or parse_fetch_response(data, True, True)


def read_simple(data: list[Any]) -> dict[int, dict[bytes, Any]] | None:
    """``read`` for answers of one line and one literal per mail; None for any other answer."""
    out: dict[int, dict[bytes, Any]] = {}
    pieces = iter(data)
    for piece in pieces:
        if not (isinstance(piece, tuple) and len(piece) == 2 and isinstance(piece[1], bytes)):
            return None
        line, literal = piece
        m = _LINE.fullmatch(line) if isinstance(line, bytes) else None
        if m is None or int(m[4]) != len(literal) or next(pieces, None) != b")":
            return None
        fields: dict[bytes, Any] = {b"SEQ": int(m[1])}
        for name, number in _PAIR.findall(m[2]):
            if name not in _NUMBERS or name in fields:
                return None
            fields[name] = int(number)
        uid = fields.pop(b"UID", None)  # the key, and not among the fields (as imapclient gives it)
        if uid is None or uid in out:
            return None
        fields[m[3]] = literal
        out[uid] = fields
    return out or None
