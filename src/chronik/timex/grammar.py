"""Surface patterns for German time expressions, one regex family per construction.

Each family is a pattern with named groups.  For scanning, all families are joined into one big
alternation (named groups stripped, one outer group per family) so a single ``finditer`` over the
text finds every candidate; the winning family's own regex is then re-applied at the same offsets
to read its groups.  Order matters: at one start position the first family that matches wins, so
longer constructions come first.
"""

from __future__ import annotations

import re

from .lexicon import alternation, rows, table

MONTHS = table("months.tsv")
WEEKDAYS = table("weekdays.tsv")
NUMBERS = table("numbers.tsv")
ORDINALS = table("ordinals.tsv")
DAYPARTS = table("dayparts.tsv")
UNITS = {r[0]: (r[1], r[2] if len(r) > 2 else "") for r in rows("units.tsv")}
SEASONS = {r[0]: (r[1], int(r[2]), int(r[3])) for r in rows("seasons.tsv")}
HOLIDAYS = [(re.compile(r[0], re.I), r[1]) for r in rows("holidays.tsv")]

_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("märz", "mai", "juni", "juli")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]

MONTH_FULL = f"(?:{alternation(_FULL_MONTHS)})"
MONTH_ANY = f"(?:{alternation(_FULL_MONTHS)}|(?:{alternation(_ABBR_MONTHS)})\\.?)"
WD = f"(?:{alternation(WEEKDAYS)})"
_UNITS_WORD = "(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)"
_TENS_WORD = "(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)"
NUMW = f"(?:{_UNITS_WORD}und{_TENS_WORD}|{alternation(NUMBERS)})"
HOUR_WORDS = {w: int(v) for w, v in NUMBERS.items() if v.isdigit() and 2 <= int(v) <= 20}
HOUR_WORDS.update({"ein": 1, "eins": 1, "einundzwanzig": 21, "zweiundzwanzig": 22, "dreiundzwanzig": 23,
                   "vierundzwanzig": 24})
HOURW = f"(?:{alternation(HOUR_WORDS)})"
NUM = rf"(?:(?<![\d.,])\d{{1,3}}(?:\.\d{{3}})+(?![\d.,]\d)|(?<![\d.,])\d{{1,4}}(?:,\d+)?|{NUMW})"
ORDW = f"(?:{alternation(ORDINALS)})(?:e[nmrs]?|e)"
UNIT = f"(?:{alternation(UNITS)})"
DP_TAIL = "(?:frühmorgens|morgens|vormittags|nachmittags|mittags|abends|nachts|spätabends|morgen|vormittag|nachmittag|mittag|abend|nacht|früh)"
DP_WORD = "(?:Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|früh)"
YEAR = r"(?<![\d.,/])(?:1[0-9]|20)\d{2}(?![\d])"
PART = "(?:Anfang|Mitte|Ende|Beginn|Ausgang)"
APPROX = r"(?:mehr\s+als|weniger\s+als|mindestens|höchstens|knapp|rund|etwa|fast|beinahe|gut|über|ca\.|circa|nahezu|bis\s+zu)"
DET = "(?:neue[mnrs]?|diese[mnrs]?|kommende[mnrs]?|übernächste[mnrs]?|nächste[mnrs]?|vorvergangene[mnrs]?|vergangene[mnrs]?|vorletzte[mnrs]?|letzte[mnrs]?|vorige[mnrs]?|laufende[mnrs]?|folgende[mnrs]?|darauffolgende[mnrs]?|gleiche[mnrs]?|selbe[mnrs]?)"
REL_YEAR = r"(?:\s+(?P<rely>dieses|des\s+laufenden|des\s+vergangenen|des\s+kommenden|des\s+nächsten|vergangenen|letzten|nächsten|kommenden)\s+Jahres)"
HOLIDAY = "(?:" + "|".join(r[0].replace(" ", r"\s+") for r in rows("holidays.tsv")) + ")"
DECADE_WORDS = {"zwanziger": 2, "dreißiger": 3, "vierziger": 4, "fünfziger": 5, "sechziger": 6,
                "siebziger": 7, "achtziger": 8, "neunziger": 9}
CENTURY_WORDS = {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "fünften": 5, "sechsten": 6,
                 "siebten": 7, "achten": 8, "neunten": 9, "zehnten": 10, "elften": 11, "zwölften": 12,
                 "dreizehnten": 13, "vierzehnten": 14, "fünfzehnten": 15, "sechzehnten": 16,
                 "siebzehnten": 17, "achtzehnten": 18, "neunzehnten": 19, "zwanzigsten": 20,
                 "einundzwanzigsten": 21}

# (family name, pattern).  Handlers live in extract.py under the same names.
FAMILIES: list[tuple[str, str]] = [
    ("range_days",
     rf"(?:(?:vom|von|zwischen(?:\s+dem)?)\s+)?(?P<d1>\d{{1,2}})\.(?:\s*(?P<m1>{MONTH_ANY})(?!\w))?(?:\s+(?P<y1>{YEAR}))?"
     rf"\s*(?:bis(?:\s+(?:zum|einschließlich))?|und(?:\s+dem)?|-|–)\s*(?P<d2>\d{{1,2}})\.\s*(?P<m2>{MONTH_ANY})(?!\w)"
     rf"(?:\s+(?P<y2>{YEAR}))?"),
    ("range_time",
     r"(?:(?:von|zwischen)\s+)?(?P<h1>\d{1,2})(?:[.:](?P<n1>\d{2}))?\s*(?:Uhr\s*)?(?:bis|und|-|–)\s*"
     r"(?P<h2>\d{1,2})(?:[.:](?P<n2>\d{2}))?\s*Uhr(?!\w)"),
    ("date_iso", rf"(?P<y>{YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?!\d)"),
    ("date_num",
     rf"(?:(?P<wd>{WD}),?\s+(?:(?:den|dem)\s+)?)?(?<![\d.,])(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.(?:\s?(?P<y>\d{{4}}|\d{{2}})(?![\d.,]\d))?"),
    ("date_written",
     rf"(?:(?:{DET}\s+)?(?P<wd>{WD}),?\s+(?:(?:den|dem|der)\s+)?)?(?:(?P<d>\d{{1,2}})\.|(?P<dw>{ORDW}))\s*(?P<m>{MONTH_ANY})(?!\w)"
     rf"(?:\s+(?P<y>{YEAR})|{REL_YEAR})?"),
    ("part_month", rf"(?P<part>{PART})\s+(?P<m>{MONTH_FULL})(?!\w)(?:\s+(?P<y>{YEAR})|{REL_YEAR})?"),
    ("month_year", rf"(?P<m>{MONTH_FULL})\s+(?P<y>{YEAR})"),
    ("part_year", rf"(?P<part>{PART})\s+(?P<y>{YEAR})"),
    ("decade",
     rf"(?:(?P<part>{PART})\s+der\s+)?(?:(?P<dec>(?:1[0-9]|20)\d0)er(?:[- ]?[Jj]ahre[n]?)?|(?P<dec2>\d0)-?er[- ]?[Jj]ahre[n]?"
     rf"|(?P<decw>{alternation(DECADE_WORDS)})(?:[- ]?[Jj]ahre[n]?|n)|(?P<dec3>zweitausender)(?:[- ]?[Jj]ahre[n]?|n)?)(?!\w)"),
    ("century",
     rf"(?:(?P<part>{PART})\s+des\s+)?(?:(?P<c>\d{{1,2}})\.|(?P<cw>{alternation(CENTURY_WORDS)}))\s+Jahrhunderts?(?!\w)"),
    ("quarter",
     rf"(?P<q>erste[nrms]?|zweite[nrms]?|dritte[nrms]?|vierte[nrms]?|[1-4]\.)\s+(?P<u>Quartal|Halbjahr|Jahreshälfte)(?:e?s)?(?!\w)(?:\s+(?P<y>{YEAR})|{REL_YEAR})?"),
    ("week_weekday", rf"(?P<wkp>nächste|kommende|vergangene|letzte|diese)\s+Woche\s+(?P<wd>{WD})(?!\w)"),
    ("part_rel", rf"(?P<part>{PART})\s+(?:der|des)\s+(?P<u>Woche|Monats|Jahres|Jahrzehnts)(?!\w)"),
    ("relperiod",
     rf"(?:(?P<part>{PART})\s+)?(?:(?:der|des|dem|den)\s+)?(?P<det>{DET})\s+"
     r"(?P<u>Wochenendes?|Woche|Monats?|Jahr(?:es|s)?|Jahrzehnts?|Quartals?|Halbjahr(?:es|s)?|Frühjahrs?|Frühlings?|Sommers?|Herbst(?:es)?|Winters?|Tages?)(?!\w)"),
    ("compound",
     rf"(?:(?P<part>{PART})\s+(?:des\s+)?)?(?P<c>Vorjahr(?:es|s)?|Vormonats?|Vorwoche|Folgejahr(?:es|s)?|Folgemonats?|Folgewoche|Jahreswechsels?|Jahresendes?|Jahresbeginns?|Jahresanfangs?|Jahresmitte|Monatsendes?|Monatsanfangs?|Monatsbeginns?|Monatsmitte|Wochenbeginns?|Wochenmitte|Wochenanfangs?)(?!\w)"
     rf"(?:\s+(?P<y>{YEAR}))?"),
    ("anchor_day",
     r"(?:am\s+)?(?P<x>Tag\s+(?:darauf|danach|zuvor|davor|vorher)|tags\s+(?:darauf|zuvor|davor)|(?:folgenden|nächsten|darauffolgenden|selben|gleichen)\s+(?:Tag|Morgen|Abend)|Vortag|Folgetag|Vorabend|(?:Morgen|Abend)\s+darauf)(?!\w)"),
    ("anchor_n", rf"(?:(?P<approx>{APPROX})\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT})\s+(?P<dir>später|danach|darauf|zuvor|davor|früher|vorher)(?!\w)"),
    ("ago",
     rf"(?:(?P<heute>heute|genau)\s+)?vor\s+(?:(?P<approx>{APPROX})\s+)?(?:(?P<n>{NUM}|wenigen|einigen|mehreren|vielen|ein\s+paar)\s+)?"
     r"(?P<u>Sekunden|Minuten|Stunden|Tag(?:en)?|Woche[n]?|Monat(?:en)?|Jahr(?:en)?|Jahrzehnt(?:en)?|Jahrhundert(?:en)?)(?!\w)"),
    ("in_future", rf"in\s+(?:(?P<approx>{APPROX})\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT})(?!\w)"),
    ("next_n",
     rf"(?:(?:die|den|der|in\s+den|während\s+der|innerhalb\s+der)\s+)?(?P<rel>nächsten|kommenden|vergangenen|letzten|zurückliegenden|ersten|folgenden)\s+(?:(?P<n>{NUM})\s+(?P<u>{UNIT})|(?P<uv>Tagen?|Tage|Wochen|Monaten?|Monate|Jahren?|Jahre|Jahrzehnten?|Jahrzehnte|Stunden))(?!\w)"),
    ("duration",
     rf"(?:(?P<pre>seit|binnen|innerhalb(?:\s+von)?|für|nach)\s+)?(?:(?P<approx>{APPROX})\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT})(?!\w)(?:\s+(?P<lang>lang)(?!\w))?"),
    ("half", r"(?:(?P<art>ein(?:e[mns]?)?)\s+)?(?P<h>halbe[ns]?)\s+(?P<u>Jahr|Stunde|Tag)(?:e?s)?(?!\w)"),
    ("vague_duration",
     r"(?:(?:seit|für|über)\s+(?P<u>Stunden|Tagen|Wochen|Monaten|Jahren|Jahrzehnten)(?!\w)"
     r"|(?P<vq>einige[n]?|mehrere[n]?|wenige[n]?|viele[n]?|ein\s+paar)\s+(?P<u3>Stunden|Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|Jahrzehnte|Jahrzehnten)(?!\w)"
     r"|(?P<u2>stunden|tage|wochen|monate|jahre|jahrzehnte)lange?[nmrs]?(?!\w))"),
    ("set",
     rf"(?:(?P<every>jeden|jede|jedes|alle)\s+(?:(?P<n>{NUM})\s+)?(?P<u>{WD}|Tage?|Wochen?|Monate?|Jahre?|Stunden?|Minuten?|Morgen|Abend|Nacht|Wochenende)(?!\w)"
     r"|(?:(?P<freq>einmal|zweimal|dreimal|viermal|\d+-?mal|mehrmals)\s+(?:pro|im|in\s+der|je|die|in\s+einer)|(?P<pro>pro))\s+(?P<u3>Woche|Monat|Jahr|Tag)(?!\w)"
     rf"|(?P<adv>täglich|wöchentlich|zweiwöchentlich|monatlich|vierteljährlich|halbjährlich|alljährlich|jährlich|stündlich)(?:e[nmrs]?)?(?!\w)"
     rf"|(?P<adv2>werktags|(?:{WD})s)(?!\w))"),
    ("holiday", rf"(?P<h>{HOLIDAY})(?!\w)(?:\s+(?:im\s+Jahr(?:e)?\s+)?(?P<y>{YEAR}))?"),
    ("season", rf"(?:(?P<part>{PART})\s+)?(?:(?P<sadj>frühen|späten)\s+)?(?P<sp>Früh|Spät|Hoch)?(?P<s>Frühjahr|Frühling|Sommer|Herbst|Winter)(?:s|es)?(?!\w)(?:\s+(?P<y>{YEAR})|{REL_YEAR})?"),
    ("relday_adj",
     rf"(?P<adj>vorgestrige|gestrige|heutige|morgige|übermorgige)[nmrs]?\s+(?:(?P<wd>{WD})(?P<dpt>{DP_TAIL})?|"
     r"(?P<dp>Tag|Tages|Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)(?:s|es)?)(?!\w)"),
    ("newspaper", r"(?:Bild|Welt|Frankfurter\s+Allgemeine(?:\s+Zeitung)?|FAZ|Tagesspiegel|Zeit|Kurier|Krone)\s+am\s+Sonntag(?!\w)"),
    ("weekday",
     rf"(?:(?P<det>{DET})\s+)?(?P<wd>{WD})(?P<dp>{DP_TAIL})?(?!\w)(?:\s+(?P<dp2>{DP_WORD})(?!\w))?"
     r"(?:\s+(?:der\s+)?(?P<wk>vorvergangene|vergangene|letzte|vorige|übernächste|nächste|kommende|diese)[rn]?\s+Woche(?!\w))?"),
    ("weekend", r"(?:am|übers|über\s+das|zum|vom|bis\s+zum|dieses|das)\s+(?P<we>Wochenende)(?!\w)"),
    ("heuer", r"(?-i:heuer|Heuer)(?!\w)"),
    ("relday", rf"(?P<w>vorgestern|gestern|heute|übermorgen|morgen)(?!\w)(?:\s+(?P<dp>{DP_WORD})(?!\w))?"),
    ("time",
     rf"(?:(?P<approx>gegen|etwa|ca\.|kurz\s+vor|kurz\s+nach)\s+)?(?:(?P<h>\d{{1,2}})(?:[.:](?P<min>\d{{2}})(?::(?P<sec>\d{{2}}))?)?\s*Uhr"
     rf"|(?P<hw>{HOURW})\s+Uhr|(?P<ch>\d{{1,2}}):(?P<cmin>\d{{2}})(?::(?P<csec>\d{{2}}))?(?![\d:])"
     rf"|(?P<q>halb|viertel\s+nach|viertel\s+vor|dreiviertel|viertel)\s+(?P<qh>\d{{1,2}}|{HOURW})(?:\s+Uhr)?|(?P<mn>Mitternacht))(?!\w)"
     r"(?:\s+(?P<dp>morgens|früh|vormittags|mittags|nachmittags|abends|nachts)(?!\w))?"),
    ("daypart",
     rf"(?:(?P<approx>gegen)\s+|(?:am|im\s+Laufe\s+des|in\s+der|zur|bis\s+zum|vom|bis\s+in\s+die)\s+)(?:(?P<adj>frühen|späten)\s+)?"
     rf"(?P<dp>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|Mittagszeit|Mittagsstunden)(?!\w)"
     rf"(?:\s+(?:von\s+{WD}\s+)?(?:zu[mr]?|auf(?:\s+den)?)\s+(?P<wd>{WD})(?!\w)"
     rf"|\s+(?:vom\s+\d{{1,2}}\.(?:\s*{MONTH_ANY})?(?:\s+{YEAR})?\s+(?:auf|zum)(?:\s+den)?|zum|auf\s+den)\s+"
     rf"(?P<nd>\d{{1,2}})\.\s*(?P<nm>{MONTH_ANY})(?!\w)(?:\s+(?P<ny>{YEAR}))?"
     rf"|\s+des\s+(?P<gd>\d{{1,2}})\.\s*(?P<gm>{MONTH_ANY})s?(?!\w)(?:\s+(?P<gy>{YEAR}))?)?"),
    ("det_month", rf"(?P<det>{DET})\s+(?P<m>{MONTH_FULL})(?!\w)"),
    ("whole", r"(?:den|die|das|ein|eine|einen)\s+(?P<g>ganze[nsr]?|gesamte[nsr]?)\s+(?P<u>Tag|Woche|Monat|Jahr|Nacht|Wochenende)(?!\w)"),
    ("year", rf"(?:(?P<jahr>Jahre?s?)\s+)?(?P<y>{YEAR})(?![.,:]\d)"),
    ("month", rf"(?P<m>{MONTH_FULL})(?!\w){REL_YEAR}?"),
    ("present", r"(?-i:jetzt|derzeit|zurzeit|gegenwärtig|momentan|Jetzt|Derzeit|Zurzeit|Gegenwärtig|Momentan|künftig|Künftig)(?!\w)|(?<=in\s)Zukunft(?!\w)"),
]

_NAMED = re.compile(r"\(\?P<\w+>")
FLAGS = re.IGNORECASE

FAMILY_RES: dict[str, re.Pattern] = {name: re.compile(p, FLAGS) for name, p in FAMILIES}
SCANNER = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<{name}>{_NAMED.sub('(?:', p)})" for name, p in FAMILIES) + ")",
    FLAGS,
)


_COMPOUND = re.compile(f"({_UNITS_WORD})und({_TENS_WORD})")


def number(word: str) -> float | None:
    """Digits (decimal comma allowed) or a German number word, inflected forms included."""
    w = word.lower().replace(" ", "")
    if w[:1].isdigit():
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", w):  # thousands separator: 30.000
            w = w.replace(".", "")
        try:
            return float(w.replace(",", "."))
        except ValueError:
            return None
    m = _COMPOUND.fullmatch(w)
    if m:
        return float(int(NUMBERS[m.group(1)]) + int(NUMBERS[m.group(2)]))
    v = NUMBERS.get(w)
    return float(v) if v is not None else None


def ordinal(word: str) -> int | None:
    w = word.lower()
    for stem in sorted(ORDINALS, key=len, reverse=True):
        if w.startswith(stem) and len(w) - len(stem) <= 2:
            return int(ORDINALS[stem])
    return None


def month_number(word: str) -> int | None:
    v = MONTHS.get(word.lower().rstrip("."))
    return int(v) if v else None


def unit_code(word: str) -> tuple[str, bool] | None:
    """(TimeML unit letter(s), is-time-unit) for a unit word."""
    u = UNITS.get(word.lower())
    return (u[0], u[1] == "T") if u else None
