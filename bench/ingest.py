"""Ingest throughput and memory on generated corpora of 1k / 10k / 100k articles.

    .venv/bin/python bench/ingest.py                    # 1000 10000 100000
    .venv/bin/python bench/ingest.py --sizes 1000 10000 --format lines

Each size runs in a fresh subprocess (so peak RSS, from resource.getrusage, is that run's own)
against a new database.  Corpora are generated from invented German sentence templates with a
fixed seed and cached under --workdir.  Prints one JSON line per size and a table.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ACTORS = ["Bundeskanzler Olaf Scholz", "Präsident Wladimir Putin", "US-Präsident Joe Biden",
          "Frankreichs Präsident Emmanuel Macron", "Präsident Wolodymyr Selenskyj",
          "Außenamtssprecherin Maria Sacharowa", "Nato-Generalsekretär Jens Stoltenberg",
          "der EU-Außenbeauftragte", "UN-Generalsekretär António Guterres", "die Bundesregierung",
          "das Verteidigungsministerium", "ein Sprecher des Kremls", "die Außenministerin",
          "der polnische Präsident", "die Europäische Kommission", "ein Regierungssprecher"]
PLACES = ["Berlin", "Moskau", "Kiew", "Paris", "Brüssel", "Warschau", "Washington", "Genf", "Minsk",
          "Wien", "Vilnius", "Bukarest", "New York", "München", "Riga", "Helsinki"]
VERBS = ["telefonierte mit", "traf sich mit", "warnte", "kritisierte", "lobte", "beriet mit",
         "drohte", "verhandelte mit", "empfing", "widersprach", "unterstützte", "verurteilte"]
TOPICS = ["die Lage an der Grenze", "neue Sanktionen", "die Gaslieferungen", "den Truppenaufmarsch",
          "eine Waffenruhe", "die Sicherheitsgarantien", "humanitäre Hilfe", "das Manöver",
          "die Rüstungskontrolle", "den Gefangenenaustausch", "die Getreideexporte"]
TIMES = ["am Montag", "am Dienstag", "an diesem Samstag", "am Vormittag", "zuletzt Ende Dezember",
         "am 20. Februar", "in der Nacht", "am Wochenende", "vor einer Woche", "kommende Woche"]
TEMPLATES = [
    "{a} {v} {b} {t} in {p}.",
    "Nach Angaben aus {p} ging es dabei um {topic}.",
    "{A} sagte {t}, man sei zu Gesprächen über {topic} bereit.",
    "„Wir werden {topic} nicht hinnehmen“, sagte {a} in {p}.",
    "Rund {n} weitere Soldaten sollen nach {p} verlegt werden.",
    "{A} wies die Berichte über {topic} als haltlos zurück.",
    "Die Gespräche in {p} dauerten nach Angaben von Teilnehmern rund {h} Stunden.",
    "Demonstranten forderten in {p} ein Ende der Kämpfe; die Polizei sprach von {n} Teilnehmern.",
    "Beobachter in {p} rechnen damit, dass {topic} die Beziehungen weiter belastet.",
    "{A} kündigte an, {topic} {t} erneut auf die Tagesordnung zu setzen.",
]
SOURCES = ["Elbkurier", "Isarbote", "Spreewelle", "Rheinblick", "Hauptstadtdienst", "Nachrichtenagentur Kontinent"]


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def article(rng: random.Random, i: int) -> dict:
    sentences = []
    for _ in range(rng.randint(8, 16)):
        tpl = rng.choice(TEMPLATES)
        sentences.append(_cap(tpl.format(
            a=rng.choice(ACTORS), A=_cap(rng.choice(ACTORS)), b=rng.choice(ACTORS), v=rng.choice(VERBS),
            t=rng.choice(TIMES), p=rng.choice(PLACES), topic=rng.choice(TOPICS),
            n=rng.choice([300, 1500, 3000, 8000, 100000]), h=rng.randint(2, 9))))
    # The article number keeps every generated text unique.
    sentences.append(f"(Meldung {i})")
    month = rng.randint(1, 12)
    date = f"2022-{month:02d}" if rng.random() < 0.3 else f"2022-{month:02d}-{rng.randint(1, 28):02d}"
    return {"title": sentences[0][:60], "date": date, "source": rng.choice(SOURCES), "text": " ".join(sentences)}


def generate(path: Path, n: int, fmt: str) -> None:
    rng = random.Random(20261124 + n)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for i in range(n):
            a = article(rng, i)
            if fmt == "lines":
                f.write(f"date {a['date']} {a['text']}\n")
            else:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
    tmp.rename(path)


def child(corpus: Path, db: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from chronik.ingest import ingest
    from chronik.store import Store

    # Warm the lazy imports (language model, pyarrow) outside the timed part: a one-off cost of
    # ~1 s that would otherwise dominate the 1k figure.
    from chronik.ingest.prepare import detect_language
    from chronik.store import _arrow_types
    detect_language("warm up")
    _arrow_types()

    start = time.perf_counter()
    cpu_start = time.process_time()
    with Store(db) as store:
        summary = ingest([corpus], store)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    size = corpus.stat().st_size
    print(json.dumps({
        "docs": summary.records, "added": summary.added, "rejected": summary.rejected,
        "seconds": round(seconds, 2), "docs_per_s": round(summary.records / seconds),
        "mb_per_s": round(size / seconds / 1e6, 2), "input_mb": round(size / 1e6, 1),
        # CPU time of all the process's threads (Python plus DuckDB): docs per CPU-second is the
        # one-core rate, and it does not depend on what else the machine is running.
        "cpu_seconds": round(cpu, 2), "docs_per_cpu_s": round(summary.records / cpu),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--format", choices=["jsonl", "lines"], default="jsonl")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/chronik-bench-ingest"))
    ap.add_argument("--child", nargs=2, metavar=("CORPUS", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for n in args.sizes:
        corpus = args.workdir / f"corpus-{n}.{args.format}"
        if not corpus.exists():
            generate(corpus, n, args.format)
        db = args.workdir / f"bench-{n}.duckdb"
        for stale in (db, db.with_suffix(".duckdb.wal")):
            stale.unlink(missing_ok=True)
        proc = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(db)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"ingest of {corpus} failed:\n{proc.stderr}")
        out = proc.stdout
        result = {"size": n, **json.loads(out.strip().splitlines()[-1])}
        results.append(result)
        print(json.dumps(result), flush=True)
    print(f"\n{'articles':>9} {'docs/s':>8} {'docs/CPU-s':>11} {'MB/s':>6} {'peak RSS MB':>12} {'seconds':>8}")
    for r in results:
        print(f"{r['size']:>9} {r['docs_per_s']:>8} {r['docs_per_cpu_s']:>11} {r['mb_per_s']:>6} "
              f"{r['peak_rss_mb']:>12} {r['seconds']:>8}")


if __name__ == "__main__":
    main()
