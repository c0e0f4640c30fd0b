"""Citations a historian can paste into a footnote or a reference manager.

One place for citation logic: the Chicago note of the document detail, and the
`/citation` endpoints in every style. A document is cited as an archival item
(title, date, archive with fond/opis/delo/folios, translator, collection, URL);
a turn adds its speaker and the stable URL of that turn.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from app.languages import language_name


class ArchivalParts(Protocol):
    """An archival reference's numbers (the ORM row and the read model's reference)."""

    @property
    def fond(self) -> str | None: ...
    @property
    def opis(self) -> str | None: ...
    @property
    def delo(self) -> str | None: ...
    @property
    def folios(self) -> str | None: ...


class Citable(ArchivalParts, Protocol):
    """What a citation needs of a document (the ORM row satisfies it)."""

    @property
    def slug(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def date(self) -> dt.date | None: ...
    @property
    def record_type(self) -> str: ...
    @property
    def original_language(self) -> str: ...
    @property
    def collection(self) -> str | None: ...
    @property
    def archive(self) -> str | None: ...
    @property
    def translator(self) -> str | None: ...
    @property
    def source_url(self) -> str | None: ...
    @property
    def summary(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn of the cited document."""

    id: str  # public id, e.g. wilson-111245.17
    url: str  # its stable URL
    speaker: str | None  # None for the record keeper's narration


class Style(StrEnum):
    CHICAGO = "chicago"
    BIBTEX = "bibtex"
    RIS = "ris"
    CSL_JSON = "csl-json"


def cite(doc: Citable, style: Style, *, turn: Turn | None = None) -> str:
    if style is Style.CHICAGO:
        if turn is None:
            return chicago_note(doc)
        return chicago_note(doc, speaker=turn.speaker, turn_url=turn.url)
    if style is Style.BIBTEX:
        return bibtex(doc, turn=turn)
    if style is Style.RIS:
        return ris(doc, turn=turn)
    return json.dumps([csl_json(doc, turn=turn)], ensure_ascii=False)


# -- shared pieces --------------------------------------------------------------


def chicago_date(day: dt.date | None) -> str:
    """ "January 22, 1950"; "n.d." (no date), Chicago's word for an undated source."""
    return f"{day:%B} {day.day}, {day.year}" if day else "n.d."


def archival_reference(doc: ArchivalParts, space: str = " ") -> str | None:
    """ "f. 45, op. 1, d. 329, ll. 29–38": the Russian archival convention, en dash in ranges.
    `space` goes between label and number (a no-break space keeps "f. 45" on one line)."""
    parts = [
        f"{label}{space}{value.replace('-', '–')}"
        for label, value in (
            ("f.", doc.fond),
            ("op.", doc.opis),
            ("d.", doc.delo),
            ("ll.", doc.folios),
        )
        if value
    ]
    return ", ".join(parts) or None


def _title(doc: Citable) -> str:
    return doc.title.rstrip(".")


def _url(doc: Citable, turn: Turn | None) -> str | None:
    return turn.url if turn else doc.source_url


def _remarks(turn: Turn | None) -> str | None:
    return f"Remarks by {turn.speaker}" if turn and turn.speaker else None


Name = tuple[str, str] | str  # (given, family), or a name that will not split


def split_names(text: str | None) -> list[Name]:
    """ "Danny Rozas and Gary Goldberg" -> [("Danny", "Rozas"), ("Gary", "Goldberg")]. The
    family name is the last word; a one-word name stays whole."""
    if not text:
        return []
    names: list[Name] = []
    for name in re.split(r"\s*(?:;|&|\band\b)\s*", text):
        words = name.split()
        if len(words) > 1:
            names.append((" ".join(words[:-1]), words[-1]))
        elif words:
            names.append(words[0])
    return names


def _inverted(name: Name) -> str:
    return name if isinstance(name, str) else f"{name[1]}, {name[0]}"


# -- Chicago --------------------------------------------------------------------


def chicago_note(doc: Citable, *, speaker: str | None = None, turn_url: str | None = None) -> str:
    """A Chicago-style note for an archival document (or one turn of it):
    "Title," Month D, YYYY, Archive, f. 45, op. 1, d. 329, ll. 29–38, trans. Name,
    Collection, URL. A turn is "Speaker, remarks in "Title," …, turn URL."."""
    parts = [f"\u201c{_title(doc)},\u201d {chicago_date(doc.date)}"]
    if speaker:
        parts[0] = f"{speaker}, remarks in {parts[0]}"
    parts += [p for p in (doc.archive, archival_reference(doc)) if p]
    if doc.translator:
        parts.append(f"trans. {doc.translator}")
    if doc.collection:
        parts.append(doc.collection)
    url = turn_url or doc.source_url
    if url:
        parts.append(url)
    note = ", ".join(parts)
    return note if note.endswith(".") else note + "."  # "n.d." ends the note itself


# -- BibTeX ---------------------------------------------------------------------

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
    "\u2013": "--",
    "\u2014": "---",
    "\u201c": "``",
    "\u201d": "''",
    "\u2018": "`",
    "\u2019": "'",
    "\u00a0": "~",
    "ß": r"{\ss}",
    "æ": r"{\ae}",
    "Æ": r"{\AE}",
    "œ": r"{\oe}",
    "Œ": r"{\OE}",
    "ø": r"{\o}",
    "Ø": r"{\O}",
    "ł": r"{\l}",
    "Ł": r"{\L}",
    "ı": r"{\i}",
}
# Combining marks -> TeX accent commands, for Latin letters with diacritics.
_ACCENTS = {
    "\u0300": "`",
    "\u0301": "'",
    "\u0302": "^",
    "\u0303": "~",
    "\u0304": "=",
    "\u0306": "u",
    "\u0307": ".",
    "\u0308": '"',
    "\u030a": "r",
    "\u030b": "H",
    "\u030c": "v",
    "\u0327": "c",
    "\u0328": "k",
}


def latex(text: str) -> str:
    """Text for a BibTeX field: TeX specials escaped and accented Latin letters as TeX
    accents ({\\'e}), so classic BibTeX sorts and prints them. Scripts TeX has no ASCII
    spelling for (Cyrillic, Chinese) stay as UTF-8, which biber and Unicode engines read."""
    out: list[str] = []
    for ch in text:
        if ch in _LATEX_SPECIALS:
            out.append(_LATEX_SPECIALS[ch])
            continue
        if ord(ch) < 128:
            out.append(ch)
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        if base.isascii() and base.isalpha() and marks and all(m in _ACCENTS for m in marks):
            for mark in marks:  # innermost first: \v{s}, \'e
                command = _ACCENTS[mark]
                braced = command.isalpha() or len(base) > 1  # \v{s}, \~{\^o}; but \'e
                base = f"\\{command}{{{base}}}" if braced else f"\\{command}{base}"
            out.append("{" + base + "}")
        else:
            out.append(ch)
    return "".join(out)


def bibtex(doc: Citable, *, turn: Turn | None = None) -> str:
    """A @misc entry: BibTeX has no archival type, and biblatex reads the extra fields
    (date, translator, language) that classic BibTeX ignores. An undated record has no
    date, year or month: styles print their own "n.d." where one is missing."""
    day = doc.date
    notes = [
        _remarks(turn),
        f"Translated by {doc.translator}" if doc.translator else None,
        doc.collection,
    ]
    reference = ", ".join(p for p in (doc.archive, archival_reference(doc, "\u00a0")) if p)
    names = " and ".join(_inverted(n) for n in split_names(doc.translator))
    url = _url(doc, turn)
    fields = [
        ("title", "{{" + latex(_title(doc)) + "}}"),  # inner braces keep its capitals
        ("date", "{" + day.isoformat() + "}" if day else None),
        ("year", "{" + str(day.year) + "}" if day else None),
        ("month", f"{day:%b}".lower() if day else None),  # the standard macro: jan, feb, ...
        ("howpublished", "{" + latex(reference) + "}" if reference else None),
        ("translator", "{" + latex(names) + "}" if names else None),
        ("note", "{" + latex(". ".join(n for n in notes if n)) + "}" if any(notes) else None),
        ("language", "{" + language_name(doc.original_language).lower() + "}"),
        # Verbatim in biblatex and the url package: only braces would break it.
        ("url", "{" + url.replace("{", "%7B").replace("}", "%7D") + "}" if url else None),
    ]
    key = re.sub(r"[^A-Za-z0-9_.:-]+", "-", turn.id if turn else doc.slug)
    body = ",\n".join(f"  {name} = {value}" for name, value in fields if value)
    return f"@misc{{{key},\n{body}\n}}\n"


# -- RIS ------------------------------------------------------------------------


def ris(doc: Citable, *, turn: Turn | None = None) -> str:
    """A RIS record of type MANSCPT. Tags as Zotero reads them: DB the archive, AN the
    location in it, DP the collection it was found in, A4 the translator. An undated
    record has neither DA nor PY."""
    day = doc.date
    tags: list[tuple[str, str | None]] = [
        ("TY", "MANSCPT"),
        ("ID", turn.id if turn else doc.slug),
        ("TI", _title(doc)),
        ("DA", f"{day:%Y/%m/%d}/" if day else None),
        ("PY", str(day.year) if day else None),
        ("M3", doc.record_type),
        ("DB", doc.archive),
        ("AN", archival_reference(doc)),
        *(("A4", _inverted(name)) for name in split_names(doc.translator)),
        ("DP", doc.collection),
        ("LA", language_name(doc.original_language)),
        ("UR", _url(doc, turn)),
        ("N1", _remarks(turn)),
        ("AB", doc.summary),
    ]
    # One line per tag: RIS has no continuation lines.
    lines = [f"{tag}  - {' '.join(value.split())}" for tag, value in tags if value]
    return "\r\n".join([*lines, "ER  - "]) + "\r\n"


# -- CSL-JSON -------------------------------------------------------------------


def csl_json(doc: Citable, *, turn: Turn | None = None) -> dict[str, Any]:
    """A CSL-JSON item of type manuscript, the fields named as citeproc and Zotero read
    them (archive, archive_location, source for the collection). An undated record has
    no `issued`, which citeproc renders as its style's "n.d."."""
    day = doc.date
    item: dict[str, Any] = {
        "id": turn.id if turn else doc.slug,
        "type": "manuscript",
        "title": _title(doc),
        "issued": {"date-parts": [[day.year, day.month, day.day]]} if day else None,
        "genre": doc.record_type,
        "archive": doc.archive,
        "archive_location": archival_reference(doc),
        "translator": [
            {"literal": n} if isinstance(n, str) else {"given": n[0], "family": n[1]}
            for n in split_names(doc.translator)
        ],
        "source": doc.collection,
        "language": doc.original_language,
        "URL": _url(doc, turn),
        "note": _remarks(turn),
        "abstract": doc.summary,
    }
    return {k: v for k, v in item.items() if v not in (None, [])}
