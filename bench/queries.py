"""In-process query latency: each API request beside hand-written SQL for the same answer.

    python bench/queries.py --url sqlite:///bench/out/bench.db [--repeat 300]

Requests go through the ASGI app in-process (no sockets); the SQL runs on the
same engine. The ratio is what the API adds: alias resolution, the read models,
JSON, middleware.
"""

from __future__ import annotations

import argparse
from typing import Any

from common import percentiles, table, timed
from sqlalchemy import Engine, text
from starlette.testclient import TestClient

from app.config import Settings
from app.db import make_engine
from app.main import create_app


def pick_workload(engine: Engine) -> dict[str, Any]:
    """The busiest (speaker, topic) pair, spelt by aliases, and search words by frequency."""
    with engine.connect() as c:
        speaker_id, topic_id, _ = c.execute(
            text(
                "SELECT u.speaker_id, t.topic_id, count(*) FROM utterance_topics t "
                "JOIN utterances u ON u.id = t.utterance_id GROUP BY u.speaker_id, t.topic_id "
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
            text(
                "SELECT d.slug FROM documents d JOIN utterances u ON u.document_id = d.id "
                "GROUP BY d.slug ORDER BY count(*) DESC LIMIT 1 OFFSET 100"
            )
        ).scalar_one()
    return {
        "speaker": speaker,
        "topic": topic,
        "speaker_id": speaker_id,
        "topic_id": topic_id,
        "turns": turns,
        "document": document,
    }


SPEAKER_TOPIC_SQL = text(
    """
    SELECT u.id, u.position, d.slug, p.name, x.lang, x.text
    FROM utterances u
    JOIN utterance_topics t ON t.utterance_id = u.id AND t.topic_id = :topic
    JOIN documents d ON d.id = u.document_id
    JOIN participants p ON p.id = u.speaker_id
    JOIN utterance_texts x ON x.utterance_id = u.id
    WHERE u.speaker_id = :speaker
      AND (u.document_date, u.document_id, u.position) > (:day, :doc, :pos)
    ORDER BY u.document_date, u.document_id, u.position
    LIMIT :limit
    """
)
COUNT_SQL = text(
    "SELECT count(*) FROM utterances u JOIN utterance_topics t ON t.utterance_id = u.id "
    "AND t.topic_id = :topic WHERE u.speaker_id = :speaker"
)
DOCUMENT_SQL = text(
    "SELECT d.*, (SELECT count(*) FROM utterances u WHERE u.document_id = d.id) "
    "FROM documents d WHERE d.slug = :slug"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument("--deep", type=int, default=40, help="page number of the deep page")
    args = parser.parse_args()
    engine = make_engine(args.url)
    work = pick_workload(engine)
    client = TestClient(create_app(Settings(database_url=args.url), engine))
    base = {"speaker": work["speaker"], "topic": work["topic"]}

    # Walk to the deep page once, untimed.
    cursor, key = None, ("0001-01-01", 0, 0)
    for _ in range(args.deep - 1):
        body = client.get(
            "/v1/utterances", params={**base, **({"cursor": cursor} if cursor else {})}
        ).json()
        if not body["next_cursor"]:
            break
        cursor = body["next_cursor"]
        last = body["items"][-1]
        key = (last["document"]["date"], None, last["position"])
    with engine.connect() as c:
        deep_doc = (
            c.execute(
                text("SELECT id FROM documents WHERE slug = :s"), {"s": last["document"]["id"]}
            ).scalar_one()
            if cursor
            else 0
        )
    deep_key = (key[0], deep_doc, key[2])

    def sql(statement: Any, **params: Any) -> Any:
        def call() -> None:
            with engine.connect() as c:
                c.execute(statement, params).all()

        return call

    def api(path: str, **params: Any) -> Any:
        def call() -> None:
            response = client.get(path, params=params)
            assert response.status_code == 200, response.text

        return call

    page = {
        "speaker": work["speaker_id"],
        "topic": work["topic_id"],
        "limit": 100,
    }  # 50 turns x 2 texts
    cases = [
        (
            "speaker+topic, page 1",
            api("/v1/utterances", **base),
            sql(SPEAKER_TOPIC_SQL, **page, day="0001-01-01", doc=0, pos=0),
        ),
        (
            f"speaker+topic, page {args.deep}",
            api("/v1/utterances", **base, cursor=cursor),
            sql(SPEAKER_TOPIC_SQL, **page, day=deep_key[0], doc=deep_key[1], pos=deep_key[2]),
        ),
        (
            "speaker+topic, count=true",
            api("/v1/utterances", **base, count="true"),
            sql(COUNT_SQL, speaker=work["speaker_id"], topic=work["topic_id"]),
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
    print(
        f"{args.url}: {work['turns']:,} utterances; "
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


if __name__ == "__main__":
    main()
