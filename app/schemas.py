"""What the API returns. Read models only; ORM rows never leave app/queries."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field


# What an utterance is; the parser decides it, the API filters by it (`kind=`).
class Kind(StrEnum):
    SPEECH = "speech"  # a turn in the speaker's words
    REPORTED = "reported"  # a turn summarised in the third person ("MAO ZEDONG thanks him…")
    NARRATION = "narration"  # the record keeper's own words


class Editorial(StrEnum):
    KEEP = "keep"
    STRIP = "strip"


RecordDate = Annotated[
    dt.date | None,
    Field(
        description="The date the record states; null for an undated record, which lists "
        "after every dated one and matches no date filter",
        examples=["1950-01-22"],
    ),
]


class Ref(BaseModel):
    id: str
    name: str


class DocumentRef(BaseModel):
    id: str
    title: str
    date: RecordDate


class ArchivalReference(BaseModel):
    archive: str | None = Field(
        description="Holding archive",
        examples=["Archive of the President, Russian Federation (APRF)"],
    )
    fond: str | None = Field(description="Fond (f.)", examples=["45"])
    opis: str | None = Field(description="Opis, inventory (op.)", examples=["1"])
    delo: str | None = Field(description="Delo, file (d.)", examples=["329"])
    folios: str | None = Field(description="Folios, listy (ll.)", examples=["29-38"])


class Counts(BaseModel):
    turns: int = Field(description="Speaker turns (speech and reported speech)")
    narration: int = Field(description="Passages in the record keeper's voice")
    participants: int = Field(description="People who spoke or were present")


class DocumentParticipant(BaseModel):
    id: str
    name: str
    roles: list[str] = Field(description="speaker, present, mentioned")
    labels: dict[str, str] = Field(description="How the record writes the name, per language")
    description: str | None = Field(
        description="The bracketed description from the attendance list, if any"
    )
    turns: int


class TopicCount(BaseModel):
    id: str
    label: str
    turns: int


class DocumentSummary(BaseModel):
    id: str
    title: str
    date: RecordDate
    record_type: str
    languages: list[str] = Field(description="Languages of the record, original first")
    original_language: str
    reference: ArchivalReference
    counts: Counts
    url: str


class Debris(BaseModel):
    lang: str
    line: int = Field(description="Line of the source file")
    text: str
    kind: str = Field(description="page (a typed page number), folio, or stamp")


class Note(BaseModel):
    mark: str = Field(description="The number the text refers to the note by", examples=["2"])
    text: str
    lang: str
    line: int = Field(description="Line of the source file")


class Document(DocumentSummary):
    titles: dict[str, str] = Field(description="Each language version's own heading")
    layout: str = Field(
        description="The layout the file was recognised in: wilson-center, frus, "
        "chinese-record, front-matter, plain, or parley-json (written in Parley JSON)",
        examples=["wilson-center"],
    )
    place: str | None = Field(description="Where the meeting took place, as the record says")
    time_of_day: str | None = Field(
        description="The hours of the meeting, as the record writes them",
        examples=["2:50–3:55 p.m."],
    )
    collection: str | None
    translator: str | None
    source_url: str | None
    summary: str | None
    citation: str = Field(description="A footnote citation (Chicago, archival note form)")
    publisher_citation: str | None = Field(description="The citation as the publisher prints it")
    participants: list[DocumentParticipant]
    topics: list[TopicCount]
    debris: list[Debris] = Field(
        description="Page numbers, folios and stamps removed from the running text"
    )
    notes: list[Note] = Field(
        description="The record's footnotes; a span of kind `note` in a turn marks a reference"
    )


class Span(BaseModel):
    start: int
    end: int
    kind: str = Field(
        description="editorial: a [bracketed] insertion; aside: the record keeper; note: a "
        "footnote marker (the note is in the document's `notes`)"
    )


class PageBreak(BaseModel):
    offset: int
    page: str


class UtteranceText(BaseModel):
    lang: str
    original: bool = Field(description="Whether this is the language the record was made in")
    label: str | None = Field(description="The speaker label as the record writes it")
    text: str
    spans: list[Span] = Field(
        description="Editorial insertions and asides; offsets into `text`. Empty with "
        "editorial=strip, which removes them from the text"
    )
    page: str | None = Field(description="Page of the original the text starts on")
    page_breaks: list[PageBreak]


class TopicTag(BaseModel):
    id: str
    label: str
    reason: str = Field(
        description="named: the turn names the topic; agenda: the turn belongs to an agenda "
        "item on the topic"
    )
    matched: list[str] = Field(
        description="The words that named the topic, or that opened the agenda item"
    )
    opened_by: str | None = Field(
        description="For agenda tags, the id of the turn that opened the item"
    )


class Utterance(BaseModel):
    id: str = Field(examples=["wilson-111245.17"])
    document: DocumentRef
    position: int = Field(description="Order in the record, narration included, from 1")
    kind: Kind
    speaker: Ref | None
    texts: dict[str, UtteranceText] = Field(description="The text in each requested language")
    topics: list[TopicTag]
    url: str


class UtteranceDetail(Utterance):
    previous: str | None = Field(description="Id of the previous unit in the record")
    next: str | None = Field(description="Id of the next unit in the record")


class Alias(BaseModel):
    alias: str
    lang: str | None


class ParticipantDocument(BaseModel):
    id: str
    title: str
    date: RecordDate
    roles: list[str]
    turns: int


class ParticipantSummary(BaseModel):
    id: str
    name: str
    names: dict[str, str] = Field(description="The standard form of the name per language")
    description: str | None
    unresolved: bool = Field(
        description="A speaker label no reference entry covers yet (see `parley participants`)"
    )
    turns: int
    documents: int
    url: str


class Participant(ParticipantSummary):
    aliases: list[Alias]
    appearances: list[ParticipantDocument]
    topics: list[TopicCount] = Field(description="Topics of the participant's turns")


class TopicSummary(BaseModel):
    id: str
    label: str
    description: str | None
    aliases: dict[str, list[str]] = Field(description="Names of the topic per language")
    turns: int
    documents: int
    url: str


class SpeakerCount(BaseModel):
    id: str
    name: str
    turns: int


class Topic(TopicSummary):
    speakers: list[SpeakerCount] = Field(description="Who spoke on the topic, most turns first")


class SearchMatch(BaseModel):
    lang: str = Field(description="The language the words were found in")
    snippet: str = Field(
        description="HTML-escaped text around the hit, the matched words in `<mark>…</mark>`"
    )
    highlights: list[tuple[int, int]] = Field(
        description="[start, end] offsets of the matched words in the full text"
    )


class SearchHit(Utterance):
    score: float = Field(description="Relevance (bm25 on SQLite, ts_rank on PostgreSQL)")
    matches: list[SearchMatch]


class FacetBucket(BaseModel):
    value: str | None = Field(
        description="Id to filter by (null: narration, which has no speaker; an undated "
        "record, which has no year)"
    )
    label: str
    count: int


class Facets(BaseModel):
    """Counts over the whole result, not just the page (at most 50 buckets each)."""

    speaker: list[FacetBucket] = Field(description="Turns per speaker; sums to `total`")
    topic: list[FacetBucket] = Field(description="Turns per topic; a turn may have several")
    document: list[FacetBucket] = Field(description="Turns per document; sums to `total`")
    year: list[FacetBucket] = Field(
        description="Turns per year, undated records' turns under `(undated)`; sums to `total`"
    )
    language: list[FacetBucket] = Field(
        description="Turns with a hit in each language; a turn may match in several"
    )


class DocumentHit(BaseModel):
    id: str
    title: str
    date: RecordDate
    score: float
    url: str


class SearchPage(BaseModel):
    items: list[SearchHit]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")
    total: int = Field(description="Matching turns over all pages (within the window)")
    capped: bool = Field(
        description="The query matched more texts than a search reads (5,000, after the "
        "filters): hits, `total` and facets then cover the first 5,000 matches in index "
        "order, not every match. Add words or filters to narrow it"
    )
    facets: Facets
    documents: list[DocumentHit] = Field(
        description="Records whose title or summary matches (first page only)"
    )
    expanded: dict[str, list[str]] = Field(
        description="Names in the query that were widened to their other spellings"
    )


class Health(BaseModel):
    status: str
