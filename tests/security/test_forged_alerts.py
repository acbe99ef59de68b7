"""Forged bank alerts through the real pipeline (`spendwatch ingest`, Celery worker, PostgreSQL).

Each forgery claims a bank it cannot prove: stored with the status ``suspicious`` and a
reason, never counted (no transaction, no budget spend, no alert). A genuine alert in
the same batch is counted, so the test fails if everything were simply refused.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from email.message import EmailMessage
from email.utils import format_datetime

import pytest
from sqlalchemy import select

from models import Alert, Transaction
from tests.faults.harness import check_invariants, now, settle
from tests.support import mails
from tests.support.service import ingest, rows_by_message_id

pytestmark = pytest.mark.integration
OWNER = "owner@example.test"


def _without_auth(raw: bytes) -> bytes:
    """The builder's mail with its Authentication-Results line removed (no DKIM at all)."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(b"authentication-results:")]
    return b"\r\n".join(lines) + sep + body


def _forged_below(mid: str) -> bytes:
    """The trusted server says dkim=fail on top; a forged pass sits below it (added by the sender)."""
    raw = mails.card_purchase("7.000", "FORGED BELOW", now() - timedelta(minutes=9), message_id=mid,
                              auth=f"{mails.AUTHSERV}; dkim=fail header.d=bankmuscat.com; spf=fail")
    forged = f"Authentication-Results: {mails.AUTHSERV}; dkim=pass header.d=bankmuscat.com header.s=sel1\r\n"
    head, sep, body = raw.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    lines.insert(1, forged.strip().encode())  # below the trusted one: the receiving server never wrote it
    return b"\r\n".join(lines) + sep + body


def _bank_text(merchant: str, amount: str) -> str:
    return (
        "Dear Customer,\nYour Debit card number 4921**** ****7305 has been utilised as follows:\n\n"
        f"Account number : xxxx4411\nDescription : 512207-{merchant}\nAmount : OMR {amount}\n"
        f"Date/Time : {(now() + timedelta(hours=4)).strftime('%d %b %y %H:%M').upper()}\n"
        "Transaction Country : Oman\n\nKind Regards,\nBank Muscat\n"
    )


def _forward_inline(mid: str) -> bytes:
    """The user's own forward of a bank alert, quoted in the body; the mailbox never opted in."""
    m = EmailMessage()
    m["Authentication-Results"] = mails.dkim_pass("example.test")
    m["From"] = OWNER
    m["To"] = OWNER
    m["Subject"] = "Fwd: Account Transaction"
    m["Date"] = format_datetime(now() - timedelta(minutes=5))
    m["Message-ID"] = mid
    m.set_content(
        "---------- Forwarded message ---------\nFrom: Bank Muscat <NOREPLY@bankmuscat.com>\n"
        f"Date: {format_datetime(now() - timedelta(minutes=6))}\nSubject: Account Transaction\nTo: {OWNER}\n\n"
        + _bank_text("FORWARDED INLINE", "8.000")
    )
    return bytes(m)


def _forward_attached(mid: str) -> bytes:
    """The user's own forward with the bank's mail attached as message/rfc822; no opt-in."""
    import email

    inner = mails.card_purchase("9.000", "FORWARDED ATTACHED", now() - timedelta(minutes=7),
                                message_id="<inner-fwd@bankmuscat.com>")
    m = EmailMessage()
    m["From"] = OWNER
    m["To"] = OWNER
    m["Subject"] = "Fwd: Account Transaction"
    m["Date"] = format_datetime(now() - timedelta(minutes=4))
    m["Message-ID"] = mid
    m.set_content("see attached")
    m.add_attachment(email.message_from_bytes(inner))
    return bytes(m)


def _setup(svc) -> int:
    user_id = svc.add_user(OWNER)
    svc.add_budget(user_id, "Everything", "20.000")
    return user_id


def test_forged_bank_alerts_are_suspicious_and_never_counted(svc, tmp_path):
    _setup(svc)
    t = now() - timedelta(minutes=10)
    forged = {
        "no_dkim": _without_auth(mails.card_purchase("5.000", "NO DKIM", t, message_id="<f-nodkim@bankmuscat.com>")),
        "untrusted_server": mails.card_purchase(
            "5.500", "UNTRUSTED AR", t, message_id="<f-untrusted@bankmuscat.com>",
            auth=mails.dkim_pass(authserv="mx.attacker.example")),
        "forged_below": _forged_below("<f-below@bankmuscat.com>"),
        "lookalike_dash": mails.card_purchase(
            "6.000", "LOOKALIKE", t, message_id="<f-look1@bank-muscat.com>", sender="NOREPLY@bank-muscat.com",
            auth=mails.dkim_pass("bank-muscat.com")),
        "lookalike_suffix": mails.card_purchase(
            "6.500", "LOOKALIKE SUFFIX", t, message_id="<f-look2@evil.example>",
            sender="NOREPLY@bankmuscat.com.evil.example", auth=mails.dkim_pass("bankmuscat.com.evil.example")),
    }
    genuine = mails.card_purchase("4.250", "GENUINE SHOP", t, message_id="<genuine-1@bankmuscat.com>")
    ingest(tmp_path, {**forged, "genuine": genuine})
    settle(svc, len(forged) + 1)
    rows = rows_by_message_id(svc)
    assert rows["<genuine-1@bankmuscat.com>"].status == "transaction"
    for name, raw in forged.items():
        mid = next(r for r in rows if r and r in raw.decode("ascii", "replace"))
        row = rows[mid]
        assert row.status == "suspicious", (name, row.status, row.reason)
        assert row.reason and "dkim" in row.reason, (name, row.reason)
    with svc.session() as s:
        amounts = [t.amount for t in s.scalars(select(Transaction))]
        assert amounts == [Decimal("4.250")]  # counted: only the genuine alert
        assert s.scalars(select(Alert)).all() == []  # 4.250 of 20.000: no threshold, forged spend counted 0
    check_invariants(svc, expected_transactions=1)


def test_forwarded_alert_without_opt_in_is_suspicious(svc, tmp_path):
    """A forward from the user's own address claims a bank's alert; nobody opted in to forwards."""
    _setup(svc)
    ingest(tmp_path, {"fwd_inline": _forward_inline("<fwd-inline@example.test>"),
                       "fwd_attached": _forward_attached("<fwd-attached@example.test>")})
    settle(svc, 2)
    rows = rows_by_message_id(svc)
    for mid in ("<fwd-inline@example.test>", "<fwd-attached@example.test>"):
        assert rows[mid].status == "suspicious", (mid, rows[mid].status, rows[mid].reason)
    check_invariants(svc, expected_transactions=0)
