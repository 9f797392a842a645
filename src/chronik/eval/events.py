"""`chronik eval events`: score the event layer of the default pipeline against a gold JSONL file.

Gold format (one article per line; documented in docs/events.md):

    {"id": "g01", "dct": "2022-02-11", "text": "...",
     "events": [{"sentence": [0, 47], "trigger": [34, 46], "trigger_text": "telefonieren",
                 "type": "CONSULT", "mode": "phone", "modality": "planned",
                 "source": ["Putin", "Biden"], "target": [], "time": "2022-02-12",
                 "symmetric": true}]}

A system event matches a gold event when their trigger spans overlap (one-to-one, same type
preferred).  Per field, a true positive is a matched pair whose values agree; precision divides by
the system events that give the field a value, recall by the gold events that do.  Actors agree
when every gold actor string is found in (or contains) one system actor and the numbers agree;
for symmetric events sources and targets are compared as one set of participants.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import typer

from ..doc import DocDate, Document, Event

FIELDS = ("event", "trigger", "type", "mode", "modality", "source", "target", "time")


@dataclass
class Counts:
    tp: int = 0
    sys: int = 0
    gold: int = 0

    def prf(self) -> dict[str, float]:
        p = self.tp / self.sys if self.sys else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "system": self.sys, "gold": self.gold}


@dataclass
class Report:
    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    errors: list[str] = field(default_factory=list)
    documents: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "fields": {k: v.prf() for k, v in self.fields.items()},
                "errors": self.errors}


def read_gold(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Gold records from a JSONL file (or every *.jsonl in a directory); bad lines become errors."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    records, errors = [], []
    for file in files:
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec["text"]
                for ev in rec.get("events", []):
                    s, e = ev["trigger"]
                    if "trigger_text" in ev and text[s:e] != ev["trigger_text"]:
                        raise ValueError(f"trigger offsets {s}:{e} do not give {ev['trigger_text']!r}")
                    if not ev.get("type"):
                        raise ValueError("event without type")
                records.append(rec)
            except (ValueError, KeyError, TypeError) as exc:
                errors.append(f"{file.name}:{n}: {type(exc).__name__}: {exc}")
    return records, errors


def document_of(rec: dict[str, Any]) -> Document:
    dct = rec.get("dct")
    date_ = None
    if dct:
        d = date.fromisoformat(dct[:10])
        date_ = DocDate(dct, "day", d, d)
    return Document(str(rec.get("id", "")), rec["text"], date=date_)


def _actor_match(gold: list[str], system: list[str]) -> bool:
    if len(gold) != len(system):
        return False
    left = [s.lower() for s in system]
    for g in gold:
        g = g.lower()
        hit = next((i for i, s in enumerate(left) if g in s or s in g), None)
        if hit is None:
            return False
        left.pop(hit)
    return True


def _actors(ev: Event, side: str) -> list[str]:
    return [a.text for a in (ev.sources if side == "source" else ev.targets)]


def score_document(rec: dict[str, Any], doc: Document, report: Report) -> None:
    gold = rec.get("events", [])
    system = doc.events
    pairs: list[tuple[dict, Event]] = []
    used: set[int] = set()
    for g in gold:
        gs, ge = g["trigger"]
        overlapping = [i for i, ev in enumerate(system) if i not in used
                       and ev.trigger[0] < ge and gs < ev.trigger[1]]
        if overlapping:
            best = next((i for i in overlapping if system[i].type == g["type"]), overlapping[0])
            used.add(best)
            pairs.append((g, system[best]))
    f = report.fields
    f["trigger"].gold += len(gold)
    f["trigger"].sys += len(system)
    f["trigger"].tp += len(pairs)
    f["event"].gold += len(gold)
    f["event"].sys += len(system)
    f["event"].tp += sum(1 for g, ev in pairs if g["type"] == ev.type)
    for name, gold_value, sys_value in (("type", "type", "type"), ("mode", "mode", "mode"),
                                        ("modality", "modality", "modality"), ("time", "time", "time_value")):
        f[name].gold += sum(1 for g in gold if g.get(gold_value))
        f[name].sys += sum(1 for ev in system if getattr(ev, sys_value))
        f[name].tp += sum(1 for g, ev in pairs if g.get(gold_value) and g[gold_value] == getattr(ev, sys_value))
    for side in ("source", "target"):
        f[side].gold += sum(1 for g in gold if _gold_actors(g, side))
        f[side].sys += sum(1 for ev in system if _sys_actors(ev, side))
        f[side].tp += sum(1 for g, ev in pairs
                          if _gold_actors(g, side) and _actor_match(_gold_actors(g, side), _sys_actors(ev, side)))


def _symmetric_gold(g: dict) -> bool:
    return bool(g.get("symmetric"))


def _gold_actors(g: dict, side: str) -> list[str]:
    if _symmetric_gold(g):  # participants are scored once, under "source"
        return list(g.get("source", [])) + list(g.get("target", [])) if side == "source" else []
    return list(g.get(side, []))


def _sys_actors(ev: Event, side: str) -> list[str]:
    if ev.attrs.get("symmetric"):
        return _actors(ev, "source") + _actors(ev, "target") if side == "source" else []
    return _actors(ev, side)


def evaluate(path: Path, pipeline=None) -> Report:
    from ..pipeline import Pipeline

    records, errors = read_gold(path)
    report = Report(errors=errors)
    pipeline = pipeline or Pipeline.default()
    for rec in records:
        try:
            doc = pipeline(document_of(rec))
        except Exception as exc:  # one bad record must not stop the evaluation
            report.errors.append(f"{rec.get('id')}: {type(exc).__name__}: {exc}".splitlines()[0])
            continue
        report.documents += 1
        score_document(rec, doc, report)
    return report


def command(gold: Path = typer.Option(..., "--gold", help="Gold JSONL file or directory of them."),
            as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON.")):
    """Precision, recall and F1 per field of the event layer against a gold JSONL file."""
    if not gold.exists():
        typer.echo(f"error: no gold file at {gold}", err=True)
        raise typer.Exit(2)
    try:
        report = evaluate(gold)
    except (FileNotFoundError, ValueError) as exc:  # e.g. a model file missing from the pipeline
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    for err in report.errors:
        typer.echo(f"error: {err}", err=True)
    if as_json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
        return
    print(f"documents: {report.documents}")
    print(f"{'field':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'sys':>5} {'gold':>5}")
    for name, counts in report.fields.items():
        s = counts.prf()
        print(f"{name:<10} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
              f"{s['tp']:>5} {s['system']:>5} {s['gold']:>5}")
