"""Readers stream: the memory they hold does not grow with the size of the input."""

import csv
import gzip
import json
import tracemalloc
from pathlib import Path

import pytest

from chronik.ingest import readers
from chronik.ingest.readers import FieldMap, ReadContext, Record, detect_format, read

SENTENCES = ["Der Außenminister reiste am Montag nach Warschau.", "Dort sprach er mit seinem polnischen Amtskollegen.",
             "Beide forderten neue Gespräche über die Lage an der Grenze.", "Moskau wies die Vorwürfe erneut zurück."]


def rows(n: int):
    for i in range(n):
        yield {"text": " ".join(SENTENCES[(i + k) % 4] for k in range(8)) + f" Meldung {i}.",
               "date": f"2022-{i % 12 + 1:02d}", "source": "Elbkurier"}


def write(path: Path, n: int) -> Path:
    if path.name.endswith(".csv"):
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, ["text", "date", "source"])
            writer.writeheader()
            writer.writerows(rows(n))
    elif path.name.endswith(".json"):
        path.write_text(json.dumps(list(rows(n)), ensure_ascii=False), encoding="utf-8")
    elif path.name.endswith(".lines"):
        path.write_text("".join(f"date {r['date']} {r['text']}\n" for r in rows(n)), encoding="utf-8")
    else:
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows(n)).encode()
        path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def peak_bytes(path: Path) -> tuple[int, int]:
    """(records read, peak Python memory while reading them)."""
    ctx = ReadContext(path, FieldMap())
    tracemalloc.start()
    try:
        n = 0
        for item in read(ctx, detect_format(path), 4_000_000):
            assert isinstance(item, Record) and item.text
            n += 1
        return n, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("name", ["a.jsonl", "a.jsonl.gz", "a.json", "a.csv", "a.lines"])
def test_memory_does_not_grow_with_input_size(tmp_path, monkeypatch, name):
    # A small read buffer so that files of a few hundred kB are already many buffers long.
    monkeypatch.setattr(readers, "READ_CHUNK", 16_384)
    small = write(tmp_path / f"small-{name}", 250)
    large = write(tmp_path / f"large-{name}", 2500)
    n_small, peak_small = peak_bytes(small)
    n_large, peak_large = peak_bytes(large)
    assert (n_small, n_large) == (250, 2500)
    # Ten times the input (about 1.2 MB) may cost no more than a few records' worth of memory.
    assert peak_large < peak_small + 50_000, (peak_small, peak_large, large.stat().st_size)
    ctx = ReadContext(large, FieldMap())
    with ctx.open() as f:
        content_bytes = len(f.read())
    ctx.close()
    assert peak_large < content_bytes / 4
