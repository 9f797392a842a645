"""`chronik train ner`: train the shipped CRF NER model from the open data in ../shared/data.

The shipped model is trained on GermEval 2014 dev (outer layer, CC BY 4.0).  MobIE (CoNLL-2003
version, train+dev+test) and SmartData v1 (train+test), both CC BY 4.0, are read for
``--without-germeval`` (a model that never saw GermEval) and ``--with-domain``; 5-fold
cross-validation showed they lower GermEval F1 (they have no MISC), see docs/models.md.  Fine-grained MobIE/SmartData types are
mapped to PER/LOC/ORG (``TYPE_MAP``); GermEval OTH becomes MISC; ``deriv``/``part`` variants
and lowercase-initial "locations" ("italienische", "beiden Richtungen") become O, since
adjectives and prefixes are handled by the gazetteer as ``kind="demonym"`` mentions.  A model
trained on MobIE/SmartData does without the gazetteer of names listed from those same sets
(``domain_names.tsv``), which would copy its training labels.

Deterministic: fixed shuffle seed, L-BFGS (no random initialisation), fixed iteration count.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import random
import statistics
import time
from datetime import date
from pathlib import Path

import typer

from ..eval.conll import GoldSentence, Score, map_sentences, parse_map, read_conll, read_germeval, read_smartdata, score
from .ner_features import FEATURE_VERSION, pos_tags, sentence_features
from .ner_gazetteer import Gazetteer, default_gazetteer

SEED = 13
MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
MODEL_FILE = "ner_crf.crfsuite"

TYPE_MAP = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-stop": "LOC",
    "location-street": "LOC",
}
GERMEVAL_MAP = "drop-deriv-part,OTH=MISC"
DEFAULT_PARAMS = {"c1": 0.02, "c2": 0.05, "max_iterations": 150}  # best of 4 settings tried in 5-fold CV


def default_data_dir() -> Path:
    env = os.environ.get("CHRONIK_SHARED_DATA")
    if env:
        return Path(env)
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        candidate = base.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return Path("../shared/data")


def _fine_map(tag: str) -> str:
    if tag == "O":
        return tag
    prefix, _, typ = tag.partition("-")
    new = TYPE_MAP.get(typ, "O")
    return "O" if new == "O" else f"{prefix}-{new}"


def drop_lowercase_mentions(sentence: GoldSentence) -> GoldSentence:
    """MobIE/SmartData also mark adjectives and common phrases as locations; GermEval does not."""
    tokens, tags = sentence
    tags = list(tags)
    i = 0
    while i < len(tags):
        if tags[i] != "O" and (tags[i].startswith("B-") or i == 0 or tags[i - 1] == "O"):
            j = i + 1
            while j < len(tags) and tags[j].startswith("I-"):
                j += 1
            if not tokens[i][:1].isupper() and tokens[i][:1] not in "#@":
                tags[i:j] = ["O"] * (j - i)
            i = j
        else:
            i += 1
    return tokens, tags


def load_germeval(data: Path) -> list[GoldSentence]:
    return map_sentences(read_germeval(data / "germeval2014" / "NER-de-dev.tsv"), parse_map(GERMEVAL_MAP))


def load_domain_sets(data: Path) -> list[GoldSentence]:
    """MobIE + SmartData mapped to PER/LOC/ORG."""
    out: list[GoldSentence] = []
    for split in ("train", "dev", "test"):
        for toks, tags in read_conll(data / "mobie" / f"{split}.conll2003"):
            out.append(drop_lowercase_mentions((toks, [_fine_map(t) for t in tags])))
    for split in ("train", "test"):
        for sent in read_smartdata(data / "smartdata" / f"{split}.json.gz", TYPE_MAP):
            out.append(drop_lowercase_mentions(sent))
    return out


def without_domain_names(gazetteer: Gazetteer) -> Gazetteer:
    """The gazetteer minus the names listed from MobIE/SmartData: for a model trained on those
    sets, where the list would be a copy of the training labels (the model would learn that only
    listed words are names).  Their features then never fire in training and carry no weight."""
    return dataclasses.replace(gazetteer, domain_names={}, domain_words={})


def train_model(sentences: list[GoldSentence], path: Path, params: dict | None = None,
                gazetteer: Gazetteer | None = None) -> Path:
    import pycrfsuite

    gazetteer = gazetteer or default_gazetteer()
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for (tokens, tags), pos in zip(sentences, pos_tags([t for t, _ in sentences])):
        trainer.append(sentence_features(tokens, gazetteer, pos), tags)
    trainer.set_params({**DEFAULT_PARAMS, **(params or {}), "feature.possible_transitions": True})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return path


def tag_sentences(model_path: Path, sentences: list[GoldSentence]) -> list[list[str]]:
    """Raw CRF output (no gazetteer rule layer) for ``sentences``."""
    import pycrfsuite

    gazetteer = default_gazetteer()
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    words = [toks for toks, _ in sentences]
    return [tagger.tag(sentence_features(toks, gazetteer, pos)) for toks, pos in zip(words, pos_tags(words))]


GERMEVAL_NAME = "GermEval 2014 dev (outer, OTH->MISC, deriv/part->O), CC BY 4.0"
DOMAIN_NAME = "MobIE train+dev+test + SmartData v1 train+test (mapped, see TYPE_MAP), CC BY 4.0"


def write_meta(path: Path, params: dict, data_counts: dict[str, int]) -> None:
    """``MODEL.json`` beside the model: what ``load_crf`` checks and the model card cites."""
    meta = {
        "model": path.name,
        "feature_version": FEATURE_VERSION,
        "labels": ["PER", "LOC", "ORG", "MISC"],
        "trained": date.today().isoformat(),
        "params": params,
        "seed": SEED,
        # POS features come from this tagger model; retrain NER when it changes.
        "tagger_model_sha256": hashlib.sha256((MODELS_DIR / "tagger_de.npz").read_bytes()).hexdigest(),
        "data": data_counts,
        "licence": "CC BY-SA 4.0: training data CC BY 4.0 (see data); features from the tagger "
                   "(UD German GSD) and wordfreq lists, CC BY-SA 4.0; gazetteer features from GeoNames "
                   "and MobIE/SmartData names (CC BY 4.0), pycountry (LGPL-2.1), Faker and US Census "
                   "names (MIT, public domain). See docs/models.md.",
    }
    path.with_suffix(".json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def component_tags(model_path: Path, sentences: list[GoldSentence]) -> list[list[str]]:
    """Output of the full ``ner.crf`` component (CRF + gazetteer rules), exactly as
    ``chronik eval ner --ner ner.crf:MODEL`` scores it."""
    from ..eval.ner import run_component

    return run_component(f"ner.crf:{model_path}", sentences)[0]


def _folds(n: int, k: int) -> list[list[int]]:
    order = list(range(n))
    random.Random(SEED).shuffle(order)
    return [sorted(order[f::k]) for f in range(k)]


def command(
    data: Path = typer.Option(None, "--data", help="Shared data directory (default ../shared/data or $CHRONIK_SHARED_DATA)."),
    output: Path = typer.Option(None, "--output", help=f"Model file (default src/chronik/models/{MODEL_FILE})."),
    cv: int = typer.Option(0, "--cv", help="K-fold cross-validation on GermEval dev: each fold is tagged by a model trained on the other folds "
                    "(+ MobIE + SmartData with --with-domain); writes no model."),
    without_germeval: bool = typer.Option(False, "--without-germeval", help="Train on MobIE + SmartData only and score on GermEval dev (writes no model unless --output)."),
    with_domain: bool = typer.Option(False, "--with-domain", help="Also train on MobIE + SmartData (the shipped model "
                                     "does not: cross-validation shows they lower GermEval F1, see docs/models.md)."),
    c1: float = typer.Option(DEFAULT_PARAMS["c1"], "--c1", help="L1 regularisation."),
    c2: float = typer.Option(DEFAULT_PARAMS["c2"], "--c2", help="L2 regularisation."),
    max_iter: int = typer.Option(DEFAULT_PARAMS["max_iterations"], "--max-iter"),
    as_json: bool = typer.Option(False, "--json", help="Print scores as JSON."),
):
    """Train the CRF NER model (fixed seed, documented data, one command)."""
    import tempfile

    data = data or default_data_dir()
    if not (data / "germeval2014").is_dir():
        typer.echo(f"error: shared data not found at {data} (use --data or $CHRONIK_SHARED_DATA)", err=True)
        raise typer.Exit(2)
    params = {"c1": c1, "c2": c2, "max_iterations": max_iter}
    germeval = load_germeval(data)
    domain = load_domain_sets(data) if with_domain or without_germeval else []
    # The names listed from MobIE/SmartData are features only where those sets are not training data.
    plain_gazetteer = without_domain_names(default_gazetteer())
    train_gazetteer = plain_gazetteer if with_domain else default_gazetteer()
    log = lambda msg: typer.echo(msg, err=True)  # noqa: E731
    log(f"data: GermEval dev {len(germeval)} sentences" + (f", MobIE+SmartData {len(domain)} sentences" if domain else ""))

    if cv or without_germeval:
        results = []

        def evaluate(setting: str, path: Path, test: list[GoldSentence]) -> tuple[Score, list, list]:
            """Scores ``path`` on ``test``; returns the full score and both predictions."""
            gold = [t for _, t in test]
            full_tags, raw_tags = component_tags(path, test), tag_sentences(path, test)
            full, raw = score(gold, full_tags), score(gold, raw_tags)
            results.append({"setting": setting, **full.as_dict(), "crf_only": raw.as_dict()})
            if not as_json:
                print(f"--- {setting}: ner.crf (CRF + gazetteer rules)\n{full.table()}")
                print(f"CRF alone: P {raw.overall.precision:.4f} R {raw.overall.recall:.4f} F1 {raw.overall.f1:.4f}")
            return full, full_tags, raw_tags

        with tempfile.TemporaryDirectory() as tmp:
            if without_germeval:
                t0 = time.time()
                path = train_model(domain, output or Path(tmp) / "m.crfsuite", params, plain_gazetteer)
                if output:
                    write_meta(path, params, {DOMAIN_NAME: len(domain)})
                log(f"trained on MobIE+SmartData in {time.time() - t0:.0f}s")
                evaluate(f"MobIE+SmartData only -> GermEval dev (all {len(germeval)} sentences)", path, germeval)
            pooled_gold: list[list[str]] = []
            pooled_full: list[list[str]] = []
            pooled_raw: list[list[str]] = []
            fold_f1s = []
            for f, test_idx in enumerate(_folds(len(germeval), cv) if cv else []):
                held = set(test_idx)
                train = [s for i, s in enumerate(germeval) if i not in held] + (domain if with_domain else [])
                test = [germeval[i] for i in test_idx]
                t0 = time.time()
                path = train_model(train, Path(tmp) / f"fold{f}.crfsuite", params, train_gazetteer)
                full, full_tags, raw_tags = evaluate(f"cv fold {f + 1}/{cv} ({len(test)} held-out sentences)", path, test)
                fold_f1s.append(full.overall.f1)
                log(f"fold {f + 1}/{cv}: F1 {full.overall.f1:.4f} ({time.time() - t0:.0f}s)")
                pooled_gold += [t for _, t in test]
                pooled_full += full_tags
                pooled_raw += raw_tags
            if cv:
                full, raw = score(pooled_gold, pooled_full), score(pooled_gold, pooled_raw)
                summary = {"setting": f"cv pooled over {cv} folds (seed {SEED})", **full.as_dict(),
                           "crf_only": raw.as_dict(), "fold_f1_mean": round(statistics.mean(fold_f1s), 4),
                           "fold_f1_stdev": round(statistics.stdev(fold_f1s), 4) if cv > 1 else 0.0}
                results.append(summary)
                if not as_json:
                    print(f"=== {summary['setting']}: every GermEval dev sentence tagged by the fold model "
                          f"that did not see it\n{full.table()}")
                    print(f"CRF alone: P {raw.overall.precision:.4f} R {raw.overall.recall:.4f} F1 {raw.overall.f1:.4f}")
                    print(f"fold F1 mean {summary['fold_f1_mean']:.4f} (stdev {summary['fold_f1_stdev']:.4f})")
        if as_json:
            print(json.dumps(results, indent=1))
        return

    path = output or MODELS_DIR / MODEL_FILE
    t0 = time.time()
    train_model(germeval + (domain if with_domain else []), path, params, train_gazetteer)
    counts = {GERMEVAL_NAME: len(germeval), **({DOMAIN_NAME: len(domain)} if with_domain else {})}
    write_meta(path, params, counts)
    log(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f}s")
