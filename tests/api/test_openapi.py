"""Every endpoint is documented with an example, and every example is what the API
really answers for the seed. After a deliberate change, regenerate them with
`python -m tests.api.test_openapi` (SQLite, seed loaded into a temporary database)."""

from __future__ import annotations

import json
import pprint
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from app.examples import BASE_URL, EXAMPLES

REQUESTS = {
    ("get", "/v1/documents"): "/v1/documents?participant=Zhou%20Enlai",
    ("get", "/v1/documents/{document_id}"): "/v1/documents/wilson-111245",
    ("get", "/v1/documents/{document_id}/utterances"): (
        "/v1/documents/wilson-111245/utterances?lang=en&limit=2"
    ),
    ("get", "/v1/documents/{document_id}/citation"): "/v1/documents/wilson-111245/citation",
    ("get", "/v1/utterances"): "/v1/utterances?speaker=Mao&topic=KChZhD&lang=en&limit=2",
    ("get", "/v1/utterances/{utterance_id}"): "/v1/utterances/wilson-111245.28",
    ("get", "/v1/search"): "/v1/search?q=free%20port&lang=en",
    ("get", "/v1/utterances/{utterance_id}/citation"): "/v1/utterances/wilson-111245.17/citation",
    ("get", "/v1/participants"): "/v1/participants?q=Chou",
    ("get", "/v1/participants/{participant_id}"): "/v1/participants/zhou-enlai",
    ("get", "/v1/topics"): "/v1/topics?q=railway",
    ("get", "/v1/topics/{topic_id}"): "/v1/topics/kchzhd",
    ("get", "/healthz"): "/healthz",
    ("get", "/readyz"): "/readyz",
}


def record(client: TestClient) -> dict[tuple[str, str], tuple[str, Any]]:
    recorded: dict[tuple[str, str], tuple[str, Any]] = {}
    for key, request in REQUESTS.items():
        response = client.get(request)
        assert response.status_code == 200, (request, response.text)
        json_body = response.headers["content-type"].startswith("application/json")
        recorded[key] = (request, response.json() if json_body else response.text)
    return recorded


def test_every_endpoint_has_a_recorded_example(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            content = operation["responses"]["200"]["content"]
            default = content.get("application/json") or next(iter(content.values()))
            assert default["examples"]["seed"]["value"], (method, path)
            assert (method, path) in REQUESTS


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
    return value


def test_examples_are_what_the_api_answers(client: TestClient) -> None:
    base = str(client.base_url).rstrip("/")
    live = {
        key: comparable(json.loads(json.dumps(v).replace(base, BASE_URL)))
        for key, v in record(client).items()
    }
    documented = {key: comparable(json.loads(json.dumps(v))) for key, v in EXAMPLES.items()}
    assert live == documented, (
        "app/examples.py is out of date: regenerate with `python -m tests.api.test_openapi`"
    )


def test_problems_are_documented_as_problem_json(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    for operations in document["paths"].values():
        for operation in operations.values():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    assert list(response["content"]) == ["application/problem+json"]


def regenerate() -> None:
    from app.db import make_engine, session_factory
    from app.ingest.loader import discover, load_files
    from app.main import create_app
    from app.migrate import upgrade
    from tests.conftest import SEED_DIR, api_settings

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/examples.db")
        upgrade(engine)
        list(load_files(session_factory(engine), discover([SEED_DIR]), SEED_DIR))
        app = create_app(api_settings(public_url=BASE_URL), engine)
        with TestClient(app, base_url=BASE_URL) as client:
            recorded = record(client)
        engine.dispose()
    target = Path(__file__).resolve().parents[2] / "app" / "examples.py"
    target.write_text(
        '"""Example responses for the OpenAPI document, recorded from the seed by\n'
        '`python -m tests.api.test_openapi`; a test keeps them equal to the live answers."""\n\n'
        "from typing import Any\n\n"
        f"BASE_URL = {BASE_URL!r}\n\n"
        "EXAMPLES: dict[tuple[str, str], tuple[str, Any]] = "
        f"{pprint.pformat(recorded, width=100)}\n",
        encoding="utf-8",
    )
    # Formatted as the repository keeps it, so a regeneration diffs only what changed.
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(target)], check=False)
    print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    regenerate()
