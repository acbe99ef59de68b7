"""Reading FETCH replies (pipeline.mailbox.header_replies / body_replies), pure code.

Each reply is built the way imapclient builds it: the server's bytes through
imapclient.response_parser.parse_fetch_response, as IMAPClient.fetch does. Servers differ
in how they echo a section (RFC 3501: header field names are astrings, so Courier-IMAP
quotes them) and may answer NIL; none of that may make a bank alert look like private
mail, or raise.
"""

from __future__ import annotations

from typing import Any

import pytest
from imapclient.response_parser import parse_fetch_response

from pipeline.ingest import info_of
from pipeline.mailbox import body_replies, header_replies

HEAD = (b"From: Bank Muscat <NOREPLY@bankmuscat.com>\r\nMessage-ID: <a@bankmuscat.com>\r\n"
        b"Date: Mon, 02 Nov 2026 08:00:00 +0000\r\nSubject: Card used\r\n\r\n")


def reply(*lines: Any) -> Any:
    """What IMAPClient.fetch returns for these untagged FETCH lines (a literal as a (line, bytes) pair)."""
    return parse_fetch_response(list(lines), uid_is_key=True)


def with_literal(prefix: bytes, literal: bytes) -> tuple[tuple[bytes, bytes], bytes]:
    return (prefix + b" {%d}" % len(literal), literal), b")"


@pytest.mark.parametrize("section", [
    b"BODY[HEADER.FIELDS (FROM SENDER MESSAGE-ID DATE SUBJECT)]",  # Dovecot
    b'BODY[HEADER.FIELDS ("FROM" "SENDER" "MESSAGE-ID" "DATE" "SUBJECT")]',  # Courier-IMAP: quoted astrings
    b"BODY[HEADER.FIELDS (From Sender Message-ID Date Subject)]",  # the case the client asked in
    b"BODY[HEADER.FIELDS (\"From\" SENDER \"Message-Id\" DATE SUBJECT)]",
])
def test_the_header_item_is_found_however_the_server_echoes_its_field_names(section):
    data = reply(*with_literal(b"4 (UID 17 RFC822.SIZE 2048 " + section, HEAD))
    heads = header_replies(data)
    assert list(heads) == [17]
    h = heads[17]
    assert (h.sender, h.sender_domain, info_of(h.parsed).message_id, h.size) == (
        "noreply@bankmuscat.com", "bankmuscat.com", "<a@bankmuscat.com>", 2048)


def test_a_reply_without_our_header_item_leaves_the_uid_out():
    # An unsolicited FETCH (a flag change by another client) and a NIL section: neither is
    # a header block to judge, so the UID is missing and the caller must not pass it over.
    data = reply(b"5 (FLAGS (\\Seen))",
                 b"6 (UID 21 RFC822.SIZE 99 BODY[HEADER.FIELDS (FROM SENDER MESSAGE-ID DATE SUBJECT)] NIL)")
    assert header_replies(data) == {}


@pytest.mark.parametrize("date", [
    b"Thu, 01 Jan 99999999999999999999 00:00:00 +0000",  # year beyond any integer datetime takes
    b"Thu, 01 Jan 2026 00:00:00 +99999999999999999999",  # offset likewise
    b"Thu, 01 Jan 2026 99999999999999999999:00:00 +0000",
    b"Fri, 31 Dec 9999 23:59:59 -2359",  # representable, but not in UTC
    b"\xff\xfe not a date at all",
])
def test_a_hostile_date_is_no_date_and_the_sender_is_still_read(date):
    head = b"From: NOREPLY@bankmuscat.com\r\nDate: " + date + b"\r\nSubject: x\r\n\r\n"
    data = reply(*with_literal(b"1 (UID 3 RFC822.SIZE 10 BODY[HEADER.FIELDS (FROM SENDER MESSAGE-ID DATE SUBJECT)]",
                               head))
    h = header_replies(data)[3]
    assert h.sender == "noreply@bankmuscat.com"
    date = info_of(h.parsed).date
    assert date is None or date.year == 9999


def test_one_unreadable_header_block_does_not_cost_the_others():
    bad = b"From: NOREPLY@bankmuscat.com\r\nDate: Thu, 01 Jan 99999999999999999999 00:00:00 +0000\r\n\r\n"
    section = b"BODY[HEADER.FIELDS (FROM SENDER MESSAGE-ID DATE SUBJECT)]"
    data = reply(*with_literal(b"1 (UID 1 RFC822.SIZE 10 " + section, bad),
                 *with_literal(b"2 (UID 2 RFC822.SIZE 10 " + section, HEAD))
    assert {u: h.sender for u, h in header_replies(data).items()} == {
        1: "noreply@bankmuscat.com", 2: "noreply@bankmuscat.com"}


def test_a_nil_body_is_a_missing_body_not_an_exception():
    data = reply(b"1 (UID 7 BODY[] NIL)", *with_literal(b"2 (UID 8 BODY[]", b"From: x@y\r\n\r\nhi\r\n"),
                 b"3 (FLAGS (\\Seen))")
    assert body_replies(data) == {8: b"From: x@y\r\n\r\nhi\r\n"}
