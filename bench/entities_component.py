"""Words per second of the in-document entity component (``entities.rules``) alone.

    .venv/bin/python bench/entities_component.py [--data ../shared/data/10kgnad/test.csv]

Input: the 1,028 DerStandard articles of 10kGNAD (benchmark use only).  Mentions come from the
shipped NER when its model exists, else from the NER gazetteer rule layer plus "first name +
capitalised word" persons, so the component has realistic input either way; only the entity
component is timed, by wall clock and by this process's CPU time (the per-core figure when other
jobs compete for the cores), best of ``--repeat`` runs; the 1-minute load average is printed too.
"""

from __future__ import annotations

import argparse
import copy
import csv
import os
import re
import time
from pathlib import Path

from chronik.doc import Document, Mention
from chronik.nlp.entities import DocumentConsolidator
from chronik.nlp.ner_gazetteer import default_gazetteer
from chronik.nlp.tokenize import tokenize
from chronik.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]


def load(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [row[1].strip("'") for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) > 1]


def mention_source():
    try:
        ner = Pipeline.default(layers=["tokens", "tags", "mentions"])
        return "shipped NER", ner
    except (FileNotFoundError, ValueError) as exc:
        gaz = default_gazetteer()
        person = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß]+) ([A-ZÄÖÜ][a-zäöüß]+)\b")

        def annotate(doc: Document) -> Document:
            doc.tokens, doc.sentences = tokenize(doc.text)
            found = gaz.apply(doc.text, doc.tokens, [])
            taken = {(m.start, m.end) for m in found}
            for m in person.finditer(doc.text):
                if m.group(1) in gaz.first_names and (m.start(), m.end()) not in taken:
                    found.append(Mention(m.start(), m.end(), m.group(), "PER"))
                    surname = re.compile(r"\b" + re.escape(m.group(2)) + r"s?\b")
                    for s in surname.finditer(doc.text, m.end()):
                        found.append(Mention(s.start(), s.end(), s.group(), "PER"))
            doc.mentions = sorted(found, key=lambda x: (x.start, x.end))
            return doc

        return f"gazetteer + first-name persons ({type(exc).__name__})", annotate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "10kgnad" / "test.csv")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = load(args.data)
    source, annotate = mention_source()
    docs = [annotate(Document(str(i), t)) for i, t in enumerate(texts)]
    words = sum(len(t.split()) for t in texts)
    consolidate = DocumentConsolidator()
    consolidate(Document("warm", "Kremlchef Putin."))
    runs = []
    for _ in range(args.repeat):
        batch = copy.deepcopy(docs)
        wall, cpu = time.perf_counter(), time.process_time()
        for doc in batch:
            consolidate(doc)
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    docs = batch
    seconds, cpu_seconds = min(w for w, _ in runs), min(c for _, c in runs)
    n_mentions = sum(len(d.mentions) for d in docs)
    n_roles = sum(1 for d in docs for m in d.mentions if m.kind == "role")
    n_repeated = sum(1 for d in docs for m in d.mentions if m.attrs.get("source") == "repeated name")
    n_entities = sum(len(d.entities) for d in docs)
    print(f"docs={len(docs)} words={words:,} mentions={n_mentions:,} (roles {n_roles:,}, repeated names "
          f"{n_repeated:,}) entities={n_entities:,} seconds={seconds:.2f} words/s={words / seconds:,.0f} "
          f"cpu_seconds={cpu_seconds:.2f} words/s_cpu={words / cpu_seconds:,.0f} "
          f"load1={os.getloadavg()[0]:.1f} [mentions: {source}]")


if __name__ == "__main__":
    main()
