"""From a read ``Record`` to a document row: text checks, normalisation, ids, date, language."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..dates import parse_date
from ..doc import DocDate
from .readers import Record, Reject

# Articles are a few thousand characters; anything beyond this is almost certainly a dump or a
# broken record, and would stall analysis.  Overridable with --max-chars.
DEFAULT_MAX_CHARS = 1_000_000
LANG_SAMPLE_CHARS = 1000
GERMAN = "de"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


@dataclass(slots=True)
class Prepared:
    """A document row ready for the store (status is decided at write time, in order)."""

    id: str
    text_hash: str
    source: str
    url: str | None
    title: str | None
    text: str
    date: DocDate | None
    origin: str
    origin_location: str
    n_words: int
    meta: dict[str, Any]
    status: str = "ok"
    status_reason: str | None = None
    lang: str | None = None

    def row(self) -> dict[str, Any]:
        d = self.date
        return {
            "id": self.id, "text_hash": self.text_hash, "source": self.source, "url": self.url,
            "title": self.title, "text": self.text,
            "date_value": d.value if d else None, "date_granularity": d.granularity if d else None,
            "date_earliest": d.earliest if d else None, "date_latest": d.latest if d else None,
            "lang": self.lang, "status": self.status, "status_reason": self.status_reason,
            "origin": self.origin, "origin_location": self.origin_location, "n_words": self.n_words,
            "meta": self.meta,
        }


def normalise_text(text: str) -> str:
    """The stored text: NFC, Unix newlines, no trailing spaces or runs of blank lines, stripped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if " \n" in text or "\t\n" in text:
        text = _TRAILING_SPACE.sub("\n", text)
    if "\n\n\n" in text or "\n \n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def text_key(text: str) -> str:
    """The form the id hashes: whitespace runs collapsed, so reflowed copies are the same text."""
    return " ".join(text.split())


def _sha(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def document_ids(source: str, normalised: str) -> tuple[str, str]:
    """(id, text_hash): id depends on source and text; text_hash on the text alone."""
    key = text_key(normalised)
    return _sha(source + "\x1f" + key), _sha(key)


def _json_safe(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n\n".join(value)  # paragraphs given as a list
    return None


def _short(value: Any, limit: int = 60) -> str:
    s = value if isinstance(value, str) else json.dumps(_json_safe(value), ensure_ascii=False)
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def prepare(record: Record, *, origin: str, default_source: str, max_chars: int,
            allow_undated: bool) -> Prepared | Reject:
    loc = record.location
    text = _as_text(record.text)
    if text is None:
        return Reject(loc, f"text is a {type(record.text).__name__}, not a string")
    if len(text) > max_chars:
        return Reject(loc, f"text too long: {len(text):,} characters (limit {max_chars:,}; see --max-chars)")
    sample = text[:4000]
    bad = len(_CONTROL.findall(sample))
    if "\x00" in sample or bad > max(3, len(sample) // 100):
        return Reject(loc, f"binary or garbled content ({bad} control/replacement characters "
                           f"in the first {len(sample)})")
    text = normalise_text(text)
    if not text:
        return Reject(loc, "empty text")

    doc_date = record.date if isinstance(record.date, DocDate) else parse_date(record.date)
    if doc_date is None:
        if record.date not in (None, ""):
            return Reject(loc, f"unparseable date {_short(record.date)!s}")
        if not allow_undated:
            return Reject(loc, "no date (use --allow-undated to store undated documents)")

    source = record.source or default_source
    doc_id, text_hash = document_ids(source, text)
    meta = _json_safe(record.meta) if record.meta else {}
    if record.ident not in (None, ""):
        meta["input_id"] = _json_safe(record.ident)
    title = " ".join(record.title.split()) if record.title else None
    return Prepared(
        id=doc_id, text_hash=text_hash, source=source, url=record.url, title=title or None,
        text=text, date=doc_date, origin=origin, origin_location=loc,
        n_words=len(text.split()), meta=meta,
    )


# Function words that are frequent in German and rare as words in other languages.  A sample
# dense with them is German without asking the classifier; everything else goes to py3langid.
GERMAN_FUNCTION_WORDS = frozenset(
    "der die und nicht sich ist mit auf für dem den des eine einer eines wird wurde wurden auch nach "
    "bei sei habe hat haben werden dass über zum zur vom aus noch wie sie er wir ein im".split())
_WORD = re.compile(r"\w+")


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``, judged on its first ~1000 characters."""
    sample = text[:LANG_SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    if len(words) >= 20:
        hits = [w for w in words if w in GERMAN_FUNCTION_WORDS]
        if len(hits) >= 0.15 * len(words) and len(set(hits)) >= 6:
            return GERMAN
    import py3langid

    lang, _score = py3langid.classify(sample)
    return lang
