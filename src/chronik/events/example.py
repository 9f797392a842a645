"""The worked example of docs/events.md: an invented article dated 2022-02-11 through the default
pipeline, printed as one line per event.

    python -m chronik.events.example            # table
    python -m chronik.events.example --json     # the events as JSON
    python -m chronik.events.example --article  # the article as a JSONL record for `chronik run`
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import date

from ..doc import Actor, DocDate, Document, Event

DCT = "2022-02-11"
TEXT = (
    "Putin und Biden wollen am Samstag telefonieren\n\n"
    "Washington/Moskau. US-Präsident Joe Biden und Kremlchef Wladimir Putin wollen an diesem Samstag "
    "telefonieren. Das teilte das Weiße Haus am Freitag mit. Bereits heute telefonierten "
    "US-Generalstabschef Mark Milley und der russische Generalstabschef Waleri Gerassimow. "
    "Auch mit dem französischen Präsidenten Emmanuel Macron will Putin am Samstag telefonieren. "
    "Die USA kündigten an, rund 3000 weitere Soldaten nach Polen zu verlegen. Russland hat in den "
    "vergangenen Monaten mehr als 100.000 Soldaten an der ukrainischen Grenze zusammengezogen. "
    "Die Sprecherin des russischen Außenministeriums, Maria Sacharowa, warf dem Weißen Haus vor, "
    "Panik zu verbreiten. Moskau bestreitet jegliche Angriffspläne. Die US-Regierung hält einen "
    "Einmarsch Russlands in die Ukraine noch vor dem Ende der Olympischen Winterspiele am 20. Februar "
    "für möglich.\n"
)


def document() -> Document:
    d = date.fromisoformat(DCT)
    return Document("worked-example", TEXT, date=DocDate(DCT, "day", d, d), source="Beispiel")


def _who(actors: list[Actor]) -> str:
    return " + ".join(f"{a.text} ({' '.join(x for x in (a.country, a.sector) if x) or '?'})" for a in actors) or "-"


def describe(doc: Document, ev: Event) -> str:
    arrow = "<->" if ev.attrs.get("symmetric") else "->"
    when = ev.time_value or "no timex"
    bounds = f"[{ev.earliest or '…'} .. {ev.latest or '…'}]"
    if ev.attrs.get("time_relation"):
        when = f"{ev.attrs['time_relation']} {when}"
    parts = [f"{ev.type}/{ev.mode or '-'}", ev.modality, f"{_who(ev.sources)} {arrow} {_who(ev.targets)}",
             f"time {when} {bounds}"]
    if ev.location:
        parts.append(f"at '{ev.location.text}' ({ev.location.country or '?'})")
    for q in ev.quantities:
        parts.append(f"{q.qualifier} {q.value:g} {q.unit}")
    parts.append(f"evidence s{ev.sentence} {ev.trigger[0]}:{ev.trigger[1]} '{doc.text[ev.trigger[0]:ev.trigger[1]]}'")
    return " | ".join(parts)


def main(argv: list[str] | None = None) -> None:
    from ..pipeline import Pipeline

    argv = sys.argv[1:] if argv is None else argv
    if "--article" in argv:
        print(json.dumps({"text": TEXT, "date": DCT, "source": "Beispiel"}, ensure_ascii=False))
        return
    doc = Pipeline.default()(document())
    if "--json" in argv:
        print(json.dumps([asdict(e) for e in doc.events], ensure_ascii=False, default=str, indent=1))
        return
    print(f"DCT {DCT}; {len(doc.events)} events; pipeline "
          + "; ".join(f"{n}@{v}" for n, v in doc.provenance.values()))
    for ev in doc.events:
        print("- " + describe(doc, ev))


if __name__ == "__main__":
    main()
