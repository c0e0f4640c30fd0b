"""The reader at the API's own URLs: HTML to browsers, JSON to everything else, and
every page reachable from the front page valid and labelled with its languages."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import etree
from starlette.testclient import TestClient

from tests.web.validate import links, parse, problems

# Files, citations and the explorer are not reader pages.
NOT_PAGES = ("/static/", "/docs", "/redoc", "/openapi.json", "/v1/exports/", "/healthz")


def _is_page(href: str) -> bool:
    return (
        href.startswith("/")
        and not href.startswith(NOT_PAGES)
        and "/citation" not in href
        and "format=json" not in href
    )


def test_every_page_reachable_from_the_front_page_is_valid(browser_client: TestClient) -> None:
    seen: set[str] = set()
    queue = ["/"]
    failures: dict[str, list[str]] = {}
    while queue and len(seen) < 400:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = browser_client.get(url)
        assert response.status_code == 200, (url, response.text[:300])
        assert response.headers["content-type"].startswith("text/html"), url
        if found := problems(response.text):
            failures[url] = found
        for href in links(parse(response.text)):
            target = href.split("#")[0]
            if target and _is_page(target) and target not in seen:
                queue.append(target)
    assert failures == {}
    assert len(seen) > 100  # every record, person, topic and turn of the library
    visited = {urlsplit(u).path for u in seen}
    assert {"/v1/documents/wilson-111245", "/v1/utterances/wilson-111245.17"} <= visited
    assert "/v1/documents/zh-1970-10-08-mao-korean-delegation" in visited


@pytest.mark.parametrize(
    "url",
    [
        "/v1/documents/wilson-111245",
        "/v1/utterances/wilson-111245.17",
        "/v1/participants/mao-zedong",
        "/v1/topics/kchzhd",
        "/v1/utterances?speaker=Mao&topic=KChZhD",
        "/v1/search?q=free%20port",
        "/v1/documents",
    ],
)
def test_the_same_url_is_html_for_browsers_and_json_for_programs(
    browser_client: TestClient, url: str
) -> None:
    page = browser_client.get(url)
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    for headers in ({"Accept": "*/*"}, {"Accept": "application/json"}, {"Accept": ""}):
        data = browser_client.get(url, headers=headers)
        assert data.headers["content-type"] == "application/json", headers
        assert "Accept" in data.headers["vary"]
    forced = browser_client.get(url + ("&" if "?" in url else "?") + "format=json")
    assert forced.headers["content-type"] == "application/json"
    assert forced.json() == browser_client.get(url, headers={"Accept": "*/*"}).json()
    html = browser_client.get(url, headers={"Accept": "*/*"}, params={"format": "html"})
    assert html.headers["content-type"].startswith("text/html")
    assert "Accept" in page.headers["vary"]


def test_the_document_shows_original_and_translation_side_by_side(
    browser_client: TestClient,
) -> None:
    root = parse(browser_client.get("/v1/documents/wilson-111245").text)
    turn = root.xpath("//article[@id='u37']")[0]
    texts = turn.xpath(".//div[contains(@class, 'texts')]/div")
    assert [t.get("lang") for t in texts] == ["ru", "en"]  # the original first
    assert "original" in texts[0].get("class")
    assert "joint exploitation" in "".join(texts[1].itertext())
    speaker = turn.xpath(".//a[@class='speaker']")[0]
    assert speaker.get("href") == "/v1/participants/mao-zedong"
    assert turn.xpath(".//a[@href='/v1/utterances/wilson-111245.37']")
    agenda = turn.xpath(".//li[contains(@class, 'tag agenda')]")[0]
    assert "KChZhD" not in "".join(agenda.itertext())  # named elsewhere, not in this turn
    assert agenda.xpath(".//a[starts-with(@href, '#u')]")  # the turn that opened the item


def test_insertions_asides_and_page_breaks_are_marked(browser_client: TestClient) -> None:
    root = parse(browser_client.get("/v1/documents/wilson-111245").text)
    [insertion] = root.xpath("//article[@id='u28']//ins[@class='editorial']")
    assert insertion.text == "[Dairen; Dalian]"
    assert root.xpath("//article[@id='u51']//div[@lang='ru']//span[@class='aside']")
    [page_break] = root.xpath("//article[@id='u5']//div[@lang='ru']//span[@class='page-break']")
    ru = browser_client.get("/v1/utterances/wilson-111245.5?format=json").json()["texts"]["ru"]
    [offset] = [b["offset"] for b in ru["page_breaks"]]
    shown = "".join(page_break.getparent().itertext())
    label = ru["label"] + ": "
    assert shown == label + ru["text"][:offset] + "p.\u00a02" + ru["text"][offset:]
    named = root.xpath("//article[@id='u28']//li[contains(@class, 'tag named')]//a")
    assert [a.text for a in named] == ["Dalny"]


def test_the_turn_page_has_neighbours_and_every_citation(browser_client: TestClient) -> None:
    page = browser_client.get("/v1/utterances/wilson-111245.17")
    root = parse(page.text)
    assert root.xpath("//a[@rel='prev' and @href='/v1/utterances/wilson-111245.16']")
    assert root.xpath("//a[@rel='next' and @href='/v1/utterances/wilson-111245.18']")
    chicago = "".join(root.xpath("//*[@id='cite-chicago']")[0].itertext())
    assert chicago.endswith("http://parley.test/v1/utterances/wilson-111245.17.")
    for style in ("bibtex", "ris", "csl-json"):
        shown = "".join(root.xpath(f"//*[@id='cite-{style}']")[0].itertext())
        served = browser_client.get(f"/v1/utterances/wilson-111245.17/citation?style={style}")
        assert shown == served.text.replace("\r\n", "\n")  # XML reads CRLF as LF
    langs = [d.get("lang") for d in root.xpath("//article//div[contains(@class,'texts')]/div")]
    assert langs == ["ru", "en"]


def test_mao_on_the_kchzhd_is_two_links_from_the_front_page(browser_client: TestClient) -> None:
    front = parse(browser_client.get("/").text)
    [mao] = [a for a in front.iter("a") if a.text == "Mao Zedong"]
    person = parse(browser_client.get(mao.get("href")).text)
    [kchzhd] = person.xpath("//nav//a[text() = 'Chinese Changchun Railway']")
    listing = browser_client.get(kchzhd.get("href"))
    root = parse(listing.text)
    ids = [a.get("href") for a in root.xpath("//article//a[starts-with(text(), 'Turn ')]")]
    api = browser_client.get(
        "/v1/utterances", params={"speaker": "Mao", "topic": "KChZhD"}, headers={"Accept": "*/*"}
    ).json()
    assert ids == [f"/v1/utterances/{u['id']}" for u in api["items"]]
    assert len(ids) == 4


def test_a_facet_link_narrows_the_search(browser_client: TestClient) -> None:
    root = parse(browser_client.get("/v1/search?q=railway").text)
    total = int(root.xpath("//p[@class='summary-line']")[0].text.split()[0])
    facet = root.xpath("//aside//a[@href and contains(@href, 'speaker=')]")[0]
    query = parse_qs(urlsplit(facet.get("href")).query)
    assert query["q"] == ["railway"]
    narrowed = parse(browser_client.get(facet.get("href")).text)
    count = int(facet.getnext().text)
    assert int(narrowed.xpath("//p[@class='summary-line']")[0].text.split()[0]) == count < total
    speakers = {a.get("href") for a in narrowed.xpath("//article//a[@class='speaker']")}
    assert speakers == {f"/v1/participants/{query['speaker'][0]}"}
    assert narrowed.xpath("//ul[@class='chips']//a[contains(@aria-label, 'speaker')]")
    hits = narrowed.xpath("//p[@class='snippet']/mark")
    assert hits and all(m.text.lower().startswith("railway") for m in hits)


def test_search_pages_by_cursor(browser_client: TestClient) -> None:
    first = parse(browser_client.get("/v1/search?q=Dalny&limit=2").text)
    [next_link] = first.xpath("//a[@rel='next']")
    assert "cursor=" in next_link.get("href") and "q=Dalny" in next_link.get("href")
    second = parse(browser_client.get(next_link.get("href")).text)
    turns = [a.get("href") for a in first.xpath("//article//a[starts-with(text(), 'Turn ')]")]
    more = [a.get("href") for a in second.xpath("//article//a[starts-with(text(), 'Turn ')]")]
    assert len(turns) == 2 and more and not set(turns) & set(more)


def test_an_unknown_name_is_a_page_with_suggestions(browser_client: TestClient) -> None:
    response = browser_client.get("/v1/utterances?speaker=Mau&topic=KChZhD")
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    root = parse(response.text)
    hrefs = [a.get("href") for a in root.xpath("//section[@class='problem']//a")]
    assert "/v1/utterances?speaker=mao-zedong&topic=KChZhD" in hrefs
    assert problems(response.text) == []
    as_json = browser_client.get("/v1/utterances?speaker=Mau", headers={"Accept": "*/*"})
    assert as_json.headers["content-type"] == "application/problem+json"


def test_a_missing_page_says_so(browser_client: TestClient) -> None:
    response = browser_client.get("/v1/topics/nope")
    assert response.status_code == 404 and "there is no topic" in response.text


def test_the_front_page_is_html_even_for_programs(browser_client: TestClient) -> None:
    response = browser_client.get("/", headers={"Accept": "*/*"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/")


def test_chinese_records_are_labelled_chinese(browser_client: TestClient) -> None:
    page = browser_client.get("/v1/documents/zh-1970-10-08-mao-korean-delegation").text
    root = parse(page)
    assert root.xpath("//h1")[0].get("lang") == "zh"
    assert {d.get("lang") for d in root.xpath("//div[contains(@class,'texts')]/div")} == {"zh"}
    assert problems(page) == []


def test_the_explorer_loads_nothing_from_elsewhere(browser_client: TestClient) -> None:
    for url in ("/docs", "/redoc"):
        root = parse(browser_client.get(url).text)
        assets = [e.get("src") or e.get("href") for e in root.iter("script", "link")]
        assert assets and all(a.startswith("/") for a in assets), assets
        for asset in assets:
            assert browser_client.get(asset).status_code == 200, asset


def test_pages_without_javascript_hide_only_the_copy_buttons(browser_client: TestClient) -> None:
    root = parse(browser_client.get("/v1/utterances/wilson-111245.17").text)
    buttons = root.xpath("//button[@class='copy']")
    assert buttons and all(b.get("hidden") for b in buttons)  # shown by the script
    assert all(root.xpath(f"//*[@id='{b.get('data-copy')}']") for b in buttons)


def test_the_problem_page_is_well_formed(browser_client: TestClient) -> None:
    with pytest.raises(etree.XMLSyntaxError):
        parse("<html><p>unclosed</html>")  # the check can fail
    url = "/v1/documents/wilson-111245/citation"
    response = browser_client.get(url, headers={"Accept": "text/html"})
    assert response.status_code == 406 and problems(response.text) == []
    root = parse(response.text)
    offered = [a.get("href") for a in root.xpath("//section[@class='problem']//li/a")]
    assert [parse_qs(urlsplit(h).query)["style"] for h in offered] == [
        ["chicago"],
        ["bibtex"],
        ["ris"],
        ["csl-json"],
    ]
    assert all(browser_client.get(h).status_code == 200 for h in offered)
