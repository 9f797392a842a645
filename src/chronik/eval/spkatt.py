"""Reader for the SpkAtt-2023 Task 2 JSON format (German Wikinews speaker attribution).

One JSON file per article: ``Sentences`` (``SentenceId``, ``Tokens``) and ``Annotations`` whose
``Cue``, ``Source``, ``Message``, ``Addr`` and ``Frame`` are lists of ``"sentence:token"`` ids, with
``Form`` (Direct | Indirect | FreeIndirect | IndirectFreeIndirect | Reported), ``STWR`` and
``IsNested``.  The article is rebuilt as a Document on the gold tokenisation (tokens joined by a
space, sentences by a newline) so predicted character spans map back to gold token ids exactly.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..doc import DocDate, Document, Sentence, Token

ROLES = ("Cue", "Source", "Message", "Addr")
FORMS = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")
_DATE_IN_NAME = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\s*$")


@dataclass
class GoldQuote:
    form: str
    medium: str
    nested: bool
    roles: dict[str, set[int]] = field(default_factory=dict)  # role -> global token indices


@dataclass
class GoldArticle:
    name: str
    path: Path
    doc: Document
    quotes: list[GoldQuote]


def _token_index(offsets: list[int], ref: str) -> int:
    sid, tid = ref.split(":")
    return offsets[int(sid)] + int(tid)


def read_article(path: Path) -> GoldArticle:
    """Parse one file; raises ValueError with a short reason on malformed input."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        sentences = sorted(data["Sentences"], key=lambda s: s["SentenceId"])
        annotations = data.get("Annotations") or []
    except KeyError as exc:
        raise ValueError(f"{path.name}: not SpkAtt JSON (no key {exc})") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, TypeError) as exc:
        raise ValueError(f"{path.name}: not SpkAtt JSON ({exc})") from exc
    parts: list[str] = []
    tokens: list[Token] = []
    sents: list[Sentence] = []
    offsets: list[int] = []
    pos = 0
    for s in sentences:
        if s["SentenceId"] != len(offsets):
            raise ValueError(f"{path.name}: sentence ids are not 0..n-1")
        offsets.append(len(tokens))
        first = len(tokens)
        start = pos
        for j, tok in enumerate(s["Tokens"]):
            text = str(tok) or "_"
            if j:
                parts.append(" ")
                pos += 1
            tokens.append(Token(pos, pos + len(text), text))
            parts.append(text)
            pos += len(text)
        if len(tokens) > first:
            sents.append(Sentence(start, pos, first, len(tokens)))
        parts.append("\n")
        pos += 1
    name = data.get("DocumentName") or path.stem
    doc = Document(id=path.stem, text="".join(parts), title=name, lang="de")
    m = _DATE_IN_NAME.search(name)
    if m:
        from datetime import date

        day = date.fromisoformat(m.group(1))
        doc.date = DocDate(m.group(1), "day", day, day)
    doc.tokens, doc.sentences = tokens, sents
    quotes = []
    for a in annotations:
        try:
            roles = {r: {_token_index(offsets, ref) for ref in a.get(r) or []} for r in ROLES}
        except (ValueError, IndexError) as exc:
            raise ValueError(f"{path.name}: bad token reference ({exc})") from exc
        quotes.append(GoldQuote(a.get("Form", ""), a.get("STWR", ""), bool(a.get("IsNested")), roles))
    return GoldArticle(name, path, doc, quotes)


def article_paths(gold: Path) -> list[Path]:
    """The JSON files of a directory and its subdirectories (sorted by path), or the file itself."""
    if gold.is_file():
        return [gold]
    return sorted(p for p in gold.rglob("*.json"))
