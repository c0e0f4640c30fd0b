"""Content negotiation: ?format= and Accept, q-values, 406, Vary."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from app.api.negotiation import CSV, JSON, JSONL, TEI, Offer, parse_accept
from app.errors import NotAcceptable

OFFER = Offer(JSON, CSV, JSONL, TEI)


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, "json"),
        ("", "json"),
        ("*/*", "json"),
        ("text/csv", "csv"),
        ("text/*", "csv"),
        ("application/jsonl", "jsonl"),
        ("text/csv;q=0.5, application/tei+xml", "tei"),
        ("application/json;q=0.1, text/csv;q=0.9", "csv"),
        # The most specific range decides: text/csv is refused even though */* is not.
        ("text/csv;q=0, */*;q=0.5", "json"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "json"),
        ("image/png, text/csv; charset=utf-8", "csv"),
        ("application/tei+xml;q=bogus, text/csv", "csv"),
    ],
)
def test_accept_picks_the_best_offered_format(accept: str | None, chosen: str) -> None:
    assert OFFER.choose(None, accept).name == chosen


def test_the_parameter_wins_over_accept() -> None:
    assert OFFER.choose("tei", "text/csv").name == "tei"


@pytest.mark.parametrize("accept", ["image/png", "application/json;q=0, text/*;q=0"])
def test_nothing_acceptable_is_refused(accept: str) -> None:
    with pytest.raises(NotAcceptable) as refused:
        OFFER.choose(None, accept)
    assert [s["format"] for s in refused.value.extensions["supported"]] == [
        "json",
        "csv",
        "jsonl",
        "tei",
    ]


def test_malformed_ranges_are_skipped() -> None:
    assert [(r.type, r.subtype) for r in parse_accept("garbage, */html, text/csv;q=2, a/b")] == [
        ("a", "b")
    ]


@pytest.mark.parametrize(
    ("url", "supported"),
    [
        ("/v1/utterances?format=pdf", ["json", "csv", "jsonl", "tei"]),
        ("/v1/documents/wilson-111245?format=csv", ["json", "jsonld", "tei", "parley"]),
        ("/v1/participants/mao-zedong?format=tei", ["json", "jsonld"]),
        (
            "/v1/documents/wilson-111245/citation?style=apa",
            ["chicago", "bibtex", "ris", "csl-json"],
        ),
    ],
)
def test_an_unsupported_format_is_a_406_listing_the_supported_ones(
    client: TestClient, url: str, supported: list[str]
) -> None:
    response = client.get(url)
    assert response.status_code == 406
    assert response.headers["content-type"] == "application/problem+json"
    assert "Accept" in response.headers["vary"]
    problem = response.json()
    assert problem["type"] == "urn:parley:problem:not-acceptable"
    assert [next(iter(s.values())) for s in problem["supported"]] == supported
    assert all(s["media_type"] for s in problem["supported"])


def test_an_unacceptable_accept_header_is_a_406(client: TestClient) -> None:
    response = client.get("/v1/documents/wilson-111245", headers={"Accept": "application/pdf"})
    assert response.status_code == 406
    assert "application/tei+xml" in response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/v1/utterances?speaker=Mao",
        "/v1/documents/wilson-111245",
        "/v1/documents/wilson-111245/utterances",
        "/v1/participants/mao-zedong",
        "/v1/utterances/wilson-111245.17/citation",
    ],
)
def test_negotiated_routes_vary_on_accept(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert "Accept" in [v.strip() for v in response.headers["vary"].split(",")]


def test_accept_and_format_give_the_same_answer(client: TestClient) -> None:
    by_header = client.get("/v1/documents/wilson-111245", headers={"Accept": "application/ld+json"})
    by_param = client.get("/v1/documents/wilson-111245?format=jsonld")
    assert by_header.content == by_param.content
    assert by_header.headers["etag"] == by_param.headers["etag"]
    json_etag = client.get("/v1/documents/wilson-111245").headers["etag"]
    assert by_header.headers["etag"] != json_etag  # caches never mix the formats


def test_every_format_is_an_operation_with_one_media_type(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]

    def media_types(path: str) -> list[str]:
        return list(paths[path]["get"]["responses"]["200"]["content"])

    for path in ("/v1/utterances", "/v1/documents/{document_id}", "/v1/search"):
        assert media_types(path) == ["application/json"]
    assert media_types("/v1/utterances/{utterance_id}/citation") == ["text/plain"]
    exports = {
        "/v1/exports/utterances.csv": "text/csv",
        "/v1/exports/utterances.jsonl": "application/jsonl",
        "/v1/exports/utterances.tei.xml": "application/tei+xml",
        "/v1/exports/search.csv": "text/csv",
        "/v1/exports/documents/{document_id}/utterances.csv": "text/csv",
        "/v1/exports/documents/{document_id}.tei.xml": "application/tei+xml",
        "/v1/exports/documents/{document_id}.jsonld": "application/ld+json",
        "/v1/exports/documents/{document_id}.parley.json": "application/vnd.parley.document+json",
        "/v1/exports/participants/{participant_id}.jsonld": "application/ld+json",
        "/v1/exports/documents/{document_id}/citation.bib": "application/x-bibtex",
        "/v1/exports/utterances/{utterance_id}/citation.ris": "application/x-research-info-systems",
        "/v1/exports/utterances/{utterance_id}/citation.csl.json": (
            "application/vnd.citationstyles.csl+json"
        ),
    }
    for path, media_type in exports.items():
        assert media_types(path) == [media_type], path
    parley = paths["/v1/exports/documents/{document_id}.parley.json"]["get"]["responses"]["200"]
    assert parley["content"]["application/vnd.parley.document+json"]["schema"] == {
        "$ref": "#/components/schemas/ParleyDocument"
    }
    components = client.get("/openapi.json").json()["components"]["schemas"]
    assert "ParleyUtterance" in components
    names = [p["name"] for p in paths["/v1/utterances"]["get"]["parameters"]]
    assert "format" not in names  # it would make the 200 a union of media types


@pytest.mark.parametrize(
    ("export", "negotiated"),
    [
        ("/v1/exports/utterances.csv?speaker=Mao", "/v1/utterances?speaker=Mao&format=csv"),
        ("/v1/exports/utterances.jsonl?topic=Dalny", "/v1/utterances?topic=Dalny&format=jsonl"),
        ("/v1/exports/search.tei.xml?q=Dalny", "/v1/search?q=Dalny&format=tei"),
        (
            "/v1/exports/documents/wilson-111245/utterances.csv?lang=ru",
            "/v1/documents/wilson-111245/utterances?lang=ru&format=csv",
        ),
        ("/v1/exports/documents/wilson-111245.tei.xml", "/v1/documents/wilson-111245?format=tei"),
        (
            "/v1/exports/documents/wilson-111245.parley.json",
            "/v1/documents/wilson-111245?format=parley",
        ),
        ("/v1/exports/participants/stalin.jsonld", "/v1/participants/stalin?format=jsonld"),
        (
            "/v1/exports/utterances/wilson-111245.17/citation.csl.json",
            "/v1/utterances/wilson-111245.17/citation?style=csl-json",
        ),
    ],
)
def test_an_export_answers_what_its_negotiated_url_does(
    client: TestClient, export: str, negotiated: str
) -> None:
    by_export, by_format = client.get(export), client.get(negotiated)
    assert by_export.status_code == by_format.status_code == 200
    assert by_export.headers["content-type"] == by_format.headers["content-type"]
    assert by_export.content == by_format.content


def test_exports_accept_every_default_they_declare(client: TestClient) -> None:
    """What the explorer sends: every declared parameter at its default."""
    samples = {
        "document_id": "wilson-111245",
        "utterance_id": "wilson-111245.17",
        "participant_id": "mao-zedong",
        "q": "Dalny",
    }
    paths = client.get("/openapi.json").json()["paths"]
    for path, methods in paths.items():
        if not path.startswith("/v1/exports/"):
            continue
        params = {}
        for parameter in methods["get"]["parameters"]:
            if parameter["in"] == "path":
                path = path.replace("{" + parameter["name"] + "}", samples[parameter["name"]])
            elif "default" in parameter["schema"]:
                params[parameter["name"]] = parameter["schema"]["default"]
            elif parameter["required"]:
                params[parameter["name"]] = samples[parameter["name"]]
        response = client.get(path, params=params)
        assert response.status_code == 200, (path, params, response.text)
