"""`chronik eval timex`: score temporal expressions against TimeML (.tml) or JSONL gold files.

JSONL: one document per line, ``{"id"?, "text", "dct", "timexes": [{"start", "end", "type",
"value"}]}``.  TimeML: the DCT is the TIMEX3 with ``functionInDocument="CREATION_TIME"`` (or the one
inside ``<DCT>``); the text is the content of ``<TEXT>`` with all tags removed and the inline
TIMEX3 elements giving the gold spans.

Scores follow TempEval-3: extraction P/R/F1 with strict (same offsets) and relaxed (overlapping)
spans; over relaxed matches, type and value accuracy; value F1 = P/R/F1 where a system timex
counts only if it overlaps a gold timex *and* has its value.
"""

from __future__ import annotations

import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

import typer


@dataclass(slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r"""([A-Za-z_:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attrs(raw: str) -> dict[str, str]:
    return {k: a if a or not b else b for k, a, b in _ATTR.findall(raw)}


def parse_tml(content: str, doc_id: str) -> GoldDoc:
    """A TimeML document: DCT, plain text of <TEXT> and the inline TIMEX3 spans."""
    dct = None
    for m in re.finditer(r"<TIMEX3\b([^>]*)>", content):
        attrs = _attrs(m.group(1))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value")
            break
    if dct is None:
        dm = re.search(r"<DCT>.*?value=[\"']([^\"']+)[\"']", content, re.S)
        dct = dm.group(1) if dm else None
    tm = re.search(r"<TEXT>(.*)</TEXT>", content, re.S)
    if tm:
        body = tm.group(1)
    else:  # no <TEXT>: everything but the header elements and XML declarations
        body = re.sub(r"<(DCT|DOCID|EXTRAINFO)\b.*?</\1>|<\?.*?\?>|<!.*?>", "", content, flags=re.S)
    out: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1), m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex.append((length, _attrs(m.group(3))))
        elif open_timex:
            start, attrs = open_timex.pop()
            timexes.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    # TimeML files often wrap <TEXT> content in newlines; keep offsets but drop outer whitespace.
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    timexes = [GoldTimex(t.start - lead, t.end - lead, t.type, t.value) for t in timexes]
    return GoldDoc(doc_id, text, dct, sorted(timexes, key=lambda t: t.start))


def parse_jsonl_line(line: str, doc_id: str) -> GoldDoc:
    rec = json.loads(line)
    text = rec["text"]
    timexes = []
    for t in rec.get("timexes", []):
        start, end = int(t["start"]), int(t["end"])
        if not (0 <= start < end <= len(text)):
            raise ValueError(f"span {start}-{end} outside the text")
        timexes.append(GoldTimex(start, end, t.get("type", ""), t.get("value", "")))
    return GoldDoc(str(rec.get("id", doc_id)), text, rec.get("dct"), sorted(timexes, key=lambda t: t.start))


def read_gold(path: Path, fmt: str | None = None) -> list[GoldDoc]:
    """Gold documents from a .tml/.jsonl file or a directory of them; bad records are reported
    on stderr (one line each) and skipped."""
    files = sorted(p for p in path.rglob("*") if p.suffix in (".tml", ".jsonl")) if path.is_dir() else [path]
    docs: list[GoldDoc] = []
    for f in files:
        kind = fmt or ("tml" if f.suffix == ".tml" else "jsonl")
        try:
            content = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{f}: unreadable ({exc})", file=sys.stderr)
            continue
        if kind == "tml":
            # One file may hold several <TimeML> documents.
            parts = re.findall(r"<TimeML\b.*?</TimeML>", content, re.S) or [content]
            for i, part in enumerate(parts):
                try:
                    docs.append(parse_tml(part, f"{f.stem}#{i}"))
                except Exception as exc:  # noqa: BLE001 - one bad record must not stop the run
                    print(f"{f}#{i}: skipped ({exc})", file=sys.stderr)
        else:
            for n, line in enumerate(content.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    docs.append(parse_jsonl_line(line, f"{f.stem}:{n}"))
                except Exception as exc:  # noqa: BLE001
                    print(f"{f}:{n}: skipped ({exc})", file=sys.stderr)
    return docs


def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _norm_value(v: str) -> str:
    return v.strip().upper()


def score(docs: Iterable[GoldDoc], predict: Callable[[GoldDoc], list[GoldTimex]],
          errors: list | None = None) -> dict:
    """TempEval-3 style scores of ``predict`` on ``docs``; mismatches go to ``errors`` if given."""
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    n_docs = 0
    for doc in docs:
        n_docs += 1
        system = sorted(predict(doc), key=lambda t: t.start)
        n_gold += len(doc.timexes)
        n_sys += len(system)
        used: set[int] = set()
        for g in doc.timexes:
            best, best_overlap = None, 0
            for i, s in enumerate(system):
                if i in used:
                    continue
                overlap = min(g.end, s.end) - max(g.start, s.start)
                if overlap > best_overlap:
                    best, best_overlap = i, overlap
            if best is None:
                if errors is not None:
                    errors.append(("missed", doc, g, None))
                continue
            used.add(best)
            s = system[best]
            relaxed += 1
            strict += (s.start, s.end) == (g.start, g.end)
            type_ok += s.type == g.type
            same_value = _norm_value(s.value) == _norm_value(g.value)
            value_ok += same_value
            if errors is not None and (not same_value or s.type != g.type or (s.start, s.end) != (g.start, g.end)):
                errors.append(("mismatch", doc, g, s))
        if errors is not None:
            errors.extend(("spurious", doc, None, s) for i, s in enumerate(system) if i not in used)
    return {
        "documents": n_docs, "gold": n_gold, "system": n_sys,
        "strict": _prf(strict, n_sys, n_gold), "relaxed": _prf(relaxed, n_sys, n_gold),
        "type_accuracy": type_ok / relaxed if relaxed else 0.0,
        "value_accuracy": value_ok / relaxed if relaxed else 0.0,
        "type_f1": _prf(type_ok, n_sys, n_gold), "value_f1": _prf(value_ok, n_sys, n_gold),
    }


def chronik_predict(doc: GoldDoc) -> list[GoldTimex]:
    from ..timex import tag_text

    return [GoldTimex(t.start, t.end, t.type, t.value) for t in tag_text(doc.text, doc.dct)]


def format_report(result: dict) -> str:
    lines = [f"documents {result['documents']}  gold timexes {result['gold']}  system timexes {result['system']}",
             f"{'':22}{'P':>7}{'R':>7}{'F1':>7}"]
    for key, label in (("strict", "extraction strict"), ("relaxed", "extraction relaxed"),
                       ("type_f1", "type F1"), ("value_f1", "value F1")):
        r = result[key]
        lines.append(f"{label:22}{r['p']:7.3f}{r['r']:7.3f}{r['f1']:7.3f}")
    lines.append(f"{'type accuracy':22}{result['type_accuracy']:7.3f}")
    lines.append(f"{'value accuracy':22}{result['value_accuracy']:7.3f}")
    return "\n".join(lines)


def _describe(kind: str, doc: GoldDoc, g: Optional[GoldTimex], s: Optional[GoldTimex]) -> str:
    def show(t):
        return f"'{doc.text[t.start:t.end]}' {t.type} {t.value}" if t else "-"

    return f"{kind:9} [{doc.id} dct={doc.dct}] gold={show(g)}  system={show(s)}"


def command(
    gold: Path = typer.Option(..., "--gold", help="Gold .tml/.jsonl file or a directory of them."),
    fmt: Optional[str] = typer.Option(None, "--format", help="tml or jsonl (default: by file suffix)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    show_errors: int = typer.Option(0, "--errors", help="Also print up to N mismatches."),
):
    """Score chronik's temporal expressions (timex.rules) against gold TimeML or JSONL files."""
    if fmt not in (None, "tml", "jsonl"):
        typer.echo(f"error: --format must be tml or jsonl, not {fmt}", err=True)
        raise typer.Exit(2)
    if not gold.exists():
        typer.echo(f"error: no gold file at {gold}", err=True)
        raise typer.Exit(2)
    docs = read_gold(gold, fmt)
    errors: list | None = [] if show_errors else None
    result = score(docs, chronik_predict, errors)
    if as_json:
        print(json.dumps(result, indent=2))
    else:
        print(format_report(result))
    if errors:
        for e in errors[:show_errors]:
            print(_describe(*e), file=sys.stderr)
