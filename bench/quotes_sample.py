"""A random sample of predicted quotations on news text without gold, for a manual precision check.

    .venv/bin/python bench/quotes_sample.py --seed 23 --n 30

Runs the full default pipeline on 60 random articles of the 10kGNAD test set (DerStandard articles in
../shared/data; their quotation marks were stripped by the corpus makers) and prints --n random
quotations, each with its sentence in context, form, medium, cue, source, speaker entity or
description and message.  A reader judges each one; docs/benchmarks.md records the judgements.
Nothing is stored.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from quotes import shared_data  # noqa: E402

from chronik.doc import DocDate, Document  # noqa: E402
from chronik.pipeline import Pipeline  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=23)
    ap.add_argument("--n", type=int, default=30, help="quotations to print")
    ap.add_argument("--articles", type=int, default=60)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    csv.field_size_limit(10**8)
    with open(shared_data() / "10kgnad" / "test.csv", encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter=";", quotechar="'") if len(r) > 1]
    pipeline = Pipeline.default()
    day = datetime.date(2016, 5, 1)  # the corpus has no dates; a fixed one keeps runs comparable
    found = []
    for i, row in enumerate(rng.sample(rows, min(args.articles, len(rows)))):
        doc = pipeline(Document(f"gnad{i}", row[1], date=DocDate(day.isoformat(), "day", day, day)))
        found += [(doc, q) for q in doc.quotes]
    rng.shuffle(found)
    for k, (doc, q) in enumerate(found[:args.n], 1):
        anchor = (q.message or q.cue)[0][0]
        sent = next((s for s in doc.sentences if s.start <= anchor < s.end), None)
        a, b = (sent.start, sent.end) if sent else (anchor, anchor + 200)
        speaker = doc.entities[q.source_entity].name if q.source_entity is not None else q.source_description
        print(f"[{k}] …{doc.text[max(0, a - 160):b + 40]}…".replace("\n", " "))
        print(f"    {q.form} / {q.medium}  cue={[doc.text[s:e] for s, e in q.cue]}  "
              f"source={[doc.text[s:e] for s, e in q.source]}  speaker={speaker}")
        print(f"    message={[doc.text[s:e] for s, e in q.message]}")
    print(f"{len(found)} quotations in {args.articles} articles; {min(args.n, len(found))} printed")


if __name__ == "__main__":
    main()
