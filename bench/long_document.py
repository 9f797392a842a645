"""Time of each default-pipeline layer on one long document (100k, 300k, 1M characters).

Ingest accepts documents up to 1,000,000 characters by default (`--max-chars`); this checks that the
analysis of such a document grows about linearly with its length. The text is the bundled example
articles repeated.

    .venv/bin/python bench/long_document.py [--sizes 100000 300000 1000000]
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from chronik.doc import DocDate, Document
from chronik.pipeline import Pipeline

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus = "\n\n".join(texts)
    pipeline = Pipeline.default()
    for size in args.sizes:
        text = (corpus + "\n\n") * (size // len(corpus) + 1)
        doc = Document(id="long", text=text[:size],
                       date=DocDate("2022-02", "month", date(2022, 2, 1), date(2022, 2, 28)))
        layers = {}
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for spec, annotate in pipeline.steps:
            t = time.process_time()
            doc = annotate(doc)
            layers[spec.layer] = round(time.process_time() - t, 2)
        print(json.dumps({"chars": size, "words": len(doc.text.split()),
                          "cpu_s": round(time.process_time() - cpu0, 2),
                          "wall_s": round(time.perf_counter() - wall0, 2), "layers_cpu_s": layers}))


if __name__ == "__main__":
    main()
