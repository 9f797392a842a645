"""Calendar arithmetic for TimeML values: periods with their first and last day.

A ``Period`` is what a resolved DATE/TIME means on the calendar: its TimeML ``value`` and the
``earliest``/``latest`` days it can cover.  Everything here is pure date arithmetic.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta

from ..doc import DocDate

MIN_DATE = date(1, 1, 1)
MAX_DATE = date(9999, 12, 31)


@dataclass(slots=True, frozen=True)
class Period:
    value: str
    earliest: date | None
    latest: date | None


def last_day(y: int, m: int) -> int:
    return _cal.monthrange(y, m)[1]


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def shift_day(d: date, n: int, unit: str) -> date:
    """``d`` moved by ``n`` units (D, W, M, Y); month ends clamp (31 Jan + 1 M = 28/29 Feb)."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    if unit in ("M", "Y"):
        y, m = add_months(d.year, d.month, n if unit == "M" else 12 * n)
        return date(y, m, min(d.day, last_day(y, m)))
    raise ValueError(unit)


def day(d: date) -> Period:
    return Period(d.isoformat(), d, d)


def month(y: int, m: int) -> Period:
    return Period(f"{y:04d}-{m:02d}", date(y, m, 1), date(y, m, last_day(y, m)))


def year(y: int) -> Period:
    return Period(f"{y:04d}", date(y, 1, 1), date(y, 12, 31))


def iso_week(d: date) -> Period:
    iy, iw, _ = d.isocalendar()
    monday = d - timedelta(days=d.isoweekday() - 1)
    return Period(f"{iy:04d}-W{iw:02d}", monday, monday + timedelta(days=6))


def weekend(d: date) -> Period:
    """The weekend of the ISO week containing ``d``."""
    iy, iw, _ = d.isocalendar()
    saturday = d + timedelta(days=6 - d.isoweekday())
    return Period(f"{iy:04d}-W{iw:02d}-WE", saturday, saturday + timedelta(days=1))


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def season(y: int, code: str) -> Period:
    first, last = SEASON_MONTHS[code]
    end_year = y + 1 if last < first else y
    return Period(f"{y:04d}-{code}", date(y, first, 1), date(end_year, last, last_day(end_year, last)))


def quarter(y: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(f"{y:04d}-Q{q}", date(y, first, 1), date(y, first + 2, last_day(y, first + 2)))


def half(y: int, h: int) -> Period:
    first = 1 if h == 1 else 7
    return Period(f"{y:04d}-H{h}", date(y, first, 1), date(y, first + 5, last_day(y, first + 5)))


def decade(prefix: int) -> Period:
    """``prefix`` is the first three digits of the year: 199 -> the 1990s."""
    return Period(f"{prefix:03d}", date(prefix * 10, 1, 1), date(prefix * 10 + 9, 12, 31))


def century(prefix: int) -> Period:
    """TimeML century value: ``18`` is 1800-1899 (the 19th century)."""
    return Period(f"{prefix:02d}", date(max(prefix * 100, 1), 1, 1), date(prefix * 100 + 99, 12, 31))


def easter(y: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    mo = (h + l_ - 7 * m + 114) // 31
    da = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, mo, da)


def first_advent(y: int) -> date:
    """First Sunday of Advent: four Sundays before Christmas (the 4th is on or before 24 Dec)."""
    dec24 = date(y, 12, 24)
    return dec24 - timedelta(days=dec24.isoweekday() % 7) - timedelta(weeks=3)


def nth_weekday(y: int, m: int, weekday: int, n: int) -> date:
    first = date(y, m, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


def holiday(rule: str, y: int) -> date:
    """The day of a holiday rule from lexicons/timex/holidays.tsv in year ``y``."""
    if rule[0] == "E":
        return easter(y) + timedelta(days=int(rule[1:]))
    if rule[0] == "A":
        return first_advent(y) + timedelta(days=int(rule[1:]))
    if rule.startswith("NTH:"):
        _, mm, wd, n = rule.split(":")
        return nth_weekday(y, int(mm), int(wd), int(n))
    return date(y, int(rule[:2]), int(rule[3:]))


def with_mod(p: Period, mod: str | None) -> Period:
    """Narrow the bounds for START / MID / END (first, middle, last third of the period)."""
    if mod not in ("START", "MID", "END") or p.earliest is None or p.latest is None:
        return p
    span = (p.latest - p.earliest).days + 1
    if span < 3:
        return p
    third = span // 3
    if mod == "START":
        return Period(p.value, p.earliest, p.earliest + timedelta(days=third - 1))
    if mod == "END":
        return Period(p.value, p.latest - timedelta(days=third - 1), p.latest)
    return Period(p.value, p.earliest + timedelta(days=third), p.latest - timedelta(days=third))


def common_value(earliest: date, latest: date) -> str:
    """The most specific TimeML value that covers every day in [earliest, latest]."""
    if earliest == latest:
        return earliest.isoformat()
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.year:04d}-{earliest.month:02d}"
    if earliest.year == latest.year:
        return f"{earliest.year:04d}"
    if earliest.year // 10 == latest.year // 10:
        return f"{earliest.year // 10:03d}"
    return "XXXX"


def signed_distance(p: Period, ref: date) -> int:
    """Days from ``ref`` to the period: 0 inside it, > 0 after it, < 0 before it."""
    if p.earliest <= ref <= p.latest:
        return 0
    if p.earliest > ref:
        return (p.earliest - ref).days
    return -(ref - p.latest).days


def parse_dct(value: str | None) -> DocDate | None:
    """A DocDate from ``2022``, ``2022-02``, ``2022-02-11`` or an ISO timestamp; None if unusable."""
    if not value:
        return None
    v = value.strip()
    try:
        if len(v) == 4 and v.isdigit():
            y = int(v)
            return DocDate(v, "year", date(y, 1, 1), date(y, 12, 31))
        if len(v) == 7 and v[4] == "-":
            p = month(int(v[:4]), int(v[5:7]))
            return DocDate(v, "month", p.earliest, p.latest)
        d = date.fromisoformat(v[:10])
    except ValueError:
        return None
    return DocDate(v, "day" if len(v) <= 10 else "instant", d, d)
