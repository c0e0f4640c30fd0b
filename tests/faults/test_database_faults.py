"""A frozen, a stopped and a slow database: the event loop stays free, data routes say
503 with Retry-After within the statement timeout, connections are kept, and service
resumes when the database does."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from starlette.testclient import TestClient

from app.db import make_engine
from app.main import create_app
from tests.conftest import api_settings
from tests.faults.conftest import Cluster, serve

pytestmark = pytest.mark.faults

STATEMENT_TIMEOUT = 2.0
# Start-up and scheduling on a shared machine: a functional bound, not a measurement.
SLACK = 2.0


def _headers(response: Any) -> dict[str, str]:
    return {name.lower(): value for name, value in response.getheaders()}


def _get(served: Any, path: str) -> tuple[int, dict[str, str], bytes, float]:
    conn = served.connection()
    started = time.monotonic()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    return response.status, _headers(response), body, time.monotonic() - started


def test_a_frozen_database_holds_up_no_other_request(cluster: Cluster, tmp_path: Path) -> None:
    url = cluster.create_database("frozen")
    with serve(url, tmp_path, statement_timeout=str(STATEMENT_TIMEOUT)) as served:
        assert _get(served, "/v1/topics/kchzhd")[0] == 200
        waiting: dict[str, Any] = {}
        cluster.freeze()
        try:
            reader = threading.Thread(
                target=lambda: waiting.update(answer=_get(served, "/v1/topics/kchzhd"))
            )
            reader.start()
            time.sleep(0.3)  # the data request is now waiting on the frozen server
            status, headers, _, elapsed = _get(served, "/healthz")
            assert status == 200 and elapsed < 0.1, elapsed
            assert headers["cache-control"] == "no-store"
            assert _get(served, "/openapi.json")[0] == 200
            ready = _get(served, "/readyz")
            assert ready[0] == 503 and ready[3] < STATEMENT_TIMEOUT + SLACK
            reader.join(STATEMENT_TIMEOUT + SLACK + 5)
        finally:
            cluster.thaw()
        status, headers, body, elapsed = waiting["answer"]
        assert status == 503, body
        assert elapsed < STATEMENT_TIMEOUT + SLACK
        assert headers["content-type"] == "application/problem+json" and headers["retry-after"]


def test_an_outage_is_a_503_on_a_kept_connection_then_service_resumes(
    cluster: Cluster, tmp_path: Path
) -> None:
    url = cluster.create_database("outage")
    with serve(url, tmp_path, statement_timeout=str(STATEMENT_TIMEOUT)) as served:
        conn = served.connection()

        def get(path: str) -> tuple[int, dict[str, str], bytes]:
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, _headers(response), response.read()

        assert get("/v1/topics/kchzhd")[0] == 200
        kept = conn.sock.getsockname()
        cluster.stop()
        try:
            answers = [get("/v1/topics/kchzhd"), get("/v1/documents")]
            assert conn.sock is not None and conn.sock.getsockname() == kept
        finally:
            cluster.start()
        for status, headers, body in answers:
            assert status == 503, body
            assert headers["content-type"] == "application/problem+json"
            assert int(headers["retry-after"]) > 0
        assert get("/v1/topics/kchzhd")[0] == 200  # at once, without a restart
        assert conn.sock.getsockname() == kept
        failed = [answer[1]["x-request-id"] for answer in answers]
        lines = [line for line in served.log_lines() if line.get("request_id") in failed]
        assert len(lines) == len(failed)  # one log line per failed request
        assert all(line["status"] == 503 and line["error"] for line in lines)
        assert "Traceback" not in served.log.read_text()


def _runaway(engine: Engine) -> None:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            connection.execute(
                text(
                    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
                    "SELECT count(*) FROM n"
                )
            )
        else:
            connection.execute(text("SELECT pg_sleep(30)"))


def test_statements_have_a_time_limit_on_both_backends(engine: Engine) -> None:
    limited = make_engine(engine.url.render_as_string(hide_password=False), statement_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(OperationalError):
        _runaway(limited)
    assert time.monotonic() - started < 10
    limited.dispose()


def test_a_runaway_query_is_a_503_that_says_so(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    limited = make_engine(engine.url.render_as_string(hide_password=False), statement_timeout=0.3)

    def slow_topic(session: Any, *_: Any, **__: Any) -> Any:
        _runaway(session.get_bind())
        raise AssertionError("the runaway query finished")

    monkeypatch.setattr("app.api.topics.get_topic", slow_topic)
    app = create_app(api_settings(statement_timeout=5.0), limited)
    with TestClient(app) as client:
        response = client.get("/v1/topics/kchzhd")
        assert response.status_code == 503, response.text
        assert "longer than" in response.json()["detail"] and response.headers["retry-after"]
        assert client.get("/healthz").status_code == 200
    limited.dispose()
