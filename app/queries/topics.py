"""Topics: the listing (by label) and one topic with who spoke on it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, exists, func, or_, select, tuple_
from sqlalchemy.orm import Session

from app import schemas
from app.errors import NotFound
from app.models import Participant, Topic, TopicAlias, Utterance, UtteranceTopic
from app.pagination import Page, decode_cursor, encode_cursor, key_int, key_text
from app.textnorm import name_key
from app.urls import Urls


def _filtered(q: str | None, document_id: int | None) -> Select[Any]:
    stmt = select(Topic)
    if q:
        key = name_key(q)
        conditions = [func.lower(Topic.label).contains(q.lower(), autoescape=True)]
        if key:
            conditions.append(
                exists().where(
                    TopicAlias.topic_id == Topic.id, TopicAlias.key.contains(key, autoescape=True)
                )
            )
        stmt = stmt.where(or_(*conditions))
    if document_id is not None:
        stmt = stmt.where(
            exists().where(
                UtteranceTopic.topic_id == Topic.id,
                Utterance.id == UtteranceTopic.utterance_id,
                Utterance.document_id == document_id,
            )
        )
    return stmt


def _stats(session: Session, ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    rows = session.execute(
        select(
            UtteranceTopic.topic_id,
            func.count(),
            func.count(func.distinct(Utterance.document_id)),
        )
        .join(Utterance, Utterance.id == UtteranceTopic.utterance_id)
        .where(UtteranceTopic.topic_id.in_(ids))
        .group_by(UtteranceTopic.topic_id)
    )
    return {topic: (turns, documents) for topic, turns, documents in rows}


def _aliases(session: Session, ids: Sequence[int]) -> dict[int, dict[str, list[str]]]:
    out: dict[int, dict[str, list[str]]] = defaultdict(dict)
    for topic, alias, lang in session.execute(
        select(TopicAlias.topic_id, TopicAlias.alias, TopicAlias.lang)
        .where(TopicAlias.topic_id.in_(ids))
        .order_by(TopicAlias.id)
    ):
        out[topic].setdefault(lang or "und", []).append(alias)
    return out


def _summary(
    t: Topic, stats: tuple[int, int], aliases: dict[str, list[str]], urls: Urls
) -> dict[str, Any]:
    return {
        "id": t.slug,
        "label": t.label,
        "description": t.description,
        "aliases": aliases,
        "turns": stats[0],
        "documents": stats[1],
        "url": urls.topic(t.slug),
    }


def list_topics(
    session: Session,
    *,
    q: str | None,
    document_id: int | None,
    echo: dict[str, Any],
    urls: Urls,
    limit: int,
    cursor: str | None,
    count: bool,
) -> Page[schemas.TopicSummary]:
    stmt = _filtered(q, document_id)
    order = (Topic.label, Topic.id)
    if cursor:
        label, tid = decode_cursor(cursor, echo, (key_text, key_int))
        stmt = stmt.where(tuple_(*order) > tuple_(label, tid))
    topics = list(session.scalars(stmt.order_by(*order).limit(limit + 1)))
    more = len(topics) > limit
    topics = topics[:limit]
    ids = [t.id for t in topics]
    stats, aliases = _stats(session, ids), _aliases(session, ids)
    total = None
    if count:
        total = session.scalar(
            select(func.count()).select_from(_filtered(q, document_id).subquery())
        )
    return Page[schemas.TopicSummary](
        items=[
            schemas.TopicSummary(
                **_summary(t, stats.get(t.id, (0, 0)), aliases.get(t.id, {}), urls)
            )
            for t in topics
        ],
        next_cursor=encode_cursor([topics[-1].label, topics[-1].id], echo) if more else None,
        total=total,
    )


def get_topic(session: Session, slug: str, *, urls: Urls) -> schemas.Topic:
    topic = session.scalar(select(Topic).where(Topic.slug == slug))
    if topic is None:
        raise NotFound(f"there is no topic {slug!r}; list topics at /v1/topics")
    speakers = [
        schemas.SpeakerCount(id=s, name=name, turns=n)
        for s, name, n in session.execute(
            select(Participant.slug, Participant.name, func.count())
            .join(Utterance, Utterance.speaker_id == Participant.id)
            .join(UtteranceTopic, UtteranceTopic.utterance_id == Utterance.id)
            .where(UtteranceTopic.topic_id == topic.id)
            .group_by(Participant.slug, Participant.name)
            .order_by(func.count().desc(), Participant.slug)
        )
    ]
    return schemas.Topic(
        **_summary(
            topic,
            _stats(session, [topic.id]).get(topic.id, (0, 0)),
            _aliases(session, [topic.id]).get(topic.id, {}),
            urls,
        ),
        speakers=speakers,
    )
