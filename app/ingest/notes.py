"""Footnotes: taken from the end of the record, kept as notes, their markers marked.

FRUS prints its notes after the memorandum ("1 Source: National Archives, …"),
the first of them the archival source; translations end with "[1] …" endnotes.
Notes are recognised only as a run numbered from 1 at the very end of the file,
after a "Footnotes"/"Notes" heading or a rule, or with note 1 giving the source,
so a numbered list inside the record is never taken for notes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.ingest.model import Line, Note, Span, SpanKind
from app.ingest.source import paragraphs
from app.textnorm import LOWER, script_language

NOTE_HEADING = re.compile(
    r"^(?:#+\s*)?(?:Footnotes|Notes|Endnotes|Примечания|Сноски|注释|注)\s*[:：]?$|"
    r"^(?:-{3,}|_{3,}|\*(?:\s*\*){2,})$",
    re.IGNORECASE,
)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_NOTE_START = re.compile(
    r"^(?:\[\^?(?P<bracketed>\d{1,3})\]:?|(?P<plain>\d{1,3})[.)]?|(?P<raised>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))"
    r"\s+(?P<text>\S.*)$"
)
_SOURCE = re.compile(r"^(?:Source|Источник|来源|出处)\s*[:：]\s*", re.IGNORECASE)
# A marker in running text: "[2]", "[^2]", "²", or digits glued to the end of a
# word or sentence ("Conversation1", "Taiwan.2"), never inside a number or word.
_MARKER = re.compile(
    r"\[\^?(?P<bracketed>\d{1,3})\]|(?P<raised>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|"
    rf"(?:(?<=[{LOWER}])|(?<=[^\W\d_][.,;:!?»”\"’')]))(?P<glued>\d{{1,3}})(?!\w|[.,]\d)"
)


def note_start(text: str) -> tuple[str, str] | None:
    """(mark, text) if the line opens a note."""
    m = _NOTE_START.match(text.strip())
    if not m:
        return None
    mark = m.group("bracketed") or m.group("plain") or m.group("raised").translate(_SUPERSCRIPTS)
    return str(int(mark)), m.group("text")


def split_notes(lines: list[Line], lang: str | None = None) -> tuple[list[Line], list[Note]]:
    """(the lines before the notes, the notes) — or all the lines and no notes.

    Each trailing paragraph must open with a note; a note's own lines follow it
    without a blank line.
    """
    blocks = paragraphs(lines)
    region: list[list[Line]] = []
    heading: Line | None = None
    position = len(blocks)
    while position > 0:
        block = blocks[position - 1]
        if (
            len(block) > 1
            and NOTE_HEADING.match(block[0].text.strip())
            and note_start(block[1].text)
        ):
            heading, block = block[0], block[1:]  # "Footnotes" straight above note 1
        opening = note_start(block[0].text)
        if opening is None:
            break
        region.insert(0, block)
        position -= 1
        if opening[0] == "1" or heading is not None:
            break
    if region and heading is None and position > 0:
        before = blocks[position - 1]
        if len(before) == 1 and NOTE_HEADING.match(before[0].text.strip()):
            heading = before[0]
    notes: list[Note] = []
    for block in region:
        for line in block:
            if opening := note_start(line.text):
                notes.append(Note(opening[0], opening[1], line.number, ""))
            elif notes:
                notes[-1] = replace(notes[-1], text=f"{notes[-1].text} {line.text.strip()}")
    marks = [note.mark for note in notes]
    if not notes or marks != [str(n) for n in range(1, len(notes) + 1)]:
        return lines, []
    if heading is None and not is_source(notes[0]):
        return lines, []
    cut = heading.number if heading is not None else region[0][0].number
    notes = [replace(n, lang=script_language(n.text) or lang or "") for n in notes]
    return [line for line in lines if line.number < cut], notes


# A footnote digit glued to the end of a sentence or clause ("agreement.3 The", "word,12"):
# a mark even where the notes themselves were not copied with the page.
_GLUED_TO_PUNCTUATION = re.compile(r"(?<=[^\W\d_][.,;:!?])\d{1,2}(?=\s|$)")


def note_markers(text: str, marks: set[str] | None) -> list[tuple[Span, str]]:
    """Each marker in `text` that refers to one of `marks`, with the mark it refers to.
    With no notes to refer to (None), the digits glued after punctuation are marks."""
    found: list[tuple[Span, str]] = []
    if marks is None:
        for m in _GLUED_TO_PUNCTUATION.finditer(text):
            found.append((Span(m.start(), m.end(), SpanKind.NOTE), str(int(m.group()))))
        return found
    for m in _MARKER.finditer(text):
        raw = m.group("bracketed") or m.group("glued") or m.group("raised").translate(_SUPERSCRIPTS)
        if (mark := str(int(raw))) in marks:
            start = m.start("glued") if m.group("glued") else m.start()
            found.append((Span(start, m.end(), SpanKind.NOTE), mark))
    return found


def is_source(note: Note) -> bool:
    """Whether the note gives the record's archival source ("Source: National Archives, …")."""
    return bool(_SOURCE.match(note.text))


def source_note(notes: list[Note]) -> str | None:
    """The archival source the notes give, without its "Source:", if any."""
    for note in notes:
        if m := _SOURCE.match(note.text):
            return note.text[m.end() :].strip() or None
    return None
