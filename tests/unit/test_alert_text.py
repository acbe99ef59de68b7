"""Alert texts: one-line headers whatever the names hold, and the plain text's lines."""

from __future__ import annotations

import pytest

from pipeline.notify.base import AlertMessage
from pipeline.notify.email import build
from pipeline.notify.render import one_line, render_alert

BREAKS = ["\r\n", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\x00", "\x9b"]


@pytest.mark.parametrize("brk", BREAKS)
def test_one_line_leaves_no_line_break_of_any_kind(brk):
    text = one_line(f"Groceries{brk}Bcc: victim@example.test")
    assert text.splitlines() == [text]
    assert text == "Groceries Bcc: victim@example.test"


@pytest.mark.parametrize("brk", BREAKS)
def test_an_alert_mail_builds_whatever_the_budget_name_holds(brk):
    """A budget name with NEL once made every build fail, and the alert was retried for days, never sent."""
    msg = build(AlertMessage(subject=f"Food{brk}x: 80% of budget spent", text="t", html="<p>t</p>",
                             message_id="<a-1-1@spendwatch.local>", headers={"X-Budget": f"Food{brk}x"}),
                "me@example.test", "alerts@example.test")
    raw = msg.as_bytes()
    assert b"\nBcc" not in raw
    assert msg["Subject"] == "Food x: 80% of budget spent"


def _context(**extra: object) -> dict[str, object]:
    return {"budget": "Groceries", "spent": "OMR 132.500", "limit": "OMR 150.000", "percent": 88, "threshold": 80,
            "remaining_negative": False, "remaining": "OMR 17.500", "over": "", "start": "2026-11-01",
            "end": "2026-11-30", "days_left": 10, "txn": None, "no_limit": False, "carry_note": "", "mark": "past",
            **extra}


def test_the_plain_text_keeps_each_sentence_on_its_line():
    text, _html = render_alert(_context())
    assert text.splitlines()[:3] == [
        "Groceries: OMR 132.500 of OMR 150.000 spent (88%), past the 80% mark.",
        "Left: OMR 17.500.",
        "Period 2026-11-01 to 2026-11-30, 10 days left.",
    ]
    over, _ = render_alert(_context(remaining_negative=True, over="OMR 2.000"))
    assert over.splitlines()[1] == "Over budget by OMR 2.000."
