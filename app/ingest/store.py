"""The rows of one parsed document: the document, its people and roles, turns, texts,
topic links and search index, each written in one batch inside the caller's transaction.

Rows go through SQLAlchemy Core with a list of parameters (one executemany per table),
never as ORM objects: the ORM's unit of work costs a Python object and a flush per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Connection, delete, exists, func, insert, select
from sqlalchemy.orm import Session

from app.ingest.model import ParsedDocument, Role, Speaker
from app.ingest.roster import names_someone
from app.models import (
    Document,
    DocumentParticipant,
    Participant,
    ParticipantAlias,
    Topic,
    Utterance,
    UtteranceText,
    UtteranceTopic,
)
from app.schemas import Kind
from app.search.index import index_document, index_texts
from app.textnorm import name_key, script_language


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


# -- what is stored -----------------------------------------------------------


class StoredDocument(NamedTuple):
    id: int
    content_hash: str
    source_file: str


def stored_document(session: Session, slug: str) -> StoredDocument | None:
    row = session.execute(
        select(Document.id, Document.content_hash, Document.source_file).where(
            Document.slug == slug
        )
    ).first()
    return StoredDocument(*row) if row is not None else None


def has_turns(session: Session, document_id: int) -> bool:
    """Whether a stored document still has its turns: one that lost them (to a migration,
    or a hand-made delete) is read again although its file has not changed."""
    return session.scalar(select(exists().where(Utterance.document_id == document_id))) or False


def _with_turns() -> Any:
    return exists().where(Utterance.document_id == Document.id)


class StoredSummary(NamedTuple):
    """What a load reports of a stored document it did not need to read again."""

    slug: str
    title: str
    date: dt.date | None
    languages: list[str]
    turns: int
    speakers: list[tuple[str, int, bool]]  # (name, turns, unresolved), in order of first turn


def stored_files(session: Session) -> dict[tuple[str, str], int]:
    """(file name, content hash) -> id of every stored document that has its turns."""
    rows = session.execute(
        select(Document.source_file, Document.content_hash, Document.id).where(_with_turns())
    )
    return {(name, digest): document_id for name, digest, document_id in rows}


_IDS_PER_QUERY = 500  # under every backend's limit of bound parameters


def summaries(session: Session, document_ids: Iterable[int]) -> dict[int, StoredSummary]:
    """Each document's summary, a few statements for hundreds of documents."""
    wanted = sorted(set(document_ids))
    found: dict[int, StoredSummary] = {}
    for chunk in (wanted[i : i + _IDS_PER_QUERY] for i in range(0, len(wanted), _IDS_PER_QUERY)):
        speakers: dict[int, list[tuple[str, int, bool]]] = {}
        turns: dict[int, int] = {}
        rows = session.execute(
            select(Utterance.document_id, Participant.name, Participant.unresolved, func.count())
            .outerjoin(Participant, Participant.id == Utterance.speaker_id)
            .where(Utterance.document_id.in_(chunk), Utterance.kind != Kind.NARRATION.value)
            .group_by(Utterance.document_id, Participant.id, Participant.name)
            .group_by(Participant.unresolved)
            .order_by(Utterance.document_id, func.min(Utterance.position))
        )
        for document_id, name, unresolved, count in rows:
            turns[document_id] = turns.get(document_id, 0) + count
            if name is not None:
                speakers.setdefault(document_id, []).append((name, count, unresolved))
        documents = session.execute(
            select(
                Document.id, Document.slug, Document.title, Document.date, Document.languages
            ).where(Document.id.in_(chunk))
        )
        for document_id, slug, title, date, languages in documents:
            found[document_id] = StoredSummary(
                slug,
                title,
                date,
                list(languages),
                turns.get(document_id, 0),
                speakers.get(document_id, []),
            )
    return found


# -- people -------------------------------------------------------------------


def add_aliases(session: Session, participant_id: int, specs: list[AliasSpec]) -> None:
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


def _new_participant(
    session: Session, slug: str, name: str, names: dict[str, str], description: str | None
) -> int:
    row = Participant(slug=slug, name=name, names=names, description=description, unresolved=True)
    session.add(row)
    session.flush()
    return row.id


def _ids_of(session: Session, slugs: Iterable[str]) -> dict[str, int]:
    return dict(
        session.execute(
            select(Participant.slug, Participant.id).where(Participant.slug.in_(set(slugs)))
        ).all()
    )


def recorded_participants(session: Session, parsed: ParsedDocument) -> None:
    """People as a Parley JSON record has them: one this database lacks is created as
    recorded (name, names, spellings), and one it has learns the recorded spellings
    (a merged variant), so a round trip keeps what the exporting database had learnt."""
    if not parsed.people:
        return
    ids = _ids_of(session, parsed.people)
    for slug, person in parsed.people.items():
        if slug not in ids:
            ids[slug] = _new_participant(
                session, slug, person.name, person.names, person.description
            )
        add_aliases(session, ids[slug], alias_specs(person.aliases))
    session.flush()


Labels = dict[str, set[tuple[str, str]]]  # slug -> (language, label as written)


def _speaker_labels(parsed: ParsedDocument) -> Iterator[tuple[str, str, str]]:
    """(speaker, language, label) for each turn's label that spells a name, in order ("I"
    and "He" stand in for one and are never taken as a person's spelling)."""
    for unit in parsed.turns():
        if unit.speaker:
            for lang, text in unit.texts.items():
                if text.label and names_someone(text.label):
                    yield unit.speaker.key, lang, text.label


def _people_named(parsed: ParsedDocument) -> tuple[dict[str, Speaker], Labels]:
    """Everyone the document names, and the (language, label) pairs it writes them with."""
    people: dict[str, Speaker] = {}
    labels: Labels = {}
    for unit in parsed.turns():
        if unit.speaker:
            people.setdefault(unit.speaker.key, unit.speaker)
    for slug, lang, label in _speaker_labels(parsed):
        labels.setdefault(slug, set()).add((lang, label))
    for attendee in parsed.attendees:
        people.setdefault(attendee.person.key, attendee.person)
        labels.setdefault(attendee.person.key, set()).update(attendee.labels.items())
    for person in parsed.mentioned:
        people.setdefault(person.key, person)
    return people, labels


def participant_ids(session: Session, parsed: ParsedDocument) -> dict[str, int]:
    """Ids for everyone the document names, creating unresolved participants as needed."""
    recorded_participants(session, parsed)
    people, labels = _people_named(parsed)
    ids = _ids_of(session, people)
    for slug, speaker in people.items():
        if slug in ids:
            continue
        written = sorted(labels.get(slug, {(parsed.original_language, speaker.label)}))
        ids[slug] = _new_participant(session, slug, speaker.label, dict(written), None)
        add_aliases(session, ids[slug], alias_specs(written))
    return ids


# -- the document's rows ------------------------------------------------------


def delete_document(session: Session, document_id: int) -> None:
    """The document and, by the foreign keys' cascades, every row that belongs to it."""
    session.execute(delete(Document).where(Document.id == document_id))


def insert_document(session: Session, parsed: ParsedDocument, source_file: str) -> int:
    meta = parsed.metadata
    row = {
        "slug": parsed.slug,
        "title": meta.title,
        "date": meta.date,
        "record_type": meta.record_type,
        "layout": meta.layout,
        "collection": meta.collection,
        "archive": meta.reference.archive,
        "fond": meta.reference.fond,
        "opis": meta.reference.opis,
        "delo": meta.reference.delo,
        "folios": meta.reference.folios,
        "translator": meta.translator,
        "source_url": meta.source_url,
        "source_id": meta.source_id,
        "citation": meta.citation,
        "summary": meta.summary,
        "original_language": parsed.original_language,
        "languages": parsed.languages,
        "titles": parsed.titles,
        "debris": [
            {"lang": d.lang, "line": d.line, "text": d.text, "kind": d.kind} for d in parsed.debris
        ],
        "place": meta.place,
        "time_of_day": meta.time_of_day,
        "notes": [
            {"mark": n.mark, "text": n.text, "lang": n.lang, "line": n.line} for n in parsed.notes
        ],
        "source_file": source_file,
        "content_hash": parsed.content_hash,
        "loaded_at": dt.datetime.now(dt.UTC),
    }
    document_id: int = session.execute(
        insert(Document).values(row).returning(Document.id)
    ).scalar_one()
    return document_id


def insert_roles(
    connection: Connection, document_id: int, parsed: ParsedDocument, people: dict[str, int]
) -> None:
    """Who speaks, is present and is mentioned, as the record writes each of them."""
    attendees = {a.person.key: a for a in parsed.attendees}
    mentions = {m.key: m for m in parsed.mentioned}
    speaker_labels: dict[str, dict[str, str]] = {}
    for slug, lang, label in _speaker_labels(parsed):
        speaker_labels.setdefault(slug, {}).setdefault(lang, label)

    def written(slug: str, role: Role) -> tuple[dict[str, str], str | None]:
        """How the record writes a person in one role, and its note on them."""
        recorded = parsed.people[slug].roles if slug in parsed.people else {}
        if role in recorded:
            return recorded[role]
        if role is Role.PRESENT:
            return attendees[slug].labels, attendees[slug].description
        if role is Role.SPEAKER:
            return speaker_labels.get(slug, {}), None
        label = mentions[slug].label
        return {script_language(label) or parsed.original_language: label}, None

    rows = []
    for slug, roles in parsed.participants().items():
        for role in sorted(roles):
            labels, description = written(slug, role)
            rows.append(
                {
                    "document_id": document_id,
                    "participant_id": people[slug],
                    "role": role.value,
                    "labels": labels,
                    "description": description,
                }
            )
    if rows:
        connection.execute(insert(DocumentParticipant), rows)


def insert_turns(
    connection: Connection,
    document_id: int,
    parsed: ParsedDocument,
    people: dict[str, int],
    chronology: dt.date,
) -> dict[int, int]:
    """The document's units; their ids by position."""
    connection.execute(
        insert(Utterance),
        [
            {
                "document_id": document_id,
                "position": unit.position,
                "kind": unit.kind.value,
                "speaker_id": people[unit.speaker.key] if unit.speaker else None,
                "document_date": chronology,
            }
            for unit in parsed.units
        ],
    )
    # Read back per document: cheaper than RETURNING a row per inserted turn.
    return dict(
        connection.execute(
            select(Utterance.position, Utterance.id).where(Utterance.document_id == document_id)
        ).all()
    )


def insert_texts(
    connection: Connection, document_id: int, parsed: ParsedDocument, turn_ids: dict[int, int]
) -> dict[tuple[int, str], int]:
    """Every language version of every unit; their ids by (turn id, language)."""
    connection.execute(
        insert(UtteranceText),
        [
            {
                "utterance_id": turn_ids[unit.position],
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
            for unit in parsed.units
            for lang, text in unit.texts.items()
        ],
    )
    # The range of the new turns' ids leads the texts' unique index, so this reads a few
    # index pages whatever the planner knows of the table; the join keeps out another
    # writer's turns that might fall inside the range.
    rows = connection.execute(
        select(UtteranceText.id, UtteranceText.utterance_id, UtteranceText.lang)
        .join(Utterance, Utterance.id == UtteranceText.utterance_id)
        .where(
            UtteranceText.utterance_id.between(
                min(turn_ids.values(), default=0), max(turn_ids.values(), default=0)
            ),
            Utterance.document_id == document_id,
        )
    )
    return {(turn_id, lang): text_id for text_id, turn_id, lang in rows}


def insert_topics(
    session: Session,
    document_id: int,
    parsed: ParsedDocument,
    people: dict[str, int],
    turn_ids: dict[int, int],
    chronology: dt.date,
) -> None:
    """The topic links of every unit, with the turn's speaker, document and date copied in
    for the listing indexes."""
    topic_ids = dict(session.execute(select(Topic.slug, Topic.id)).all())
    rows = [
        {
            "utterance_id": turn_ids[unit.position],
            "topic_id": topic_ids[tag.topic],
            "reason": tag.reason.value,
            "matched": tag.matched,
            "opened_at": tag.opened_at,
            "speaker_id": people[unit.speaker.key] if unit.speaker else None,
            "document_id": document_id,
            "document_date": chronology,
            "position": unit.position,
        }
        for unit in parsed.units
        for tag in unit.topics
    ]
    if rows:
        session.connection().execute(insert(UtteranceTopic), rows)


def index_for_search(
    session: Session,
    document_id: int,
    parsed: ParsedDocument,
    turn_ids: dict[int, int],
    text_ids: dict[tuple[int, str], int],
) -> None:
    index_texts(
        session,
        (
            (text_ids[(turn_ids[unit.position], lang)], text)
            for unit in parsed.units
            for lang, text in unit.texts.items()
        ),
    )
    meta = parsed.metadata
    index_document(session, document_id, meta.title, meta.summary, parsed.titles)
