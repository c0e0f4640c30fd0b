"""The reader under the server's limits, as the API is: its pages query and render in
worker threads (the event loop stays free), answer a busy database with a 503 page that
says when to come back, share the allowed hosts and the rate limit, and show a bug as a
500 page, logged once."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx2
import pytest
from anyio.from_thread import start_blocking_portal
from sqlalchemy import Engine
from starlette.testclient import TestClient

from app.db import make_engine
from app.main import create_app
from app.web import pages
from tests.conftest import api_settings
from tests.web.conftest import BROWSER_ACCEPT

BROWSER = {"Accept": BROWSER_ACCEPT}
PAGES = [
    "/",
    "/v1/documents",
    "/v1/documents/wilson-111245",
    "/v1/utterances?speaker=Mao&topic=KChZhD",
    "/v1/utterances/wilson-111245.17",
    "/v1/search?q=free%20port",
    "/v1/search",
    "/v1/participants?q=Chou",
    "/v1/participants/mao-zedong",
    "/v1/topics",
    "/v1/topics/kchzhd",
]


@pytest.mark.parametrize("url", PAGES)
def test_a_page_renders_off_the_event_loop(
    library: Engine, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    """The page's template is held until /healthz has been answered: run on the event
    loop, it would hold up the health check instead, and come first."""
    rendering, release = threading.Event(), threading.Event()
    order: list[str] = []
    render = pages.page

    def held(*args: Any, **kwargs: Any) -> Any:
        rendering.set()
        release.wait(10)
        order.append("page")
        return render(*args, **kwargs)

    monkeypatch.setattr(pages, "page", held)
    app = create_app(api_settings(public_url="http://parley.test"), library)

    async def scenario() -> httpx2.Response:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://parley.test") as c:
            shown = asyncio.create_task(c.get(url, headers=BROWSER))
            while not rendering.is_set() and not shown.done():
                await asyncio.sleep(0.01)
            assert (await c.get("/healthz")).status_code == 200
            order.append("healthz")
            release.set()
            return await shown

    # A loop of the test's own, in a thread of its own (Playwright's may be running here).
    with start_blocking_portal() as portal:
        shown = portal.call(scenario)
    assert shown.status_code == 200, shown.text[:300]
    assert shown.headers["content-type"].startswith("text/html")
    assert order == ["healthz", "page"]


@pytest.mark.parametrize("url", ["/", "/v1/documents/wilson-111245", "/v1/topics"])
def test_a_busy_database_is_a_503_page_with_retry_after(library: Engine, url: str) -> None:
    # Every connection busy: the page waits for pool_timeout, then says to come back.
    small = make_engine(
        library.url.render_as_string(hide_password=False), pool_size=1, pool_timeout=0.2
    )
    with TestClient(create_app(api_settings(), small), headers=BROWSER) as client:
        held = small.connect()
        try:
            busy = client.get(url)
        finally:
            held.close()
        assert busy.status_code == 503, busy.text[:300]
        assert busy.headers["content-type"].startswith("text/html")
        assert "connection" in busy.text and int(busy.headers["retry-after"]) > 0
        assert client.get(url).status_code == 200
    small.dispose()


def test_pages_answer_only_for_allowed_hosts(library: Engine) -> None:
    app = create_app(api_settings(allowed_hosts=["localhost"]), library)
    with TestClient(app, base_url="http://localhost", headers=BROWSER) as client:
        forged = client.get("/v1/utterances/wilson-111245.17", headers={"Host": "evil.example"})
        own = client.get("/v1/utterances/wilson-111245.17")
    assert forged.status_code == 400
    assert forged.headers["content-type"] == "application/problem+json"
    # Its citations hold URLs built from Host: a shared cache must keep hosts apart.
    assert own.status_code == 200 and "http://localhost/v1/" in own.text
    assert "host" in own.headers["vary"].lower()


def test_pages_count_towards_the_rate_limit(library: Engine) -> None:
    app = create_app(api_settings(rate_limit="2/minute"), library)
    with TestClient(app, headers=BROWSER) as client:
        answers = [client.get(url).status_code for url in ("/", "/v1/topics", "/v1/topics")]
    assert answers == [200, 200, 429]


def test_a_bug_is_a_500_page_logged_once(
    library: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(pages, "get_topic", broken)
    app = create_app(api_settings(), library)
    with TestClient(app, headers=BROWSER, raise_server_exceptions=False) as client:
        shown = client.get("/v1/topics/kchzhd")
        data = client.get("/v1/topics/kchzhd", params={"format": "json"})
    assert shown.status_code == 500 and shown.headers["content-type"].startswith("text/html")
    assert "has been logged" in shown.text and "a bug" not in shown.text
    assert data.status_code == 200  # the API's route is another function
    logged = [
        line
        for line in capsys.readouterr().err.splitlines()
        if shown.headers["x-request-id"] in line
    ]
    assert len(logged) == 1 and "RuntimeError: a bug" in logged[0]
