"""Documents, participants and topics on both backends."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.conftest import SEED_TITLE


def test_document_detail(client: TestClient) -> None:
    doc = client.get("/v1/documents/wilson-111245").json()
    assert doc["date"] == "1950-01-22" and doc["languages"] == ["ru", "en"]
    assert doc["reference"] == {
        "archive": "Archive of the President, Russian Federation (APRF)",
        "fond": "45",
        "opis": "1",
        "delo": "329",
        "folios": "29-38",
    }
    assert doc["counts"] == {"turns": 66, "narration": 3, "participants": 13}
    assert doc["translator"] == "Danny Rozas"
    assert doc["citation"] == (
        "\u201cRecord of Talks between I.V. Stalin and Chairman of the Central People's Government "
        "of the People's Republic of China Mao Zedong,\u201d January 22, 1950, Archive of the "
        "President, Russian Federation (APRF), f. 45, op. 1, d. 329, ll. 29–38, trans. Danny "
        "Rozas, Wilson Center Digital Archive, "
        "https://wilson-center-digital-archive.dvincitest.com/document/111245."
    )
    people = {p["id"]: p for p in doc["participants"]}
    assert people["mao-zedong"]["roles"][:2] == ["speaker", "present"]
    assert people["mao-zedong"]["turns"] == 29
    assert people["stalin"]["turns"] == 32 and "present" not in people["stalin"]["roles"]
    assert people["wang-jiaxiang"]["description"] == "PRC Ambassador to the USSR"
    assert people["roshchin"]["labels"] == {"ru": "Родин", "en": "Roshchin"}
    assert people["roosevelt"]["roles"] == ["mentioned"]
    in_the_room = [p for p in doc["participants"] if {"speaker", "present"} & set(p["roles"])]
    assert len(in_the_room) == 13
    topics = {t["id"]: t["turns"] for t in doc["topics"]}
    assert topics["kchzhd"] == 14 and topics["tibet"] == 2
    assert [d["text"] for d in doc["debris"] if d["kind"] == "page"] == ["2.", "5.", "8."]


def test_the_conversation_in_order_with_narration(client: TestClient) -> None:
    body = client.get("/v1/documents/wilson-111245/utterances", params={"limit": 200}).json()
    items = body["items"]
    assert [i["position"] for i in items] == list(range(1, 70))
    assert items[0]["kind"] == "narration" and items[0]["speaker"] is None
    assert items[1]["speaker"]["id"] == "stalin"
    assert items[-1]["texts"]["en"]["text"].startswith("Present at the meeting were")


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({}, True),
        ({"participant": "Zhou Enlai"}, True),
        ({"participant": "Roosevelt"}, True),  # mentioned only
        ({"participant": "Федоренко"}, True),  # present, silent
        ({"topic": "Tibet"}, True),
        ({"date_from": "1950-01-22", "date_to": "1950-01-22"}, True),
        ({"date_from": "1951-01-01"}, False),
        ({"language": "ru"}, True),
        ({"language": "zh"}, False),
    ],
)
def test_document_filters(client: TestClient, params: dict[str, str], found: bool) -> None:
    body = client.get("/v1/documents", params=params).json()
    assert [d["id"] for d in body["items"]] == (["wilson-111245"] if found else [])


def test_unknown_document_is_404(client: TestClient) -> None:
    response = client.get("/v1/documents/wilson-111246")
    assert response.status_code == 404
    assert response.json()["suggestions"] == [{"id": "wilson-111245", "name": SEED_TITLE}]
    assert client.get("/v1/documents/nope/utterances").status_code == 404


def test_participant_search_in_any_script(client: TestClient) -> None:
    def found(q: str) -> list[str]:
        return [p["id"] for p in client.get("/v1/participants", params={"q": q}).json()["items"]]

    assert found("Chou") == ["zhou-enlai"]
    assert found("Мао") == ["mao-zedong"]
    assert found("karskii") == ["shi-zhe"]
    assert "li-fuchun" in found("Ли Ту-чунь")
    assert found("zzzz") == []


def test_participants_of_a_document(client: TestClient) -> None:
    body = client.get(
        "/v1/participants", params={"document": "wilson-111245", "limit": 200, "count": True}
    ).json()
    assert body["total"] == len(body["items"]) == 16  # 13 in the room and 3 mentioned


def test_participant_detail(client: TestClient) -> None:
    mao = client.get("/v1/participants/mao-zedong").json()
    assert mao["turns"] == 29 and mao["documents"] == 1
    spellings = {a["alias"] for a in mao["aliases"]}
    assert {"Мао Цзэ-дун", "Мао Цзе-дун", "Mao Tse-tung", "毛泽东"} <= spellings
    assert mao["names"]["zh"] == "毛泽东"
    [appearance] = mao["appearances"]
    assert appearance["roles"] == ["present", "speaker"] and appearance["turns"] == 29
    assert {"id": "kchzhd", "label": "Chinese Changchun Railway", "turns": 4} in mao["topics"]
    assert client.get("/v1/participants/mao").status_code == 404


def test_topics(client: TestClient) -> None:
    listing = client.get("/v1/topics", params={"limit": 200}).json()["items"]
    labels = [t["label"] for t in listing]
    assert labels == sorted(labels)
    kchzhd = client.get("/v1/topics/kchzhd").json()
    assert (
        "КЧЖД" in kchzhd["aliases"]["ru"] and "Chinese Eastern Railway" in kchzhd["aliases"]["en"]
    )
    assert kchzhd["turns"] == 14
    speakers = {s["id"]: s["turns"] for s in kchzhd["speakers"]}
    assert speakers == {"stalin": 6, "mao-zedong": 4, "molotov": 2, "zhou-enlai": 2}
    found = [t["id"] for t in client.get("/v1/topics", params={"q": "railway"}).json()["items"]]
    assert found == ["kchzhd"]
    assert [t["id"] for t in client.get("/v1/topics", params={"q": "旅顺"}).json()["items"]] == [
        "port-arthur"
    ]


def test_paging_participants(client: TestClient) -> None:
    first = client.get("/v1/participants", params={"limit": 5}).json()
    second = client.get(
        "/v1/participants", params={"limit": 5, "cursor": first["next_cursor"]}
    ).json()
    names = [p["name"] for p in first["items"] + second["items"]]
    assert names == sorted(names) and len(set(names)) == 10
