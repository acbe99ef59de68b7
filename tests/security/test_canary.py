"""Canary passwords never leave encrypted storage (or the settings) in plaintext.

A canary IMAP password (Dovecot's user carol) and a canary SMTP password (the SMTP
server's AUTH) are used by a real run: a poll through a real Celery worker on Redis, an
alert delivered over SMTP with a login, then a wrong IMAP password and an SMTP server
that refuses the login (the error paths are where secrets tend to leak). Meanwhile Redis
MONITOR records every command. Afterwards neither canary may appear:

- in the Redis traffic, raw or after decoding each kombu message (bodies are base64);
- in Flower's task views: Flower shows the args/kwargs of task events and messages, so
  every task message and every task event must carry ids only (``tasks take ids only``);
- in the logs: every record caplog saw (message and traceback) and the worker's output;
- in a database dump: ``pg_dump`` of the test database, and a SELECT of every text,
  varchar, json and bytea column of every table.

The canaries were really used (Dovecot and the SMTP server accepted them; the stored
mailbox password decrypts to the canary): the checks are not vacuous.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import subprocess
import threading
import traceback
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from models import MailAccount, Outbox
from pipeline import secrets
from tests.servers.dovecot import CANARY_PASSWORD as IMAP_CANARY
from tests.servers.postgres import PGBIN
from tests.support import mails
from tests.support.service import running_service, wait_for

pytestmark = pytest.mark.integration
SMTP_CANARY = "smtp-canary-pw-3e9d41a6b8"
SMTP_USER = "spendwatch-mailer"
CANARIES = (IMAP_CANARY, SMTP_CANARY)


def now() -> datetime:
    return datetime.now(timezone.utc)


# ----------------------------------------------------------------------------- Redis capture
class Monitor:
    """Redis MONITOR in a thread: every command any client sends, as text."""

    def __init__(self, url: str) -> None:
        import redis

        self.url = url
        self.commands: list[str] = []
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._conn = redis.Redis.from_url(url)
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with self._conn.monitor() as m:
            self._ready.set()
            for event in m.listen():
                self.commands.append(str(event.get("command", "")))
                if self._stop.is_set():
                    break

    def start(self) -> None:
        self._thread.start()
        self._ready.wait(10)

    def stop(self) -> None:
        import redis

        self._stop.set()
        redis.Redis.from_url(self.url).ping()  # wakes the listen loop
        self._thread.join(10)


def _json_objects(command: str) -> list[Any]:
    """Every JSON object embedded in a MONITOR line (kombu messages, event payloads)."""
    found, dec, i = [], json.JSONDecoder(), 0
    while (i := command.find("{", i)) != -1:
        try:
            obj, end = dec.raw_decode(command, i)
        except ValueError:
            i += 1
            continue
        found.append(obj)
        i = end
    return found


def _decoded_bodies(obj: Any) -> list[Any]:
    """A kombu message's body decoded (base64 -> JSON), or nothing."""
    if not isinstance(obj, dict) or "body" not in obj:
        return []
    body = obj["body"]
    if (obj.get("properties") or {}).get("body_encoding") == "base64" and isinstance(body, str):
        body = base64.b64decode(body).decode("utf-8", "replace")
    try:
        return [json.loads(body) if isinstance(body, str) else body]
    except ValueError:
        return [body]


def _ids_only(value: Any) -> bool:
    """Task arguments: ids, or one list of ids (a batch)."""
    def is_id(v: Any) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)

    return all(is_id(v) or (isinstance(v, list) and all(is_id(x) for x in v)) for v in value)


# ----------------------------------------------------------------------------- the run
def _last_poll_after(svc, account_id: int, since: datetime) -> bool:
    with svc.session() as s:
        acct = s.get(MailAccount, account_id)
        return bool(acct and acct.last_poll_at and acct.last_poll_at >= since)


def _pg_dump(url: str) -> str:
    u = make_url(url)
    cmd = [str(PGBIN / "pg_dump"), "-h", u.host or "127.0.0.1", "-p", str(u.port or 5432), "-U", u.username or "postgres",
           "--data-only", "--inserts", u.database or ""]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                          env=dict(os.environ, PGPASSWORD=u.password or ""))
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _every_text_column(svc) -> list[str]:
    """SELECT of every text/varchar/json/bytea column of every table (bytea as UTF-8, lossy)."""
    out = []
    with svc.session() as s:
        cols = s.execute(text(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'bytea', 'character')"
        )).all()
        for table, column in cols:
            for (value,) in s.execute(text(f'SELECT "{column}" FROM "{table}"')):  # noqa: S608 - names from the catalog
                if isinstance(value, (bytes, memoryview)):
                    value = bytes(value).decode("utf-8", "replace")
                if value is not None:
                    out.append(f"{table}.{column}: {value}")
    return out


def test_canary_passwords_never_appear_in_plaintext(monkeypatch, pg_url, redis_url, dovecot, smtp_sink,
                                                      push_receiver, tmp_path, caplog, capfd):
    from tasks import jobs
    from tasks.app import app

    # Flower builds its task views from task events: turn them on, so they cross Redis too.
    monkeypatch.setitem(app.conf, "worker_send_task_events", True)
    monkeypatch.setitem(app.conf, "task_send_sent_event", True)
    caplog.set_level(logging.DEBUG)
    smtp_sink.credentials = (SMTP_USER, SMTP_CANARY)
    monitor = Monitor(redis_url)
    with running_service(monkeypatch, pg_url, redis_url, tmp_path, imap_cafile=str(dovecot.cafile),
                         smtp_host=smtp_sink.host, smtp_port=str(smtp_sink.port), smtp_from="spendwatch@example.test",
                         smtp_username=SMTP_USER, smtp_password=SMTP_CANARY, log_level="DEBUG") as svc:
        monitor.start()
        user_id = svc.add_user()
        svc.add_budget(user_id, "All", "10.000")
        email_target = svc.add_target(user_id, "email", "owner@example.test")
        svc.add_target(user_id, "apprise", push_receiver.url_for("/canary"))
        account_id = svc.add_mailbox(user_id, host=dovecot.host, port=dovecot.port, username="carol",
                                     password=IMAP_CANARY, tls_mode="starttls")

        # 1. The canaries at work: IMAP login as carol, SMTP AUTH for the alert.
        dovecot.append("carol", "INBOX", mails.card_purchase("6.000", "LULU", now() - timedelta(minutes=5),
                                                             message_id="<canary-1@bankmuscat.com>"))
        jobs.poll_mailbox.delay(account_id)
        wait_for(lambda: len(smtp_sink.messages) >= 1 and len(push_receiver.received) >= 1, 60, "the 50% alert")
        assert SMTP_USER in smtp_sink.logins  # the SMTP canary was used and accepted

        # 2. A wrong IMAP password: the login fails, the error is recorded.
        since = now()
        bad = svc.add_mailbox(user_id, name="wrong", host=dovecot.host, port=dovecot.port, username="carol",
                              password=IMAP_CANARY + "-wrong", tls_mode="starttls")
        jobs.poll_mailbox.delay(bad)
        wait_for(lambda: _last_poll_after(svc, bad, since), 60, "the failing poll")

        # 3. The SMTP server refuses the login: the alert fails (permanent), the error is recorded.
        smtp_sink.credentials = (SMTP_USER, "not-the-canary")
        dovecot.append("carol", "INBOX", mails.card_purchase("3.000", "OMANTEL", now() - timedelta(minutes=4),
                                                             message_id="<canary-2@bankmuscat.com>"))
        jobs.poll_mailbox.delay(account_id)

        def refused() -> bool:
            with svc.session() as s:
                rows = s.scalars(select(Outbox).where(Outbox.target_id == email_target)).all()
                return any(r.status == "failed" and "login" in (r.last_error or "") for r in rows)

        wait_for(refused, 60, "the refused SMTP login")
        monitor.stop()

        dump = _pg_dump(svc.database_url)
        columns = _every_text_column(svc)
        with svc.session() as s:
            stored = s.get(MailAccount, account_id)
            assert stored is not None and secrets.decrypt(stored.password_enc) == IMAP_CANARY
            assert IMAP_CANARY not in stored.password_enc

    # Redis traffic, raw and decoded.
    assert monitor.commands, "MONITOR saw no traffic"
    objects = [o for c in monitor.commands for o in _json_objects(c)]
    bodies = [b for o in objects for b in _decoded_bodies(o)]
    decoded = [json.dumps(b) if not isinstance(b, str) else b for b in bodies]
    for canary in CANARIES:
        assert not [c for c in monitor.commands if canary in c], canary
        assert not [d for d in decoded if canary in d], canary

    # Task messages (what a worker and Flower's task page see): ids only.
    tasks = [(o["headers"], b) for o in objects if isinstance(o.get("headers"), dict) and o["headers"].get("task")
             for b in _decoded_bodies(o)]
    names = {h["task"] for h, _ in tasks}
    assert {"spendwatch.poll_mailbox", "spendwatch.deliver_outbox"} <= names, names
    assert names & {"spendwatch.process_email", "spendwatch.process_batch"}, names
    for headers, body in tasks:
        args, kwargs = body[0], body[1]
        assert _ids_only(args) and kwargs == {}, (headers["task"], args, kwargs)
        assert set(str(headers.get("argsrepr", ""))) <= set("()[]0123456789, "), headers
        assert headers.get("kwargsrepr") in ("{}", None), headers
    # Task events (Flower's live view): args/kwargs reprs are ids only too.
    events = [b for b in bodies if isinstance(b, dict) and str(b.get("type", "")).startswith("task-")]
    with_args = [e for e in events if "args" in e]
    assert with_args, f"no task events with args seen ({len(events)} task events)"
    for e in with_args:
        assert set(str(e["args"])) <= set("()[]0123456789, "), e
        assert str(e.get("kwargs", "{}")) == "{}", e

    # Logs: caplog (the worker runs in this process) and everything written to stdout/stderr.
    logged = []
    for r in caplog.records:
        logged.append(r.getMessage())
        if r.exc_info:
            logged.append("".join(traceback.format_exception(*r.exc_info)))
        if r.exc_text:
            logged.append(r.exc_text)
    out, err = capfd.readouterr()
    assert any("login" in line.lower() or "refused" in line.lower() for line in logged), "no error was logged"
    for canary in CANARIES:
        assert not [line for line in logged if canary in line], canary
        assert canary not in out and canary not in err

    # The database: a dump and every text column.
    assert "mail_accounts" in dump and "INSERT INTO" in dump
    for canary in CANARIES:
        assert canary not in dump, canary
        assert not [c for c in columns if canary in c], canary
