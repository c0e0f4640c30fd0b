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
from app.textnorm import forms_pattern

# PostgreSQL text search configuration per language; anything else is indexed
# word by word (Chinese character by character) with `simple`.
PG_CONFIGS = {"ru": "russian", "en": "english"}
# ts_rank divided by the text's number of distinct words: like bm25, the same matches
# in a shorter text rank higher. Without it the two backends put the same hit first
# on 16 of the 31 annotated queries; with it on 26 (bench/precision.py).
RANK_NORMALISATION = 8

texts_tsv = table(
    "utterance_texts",
    column("id", Integer),
    column("utterance_id", Integer),
    column("lang", String),
    column("text", String),
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


def _names_found(dialect: str, clause: Clause, text: Any, text_id: Any) -> Any:
    """SQL that holds when a text has a form of a name in the clause, or (if the clause
    has other words too) one of those. The index finds every word that shares a stem
    with a name (Дальний, дальнейшем); the name's own forms are told apart by their
    letters (textnorm.forms_pattern), on the rows the index found. None: no names."""
    names = [p.alias for p in clause.options if p.alias]
    if not names:
        return None
    found = text.regexp_match(forms_pattern(names))
    others = Clause(tuple(p for p in clause.options if not p.alias))
    if not others.options:
        return found
    if dialect == "sqlite":
        return or_(found, text_id.in_(_fts_rows(_fts_clause(others))))
    return or_(found, _pg_match(tsquery_text(Query((others,), ""))))


def _fts_rows(expression: str) -> Select[Any]:
    # Its own scan of the index, not the enclosing query's row.
    return (
        select(utterance_fts.c.rowid)
        .where(literal_column("utterance_fts").op("MATCH")(expression))
        .correlate(None)
    )


def _pg_queries(text: str) -> list[tuple[Any, Any]]:
    """(this row's language, tsquery in its configuration) for each configuration."""
    out = []
    for lang, config in [*PG_CONFIGS.items(), (None, "simple")]:
        in_lang = texts_tsv.c.lang == lang if lang else texts_tsv.c.lang.not_in(list(PG_CONFIGS))
        out.append((in_lang, func.to_tsquery(literal_column(f"'{config}'::regconfig"), text)))
    return out


def _pg_match(text: str) -> Any:
    return or_(
        *(
            and_(in_lang, texts_tsv.c.tsv.op("@@")(tsquery))
            for in_lang, tsquery in _pg_queries(text)
        )
    )


def _texts_holding(dialect: str, clauses: tuple[Clause, ...], columns: list[Any]) -> Select[Any]:
    """`columns` of the texts in which every clause holds (by the index, then by names)."""
    text: Any
    text_id: Any
    if dialect == "sqlite":
        text, text_id = UtteranceText.text, UtteranceText.id
        stmt = (
            select(*columns)
            .select_from(utterance_fts)
            .join(UtteranceText, UtteranceText.id == utterance_fts.c.rowid)
            .where(
                literal_column("utterance_fts").op("MATCH")(
                    " AND ".join(_fts_clause(c) for c in clauses)
                )
            )
        )
    else:
        text, text_id = texts_tsv.c.text, texts_tsv.c.id
        stmt = select(*columns).where(_pg_match(tsquery_text(Query(clauses, ""))))
    for clause in clauses:
        names = _names_found(dialect, clause, text, text_id)
        if names is not None:
            stmt = stmt.where(names)
    return stmt


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
    every time.

    Every positive clause must hold in the text itself (a snippet shows them together);
    an excluded word excludes the turn, in whichever of the searched languages it
    occurs (`Dalny -port` leaves out turn 29, whose translation says "free port")."""
    texts: Any = UtteranceText if dialect == "sqlite" else texts_tsv.c
    columns: list[Any] = [
        texts.id.label("text_id"),
        texts.utterance_id.label("utterance_id"),
        texts.lang.label("lang"),
    ]
    if scored and dialect == "sqlite":
        columns.append((-func.bm25(literal_column("utterance_fts"))).label("score"))
    elif scored:
        ranks = [
            (in_lang, func.ts_rank(texts_tsv.c.tsv, tsquery, RANK_NORMALISATION))
            for in_lang, tsquery in _pg_queries(tsquery_text(Query(query.positive, "")))
        ]
        columns.append(case(*ranks, else_=0.0).cast(Float).label("score"))
    stmt = _texts_holding(dialect, query.positive, columns)
    if in_text_order:
        # FTS5 yields rowids in order; asked by its own rowid it sorts nothing.
        stmt = stmt.order_by(utterance_fts.c.rowid if dialect == "sqlite" else texts_tsv.c.id)
    if langs:
        stmt = stmt.where(texts.lang.in_(langs))
    for clause in query.clauses:
        if clause.negated:
            saying = _texts_holding(
                dialect, (Clause(clause.options),), [texts.utterance_id]
            ).correlate(None)
            if langs:
                saying = saying.where(texts.lang.in_(langs))
            stmt = stmt.where(texts.utterance_id.not_in(saying))
    if with_turns:
        stmt = stmt.join(Utterance, Utterance.id == texts.utterance_id).add_columns(
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
