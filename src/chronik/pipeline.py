"""Ordered, swappable components over a Document.

A component is registered under a name with a version and the layer it fills.  Its factory is
called once per process (models load once); the returned callable mutates and returns the Doc.
Processing is thus a pure function doc -> annotated doc, fit for a process pool.

    @component("timex.rules", layer="timexes", version="0.1.0")
    def make_timex(config):  # config: dict of options from the pipeline spec
        def annotate(doc):
            ...
            return doc
        return annotate
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, replace
from typing import Any, Callable

from .doc import Document

Annotator = Callable[[Document], Document]


@dataclass(slots=True)
class ComponentSpec:
    name: str
    layer: str
    version: str
    factory: Callable[[dict[str, Any]], Annotator]
    requires: tuple[str, ...] = ()


REGISTRY: dict[str, ComponentSpec] = {}

# Modules whose import registers the built-in components.
BUILTIN_MODULES = (
    "chronik.nlp.tokenize",
    "chronik.nlp.tag",
    "chronik.nlp.ner",
    "chronik.nlp.entities",
    "chronik.timex",
    "chronik.quotes",
    "chronik.events",
)

# The default offline pipeline: layer -> component name.  Each slot can be swapped by name.
DEFAULT_PIPELINE: dict[str, str] = {
    "tokens": "tokenize.rules",
    "tags": "tag.default",
    "mentions": "ner.crf",
    "entities": "entities.rules",
    "timexes": "timex.rules",
    "quotes": "quotes.rules",
    "events": "events.rules",
}


def component(name: str, *, layer: str, version: str, requires: tuple[str, ...] = ()):
    """Register a component factory under ``name``."""

    def register(factory: Callable[[dict[str, Any]], Annotator]):
        REGISTRY[name] = ComponentSpec(name, layer, version, factory, requires)
        return factory

    return register


def load_builtins() -> None:
    for module in BUILTIN_MODULES:
        importlib.import_module(module)


def _qualified(spec: ComponentSpec, annotate: Annotator) -> tuple[ComponentSpec, Annotator]:
    """An annotator may set ``variant`` to what its config loaded (e.g. a user file's digest): it
    becomes part of the version, so results made with other data stay distinguishable."""
    variant = getattr(annotate, "variant", None)
    return (replace(spec, version=f"{spec.version}+{variant}") if variant else spec), annotate


class Pipeline:
    """An ordered list of instantiated components."""

    def __init__(self, names: list[str], config: dict[str, dict[str, Any]] | None = None):
        load_builtins()
        config = config or {}
        # Kept so that worker processes can build the same pipeline (see runner.analyse).
        self.names, self.config = list(names), config
        unknown = [n for n in names if n not in REGISTRY]
        if unknown:
            known = ", ".join(sorted(REGISTRY))
            raise ValueError(f"unknown pipeline component(s) {', '.join(unknown)}; known: {known}")
        self.steps: list[tuple[ComponentSpec, Annotator]] = [
            _qualified(REGISTRY[n], REGISTRY[n].factory(config.get(n, {}))) for n in names
        ]
        self.specs = [spec for spec, _ in self.steps]

    @classmethod
    def default(cls, overrides: dict[str, str] | None = None,
                config: dict[str, dict[str, Any]] | None = None,
                layers: list[str] | None = None) -> "Pipeline":
        """The default pipeline, with layer -> component ``overrides`` (e.g. {"mentions": "ner.spacy"})."""
        slots = dict(DEFAULT_PIPELINE)
        slots.update(overrides or {})
        names = [slots[layer] for layer in (layers or list(DEFAULT_PIPELINE))]
        return cls(names, config)

    @property
    def versions(self) -> dict[str, tuple[str, str]]:
        return {spec.layer: (spec.name, spec.version) for spec in self.specs}

    @property
    def signature(self) -> str:
        """One string naming every component and version, to tell analyses apart."""
        return ";".join(f"{s.name}@{s.version}" for s in self.specs)

    def __call__(self, doc: Document) -> Document:
        for spec, annotate in self.steps:
            doc = annotate(doc)
            doc.provenance[spec.layer] = (spec.name, spec.version)
        return doc
