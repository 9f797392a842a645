"""Ingest: read articles from files and folders into the store, batch by batch.

Each batch (documents and rejects together) is written in one transaction.  Document ids are
derived from source and text, so re-running a killed or finished ingest adds nothing twice:
after ``kill -9`` the same command yields the same database as an uninterrupted run.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import duckdb

from ..store import Store
from .prepare import DEFAULT_MAX_CHARS, GERMAN, Prepared, detect_language, prepare
from .readers import (EXTENSIONS, FORMATS, NO_TEXT_COLUMN, FieldMap, ReadContext, Record, Reject,
                      detect_format, read, strip_compression)

__all__ = ["FORMATS", "FieldMap", "IngestOptions", "IngestSummary", "StrictReject", "expand_paths", "ingest"]

BATCH_DOCS = 1000
BATCH_CHARS = 8_000_000  # bound memory when documents are large
# DuckDB otherwise keeps freshly written table data in memory up to its (large) default limit, so
# peak memory would grow with the corpus; with a small cap it spills and memory stays flat.  The
# cap is set per batch: this buffer, plus room for the batch itself (a 10 MB document must fit),
# plus the primary-key index, which DuckDB cannot spill (about 50 bytes per stored document).
INGEST_BUFFER_BYTES = 16 << 20
BATCH_BYTES_FACTOR = 4  # DuckDB's working copies of a batch while inserting it
INDEX_HEADROOM = 1.5  # the index grows during the batch and the checkpoint after it
OOM_RETRIES = 3  # a batch that still does not fit is retried with twice, four, eight times the buffer
CHECKPOINT_WAL_BYTES = 16 << 20  # DuckDB's own default threshold
BATCH_SECONDS = 2.0  # commit at least this often so progress (and a resumable state) advances
MAX_REJECT_LINES = 1000  # kept for the summary; the rejects table holds all of them


class StrictReject(Exception):
    """Raised on the first reject when --strict is set."""


@dataclass
class IngestOptions:
    format: str = "auto"
    fields: FieldMap = field(default_factory=FieldMap)
    source: str | None = None
    strict: bool = False
    allow_undated: bool = False
    max_chars: int = DEFAULT_MAX_CHARS
    batch_docs: int = BATCH_DOCS


@dataclass
class IngestSummary:
    files: int = 0
    records: int = 0
    added: int = 0
    ok: int = 0
    duplicates: int = 0
    skipped: int = 0
    unchanged: int = 0  # already in the store (same source and text)
    rejected: int = 0
    words: int = 0
    chars: int = 0
    input_bytes: int = 0  # size of every input file
    bytes_read: int = 0  # of input_bytes, read so far (for progress)
    seconds: float = 0.0
    rejects: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def docs_per_second(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def nothing_ingested(self) -> bool:
        """True when no record made it into the store, now or in an earlier run."""
        return self.added + self.unchanged == 0

    def as_dict(self) -> dict:
        return {
            "files": self.files, "records": self.records, "added": self.added, "ok": self.ok,
            "duplicates": self.duplicates, "skipped": self.skipped, "unchanged": self.unchanged,
            "rejected": self.rejected, "words": self.words, "input_bytes": self.input_bytes,
            "seconds": round(self.seconds, 3), "docs_per_second": round(self.docs_per_second, 1),
            "words_per_second": round(self.words_per_second, 1),
            "rejects": self.rejects, "rejects_truncated": self.rejected > len(self.rejects),
            "notes": self.notes,
        }


def _known_input(path: Path) -> bool:
    return Path(strip_compression(path.name)).suffix.lower() in EXTENSIONS


def expand_paths(paths: Iterable[Path], fmt: str = "auto") -> list[Path]:
    """Files to read, in a stable order: folders are walked recursively and sorted.

    In a folder, only files with a known extension are read unless ``fmt`` names a format.
    Raises FileNotFoundError for a path that does not exist (a usage error).
    """
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    p = Path(root) / name
                    if not name.startswith(".") and (fmt != "auto" or _known_input(p)):
                        found.append(p)
            out.extend(sorted(found))
        elif path.exists():
            out.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return out


class _Writer:
    """Collects prepared documents and rejects; writes each batch in one transaction."""

    def __init__(self, store: Store, summary: IngestSummary, batch_docs: int,
                 on_progress: Callable[[IngestSummary], None] | None):
        self.store = store
        self.summary = summary
        self.batch_docs = batch_docs
        self.on_progress = on_progress
        self.docs: list[Prepared] = []
        self.rejects: list[tuple[str, str, str]] = []
        self.chars = 0
        self.last_flush = time.perf_counter()

    def add(self, doc: Prepared) -> None:
        self.docs.append(doc)
        self.chars += len(doc.text)
        if (len(self.docs) >= self.batch_docs or self.chars >= BATCH_CHARS
                or time.perf_counter() - self.last_flush > BATCH_SECONDS):
            self.flush()

    def reject(self, origin: str, location: str, reason: str) -> None:
        self.rejects.append((origin, location, reason))
        if len(self.rejects) >= self.batch_docs:
            self.flush()

    def flush(self) -> None:
        if self.docs or self.rejects:
            batch_bytes = BATCH_BYTES_FACTOR * 2 * self.chars
            for attempt in range(OOM_RETRIES + 1):
                self.store.set_memory_limit((INGEST_BUFFER_BYTES << attempt) + batch_bytes
                                            + int(INDEX_HEADROOM * self.store.index_memory()))
                try:
                    counts = self._write()
                    break
                except duckdb.OutOfMemoryException:
                    # The transaction was rolled back: nothing of this batch is stored yet.
                    if attempt == OOM_RETRIES:
                        raise
            for name, n in counts.items():
                setattr(self.summary, name, getattr(self.summary, name) + n)
            self._checkpoint_if_due()
        self.docs, self.rejects, self.chars = [], [], 0
        self.last_flush = time.perf_counter()
        if self.on_progress:
            self.on_progress(self.summary)

    def _write(self) -> dict[str, int]:
        """Write the batch in one transaction; returns the summary counts it adds."""
        counts = dict.fromkeys(("added", "unchanged", "duplicates", "skipped", "ok"), 0)
        with self.store.transaction():
            existing = self.store.existing_ids(d.id for d in self.docs)
            new: list[Prepared] = []
            for doc in self.docs:
                if doc.id in existing:
                    counts["unchanged"] += 1
                else:
                    existing.add(doc.id)
                    new.append(doc)
            first = self.store.first_with_hash(d.text_hash for d in new)
            for doc in new:
                if doc.text_hash in first:
                    doc.status, doc.status_reason = "duplicate", first[doc.text_hash]
                    counts["duplicates"] += 1
                    continue
                first[doc.text_hash] = doc.id
                doc.lang = doc.lang or detect_language(doc.text)
                if doc.lang != GERMAN:
                    doc.status, doc.status_reason = "skipped", f"language '{doc.lang}', not German"
                    counts["skipped"] += 1
                else:
                    doc.status, doc.status_reason = "ok", None
                    counts["ok"] += 1
            self.store.insert_documents([d.row() for d in new])
            self.store.insert_rejects(self.rejects)
        counts["added"] = len(new)
        return counts

    def _checkpoint_if_due(self) -> None:
        """Fold the write-ahead log into the file once it is large.

        Automatic checkpoints are off during ingest: one that runs out of memory inside COMMIT
        is fatal for the connection, while this one can be given room (and retried).
        """
        if self.store.wal_bytes() < CHECKPOINT_WAL_BYTES:
            return
        checkpoint(self.store)


def checkpoint(store: Store) -> None:
    """CHECKPOINT under a memory cap that leaves room for the index, retried with more room."""
    for attempt in range(OOM_RETRIES + 1):
        store.set_memory_limit((INGEST_BUFFER_BYTES << attempt) + int(INDEX_HEADROOM * store.index_memory()))
        try:
            store.con.execute("CHECKPOINT")
            return
        except duckdb.OutOfMemoryException:
            if attempt == OOM_RETRIES:
                raise


def _records(path: Path, options: IngestOptions, ctx: ReadContext) -> Iterator[Record | Reject]:
    try:
        fmt = options.format if options.format != "auto" else detect_format(path)
        yield from read(ctx, fmt, options.max_chars * 4)
    except Exception as exc:  # a truncated archive or a parser error (pyarrow, warcio, lxml) ends that file, not the run
        detail = str(exc).splitlines()[0] if str(exc) else ""
        yield Reject("file", f"cannot read file: {type(exc).__name__}: {detail}")
    finally:
        ctx.close()  # decompressing readers leave the underlying file open


def ingest(paths: Iterable[Path], store: Store, options: IngestOptions | None = None,
           on_progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Read every record of ``paths`` into ``store``; returns counts and reject lines."""
    options = options or IngestOptions()
    paths = [Path(p) for p in paths]
    if options.format not in FORMATS:
        raise ValueError(f"unknown format {options.format!r}; expected one of {', '.join(FORMATS)}")
    files = expand_paths(paths, options.format)
    summary = IngestSummary()
    for path in files:
        try:
            summary.input_bytes += path.stat().st_size
        except OSError:
            pass
    named = set(paths)
    with store.memory_limit(INGEST_BUFFER_BYTES), store.auto_checkpoints_off():
        _ingest_files(files, named, store, options, summary, on_progress)
        # Fold the write-ahead log into the file now, under a cap; at close it would run uncapped.
        checkpoint(store)
    return summary


def _ingest_files(files: list[Path], named: set[Path], store: Store, options: IngestOptions,
                  summary: IngestSummary, on_progress: Callable[[IngestSummary], None] | None) -> None:
    """Read ``files`` in order; ``named`` are the paths given by the user (the rest come from
    walking folders)."""
    writer = _Writer(store, summary, options.batch_docs, on_progress)
    start = time.perf_counter()
    done_bytes = 0  # sizes of the files read completely
    for path in files:
        summary.files += 1
        origin = str(path)
        stem = Path(strip_compression(path.name)).stem
        ctx = ReadContext(path, options.fields)
        records_before = summary.records
        not_articles = False
        for item in _records(path, options, ctx):
            if (isinstance(item, Reject) and item.location == "file" and path not in named
                    and item.reason.startswith(NO_TEXT_COLUMN)):
                # A table without articles in a walked folder (an entity list, say) is not bad input.
                summary.notes.append(f"{origin}: skipped, {item.reason}")
                not_articles = True
                continue
            summary.records += 1
            if isinstance(item, Record):
                default_source = options.source or item.source_hint or stem
                item = prepare(item, origin=origin, default_source=default_source,
                               max_chars=options.max_chars, allow_undated=options.allow_undated)
            if isinstance(item, Reject):
                reason = " ".join(item.reason.split())[:300]
                line = f"{origin}:{item.location}: {reason}"
                if options.strict:
                    writer.flush()
                    raise StrictReject(line)
                summary.rejected += 1
                if len(summary.rejects) < MAX_REJECT_LINES:
                    summary.rejects.append(line)
                writer.reject(origin, item.location, reason)
            else:
                summary.words += item.n_words
                summary.chars += len(item.text)
                writer.add(item)
            summary.seconds = time.perf_counter() - start
            if summary.records % 256 == 0:
                summary.bytes_read = done_bytes + ctx.position()
        try:
            done_bytes += path.stat().st_size
        except OSError:
            pass
        summary.bytes_read = done_bytes
        if summary.records == records_before and not not_articles:
            summary.notes.append(f"{origin}: no records (empty file?)")
        if ctx.decoder.fallback_lines:
            summary.notes.append(f"{origin}: {ctx.decoder.fallback_lines} line(s) were not UTF-8; "
                                 "decoded as cp1252/latin-1")
    writer.flush()
    summary.seconds = time.perf_counter() - start
