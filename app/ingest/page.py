"""A copied page cut into what it holds: the head, the record's body, its notes, and the
site's furniture around them.

The body runs from the first turn that is beyond doubt to the last; the turns vote
(labels that recur, names the reference data or the record's own lists know). What
comes before is the head (head.py), read for the title, date and participants;
after the last turn come the record's closing narration and notes, then, from the
first line of furniture on, the site's footer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.ingest.body import Paragraph, join_lines
from app.ingest.furniture import is_furniture, is_short_line
from app.ingest.head import Header, read_head
from app.ingest.labels import full_names, sure_labels
from app.ingest.metadata import parse_wilson_header
from app.ingest.model import Debris, Line, Note
from app.ingest.notes import NOTE_HEADING, note_start, split_notes
from app.ingest.registry import Registry
from app.ingest.roster import Roster
from app.ingest.source import paragraph_lines


@dataclass(slots=True)
class Page:
    header: Header | None  # None: nothing but text (front matter or a sidecar may say more)
    body: list[Line]
    notes: list[Note]
    debris: list[Debris] = field(default_factory=list)
    roster: Roster | None = None


def _paragraph(block: list[Line]) -> Paragraph:
    return Paragraph(
        join_lines(block), block[0].number, block[-1].number, None, first_line=block[0].text.strip()
    )


def _first_turn(paras: list[Paragraph], lines: list[Line], registry: Registry) -> int | None:
    """The first paragraph that opens a turn: a sure label, or before it a label that
    names someone the head above it lists (a record with a single turn has no label
    that recurs)."""
    sure = sorted(sure_labels(paras, Roster(registry)))
    limit = sure[0] if sure else len(paras)
    for index in range(limit):
        para = paras[index]
        if ":" not in para.text[:60] and "：" not in para.text[:60]:
            continue
        header, _ = read_head([ln for ln in lines if ln.number < para.line_start], registry)
        roster = roster_for(header, registry)
        if sure_labels([para], roster):
            return index
    return sure[0] if sure else None


def _tail_start(paras: list[Paragraph], last: int) -> int:
    """Where the site's footer begins after the last turn: the first line of furniture
    that is not the record's own notes."""
    for index in range(last + 1, len(paras)):
        text = paras[index].text
        if NOTE_HEADING.match(text) or note_start(text):
            continue
        if is_furniture(text) or is_short_line(text):
            return index
    return len(paras)


def roster_for(header: Header | None, registry: Registry) -> Roster:
    roster = Roster(registry)
    if header is not None:
        roster.extend(entry.name for entry in header.attendance)
        roster.extend(header.names)
    return roster


def read_page(lines: list[Line], source: str, registry: Registry) -> Page:
    wilson = parse_wilson_header(lines, source)
    if wilson is not None:
        metadata, index = wilson
        body, notes = split_notes(lines[index:])
        return Page(Header(metadata, body), body, notes)
    paras = [_paragraph(block) for block in paragraph_lines(lines)]
    first = _first_turn(paras, lines, registry)
    if first is None:
        body, notes = split_notes(lines)
        return Page(None, body, notes)
    sure = sure_labels(paras, Roster(registry))
    last = max([first, *sure])
    tail = _tail_start(paras, last)
    start = paras[first].line_start
    end = paras[tail].line_start if tail < len(paras) else lines[-1].number + 1
    debris = [
        Debris("", line.number, line.text.strip(), "furniture")
        for line in lines
        if line.number >= end and line.text.strip()
    ]
    header, narration = read_head([ln for ln in lines if ln.number < start], registry)
    body, notes = split_notes([ln for ln in lines if start <= ln.number < end])
    debris = header.debris + debris
    roster = roster_for(header, registry)
    roster.extend(full_names(paras[first : last + 1]))
    return Page(header, narration + body, notes, debris, roster)
