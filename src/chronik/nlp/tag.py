"""STTS part-of-speech tags, lemmas and finite-verb morphology (component ``tag.default``).

A linear-chain CRF trained on UD German GSD (see ``tagger_train``) tags each sentence; the
shipped model is ``chronik/models/tagger_de.npz``.  ``tagger_morph`` then adds lemmas and UD-style
features (``Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin`` on finite verbs).

Train and evaluate (fixed split, deterministic)::

    python -m chronik.nlp.tag train --out src/chronik/models/tagger_de.npz
    python -m chronik.nlp.tag eval          # held-out tagging accuracy
    python -m chronik.nlp.tag eval-split    # sentence-boundary precision/recall
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..doc import Document, Token
from ..pipeline import component
from .tagger_features import fixed_tag
from .tagger_model import TaggerModel
from .tagger_morph import Morphology

MODEL_FILE = "tagger_de.npz"

@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> TaggerModel:
    """The tagger model (the shipped one unless ``path`` is given), loaded once per process."""
    if path is None:
        with resources.as_file(resources.files("chronik").joinpath("models", MODEL_FILE)) as p:
            return TaggerModel.load(p)
    return TaggerModel.load(path)


def tag_tokens(model: TaggerModel, morphology: Morphology, sentences: list[list[Token]]) -> None:
    """Set ``pos``, ``lemma`` and ``morph`` on the tokens of each sentence."""
    predicted = model.tag_sentences([[t.text for t in toks] for toks in sentences])
    for toks, tags in zip(sentences, predicted):
        for tok, tag in zip(toks, tags):
            tok.pos = fixed_tag(tok.text) or tag
        morphology.annotate(toks)


@component("tag.default", layer="tags", version="0.1.0")
def make_tagger(config):
    model = load_model(config.get("model"))
    morphology = Morphology(model.extras)

    def annotate(doc: Document) -> Document:
        if doc.sentences:
            sentences = [doc.sentence_tokens(s) for s in doc.sentences]
        else:
            sentences = [doc.tokens] if doc.tokens else []
        tag_tokens(model, morphology, sentences)
        return doc

    return annotate


def _gsd_dir(given: str | None) -> Path:
    if given:
        return Path(given)
    root = Path(os.environ.get("CHRONIK_SHARED_DATA", Path(__file__).resolve().parents[3].parent / "shared" / "data"))
    return root / "ud-german-gsd"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chronik.nlp.tag", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    train = sub.add_parser("train", help="train on GSD, print held-out accuracy, save the model")
    train.add_argument("--out", required=True, type=Path, help="model file to write (.npz)")
    train.add_argument("--data", help="folder with de_gsd-ud-{dev,test}.conllu (default ../shared/data/ud-german-gsd)")
    train.add_argument("--holdout-only", action="store_true",
                       help="save the model trained without the held-out part (default: retrain on all)")
    evaluate = sub.add_parser("eval", help="train without the held-out part and print its accuracy")
    evaluate.add_argument("--data")
    split = sub.add_parser("eval-split", help="sentence-boundary precision/recall of the tokeniser on GSD")
    split.add_argument("--data")
    args = parser.parse_args(argv)

    from .tagger_train import evaluate_sentence_split, run

    data = _gsd_dir(args.data)
    if not (data / "de_gsd-ud-test.conllu").exists():
        print(f"error: GSD CoNLL-U files not found in {data}", file=sys.stderr)
        return 2
    if args.command == "eval-split":
        scores = evaluate_sentence_split(data)
        print(json.dumps({k: round(v, 4) for k, v in scores.items()}, indent=1))
        return 0
    out = args.out if args.command == "train" else None
    scores = run(data, out, train_on_all=args.command == "train" and not args.holdout_only)
    print(json.dumps({k: round(v, 4) for k, v in scores.items()}, indent=1))
    if out is not None:
        print(f"model written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
