"""parsers.dates as data tables: printed dates and times -> aware datetimes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from parsers.dates import find_date, find_datetime, find_time

GST = timezone(timedelta(hours=4))
HEADER = datetime(2025, 6, 23, 8, 0, tzinfo=GST)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("debited on 22/06/25 at 20:29", datetime(2025, 6, 22, 20, 29, tzinfo=GST)),
        ("on 22-06-2025 20:29:05", datetime(2025, 6, 22, 20, 29, 5, tzinfo=GST)),
        ("22 JUN 25 20:29", datetime(2025, 6, 22, 20, 29, tzinfo=GST)),
        ("on 22-Jun-25", datetime(2025, 6, 22, 12, 0, tzinfo=GST)),
        ("on 2025-06-22 at 20:29", datetime(2025, 6, 22, 20, 29, tzinfo=GST)),
        ("on June 22, 2025 at 8:29 PM", datetime(2025, 6, 22, 20, 29, tzinfo=GST)),
        ("Jun 22 2025 12:05 am", datetime(2025, 6, 22, 0, 5, tzinfo=GST)),
        ("22nd June 2025", datetime(2025, 6, 22, 12, 0, tzinfo=GST)),
        ("22.06.2025 20:29", datetime(2025, 6, 22, 20, 29, tzinfo=GST)),
        ("on 22JUN at 06.33.02", datetime(2025, 6, 22, 6, 33, 2, tzinfo=GST)),
        # Day-first unless impossible: 06/13 can only be month-first.
        ("06/13/25 10:00", datetime(2025, 6, 13, 10, 0, tzinfo=GST)),
    ],
)
def test_find_datetime(text: str, expected: datetime) -> None:
    assert find_datetime(text, HEADER) == expected


def test_no_date_falls_back_to_the_header() -> None:
    assert find_datetime("INR 500 debited from A/c XX12", HEADER) == HEADER
    assert find_datetime("INR 500 debited", None) is None


def test_a_far_away_number_is_not_the_date() -> None:
    # 01/01/99 reads as 1999: too far from the mail to be its transaction date.
    assert find_datetime("Ref 01/01/99", HEADER) == HEADER


def test_without_a_zone_to_go_by_a_printed_time_is_left_local() -> None:
    """No Date header, or a UTC one: the printed time is the bank's local clock, read later in
    the user's zone (pinned to UTC, 23:30 in Muscat became 03:30 the next day)."""
    assert find_datetime("on 2025-06-22 at 20:29", None) == datetime(2025, 6, 22, 20, 29)
    utc_header = datetime(2026, 11, 30, 19, 30, 5, tzinfo=timezone.utc)
    assert find_datetime("debited with OMR 5.000 at LULU on 30/11/26 23:30", utc_header) == datetime(2026, 11, 30, 23, 30)


def test_a_zoned_date_header_gives_the_printed_time_its_zone() -> None:
    muscat = timezone(timedelta(hours=4))
    header = datetime(2026, 11, 30, 23, 31, tzinfo=muscat)
    assert find_datetime("debited with OMR 5.000 at LULU on 30/11/26 23:30", header) == datetime(
        2026, 11, 30, 23, 30, tzinfo=muscat)


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        # Both readings possible: day-first by default...
        ("05/06/25", None, date(2025, 6, 5)),
        ("05/06/25", date(2025, 6, 7), date(2025, 6, 5)),
        # ...month-first when only that agrees with the Date header (a US bank in May).
        ("05/06/25", date(2025, 5, 7), date(2025, 5, 6)),
        ("13/05/2025", date(2025, 5, 14), date(2025, 5, 13)),
        # No year: the header's year, or the previous one for a December date read in January.
        ("27 DEC at 10:00", date(2026, 1, 2), date(2025, 12, 27)),
        ("27NOV", date(2025, 12, 1), date(2025, 11, 27)),
    ],
)
def test_find_date_with_hint(text: str, hint: date | None, expected: date) -> None:
    found = find_date(text, hint)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("text", ["no date", "Rs 1,234.56", "call 1800 2662", "99/99/99"])
def test_no_date(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("at 20:29", time(20, 29)), ("at 8:05 PM", time(20, 5)), ("12:30 a.m.", time(0, 30)),
     ("06.33.02", time(6, 33, 2)), ("25:61", None), ("Rs 10.50", None)],
)
def test_find_time(text: str, expected: time | None) -> None:
    assert find_time(text) == expected
