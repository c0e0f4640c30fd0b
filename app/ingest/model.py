"""What the parser produces: plain, immutable-ish records with no database in sight."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from app.schemas import Kind


class ParseError(Exception):
    """A source file that cannot be loaded; says where and what is wrong."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, int | None, str]]:
        # Parsing workers send errors back pickled; the default would call __init__
        # with the formatted text alone, which breaks the whole process pool.
        return ParseError, (self.source, self.line, self.message)


class SpanKind(StrEnum):
    EDITORIAL = "editorial"  # a translator's or editor's [insertion]
    ASIDE = "aside"  # the record keeper inside a turn: "says comr. Stalin jokingly"
    NOTE = "note"  # a footnote marker ("Taiwan.2", "[3]"); the note's text is in the document


class Role(StrEnum):
    SPEAKER = "speaker"
    PRESENT = "present"
    MENTIONED = "mentioned"


class TagReason(StrEnum):
    NAMED = "named"  # an alias of the topic occurs in the turn
    AGENDA = "agenda"  # inherited from the agenda item the turn belongs to


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based, in the source file
    text: str


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: SpanKind


@dataclass(frozen=True, slots=True)
class PageBreak:
    offset: int  # where in the text the new page begins
    page: str


@dataclass(frozen=True, slots=True)
class Note:
    """A numbered footnote or endnote, taken out of the running text."""

    mark: str  # the number the text refers to it by
    text: str
    line: int
    lang: str


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the parser kept but could not place with confidence, for `parley check`."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Debris:
    """A page number, folio or stamp removed from the running text."""

    lang: str
    line: int
    text: str
    kind: str  # folio | page | stamp | classification | furniture (a site's) | unaligned


@dataclass(slots=True)
class TextVersion:
    """One unit's text in one language."""

    lang: str
    text: str
    line_start: int
    line_end: int
    label: str | None = None  # the speaker label as written, title included
    spans: list[Span] = field(default_factory=list)
    page: str | None = None  # page the text starts on, where the source numbers pages
    page_breaks: list[PageBreak] = field(default_factory=list)
    # The SQLite search index's terms for the text, when a parsing process computed them
    # ahead of the loader (app.search.index).
    stems: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a label names: a known person, or a name no reference entry covers yet."""

    key: str  # participant slug
    label: str
    resolved: bool = True


@dataclass(slots=True)
class TopicTag:
    topic: str  # topic slug
    reason: TagReason
    matched: list[str]  # the words in the turn, or the words that opened the agenda item
    opened_at: int | None = None  # position of the turn that opened the agenda item


@dataclass(slots=True)
class Unit:
    """A turn or a piece of narration, aligned across the document's languages."""

    position: int
    kind: Kind
    speaker: Speaker | None
    texts: dict[str, TextVersion]
    topics: list[TopicTag] = field(default_factory=list)


@dataclass(slots=True)
class Attendee:
    person: Speaker
    labels: dict[str, str]  # lang -> the name as written in the list
    description: str | None = None  # the bracketed description, e.g. "PRC Ambassador to the USSR"


@dataclass(slots=True)
class ArchivalReference:
    archive: str | None = None
    fond: str | None = None
    opis: str | None = None
    delo: str | None = None
    folios: str | None = None


@dataclass(slots=True)
class Metadata:
    title: str
    date: dt.date | None
    document_id: str | None = None  # an id the record is given (sidecar, front matter)
    source_url: str | None = None
    source_id: str | None = None  # the publisher's own number, e.g. Wilson Center 111245
    collection: str | None = None
    citation: str | None = None  # the citation as the publisher printed it
    reference: ArchivalReference = field(default_factory=ArchivalReference)
    translator: str | None = None
    summary: str | None = None
    original_language: str | None = None
    # The versions the header promises, e.g. "Translation - English".
    contents: list[str] = field(default_factory=list)
    record_type: str = "record of conversation"
    layout: str = "wilson-center"  # the header found: see app/ingest/head.py
    place: str | None = None
    time_of_day: str | None = None  # as written: "2:50–3:55 p.m.", "下午4时至5时10分"


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A participant as a Parley document JSON records them (see app/ingest/json_layout.py).

    The loader creates a person the database lacks as recorded (name, names, every
    spelling), learns the spellings of one it has, and stores the roles as recorded:
    after merges a role's labels no longer follow from the turns.
    """

    name: str
    names: dict[str, str]
    description: str | None
    aliases: list[tuple[str | None, str]]  # (lang, spelling)
    roles: dict[Role, tuple[dict[str, str], str | None]]  # role -> (labels, description)


@dataclass(slots=True)
class ParsedDocument:
    slug: str
    source_name: str
    content_hash: str
    metadata: Metadata
    languages: list[str]  # original first
    units: list[Unit]
    attendees: list[Attendee]
    mentioned: list[Speaker]
    debris: list[Debris]
    titles: dict[str, str] = field(default_factory=dict)  # lang -> heading of that version
    notes: list[Note] = field(default_factory=list)
    label_styles: dict[str, int] = field(default_factory=dict)  # style -> labels in that style
    notices: list[Notice] = field(default_factory=list)
    # Read from Parley JSON: the file the record was first loaded from, and its people.
    source_file: str | None = None
    # Whether `slug` was made from the file's name (no id in the record): another file
    # whose name makes the same slug is then a different record, not a new version.
    id_from_file: bool = False
    people: dict[str, PersonRecord] = field(default_factory=dict)

    @property
    def original_language(self) -> str:
        return self.languages[0]

    def turns(self) -> list[Unit]:
        return [u for u in self.units if u.kind is not Kind.NARRATION]

    def participants(self) -> dict[str, set[Role]]:
        """Every person the record names, with their roles in it."""
        roles: dict[str, set[Role]] = {}
        for unit in self.turns():
            if unit.speaker:
                roles.setdefault(unit.speaker.key, set()).add(Role.SPEAKER)
        for attendee in self.attendees:
            roles.setdefault(attendee.person.key, set()).add(Role.PRESENT)
        for person in self.mentioned:
            roles.setdefault(person.key, set()).add(Role.MENTIONED)
        return roles
