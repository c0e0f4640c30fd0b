"""Citations a historian can paste into a footnote."""

from __future__ import annotations

import datetime as dt

from app.models import Document


def chicago_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def archival_reference(doc: Document) -> str | None:
    """ "f. 45, op. 1, d. 329, ll. 29–38": the Russian archival convention, en dash in ranges."""
    parts = [
        f"{label} {value.replace('-', '–')}"
        for label, value in (
            ("f.", doc.fond),
            ("op.", doc.opis),
            ("d.", doc.delo),
            ("ll.", doc.folios),
        )
        if value
    ]
    return ", ".join(parts) or None


def chicago_note(doc: Document, *, speaker: str | None = None, turn_url: str | None = None) -> str:
    """A Chicago-style note for an archival document (or one turn of it):
    "Title," Month D, YYYY, Archive, f. 45, op. 1, d. 329, ll. 29–38, trans. Name,
    Collection, URL."""
    title = doc.title.rstrip(".")
    parts = [f"\u201c{title},\u201d {chicago_date(doc.date)}"]
    if speaker:
        parts[0] = f"{speaker}, in {parts[0]}"
    parts += [p for p in (doc.archive, archival_reference(doc)) if p]
    if doc.translator:
        parts.append(f"trans. {doc.translator}")
    if doc.collection:
        parts.append(doc.collection)
    url = turn_url or doc.source_url
    if url:
        parts.append(url)
    return ", ".join(parts) + "."
