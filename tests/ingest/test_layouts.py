"""Each layout archives publish records in, parsed from the samples in tests/data/layouts.

The samples are written for these tests in the styles of the archives they imitate
(FRUS, the Wilson Center, Chinese and Russian publications, plain translations);
their wording is our own and some of their details are invented, so they are test
data, not sources.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from app.ingest.model import ParsedDocument, Role, SpanKind, Unit
from app.ingest.parser import parse_document
from app.ingest.registry import Registry
from app.ingest.sidecar import read_sidecar
from app.schemas import Kind
from tests.conftest import (
    CHINESE_SAMPLE,
    FRUS_SAMPLE,
    LAYOUTS_DIR,
    NAME_LINES_SAMPLE,
    PERIOD_SAMPLE,
    PLAIN_SAMPLE,
    REPORTED_SAMPLE,
    line_of,
)


def parse(path: Path, registry: Registry) -> ParsedDocument:
    return parse_document(path.read_bytes(), str(path), registry, read_sidecar(path))


def speakers(doc: ParsedDocument) -> list[tuple[str, str]]:
    """(speaker, first words) of every unit; narration as "-"."""
    lang = doc.original_language
    return [
        (u.speaker.key if u.speaker else "-", u.texts[lang].text.split()[0] if lang != "zh" else "")
        for u in doc.units
    ]


def turn(doc: ParsedDocument, opening: str) -> Unit:
    lang = doc.original_language
    [unit] = [u for u in doc.units if u.texts[lang].text.startswith(opening)]
    return unit


# -- FRUS -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def frus(registry: Registry) -> ParsedDocument:
    return parse(FRUS_SAMPLE, registry)


def test_frus_header(frus: ParsedDocument) -> None:
    meta = frus.metadata
    assert meta.layout == "frus"
    assert meta.title == "Memorandum of Conversation"  # the FRUS number and note mark dropped
    assert meta.record_type == "memorandum of conversation"
    assert meta.date == dt.date(1972, 2, 21)
    assert meta.time_of_day == "2:50–3:55 p.m."
    assert meta.place == "Chairman Mao's Residence, Peking"
    assert meta.collection and meta.collection.startswith("Foreign Relations of the United States")
    assert meta.source_id == "frus1969-76v17/d194"
    assert frus.languages == ["en"]


def test_frus_source_footnote_is_the_archival_reference(frus: ParsedDocument) -> None:
    meta = frus.metadata
    assert meta.citation and meta.citation.startswith("National Archives, Nixon Presidential")
    assert "Top Secret" in meta.citation
    assert meta.reference.archive == (
        "National Archives, Nixon Presidential Materials, NSC Files, Box 91, Memoranda for the "
        "President, Beginning February 20, 1972"
    )


def test_frus_participants_block(frus: ParsedDocument) -> None:
    present = {a.person.key: a for a in frus.attendees}
    assert list(present) == [
        "mao-zedong",
        "zhou-enlai",
        "wang-hairong",
        "tang-wensheng",
        "nixon",
        "kissinger",
        "winston-lord",
    ]
    assert present["tang-wensheng"].description == "Interpreter"
    assert present["winston-lord"].description == "National Security Council Staff (Notetaker)"
    assert present["kissinger"].labels == {"en": "Henry A. Kissinger"}


def test_frus_titles_are_dropped_for_matching_and_kept_as_labels(frus: ParsedDocument) -> None:
    labels = Counter((u.speaker.key, u.texts["en"].label) for u in frus.turns() if u.speaker)
    assert labels == {
        ("mao-zedong", "Chairman Mao"): 5,
        ("nixon", "President Nixon"): 3,
        ("zhou-enlai", "PM Chou"): 2,  # through the Wade-Giles alias "Chou"
        ("kissinger", "Dr. Kissinger"): 1,
    }
    assert all(u.speaker.resolved for u in frus.turns() if u.speaker)
    assert frus.label_styles == {"colon": 11}


def test_frus_stage_directions_are_narration(frus: ParsedDocument) -> None:
    narration = [u for u in frus.units if u.kind is Kind.NARRATION]
    assert [u.texts["en"].text[:30] for u in narration] == [
        "The President and Dr. Kissinge",
        "Chairman Mao gestured toward D",
        "At 3:55 p.m. the Prime Ministe",
    ]
    assert all(u.speaker is None and u.texts["en"].label is None for u in narration)
    assert not any("gestured" in u.texts["en"].text for u in frus.turns())
    # "[laughing]" inside a turn stays an editorial insertion in that turn.
    laughing = turn(frus, "[laughing]")
    assert laughing.speaker and laughing.speaker.key == "mao-zedong"
    assert [s.kind for s in laughing.texts["en"].spans] == [SpanKind.EDITORIAL]


def test_frus_pages(frus: ParsedDocument) -> None:
    assert [(d.text, d.kind) for d in frus.debris] == [
        ("[Page 677]", "page"),
        ("[Page 678]", "page"),
    ]
    first = frus.units[0].texts["en"]
    assert first.page == "677"
    world = turn(frus, "I have not been able to change the world.").texts["en"]
    assert "[Page" not in world.text
    [page_break] = world.page_breaks
    assert page_break.page == "678"
    assert world.text[page_break.offset :].startswith("you and to him;")
    assert turn(frus, "Then let us at least agree").texts["en"].page == "678"


def test_frus_footnotes_are_kept_as_notes(frus: ParsedDocument) -> None:
    assert [(n.mark, n.text.split()[0], n.lang) for n in frus.notes] == [
        ("1", "Source:", "en"),
        ("2", "Chiang", "en"),
        ("3", "Kissinger", "en"),
    ]
    assert frus.notes[0].line == line_of(FRUS_SAMPLE, "1 Source: National Archives")
    old_friend = turn(frus, "Our common old friend").texts["en"]
    [marker] = old_friend.spans
    assert marker.kind is SpanKind.NOTE
    assert old_friend.text[marker.start - 5 : marker.end] == "here.2"
    assert not any("Footnotes" in u.texts["en"].text for u in frus.units)
    assert not any("Source:" in u.texts["en"].text for u in frus.units)
    assert frus.notices == []


# -- Chinese ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chinese(registry: Registry) -> ParsedDocument:
    return parse(CHINESE_SAMPLE, registry)


def test_chinese_header(chinese: ParsedDocument) -> None:
    meta = chinese.metadata
    assert meta.layout == "chinese-record"
    assert meta.title == "毛泽东主席会见朝鲜政府代表团谈话记录"
    assert meta.date == dt.date(1970, 10, 8)
    assert meta.time_of_day == "下午4时至5时10分"
    assert meta.place == "中南海毛主席住处"
    assert chinese.languages == ["zh"]
    # The sidecar adds what the record lacks.
    assert meta.collection == "Parley sample records"
    assert meta.reference.delo == "106-01863-04"


def test_chinese_labels_with_either_colon_and_title_suffixes(chinese: ParsedDocument) -> None:
    labels = Counter((u.speaker.key, u.texts["zh"].label) for u in chinese.turns() if u.speaker)
    assert labels == {
        ("mao-zedong", "毛主席"): 4,
        ("pak-song-chol", "朴成哲团长"): 3,
        ("zhou-enlai", "周总理"): 1,  # a half-width colon
    }
    assert turn(chinese, "主席，代表团").speaker.key == "zhou-enlai"  # type: ignore[union-attr]


def test_chinese_stage_directions_are_narration(chinese: ParsedDocument) -> None:
    narration = [u.texts["zh"].text for u in chinese.units if u.kind is Kind.NARRATION]
    assert narration == [
        "握手后，毛主席请客人入座。",
        "毛主席笑着对周总理说了几句话。",
        "谈话结束时，毛主席送客人到门口，同大家一一握手。",
    ]
    assert chinese.units[0].kind is Kind.NARRATION


def test_chinese_attendance_from_the_header(chinese: ParsedDocument) -> None:
    present = {a.person.key: a for a in chinese.attendees}
    assert set(present) == {"zhou-enlai", "li-xiannian", "pak-song-chol", "wang-hairong", "张庭延"}
    assert present["pak-song-chol"].description == "朝鲜政府代表团团长、副首相"
    assert present["pak-song-chol"].labels == {"zh": "朴成哲"}
    assert present["wang-hairong"].description == "记录"
    interpreter = present["张庭延"]
    assert not interpreter.person.resolved and interpreter.description == "翻译"
    assert [n.line for n in chinese.notices] == [line_of(CHINESE_SAMPLE, "翻译：")]


# -- Period labels, mixed with colon labels, metadata in front matter ----------------


@pytest.fixture(scope="module")
def period(registry: Registry) -> ParsedDocument:
    return parse(PERIOD_SAMPLE, registry)


def test_front_matter_gives_the_metadata(period: ParsedDocument) -> None:
    meta = period.metadata
    assert meta.layout == "front-matter"
    assert meta.title.startswith("Record of a Conversation between Comrade Stalin")
    assert meta.date == dt.date(1949, 3, 5)
    assert (meta.place, meta.time_of_day) == ("The Kremlin, Moscow", "8:00–10:00 p.m.")
    assert meta.summary and meta.summary.startswith("Stalin questions Kim Il Sung")
    assert not any("---" in u.texts["en"].text for u in period.units)


def test_period_and_colon_labels_in_one_file(period: ParsedDocument) -> None:
    assert period.label_styles == {"period": 10, "colon": 3}
    assert [s for s in speakers(period) if s[0] != "-"] == [
        ("stalin", "What"),
        ("kim-il-sung", "The"),
        ("stalin", "And"),
        ("pak-hon-yong", "In"),
        ("stalin", "How"),
        ("kim-il-sung", "About"),
        ("stalin", "Do"),
        ("kim-il-sung", "No."),
        ("stalin", "You"),  # "Cde. Stalin:"
        ("stalin", "Now,"),  # "Comrade Stalin:"
        ("kim-il-sung", "We"),  # "Kim Il Sung:"
        ("stalin", "The"),
        ("kim-il-sung", "We"),
    ]
    labels = {u.texts["en"].label for u in period.turns()}
    assert {"Stalin", "Cde. Stalin", "Comrade Stalin", "Kim Il Sung"} == labels - {"Pak Hon-yong"}


def test_a_name_and_full_stop_in_prose_is_not_a_label(period: ParsedDocument) -> None:
    # A line of a wrapped paragraph begins "Stalin. They want…": still Kim's turn.
    wish = turn(period, "The mood is good.")
    assert wish.speaker and wish.speaker.key == "kim-il-sung"
    assert "to carry it to Comrade Stalin. They want the Soviet Union" in wish.texts["en"].text
    # "Stalin." begins a sentence inside a turn.
    names = turn(period, "We thank the Soviet government")
    assert names.speaker and names.speaker.key == "kim-il-sung"
    assert "personally. Stalin. Moscow. Pyongyang." in names.texts["en"].text
    # "Kim Il Sung. No. We had…": "No." is the answer, not an initial of the name.
    boats = turn(period, "No. We had a few boats")
    assert boats.texts["en"].label == "Kim Il Sung"
    # "Enough. That is all…": a capitalised word before a full stop that names nobody.
    assert boats.texts["en"].text.endswith("Comrade Pak Hon-yong will describe.")
    assert [(n.line, n.message.split(" could")[0]) for n in period.notices] == [
        (line_of(PERIOD_SAMPLE, "Enough. That is all"), "'Enough'")
    ]


def test_attendance_from_our_side_and_theirs(period: ParsedDocument) -> None:
    assert [(a.person.key, a.labels["en"]) for a in period.attendees] == [
        ("molotov", "Molotov"),
        ("malenkov", "Malenkov"),
        ("vyshinsky", "Vyshinsky"),
        ("shtykov", "Shtykov"),
        ("kim-il-sung", "Kim Il Sung"),
        ("pak-hon-yong", "Pak Hon-yong"),
        ("hong-myong-hui", "Hong Myong-hui"),
    ]
    # The list before the first turn is the record's header, not a unit of the conversation.
    assert period.units[0].speaker and period.units[0].speaker.key == "stalin"
    assert period.units[-1].texts["en"].text == "The conversation lasted two hours."


# -- Capitalised reported speech, in a Wilson Center header, English only --------------


@pytest.fixture(scope="module")
def reported(registry: Registry) -> ParsedDocument:
    return parse(REPORTED_SAMPLE, registry)


def test_reported_speech_is_a_turn_but_not_verbatim(reported: ParsedDocument) -> None:
    assert reported.metadata.layout == "wilson-center"
    assert reported.languages == ["en"]  # the Russian original is not in the file
    assert reported.label_styles == {"colon": 5, "reported": 4}
    kinds = [(u.kind.value, u.speaker.key if u.speaker else None) for u in reported.units]
    assert kinds == [  # the "Present:" and "Interpreters:" lists are header, not units
        ("reported", "khrushchev"),
        ("reported", "mao-zedong"),
        ("reported", "khrushchev"),
        ("speech", "khrushchev"),
        ("speech", "mao-zedong"),
        ("speech", "khrushchev"),
        ("speech", "mao-zedong"),
        ("reported", "mao-zedong"),
        ("speech", "khrushchev"),
        ("narration", None),
    ]
    greetings = reported.units[0].texts["en"]
    assert greetings.label == "KHRUSHCHEV N.S."
    assert greetings.text.startswith("transmits greetings to Comrade Mao Zedong")
    assert reported.units[1].texts["en"].label == "MAO ZEDONG"
    assert reported.units[3].texts["en"].label == "N.S. Khrushchev"


def test_present_and_interpreters_lines(reported: ParsedDocument) -> None:
    present = [(a.person.key, a.labels["en"]) for a in reported.attendees]
    assert present == [
        ("ponomarev", "B.N. Ponomarev"),
        ("fedorenko", "N.T. Fedorenko"),
        ("deng-xiaoping", "Deng Xiaoping"),
        ("peng-zhen", "Peng Zhen"),
        ("li-yueran", "Li Yueran"),  # from "Interpreters:"; Fedorenko is listed once
    ]
    assert not any(
        u.speaker and u.speaker.key in {"present", "interpreters"} for u in reported.units
    )


# -- Names alone on their lines, Russian only, metadata in a sidecar ------------------


@pytest.fixture(scope="module")
def name_lines(registry: Registry) -> ParsedDocument:
    return parse(NAME_LINES_SAMPLE, registry)


def test_sidecar_gives_the_metadata(name_lines: ParsedDocument) -> None:
    meta = name_lines.metadata
    assert meta.layout == "plain"
    assert meta.title == "Стенограмма встречи делегаций КПСС и КПК"
    assert meta.date == dt.date(1963, 7, 8)
    assert meta.original_language == "ru" and name_lines.languages == ["ru"]
    ref = meta.reference
    assert (ref.fond, ref.opis, ref.delo, ref.folios) == ("2", "3", "629", "1-12")
    assert name_lines.titles == {"ru": "СТЕНОГРАММА встречи делегаций КПСС и КПК"}


def test_a_name_alone_on_its_line_opens_a_turn(name_lines: ParsedDocument) -> None:
    assert name_lines.label_styles == {"name-line": 6}
    turns = [(u.speaker.key, u.texts["ru"].label) for u in name_lines.turns() if u.speaker]
    assert turns == [
        ("suslov", "СУСЛОВ"),
        ("deng-xiaoping", "ДЭН СЯОПИН"),
        ("ponomarev", "ПОНОМАРЕВ Б.Н."),
        ("kan-shen", "КАН ШЭН"),  # unknown, but it opens two turns
        ("suslov", "СУСЛОВ"),
        ("kan-shen", "КАН ШЭН"),
    ]
    deng = name_lines.turns()[1].texts["ru"]
    assert deng.text.startswith("Благодарим.") and deng.text.count("\n\n") == 1
    assert deng.line_start == line_of(NAME_LINES_SAMPLE, "ДЭН СЯОПИН")


def test_a_place_alone_on_its_line_is_prose(name_lines: ParsedDocument) -> None:
    kang = name_lines.turns()[3]
    assert kang.speaker and not kang.speaker.resolved
    assert kang.texts["ru"].text.endswith(
        "Москва не раз заявляла о единстве, а на деле отзывала специалистов."
    )
    assert any(
        n.message.startswith("'Москва' could be a speaker label") for n in name_lines.notices
    )


def test_participants_line_in_russian(name_lines: ParsedDocument) -> None:
    present = [(a.person.key, a.labels["ru"]) for a in name_lines.attendees]
    assert present == [
        ("suslov", "М.А. Суслов"),
        ("ponomarev", "Б.Н. Пономарев"),
        ("andropov", "Ю.В. Андропов"),
        ("deng-xiaoping", "Дэн Сяопин"),
        ("peng-zhen", "Пэн Чжэнь"),
        ("kan-shen", "Кан Шэн"),
    ]


# -- Plain translation, unresolved speakers ------------------------------------------


@pytest.fixture(scope="module")
def plain(registry: Registry) -> ParsedDocument:
    return parse(PLAIN_SAMPLE, registry)


def test_unknown_speakers_are_kept_unresolved(plain: ParsedDocument) -> None:
    unresolved = [
        (u.speaker.key, u.speaker.label)
        for u in plain.turns()
        if u.speaker and not u.speaker.resolved
    ]
    assert unresolved == [("chervonenko", "Chervonenko"), ("den-siao-pin", "Den Siao-pin")]
    roles = plain.participants()
    assert roles["den-siao-pin"] == {Role.SPEAKER}
    lines = {n.line for n in plain.notices if "unresolved participant" in n.message}
    assert lines == {line_of(PLAIN_SAMPLE, "Chervonenko:"), line_of(PLAIN_SAMPLE, "Den Siao-pin:")}


def test_a_colon_in_prose_is_not_a_label(plain: ParsedDocument) -> None:
    specialists = turn(plain, "The withdrawal of the specialists.")
    assert specialists.speaker and specialists.speaker.key == "deng-xiaoping"
    assert specialists.texts["en"].text.endswith(
        "\n\nIn Albania: the same methods are used, and the Albanian comrades tell us so openly."
    )
    assert len(plain.turns()) == 8


def test_present_and_interpreters_in_one_paragraph(plain: ParsedDocument) -> None:
    assert [a.person.key for a in plain.attendees] == [
        "ponomarev",
        "andropov",
        "deng-xiaoping",
        "peng-zhen",
        "li-yueran",
    ]
    assert any(
        n.message.startswith("'a Soviet interpreter' in the attendance list") for n in plain.notices
    )


def test_every_sample_has_a_layout_and_a_date(registry: Registry) -> None:
    layouts = {}
    for path in sorted(LAYOUTS_DIR.glob("*.txt")):
        doc = parse(path, registry)
        assert doc.metadata.date is not None and doc.metadata.title
        layouts[path.name] = doc.metadata.layout
    assert sorted(set(layouts.values())) == [
        "chinese-record",
        "front-matter",
        "frus",
        "plain",
        "wilson-center",
    ]
