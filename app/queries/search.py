"""Ranked full-text search over turns, with snippets and facets; and `q` as a filter."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import CTE, Integer, Select, and_, extract, func, or_, select, union
from sqlalchemy.orm import Session

from app import schemas
from app.models import Document, Participant, Topic, Utterance, UtteranceText, UtteranceTopic
from app.pagination import decode_cursor, encode_cursor
from app.queries.utterances import UtteranceFilter, build_utterances
from app.search.backend import document_hits, text_hits
from app.search.expand import expand
from app.search.highlight import highlight
from app.search.query import Query, parse
from app.urls import Urls

FACET_BUCKETS = 50
DOCUMENT_HITS = 10


def prepare(session: Session, q: str) -> tuple[Query, dict[str, list[str]]]:
    """Parse (422 on nonsense) and widen names through the alias tables."""
    return expand(session, parse(q))


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def matching_utterances(session: Session, q: str, langs: list[str] | None) -> Select[Any]:
    """Ids of turns with a hit, for `q` on the listings."""
    query, _ = prepare(session, q)
    hits = text_hits(_dialect(session), query, langs).subquery()
    return select(hits.c.utterance_id)


def matching_documents(session: Session, q: str) -> Select[Any]:
    """Ids of documents whose title or summary matches, or that hold a matching turn."""
    query, _ = prepare(session, q)
    dialect = _dialect(session)
    turns = text_hits(dialect, query, None).subquery()
    titles = document_hits(dialect, query).subquery()
    return select(
        union(
            select(titles.c.document_id),
            select(Utterance.document_id).where(Utterance.id.in_(select(turns.c.utterance_id))),
        ).subquery()
    )


def _bucket_rows(session: Session, stmt: Select[*tuple[Any, ...]]) -> list[schemas.FacetBucket]:
    rows = session.execute(stmt.order_by(func.count().desc()).limit(FACET_BUCKETS)).all()
    return [
        # Years come back as numbers (and as Decimal from PostgreSQL's extract).
        schemas.FacetBucket(value=None if value is None else str(value), label=str(label), count=n)
        for value, label, n in sorted(rows, key=lambda r: (-r[2], str(r[1])))
    ]


@dataclass(slots=True)
class Ranking:
    """A search, ready to page: the text hits and the turns they rank."""

    query: Query
    expanded: dict[str, list[str]]
    hits: CTE  # (text_id, utterance_id, lang, score) of every matching text
    ranked: CTE  # (uid, score) per turn that passes the filters
    echo: dict[str, Any]  # what a cursor must belong to


def rank(session: Session, q: str, filters: UtteranceFilter, langs: list[str] | None) -> Ranking:
    """The search as SQL, ready to page; a query that cannot be searched is a 422 here,
    before any response has started."""
    query, expanded = prepare(session, q)
    # Materialised: computed once for the page, the facets and the snippets, and on
    # SQLite kept from being flattened into the aggregate, where bm25() cannot run.
    hits = text_hits(_dialect(session), query, langs).cte("hits").prefix_with("MATERIALIZED")
    ranked = (
        filters.apply(
            select(Utterance.id.label("uid"), func.max(hits.c.score).label("score")).join(
                hits, hits.c.utterance_id == Utterance.id
            )
        )
        .group_by(Utterance.id)
        .cte("ranked")
    )
    return Ranking(query, expanded, hits, ranked, {**filters.echo, "q": q, "lang": langs})


def _page(
    session: Session, ranking: Ranking, limit: int, cursor: str | None
) -> tuple[list[tuple[int, float]], bool]:
    """(turn id, score) best first from the cursor on, and whether more follow."""
    ranked = ranking.ranked
    page = select(ranked.c.uid, ranked.c.score)
    if cursor:
        score, uid = decode_cursor(cursor, ranking.echo, 2)
        page = page.where(
            or_(
                ranked.c.score < float(score),
                and_(ranked.c.score == float(score), ranked.c.uid > int(uid)),
            )
        )
    rows = session.execute(
        page.order_by(ranked.c.score.desc(), ranked.c.uid).limit(limit + 1)
    ).all()
    return [(uid, score) for uid, score in rows[:limit]], len(rows) > limit


def _hits(
    session: Session,
    ranking: Ranking,
    rows: list[tuple[int, float]],
    langs: list[str] | None,
    editorial: schemas.Editorial,
    urls: Urls,
) -> list[schemas.SearchHit]:
    """Read models for ranked turns, each with a snippet in every language it matched."""
    ids = [uid for uid, _ in rows]
    scores = dict(rows)
    hits = ranking.hits
    matched_langs: dict[int, list[str]] = {}
    for uid, lang in session.execute(
        select(hits.c.utterance_id, hits.c.lang).where(hits.c.utterance_id.in_(ids)).distinct()
    ):
        matched_langs.setdefault(uid, []).append(lang)
    texts = {
        (uid, lang): text
        for uid, lang, text in session.execute(
            select(UtteranceText.utterance_id, UtteranceText.lang, UtteranceText.text).where(
                UtteranceText.utterance_id.in_(ids)
            )
        )
    }
    phrases = ranking.query.phrases()
    items: list[schemas.SearchHit] = []
    for uid, item in zip(ids, build_utterances(session, ids, langs, editorial, urls), strict=True):
        matches = []
        for lang in sorted(matched_langs.get(uid, []), key=lambda lang: lang not in item.texts):
            found = highlight(texts[(uid, lang)], phrases)
            matches.append(
                schemas.SearchMatch(lang=lang, snippet=found.snippet, highlights=found.highlights)
            )
        items.append(schemas.SearchHit(**dict(item), score=scores[uid], matches=matches))
    return items


def iter_search_hits(
    session: Session,
    ranking: Ranking,
    *,
    langs: list[str] | None,
    editorial: schemas.Editorial,
    urls: Urls,
    batch: int = 500,
) -> Iterator[schemas.SearchHit]:
    """Every hit of a prepared ranking, best first, a batch at a time (for files)."""
    after: str | None = None
    while True:
        rows, more = _page(session, ranking, batch, after)
        yield from _hits(session, ranking, rows, langs, editorial, urls)
        if not more:
            return
        after = encode_cursor([rows[-1][1], rows[-1][0]], ranking.echo)


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
) -> schemas.SearchPage:
    ranking = rank(session, q, filters, langs)
    rows, more = _page(session, ranking, limit, cursor)
    items = _hits(session, ranking, rows, langs, editorial, urls)
    hits, ranked = ranking.hits, ranking.ranked

    in_result = Utterance.id.in_(select(ranked.c.uid))
    year = func.cast(extract("year", Utterance.document_date), Integer)
    facets = schemas.Facets(
        speaker=_bucket_rows(
            session,
            select(Participant.slug, func.coalesce(Participant.name, "(narration)"), func.count())
            .select_from(Utterance)
            .outerjoin(Participant, Participant.id == Utterance.speaker_id)
            .where(in_result)
            .group_by(Participant.slug, Participant.name),
        ),
        topic=_bucket_rows(
            session,
            select(Topic.slug, Topic.label, func.count())
            .select_from(UtteranceTopic)
            .join(Topic, Topic.id == UtteranceTopic.topic_id)
            .where(UtteranceTopic.utterance_id.in_(select(ranked.c.uid)))
            .group_by(Topic.slug, Topic.label),
        ),
        document=_bucket_rows(
            session,
            select(Document.slug, Document.title, func.count())
            .select_from(Utterance)
            .join(Document, Document.id == Utterance.document_id)
            .where(in_result)
            .group_by(Document.slug, Document.title),
        ),
        year=_bucket_rows(
            session,
            select(year, year, func.count()).where(in_result).group_by(year),
        ),
        language=_bucket_rows(
            session,
            select(hits.c.lang, hits.c.lang, func.count(func.distinct(hits.c.utterance_id)))
            .where(hits.c.utterance_id.in_(select(ranked.c.uid)))
            .group_by(hits.c.lang),
        ),
    )
    total = session.scalar(select(func.count()).select_from(ranked)) or 0

    documents: list[schemas.DocumentHit] = []
    if not cursor:
        titles = document_hits(_dialect(session), ranking.query).subquery()
        for doc, score in session.execute(
            select(Document, titles.c.score)
            .join(titles, titles.c.document_id == Document.id)
            .order_by(titles.c.score.desc(), Document.date)
            .limit(DOCUMENT_HITS)
        ):
            documents.append(
                schemas.DocumentHit(
                    id=doc.slug,
                    title=doc.title,
                    date=doc.date,
                    score=score,
                    url=urls.document(doc.slug),
                )
            )

    last = rows[-1] if rows else None
    return schemas.SearchPage(
        items=items,
        next_cursor=encode_cursor([last[1], last[0]], ranking.echo) if more and last else None,
        total=total,
        facets=facets,
        documents=documents,
        expanded=ranking.expanded,
    )
