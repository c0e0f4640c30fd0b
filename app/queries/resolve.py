"""Names to ids: a participant or topic by id or by any alias, in any language and case."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import bindparam, literal, select
from sqlalchemy.orm import Session

from app.errors import NotFound, UnknownName, unknown_name
from app.ingest.registry import LabelRules
from app.models import Document, Participant, ParticipantAlias, Topic, TopicAlias
from app.textnorm import name_key

# A suggestion must score this well (RapidFuzz's WRatio, 0-100), and come within
# SUGGESTION_SPREAD of the best: "Staline" suggests Stalin, not also Kissinger (63) and
# Tang Wensheng (60), who merely share letters with it.
SUGGESTION_SCORE = 60
SUGGESTION_SPREAD = 10


def _suggest(value: str, choices: list[tuple[str, str, str]]) -> list[dict[str, str]]:
    """Up to three (id, name) pairs whose spellings are as close to `value` as the
    closest one."""
    if not choices:
        return []
    matches = process.extract(
        name_key(value) or value,
        [name_key(spelling) or spelling for spelling, _, _ in choices],
        scorer=fuzz.WRatio,
        limit=30,
        score_cutoff=SUGGESTION_SCORE,
    )
    if not matches:
        return []
    floor = matches[0][1] - SUGGESTION_SPREAD
    suggestions: dict[str, str] = {}
    for _, score, index in matches:
        _, slug, name = choices[index]
        if score >= floor and slug not in suggestions:
            suggestions[slug] = name
        if len(suggestions) == 3:
            break
    return [{"id": slug, "name": name} for slug, name in suggestions.items()]


def _unknown(
    param: str, what: str, value: str, listing: str, suggestions: list[dict[str, str]]
) -> UnknownName:
    hint = (
        "Did you mean " + ", ".join(f"{s['name']} ({s['id']})" for s in suggestions) + "?"
        if suggestions
        else f"See {listing} for the names Parley knows."
    )
    return unknown_name(
        f"{param}: no {what} is called {value!r}. {hint}",
        reason=f"unknown {what}",
        params={param: value},
        suggestions=suggestions,
    )


# One round trip for an id or any spelling, with statements built once: this runs on
# every filtered request. An id outranks an alias (of someone else) spelled the same.
def _by_id_or_alias(id_column: Any, slug: Any, alias_owner: Any, alias_key: Any) -> Any:
    by_id = select(id_column.label("found"), literal(0).label("rank")).where(
        slug == bindparam("value")
    )
    by_alias = select(alias_owner, literal(1)).where(alias_key == bindparam("key"))
    return by_id.union_all(by_alias).order_by("rank").limit(1)


_PARTICIPANT = _by_id_or_alias(
    Participant.id, Participant.slug, ParticipantAlias.participant_id, ParticipantAlias.key
)
_TOPIC = _by_id_or_alias(Topic.id, Topic.slug, TopicAlias.topic_id, TopicAlias.key)


def _lookup(session: Session, statement: Any, value: str) -> int | None:
    found = session.connection().execute(statement, {"value": value, "key": name_key(value)})
    return found.scalar()


def participant_id(
    session: Session, value: str, param: str = "speaker", labels: LabelRules | None = None
) -> int:
    """A participant by id or any spelling; with the reference data's `labels`, titles and
    initials are dropped as the loader drops them from speaker labels ("Chairman Mao",
    "Comrade Stalin", "N.S. Khrushchev")."""
    value = value.strip()
    for candidate in (labels or LabelRules()).candidates(value):
        found = _lookup(session, _PARTICIPANT, candidate)
        if found is not None:
            return found
    choices = [
        (alias, slug, name)
        for alias, slug, name in session.execute(
            select(ParticipantAlias.alias, Participant.slug, Participant.name).join(Participant)
        )
    ]
    *_, bare = (labels or LabelRules()).candidates(value)  # without titles and initials
    raise _unknown(param, "participant", value, "/v1/participants", _suggest(bare, choices))


def topic_id(session: Session, value: str, param: str = "topic") -> int:
    value = value.strip()
    found = _lookup(session, _TOPIC, value)
    if found is not None:
        return found
    choices = [
        (alias, slug, label)
        for alias, slug, label in session.execute(
            select(TopicAlias.alias, Topic.slug, Topic.label).join(Topic)
        )
    ]
    raise _unknown(param, "topic", value, "/v1/topics", _suggest(value, choices))


def document_id(session: Session, slug: str, param: str | None = None) -> int:
    """A document's row id; 404 for a path id, 422 for a filter value."""
    found = session.scalar(select(Document.id).where(Document.slug == slug))
    if found is not None:
        return found
    suggestions = [
        {"id": s, "name": t}
        for s, t in session.execute(select(Document.slug, Document.title).order_by(Document.slug))
        if fuzz.ratio(s, slug) >= 70
    ][:3]
    if param is None:
        raise NotFound(
            f"there is no document {slug!r}; list documents at /v1/documents",
            suggestions=suggestions or None,
        )
    raise _unknown(param, "document", slug, "/v1/documents", suggestions)
