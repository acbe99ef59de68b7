"""End to end on real servers: Dovecot -> raw store -> parse -> categorize -> budgets -> alerts.

A real Celery worker consumes from a real Redis; the database is a throwaway PostgreSQL;
alerts go to a real SMTP server (aiosmtpd) and a local HTTP receiver (Apprise json://).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from models import Alert, RawEmail, Transaction
from pipeline.cli import app as cli
from tests.support import mails
from tests.support.service import running_service, wait_for

pytestmark = pytest.mark.integration
runner = CliRunner()


def now() -> datetime:
    return datetime.now(timezone.utc)


def counts(svc) -> dict[str, int]:
    with svc.session() as s:
        rows = s.execute(select(RawEmail.status, func.count()).group_by(RawEmail.status)).all()
    return dict(rows)


def txn_amounts(svc) -> list[Decimal]:
    with svc.session() as s:
        return sorted(t.amount for t in s.scalars(select(Transaction)))


def poll(svc, account_id: int) -> None:
    from tasks import jobs

    jobs.poll_mailbox.delay(account_id)


def settle(svc, expected_raw: int, timeout: float = 60) -> None:
    """Wait until ``expected_raw`` e-mails are stored and none is pending."""
    def done() -> bool:
        c = counts(svc)
        return sum(c.values()) >= expected_raw and c.get("pending", 0) == 0

    wait_for(done, timeout, f"{expected_raw} processed e-mails (now {counts(svc)})")


@pytest.fixture
def env(monkeypatch, pg_url, redis_url, dovecot, smtp_sink, push_receiver, tmp_path):
    with running_service(
        monkeypatch, pg_url, redis_url, tmp_path,
        smtp_host=smtp_sink.host, smtp_port=str(smtp_sink.port), smtp_from="spendwatch@example.test",
        imap_cafile=str(dovecot.cafile),
    ) as svc:
        yield svc


def _setup(svc, dovecot, push_receiver, budget="100.000", **box):
    user_id = svc.add_user()
    svc.add_budget(user_id, "Everything", budget)
    svc.add_target(user_id, "email", "owner@example.test")
    svc.add_target(user_id, "apprise", push_receiver.url_for("/push"))
    account_id = svc.add_mailbox(
        user_id, host=dovecot.host, port=dovecot.port, username="alice", password=dovecot.password("alice"),
        tls_mode="starttls", **box,
    )
    return user_id, account_id


def test_five_alerts_thresholds_once_and_mail_left_unseen(env, dovecot, smtp_sink, push_receiver):
    svc = env
    _, account_id = _setup(svc, dovecot, push_receiver)
    t0 = now() - timedelta(minutes=30)
    first = [("20.000", "LULU HYPERMARKET"), ("15.250", "SHELL OMAN"), ("16.000", "JENAN TEA AIRP")]
    for i, (amount, merchant) in enumerate(first):
        dovecot.append("alice", "INBOX", mails.card_purchase(amount, merchant, t0 + timedelta(minutes=i),
                                                             message_id=f"<e2e-{i}@bankmuscat.com>"))
    dovecot.append("alice", "INBOX", mails.other_mail(t0, message_id="<private-1@example.org>"))
    poll(svc, account_id)
    settle(svc, 3)
    wait_for(lambda: len(smtp_sink.messages) >= 1 and len(push_receiver.received) >= 1, 30, "the 50% alert")
    assert txn_amounts(svc) == [Decimal("15.250"), Decimal("16.000"), Decimal("20.000")]

    second = [("20.000", "CARREFOUR MOE"), ("10.500", "OMANTEL")]
    for i, (amount, merchant) in enumerate(second, start=3):
        dovecot.append("alice", "INBOX", mails.card_purchase(amount, merchant, t0 + timedelta(minutes=i),
                                                             message_id=f"<e2e-{i}@bankmuscat.com>"))
    poll(svc, account_id)
    settle(svc, 5)
    wait_for(lambda: len(smtp_sink.messages) >= 2 and len(push_receiver.received) >= 2, 30, "the 80% alert")
    assert txn_amounts(svc) == sorted(Decimal(a) for a, _ in first + second)
    with svc.session() as s:
        thresholds = sorted(a.threshold for a in s.scalars(select(Alert)))
        stored_senders = set(s.scalars(select(RawEmail.sender)))
    assert thresholds == [50, 80]
    assert "friend@example.org" not in stored_senders  # private mail is never stored

    # Poll, sweep and reprocess again: nothing changes.
    poll(svc, account_id)
    from tasks import jobs

    jobs.sweep_stuck.delay()
    assert runner.invoke(cli, ["reprocess"]).exit_code == 0
    wait_for(lambda: _last_poll_after(svc, account_id), 30, "the third poll")
    settle(svc, 5)
    assert len(txn_amounts(svc)) == 5
    assert len(smtp_sink.messages) == 2 and len(push_receiver.received) == 2
    subjects = sorted(str(m["Subject"]) for m in smtp_sink.messages)
    assert any("50" in s for s in subjects) and any("80" in s for s in subjects)
    assert dovecot.unseen_count("alice", "INBOX") == 6  # the server's mail left as it was
    assert runner.invoke(cli, ["verify"]).exit_code == 0


def _last_poll_after(svc, account_id: int, seconds: float = 2.0) -> bool:
    from models import MailAccount

    with svc.session() as s:
        acct = s.get(MailAccount, account_id)
        return bool(acct and acct.last_poll_at and acct.last_poll_at > now() - timedelta(seconds=seconds))


def test_same_alert_twice_counts_once(env, dovecot, smtp_sink, push_receiver):
    svc = env
    dovecot.create_folder("alice", "Alerts")
    _, account_id = _setup(svc, dovecot, push_receiver, budget="1000.000", folders=["INBOX", "Alerts"])
    when = now() - timedelta(minutes=5)
    alert = mails.card_purchase("12.345", "NESTO MUSCAT", when, message_id="<twin-1@bankmuscat.com>")
    dovecot.append("alice", "INBOX", alert)
    dovecot.append("alice", "Alerts", alert)  # the same alert in two folders
    dovecot.append("alice", "INBOX", alert)  # the same bytes twice
    # The same Message-ID with other bytes (a header added on the way): the same alert.
    dovecot.append("alice", "INBOX", b"X-Forwarded-By: filter\r\n" + alert)
    # A reused Message-ID on a different transaction: both count, flagged for review.
    other = mails.card_purchase("7.000", "NESTO MUSCAT", when, message_id="<twin-1@bankmuscat.com>")
    poll(svc, account_id)
    settle(svc, 2)
    dovecot.append("alice", "INBOX", other)
    poll(svc, account_id)
    settle(svc, 3)
    c = counts(svc)
    assert c == {"transaction": 2, "duplicate": 1}, c
    assert txn_amounts(svc) == [Decimal("7.000"), Decimal("12.345")]
    with svc.session() as s:
        assert all(t.needs_review for t in s.scalars(select(Transaction)))
        dup = s.scalar(select(RawEmail).where(RawEmail.status == "duplicate"))
        assert dup is not None and "same Message-ID" in (dup.reason or "")
    assert runner.invoke(cli, ["verify"]).exit_code == 0


def test_unrecognized_then_reprocess_after_registering_a_parser(env, dovecot, push_receiver):
    from parsers import registry
    from tests.support.zorb import ZorbParser

    svc = env
    _, account_id = _setup(svc, dovecot, push_receiver, sender_filter=["ledger.example"])
    body = "Zorb ledger entry 4471: 12.500 zorbs moved by card 0042 at QUIET SHOP.\r\n"
    raw = (
        "From: notices@ledger.example\r\nTo: customer@example.invalid\r\nSubject: ledger\r\n"
        "Message-ID: <zorb-1@ledger.example>\r\nDate: " + now().strftime("%a, %d %b %Y %H:%M:%S +0000") + "\r\n\r\n" + body
    ).encode()
    dovecot.append("alice", "INBOX", raw)
    poll(svc, account_id)
    settle(svc, 1)
    with svc.session() as s:
        row = s.scalar(select(RawEmail))
        assert row is not None and row.status == "unrecognized" and row.reason
    with registry.registered(ZorbParser()):
        for _ in range(2):  # reprocessing twice still counts it once
            result = runner.invoke(cli, ["reprocess", "--status", "unrecognized"])
            assert result.exit_code == 0, result.output
            settle(svc, 1)
    assert counts(svc) == {"transaction": 1}
    assert txn_amounts(svc) == [Decimal("12.500")]
    assert runner.invoke(cli, ["verify"]).exit_code == 0


def test_bad_input_gets_a_status_and_the_next_mail_is_processed(env, dovecot, push_receiver):
    svc = env
    _, account_id = _setup(svc, dovecot, push_receiver)
    when = now() - timedelta(minutes=3)
    malformed = (
        b"From: NOREPLY@bankmuscat.com\r\nSubject: Account Transaction\r\nMessage-ID: <bad-1@bankmuscat.com>\r\n"
        b"Content-Type: multipart/alternative; boundary=\"never-closed\r\nMIME-Version: 1.0\r\n\r\n"
        b"--never-closed\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"%%%not base64%%%\r\n"
    )
    odd_charset = mails.card_purchase("3.000", "AL FAIR", when, message_id="<cs-1@bankmuscat.com>").replace(
        b"charset=UTF-8", b"charset=x-no-such-charset"
    )
    huge = mails.card_purchase("1.000", "HUGE MAIL", when, message_id="<huge-1@bankmuscat.com>") + (
        b"<!-- " + b"x" * (20 * 1024 * 1024) + b" -->"
    )
    good = mails.card_purchase("4.500", "OOMCO", when, message_id="<good-1@bankmuscat.com>")
    for raw in (malformed, odd_charset, huge, good):
        dovecot.append("alice", "INBOX", raw)
    poll(svc, account_id)
    settle(svc, 4)
    with svc.session() as s:
        rows = {r.message_id: r for r in s.scalars(select(RawEmail))}
    assert set(rows) == {"<bad-1@bankmuscat.com>", "<cs-1@bankmuscat.com>", "<huge-1@bankmuscat.com>",
                         "<good-1@bankmuscat.com>"}
    for row in rows.values():
        assert row.status != "pending"
        if row.status != "transaction":
            assert row.reason, row.message_id
    assert rows["<huge-1@bankmuscat.com>"].status == "failed"
    assert "MB" in (rows["<huge-1@bankmuscat.com>"].reason or "")
    assert rows["<good-1@bankmuscat.com>"].status == "transaction"
    assert rows["<cs-1@bankmuscat.com>"].status == "transaction"  # unknown charset label: fallback decode
    assert Decimal("4.500") in txn_amounts(svc)
    assert runner.invoke(cli, ["verify"]).exit_code == 0


# The canary check (IMAP and SMTP passwords vs Redis traffic, task messages, logs and a
# database dump) lives in tests/security/test_canary.py.


def test_configured_action_marks_only_stored_alerts_seen(env, dovecot, push_receiver):
    svc = env
    _, account_id = _setup(svc, dovecot, push_receiver, action="seen")
    dovecot.append("alice", "INBOX", mails.card_purchase("2.000", "OMANTEL", now(), message_id="<seen-1@bankmuscat.com>"))
    dovecot.append("alice", "INBOX", mails.other_mail(now(), message_id="<private-2@example.org>"))
    poll(svc, account_id)
    settle(svc, 1)
    wait_for(lambda: dovecot.unseen_count("alice", "INBOX") == 1, 20, "the alert marked seen")
    result = runner.invoke(cli, ["status"])
    assert result.exit_code == 0, result.output
    assert "transaction" in result.output and "box-alice" in result.output
