"""Threshold crossing is integer math on minor units: exact at the boundary."""

import pytest

from pipeline.budget_view import state_of
from pipeline.budgets import crossed, percent


@pytest.mark.parametrize(
    ("old", "new", "limit", "hits"),
    [
        (0, 49_999, 100_000, []),
        (0, 50_000, 100_000, [50]),  # exactly 50% crosses 50
        (40_000, 105_000, 100_000, [50, 80, 100]),  # a jump records every threshold passed
        (50_000, 79_999, 100_000, []),  # 50 already crossed: not again
        (79_999, 80_000, 100_000, [80]),
        (100_000, 200_000, 100_000, []),  # 100 was crossed at exactly 100%
        (90_000, 50_000, 100_000, []),  # spend going down crosses nothing
        (0, 1, 3, []),  # 33% of a 3-unit budget
        (1, 2, 3, [50]),  # 66.6% of 3 units
    ],
)
def test_crossed(old, new, limit, hits):
    assert crossed([50, 80, 100], limit, old, new) == hits


def test_custom_thresholds_are_sorted_and_deduplicated():
    assert crossed([100, 25, 25, 75], 1000, 0, 800) == [25, 75]


def test_zero_limit_alerts_on_first_spend_only():
    assert crossed([50, 80, 100], 0, 0, 10) == [50, 80, 100]
    assert crossed([50, 80, 100], 0, 10, 20) == []


@pytest.mark.parametrize(
    ("spent", "limit", "state", "pct"),
    [
        (0, 100_000, "on_track", 0),
        (79_999, 100_000, "on_track", 79),
        (80_000, 100_000, "warning", 80),
        (100_000, 100_000, "warning", 100),  # exactly at the limit is not exceeded
        (100_001, 100_000, "exceeded", 100),
        (250_000, 100_000, "exceeded", 250),
    ],
)
def test_state_and_percent(spent, limit, state, pct):
    assert state_of(spent, limit) == state
    assert percent(spent, limit) == pct
