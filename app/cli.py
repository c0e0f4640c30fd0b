"""The `parley` command: load, check, migrate, serve."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from app.config import get_settings
from app.db import make_engine, session_factory
from app.ingest.loader import LoadOutcome, database_registry, discover, load_files, outcome_for
from app.ingest.model import ParseError
from app.ingest.parser import parse_document
from app.ingest.registry import Registry, RegistryError, load_registry
from app.migrate import is_current, upgrade

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
def load(
    paths: PathsArg,
    reference: ReferenceOpt = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Parsing processes [default: CPU count]")
    ] = os.cpu_count() or 1,
) -> None:
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
                session_factory(engine), files, reference or settings.seed_dir, workers=jobs
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
    registry = load_registry(reference)
    settings = get_settings()
    engine = make_engine(settings.database_url)
    try:
        if is_current(engine):
            with session_factory(engine)() as session:
                return database_registry(session, registry)
    except Exception:  # no database yet: checking needs none
        pass
    finally:
        engine.dispose()
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
