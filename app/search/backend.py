"""The same parsed query as SQL for each backend: FTS5 MATCH with bm25 on SQLite,
tsvector @@ tsquery with ts_rank on PostgreSQL. Scores are "higher is better" on both.

The index objects (the FTS5 tables, the tsvector columns) are created by
migrations/versions/0002 and exist only on their own backend, so they are
named here with lightweight table() constructs rather than in app.models.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Float,
    Integer,
    String,
    and_,
    case,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.sql import Select

from app.models import Utterance, UtteranceText
from app.search.index import document_fts, phrase_terms, utterance_fts
from app.search.query import Clause, Phrase, Query

# PostgreSQL text search configuration per language; anything else is indexed
# word by word (Chinese character by character) with `simple`.
PG_CONFIGS = {"ru": "russian", "en": "english"}

texts_tsv = table(
    "utterance_texts",
    column("id", Integer),
    column("utterance_id", Integer),
    column("lang", String),
    column("tsv", TSVECTOR),
)
documents_tsv = table("documents", column("id", Integer), column("tsv", TSVECTOR))


# -- SQLite FTS5 --------------------------------------------------------------


def _fts_phrase(phrase: Phrase) -> str:
    quoted = '"' + " ".join(phrase_terms(phrase)) + '"'
    return quoted + "*" if phrase.prefix else quoted


def _fts_clause(clause: Clause) -> str:
    options = [_fts_phrase(p) for p in clause.options]
    return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"


def fts5_match(query: Query) -> str:
    """An FTS5 MATCH expression in which every term is quoted, so nothing the user
    types is read as FTS5 syntax."""
    expression = " AND ".join(_fts_clause(c) for c in query.positive)
    for clause in query.clauses:
        if clause.negated:
            expression = f"({expression}) NOT {_fts_clause(clause)}"
    return expression


# -- PostgreSQL tsquery -------------------------------------------------------


def _lexeme(word: str, prefix: bool = False) -> str:
    # Words are runs of letters and digits (query.words_of), so quoting is enough.
    return "'" + word.replace("'", "''") + "'" + (":*" if prefix else "")


def _ts_phrase(phrase: Phrase) -> str:
    words = list(phrase.words)
    parts = [_lexeme(w) for w in words[:-1]] + [_lexeme(words[-1], phrase.prefix)]
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def _ts_clause(clause: Clause) -> str:
    options = [_ts_phrase(p) for p in clause.options]
    body = options[0] if len(options) == 1 else "(" + " | ".join(options) + ")"
    return "!" + body if clause.negated else body


def tsquery_text(query: Query) -> str:
    """Input for to_tsquery(config, …); each configuration stems the words itself."""
    return " & ".join(_ts_clause(c) for c in query.clauses)


# -- matching texts -----------------------------------------------------------


def text_hits(
    dialect: str,
    query: Query,
    langs: list[str] | None,
    *,
    scored: bool = True,
    with_turns: bool = False,
    in_text_order: bool = False,
) -> Select[Any]:
    """(text_id, utterance_id, lang[, score][, speaker_id, document_id, document_date]) for
    every utterance text that matches: the score only when asked for (computing it is
    most of a broad query's cost), the turn's columns joined in for filtering and
    facets; in text id order when asked, so that the first N matches are the same N
    every time."""
    if dialect == "sqlite":
        columns: list[Any] = [
            UtteranceText.id.label("text_id"),
            UtteranceText.utterance_id.label("utterance_id"),
            UtteranceText.lang.label("lang"),
        ]
        if scored:
            columns.append((-func.bm25(literal_column("utterance_fts"))).label("score"))
        stmt = (
            select(*columns)
            .select_from(utterance_fts)
            .join(UtteranceText, UtteranceText.id == utterance_fts.c.rowid)
            .where(literal_column("utterance_fts").op("MATCH")(fts5_match(query)))
        )
        if in_text_order:
            # FTS5 yields rowids in order; asked by its own rowid it sorts nothing.
            stmt = stmt.order_by(utterance_fts.c.rowid)
    else:
        text = tsquery_text(query)
        matches = []
        ranks = []
        for lang, config in [*PG_CONFIGS.items(), (None, "simple")]:
            tsquery = func.to_tsquery(literal_column(f"'{config}'::regconfig"), text)
            in_lang = (
                texts_tsv.c.lang == lang if lang else texts_tsv.c.lang.not_in(list(PG_CONFIGS))
            )
            matches.append(and_(in_lang, texts_tsv.c.tsv.op("@@")(tsquery)))
            ranks.append((in_lang, func.ts_rank(texts_tsv.c.tsv, tsquery)))
        columns = [
            texts_tsv.c.id.label("text_id"),
            texts_tsv.c.utterance_id.label("utterance_id"),
            texts_tsv.c.lang.label("lang"),
        ]
        if scored:
            columns.append(case(*ranks, else_=0.0).cast(Float).label("score"))
        stmt = select(*columns).where(or_(*matches))
        if in_text_order:
            stmt = stmt.order_by(texts_tsv.c.id)
    if langs:
        lang_column = UtteranceText.lang if dialect == "sqlite" else texts_tsv.c.lang
        stmt = stmt.where(lang_column.in_(langs))
    if with_turns:
        turn = UtteranceText.utterance_id if dialect == "sqlite" else texts_tsv.c.utterance_id
        stmt = stmt.join(Utterance, Utterance.id == turn).add_columns(
            Utterance.speaker_id, Utterance.document_id, Utterance.document_date
        )
    return stmt


def document_hits(dialect: str, query: Query) -> Select[Any]:
    """(document_id, score) for documents whose title or summary matches."""
    if dialect == "sqlite":
        return select(
            document_fts.c.rowid.label("document_id"),
            (-func.bm25(literal_column("document_fts"))).label("score"),
        ).where(literal_column("document_fts").op("MATCH")(fts5_match(query)))
    text = tsquery_text(query)
    # A title can be in any language: match the English and Russian readings.
    queries = [
        func.to_tsquery(literal_column(f"'{c}'::regconfig"), text) for c in ("english", "russian")
    ]
    return select(
        documents_tsv.c.id.label("document_id"),
        func.greatest(*(func.ts_rank(documents_tsv.c.tsv, q) for q in queries))
        .cast(Float)
        .label("score"),
    ).where(or_(*(documents_tsv.c.tsv.op("@@")(q) for q in queries)))
