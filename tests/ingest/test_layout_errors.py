"""Layouts at their edges: missing metadata, bad front matter and sidecars, label rules
on small made-up records, and arbitrary input after every kind of header."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.ingest.model import ParsedDocument, ParseError, SpanKind
from app.ingest.parser import parse_document
from app.ingest.registry import Registry
from app.ingest.sidecar import Sidecar
from app.schemas import Kind
from tests.conftest import CHINESE_SAMPLE, FRUS_SAMPLE

FRUS_TEXT = FRUS_SAMPLE.read_text(encoding="utf-8")
CHINESE_TEXT = CHINESE_SAMPLE.read_text(encoding="utf-8")
FRUS_HEADER = FRUS_TEXT[: FRUS_TEXT.index("[The President and Dr.")]
CHINESE_HEADER = CHINESE_TEXT[: CHINESE_TEXT.index("（握手后")]
FRONT = "---\ntitle: A record\ndate: 1960-09-17\nlanguage: en\n---\n\n"
META = Sidecar("record.meta.yaml", b"title: A record\ndate: 1960-09-17\n")


def parse(text: str, registry: Registry, sidecar: Sidecar | None = None) -> ParsedDocument:
    return parse_document(text.encode("utf-8"), "record.txt", registry, sidecar)


def error_for(text: str, registry: Registry, sidecar: Sidecar | None = None) -> ParseError:
    with pytest.raises(ParseError) as info:
        parse(text, registry, sidecar)
    return info.value


# -- metadata that is missing or malformed ------------------------------------------


def notice(doc: ParsedDocument, words: str) -> int:
    """The line of the notice that says `words`."""
    return next(n.line for n in doc.notices if words in n.message)


def test_a_record_with_no_header_loads_undated_and_says_so(registry: Registry) -> None:
    doc = parse("Cde. Stalin: Hello.\n\nKim Il Sung: Hello.\n", registry)
    assert doc.metadata.layout == "plain" and doc.metadata.date is None
    assert [u.speaker.key for u in doc.turns() if u.speaker] == ["stalin", "kim-il-sung"]
    assert notice(doc, "states no date") == 1
    assert "date: YYYY-MM-DD" in next(n.message for n in doc.notices if "no date" in n.message)
    dated = parse("Cde. Stalin: Hello.\n\nKim Il Sung: Hello.\n", registry, META)
    assert dated.metadata.date == dt.date(1960, 9, 17)
    assert not any("no date" in n.message for n in dated.notices)


def test_a_header_without_a_date(registry: Registry) -> None:
    undated = FRUS_TEXT.replace("DATE & TIME: Monday, February 21, 1972, 2:50–3:55 p.m.", "")
    undated = undated.replace("Beijing, February 21, 1972, 2:50–3:55 p.m.", "Beijing")
    doc = parse(undated, registry)
    assert doc.metadata.date is None and doc.metadata.layout == "frus"
    assert doc.metadata.place == "Chairman Mao's Residence, Peking"  # the rest still counts
    assert notice(doc, "states no date") > 1
    dated = parse(undated, registry, Sidecar("record.meta.yaml", b"date: 1972-02-21\n"))
    assert dated.metadata.date == dt.date(1972, 2, 21)


def test_a_chinese_header_without_a_day(registry: Registry) -> None:
    text = CHINESE_TEXT.replace("时间：1970年10月8日下午4时至5时10分", "时间：下午")
    assert parse(text, registry).metadata.date is None
    fixed = parse(text, registry, Sidecar("x.meta.yaml", "date: 1970年10月8日\n".encode()))
    assert fixed.metadata.date == dt.date(1970, 10, 8)


def test_a_record_with_no_title_anywhere_is_called_by_its_file_name(registry: Registry) -> None:
    sidecar = Sidecar("record.meta.yaml", b"date: 1960-09-17\n")
    doc = parse_document(
        b"Cde. Stalin: Hello.\n\nKim Il Sung: Hello.\n", "talks_1960-09.txt", registry, sidecar
    )
    assert doc.metadata.title == "talks 1960 09"
    assert "states no title" in doc.notices[0].message


def test_front_matter_that_is_never_closed(registry: Registry) -> None:
    error = error_for("---\ntitle: A record\ndate: 1960-09-17\n\nStalin: Hello.\n", registry)
    assert error.line == 1 and "never closed" in error.message


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        ("title: A\ndate: 1960-09-17\nspeaker: Stalin\n", 4, "unknown field 'speaker'"),
        ("title: A\ndate: 17 Sept\n", 3, "is not a date"),
        ("title: A\ndate: 1960-09-17\nlanguage: Klingon\n", 4, "language 'Klingon' is not known"),
        ("title: [A, B]\ndate: 1960-09-17\n", 2, "title should be text"),
        ("title: A\ndate: 1960-09-17\n  bad: indent\n", 4, "not valid YAML"),
        ("- just\n- a list\n", 2, "expected YAML fields"),
    ],
)
def test_front_matter_errors_name_the_line(
    registry: Registry, front: str, line: int, words: str
) -> None:
    error = error_for(f"---\n{front}---\n\nStalin: Hello.\n", registry)
    assert error.source == "record.txt" and error.line == line
    assert words in error.message


def test_sidecar_errors_name_the_sidecar(registry: Registry) -> None:
    text = "Stalin: Hello.\n"
    error = error_for(text, registry, Sidecar("record.meta.yaml", b"title: A\nspeakers: 2\n"))
    assert (error.source, error.line) == ("record.meta.yaml", 2)
    assert "unknown field 'speakers'" in error.message and "title, date" in error.message
    error = error_for(text, registry, Sidecar("record.meta.yaml", "title: Сталин".encode("cp1251")))
    assert error.source == "record.meta.yaml" and "UTF-8" in error.message


def test_the_sidecar_is_part_of_the_content_hash(registry: Registry) -> None:
    text = "Stalin: Hello.\n\nKim Il Sung: Hello.\n"
    first = parse(text, registry, META)
    second = parse(text, registry, Sidecar(META.name, META.data + b"place: Moscow\n"))
    assert first.content_hash != second.content_hash
    assert second.metadata.place == "Moscow"


# -- label rules on small records ---------------------------------------------------


def test_an_unknown_name_that_recurs_as_a_period_label_is_a_speaker(registry: Registry) -> None:
    doc = parse(
        FRONT + "Gromyko. We have read the note.\n\nKissinger. Good.\n\n"
        "Gromyko. Then we can proceed.\n\nKissinger. Agreed.\n",
        registry,
    )
    assert [(u.speaker.key, u.speaker.resolved) for u in doc.turns() if u.speaker] == [
        ("gromyko", False),
        ("kissinger", True),
        ("gromyko", False),
        ("kissinger", True),
    ]


def test_a_recurring_one_word_reply_in_a_colon_record_stays_in_the_turn(
    registry: Registry,
) -> None:
    doc = parse(
        FRONT + "Stalin: We agree.\n\nAgreed. Let us go on.\n\n"
        "Mao Zedong: Good.\n\nAgreed. We accept it.\n",
        registry,
    )
    assert [u.speaker.key for u in doc.turns() if u.speaker] == ["stalin", "mao-zedong"]
    assert doc.turns()[0].texts[doc.original_language].text.endswith("Agreed. Let us go on.")


def test_capitals_make_reported_speech_only_for_a_speaker(registry: Registry) -> None:
    doc = parse(
        FRONT + "GROMYKO says that the note has been read.\n\n"
        "KISSINGER thanks him.\n\n"
        "USSR and USA agreed to continue.\n\n"
        "GROMYKO replies that he agrees.\n\n"
        "USSR and USA will meet again.\n",
        registry,
    )
    assert [(u.kind, u.speaker.key if u.speaker else None) for u in doc.units] == [
        (Kind.REPORTED, "gromyko"),  # unknown, but a reporting verb and twice
        (Kind.REPORTED, "kissinger"),
        (Kind.REPORTED, "gromyko"),
    ]
    assert doc.units[1].texts["en"].text.endswith("USSR and USA agreed to continue.")


def test_endnotes_after_a_heading(registry: Registry) -> None:
    doc = parse(
        FRONT + "Stalin: We discussed the railway.[1] And the port.[2]\n\n"
        "Kim Il Sung: Agreed.\n\nNotes\n\n[1] The Chinese Changchun Railway.\n\n"
        "[2] Port Arthur; compare [1].\n",
        registry,
    )
    assert [(n.mark, n.text) for n in doc.notes] == [
        ("1", "The Chinese Changchun Railway."),
        ("2", "Port Arthur; compare [1]."),
    ]
    text = doc.units[0].texts["en"]
    assert [(text.text[s.start : s.end], s.kind) for s in text.spans] == [
        ("[1]", SpanKind.NOTE),
        ("[2]", SpanKind.NOTE),
    ]
    assert doc.notices == []


def test_a_numbered_list_at_the_end_is_not_notes(registry: Registry) -> None:
    doc = parse(FRONT + "Stalin: Two points.\n\n1. The railway.\n\n2. The port.\n", registry)
    assert doc.notes == []
    assert doc.units[0].texts["en"].text.endswith("1. The railway.\n\n2. The port.")


def test_a_turn_goes_on_after_a_stage_direction(registry: Registry) -> None:
    doc = parse(
        FRONT + "President Nixon: We came a long way.\n\n[Laughter.]\n\n"
        "But it was worth it.\n\nChairman Mao: Yes.\n",
        registry,
    )
    assert [(u.kind.value, u.speaker.key if u.speaker else None) for u in doc.units] == [
        ("speech", "nixon"),
        ("narration", None),
        ("speech", "nixon"),
        ("speech", "mao-zedong"),
    ]
    assert doc.units[2].texts["en"].label is None  # the record does not repeat the label


def test_a_name_line_with_nothing_after_it(registry: Registry) -> None:
    doc = parse(
        FRONT + "KIM IL SUNG\nHello.\n\nSTALIN\n\nKIM IL SUNG\nHello.\n\nSTALIN\nGoodbye.\n",
        registry,
    )
    assert [(u.kind.value, u.texts["en"].text) for u in doc.units][1] == ("narration", "STALIN")
    assert any("has nothing after it" in n.message for n in doc.notices)


# -- arbitrary input never crashes the new steps ------------------------------------


HEADERS = {
    "frus": FRUS_HEADER,
    "chinese": CHINESE_HEADER,
    "front-matter": FRONT,
    "none": "",
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(HEADERS)), st.text(max_size=2000))
def test_arbitrary_text_after_any_header_never_crashes(
    registry: Registry, header: str, body: str
) -> None:
    with contextlib.suppress(ParseError):
        parse(HEADERS[header] + body, registry, META if header == "none" else None)


label_line = st.one_of(
    st.sampled_from(
        ["Stalin", "KIM IL SUNG", "N.S. Khrushchev", "毛主席", "Den Siao-pin", "Moscow"]
    ),
    st.text(alphabet="ABCDEFabcdef .:：\n[]()（）-", max_size=20),
).flatmap(
    lambda name: st.sampled_from(
        [f"{name}: ", f"{name}. ", f"{name}\n", f"{name.upper()} says ", f"[{name}]", f"（{name}）"]
    )
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(label_line, st.text(max_size=60)), max_size=15))
def test_label_like_paragraphs_never_crash(
    registry: Registry, paragraphs: list[tuple[str, str]]
) -> None:
    body = "\n\n".join(label + text for label, text in paragraphs)
    with contextlib.suppress(ParseError):
        parse(FRONT + body, registry)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=500), st.text(max_size=500).map(str.encode)))
def test_arbitrary_sidecars_never_crash(registry: Registry, data: bytes) -> None:
    with contextlib.suppress(ParseError):
        parse("Stalin: Hello.\n\nKim Il Sung: Hello.\n", registry, Sidecar("x.meta.yaml", data))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=500))
def test_arbitrary_front_matter_never_crashes(registry: Registry, front: str) -> None:
    with contextlib.suppress(ParseError):
        parse(f"---\n{front}\n---\n\nStalin: Hello.\n", registry)


def test_two_replies_in_a_row_are_not_a_name(registry: Registry) -> None:
    doc = parse(
        FRONT + "Stalin: We agree.\n\nThe question is clear. Right. We go on.\n\n"
        "Mao Zedong: Good.\n\nThe question is clear. Right. We accept.\n\n"
        "Stalin: Fine.\n\nRight. Right. We go on.\n\nMao Zedong: Yes.\n\nRight. Right. Done.\n",
        registry,
    )
    assert [u.speaker.key for u in doc.turns() if u.speaker] == ["stalin", "mao-zedong"] * 2


def test_parse_errors_survive_the_trip_between_processes() -> None:
    import pickle

    error = ParseError("record.txt", 7, "the languages diverge")
    again = pickle.loads(pickle.dumps(error))
    assert (again.source, again.line, again.message, str(again)) == (
        "record.txt",
        7,
        "the languages diverge",
        "record.txt:7: the languages diverge",
    )
