"""The `parley` command: load, check, participants, export, migrate, serve, synth."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, TypeVar

import typer
from pydantic import ValidationError
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
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.config import get_settings, setting_errors
from app.db import make_engine, session_factory, transaction
from app.exports import document_json, spreadsheet, tei
from app.ingest.loader import (
    LoadOutcome,
    LockWaitExpired,
    database_registry,
    discover,
    load_files,
    merge_participants,
    outcome_for,
    read_and_parse,
)
from app.ingest.model import ParsedDocument, ParseError
from app.ingest.registry import Registry, RegistryError, load_registry
from app.migrate import is_current, upgrade
from app.queries.participants import (
    ParticipantRef,
    count_turns,
    participant_table,
    participants_named,
)
from app.queries.records import count_records, iter_records
from app.queries.utterances import (
    UtteranceFilter,
    count_utterances,
    export_languages,
    iter_utterances,
)
from app.schemas import Editorial, Kind
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


# How long one statement of a command waits for a lock before the load says who holds
# it and tries again (up to PARLEY_LOCK_WAIT in all).
LOCK_STEP = 5.0


@app.callback()
def _settings_are_valid() -> None:
    """Refuse to start on a malformed PARLEY_* setting, with one line per setting."""
    try:
        get_settings()
    except ValidationError as exc:
        for line in setting_errors(exc):
            err.print(
                f"parley: malformed setting {line}", markup=False, highlight=False, soft_wrap=True
            )
        raise typer.Exit(2) from None


@contextmanager
def database(command: str, *, migrate: bool = True) -> Iterator[Engine]:
    """The one way a command reaches the database: an engine created, migrated unless
    `migrate` is False, and disposed however the command ends. The server sees the
    command's name (application_name), so a waiting load can say who holds a lock."""
    engine = make_engine(
        get_settings().database_url, lock_timeout=LOCK_STEP, application_name=f"parley {command}"
    )
    try:
        if migrate:
            upgrade(engine)
        yield engine
    finally:
        engine.dispose()


def _report_error(error: ParseError) -> None:
    err.print(str(error), markup=False, highlight=False, soft_wrap=True)


# Past this many files the summary counts them instead of listing each one (a table of
# ten thousand rows takes minutes to render and nobody reads it).
SUMMARY_ROWS = 50
UNDATED_SHOWN = 10  # undated records named below the summary; the rest are counted


def _summary(outcomes: list[LoadOutcome], title: str) -> Table:
    if len(outcomes) > SUMMARY_ROWS:
        return _totals(outcomes, title)
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


def _date(outcome: LoadOutcome) -> str:
    return outcome.date.isoformat() if outcome.date else "undated"


def _print_summary(outcomes: list[LoadOutcome], title: str) -> None:
    out.print(_summary(outcomes, title))
    undated = _undated(outcomes)
    if undated:
        out.print(undated, markup=False, highlight=False, soft_wrap=True)


def _undated(outcomes: list[LoadOutcome]) -> str | None:
    """Which records state no date (they load undated), below the summary."""
    slugs = [o.slug or o.source for o in outcomes if o.status != "failed" and o.date is None]
    if not slugs:
        return None
    shown = ", ".join(slugs[:UNDATED_SHOWN])
    more = f" and {len(slugs) - UNDATED_SHOWN:,} more" if len(slugs) > UNDATED_SHOWN else ""
    return f"undated (the record states no date): {shown}{more}"


def _totals(outcomes: list[LoadOutcome], title: str) -> Table:
    """Files and turns per status; failed files are reported on stderr as they happen."""
    table = Table(title=title)
    for column in ("status", "files", "turns"):
        table.add_column(column)
    for status in ("loaded", "replaced", "unchanged", "checked", "failed"):
        chosen = [o for o in outcomes if o.status == status]
        if chosen:
            table.add_row(status, f"{len(chosen):,}", f"{sum(o.turns for o in chosen):,}")
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
def load(
    paths: PathsArg,
    reference: ReferenceOpt = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Parsing processes [default: CPU count]")
    ] = os.cpu_count() or 1,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace", help="Let a record take an id that a record from another file holds"
        ),
    ] = False,
) -> None:
    """Load records into the database: one transaction per document; unchanged files are
    skipped and a changed file replaces its document."""
    settings = get_settings()
    files = discover(paths)
    outcomes: list[LoadOutcome] = []
    try:
        with database("load") as engine, _progress() as progress:
            task = progress.add_task("loading", total=len(files))
            for outcome in load_files(
                session_factory(engine),
                files,
                reference or settings.seed_dir,
                workers=jobs,
                replace=replace,
                lock_wait=settings.lock_wait,
                on_wait=lambda message: err.print(message, markup=False, highlight=False),
            ):
                outcomes.append(outcome)
                if outcome.error:
                    _report_error(outcome.error)
                progress.advance(task)
    except (RegistryError, LockWaitExpired) as exc:
        err.print(f"reference data: {exc}", markup=False)
        raise typer.Exit(2) from None
    _print_summary(outcomes, "parley load")
    if any(o.status == "failed" for o in outcomes):
        raise typer.Exit(1)


def _check_registry(reference: Path) -> Registry:
    """The reference files, plus what the database has learnt if it exists and is current."""
    registry = load_registry(reference)
    url = make_url(get_settings().database_url)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
        return registry  # connecting would create the file
    try:
        with database("check", migrate=False) as engine:
            if is_current(engine):
                with session_factory(engine)() as session:
                    return database_registry(session, registry)
    except Exception:  # no database yet: checking needs none
        pass
    return registry


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
        for parsed in read_and_parse(path, registry):
            if isinstance(parsed, ParseError):
                _report_error(parsed)
                outcomes.append(LoadOutcome(str(path), "failed", error=parsed))
                continue
            outcome = outcome_for(parsed, "checked", registry)
            outcomes.append(outcome)
            _report_check(parsed, outcome)
    _print_summary(outcomes, "parley check")
    if any(o.status == "failed" for o in outcomes):
        raise typer.Exit(1)


def _report_check(parsed: ParsedDocument, outcome: LoadOutcome) -> None:
    """What `load` would store: layout, label styles, turns per speaker, and every line the
    parser kept without being sure where it belongs."""
    path = parsed.source_name
    kinds = [u.kind for u in parsed.units]
    styles = ", ".join(f"{style} {n}" for style, n in parsed.label_styles.items())
    layout = f"{parsed.metadata.layout} layout"
    if parsed.source_file and parsed.metadata.layout != document_json.LAYOUT:
        layout = f"{document_json.LAYOUT} layout (first read as {parsed.metadata.layout})"
    out.print(
        f"[bold]{path}[/]: {layout}, labels: {styles or 'none'}; "
        f"{' + '.join(parsed.languages)}, {outcome.turns} turns "
        f"({kinds.count(Kind.REPORTED)} reported), "
        f"{kinds.count(Kind.NARRATION)} narration, {len(parsed.notes)} notes, "
        f"{len(parsed.participants())} people named, "
        f"{sum(len(u.topics) for u in parsed.units)} topic tags; {_date(outcome)}",
        highlight=False,
        soft_wrap=True,
    )
    speakers = ", ".join(f"{name} {n}" for name, n in outcome.speakers.items())
    out.print(f"  turns per speaker: {speakers}", markup=False, highlight=False, soft_wrap=True)
    for notice in parsed.notices:
        out.print(
            f"{path}:{notice.line}: {notice.message}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


participants_app = typer.Typer(
    no_args_is_help=False,
    help="People in the database: list them, and fold a variant spelling into a person.",
)
app.add_typer(participants_app, name="participants")


@participants_app.callback(invoke_without_command=True)
def participants(
    ctx: typer.Context,
    unresolved: Annotated[
        bool, typer.Option("--unresolved", help="Only names no reference entry covers yet")
    ] = False,
) -> None:
    """List participants with their turns and documents (see also `participants merge`)."""
    if ctx.invoked_subcommand is not None:
        return
    with database("participants") as engine, session_factory(engine)() as session:
        people = participant_table(session, unresolved_only=unresolved)
    table = Table(title="unresolved participants" if unresolved else "participants")
    for column in ("id", "name", "status", "turns", "documents"):
        table.add_column(column, overflow="fold")
    for person in people:
        docs = person.documents
        table.add_row(
            person.id,
            person.name,
            "unresolved" if person.unresolved else "known",
            str(person.turns),
            ", ".join(docs[:3]) + (f" (+{len(docs) - 3})" if len(docs) > 3 else ""),
        )
    out.print(table)
    if unresolved and people:
        out.print(
            "Fold a variant into a person with `parley participants merge VARIANT PERSON`, "
            "or add the name to seed/persons.yaml.",
            highlight=False,
        )


def _find_participant(session: Session, reference: str) -> ParticipantRef:
    """A participant by id, or by a name or alias that only one participant has."""
    found = participants_named(session, reference=reference)
    if len(found) == 1:
        return found[0]
    what = "is ambiguous" if found else "matches no participant"
    err.print(
        f"{reference!r} {what}; use an id from `parley participants`", markup=False, highlight=False
    )
    raise typer.Exit(1)


@participants_app.command()
def merge(
    variant: Annotated[str, typer.Argument(help="The unresolved participant (id or name)")],
    person: Annotated[str, typer.Argument(help="The person it is (id or name)")],
) -> None:
    """Fold an unresolved participant into a person, keeping every turn. The variant's
    spelling becomes an alias, so later records with it load as that person."""
    with database("participants merge") as engine, transaction(session_factory(engine)) as session:
        source = _find_participant(session, variant)
        target = _find_participant(session, person)
        if source.row_id == target.row_id:
            err.print(f"{source.id!r} and {target.id!r} are the same participant")
            raise typer.Exit(1)
        if not source.unresolved:
            err.print(
                f"{source.id!r} is a person from the reference data, not a variant; "
                "to merge two known people, edit seed/persons.yaml",
                markup=False,
                highlight=False,
            )
            raise typer.Exit(1)
        moved = count_turns(session, participant_row_id=source.row_id)
        merge_participants(session, source.row_id, target.row_id)
        session.flush()
        total = count_turns(session, participant_row_id=target.row_id)
        summary = (
            f"merged {source.id} into {target.id}: {moved} turn(s) moved, "
            f"{target.name} now has {total}"
        )
    out.print(summary, markup=False, highlight=False)


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
    with database("export", migrate=False) as engine:
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
    err.print(f"exported {what} as {fmt.value} to {out}", highlight=False)


@app.command()
def migrate() -> None:
    """Apply database migrations up to the newest."""
    with database("migrate"):
        pass
    out.print("database is at the newest migration")


@app.command()
def serve(
    host: Annotated[
        str | None, typer.Option(help="Interface to listen on [default: PARLEY_HOST or 127.0.0.1]")
    ] = None,
    port: Annotated[
        int | None, typer.Option(help="Port to listen on [default: PARLEY_PORT or 8000]")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1, help="Worker processes [default: PARLEY_WORKERS, or one per core up to 4]"
        ),
    ] = None,
    seed: Annotated[bool, typer.Option(help="Load seed/ first (skipped when unchanged)")] = True,
) -> None:
    """Apply migrations, load seed/ if the database lacks it, and serve the API."""
    from app.server import run

    settings = get_settings()
    with database("serve") as engine:
        if seed:
            _load_seed(engine)
    settings = settings.model_copy(
        update={
            "host": host or settings.host,
            "port": port or settings.port,
            "workers": workers or settings.workers,
        }
    )
    shown = "localhost" if settings.host in {"0.0.0.0", "::"} else settings.host
    err.print(
        f"Parley on http://{shown}:{settings.port} — OpenAPI explorer at "
        f"http://{shown}:{settings.port}/docs"
    )
    run(settings)


def _load_seed(engine: Engine) -> None:
    settings = get_settings()
    files = discover([settings.seed_dir]) if settings.seed_dir.is_dir() else []
    outcomes = list(
        load_files(session_factory(engine), files, settings.seed_dir, lock_wait=settings.lock_wait)
    )
    for outcome in outcomes:
        if outcome.error:
            _report_error(outcome.error)
    done = [o for o in outcomes if o.status != "failed"]
    err.print(
        f"seed: {len(done)} document(s) ready "
        f"({sum(o.status in {'loaded', 'replaced'} for o in done)} loaded now)",
        highlight=False,
    )


@app.command()
def synth(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the corpus into")],
    documents: Annotated[int, typer.Option("--documents", min=1)] = 100,
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same corpus")] = 1,
) -> None:
    """Write a deterministic synthetic corpus in the seed's format (Russian original and
    English translation, page debris, editorial brackets) with the reference files it
    needs; load it with `parley load --reference OUT OUT`."""
    from app.synth import write_corpus

    turns = write_corpus(out, documents, seed, get_settings().seed_dir)
    err.print(
        f"wrote {documents} documents ({turns} turns) to {out}; "
        f"load them with: parley load --reference {out} {out}"
    )


def main() -> None:
    app()


if __name__ == "__main__":
    main()
