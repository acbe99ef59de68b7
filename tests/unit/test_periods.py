"""Period math as data tables: month ends, leap years, anchor 31, weeks, custom ranges."""

from datetime import date
from types import SimpleNamespace

import pytest

from pipeline.periods import Period, PeriodError, period_for, previous


def budget(period: str, anchor_day: int = 1, anchor_month: int = 1, start=None, end=None):
    return SimpleNamespace(period=period, anchor_day=anchor_day, anchor_month=anchor_month, start_date=start, end_date=end)


@pytest.mark.parametrize(
    ("anchor", "day", "start", "end"),
    [
        (1, date(2026, 11, 22), date(2026, 11, 1), date(2026, 11, 30)),
        (1, date(2026, 12, 31), date(2026, 12, 1), date(2026, 12, 31)),
        (5, date(2026, 11, 4), date(2026, 10, 5), date(2026, 11, 4)),  # payday the 5th to the 4th
        (5, date(2026, 11, 5), date(2026, 11, 5), date(2026, 12, 4)),
        (5, date(2027, 1, 3), date(2026, 12, 5), date(2027, 1, 4)),  # across the year end
        (31, date(2024, 2, 29), date(2024, 2, 29), date(2024, 3, 30)),  # 31st falls on the last day (leap)
        (31, date(2025, 2, 28), date(2025, 2, 28), date(2025, 3, 30)),
        (31, date(2025, 2, 27), date(2025, 1, 31), date(2025, 2, 27)),
        (30, date(2025, 3, 1), date(2025, 2, 28), date(2025, 3, 29)),
    ],
)
def test_monthly(anchor, day, start, end):
    assert period_for(budget("monthly", anchor), day) == Period(start, end)


def test_monthly_periods_tile_the_calendar_without_gaps_or_overlaps():
    b = budget("monthly", 31)
    day, seen = date(2023, 12, 1), []
    while day < date(2025, 3, 1):
        p = period_for(b, day)
        assert p is not None and p.contains(day)
        if not seen or seen[-1] != p:
            if seen:
                assert (p.start - seen[-1].end).days == 1
            seen.append(p)
        day = date.fromordinal(day.toordinal() + 1)
    assert len(seen) >= 14


@pytest.mark.parametrize(
    ("week_start", "anchor", "day", "start"),
    [
        (0, 0, date(2026, 11, 22), date(2026, 11, 16)),  # Sunday, weeks from Monday
        (6, 0, date(2026, 11, 22), date(2026, 11, 22)),  # weeks from Sunday
        (0, 6, date(2026, 11, 21), date(2026, 11, 21)),  # anchor_day 6 = Saturday
        (0, 6, date(2026, 11, 20), date(2026, 11, 14)),
    ],
)
def test_weekly(week_start, anchor, day, start):
    p = period_for(budget("weekly", anchor), day, week_start)
    assert p == Period(start, date.fromordinal(start.toordinal() + 6))


@pytest.mark.parametrize(
    ("month", "anchor", "day", "start", "end"),
    [
        (1, 1, date(2026, 6, 1), date(2026, 1, 1), date(2026, 12, 31)),
        (4, 1, date(2026, 3, 31), date(2025, 4, 1), date(2026, 3, 31)),  # fiscal year from April
        (2, 29, date(2025, 3, 1), date(2025, 2, 28), date(2026, 2, 27)),
    ],
)
def test_yearly(month, anchor, day, start, end):
    assert period_for(budget("yearly", anchor, month), day) == Period(start, end)


def test_custom_range_contains_only_its_days():
    b = budget("custom", start=date(2026, 11, 10), end=date(2026, 11, 20))
    assert period_for(b, date(2026, 11, 10)) == Period(date(2026, 11, 10), date(2026, 11, 20))
    assert period_for(b, date(2026, 11, 21)) is None
    assert previous(b, Period(date(2026, 11, 10), date(2026, 11, 20))) is None


def test_custom_without_dates_and_unknown_kind_are_refused():
    with pytest.raises(PeriodError, match="start_date and end_date"):
        period_for(budget("custom"), date(2026, 1, 1))
    with pytest.raises(PeriodError, match="unknown budget period 'daily'"):
        period_for(budget("daily"), date(2026, 1, 1))


def test_days_left_counts_today_and_is_never_negative():
    p = Period(date(2026, 11, 1), date(2026, 11, 30))
    assert p.days_left(date(2026, 11, 30)) == 1
    assert p.days_left(date(2026, 11, 1)) == 30
    assert p.days_left(date(2026, 12, 5)) == 0


def test_previous_monthly_period():
    b = budget("monthly", 5)
    assert previous(b, Period(date(2026, 11, 5), date(2026, 12, 4))) == Period(date(2026, 10, 5), date(2026, 11, 4))
