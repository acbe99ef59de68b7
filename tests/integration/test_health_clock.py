"""`spendwatch health` and GET /api/health judge ages by the real time, not SPENDWATCH_CLOCK.

The times they compare (stored, polled, due) are recorded in real time; with the clock frozen
a month ahead (replaying mail as of a date, the demo) a mailbox polled a second ago was
"not polled for 30 days" and health critical."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from models import MailAccount, User
from pipeline import db, secrets
from tests.support.cli import cli_on

pytestmark = pytest.mark.integration

FROZEN = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=30)


@pytest.fixture
def cli(tmp_path, monkeypatch):
    yield from cli_on(None, tmp_path, monkeypatch, FROZEN)


def test_a_mailbox_polled_just_now_is_healthy_whatever_the_clock_says(cli) -> None:
    cli("user", "create", "me@example.test")
    with db.session() as s:
        user = s.scalar(select(User))
        s.add(MailAccount(user_id=user.id, name="main", host="imap.example.test", port=993, username="me",
                          password_enc=secrets.encrypt("pw"), poll_interval_s=300,
                          last_poll_at=datetime.now(timezone.utc)))
    report = json.loads(cli("health", "--json"))
    assert report["status"] == "ok", report
    with TestClient(create_app()) as client:
        answer = client.get("/api/health")
    assert (answer.status_code, answer.json()["status"]) == (200, "ok")
