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
    add(cli)
    assert "--host:" in cli("mailbox", "edit", "1", "--host", host, code=2)
    assert account().host == "imap.example.test"


def test_a_mailbox_is_edited_from_the_terminal(cli):
    """`mailbox edit` changes only what is given, with the API's checks; a change lifts the
    refused-login backoff (the user fixed something)."""
    add(cli)
    with db.session() as s:
        s.scalar(select(MailAccount)).refused_polls = 4
        s.commit()
    out = cli("mailbox", "edit", "1", "--folder", "INBOX", "--folder", "Bank alerts", "--poll-interval", "120",
              "--sender", "alerts@newbank.example", "--accept-forwarded")
    assert "updated accept_forwarded, folders, poll_interval_s, sender_filter" in out
    acct = account()
    assert (acct.folders, acct.poll_interval_s, acct.sender_filter, acct.accept_forwarded, acct.refused_polls) == (
        ["INBOX", "Bank alerts"], 120, ["alerts@newbank.example"], True, 0)
    assert (acct.host, acct.username, secrets.decrypt(acct.password_enc)) == (
        "imap.example.test", "me@example.test", "first-pw")
    cli("mailbox", "edit", "1", "--no-senders", "--no-accept-forwarded", "--name", "bank")
    acct = account("bank")
    assert (acct.sender_filter, acct.accept_forwarded) == ([], False)

    assert "nothing to change" in cli("mailbox", "edit", "1", code=2)
    assert "--poll_interval_s" in cli("mailbox", "edit", "1", "--poll-interval", "0", code=2)
    assert "--tls_mode" in cli("mailbox", "edit", "1", "--tls", "ssl3", code=2)
    assert "--port" in cli("mailbox", "edit", "1", "--port", "70000", code=2)
    assert "--action_folder: required when action is move" in cli("mailbox", "edit", "1", "--action", "move", code=2)
    assert "no mailbox #7" in cli("mailbox", "edit", "7", "--poll-interval", "60", code=2)
    add(cli, "other")
    assert "already exists" in cli("mailbox", "edit", "2", "--name", "bank", code=2)
    assert account("bank").poll_interval_s == 120
