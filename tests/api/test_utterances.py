"""/v1/utterances on both backends: the questions historians ask."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.conftest import SEED_TITLE

MAO_ON_KCHZHD = ["wilson-111245.17", "wilson-111245.19", "wilson-111245.37", "wilson-111245.44"]


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


@pytest.mark.parametrize(
    ("speaker", "topic"),
    [
        ("Mao", "KChZhD"),
        ("Мао Цзе-дун", "КЧЖД"),
        ("mao-zedong", "Chinese Eastern Railway"),
        ("Mao Tse-tung", "kchzhd"),
        ("MAO ZEDONG", "chinese changchun railway"),
        ("мао цзэ-дун", "Chinese Changchun Railway"),
    ],
)
def test_every_spelling_finds_maos_four_kchzhd_turns(
    client: TestClient, speaker: str, topic: str
) -> None:
    response = client.get("/v1/utterances", params={"speaker": speaker, "topic": topic})
    assert ids(response) == MAO_ON_KCHZHD


def test_an_item_carries_everything_a_client_needs(client: TestClient) -> None:
    [first, *_] = client.get("/v1/utterances", params={"speaker": "Mao", "topic": "KChZhD"}).json()[
        "items"
    ]
    assert first["document"] == {"id": "wilson-111245", "title": SEED_TITLE, "date": "1950-01-22"}
    assert first["position"] == 17 and first["kind"] == "speech"
    assert first["speaker"] == {"id": "mao-zedong", "name": "Mao Zedong"}
    assert set(first["texts"]) == {"ru", "en"}
    assert first["texts"]["ru"]["original"] is True and first["texts"]["en"]["original"] is False
    assert first["texts"]["ru"]["label"] == "Мао Цзэ-дун"
    assert first["texts"]["en"]["text"].startswith("Perhaps we should accept as the guiding")
    kchzhd = next(t for t in first["topics"] if t["id"] == "kchzhd")
    assert kchzhd["reason"] == "named" and "KChZhD" in kchzhd["matched"]
    assert first["url"] == "http://parley.test/v1/utterances/wilson-111245.17"
    assert client.get(first["url"]).json()["id"] == first["id"]


@pytest.mark.parametrize(
    ("turn", "opening"),
    [
        # Mao's turn 17 names the railway ("the KChZhD … agreements") in the item turn 16
        # opened: it goes on with that item, and opens none.
        (19, "Let us move over to the agreement on KChZhD"),
        (37, "Let us continue the discussion of the KChZhD"),
    ],
)
def test_inherited_topics_point_to_the_turn_that_opened_the_item(
    client: TestClient, turn: int, opening: str
) -> None:
    item = client.get(f"/v1/utterances/wilson-111245.{turn}").json()
    tag = next(t for t in item["topics"] if t["id"] == "kchzhd")
    assert tag["reason"] == "agenda"
    opener = client.get(f"/v1/utterances/{tag['opened_by']}").json()
    assert opener["texts"]["en"]["text"].startswith(opening)


def test_lang_selects_the_texts(client: TestClient) -> None:
    params = {"speaker": "Mao", "topic": "KChZhD"}
    only_en = client.get("/v1/utterances", params={**params, "lang": "en"}).json()["items"]
    assert all(set(i["texts"]) == {"en"} for i in only_en)
    both = client.get("/v1/utterances", params={**params, "lang": "ru,en"}).json()["items"]
    assert all(set(i["texts"]) == {"ru", "en"} for i in both)
    repeated = client.get("/v1/utterances?speaker=Mao&topic=KChZhD&lang=ru&lang=en").json()
    assert repeated["items"] == both


def test_filters_combine(client: TestClient) -> None:
    zhou = ids(client.get("/v1/utterances", params={"speaker": "Chou En-lai"}))
    assert len(zhou) == 3
    on_manchuria = ids(
        client.get("/v1/utterances", params={"speaker": "zhou", "topic": "Маньчжурия"})
    )
    assert len(on_manchuria) == 1
    assert ids(client.get("/v1/utterances", params={"date_from": "1950-01-23"})) == []
    assert (
        len(ids(client.get("/v1/utterances", params={"date_to": "1950-01-22", "limit": 200}))) == 69
    )
    narration = client.get("/v1/utterances", params={"kind": "narration"}).json()["items"]
    assert [n["speaker"] for n in narration] == [None, None, None]
    assert narration[1]["texts"]["en"]["text"] == "The meeting took two hours."


def test_pages_follow_the_cursor_and_the_link_header(client: TestClient) -> None:
    params = {"speaker": "Mao", "topic": "KChZhD", "limit": 3, "count": "true"}
    first = client.get("/v1/utterances", params=params)
    body = first.json()
    assert body["total"] == 4 and len(body["items"]) == 3 and body["next_cursor"]
    link = first.headers["link"]
    assert link.endswith('rel="next"') and "cursor=" in link
    second = client.get(link[1 : link.index(">")])
    assert second.json()["next_cursor"] is None and "link" not in second.headers
    assert [i["id"] for i in body["items"] + second.json()["items"]] == MAO_ON_KCHZHD


def test_deep_pages_cover_the_whole_record_once(client: TestClient) -> None:
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        body = client.get("/v1/utterances", params=params).json()
        seen += [i["id"] for i in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == [f"wilson-111245.{n}" for n in range(1, 70)]


def test_editorial_insertions_can_be_stripped(client: TestClient) -> None:
    kept = client.get("/v1/utterances/wilson-111245.28", params={"lang": "en"}).json()
    text = kept["texts"]["en"]
    assert text["text"].startswith("The question of Dalny [Dairen; Dalian].")
    [span] = text["spans"]
    assert text["text"][span["start"] : span["end"]] == "[Dairen; Dalian]"
    stripped = client.get(
        "/v1/utterances/wilson-111245.28", params={"lang": "en", "editorial": "strip"}
    ).json()["texts"]["en"]
    assert stripped["text"].startswith("The question of Dalny. We have no intention")
    assert stripped["spans"] == []
    joke = client.get(
        "/v1/utterances/wilson-111245.51", params={"lang": "en", "editorial": "strip"}
    ).json()["texts"]["en"]["text"]
    assert "two percent interest. We could increase this interest for you as well" in joke


def test_a_turn_knows_its_neighbours(client: TestClient) -> None:
    middle = client.get("/v1/utterances/wilson-111245.17").json()
    assert (middle["previous"], middle["next"]) == ("wilson-111245.16", "wilson-111245.18")
    first = client.get("/v1/utterances/wilson-111245.1").json()
    assert first["previous"] is None and first["kind"] == "narration"
    last = client.get("/v1/utterances/wilson-111245.69").json()
    assert last["next"] is None


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"speaker": "Mau"}, "speaker"),
        ({"topic": "Kchzd railroad"}, "topic"),
        ({"document": "wilson-11124"}, "document"),
    ],
)
def test_a_name_that_matches_nobody_is_a_422_with_suggestions(
    client: TestClient, params: dict[str, str], name: str
) -> None:
    response = client.get("/v1/utterances", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "urn:parley:problem:unknown-name"
    assert problem["invalid-params"][0]["name"] == name
    assert problem["detail"].startswith(f"{name}: no ")
    assert problem["suggestions"], problem


def test_suggestions_name_the_closest_people(client: TestClient) -> None:
    problem = client.get("/v1/utterances", params={"speaker": "Mau Zedong"}).json()
    assert problem["suggestions"][0] == {"id": "mao-zedong", "name": "Mao Zedong"}
    assert "Did you mean Mao Zedong (mao-zedong)" in problem["detail"]


@pytest.mark.parametrize(
    ("param", "typed", "suggested"),
    [
        # Kissinger and Tang Wensheng share letters with it, and nothing more.
        ("speaker", "Staline", [{"id": "stalin", "name": "Joseph Stalin"}]),
        ("speaker", "Li Fuchung", [{"id": "li-fuchun", "name": "Li Fuchun"}]),
        ("speaker", "Chairman Maoo", [{"id": "mao-zedong", "name": "Mao Zedong"}]),
        ("topic", "Manchuria railway", [{"id": "manchuria", "name": "Manchuria"}]),
        ("speaker", "Comrade Nobody", []),
    ],
)
def test_suggestions_are_only_the_names_close_to_what_was_typed(
    client: TestClient, param: str, typed: str, suggested: list[dict[str, str]]
) -> None:
    problem = client.get("/v1/utterances", params={param: typed}).json()
    assert problem["status"] == 422 and problem["suggestions"] == suggested


@pytest.mark.parametrize(
    ("typed", "person"),
    [
        ("Chairman Mao", "mao-zedong"),
        ("Comrade Stalin", "stalin"),
        ("comrade stalin", "stalin"),
        ("I.V. Stalin", "stalin"),
        ("Premier Chou", "zhou-enlai"),
        ("毛主席", "mao-zedong"),
    ],
)
def test_a_name_with_titles_or_initials_resolves_as_a_speaker_label_does(
    client: TestClient, typed: str, person: str
) -> None:
    items = client.get("/v1/utterances", params={"speaker": typed}).json()["items"]
    assert items and {item["speaker"]["id"] for item in items} == {person}
    documents = client.get("/v1/documents", params={"participant": typed}).json()["items"]
    assert [d["id"] for d in documents] == ["wilson-111245"]


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=201",
        "limit=ten",
        "date_from=1950-13-01",
        "date_from=1950-02-01&date_to=1950-01-01",
        "kind=song",
        "lang=russian",
        "lang=",  # empty: not "all languages"
        "count=maybe",
        "cursor=not-a-cursor",
        "cursor=" + "A" * 40,
        "speeker=Mao",
        "editorial=none",
        "date_from=0.0",  # not a Unix timestamp
        "date_to=19500122",
        "speaker=Ma%00o",  # PostgreSQL cannot hold a NUL
    ],
)
def test_invalid_parameters_are_422_problems(client: TestClient, query: str) -> None:
    response = client.get(f"/v1/utterances?{query}")
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422 and problem["detail"] and problem["invalid-params"]
    assert "Traceback" not in response.text


def test_a_cursor_from_another_query_is_refused(client: TestClient) -> None:
    cursor = client.get("/v1/utterances", params={"limit": 1}).json()["next_cursor"]
    response = client.get("/v1/utterances", params={"limit": 1, "speaker": "Mao", "cursor": cursor})
    assert response.status_code == 422
    assert "other filters" in response.json()["detail"]


@pytest.mark.parametrize(
    "uid", ["nope", "wilson-111245.999", "wilson-111245.0", "wilson-999999.1", "wilson-111245.x"]
)
def test_unknown_utterances_are_404(client: TestClient, uid: str) -> None:
    response = client.get(f"/v1/utterances/{uid}")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "e.g. wilson-111245.17" in response.json()["detail"]


def test_nul_in_a_path_is_refused(client: TestClient) -> None:
    response = client.get("/v1/documents/wilson%00")
    assert response.status_code == 422
    assert "NUL" in response.json()["detail"]


def _forged(key: list[object], filters: dict[str, object]) -> str:
    """A cursor with a well-formed envelope and a hand-made key."""
    import base64
    import json

    from app.pagination import fingerprint

    payload = json.dumps({"k": key, "f": fingerprint(filters)})
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("/v1/documents", ["x", 1]),
        ("/v1/documents", ["1950-01-01", 10**30]),
        ("/v1/utterances", ["1950-01-01", "abc", 1]),
        ("/v1/utterances", ["1950-01-01", True, 1]),
        ("/v1/topics", ["a", 10**30]),
        ("/v1/participants", [None, 1]),
    ],
)
def test_a_hand_made_cursor_is_refused_not_a_500(
    client: TestClient, path: str, key: list[object]
) -> None:
    response = client.get(path, params={"cursor": _forged(key, {})})
    assert response.status_code == 422, response.text
    assert "not a cursor this API issued" in response.json()["detail"]


@pytest.mark.parametrize("uid", ["x.²", "wilson-111245.١٧", "wilson-111245.½"])
def test_digits_that_are_not_ascii_are_not_positions(client: TestClient, uid: str) -> None:
    assert client.get(f"/v1/utterances/{uid}").status_code == 404
    assert client.get(f"/v1/utterances/{uid}/citation").status_code == 404
