"""Fixing a mailbox or a notify target from the terminal (SQLite default): no traceback, no secret shown."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from models import MailAccount, MailboxCursor, NotifyTarget, RawEmail, User
from pipeline import db, secrets
from tests.support.cli import embedded_cli

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
TOKEN = "tk_Secret123"


@pytest.fixture
def cli(tmp_path, monkeypatch):
    for run in embedded_cli(tmp_path, monkeypatch, NOW):
        run("user", "create", "me@example.test")
        yield run


def add(cli, name: str = "main", *extra: str, code: int = 0) -> str:
    return cli("mailbox", "add", name, "--host", "imap.example.test", "--username", "me@example.test",
               "--password", "first-pw", *extra, code=code)


def account(name: str = "main") -> MailAccount:
    with db.session() as s:
        acct = s.scalar(select(MailAccount).where(MailAccount.name == name))
        assert acct is not None
        s.expunge(acct)
        return acct


def test_a_duplicate_name_is_one_line_not_a_traceback(cli):
    assert "mailbox #1 main added" in add(cli)
    out = add(cli, code=2)
    assert "a mailbox named 'main' already exists (#1)" in out
    assert "IntegrityError" not in out and len(out.strip().splitlines()) <= 3, out
    with db.session() as s:
        assert s.scalar(select(MailAccount.id).where(MailAccount.name == "main")) == 1
        assert len(s.scalars(select(MailAccount)).all()) == 1


def test_accept_forwarded(cli):
    add(cli)
    assert account().accept_forwarded is False
    assert "accepts forwarded alerts" in add(cli, "fwd", "--accept-forwarded")
    assert account("fwd").accept_forwarded is True


def test_set_password_prompted_hidden_or_from_stdin(cli):
    add(cli)
    out = cli("mailbox", "set-password", "1", input="second-pw\n")
    assert "password updated" in out and "second-pw" not in out
    acct = account()
    assert "second-pw" not in acct.password_enc and secrets.decrypt(acct.password_enc) == "second-pw"

    out = cli("mailbox", "set-password", "1", "--password-stdin", input="third pw\n")
    assert "third pw" not in out
    assert secrets.decrypt(account().password_enc) == "third pw"

    assert "the password is empty" in cli("mailbox", "set-password", "1", "--password-stdin", input="\n", code=2)
    assert secrets.decrypt(account().password_enc) == "third pw"
    assert "no mailbox #9" in cli("mailbox", "set-password", "9", "--password-stdin", input="x\n", code=2)


def test_disable_enable_remove(cli):
    add(cli, "[/b]")
    assert "mailbox #1 [/b] disabled" in cli("mailbox", "disable", "1")
    assert account("[/b]").enabled is False
    assert "no" in cli("mailbox", "list").split("[/b]", 1)[1]
    assert "mailbox #1 [/b] enabled" in cli("mailbox", "enable", "1")
    assert account("[/b]").enabled is True
    for cmd in ("disable", "enable", "remove"):
        assert "no mailbox #7" in cli("mailbox", cmd, "7", code=2)

    with db.session() as s:
        user_id = s.scalar(select(User.id))
        s.add(RawEmail(user_id=user_id, mail_account_id=1, folder="INBOX", uidvalidity=1, uid=1, sha256="a" * 64,
                       raw=b"Subject: x\r\n\r\nbody"))
        s.add(MailboxCursor(mail_account_id=1, folder="INBOX", uidvalidity=1, last_uid=1))
        s.commit()
    assert "mailbox #1 [/b] removed; its 1 stored e-mail(s) stay" in cli("mailbox", "remove", "1")
    with db.session() as s:
        assert s.scalars(select(MailAccount)).all() == []
        assert s.scalars(select(MailboxCursor)).all() == []
        assert [r.mail_account_id for r in s.scalars(select(RawEmail))] == [None]
    # the name is free again
    assert "added" in add(cli, "[/b]")


def test_notify_list_and_remove(cli):
    cli("notify", "add-email", "alerts@example.test")
    out = cli("notify", "add-push", f"ntfy://{TOKEN}@ntfy.example.test/topic")
    assert TOKEN not in out
    cli("notify", "add-push", f"json://hooks.example.test/{TOKEN}", "--label", "[/x] hook")
    listing = cli("notify", "list")
    assert TOKEN not in listing
    assert "alerts@example.test" in listing and "ntfy://…" in listing and "[/x] hook" in listing
    assert "me@example.test" in listing

    assert "target #2 apprise ntfy://… removed" in cli("notify", "remove", "2")
    with db.session() as s:
        assert [t.id for t in s.scalars(select(NotifyTarget).order_by(NotifyTarget.id))] == [1, 3]
    assert "ntfy" not in cli("notify", "list")
    assert "no notify target #2" in cli("notify", "remove", "2", code=2)


def test_polling_a_mailbox_that_does_not_exist_is_an_error(cli):
    """`spendwatch poll --mailbox 99` in a cron line: exit 2 and say so, not a quiet success."""
    assert "no mailbox 99" in cli("poll", "--mailbox", "99", code=2)


def test_the_poll_interval_defaults_to_the_setting_and_is_bounded(cli, monkeypatch):
    from pipeline import config

    add(cli, "plain")
    assert account("plain").poll_interval_s == 300
    monkeypatch.setenv("SPENDWATCH_POLL_INTERVAL_S", "90")
    config.reset()
    add(cli, "from-setting")
    assert account("from-setting").poll_interval_s == 90  # SPENDWATCH_POLL_INTERVAL_S was ignored
    add(cli, "own", "--poll-interval", "600")
    assert account("own").poll_interval_s == 600
    for bad in ("0", "-5", "9"):  # 0 made `watch` poll in a tight loop
        assert "--poll-interval" in add(cli, f"bad{bad}", "--poll-interval", bad, code=2)


def test_plain_tls_is_accepted_with_a_warning(cli):
    out = add(cli, "lan", "--tls", "plain", "--port", "143")
    assert "mailbox #1 lan added" in out
    assert "warning: --tls plain sends the password and your mail unencrypted" in out
    assert "warning" not in add(cli, "safe")


@pytest.mark.parametrize("host", ["a..b", "imap example.test", "x" * 64 + ".example.test"])
def test_a_host_the_api_refuses_is_refused_here_too(cli, host):
    out = cli("mailbox", "add", "bad", "--host", host, "--username", "me", "--password", "pw", code=2)
    assert "--host:" in out
    with db.session() as s:
        assert s.scalars(select(MailAccount)).all() == []
