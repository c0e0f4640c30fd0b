"""Turns: the filtered, chronological listing and single turns with their neighbours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Select, bindparam, func, select, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app import schemas
from app.errors import NotFound
from app.models import Document, Participant, Topic, Utterance, UtteranceText, UtteranceTopic
from app.pagination import (
    RecordPage,
    RenderedPage,
    decode_cursor,
    encode_cursor,
    key_date,
    key_int,
)
from app.queries import dates
from app.queries.rendered import PLACEHOLDER_URLS, Fragment, Generation, json_base
from app.queries.texts import TextRecord, TopicTagRecord, UtteranceRecord, text_record
from app.urls import Urls, split_utterance_id, utterance_id

AnySelect = TypeVar("AnySelect", bound=Select[*tuple[Any, ...]])


@dataclass(slots=True)
class UtteranceFilter:
    """Resolved filters (row ids, not names) for the utterance listing."""

    speaker_id: int | None = None
    topic_id: int | None = None
    document_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kind: schemas.Kind | None = None
    matching: Select[Any] | None = None  # ids of turns a full-text query found
    echo: dict[str, Any] = field(default_factory=dict)  # the filters as the client sent them

    def apply(self, stmt: AnySelect) -> AnySelect:
        if self.topic_id is not None:
            stmt = stmt.join(
                UtteranceTopic,
                (UtteranceTopic.utterance_id == Utterance.id)
                & (UtteranceTopic.topic_id == self.topic_id),
            )
        stmt = self._where_turns(
            stmt, Utterance.speaker_id, Utterance.document_id, Utterance.document_date
        )
        return self._where_kind_and_words(stmt)

    def listing(self) -> tuple[Select[*tuple[Any, ...]], tuple[ColumnElement[Any], ...]]:
        """(id, date, document, position) of every matching turn, and the columns that
        order them. With a topic the rows come from the topic links, which carry the
        listing order (migration 0004), so a page is one range scan of one index."""
        if self.topic_id is None:
            return self.apply(select(Utterance.id, *_ORDER)), _ORDER
        link = UtteranceTopic
        order: tuple[ColumnElement[Any], ...] = (
            link.document_date.expression,
            link.document_id.expression,
            link.position.expression,
        )
        stmt = select(link.utterance_id, *order).where(link.topic_id == self.topic_id)
        stmt = self._where_turns(stmt, link.speaker_id, link.document_id, link.document_date)
        if self.kind is not None or self.matching is not None:
            stmt = self._where_kind_and_words(
                stmt.join(Utterance, Utterance.id == link.utterance_id)
            )
        return stmt, order

    def _where_turns(
        self,
        stmt: AnySelect,
        speaker: Any,
        document: Any,
        date: Any,
    ) -> AnySelect:
        """Speaker, document and dates, on the turns' columns or the topic links' copies."""
        if self.speaker_id is not None:
            stmt = stmt.where(speaker == self.speaker_id)
        if self.document_id is not None:
            stmt = stmt.where(document == self.document_id)
        return stmt.where(*dates.within(date, self.date_from, self.date_to))

    def _where_kind_and_words(self, stmt: AnySelect) -> AnySelect:
        if self.kind is not None:
            stmt = stmt.where(Utterance.kind == self.kind.value)
        if self.matching is not None:
            stmt = stmt.where(Utterance.id.in_(self.matching))
        return stmt


_ORDER: tuple[ColumnElement[Any], ...] = (
    Utterance.document_date.expression,
    Utterance.document_id.expression,
    Utterance.position.expression,
)
EXPORT_BATCH = 500  # turns per keyset page when streaming an export


def _keyset(
    session: Session, filters: UtteranceFilter, after: Sequence[Any] | None, limit: int
) -> list[Any]:
    """Up to `limit` rows of (id, date, document, position) after the keyset position
    `after`."""
    stmt, order = filters.listing()
    if after is not None:
        stmt = stmt.where(tuple_(*order) > tuple_(*after))
    return list(session.connection().execute(stmt.order_by(*order).limit(limit)).all())


def _window(
    session: Session, filters: UtteranceFilter, limit: int, cursor: str | None, count: bool
) -> tuple[list[int], str | None, int | None]:
    """The row ids of one keyset page, the cursor of the next page, and the total when
    asked for."""
    after = None
    if cursor:
        day, document, position = decode_cursor(cursor, filters.echo, (key_date, key_int, key_int))
        after = (day, document, position)
    rows = _keyset(session, filters, after, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = (
        encode_cursor([rows[-1][1].isoformat(), rows[-1][2], rows[-1][3]], filters.echo)
        if more
        else None
    )
    total = count_utterances(session, filters) if count else None
    return [r[0] for r in rows], next_cursor, total


def list_utterances(
    session: Session,
    *,
    filters: UtteranceFilter,
    langs: list[str] | None,
    editorial: schemas.Editorial,
    urls: Urls,
    limit: int,
    cursor: str | None,
    count: bool,
) -> RecordPage:
    """Turns in chronological order (document date, document, position), a keyset page."""
    ids, next_cursor, total = _window(session, filters, limit, cursor, count)
    items = utterance_records(session, ids, langs, editorial, urls)
    return RecordPage(list(items.values()), next_cursor, total)


def utterance_page_json(
    session: Session,
    kept: Generation,
    *,
    filters: UtteranceFilter,
    langs: list[str] | None,
    editorial: schemas.Editorial,
    urls: Urls,
    limit: int,
    cursor: str | None,
    count: bool,
) -> RenderedPage:
    """The page `list_utterances` answers, as JSON built from rendered turns: one
    indexed read of the page's ids, and only the turns not rendered yet are read."""
    ids, next_cursor, _ = _window(session, filters, limit, cursor, count=False)
    # A count is as fixed as the data: one per filter set and data version.
    counted = tuple(sorted((name, repr(value)) for name, value in filters.echo.items()))
    total = (
        kept.memo(("count", counted), lambda: count_utterances(session, filters)) if count else None
    )
    base = json_base(urls)
    items = [f.bind(base) for f in utterance_fragments(session, kept, ids, langs, editorial)]
    return RenderedPage(items, next_cursor, total, kept.version)


def utterance_fragments(
    session: Session,
    kept: Generation,
    ids: Sequence[int],
    langs: list[str] | None,
    editorial: schemas.Editorial,
) -> list[Fragment]:
    """Each turn's JSON, in the order of `ids`, rendered once per data version, language
    set and editorial mode; an id deleted meanwhile is left out."""
    return list(utterance_fragments_by_id(session, kept, ids, langs, editorial).values())


def utterance_fragments_by_id(
    session: Session,
    kept: Generation,
    ids: Sequence[int],
    langs: list[str] | None,
    editorial: schemas.Editorial,
) -> dict[int, Fragment]:
    """`utterance_fragments` by row id, in the order of `ids`."""
    variant = (tuple(langs) if langs else None, editorial)
    found: dict[int, Fragment] = {}
    missing = []
    for row_id in ids:
        fragment = kept.get(("turn", row_id, variant))
        if fragment is None:
            missing.append(row_id)
        else:
            found[row_id] = fragment
    if missing:
        records = utterance_records(session, missing, langs, editorial, PLACEHOLDER_URLS)
        for row_id, record in records.items():
            fragment = found[row_id] = Fragment.render(record)
            kept.put(("turn", row_id, variant), fragment, fragment.size)
    return {row_id: found[row_id] for row_id in ids if row_id in found}


def count_utterances(session: Session, filters: UtteranceFilter) -> int:
    matching, _ = filters.listing()
    return session.scalar(select(func.count()).select_from(matching.subquery())) or 0


def iter_utterances(
    session: Session,
    *,
    filters: UtteranceFilter,
    langs: list[str] | None,
    editorial: schemas.Editorial,
    urls: Urls,
    batch: int | None = None,
) -> Iterator[schemas.Utterance]:
    """Every turn the filters match, in listing order, fetched a keyset page at a time so
    an export of any size holds one batch in memory."""
    batch = batch or EXPORT_BATCH
    after: Sequence[Any] | None = None
    while True:
        rows = _keyset(session, filters, after, batch)
        yield from build_utterances(session, [r[0] for r in rows], langs, editorial, urls)
        if len(rows) < batch:
            return
        after = tuple(rows[-1][1:])


def export_languages(
    session: Session, filters: UtteranceFilter, langs: list[str] | None
) -> list[str]:
    """The languages an export has columns for: those asked for, or else every language
    of the documents the filters can reach (original languages first, as documents list
    them), so the header can be written before the first row is read."""
    if langs:
        return langs
    stmt = select(Document.languages).order_by(Document.chronology, Document.id)
    if filters.document_id is not None:
        stmt = stmt.where(Document.id == filters.document_id)
    stmt = stmt.where(*dates.within(Document.chronology, filters.date_from, filters.date_to))
    found: dict[str, None] = {}
    for languages in session.scalars(stmt):
        found.update(dict.fromkeys(languages))
    return list(found)


def build_utterances(
    session: Session,
    ids: Sequence[int],
    langs: list[str] | None,
    editorial: schemas.Editorial,
    urls: Urls,
) -> list[schemas.Utterance]:
    """Read models for utterance ids, in the given order (exports and search hits)."""
    return [
        schemas.Utterance.model_validate(record)
        for record in utterance_records(session, ids, langs, editorial, urls).values()
    ]


# The three statements behind every page, built once: constructing them per request
# cost more than running them. Ids (and languages) are expanding bind parameters.
_HEADS = (
    select(
        Utterance.id,
        Utterance.position,
        Utterance.kind,
        Document.slug.label("doc_slug"),
        Document.title.label("doc_title"),
        Document.date.label("doc_date"),
        Participant.slug.label("speaker_slug"),
        Participant.name.label("speaker_name"),
    )
    .join(Document, Document.id == Utterance.document_id)
    .outerjoin(Participant, Participant.id == Utterance.speaker_id)
    .where(Utterance.id.in_(bindparam("ids", expanding=True)))
)
TEXT_ROWS = (
    select(
        UtteranceText.utterance_id,
        UtteranceText.lang,
        UtteranceText.is_original,
        UtteranceText.label,
        UtteranceText.text,
        UtteranceText.spans,
        UtteranceText.page,
        UtteranceText.page_breaks,
    )
    .where(UtteranceText.utterance_id.in_(bindparam("ids", expanding=True)))
    .order_by(UtteranceText.utterance_id, UtteranceText.is_original.desc(), UtteranceText.lang)
)
_TEXTS_IN = TEXT_ROWS.where(UtteranceText.lang.in_(bindparam("langs", expanding=True)))
_TAGS = (
    select(
        UtteranceTopic.utterance_id,
        UtteranceTopic.reason,
        UtteranceTopic.matched,
        UtteranceTopic.opened_at,
        Topic.slug,
        Topic.label,
    )
    .join(Topic, Topic.id == UtteranceTopic.topic_id)
    .where(UtteranceTopic.utterance_id.in_(bindparam("ids", expanding=True)))
    .order_by(UtteranceTopic.utterance_id, Topic.slug)
)


def utterance_records(
    session: Session,
    ids: Sequence[int],
    langs: list[str] | None,
    editorial: schemas.Editorial,
    urls: Urls,
) -> dict[int, UtteranceRecord]:
    """Utterances shaped like schemas.Utterance, as plain data, by row id in the given
    order, in three queries; an id deleted meanwhile (by a reload) is left out. JSON pages
    are serialised straight from these: building a few hundred read models per page cost
    twice the queries."""
    if not ids:
        return {}
    # The session's connection, as plain Core: the ORM's result machinery adds nothing
    # to rows like these.
    connection = session.connection()
    ids = list(ids)
    # Rows unpacked as tuples: attribute access on each row costs more than the rest of
    # the loop.
    heads = {row[0]: row for row in connection.execute(_HEADS, {"ids": ids}).all()}
    texts: dict[int, dict[str, TextRecord]] = {}
    text_rows = (
        connection.execute(_TEXTS_IN, {"ids": ids, "langs": langs})
        if langs
        else connection.execute(TEXT_ROWS, {"ids": ids})
    )
    for row in text_rows.all():
        texts.setdefault(row[0], {})[row[1]] = text_record(row, editorial)
    tags: dict[int, list[TopicTagRecord]] = {}
    for row_id, reason, matched, opened_at, slug, label in connection.execute(
        _TAGS, {"ids": ids}
    ).all():
        if row_id not in heads:
            continue
        tags.setdefault(row_id, []).append(
            {
                "id": slug,
                "label": label,
                "reason": reason,
                "matched": matched,
                "opened_by": utterance_id(heads[row_id][3], opened_at) if opened_at else None,
            }
        )
    records: dict[int, UtteranceRecord] = {}
    for row_id in ids:
        if row_id not in heads:
            continue
        _, position, kind, doc_slug, doc_title, doc_date, speaker_slug, speaker_name = heads[row_id]
        public_id = utterance_id(doc_slug, position)
        records[row_id] = {
            "id": public_id,
            "document": {"id": doc_slug, "title": doc_title, "date": doc_date},
            "position": position,
            "kind": kind,
            "speaker": {"id": speaker_slug, "name": speaker_name} if speaker_slug else None,
            "texts": texts.get(row_id, {}),
            "topics": tags.get(row_id, []),
            "url": urls.utterance(public_id),
        }
    return records


def locate_utterance(session: Session, public_id: str) -> tuple[int, int, str, int]:
    """(row id, document row id, document slug, position) of a public utterance id."""
    parts = split_utterance_id(public_id)
    row = None
    if parts is not None:
        slug, position = parts
        row = session.execute(
            select(Utterance.id, Utterance.document_id)
            .join(Document, Document.id == Utterance.document_id)
            .where(Document.slug == slug, Utterance.position == position)
        ).first()
    if row is None or parts is None:
        raise NotFound(
            f"there is no utterance {public_id!r}; utterance ids are a document id and a position, "
            "e.g. wilson-111245.17"
        )
    return row.id, row.document_id, *parts


def get_utterance(
    session: Session,
    public_id: str,
    *,
    langs: list[str] | None,
    editorial: schemas.Editorial,
    urls: Urls,
) -> schemas.UtteranceDetail:
    row_id, document_id, slug, position = locate_utterance(session, public_id)
    last = session.scalar(
        select(func.max(Utterance.position)).where(Utterance.document_id == document_id)
    )
    [item] = build_utterances(session, [row_id], langs, editorial, urls)
    return schemas.UtteranceDetail(
        **dict(item),
        previous=utterance_id(slug, position - 1) if position > 1 else None,
        next=utterance_id(slug, position + 1) if last and position < last else None,
    )
