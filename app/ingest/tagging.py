"""Topic tags and mentions for aligned units.

Topics are mostly not named in the turns that discuss them: the chair opens an
agenda item ("Let us move over to the agreement on KChZhD") and the turns that
follow belong to it until another item opens or the chair asks for other
questions. Each tag records which of the two it rests on, so a client can tell
evidence (named) from inference (agenda).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.ingest.model import Speaker, TagReason, TextVersion, TopicTag, Unit, UnitKind
from app.ingest.registry import Registry

_SENTENCE = re.compile(r"(?<=[.!?…])\s+|(?<=[。！？])")


def spoken_text(text: TextVersion) -> str:
    """The text with editorial insertions and asides blanked out (offsets preserved)."""
    chars = list(text.text)
    for span in text.spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


@dataclass(slots=True)
class _AgendaEvents:
    opened: dict[str, str] = field(default_factory=dict)  # topic -> the words that opened it
    opened_first: bool = False  # whether the opening came in the first sentence
    closed: bool = False  # whether the text ends by asking for other questions


def _agenda_events(text: str, registry: Registry) -> _AgendaEvents:
    events = _AgendaEvents()
    openers, closers, topics = (
        registry.opener_matcher(),
        registry.closer_matcher(),
        registry.topic_matcher(),
    )
    for index, sentence in enumerate(_sentences(text)):
        for opener in openers.find(sentence):
            # The topic may share words with the opener: "договор о" in "договор о дружбе".
            following = [
                t for t in topics.find(sentence) if t.start >= opener.start and t.end > opener.end
            ]
            if following:
                first = following[0]
                if events.closed:
                    events.opened, events.closed = {}, False
                events.opened.setdefault(first.key, sentence[opener.start : first.end])
                events.opened_first = events.opened_first or index == 0
                break
        if closers.find(sentence):
            events.opened, events.closed = {}, True
    return events


def tag_units(units: list[Unit], registry: Registry, original: str) -> None:
    """Fill in `unit.topics` for every turn, in place."""
    matcher = registry.topic_matcher()
    agenda: dict[str, TopicTag] = {}
    for unit in units:
        if unit.kind is UnitKind.NARRATION:
            continue
        langs = sorted(unit.texts, key=lambda lang: lang != original)
        named: dict[str, list[str]] = {}
        opened: dict[str, list[str]] = {}
        opened_first = closed = False
        for lang in langs:
            spoken = spoken_text(unit.texts[lang])
            for match in matcher.find(spoken):
                words = named.setdefault(match.key, [])
                if match.text not in words:
                    words.append(match.text)
            events = _agenda_events(spoken, registry)
            for slug, words_ in events.opened.items():
                opened.setdefault(slug, []).append(words_)
            opened_first = opened_first or events.opened_first
            closed = closed or events.closed

        # A turn that opens a new item straight away has left the previous one; one
        # that first answers ("Very well, we shall prepare these. How shall we
        # proceed with the trade agreement?") still belongs to it.
        inherited = {} if opened_first else agenda
        tags = {
            slug: TopicTag(slug, TagReason.AGENDA, list(tag.matched), tag.opened_at)
            for slug, tag in inherited.items()
        }
        for slug, words in named.items():
            tags[slug] = TopicTag(slug, TagReason.NAMED, words)
        unit.topics = sorted(tags.values(), key=lambda t: t.topic)

        if opened:
            agenda = {
                slug: TopicTag(slug, TagReason.AGENDA, words, unit.position)
                for slug, words in opened.items()
            }
        elif closed:
            agenda = {}


def mentioned_people(units: list[Unit], registry: Registry) -> list[Speaker]:
    """People named inside turns (not in labels, editorial insertions or asides)."""
    matcher = registry.mention_matcher()
    seen: dict[str, Speaker] = {}
    for unit in units:
        if unit.kind is UnitKind.NARRATION:
            continue
        for text in unit.texts.values():
            for match in matcher.find(spoken_text(text)):
                seen.setdefault(match.key, Speaker(match.key, match.text))
    return list(seen.values())
