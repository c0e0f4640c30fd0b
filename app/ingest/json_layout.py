"""Parley's own JSON as a layout the loader reads: a record Parley exported, or one
converted to its format from any other source, becomes the ParsedDocument it was.

A `.json` file holds one document (what `GET /v1/documents/{id}?format=parley`
returns), a `.jsonl` file one per line (what `parley export --format jsonl`
writes); a file of any other name that starts with `{` is JSON too (no transcript
layout does), so an export loads whatever it was called. Each record is validated
by the format's own models (app/exports/document_json.py), unknown fields
refused, then checked for what the models cannot say: positions in order,
speakers who are participants, topics the reference data knows, spans inside
their text.

Nothing is recomputed: tags, mentions, labels and roles are used as recorded, so
a record loads back into the rows it was exported from. Only a record whose
utterances all leave out `topics` is tagged, as a text file would be.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import UnionType
from typing import Any, NoReturn, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from app.exports.document_json import (
    VERSION,
    ParleyDocument,
    ParleyParticipant,
    ParleyText,
    record_sha256,
)
from app.ingest.model import (
    ArchivalReference,
    Attendee,
    Debris,
    Metadata,
    Note,
    Notice,
    PageBreak,
    ParsedDocument,
    ParseError,
    PersonRecord,
    Role,
    Span,
    SpanKind,
    Speaker,
    TagReason,
    TextVersion,
    TopicTag,
    Unit,
)
from app.ingest.registry import Registry
from app.ingest.source import CONTROL_CHARACTERS
from app.ingest.tagging import annotate
from app.schemas import Kind

JSON_LINES_SUFFIX = ".jsonl"
SUFFIXES = {".json", JSON_LINES_SUFFIX}
_NOT_A_RECORD = (
    'not a Parley document: expected a JSON object with "format": "parley-document" '
    "(what GET /v1/documents/{id}?format=parley returns)"
)
_SHORT_FIELDS = {"fond": 64, "opis": 64, "delo": 64, "folios": 64}  # the columns' lengths


def is_parley_json(path: Path) -> bool:
    """Named .json or .jsonl, or text that starts with `{`."""
    if path.suffix in SUFFIXES:
        return True
    with path.open("rb") as stream:
        head = stream.read(64)
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{")


def read_parley_json(path: Path, registry: Registry) -> Iterator[ParsedDocument | ParseError]:
    """Each record in the file, or the ParseError that says where and why it is not one;
    a bad record does not stop the ones after it."""
    source = str(path)
    if path.suffix == JSON_LINES_SUFFIX:
        with path.open("rb") as stream:  # line by line: an export may be large
            yield from _lines(enumerate(stream, start=1), source, registry)
        return
    data = path.read_bytes()
    try:
        yield _record(data, source, 1, registry, whole_file=True)
    except _SeveralValues:  # JSON Lines under another name
        yield from _lines(enumerate(data.splitlines(), start=1), source, registry)
    except ParseError as exc:
        yield exc


class _SeveralValues(Exception):
    pass


def _lines(
    lines: Iterable[tuple[int, bytes]], source: str, registry: Registry
) -> Iterator[ParsedDocument | ParseError]:
    found = False
    for number, line in lines:
        if not line.strip():
            continue
        found = True
        try:
            yield _record(line, source, number, registry, whole_file=False)
        except ParseError as exc:
            yield exc
    if not found:
        yield ParseError(source, None, "the file is empty; expected Parley document JSON")


def _record(
    data: bytes, source: str, line: int, registry: Registry, whole_file: bool
) -> ParsedDocument:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(
            source,
            line + data[: exc.start].count(b"\n"),
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8; JSON must be UTF-8",
        ) from None
    if not text.strip():
        raise ParseError(source, None, "the file is empty; expected Parley document JSON")
    try:
        record = ParleyDocument.model_validate_json(text, extra="forbid")
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        if any(e["type"] == "json_invalid" for e in errors):
            _raise_syntax(text, source, line, whole_file)
        raise ParseError(source, line, _explain(errors)) from None
    name = source if whole_file else f"{source}:{line}"
    return _parsed(record, source, name, line, registry)


def _raise_syntax(text: str, source: str, line: int, whole_file: bool) -> NoReturn:
    """The standard library's account of bad JSON, which has the line and column."""
    try:
        json.loads(text)
    except json.JSONDecodeError as bad:
        if whole_file and bad.msg == "Extra data":
            raise _SeveralValues from None
        raise ParseError(
            source, line + bad.lineno - 1, f"not valid JSON: {bad.msg} (column {bad.colno})"
        ) from None
    raise ParseError(source, line, "not valid JSON")  # what pydantic refuses and json takes


# -- validation errors, said so that the fix is clear ---------------------------


def _where(loc: tuple[int | str, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")


def _model(annotation: Any) -> type[BaseModel] | None:
    optional = get_origin(annotation) in {Union, UnionType}  # X | None
    for candidate in get_args(annotation) if optional else (annotation,):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _fields_at(loc: tuple[int | str, ...]) -> list[str]:
    """The fields of the object at `loc` in a Parley document."""
    annotation: Any = ParleyDocument
    for part in loc:
        model = _model(annotation)
        if model is not None and isinstance(part, str):
            field = model.model_fields.get(part)
            annotation = field.annotation if field else None
        else:  # an item of a list, or a value of a dict
            annotation = (get_args(annotation) or (None,))[-1]
    model = _model(annotation)
    return list(model.model_fields) if model else []


def _explain(errors: list[ErrorDetails]) -> str:
    errors = [e for e in errors if e["type"] != "default_factory_not_called"]
    for error in errors:
        if error["loc"] in {(), ("format",)}:  # not an object, or not this format
            return _NOT_A_RECORD
        if error["loc"] == ("version",) and error["type"] != "missing":
            return (
                f"version: {error['input']!r} is not a version this Parley reads; "
                f"it reads versions 1 to {VERSION}"
            )
    problems = []
    for error in errors[:3]:
        if error["type"] == "extra_forbidden":
            allowed = ", ".join(_fields_at(error["loc"][:-1]))
            what = f"unknown field; expected one of: {allowed}"
        elif error["type"] == "missing":
            what = "required, and missing"
        else:
            message = error["msg"][:1].lower() + error["msg"][1:]
            shown = repr(error["input"])
            what = f"{message}, not {shown if len(shown) <= 60 else shown[:57] + '…'}"
        problems.append(f"{_where(error['loc'])}: {what}")
    if len(errors) > 3:
        problems.append(f"and {len(errors) - 3} more")
    return "; ".join(problems)


# -- the record as a ParsedDocument ---------------------------------------------


def _control_characters(value: object, where: str) -> Iterator[str]:
    """Paths of the strings holding control characters, which JSON can carry escaped but a
    text file is refused for: one rule whichever layout a record arrives in."""
    if isinstance(value, str):
        if CONTROL_CHARACTERS.search(value):
            yield where
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _control_characters(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _control_characters(item, f"{where}[{index}]")


class _Checker:
    """Raises the ParseError for a field of the record in hand."""

    def __init__(self, source: str, line: int) -> None:
        self.source, self.line = source, line

    def fail(self, where: str, message: str) -> NoReturn:
        raise ParseError(self.source, self.line, f"{where}: {message}")


def _parsed(
    record: ParleyDocument, source: str, name: str, line: int, registry: Registry
) -> ParsedDocument:
    check = _Checker(source, line)
    original, languages = record.original_language, record.languages
    if languages[0] != original:
        check.fail("languages", f"should list the original language {original!r} first")
    if len(set(languages)) != len(languages):
        check.fail("languages", "a language is listed twice")
    for part, limit in _SHORT_FIELDS.items():
        if len(getattr(record.reference, part) or "") > limit:
            check.fail(f"reference.{part}", f"at most {limit} characters")
    for where in _control_characters(record.model_dump(), ""):
        check.fail(where, "control characters in the text; expected plain text")

    notices: list[Notice] = []
    keys, people = _participants(record, registry, check, notices)
    units = _units(record, registry, keys, check)
    attendees: list[Attendee] = []
    mentioned: list[Speaker] = []
    for person in record.participants:
        key = keys[person.id]
        for role in person.roles:
            labels = dict(role.labels) or {original: person.name}
            who = Speaker(key, next(iter(labels.values())), key in registry.persons)
            if role.role == Role.PRESENT.value:
                attendees.append(Attendee(who, labels, role.description))
            elif role.role == Role.MENTIONED.value:
                mentioned.append(who)
    if not any("topics" in u.model_fields_set for u in record.utterances):
        # A converted record without tags is tagged as a text file would be.
        named = {m.key for m in mentioned}
        mentioned += [m for m in annotate(units, registry, original) if m.key not in named]

    parsed = ParsedDocument(
        slug=record.id,
        source_name=name,
        content_hash=_content_hash(record),
        metadata=Metadata(
            title=record.title,
            date=record.date,
            source_url=record.source_url,
            source_id=record.source_id,
            collection=record.collection,
            citation=record.publisher_citation,
            reference=ArchivalReference(**record.reference.model_dump()),
            translator=record.translator,
            summary=record.summary,
            original_language=original,
            record_type=record.record_type,
            layout=record.layout,
            place=record.place,
            time_of_day=record.time_of_day,
        ),
        languages=list(languages),
        units=units,
        attendees=attendees,
        mentioned=mentioned,
        debris=[Debris(d.lang, d.line, d.text, d.kind) for d in record.debris],
        titles=dict(record.titles),
        notes=[Note(n.mark, n.text, n.line, n.lang) for n in record.notes],
        notices=notices,
        source_file=record.source.file if record.source else Path(source).name,
    )
    roles = parsed.participants()
    for index, person in enumerate(record.participants):
        has = roles.get(keys[person.id], set())
        if any(r.role == Role.SPEAKER.value for r in person.roles) and Role.SPEAKER not in has:
            check.fail(f"participants[{index}].roles", f"{person.id!r} speaks in no utterance")
        if not has:
            notices.append(
                Notice(line, f"participant {person.id!r} has no role and no turn; not stored")
            )
    # Only people the record names get rows; those the reference lacks need a spelling.
    parsed.people = {
        key: person if person.aliases or key in registry.persons else _spelt(person, key, units)
        for key, person in people.items()
        if key in roles
    }
    return parsed


def _identify(person: ParleyParticipant, registry: Registry) -> str:
    """The slug a participant loads as: their own if the reference data has it, else
    whoever one of their spellings names here (a variant since merged), else their own."""
    if person.id in registry.persons:
        return person.id
    for spelling in (person.name, *(a.alias for a in person.aliases)):
        if slug := registry.resolve_name(spelling):
            return slug
    return person.id


def _participants(
    record: ParleyDocument, registry: Registry, check: _Checker, notices: list[Notice]
) -> tuple[dict[str, str], dict[str, PersonRecord]]:
    """(participant id in the record -> slug it loads as, slug -> the person as recorded)."""
    keys: dict[str, str] = {}
    people: dict[str, PersonRecord] = {}
    for index, person in enumerate(record.participants):
        where = f"participants[{index}]"
        if person.id in keys:
            check.fail(f"{where}.id", f"{person.id!r} is listed twice")
        key = keys[person.id] = _identify(person, registry)
        if key not in registry.persons and not person.unresolved:
            notices.append(
                Notice(
                    check.line,
                    f"participant {person.id!r} is not in the reference data; it will be "
                    "loaded as an unresolved participant",
                )
            )
        roles: dict[Role, tuple[dict[str, str], str | None]] = {}
        for number, role in enumerate(person.roles):
            if Role(role.role) in roles:
                check.fail(f"{where}.roles[{number}]", f"role {role.role!r} is listed twice")
            if role.labels:  # else the loader derives them, as for a text file
                roles[Role(role.role)] = (dict(role.labels), role.description)
        for number, alias in enumerate(person.aliases):
            if alias.lang is not None and len(alias.lang) > 8:
                check.fail(f"{where}.aliases[{number}].lang", "at most 8 characters")
        aliases = [(a.lang, a.alias) for a in person.aliases]
        if (first := people.get(key)) is not None:  # two entries, one person here
            roles = {**roles, **first.roles}
            aliases = first.aliases + [a for a in aliases if a not in first.aliases]
        people[key] = PersonRecord(
            person.name,
            dict(person.names) or {record.original_language: person.name},
            person.description,
            aliases,
            roles,
        )
    return keys, people


def _spelt(person: PersonRecord, key: str, units: list[Unit]) -> PersonRecord:
    """A person recorded without spellings gets their name and the record's labels for
    them, as an unknown speaker in a text file would."""
    written: list[tuple[str | None, str]] = [(None, person.name)]
    written += [(lang, labels[lang]) for labels, _ in person.roles.values() for lang in labels]
    written += [
        (lang, text.label)
        for unit in units
        if unit.speaker and unit.speaker.key == key
        for lang, text in unit.texts.items()
        if text.label
    ]
    unique = list(dict.fromkeys(written))
    return PersonRecord(person.name, person.names, person.description, unique, person.roles)


def _units(
    record: ParleyDocument, registry: Registry, keys: dict[str, str], check: _Checker
) -> list[Unit]:
    original, count = record.original_language, len(record.utterances)
    given = ["topics" in u.model_fields_set for u in record.utterances]
    if any(given) and not all(given):
        check.fail(
            f"utterances[{given.index(False)}].topics",
            "missing; give topics in every utterance (as recorded) or in none (Parley tags "
            "the record)",
        )
    names = {keys[p.id]: p.name for p in record.participants}
    units: list[Unit] = []
    for index, item in enumerate(record.utterances):
        where = f"utterances[{index}]"
        if item.position != index + 1:
            check.fail(
                f"{where}.position",
                f"should be {index + 1}: utterances are numbered 1, 2, 3… in order",
            )
        kind = Kind(item.kind.value)
        if (kind is Kind.NARRATION) != (item.speaker is None):
            check.fail(
                f"{where}.speaker",
                "narration has none" if item.speaker else f"a {kind} turn needs one",
            )
        if not item.texts:
            check.fail(f"{where}.texts", "empty; give the text in at least one language")
        texts = {
            lang: _text(lang, text, kind, record, f"{where}.texts.{lang}", check)
            for lang, text in item.texts.items()
        }
        speaker: Speaker | None = None
        if item.speaker is not None:
            key = keys.get(item.speaker, item.speaker)
            if key not in names and key not in registry.persons:
                check.fail(
                    f"{where}.speaker",
                    f"{item.speaker!r} is neither in participants nor a person the reference "
                    'data knows; add it to participants ("unresolved": true for a name no '
                    "reference entry covers)",
                )
            first = texts[original].label if original in texts else None
            label = first or next((t.label for t in texts.values() if t.label), None)
            name = names.get(key) or registry.persons[key].name
            speaker = Speaker(key, label or name, key in registry.persons)
        tags: list[TopicTag] = []
        for number, tag in enumerate(item.topics):
            at = f"{where}.topics[{number}]"
            if tag.topic not in registry.topics:
                check.fail(
                    f"{at}.topic",
                    f"{tag.topic!r} is not a topic of the reference data (topics.yaml); add "
                    "it there, or leave the tag out",
                )
            if any(t.topic == tag.topic for t in tags):
                check.fail(f"{at}.topic", f"{tag.topic!r} is tagged twice")
            if tag.opened_at is not None and not 1 <= tag.opened_at <= count:
                check.fail(f"{at}.opened_at", f"no utterance has position {tag.opened_at}")
            tags.append(
                TopicTag(tag.topic, TagReason(tag.reason), list(tag.matched), tag.opened_at)
            )
        units.append(Unit(index + 1, kind, speaker, texts, tags))
    return units


def _text(
    lang: str, text: ParleyText, kind: Kind, record: ParleyDocument, at: str, check: _Checker
) -> TextVersion:
    original = lang == record.original_language
    if lang not in record.languages:
        check.fail(at, f"{lang!r} is not one of languages {record.languages}")
    if text.original is not None and text.original != original:
        check.fail(
            f"{at}.original",
            f"should be {str(original).lower()}: the original language is "
            f"{record.original_language!r}",
        )
    if kind is Kind.NARRATION and text.label is not None:
        check.fail(f"{at}.label", "narration has no speaker label; null")
    kinds = [k.value for k in SpanKind]
    for number, span in enumerate(text.spans):
        if span.kind not in kinds:
            check.fail(f"{at}.spans[{number}].kind", f"should be one of {kinds}, not {span.kind!r}")
        if not 0 <= span.start < span.end <= len(text.text):
            check.fail(
                f"{at}.spans[{number}]",
                f"{span.start}-{span.end} is not inside the text ({len(text.text)} characters)",
            )
    for number, pb in enumerate(text.page_breaks):
        if not 0 <= pb.offset <= len(text.text):
            check.fail(
                f"{at}.page_breaks[{number}].offset",
                f"{pb.offset} is not inside the text ({len(text.text)} characters)",
            )
    line_start = check.line if text.line_start is None else text.line_start
    return TextVersion(
        lang,
        text.text,
        line_start,
        line_start if text.line_end is None else text.line_end,
        text.label,
        [Span(s.start, s.end, SpanKind(s.kind)) for s in text.spans],
        text.page,
        [PageBreak(b.offset, b.page) for b in text.page_breaks],
    )


def _content_hash(record: ParleyDocument) -> str:
    """The source file's SHA-256 while the record is as Parley exported it, so reloading
    an export changes nothing (not even against the text it was loaded from); an edited
    or hand-written record is hashed itself, so a change to it replaces the document."""
    digest = record_sha256(record)
    if record.source is not None and record.source.record_sha256 == digest:
        return record.source.sha256
    return digest
