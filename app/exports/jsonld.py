"""schema.org JSON-LD for documents and participants, built from their read models.

A document is an `ArchiveComponent` (a CreativeWork held by an archive): its
`holdingArchive`, its place in it (`itemLocation`: f., op., d., ll.), the
translator, the topics it is `about`, and the conversation it records
(`recordedAt`, an Event whose `attendee`s spoke or were present); people it only
mentions are `mentions`. A person is a `Person` with every spelling of the name
as `alternateName`, language-tagged where the language is known, and the records
that are `subjectOf` it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from app.citations import archival_reference
from app.schemas import Alias, Document, Participant
from app.urls import Urls

CONTEXT = "https://schema.org"


def dumps(graph: dict[str, Any]) -> str:
    return json.dumps(graph, ensure_ascii=False)


def _names(values: list[tuple[str | None, str]], skip: str) -> list[Any]:
    """alternateName values: {"@value", "@language"} where the language is known."""
    seen: set[tuple[str | None, str]] = set()
    out: list[Any] = []
    for lang, value in values:
        if value == skip or (lang, value) in seen:
            continue
        seen.add((lang, value))
        out.append({"@value": value, "@language": lang} if lang else value)
    return out


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, [], {})}


def _iso(day: dt.date | None) -> str | None:
    """An undated record has no date properties: _compact leaves them out."""
    return day.isoformat() if day else None


def document(doc: Document, urls: Urls) -> dict[str, Any]:
    def person(p: Any) -> dict[str, Any]:
        return _compact(
            {
                "@type": "Person",
                "@id": urls.participant(p.id),
                "name": p.name,
                "alternateName": _names(sorted(p.labels.items()), p.name),
            }
        )

    in_the_room = [p for p in doc.participants if {"speaker", "present"} & set(p.roles)]
    mentioned = [p for p in doc.participants if p not in in_the_room]
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "ArchiveComponent",
            "@id": doc.url,
            "url": doc.url,
            "identifier": doc.id,
            "name": doc.title,
            "alternateName": _names(sorted(doc.titles.items()), doc.title),
            "dateCreated": _iso(doc.date),
            "genre": doc.record_type,
            "inLanguage": doc.languages,
            "abstract": doc.summary,
            "holdingArchive": _compact(
                {"@type": "ArchiveOrganization", "name": doc.reference.archive}
            )
            if doc.reference.archive
            else None,
            "itemLocation": archival_reference(doc.reference),
            "translator": {"@type": "Person", "name": doc.translator} if doc.translator else None,
            "isPartOf": {"@type": "Collection", "name": doc.collection} if doc.collection else None,
            "sameAs": doc.source_url,
            "creditText": doc.citation,
            "about": [
                {"@type": "DefinedTerm", "@id": urls.topic(t.id), "name": t.label}
                for t in doc.topics
            ],
            "recordedAt": _compact(
                {
                    "@type": "Event",
                    "name": doc.title,
                    "startDate": _iso(doc.date),
                    "attendee": [person(p) for p in in_the_room],
                }
            ),
            "mentions": [person(p) for p in mentioned],
        }
    )


def participant(person: Participant, urls: Urls) -> dict[str, Any]:
    aliases: list[Alias] = person.aliases
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "Person",
            "@id": person.url,
            "url": person.url,
            "identifier": person.id,
            "name": person.name,
            "alternateName": _names(
                [*sorted(person.names.items()), *((a.lang, a.alias) for a in aliases)],
                person.name,
            ),
            "description": person.description,
            "subjectOf": [
                _compact(
                    {
                        "@type": "ArchiveComponent",
                        "@id": urls.document(d.id),
                        "name": d.title,
                        "dateCreated": _iso(d.date),
                    }
                )
                for d in person.appearances
            ],
        }
    )
