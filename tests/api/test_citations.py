"""Citations of the seed record and of one turn, in every style."""

from __future__ import annotations

import json

import pytest
from starlette.testclient import TestClient

TITLE = (
    "Record of Talks between I.V. Stalin and Chairman of the Central People's Government "
    "of the People's Republic of China Mao Zedong"
)
SOURCE = "https://wilson-center-digital-archive.dvincitest.com/document/111245"
TURN = "http://parley.test/v1/utterances/wilson-111245.17"


def test_chicago_note_for_the_record(client: TestClient) -> None:
    response = client.get("/v1/documents/wilson-111245/citation")
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.text == (
        f"\u201c{TITLE},\u201d January 22, 1950, Archive of the President, Russian "
        "Federation (APRF), f. 45, op. 1, d. 329, ll. 29–38, trans. Danny Rozas, Wilson "
        f"Center Digital Archive, {SOURCE}."
    )
    assert response.text == client.get("/v1/documents/wilson-111245").json()["citation"]


def test_chicago_note_for_a_turn_names_the_speaker_and_links_the_turn(
    client: TestClient,
) -> None:
    response = client.get("/v1/utterances/wilson-111245.17/citation", params={"style": "chicago"})
    assert response.text == (
        f"Mao Zedong, remarks in \u201c{TITLE},\u201d January 22, 1950, Archive of the "
        "President, Russian Federation (APRF), f. 45, op. 1, d. 329, ll. 29–38, trans. "
        f"Danny Rozas, Wilson Center Digital Archive, {TURN}."
    )
    narration = client.get("/v1/utterances/wilson-111245.1/citation").text
    assert narration.startswith(f"\u201c{TITLE},\u201d")
    assert narration.endswith("/v1/utterances/wilson-111245.1.")


def test_bibtex(client: TestClient) -> None:
    response = client.get("/v1/documents/wilson-111245/citation", params={"style": "bibtex"})
    assert response.headers["content-type"] == "application/x-bibtex; charset=utf-8"
    assert response.text == (
        "@misc{wilson-111245,\n"
        f"  title = {{{{{TITLE}}}}},\n"
        "  date = {1950-01-22},\n"
        "  year = {1950},\n"
        "  month = jan,\n"
        "  howpublished = {Archive of the President, Russian Federation (APRF), f.~45, "
        "op.~1, d.~329, ll.~29--38},\n"
        "  translator = {Rozas, Danny},\n"
        "  note = {Translated by Danny Rozas. Wilson Center Digital Archive},\n"
        "  language = {russian},\n"
        f"  url = {{{SOURCE}}}\n"
        "}\n"
    )
    turn = client.get(
        "/v1/utterances/wilson-111245.17/citation",
        headers={"Accept": "application/x-bibtex"},
    ).text
    assert turn.startswith("@misc{wilson-111245.17,\n")
    assert "  note = {Remarks by Mao Zedong. Translated by Danny Rozas." in turn
    assert f"  url = {{{TURN}}}\n" in turn


def test_ris(client: TestClient) -> None:
    response = client.get("/v1/utterances/wilson-111245.17/citation", params={"style": "ris"})
    assert response.headers["content-type"] == (
        "application/x-research-info-systems; charset=utf-8"
    )
    lines = response.text.split("\r\n")
    assert lines[0] == "TY  - MANSCPT" and lines[-2:] == ["ER  - ", ""]
    tags = dict(line.split("  - ", 1) for line in lines[:-2])
    assert tags["TI"] == TITLE
    assert tags["DA"] == "1950/01/22/" and tags["PY"] == "1950"
    assert tags["DB"] == "Archive of the President, Russian Federation (APRF)"
    assert tags["AN"] == "f. 45, op. 1, d. 329, ll. 29–38"
    assert tags["A4"] == "Rozas, Danny"
    assert tags["DP"] == "Wilson Center Digital Archive"
    assert tags["UR"] == TURN and tags["N1"] == "Remarks by Mao Zedong"


def test_csl_json(client: TestClient) -> None:
    response = client.get(
        "/v1/documents/wilson-111245/citation",
        headers={"Accept": "application/vnd.citationstyles.csl+json"},
    )
    assert response.headers["content-type"] == "application/vnd.citationstyles.csl+json"
    [item] = json.loads(response.text)
    assert item == {
        "id": "wilson-111245",
        "type": "manuscript",
        "title": TITLE,
        "issued": {"date-parts": [[1950, 1, 22]]},
        "genre": "record of conversation",
        "archive": "Archive of the President, Russian Federation (APRF)",
        "archive_location": "f. 45, op. 1, d. 329, ll. 29–38",
        "translator": [{"given": "Danny", "family": "Rozas"}],
        "source": "Wilson Center Digital Archive",
        "language": "ru",
        "URL": SOURCE,
        "abstract": item["abstract"],
    }
    [turn] = client.get(
        "/v1/utterances/wilson-111245.17/citation", params={"style": "csl-json"}
    ).json()
    assert turn["id"] == "wilson-111245.17" and turn["URL"] == TURN
    assert turn["note"] == "Remarks by Mao Zedong"


@pytest.mark.parametrize(
    "url", ["/v1/documents/wilson-111246/citation", "/v1/utterances/wilson-111245.99/citation"]
)
def test_citing_what_does_not_exist_is_404(client: TestClient, url: str) -> None:
    response = client.get(url, params={"style": "bibtex"})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
