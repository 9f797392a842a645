"""Speed of the quotation layer (``quotes.rules``) in words per second on one core.

    .venv/bin/python bench/quotes.py                       # 10kgnad test set, 3 repeats
    .venv/bin/python bench/quotes.py --corpus spkatt --repeats 5

Texts come from ../shared/data (10kgnad: DerStandard articles; spkatt: Wikinews articles on their
gold tokens).  Tokenisation and tagging (``tag.default``, unless --no-tags) run first and are not
timed; the figure is the quotes component alone, best of --repeats passes (the machine may be
shared).  Prints one JSON line.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from chronik.doc import Document  # noqa: E402
from chronik.pipeline import Pipeline  # noqa: E402


def shared_data() -> Path:
    return Path(os.environ.get("CHRONIK_SHARED_DATA", ROOT.parent / "shared" / "data"))


def load_docs(corpus: str) -> list[Document]:
    if corpus == "spkatt":
        from chronik.eval.spkatt import article_paths, read_article

        return [read_article(p).doc for p in article_paths(shared_data() / "spkatt" / "train")]
    csv.field_size_limit(10**8)
    tokenize = Pipeline(["tokenize.rules"])
    with open(shared_data() / "10kgnad" / "test.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";", quotechar="'"))
    return [tokenize(Document(str(i), row[1])) for i, row in enumerate(rows) if len(row) > 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=("10kgnad", "spkatt"), default="10kgnad")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-tags", action="store_true", help="Do not run the tagger first.")
    args = ap.parse_args()
    docs = load_docs(args.corpus)
    if not args.no_tags:
        tag = Pipeline(["tag.default"])
        docs = [tag(d) for d in docs]
    words = sum(sum(1 for t in d.tokens if t.text[:1].isalnum()) for d in docs)
    annotate = Pipeline(["quotes.rules"]).steps[0][1]
    best = None
    quotes = 0
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        quotes = sum(len(annotate(d).quotes) for d in docs)
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)
    print(json.dumps({"corpus": args.corpus, "tags": not args.no_tags, "documents": len(docs), "words": words, "quotes": quotes,
                      "seconds": round(best, 3), "words_per_second": round(words / best)}))


if __name__ == "__main__":
    main()
