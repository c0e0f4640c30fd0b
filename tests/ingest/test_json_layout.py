"""Parley document JSON as an input layout, without a database: a hand-written record,
tags kept as recorded, and errors that name the file, the line and the field."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from app.exports.document_json import ParleyDocument, record_sha256
from app.ingest.json_layout import is_parley_json, read_parley_json
from app.ingest.model import ParsedDocument, ParseError, Role, TagReason
from app.ingest.registry import Registry
from tests.conftest import LAYOUTS_DIR, SEED_FILE

HAND_WRITTEN = LAYOUTS_DIR / "json-1950-02-14_vyshinsky-zhou.json"


def minimal() -> dict[str, Any]:
    return dict(json.loads(HAND_WRITTEN.read_text(encoding="utf-8")))


def read(path: Path, registry: Registry) -> list[ParsedDocument | ParseError]:
    return list(read_parley_json(path, registry))


def read_one(record: dict[str, Any], tmp_path: Path, registry: Registry) -> ParsedDocument:
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    [parsed] = read(path, registry)
    assert isinstance(parsed, ParsedDocument), parsed
    return parsed


def error_for(record: Any, tmp_path: Path, registry: Registry) -> str:
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    [error] = read(path, registry)
    assert isinstance(error, ParseError), error
    return str(error)


def test_a_hand_written_record_loads_and_is_tagged(registry: Registry) -> None:
    [doc] = read(HAND_WRITTEN, registry)
    assert isinstance(doc, ParsedDocument)
    assert (doc.slug, doc.metadata.layout, str(doc.metadata.date)) == (
        "json-1950-02-14-vyshinsky-zhou",
        "parley-json",
        "1950-02-14",
    )
    assert [(u.kind.value, u.speaker.key if u.speaker else None) for u in doc.units] == [
        ("narration", None),
        ("speech", "vyshinsky"),
        ("speech", "zhou-enlai"),
        ("speech", "vyshinsky"),
        ("speech", "zhou-enlai"),
    ]
    # No utterance gives topics, so Parley tags the record as it tags a text file.
    tags = {u.position: [(t.topic, t.reason, t.opened_at) for t in u.topics] for u in doc.units}
    assert tags[2] == [("kchzhd", TagReason.NAMED, None)]
    assert tags[3] == [("kchzhd", TagReason.AGENDA, 2)]
    assert tags[5] == [("port-arthur", TagReason.NAMED, None)]
    assert [m.key for m in doc.mentioned] == ["stalin"]
    assert doc.participants()["roshchin"] == {Role.PRESENT}
    record = ParleyDocument.model_validate_json(HAND_WRITTEN.read_bytes())
    assert doc.content_hash == record_sha256(record)  # it has no source to vouch for it
    assert doc.source_file == HAND_WRITTEN.name


def test_tags_are_kept_as_recorded_not_recomputed(tmp_path: Path, registry: Registry) -> None:
    record = minimal()
    for utterance in record["utterances"]:
        utterance["topics"] = []
    record["utterances"][2]["topics"] = [
        {"topic": "trade", "reason": "agenda", "matched": ["as an editor decided"], "opened_at": 2}
    ]
    doc = read_one(record, tmp_path, registry)
    assert [(u.position, t.topic, t.matched) for u in doc.units for t in u.topics] == [
        (3, "trade", ["as an editor decided"])
    ]
    assert doc.mentioned == []  # mentions, like tags, are as recorded


def test_unknown_participants_load_unresolved(tmp_path: Path, registry: Registry) -> None:
    record = minimal()
    record["participants"].append(
        {"id": "kan-shen", "name": "КАН ШЭН", "unresolved": True, "aliases": []}
    )
    record["utterances"][4]["speaker"] = "kan-shen"
    record["utterances"][4]["texts"]["en"]["label"] = "Kang Sheng"
    doc = read_one(record, tmp_path, registry)
    speaker = doc.units[4].speaker
    assert speaker is not None and (speaker.key, speaker.resolved) == ("kan-shen", False)
    # Without recorded spellings the loader learns the name and the label, as from text.
    assert doc.people["kan-shen"].aliases == [(None, "КАН ШЭН"), ("en", "Kang Sheng")]


def _set(record: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(record)
    target = changed
    for part in path[:-1]:
        target = target[part]
    if value is _DROP:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return changed


_DROP = object()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ("speakers",),
            [],
            "speakers: unknown field; expected one of: format, version, id, title, date",
        ),
        (
            ("utterances", 1, "texts", "en", "lable"),
            "Vyshinsky",
            "utterances[1].texts.en.lable: unknown field; expected one of: original, label, text",
        ),
        (("version",), 3, "version: 3 is not a version this Parley reads; it reads versions 1"),
        (("format",), "tei", "not a Parley document: expected a JSON object with"),
        (("title",), _DROP, "title: required, and missing"),
        (("date",), "1950-02-30", "date: input should be a valid date"),
        (
            ("utterances", 1, "kind"),
            "talk",
            "utterances[1].kind: input should be 'speech', 'reported' or 'narration', not 'talk'",
        ),
        (("utterances", 2, "position"), 7, "utterances[2].position: should be 3"),
        (("utterances", 0, "speaker"), "vyshinsky", "utterances[0].speaker: narration has none"),
        (
            ("utterances", 1, "speaker"),
            "nobody",
            "utterances[1].speaker: 'nobody' is neither in participants nor a person the "
            "reference data knows",
        ),
        (
            ("utterances", 1, "texts", "ru"),
            {"text": "…"},
            "utterances[1].texts.ru: 'ru' is not one of languages ['en']",
        ),
        (
            ("utterances", 1, "texts", "en", "spans"),
            [{"start": 5, "end": 500, "kind": "editorial"}],
            "utterances[1].texts.en.spans[0]: 5-500 is not inside the text",
        ),
        (
            ("utterances", 1, "topics"),
            [{"topic": "atlantis", "reason": "named"}],
            "utterances[0].topics: missing; give topics in every utterance",
        ),
        (("id",), "a b/c", "id: string should match pattern"),
        (("title",), "Memo\x00randum", "title: control characters in the text"),
        (
            ("utterances", 1, "texts", "en", "text"),
            "Let us turn\x1b[2J to the railway.",
            "utterances[1].texts.en.text: control characters in the text",
        ),
    ],
)
def test_a_bad_record_says_which_field_and_what_would_be_right(
    tmp_path: Path,
    registry: Registry,
    path: tuple[Any, ...],
    value: Any,
    message: str,
) -> None:
    error = error_for(_set(minimal(), path, value), tmp_path, registry)
    assert error.startswith(f"{tmp_path / 'record.json'}:1: ")
    assert message in error, error


def test_a_tag_names_a_topic_the_reference_data_knows(tmp_path: Path, registry: Registry) -> None:
    record = minimal()
    for utterance in record["utterances"]:
        utterance["topics"] = []
    record["utterances"][1]["topics"] = [{"topic": "atlantis", "reason": "named"}]
    error = error_for(record, tmp_path, registry)
    assert "utterances[1].topics[0].topic: 'atlantis' is not a topic of the reference data" in (
        error
    )


def test_json_that_is_not_a_parley_document(tmp_path: Path, registry: Registry) -> None:
    assert "not a Parley document" in error_for({"name": "package"}, tmp_path, registry)
    assert "not a Parley document" in error_for([1, 2], tmp_path, registry)


def test_a_syntax_error_is_reported_at_its_line(tmp_path: Path, registry: Registry) -> None:
    pretty = json.dumps(minimal(), indent=2).replace('"kind": "speech"', '"kind": speech', 1)
    path = tmp_path / "record.json"
    path.write_text(pretty, encoding="utf-8")
    line = next(n for n, text in enumerate(pretty.split("\n"), 1) if '"kind": speech' in text)
    [error] = read(path, registry)
    assert isinstance(error, ParseError) and (error.source, error.line) == (str(path), line)
    assert error.message.startswith("not valid JSON: Expecting value")


def test_json_lines_report_the_bad_record_and_read_the_rest(
    tmp_path: Path, registry: Registry
) -> None:
    good = json.dumps(minimal(), ensure_ascii=False)
    other = json.dumps({**minimal(), "id": "another"}, ensure_ascii=False)
    path = tmp_path / "dump.jsonl"
    path.write_text(
        "\n".join([good, good[:200], json.dumps({**minimal(), "extra": 1}), "", other]) + "\n",
        encoding="utf-8",
    )
    results = read(path, registry)
    assert [type(r).__name__ for r in results] == [
        "ParsedDocument",
        "ParseError",
        "ParseError",
        "ParsedDocument",
    ]
    assert str(results[1]).startswith(f"{path}:2: not valid JSON")
    assert str(results[2]).startswith(f"{path}:3: extra: unknown field")
    assert [r.source_name for r in results if isinstance(r, ParsedDocument)] == [
        f"{path}:1",
        f"{path}:5",
    ]


def test_the_layout_is_told_by_suffix_or_content(tmp_path: Path, registry: Registry) -> None:
    lines = [json.dumps({**minimal(), "id": f"doc-{n}"}) for n in range(3)]
    unnamed = tmp_path / "parley-export"  # `parley export --format jsonl parley-export`
    unnamed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    as_json = tmp_path / "several.json"  # JSON Lines under the .json suffix
    as_json.write_text("\n".join(lines), encoding="utf-8")
    for path in (unnamed, as_json):
        assert is_parley_json(path)
        docs = read(path, registry)
        assert [d.slug for d in docs if isinstance(d, ParsedDocument)] == [
            "doc-0",
            "doc-1",
            "doc-2",
        ]
    assert not is_parley_json(SEED_FILE)


def test_an_empty_file(tmp_path: Path, registry: Registry) -> None:
    for name in ("empty.json", "empty.jsonl"):
        path = tmp_path / name
        path.write_text("\n", encoding="utf-8")
        [error] = read(path, registry)
        assert str(error) == f"{path}: the file is empty; expected Parley document JSON"


def test_version_1_records_still_load(tmp_path: Path, registry: Registry) -> None:
    # Version 1 had no place, time_of_day, notes or record_sha256.
    doc = read_one({**minimal(), "version": 1}, tmp_path, registry)
    assert doc.slug == "json-1950-02-14-vyshinsky-zhou" and doc.metadata.place is None


def test_a_speaker_role_needs_a_turn(tmp_path: Path, registry: Registry) -> None:
    record = minimal()
    record["participants"].append(
        {"id": "molotov", "name": "Molotov", "roles": [{"role": "speaker"}]}
    )
    assert "participants[1].roles: 'molotov' speaks in no utterance" in error_for(
        record, tmp_path, registry
    )
    record["participants"][1]["roles"] = []
    doc = read_one(record, tmp_path, registry)
    assert "molotov" not in doc.participants()
    assert [n.message for n in doc.notices] == [
        "participant 'molotov' has no role and no turn; not stored"
    ]


def test_a_nested_value_of_the_wrong_shape(tmp_path: Path, registry: Registry) -> None:
    error = error_for({**minimal(), "reference": "APRF"}, tmp_path, registry)
    assert error.endswith("record.json:1: reference: input should be an object, not 'APRF'")
