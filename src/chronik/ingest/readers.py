"""Streaming readers: every input format yields ``Record``s (or ``Reject``s) one at a time.

A reader never holds more than one record (plus a read buffer) in memory, except RSS/Atom feeds,
which feedparser parses whole (feeds are small).  Compression (.gz, .bz2, .xz, .zst) is detected
from the file's magic bytes, so a misnamed file still opens.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterator
from urllib.parse import urlparse

from ..dates import find_date_in_text, parse_date_string
from ..doc import DocDate

FORMATS = ("auto", "jsonl", "json", "csv", "tsv", "parquet", "txt", "html", "rss", "warc", "lines")
COMPRESSION_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")
EXTENSIONS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv",
    ".tab": "tsv", ".parquet": "parquet", ".pq": "parquet", ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".rss": "rss", ".atom": "rss",
    ".xml": "rss", ".warc": "warc", ".arc": "warc", ".lines": "lines",
}
READ_CHUNK = 1 << 20
SNIFF_BYTES = 8192


@dataclass(slots=True)
class Record:
    """One article as read, before normalisation, dating and deduplication."""

    location: str
    text: Any
    title: str | None = None
    date: Any = None  # raw value (string, struct_time, ...) or a DocDate already resolved
    ident: Any = None
    url: str | None = None
    source: str | None = None  # given by the input record itself
    source_hint: str | None = None  # derived (site name, feed title, host), weaker than --source
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Reject:
    location: str
    reason: str


# -- opening files ------------------------------------------------------------------------------

def _zstd_reader(raw: BinaryIO) -> BinaryIO:
    import zstandard

    return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True))


def decompressed(raw: BinaryIO) -> BinaryIO:
    """``raw`` itself, or a decompressing reader (gzip, bzip2, xz, zstd) over it if its magic bytes
    name a compression, so a misnamed file still opens."""
    magic = raw.read(6)
    raw.seek(0)
    if magic.startswith(b"\x1f\x8b"):
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    if magic.startswith(b"BZh"):
        return bz2.BZ2File(raw)  # type: ignore[return-value]
    if magic.startswith(b"\xfd7zXZ\x00"):
        return lzma.LZMAFile(raw)  # type: ignore[return-value]
    if magic.startswith(b"\x28\xb5\x2f\xfd"):
        return _zstd_reader(raw)
    return raw


def strip_compression(name: str) -> str:
    lower = name.lower()
    for suffix in COMPRESSION_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def format_from_name(path: Path) -> str | None:
    return EXTENSIONS.get(Path(strip_compression(path.name)).suffix.lower())


def sniff_format(head: bytes) -> str:
    """Guess the format from the first bytes of the (decompressed) content."""
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"WARC/"):
        return "warc"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").decode("utf-8", "ignore")
    lower = text[:500].lower()
    if text.startswith("["):
        return "json"
    if text.startswith("{"):
        first = text.split("\n", 1)[0]
        try:
            json.loads(first)
            return "jsonl"
        except ValueError:
            return "json"
    if LINE_FORMAT_HEAD.match(text):
        return "lines"
    if "<rss" in lower or "<feed" in lower or "<rdf:rdf" in lower:
        return "rss"
    if lower.startswith(("<!doctype html", "<html")) or "<html" in lower or "<body" in lower:
        return "html"
    first_line = text.split("\n", 1)[0]
    if first_line.count("\t") >= 1:
        return "tsv"
    if first_line.count(",") >= 1 or first_line.count(";") >= 1:
        return "csv"
    return "txt"


# ``date 2022-02 <text>`` with the article on the same line: the line format.  A lone
# ``date 2022-02`` line is instead the date header of a single-article text file.
LINE_FORMAT_HEAD = re.compile(r"date[ \t]+\d{4}\S*[ \t]+\S")


def detect_format(path: Path) -> str:
    by_name = format_from_name(path)
    if by_name and by_name not in ("rss", "txt"):  # .xml may be anything, .txt may be line format
        return by_name
    with open(path, "rb") as raw:  # decompressors do not close the file they were given
        head = decompressed(raw).read(SNIFF_BYTES)
    if by_name == "txt":
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n").decode("utf-8", "ignore")
        return "lines" if LINE_FORMAT_HEAD.match(text) else "txt"
    return sniff_format(head)


# -- text decoding --------------------------------------------------------------------------------

class LineDecoder:
    """Decode lines as UTF-8, falling back per line to cp1252 (then latin-1) for legacy files.

    Per-line fallback keeps a file that mixes encodings readable; ``fallback_lines`` counts the
    lines that needed it so the run summary can say so.
    """

    def __init__(self) -> None:
        self.fallback_lines = 0

    def decode(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.fallback_lines += 1
            try:
                return raw.decode("cp1252")
            except UnicodeDecodeError:
                return raw.decode("latin-1")


def iter_lines(stream: BinaryIO, decoder: LineDecoder) -> Iterator[str]:
    """Decoded lines of a binary stream (BOMs handled; UTF-16 files decoded whole-stream)."""
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)  # type: ignore[arg-type]
    head = buffered.peek(4)[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield from io.TextIOWrapper(buffered, encoding="utf-16", errors="replace", newline="")
        return
    if head.startswith(b"\xef\xbb\xbf"):
        buffered.read(3)
    for raw in buffered:
        yield decoder.decode(raw)


def decode_bytes(data: bytes, decoder: LineDecoder) -> str:
    """Decode a whole small file (txt): BOM-aware UTF-8/UTF-16, else charset detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    decoder.fallback_lines += 1
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
        return data.decode(best.encoding if best else "latin-1", "replace")


# -- field mapping for structured records ---------------------------------------------------------

FIELD_CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "fulltext", "full_text", "maintext", "article_text",
             "story", "inhalt", "text_body"),
    "title": ("title", "headline", "heading", "titel", "ueberschrift", "überschrift"),
    "date": ("date", "published", "published_at", "publication_date", "pubdate", "pub_date",
             "date_published", "datepublished", "datetime", "datum", "timestamp", "time", "day"),
    "id": ("id", "doc_id", "article_id", "guid", "uid", "uuid"),
    "url": ("url", "link", "uri", "href"),
    "source": ("source", "publisher", "outlet", "site", "sitename", "site_name", "medium", "quelle",
               "feed", "newspaper", "publication"),
}
ROLES = tuple(FIELD_CANDIDATES)
NO_TEXT_COLUMN = "not an article table"


class FieldMap:
    """Which input field holds the text, title, date, id, url and source.

    Explicit names (``--text-field body``; dotted paths such as ``meta.published`` reach into
    nested objects) win; otherwise the first known field name present (case-insensitive) is used.
    Every other field is kept verbatim in ``meta``.
    """

    def __init__(self, **explicit: str | None):
        unknown = set(explicit) - set(ROLES)
        if unknown:
            raise ValueError(f"unknown field role(s): {', '.join(sorted(unknown))}")
        self.explicit = {role: name for role, name in explicit.items() if name}
        self._cache: dict[tuple[str, ...], dict[str, str]] = {}

    def _resolve(self, keys: tuple[str, ...]) -> dict[str, str]:
        found = self._cache.get(keys)
        if found is None:
            lower = {k.lower(): k for k in keys}
            found = {}
            for role in ROLES:
                if role in self.explicit:
                    found[role] = self.explicit[role]
                    continue
                for candidate in FIELD_CANDIDATES[role]:
                    if candidate in lower and lower[candidate] not in found.values():
                        found[role] = lower[candidate]
                        break
            if len(self._cache) < 256:
                self._cache[keys] = found
        return found

    @staticmethod
    def _get(row: dict[str, Any], name: str) -> Any:
        if name in row or "." not in name:
            return row.get(name)
        value: Any = row
        for part in name.split("."):
            if not isinstance(value, dict):
                return None
            value = value.get(part)
        return value

    def describe(self, role: str) -> str:
        if role in self.explicit:
            return f"field '{self.explicit[role]}'"
        return "field named " + "/".join(FIELD_CANDIDATES[role][:6])

    def no_text_column(self, columns: list[str]) -> Reject | None:
        """A file-level reject when a table's columns hold no text, instead of one per row."""
        text_field = self._resolve(tuple(columns)).get("text", "")
        if text_field in columns or text_field.split(".")[0] in columns:
            return None
        shown = ", ".join(columns[:8]) + (", …" if len(columns) > 8 else "")
        return Reject("file", f"{NO_TEXT_COLUMN}: no {self.describe('text')} among the columns "
                              f"({shown}); name it with --text-field")

    def record(self, location: str, row: dict[str, Any]) -> Record | Reject:
        roles = self._resolve(tuple(row))
        text_field = roles.get("text")
        if text_field is None or self._get(row, text_field) is None:
            return Reject(location, f"no text: record has no {self.describe('text')}")
        used = {name for name in roles.values() if name in row}
        values = {role: self._get(row, name) for role, name in roles.items()}
        return Record(
            location=location,
            text=values["text"],
            title=_as_str(values.get("title")),
            date=values.get("date"),
            ident=values.get("id"),
            url=_as_str(values.get("url")),
            source=_as_str(values.get("source")),
            meta={k: v for k, v in row.items() if k not in used},
        )


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)):
        return str(value)
    return None


# -- readers ------------------------------------------------------------------------------------------

@dataclass
class ReadContext:
    path: Path
    fields: FieldMap
    decoder: LineDecoder = field(default_factory=LineDecoder)
    raw: BinaryIO | None = None  # the open file, before decompression: its position is the progress

    def open(self) -> BinaryIO:
        self.raw = open(self.path, "rb")
        return decompressed(self.raw)

    def close(self) -> None:
        if self.raw is not None:
            self.raw.close()

    def position(self) -> int:
        """Bytes of the file read so far (compressed bytes for a compressed file)."""
        try:
            return self.raw.tell() if self.raw is not None and not self.raw.closed else 0
        except (OSError, ValueError):
            return 0


def read_jsonl(ctx: ReadContext) -> Iterator[Record | Reject]:
    with ctx.open() as f:
        for lineno, line in enumerate(iter_lines(f, ctx.decoder), 1):
            if not line.strip():
                continue
            location = f"line {lineno}"
            try:
                row = json.loads(line.rstrip("\r\n"))
            except ValueError as exc:
                # The line holds one JSON value, so the character position is the column.
                column = exc.pos + 1 if isinstance(exc, json.JSONDecodeError) else "?"
                yield Reject(location, f"malformed JSON ({getattr(exc, 'msg', exc)}, column {column})")
                continue
            if not isinstance(row, dict):
                yield Reject(location, f"JSON value is a {type(row).__name__}, not an object")
                continue
            yield ctx.fields.record(location, row)


def read_json(ctx: ReadContext, max_item_bytes: int) -> Iterator[Record | Reject]:
    """A top-level JSON array, streamed element by element; or one object holding a list."""
    decoder = json.JSONDecoder()
    with ctx.open() as f:
        stream = io.TextIOWrapper(f, encoding="utf-8-sig", errors="replace")  # type: ignore[arg-type]
        buf = stream.read(READ_CHUNK)
        pos = len(buf) - len(buf.lstrip())
        if not buf[pos:pos + 1] == "[":
            # Not an array: one object (maybe wrapping a list of articles); read it whole.
            whole = buf + stream.read()
            try:
                value = json.loads(whole)
            except ValueError as exc:
                yield Reject("file", f"malformed JSON: {exc}")
                return
            yield from _json_value_records(ctx, value)
            return
        pos += 1
        item = 0
        eof = False
        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n,":
                pos += 1
            if pos >= len(buf):
                if eof:
                    yield Reject(f"item {item + 1}", "JSON array is not closed (file truncated?)")
                    return
                more = stream.read(READ_CHUNK)
                eof = not more
                buf = buf[pos:] + more
                pos = 0
                continue
            if buf[pos] == "]":
                return
            try:
                value, end = decoder.raw_decode(buf, pos)
            except ValueError as exc:
                if not eof and len(buf) - pos < max_item_bytes:
                    more = stream.read(READ_CHUNK)
                    eof = not more
                    buf = buf[pos:] + more
                    pos = 0
                    continue
                yield Reject(f"item {item + 1}",
                             f"malformed JSON: {getattr(exc, 'msg', exc)}; rest of the array skipped")
                return
            item += 1
            pos = end
            location = f"item {item}"
            if isinstance(value, dict):
                yield ctx.fields.record(location, value)
            else:
                yield Reject(location, f"JSON value is a {type(value).__name__}, not an object")
            if pos > READ_CHUNK:
                buf = buf[pos:]
                pos = 0


def _json_value_records(ctx: ReadContext, value: Any) -> Iterator[Record | Reject]:
    if isinstance(value, dict):
        lists = [v for v in value.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        if len(lists) == 1:
            value = lists[0]
        else:
            yield ctx.fields.record("item 1", value)
            return
    if not isinstance(value, list):
        yield Reject("file", f"JSON file holds a {type(value).__name__}, not objects")
        return
    for i, row in enumerate(value, 1):
        if isinstance(row, dict):
            yield ctx.fields.record(f"item {i}", row)
        else:
            yield Reject(f"item {i}", f"JSON value is a {type(row).__name__}, not an object")


def read_csv(ctx: ReadContext, delimiter: str | None = None) -> Iterator[Record | Reject]:
    csv.field_size_limit(2**31 - 1)  # oversized texts are rejected by size, with a clear reason
    with ctx.open() as f:
        lines = iter_lines(f, ctx.decoder)
        try:
            header_line = next(lines)
        except StopIteration:
            return
        if delimiter is None:
            delimiter = max(",;\t|", key=header_line.count)
        header = next(csv.reader([header_line], delimiter=delimiter))
        header = [h.strip() or f"column_{i + 1}" for i, h in enumerate(header)]
        if reject := ctx.fields.no_text_column(header):
            yield reject
            return
        reader = csv.reader(lines, delimiter=delimiter)
        start = 2
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Reject(f"line {start}", f"malformed CSV: {exc}")
                start = reader.line_num + 2
                continue
            location = f"line {start}"
            start = reader.line_num + 2
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                yield Reject(location, f"{len(row)} columns but the header has {len(header)}")
                continue
            yield ctx.fields.record(location, dict(zip(header, row)))


def read_parquet(ctx: ReadContext) -> Iterator[Record | Reject]:
    import pyarrow.parquet as pq

    with ctx.open() as f:
        parquet = pq.ParquetFile(f if f.seekable() else io.BytesIO(f.read()))
        if reject := ctx.fields.no_text_column(parquet.schema_arrow.names):
            yield reject
            return
        n = 0
        for batch in parquet.iter_batches(batch_size=1000):
            for row in batch.to_pylist():
                n += 1
                yield ctx.fields.record(f"row {n}", row)


LINE_RE = re.compile(r"date\s+(\S+)\s+(.*)", re.S)


def read_lines(ctx: ReadContext) -> Iterator[Record | Reject]:
    """``date 2022-02 <article text>``: one article per line."""
    with ctx.open() as f:
        for lineno, line in enumerate(iter_lines(f, ctx.decoder), 1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            location = f"line {lineno}"
            m = LINE_RE.fullmatch(stripped)
            if not m:
                yield Reject(location, "line does not match 'date <YYYY[-MM[-DD]]|timestamp> <text>'")
                continue
            yield Record(location, m.group(2), date=m.group(1))


FILENAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_]?(\d{2})(?:[-_]?(\d{2}))?(?!\d)")


def _date_from_filename(path: Path) -> DocDate | None:
    m = FILENAME_DATE.search(path.name)
    if not m:
        return None
    return parse_date_string("-".join(g for g in m.groups() if g))


def read_txt(ctx: ReadContext, max_bytes: int) -> Iterator[Record | Reject]:
    """One article per file.  Date: a leading ``date ...`` line, the file name, or a dateline."""
    with ctx.open() as f:
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Reject("file", f"text file larger than {max_bytes:,} bytes")
        return
    text = decode_bytes(data, ctx.decoder)
    date: Any = None
    m = re.match(r"\s*date\s+(\S+)[ \t]*\n", text)
    if m:
        date, text = m.group(1), text[m.end():]
    else:
        date = _date_from_filename(ctx.path) or find_date_in_text(text[:300])
    stripped = text.strip()
    first, _, rest = stripped.partition("\n")
    title = first.strip() if rest.strip() and len(first) < 200 and not first.rstrip().endswith(".") else None
    yield Record("file", text, title=title, date=date)


# HTML: explicit publication-date metadata first; htmldate only as a fallback, and only at the
# granularity the page itself attests (htmldate always answers with a day).
_META_DATE = re.compile(
    r"<meta\s[^>]*?(?:property|name|itemprop)\s*=\s*[\"']"
    r"(?:article:published_time|og:published_time|date|pubdate|publishdate|publish-date|dc\.date|"
    r"dc\.date\.issued|dcterms\.date|dcterms\.created|datepublished|publication_date|sailthru\.date|"
    r"parsely-pub-date)[\"'][^>]*>",
    re.I,
)
_CONTENT = re.compile(r"content\s*=\s*[\"']([^\"']+)[\"']", re.I)
_TIME_TAG = re.compile(r"<time\s[^>]*datetime\s*=\s*[\"']([^\"']+)[\"']", re.I)
_JSONLD_DATE = re.compile(r"\"datePublished\"\s*:\s*\"([^\"]+)\"")
_TAGS = re.compile(r"<[^>]+>")


def html_date(html: str, extracted_date: str | None) -> DocDate | None:
    for m in _META_DATE.finditer(html):
        content = _CONTENT.search(m.group(0))
        if content and (found := parse_date_string(content.group(1))):
            return found
    for pattern in (_JSONLD_DATE, _TIME_TAG):
        for m in pattern.finditer(html):
            if found := parse_date_string(m.group(1)):
                return found
    if extracted_date and (found := parse_date_string(extracted_date)) and found.granularity == "day":
        # htmldate guessed a day (from the URL, say); keep only what the page attests.
        y, mo, d = found.earliest.year, found.earliest.month, found.earliest.day
        attested = (f"{y}-{mo:02d}-{d:02d}", f"{y}/{mo:02d}/{d:02d}", f"{d:02d}.{mo:02d}.{y}",
                    f"{d}.{mo}.{y}", f"{y}{mo:02d}{d:02d}")
        if any(a in html for a in attested):
            return found
        month_forms = (f"{y}-{mo:02d}", f"{y}/{mo:02d}", f"{mo:02d}.{y}")
        if any(a in html for a in month_forms):
            return parse_date_string(f"{y}-{mo:02d}")
    return find_date_in_text(_TAGS.sub(" ", html))


def html_record(location: str, data: bytes, decoder: LineDecoder, url: str | None = None) -> Record | Reject:
    import trafilatura

    html = decode_bytes(data, decoder)
    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True)
    except Exception as exc:  # trafilatura raises a wide range of parser errors on broken pages
        return Reject(location, f"HTML extraction failed: {type(exc).__name__}: {exc}")
    if extracted is None or not (extracted.text or "").strip():
        return Reject(location, "no main text found in HTML")
    hint = extracted.sitename or (urlparse(url).hostname if url else None)
    return Record(location, extracted.text, title=extracted.title, date=html_date(html, extracted.date),
                  url=url or extracted.url, source_hint=hint)


def read_html(ctx: ReadContext, max_bytes: int) -> Iterator[Record | Reject]:
    with ctx.open() as f:
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Reject("file", f"HTML file larger than {max_bytes:,} bytes")
        return
    yield html_record("file", data, ctx.decoder)


def _html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment
    import lxml.html

    try:
        root = lxml.html.fromstring(fragment)
    except Exception:  # lxml rejects some fragments (e.g. only comments); fall back to tag stripping
        return _TAGS.sub(" ", fragment)
    for br in root.iter("br", "p", "div", "li"):
        br.tail = "\n" + (br.tail or "")
    return root.text_content()


def read_rss(ctx: ReadContext) -> Iterator[Record | Reject]:
    import feedparser

    with ctx.open() as f:
        parsed = feedparser.parse(f.read())
    if parsed.bozo and not parsed.entries:
        yield Reject("file", f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
        return
    feed_title = parsed.feed.get("title")
    for i, entry in enumerate(parsed.entries, 1):
        content = entry.get("content")
        body = content[0].get("value") if content else entry.get("summary") or entry.get("description")
        if not body:
            yield Reject(f"entry {i}", "feed entry has no content or summary")
            continue
        known = {"title", "title_detail", "link", "links", "published", "published_parsed", "updated",
                 "updated_parsed", "summary", "summary_detail", "content", "description", "id", "guidislink"}
        meta = {k: v for k, v in entry.items() if k not in known and isinstance(v, (str, int, float))}
        yield Record(f"entry {i}", _html_to_text(body), title=entry.get("title"),
                     date=entry.get("published") or entry.get("updated"), ident=entry.get("id"),
                     url=entry.get("link"), source_hint=feed_title, meta=meta)


def read_warc(ctx: ReadContext, max_bytes: int) -> Iterator[Record | Reject]:
    from warcio.archiveiterator import ArchiveIterator

    with open(ctx.path, "rb") as raw:
        ctx.raw = raw
        magic = raw.read(4)
        raw.seek(0)
        # warcio reads gzip (per-record) WARCs itself; other compressions are unpacked first.
        stream = raw if magic.startswith((b"\x1f\x8b", b"WARC")) else decompressed(raw)
        it = ArchiveIterator(stream)
        for rec in it:
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            ctype = rec.http_headers.get_header("Content-Type") or ""
            status = rec.http_headers.get_statuscode()
            if "html" not in ctype.lower() or status != "200":
                continue
            data = rec.content_stream().read(max_bytes + 1)
            location = f"offset {it.get_record_offset()}"  # only valid once the payload was read
            if len(data) > max_bytes:
                yield Reject(location, f"HTML response larger than {max_bytes:,} bytes")
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            yield html_record(location, data, ctx.decoder, url=url)


def read(ctx: ReadContext, fmt: str, max_bytes: int) -> Iterator[Record | Reject]:
    """Records of one file in format ``fmt`` (already resolved, never "auto")."""
    if fmt == "jsonl":
        return read_jsonl(ctx)
    if fmt == "json":
        return read_json(ctx, max_bytes)
    if fmt == "csv":
        return read_csv(ctx)
    if fmt == "tsv":
        return read_csv(ctx, "\t")
    if fmt == "parquet":
        return read_parquet(ctx)
    if fmt == "lines":
        return read_lines(ctx)
    if fmt == "txt":
        return read_txt(ctx, max_bytes)
    if fmt == "html":
        return read_html(ctx, max_bytes)
    if fmt == "rss":
        return read_rss(ctx)
    if fmt == "warc":
        return read_warc(ctx, max_bytes)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
