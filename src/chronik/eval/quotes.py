"""`chronik eval quotes`: token-level P/R/F1 for cue, source, message and addressee on
SpkAtt-2023 Task 2 JSON files, overall and per quotation form.

Each role is scored on the set of tokens any quotation of a document assigns to it (micro-average
over documents); per form, message tokens count as correct only with the same form.  By default,
as in the shared task's simplified subtask, gold quotations nested inside another are ignored
(``--nested`` keeps them).  Conventions of the SpkAtt scheme applied to our output: Reported and
free indirect speech have no cue; our FreeIndirect quotes in Konjunktiv are the scheme's
IndirectFreeIndirect.
"""

from __future__ import annotations

import bisect
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import typer

from ..doc import Document
from .spkatt import FORMS, ROLES, GoldArticle, article_paths, read_article

ROLE_NAMES = {"Cue": "cue", "Source": "source", "Message": "message", "Addr": "addressee"}
SPLITS = ("all", "dev", "heldout")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    roles: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    forms: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FORMS})
    documents: int = 0
    tokens: int = 0
    gold_quotes: int = 0
    predicted_quotes: int = 0
    errors: int = 0


def scheme_form(form: str, attrs: dict) -> str:
    """Our form in the SpkAtt scheme's terms."""
    if form == "FreeIndirect" and attrs.get("subjunctive"):
        return "IndirectFreeIndirect"
    return form


def predicted_roles(doc: Document, nested: bool = False) -> list[tuple[str, dict[str, set[int]]]]:
    """Each predicted quote as (scheme form, role -> token indices); quotes nested in another one's
    message are left out unless ``nested``, as the gold's nested quotations are."""
    starts = [t.start for t in doc.tokens]

    def token_ids(spans) -> set[int]:
        ids: set[int] = set()
        for s, e in spans:
            k = max(bisect.bisect_right(starts, s) - 1, 0)
            while k < len(doc.tokens) and doc.tokens[k].start < e:
                if doc.tokens[k].end > s:
                    ids.add(k)
                k += 1
        return ids

    out = []
    for q in doc.quotes:
        if q.attrs.get("nested") and not nested:
            continue
        form = scheme_form(q.form, q.attrs)
        # who cites the speaker ("zitiert die Zeitung den Minister") is the source of an outer quotation
        # in the SpkAtt scheme
        cited_by = [tuple(q.attrs["cited_by_span"])] if "cited_by_span" in q.attrs else []
        roles = {"Cue": set() if form in ("Reported", "FreeIndirect", "IndirectFreeIndirect") else token_ids(q.cue),
                 "Source": token_ids(q.source + cited_by), "Message": token_ids(q.message),
                 "Addr": token_ids(q.addressee)}
        out.append((form, roles))
    return out


def score_article(article: GoldArticle, predicted: list[tuple[str, dict[str, set[int]]]],
                  scores: Scores, nested: bool = False) -> None:
    gold_quotes = [q for q in article.quotes if nested or not q.nested]
    for role in ROLES:
        gold = set().union(*(q.roles[role] for q in gold_quotes)) if gold_quotes else set()
        pred = set().union(*(r[role] for _, r in predicted)) if predicted else set()
        scores.roles[role].add(gold, pred)
    gold_forms = {(t, q.form) for q in gold_quotes for t in q.roles["Message"]}
    pred_forms = {(t, f) for f, r in predicted for t in r["Message"]}
    for form in FORMS:
        scores.forms[form].add({x for x in gold_forms if x[1] == form}, {x for x in pred_forms if x[1] == form})
    scores.documents += 1
    scores.tokens += len(article.doc.tokens)
    scores.gold_quotes += len(gold_quotes)
    scores.predicted_quotes += len(predicted)


def select_split(paths: list[Path], split: str) -> list[Path]:
    """dev = every article but each 5th (by sorted file name); heldout = each 5th."""
    if split == "dev":
        return [p for i, p in enumerate(paths) if i % 5 != 4]
    if split == "heldout":
        return [p for i, p in enumerate(paths) if i % 5 == 4]
    return paths


def _pipeline():
    """The default pipeline without its tokenizer: the gold tokens are kept."""
    from ..pipeline import Pipeline

    return Pipeline.default(layers=["tags", "mentions", "entities", "timexes", "quotes"])


def evaluate(paths: list[Path], nested: bool = False, pipeline=None) -> tuple[Scores, float]:
    pipeline = pipeline or _pipeline()
    scores = Scores()
    elapsed = 0.0
    for path in paths:
        try:
            article = read_article(path)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            scores.errors += 1
            continue
        t0 = time.perf_counter()
        try:
            doc = pipeline(article.doc)
        except Exception as exc:  # one bad article must not stop the evaluation
            print(f"error: {path.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            scores.errors += 1
            doc = article.doc
            doc.quotes = []
        elapsed += time.perf_counter() - t0
        score_article(article, predicted_roles(doc, nested), scores, nested)
    return scores, elapsed


def report(scores: Scores, elapsed: float, split: str, nested: bool) -> dict:
    return {
        "split": split, "nested": nested, "documents": scores.documents, "tokens": scores.tokens,
        "gold_quotes": scores.gold_quotes, "predicted_quotes": scores.predicted_quotes, "errors": scores.errors,
        "seconds": round(elapsed, 2),
        "roles": {ROLE_NAMES[r]: c.as_dict() for r, c in scores.roles.items()},
        "forms": {f: c.as_dict() for f, c in scores.forms.items()},
    }


def command(
    gold: Path = typer.Option(..., "--gold", help="SpkAtt-2023 Task 2 JSON file or directory."),
    split: str = typer.Option("all", "--split", help="all | dev (4 of 5 articles) | heldout (every 5th)."),
    nested: bool = typer.Option(False, "--nested", help="Also score quotations nested in others."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
):
    """Token-level P/R/F1 for cue, source, message and addressee (and message per form)."""
    if split not in SPLITS:
        typer.echo(f"error: --split must be one of {', '.join(SPLITS)}", err=True)
        raise typer.Exit(2)
    if not gold.exists():
        typer.echo(f"error: no gold data at {gold}", err=True)
        raise typer.Exit(2)
    paths = select_split(article_paths(gold), split)
    if not paths:
        typer.echo(f"error: no *.json files in {gold}", err=True)
        raise typer.Exit(2)
    scores, elapsed = evaluate(paths, nested)
    result = report(scores, elapsed, split, nested)
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"SpkAtt-2023 Task 2 ({split}, {'all' if nested else 'non-nested'} quotations): "
          f"{scores.documents} documents, {scores.tokens} tokens, {scores.gold_quotes} gold / "
          f"{scores.predicted_quotes} predicted quotations, {elapsed:.1f} s")
    print(f"{'':<22}{'P':>8}{'R':>8}{'F1':>8}")
    for name, c in result["roles"].items():
        print(f"{name:<22}{c['precision']:>8.3f}{c['recall']:>8.3f}{c['f1']:>8.3f}")
    print("message tokens by form:")
    for name, c in result["forms"].items():
        print(f"  {name:<20}{c['precision']:>8.3f}{c['recall']:>8.3f}{c['f1']:>8.3f}")
    if scores.errors:
        print(f"{scores.errors} article(s) could not be read or analysed (see stderr)")
