"""Which of many character spans contain a given span, in logarithmic time.

Layers often ask, for every mention or role, "which names/heads/messages contain this?"; a scan over
all spans makes that quadratic in the document's length, which a book-length text turns into
minutes.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable


class SpanIndex:
    """Spans ``(start, end)`` with their positions in the input; ``containing`` answers by bisection
    on the starts and stops scanning back once no earlier span reaches far enough."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        order = sorted((s, e, i) for i, (s, e) in enumerate(spans))
        self._starts = [s for s, _, _ in order]
        self._order = order
        self._reach: list[int] = []  # running maximum of the ends
        for _, e, _ in order:
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)

    def containing(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """``(s, e, position)`` of every span with ``s <= start`` and ``end <= e``, by position."""
        found = []
        k = bisect_right(self._starts, start) - 1
        while k >= 0 and self._reach[k] >= end:
            s, e, i = self._order[k]
            if e >= end:
                found.append((s, e, i))
            k -= 1
        return sorted(found, key=lambda x: x[2])
