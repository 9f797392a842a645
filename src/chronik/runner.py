"""Analyse stored documents with a pipeline and write every layer back, batch by batch."""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass, field
from typing import Callable

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


def analyse(store: Store, pipeline: Pipeline, *, batch_size: int = 200, reanalyse: bool = False,
            on_batch: Callable[[RunSummary], None] | None = None) -> RunSummary:
    """Run ``pipeline`` over every document the store has not analysed with it yet.

    A document whose analysis raises is recorded with its error (one line) and the run goes on.
    """
    summary = RunSummary()
    start = time.perf_counter()
    for batch in store.documents_to_analyse(pipeline.signature, batch_size, reanalyse):
        done, errors = [], {}
        for doc in batch:
            try:
                done.append(pipeline(doc))
                summary.words += len(doc.text.split())
            except Exception as exc:  # one bad document must not stop the corpus
                message = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
                errors[doc.id] = message
                summary.errors.append(f"{doc.id}: {message}")
        store.write_analyses(done, pipeline.signature, errors)
        summary.analysed += len(done)
        summary.failed += len(errors)
        summary.seconds = time.perf_counter() - start
        if on_batch:
            on_batch(summary)
    for step in corpus_steps():
        step(store)
    summary.seconds = time.perf_counter() - start
    return summary
