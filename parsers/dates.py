"""Dates and times in common alert formats (pure; the Date header is the fallback and the hint).

Day-first is preferred (most of the world); month-first when day-first is impossible, or
when only month-first agrees with the Date header (a US bank's 05/06/25 sent in May).
A date without a year takes the header's year. A date without a zone takes the Date
header's offset, else UTC.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MON = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_NUMERIC = re.compile(r"(?<![\d.])(?P<a>\d{1,4})(?P<sep>[/\-.])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{4}|\d{2})(?![\d])")
_NAMED = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s\-]?" + _MON + r"[\s\-,']*(?P<y>\d{4}|\d{2})(?![\d:])",
                    re.IGNORECASE)
_NAMED_US = re.compile(r"\b" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b", re.IGNORECASE)
_NAMED_NO_YEAR = re.compile(r"\b(?P<d>\d{1,2})[\s\-]?" + _MON + r"(?![a-z])(?!\s*[\-,']?\s*\d)", re.IGNORECASE)
_TIME = re.compile(r"(?<![\d.:])(?P<h>\d{1,2})(?::(?P<m>\d{2})(?::(?P<s>\d{2}))?|\.(?P<m2>\d{2})\.(?P<s2>\d{2}))"
                   r"(?![\d])\s*(?P<ap>[AaPp]\.?[Mm]\.?)?")


def _year(y: int) -> int:
    return y + 2000 if y < 100 else y


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(_year(y), m, d)
    except ValueError:
        return None


def _numeric(a: str, b: str, c: str, hint: date | None) -> date | None:
    x, y, z = int(a), int(b), int(c)
    if len(a) == 4:  # ISO order: 2025-06-22
        return _safe(x, y, z)
    day_first = _safe(z, y, x)
    month_first = _safe(z, x, y)
    if day_first and month_first and hint is not None and day_first != month_first:
        # Both readings exist: the one in the header's month wins; day-first otherwise.
        if (month_first.year, month_first.month) == (hint.year, hint.month) and \
                (day_first.year, day_first.month) != (hint.year, hint.month):
            return month_first
    return day_first or month_first


def find_date(text: str, hint: date | None = None) -> tuple[date, int] | None:
    """(date, position) of the first date in the text; ``hint`` (the Date header's day)
    settles D/M vs M/D and supplies a missing year."""
    best: tuple[date, int] | None = None

    def offer(found: date | None, pos: int) -> None:
        nonlocal best
        if found is not None and (best is None or pos < best[1]):
            best = (found, pos)

    for m in _NUMERIC.finditer(text):
        d = _numeric(m.group("a"), m.group("b"), m.group("c"), hint)
        if d is not None:
            offer(d, m.start())
            break
    for pattern in (_NAMED, _NAMED_US):
        for m in pattern.finditer(text):
            mon = _MONTHS.get(m.group("mon").lower()[:3])
            if mon:
                d = _safe(int(m.group("y")), mon, int(m.group("d")))
                if d is not None:
                    offer(d, m.start())
                    break
    if best is None and hint is not None:
        for m in _NAMED_NO_YEAR.finditer(text):
            mon = _MONTHS.get(m.group("mon").lower()[:3])
            if mon:
                d = _safe(hint.year, mon, int(m.group("d")))
                if d is not None:
                    # "27 DEC" read in a January mail is last year's.
                    if d > hint and (d - hint).days > 31:
                        d = _safe(hint.year - 1, mon, int(m.group("d"))) or d
                    offer(d, m.start())
                    break
    return best


def find_time(text: str, start: int = 0, window: int = 40) -> time | None:
    """The first clock time within ``window`` characters after ``start``."""
    for tm in _TIME.finditer(text, start, min(len(text), start + window + 20)):
        if tm.start() - start > window:
            break
        h = int(tm.group("h"))
        mi = int(tm.group("m") or tm.group("m2") or 0)
        s = int(tm.group("s") or tm.group("s2") or 0)
        ap = (tm.group("ap") or "").lower().replace(".", "")
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
        if h < 24 and mi < 60 and s < 60:
            return time(h, mi, s)
    return None


def find_datetime(text: str, header: datetime | None) -> datetime | None:
    """The transaction time printed in the text, else the Date header."""
    hint = header.date() if header is not None else None
    found = find_date(text, hint)
    if found is None:
        return header
    day, pos = found
    t = find_time(text, pos) or time(12, 0)
    when = datetime.combine(day, t)
    if header is not None and abs((when - header.replace(tzinfo=None)).days) > 400:
        return header  # a number that only looked like a date
    offset = header.utcoffset() if header is not None else None
    if offset:
        # The bank's clock: a Date header with a zone other than UTC was stamped by its
        # server in that zone (+0400 for Oman, +0530 for India).
        assert header is not None
        return when.replace(tzinfo=header.tzinfo)
    # A printed time and a UTC (or missing) Date header say nothing about the bank's zone
    # (servers and relays stamp UTC): left without a zone, it is read in the user's zone
    # when counted (pipeline.process). Pinned to UTC, 23:30 in Muscat became the next day.
    return when
