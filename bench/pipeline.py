"""Whole default pipeline throughput and memory, and event merging at scale.

    .venv/bin/python bench/pipeline.py                       # 10kGNAD test set if present, else examples/
    .venv/bin/python bench/pipeline.py --limit 300
    .venv/bin/python bench/pipeline.py --merge-events 1000000   # merge_events on generated rows

Pipeline mode: the documents go into a fresh DuckDB store and ``runner.analyse`` runs
``Pipeline.default()`` (tokens → tags → mentions → entities → timexes → quotes → events), writes
every layer to the store and runs the corpus steps (entity consolidation, event merging), in one
process.  Text: ``../shared/data/10kgnad/test.csv`` (1,028 DerStandard articles, benchmark use
only; the set has no dates, so every article gets the publication date 2016-01-15) or
``examples/articles.jsonl``.  Reports words (whitespace-separated, as ``runner`` counts them) and
tokens (the tokenizer's) per second over wall time and per CPU-second (the process's user+system
time, which includes DuckDB's threads: the per-core figure, robust to other load on the machine),
seconds per layer, and peak RSS, as JSON.

Merge mode: generates N event rows (reports of ``N / 5`` distinct events among 2,000 actors over
two years, five reports each, spread over 20,000 articles), inserts them and times
``merge_events``; checks that the clusters found equal the events generated.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from chronik.pipeline import Pipeline  # noqa: E402
from chronik.runner import analyse  # noqa: E402
from chronik.store import Store  # noqa: E402

DCT = date(2016, 1, 15)


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


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_pipeline(limit: int | None, batch_size: int) -> dict:
    source, texts = load_texts(limit)
    t0 = time.perf_counter()
    pipeline = Pipeline.default()
    load_seconds = time.perf_counter() - t0
    # time each layer by wrapping its annotator (same work, one clock read per call)
    per_layer: dict[str, float] = {}
    n_tokens = 0
    wrapped = []
    for spec, annotate in pipeline.steps:
        def timed(doc, annotate=annotate, layer=spec.layer):
            nonlocal n_tokens
            start = time.perf_counter()
            out = annotate(doc)
            per_layer[layer] = per_layer.get(layer, 0.0) + time.perf_counter() - start
            if layer == "tokens":
                n_tokens += len(out.tokens)
            return out
        wrapped.append((spec, timed))
    pipeline.steps = wrapped
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "bench.duckdb") as store:
            rows = [{"id": f"b{i:06d}", "text_hash": f"h{i:06d}", "source": "10kgnad", "text": text,
                     "date_value": DCT.isoformat(), "date_granularity": "day", "date_earliest": DCT,
                     "date_latest": DCT, "lang": "de", "status": "ok", "n_words": len(text.split())}
                    for i, text in enumerate(texts)]
            store.insert_documents(rows)
            cpu0, wall0 = _cpu(), time.perf_counter()
            summary = analyse(store, pipeline, batch_size=batch_size)
            wall, cpu = time.perf_counter() - wall0, _cpu() - cpu0
            counts = store.counts()
    layers_total = sum(per_layer.values())
    return {
        "mode": "pipeline", "text": source, "documents": summary.analysed, "failed": summary.failed,
        "words": summary.words, "seconds_wall": round(wall, 2), "seconds_cpu": round(cpu, 2),
        "words_per_s_wall": round(summary.words / wall), "words_per_cpu_s": round(summary.words / cpu),
        "tokens": n_tokens, "tokens_per_cpu_s": round(n_tokens / cpu),
        "seconds_per_layer": {k: round(v, 2) for k, v in per_layer.items()},
        "seconds_store_and_corpus_steps": round(wall - layers_total, 2),
        "events": counts.get("events"), "event_clusters": counts.get("event_clusters"),
        "pipeline_load_s": round(load_seconds, 2), "peak_rss_mib": round(_peak_rss_mib()),
        "cores": os.cpu_count(), "errors": summary.errors[:5],
    }


def bench_merge(n_rows: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    n_events = max(1, n_rows // 5)
    actors = [f"E{i:05d}" for i in range(2000)]
    start = date(2021, 1, 1)
    docs = [f"d{i:06d}" for i in range(20000)]
    events, doc_counts = [], {}
    for k in range(n_events):
        a, b = rng.sample(actors, 2)
        # distinct events between the same pair are ≥ 3 weeks apart (beyond the merge window)
        day = start + timedelta(days=(k // 1000) * 21 + rng.randrange(3))
        etype = rng.choice(["CONSULT", "ACCUSE", "MOBILIZE", "ASSAULT"])
        for _ in range(5):
            doc = rng.choice(docs)
            idx = doc_counts.get(doc, 0)
            doc_counts[doc] = idx + 1
            exact = rng.random() < 0.6
            events.append((doc, idx, etype, "occurred", json.dumps([{"text": a, "entity": None, "entity_key": a}]),
                           json.dumps([{"text": b, "entity": None, "entity_key": b}]),
                           day if exact else None, day if exact else day + timedelta(days=2), f"g{k}"))
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "merge.duckdb") as store:
            store.con.executemany(
                "INSERT INTO documents (id, text_hash, source, text, date_value, date_granularity, "
                "date_earliest, date_latest, status) VALUES (?, ?, 'gen', '', '2021-01-01', 'day', "
                "DATE '2021-01-01', DATE '2021-01-01', 'ok')", [[d, d] for d in doc_counts])
            import pyarrow as pa
            table = pa.table({
                "doc_id": [e[0] for e in events], "idx": [e[1] for e in events], "type": [e[2] for e in events],
                "modality": [e[3] for e in events], "sources": [e[4] for e in events],
                "targets": [e[5] for e in events], "earliest": [e[6] for e in events],
                "latest": [e[7] for e in events], "attrs": [json.dumps({"gen": e[8]}) for e in events],
            })
            store.con.register("gen_events", table)
            store.con.execute("INSERT INTO events (doc_id, idx, type, modality, sources, targets, earliest, "
                              "latest, attrs) SELECT doc_id, idx, type, modality, sources, targets, earliest, "
                              "latest, attrs FROM gen_events")
            from chronik.events.merge import merge_events
            t0, cpu0 = time.perf_counter(), _cpu()
            merge_events(store)
            wall, cpu = time.perf_counter() - t0, _cpu() - cpu0
            clusters = store.con.execute("SELECT count(*) FROM event_clusters").fetchone()[0]
            # purity: every cluster holds reports of one generated event
            impure = store.con.execute(
                "SELECT count(*) FROM (SELECT cluster_id FROM events GROUP BY cluster_id "
                "HAVING count(DISTINCT json_extract_string(attrs, '$.gen')) > 1)").fetchone()[0]
    return {"mode": "merge", "event_rows": len(events), "generated_events": n_events, "clusters": clusters,
            "impure_clusters": impure, "seconds_wall": round(wall, 2), "seconds_cpu": round(cpu, 2),
            "rows_per_s": round(len(events) / wall), "peak_rss_mib": round(_peak_rss_mib())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--merge-events", type=int, default=0, help="benchmark merge_events on N generated rows")
    args = ap.parse_args()
    result = bench_merge(args.merge_events) if args.merge_events else bench_pipeline(args.limit, args.batch_size)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
