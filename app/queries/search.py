"""Ranked full-text search over turns, with snippets and facets; and `q` as a filter."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import orjson
from sqlalchemy import Integer, Select, any_, bindparam, func, literal_column, select, union
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from app import schemas
from app.models import UNDATED, Document, Participant, Topic, Utterance, UtteranceTopic
from app.pagination import RenderedPage, decode_cursor, encode_cursor, key_float, key_int
from app.queries.documents import DocumentFilter
from app.queries.rendered import Generation, json_base
from app.queries.texts import text_record
from app.queries.utterances import TEXT_ROWS, UtteranceFilter, utterance_fragments_by_id
from app.search.backend import document_hits, text_hits
from app.search.expand import expand
from app.search.highlight import marker
from app.search.query import Query, parse
from app.urls import Urls

FACET_BUCKETS = 50
DOCUMENT_HITS = 10
# A search reads at most this many matching texts (filters applied first). Ranking a
# word found in a sixth of a million turns costs SQLite over half a second by itself,
# so a broader query is ranked, counted and faceted over its first matches in text id
# order (the oldest loaded first, the same window for every page), and says so
# (`capped`).
SEARCH_WINDOW = 5_000


def prepare(
    session: Session, q: str, kept: Generation | None = None
) -> tuple[Query, dict[str, list[str]]]:
    """Parse (422 on nonsense) and widen names through the alias tables; once per data
    version when `kept` holds that version's results."""
    if kept is None:
        return expand(session, parse(q))
    return kept.memo(("search", q), lambda: expand(session, parse(q)))


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def matching_utterances(
    session: Session, q: str, langs: list[str] | None, kept: Generation | None = None
) -> Select[Any]:
    """Ids of turns with a hit, for `q` on the listings."""
    query, _ = prepare(session, q, kept)
    hits = text_hits(_dialect(session), query, langs, scored=False).subquery()
    return select(hits.c.utterance_id)


def matching_documents(session: Session, q: str) -> Select[Any]:
    """Ids of documents whose title or summary matches, or that hold a matching turn."""
    query, _ = prepare(session, q)
    dialect = _dialect(session)
    turns = text_hits(dialect, query, None, scored=False).subquery()
    titles = document_hits(dialect, query).subquery()
    return select(
        union(
            select(titles.c.document_id),
            select(Utterance.document_id).where(Utterance.id.in_(select(turns.c.utterance_id))),
        ).subquery()
    )


@dataclass(slots=True)
class Ranking:
    """A search's window of matches, read once: the turns best first, and what the
    facets and snippets need."""

    query: Query
    expanded: dict[str, list[str]]
    turns: list[tuple[float, int]]  # (score, turn id), best first
    langs: dict[int, list[str]]  # turn id -> languages it matched in
    # turn id -> (speaker, document, year); no year for an undated record's turns
    about: dict[int, tuple[int | None, int, int | None]]
    capped: bool  # whether the window held fewer matches than the query has
    window: int  # how many matching texts the window holds at most
    echo: dict[str, Any]  # what a cursor must belong to

    def page(self, limit: int, cursor: str | None) -> tuple[list[tuple[float, int]], bool]:
        """(score, turn id) best first from the cursor on, and whether more follow."""
        start = 0
        if cursor:
            score, row_id = decode_cursor(cursor, self.echo, (key_float, key_int))
            start = bisect_right(self.turns, (-score, row_id), key=_order)
        rows = self.turns[start : start + limit + 1]
        return rows[:limit], len(rows) > limit

    def cursor_after(self, row: tuple[float, int]) -> str:
        return encode_cursor([row[0], row[1]], self.echo)


def _order(row: tuple[float, int]) -> tuple[float, int]:
    return -row[0], row[1]


def _statement(
    kept: Generation | None,
    name: str,
    q: str,
    langs: list[str] | None,
    filters: UtteranceFilter,
    build: Callable[[], Select[Any]],
) -> Select[Any]:
    """A search's statement, built once per data version when `kept` holds that
    version's: building it and computing SQLAlchemy's cache key for it cost as much as
    SQLite's run of a selective search."""
    if kept is None or filters.matching is not None:  # a full-text filter: not kept
        return build()
    return kept.memo(
        (
            name,
            q,
            tuple(langs) if langs else None,
            filters.speaker_id,
            filters.topic_id,
            filters.document_id,
            filters.date_from,
            filters.date_to,
            filters.kind,
        ),
        build,
    )


def rank(
    session: Session,
    q: str,
    filters: UtteranceFilter,
    langs: list[str] | None,
    kept: Generation | None = None,
) -> Ranking:
    """The search's window of matches, read in one query; a query that cannot be
    searched is a 422 here, before any response has started."""
    query, expanded = prepare(session, q, kept)

    def window() -> Select[Any]:
        hits = text_hits(_dialect(session), query, langs, with_turns=True, in_text_order=True)
        return filters.apply(hits).limit(SEARCH_WINDOW + 1)

    stmt = _statement(kept, "search window", q, langs, filters, window)
    rows = session.connection().execute(stmt).all()
    capped = len(rows) > SEARCH_WINDOW
    best: dict[int, float] = {}
    matched: dict[int, list[str]] = {}
    about: dict[int, tuple[int | None, int, int | None]] = {}
    for _, row_id, lang, score, speaker, document, day in rows[:SEARCH_WINDOW]:
        if row_id not in best or score > best[row_id]:
            best[row_id] = score
        if lang not in matched.setdefault(row_id, []):
            matched[row_id].append(lang)
        about[row_id] = (speaker, document, None if day == UNDATED else day.year)
    turns = sorted(((score, row_id) for row_id, score in best.items()), key=_order)
    echo = {**filters.echo, "q": q, "lang": langs}
    return Ranking(query, expanded, turns, matched, about, capped, SEARCH_WINDOW, echo)


@dataclass(slots=True)
class SearchPage(RenderedPage):
    """A page of hits (rendered JSON), then what is said of the whole result."""

    whole: dict[str, Any]  # capped, facets, documents, expanded

    def json(self) -> bytes:
        return RenderedPage.json(self)[:-1] + b"," + orjson.dumps(self.whole)[1:]


@dataclass(slots=True)
class Hit:
    """A ranked turn shaped like schemas.SearchHit: the turn's rendered JSON, its score,
    and a snippet in every language it matched."""

    turn_json: bytes  # schemas.Utterance, as rendered (app.queries.rendered)
    turn: dict[str, Any]  # the same, as data
    score: float
    matches: list[dict[str, Any]]

    def json(self) -> bytes:
        """The turn's JSON with the score and the matches after its own members."""
        return b"".join(
            [
                self.turn_json[:-1],
                b',"score":',
                orjson.dumps(self.score),
                b',"matches":',
                orjson.dumps(self.matches),
                b"}",
            ]
        )

    def record(self) -> dict[str, Any]:
        return {**self.turn, "score": self.score, "matches": self.matches}


def _hits(
    session: Session,
    kept: Generation,
    ranking: Ranking,
    rows: list[tuple[float, int]],
    langs: list[str] | None,
    editorial: schemas.Editorial,
    urls: Urls,
) -> list[Hit]:
    """The ranked turns of `rows` (deleted meanwhile: left out), from their rendered
    JSON; snippets are marked in the texts as the client gets them (with or without
    editorial insertions), so highlight offsets point into the text the client has."""
    base = json_base(urls)
    fragments = utterance_fragments_by_id(
        session, kept, [row_id for _, row_id in rows], langs, editorial
    )
    turns = {row_id: fragment.bind(base) for row_id, fragment in fragments.items()}
    shown = {row_id: orjson.loads(turn) for row_id, turn in turns.items()}
    # A language the turn matched in that the page leaves out is read for its snippet.
    unshown = [
        row_id
        for row_id in turns
        if any(lang not in shown[row_id]["texts"] for lang in ranking.langs[row_id])
    ]
    texts: dict[tuple[int, str], str] = {}
    if unshown:
        for row in session.connection().execute(TEXT_ROWS, {"ids": unshown}):
            texts[(row[0], row[1])] = text_record(row, editorial)["text"]
    for row_id, turn in shown.items():
        texts.update(((row_id, lang), text["text"]) for lang, text in turn["texts"].items())
    marks = marker(tuple(ranking.query.phrases()))
    hits = []
    for score, row_id in rows:
        if row_id not in turns:
            continue
        matches = []
        in_page = shown[row_id]["texts"]
        for lang in sorted(ranking.langs[row_id], key=lambda lang: lang not in in_page):
            if (row_id, lang) not in texts:
                continue
            found = marks.highlight(texts[(row_id, lang)])
            matches.append({"lang": lang, "snippet": found.snippet, "highlights": found.highlights})
        hits.append(Hit(turns[row_id], shown[row_id], score, matches))
    return hits


def iter_search_hits(
    session: Session,
    kept: Generation,
    ranking: Ranking,
    *,
    langs: list[str] | None,
    editorial: schemas.Editorial,
    urls: Urls,
    batch: int = 500,
) -> Iterator[schemas.SearchHit]:
    """Every hit of a ranking, best first, a batch at a time (for files)."""
    for start in range(0, len(ranking.turns), batch):
        rows = ranking.turns[start : start + batch]
        for hit in _hits(session, kept, ranking, rows, langs, editorial, urls):
            yield schemas.SearchHit.model_validate(hit.record())


def _buckets(
    counts: Counter[Any], labels: dict[Any, tuple[str | None, str]]
) -> list[dict[str, Any]]:
    """Facet buckets, most turns first: (id to filter by, label, count)."""
    top = sorted(counts.items(), key=lambda item: (-item[1], str(labels[item[0]][1])))
    return [
        {"value": labels[key][0], "label": labels[key][1], "count": n}
        for key, n in top[:FACET_BUCKETS]
    ]


def _id_list(column: Any, dialect: str) -> Any:
    """`column` is one of the ids bound as `ids` (`_bind_ids`): one parameter, however
    many ids, so the statement compiles once (an expanding IN is rendered again for
    every list, which cost more than the facets' counting itself)."""
    if dialect == "sqlite":
        ids: Select[Any] = select(literal_column("value")).select_from(
            func.json_each(bindparam("ids"))
        )
        return column.in_(ids)
    return column == any_(bindparam("ids", type_=ARRAY(Integer)))


def _bind_ids(ids: Iterable[int], dialect: str) -> dict[str, Any]:
    return {"ids": orjson.dumps(list(ids)).decode() if dialect == "sqlite" else list(ids)}


@cache
def _facet_statements(
    dialect: str,
) -> tuple[Select[str, str, int], Select[int, str, str], Select[int, str, str]]:
    """Topics counted over the turns, and the labels of speakers and documents."""
    topics = (
        select(Topic.slug, Topic.label, func.count())
        .join(UtteranceTopic, UtteranceTopic.topic_id == Topic.id)
        .where(_id_list(UtteranceTopic.utterance_id, dialect))
        .group_by(Topic.slug, Topic.label)
        .order_by(Topic.slug, Topic.label)
    )
    people = select(Participant.id, Participant.slug, Participant.name).where(
        _id_list(Participant.id, dialect)
    )
    titles = select(Document.id, Document.slug, Document.title).where(
        _id_list(Document.id, dialect)
    )
    return topics, people, titles


def _facets(session: Session, ranking: Ranking) -> dict[str, Any]:
    """Counts by speaker, topic, document, year and language over the whole window: the
    window's rows are at hand for ranking, so all but the topics are counted from them."""
    speakers = Counter(speaker for speaker, _, _ in ranking.about.values())
    documents = Counter(document for _, document, _ in ranking.about.values())
    years = Counter(year for _, _, year in ranking.about.values())
    languages = Counter(lang for langs in ranking.langs.values() for lang in langs)
    connection = session.connection()
    dialect = connection.dialect.name
    topic_counts, participant_labels, document_labels = _facet_statements(dialect)
    topics = Counter[Any]()
    topic_labels: dict[Any, tuple[str | None, str]] = {}
    if ranking.about:
        for slug, label, n in connection.execute(topic_counts, _bind_ids(ranking.about, dialect)):
            topics[slug] = n
            topic_labels[slug] = (slug, label)
    people: dict[Any, tuple[str | None, str]] = {None: (None, "(narration)")}
    people.update(
        (pid, (slug, name))
        for pid, slug, name in connection.execute(
            participant_labels, _bind_ids((p for p in speakers if p is not None), dialect)
        )
    )
    titles: dict[Any, tuple[str | None, str]] = {
        did: (slug, title)
        for did, slug, title in connection.execute(document_labels, _bind_ids(documents, dialect))
    }
    return {
        "speaker": _buckets(speakers, people),
        "topic": _buckets(topics, topic_labels),
        "document": _buckets(documents, titles),
        "year": _buckets(years, {y: (str(y), str(y)) if y else (None, "(undated)") for y in years}),
        "language": _buckets(languages, {lang: (lang, lang) for lang in languages}),
    }


def _documents_in_scope(stmt: Select[Any], filters: UtteranceFilter) -> Select[Any]:
    """Title matches within the turns' filters: the record itself, its dates, and records
    where the speaker took part or the topic came up."""
    scope = DocumentFilter(
        participant_id=filters.speaker_id,
        topic_id=filters.topic_id,
        date_from=filters.date_from,
        date_to=filters.date_to,
    )
    stmt = scope.apply(stmt)
    if filters.document_id is not None:
        stmt = stmt.where(Document.id == filters.document_id)
    return stmt


def search(
    session: Session,
    *,
    q: str,
    filters: UtteranceFilter,
    langs: list[str] | None,
    editorial: schemas.Editorial,
    urls: Urls,
    limit: int,
    cursor: str | None,
    kept: Generation,
) -> SearchPage:
    """A page of hits shaped like schemas.SearchPage."""
    ranking = rank(session, q, filters, langs, kept)
    rows, more = ranking.page(limit, cursor)
    documents = []
    if not cursor:

        def titled() -> Select[Any]:
            titles = document_hits(_dialect(session), ranking.query).subquery()
            return _documents_in_scope(
                select(Document.slug, Document.title, Document.date, titles.c.score)
                .join(titles, titles.c.document_id == Document.id)
                .order_by(titles.c.score.desc(), Document.chronology)
                .limit(DOCUMENT_HITS),
                filters,
            )

        stmt = _statement(kept, "search titles", q, None, filters, titled)
        for slug, title, day, score in session.connection().execute(stmt):
            documents.append(
                {
                    "id": slug,
                    "title": title,
                    "date": day,
                    "score": score,
                    "url": urls.document(slug),
                }
            )
    return SearchPage(
        items=[hit.json() for hit in _hits(session, kept, ranking, rows, langs, editorial, urls)],
        next_cursor=ranking.cursor_after(rows[-1]) if more and rows else None,
        total=len(ranking.turns),
        version=kept.version,
        whole={
            "capped": ranking.capped,
            "facets": _facets(session, ranking),
            "documents": documents,
            "expanded": ranking.expanded,
        },
    )
