"""Every operation is documented with an example, every error status with a problem,
and every example is what the API really answers for the seed. After a deliberate
change, regenerate app/api/examples.json with `python -m tests.api.test_openapi`
(SQLite, seed loaded into a temporary database)."""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from app.api.openapi import EXAMPLES_FILE, recorded
from app.config import Settings
from app.db import make_engine
from app.main import create_app

EXAMPLES_PATH = Path(__file__).resolve().parents[2] / "app" / "api" / EXAMPLES_FILE
BASE_URL = "https://parley.example"
MAO_ON_KCHZHD = "speaker=Mao&topic=KChZhD&lang=en"

REQUESTS = {
    "listDocuments": "/v1/documents?participant=Zhou%20Enlai",
    "getDocument": "/v1/documents/wilson-111245",
    "listDocumentUtterances": "/v1/documents/wilson-111245/utterances?lang=en&limit=2",
    "getDocumentCitation": "/v1/documents/wilson-111245/citation",
    "listUtterances": f"/v1/utterances?{MAO_ON_KCHZHD}&limit=2",
    "getUtterance": "/v1/utterances/wilson-111245.28",
    "searchUtterances": "/v1/search?q=free%20port&lang=en",
    "getUtteranceCitation": "/v1/utterances/wilson-111245.17/citation",
    "listParticipants": "/v1/participants?q=Chou",
    "getParticipant": "/v1/participants/zhou-enlai",
    "listTopics": "/v1/topics?q=railway",
    "getTopic": "/v1/topics/kchzhd",
    "checkLiveness": "/healthz",
    "checkReadiness": "/readyz",
    "exportUtterancesCsv": f"/v1/exports/utterances.csv?{MAO_ON_KCHZHD}",
    "exportUtterancesJsonl": f"/v1/exports/utterances.jsonl?{MAO_ON_KCHZHD}",
    "exportUtterancesTei": f"/v1/exports/utterances.tei.xml?{MAO_ON_KCHZHD}",
    "exportSearchUtterancesCsv": "/v1/exports/search.csv?q=free%20port&lang=en",
    "exportSearchUtterancesJsonl": "/v1/exports/search.jsonl?q=free%20port&lang=en",
    "exportSearchUtterancesTei": "/v1/exports/search.tei.xml?q=free%20port&lang=en",
    "exportDocumentJsonld": "/v1/exports/documents/wilson-111245.jsonld",
    "exportParticipantJsonld": "/v1/exports/participants/zhou-enlai.jsonld",
    "exportDocumentCitationBibtex": "/v1/exports/documents/wilson-111245/citation.bib",
    "exportDocumentCitationRis": "/v1/exports/documents/wilson-111245/citation.ris",
    "exportDocumentCitationCslJson": "/v1/exports/documents/wilson-111245/citation.csl.json",
    "exportUtteranceCitationBibtex": "/v1/exports/utterances/wilson-111245.17/citation.bib",
    "exportUtteranceCitationRis": "/v1/exports/utterances/wilson-111245.17/citation.ris",
    "exportUtteranceCitationCslJson": ("/v1/exports/utterances/wilson-111245.17/citation.csl.json"),
}
# Files of a whole record run to tens of kilobytes, too long to read as an example; the
# query exports above show the same formats at a readable length.
WHOLE_RECORDS = {
    "exportDocumentTei",
    "exportDocumentParley",
    "exportDocumentUtterancesCsv",
    "exportDocumentUtterancesJsonl",
    "exportDocumentUtterancesTei",
}
PROBLEMS = {
    "404": "/v1/utterances/wilson-111245.999",
    "406": "/v1/documents/wilson-111245?format=pdf",
    "422": "/v1/utterances?speaker=Mau",
}
UNREADY = {"503": "/readyz"}  # asked of an unmigrated database


def _answer(client: TestClient, request: str, status: int) -> dict[str, Any]:
    response = client.get(request)
    assert response.status_code == status, (request, response.text)
    media = response.headers["content-type"].split(";")[0]
    is_json = media == "application/json" or media.endswith("+json")
    return {"request": request, "body": response.json() if is_json else response.text}


def record(client: TestClient, unready: TestClient) -> dict[str, Any]:
    return {
        "base_url": BASE_URL,
        "operations": {op: _answer(client, request, 200) for op, request in REQUESTS.items()},
        "problems": {
            **{code: _answer(client, request, int(code)) for code, request in PROBLEMS.items()},
            **{code: _answer(unready, request, int(code)) for code, request in UNREADY.items()},
        },
    }


@pytest.fixture
def unready(tmp_path: Path) -> Iterator[TestClient]:
    """The API over a database no migration has run on."""
    engine = make_engine(f"sqlite:///{tmp_path}/empty.db")
    app = create_app(Settings(database_url="sqlite://", public_url=BASE_URL), engine)
    with TestClient(app, base_url=BASE_URL) as client:
        yield client
    engine.dispose()


def operations(client: TestClient) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, methods in client.get("/openapi.json").json()["paths"].items():
        for method, operation in methods.items():
            yield method, path, operation


def test_every_operation_has_a_recorded_example(client: TestClient) -> None:
    ids = set()
    for _, _, operation in operations(client):
        ids.add(operation["operationId"])
        [ok] = operation["responses"]["200"]["content"].values()
        if operation["operationId"] not in WHOLE_RECORDS:
            assert ok["examples"]["seed"]["value"], operation["operationId"]
    assert ids == set(REQUESTS) | WHOLE_RECORDS


def test_every_error_status_has_its_own_example(client: TestClient) -> None:
    for _, path, operation in operations(client):
        for status, response in operation["responses"].items():
            if status.startswith(("4", "5")):
                [example] = response["content"]["application/problem+json"]["examples"].values()
                assert example["value"]["status"] == int(status), (path, status)


def comparable(value: Any) -> Any:
    """Relevance scores (and so the order of equally good hits) differ between bm25
    and ts_rank; everything else must be the same on both backends."""
    if isinstance(value, dict):
        return {k: comparable(v) for k, v in value.items() if k != "score"}
    if isinstance(value, list):
        items = [comparable(v) for v in value]
        if all(isinstance(v, dict) and "id" in v for v in items):
            items.sort(key=lambda v: str(v["id"]))
        return items
    if isinstance(value, str) and "\n" in value:  # a file: the same lines, in any order
        lines = value.splitlines()
        try:
            return comparable([json.loads(line) for line in lines])  # JSON Lines
        except ValueError:
            return sorted(lines)
    return value


def test_examples_are_what_the_api_answers(client: TestClient, unready: TestClient) -> None:
    base = str(client.base_url).rstrip("/")
    live = json.loads(json.dumps(record(client, unready)).replace(base, BASE_URL))
    assert comparable(live) == comparable(recorded()), (
        f"app/api/{EXAMPLES_FILE} is out of date: regenerate with "
        "`python -m tests.api.test_openapi`"
    )


def test_problems_are_documented_as_problem_json(client: TestClient) -> None:
    for _, _, operation in operations(client):
        for status, response in operation["responses"].items():
            if status.startswith(("4", "5")):
                assert list(response["content"]) == ["application/problem+json"]


def test_the_problem_schema_declares_its_extensions(client: TestClient) -> None:
    problem = client.get("/openapi.json").json()["components"]["schemas"]["Problem"]
    assert {"invalid-params", "suggestions", "supported"} <= set(problem["properties"])


def test_caching_headers_and_304_are_declared(client: TestClient) -> None:
    for _, path, operation in operations(client):
        responses = operation["responses"]
        assert {"ETag", "Cache-Control"} <= set(responses["200"]["headers"]), path
        assert "304" in responses
        assert "If-None-Match" in [p["name"] for p in operation["parameters"]]
        paged = "cursor" in [p["name"] for p in operation["parameters"]]
        assert ("Link" in responses["200"]["headers"]) == paged, path
    search = client.get("/v1/search", params={"q": "Dalny", "limit": 1})
    assert 'rel="next"' in search.headers["link"]  # the header it declares


# Markdown renders raw HTML in a description as HTML; code spans keep it as text.
_RAW_TAG = re.compile(r"<[a-zA-Z/][^>]*>")


def _descriptions(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "description" and isinstance(item, str):
                yield item
            elif key not in {"examples", "example"}:
                yield from _descriptions(item)
    elif isinstance(value, list):
        for item in value:
            yield from _descriptions(item)


def test_descriptions_show_markup_as_code(client: TestClient) -> None:
    raw = [
        description
        for description in _descriptions(client.get("/openapi.json").json())
        if _RAW_TAG.search(re.sub(r"`[^`]*`", "", description))
    ]
    assert raw == []


def regenerate() -> None:
    from app.db import session_factory
    from app.ingest.loader import discover, load_files
    from app.migrate import upgrade
    from tests.conftest import SEED_DIR

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/examples.db")
        upgrade(engine)
        list(load_files(session_factory(engine), discover([SEED_DIR]), SEED_DIR))
        empty = make_engine(f"sqlite:///{tmp}/empty.db")
        settings = Settings(database_url="sqlite://", public_url=BASE_URL)
        with (
            TestClient(create_app(settings, engine), base_url=BASE_URL) as client,
            TestClient(create_app(settings, empty), base_url=BASE_URL) as unready,
        ):
            examples = record(client, unready)
        engine.dispose()
        empty.dispose()
    EXAMPLES_PATH.write_text(
        json.dumps(examples, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {EXAMPLES_PATH}", file=sys.stderr)


if __name__ == "__main__":
    regenerate()
