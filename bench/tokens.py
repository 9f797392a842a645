"""Tokeniser and tagger throughput (tokens per second, one process, one core) on real news text.

    .venv/bin/python bench/tokens.py                 # 10kGNAD test set if present, else examples/
    .venv/bin/python bench/tokens.py --limit 200 --repeat 3

Text: ``../shared/data/10kgnad/test.csv`` (1,028 DerStandard articles; benchmark use only), or the
articles in ``examples/articles.jsonl`` when the shared data is absent.  Reports model load time,
tokens/s of ``tokenize.rules`` alone and of ``tokenize.rules`` + ``tag.default`` (best of
``--repeat`` runs, tagger word cache cold at the start of each run), by wall clock and by this
process's CPU time, plus the 1-minute load average (to tell whether other jobs competed).
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


def load_texts(limit: int | None) -> tuple[str, list[str]]:
    shared = Path(os.environ.get("CHRONIK_SHARED_DATA", ROOT.parent / "shared" / "data"))
    gnad = shared / "10kgnad" / "test.csv"
    if gnad.exists():
        with gnad.open(encoding="utf-8", newline="") as fh:
            texts = [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) > 1]
        source = str(gnad)
    else:
        lines = (ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
        source = "examples/articles.jsonl"
    return source, texts[:limit] if limit else texts


def throughput(pipe: Pipeline, texts: list[str], repeat: int, reset=None) -> tuple[int, float, float]:
    """Tokens, best wall-clock seconds and best CPU seconds of this process over ``repeat`` runs
    (CPU time is the per-core figure when other jobs share the machine)."""
    best_wall = best_cpu = float("inf")
    n_tokens = 0
    for _ in range(repeat):
        if reset:
            reset()
        wall, cpu = time.perf_counter(), time.process_time()
        n_tokens = 0
        for i, text in enumerate(texts):
            n_tokens += len(pipe(Document(str(i), text)).tokens)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return n_tokens, best_wall, best_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    source, texts = load_texts(args.limit)

    tok_pipe = Pipeline(["tokenize.rules"])
    n_tokens, tok_wall, tok_cpu = throughput(tok_pipe, texts, args.repeat)

    from chronik.nlp.tag import load_model

    start = time.perf_counter()
    load_model.cache_clear()
    both = Pipeline(["tokenize.rules", "tag.default"])
    load_seconds = time.perf_counter() - start
    model = load_model()
    _, both_wall, both_cpu = throughput(both, texts, args.repeat, reset=model.clear_cache)

    print(json.dumps({
        "source": source,
        "articles": len(texts),
        "tokens": n_tokens,
        "tagger_load_s": round(load_seconds, 3),
        "tokenize_tokens_per_s_wall": round(n_tokens / tok_wall),
        "tokenize_tokens_per_s_cpu": round(n_tokens / tok_cpu),
        "tokenize_tag_tokens_per_s_wall": round(n_tokens / both_wall),
        "tokenize_tag_tokens_per_s_cpu": round(n_tokens / both_cpu),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }))


if __name__ == "__main__":
    main()
