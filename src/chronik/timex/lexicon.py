"""The timex word lists (src/chronik/lexicons/timex/*.tsv), loaded once."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


def _rows(name: str) -> list[list[str]]:
    text = resources.files("chronik").joinpath("lexicons", "timex", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, str]:
    """First column -> second column."""
    return {r[0]: r[1] for r in _rows(name)}


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(r) for r in _rows(name))


def alternation(words) -> str:
    """A regex alternation, longest first so the longest form wins."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def cue_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(forward, backward, announce, forward_weak) cue regexes over lower-case clause text."""
    groups: dict[str, list[str]] = {"forward": [], "backward": [], "announce": [], "forward_weak": []}
    for pattern, direction in rows("cues.tsv"):
        groups[direction].append(f"(?:{pattern})")
    return tuple(re.compile(r"(?<![\w-])(?:" + "|".join(groups[d]) + r")(?![\w-])")
                 for d in ("forward", "backward", "announce", "forward_weak"))
