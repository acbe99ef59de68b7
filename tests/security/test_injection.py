"""Hostile merchant names come out inert: alert e-mail (SMTP), push text (Apprise json://) and CLI.

Three alerts cross the 50/80/100% thresholds one at a time, each by a transaction whose
merchant carries an injection: HTML/script, CR/LF header smuggling, SQL quotes and rich
console markup. The bank mail writes them as HTML entities, so the parsed merchant holds
the raw characters.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from models import Transaction
from pipeline.cli import app as cli
from tests.faults.harness import check_invariants, now, settle
from tests.support import mails
from tests.support.service import running_service, wait_for

pytestmark = pytest.mark.integration
runner = CliRunner()

SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"
CRLF = "CRLF SHOP&#13;&#10;Bcc: victim@evil.example&#13;&#10;&#13;&#10;<b>injected body</b>"
SQL = "O'BRIEN\"; DROP TABLE transactions;--"
MARKUP = "[red]X[/red][link=https://evil.example]PAY[/link]"


@pytest.fixture
def svc(monkeypatch, pg_url, redis_url, smtp_sink, push_receiver, tmp_path):
    with running_service(monkeypatch, pg_url, redis_url, tmp_path, smtp_host=smtp_sink.host,
                         smtp_port=str(smtp_sink.port), smtp_from="spendwatch@example.test") as service:
        yield service


def test_injection_in_merchant_names_is_inert_everywhere(svc, smtp_sink, push_receiver, tmp_path):
    user_id = svc.add_user()
    svc.add_budget(user_id, "Everything", "10.000")
    svc.add_target(user_id, "email", "owner@example.test")
    svc.add_target(user_id, "apprise", push_receiver.url_for("/push"))
    t0 = now() - timedelta(minutes=20)
    steps = [("5.000", SCRIPT), ("3.000", CRLF), ("2.000", SQL), ("0.500", MARKUP)]
    for i, (amount, merchant) in enumerate(steps):
        path = tmp_path / f"m{i}.eml"
        path.write_bytes(mails.card_purchase(amount, merchant, t0 + timedelta(minutes=i),
                                             message_id=f"<inj-{i}@bankmuscat.com>"))
        # One at a time: each crossing is its own step, so each alert names its merchant.
        result = runner.invoke(cli, ["ingest", str(path)])
        assert result.exit_code == 0, result.output
        settle(svc, i + 1)
    wait_for(lambda: len(smtp_sink.messages) >= 3 and len(push_receiver.received) >= 3, 60, "three alerts")
    counts = check_invariants(svc, expected_transactions=4)
    assert counts["alerts"] == 3

    with svc.session() as s:
        txns = s.scalars(select(Transaction)).all()
        merchants = {t.amount_minor: t.merchant_raw or "" for t in txns}
        shown = [t.display_name or t.merchant or "" for t in txns]
    # The name the CLI shows still holds the markup as text: what follows tests the CLI, not the parser.
    assert any("[link=https://evil.example]PAY[/link]" in m for m in shown), shown
    # The SQL quotes were stored as data, verbatim (the table still exists: the query ran).
    assert SQL in merchants.values()
    assert any("<script>" in m for m in merchants.values())

    # E-mail: no smuggled header, HTML escaped, every header one line.
    assert len(smtp_sink.messages) == 3
    for msg in smtp_sink.messages:
        assert msg.get_all("Bcc") is None
        assert "victim@evil.example" not in " ".join(str(v) for _, v in msg.items())
        for name, value in msg.items():
            assert "\n" not in str(value) and "\r" not in str(value), (name, value)
        html = msg.get_body(("html",))
        assert html is not None
        content = html.get_content()
        assert "<script" not in content.lower() and "<img" not in content.lower()
        assert "onerror=alert" not in content or "&lt;img" in content
        assert "<b>injected body</b>" not in content
    html_all = " ".join(m.get_body(("html",)).get_content() for m in smtp_sink.messages)
    assert "&lt;script&gt;" in html_all  # shown as text, not dropped silently
    text_all = "\n".join(m.get_body(("plain",)).get_content() for m in smtp_sink.messages)
    assert "\nBcc:" not in text_all  # the CR/LF did not start a line of its own

    # Push: title one line; the merchant stays on its line of the body.
    assert len(push_receiver.received) == 3
    for push in push_receiver.received:
        title, body = str(push.get("title", "")), str(push.get("message", ""))
        assert "\n" not in title and "\r" not in title
        assert not any(line.startswith("Bcc:") for line in body.splitlines())
    assert any("CRLF SHOP" in str(p.get("message")) for p in push_receiver.received)

    # CLI: the table shows names as text; console markup in a name is not interpreted.
    result = runner.invoke(cli, ["transactions", "list"], env={"COLUMNS": "250"}, terminal_width=250)
    assert result.exit_code == 0, result.output
    assert "DROP TABLE" in result.output
    assert "\x1b]8;" not in result.output  # no terminal hyperlink escape
    assert "[link=https://evil.example]PAY[/link]" in result.output, result.output
    assert not any(line.lstrip().startswith("Bcc:") for line in result.output.splitlines())
