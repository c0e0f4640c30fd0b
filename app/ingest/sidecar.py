"""Metadata kept beside a record rather than in an archive's header: YAML front matter
at the top of the file (between two `---` lines), or `NAME.meta.yaml` next to it.

Either supplies what the record itself lacks (a plain translation has no date)
or corrects what its header says; its fields win over the header's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.ingest.dates import parse_date
from app.ingest.metadata import language_code
from app.ingest.model import Line, Metadata, ParseError

SIDECAR_SUFFIX = ".meta.yaml"

# Field name in the YAML -> attribute of Metadata (or of its archival reference).
FIELDS = {
    "id": "document_id",
    "title": "title",
    "date": "date",
    "language": "original_language",
    "place": "place",
    "time": "time_of_day",
    "summary": "summary",
    "record_type": "record_type",
    "collection": "collection",
    "citation": "citation",
    "translator": "translator",
    "url": "source_url",
    "source_id": "source_id",
    "archive": "archive",
    "fond": "fond",
    "opis": "opis",
    "delo": "delo",
    "folios": "folios",
}
_REFERENCE = {"archive", "fond", "opis", "delo", "folios"}
# What the database columns hold (app/models.py).
_LONGEST = {
    "id": 120,
    "record_type": 64,
    "source_id": 64,
    "fond": 64,
    "opis": 64,
    "delo": 64,
    "folios": 64,
}
_EXAMPLE = "title: Memorandum of Conversation\ndate: 1972-02-21\nlanguage: en"


@dataclass(frozen=True, slots=True)
class Sidecar:
    name: str  # shown in messages
    data: bytes


@dataclass(slots=True)
class Overrides:
    """Validated fields, by Metadata attribute, with the line each was given on."""

    source: str
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)


def sidecar_path(path: Path) -> Path:
    """`talks.txt` -> `talks.meta.yaml`."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> Sidecar | None:
    candidate = sidecar_path(path)
    try:
        return Sidecar(str(candidate), candidate.read_bytes())
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ParseError(str(candidate), None, f"cannot read: {exc.strerror}") from None


def split_front_matter(lines: list[Line], source: str) -> tuple[Overrides | None, list[Line]]:
    """(the front matter's fields, the lines after it); (None, lines) without front matter."""
    if not lines or lines[0].text.strip() != "---":
        return None, lines
    end = next((i for i, ln in enumerate(lines[1:], 1) if ln.text.strip() in {"---", "..."}), None)
    if end is None:
        raise ParseError(
            source,
            lines[0].number,
            "the front matter opened by --- is never closed; expected the YAML fields "
            f"and then a line ---, e.g.\n---\n{_EXAMPLE}\n---",
        )
    text = "\n".join(line.text for line in lines[1:end])
    return read_fields(text, source, lines[0].number + 1), lines[end + 1 :]


def parse_sidecar(sidecar: Sidecar) -> Overrides:
    try:
        text = sidecar.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ParseError(sidecar.name, None, "not valid UTF-8; expected a YAML text file") from None
    return read_fields(text, sidecar.name, 1)


def read_fields(text: str, source: str, first_line: int) -> Overrides:
    """Fields of a YAML mapping, checked; `first_line` is the line the YAML starts on."""
    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + first_line if exc.problem_mark else None
        raise ParseError(source, line, f"not valid YAML: {exc.problem}") from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise ParseError(source, first_line, f"not valid YAML: {exc}") from None
    overrides = Overrides(source)
    if data is None:
        return overrides
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ParseError(
            source, first_line, f"expected YAML fields (name: value), e.g.\n{_EXAMPLE}"
        )
    key_lines = {
        str(key.value): key.start_mark.line + first_line
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }
    for key, value in data.items():
        line = key_lines.get(str(key), first_line)
        attribute = FIELDS.get(str(key))
        if attribute is None:
            raise ParseError(
                source,
                line,
                f"unknown field {key!r}; expected one of: {', '.join(FIELDS)}",
            )
        checked = None if value is None else _checked(str(key), value, source, line)
        if checked is not None:
            overrides.values[attribute] = checked
            overrides.lines[attribute] = line
    return overrides


def _checked(key: str, value: Any, source: str, line: int) -> Any:
    if key == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        found = parse_date(str(value)) if isinstance(value, str) else None
        if found is None:
            raise ParseError(
                source, line, f"date {value!r} is not a date; expected e.g. date: 1972-02-21"
            )
        return found
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise ParseError(source, line, f"{key} should be text, not {type(value).__name__}")
    text = str(value).strip()
    longest = _LONGEST.get(key)
    if longest is not None and len(text) > longest:
        raise ParseError(
            source, line, f"{key} is {len(text)} characters long; at most {longest} fit"
        )
    if key == "language":
        code = language_code(text)
        if code is None:
            raise ParseError(
                source, line, f"language {text!r} is not known; expected e.g. en, ru, zh"
            )
        return code
    return text or None


def apply(metadata: Metadata, overrides: Overrides) -> None:
    """Let the sidecar's (or front matter's) fields win over the header's."""
    for attribute, value in overrides.values.items():
        target: object = metadata.reference if attribute in _REFERENCE else metadata
        setattr(target, attribute, value)
