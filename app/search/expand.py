"""Query expansion through the alias tables: q=КЧЖД also finds "KChZhD", q=Mao also
finds "Мао Цзэ-дун", because each names the same topic or person."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import ParticipantAlias, TopicAlias
from app.search.query import Clause, Phrase, Query, words_of
from app.textnorm import HAN, name_key


def _key(phrase: Phrase) -> str:
    return name_key(" ".join(phrase.words))


def expand(session: Session, query: Query) -> tuple[Query, dict[str, list[str]]]:
    """The query with each phrase that is an alias widened to all aliases of its topic or
    person, and {phrase: [other spellings]} for the client to show what was added."""
    clauses = list(query.clauses)
    # An unquoted multi-word name (q=Port Arthur) is treated as the phrase it names.
    singles = [c.options[0] for c in clauses if len(c.options) == 1 and not c.negated]
    if len(clauses) > 1 and len(singles) == len(clauses) and not any(p.prefix for p in singles):
        whole = Phrase(tuple(w for p in singles for w in p.words))
        if _owners(session, {_key(whole)}):
            clauses = [Clause((whole,))]

    keys = {_key(p) for c in clauses for p in c.options if not p.prefix}
    owners = _owners(session, keys)
    if not owners:
        return Query(tuple(clauses), query.text), {}
    spellings = _spellings(session, set(owners.values()))
    expanded: list[Clause] = []
    added: dict[str, list[str]] = {}
    for clause in clauses:
        options: list[Phrase] = []
        for phrase in clause.options:
            owner = None if phrase.prefix else owners.get(_key(phrase))
            if owner is None:
                options.append(phrase)
                continue
            # A name stands for all its spellings, each matched as a name: its own
            # inflections, not other words that share their stems.
            for alias in spellings[owner]:
                words = words_of(alias)
                # One Chinese character (毛) names too much outside a speaker label.
                if len("".join(words)) < 2 or any(o.words == words for o in options):
                    continue
                options.append(Phrase(words, alias=None if HAN.search(alias) else alias))
                if words != phrase.words:
                    added.setdefault(" ".join(phrase.words), []).append(alias)
        expanded.append(Clause(tuple(options), clause.negated))
    return Query(tuple(expanded), query.text), added


def _owners(session: Session, keys: set[str]) -> dict[str, tuple[str, int]]:
    """alias key -> ("topic" | "person", id) for the keys that are aliases."""
    keys.discard("")
    if not keys:
        return {}
    found: dict[str, tuple[str, int]] = {}
    for key, topic in session.execute(
        select(TopicAlias.key, TopicAlias.topic_id).where(TopicAlias.key.in_(keys))
    ):
        found[key] = ("topic", topic)
    for key, person in session.execute(
        select(ParticipantAlias.key, ParticipantAlias.participant_id).where(
            ParticipantAlias.key.in_(keys)
        )
    ):
        found.setdefault(key, ("person", person))
    return found


def _spellings(session: Session, owners: set[tuple[str, int]]) -> dict[tuple[str, int], list[str]]:
    out: dict[tuple[str, int], list[str]] = defaultdict(list)
    topics = [i for kind, i in owners if kind == "topic"]
    people = [i for kind, i in owners if kind == "person"]
    for topic, alias in session.execute(
        select(TopicAlias.topic_id, TopicAlias.alias)
        .where(TopicAlias.topic_id.in_(topics))
        .order_by(TopicAlias.id)
    ):
        out[("topic", topic)].append(alias)
    for person, alias in session.execute(
        select(ParticipantAlias.participant_id, ParticipantAlias.alias)
        .where(ParticipantAlias.participant_id.in_(people))
        .order_by(ParticipantAlias.id)
    ):
        out[("person", person)].append(alias)
    return out
