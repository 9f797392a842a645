"""Find German time expressions and normalise them against the document creation time (DCT).

``TimexTagger.tag(text, dct, ...)`` returns ``Timex`` objects with TimeML type/value, ``mod``,
``anchor`` and ``earliest``/``latest`` bounds.  Resolution rules are in docs/timex.md; in short:

* explicit dates resolve as written;
* relative expressions shift the DCT;
* underspecified ones (weekday, month, day-month, season, holiday without a year) take the
  candidate that agrees with the direction of the clause (``direction.py``), else the nearest;
* a DCT coarser than a day is handled by resolving against its first and its last day: equal
  results are kept, different ones become the covering value with the union of bounds — a day
  that the input did not give is never invented.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from ..doc import DocDate, Document, Timex
from . import calendar as cal
from .calendar import Period
from .direction import BACKWARD, FORWARD, DirectionFinder
from .lexicon import alternation, rows
from .grammar import (CENTURY_WORDS, DAYPARTS, DECADE_WORDS, FAMILY_RES, HOLIDAYS, HOUR_WORDS, MONTHS,
                      SCANNER, SEASONS, WEEKDAYS, month_number, number, ordinal, unit_code)

_PART_MOD = {"anfang": "START", "beginn": "START", "mitte": "MID", "ende": "END", "ausgang": "END"}
# Words before a bare month / season / year that make it temporal ("im März", "seit 2019").
_TEMPORAL_LEFT = re.compile(
    r"(?:\b(?:im|in|seit|bis|ab|vom|von|zum|zur|nach|vor|zwischen|und|oder|Anfang|Mitte|Ende|Beginn|"
    r"Monat|Monate[ns]?|den|dem|des|diese[mnrs]?|vergangene[mnrs]?|kommende[mnrs]?|nächste[mnrs]?|letzte[mnrs]?|"
    r"Jahr|Jahres|Jahre|Saison|Sommer|Herbst|Winter|Frühjahr|Frühling|um|für|aus|Stand|"
    r"bis\s+zum|über\s+den|während\s+des)|[-–/])\s*$",
    re.IGNORECASE,
)
_NOT_YEAR_RIGHT = re.compile(r"\s*(?:%|‰|[A-ZÄÖÜ][a-zäöüß]|Prozent|Euro|Dollar|Mal\b|mal\b|Meter|Kilo|Tonnen|\d)")
_MONTH_AFTER = re.compile(r"\s*(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)
# Words before a number that introduce counts as often as years: "und 1000 Mann", "um 2000
# Menschen".  With a noun after it, a round number or one outside 1900-2100 is a count;
# "nach 2014 Sanktionen" stays a year.
_COUNT_LEFT = re.compile(r"\b(?:und|oder|von|um|für|aus|den|dem|des|nach|vor|zwischen)\s*$", re.I)
# A counted noun after the number, possibly behind a second number ("von 1500 auf 1800 Soldaten").
_COUNTED_RIGHT = re.compile(
    r"(?:\s*(?:auf|bis|und|oder|zu|[-–])\s*(?:\d{1,3}(?:\.\d{3})+|\d+))?\s+(?:"
    + alternation(r[0] for r in rows("count_nouns.tsv")) + r")(?!\w)")
_RANGE_LEFT = re.compile(r"\d\s*(?:auf|bis|und|oder|zu|[-–])\s*$")
_NOT_YEAR_LEFT = re.compile(r"(?:\b(?:Nr|Nummer|Platz|Artikel|Art|Paragraf|Seite|Punkt)\.?|§|\d)\s*$", re.I)
_CLOCK_LEFT = re.compile(r"(?:\b(?:um|gegen|ab|bis|seit|vor|zwischen|etwa|ca\.|auf|ist|war)|\d[.\d],)\s+$", re.I)
_NOT_CLOCK_RIGHT = re.compile(r"\s*(?:Std\b|Stunden|Min\b|Minuten|Sek|[,.]\d|\))")
_WEEK_SHIFT = {"vorvergangene": -2, "vergangene": -1, "letzte": -1, "vorige": -1, "diese": 0, "nächste": 1,
               "kommende": 1, "übernächste": 2}
_WEEKDAY_WORD = re.compile(alternation(WEEKDAYS), re.I)
_APPOSITION = re.compile(r"\s*[(,]\s*")
# A day-month without a year may lie this many days against the clause's tense before the year
# flips: tense cues are noisy, and news rarely means a date eleven months away.
DAY_TOLERANCE = 31
_PLURAL_UNIT = re.compile(r"(?:tage|tagen|wochen|monate|monaten|jahre|jahren|jahrzehnte|jahrzehnten|stunden|minuten|sekunden)$", re.I)
_SINCE_LEFT = re.compile(r"\b[Ss]eit(?:\s+(?:dem|der|den))?\s+$")
_FOR_LEFT = re.compile(r"\b[Ff]ür(?:\s+(?:den|die|das))?\s+$")
# "der ursprünglich für Sonntag geplante Start": a plan that may already lie in the past.
_ORIGINALLY = re.compile(r"\b(?:ursprünglich|eigentlich)\b", re.I)
_SENTENCE = re.compile(r"(?<=[^\d\s.][.!?])\s+(?=[A-ZÄÖÜ\"„»0-9])|\n\s*\n")
_DAYPART_FORMS = {k: v for k, v in DAYPARTS.items()}
_DAYPART_FORMS.update({"mittagszeit": "MI", "mittagsstunden": "MI", "mitternacht": "NI"})
_DET_DIRECTION = {"neu": FORWARD, "kommend": FORWARD, "nächst": FORWARD, "übernächst": FORWARD, "folgend": "next",
                  "darauffolgend": "next", "vergangen": BACKWARD, "letzt": BACKWARD, "vorig": BACKWARD,
                  "vorletzt": BACKWARD, "vorvergangen": BACKWARD, "dies": "this", "laufend": "this",
                  "gleich": "same", "selb": "same"}


def _det_kind(det: str | None) -> tuple[str | None, int]:
    """(direction-or-kind, extra step) for a determiner like "kommenden" / "vorletzten"."""
    if not det:
        return None, 0
    d = re.sub(r"e[nmrs]?$", "", det.lower())
    kind = _DET_DIRECTION.get(d)
    extra = 1 if d in ("übernächst", "vorletzt", "vorvergangen") else 0
    return kind, extra


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


@dataclass
class _Ctx:
    text: str
    dct: DocDate | None
    directions: DirectionFinder
    sentence_spans: list[tuple[int, int]]
    out: list[Timex] = field(default_factory=list)
    prev: Period | None = None  # last resolved day/month, for "am Tag darauf"
    prev_sentence: int = -1
    sent_day: Period | None = None  # last resolved day in the current sentence, for clock times
    sent_night: bool = False  # sent_day is the evening of a night ("Nacht zum Mittwoch")
    _sent_starts: list[int] = field(default_factory=list)

    def sentence_index(self, pos: int) -> int:
        if not self._sent_starts:
            self._sent_starts = [s for s, _ in self.sentence_spans]
        return max(0, bisect_right(self._sent_starts, pos) - 1)

    def direction(self, start: int, end: int) -> str | None:
        # "seit Montag" / "seit dem Frühjahr" look back whatever the verb says.
        if _SINCE_LEFT.search(self.text, max(0, start - 12), start):
            return BACKWARD
        # "für Montag", "für den 24. September": what something is planned for lies ahead.
        if (_FOR_LEFT.search(self.text, max(0, start - 12), start)
                and not _ORIGINALLY.search(self.text, max(0, start - 40), start)):
            return FORWARD
        return self.directions.direction(self.sentence_index(start), start, end)

    # -- resolution against the DCT ---------------------------------------------------------
    def relative(self, fn: Callable[[date], Period], mod: str | None = None) -> Period | None:
        """Resolve ``fn(reference day)``; for a coarse DCT, over its first and last day and keep
        what both agree on (the value if equal, else the covering value) with the union of bounds.
        ``mod`` (START/MID/END) narrows each candidate before the union: "Ende der Woche" in a
        February article is the end of some week of February, not the end of the union of weeks."""
        if self.dct is None:
            return None
        if mod:
            unmodified = fn
            fn = lambda r: cal.with_mod(unmodified(r), mod)  # noqa: E731
        if self.dct.granularity in ("day", "instant"):
            return fn(self.dct.earliest)
        a, b = fn(self.dct.earliest), fn(self.dct.latest)
        if a == b:
            return a
        lo = None if a.earliest is None or b.earliest is None else min(a.earliest, b.earliest)
        hi = None if a.latest is None or b.latest is None else max(a.latest, b.latest)
        if a.value == b.value or lo is None or hi is None:
            return Period(a.value if a.value == b.value else "XXXX", lo, hi)
        # The value names what the candidates share inside the article's own period ("gestern"
        # in a February article is "2022-02"); the bounds keep the full truth (31 Jan .. 27 Feb).
        c_lo, c_hi = max(lo, self.dct.earliest), min(hi, self.dct.latest)
        value = cal.common_value(c_lo, c_hi) if c_lo <= c_hi else cal.common_value(lo, hi)
        return Period(value, lo, hi)

    def pick_year(self, make: Callable[[int], Period], direction: str | None, tolerance: int) -> Period | None:
        """The year for a month/day/season without one: agree with ``direction`` (allowing
        ``tolerance`` days against it), else the nearest candidate."""

        def fn(ref: date) -> Period:
            best, best_key = None, None
            for y in (ref.year - 1, ref.year, ref.year + 1):
                try:
                    p = make(y)
                except ValueError:
                    continue
                dist = cal.signed_distance(p, ref)
                against = (direction == FORWARD and dist < -tolerance) or (direction == BACKWARD and dist > tolerance)
                key = (against, abs(dist))
                if best_key is None or key < best_key:
                    best, best_key = p, key
            return best

        if self.dct is None:
            return None
        if self.dct.granularity in ("day", "instant"):
            return fn(self.dct.earliest)
        # A coarse DCT: choosing a year is a question of distance, so measure from its middle.
        return fn(self.dct.earliest + (self.dct.latest - self.dct.earliest) / 2)

    def add(self, start: int, end: int, type_: str, period: Period | None, xvalue: str,
            mod: str | None = None, anchor: str | None = "dct", narrowed: bool = False, **attrs) -> Timex:
        """Record a timex; ``xvalue`` is the value used when it cannot be resolved; ``narrowed``:
        ``period`` already has its bounds narrowed by ``mod`` (see ``relative``)."""
        if period is not None and mod and type_ != "TIME" and not narrowed:
            # on a TIME the modifier narrows the part of the day ("am frühen Abend"), not its dates
            period = cal.with_mod(period, mod)
        if type_ == "DATE" and period is not None and period.earliest is not None and self.out:
            self._tie_weekday_before(start, period)
        tx = Timex(start, end, self.text[start:end], type_,
                   period.value if period else xvalue,
                   period.earliest if period else None, period.latest if period else None,
                   mod, anchor if period is not None or anchor == "previous" else None,
                   attrs={k: v for k, v in attrs.items() if v is not None})
        self.out.append(tx)
        if (type_ in ("DATE", "TIME") and period is not None and period.value.startswith("XXXX-WXX-")
                and period.value[9:10].isdigit() and period.earliest is not None):
            # A weekday known only within bounds (coarse DCT): later "am Tag darauf" and clock
            # times shift from it rather than from an older, unrelated day.
            self.prev = Period(period.value[:10], period.earliest, period.latest)
            self.sent_day, self.sent_night = self.prev, period.value.endswith("TNI")
            self.prev_sentence = self.sentence_index(start)
        elif type_ in ("DATE", "TIME") and period is not None and period.value[:1].isdigit():
            if len(period.value) >= 7 and period.value[4] == "-" and period.value[5:7].isdigit():
                self.prev = Period(period.value[:10], period.earliest, period.latest)
            if len(period.value) >= 10 and period.value[7:8] == "-":
                self.sent_day = Period(period.value[:10], period.earliest, period.latest)
                self.sent_night = period.value.endswith("TNI")
                self.prev_sentence = self.sentence_index(start)
        return tx

    def _tie_weekday_before(self, start: int, day: Period) -> None:
        """"am Mittwochabend, 9. Februar": the weekday just before names the day given in apposition."""
        prev = self.out[-1]
        if (len(day.value) != 10 or not day.value[:4].isdigit() or prev.type not in ("DATE", "TIME")
                or not _APPOSITION.fullmatch(self.text, prev.end, start)):
            return
        wd = _WEEKDAY_WORD.search(prev.text)
        if wd is None or int(WEEKDAYS[wd.group().lower()]) != day.earliest.isoweekday():
            return
        t = prev.value.find("T", 9)
        prev.value = day.value + (prev.value[t:] if t >= 0 else "")
        prev.earliest, prev.latest, prev.anchor = day.earliest, day.latest, "dct"

    def anchor_day(self, start: int, reach: int = 0) -> tuple[Period | None, str]:
        """The day a clock time or part of day belongs to: an earlier day in the same sentence
        (or up to ``reach`` sentences back), else the DCT."""
        if self.sent_day is not None and 0 <= self.sentence_index(start) - self.prev_sentence <= reach:
            return self.sent_day, "previous"
        return self.relative(cal.day), "dct"


def _shift_day(prev: Period, days: int) -> Period | None:
    """``prev`` moved by ``days``: an exact day, or a bounded weekday ("XXXX-WXX-6") whose bounds
    move along; None for anything coarser."""
    if len(prev.value) == 10 and prev.value[:1].isdigit():
        return cal.day(prev.earliest + timedelta(days=days))
    if prev.value.startswith("XXXX-WXX-") and prev.earliest is not None and prev.latest is not None:
        wd = (int(prev.value[9]) - 1 + days) % 7 + 1
        return Period(f"XXXX-WXX-{wd}", prev.earliest + timedelta(days=days), prev.latest + timedelta(days=days))
    return None


def _at_daypart(p: Period | None, dp: str) -> Period | None:
    """``p`` at a part of the day.  A day or bounded weekday takes the daypart; a coarser value
    ("heute Abend" in an article of ``2022-02``: ``2022-02``, see docs/timex.md) stays as it is,
    as a daypart cannot be appended to a month."""
    if p is None:
        return None
    day_like = len(p.value) == 10 and (p.value[:4].isdigit() or p.value.startswith("XXXX-WXX-"))
    return Period(p.value + "T" + dp, p.earliest, p.latest) if day_like else p


def _xdate(y: int | None, m: int | None, d: int | None) -> str:
    return "-".join([f"{y:04d}" if y else "XXXX"] + ([f"{m:02d}" if m else "XX"] if m or d else [])
                    + ([f"{d:02d}"] if d else []))


def _year4(y: str | None) -> int | None:
    if not y:
        return None
    v = int(y)
    if len(y) == 2:
        v += 2000 if v < 50 else 1900
    return v


def _rel_year_shift(rely: str | None) -> int | None:
    if not rely:
        return None
    r = rely.lower()
    if "vergangen" in r or "letzt" in r:
        return -1
    if "nächst" in r or "kommend" in r:
        return 1
    return 0


def _duration_value(n: float, unit: str, is_time: bool) -> str:
    if n == int(n):
        num = str(int(n))
    elif unit == "Y" and (n * 12) == int(n * 12):
        num, unit = str(int(n * 12)), "M"
    elif unit == "H" and (n * 60) == int(n * 60):
        num, unit = str(int(n * 60)), "M"
    else:
        num = f"{n:g}"
    return ("PT" if is_time else "P") + num + unit


class TimexTagger:
    """Compiled grammar + handlers; one instance per process."""

    def tag(self, text: str, dct: DocDate | None, doc: Document | None = None) -> list[Timex]:
        spans = _sentence_spans(text)
        finder = DirectionFinder(doc if doc is not None else Document("", text), spans)
        ctx = _Ctx(text, dct, finder, spans)
        for m in SCANNER.finditer(text):
            family = m.lastgroup
            fm = FAMILY_RES[family].match(text, m.start(), m.end())
            if fm is None or fm.end() != m.end():
                continue
            try:
                getattr(self, "_" + family)(fm, ctx)
            except (ValueError, OverflowError, KeyError, IndexError, TypeError, AttributeError):
                # Out-of-calendar arithmetic ("vor 500 Jahrzehnten", "31.02.") or a lexicon gap:
                # drop this one expression, keep the document.
                continue
        return ctx.out

    # -- ranges -----------------------------------------------------------------------------
    def _range_days(self, m, ctx: _Ctx) -> None:
        m2 = month_number(m["m2"])
        m1 = month_number(m["m1"]) if m["m1"] else m2
        y2 = _year4(m["y2"])
        y1 = _year4(m["y1"]) or y2
        d1, d2 = int(m["d1"]), int(m["d2"])
        direction = ctx.direction(m.start(), m.end())
        end1 = m.end("y1") if m["y1"] else m.end("m1") if m["m1"] else m.end("d1") + 1
        p2 = self._day_month(ctx, y2, m2, d2, direction)
        if y1 is None and p2 is not None and p2.earliest is not None:
            y1 = p2.earliest.year - (1 if m1 > m2 else 0)
        p1 = self._day_month(ctx, y1, m1, d1, direction)
        ctx.add(m.start("d1"), end1, "DATE", p1, _xdate(y1, m1, d1), range="start")
        ctx.add(m.start("d2"), m.end(), "DATE", p2, _xdate(y2, m2, d2), range="end")

    def _range_time(self, m, ctx: _Ctx) -> None:
        h1, h2 = int(m["h1"]), int(m["h2"])
        if h1 > 24 or h2 > 24:
            return
        end1 = m.end("n1") if m["n1"] else m.end("h1")
        self._clock(ctx, m.start("h1"), end1, h1, int(m["n1"] or 0), None, range="start")
        self._clock(ctx, m.start("h2"), m.end(), h2, int(m["n2"] or 0), None, range="end")

    # -- calendar dates ---------------------------------------------------------------------
    def _day_month(self, ctx: _Ctx, y: int | None, mo: int, d: int, direction: str | None) -> Period | None:
        if y is not None:
            try:
                return cal.day(date(y, mo, d))
            except ValueError:
                return None
        return ctx.pick_year(lambda yy: cal.day(date(yy, mo, d)), direction, DAY_TOLERANCE)

    def _date(self, m, ctx: _Ctx, y: int | None, mo: int, d: int) -> None:
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return
        if y is None and m.groupdict().get("rely"):
            shift = _rel_year_shift(m["rely"])
            base = ctx.relative(lambda r: cal.year(r.year + shift))
            y = int(base.value[:4]) if base and base.value[:4].isdigit() else None
        direction = ctx.direction(m.start(), m.end()) if y is None else None
        p = self._day_month(ctx, y, mo, d, direction)
        if p is None and y is not None:
            return  # 31 February and the like
        ctx.add(m.start(), m.end(), "DATE", p, _xdate(y, mo, d))

    def _date_iso(self, m, ctx: _Ctx) -> None:
        self._date(m, ctx, int(m["y"]), int(m["m"]), int(m["d"]))

    def _date_num(self, m, ctx: _Ctx) -> None:
        self._date(m, ctx, _year4(m["y"]), int(m["m"]), int(m["d"]))

    def _date_written(self, m, ctx: _Ctx) -> None:
        d = int(m["d"]) if m["d"] else ordinal(m["dw"])
        if d is None:
            return
        self._date(m, ctx, _year4(m["y"]), month_number(m["m"]), d)

    def _month_period(self, m, ctx: _Ctx, mo: int, y: int | None, mod: str | None) -> None:
        if y is None and m.groupdict().get("rely"):
            shift = _rel_year_shift(m["rely"])
            p = ctx.relative(lambda r: cal.month(r.year + shift, mo))
        elif y is not None:
            p = cal.month(y, mo)
        else:
            p = ctx.pick_year(lambda yy: cal.month(yy, mo), ctx.direction(m.start(), m.end()), 0)
        ctx.add(m.start(), m.end(), "DATE", p, _xdate(y, mo, None), mod=mod)

    def _part_month(self, m, ctx: _Ctx) -> None:
        self._month_period(m, ctx, month_number(m["m"]), _year4(m["y"]), _PART_MOD[m["part"].lower()])

    def _month_year(self, m, ctx: _Ctx) -> None:
        self._month_period(m, ctx, month_number(m["m"]), int(m["y"]), None)

    def _month(self, m, ctx: _Ctx) -> None:
        if not m["rely"] and not _TEMPORAL_LEFT.search(ctx.text[max(0, m.start() - 25): m.start()]):
            return
        self._month_period(m, ctx, month_number(m["m"]), None, None)

    def _part_year(self, m, ctx: _Ctx) -> None:
        ctx.add(m.start(), m.end(), "DATE", cal.year(int(m["y"])), m["y"], mod=_PART_MOD[m["part"].lower()])

    def _year(self, m, ctx: _Ctx) -> None:
        y = int(m["y"])
        if not m["jahr"]:
            left = ctx.text[max(0, m.start() - 25): m.start()]
            right = ctx.text[m.end(): m.end() + 12]
            if _NOT_YEAR_LEFT.search(left):
                return
            if _COUNTED_RIGHT.match(ctx.text, m.end()) and (
                    not _TEMPORAL_LEFT.search(left) or _COUNT_LEFT.search(left) or _RANGE_LEFT.search(left)):
                return
            if _NOT_YEAR_RIGHT.match(right) and not _MONTH_AFTER.match(right) and (
                    not _TEMPORAL_LEFT.search(left)
                    or (_COUNT_LEFT.search(left) and (y % 100 == 0 or not 1900 <= y <= 2100))):
                return
        ctx.add(m.start(), m.end(), "DATE", cal.year(y), f"{y:04d}")

    def _decade(self, m, ctx: _Ctx) -> None:
        if m["dec"]:
            prefix = int(m["dec"]) // 10
        elif m["dec2"]:
            two = int(m["dec2"])
            prefix = (200 if two < 30 else 190) + two // 10
        elif m["dec3"]:
            prefix = 200
        else:
            prefix = 190 + DECADE_WORDS[m["decw"].lower()]
        mod = _PART_MOD[m["part"].lower()] if m["part"] else None
        ctx.add(m.start(), m.end(), "DATE", cal.decade(prefix), f"{prefix:03d}", mod=mod)

    def _century(self, m, ctx: _Ctx) -> None:
        c = int(m["c"]) if m["c"] else CENTURY_WORDS[m["cw"].lower()]
        if not 1 <= c <= 21:
            return
        mod = _PART_MOD[m["part"].lower()] if m["part"] else None
        ctx.add(m.start(), m.end(), "DATE", cal.century(c - 1), f"{c - 1:02d}", mod=mod)

    def _quarter(self, m, ctx: _Ctx) -> None:
        q = ordinal(m["q"]) if not m["q"][0].isdigit() else int(m["q"][0])
        halfyear = m["u"].lower() != "quartal"
        if q is None or (halfyear and q > 2):
            return
        make = (lambda yy: cal.half(yy, q)) if halfyear else (lambda yy: cal.quarter(yy, q))
        xv = f"XXXX-H{q}" if halfyear else f"XXXX-Q{q}"
        if m["y"]:
            p = make(int(m["y"]))
        elif m["rely"]:
            shift = _rel_year_shift(m["rely"])
            p = ctx.relative(lambda r: make(r.year + shift))
        else:
            p = ctx.pick_year(make, ctx.direction(m.start(), m.end()), 0)
        ctx.add(m.start(), m.end(), "DATE", p, xv)

    def _holiday(self, m, ctx: _Ctx) -> None:
        name = re.sub(r"\s+", " ", m["h"].lower())
        rule = next((r for rx, r in HOLIDAYS if rx.fullmatch(name)), None)
        if rule is None:
            return

        def make(yy: int) -> Period:
            return cal.day(cal.holiday(rule, yy))

        if m["y"]:
            p = make(int(m["y"]))
        else:
            p = ctx.pick_year(make, ctx.direction(m.start(), m.end()), DAY_TOLERANCE)
        xv = "XXXX-" + rule if rule[:1].isdigit() else "XXXX"
        ctx.add(m.start(), m.end(), "DATE", p, xv, holiday=name)

    def _season(self, m, ctx: _Ctx) -> None:
        code, _, _ = SEASONS[m["s"].lower()]
        mod = _PART_MOD[m["part"].lower()] if m["part"] else None
        if m["sp"]:  # "Frühsommer", "Spätherbst", "Hochsommer"
            if m["s"].lower().startswith("früh"):
                return  # "Frühfrühling" is no word; do not guess
            mod = {"früh": "START", "spät": "END", "hoch": "MID"}[m["sp"].lower()]
        if m["sadj"]:  # "im späten Frühjahr", "im frühen Herbst"
            if m["sp"] or m["part"]:
                return  # "im frühen Spätsommer" is contradictory; do not guess
            mod = {"frühen": "START", "späten": "END"}[m["sadj"].lower()]
        if m["y"]:
            p = cal.season(int(m["y"]), code)
        elif m["rely"]:  # "im Herbst vergangenen Jahres"
            shift = _rel_year_shift(m["rely"])
            p = ctx.relative(lambda r: cal.season(r.year + shift, code))
        else:
            if not m["part"] and not _TEMPORAL_LEFT.search(ctx.text[max(0, m.start() - 25): m.start()]):
                return
            p = ctx.pick_year(lambda yy: cal.season(yy, code), ctx.direction(m.start(), m.end()), 0)
        ctx.add(m.start(), m.end(), "DATE", p, f"XXXX-{code}", mod=mod)

    # -- relative to the DCT ----------------------------------------------------------------
    def _relday(self, m, ctx: _Ctx) -> None:
        w = m["w"]
        if w == "Morgen":
            sent_start = ctx.sentence_spans[ctx.sentence_index(m.start())][0]
            if ctx.text[sent_start: m.start()].strip():
                return  # mid-sentence capitalised "Morgen" is the noun (der Morgen)
        shift = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}[w.lower()]
        dp = _DAYPART_FORMS.get(m["dp"].lower()) if m["dp"] else None
        if dp == "NI" and shift == 0 and ctx.direction(m.start(), m.end()) == BACKWARD:
            shift = -1  # "heute Nacht" told in the past tense: the night before the article
        p = ctx.relative(lambda r: cal.day(r + timedelta(days=shift)))
        if dp:
            ctx.add(m.start(), m.end(), "TIME", _at_daypart(p, dp), "XXXX-XX-XXT" + dp)
        else:
            ctx.add(m.start(), m.end(), "DATE", p, "XXXX-XX-XX")

    def _relday_adj(self, m, ctx: _Ctx) -> None:
        """"am gestrigen Dienstagabend", "am heutigen Tag": the adjective fixes the day."""
        shift = {"vorgestrige": -2, "gestrige": -1, "heutige": 0, "morgige": 1, "übermorgige": 2}[m["adj"].lower()]
        dp_word = (m["dpt"] or m["dp"] or "").lower()
        dp = _DAYPART_FORMS.get(dp_word)
        p = ctx.relative(lambda r: cal.day(r + timedelta(days=shift)))
        if dp:
            ctx.add(m.start(), m.end(), "TIME", _at_daypart(p, dp), "XXXX-XX-XXT" + dp)
        else:
            ctx.add(m.start(), m.end(), "DATE", p, "XXXX-XX-XX")

    def _heuer(self, m, ctx: _Ctx) -> None:
        """"heuer" (Austrian, Bavarian): this year."""
        ctx.add(m.start(), m.end(), "DATE", ctx.relative(lambda r: cal.year(r.year)), "XXXX")

    def _weekday(self, m, ctx: _Ctx) -> None:
        wd = int(WEEKDAYS[m["wd"].lower()])
        kind, extra = _det_kind(m["det"])
        det = kind in (FORWARD, BACKWARD)
        if det:
            direction = kind
        else:
            direction = ctx.direction(m.start(), m.end())

        # The 7-day window (offsets from the article date) in which the weekday is sought.
        # Directed, the article date itself belongs to the window ("teilte am Freitag mit" in a
        # Friday paper is that Friday); an explicit "kommenden"/"vergangenen" moves to another week.
        explicit = 1 if det else 0
        if direction == FORWARD:
            lo = explicit + 7 * extra
        elif direction == BACKWARD:
            lo = -6 - explicit - 7 * extra
        else:
            lo = -2  # no cue: two days back to four ahead (present tense in news mostly announces)

        def fn(r: date) -> Period:
            first = r + timedelta(days=lo)
            return cal.day(first + timedelta(days=(wd - first.isoweekday()) % 7))

        xv = f"XXXX-WXX-{wd}"
        dct = ctx.dct
        last = ctx.out[-1] if ctx.out else None
        if (last is not None and last.type == "DATE" and len(last.value) == 10 and last.earliest is not None
                and last.earliest.isoweekday() == wd and not m["det"]
                and _APPOSITION.fullmatch(ctx.text, last.end, m.start())):
            # "am 24. März (Samstag)": the weekday names the date just given
            p = Period(last.value, last.earliest, last.latest)
        elif m["wk"]:
            # "am Freitag vergangener Woche": that weekday in the named week
            weeks = _WEEK_SHIFT[m["wk"].lower()]
            p = ctx.relative(lambda r: cal.day(r + timedelta(weeks=weeks, days=wd - r.isoweekday())))
            if p is not None and len(p.value) != 10:
                p = Period(xv, p.earliest, p.latest)
        elif dct is not None and dct.granularity not in ("day", "instant"):
            # Coarse DCT: the weekday, bounded by the window over every possible article day.
            p = Period(xv, dct.earliest + timedelta(days=lo), dct.latest + timedelta(days=lo + 6))
        else:
            p = ctx.relative(fn)
        dp_word = (m["dp"] or m["dp2"] or "").lower()
        dp = _DAYPART_FORMS.get(dp_word)
        if dp:
            p = Period(p.value + "T" + dp, p.earliest, p.latest) if p else None
            ctx.add(m.start(), m.end(), "TIME", p, xv + "T" + dp)
        else:
            ctx.add(m.start(), m.end(), "DATE", p, xv)

    def _week_weekday(self, m, ctx: _Ctx) -> None:
        """"nächste Woche Dienstag": that weekday in that week."""
        wd = int(WEEKDAYS[m["wd"].lower()])
        weeks = _WEEK_SHIFT[m["wkp"].lower()]
        p = ctx.relative(lambda r: cal.day(r + timedelta(weeks=weeks, days=wd - r.isoweekday())))
        if p is not None and len(p.value) != 10:
            p = Period(f"XXXX-WXX-{wd}", p.earliest, p.latest)
        ctx.add(m.start(), m.end(), "DATE", p, f"XXXX-WXX-{wd}")

    def _weekend(self, m, ctx: _Ctx) -> None:
        direction = ctx.direction(m.start("we"), m.end())

        def fn(r: date) -> Period:
            we = cal.weekend(r)
            if direction == BACKWARD and r < we.earliest:
                return cal.weekend(r - timedelta(days=7))
            if direction == FORWARD and r > we.earliest:
                return cal.weekend(r + timedelta(days=7))
            return we

        p = ctx.relative(fn)
        if p is not None and not p.value.endswith("-WE"):
            p = Period("XXXX-WXX-WE", p.earliest, p.latest)  # coarse DCT: a weekend, bounded
        ctx.add(m.start("we"), m.end(), "DATE", p, "XXXX-WXX-WE")

    def _unit_period(self, unit: str, r: date, step: int) -> Period:
        u = unit.lower()
        if u.startswith("wochenend"):
            return cal.weekend(r + timedelta(weeks=step))
        if u.startswith("woche"):
            return cal.iso_week(r + timedelta(weeks=step))
        if u.startswith("monat"):
            y, mo = cal.add_months(r.year, r.month, step)
            return cal.month(y, mo)
        if u.startswith("jahrzehnt"):
            return cal.decade(r.year // 10 + step)
        if u.startswith("jahr"):
            return cal.year(r.year + step)
        if u.startswith("quartal"):
            y, mo = cal.add_months(r.year, r.month, 3 * step)
            return cal.quarter(y, (mo - 1) // 3 + 1)
        if u.startswith("halbjahr"):
            y, mo = cal.add_months(r.year, r.month, 6 * step)
            return cal.half(y, 1 if mo <= 6 else 2)
        if u.startswith("tag"):
            return cal.day(r + timedelta(days=step))
        raise ValueError(unit)

    def _season_rel(self, code: str, r: date, kind: str | None, extra: int) -> Period:
        candidates = [cal.season(y, code) for y in range(r.year - 2 - extra, r.year + 3 + extra)]
        if kind == FORWARD:
            future = [p for p in candidates if p.earliest > r]
            return future[extra]
        if kind == BACKWARD:
            past = [p for p in candidates if p.latest < r]
            return past[-1 - extra]
        return min(candidates, key=lambda p: abs(cal.signed_distance(p, r)))

    def _relperiod(self, m, ctx: _Ctx) -> None:
        unit = m["u"]
        kind, extra = _det_kind(m["det"])
        mod = _PART_MOD[m["part"].lower()] if m["part"] else None
        step = {FORWARD: 1 + extra, BACKWARD: -1 - extra, "next": 1}.get(kind, 0)
        u = unit.lower().rstrip("s")
        season = next((SEASONS[k][0] for k in SEASONS if u.startswith(k)), None)
        start = m.start("part") if m["part"] else m.start("det")  # "der kommenden Woche": no article
        if kind in ("next", "same"):
            if ctx.prev is None:
                return
            try:
                p = self._unit_period(unit, ctx.prev.earliest, step)
            except ValueError:
                return
            ctx.add(start, m.end(), "DATE", p, "XXXX", mod=mod, anchor="previous")
            return
        if season:
            p = ctx.relative(lambda r: self._season_rel(season, r, kind if kind in (FORWARD, BACKWARD) else None, extra),
                             mod)
            ctx.add(start, m.end(), "DATE", p, f"XXXX-{season}", mod=mod, narrowed=True)
            return
        if u.startswith("tag"):
            return  # "am kommenden Tag" etc. are anchored expressions; handled in anchor_day
        if kind == FORWARD and m["det"].lower().startswith("neu") and u.startswith("jahr"):
            # "das neue Jahr" is the year whose 1 January lies nearest: on 2 January the current one
            p = ctx.relative(lambda r: cal.year(r.year + (1 if r.month >= 7 else 0)), mod)
            ctx.add(start, m.end(), "DATE", p, "XXXX", mod=mod, narrowed=True)
            return
        p = ctx.relative(lambda r: self._unit_period(unit, r, step), mod)
        ctx.add(start, m.end(), "DATE", p, "XXXX", mod=mod, narrowed=True)

    def _part_rel(self, m, ctx: _Ctx) -> None:
        mod = _PART_MOD[m["part"].lower()]
        p = ctx.relative(lambda r: self._unit_period(m["u"], r, 0), mod)
        ctx.add(m.start(), m.end(), "DATE", p, "XXXX", mod=mod, narrowed=True)

    _COMPOUNDS = (("vorjahr", "jahr", -1, None), ("vormonat", "monat", -1, None), ("vorwoche", "woche", -1, None),
                  ("folgejahr", "jahr", 1, None), ("folgemonat", "monat", 1, None), ("folgewoche", "woche", 1, None),
                  ("jahresende", "jahr", 0, "END"), ("jahresbeginn", "jahr", 0, "START"),
                  ("jahresanfang", "jahr", 0, "START"), ("jahresmitte", "jahr", 0, "MID"),
                  ("monatsende", "monat", 0, "END"), ("monatsanfang", "monat", 0, "START"),
                  ("monatsbeginn", "monat", 0, "START"), ("monatsmitte", "monat", 0, "MID"),
                  ("wochenbeginn", "woche", 0, "START"), ("wochenanfang", "woche", 0, "START"),
                  ("wochenmitte", "woche", 0, "MID"))

    def _compound(self, m, ctx: _Ctx) -> None:
        c = m["c"].lower()
        part_mod = _PART_MOD[m["part"].lower()] if m["part"] else None
        if c.startswith("jahreswechsel"):
            self._new_year(m, ctx)
            return
        unit, step, mod = next((u, s, md) for k, u, s, md in self._COMPOUNDS if c.startswith(k))
        mod = part_mod or mod
        if m["y"] and unit == "jahr":
            p = cal.with_mod(cal.year(int(m["y"]) + step), mod)
        else:
            p = ctx.relative(lambda r: self._unit_period(unit, r, step), mod)
        ctx.add(m.start(), m.end(), "DATE", p, "XXXX", mod=mod, narrowed=True)

    def _new_year(self, m, ctx: _Ctx) -> None:
        """The turn of the year: New Year's Day of the nearest (or directed) year change."""
        if m["y"]:
            y = int(m["y"])
            p = Period(f"{y:04d}-01-01", date(y - 1, 12, 24), date(y, 1, 7))
        else:
            p = ctx.pick_year(lambda yy: Period(f"{yy:04d}-01-01", date(yy - 1, 12, 24), date(yy, 1, 7)),
                              ctx.direction(m.start(), m.end()), 7)
        ctx.add(m.start(), m.end(), "DATE", p, "XXXX-01-01", mod="APPROX")

    def _anchor_day(self, m, ctx: _Ctx) -> None:
        x = re.sub(r"\s+", " ", m["x"].lower())
        if x.startswith(("vortag", "tag zuvor", "tag davor", "tag vorher", "tags zuvor", "tags davor", "vorabend")):
            shift = -1
        elif x.startswith(("selben", "gleichen")):
            shift = 0
        else:
            shift = 1
        dp = "EV" if "abend" in x else "MO" if "morgen" in x else None
        shifted = _shift_day(ctx.prev, shift) if ctx.prev is not None else None
        if shifted is not None:
            p, anchor = shifted, "previous"
        else:
            p, anchor = ctx.relative(lambda r: cal.day(r + timedelta(days=shift))), "dct"
        if dp:
            p = _at_daypart(p, dp)
        ctx.add(m.start("x"), m.end(), "TIME" if dp else "DATE", p, "XXXX-XX-XX" + ("T" + dp if dp else ""),
                anchor=anchor)

    def _anchor_n(self, m, ctx: _Ctx) -> None:
        n = number(m["n"])
        uc = unit_code(m["u"])
        if n is None or uc is None or n != int(n):
            return
        unit, is_time = uc
        sign = 1 if m["dir"].lower() in ("später", "danach", "darauf") else -1
        if is_time and unit == "H" and n % 24 == 0:  # "48 Stunden später": two days later
            n, unit, is_time = n / 24, "D", False
        if is_time or unit in ("DE", "CE"):
            ctx.add(m.start(), m.end(), "DURATION", None, _duration_value(n, unit, is_time))
            return
        def fn(r: date) -> Period:
            d = cal.shift_day(r, sign * int(n), unit)
            return {"D": cal.day, "W": cal.iso_week, "M": lambda x: cal.month(x.year, x.month),
                    "Y": lambda x: cal.year(x.year)}[unit](d)

        prev = ctx.prev
        mod = "APPROX" if m["approx"] else None
        if prev is not None and unit == "D" and prev.value.startswith("XXXX-WXX-"):
            ctx.add(m.start(), m.end(), "DATE", _shift_day(prev, sign * int(n)), "XXXX-XX-XX", mod=mod,
                    anchor="previous")
        elif prev is not None and prev.value[:1].isdigit() and (len(prev.value) == 10 or unit in ("M", "Y")):
            ctx.add(m.start(), m.end(), "DATE", fn(prev.earliest), "XXXX-XX-XX", mod=mod, anchor="previous")
        else:
            ctx.add(m.start(), m.end(), "DATE", ctx.relative(fn), "XXXX-XX-XX", mod=mod)

    def _ago(self, m, ctx: _Ctx) -> None:
        uc = unit_code(m["u"]) or unit_code(m["u"] + "en")
        if uc is None:
            return
        unit, is_time = uc
        n = number(m["n"]) if m["n"] else None
        mod = "APPROX" if m["approx"] else None
        if n is None or n != int(n) or is_time:
            p = Period("PAST_REF", None, ctx.dct.latest) if ctx.dct else None
            ctx.add(m.start(), m.end(), "DATE", p, "PAST_REF", mod=mod)
            return
        k = int(n)
        if m["heute"] or unit == "D":
            fn = lambda r: cal.day(cal.shift_day(r, -k, unit if unit != "DE" else "Y"))
        elif unit == "W":
            fn = lambda r: cal.iso_week(r - timedelta(weeks=k))
        elif unit == "M":
            fn = lambda r: cal.month(*cal.add_months(r.year, r.month, -k))
        elif unit == "Y":
            fn = lambda r: cal.year(r.year - k)
        elif unit == "DE":
            fn = lambda r: cal.decade(r.year // 10 - k)
        else:
            fn = lambda r: cal.century(r.year // 100 - k)
        try:
            p = ctx.relative(fn)
        except (ValueError, OverflowError):  # "vor 30.000 Jahren": before year 1
            p = Period("PAST_REF", None, ctx.dct.latest) if ctx.dct else None
        ctx.add(m.start(), m.end(), "DATE", p, "PAST_REF", mod=mod)

    def _in_future(self, m, ctx: _Ctx) -> None:
        n = number(m["n"])
        uc = unit_code(m["u"])
        if n is None or uc is None:
            return
        unit, is_time = uc
        if is_time or n != int(n) or unit in ("DE", "CE"):
            self._emit_duration(m, ctx, n, unit, is_time, m.start("n") if not m["approx"] else m.start("approx"),
                                FORWARD)
            return
        k = int(n)
        fn = {"D": lambda r: cal.day(r + timedelta(days=k)), "W": lambda r: cal.iso_week(r + timedelta(weeks=k)),
              "M": lambda r: cal.month(*cal.add_months(r.year, r.month, k)),
              "Y": lambda r: cal.year(r.year + k)}[unit]
        ctx.add(m.start(), m.end(), "DATE", ctx.relative(fn), "FUTURE_REF", mod="APPROX" if m["approx"] else None)

    def _emit_duration(self, m, ctx: _Ctx, n: float, unit: str, is_time: bool, start: int,
                       bound_direction: str | None, value: str | None = None, mod: str | None = None) -> None:
        value = value or _duration_value(n, unit, is_time)
        p = None
        if bound_direction and not is_time and n == int(n) and unit in "DWMY":
            if bound_direction == BACKWARD:
                p = ctx.relative(lambda r: Period(value, cal.shift_day(r, -int(n), unit), r))
            else:
                p = ctx.relative(lambda r: Period(value, r, cal.shift_day(r, int(n), unit)))
        elif bound_direction and is_time:
            hours = n * {"H": 1, "M": 1 / 60, "S": 1 / 3600}[unit]
            days = int(hours // 24) + (1 if hours % 24 else 0)
            sign = -1 if bound_direction == BACKWARD else 1
            p = ctx.relative(lambda r: Period(value, min(r, r + timedelta(days=sign * days)),
                                              max(r, r + timedelta(days=sign * days))))
        if p is not None:
            p = Period(value, p.earliest, p.latest)
        ctx.add(start, m.end(), "DURATION", p, value, mod=mod)

    def _next_n(self, m, ctx: _Ctx) -> None:
        uc = unit_code(m["u"] or m["uv"])
        if uc is None:
            return
        if not m["n"]:  # "in den vergangenen Wochen": an unspecified number of weeks
            value = ("PTX" if uc[1] else "PX") + uc[0]
            ctx.add(m.start("rel"), m.end(), "DURATION", None, value, anchor=None)
            return
        n = number(m["n"])
        if n is None:
            return
        rel = m["rel"].lower()
        direction = BACKWARD if rel.startswith(("vergangen", "letzt", "zurück")) else FORWARD
        if rel.startswith(("erst", "folgend")):
            direction = None
        self._emit_duration(m, ctx, n, uc[0], uc[1], m.start("rel"), direction)

    def _duration(self, m, ctx: _Ctx) -> None:
        n = number(m["n"])
        uc = unit_code(m["u"])
        if n is None or uc is None:
            return
        if m["n"].lower() == "eines" and m["u"].lower() == "tages":
            return  # "eines Tages": some day, not a duration
        if n == 1 and not m["n"][0].isdigit() and _PLURAL_UNIT.search(m["u"]):
            return  # "ein Jahrzehnte altes Foto": the article, not a count
        pre = (m["pre"] or "").lower()
        direction = BACKWARD if pre == "seit" else FORWARD if pre.startswith(("binnen", "innerhalb")) else None
        start = m.start("approx") if m["approx"] else m.start("n")
        mod = None
        if m["approx"]:
            a = m["approx"].lower()
            mod = "MORE_THAN" if a in ("mehr als", "über") else "LESS_THAN" if a in ("weniger als", "knapp", "fast", "beinahe") \
                else "EQUAL_OR_MORE" if a == "mindestens" else "EQUAL_OR_LESS" if a in ("höchstens", "bis zu") else "APPROX"
        self._emit_duration(m, ctx, n, uc[0], uc[1], start, direction, mod=mod)

    def _half(self, m, ctx: _Ctx) -> None:
        u = m["u"].lower()
        value = {"jahr": "P6M", "stunde": "PT30M", "tag": "PT12H"}[u]
        ctx.add(m.start(), m.end(), "DURATION", None, value, anchor=None)

    def _newspaper(self, m, ctx: _Ctx) -> None:
        """"Bild am Sonntag" and the like are titles, not dates: consume them, add nothing."""

    def _vague_duration(self, m, ctx: _Ctx) -> None:
        u = (m["u"] or m["u2"] or m["u3"]).lower()
        code = {"stunde": "TXH", "tag": "XD", "woche": "XW", "monat": "XM", "jahrzehnt": "XDE", "jahr": "XY"}
        value = "P" + next(v for k, v in code.items() if u.startswith(k))
        start = m.start("u") if m["u"] else m.start()
        ctx.add(start, m.end(), "DURATION", None, value, anchor=None, mod="APPROX" if m["vq"] else None)

    def _set(self, m, ctx: _Ctx) -> None:
        if m["adv"] or m["adv2"]:
            a = (m["adv"] or m["adv2"]).lower()
            values = {"täglich": "P1D", "wöchentlich": "P1W", "zweiwöchentlich": "P2W", "monatlich": "P1M",
                      "vierteljährlich": "P3M", "halbjährlich": "P6M", "jährlich": "P1Y", "alljährlich": "P1Y",
                      "stündlich": "PT1H", "werktags": "XXXX-WXX-WD"}
            value = values.get(a) or f"XXXX-WXX-{WEEKDAYS[a[:-1]]}"
            ctx.add(m.start(), m.end(), "SET", None, value, anchor=None)
            return
        if m["pro"]:
            unit = {"woche": "W", "monat": "M", "jahr": "Y", "tag": "D"}[m["u3"].lower()]
            ctx.add(m.start(), m.end(), "SET", None, f"P1{unit}", anchor=None)
            return
        if m["freq"]:
            f = m["freq"].lower()
            times = {"einmal": 1, "zweimal": 2, "dreimal": 3, "viermal": 4, "mehrmals": "X"}.get(
                f, re.sub(r"\D", "", f))
            unit = {"woche": "W", "monat": "M", "jahr": "Y", "tag": "D"}[m["u3"].lower()]
            ctx.add(m.start(), m.end(), "SET", None, f"P1{unit}", anchor=None, freq=f"{times}X")
            return
        u = m["u"].lower()
        n = number(m["n"]) if m["n"] else 1
        if u in WEEKDAYS:
            value = f"XXXX-WXX-{WEEKDAYS[u]}"
        elif u in ("morgen", "abend", "nacht"):
            value = "XXXX-XX-XXT" + DAYPARTS[u]
        elif u == "wochenende":
            value = "XXXX-WXX-WE"
        else:
            uc = unit_code(u) or unit_code(u + "e")
            if uc is None or n is None:
                return
            value = _duration_value(n, uc[0], uc[1])
        ctx.add(m.start(), m.end(), "SET", None, value, anchor=None)

    # -- times of day -----------------------------------------------------------------------
    def _clock(self, ctx: _Ctx, start: int, end: int, h: int, mi: int, dp: str | None, mod=None,
               sec: int | None = None, **attrs) -> None:
        if h > 24 or mi > 59 or (sec or 0) > 59:
            return
        if dp in ("nachmittags", "abends", "nachts") and h < 12 and not (dp == "nachts" and h < 5):
            h += 12
        elif dp in ("abends", "nachts") and h == 12:  # "12 Uhr nachts" is midnight
            h = 0
        end_of_day = h == 24  # "am 31. März um 24 Uhr" is midnight starting 1 April
        if end_of_day:
            h = 0
        # "Das Spiel beginnt um 21 Uhr" right after the sentence naming the day belongs to that day.
        base, anchor = ctx.anchor_day(start, reach=1)
        if (end_of_day or (anchor == "previous" and ctx.sent_night and h < 12)) \
                and base is not None and len(base.value) == 10 and base.value[:1].isdigit():
            base = cal.day(base.earliest + timedelta(days=1))  # "um 2 Uhr" in that night: the next day
        clock = f"T{h:02d}:{mi:02d}" + (f":{sec:02d}" if sec is not None else "")
        if base is not None and len(base.value) == 10:
            p = Period(base.value + clock, base.earliest, base.latest)  # also "XXXX-WXX-6T14:00"
        elif base is not None:
            p = Period("XXXX-XX-XX" + clock, base.earliest, base.latest)
        else:
            p = None
        tx = ctx.add(start, end, "TIME", p, "XXXX-XX-XX" + clock, mod=mod, anchor=anchor, **attrs)
        tx.anchor = anchor if p is not None else None

    def _time(self, m, ctx: _Ctx) -> None:
        mod = "APPROX" if m["approx"] and m["approx"].lower() in ("gegen", "etwa", "ca.") else \
            "BEFORE" if m["approx"] and "vor" in m["approx"].lower() else "AFTER" if m["approx"] else None
        dp = m["dp"].lower() if m["dp"] else None
        if m["mn"]:
            self._clock(ctx, m.start(), m.end(), 0, 0, None, mod=mod)
        elif m["h"]:
            self._clock(ctx, m.start(), m.end(), int(m["h"]), int(m["min"] or 0), dp, mod=mod,
                        sec=int(m["sec"]) if m["sec"] else None)
        elif m["hw"]:
            self._clock(ctx, m.start(), m.end(), HOUR_WORDS[m["hw"].lower()], 0, dp, mod=mod)
        elif m["ch"]:
            # A bare "3:38" is a clock time only after a time preposition; race times ("in
            # 1:19:14"), durations ("nach 2:46 Stunden") and scores ("2:1") are not.
            if (int(m["ch"]) > 23 or _NOT_CLOCK_RIGHT.match(ctx.text, m.end())
                    or not (m["approx"] or _CLOCK_LEFT.search(ctx.text[max(0, m.start() - 12): m.start()]))):
                return
            self._clock(ctx, m.start(), m.end(), int(m["ch"]), int(m["cmin"]), dp, mod=mod,
                        sec=int(m["csec"]) if m["csec"] else None)
        else:
            # "halb acht" = 7:30, "viertel acht" = 7:15, "dreiviertel acht" = 7:45 (south/east German)
            h = int(m["qh"]) if m["qh"][0].isdigit() else HOUR_WORDS[m["qh"].lower()]
            q = re.sub(r"\s+", " ", m["q"].lower())
            h, mi = {"halb": (h - 1, 30), "viertel": (h - 1, 15), "dreiviertel": (h - 1, 45),
                     "viertel nach": (h, 15), "viertel vor": (h - 1, 45)}[q]
            self._clock(ctx, m.start(), m.end(), h % 24, mi, dp, mod=mod)

    def _daypart(self, m, ctx: _Ctx) -> None:
        dp = _DAYPART_FORMS[m["dp"].lower()]
        start = m.start("approx") if m["approx"] else m.start("adj") if m["adj"] else m.start("dp")
        mod = "APPROX" if m["approx"] else None
        if m["adj"]:
            mod = "START" if m["adj"].lower() == "frühen" else "END"
        if m["nd"] or m["gd"]:
            # "in der Nacht vom 10. auf den 11. Februar" (the night before the day named last),
            # "am Morgen des 22. September" (that day)
            night = bool(m["nd"])
            y = _year4(m["ny"] if night else m["gy"])
            mo = month_number(m["nm"] if night else m["gm"])
            d = int(m["nd"] if night else m["gd"])
            day = self._day_month(ctx, y, mo, d, ctx.direction(m.start(), m.end()) if y is None else None)
            p = None
            if day is not None and len(day.value) == 10:
                if night:
                    day = cal.day(day.earliest - timedelta(days=1))
                p = Period(day.value + "T" + dp, day.earliest, day.latest + timedelta(days=1 if night else 0))
            ctx.add(start, m.end(), "TIME", p, _xdate(y, mo, d) + "T" + dp, mod=mod)
            return
        if m["wd"]:
            # "in der Nacht zum Samstag": the night that ends on that weekday
            wd = int(WEEKDAYS[m["wd"].lower()])
            direction = ctx.direction(m.start(), m.end())

            def fn(r: date) -> Period:
                if direction == FORWARD:
                    d = r + timedelta(days=(wd - r.isoweekday() - 1) % 7 + 1)
                elif direction == BACKWARD:
                    d = r - timedelta(days=(r.isoweekday() - wd) % 7)
                else:
                    delta = (wd - r.isoweekday()) % 7
                    d = r + timedelta(days=delta - 7 if delta > 3 else delta)
                return cal.day(d - timedelta(days=1))

            base = ctx.relative(fn)
            p = Period(base.value + "T" + dp, base.earliest, base.earliest + timedelta(days=1)) \
                if base and len(base.value) == 10 else base
            ctx.add(start, m.end(), "TIME", p, f"XXXX-XX-XXT{dp}", mod=mod)
            return
        base, anchor = ctx.anchor_day(start)
        if (dp == "NI" and anchor == "dct" and base is not None and len(base.value) == 10
                and ctx.direction(start, m.end()) == BACKWARD):
            # "In der Nacht gab es Explosionen": the night that ended on the article day
            base = cal.day(base.earliest - timedelta(days=1))
        p = None
        if base is not None:
            value = (base.value if len(base.value) == 10 else "XXXX-XX-XX") + "T" + dp
            p = Period(value, base.earliest, base.latest)
        tx = ctx.add(start, m.end(), "TIME", p, "XXXX-XX-XXT" + dp, mod=mod, anchor=anchor)
        tx.anchor = anchor if p is not None else None

    def _det_month(self, m, ctx: _Ctx) -> None:
        kind, extra = _det_kind(m["det"])
        mo = month_number(m["m"])
        if kind in (FORWARD, BACKWARD):
            p = ctx.pick_year(lambda yy: cal.month(yy, mo), kind, 0)
            if p is not None and extra and p.earliest is not None:
                y = p.earliest.year + (1 if kind == FORWARD else -1)
                p = cal.month(y, mo)
        elif kind == "this":
            p = ctx.relative(lambda r: cal.month(r.year, mo))
        else:
            return
        ctx.add(m.start(), m.end(), "DATE", p, _xdate(None, mo, None))

    def _whole(self, m, ctx: _Ctx) -> None:
        u = m["u"].lower()
        value = {"tag": "P1D", "woche": "P1W", "monat": "P1M", "jahr": "P1Y", "nacht": "PT12H",
                 "wochenende": "P2D"}[u]
        ctx.add(m.start("g"), m.end(), "DURATION", None, value, anchor=None)

    def _present(self, m, ctx: _Ctx) -> None:
        w = m.group().lower()
        dct = ctx.dct
        if w in ("künftig", "zukunft"):
            ctx.add(m.start(), m.end(), "DATE", Period("FUTURE_REF", dct.earliest, None) if dct else None, "FUTURE_REF")
        else:
            ctx.add(m.start(), m.end(), "DATE", Period("PRESENT_REF", dct.earliest, dct.latest) if dct else None,
                    "PRESENT_REF")
