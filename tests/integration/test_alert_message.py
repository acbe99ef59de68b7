"""What a threshold alert says, figure by figure: subject, text, HTML and the push text.

message_for() on SQLite rows made with the models (no send). Service clock: 20:00 in
Muscat on 21 Nov 2026; the budget's period is November unless a test says otherwise.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from models import Alert, Budget, BudgetPeriod, NotifyTarget, Outbox, Transaction, User
from pipeline import config, db, schema, secrets
from pipeline.budgets import message_id_for, percent
from pipeline.deliver import message_for
from pipeline.notify.base import AlertMessage
from pipeline.notify.email import build

pytestmark = pytest.mark.integration

FSI, PDI = "\u2068", "\u2069"


@pytest.fixture
def render(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[object]:
    for key in list(os.environ):
        if key.startswith("SPENDWATCH_") and not key.startswith("SPENDWATCH_TEST_"):
            monkeypatch.delenv(key)
    env = {"database_url": f"sqlite:///{tmp_path / 'alerts.db'}", "secret_key": Fernet.generate_key().decode(),
           "data_dir": str(tmp_path / "data"), "clock": "2026-11-21T20:00:00+04:00"}
    for key, value in env.items():
        monkeypatch.setenv(f"SPENDWATCH_{key.upper()}", value)
    config.reset()
    db.reset()
    schema.upgrade(db.engine())
    factory = db.session_factory()
    with factory.begin() as s:
        user = User(email="alice@example.test", timezone="Asia/Muscat")
        s.add(user)
        s.flush()
        target = NotifyTarget(user_id=user.id, kind="email", label="e", address_enc=secrets.encrypt("a@example.test"))
        s.add(target)
        s.flush()
        user_id, target_id = user.id, target.id

    def _render(*, name: str = "Groceries", currency: str = "OMR", limit: int = 100_000, carried: int = 0,
                spent: int = 82_500, threshold: int = 80, amount: int = 12_500, merchant: str = "Lulu",
                start: date = date(2026, 11, 1), end: date = date(2026, 11, 30)) -> AlertMessage:
        with factory.begin() as s:
            budget = Budget(user_id=user_id, name=name, amount_minor=limit, currency=currency)
            s.add(budget)
            s.flush()
            bp = BudgetPeriod(budget_id=budget.id, start=start, end=end, limit_minor=limit, carried_minor=carried,
                              spent_minor=spent)
            txn = Transaction(user_id=user_id, amount_minor=amount, currency=currency, direction="debit",
                              kind="purchase", merchant=merchant, merchant_raw=merchant,
                              occurred_at=datetime(2026, 11, 21, 14, 5, tzinfo=timezone.utc),
                              fingerprint=f"fp-{budget.id}")
            s.add_all([bp, txn])
            s.flush()
            alert = Alert(budget_period_id=bp.id, threshold=threshold, percent=percent(spent, limit + carried),
                          spent_minor=spent, transaction_id=txn.id)
            s.add(alert)
            s.flush()
            row = Outbox(alert_id=alert.id, target_id=target_id, message_id=message_id_for(alert.id, target_id),
                         next_attempt_at=datetime(2026, 11, 21, tzinfo=timezone.utc))
            s.add(row)
            s.flush()
            return message_for(s, row)

    yield _render
    db.engine().dispose()
    config.reset()
    db.reset()


def _bodies(m: AlertMessage) -> list[str]:
    return [m.subject, m.text, m.html]


def test_amounts_have_thousands_separators_and_the_currency_s_decimals(render) -> None:
    """JPY 1260000 and USD 126000.00 were hard to read at a glance on a phone."""
    jpy = render(currency="JPY", limit=1_500_000, spent=1_260_000, amount=250_000)
    assert "JPY 1,260,000 of JPY 1,500,000" in jpy.text and "JPY 240,000" in jpy.text
    assert "JPY 250,000 at" in jpy.text and "JPY 1,260,000" in jpy.html
    kwd = render(currency="KWD", limit=1_500_000, spent=1_260_000, amount=250_000)
    assert "KWD 1,260.000 of KWD 1,500.000" in kwd.text and "KWD 250.000 at" in kwd.text
    usd = render(currency="USD", limit=15_000_000, spent=12_600_000, amount=250_000)
    assert "USD 126,000.00 of USD 150,000.00" in usd.text and "USD 24,000.00" in usd.text


def test_99_96_percent_reads_99_not_100(render) -> None:
    m = render(spent=99_960, threshold=80)
    assert "(99%)" in m.text and "100%" not in m.text and "99% of budget spent" in m.subject
    assert "Left: OMR 0.040." in m.text


def test_a_limit_of_zero_says_over_budget_and_no_percent(render) -> None:
    """'OMR 5.000 of OMR 0.000 spent (100%)': 5 of 0 is not 100%."""
    m = render(limit=0, spent=5_000, threshold=100)
    assert m.subject == "Groceries: over budget by OMR 5.000"
    for body in _bodies(m):
        assert "100%" not in body and "of OMR 0.000" not in body
    assert "Over budget by OMR 5.000." in m.text


def test_a_carry_that_leaves_a_negative_limit_never_shows_a_negative_limit_as_spend_of(render) -> None:
    """Overspending last month by 120 on a 100 budget: 'OMR 5.000 of OMR -20.000 spent (100%)'."""
    m = render(limit=100_000, carried=-120_000, spent=5_000, threshold=100)
    assert m.subject == "Groceries: over budget by OMR 25.000"
    for body in _bodies(m):
        assert "of OMR -20.000" not in body and "100%" not in body
    assert "Over budget by OMR 25.000." in m.text
    assert "OMR 100.000 budget - OMR 120.000 overspent before" in m.text


def test_a_rollover_carry_is_explained_next_to_the_effective_limit(render) -> None:
    """'OMR 120.000 of OMR 150.000' on a budget of 100 is right (the carry is in) but unexplained."""
    m = render(limit=100_000, carried=50_000, spent=120_000, threshold=80)
    for body in (m.text, m.html):
        assert "OMR 120.000" in body and "OMR 150.000" in body
        assert "OMR 100.000 budget + OMR 50.000 carried over" in body
    assert "Left: OMR 30.000." in m.text and "(80%)" in m.text
    plain = render(limit=100_000, spent=82_500)
    assert "carried" not in plain.text and "carried" not in plain.html


def test_exactly_at_100_percent_the_text_says_at_not_past(render) -> None:
    m = render(spent=100_000, threshold=100)
    assert m.subject == "Groceries: 100% of budget spent (passed 100%)"  # the fault harness parses titles
    assert "past" not in m.text and "at the 100% mark" in m.text and "Left: OMR 0.000." in m.text
    over = render(spent=105_000, threshold=100)  # 40% -> 105%: one message, the highest threshold
    assert over.subject == "Groceries: 105% of budget spent (passed 100%)"
    assert "Over budget by OMR 5.000." in over.text and "past the 100% mark" in over.text


def test_days_left_of_a_period_that_has_not_started_is_at_most_its_length(render) -> None:
    """A bank clock ahead across the boundary speaks as the current period: '41 days left' in a 31-day month."""
    m = render(start=date(2026, 12, 1), end=date(2026, 12, 31))
    assert "31 days left" in m.text and "41" not in m.text


def _first_strong_is_ltr(line: str) -> bool:
    """UAX #9 P2: the first strong character outside isolates sets a plain-text line's direction."""
    depth = 0
    for ch in line:
        if ch in "\u2066\u2067\u2068":
            depth += 1
        elif ch == PDI:
            depth = max(0, depth - 1)
        elif depth == 0 and unicodedata.bidirectional(ch) in ("L", "R", "AL"):
            return unicodedata.bidirectional(ch) == "L"
    return True


def test_arabic_names_are_isolated_so_the_figures_keep_their_order(render) -> None:
    """An Arabic budget name first on the line made the subject and the text right-to-left, and the
    digits after it (': 82%') joined the Arabic run."""
    m = render(name="بقالة", merchant="مطعم 24")
    assert m.subject.startswith(f"{FSI}بقالة{PDI}: 82% of budget spent")
    for line in [m.subject, *m.text.splitlines()]:
        assert _first_strong_is_ltr(line), line
    assert f"at {FSI}مطعم 24{PDI} on" in m.text
    assert "<bdi>بقالة</bdi>" in m.html and "<bdi>مطعم 24</bdi>" in m.html


def test_bidi_overrides_in_a_name_do_not_reverse_the_rest_of_the_line(render) -> None:
    """A right-to-left override (U+202E) in a merchant name flipped 'on 21 Nov 2026 18:05' after it."""
    m = render(merchant="SHOP\u202eEVIL", name="Food\u2069\u202e")
    for body in _bodies(m):
        assert not re.search("[\u202a-\u202e\u2066\u2067]", body), body
        assert body.count(FSI) == body.count(PDI)


def test_a_long_budget_name_leaves_the_figures_in_the_push_title(render) -> None:
    """Phones cut a notification title after about 40 characters, ntfy after 200: the name came first
    and was up to 200 characters, so '82% of budget spent' was cut off."""
    m = render(name="Groceries and household supplies for the family home in Muscat " * 3)
    assert m.subject.endswith(": 82% of budget spent (passed 80%)")
    assert len(m.subject) <= 80 and "…" in m.subject
    assert render(name="🍔 Food 👨‍👩‍👧").subject == "🍔 Food 👨‍👩‍👧: 82% of budget spent (passed 80%)"


def test_names_with_html_and_markdown_are_escaped_in_html(render) -> None:
    m = render(name="<b>Food</b> & *x*", merchant="[click](https://evil.example) <i>x</i>")
    assert "<b>Food" not in m.html and "&lt;b&gt;Food&lt;/b&gt; &amp; *x*" in m.html
    assert "<i>x</i>" not in m.html and "&lt;i&gt;x&lt;/i&gt;" in m.html


def test_the_date_header_names_utc_not_an_unknown_zone() -> None:
    """formatdate(localtime=False) writes '-0000', RFC 5322's 'zone unknown'."""
    msg = build(AlertMessage(subject="s", text="t", html="<p>t</p>", message_id="<a-1-1@spendwatch.local>"),
                "me@example.test", "alerts@example.test")
    assert msg["Date"].endswith("+0000")
    assert parsedate_to_datetime(msg["Date"]).tzinfo is not None
    assert msg["MIME-Version"] == "1.0" and msg["Auto-Submitted"] == "auto-generated"


def test_the_push_title_and_body_carry_the_isolated_name_and_the_figures(render, push_receiver) -> None:
    from pipeline.notify.push import ApprisePush

    m = render(name="بقالة " + "x" * 80, merchant="مطعم")
    ApprisePush().send(m, push_receiver.url_for("/alerts"))
    push = push_receiver.received[-1]
    assert push["title"] == m.subject and push["title"].endswith(": 82% of budget spent (passed 80%)")
    assert push["title"].startswith(FSI) and f"{PDI}:" in push["title"]
    assert "OMR 82.500 of OMR 100.000" in push["message"] and f"at {FSI}مطعم{PDI} on" in push["message"]
