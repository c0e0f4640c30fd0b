"""Requests an attacker would send: forged Host headers, floods, huge or unfinished
headers, parameters the schema should already refuse, and forged cursors."""

from __future__ import annotations

import base64
import json
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine
from starlette.testclient import TestClient

from app import server
from app.config import Settings
from app.main import create_app
from tests.conftest import api_settings
from tests.faults.conftest import free_port

pytestmark = pytest.mark.faults


def _client(engine: Engine, base_url: str = "http://testserver", **settings: object) -> TestClient:
    return TestClient(create_app(api_settings(**settings), engine), base_url=base_url)


# -- the Host header -------------------------------------------------------------


def test_a_forged_host_is_refused(engine: Engine) -> None:
    with _client(engine, allowed_hosts=["localhost"]) as client:
        response = client.get("/v1/documents", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert "evil.example" not in response.headers.get("link", "")


def test_links_use_the_public_url_whatever_the_host(engine: Engine) -> None:
    with _client(engine, allowed_hosts=["*"], public_url="https://parley.example") as client:
        response = client.get("/v1/documents", headers={"Host": "evil.example"})
    assert response.status_code == 200
    assert response.json()["items"][0]["url"].startswith("https://parley.example/")
    assert "host" not in response.headers.get("vary", "").lower()


def test_links_built_from_the_host_are_not_shared_between_hosts(engine: Engine) -> None:
    with _client(engine, base_url="http://localhost", allowed_hosts=["localhost"]) as client:
        response = client.get("/v1/documents")
    assert response.json()["items"][0]["url"].startswith("http://localhost/")
    assert "host" in response.headers["vary"].lower()


# -- limits ----------------------------------------------------------------------


def test_a_flood_from_one_client_gets_429_problems(engine: Engine) -> None:
    with _client(engine, rate_limit="3/minute") as client:
        answers = [client.get("/v1/topics") for _ in range(4)]
        assert client.get("/healthz").status_code == 200  # probes are never limited
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert refused.headers["content-type"] == "application/problem+json"
    assert 0 < int(refused.headers["retry-after"]) <= 60


@pytest.mark.parametrize(
    ("csv", "jsonl"),
    [
        ("/v1/utterances?format=csv", "/v1/utterances?format=jsonl"),
        ("/v1/exports/utterances.csv", "/v1/exports/search.jsonl?q=railway"),
    ],
)
def test_concurrent_exports_are_bounded(engine: Engine, csv: str, jsonl: str) -> None:
    with _client(engine, max_exports=1) as client:
        with client.stream("GET", csv) as first:
            assert first.status_code == 200
            second = client.get(jsonl)
            assert second.status_code == 503 and second.headers["retry-after"]
            first.read()
        assert client.get(jsonl).status_code == 200


def test_every_response_says_nosniff_and_carries_a_request_id(engine: Engine) -> None:
    with _client(engine) as client:
        mine = client.get("/v1/topics", headers={"X-Request-ID": "abc-123"})
        assigned = client.get("/v1/nothing-here")
    assert mine.headers["x-content-type-options"] == "nosniff"
    assert mine.headers["x-request-id"] == "abc-123"
    assert assigned.headers["x-content-type-options"] == "nosniff"
    assert len(assigned.headers["x-request-id"]) == 32


@pytest.fixture
def uvicorn_app(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """The app under uvicorn with `parley serve`'s limits, a short header deadline."""
    monkeypatch.setattr(server, "HEADER_TIMEOUT", 0.5)
    port = free_port()
    options = server.uvicorn_options(Settings(port=port, workers=1))
    options.pop("workers")
    app: FastAPI = create_app(api_settings(allowed_hosts=["127.0.0.1"]), engine)
    running = uvicorn.Server(uvicorn.Config(app, **options))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    while not running.started:
        time.sleep(0.01)
    yield port
    running.should_exit = True
    thread.join(10)


def test_a_huge_header_is_refused_unread(uvicorn_app: int) -> None:
    with socket.create_connection(("127.0.0.1", uvicorn_app)) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 200_000)
        answer = sock.recv(1000)
    assert answer.startswith(b"HTTP/1.1 400")


def test_unfinished_headers_do_not_hold_a_connection(uvicorn_app: int) -> None:
    with socket.create_connection(("127.0.0.1", uvicorn_app)) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        closed = False
        for _ in range(40):  # a byte every 0.1 s, never the blank line that ends headers
            try:
                sock.sendall(b"X")
            except OSError:
                closed = True
                break
            time.sleep(0.1)
        if not closed:
            sock.settimeout(1)
            closed = sock.recv(100) == b""
    assert closed


def test_health_and_head_under_uvicorn(uvicorn_app: int) -> None:
    with socket.create_connection(("127.0.0.1", uvicorn_app)) as sock:
        sock.sendall(b"HEAD /v1/topics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        head = sock.recv(10_000)
    assert head.startswith(b"HTTP/1.1 200") and head.endswith(b"\r\n\r\n")


# -- the schema is as strict as the server --------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "cursor=0",
        "lang=",
        "lang=ru&lang=",
        "limit=5&limit=6",
        "speaker=Mao&speaker=Stalin",
    ],
)
def test_what_the_schema_refuses_the_server_refuses(client: TestClient, query: str) -> None:
    response = client.get(f"/v1/utterances?{query}")
    assert response.status_code == 422, response.text
    assert response.json()["invalid-params"]


def test_the_schema_describes_cursor_and_lang(client: TestClient) -> None:
    parameters = {
        p["name"]: p["schema"]
        for p in client.get("/openapi.json").json()["paths"]["/v1/utterances"]["get"]["parameters"]
    }
    cursor = parameters["cursor"]["anyOf"][0]
    assert cursor["minLength"] > 1 and "pattern" in cursor
    assert "pattern" in parameters["lang"]["anyOf"][0]["items"]


def _reissued(cursor: str, key: str) -> str:
    """A cursor the server issued, with its key replaced by `key` (raw JSON text)."""
    payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    forged = '{"k": ' + key + ', "f": "' + payload["f"] + '"}'
    return base64.urlsafe_b64encode(forged.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("/v1/search?q=agreement&limit=1", "[NaN, 1]"),
        ("/v1/search?q=agreement&limit=1", "[1e999, 1]"),
        ("/v1/utterances?limit=1", '["1950-W04-7", 1, 1]'),
        ("/v1/utterances?limit=1", '["19500122", 1, 1]'),
    ],
)
def test_forged_cursors_are_refused(client: TestClient, path: str, key: str) -> None:
    issued = client.get(path).json()["next_cursor"]
    assert issued
    response = client.get(f"{path}&cursor={_reissued(issued, key)}")
    assert response.status_code == 422, response.text
    assert response.json()["invalid-params"][0]["reason"] == "malformed"


def test_probes_are_never_cached(client: TestClient) -> None:
    for path in ("/healthz", "/readyz"):
        assert client.get(path).headers["cache-control"] == "no-store"
