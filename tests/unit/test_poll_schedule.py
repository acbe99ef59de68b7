"""sweep.poll_every: a mailbox's interval, stretched while its polls are refused (pure)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pipeline.sweep import poll_every


@pytest.mark.parametrize(("interval", "refused", "minutes"), [
    (300, 0, 5), (300, 1, 5), (300, 3, 5), (300, 4, 8), (300, 6, 32), (300, 9, 256), (300, 10, 360),
    (300, 10_000, 360),  # no overflow, still the cap
    (86_400, 5, 1440),  # a daily mailbox stays daily: the backoff never shortens an interval
    (10, 1, 1),  # ...and never lengthens the first retry past a minute
])
def test_the_backoff_doubles_from_a_minute_to_six_hours(interval, refused, minutes):
    assert poll_every(interval, refused) == timedelta(minutes=minutes)
