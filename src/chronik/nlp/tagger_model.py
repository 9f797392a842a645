"""Fast inference for the linear-chain CRF POS tagger (weights trained with CRFsuite).

The model is a linear-chain CRF whose state features each belong to one relative position
(see ``tagger_features``).  A word's contribution from each position is the sum of its feature
rows in the weight matrix; it is computed once per word and cached, so tagging a token costs a
few array additions.  Viterbi decoding runs over all sentences of a batch at once (one NumPy step
per token position, not per token); see docs/benchmarks.md for the measured speed.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .tagger_features import BOUNDARY, ROLES, load_verb_lexicon, word_features

_CACHE_LIMIT = 200_000  # cached words; cleared when full (a news corpus reuses most words)
_BUCKET = 64  # sentences decoded together
_SLOTS = 16_384  # padded token positions per batch (bounds memory for very long "sentences")
BEAM = 3  # previous labels kept per position (exact Viterbi when BEAM >= number of labels)


def _batches(order: list[int], sentences: list[list[str]]):
    """Runs of ``order`` (sentence indices sorted by length) of at most ``_BUCKET`` sentences and
    ``_SLOTS`` padded positions."""
    batch: list[int] = []
    for i in order:
        if batch and (len(batch) >= _BUCKET or (len(batch) + 1) * len(sentences[i]) > _SLOTS):
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


class TaggerModel:
    """Weights, labels and word cache of the CRF tagger."""

    def __init__(self, labels: list[str], attrs: list[str], weights: np.ndarray,
                 transitions: np.ndarray, extras: dict[str, np.ndarray] | None = None):
        self.labels = labels
        self.attr_index = {a: i for i, a in enumerate(attrs)}
        self.weights = weights  # (n_attrs, n_labels) float32
        self.transitions = transitions  # (n_labels, n_labels): from -> to
        self.extras = extras or {}
        verb_lemmas = self.extras.get("x_verb_lemmas")
        self.verbs = load_verb_lexicon(str(v) for v in verb_lemmas) if verb_lemmas is not None else None
        self._cache: dict[str, np.ndarray] = {}
        boundary = self._word_vectors(BOUNDARY)
        self._b_left1, self._b_right1 = boundary[2], boundary[3]
        self._b_left2, self._b_right2 = boundary[4], boundary[5]

    # -- persistence ---------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path) -> "TaggerModel":
        with np.load(path, allow_pickle=False) as data:
            labels = [str(x) for x in data["labels"]]
            attrs = [str(x) for x in data["attrs"]]
            weights = np.zeros((len(attrs), len(labels)), dtype=np.float32)
            weights[data["w_row"], data["w_col"]] = data["w_val"]
            transitions = data["transitions"].astype(np.float32)
            extras = {k: data[k] for k in data.files if k.startswith("x_")}
        return cls(labels, attrs, weights, transitions, extras)

    def save(self, path: str | Path) -> None:
        rows, cols = np.nonzero(self.weights)
        attrs = sorted(self.attr_index, key=self.attr_index.get)
        np.savez_compressed(
            path,
            labels=np.array(self.labels),
            attrs=np.array(attrs),
            w_row=rows.astype(np.int32),
            w_col=cols.astype(np.int16),
            w_val=self.weights[rows, cols].astype(np.float32),
            transitions=self.transitions.astype(np.float32),
            **self.extras,
        )

    def clear_cache(self) -> None:
        self._cache.clear()

    # -- scoring -------------------------------------------------------------------------
    def _word_vectors(self, word: str) -> np.ndarray:
        """(len(ROLES), n_labels) scores contributed by ``word`` from each position."""
        vecs = self._cache.get(word)
        if vecs is None:
            index = self.attr_index
            roles, rows = [], []
            for r, f in word_features(word, self.verbs):
                i = index.get(f)
                if i is not None:
                    roles.append(r)
                    rows.append(i)
            # One-hot (role x feature) times the feature rows sums each role's rows in one call.
            onehot = np.zeros((len(ROLES), len(rows)), dtype=np.float32)
            onehot[roles, np.arange(len(rows))] = 1.0
            vecs = onehot @ self.weights[rows]
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = vecs
        return vecs

    def state_scores(self, words: list[str]) -> np.ndarray:
        """(n, n_labels) state scores of one sentence."""
        n = len(words)
        cache = self._cache
        vecs = np.stack([cache.get(w) if w in cache else self._word_vectors(w) for w in words])
        scores = vecs[:, 0].copy()
        scores[0] = vecs[0, 1]
        if n > 1:
            scores[1:] += vecs[:-1, 2]
            scores[:-1] += vecs[1:, 3]
        if n > 2:
            scores[2:] += vecs[:-2, 4]
            scores[:-2] += vecs[2:, 5]
        scores[0] += self._b_left1 + self._b_left2
        scores[-1] += self._b_right1 + self._b_right2
        if n > 1:
            scores[1] += self._b_left2
            scores[-2] += self._b_right2
        return scores

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """Best label sequence for each sentence (Viterbi, batched by length)."""
        out: list[list[str] | None] = [None] * len(sentences)
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for i, s in enumerate(sentences):
            if not s:
                out[i] = []
        labels = self.labels
        for batch in _batches(order, sentences):
            paths = self._decode([self.state_scores(sentences[i]) for i in batch])
            for i, path in zip(batch, paths):
                out[i] = [labels[k] for k in path]
        return out  # type: ignore[return-value]

    def _decode(self, score_list: list[np.ndarray], beam: int = BEAM) -> list[np.ndarray]:
        """Beam-pruned Viterbi over a batch of sentences: at each position only the ``beam``
        best previous labels are extended, which costs O(beam * labels) instead of O(labels^2)."""
        lengths = np.array([len(s) for s in score_list])
        batch, longest, n_labels = len(score_list), int(lengths.max()), len(self.labels)
        beam = min(beam, n_labels)
        scores = np.zeros((batch, longest, n_labels), dtype=np.float32)
        for b, s in enumerate(score_list):
            scores[b, : len(s)] = s
        back = np.zeros((batch, longest, n_labels), dtype=np.int16)
        rows = np.arange(batch)[:, None]
        cols = np.arange(n_labels)[None, :]
        every = np.broadcast_to(np.arange(n_labels), (batch, n_labels))
        delta = scores[:, 0]
        for t in range(1, longest):
            top = np.argpartition(-delta, beam - 1, axis=1)[:, :beam] if beam < n_labels else every
            cand = delta[rows, top][:, :, None] + self.transitions[top]  # (batch, beam, labels)
            best = cand.argmax(axis=1)
            back[:, t] = top[rows, best]
            step = cand[rows, best, cols] + scores[:, t]
            active = (t < lengths)[:, None]
            delta = np.where(active, step, delta)
        paths = np.zeros((batch, longest), dtype=np.int64)
        final = delta.argmax(axis=1)
        current = final
        flat = np.arange(batch)
        for t in range(longest - 1, -1, -1):
            if t + 1 < longest:
                prev = back[flat, t + 1, paths[:, t + 1]]
                current = np.where(lengths - 1 > t, prev, current)
            current = np.where(lengths - 1 == t, final, current)
            paths[:, t] = current
        return [paths[b, : lengths[b]] for b in range(batch)]
