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
from typing import Any, Literal, TypeVar

from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.db import transaction
from app.ingest import json_layout
from app.ingest.model import ParsedDocument, ParseError, Role, Speaker
from app.ingest.parser import parse_document
from app.ingest.registry import Registry, load_registry
from app.ingest.sidecar import read_sidecar
from app.models import (
    UNDATED,
    Base,
    Document,
    DocumentParticipant,
    Participant,
    ParticipantAlias,
    Topic,
    TopicAlias,
    Utterance,
    UtteranceText,
    UtteranceTopic,
    chronology_key,
)
from app.schemas import Kind
from app.search.index import add_stems, index_document, index_texts
from app.textnorm import name_key, script_language
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


@dataclass(frozen=True, slots=True)
class AliasSpec:
    alias: str
    lang: str | None
    key: str


def alias_specs(spellings: Iterable[tuple[str | None, str]]) -> list[AliasSpec]:
    """One row per distinct spelling; spellings that fold alike are all kept."""
    specs: dict[str, AliasSpec] = {}
    for lang, spelling in spellings:
        key = name_key(spelling)
        if key and spelling not in specs:
            specs[spelling] = AliasSpec(spelling, lang or script_language(spelling), key)
    return list(specs.values())


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


def _participant_ids(session: Session, parsed: ParsedDocument) -> dict[str, int]:
    """Ids for everyone the document names, creating unresolved participants as needed."""
    people: dict[str, Speaker] = {}
    labels: dict[str, set[tuple[str, str]]] = {}
    for unit in parsed.turns():
        if unit.speaker:
            people.setdefault(unit.speaker.key, unit.speaker)
            for lang, text in unit.texts.items():
                if text.label:
                    labels.setdefault(unit.speaker.key, set()).add((lang, text.label))
    for attendee in parsed.attendees:
        people.setdefault(attendee.person.key, attendee.person)
        labels.setdefault(attendee.person.key, set()).update(attendee.labels.items())
    for person in parsed.mentioned:
        people.setdefault(person.key, person)

    ids = dict(
        session.execute(
            select(Participant.slug, Participant.id).where(Participant.slug.in_(people))
        ).all()
    )
    for slug, speaker in people.items():
        if slug in ids:
            continue
        written = sorted(labels.get(slug, {(parsed.original_language, speaker.label)}))
        row = Participant(
            slug=slug,
            name=speaker.label,
            names=dict(written),
            description=None,
            unresolved=True,
        )
        session.add(row)
        session.flush()
        ids[slug] = row.id
        _add_aliases(session, row.id, alias_specs(written))
    return ids


def _add_aliases(session: Session, participant_id: int, specs: list[AliasSpec]) -> None:
    """The spellings no other participant holds: a key names one person, never stolen."""
    held = session.execute(
        select(ParticipantAlias.participant_id, ParticipantAlias.alias, ParticipantAlias.key).where(
            ParticipantAlias.key.in_({spec.key for spec in specs})
        )
    ).all()
    others = {key for holder, _, key in held if holder != participant_id}
    own = {alias for holder, alias, _ in held if holder == participant_id}
    for spec in specs:
        if spec.key not in others and spec.alias not in own:
            own.add(spec.alias)
            session.add(
                ParticipantAlias(
                    participant_id=participant_id, alias=spec.alias, lang=spec.lang, key=spec.key
                )
            )


def _recorded_participants(session: Session, parsed: ParsedDocument) -> None:
    """People as a Parley JSON record has them: one this database lacks is created as
    recorded (name, names, spellings), and one it has learns the recorded spellings
    (a merged variant), so a round trip keeps what the exporting database had learnt."""
    if not parsed.people:
        return
    ids = dict(
        session.execute(
            select(Participant.slug, Participant.id).where(Participant.slug.in_(parsed.people))
        ).all()
    )
    for slug, person in parsed.people.items():
        if slug not in ids:
            row = Participant(
                slug=slug,
                name=person.name,
                names=person.names,
                description=person.description,
                unresolved=True,
            )
            session.add(row)
            session.flush()
            ids[slug] = row.id
        _add_aliases(session, ids[slug], alias_specs(person.aliases))
    session.flush()


def _has_turns(session: Session, document_id: int) -> bool:
    """Whether a stored document still has its turns: one that lost them (to a migration,
    or a hand-made delete) is read again although its file has not changed."""
    return session.scalar(select(exists().where(Utterance.document_id == document_id))) or False


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


def write_document(session: Session, parsed: ParsedDocument, *, replace: bool = False) -> Status:
    """Insert (or replace) one parsed document inside the caller's transaction. A document
    loaded from another file keeps its id unless `replace` is given."""
    chronology = _chronology(parsed)  # checked before any write
    _check_ids(parsed)
    existing = session.execute(
        select(Document.id, Document.content_hash, Document.source_file).where(
            Document.slug == parsed.slug
        )
    ).first()
    if (
        existing is not None
        and existing.content_hash == parsed.content_hash
        and _has_turns(session, existing.id)
    ):
        return "unchanged"
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
    if existing is not None:
        session.execute(delete(Document).where(Document.id == existing.id))

    meta = parsed.metadata
    document = Document(
        slug=parsed.slug,
        title=meta.title,
        date=meta.date,
        record_type=meta.record_type,
        layout=meta.layout,
        collection=meta.collection,
        archive=meta.reference.archive,
        fond=meta.reference.fond,
        opis=meta.reference.opis,
        delo=meta.reference.delo,
        folios=meta.reference.folios,
        translator=meta.translator,
        source_url=meta.source_url,
        source_id=meta.source_id,
        citation=meta.citation,
        summary=meta.summary,
        original_language=parsed.original_language,
        languages=parsed.languages,
        titles=parsed.titles,
        debris=[
            {"lang": d.lang, "line": d.line, "text": d.text, "kind": d.kind} for d in parsed.debris
        ],
        place=meta.place,
        time_of_day=meta.time_of_day,
        notes=[
            {"mark": n.mark, "text": n.text, "lang": n.lang, "line": n.line} for n in parsed.notes
        ],
        source_file=source_file,
        content_hash=parsed.content_hash,
        loaded_at=dt.datetime.now(dt.UTC),
    )
    session.add(document)
    session.flush()

    _recorded_participants(session, parsed)
    people = _participant_ids(session, parsed)
    topic_ids = dict(session.execute(select(Topic.slug, Topic.id)).all())

    roles = parsed.participants()
    attendee_by_key = {a.person.key: a for a in parsed.attendees}
    mention_by_key = {m.key: m for m in parsed.mentioned}
    speaker_labels: dict[str, dict[str, str]] = {}
    for unit in parsed.turns():
        if unit.speaker:
            for lang, text in unit.texts.items():
                if text.label:
                    speaker_labels.setdefault(unit.speaker.key, {}).setdefault(lang, text.label)
    participant_rows: list[dict[str, Any]] = []
    for slug, person_roles in roles.items():
        recorded = parsed.people[slug].roles if slug in parsed.people else {}
        for role in sorted(person_roles):
            if role in recorded:
                labels, description = recorded[role]
            elif role is Role.PRESENT:
                attendee = attendee_by_key[slug]
                labels, description = attendee.labels, attendee.description
            elif role is Role.SPEAKER:
                labels, description = speaker_labels.get(slug, {}), None
            else:
                mention = mention_by_key[slug]
                labels = {script_language(mention.label) or parsed.original_language: mention.label}
                description = None
            participant_rows.append(
                {
                    "document_id": document.id,
                    "participant_id": people[slug],
                    "role": role.value,
                    "labels": labels,
                    "description": description,
                }
            )
    # Plain executemany on the connection: the ORM's bulk path with RETURNING costs a
    # statement per row here, and ids are cheaper to read back per document.
    connection = session.connection()
    if participant_rows:
        connection.execute(insert(DocumentParticipant), participant_rows)
    connection.execute(
        insert(Utterance),
        [
            {
                "document_id": document.id,
                "position": unit.position,
                "kind": unit.kind.value,
                "speaker_id": people[unit.speaker.key] if unit.speaker else None,
                "document_date": chronology,
            }
            for unit in parsed.units
        ],
    )
    utterance_ids = dict(
        connection.execute(
            select(Utterance.position, Utterance.id).where(Utterance.document_id == document.id)
        ).all()
    )

    text_rows: list[dict[str, Any]] = []
    topic_rows: list[dict[str, Any]] = []
    for unit in parsed.units:
        utterance_id = utterance_ids[unit.position]
        for lang, text in unit.texts.items():
            text_rows.append(
                {
                    "utterance_id": utterance_id,
                    "lang": lang,
                    "is_original": lang == parsed.original_language,
                    "label": text.label if unit.kind is not Kind.NARRATION else None,
                    "text": text.text,
                    "spans": [[s.start, s.end, s.kind.value] for s in text.spans],
                    "page": text.page,
                    "page_breaks": [[b.offset, b.page] for b in text.page_breaks],
                    "line_start": text.line_start,
                    "line_end": text.line_end,
                }
            )
        for tag in unit.topics:
            topic_rows.append(
                {
                    "utterance_id": utterance_id,
                    "topic_id": topic_ids[tag.topic],
                    "reason": tag.reason.value,
                    "matched": tag.matched,
                    "opened_at": tag.opened_at,
                    "speaker_id": people[unit.speaker.key] if unit.speaker else None,
                    "document_id": document.id,
                    "document_date": chronology,
                    "position": unit.position,
                }
            )
    connection.execute(insert(UtteranceText), text_rows)
    # The range of the new turns' ids leads the texts' unique index, so this reads a few
    # index pages whatever the planner knows of the table; the join keeps out another
    # writer's turns that might fall inside the range.
    written = {
        (utterance_id, lang): text_id
        for text_id, utterance_id, lang in connection.execute(
            select(UtteranceText.id, UtteranceText.utterance_id, UtteranceText.lang)
            .join(Utterance, Utterance.id == UtteranceText.utterance_id)
            .where(
                UtteranceText.utterance_id.between(
                    min(utterance_ids.values(), default=0), max(utterance_ids.values(), default=0)
                ),
                Utterance.document_id == document.id,
            )
        )
    }
    index_texts(
        session,
        (
            (written[(utterance_ids[unit.position], lang)], text)
            for unit in parsed.units
            for lang, text in unit.texts.items()
        ),
    )
    index_document(session, document.id, document.title, document.summary, document.titles)
    if topic_rows:
        connection.execute(insert(UtteranceTopic), topic_rows)
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
) -> Iterator[tuple[Path, ParsedDocument | ParseError]]:
    """Each file's documents parsed, in order. With several workers, parsing runs in other
    processes a few files ahead of the caller, so writing and parsing overlap on separate
    cores. The workers are spawned, not forked: a forked worker would inherit the
    caller's open database connection and, outliving a killed caller, keep its
    transaction (and its row locks) open on the server."""
    if workers <= 1 or len(files) < 2 * workers:
        for path in files:
            for parsed in read_and_parse(path, registry):
                yield path, parsed
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
            for document in documents:
                yield path, document
        else:
            return
    for path in rest:
        for document in read_and_parse(path, registry):
            yield path, document


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
    wrote = False
    for path, parsed in parse_files(files, registry, seed_dir, workers, stems=sqlite):
        if isinstance(parsed, ParseError):
            yield LoadOutcome(str(path), "failed", error=parsed)
            continue
        try:
            status = _retrying(
                factory,
                partial(write_document, parsed=parsed, replace=replace),
                source=parsed.source_name,
                lock_wait=lock_wait,
                on_wait=on_wait,
            )
        except ParseError as exc:
            yield LoadOutcome(str(path), "failed", error=exc)
            continue
        except LockWaitExpired as exc:
            error = ParseError(parsed.source_name, None, str(exc))
            yield LoadOutcome(str(path), "failed", error=error)
            continue
        except (SQLAlchemyError, OverflowError) as exc:
            # The document's transaction rolled back; the database refused something the
            # parser let through (SQLite raises OverflowError for an integer past 64 bits).
            # Report it like a parse error and go on with the rest.
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            error = ParseError(str(path), None, f"the database refused the record: {reason}")
            yield LoadOutcome(str(path), "failed", error=error)
            continue
        wrote = wrote or status != "unchanged"
        yield outcome_for(parsed, status, registry)
    if wrote and not sqlite:
        # PostgreSQL plans from sampled statistics, and autovacuum (when it is on at all)
        # samples a freshly loaded table late; without them later queries are planned on guesses.
        tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
        with transaction(factory) as session:
            session.execute(sql_text(f"ANALYZE {tables}"))
