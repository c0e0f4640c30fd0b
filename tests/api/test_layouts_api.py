"""The layout samples through the API, on both backends: unresolved speakers visible,
FRUS metadata and notes, reported speech and narration told apart from speech."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient

from app.config import Settings
from app.main import create_app

FRUS_ID = "frus-1972-02-21-mao-nixon"


@pytest.fixture(scope="module")
def layouts(library: Engine) -> Iterator[TestClient]:
    """The API over the library: the seed and every layout sample."""
    app = create_app(Settings(database_url="sqlite://", public_url="http://parley.test"), library)
    with TestClient(app, base_url="http://parley.test") as client:
        yield client


def test_unresolved_speakers_are_listed(layouts: TestClient) -> None:
    body = layouts.get("/v1/participants", params={"unresolved": "true"}).json()
    found = {p["id"]: (p["name"], p["turns"]) for p in body["items"]}
    assert found == {
        "chervonenko": ("Chervonenko", 1),
        "den-siao-pin": ("Den Siao-pin", 1),
        "kan-shen": ("КАН ШЭН", 2),
        "张庭延": ("张庭延", 0),
    }
    assert all(p["unresolved"] for p in body["items"])
    kang = layouts.get("/v1/participants/kan-shen").json()
    assert kang["appearances"][0]["id"] == "ru-1963-07-08-cpsu-ccp-talks"


def test_frus_document(layouts: TestClient) -> None:
    doc = layouts.get(f"/v1/documents/{FRUS_ID}").json()
    assert doc["layout"] == "frus"
    assert (doc["place"], doc["time_of_day"]) == (
        "Chairman Mao's Residence, Peking",
        "2:50–3:55 p.m.",
    )
    assert [n["mark"] for n in doc["notes"]] == ["1", "2", "3"]
    assert doc["citation"].startswith(
        "\u201cMemorandum of Conversation,\u201d February 21, 1972, National Archives, Nixon "
        "Presidential Materials"
    )
    assert "Foreign Relations of the United States, 1969–1976" in doc["citation"]
    people = {p["id"]: p for p in doc["participants"]}
    assert people["zhou-enlai"]["labels"] == {"en": "PM Chou"}
    assert people["tang-wensheng"]["roles"] == ["present"]
    assert doc["counts"] == {"turns": 11, "narration": 3, "participants": 7}


def test_a_note_marker_and_editorial_strip(layouts: TestClient) -> None:
    marked = layouts.get(f"/v1/utterances/{FRUS_ID}.2").json()["texts"]["en"]
    assert marked["text"].endswith("sitting here.2")
    assert [s["kind"] for s in marked["spans"]] == ["note"]
    plain = layouts.get(f"/v1/utterances/{FRUS_ID}.2", params={"editorial": "strip"}).json()
    assert plain["texts"]["en"]["text"].endswith("sitting here.")


def test_reported_speech_and_narration_in_the_conversation(layouts: TestClient) -> None:
    items = layouts.get("/v1/documents/wilson-990731/utterances", params={"limit": 50}).json()[
        "items"
    ]
    assert [(i["kind"], i["speaker"]["id"] if i["speaker"] else None) for i in items][:3] == [
        ("reported", "khrushchev"),
        ("reported", "mao-zedong"),
        ("reported", "khrushchev"),
    ]
    assert items[0]["texts"]["en"]["label"] == "KHRUSHCHEV N.S."


def test_every_speaker_spelling_finds_one_person(layouts: TestClient) -> None:
    for name in ("Kim Il Sung", "Ким Ир Сен", "金日成", "Kim Il-sung"):
        body = layouts.get("/v1/utterances", params={"speaker": name, "limit": 200}).json()
        assert {i["speaker"]["id"] for i in body["items"]} == {"kim-il-sung"}, name
        assert len(body["items"]) == 5
    pak = layouts.get("/v1/utterances", params={"speaker": "朴成哲", "lang": "zh"}).json()
    assert [i["texts"]["zh"]["label"] for i in pak["items"]] == ["朴成哲团长"] * 3
