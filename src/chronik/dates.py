"""Publication dates at the granularity the input gave: ISO, German numeric and German text forms.

``parse_date("2022-02")`` is a month (Feb 1 .. Feb 28), never a day; ``"11. Februar 2022"`` and
``"11.02.2022"`` are days; a timestamp with a time of day is an instant.  Unparseable input
gives ``None`` so the caller can report it.
"""

from __future__ import annotations

import calendar
import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

from .doc import DocDate

MIN_YEAR, MAX_YEAR = 1800, 2100

MONTHS = {
    "januar": 1, "jänner": 1, "jaenner": 1, "jan": 1,
    "februar": 2, "feber": 2, "feb": 2,
    "märz": 3, "maerz": 3, "mär": 3, "mrz": 3,
    "april": 4, "apr": 4,
    "mai": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "dez": 12,
    # English month names appear in feeds and exports from English-language tools.
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10,
    "oct": 10, "december": 12, "dec": 12, "mar": 3,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:Mo|Di|Mi|Do|Fr|Sa|So)[a-z]*\.?,?\s+)?"
_TIME = r"(?:,?\s*(?:um\s+)?(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<ss>\d{2}))?\s*(?:Uhr)?)?"

_ISO_YEAR = re.compile(r"(?P<y>\d{4})")
_ISO_MONTH = re.compile(r"(?P<y>\d{4})[-/](?P<m>\d{1,2})")
_ISO_DAY = re.compile(r"(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})")
_COMPACT_DAY = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")
_ISO_INSTANT = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})[T ](?P<hh>\d{2}):(?P<mi>\d{2})(?::(?P<ss>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|UTC)?"
)
_DE_NUM_DAY = re.compile(_WEEKDAY + r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})" + _TIME, re.I)
_DE_NUM_MONTH = re.compile(r"(?P<m>\d{1,2})[./](?P<y>\d{4})")
_DE_TEXT_DAY = re.compile(
    _WEEKDAY + r"(?P<d>\d{1,2})\.?\s+(?P<mon>" + _MONTH_RE + r")\.?\s+(?P<y>\d{4})" + _TIME, re.I)
_EN_TEXT_DAY = re.compile(r"(?P<mon>" + _MONTH_RE + r")\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})", re.I)
_DE_TEXT_MONTH = re.compile(r"(?P<mon>" + _MONTH_RE + r")\.?\s+(?P<y>\d{4})", re.I)

# Dates inside running text (a dateline, an HTML "Veröffentlicht am ..."): day forms only and the
# month-year form; bare years are too ambiguous in text.
_IN_TEXT = re.compile(
    r"(?<![\d.])(?:"
    r"(?P<tday>\d{1,2})\.?\s+(?P<tmon>" + _MONTH_RE + r")\.?\s+(?P<ty>\d{4})"
    r"|(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})\.(?P<ny>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r"|(?<![\w.])(?P<mmon>" + _MONTH_RE + r")\s+(?P<my>\d{4})"
    r")(?!\d)",
    re.I,
)


def _year(y: int) -> DocDate | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    return DocDate(f"{y:04d}", "year", date(y, 1, 1), date(y, 12, 31))


def _month(y: int, m: int) -> DocDate | None:
    if not (MIN_YEAR <= y <= MAX_YEAR and 1 <= m <= 12):
        return None
    last = calendar.monthrange(y, m)[1]
    return DocDate(f"{y:04d}-{m:02d}", "month", date(y, m, 1), date(y, m, last))


def _day(y: int, m: int, d: int) -> DocDate | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    return DocDate(day.isoformat(), "day", day, day)


def _instant(dt: datetime) -> DocDate | None:
    if not MIN_YEAR <= dt.year <= MAX_YEAR:
        return None
    # The calendar day is the one the publisher wrote (its local time), not UTC.
    return DocDate(dt.isoformat(), "instant", dt.date(), dt.date())


def _with_time(g: dict, y: int, m: int, d: int) -> DocDate | None:
    if g.get("hh") is None:
        return _day(y, m, d)
    try:
        dt = datetime(y, m, d, int(g["hh"]), int(g["mi"]), int(g["ss"] or 0))
    except ValueError:
        return None
    return _instant(dt)


@lru_cache(maxsize=4096)
def parse_date_string(text: str) -> DocDate | None:
    """Parse one date string (a field value, not running text)."""
    s = " ".join(text.strip().split())
    if not s:
        return None
    if m := _ISO_INSTANT.fullmatch(s):
        tz = m["tz"]
        iso = f"{m['y']}-{m['m']}-{m['d']}T{m['hh']}:{m['mi']}:{m['ss'] or '00'}"
        if tz in ("Z", "UTC"):
            iso += "+00:00"
        elif tz:
            iso += tz if ":" in tz else f"{tz[:3]}:{tz[3:]}"
        try:
            return _instant(datetime.fromisoformat(iso))
        except ValueError:
            return None
    if m := _ISO_DAY.fullmatch(s):
        return _day(int(m["y"]), int(m["m"]), int(m["d"]))
    if m := _ISO_MONTH.fullmatch(s):
        return _month(int(m["y"]), int(m["m"]))
    if m := _ISO_YEAR.fullmatch(s):
        return _year(int(m["y"]))
    if m := _COMPACT_DAY.fullmatch(s):
        return _day(int(m["y"]), int(m["m"]), int(m["d"]))
    if m := _DE_NUM_DAY.fullmatch(s):
        return _with_time(m.groupdict(), int(m["y"]), int(m["m"]), int(m["d"]))
    if m := _DE_NUM_MONTH.fullmatch(s):
        return _month(int(m["y"]), int(m["m"]))
    if m := _DE_TEXT_DAY.fullmatch(s):
        return _with_time(m.groupdict(), int(m["y"]), MONTHS[m["mon"].lower()], int(m["d"]))
    if m := _EN_TEXT_DAY.fullmatch(s):
        return _day(int(m["y"]), MONTHS[m["mon"].lower()], int(m["d"]))
    if m := _DE_TEXT_MONTH.fullmatch(s):
        return _month(int(m["y"]), MONTHS[m["mon"].lower()])
    # RFC 822 (RSS pubDate): "Wed, 02 Feb 2022 14:20:00 +0100"
    try:
        return _instant(parsedate_to_datetime(s))
    except (TypeError, ValueError, IndexError):
        return None


def parse_date(value: object) -> DocDate | None:
    """A DocDate from a field value: string, date, datetime, struct_time, a year or YYYYMMDD number."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _instant(value) if (value.hour, value.minute, value.second) != (0, 0, 0) or value.tzinfo \
            else _day(value.year, value.month, value.day)
    if isinstance(value, date):
        return _day(value.year, value.month, value.day)
    if isinstance(value, time.struct_time):
        return _instant(datetime(*value[:6]))
    if isinstance(value, int):
        # 20220211: a compact day written as a JSON/Parquet number
        return parse_date_string(str(value)) if 10_000_000 <= value <= 99_999_999 else _year(value)
    if isinstance(value, str):
        return parse_date_string(value)
    return None


def find_date_in_text(text: str) -> DocDate | None:
    """The first date written in ``text`` (e.g. a dateline), at the granularity written."""
    for m in _IN_TEXT.finditer(text):
        if m["tday"]:
            found = _day(int(m["ty"]), MONTHS[m["tmon"].lower()], int(m["tday"]))
        elif m["nd"]:
            found = _day(int(m["ny"]), int(m["nm"]), int(m["nd"]))
        elif m["iy"]:
            found = _day(int(m["iy"]), int(m["im"]), int(m["id"]))
        else:
            found = _month(int(m["my"]), MONTHS[m["mmon"].lower()])
        if found:
            return found
    return None
