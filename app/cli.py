"""The `parley` command: load, check, export, migrate, serve."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from app.config import get_settings
from app.db import make_engine, session_factory
from app.exports import document_json, spreadsheet, tei
from app.ingest.loader import LoadOutcome, database_registry, discover, load_files, outcome_for
from app.ingest.model import ParseError
from app.ingest.parser import parse_document
from app.ingest.registry import Registry, RegistryError, load_registry
from app.migrate import is_current, upgrade
from app.queries.records import count_records, iter_records
from app.queries.utterances import (
    UtteranceFilter,
    count_utterances,
    export_languages,
    iter_utterances,
)
from app.schemas import Editorial
from app.urls import Urls

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
out = Console()
err = Console(stderr=True)

PathsArg = Annotated[
    list[Path], typer.Argument(help="Files or folders of records", exists=True, show_default=False)
]
ReferenceOpt = Annotated[
    Path | None,
    typer.Option("--reference", help="Folder with persons.yaml and topics.yaml [default: seed/]"),
]


def _report_error(error: ParseError) -> None:
    err.print(str(error), markup=False, highlight=False, soft_wrap=True)


def _summary(outcomes: list[LoadOutcome], title: str) -> Table:
    table = Table(title=title)
    for column in ("file", "document", "status", "languages", "turns", "speakers"):
        table.add_column(column, overflow="fold")
    for o in outcomes:
        speakers = ", ".join(f"{name} {count}" for name, count in o.speakers.items())
        table.add_row(
            Path(o.source).name,
            o.slug or "—",
            o.status,
            "+".join(o.languages) or "—",
            str(o.turns) if o.turns else "—",
            speakers or (o.error.message if o.error else "—"),
        )
    return table


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


@app.command()
def load(paths: PathsArg, reference: ReferenceOpt = None) -> None:
    """Load records into the database: one transaction per document; unchanged files are
    skipped and a changed file replaces its document."""
    settings = get_settings()
    engine = make_engine(settings.database_url)
    upgrade(engine)
    files = discover(paths)
    outcomes: list[LoadOutcome] = []
    try:
        with _progress() as progress:
            task = progress.add_task("loading", total=len(files))
            for outcome in load_files(
                session_factory(engine), files, reference or settings.seed_dir
            ):
                outcomes.append(outcome)
                if outcome.error:
                    _report_error(outcome.error)
                progress.advance(task)
    except RegistryError as exc:
        err.print(f"reference data: {exc}", markup=False)
        raise typer.Exit(2) from None
    finally:
        engine.dispose()
    out.print(_summary(outcomes, "parley load"))
    if any(o.status == "failed" for o in outcomes):
        raise typer.Exit(1)


def _check_registry(reference: Path) -> Registry:
    """The reference files, plus what the database has learnt if it exists and is current."""
    settings = get_settings()
    engine = make_engine(settings.database_url)
    try:
        if is_current(engine):
            with session_factory(engine)() as session:
                return database_registry(session, reference)
    except Exception:  # no database yet: checking needs none
        pass
    finally:
        engine.dispose()
    return load_registry(reference)


@app.command()
def check(paths: PathsArg, reference: ReferenceOpt = None) -> None:
    """Parse records without writing anything and report what would be loaded."""
    try:
        registry = _check_registry(reference or get_settings().seed_dir)
    except RegistryError as exc:
        err.print(f"reference data: {exc}", markup=False)
        raise typer.Exit(2) from None
    outcomes: list[LoadOutcome] = []
    for path in discover(paths):
        try:
            parsed = parse_document(path.read_bytes(), str(path), registry)
        except ParseError as exc:
            _report_error(exc)
            outcomes.append(LoadOutcome(str(path), "failed", error=exc))
            continue
        outcome = outcome_for(parsed, "checked", registry)
        outcomes.append(outcome)
        out.print(
            f"[bold]{path}[/]: {parsed.metadata.layout} layout, "
            f"{' + '.join(parsed.languages)}, {outcome.turns} turns, "
            f"{len(parsed.participants())} people named, "
            f"{sum(len(u.topics) for u in parsed.units)} topic tags",
            highlight=False,
        )
        for unit in parsed.turns():
            if unit.speaker and not unit.speaker.resolved:
                text = unit.texts[parsed.original_language]
                err.print(
                    f"{path}:{text.line_start}: speaker {unit.speaker.label!r} matches no known "
                    "person; it will be loaded as an unresolved participant",
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
    out.print(_summary(outcomes, "parley check"))
    if any(o.status == "failed" for o in outcomes):
        raise typer.Exit(1)


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    TEI = "tei"
    CSV = "csv"


T = TypeVar("T")


def _ticking(items: Iterable[T], progress: Progress, task: TaskID) -> Iterator[T]:
    for item in items:
        yield item
        progress.advance(task)


@contextmanager
def _target(out: Path) -> Iterator[IO[bytes]]:
    """The output stream: standard output for "-", else a file that appears only once
    complete (written beside it, then renamed), so a failed export leaves no half file."""
    if str(out) == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    part = out.with_name(out.name + ".part")
    try:
        with part.open("wb") as stream:
            yield stream
        part.replace(out)
    finally:
        part.unlink(missing_ok=True)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="File to write, or - for standard output")],
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: one Parley document JSON per line (loads back); tei: one "
            "teiCorpus of every record; csv: every turn, a column per language",
        ),
    ] = ExportFormat.JSONL,
    base_url: Annotated[
        str | None,
        typer.Option(
            help="Base URL for links [default: PARLEY_PUBLIC_URL or http://127.0.0.1:8000]"
        ),
    ] = None,
) -> None:
    """Dump the whole database to one file, with a progress bar."""
    settings = get_settings()
    engine = make_engine(settings.database_url)
    try:
        if not is_current(engine):
            err.print("the database is not migrated; run `parley load` or `parley migrate` first")
            raise typer.Exit(2)
        urls = Urls((base_url or settings.public_url or "http://127.0.0.1:8000").rstrip("/"))
        with session_factory(engine)() as session, _progress() as progress, _target(out) as stream:
            if fmt is ExportFormat.CSV:
                everything = UtteranceFilter()
                total = count_utterances(session, everything)
                task = progress.add_task("turns", total=total)
                turns = iter_utterances(
                    session, filters=everything, langs=None, editorial=Editorial.KEEP, urls=urls
                )
                languages = export_languages(session, everything, None)
                for chunk in spreadsheet.render(_ticking(turns, progress, task), languages):
                    stream.write(chunk.encode())
                what = f"{total} turn{'' if total == 1 else 's'}"
            else:
                total = count_records(session)
                task = progress.add_task("documents", total=total)
                records = _ticking(iter_records(session), progress, task)
                if fmt is ExportFormat.TEI:
                    tei.corpus(records, urls, stream)
                else:
                    for record in records:
                        stream.write((document_json.dumps(record) + "\n").encode())
                what = f"{total} document{'' if total == 1 else 's'}"
    finally:
        engine.dispose()
    err.print(f"exported {what} as {fmt.value} to {out}", highlight=False)


@app.command()
def migrate() -> None:
    """Apply database migrations up to the newest."""
    engine = make_engine(get_settings().database_url)
    upgrade(engine)
    engine.dispose()
    out.print("database is at the newest migration")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes")] = 1,
    seed: Annotated[bool, typer.Option(help="Load seed/ first (skipped when unchanged)")] = True,
) -> None:
    """Apply migrations, load seed/ if the database lacks it, and serve the API."""
    import uvicorn

    settings = get_settings()
    engine = make_engine(settings.database_url)
    upgrade(engine)
    if seed:
        files = discover([settings.seed_dir]) if settings.seed_dir.is_dir() else []
        outcomes = list(load_files(session_factory(engine), files, settings.seed_dir))
        for outcome in outcomes:
            if outcome.error:
                _report_error(outcome.error)
        done = [o for o in outcomes if o.status != "failed"]
        err.print(
            f"seed: {len(done)} document(s) ready "
            f"({sum(o.status in {'loaded', 'replaced'} for o in done)} loaded now)",
            highlight=False,
        )
    engine.dispose()
    shown = "localhost" if host in {"0.0.0.0", "::"} else host
    err.print(f"Parley on http://{shown}:{port} — OpenAPI explorer at http://{shown}:{port}/docs")
    uvicorn.run(
        "app.main:create_app", factory=True, host=host, port=port, workers=workers, log_level="info"
    )


def main() -> None:
    app()
