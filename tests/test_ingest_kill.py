"""kill -9 in the middle of an ingest, then the same command again == one uninterrupted run."""

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from chronik.ingest import ingest
from chronik.store import Store

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["Elbkurier", "Isarbote", "Spreewelle", "Rheinblick"]
PHRASES = ["Der Kanzler telefonierte mit dem Präsidenten.", "Die Nato verlegt rund 3000 weitere Soldaten.",
           "Moskau wies die Vorwürfe zurück.", "Die EU beschloss neue Sanktionen.",
           "In Berlin demonstrierten Tausende gegen den Krieg.", "Die Gespräche sollen fortgesetzt werden."]

# Ingests with small batches and reports each committed batch on stdout so the test can kill it
# at a known stage.
DRIVER = """
import sys
from pathlib import Path
from chronik.ingest import IngestOptions, ingest
from chronik.store import Store
with Store(sys.argv[2]) as store:
    ingest([Path(sys.argv[1])], store, IngestOptions(batch_docs=int(sys.argv[3])),
           on_progress=lambda s: print("batch", s.records, flush=True))
print("done", flush=True)
"""


def corpus(path: Path, n: int) -> Path:
    rng = random.Random(7)
    rows: list[dict] = []
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(rng.choice(PHRASES) for _ in range(rng.randint(3, 8))) + f" Meldung {i}."
            row = {"text": text, "date": f"2022-{rng.randint(1, 12):02d}", "source": rng.choice(SOURCES)}
            if i % 50 == 49:  # an earlier article from another source: a duplicate
                earlier = rows[rng.randrange(len(rows))]
                row = {**earlier, "source": SOURCES[(SOURCES.index(earlier["source"]) + 1) % len(SOURCES)]}
            elif i % 71 == 70:  # the same article again: a no-op
                row = rows[-1]
            rows.append(row)
            if i % 97 == 0:
                f.write('{"text": "kaputt\n')  # a reject
            elif i % 89 == 0:
                f.write(json.dumps({**row, "text": "Officials said the talks in Geneva would resume next week "
                                    "after both sides presented their proposals. " + str(i)}) + "\n")
            else:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def snapshot(db: Path) -> tuple[list, list]:
    with Store(db, read_only=True) as store:
        docs = store.con.execute(
            "SELECT id, text_hash, source, url, title, text, date_value, date_granularity, date_earliest, "
            "date_latest, lang, status, status_reason, origin, origin_location, n_words, meta "
            "FROM documents ORDER BY id").fetchall()
        rejects = store.con.execute("SELECT origin, location, reason FROM rejects ORDER BY origin, location").fetchall()
    return docs, rejects


def start(data: Path, db: Path, batch: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-c", DRIVER, str(data), str(db), str(batch)],
                            stdout=subprocess.PIPE, text=True, env=env)


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The corpus and the database of one uninterrupted run."""
    folder = tmp_path_factory.mktemp("kill")
    data = corpus(folder / "corpus.jsonl", 3000)
    clean_db = folder / "clean.duckdb"
    with Store(clean_db) as store:
        summary = ingest([data], store)
    assert summary.duplicates > 0 and summary.unchanged > 0 and summary.skipped > 0 and summary.rejected > 0
    return data, clean_db


@pytest.mark.parametrize("kill_after_batches", [1, 7])
def test_sigkill_then_rerun_equals_a_clean_run(tmp_path, clean, kill_after_batches):
    data, clean_db = clean

    killed_db = tmp_path / "killed.duckdb"
    proc = start(data, killed_db, 100)
    seen = 0
    for line in proc.stdout:
        if line.startswith("batch"):
            seen += 1
            if seen == kill_after_batches:
                # Let the next batch get under way, then kill without warning.
                os.kill(proc.pid, signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    partial_docs, _ = snapshot(killed_db)
    assert 0 < len(partial_docs) < len(snapshot(clean_db)[0])

    proc = start(data, killed_db, 100)  # the same command again
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "done" in out
    assert snapshot(killed_db) == snapshot(clean_db)


def test_sigkill_of_the_cli_at_an_arbitrary_moment(tmp_path, clean):
    """The real command, killed after a fixed delay wherever it is (maybe mid-commit)."""
    import time

    data, clean_db = clean
    db = tmp_path / "cli.duckdb"
    cmd = [sys.executable, "-m", "chronik", "ingest", str(data), "--db", str(db), "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.time() + 60
    while not db.exists() and time.time() < deadline:  # wait until it writes, then a little more
        time.sleep(0.01)
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert subprocess.run(cmd, env=env).returncode == 0
    assert snapshot(db) == snapshot(clean_db)


def test_a_batch_that_runs_out_of_memory_is_rolled_back_and_retried(tmp_path, clean, monkeypatch):
    import duckdb

    data, clean_db = clean
    db = tmp_path / "retry.duckdb"
    insert = Store.insert_documents
    failures = []

    def failing_once_per_batch(self, rows):
        if rows and rows[0]["id"] not in failures:
            insert(self, rows)  # written, then lost with the rolled-back transaction
            failures.append(rows[0]["id"])
            raise duckdb.OutOfMemoryException("Out of Memory Error: simulated")
        return insert(self, rows)

    monkeypatch.setattr(Store, "insert_documents", failing_once_per_batch)
    with Store(db) as store:
        summary = ingest([data], store)
    with Store(clean_db, read_only=True) as store:
        n_clean = store.con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert len(failures) >= 3  # 3,000 records in batches of at most 1,000
    assert summary.added == n_clean  # counted once, although every batch was written twice
    assert snapshot(db) == snapshot(clean_db)
