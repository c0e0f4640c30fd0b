"""In-process query latency: each API request beside hand-written SQL for the same answer.

    python bench/queries.py --url sqlite:////abs/path/bench.db [--repeat 300]
    python bench/queries.py --url postgresql://postgres@127.0.0.1/parley_bench

Requests go through the ASGI app in one event loop (no sockets, no test-client
threads); the SQL runs on the same engine. The ratio is what the API adds: name
resolution, the read models, JSON, middleware.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from typing import Any

import httpx2
from common import deepest_full_page, percentiles, table, timed
from sqlalchemy import Connection, Engine, func, select, text

from app.config import Settings
from app.db import make_engine
from app.main import create_app
from app.search.backend import fts5_match, text_hits
from app.search.query import parse

BROAD_SHARE = 0.15


def hit_count(connection: Connection, word: str) -> int:
    """Turns whose English text contains the word, through the backend's own index."""
    hits = text_hits(connection.dialect.name, parse(word), ["en"]).subquery()
    return int(connection.execute(select(func.count()).select_from(hits)).scalar_one())


def pick_workload(engine: Engine) -> dict[str, Any]:
    """The busiest (speaker, topic) pair spelt by aliases; a document; a rare word and a
    word in about 15% of turns."""
    with engine.connect() as c:
        speaker_id, topic_id, _ = c.execute(
            text(
                "SELECT speaker_id, topic_id, count(*) FROM utterance_topics "
                "WHERE speaker_id IS NOT NULL GROUP BY speaker_id, topic_id "
                "ORDER BY count(*) DESC LIMIT 1"
            )
        ).one()
        speaker = c.execute(
            text(
                "SELECT alias FROM participant_aliases WHERE participant_id = :p AND lang = 'ru' "
                "ORDER BY id LIMIT 1"
            ),
            {"p": speaker_id},
        ).scalar_one()
        topic = c.execute(
            text(
                "SELECT alias FROM topic_aliases WHERE topic_id = :t AND lang = 'en' "
                "ORDER BY id LIMIT 1"
            ),
            {"t": topic_id},
        ).scalar_one()
        turns = c.execute(text("SELECT count(*) FROM utterances")).scalar_one()
        document = c.execute(
            text("SELECT slug FROM documents ORDER BY id LIMIT 1 OFFSET 100")
        ).scalar_one()
        words = [
            "question",
            "agreement",
            "delegation",
            "compensation",
            "army",
            "shipments",
            "draft",
            "comrades",
            "parity",
            "interests",
            "proposal",
            "conditions",
        ]
        shares = {word: hit_count(c, word) / turns for word in words}
        broad = min(shares, key=lambda w: abs(shares[w] - BROAD_SHARE))
        rare = c.execute(
            text(
                "SELECT alias FROM participant_aliases WHERE lang = 'en' AND alias NOT LIKE '% %' "
                "AND alias NOT LIKE '%.%' ORDER BY id DESC LIMIT 1"
            )
        ).scalar_one()
    return {
        "speaker": speaker,
        "topic": topic,
        "speaker_id": speaker_id,
        "topic_id": topic_id,
        "turns": turns,
        "document": document,
        "rare_word": rare,
        "broad_word": broad,
        "broad_share": shares[broad],
    }


# A page of turns on a topic (by one speaker), after a keyset, with their texts: 50 turns
# in two languages.
PAGE_SQL = """
    SELECT u.id, u.position, d.slug, p.name, x.lang, x.text
    FROM utterance_topics t
    JOIN utterances u ON u.id = t.utterance_id
    JOIN documents d ON d.id = u.document_id
    LEFT JOIN participants p ON p.id = u.speaker_id
    JOIN utterance_texts x ON x.utterance_id = u.id
    WHERE t.topic_id = :topic {speaker}
      AND (t.document_date, t.document_id, t.position) > (:day, :doc, :pos)
    ORDER BY t.document_date, t.document_id, t.position
    LIMIT 100
"""
SPEAKER_TOPIC_SQL = text(PAGE_SQL.format(speaker="AND t.speaker_id = :speaker"))
TOPIC_SQL = text(PAGE_SQL.format(speaker=""))
COUNT_SQL = text(
    "SELECT count(*) FROM utterance_topics WHERE topic_id = :topic AND speaker_id = :speaker"
)
DOCUMENT_SQL = text(
    "SELECT d.*, (SELECT count(*) FROM utterances u WHERE u.document_id = d.id) "
    "FROM documents d WHERE d.slug = :slug"
)
SEARCH_SQL = {
    "sqlite": text(
        "SELECT t.utterance_id, t.lang, t.text FROM utterance_fts "
        "JOIN utterance_texts t ON t.id = utterance_fts.rowid "
        "WHERE utterance_fts MATCH :q ORDER BY utterance_fts.rank LIMIT 50"
    ),
    "postgresql": text(
        "SELECT utterance_id, lang, text, ts_rank(tsv, to_tsquery('english', :q)) AS rank "
        "FROM utterance_texts WHERE lang = 'en' AND tsv @@ to_tsquery('english', :q) "
        "ORDER BY rank DESC LIMIT 50"
    ),
}


def backend_query(dialect: str, word: str) -> str:
    """The word as the backend's index holds it: Snowball stems for FTS5; PostgreSQL's
    to_tsquery stems by itself."""
    return fts5_match(parse(word)) if dialect == "sqlite" else word


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument("--deep", type=int, default=40, help="page number of the deep page")
    args = parser.parse_args()
    engine = make_engine(args.url)
    work = pick_workload(engine)
    app = create_app(Settings(database_url=args.url), engine)
    loop = asyncio.new_event_loop()
    client = httpx2.AsyncClient(
        transport=httpx2.ASGITransport(app=app), base_url="http://localhost"
    )

    def get(path: str, **params: Any) -> dict[str, Any]:
        response = loop.run_until_complete(client.get(path, params=params))
        assert response.status_code == 200, response.text
        return dict(response.json())

    def api(path: str, **params: Any) -> Callable[[], None]:
        return lambda: get(path, **params) and None

    def sql(statement: Any, **params: Any) -> Callable[[], None]:
        def call() -> None:
            with engine.connect() as c:
                c.execute(statement, params).all()

        return call

    first = {"day": "0001-01-01", "doc": 0, "pos": 0}

    def deep(params: dict[str, Any]) -> tuple[int, str | None, dict[str, Any] | None]:
        return deepest_full_page(
            lambda cursor: get(
                "/v1/utterances", **params, **({"cursor": cursor} if cursor else {})
            ),
            args.deep,
        )

    def after(last: dict[str, Any] | None) -> dict[str, Any]:
        """The keyset of the item a page starts after, in hand-written SQL's terms."""
        if not last:
            return first
        with engine.connect() as c:
            doc = c.execute(
                text("SELECT id FROM documents WHERE slug = :s"), {"s": last["document"]["id"]}
            ).scalar_one()
        return {"day": last["document"]["date"], "doc": doc, "pos": last["position"]}

    base = {"speaker": work["speaker"], "topic": work["topic"]}
    ids = {"speaker": work["speaker_id"], "topic": work["topic_id"]}
    pair_page, pair_cursor, pair_last = deep(base)
    topic_page, topic_cursor, topic_last = deep({"topic": work["topic"]})
    dialect = engine.dialect.name
    cases = [
        (
            "speaker+topic, page 1",
            api("/v1/utterances", **base),
            sql(SPEAKER_TOPIC_SQL, **ids, **first),
        ),
        (
            f"speaker+topic, page {pair_page}",
            api("/v1/utterances", **base, **({"cursor": pair_cursor} if pair_cursor else {})),
            sql(SPEAKER_TOPIC_SQL, **ids, **after(pair_last)),
        ),
        (
            "topic, page 1",
            api("/v1/utterances", topic=work["topic"]),
            sql(TOPIC_SQL, topic=work["topic_id"], **first),
        ),
        (
            f"topic, page {topic_page}",
            api(
                "/v1/utterances",
                topic=work["topic"],
                **({"cursor": topic_cursor} if topic_cursor else {}),
            ),
            sql(TOPIC_SQL, topic=work["topic_id"], **after(topic_last)),
        ),
        (
            "speaker+topic, count=true",
            api("/v1/utterances", **base, count="true"),
            sql(COUNT_SQL, **ids),
        ),
        (
            f"search, selective ({work['rare_word']!r})",
            api("/v1/search", q=work["rare_word"]),
            sql(SEARCH_SQL[dialect], q=backend_query(dialect, work["rare_word"])),
        ),
        (
            f"search, broad ({work['broad_word']!r}, {work['broad_share']:.0%} of turns)",
            api("/v1/search", q=work["broad_word"]),
            sql(SEARCH_SQL[dialect], q=backend_query(dialect, work["broad_word"])),
        ),
        (
            "document fetch",
            api(f"/v1/documents/{work['document']}"),
            sql(DOCUMENT_SQL, slug=work["document"]),
        ),
    ]
    rows = []
    for name, through_api, through_sql in cases:
        a = percentiles(timed(through_api, args.repeat))
        s = percentiles(timed(through_sql, args.repeat))
        rows.append([name, a["p50"], a["p95"], a["p99"], s["p50"], s["p99"], a["p50"] / s["p50"]])
        print(rows[-1], flush=True)
    print(
        f"\n{args.url}: {work['turns']:,} utterances; "
        f"speaker {work['speaker']!r}, topic {work['topic']!r}"
    )
    print(
        table(
            rows,
            [
                "query",
                "API p50 ms",
                "API p95 ms",
                "API p99 ms",
                "SQL p50 ms",
                "SQL p99 ms",
                "API/SQL",
            ],
        )
    )
    loop.run_until_complete(client.aclose())


if __name__ == "__main__":
    main()
