"""Training and evaluation of the shipped POS tagger on UD German GSD (CoNLL-U, XPOS = STTS).

The gold sentences are re-tokenised with chronik's own tokeniser and the gold tags projected onto
those tokens, so the model learns exactly the tokenisation it will see at run time: a hyphenated
compound that GSD splits ("Ex", "-", "Generalstabschef") becomes one token with the tag of its
last part, and a contraction ("zum" = "zu" + "dem") one token tagged APPRART.

Split (fixed, no randomness): the held-out part is the last ``HOLDOUT`` sentences of the GSD test
file (news); ``--all`` trains the shipped model on dev + the whole test file.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .tagger_features import BOUNDARY, ROLES, VerbLexicon, features, fixed_tag, load_verb_lexicon
from .tagger_model import TaggerModel
from .tagger_morph import Morphology
from .tokenize import tokenize

HOLDOUT = 377  # last sentences of de_gsd-ud-test.conllu (GSD test s601-s977, news)
CRF_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}


@dataclass(slots=True)
class GoldToken:
    start: int
    end: int
    form: str
    xpos: str
    lemma: str
    feats: str


@dataclass(slots=True)
class Example:
    words: list[str]
    tags: list[str]
    lemmas: list[str]
    feats: list[str]


def read_conllu(path: Path) -> list[tuple[str, list[GoldToken]]]:
    """(text, gold tokens with offsets) per sentence; contractions become one APPRART token."""
    sentences = []
    text, rows = None, []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# text = "):
            text = line[len("# text = "):]
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if text is not None and rows:
                gold = _align(text, rows)
                if gold is not None:
                    sentences.append((text, gold))
            text, rows = None, []
        else:
            rows.append(line.split("\t"))
    return sentences


def _align(text: str, rows: list[list[str]]) -> list[GoldToken] | None:
    units: list[tuple[str, str, str, str]] = []
    skip_until = 0
    for i, row in enumerate(rows):
        tid = row[0]
        if "-" in tid:
            first, last = (int(x) for x in tid.split("-"))
            parts = [r for r in rows[i + 1:] if r[0].isdigit() and first <= int(r[0]) <= last]
            tags = [p[4] for p in parts]
            xpos = "APPRART" if tags[:1] == ["APPR"] else tags[-1]
            units.append((row[1], xpos, parts[0][2], parts[-1][5]))
            skip_until = last
        elif "." in tid:
            continue
        elif int(tid) <= skip_until:
            continue
        else:
            units.append((row[1], row[4], row[2], row[5]))
    gold, cursor = [], 0
    for form, xpos, lemma, feats in units:
        start = text.find(form, cursor)
        if start < 0 or text[cursor:start].strip():
            return None  # the text line and the tokens disagree: leave the sentence out
        gold.append(GoldToken(start, start + len(form), form, xpos, lemma, feats))
        cursor = start + len(form)
    return gold


def project(text: str, gold: list[GoldToken]) -> Example:
    """Gold tags on chronik's own tokens: each token takes the tag of the last gold unit it covers."""
    tokens, _ = tokenize(text)
    words, tags, lemmas, feats = [], [], [], []
    g = 0
    for tok in tokens:
        while g < len(gold) and gold[g].end <= tok.start:
            g += 1
        covered = [u for u in gold[g:] if u.start < tok.end and u.end > tok.start]
        if not covered:
            continue
        last = covered[-1]
        words.append(tok.text)
        tags.append(last.xpos)
        if len(covered) > 1 and last.start > tok.start:
            lemmas.append(text[tok.start:last.start] + last.lemma)
        else:
            lemmas.append(last.lemma)
        feats.append(last.feats)
    return Example(words, tags, lemmas, feats)


def load_examples(data_dir: Path) -> tuple[list[Example], list[Example]]:
    """(train, held-out) examples from GSD dev + test."""
    dev = [project(t, g) for t, g in read_conllu(data_dir / "de_gsd-ud-dev.conllu")]
    test = [project(t, g) for t, g in read_conllu(data_dir / "de_gsd-ud-test.conllu")]
    return dev + test[:-HOLDOUT], test[-HOLDOUT:]


def verb_lemmas(examples: list[Example]) -> set[str]:
    return {lemma for ex in examples for tag, lemma in zip(ex.tags, ex.lemmas) if tag[:2] in ("VV", "VA", "VM")}


def item_features(words: list[str], i: int, verbs: VerbLexicon | None = None) -> list[str]:
    n = len(words)

    def at(j: int) -> str:
        return words[j] if 0 <= j < n else BOUNDARY

    feats = features(words[i], ROLES[1] if i == 0 else ROLES[0], verbs)
    feats += features(at(i - 1), "left1") + features(at(i + 1), "right1")
    feats += features(at(i - 2), "left2") + features(at(i + 2), "right2")
    return feats


def train_crf(examples: list[Example], params: dict | None = None) -> TaggerModel:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    # Verb-lexicon features are computed with lemmas from the *other* half of the training data
    # (two folds), so the model learns how far the lexicon generalises to unseen verbs instead of
    # trusting a lexicon that by construction covers every training verb.
    halves = (examples[0::2], examples[1::2])
    lexicons = (load_verb_lexicon(verb_lemmas(halves[1])), load_verb_lexicon(verb_lemmas(halves[0])))
    for half, verbs in zip(halves, lexicons):
        for ex in half:
            if ex.words:
                trainer.append([{f: 1.0 for f in item_features(ex.words, i, verbs)}
                                for i in range(len(ex.words))], ex.tags)
    trainer.set_params(params or CRF_PARAMS)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "tagger.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    labels = sorted(info.labels, key=info.labels.get)
    label_index = {lab: i for i, lab in enumerate(labels)}
    attrs = sorted({a for a, _ in info.state_features})
    attr_index = {a: i for i, a in enumerate(attrs)}
    weights = np.zeros((len(attrs), len(labels)), dtype=np.float32)
    for (attr, label), w in info.state_features.items():
        weights[attr_index[attr], label_index[label]] = w
    transitions = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (src, dst), w in info.transitions.items():
        transitions[label_index[src], label_index[dst]] = w
    extras = {"x_verb_lemmas": np.array(sorted(verb_lemmas(examples)))}
    return TaggerModel(labels, attrs, weights, transitions, extras)


def lexicon_arrays(examples: list[Example]) -> dict[str, np.ndarray]:
    """Most frequent (lemma, morphology) per (form, tag) seen in training, for the lemmatiser."""
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for ex in examples:
        for w, t, lemma, feats in zip(ex.words, ex.tags, ex.lemmas, ex.feats):
            if lemma and lemma != "_":
                counts[(w, t)][(lemma, feats if feats != "_" else "")] += 1
    keys = sorted(counts)
    best = [counts[k].most_common(1)[0][0] for k in keys]
    return {
        "x_lex_form": np.array([k[0] for k in keys]),
        "x_lex_tag": np.array([k[1] for k in keys]),
        "x_lex_lemma": np.array([b[0] for b in best]),
        "x_lex_morph": np.array([b[1] for b in best]),
    }


def evaluate(model: TaggerModel, examples: list[Example]) -> dict[str, float]:
    """Token accuracy overall and per key tag (precision / recall), with the same fixed tags and
    verb-table corrections as at run time."""
    gold = [t for ex in examples for t in ex.tags]
    words = [w for ex in examples for w in ex.words]
    tagged = [t for tags in model.tag_sentences([ex.words for ex in examples]) for t in tags]
    morphology = Morphology(model.extras)
    pred = [fixed_tag(w) or morphology.refine_tag(w, t) for w, t in zip(words, tagged)]
    correct = sum(g == p for g, p in zip(gold, pred))
    result = {"tokens": float(len(gold)), "accuracy": correct / max(len(gold), 1)}
    for tag in ("NN", "NE", "VVFIN", "VAFIN", "VMFIN", "VVINF", "VVPP", "ADJA", "ADJD", "ADV", "APPR", "ART"):
        tp = sum(g == p == tag for g, p in zip(gold, pred))
        n_pred = sum(p == tag for p in pred)
        n_gold = sum(g == tag for g in gold)
        result[f"{tag}.precision"] = tp / n_pred if n_pred else 0.0
        result[f"{tag}.recall"] = tp / n_gold if n_gold else 0.0
    finite = {"VVFIN", "VAFIN", "VMFIN"}
    tp = sum(g in finite and p in finite for g, p in zip(gold, pred))
    result["finite_verb.recall"] = tp / max(sum(g in finite for g in gold), 1)
    result["finite_verb.precision"] = tp / max(sum(p in finite for p in pred), 1)
    return result


def run(data_dir: Path, out: Path | None, train_on_all: bool) -> dict[str, float]:
    """Train on GSD minus the held-out part, report its accuracy; with ``train_on_all`` the saved
    model is then retrained on everything."""
    train, held_out = load_examples(data_dir)
    t0 = time.perf_counter()
    model = train_crf(train)
    scores = evaluate(model, held_out)
    scores["train_seconds"] = time.perf_counter() - t0
    scores["train_tokens"] = float(sum(len(ex.words) for ex in train))
    if out is not None:
        final_examples = train + held_out if train_on_all else train
        final = train_crf(final_examples) if train_on_all else model
        final.extras.update(lexicon_arrays(final_examples))
        out.parent.mkdir(parents=True, exist_ok=True)
        final.save(out)
    return scores


def evaluate_sentence_split(data_dir: Path, group: int = 10) -> dict[str, float]:
    """Sentence-boundary precision/recall of the tokeniser on GSD dev + test: runs of ``group``
    consecutive gold sentences are joined with a space (with a line break after a sentence that
    has no final punctuation, as a headline would have) and split again."""
    texts = [text for name in ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu")
             for text, _ in read_conllu(data_dir / name)]
    tp = n_pred = n_gold = 0
    for g in range(0, len(texts), group):
        chunk = texts[g:g + group]
        joined, gold = "", set()
        for i, sentence in enumerate(chunk):
            if i:
                joined += " " if chunk[i - 1].rstrip()[-1:] in ".!?\"“”«»)…" else "\n"
                gold.add(len(joined))
            joined += sentence
        _, sentences = tokenize(joined)
        pred = {s.start for s in sentences[1:]}
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
    precision, recall = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return {"boundaries": float(n_gold), "precision": precision, "recall": recall,
            "f1": 2 * precision * recall / max(precision + recall, 1e-9)}
