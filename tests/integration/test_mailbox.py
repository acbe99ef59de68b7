"""pipeline.mailbox against a real Dovecot: TLS modes, errors, cursors, PEEK, actions, IDLE."""

from __future__ import annotations

import logging
import socket
import threading
import time
import traceback
from collections.abc import Iterator
from datetime import datetime, timezone
from email.utils import format_datetime

import pytest
from imapclient.response_parser import parse_fetch_response

from pipeline.fetch_answers import read_simple
from pipeline.ingest import info_of
from pipeline.mailbox import _HEADER_FETCH, IMAPLIB_LOGGER, Mailbox, MailboxError
from tests.servers._util import free_port
from tests.servers.dovecot import CANARY_PASSWORD, Dovecot

pytestmark = pytest.mark.integration

SEEN = b"\\Seen"


def mail(n: int, sender: str = "alerts@bank.example", when: datetime | None = None) -> bytes:
    when = when or datetime(2026, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
    return (
        f"From: Card Alerts <{sender}>\r\n"
        "To: someone@example.invalid\r\n"
        f"Subject: Card used #{n}\r\n"
        f"Date: {format_datetime(when)}\r\n"
        f"Message-ID: <alert-{n}@bank.example>\r\n"
        "\r\n"
        f"Your card was used for {n}.250 at SHOP {n}.\r\n"
    ).encode()


def open_box(dovecot: Dovecot, user: str = "alice", mode: str = "starttls", **kw: object) -> Mailbox:
    port = dovecot.ssl_port if mode == "ssl" else dovecot.port
    return Mailbox.connect(dovecot.host, port, user, dovecot.password(user), tls_mode=mode,
                           cafile=str(dovecot.cafile), timeout=10, **kw)  # type: ignore[arg-type]


@pytest.fixture
def alice(dovecot: Dovecot) -> Iterator[Mailbox]:
    with open_box(dovecot) as box:
        yield box


# ------------------------------------------------------------------ connecting


@pytest.mark.parametrize("mode", ["plain", "starttls", "ssl"])
def test_every_tls_mode_logs_in_and_reads(dovecot, mode):
    uid = dovecot.append("alice", "INBOX", mail(1))
    with open_box(dovecot, mode=mode) as box:
        state = box.select("INBOX")
        assert state.exists == 1 and state.uidnext == uid + 1
        assert box.uids_after(0) == [uid]
        assert dict(box.bodies([uid]))[uid].startswith(b"From: Card Alerts")


def test_imaps_with_an_untrusted_certificate_is_a_permanent_error(dovecot):
    with pytest.raises(MailboxError) as err:
        Mailbox.connect(dovecot.host, dovecot.ssl_port, "alice", "secret", tls_mode="ssl", timeout=10)
    assert err.value.permanent
    assert "certificate not trusted" in str(err.value) and f"alice@127.0.0.1:{dovecot.ssl_port}" in str(err.value)


def test_unverified_tls_accepts_the_self_signed_certificate(dovecot):
    with Mailbox.connect(dovecot.host, dovecot.ssl_port, "alice", "secret", tls_mode="ssl", tls_verify=False,
                         timeout=10) as box:
        assert box.select("INBOX").exists == 0


def test_wrong_password_is_permanent_and_never_shows_the_password(dovecot):
    wrong = CANARY_PASSWORD + "-wrong"
    with pytest.raises(MailboxError) as err:
        Mailbox.connect(dovecot.host, dovecot.port, "carol", wrong, tls_mode="starttls", cafile=str(dovecot.cafile))
    assert err.value.permanent
    assert str(err.value) == f"mailbox carol@127.0.0.1:{dovecot.port}: login refused (check the username and password)"
    assert err.value.__cause__ is not None  # raised from the library's error
    full = "".join(traceback.format_exception(err.value))
    assert CANARY_PASSWORD not in full


def test_connection_refused_is_temporary(dovecot):
    port = free_port()  # nothing listens there
    with pytest.raises(MailboxError) as err:
        Mailbox.connect("127.0.0.1", port, "alice", "secret", tls_mode="plain", timeout=5)
    assert not err.value.permanent
    assert str(err.value) == f"mailbox alice@127.0.0.1:{port}: cannot connect (plain): connection refused"
    assert isinstance(err.value.__cause__, ConnectionRefusedError)


def test_a_server_that_never_greets_times_out_as_temporary():
    with socket.socket() as silent:  # accepts TCP (backlog) but never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        t0 = time.monotonic()
        with pytest.raises(MailboxError) as err:
            Mailbox.connect("127.0.0.1", port, "alice", "secret", tls_mode="plain", timeout=0.5)
        assert time.monotonic() - t0 < 5
    assert not err.value.permanent and str(err.value).endswith("timed out")


def test_unknown_tls_mode_is_refused_before_connecting():
    with pytest.raises(MailboxError) as err:
        Mailbox.connect("127.0.0.1", 1, "alice", "secret", tls_mode="tls")
    assert err.value.permanent and "unknown TLS mode 'tls'" in str(err.value)


# ------------------------------------------------------------------ folders and cursors


def test_select_reports_uidvalidity_and_a_recreated_folder_gets_a_new_one(dovecot, alice):
    dovecot.create_folder("alice", "Alerts")
    first = alice.select("Alerts")
    assert first.uidvalidity > 0 and first.exists == 0 and first.uidnext == 1
    assert alice.select("Alerts").uidvalidity == first.uidvalidity  # stable while the folder lives
    alice.select("INBOX")
    c = dovecot.client("alice")
    try:
        c.delete_folder("Alerts")
        c.create_folder("Alerts")
    finally:
        c.logout()
    assert alice.select("Alerts").uidvalidity != first.uidvalidity


def test_a_missing_folder_is_a_permanent_error_naming_it(alice):
    with pytest.raises(MailboxError) as err:
        alice.select("No Such Folder")
    assert err.value.permanent and "'No Such Folder'" in str(err.value) and "alice@127.0.0.1" in str(err.value)


def test_uids_after_returns_only_newer_uids(dovecot, alice):
    uids = [dovecot.append("alice", "INBOX", mail(n)) for n in range(3)]
    alice.select("INBOX")
    assert alice.uids_after(0) == uids
    assert alice.uids_after(uids[0]) == uids[1:]
    # `n:*` on the server matches the highest UID even when n is above it: filtered out.
    assert alice.uids_after(uids[-1]) == []
    assert alice.uids_after(uids[-1] + 50) == []
    newer = dovecot.append("alice", "INBOX", mail(9))
    assert alice.uids_after(uids[-1]) == [newer]


def test_headers_give_sender_message_id_date_and_size(dovecot, alice):
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    raw = mail(7, sender="Notify@Alerts.Bank.Example", when=when)
    uid = dovecot.append("alice", "INBOX", raw)
    undated = dovecot.append("alice", "INBOX", b"From: x@y.example\r\nSubject: no date\r\n\r\nhi\r\n")
    alice.select("INBOX")
    heads = alice.headers([uid, undated])
    h, info, undated_info = heads[uid], info_of(heads[uid].parsed), info_of(heads[undated].parsed)
    assert (h.sender, h.sender_domain, info.message_id) == ("notify@alerts.bank.example", "alerts.bank.example",
                                                         "<alert-7@bank.example>")
    assert h.size == len(raw) and info.date == when
    assert b"Subject: Card used #7" in h.raw_headers and b"SHOP" not in h.raw_headers
    assert undated_info.date is None and undated_info.message_id is None
    assert all(SEEN not in f for f in dovecot.flags("alice").values())


def test_imaplib_formats_its_debug_output_only_for_a_logger_that_keeps_it(dovecot, caplog):
    """imapclient turns imaplib's debug output on and lets its logger drop it; imaplib
    formatted every fetched mail for nothing. Asked for (the logger at DEBUG), it is there."""
    uid = dovecot.append("alice", "INBOX", mail(3))
    with open_box(dovecot) as box:
        assert box._c._imap.debug == 0
    with caplog.at_level(logging.DEBUG, logger=IMAPLIB_LOGGER), open_box(dovecot) as box:
        box.select("INBOX")
        assert dict(box.bodies([uid]))[uid] == mail(3)
        assert box._c._imap.debug == 5
    assert any("SHOP 3" in r.getMessage() for r in caplog.records if r.name == IMAPLIB_LOGGER)


def test_dovecots_fetch_answers_take_the_fast_reading_and_read_as_imapclient_reads_them(dovecot, alice):
    """pipeline.fetch_answers only pays if the server's answers have its shape: Dovecot's do."""
    uids = [dovecot.append("alice", "INBOX", mail(n)) for n in range(3)]
    alice.select("INBOX")
    imap = alice._c._imap
    for items in (f"{_HEADER_FETCH} RFC822.SIZE", "BODY.PEEK[]"):
        typ, data = imap.uid("FETCH", ",".join(map(str, uids)), f"({items})")
        fast = read_simple(data)
        assert typ == "OK" and fast is not None and sorted(fast) == uids
        assert fast == parse_fetch_response(data, True, True)


def test_headers_and_bodies_in_batches_leave_mail_unseen(dovecot, alice):
    raws = [mail(n) for n in range(7)]
    uids = [dovecot.append("alice", "INBOX", raw) for raw in raws]
    alice.select("INBOX")
    assert sorted(alice.headers(uids, batch=2)) == uids
    got = list(alice.bodies(uids, batch=3))
    assert [u for u, _ in got] == uids
    assert [body for _, body in got] == raws
    assert dovecot.flags("alice") == {u: set() for u in uids}


def test_bodies_skip_uids_that_are_gone(dovecot, alice):
    uid = dovecot.append("alice", "INBOX", mail(1))
    alice.select("INBOX")
    assert list(alice.bodies([uid, uid + 40])) == [(uid, mail(1))]


# ------------------------------------------------------------------ actions


def test_mark_seen_flags_only_the_given_uids(dovecot, alice):
    uids = [dovecot.append("alice", "INBOX", mail(n)) for n in range(3)]
    alice.select("INBOX")
    alice.mark_seen(uids[:2])
    flags = dovecot.flags("alice")
    assert [SEEN in flags[u] for u in uids] == [True, True, False]


def test_move_takes_messages_to_the_folder(dovecot, alice):
    uids = [dovecot.append("alice", "INBOX", mail(n)) for n in range(3)]
    dovecot.create_folder("alice", "Processed")
    alice.select("INBOX")
    alice.move(uids[:2], "Processed")
    assert sorted(dovecot.flags("alice", "INBOX")) == [uids[2]]
    assert dovecot.count("alice", "Processed") == 2
    alice.select("Processed")
    assert [b for _, b in alice.bodies(alice.uids_after(0))] == [mail(0), mail(1)]


def test_move_to_a_missing_folder_names_the_mailbox(dovecot, alice):
    uid = dovecot.append("alice", "INBOX", mail(1))
    alice.select("INBOX")
    with pytest.raises(MailboxError) as err:
        alice.move([uid], "Nowhere")
    assert "folder 'INBOX'" in str(err.value) and "'Nowhere'" in str(err.value)
    assert sorted(dovecot.flags("alice")) == [uid]


# ------------------------------------------------------------------ IDLE


def _idle_in_thread(box: Mailbox, timeout_s: float) -> tuple[threading.Thread, dict[str, object]]:
    out: dict[str, object] = {}

    def run() -> None:
        t0 = time.monotonic()
        try:
            out["woke"] = box.idle_wait(timeout_s)
        except MailboxError as exc:
            out["error"] = exc
        out["seconds"] = time.monotonic() - t0

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t, out


def test_idle_wakes_up_when_another_connection_appends(dovecot, alice):
    alice.select("INBOX")
    assert alice.has_idle()
    t, out = _idle_in_thread(alice, 30)
    dovecot.append("alice", "INBOX", mail(1))  # Dovecot notifies after its fixed 0.5 s delay
    t.join(35)
    assert out.get("woke") is True and float(out["seconds"]) < 10  # type: ignore[arg-type]
    assert alice.uids_after(0) != []  # the connection is usable after IDLE


def test_idle_wakes_for_mail_that_arrived_between_two_idles(dovecot, alice):
    # The watcher leaves IDLE to catch up; mail arriving meanwhile is announced when IDLE
    # starts again, before the server's "+ idling": that must wake the next wait at once.
    alice.select("INBOX")
    t, out = _idle_in_thread(alice, 30)
    dovecot.append("alice", "INBOX", mail(1))
    t.join(35)
    assert out.get("woke") is True
    dovecot.append("alice", "INBOX", mail(2))  # while nobody idles
    alice.uids_after(0)  # a command between the two waits, as the catch-up's own connection does not
    dovecot.append("alice", "INBOX", mail(3))
    t, out = _idle_in_thread(alice, 5)
    t.join(10)
    assert out.get("woke") is True and float(out["seconds"]) < 3  # type: ignore[arg-type]


def test_idle_times_out_without_new_mail_and_ignores_flag_changes(dovecot, alice):
    uid = dovecot.append("alice", "INBOX", mail(1))
    alice.select("INBOX")
    t, out = _idle_in_thread(alice, 1.5)
    c = dovecot.client("alice")
    try:
        c.select_folder("INBOX")
        c.add_flags([uid], [b"\\Flagged"])  # announced to the idler as FETCH, not new mail
    finally:
        c.logout()
    t.join(10)
    assert out.get("woke") is False and float(out["seconds"]) >= 1.4  # type: ignore[arg-type]


def test_interrupt_ends_idle_at_once_with_an_error(alice):
    alice.select("INBOX")
    t, out = _idle_in_thread(alice, 60)
    alice.interrupt()  # before or during IDLE: either way the wait ends now, not in 60 s
    t.join(10)
    assert isinstance(out.get("error"), MailboxError) and float(out["seconds"]) < 10  # type: ignore[arg-type]


def test_a_server_crash_during_idle_is_a_temporary_error(dovecot):
    box = open_box(dovecot)
    try:
        box.select("INBOX")
        t, out = _idle_in_thread(box, 60)
        dovecot.kill()
        t.join(20)
        err = out.get("error")
        assert isinstance(err, MailboxError) and not err.permanent and "folder 'INBOX'" in str(err)
    finally:
        box.close()
        dovecot.start()
