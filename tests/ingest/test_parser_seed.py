"""What the parser makes of the seed: Wilson Center document 111245."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from app.ingest.model import ParsedDocument, Role, SpanKind
from app.ingest.parser import parse_document
from app.ingest.registry import Registry
from app.schemas import Kind
from tests.conftest import SEED_FILE


@pytest.fixture(scope="module")
def doc(registry: Registry) -> ParsedDocument:
    return parse_document(SEED_FILE.read_bytes(), str(SEED_FILE), registry)


def test_metadata(doc: ParsedDocument) -> None:
    meta = doc.metadata
    assert doc.slug == "wilson-111245"
    assert meta.date == dt.date(1950, 1, 22)
    assert meta.title.startswith("Record of Talks between I.V. Stalin and Chairman")
    assert meta.title.endswith("Mao Zedong")
    assert meta.reference.archive == "Archive of the President, Russian Federation (APRF)"
    assert (meta.reference.fond, meta.reference.opis, meta.reference.delo) == ("45", "1", "329")
    assert meta.reference.folios == "29-38"
    assert meta.translator == "Danny Rozas"
    assert meta.collection == "Wilson Center Digital Archive"
    assert meta.source_url and meta.source_url.endswith("/document/111245")
    assert meta.summary and meta.summary.startswith("Conversation between Stalin and Mao")
    assert meta.record_type == "record of conversation"
    assert doc.languages == ["ru", "en"]
    assert doc.titles["ru"].startswith("ЗАПИСЬ БЕСЕДЫ И. В. СТАЛИНА")
    assert "НАРОДНОЙ РЕСПУБЛИКИ" in doc.titles["ru"]  # НАРОД- / НОЙ rejoined


def test_sixty_six_turns_in_each_language_in_the_same_order(doc: ParsedDocument) -> None:
    turns = doc.turns()
    assert len(turns) == 66
    assert Counter(u.speaker.key for u in turns if u.speaker) == {
        "stalin": 32,
        "mao-zedong": 29,
        "zhou-enlai": 3,
        "molotov": 2,
    }
    for unit in turns:
        assert set(unit.texts) == {"ru", "en"}
        assert unit.texts["ru"].text and unit.texts["en"].text
    assert turns[0].texts["ru"].label == "Сталин"
    assert turns[0].texts["en"].label == "Stalin"
    # Both spellings of Mao in the Russian resolve to one person.
    labels = {u.texts["ru"].label for u in turns if u.speaker and u.speaker.key == "mao-zedong"}
    assert labels == {"Мао Цзэ-дун", "Мао Цзе-дун"}


def test_continuation_paragraphs_stay_in_the_turn(doc: ParsedDocument) -> None:
    first = doc.turns()[0]
    assert first.texts["en"].text.count("\n\n") == 2  # Stalin speaks three paragraphs
    assert first.texts["en"].text.endswith("treaty of friendship and alliance.")
    mao = next(u for u in doc.turns() if "How shall we proceed" in u.texts["en"].text)
    assert mao.speaker and mao.speaker.key == "mao-zedong"
    assert mao.texts["en"].text.startswith("Very well, we shall prepare these.")


def test_narration_is_not_speech(doc: ParsedDocument) -> None:
    narration = [u for u in doc.units if u.kind is Kind.NARRATION]
    assert [u.texts["en"].text[:30] for u in narration] == [
        "After an exchange of greetings",
        "The meeting took two hours.",
        "Present at the meeting were co",
    ]
    assert all(u.speaker is None for u in narration)
    assert narration[1].texts["ru"].text == "Беседа продолжалась два часа."
    assert not any("took two hours" in u.texts["en"].text for u in doc.turns())


def test_page_debris_is_recorded_and_removed(doc: ParsedDocument) -> None:
    assert [(d.text, d.kind) for d in doc.debris] == [
        ("№ 1, II", "stamp"),
        ("- 106", "stamp"),
        ("29", "folio"),
        ("2.", "page"),
        ("5.", "page"),
        ("8.", "page"),
    ]
    assert all(d.lang == "ru" for d in doc.debris)
    for unit in doc.units:
        for text in unit.texts.values():
            for paragraph in text.text.split("\n\n"):
                assert paragraph.strip() not in {"2.", "5.", "8.", "29", "- 106"}


def test_paragraphs_broken_by_a_page_are_rejoined(doc: ParsedDocument) -> None:
    ru = [u.texts["ru"] for u in doc.turns()]
    joined = next(t for t in ru if "при помощи договоров и соглашений." in t.text)
    assert joined.page == "1"
    [page_break] = joined.page_breaks
    assert page_break.page == "2"
    assert joined.text[page_break.offset :].startswith("и соглашений.")
    assert any("предупреждение дальнейшей агрессии" in t.text for t in ru)  # no page number
    assert any("Мы согласны с мнением товарища Сталина" in t.text for t in ru)
    en = [u.texts["en"].text for u in doc.turns()]
    assert any("two percent interest. We could" in t for t in en)
    assert any("creation of management functions." in t for t in en)
    # A bracket left open by the page break continues on the next page.
    assert any(
        "[CCP CC member and Vice Chairman of Finance and Economics Commission] Li Fuchun." in t
        for t in en
    )


def test_pages_follow_the_typed_page_numbers(doc: ParsedDocument) -> None:
    after_eight = next(u for u in doc.turns() if u.texts["ru"].text.startswith("Если военные"))
    assert after_eight.texts["ru"].page == "8"
    assert after_eight.texts["en"].page is None  # the translation has no page numbers


def test_editorial_insertions_and_asides_are_marked(doc: ParsedDocument) -> None:
    dalny = next(u for u in doc.turns() if u.texts["en"].text.startswith("The question of Dalny"))
    en = dalny.texts["en"]
    [span] = en.spans
    assert span.kind is SpanKind.EDITORIAL
    assert en.text[span.start : span.end] == "[Dairen; Dalian]"
    joke = next(u for u in doc.turns() if "jokingly" in u.texts["en"].text)
    asides = {
        lang: [t.text[s.start : s.end] for s in t.spans if s.kind is SpanKind.ASIDE]
        for lang, t in joke.texts.items()
    }
    assert asides == {"en": ["says comr. Stalin jokingly"], "ru": ["говорит шутя тов. Сталин"]}


def test_attendance_list_and_participants(doc: ParsedDocument) -> None:
    assert len(doc.attendees) == 12
    by_key = {a.person.key: a for a in doc.attendees}
    assert by_key["wang-jiaxiang"].description == "PRC Ambassador to the USSR"
    assert by_key["chen-boda"].description == "CCP CC member"
    assert by_key["roshchin"].labels == {"ru": "Родин", "en": "Roshchin"}
    assert by_key["li-fuchun"].labels["ru"] == "Ли Ту-чунь"
    assert by_key["shi-zhe"].labels["en"] == "Shi Zhe /Karskii/"
    speakers = {u.speaker.key for u in doc.turns() if u.speaker}
    assert len(speakers & set(by_key)) == 3  # Mao, Zhou and Molotov speak; Stalin is not listed
    roles = doc.participants()
    in_the_room = {k for k, r in roles.items() if r & {Role.SPEAKER, Role.PRESENT}}
    assert len(in_the_room) == 13
    assert "stalin" in in_the_room and Role.PRESENT not in roles["stalin"]
    mentioned = {k for k, r in roles.items() if Role.MENTIONED in r}
    assert {"roosevelt", "chiang-kai-shek", "liu-bocheng", "vyshinsky", "mikoyan"} <= mentioned
