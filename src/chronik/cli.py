"""The `chronik` command line: ingest, run, status, export, eval, train, serve."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console

from .store import DEFAULT_DB

app = typer.Typer(help=__doc__, no_args_is_help=True, add_completion=False)
eval_app = typer.Typer(help="Score a component against gold files.", no_args_is_help=True)
train_app = typer.Typer(help="Train the models chronik ships.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")

console = Console(stderr=True)

DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB file to write to / read from.")

# Options shared by `ingest` and `run`.
FormatOption = typer.Option("auto", "--format", help="auto|jsonl|json|csv|tsv|parquet|txt|html|rss|warc|lines")
TextField = typer.Option(None, "--text-field", help="Input field holding the article text (dotted paths reach into objects).")
TitleField = typer.Option(None, "--title-field", help="Input field holding the headline.")
DateField = typer.Option(None, "--date-field", help="Input field holding the publication date.")
IdField = typer.Option(None, "--id-field", help="Input field holding the input's own id (kept as meta.input_id).")
UrlField = typer.Option(None, "--url-field", help="Input field holding the URL.")
SourceField = typer.Option(None, "--source-field", help="Input field naming the publisher/source.")
SourceOption = typer.Option(None, "--source", help="Source name for records that do not name their own.")
StrictOption = typer.Option(False, "--strict", help="Stop with exit code 1 at the first rejected record.")
UndatedOption = typer.Option(False, "--allow-undated", help="Store records without a date instead of rejecting them.")
MaxCharsOption = typer.Option(None, "--max-chars", help="Reject texts longer than this (default 1,000,000).")
QuietOption = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary on stderr.")
JsonOption = typer.Option(False, "--json", help="Print a machine-readable summary on stdout.")


def _fail(message: str, code: int = 2) -> None:
    console.print(f"[red]error:[/] {message}", markup=True, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _ingest_options(fmt, text_field, title_field, date_field, id_field, url_field, source_field,
                    source, strict, allow_undated, max_chars):
    from .ingest import FORMATS, FieldMap, IngestOptions
    from .ingest.prepare import DEFAULT_MAX_CHARS

    if fmt not in FORMATS:
        _fail(f"unknown --format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if max_chars is not None and max_chars < 1:
        _fail("--max-chars must be positive")
    fields = FieldMap(text=text_field, title=title_field, date=date_field, id=id_field, url=url_field,
                      source=source_field)
    return IngestOptions(format=fmt, fields=fields, source=source, strict=strict,
                         allow_undated=allow_undated, max_chars=max_chars or DEFAULT_MAX_CHARS)


def _progress(quiet: bool):
    """A rich progress display on stderr (a no-op context when quiet or not a terminal)."""
    from contextlib import nullcontext

    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    if quiet:
        return nullcontext(None)
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=24),
                    TextColumn("{task.fields[stats]}"), TimeElapsedColumn(), console=console, transient=False)


def _run_ingest(paths: list[Path], db: Path, options, quiet: bool):
    """Ingest with a progress bar; returns (summary, error message or None)."""
    import duckdb

    from .ingest import StrictReject, expand_paths, ingest
    from .store import Store

    try:
        n_files = len(expand_paths(paths, options.format))
    except FileNotFoundError as exc:
        _fail(str(exc))
    try:
        store = Store(db)
    except duckdb.Error as exc:  # locked by another process, not a DuckDB file, no permission
        _fail(f"cannot open {db}: {str(exc).splitlines()[0]}")
    with _progress(quiet) as progress, store:
        task = progress.add_task("ingest", stats="", total=None) if progress else None

        def update(s) -> None:
            if progress is not None:
                # The bar follows the bytes read (compressed bytes for compressed files).
                progress.update(task, total=max(s.input_bytes, 1), completed=s.bytes_read,
                                description=f"ingest file {s.files}/{n_files}", stats=(
                    f"{s.records:,} docs · {s.docs_per_second:,.0f} docs/s · {s.words_per_second:,.0f} words/s"
                    f" · {s.added:,} new · {s.rejected:,} rejects"))

        try:
            summary = ingest(paths, store, options, on_progress=update)
        except StrictReject as exc:
            return None, f"rejected (--strict): {exc}"
        update(summary)
    return summary, None


def _print_ingest_summary(summary) -> None:
    out = console
    out.print(f"ingest: {summary.files} file(s), {summary.records:,} record(s) in {summary.seconds:.1f} s "
              f"({summary.docs_per_second:,.0f} docs/s, {summary.words_per_second:,.0f} words/s)", highlight=False, soft_wrap=True)
    out.print(f"  new {summary.added:,} (ok {summary.ok:,}, duplicate {summary.duplicates:,}, "
              f"skipped {summary.skipped:,}) · already stored {summary.unchanged:,} · "
              f"rejected {summary.rejected:,}", highlight=False, soft_wrap=True)
    for note in summary.notes:
        out.print(f"  note: {note}", markup=False, highlight=False, soft_wrap=True)
    for line in summary.rejects:
        out.print(f"  reject: {line}", markup=False, highlight=False, soft_wrap=True)
    if summary.rejected > len(summary.rejects):
        out.print(f"  … and {summary.rejected - len(summary.rejects):,} more rejects "
                  "(all in the rejects table: chronik export --table rejects)", highlight=False, soft_wrap=True)


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders to read."),
    db: Path = DbOption,
    fmt: str = FormatOption,
    text_field: Optional[str] = TextField,
    title_field: Optional[str] = TitleField,
    date_field: Optional[str] = DateField,
    id_field: Optional[str] = IdField,
    url_field: Optional[str] = UrlField,
    source_field: Optional[str] = SourceField,
    source: Optional[str] = SourceOption,
    strict: bool = StrictOption,
    allow_undated: bool = UndatedOption,
    max_chars: Optional[int] = MaxCharsOption,
    quiet: bool = QuietOption,
    as_json: bool = JsonOption,
):
    """Read articles into the store (re-running is safe: known articles are left as they are)."""
    options = _ingest_options(fmt, text_field, title_field, date_field, id_field, url_field, source_field,
                              source, strict, allow_undated, max_chars)
    summary, error = _run_ingest(paths, db, options, quiet)
    if error:
        if as_json:
            print(json.dumps({"error": error}, ensure_ascii=False))
        _fail(error, 1)
    if as_json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    if not quiet:
        _print_ingest_summary(summary)
    if summary.nothing_ingested:
        if not quiet:
            console.print("[red]error:[/] nothing could be ingested")
        raise typer.Exit(1)


def parse_component(value: str) -> tuple[str, dict[str, Any]]:
    """``NAME[:ARG]`` → (component name, config); ARG is the model name or path."""
    name, _, arg = value.partition(":")
    return name, ({"model": arg} if arg else {})


def pipeline_spec(ner: str, components: list[str]) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    """(layer → component overrides, component → config) from --ner and --component values."""
    from .pipeline import DEFAULT_PIPELINE

    overrides: dict[str, str] = {}
    config: dict[str, dict[str, Any]] = {}
    name, cfg = parse_component(ner)
    if not name.startswith("ner."):
        name = f"ner.{name}"
    overrides["mentions"] = name
    if cfg:
        config[name] = cfg
    for item in components:
        layer, sep, spec = item.partition("=")
        if not sep or not spec:
            raise ValueError(f"--component expects LAYER=NAME[:ARG], got {item!r}")
        if layer not in DEFAULT_PIPELINE:
            raise ValueError(f"unknown layer {layer!r} in --component; layers: {', '.join(DEFAULT_PIPELINE)}")
        name, cfg = parse_component(spec)
        overrides[layer] = name
        if cfg:
            config.setdefault(name, {}).update(cfg)
    return overrides, config


@app.command()
def run(
    paths: list[Path] = typer.Argument(None, help="Files or folders to ingest first (none: analyse only)."),
    db: Path = DbOption,
    ner: str = typer.Option("crf", "--ner", help="NER backend NAME[:ARG]: crf, spacy:de_core_news_sm, hf:/path/to/model."),
    component: list[str] = typer.Option([], "--component", help="Swap a pipeline slot: LAYER=NAME[:ARG] (repeatable)."),
    entities: Optional[Path] = typer.Option(None, "--entities", help="User entity file (CSV/JSONL: id, name, "
                                            "aliases, type, wikidata) linking entities to stable ids; see docs/entities.md."),
    workers: int = typer.Option(1, "--workers", min=1, help="Analysis processes."),
    reanalyse: bool = typer.Option(False, "--reanalyse", help="Analyse every document again, even if up to date."),
    fmt: str = FormatOption,
    text_field: Optional[str] = TextField,
    title_field: Optional[str] = TitleField,
    date_field: Optional[str] = DateField,
    id_field: Optional[str] = IdField,
    url_field: Optional[str] = UrlField,
    source_field: Optional[str] = SourceField,
    source: Optional[str] = SourceOption,
    strict: bool = StrictOption,
    allow_undated: bool = UndatedOption,
    max_chars: Optional[int] = MaxCharsOption,
    quiet: bool = QuietOption,
    as_json: bool = JsonOption,
):
    """Ingest PATHs, then analyse every document the current pipeline has not seen yet."""
    from .pipeline import Pipeline
    from .runner import analyse
    from .store import Store

    try:
        overrides, config = pipeline_spec(ner, component)
    except ValueError as exc:
        _fail(str(exc))
    if entities is not None:
        from .pipeline import DEFAULT_PIPELINE

        config.setdefault(overrides.get("entities", DEFAULT_PIPELINE["entities"]), {})["entity_file"] = str(entities)
    result: dict[str, Any] = {}
    if paths:
        options = _ingest_options(fmt, text_field, title_field, date_field, id_field, url_field, source_field,
                                  source, strict, allow_undated, max_chars)
        summary, error = _run_ingest(paths, db, options, quiet)
        if error:
            if as_json:
                print(json.dumps({"error": error}, ensure_ascii=False))
            _fail(error, 1)
        if not quiet:
            _print_ingest_summary(summary)
        result["ingest"] = summary.as_dict()
    try:
        pipeline = Pipeline.default(overrides, config)
    except (ValueError, ImportError, FileNotFoundError) as exc:
        _fail(f"cannot build the pipeline: {exc}")
    with Store(db) as store, _progress(quiet) as progress:
        task = progress.add_task("analyse", stats="", total=None) if progress else None

        def update(s) -> None:
            if progress is not None:
                progress.update(task, stats=(f"{s.analysed:,} docs · {s.words_per_second:,.0f} words/s"
                                             f" · {s.failed:,} failed"))

        run_summary = analyse(store, pipeline, reanalyse=reanalyse, on_batch=update, workers=workers)
        update(run_summary)
        counts = store.counts()
    result["analyse"] = {"pipeline": pipeline.signature, "analysed": run_summary.analysed,
                         "failed": run_summary.failed, "words": run_summary.words,
                         "seconds": round(run_summary.seconds, 3),
                         "words_per_second": round(run_summary.words_per_second, 1),
                         "errors": run_summary.errors[:100]}
    result["store"] = counts
    if as_json:
        print(json.dumps(result, ensure_ascii=False, default=str))
    if not quiet:
        console.print(f"analyse: {run_summary.analysed:,} document(s), {run_summary.failed:,} failed, "
                      f"{run_summary.seconds:.1f} s ({run_summary.words_per_second:,.0f} words/s) "
                      f"with {pipeline.signature}", highlight=False, markup=False, soft_wrap=True)
        for line in run_summary.errors[:20]:
            console.print(f"  error: {line}", markup=False, highlight=False, soft_wrap=True)
    if paths and result["ingest"]["added"] + result["ingest"]["unchanged"] == 0:
        if not quiet:
            console.print("[red]error:[/] nothing could be ingested")
        raise typer.Exit(1)


@app.command()
def status(db: Path = DbOption, as_json: bool = typer.Option(False, "--json")):
    """Counts of documents, rejects and annotations in the store, and the commonest reject reasons."""
    from .store import Store

    if not db.exists():
        _fail(f"no database at {db}")
    with Store(db, read_only=True) as store:
        counts = store.counts()
        reasons = store.reject_reasons()
    if as_json:
        print(json.dumps({**counts, "reject_reasons": reasons}))
    else:
        for k, v in counts.items():
            print(f"{k:>20}  {v}")
        for reason, n in reasons.items():
            print(f"{'reject':>20}  {n}  {reason}")


@app.command()
def export(
    db: Path = DbOption,
    fmt: str = typer.Option("parquet", "--format", help="parquet|csv|jsonl"),
    table: str = typer.Option("documents", "--table", help="A store table (documents, mentions, entities, "
                              "timexes, quotes, events, event_clusters, rejects, ...) or 'all'."),
    out: Optional[Path] = typer.Option(None, "--out", help="Output file; a folder for --table all "
                                       "(default: <table>.<format> / export/)."),
):
    """Write a table (or all of them) as Parquet, CSV or JSON lines."""
    from .store import EXPORT_FORMATS, Store

    if fmt not in EXPORT_FORMATS:
        _fail(f"unknown --format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    if not db.exists():
        _fail(f"no database at {db}")
    with Store(db, read_only=True) as store:
        tables = store.tables()
        if table != "all" and table not in tables:
            _fail(f"unknown --table {table!r}; tables: {', '.join(tables)}, all")
        ext = EXPORT_FORMATS[fmt]
        if table == "all":
            folder = out or Path("export")
            folder.mkdir(parents=True, exist_ok=True)
            targets = [(t, folder / f"{t}.{ext}") for t in tables]
        else:
            targets = [(table, out or Path(f"{table}.{ext}"))]
        for name, path in targets:
            path.parent.mkdir(parents=True, exist_ok=True)
            n = store.export(name, fmt, path)
            console.print(f"{name}: {n:,} row(s) → {path}", markup=False, highlight=False, soft_wrap=True)


def _register_subcommands() -> None:
    """Each area owns its command in its own module; registering here keeps this file small."""
    from .eval import events as eval_events, ner as eval_ner, quotes as eval_quotes, timex as eval_timex
    from .nlp import entities_cli, train as train_ner
    from .events import cli as events_cli
    from .quotes import cli as quotes_cli
    from .serve import cli as serve_cli

    eval_app.command("ner")(eval_ner.command)
    eval_app.command("timex")(eval_timex.command)
    eval_app.command("quotes")(eval_quotes.command)
    eval_app.command("events")(eval_events.command)
    train_app.command("ner")(train_ner.command)
    app.command("serve")(serve_cli.command)
    app.command("quotes")(quotes_cli.command)
    app.command("events")(events_cli.command)
    app.command("entities")(entities_cli.command)


_register_subcommands()
