"""NER speed: model load time and tokens/s of `ner.crf` (features + CRF + rule layer) on one core.

    python bench/ner_speed.py [--data ../shared/data] [--repeat 3]

Input: the GermEval 2014 dev tokens (41.7k tokens, gold tokenisation, so the tokeniser is not
timed) and, where present, 10kgnad articles tokenised by the default tokeniser first.  Both are
POS-tagged by ``tag.default`` first (untimed), as in the default pipeline, where the NER reads
``Token.pos``.
"""

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from chronik.eval.conll import read_germeval  # noqa: E402
from chronik.eval.ner import gold_document  # noqa: E402
from chronik.nlp.train import default_data_dir  # noqa: E402


def speed(annotate, docs, repeat: int, n: int) -> str:
    wall = cpu = float("inf")
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        for d in docs:
            annotate(d)
        wall, cpu = min(wall, time.perf_counter() - t), min(cpu, time.process_time() - c)
    return f"{n / cpu:,.0f} tokens/s CPU time (one core), {n / wall:,.0f} tokens/s wall clock"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--articles", type=int, default=300)
    args = ap.parse_args()

    t0, c0 = time.perf_counter(), time.process_time()
    from chronik.pipeline import REGISTRY, load_builtins

    load_builtins()
    annotate = REGISTRY["ner.crf"].factory({})
    print(f"model load (imports + factory): {time.perf_counter() - t0:.2f} s wall, "
          f"{time.process_time() - c0:.2f} s CPU")

    tag = REGISTRY["tag.default"].factory({})
    docs = [tag(gold_document(i, toks)) for i, (toks, _) in
            enumerate(read_germeval(args.data / "germeval2014" / "NER-de-dev.tsv"))]
    n = sum(len(d.tokens) for d in docs)
    print(f"GermEval dev gold tokens: {n} tokens, best of {args.repeat}: {speed(annotate, docs, args.repeat, n)}")

    gnad = args.data / "10kgnad" / "test.csv"
    if gnad.is_file():
        tok = REGISTRY["tokenize.rules"].factory({})
        from chronik.doc import Document

        texts = [line.split(";", 1)[1] for line in gnad.read_text("utf-8").splitlines()[: args.articles] if ";" in line]
        articles = [tag(tok(Document(id=str(i), text=re.sub(r"^'|'$", "", t)))) for i, t in enumerate(texts)]
        n = sum(len(d.tokens) for d in articles)
        print(f"10kgnad {len(articles)} articles (our tokeniser): {n} tokens, best of {args.repeat}: "
              f"{speed(annotate, articles, args.repeat, n)}")


if __name__ == "__main__":
    main()
