"""Deliver step against real servers: aiosmtpd, a local HTTP push receiver, SQLite and PostgreSQL.

Rows are made directly with the models; every deliver() call is given its "now", so the
backoff schedule is checked without sleeping. Service clock: 20:00 in Muscat on 21 Nov 2026.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from models import Alert, Budget, BudgetPeriod, NotifyTarget, Outbox, Transaction, User
from pipeline import budget_edit, budgets, config, db, schema, secrets
from pipeline.budgets import message_id_for
from pipeline.deliver import backoff, claim, deliver, due_outbox_ids, message_for, reclaim_stuck
from tests.servers.push import PushReceiver
from tests.servers.smtp import SmtpSink
from tests.support.service import fresh_database

pytestmark = pytest.mark.integration

T0 = datetime(2026, 11, 21, 16, 0, tzinfo=timezone.utc)  # 20:00 in Muscat
ADDRESS = "alice.private@example.test"
SMTP_USER, SMTP_PASSWORD = "sw-mailer", "Sm7p-pa55-Qz81"
PUSH_TOKEN = "tok9Xf3kQpushSecret"  # a push URL's path is its secret (ntfy topics, webhooks)


def configure(monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    for key in list(os.environ):
        if key.startswith("SPENDWATCH_") and not key.startswith("SPENDWATCH_TEST_"):
            monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(f"SPENDWATCH_{key.upper()}", value)
    config.reset()
    db.reset()


@dataclass
class World:
    factory: sessionmaker[Session]
    smtp: SmtpSink
    push: PushReceiver
    monkeypatch: pytest.MonkeyPatch
    env: dict[str, str]
    user_id: int = 0
    email_target: int = 0
    push_target: int = 0

    def reconfigure(self, **changes: str) -> None:
        self.env.update(changes)
        configure(self.monkeypatch, **self.env)

    def add_target(self, kind: str, address: str) -> int:
        with self.factory.begin() as s:
            t = NotifyTarget(user_id=self.user_id, kind=kind, label=kind, address_enc=secrets.encrypt(address))
            s.add(t)
            s.flush()
            return t.id

    def add_alert(self, *, threshold: int = 80, spent: int = 82_500, merchant: str = "Lulu Hypermarket Bausher",
                  budget_name: str = "Groceries") -> int:
        """A budget (OMR 100.000, November) whose period crossed ``threshold`` with a 12.500 purchase."""
        with self.factory.begin() as s:
            budget = Budget(user_id=self.user_id, name=budget_name, amount_minor=100_000, currency="OMR")
            s.add(budget)
            s.flush()
            bp = BudgetPeriod(budget_id=budget.id, start=date(2026, 11, 1), end=date(2026, 11, 30),
                              limit_minor=100_000, spent_minor=spent)
            txn = Transaction(user_id=self.user_id, amount_minor=12_500, currency="OMR", direction="debit",
                              kind="purchase", merchant=merchant, merchant_raw=merchant, category_id=None,
                              occurred_at=datetime(2026, 11, 21, 14, 5, tzinfo=timezone.utc),
                              fingerprint=f"fp-{threshold}-{budget.id}")
            s.add_all([bp, txn])
            s.flush()
            alert = Alert(budget_period_id=bp.id, threshold=threshold, percent=spent * 100 // 100_000,
                          spent_minor=spent, transaction_id=txn.id)
            s.add(alert)
            s.flush()
            return alert.id

    def queue(self, alert_id: int, target_id: int) -> int:
        with self.factory.begin() as s:
            row = Outbox(alert_id=alert_id, target_id=target_id, message_id=message_id_for(alert_id, target_id),
                         next_attempt_at=T0)
            s.add(row)
            s.flush()
            return row.id

    def row(self, outbox_id: int) -> Outbox:
        with self.factory() as s:
            row = s.get(Outbox, outbox_id)
            assert row is not None
            return row


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'deliver.db'}"
    return fresh_database(request.getfixturevalue("pg_url"))


@pytest.fixture
def world(monkeypatch: pytest.MonkeyPatch, database_url: str, smtp_sink: SmtpSink, push_receiver: PushReceiver,
          tmp_path: Path) -> Iterator[World]:
    env = {
        "database_url": database_url,
        "secret_key": Fernet.generate_key().decode(),
        "data_dir": str(tmp_path / "data"),
        "smtp_host": smtp_sink.host,
        "smtp_port": str(smtp_sink.port),
        "smtp_from": "alerts@spendwatch.example",
        "smtp_timeout_s": "5",
        "max_attempts": "5",
        "clock": "2026-11-21T20:00:00+04:00",
    }
    configure(monkeypatch, **env)
    schema.upgrade(db.engine())
    w = World(db.session_factory(), smtp_sink, push_receiver, monkeypatch, env)
    with w.factory.begin() as s:
        user = User(email="alice@example.test", timezone="Asia/Muscat")
        s.add(user)
        s.flush()
        w.user_id = user.id
    w.email_target = w.add_target("email", ADDRESS)
    w.push_target = w.add_target("apprise", push_receiver.url_for(f"/hooks/{PUSH_TOKEN}"))
    yield w
    db.engine().dispose()
    config.reset()
    db.reset()


def parts(msg) -> tuple[str, str]:
    return msg.get_body(("plain",)).get_content(), msg.get_body(("html",)).get_content()


def test_one_email_and_one_push_delivered_with_deterministic_message_id(world: World) -> None:
    alert = world.add_alert()
    mail_row, push_row = world.queue(alert, world.email_target), world.queue(alert, world.push_target)

    assert deliver(world.factory, mail_row, now=T0) == "sent"
    assert deliver(world.factory, push_row, now=T0) == "sent"

    assert len(world.smtp.messages) == 1
    msg = world.smtp.messages[0]
    assert msg["Message-ID"] == world.row(mail_row).message_id
    assert re.fullmatch(rf"<spendwatch-alert-{alert}-{world.email_target}\.[0-9a-f]{{12}}@spendwatch\.example>",
                        msg["Message-ID"])
    assert msg["To"] == ADDRESS and msg["From"] == "alerts@spendwatch.example"
    assert world.smtp.envelopes == [("alerts@spendwatch.example", [ADDRESS])]
    assert msg.get_content_type() == "multipart/alternative"
    assert str(msg["Subject"]) == "Groceries: 82% of budget spent (passed 80%)"
    text, html = parts(msg)
    for body in (text, html):
        assert "OMR 82.500" in body and "OMR 100.000" in body
        assert "82%" in body and "80%" in body
        assert "10 days left" in body  # 21..30 Nov inclusive, in the user's zone
        assert "OMR 12.500 at Lulu Hypermarket Bausher on 21 Nov 2026 18:05" in body
    assert "OMR 82.500 of OMR 100.000" in text
    assert "OMR 17.500" in text  # left

    assert len(world.push.received) == 1
    push = world.push.received[0]
    assert push["path"] == f"/hooks/{PUSH_TOKEN}"
    assert push["title"] == "Groceries: 82% of budget spent (passed 80%)"
    assert "OMR 82.500 of OMR 100.000" in push["message"]

    for oid in (mail_row, push_row):
        row = world.row(oid)
        assert (row.status, row.attempts, row.last_error) == ("sent", 1, None)
        assert row.sent_at is not None and row.claimed_at == T0


def test_a_second_deliver_of_the_same_row_sends_nothing(world: World) -> None:
    alert = world.add_alert()
    mail_row, push_row = world.queue(alert, world.email_target), world.queue(alert, world.push_target)
    for oid in (mail_row, push_row):
        assert deliver(world.factory, oid, now=T0) == "sent"
    for oid in (mail_row, push_row):
        assert deliver(world.factory, oid, now=T0 + timedelta(hours=2)) == ""
    assert len(world.smtp.messages) == 1 and len(world.push.received) == 1
    assert world.row(mail_row).attempts == 1 and world.row(push_row).attempts == 1


def race(factory: sessionmaker[Session], outbox_id: int, n: int) -> list[str]:
    """n threads released together, each delivering the same row; their results."""
    barrier = threading.Barrier(n)
    results: list[str] = []

    def run() -> None:
        barrier.wait()
        results.append(deliver(factory, outbox_id, now=T0))

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_concurrent_delivers_of_one_row_send_once(world: World) -> None:
    rows = [world.queue(world.add_alert(threshold=t), world.email_target) for t in (50, 80, 100)]
    for oid in rows:
        assert sorted(race(world.factory, oid, 4)) == ["", "", "", "sent"]
    ids = sorted(str(m["Message-ID"]) for m in world.smtp.messages)
    assert len(ids) == 3 and len(set(ids)) == 3
    assert all(world.row(oid).attempts == 1 for oid in rows)


def test_smtp_outage_backs_off_and_each_target_retries_on_its_own(world: World) -> None:
    alert = world.add_alert()
    mail_row, push_row = world.queue(alert, world.email_target), world.queue(alert, world.push_target)
    world.smtp.stop()

    assert deliver(world.factory, mail_row, now=T0) == "pending"
    assert deliver(world.factory, push_row, now=T0) == "sent"  # push does not wait for mail
    row = world.row(mail_row)
    assert row.attempts == 1 and row.next_attempt_at == T0 + timedelta(seconds=30)
    assert "unreachable" in (row.last_error or "")

    # Not due yet: nothing happens, not even an attempt.
    assert deliver(world.factory, mail_row, now=T0 + timedelta(seconds=29)) == ""
    assert world.row(mail_row).attempts == 1
    with world.factory() as s:
        assert due_outbox_ids(s, T0 + timedelta(seconds=29)) == []
        assert due_outbox_ids(s, T0 + timedelta(seconds=30)) == [mail_row]

    t1 = T0 + timedelta(seconds=30)
    assert deliver(world.factory, mail_row, now=t1) == "pending"
    assert world.row(mail_row).next_attempt_at == t1 + timedelta(seconds=60)  # doubled

    world.smtp.start()
    assert deliver(world.factory, mail_row, now=t1 + timedelta(seconds=60)) == "sent"
    assert len(world.smtp.messages) == 1 and len(world.push.received) == 1
    row = world.row(mail_row)
    assert (row.status, row.attempts, row.last_error) == ("sent", 3, None)


def test_backoff_grows_and_is_capped() -> None:
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert backoff(8) == timedelta(hours=1) and backoff(1000) == timedelta(hours=1)


def test_gives_up_after_max_delivery_attempts(world: World) -> None:
    world.reconfigure(max_delivery_attempts="2")
    row_id = world.queue(world.add_alert(), world.email_target)
    world.smtp.stop()
    assert deliver(world.factory, row_id, now=T0) == "pending"
    assert deliver(world.factory, row_id, now=T0 + timedelta(minutes=5)) == "failed"
    world.smtp.start()
    assert deliver(world.factory, row_id, now=T0 + timedelta(hours=5)) == ""
    assert world.smtp.messages == [] and world.row(row_id).attempts == 2


@pytest.mark.parametrize(
    ("where", "reply", "status"),
    [
        ("data", "550 5.7.1 Delivery not authorized", "failed"),
        ("rcpt", "550 5.1.1 No such user here", "failed"),
        ("data", "451 4.3.0 Try again later", "pending"),
        ("rcpt", "452 4.2.2 Mailbox full", "pending"),
    ],
)
def test_smtp_replies_5xx_permanent_4xx_transient(world: World, where: str, reply: str, status: str) -> None:
    row_id = world.queue(world.add_alert(), world.email_target)
    if where == "data":
        world.smtp.reject = reply
    else:
        world.smtp.reject_rcpt = reply
    assert deliver(world.factory, row_id, now=T0) == status
    row = world.row(row_id)
    assert row.status == status and row.attempts == 1
    assert reply[:3] in (row.last_error or "")
    assert world.smtp.messages == []
    # The server's reply text is not copied: it often quotes the recipient.
    assert reply[4:] not in (row.last_error or "")


def test_push_500_is_retried_and_a_bad_url_fails_for_good(world: World) -> None:
    alert = world.add_alert()
    row_id = world.queue(alert, world.push_target)
    world.push.fail_with, world.push.fail_times = 500, 1
    assert deliver(world.factory, row_id, now=T0) == "pending"
    assert world.push.failed == 1 and world.push.received == []
    assert deliver(world.factory, row_id, now=T0 + timedelta(seconds=30)) == "sent"
    assert len(world.push.received) == 1

    bad = world.add_target("apprise", "nosuchscheme://token-abcdef/x")
    bad_row = world.queue(alert, bad)
    assert deliver(world.factory, bad_row, now=T0) == "failed"
    assert "not understood" in (world.row(bad_row).last_error or "")


def test_injected_merchant_and_budget_names_come_out_inert(world: World) -> None:
    evil_merchant = '<script>alert("x")</script> Shop\r\nBcc: thief@evil.test\r\n\r\n<b>FREE</b>'
    evil_budget = 'Food "fun"\r\nBcc: thief@evil.test'
    alert = world.add_alert(merchant=evil_merchant, budget_name=evil_budget)
    mail_row, push_row = world.queue(alert, world.email_target), world.queue(alert, world.push_target)
    assert deliver(world.factory, mail_row, now=T0) == "sent"
    assert deliver(world.factory, push_row, now=T0) == "sent"

    msg = world.smtp.messages[0]
    assert world.smtp.envelopes[0][1] == [ADDRESS]  # no extra recipient smuggled in
    assert msg["Bcc"] is None
    subject = str(msg["Subject"])
    assert "\r" not in subject and "\n" not in subject and subject.startswith('Food "fun" Bcc: thief@evil.test')
    text, html = parts(msg)
    assert "<script>" not in html and "<b>FREE" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "Food &#34;fun&#34;" in html
    assert "\nBcc:" not in text  # the merchant stays on its line
    assert '<script>alert("x")</script> Shop Bcc: thief@evil.test <b>FREE</b>' in text

    push = world.push.received[0]
    assert "\n" not in push["title"] and "\r" not in push["title"]
    assert "\nBcc:" not in push["message"]


def test_no_address_or_password_in_errors_or_logs(world: World, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    world.smtp.credentials = (SMTP_USER, SMTP_PASSWORD)
    alert = world.add_alert()

    # A wrong password: the login is refused, permanently.
    world.reconfigure(smtp_username=SMTP_USER, smtp_password="Wr0ng-" + SMTP_PASSWORD)
    refused = world.queue(alert, world.email_target)
    assert deliver(world.factory, refused, now=T0) == "failed"
    assert "refused the login" in (world.row(refused).last_error or "")

    # The right one: sent, after a real AUTH.
    world.reconfigure(smtp_password=SMTP_PASSWORD)
    second = world.add_target("email", "bob.private@example.test")
    ok = world.queue(alert, second)
    assert deliver(world.factory, ok, now=T0) == "sent"
    assert world.smtp.logins == [SMTP_USER]

    # A recipient refused and a push outage: the errors that might quote them.
    world.smtp.reject_rcpt = f"550 5.1.1 <{ADDRESS}> unknown"
    third_alert = world.add_alert(threshold=100, spent=100_000)
    rcpt = world.queue(third_alert, world.email_target)
    assert deliver(world.factory, rcpt, now=T0) == "failed"
    world.push.fail_with = 503
    push = world.queue(alert, world.push_target)
    assert deliver(world.factory, push, now=T0) == "pending"
    world.smtp.stop()
    down = world.queue(world.add_alert(threshold=50, spent=50_000), world.email_target)
    assert deliver(world.factory, down, now=T0) == "pending"

    secrets_ = [ADDRESS, "bob.private@example.test", SMTP_PASSWORD, PUSH_TOKEN]
    errors = [world.row(oid).last_error or "" for oid in (refused, rcpt, push, down)]
    assert all(errors)
    # Everything logged in this process, the libraries' DEBUG included, except the test SMTP
    # server's own log (the receiving side, which knows the recipient by definition).
    logged = [r.getMessage() for r in caplog.records if not r.name.startswith("mail.log")]
    assert any("outbox" in line for line in logged) and any(r.name == "apprise" for r in caplog.records)
    for secret in secrets_:
        assert not [e for e in errors if secret in e], secret
        assert not [line for line in logged if secret in line], secret


def test_a_row_left_sending_by_a_dead_worker_is_reclaimed_then_sent(world: World) -> None:
    row_id = world.queue(world.add_alert(), world.email_target)
    assert claim(world.factory, row_id, T0)  # the worker claims, then dies before sending
    assert deliver(world.factory, row_id, now=T0 + timedelta(minutes=1)) == ""  # still held

    with world.factory.begin() as s:
        assert reclaim_stuck(s, T0 + timedelta(minutes=5), older_than=timedelta(minutes=10)) == 0
    with world.factory.begin() as s:
        assert due_outbox_ids(s, T0 + timedelta(minutes=11)) == []
        assert reclaim_stuck(s, T0 + timedelta(minutes=11), older_than=timedelta(minutes=10)) == 1
    with world.factory() as s:
        assert due_outbox_ids(s, T0 + timedelta(minutes=11)) == [row_id]
    assert deliver(world.factory, row_id, now=T0 + timedelta(minutes=11)) == "sent"
    assert len(world.smtp.messages) == 1 and world.row(row_id).attempts == 2


def test_outbox_folder_writes_one_eml_per_alert_and_target(world: World, tmp_path: Path) -> None:
    folder = tmp_path / "outbox"
    world.reconfigure(outbox_dir=str(folder))
    alert = world.add_alert()
    row_id = world.queue(alert, world.email_target)
    assert deliver(world.factory, row_id, now=T0) == "sent"
    # A retry after a crash (the row went back to pending) rewrites the same file.
    with world.factory.begin() as s:
        s.execute(update(Outbox).where(Outbox.id == row_id).values(status="pending"))
    assert deliver(world.factory, row_id, now=T0 + timedelta(minutes=1)) == "sent"

    files = sorted(p.name for p in folder.iterdir())
    mid = world.row(row_id).message_id.strip("<>").replace("@", "_")
    assert files == [f"{mid}.eml"] and files[0].startswith(f"spendwatch-alert-{alert}-{world.email_target}.")
    assert world.smtp.messages == []  # the folder replaces SMTP
    from email import policy
    from email.parser import BytesParser

    msg = BytesParser(policy=policy.default).parsebytes((folder / files[0]).read_bytes())
    assert msg["To"] == ADDRESS and "OMR 82.500 of OMR 100.000" in parts(msg)[0]


def test_message_for_renders_without_sending(world: World) -> None:
    alert = world.add_alert(threshold=100, spent=104_250)
    row_id = world.queue(alert, world.email_target)
    with world.factory() as s:
        row = s.scalars(select(Outbox).where(Outbox.id == row_id)).one()
        message = message_for(s, row)
    assert message.subject == "Groceries: 104% of budget spent (passed 100%)"
    assert "Over budget by OMR 4.250" in message.text and "OMR 104.250 of OMR 100.000" in message.text
    assert message.message_id == world.row(row_id).message_id
    assert world.row(row_id).status == "pending" and world.smtp.messages == []


def test_a_message_id_is_fixed_per_outbox_row_and_unique_beyond_this_database(world: World) -> None:
    """Ids start at 1 again after a database reset or on a second install, and Gmail hides a
    new mail whose Message-ID it already holds: the same (alert, target) must not give the
    same Message-ID twice, while every retry of one row carries its own."""
    from pipeline.budgets import message_id_for

    alert = world.add_alert()
    row_id = world.queue(alert, world.email_target)
    first = world.row(row_id).message_id
    assert message_id_for(alert, world.email_target) != first  # "another install", same ids
    world.smtp.stop()
    assert deliver(world.factory, row_id, now=T0) == "pending"  # a retry ahead
    world.smtp.start()
    assert deliver(world.factory, row_id, now=world.row(row_id).next_attempt_at) == "sent"
    assert [m["Message-ID"] for m in world.smtp.messages] == [first]


def _spend(world: World, amount_minor: int, when: datetime, fingerprint: str) -> list[int]:
    """A purchase at Lulu counted into the user's budgets as the pipeline does; its outbox row ids."""
    with world.factory.begin() as s:
        t = Transaction(user_id=world.user_id, amount_minor=amount_minor, currency="OMR", direction="debit",
                        kind="purchase", merchant="Lulu", merchant_raw="Lulu", occurred_at=when,
                        fingerprint=fingerprint)
        s.add(t)
        s.flush()
        return budgets.apply_transaction(s, t, +1, T0).outbox_ids


def _sent(world: World, outbox_ids: list[int]) -> tuple[str, str, str]:
    """Deliver the e-mail and push rows of one alert when due; the subject, the e-mail text and the push text."""
    for oid in outbox_ids:
        assert deliver(world.factory, oid, now=world.row(oid).next_attempt_at) == "sent"
    msg = world.smtp.messages[-1]
    return str(msg["Subject"]), parts(msg)[0], world.push.received[-1]["message"]


def test_an_amount_changed_before_the_send_does_not_change_the_figures_sent(world: World) -> None:
    """Recorded at 82.500 of 100.000 (82 %), sent after SMTP came back hours later, when the
    budget was 150.000 by then: the message said "OMR 82.500 of OMR 150.000 spent (82%)"."""
    with world.factory.begin() as s:
        user = s.get(User, world.user_id)
        assert user is not None
        budget = budget_edit.create(s, user, budget_edit.BudgetSpec(name="Groceries", amount_minor=100_000), T0)
        budget_id = budget.id
    assert _spend(world, 70_000, datetime(2026, 11, 5, 9, tzinfo=timezone.utc), "fp-a1") != []  # 70 %: 50
    outbox = _spend(world, 12_500, datetime(2026, 11, 21, 14, 5, tzinfo=timezone.utc), "fp-a2")  # 82.5 %: 80
    with world.factory() as s:
        alert = s.get(Alert, s.get(Outbox, outbox[0]).alert_id)
        assert (alert.threshold, alert.percent, alert.spent_minor) == (80, 82, 82_500)
        assert (alert.limit_minor, alert.carried_minor) == (100_000, 0)
    world.smtp.stop()
    assert deliver(world.factory, outbox[0], now=world.row(outbox[0]).next_attempt_at) == "pending"
    with world.factory.begin() as s:  # meanwhile the budget is raised
        user, budget = s.get(User, world.user_id), s.get(Budget, budget_id)
        assert user is not None and budget is not None
        budget_edit.update(s, user, budget, T0 + timedelta(hours=1), amount_minor=150_000)
    world.smtp.start()
    subject, text, push = _sent(world, outbox)
    assert subject == "Groceries: 82% of budget spent (passed 80%)"
    for body in (text, push):
        assert "OMR 82.500 of OMR 100.000 spent (82%)" in body
        assert "Left: OMR 17.500." in body
        assert "150.000" not in body and "67.500" not in body


def test_a_carry_moved_before_the_send_does_not_change_the_figures_sent(world: World) -> None:
    """A rollover budget: November carries October's 30.000 in (limit 130.000); 70.000 spent is
    the 50 % alert (53 %). A late October purchase of 50.000 leaves November -20.000 (limit
    80.000) before the alert is sent: it said "OMR 70.000 of OMR 80.000 spent (53%)" with
    "OMR 100.000 budget - OMR 20.000 overspent before"."""
    with world.factory.begin() as s:
        user = s.get(User, world.user_id)
        assert user is not None
        spec = budget_edit.BudgetSpec(name="Groceries", amount_minor=100_000, rollover=True)
        budget_edit.create(s, user, spec, datetime(2026, 10, 2, tzinfo=timezone.utc))
    assert _spend(world, 70_000, datetime(2026, 10, 10, 9, tzinfo=timezone.utc), "fp-c1") == []  # past: silent
    outbox = _spend(world, 70_000, datetime(2026, 11, 2, 9, tzinfo=timezone.utc), "fp-c2")  # 70 of 130: 50
    assert len(outbox) == 2
    with world.factory() as s:
        alert = s.get(Alert, s.get(Outbox, outbox[0]).alert_id)
        assert (alert.threshold, alert.percent, alert.limit_minor, alert.carried_minor) == (50, 53, 100_000, 30_000)
    late = _spend(world, 50_000, datetime(2026, 10, 31, 19, 50, tzinfo=timezone.utc), "fp-c3")  # 23:50 in Muscat
    assert len(late) == 2  # November now stands at 70 of 80: its 80 % alert speaks, with its own figures
    subject, text, push = _sent(world, outbox)
    assert subject == "Groceries: 53% of budget spent (passed 50%)"
    for body in (text, push):
        assert "OMR 70.000 of OMR 130.000 spent (53%)" in body
        assert "OMR 100.000 budget + OMR 30.000 carried over" in body
        assert "Left: OMR 60.000." in body
        assert "OMR 80.000" not in body and "overspent" not in body
    subject, text, push = _sent(world, late)
    assert subject == "Groceries: 87% of budget spent (passed 80%)"
    for body in (text, push):
        assert "OMR 70.000 of OMR 80.000 spent (87%)" in body
        assert "OMR 100.000 budget - OMR 20.000 overspent before" in body
