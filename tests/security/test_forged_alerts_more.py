"""More forged bank alerts: the sender check read the way an attacker writes the headers.

Each case below was counted before the fix (docs/parsers.md, "Sender check"):

1. ``dkim=pass header.d=<bank>`` found anywhere in the trusted Authentication-Results
   header: inside a comment, a quoted string or another method's property value
   (``smtp.mailfrom``), all text the sender chooses.
2. The parser read From after decoding encoded-words and cutting it to 2,000 characters,
   ingest and the IMAP filter read it raw: an encoded-word display name, a long display
   name, a list of addresses or a Sender-only mail passed the filter as the bank and
   reached the parser as someone else, not claiming a bank.
3. With ``accept_forwarded`` on, a forward "from the user" was trusted on its From alone.
4. A trusted header whose authserv-id is empty raised IndexError; ``header.d=com`` was
   aligned with bankmuscat.com; ``bankrnuscat.com`` (rn for m) was not a look-alike.

The first tests call ``parse_message`` (and ``process.not_counted``, the pipeline's
verdict); the last two go through the real pipeline (PostgreSQL, Celery), as
test_forged_alerts.py does: suspicious, counted 0, the genuine mail in the batch counted.
"""

from __future__ import annotations

import email
from datetime import timedelta
from decimal import Decimal
from email.message import EmailMessage
from email.utils import format_datetime

import pytest
from sqlalchemy import select

import parsers
from models import MailAccount, RawStatus, Transaction
from parsers import Status
from pipeline.fetch import sender_allowed
from pipeline.ingest import header_info, raw_row, store_many
from pipeline.process import not_counted
from tests.faults.harness import check_invariants, now, settle
from tests.support import mails
from tests.support.service import ingest, rows_by_message_id

A = mails.AUTHSERV
OWNER = "owner@example.test"
BANK = "NOREPLY@bankmuscat.com"


def _parse(raw: bytes, **kw):
    kw.setdefault("trusted_authserv_ids", [A])
    return parsers.parse_message(raw, **kw)


def _alert(mid: str, *, auth: str | None, sender: str = BANK, amount: str = "7.000", merchant: str = "FORGED") -> bytes:
    return mails.card_purchase(amount, merchant, now() - timedelta(minutes=10), message_id=mid, sender=sender,
                               auth=auth)


def _head(raw: bytes, *, drop: tuple[str, ...] = (), add: tuple[str, ...] = ()) -> bytes:
    """The mail with the named header lines dropped and ``add`` lines put first."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    lines = [ln for ln in head.split(b"\r\n") if not any(ln.lower().startswith(d.lower().encode()) for d in drop)]
    return b"\r\n".join([a.encode() for a in add] + lines) + sep + body


def _suspicious(result) -> bool:
    verdict = not_counted(result)
    return verdict is not None and verdict[0] is RawStatus.SUSPICIOUS


def _counted(result) -> bool:
    return not_counted(result) is None and result.status is Status.TRANSACTION


# -- 1. Authentication-Results is parsed (RFC 8601), not searched -------------------------------------------------

INJECTED = {
    "spf_mailfrom_dot_atom": f"{A}; dkim=none; spf=pass smtp.mailfrom=dkim=pass.header.d=bankmuscat.com@evil.test",
    "spf_mailfrom_quoted": f'{A}; dkim=none; spf=pass smtp.mailfrom="dkim=pass header.d=bankmuscat.com"@evil.test',
    "gmail_style_comment": (
        f"{A}; dkim=pass header.i=@evil.test header.s=s1 header.b=abc; spf=pass ({A}: domain of "
        '"x dkim=pass header.d=bankmuscat.com"@evil.test designates 192.0.2.1 as permitted sender) '
        'smtp.mailfrom="x dkim=pass header.d=bankmuscat.com"@evil.test; dmarc=fail header.from=bankmuscat.com'),
    "comment_inside_dkim_result": f"{A}; dkim=pass (dkim=pass header.d=bankmuscat.com) header.d=evil.test",
    "other_method_named_like_dkim": f"{A}; x-dkim=pass header.d=bankmuscat.com; dkim=none",
    "reason_text": f'{A}; dkim=fail reason="dkim=pass header.d=bankmuscat.com" header.d=evil.test',
}


@pytest.mark.parametrize("name", list(INJECTED))
def test_dkim_pass_outside_a_dkim_result_is_no_pass(name):
    result = _parse(_alert(f"<{name}@x>", auth=INJECTED[name]))
    assert result.authentication is not None
    assert result.authentication.dkim != "pass", (name, result.authentication)
    assert _suspicious(result), (name, result.authentication)


GENUINE_AR = {
    "plain": f"{A}; dkim=pass header.d=bankmuscat.com header.s=sel1",
    "comment_with_semicolon": f'{A}; dkim=pass (2048-bit key; secure) header.d=bankmuscat.com header.b="aB/+c="',
    "quoted_header_i": f'{A} 1; DKIM = pass (good signature) header.i="@bankmuscat.com"',
    "header_i_with_local_part": f"{A}; dkim=pass header.i=noreply@bankmuscat.com",
    "second_signature_passes": f"{A}; dkim=fail header.d=bankmuscat.com; dkim=pass header.d=bankmuscat.com; spf=none",
    "folded": f"{A};\r\n\tdkim=pass\r\n\theader.d=bankmuscat.com header.s=sel1;\r\n\tspf=pass smtp.mailfrom=bankmuscat.com",
}


@pytest.mark.parametrize("name", list(GENUINE_AR))
def test_genuine_dkim_pass_still_counts(name):
    result = _parse(_alert(f"<g-{name}@bankmuscat.com>", auth=GENUINE_AR[name]))
    assert result.authentication is not None and result.authentication.dkim == "pass", result.authentication
    assert _counted(result)


# -- 2. one reading of From for ingest, the IMAP filter and the parser ---------------------------------------------

FROM_TRICKS = {
    "encoded_word_display_name": "From: =?utf-8?q?attacker=40evil=2Etest?= <NOREPLY@bankmuscat.com>",
    "long_quoted_display_name": 'From: "' + "A" * 2100 + '" <NOREPLY@bankmuscat.com>',
    "long_unquoted_display_name": "From: Bank Muscat " + "A " * 1050 + "<NOREPLY@bankmuscat.com>",
}


@pytest.mark.parametrize("name", list(FROM_TRICKS))
def test_from_that_ingest_reads_as_the_bank_needs_the_banks_dkim(name):
    raw = _head(_alert(f"<{name}@x>", auth=f"{A}; dkim=none; spf=fail"), drop=("From:",), add=(FROM_TRICKS[name],))
    stored = header_info(raw).sender
    assert stored == "noreply@bankmuscat.com"
    assert sender_allowed(stored, MailAccount(sender_filter=[], accept_forwarded=False),
                          parsers.known_bank_domains())  # the IMAP filter lets it in as the bank's
    result = _parse(raw)
    assert result.authentication is not None and result.authentication.domain == "bankmuscat.com"
    assert _suspicious(result), result.authentication


AMBIGUOUS = {
    # dkim=pass for the attacker's own domain: the mail is read as theirs, or as the bank's.
    "address_list": (f"{A}; dkim=pass header.d=evil.test", ("From: attacker@evil.test, NOREPLY@bankmuscat.com",)),
    "unquoted_address_before_angle": (f"{A}; dkim=pass header.d=evil.test",
                                      ("From: attacker@evil.test <NOREPLY@bankmuscat.com>",)),
    "two_from_headers": (f"{A}; dkim=pass header.d=evil.test",
                         ("From: attacker@evil.test", "From: NOREPLY@bankmuscat.com")),
    "sender_only": (f"{A}; dkim=none", ("Sender: NOREPLY@bankmuscat.com",)),
    "encoded_word_address": (f"{A}; dkim=none", ("From: Bank <=?utf-8?q?NOREPLY=40bankmuscat=2Ecom?=>",)),
}


@pytest.mark.parametrize("name", list(AMBIGUOUS))
def test_a_from_that_may_name_a_bank_needs_the_banks_dkim(name):
    auth, lines = AMBIGUOUS[name]
    raw = _head(_alert(f"<{name}@x>", auth=auth), drop=("From:",), add=lines)
    result = _parse(raw)
    assert result.authentication is not None and result.authentication.bank_domain, result.authentication
    assert _suspicious(result), result.authentication


def test_nested_comments_in_from_never_raise():
    raw = _head(_alert("<nested@x>", auth=f"{A}; dkim=none"), drop=("From:",),
                add=("From: " + "(" * 3000 + " <NOREPLY@bankmuscat.com>",))
    info = header_info(raw)  # documented: never an exception
    assert info.message_id == "<nested@x>"
    result = _parse(raw)
    assert _suspicious(result), result.authentication


@pytest.mark.parametrize("value", [
    "NOREPLY@bankmuscat.com",
    "Bank Muscat <NOREPLY@bankmuscat.com>",
    "=?utf-8?q?Bank_Muscat?= <NOREPLY@bankmuscat.com>",
    '"Muscat, Bank" <NOREPLY@bankmuscat.com>',
    "=?utf-8?b?2KjZhtmDINmF2LPZgti3?= <NOREPLY@bankmuscat.com>",
])
def test_ordinary_from_is_read_once_and_the_same_everywhere(value):
    from parsers.extract import read_from

    raw = _head(_alert("<ok@bankmuscat.com>", auth=mails.dkim_pass()), drop=("From:",), add=(f"From: {value}",))
    reading = read_from([value])
    assert not reading.ambiguous and reading.address == "noreply@bankmuscat.com"
    assert header_info(raw).sender == reading.address
    assert _counted(_parse(raw))


# -- 3. a forward "from the user" counts only with the user's own dkim=pass ---------------------------------------

def _bank_text(merchant: str, amount: str) -> str:
    return (
        "Dear Customer,\nYour Debit card number 4921**** ****7305 has been utilised as follows:\n\n"
        f"Account number : xxxx4411\nDescription : 512207-{merchant}\nAmount : OMR {amount}\n"
        f"Date/Time : {(now() + timedelta(hours=4)).strftime('%d %b %y %H:%M').upper()}\n"
        "Transaction Country : Oman\n\nKind Regards,\nBank Muscat\n"
    )


def _forward(mid: str, auth: str | None, *, amount: str = "8.000", merchant: str = "FORWARDED") -> bytes:
    m = EmailMessage()
    if auth is not None:
        m["Authentication-Results"] = auth
    m["From"] = OWNER
    m["To"] = OWNER
    m["Subject"] = "Fwd: Account Transaction"
    m["Date"] = format_datetime(now() - timedelta(minutes=5))
    m["Message-ID"] = mid
    m.set_content(
        "---------- Forwarded message ---------\nFrom: Bank Muscat <NOREPLY@bankmuscat.com>\n"
        f"Date: {format_datetime(now() - timedelta(minutes=6))}\nSubject: Account Transaction\nTo: {OWNER}\n\n"
        + _bank_text(merchant, amount)
    )
    return bytes(m)


def _forward_attached(mid: str, auth: str | None) -> bytes:
    inner = _alert("<inner@bankmuscat.com>", auth=None, amount="9.000", merchant="ATTACHED")
    m = EmailMessage()
    if auth is not None:
        m["Authentication-Results"] = auth
    m["From"] = OWNER
    m["To"] = OWNER
    m["Subject"] = "Fwd: Account Transaction"
    m["Date"] = format_datetime(now() - timedelta(minutes=4))
    m["Message-ID"] = mid
    m.set_content("see attached")
    m.add_attachment(email.message_from_bytes(inner))
    return bytes(m)


SPOOFED_FORWARDS = {
    "dkim_fail": f"{A}; dkim=fail header.d=example.test; spf=fail",
    "no_authentication_results": None,
    "untrusted_server": mails.dkim_pass("example.test", authserv="mx.attacker.example"),
    "dkim_pass_other_domain": mails.dkim_pass("evil.test"),
    "dkim_pass_in_spf_property": f"{A}; dkim=none; spf=pass smtp.mailfrom=dkim=pass.header.d=example.test@evil.test",
}


@pytest.mark.parametrize("attached", [False, True], ids=["inline", "attached"])
@pytest.mark.parametrize("name", list(SPOOFED_FORWARDS))
def test_spoofed_forward_from_the_user_is_suspicious(name, attached):
    build = _forward_attached if attached else _forward
    result = _parse(build(f"<{name}@example.test>", SPOOFED_FORWARDS[name]),
                    accept_forwarded=True, own_addresses=[OWNER])
    assert result.authentication is not None and result.authentication.dkim != "forwarded", result.authentication
    assert _suspicious(result), result.authentication


@pytest.mark.parametrize("attached", [False, True], ids=["inline", "attached"])
def test_forward_signed_by_the_users_provider_counts(attached):
    build = _forward_attached if attached else _forward
    result = _parse(build("<real-fwd@example.test>", mails.dkim_pass("example.test")),
                    accept_forwarded=True, own_addresses=[OWNER])
    assert result.authentication is not None and result.authentication.dkim == "forwarded"
    assert _counted(result)
    assert result.transaction is not None and result.transaction.amount == Decimal("9.000" if attached else "8.000")


# -- 4. the smaller ones ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("auth", ["; dkim=pass header.d=bankmuscat.com", " ", "(comment); dkim=pass", f"{A}"])
def test_malformed_authentication_results_never_raise(auth):
    result = _parse(_alert("<empty-id@x>", auth=auth))
    assert _suspicious(result)


@pytest.mark.parametrize("signer", ["com", "COM.", "co.in", "bankmuscat.com.evil.test", "evil.test"])
def test_signer_must_be_the_banks_own_domain(signer):
    result = _parse(_alert(f"<{signer}@x>", auth=f"{A}; dkim=pass header.d={signer}"))
    assert _suspicious(result), result.authentication


@pytest.mark.parametrize("domain", ["bankrnuscat.com", "bankmuscat-a1erts.com", "emiratesis1amic.ae", "k0tak.com",
                                    "navyfecleral.org", "alerts.bankrnuscat.example"])
def test_confusable_lookalike_domains_are_flagged(domain):
    result = _parse(_alert(f"<{domain}@x>", sender=f"alerts@{domain}", auth=mails.dkim_pass(domain)))
    assert result.authentication is not None and result.authentication.dkim == "lookalike", result.authentication
    assert _suspicious(result)


@pytest.mark.parametrize("domain", ["gmail.com", "example.test", "outlook.com", "learn.microsoft.com", "cloud.example"])
def test_ordinary_domains_are_no_lookalikes(domain):
    assert parsers.auth.lookalike(domain, parsers.known_bank_domains()) is None


# -- end to end: the real pipeline (spendwatch ingest / an opted-in mailbox, Celery worker, PostgreSQL) -------------


@pytest.mark.integration
def test_forged_headers_end_to_end_are_suspicious_and_never_counted(svc, tmp_path):
    user_id = svc.add_user(OWNER)
    svc.add_budget(user_id, "Everything", "20.000")
    no_dkim = f"{A}; dkim=none; spf=fail"
    forged = {
        "<e-mailfrom@x>": _alert("<e-mailfrom@x>", auth=INJECTED["spf_mailfrom_dot_atom"]),
        "<e-comment@x>": _alert("<e-comment@x>", auth=INJECTED["gmail_style_comment"]),
        "<e-encoded@x>": _head(_alert("<e-encoded@x>", auth=no_dkim), drop=("From:",),
                               add=(FROM_TRICKS["encoded_word_display_name"],)),
        "<e-long@x>": _head(_alert("<e-long@x>", auth=no_dkim), drop=("From:",),
                            add=(FROM_TRICKS["long_quoted_display_name"],)),
        "<e-sender@x>": _head(_alert("<e-sender@x>", auth=no_dkim), drop=("From:",),
                              add=("Sender: NOREPLY@bankmuscat.com",)),
        "<e-com@x>": _alert("<e-com@x>", auth=f"{A}; dkim=pass header.d=com"),
        "<e-rn@x>": _alert("<e-rn@x>", sender="NOREPLY@bankrnuscat.com", auth=mails.dkim_pass("bankrnuscat.com")),
        "<e-noid@x>": _alert("<e-noid@x>", auth="; dkim=pass header.d=bankmuscat.com"),
    }
    genuine = _alert("<e-genuine@bankmuscat.com>", auth=mails.dkim_pass(), amount="4.250", merchant="GENUINE")
    ingest(tmp_path, {f"f{i}": raw for i, raw in enumerate(forged.values())} | {"genuine": genuine})
    settle(svc, len(forged) + 1)
    rows = rows_by_message_id(svc)
    assert rows["<e-genuine@bankmuscat.com>"].status == "transaction"
    for mid in forged:
        assert rows[mid].status == "suspicious", (mid, rows[mid].status, rows[mid].reason)
        assert rows[mid].reason and "dkim" in rows[mid].reason, (mid, rows[mid].reason)
    with svc.session() as s:
        assert [t.amount for t in s.scalars(select(Transaction))] == [Decimal("4.250")]  # forged spend: 0
    check_invariants(svc, expected_transactions=1)


@pytest.mark.integration
def test_spoofed_forwards_to_an_opted_in_mailbox_end_to_end(svc):
    from tasks.jobs import enqueue_process

    user_id = svc.add_user(OWNER)
    svc.add_budget(user_id, "Everything", "20.000")
    box = svc.add_mailbox(user_id, host="imap.example.test", port=993, username=OWNER, password="x",
                          accept_forwarded=True)
    mails_in = {
        "<s-fail@example.test>": _forward("<s-fail@example.test>", SPOOFED_FORWARDS["dkim_fail"], amount="6.000"),
        "<s-none@example.test>": _forward("<s-none@example.test>", None, amount="6.500"),
        "<s-attached@example.test>": _forward_attached("<s-attached@example.test>", None),
        "<real@example.test>": _forward("<real@example.test>", mails.dkim_pass("example.test"), amount="8.000"),
    }
    with svc.session() as s:
        account = s.get(MailAccount, box)
        assert account is not None
        for raw in mails_in.values():  # what the IMAP filter lets in from this mailbox
            assert sender_allowed(header_info(raw).sender, account, parsers.known_bank_domains(), [OWNER])
    with svc.factory.begin() as s:
        rows = [raw_row(user_id=user_id, raw=raw, source="imap", mail_account_id=box, folder="INBOX",
                        uidvalidity=1, uid=uid) for uid, raw in enumerate(mails_in.values(), start=1)]
        ids = list(store_many(s, rows).values())
    enqueue_process(ids)
    settle(svc, len(mails_in))
    stored = rows_by_message_id(svc)
    assert stored["<real@example.test>"].status == "transaction", stored["<real@example.test>"].reason
    for mid in ("<s-fail@example.test>", "<s-none@example.test>", "<s-attached@example.test>"):
        assert stored[mid].status == "suspicious", (mid, stored[mid].status, stored[mid].reason)
    with svc.session() as s:
        assert [t.amount for t in s.scalars(select(Transaction))] == [Decimal("8.000")]
    check_invariants(svc, expected_transactions=1)
