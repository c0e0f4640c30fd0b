"""What goes into the SQLite index, and how query words meet it.

FTS5 has no Russian stemmer, so the loader stores Snowball stems (the same
`textnorm.stem` the topic tagger uses) and queries are stemmed the same way.
PostgreSQL stems with its own `english` and `russian` configurations.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from os.path import commonprefix

from sqlalchemy import Integer, String, column, insert, table
from sqlalchemy.orm import Session

from app.ingest.model import ParsedDocument, TextVersion
from app.search.query import Phrase, words_of
from app.textnorm import HAN, stem_folded

# SQLite's FTS5 tables (migration 0002); rowid is utterance_texts.id / documents.id.
utterance_fts = table("utterance_fts", column("rowid", Integer), column("stems", String))
document_fts = table("document_fts", column("rowid", Integer), column("stems", String))


@lru_cache(maxsize=1 << 18)
def term(word: str) -> str:
    """The indexed form of one search word (from `words_of`: folded, lower case); cached,
    as indexing a corpus asks for the same few thousand words millions of times."""
    return word if HAN.search(word) else stem_folded(word)


def stems(text: str) -> str:
    """A text as the space-separated sequence of its indexed terms."""
    return " ".join(map(term, words_of(text)))


def phrase_terms(phrase: Phrase) -> list[str]:
    """A phrase's words as indexed terms. A prefix (`railw*`) is cut back to what the word
    shares with its stem, so `companies*` still finds the indexed `compani`."""
    terms = [term(word) for word in phrase.words]
    if phrase.prefix:
        typed = phrase.words[-1]
        # A character prefix is what FTS5 matches, so the character-wise helper is right.
        terms[-1] = commonprefix([typed, terms[-1]]) or typed  # noqa: RUF071
    return terms


def document_stems(title: str, summary: str | None, titles: Mapping[str, str]) -> str:
    """What a document is found by: its title, summary and each version's heading."""
    return stems(" ".join([title, summary or "", *titles.values()]))


def add_stems(parsed: ParsedDocument) -> None:
    """Compute every text's index terms now (in a parsing process, off the loader's
    critical path)."""
    for unit in parsed.units:
        for text in unit.texts.values():
            text.stems = stems(text.text)


def index_texts(session: Session, rows: Iterable[tuple[int, TextVersion]]) -> None:
    """Add utterance texts (row id, parsed text) to the SQLite index. PostgreSQL indexes
    them itself (generated tsvector columns); deletions leave both through the
    database."""
    if session.get_bind().dialect.name == "sqlite":
        values = [
            {"rowid": text_id, "stems": text.stems if text.stems is not None else stems(text.text)}
            for text_id, text in rows
        ]
        if values:
            session.execute(insert(utterance_fts), values)


def index_document(
    session: Session, document_id: int, title: str, summary: str | None, titles: Mapping[str, str]
) -> None:
    if session.get_bind().dialect.name == "sqlite":
        session.execute(
            insert(document_fts),
            [{"rowid": document_id, "stems": document_stems(title, summary, titles)}],
        )
