"""Rendered JSON kept per data version: typed like the read models, and never served
after the data it came from has changed."""

from __future__ import annotations

from typing import Any, get_type_hints

import pytest
from pydantic import BaseModel
from sqlalchemy import text
from starlette.testclient import TestClient

from app import schemas
from app.db import data_version, make_engine, session_factory
from app.ingest.loader import discover, load_files
from app.main import create_app
from app.migrate import upgrade
from app.queries import texts
from app.queries.rendered import Fragment, RenderCache
from tests.conftest import SEED_DIR, api_settings

RECORDS: list[tuple[Any, type[BaseModel]]] = [
    (texts.UtteranceRecord, schemas.Utterance),
    (texts.TextRecord, schemas.UtteranceText),
    (texts.SpanRecord, schemas.Span),
    (texts.PageBreakRecord, schemas.PageBreak),
    (texts.TopicTagRecord, schemas.TopicTag),
    (texts.DocumentRefRecord, schemas.DocumentRef),
    (texts.RefRecord, schemas.Ref),
]


@pytest.mark.parametrize(("record", "model"), RECORDS)
def test_each_record_type_has_its_read_models_fields_in_order(
    record: Any, model: type[BaseModel]
) -> None:
    # In order: JSON pages are serialised from these dicts, the key order included.
    assert list(get_type_hints(record)) == list(model.model_fields)


def test_a_committed_write_changes_the_data_version_and_a_rollback_does_not(
    fresh_url: str,
) -> None:
    engine = make_engine(fresh_url)
    upgrade(engine)
    with engine.connect() as connection:
        before = data_version(connection)
    with engine.connect() as connection:
        connection.execute(text("UPDATE topics SET label = label"))
        connection.rollback()
        assert data_version(connection) == before
    with engine.begin() as connection:
        connection.execute(text("UPDATE topics SET label = label"))
    with engine.connect() as connection:
        assert data_version(connection) != before
    engine.dispose()


def test_a_change_committed_elsewhere_is_served_at_once(fresh_url: str) -> None:
    engine = make_engine(fresh_url)
    upgrade(engine)
    list(load_files(session_factory(engine), discover([SEED_DIR]), SEED_DIR))
    app = create_app(api_settings(public_url="http://parley.test"), engine)
    page = "/v1/utterances?speaker=Mao&topic=KChZhD&lang=en"
    with TestClient(app, base_url="http://parley.test") as client:
        first = client.get(page)
        document = client.get("/v1/documents/wilson-111245")
        assert first.json()["items"][0]["document"]["title"].startswith("Record of Talks")
        # Another process (its own engine) renames the record.
        other = make_engine(fresh_url)
        with other.begin() as connection:
            connection.execute(
                text("UPDATE documents SET title = 'Renamed' WHERE slug = 'wilson-111245'")
            )
        other.dispose()
        second = client.get(page, headers={"If-None-Match": first.headers["etag"]})
        assert second.status_code == 200 and second.headers["etag"] != first.headers["etag"]
        assert {item["document"]["title"] for item in second.json()["items"]} == {"Renamed"}
        assert client.get("/v1/documents/wilson-111245").json()["title"] == "Renamed"
        assert document.json()["title"] != "Renamed"
    engine.dispose()


def test_fragments_take_the_base_url_they_are_served_under() -> None:
    fragment = Fragment.render({"url": "\x00base\x00/v1/utterances/a.1", "n": 1})
    assert fragment.bind(b"https://example.org") == (
        b'{"url":"https://example.org/v1/utterances/a.1","n":1}'
    )


def test_the_cache_keeps_to_its_budget() -> None:
    cache = RenderCache(budget=2_000)
    generation = cache.at_version(1)
    for n in range(100):
        generation.put(n, b"x" * 100, 100)
    assert generation.size <= 2_000
    assert generation.get(99) is not None and generation.get(0) is None
    assert cache.at_version(2).get(99) is None  # a new version starts empty
