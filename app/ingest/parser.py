"""The parsing pipeline: bytes in, a ParsedDocument (or a ParseError) out. No database.

decode → header → split languages (debris out, paragraphs rejoined) → turns per
language → align the languages → attendance → topics and mentions.
"""

from __future__ import annotations

import re

from app.ingest.body import LANGUAGE_NAMES, split_languages
from app.ingest.dates import parse_date
from app.ingest.metadata import parse_wilson_header, promised_languages
from app.ingest.model import ParsedDocument, ParseError, Speaker, Unit, UnitKind
from app.ingest.registry import Registry
from app.ingest.source import content_hash, decode
from app.ingest.tagging import annotate
from app.ingest.turns import VersionUnit, attendance_list, pair_attendance, segment


def _lang_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, lang)


def _describe(unit: VersionUnit) -> str:
    who = unit.speaker.label if unit.speaker else "narration"
    return f"{who} (line {unit.text.line_start})"


def _same_speaker(a: Speaker | None, b: Speaker | None) -> bool:
    """Both narration, the same person, or two labels no reference covers (paired by place)."""
    if a is None or b is None:
        return a is b
    return a.key == b.key or not (a.resolved or b.resolved)


def align(versions: dict[str, list[VersionUnit]], original: str, source: str) -> list[Unit]:
    """Pair the languages' units one to one, or name the first place they diverge."""
    base = versions[original]
    for lang, other in versions.items():
        if lang == original:
            continue
        turn = 0
        for index in range(max(len(base), len(other))):
            a = base[index] if index < len(base) else None
            b = other[index] if index < len(other) else None
            if a is not None and a.kind is not UnitKind.NARRATION:
                turn += 1
            if a is None or b is None:
                longer, shorter, present = (lang, original, b) if a is None else (original, lang, a)
                assert present is not None
                raise ParseError(
                    source,
                    present.text.line_start,
                    f"the {_lang_name(shorter)} version ends before the {_lang_name(longer)} one: "
                    f"{_lang_name(longer)} has {_describe(present)} at position {index + 1} with "
                    f"nothing to match it (the {_lang_name(shorter)} text may be truncated)",
                )
            if not (a.kind == b.kind and _same_speaker(a.speaker, b.speaker)):
                what = f"turn {turn}" if a.kind is not UnitKind.NARRATION else f"unit {index + 1}"
                raise ParseError(
                    source,
                    b.text.line_start,
                    f"the languages diverge at {what}: {_lang_name(original)} has "
                    f"{_describe(a)}, {_lang_name(lang)} has {_describe(b)}; expected the same "
                    "speakers in the same order in every language",
                )
    units: list[Unit] = []
    for index, unit in enumerate(base):
        texts = {lang: versions[lang][index].text for lang in versions}
        units.append(Unit(index + 1, unit.kind, unit.speaker, texts))
    return units


def _slug(metadata_source_id: str | None, url: str | None, source: str) -> str:
    if metadata_source_id and url and "wilson" in url:
        return f"wilson-{metadata_source_id}"
    stem = re.sub(r"\.[^.]+$", "", source.rsplit("/", 1)[-1])
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "document"


def parse_document(data: bytes, source: str, registry: Registry) -> ParsedDocument:
    lines = decode(data, source)
    header = parse_wilson_header(lines, source)
    if header is None:
        first = next((line.number for line in lines if line.text.strip()), 1)
        raise ParseError(
            source,
            first,
            "no metadata block; expected a Wilson Center header (a bold date and title, "
            "then **Citation:**, **Summary:**, **Original Language:** and **Contents:**)",
        )
    metadata, body_start = header
    paragraphs_by_lang, debris = split_languages(lines[body_start:], source)
    if not paragraphs_by_lang:
        raise ParseError(source, lines[body_start].number, "no text after the header")

    for lang in promised_languages(metadata):
        if lang not in paragraphs_by_lang:
            raise ParseError(
                source,
                lines[-1].number,
                f"the header's Contents promise a {_lang_name(lang)} version but the file has "
                f"no {_lang_name(lang)} text (it may be truncated or the translation missing)",
            )
    original = metadata.original_language
    if original not in paragraphs_by_lang:
        original = next(iter(paragraphs_by_lang))
    languages = [original] + [lang for lang in paragraphs_by_lang if lang != original]

    titles: dict[str, str] = {}
    versions: dict[str, list[VersionUnit]] = {}
    for lang in languages:
        headings, version = segment(paragraphs_by_lang[lang], lang, metadata.title, registry)
        if not any(u.kind is not UnitKind.NARRATION for u in version):
            first_line = paragraphs_by_lang[lang][0].line_start
            raise ParseError(
                source,
                first_line,
                f"the {_lang_name(lang)} version has no speaker turns; expected paragraphs "
                "that begin with a speaker label such as 'Stalin: …'",
            )
        titles[lang] = " ".join(h for h in headings if parse_date(h) is None)
        versions[lang] = version

    units = align(versions, original, source)
    lists: dict[str, list[tuple[Speaker, str, str | None]]] = {}
    for lang, vunits in versions.items():
        for unit in vunits:
            if unit.attendance:
                lists.setdefault(lang, []).extend(attendance_list(unit, registry))
    attendees = pair_attendance(lists, original) if lists else []
    mentioned = annotate(units, registry, original)
    return ParsedDocument(
        slug=_slug(metadata.source_id, metadata.source_url, source),
        source_name=source,
        content_hash=content_hash(data),
        metadata=metadata,
        languages=languages,
        units=units,
        attendees=attendees,
        mentioned=mentioned,
        debris=debris,
        titles={lang: t for lang, t in titles.items() if t},
    )
