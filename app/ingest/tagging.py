"""Topic tags and mentions for aligned units.

Topics are mostly not named in the turns that discuss them: the chair opens an
agenda item ("Let us move over to the agreement on KChZhD") and the turns that
follow belong to it until another item opens or the chair asks for other
questions. Each tag records which of the two it rests on, so a client can tell
evidence (named) from inference (agenda).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from app.ingest.model import Speaker, TagReason, TextVersion, TopicTag, Unit
from app.ingest.registry import PhraseMatch, Registry
from app.schemas import Kind

_SENTENCE_END = re.compile(r"[.!?…](?=\s)|[。！？]")


def spoken_text(text: TextVersion) -> str:
    """The text with editorial insertions and asides blanked out (offsets preserved)."""
    if not text.spans:
        return text.text
    chars = list(text.text)
    for span in text.spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


@dataclass(slots=True)
class _Scan:
    """What one pass over one language's text found."""

    named: dict[str, list[str]] = field(default_factory=dict)  # topic -> words as written
    opened: dict[str, str] = field(default_factory=dict)  # topic -> the words that opened it
    opened_first: bool = False  # whether an item opened in the first sentence
    closed: bool = False  # whether the text ends by asking for other questions
    people: dict[str, str] = field(default_factory=dict)  # person -> name as written


def _scan(text: str, registry: Registry) -> _Scan:
    matches = registry.record_matcher().find(text)
    scan = _Scan()
    sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    by_sentence: dict[int, list[PhraseMatch]] = {}
    for match in matches:
        kind, _, key = match.key.partition(":")
        if kind == "topic":
            words = scan.named.setdefault(key, [])
            if match.text not in words:
                words.append(match.text)
        elif kind == "person":
            scan.people.setdefault(key, match.text)
        by_sentence.setdefault(bisect_right(sentence_starts, match.start) - 1, []).append(match)
    for index in sorted(by_sentence):
        sentence = by_sentence[index]
        for opener in (m for m in sentence if m.key == "open"):
            # The first topic from the opener on (it may share words with it:
            # "договор о" in "договор о дружбе") is the item that opens.
            topic = next(
                (
                    m
                    for m in sentence
                    if m.key.startswith("topic:") and m.start >= opener.start and m.end > opener.end
                ),
                None,
            )
            if topic is not None:
                if scan.closed:
                    scan.opened, scan.closed = {}, False
                scan.opened.setdefault(topic.key.partition(":")[2], text[opener.start : topic.end])
                scan.opened_first = scan.opened_first or index == 0
                break
        if any(m.key == "close" for m in sentence):
            scan.opened, scan.closed = {}, True
    return scan


def annotate(units: list[Unit], registry: Registry, original: str) -> list[Speaker]:
    """Fill in `unit.topics` for every turn, in place; return the people the turns name
    (not in labels, editorial insertions or asides)."""
    agenda: dict[str, TopicTag] = {}
    people: dict[str, Speaker] = {}
    for unit in units:
        if unit.kind is Kind.NARRATION:
            continue
        named: dict[str, list[str]] = {}
        opened: dict[str, list[str]] = {}
        opened_first = closed = False
        for lang in sorted(unit.texts, key=lambda lang: lang != original):
            scan = _scan(spoken_text(unit.texts[lang]), registry)
            for slug, words in scan.named.items():
                named.setdefault(slug, []).extend(w for w in words if w not in named[slug])
            for slug, words_ in scan.opened.items():
                opened.setdefault(slug, []).append(words_)
            for slug, written in scan.people.items():
                people.setdefault(slug, Speaker(slug, written))
            opened_first = opened_first or scan.opened_first
            closed = closed or scan.closed

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
            # Naming the current item with an opener's words ("the agreement on KChZhD"
            # in an answer) goes on with it: the turn that opened it stays its opener.
            agenda = {
                slug: agenda.get(slug) or TopicTag(slug, TagReason.AGENDA, words, unit.position)
                for slug, words in opened.items()
            }
        elif closed:
            agenda = {}
    return list(people.values())
