"""The reader and the explorer in Debian's Chromium, driven by Playwright, with every
request that would leave the machine blocked (and counted). Screenshots of each page
go to artifacts/screenshots/ (git-ignored) for a person to look at.

Playwright cannot download its own browser here: these tests use /usr/bin/chromium
(`apt-get install -y chromium`; .ci/run installs it when it is missing)."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine

from app.config import Settings
from app.main import create_app

playwright = pytest.importorskip("playwright.sync_api")
Browser, Page, expect, sync_playwright = (
    playwright.Browser,
    playwright.Page,
    playwright.expect,
    playwright.sync_playwright,
)

pytestmark = pytest.mark.browser
# How long an expectation waits for the page (ReDoc parses the whole OpenAPI document
# first): an upper bound for a busy machine, not a measure of speed.
expect.set_options(timeout=30_000)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def live_url(library: Engine) -> Iterator[str]:
    """Parley served over HTTP on a free port of 127.0.0.1, its URLs its own (no
    public URL), so a citation's link leads back to this server."""
    app: FastAPI = create_app(Settings(database_url="sqlite://", public_url=None), library)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    for _ in range(200):  # wait for the server to listen (at most ten seconds)
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    listener.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed: apt-get install -y chromium")
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Offline:
    """A browser context in which every request not to the test server is refused."""

    def __init__(self, browser: Browser, live_url: str, **options: object) -> None:
        self.live_url = live_url
        self.blocked: list[str] = []
        self.context = browser.new_context(
            viewport={"width": 1280, "height": 900}, base_url=live_url, **options
        )
        self.context.route("**/*", self._only_local)
        self.page = self.context.new_page()

    def _only_local(self, route: playwright.Route) -> None:
        if route.request.url.startswith((self.live_url, "data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def shot(self, name: str, backend: str, *, full_page: bool = False) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}-{backend}.png"), full_page=full_page)


@pytest.fixture
def offline(browser: Browser, live_url: str) -> Iterator[Offline]:
    session = Offline(browser, live_url)
    yield session
    session.context.close()
    assert session.blocked == [], "requests tried to leave the machine"


def test_the_front_page_loads(offline: Offline, backend: str) -> None:
    page = offline.page
    page.goto("/")
    expect(page.locator("h1")).to_have_text("Records of diplomatic conversations")
    expect(page.locator("section[aria-labelledby=records] li")).not_to_have_count(0)
    expect(page.get_by_role("link", name="Mao Zedong", exact=True)).to_be_visible()
    offline.shot("front", backend)


def test_mao_on_the_kchzhd_by_two_clicks_beside_the_russian(offline: Offline, backend: str) -> None:
    page = offline.page
    page.goto("/")
    page.get_by_role("link", name="Mao Zedong", exact=True).click()
    expect(page.locator("h1")).to_have_text("Mao Zedong")
    offline.shot("person", backend)
    page.locator("nav.narrow").get_by_role("link", name="Chinese Changchun Railway").click()
    turns = page.locator("article.unit")
    expect(turns).to_have_count(4)
    for i in range(4):
        russian = turns.nth(i).locator(".text[lang=ru]")
        english = turns.nth(i).locator(".text[lang=en]")
        expect(russian).to_be_visible()
        ru_box, en_box = russian.bounding_box(), english.bounding_box()
        assert ru_box and en_box
        assert ru_box["x"] + ru_box["width"] <= en_box["x"]  # side by side, original first
        assert abs(ru_box["y"] - en_box["y"]) < 2
    expect(turns.first).to_contain_text("Мао Цзэ-дун")
    offline.shot("mao-on-kchzhd", backend)


def test_a_citation_url_opens_the_turn_it_cites(offline: Offline, backend: str) -> None:
    page = offline.page
    page.goto("/v1/documents/wilson-111245")
    page.locator("#u17").get_by_role("link", name="Turn page and citation").click()
    citation = page.locator("#cite-chicago").inner_text()
    url = re.findall(r"https?://\S+", citation)[-1].rstrip(".")
    assert url == f"{offline.live_url}/v1/utterances/wilson-111245.17"
    offline.shot("turn", backend, full_page=True)
    page.goto("/")
    page.goto(url)  # as a reader following the footnote
    expect(page.locator("h1")).to_contain_text("Mao Zedong")
    expect(page.locator(".single .text[lang=ru]")).to_contain_text("КЧЖД")
    expect(page.locator(".single .text[lang=en]")).to_contain_text("KChZhD")
    expect(page.get_by_role("link", name=re.compile("Before: turn 16"))).to_be_visible()


def test_the_document_shows_both_languages_side_by_side(offline: Offline, backend: str) -> None:
    page = offline.page
    page.goto("/v1/documents/wilson-111245")
    expect(page.locator("h1")).to_contain_text("Record of Talks")
    offline.shot("document", backend)
    page.goto("/v1/documents/wilson-111245#u28")
    turn = page.locator("#u28")
    ru_box = turn.locator(".text[lang=ru]").bounding_box()
    en_box = turn.locator(".text[lang=en]").bounding_box()
    assert ru_box and en_box and ru_box["x"] < en_box["x"] and abs(ru_box["y"] - en_box["y"]) < 2
    expect(turn.locator("ins.editorial")).to_have_text("[Dairen; Dalian]")
    offline.shot("document-turn-28", backend)


def test_a_search_narrows_by_a_facet(offline: Offline, backend: str) -> None:
    page = offline.page
    page.goto("/")
    page.get_by_label("Search every turn, in any language").fill("railway")
    page.keyboard.press("Enter")
    expect(page.locator("article.hit").first).to_be_visible()
    before = int(page.locator(".summary-line").inner_text().split()[0])
    offline.shot("search", backend)
    facet = page.locator("aside.facets ul").first.locator("a").first
    name = facet.inner_text()
    facet.click()
    after = int(page.locator(".summary-line").inner_text().split()[0])
    assert 0 < after < before
    expect(page.locator("ul.chips")).to_contain_text(name)
    for speaker in page.locator("article.hit a.speaker").all_inner_texts():
        assert speaker == name
    offline.shot("search-narrowed", backend)


def test_the_explorer_renders_offline_and_calls_an_export(offline: Offline, backend: str) -> None:
    page = offline.page
    page.goto("/docs")
    expect(page.locator(".opblock-summary-operation-id", has_text="listUtterances")).to_be_visible()
    assert page.locator(".opblock").count() >= 30
    offline.shot("docs", backend)
    operation = page.locator("#operations-utterances-exportUtterancesCsv")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.locator("tr[data-param-name=speaker] input").fill("Mao")
    operation.locator("tr[data-param-name=topic] input").fill("KChZhD")
    operation.get_by_role("button", name="Execute").click()
    live = operation.locator(".live-responses-table .response")
    expect(live.locator(".response-col_status")).to_have_text("200")
    expect(live).to_contain_text("text/csv")
    # A file (Content-Disposition: attachment) is offered as a download of the CSV.
    expect(live.get_by_role("link", name="Download file")).to_be_visible()
    offline.shot("docs-export", backend)


def test_the_reference_renders_offline(offline: Offline, backend: str) -> None:
    page = offline.page
    page.goto("/redoc")
    expect(page.get_by_role("heading", name="Parley (0.1.0)")).to_be_visible()
    expect(page.get_by_role("menuitem", name="utterances")).to_be_visible()
    offline.shot("redoc", backend)


def test_the_keyboard_reaches_the_content_and_the_search(offline: Offline, backend: str) -> None:
    page = offline.page
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Skip to content")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.locator("#front-q").focus()
    page.keyboard.type("Dalny")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/v1/search\?q=Dalny"))
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


def test_copying_a_citation(browser: Browser, live_url: str, backend: str) -> None:
    session = Offline(browser, live_url, permissions=["clipboard-read", "clipboard-write"])
    page = session.page
    page.goto("/v1/utterances/wilson-111245.17")
    page.get_by_role("button", name="Copy BibTeX").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("@misc{wilson-111245.17,")
    session.context.close()
    assert session.blocked == []


def test_the_reader_works_without_javascript(browser: Browser, live_url: str, backend: str) -> None:
    session = Offline(browser, live_url, java_script_enabled=False)
    page = session.page
    page.goto("/v1/utterances/wilson-111245.17")
    expect(page.locator("#cite-chicago")).to_be_visible()
    expect(page.get_by_role("button", name="Copy BibTeX")).to_be_hidden()
    page.get_by_label("Search the records").fill("free port")
    page.keyboard.press("Enter")
    expect(page.locator("article.hit mark").first).to_have_text("free")
    session.shot("no-javascript", backend)
    session.context.close()
    assert session.blocked == []


def test_print_keeps_the_text_and_drops_the_controls(offline: Offline, backend: str) -> None:
    page = offline.page
    page.goto("/v1/utterances/wilson-111245.17")
    page.emulate_media(media="print")
    expect(page.locator("header.site")).to_be_hidden()
    expect(page.locator("form").first).to_be_hidden()
    expect(page.locator(".single .text[lang=ru]")).to_be_visible()
    expect(page.locator("#cite-chicago")).to_be_visible()
    offline.shot("print", backend, full_page=True)


def test_chinese_records_read_in_chinese(offline: Offline, backend: str) -> None:
    page = offline.page
    page.goto("/v1/documents/zh-1970-10-08-mao-korean-delegation")
    heading = page.locator("h1")
    expect(heading).to_have_attribute("lang", "zh")
    family = heading.evaluate("element => getComputedStyle(element).fontFamily")
    assert "CJK" in family or "Hei" in family
    offline.shot("chinese-record", backend)
