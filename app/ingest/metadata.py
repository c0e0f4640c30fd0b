"""The Wilson Center Digital Archive header: date, title, citation, summary, contents."""

from __future__ import annotations

import datetime as dt
import re

from app.ingest.dates import find_date, parse_date
from app.ingest.model import ArchivalReference, Line, Metadata, ParseError
from app.ingest.source import paragraphs

_SECTION = re.compile(r"^\*\*(?P<name>[^*]+?):\*\*$")
_BOLD = re.compile(r"^\*\*(?P<text>.+?)\*\*$", re.S)
_URL = re.compile(r"^<?(?P<url>https?://\S+?)>?$")
_CONTENTS_ENTRY = re.compile(
    r"^(original|translation|transcript|transcription|scan)\b.*", re.IGNORECASE
)

LANGUAGE_NAMES = {
    "russian": "ru",
    "english": "en",
    "chinese": "zh",
    "german": "de",
    "french": "fr",
    "korean": "ko",
    "polish": "pl",
    "czech": "cs",
    "hungarian": "hu",
    "bulgarian": "bg",
    "romanian": "ro",
    "vietnamese": "vi",
    "japanese": "ja",
    "mongolian": "mn",
    "spanish": "es",
}

# Parts of an archival reference in the Russian convention: fond, opis, delo, list(y).
_FOND = re.compile(r"\bf\.\s*(?P<v>[\w/-]+)", re.IGNORECASE)
_OPIS = re.compile(r"\bop\.\s*(?P<v>[\w/-]+)", re.IGNORECASE)
_DELO = re.compile(r"\bd\.\s*(?P<v>[\w/-]+)", re.IGNORECASE)
_FOLIOS = re.compile(r"\bll?\.\s*(?P<v>\d+\w*(?:\s*[-–]\s*\d+\w*)?)", re.IGNORECASE)
_CITATION_LEAD = re.compile(
    r'^\s*"[^"]*",\s*(?:[^\W\d_]+\.?\s+\d{1,2},\s*\d{4}|\d{1,2}\s+[^\W\d_]+\s+\d{4}|\d{4})?\s*,?\s*'
)
_TRANSLATOR = re.compile(r"Translated(?: for [^.]*?)? by (?P<v>[^.]+(?:\.[A-Z]\.[^.]*)*)\.?")


def _join(block: list[Line]) -> str:
    text = ""
    for line in block:
        piece = line.text.strip()
        # Words hyphenated across a line break in headings: НАРОД- / НОЙ.
        if re.search(r"[^\W\d_]-$", text) and piece[:1].isalpha():
            text = text[:-1] + piece
        else:
            text = f"{text} {piece}" if text else piece
    return re.sub(r"\s+", " ", text)


def language_code(name: str) -> str | None:
    name = name.strip().lower()
    return LANGUAGE_NAMES.get(name) or (name if re.fullmatch(r"[a-z]{2}", name) else None)


def parse_citation(citation: str) -> tuple[str | None, ArchivalReference, str | None]:
    """(collection, archival reference, translator) from a Wilson Center citation."""
    translator_match = _TRANSLATOR.search(citation)
    translator = translator_match.group("v").strip() if translator_match else None
    body = citation[: translator_match.start()] if translator_match else citation
    body = _CITATION_LEAD.sub("", body)  # the quoted title and the date after it
    parts = [p.strip() for p in body.rstrip(" .").split(",")]
    collection = parts.pop(0) if parts and "Archive" in parts[0] and "Digital" in parts[0] else None
    if collection is None and parts and "Program" in parts[0]:
        collection = parts.pop(0)
    reference_start = next(
        (i for i, p in enumerate(parts) if re.match(r"^(f|op|d|ll?)\.\s*\w", p, re.IGNORECASE)),
        len(parts),
    )
    archive = ", ".join(parts[:reference_start]) or None
    reference_text = ", ".join(parts[reference_start:])

    def grab(pattern: re.Pattern[str]) -> str | None:
        m = pattern.search(reference_text)
        return m.group("v").rstrip(".,") if m else None

    reference = ArchivalReference(
        archive=archive,
        fond=grab(_FOND),
        opis=grab(_OPIS),
        delo=grab(_DELO),
        folios=grab(_FOLIOS),
    )
    return collection, reference, translator


def record_type(title: str) -> str:
    lowered = title.lower()
    for words, kind in [
        (("memorandum of conversation", "memcon"), "memorandum of conversation"),
        (
            (
                "record of talks",
                "record of conversation",
                "record of a conversation",
                "запись беседы",
                "谈话记录",
                "会谈记录",
            ),
            "record of conversation",
        ),
        (("备忘录",), "memorandum of conversation"),
        (("minutes", "纪要"), "minutes"),
        (("telegram", "cable", "телеграмм", "电报"), "telegram"),
        (("transcript", "stenogram", "стенограмма"), "transcript"),
        (("letter",), "letter"),
    ]:
        if any(w in lowered for w in words):
            return kind
    return "record of conversation"


Sections = dict[str, list[list[Line]]]  # a header section's name -> its paragraphs


def parse_wilson_header(lines: list[Line], source: str) -> tuple[Metadata, int] | None:
    """The header and the index of the first body line, or None if there is no header."""
    sections, bold, body_start = _header_sections(paragraphs(lines))
    if "citation" not in sections and "summary" not in sections:
        return None
    if body_start is None:
        raise ParseError(
            source,
            len(lines),
            "the header ends without a document body; expected the text of the record "
            "after **Contents:**",
        )
    date, title = _bold_date_and_title(bold, source)
    citation = _section_text(sections, "citation")
    collection, reference, translator = (
        parse_citation(citation) if citation else (None, ArchivalReference(), None)
    )
    if date is None and citation:
        date = find_date(citation)
    url, source_id = _source_url(sections)
    original = _section_text(sections, "original language")
    contents = [line.text.strip() for block in sections.get("contents", []) for line in block]
    metadata = Metadata(
        title=title,
        date=date,
        source_url=url,
        source_id=source_id,
        collection=collection,
        citation=citation,
        reference=reference,
        translator=translator,
        summary=_section_text(sections, "summary"),
        original_language=language_code(original) if original else None,
        contents=contents,
        record_type=record_type(title),
        layout="wilson-center",
    )
    index = next(i for i, line in enumerate(lines) if line.number == body_start)
    return metadata, index


def _header_sections(blocks: list[list[Line]]) -> tuple[Sections, list[list[Line]], int | None]:
    """The header's `**Name:**` sections (name -> paragraphs), the bold paragraphs before
    them, and the line the body starts on (the first paragraph after the Contents list)."""
    sections: Sections = {}
    bold: list[list[Line]] = []
    current: str | None = None
    for block in blocks:
        text = _join(block)
        header = _SECTION.match(text)
        if header:
            current = header.group("name").strip().lower()
            sections[current] = []
            continue
        if current is None:
            if _BOLD.match(text):
                bold.append(block)
                continue
            break  # text before any section: not a Wilson Center header
        if current == "contents" and not _CONTENTS_ENTRY.match(text):
            return sections, bold, block[0].number
        sections[current].append(block)
    return sections, bold, None


def _bold_date_and_title(bold: list[list[Line]], source: str) -> tuple[dt.date | None, str]:
    """The bold paragraphs above the sections: the first that is a date, and the title."""
    date = None
    title_parts: list[str] = []
    for block in bold:
        inner = _BOLD.match(_join(block))
        value = inner.group("text").strip() if inner else _join(block)
        found = parse_date(value)
        if found and date is None:
            date = found
        else:
            title_parts.append(value)
    if not title_parts:
        raise ParseError(
            source,
            bold[0][0].number if bold else 1,
            "the header has no title; expected the title in bold (**…**) before **Citation:**",
        )
    return date, " ".join(title_parts)


def _section_text(sections: Sections, name: str) -> str | None:
    """A section's paragraphs as text, without the lines that are only a URL."""
    texts = [_join(b) for b in sections.get(name) or [] if not _URL.match(_join(b))]
    return "\n\n".join(texts) or None


def _source_url(sections: Sections) -> tuple[str | None, str | None]:
    """The record's address at the publisher (the first URL of Citation or Source), and
    the publisher's number for it (`/document/111245`)."""
    urls = [
        m.group("url")
        for name in ("citation", "source")
        for block in sections.get(name, [])
        if (m := _URL.match(_join(block)))
    ]
    url = urls[0] if urls else None
    if url and (m := re.search(r"/document/(\d+)", url)):
        return url, m.group(1)
    return url, None


def promised_languages(metadata: Metadata) -> list[str]:
    """Languages the Contents list says the file holds, e.g. "Translation - English"."""
    langs: list[str] = []
    for entry in metadata.contents:
        m = re.search(r"-\s*(?P<lang>[A-Za-z]+)\s*$", entry)
        if m and (code := language_code(m.group("lang"))) and code not in langs:
            langs.append(code)
    return langs
