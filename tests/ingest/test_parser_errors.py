"""Bad input: every failure is a ParseError that names the file, the line and the problem."""

from __future__ import annotations

import contextlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.ingest.model import ParseError
from app.ingest.parser import parse_document
from app.ingest.registry import Registry
from tests.conftest import SEED_FILE

SEED = SEED_FILE.read_text(encoding="utf-8")
SEED_LINES = SEED.split("\n")
ENGLISH_START = SEED_LINES.index(
    "Record of Talks between I.V. Stalin and Chairman of the Central People's Government of the "
    "People's Republic of China Mao Zedong"
)


def parse(text: str | bytes, registry: Registry, name: str = "record.txt"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_document(data, name, registry)


def error_for(text: str | bytes, registry: Registry) -> ParseError:
    with pytest.raises(ParseError) as info:
        parse(text, registry)
    assert str(info.value).startswith("record.txt")
    return info.value


def test_empty_file(registry: Registry) -> None:
    error = error_for(b"", registry)
    assert "empty" in error.message
    assert "empty" in error_for(b"\n  \n", registry).message


def test_binary_file(registry: Registry) -> None:
    error = error_for(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), registry)
    assert "binary" in error.message and "UTF-8" in error.message


def test_wrong_encoding_names_the_line(registry: Registry) -> None:
    head = "\n".join(SEED_LINES[:44]).encode("utf-8")  # lines 1-44 are fine
    error = error_for(head + "\nСталин: Верно.\n".encode("cp1251"), registry)
    assert error.line == 45 and "not valid UTF-8" in error.message


def test_a_file_that_holds_no_conversation(registry: Registry) -> None:
    error = error_for(
        "Notes on the archive\n\nThe fond was opened in 1992.\n\nIt holds letters.\n", registry
    )
    assert error.line == 1 and "holds no conversation" in error.message


def test_file_without_its_translation(registry: Registry) -> None:
    error = error_for("\n".join(SEED_LINES[:ENGLISH_START]), registry)
    assert "English" in error.message and "no English text" in error.message


def test_truncated_file_names_where_the_languages_part(registry: Registry) -> None:
    cut = SEED_LINES.index(
        next(line for line in SEED_LINES if line.startswith("Stalin: The question of Dalny"))
    )
    error = error_for("\n".join(SEED_LINES[:cut]), registry)
    assert "English version ends before the Russian" in error.message
    assert "Сталин" in error.message and "truncated" in error.message
    assert error.line is not None and SEED_LINES[error.line - 1].startswith(
        "Сталин: Вопрос о Дальнем"
    )


def test_a_missing_turn_is_reported_at_the_first_divergence(registry: Registry) -> None:
    lines = [line for line in SEED_LINES if not line.startswith("Mao Zedong: Will Dalny remain")]
    error = error_for("\n".join(lines), registry)
    assert "diverge at turn 28" in error.message
    assert "Мао Цзэ-дун" in error.message and "Stalin" in error.message
    assert lines[error.line - 1].startswith("Stalin: Since we are giving up")


def test_a_changed_speaker_is_reported(registry: Registry) -> None:
    text = SEED.replace("Molotov: This would go against", "Stalin: This would go against")
    error = error_for(text, registry)
    assert re.search(
        r"diverge at turn \d+: Russian has Молотов \(line \d+\), English has Stalin", error.message
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(registry: Registry, data: bytes) -> None:
    with contextlib.suppress(ParseError):
        parse(data, registry)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_arbitrary_text_after_a_header_never_crashes(registry: Registry, body: str) -> None:
    header = "\n".join(SEED_LINES[: SEED_LINES.index("Translation - English") + 1])
    with contextlib.suppress(ParseError):
        parse(header + "\n\n" + body, registry)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=len(SEED_LINES) - 1),
            st.sampled_from(["drop", "duplicate", "insert"]),
            st.text(max_size=80),
        ),
        max_size=12,
    )
)
def test_mutated_seed_never_crashes(registry: Registry, edits: list[tuple[int, str, str]]) -> None:
    lines = list(SEED_LINES)
    for index, action, text in edits:
        index %= len(lines)
        if action == "drop":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        else:
            lines.insert(index, text)
        if not lines:
            break
    with contextlib.suppress(ParseError):
        parse("\n".join(lines), registry)
