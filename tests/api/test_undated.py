"""Records that state no date, on both backends: they load without one, list after every
dated record in keyset pages, match no date filter, and say "undated" in every export
and citation style; their Parley JSON, with `"date": null`, loads back unchanged."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from sqlalchemy import Engine, select
from sqlalchemy.orm import sessionmaker
from starlette.testclient import TestClient

from app.db import make_engine
from app.ingest.loader import discover, load_files
from app.main import create_app
from app.migrate import upgrade
from app.models import UNDATED, Document, Utterance, UtteranceTopic
from tests.conftest import FRUS_SAMPLE, LAYOUTS_DIR, SEED_DIR, DatabaseFactory, api_settings
from tests.undated import UNDATED_IDS, write_undated_records

JSON_SAMPLE = LAYOUTS_DIR / "json-1950-02-14_vyshinsky-zhou.json"
DATED_IDS = ["wilson-111245", "json-1950-02-14-vyshinsky-zhou", "frus-1972-02-21-mao-nixon"]
TEI = {"t": "http://www.tei-c.org/ns/1.0"}
STALIN_MAO = "undated-stalin-mao"
TITLE = "Notes of a Conversation between J.V. Stalin and Mao Zedong"


def load(engine: Engine, *paths: Path) -> list[Any]:
    return list(load_files(sessionmaker(engine), discover(paths), SEED_DIR))


@pytest.fixture(scope="module")
def undated_db(
    backend: str, databases: DatabaseFactory, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """Three dated records and three undated ones (loaded last, so their row ids are
    the highest and only the chronology key can put them in their place)."""
    engine = make_engine(databases.url(backend))
    upgrade(engine)
    undated = write_undated_records(tmp_path_factory.mktemp("undated"))
    outcomes = load(engine, SEED_DIR, JSON_SAMPLE, FRUS_SAMPLE, undated)
    assert [(o.slug, o.status, o.date is None) for o in outcomes[-3:]] == [
        (slug, "loaded", True) for slug in UNDATED_IDS
    ]
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def api(undated_db: Engine) -> Iterator[TestClient]:
    app = create_app(api_settings(public_url="http://parley.test"), undated_db)
    with TestClient(app, base_url="http://parley.test") as client:
        yield client


def every_page(client: TestClient, url: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a listing, following next_cursor."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        body = client.get(url, params={**params, **({"cursor": cursor} if cursor else {})}).json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


# -- loading ----------------------------------------------------------------------------


def test_an_undated_record_is_stored_without_a_date(undated_db: Engine) -> None:
    with undated_db.connect() as connection:
        dates = dict(connection.execute(select(Document.slug, Document.date)).all())
        keys = set(
            connection.scalars(
                select(Utterance.document_date)
                .join(Document, Document.id == Utterance.document_id)
                .where(Document.slug == STALIN_MAO)
            )
        )
        topic_keys = set(
            connection.scalars(
                select(UtteranceTopic.document_date)
                .join(Document, Document.id == UtteranceTopic.document_id)
                .where(Document.slug == STALIN_MAO)
            )
        )
    assert [dates[slug] for slug in UNDATED_IDS] == [None, None, None]
    assert all(dates[slug] is not None for slug in DATED_IDS)
    # The turns and topic links order by the chronology key, after every date.
    assert keys == topic_keys == {UNDATED}


def test_a_record_dated_on_the_chronology_key_is_refused(fresh_url: str, tmp_path: Path) -> None:
    engine = make_engine(fresh_url)
    upgrade(engine)
    record = tmp_path / "far-future.txt"
    record.write_text(
        "---\ndate: 9999-12-31\n---\nStalin: One.\n\nMao: Two.\n\nStalin: Three.\n",
        encoding="utf-8",
    )
    [outcome] = load(engine, record)
    assert outcome.status == "failed"
    assert "its date 9999-12-31 is past the last date Parley stores (9999-12-30)" in str(
        outcome.error
    )
    with engine.connect() as connection:
        assert connection.scalar(select(Document.id)) is None
    engine.dispose()


# -- listings -----------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [1, 2, 4])
def test_documents_page_through_dated_then_undated(api: TestClient, limit: int) -> None:
    items = every_page(api, "/v1/documents", limit=limit)
    assert [d["id"] for d in items] == DATED_IDS + UNDATED_IDS
    assert [d["date"] for d in items[-3:]] == [None, None, None]
    assert items[0]["date"] == "1950-01-22"


def test_turns_page_through_dated_then_undated(api: TestClient) -> None:
    whole = api.get("/v1/utterances", params={"limit": 200}).json()
    assert whole["next_cursor"] is None
    documents = [item["document"]["id"] for item in whole["items"]]
    assert list(dict.fromkeys(documents)) == DATED_IDS + UNDATED_IDS
    assert every_page(api, "/v1/utterances", limit=7) == whole["items"]
    last = whole["items"][-1]
    assert last["document"] == {
        "id": "undated-zhou-vyshinsky",
        "title": "Note on a Conversation with Zhou Enlai",
        "date": None,
    }


@pytest.mark.parametrize(
    ("params", "documents"),
    [
        ({"speaker": "Stalin"}, ["wilson-111245", STALIN_MAO]),
        ({"topic": "Port Arthur"}, [*DATED_IDS[:2], STALIN_MAO]),
        ({"speaker": "Zhou Enlai"}, [*DATED_IDS, UNDATED_IDS[0], UNDATED_IDS[2]]),
    ],
)
def test_filtered_turns_page_through_dated_then_undated(
    api: TestClient, params: dict[str, str], documents: list[str]
) -> None:
    whole = api.get("/v1/utterances", params={**params, "limit": 200}).json()["items"]
    assert list(dict.fromkeys(item["document"]["id"] for item in whole)) == documents
    assert every_page(api, "/v1/utterances", **params, limit=2) == whole


@pytest.mark.parametrize(
    "dates",
    [
        {"date_from": "1900-01-01"},
        {"date_to": "9999-12-31"},
        {"date_from": "0001-01-01", "date_to": "9999-12-31"},
    ],
)
def test_date_filters_never_match_an_undated_record(api: TestClient, dates: dict[str, str]) -> None:
    documents = every_page(api, "/v1/documents", **dates, limit=2)
    assert [d["id"] for d in documents] == DATED_IDS
    turns = api.get("/v1/utterances", params={**dates, "limit": 200}).json()["items"]
    assert {t["document"]["id"] for t in turns} == set(DATED_IDS)
    on_topic = api.get("/v1/utterances", params={**dates, "topic": "Port Arthur"}).json()
    assert STALIN_MAO not in {t["document"]["id"] for t in on_topic["items"]}
    found = api.get("/v1/search", params={**dates, "q": "Stalin"}).json()
    assert found["items"] and STALIN_MAO not in {h["document"]["id"] for h in found["items"]}
    assert STALIN_MAO not in {d["id"] for d in found["documents"]}


def test_search_finds_an_undated_record_and_counts_it_without_a_year(api: TestClient) -> None:
    found = api.get("/v1/search", params={"q": "spring"}).json()
    assert [h["id"] for h in found["items"]] == [f"{STALIN_MAO}.1"]
    assert found["items"][0]["document"]["date"] is None
    assert found["facets"]["year"] == [{"value": None, "label": "(undated)", "count": 1}]
    titled = api.get("/v1/search", params={"q": "Notes of a Conversation"}).json()
    assert {"id": STALIN_MAO, "date": None}.items() <= titled["documents"][0].items()


def test_a_participant_lists_undated_appearances_last(api: TestClient) -> None:
    stalin = api.get("/v1/participants/stalin").json()
    assert [(a["id"], a["date"]) for a in stalin["appearances"]] == [
        ("wilson-111245", "1950-01-22"),
        ("json-1950-02-14-vyshinsky-zhou", "1950-02-14"),  # Stalin is mentioned
        (STALIN_MAO, None),
    ]
    graph = api.get("/v1/participants/stalin", params={"format": "jsonld"}).json()
    assert [d.get("dateCreated") for d in graph["subjectOf"]] == ["1950-01-22", "1950-02-14", None]


# -- one record, its exports and citations --------------------------------------------------


def test_the_document_has_a_null_date(api: TestClient) -> None:
    doc = api.get(f"/v1/documents/{STALIN_MAO}").json()
    assert doc["date"] is None and doc["citation"] == f"\u201c{TITLE},\u201d n.d."
    summary = api.get("/v1/documents", params={"q": "spring"}).json()["items"]
    assert [(d["id"], d["date"]) for d in summary] == [(STALIN_MAO, None)]
    turn = api.get(f"/v1/utterances/{STALIN_MAO}.1").json()
    assert turn["document"]["date"] is None


def test_the_reader_shows_an_undated_record_as_undated(api: TestClient) -> None:
    html = {"Accept": "text/html"}
    for url in (
        f"/v1/documents/{STALIN_MAO}",
        f"/v1/utterances/{STALIN_MAO}.1",
        "/v1/documents?q=spring",
        "/v1/search?q=spring",
        "/v1/participants/molotov",
    ):
        response = api.get(url, headers=html)
        assert response.status_code == 200, url
        assert '<span class="undated">undated</span>' in response.text, url


def test_json_ld_leaves_the_date_out(api: TestClient) -> None:
    graph = api.get(f"/v1/documents/{STALIN_MAO}", params={"format": "jsonld"}).json()
    assert graph["name"] == TITLE
    assert "dateCreated" not in graph and "startDate" not in graph["recordedAt"]
    assert [p["name"] for p in graph["recordedAt"]["attendee"]][:2] == [
        "Joseph Stalin",
        "Mao Zedong",
    ]


def test_tei_says_the_record_is_undated(api: TestClient, tei_all: etree.RelaxNG) -> None:
    response = api.get(f"/v1/documents/{STALIN_MAO}", params={"format": "tei"})
    record = etree.fromstring(response.content)
    assert tei_all.validate(record), tei_all.error_log
    dates = record.xpath("//t:teiHeader//t:date", namespaces=TEI)
    assert [(d.text, d.get("when")) for d in dates] == [("undated", None), ("undated", None)]


def test_csv_leaves_the_date_empty(api: TestClient) -> None:
    response = api.get(f"/v1/documents/{STALIN_MAO}/utterances", params={"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert len(rows) == 5 and {row["date"] for row in rows} == {""}
    dated = api.get("/v1/utterances", params={"speaker": "Stalin", "format": "csv"})
    cells = [
        row["date"]
        for row in csv.DictReader(io.StringIO(dated.content.decode("utf-8-sig"), newline=""))
    ]
    assert cells[0] == "1950-01-22" and cells[-1] == ""


def test_citations_follow_each_style_for_no_date(api: TestClient) -> None:
    cite = f"/v1/documents/{STALIN_MAO}/citation"
    assert api.get(cite).text == f"\u201c{TITLE},\u201d n.d."
    turn = api.get(f"/v1/utterances/{STALIN_MAO}.1/citation").text
    assert turn == (
        f"Joseph Stalin, remarks in \u201c{TITLE},\u201d n.d., "
        f"http://parley.test/v1/utterances/{STALIN_MAO}.1."
    )
    assert api.get(cite, params={"style": "bibtex"}).text == (
        f"@misc{{{STALIN_MAO},\n  title = {{{{{TITLE}}}}},\n  language = {{english}}\n}}\n"
    )
    ris = api.get(cite, params={"style": "ris"}).text.split("\r\n")
    assert [line[:2] for line in ris] == ["TY", "ID", "TI", "M3", "LA", "ER", ""]
    [item] = api.get(cite, params={"style": "csl-json"}).json()
    assert item == {
        "id": STALIN_MAO,
        "type": "manuscript",
        "title": TITLE,
        "genre": "record of conversation",
        "language": "en",
    }


# -- Parley JSON --------------------------------------------------------------------------------


def test_parley_json_round_trips_a_null_date(
    api: TestClient, backend: str, databases: DatabaseFactory, tmp_path: Path
) -> None:
    exported = {
        slug: api.get(f"/v1/documents/{slug}", params={"format": "parley"}).content
        for slug in UNDATED_IDS
    }
    assert {json.loads(body)["date"] for body in exported.values()} == {None}
    for slug, body in exported.items():
        (tmp_path / f"{slug}.json").write_bytes(body)
    fresh = make_engine(databases.url(backend))
    upgrade(fresh)
    assert [o.status for o in load(fresh, tmp_path)] == ["loaded"] * 3
    app = create_app(api_settings(public_url="http://parley.test"), fresh)
    with TestClient(app, base_url="http://parley.test") as again:
        for slug, body in exported.items():
            assert again.get(f"/v1/documents/{slug}", params={"format": "parley"}).content == body
        assert [d["date"] for d in again.get("/v1/documents").json()["items"]] == [None] * 3
    assert {o.status for o in load(fresh, tmp_path)} == {"unchanged"}
    fresh.dispose()
