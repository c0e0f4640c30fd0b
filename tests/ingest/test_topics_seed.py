"""Topic tags on the seed against the annotated expectations in tests/data/seed_topics.yaml."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from app.ingest.model import ParsedDocument, TagReason, Unit
from app.ingest.parser import parse_document
from app.ingest.registry import Registry
from tests.conftest import DATA_DIR, SEED_FILE

# [speaker, opening words, reason] or, for an inherited tag, [..., "agenda", opener entry].
EXPECTED: dict[str, list[list[Any]]] = yaml.safe_load(
    (DATA_DIR / "seed_topics.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def doc(registry: Registry) -> ParsedDocument:
    return parse_document(SEED_FILE.read_bytes(), str(SEED_FILE), registry)


def find_turn(doc: ParsedDocument, speaker: str, opening: str) -> Unit:
    matches = [
        u
        for u in doc.turns()
        if u.speaker and u.speaker.key == speaker and u.texts["en"].text.startswith(opening)
    ]
    if len(matches) > 1:  # "That's right." is a whole turn, and the start of another
        matches = [u for u in matches if u.texts["en"].text == opening]
    assert len(matches) == 1, f"{speaker}: {opening!r} names {len(matches)} turns"
    return matches[0]


@pytest.mark.parametrize("topic", sorted(EXPECTED))
def test_topic_is_on_exactly_the_annotated_turns(doc: ParsedDocument, topic: str) -> None:
    expected = {
        find_turn(doc, speaker, opening).position: reason
        for speaker, opening, reason, *_ in EXPECTED[topic]
    }
    actual = {
        unit.position: tag.reason.value
        for unit in doc.turns()
        for tag in unit.topics
        if tag.topic == topic
    }
    assert actual == expected


@pytest.mark.parametrize("topic", sorted(EXPECTED))
def test_every_inherited_tag_names_the_turn_that_opened_its_item(
    doc: ParsedDocument, topic: str
) -> None:
    expected = {
        find_turn(doc, speaker, opening).position: find_turn(doc, *opener[:2]).position
        for speaker, opening, _, *[opener] in (e for e in EXPECTED[topic] if e[2] == "agenda")
    }
    actual = {
        unit.position: tag.opened_at
        for unit in doc.turns()
        for tag in unit.topics
        if tag.topic == topic and tag.reason is TagReason.AGENDA
    }
    assert actual == expected


def test_mao_on_the_kchzhd_is_exactly_four_turns(doc: ParsedDocument) -> None:
    openings = [
        u.texts["en"].text[:40]
        for u in doc.turns()
        if u.speaker
        and u.speaker.key == "mao-zedong"
        and any(t.topic == "kchzhd" for t in u.topics)
    ]
    assert openings == [
        "Perhaps we should accept as the guiding ",
        "We must act so as to take into account t",
        "The principal point is that the new trea",
        "The question needs to be further examine",
    ]


def test_tags_say_why(doc: ParsedDocument) -> None:
    named = find_turn(doc, "mao-zedong", "Perhaps we should accept")
    tag = next(t for t in named.topics if t.topic == "kchzhd")
    assert tag.reason is TagReason.NAMED
    assert set(tag.matched) == {"КЧЖД", "KChZhD"}

    inherited = find_turn(doc, "mao-zedong", "The principal point")
    tag = next(t for t in inherited.topics if t.topic == "kchzhd")
    assert tag.reason is TagReason.AGENDA
    opening = find_turn(doc, "stalin", "Let us continue the discussion of the KChZhD")
    assert tag.opened_at == opening.position
    assert "Продолжим обсуждение вопроса о КЧЖД" in tag.matched
    assert "Let us continue the discussion of the KChZhD" in tag.matched


def test_editorial_insertions_are_not_evidence(doc: ParsedDocument) -> None:
    # "[Dairen; Dalian]" is the translator's; the turn names Dalny itself.
    dalny = find_turn(doc, "stalin", "The question of Dalny")
    tag = next(t for t in dalny.topics if t.topic == "dalny")
    assert "Dairen" not in tag.matched and "Dalny" in tag.matched
