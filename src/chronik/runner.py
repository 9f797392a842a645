"""Analyse stored documents with a pipeline and write every layer back, batch by batch."""

from __future__ import annotations

import importlib
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable

from .doc import Document
from .pipeline import Pipeline
from .store import Store

# Corpus-level steps run after documents are analysed: "module:function" taking a Store.
CORPUS_STEPS = (
    "chronik.nlp.entities:consolidate_corpus",
    "chronik.events.merge:merge_events",
)


@dataclass
class RunSummary:
    analysed: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def corpus_steps() -> list[Callable[[Store], None]]:
    steps = []
    for ref in CORPUS_STEPS:
        module, func = ref.split(":")
        steps.append(getattr(importlib.import_module(module), func))
    return steps


def _annotate(pipeline: Pipeline, doc: Document) -> tuple[Document | None, str | None]:
    """Analyse one document; a failure becomes a one-line error, never an exception."""
    try:
        return pipeline(doc), None
    except Exception as exc:  # one bad document must not stop the corpus
        return None, f"{type(exc).__name__}: {exc}".splitlines()[0][:300]


_worker_pipeline: Pipeline | None = None


def _start_worker(names: list[str], config: dict[str, Any]) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(names, config)  # models load once per process


def _annotate_in_worker(doc: Document) -> tuple[Document | None, str | None]:
    assert _worker_pipeline is not None
    return _annotate(_worker_pipeline, doc)


def analyse(store: Store, pipeline: Pipeline, *, batch_size: int = 200, reanalyse: bool = False,
            on_batch: Callable[[RunSummary], None] | None = None, workers: int = 1) -> RunSummary:
    """Run ``pipeline`` over every document the store has not analysed with it yet.

    With ``workers`` > 1 the documents are analysed in that many processes, each building the same
    pipeline once; this process alone writes to the store, so the result is identical.
    A document whose analysis raises is recorded with its error (one line) and the run goes on.
    """
    summary = RunSummary()
    start = time.perf_counter()
    pool = None
    if workers > 1:
        # spawn, not fork: the parent holds an open DuckDB connection and its threads.
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(pipeline.names, pipeline.config))
    try:
        for batch in store.documents_to_analyse(pipeline.signature, batch_size, reanalyse):
            if pool is None:
                results = [_annotate(pipeline, doc) for doc in batch]
            else:
                results = list(pool.map(_annotate_in_worker, batch, chunksize=max(1, len(batch) // (4 * workers))))
            done, errors = [], {}
            for doc, (annotated, error) in zip(batch, results):
                if error is None:
                    done.append(annotated)
                    summary.words += len(doc.text.split())
                else:
                    errors[doc.id] = error
                    summary.errors.append(f"{doc.id}: {error}")
            store.write_analyses(done, pipeline.signature, errors)
            summary.analysed += len(done)
            summary.failed += len(errors)
            summary.seconds = time.perf_counter() - start
            if on_batch:
                on_batch(summary)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    for step in corpus_steps():
        step(store)
    summary.seconds = time.perf_counter() - start
    return summary
