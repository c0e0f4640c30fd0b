"""HTTP behaviour: caching, CORS, probes, errors for routes that do not exist."""

from __future__ import annotations

from sqlalchemy import Engine
from starlette.testclient import TestClient

from app.db import make_engine
from app.main import create_app
from tests.conftest import api_settings


def test_etag_and_if_none_match(client: TestClient) -> None:
    first = client.get("/v1/topics/kchzhd")
    etag = first.headers["etag"]
    assert first.headers["cache-control"].startswith("public, max-age=")
    again = client.get("/v1/topics/kchzhd", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    other = client.get("/v1/topics/tibet", headers={"If-None-Match": etag})
    assert other.status_code == 200


def test_errors_are_not_cached_with_an_etag(client: TestClient) -> None:
    response = client.get("/v1/topics/nope")
    assert response.status_code == 404 and "etag" not in response.headers


def test_cors_for_browser_clients(client: TestClient) -> None:
    response = client.get("/v1/topics", headers={"Origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] in {"*", "https://example.org"}
    preflight = client.options(
        "/v1/topics",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}


def test_readiness_fails_as_a_problem_without_a_database(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/missing/dir/parley.db")
    app = create_app(api_settings(), engine)
    with TestClient(app) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert "DATABASE_URL" in response.json()["detail"]


def test_readiness_fails_on_an_unmigrated_database(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/empty.db")
    app = create_app(api_settings(), engine)
    with TestClient(app) as client:
        response = client.get("/readyz")
    assert response.status_code == 503 and "parley migrate" in response.json()["detail"]


def test_unknown_routes_and_methods_are_problems(client: TestClient) -> None:
    missing = client.get("/v2/utterances")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    post = client.post("/v1/utterances", json={})
    assert post.status_code == 405 and "read-only" in post.json()["detail"]


def test_exports_too_big_to_hash_stream_through_without_an_etag(
    client: TestClient, monkeypatch
) -> None:
    import app.middleware

    whole = client.get("/v1/utterances", params={"format": "csv"})
    assert "etag" in whole.headers  # small enough to hash
    monkeypatch.setattr(app.middleware, "_MAX_BUFFER", 1000)  # as if it were > 4 MB
    monkeypatch.setattr("app.exports.spreadsheet.CHUNK", 2000)  # and came in many pieces
    streamed = client.get("/v1/utterances", params={"format": "csv"})
    assert streamed.status_code == 200 and "etag" not in streamed.headers
    assert streamed.content == whole.content
    assert streamed.headers["content-type"].startswith("text/csv")


def test_a_burst_past_the_pool_waits_a_bounded_time_then_gets_a_503(engine: Engine) -> None:
    # Every connection busy: a request queues for pool_timeout, then is told to come back.
    small = make_engine(
        engine.url.render_as_string(hide_password=False), pool_size=1, pool_timeout=0.2
    )
    with TestClient(create_app(api_settings(), small)) as client:
        held = small.connect()
        try:
            busy = client.get("/v1/topics/kchzhd")
            assert client.get("/healthz").status_code == 200
        finally:
            held.close()
        assert busy.status_code == 503, busy.text
        assert busy.headers["content-type"] == "application/problem+json"
        assert "connection" in busy.json()["detail"] and busy.headers["retry-after"]
        assert client.get("/v1/topics/kchzhd").status_code == 200
    small.dispose()


def test_large_json_is_gzipped_for_clients_that_accept_it(client: TestClient) -> None:
    big = client.get("/v1/utterances", headers={"Accept-Encoding": "gzip"})
    assert big.headers["content-encoding"] == "gzip" and big.json()["items"]
    small = client.get("/healthz", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers


def test_head_answers_every_get_route_without_a_body(client: TestClient) -> None:
    for path in ("/v1/utterances", "/v1/documents/wilson-111245", "/v1/topics", "/healthz"):
        head = client.head(path)
        assert head.status_code == 200 and head.content == b"", path
        assert head.headers["content-type"] == client.get(path).headers["content-type"]


def test_metrics_count_requests_by_route_and_status(client: TestClient) -> None:
    client.get("/v1/topics/kchzhd")
    client.get("/v1/topics/nope")
    metrics = client.get("/metrics").text
    assert (
        'parley_requests_total{method="GET",route="/v1/topics/{topic_id}",status="200"}' in metrics
    )
    assert 'route="/v1/topics/{topic_id}",status="404"' in metrics
    assert "parley_request_duration_seconds_bucket" in metrics
    assert "parley_db_pool_checked_out" in metrics


def test_an_unexpected_error_is_a_500_problem_logged_once(
    client: TestClient, monkeypatch, capsys
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("app.api.topics.get_topic", broken)
    response = client.get("/v1/topics/kchzhd")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "a bug" not in response.text
    logged = [
        line
        for line in capsys.readouterr().err.splitlines()
        if response.headers["x-request-id"] in line
    ]
    assert len(logged) == 1 and "RuntimeError: a bug" in logged[0]
