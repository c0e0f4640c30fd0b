"""Writing parsed documents: one transaction per document, idempotent by content hash."""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Literal, TypeVar

from sqlalchemy import delete, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.db import transaction
from app.ingest import json_layout, store
from app.ingest.model import ParsedDocument, ParseError
from app.ingest.parser import parse_document
from app.ingest.registry import Registry, load_registry
from app.ingest.sidecar import read_sidecar
from app.ingest.source import content_hash
from app.ingest.store import AliasSpec, alias_specs
from app.models import (
    UNDATED,
    Base,
    DocumentParticipant,
    Participant,
    ParticipantAlias,
    Topic,
    TopicAlias,
    Utterance,
    UtteranceTopic,
    chronology_key,
)
from app.search.index import add_stems
from app.urls import id_problem

DOCUMENT_SUFFIXES = {".txt", ".md", *json_layout.SUFFIXES}

Status = Literal["loaded", "replaced", "unchanged", "checked", "failed"]

T = TypeVar("T")


@dataclass(slots=True)
class LoadOutcome:
    source: str
    status: Status
    slug: str | None = None
    title: str | None = None
    date: dt.date | None = None  # None: undated, or not read (failed)
    languages: list[str] = field(default_factory=list)
    turns: int = 0
    speakers: dict[str, int] = field(default_factory=dict)  # name -> turns
    unresolved: list[str] = field(default_factory=list)
    error: ParseError | None = None


def discover(paths: Iterable[Path]) -> list[Path]:
    """Document files named directly, or found under named folders (sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix in DOCUMENT_SUFFIXES
            )
        else:
            found.append(path)
    return found


def outcome_for(parsed: ParsedDocument, status: Status, registry: Registry) -> LoadOutcome:
    speakers: dict[str, int] = {}
    unresolved: list[str] = []
    for unit in parsed.turns():
        if unit.speaker is None:
            continue
        person = registry.persons.get(unit.speaker.key)
        name = person.name if person else unit.speaker.label
        speakers[name] = speakers.get(name, 0) + 1
        if not unit.speaker.resolved and unit.speaker.label not in unresolved:
            unresolved.append(unit.speaker.label)
    return LoadOutcome(
        source=parsed.source_name,
        status=status,
        slug=parsed.slug,
        title=parsed.metadata.title,
        date=parsed.metadata.date,
        languages=parsed.languages,
        turns=len(parsed.turns()),
        speakers=speakers,
        unresolved=unresolved,
    )


# -- reference data -----------------------------------------------------------


AliasModel = type[ParticipantAlias] | type[TopicAlias]


def _sync_aliases(
    session: Session,
    model: AliasModel,
    owner: str,
    wanted: dict[int, list[AliasSpec]],
    take_over: Callable[[int, int, str], None],
) -> None:
    """Give each owner its wanted aliases. A key held by another owner is first handed
    over with `take_over(holder, target, key)`, so one key always names one owner."""
    owner_column = getattr(model, owner)

    def current() -> tuple[set[tuple[int, str]], dict[str, set[int]]]:
        rows = session.execute(select(owner_column, model.alias, model.key)).all()
        holders: dict[str, set[int]] = {}
        for holder, _, key in rows:
            holders.setdefault(key, set()).add(holder)
        return {(holder, alias) for holder, alias, _ in rows}, holders

    pairs, holders = current()
    for target, specs in wanted.items():
        for spec in specs:
            others = holders.get(spec.key, set()) - {target}
            if others:
                for holder in others:
                    take_over(holder, target, spec.key)
                session.flush()
                pairs, holders = current()
            if (target, spec.alias) not in pairs:
                session.add(
                    model(**{owner: target}, alias=spec.alias, lang=spec.lang, key=spec.key)
                )
                pairs.add((target, spec.alias))
                holders.setdefault(spec.key, set()).add(target)
    session.flush()


def sync_reference(session: Session, registry: Registry) -> None:
    """Make the participant and topic tables agree with the reference files.

    The files win: a spelling they give to a person is taken from whoever held it,
    and an unresolved participant whose label the files now cover is merged in.
    """
    people = {p.slug: p for p in session.scalars(select(Participant))}
    for person in registry.persons.values():
        row = people.get(person.slug)
        if row is None:
            row = people[person.slug] = Participant(slug=person.slug)
            session.add(row)
        row.name, row.names, row.description = person.name, dict(person.names), person.description
        row.unresolved = False
    topics = {t.slug: t for t in session.scalars(select(Topic))}
    for topic in registry.topics.values():
        topic_row = topics.get(topic.slug)
        if topic_row is None:
            topic_row = topics[topic.slug] = Topic(slug=topic.slug)
            session.add(topic_row)
        topic_row.label, topic_row.description = topic.label, topic.description
    session.flush()

    def person_takes_over(holder: int, target: int, key: str) -> None:
        if session.get_one(Participant, holder).unresolved:
            merge_participants(session, holder, target)
        else:
            session.execute(
                delete(ParticipantAlias).where(
                    ParticipantAlias.participant_id == holder, ParticipantAlias.key == key
                )
            )

    def topic_takes_over(holder: int, _target: int, key: str) -> None:
        session.execute(
            delete(TopicAlias).where(TopicAlias.topic_id == holder, TopicAlias.key == key)
        )

    _sync_aliases(
        session,
        ParticipantAlias,
        "participant_id",
        {
            people[p.slug].id: alias_specs(
                [*p.names.items(), *((None, s) for s in (p.name, *p.aliases))]
            )
            for p in registry.persons.values()
        },
        person_takes_over,
    )
    _sync_aliases(
        session,
        TopicAlias,
        "topic_id",
        {
            topics[t.slug].id: alias_specs([(None, t.label), *t.all_aliases()])
            for t in registry.topics.values()
        },
        topic_takes_over,
    )


def merge_participants(session: Session, source_id: int, target_id: int) -> None:
    """Fold participant `source_id` into `target_id`, keeping every turn and alias."""
    if source_id == target_id:
        return
    for table in (Utterance, UtteranceTopic):
        session.execute(
            update(table).where(table.speaker_id == source_id).values(speaker_id=target_id)
        )
    # A role the target already has in a document would violate the unique key: fold the
    # row into the target's (names and description it lacks), move the rest.
    roles = {
        (row.document_id, row.role): row
        for row in session.scalars(
            select(DocumentParticipant).where(DocumentParticipant.participant_id == target_id)
        )
    }
    for row in session.scalars(
        select(DocumentParticipant).where(DocumentParticipant.participant_id == source_id)
    ):
        kept = roles.get((row.document_id, row.role))
        if kept is None:
            row.participant_id = target_id
            continue
        kept.labels = {**row.labels, **kept.labels}
        kept.description = kept.description or row.description
        session.delete(row)
    spellings = set(
        session.scalars(
            select(ParticipantAlias.alias).where(ParticipantAlias.participant_id == target_id)
        )
    )
    for alias in session.scalars(
        select(ParticipantAlias).where(ParticipantAlias.participant_id == source_id)
    ):
        if alias.alias in spellings:
            session.delete(alias)
        else:
            alias.participant_id = target_id
    session.flush()
    session.execute(delete(Participant).where(Participant.id == source_id))


def database_registry(session: Session, reference: Registry) -> Registry:
    """The reference data plus every alias the database has learnt (merged variants,
    unresolved labels), so a label seen before resolves to the same participant."""
    rows = session.execute(select(ParticipantAlias.key, Participant.slug).join(Participant))
    return reference.with_aliases(dict(rows.all()))


# -- documents ----------------------------------------------------------------


def _chronology(parsed: ParsedDocument) -> dt.date:
    """Where the document sorts: its date, or UNDATED when the record states none. A date
    on or after UNDATED would sort among the undated and escape every date filter."""
    day = parsed.metadata.date
    if day is not None and day >= UNDATED:
        raise ParseError(
            parsed.source_name,
            None,
            f"its date {day.isoformat()} is past the last date Parley stores "
            f"({(UNDATED - dt.timedelta(days=1)).isoformat()}); correct the date, or leave "
            "it out to load the record undated",
        )
    return chronology_key(day)


def _check_ids(parsed: ParsedDocument) -> None:
    """Ids become URL path segments: refuse one that would break the URLs built from it."""
    for what, value in [("document id", parsed.slug)] + [
        ("participant id", slug) for slug in parsed.people
    ]:
        if problem := id_problem(value):
            raise ParseError(
                parsed.source_name, None, f"the {what} {value!r} cannot be used: {problem}"
            )


def _source_file(
    parsed: ParsedDocument, existing: store.StoredDocument | None, replace: bool
) -> str:
    """The file name the document is stored under, once sure it may take its id."""
    file_name = Path(parsed.source_name).name
    if existing is not None and parsed.id_from_file and existing.source_file != file_name:
        # Two files whose names make one id ("Talk 1.txt", "talk-1.md") are two records.
        raise ParseError(
            parsed.source_name,
            None,
            f"its id {parsed.slug!r}, made from its file name, is already the id of the record "
            f"loaded from {existing.source_file!r}; rename one of the files, or give this "
            "record an id of its own (id: … in a NAME.meta.yaml beside it or in front matter)",
        )
    source_file = parsed.source_file or file_name
    if existing is not None and existing.source_file != source_file and not replace:
        raise ParseError(
            parsed.source_name,
            None,
            f"its id {parsed.slug!r} is already the id of the record loaded from "
            f"{existing.source_file!r}; give one of them another id, or load with --replace "
            "to let this file's record take the id",
        )
    return source_file


def write_document(session: Session, parsed: ParsedDocument, *, replace: bool = False) -> Status:
    """Insert (or replace) one parsed document inside the caller's transaction. A document
    loaded from another file keeps its id unless `replace` is given."""
    chronology = _chronology(parsed)  # checked before any write
    _check_ids(parsed)
    existing = store.stored_document(session, parsed.slug)
    if (
        existing is not None
        and existing.content_hash == parsed.content_hash
        and store.has_turns(session, existing.id)
    ):
        return "unchanged"
    source_file = _source_file(parsed, existing, replace)
    if existing is not None:
        store.delete_document(session, existing.id)
    document_id = store.insert_document(session, parsed, source_file)
    people = store.participant_ids(session, parsed)
    connection = session.connection()
    store.insert_roles(connection, document_id, parsed, people)
    turn_ids = store.insert_turns(connection, document_id, parsed, people, chronology)
    text_ids = store.insert_texts(connection, document_id, parsed, turn_ids)
    store.index_for_search(session, document_id, parsed, turn_ids, text_ids)
    store.insert_topics(session, document_id, parsed, people, turn_ids, chronology)
    return "replaced" if existing is not None else "loaded"


def read_and_parse(path: Path, registry: Registry) -> Iterator[ParsedDocument | ParseError]:
    """The documents in a file, in its layout: one for a transcript, one per record of
    Parley JSON (a bad record is an error in its place; the others still come)."""
    source = str(path)
    try:
        if json_layout.is_parley_json(path):
            yield from json_layout.read_parley_json(path, registry)
        else:
            yield parse_document(path.read_bytes(), source, registry, read_sidecar(path))
    except OSError as exc:
        yield ParseError(source, None, f"cannot read: {exc.strerror}")
    except ParseError as exc:
        yield exc
    except RecursionError:
        yield ParseError(source, None, "nested too deeply to read (arrays or objects in arrays…)")
    except (ValueError, OverflowError) as exc:  # e.g. a number of thousands of digits
        yield ParseError(source, None, f"cannot be read: {str(exc).splitlines()[0][:200]}")


_worker_registry: Registry | None = None


_worker_stems = False

_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """Make this process end when `parent` does, killed or not (Linux; elsewhere a
    worker notices when its next task never comes)."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _start_worker(seed_dir: Path, extra_aliases: dict[str, str], stems: bool, parent: int) -> None:
    global _worker_registry, _worker_stems
    _die_with(parent)
    _worker_registry = load_registry(seed_dir).with_aliases(extra_aliases)
    _worker_stems = stems


def _parse_in_worker(path: Path) -> list[ParsedDocument | ParseError]:
    assert _worker_registry is not None
    documents = list(read_and_parse(path, _worker_registry))
    if _worker_stems:
        for document in documents:
            if isinstance(document, ParsedDocument):
                add_stems(document)
    return documents


def parse_files(
    files: list[Path], registry: Registry, seed_dir: Path, workers: int, stems: bool = False
) -> Iterator[tuple[Path, list[ParsedDocument | ParseError]]]:
    """Each file's documents parsed, in order. With several workers, parsing runs in other
    processes a few files ahead of the caller, so writing and parsing overlap on separate
    cores. The workers are spawned, not forked: a forked worker would inherit the
    caller's open database connection and, outliving a killed caller, keep its
    transaction (and its row locks) open on the server."""
    if workers <= 1 or len(files) < 2 * workers:
        for path in files:
            yield path, list(read_and_parse(path, registry))
        return
    ahead: deque[tuple[Path, Future[list[ParsedDocument | ParseError]]]] = deque()
    pending = iter(files)
    with ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(seed_dir, registry.extra_aliases, stems, os.getpid()),
    ) as pool:
        for path in islice(pending, 4 * workers):
            ahead.append((path, pool.submit(_parse_in_worker, path)))
        while ahead:
            path, future = ahead.popleft()
            following = next(pending, None)
            try:
                if following is not None:
                    ahead.append((following, pool.submit(_parse_in_worker, following)))
                    following = None
                documents = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory): finish in this process.
                unsubmitted = [following] if following is not None else []
                rest = [path, *(p for p, _ in ahead), *unsubmitted, *pending]
                break
            yield path, documents
        else:
            return
    for path in rest:
        yield path, list(read_and_parse(path, registry))


def _transcript_hash(path: Path) -> str | None:
    """The content hash a transcript would be stored with, read without parsing it; None
    for Parley JSON (whose hash is its records') or a file that cannot be read (parsing
    then says why)."""
    try:
        if json_layout.is_parley_json(path):
            return None
        sidecar = read_sidecar(path)
        return content_hash(path.read_bytes(), sidecar.data if sidecar else b"")
    except (OSError, ParseError):
        return None


def _presumed_unchanged(session: Session, files: list[Path]) -> dict[Path, store.StoredSummary]:
    """The files whose name and content hash a stored document with its turns has, and
    that document: they need no parsing (unless this run rewrites the document first)."""
    stored = store.stored_files(session)
    if not stored:
        return {}
    documents = {}
    for path in set(files):
        digest = _transcript_hash(path)
        if digest is not None and (path.name, digest) in stored:
            documents[path] = stored[(path.name, digest)]
    found = store.summaries(session, documents.values())
    return {path: found[document_id] for path, document_id in documents.items()}


def _unchanged_outcome(path: Path, document: store.StoredSummary) -> LoadOutcome:
    return LoadOutcome(
        source=str(path),
        status="unchanged",
        slug=document.slug,
        title=document.title,
        date=document.date,
        languages=document.languages,
        turns=document.turns,
        speakers={name: turns for name, turns, _ in document.speakers},
        unresolved=[name for name, _, unresolved in document.speakers if unresolved],
    )


def _lock_holders(session: Session) -> str:
    """Who holds what a load is waiting for, as far as the database can tell."""
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        return f"another process writing to {bind.engine.url.database}"
    rows = session.execute(
        sql_text(
            "SELECT pid, application_name, state, now() - xact_start AS age "
            "FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND xact_start IS NOT NULL"
        )
    ).all()
    held = [
        f"PostgreSQL process {r.pid} ({r.application_name or 'no name'}, {r.state} for "
        f"{int(r.age.total_seconds())} s)"
        for r in rows
    ]
    return ", ".join(held) or "another transaction that has since ended"


def _is_lock_wait(exc: OperationalError) -> bool:
    """A lock timeout (PostgreSQL's lock_timeout, SQLite's busy_timeout)."""
    return getattr(exc.orig, "sqlstate", None) == "55P03" or "database is locked" in str(exc.orig)


class LockWaitExpired(Exception):
    """Another writer held a lock for longer than the load would wait."""


def _retrying(
    factory: sessionmaker[Session],
    work: Callable[[Session], T],
    *,
    source: str,
    lock_wait: float,
    on_wait: Callable[[str], None],
) -> T:
    """`work` in a transaction of its own, tried again while another writer holds a lock
    it needs (saying who), for at most `lock_wait` seconds."""
    give_up = time.monotonic() + lock_wait
    while True:
        try:
            with transaction(factory) as session:
                return work(session)
        except OperationalError as exc:
            if not _is_lock_wait(exc):
                raise
            with factory() as session:
                holders = _lock_holders(session)
            if time.monotonic() >= give_up:
                raise LockWaitExpired(
                    f"gave up after {lock_wait:g} s waiting for a lock held by {holders}"
                ) from None
            on_wait(f"{source}: waiting for a lock held by {holders}")


def _ignore(_: str) -> None:
    pass


@dataclass(frozen=True, slots=True)
class _Writer:
    """How a load writes each parsed document."""

    factory: sessionmaker[Session]
    registry: Registry
    replace: bool
    lock_wait: float
    on_wait: Callable[[str], None]

    def store(self, path: Path, parsed: ParsedDocument | ParseError) -> LoadOutcome:
        """One parsed document written in its own transaction, or why it was not."""
        if isinstance(parsed, ParseError):
            return LoadOutcome(str(path), "failed", error=parsed)
        try:
            status = _retrying(
                self.factory,
                partial(write_document, parsed=parsed, replace=self.replace),
                source=parsed.source_name,
                lock_wait=self.lock_wait,
                on_wait=self.on_wait,
            )
        except ParseError as exc:
            return LoadOutcome(str(path), "failed", error=exc)
        except LockWaitExpired as exc:
            error = ParseError(parsed.source_name, None, str(exc))
            return LoadOutcome(str(path), "failed", error=error)
        except (SQLAlchemyError, OverflowError) as exc:
            # The document's transaction rolled back; the database refused something the
            # parser let through (SQLite raises OverflowError for an integer past 64 bits).
            # Report it like a parse error and go on with the rest.
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            error = ParseError(str(path), None, f"the database refused the record: {reason}")
            return LoadOutcome(str(path), "failed", error=error)
        return outcome_for(parsed, status, self.registry)


def load_files(
    factory: sessionmaker[Session],
    files: list[Path],
    seed_dir: Path,
    workers: int = 1,
    *,
    replace: bool = False,
    lock_wait: float = 120.0,
    on_wait: Callable[[str], None] = _ignore,
) -> Iterator[LoadOutcome]:
    """Parse and store each file in its own transaction; a bad file changes nothing.

    A label no reference entry covers becomes an unresolved participant whose slug
    derives from the label, so every file that uses the label, in this run or a later
    one, reaches the same participant. A record whose id another file's record holds is
    refused unless `replace`. While another writer holds a lock, `on_wait` hears who.
    """
    reference = load_registry(seed_dir)
    _retrying(
        factory,
        lambda session: sync_reference(session, reference),
        source="reference data",
        lock_wait=lock_wait,
        on_wait=on_wait,
    )
    with factory() as session:
        registry = database_registry(session, reference)
        sqlite = session.get_bind().dialect.name == "sqlite"
        unchanged = _presumed_unchanged(session, files)
    parsed_files = parse_files(
        [path for path in files if path not in unchanged], registry, seed_dir, workers, sqlite
    )
    writer = _Writer(factory, registry, replace, lock_wait, on_wait)
    rewritten: set[str] = set()  # the ids of documents this run has written
    for path in files:
        stored = unchanged.get(path)
        if stored is not None and stored.slug not in rewritten:
            yield _unchanged_outcome(path, stored)
            continue
        if stored is not None:  # another file took its id earlier in this run
            documents = list(read_and_parse(path, registry))
        else:
            _, documents = next(parsed_files)
        for parsed in documents:
            outcome = writer.store(path, parsed)
            if outcome.status in ("loaded", "replaced") and outcome.slug:
                rewritten.add(outcome.slug)
            yield outcome
    if rewritten and not sqlite:
        # PostgreSQL plans from sampled statistics, and autovacuum (when it is on at all)
        # samples a freshly loaded table late; without them later queries are planned on guesses.
        tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
        with transaction(factory) as session:
            session.execute(sql_text(f"ANALYZE {tables}"))
