"""/v1/search and `q` on both backends: stemming, syntax, folding, snippets, facets."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from starlette.testclient import TestClient

from app.queries import search as search_queries
from tests.conftest import DATA_DIR

QUERIES: list[dict[str, Any]] = yaml.safe_load(
    (DATA_DIR / "search_queries.yaml").read_text(encoding="utf-8")
)


def search(client: TestClient, q: str, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/search", params={"q": q, "limit": 200, **params})
    assert response.status_code == 200, response.text
    return response.json()


def positions(body: dict[str, Any]) -> list[int]:
    return [item["position"] for item in body["items"]]


@pytest.mark.parametrize("case", QUERIES, ids=[c["q"] for c in QUERIES])
def test_realistic_queries_find_the_annotated_turns(
    client: TestClient, case: dict[str, Any]
) -> None:
    body = search(client, case["q"])
    assert sorted(positions(body)) == sorted(case["hits"])
    assert body["total"] == len(case["hits"])


def test_more_of_the_words_in_less_text_ranks_first(client: TestClient) -> None:
    # The promise (README, Searching), on both backends: more matches rank higher, and
    # the same matches in a shorter turn rank higher. 29 "Will Dalny remain a free
    # port?" says it once in six words; 30 twice in a long turn; 31 once in fifteen.
    assert positions(search(client, "free port")) == [29, 30, 31]
    assert positions(search(client, "free port", lang="en")) == [29, 30, 31]
    # 28 "The question of Dalny [Dairen; Dalian] … in Dalny": the name three times.
    assert positions(search(client, "Dalny"))[0] == 28


def test_free_port_highlights_the_words(client: TestClient) -> None:
    first = search(client, "free port", lang="en")["items"][0]
    [match] = first["matches"]
    assert match["lang"] == "en"
    assert "<mark>free</mark> <mark>port</mark>" in match["snippet"]
    text = first["texts"]["en"]["text"]
    assert [text[s:e] for s, e in match["highlights"]] == ["free", "port"]


def test_a_name_finds_its_own_forms_not_words_that_share_its_stem(client: TestClient) -> None:
    # Snowball stems Дальний and дальнейшем ("further") alike; turns 8, 38 and 57 say
    # the latter and never name the port.
    body = search(client, "Dalny")
    assert sorted(positions(body)) == [28, 29, 30, 33]
    marked = {
        word
        for item in body["items"]
        for match in item["matches"]
        for word in re.findall("<mark>(.*?)</mark>", match["snippet"])
    }
    assert marked == {"Dalny", "Dairen", "Dalian", "Дальнем", "Дальний"}


def test_an_excluded_word_excludes_the_turn_in_any_language(client: TestClient) -> None:
    # Turn 29's Russian says "свободный порт", its translation "free port": the Russian
    # text has no "port", and the turn is still left out.
    assert positions(search(client, "Dalny -port")) == [28]
    assert positions(search(client, "Dalny -порт")) == [28]
    # Only the languages searched count.
    assert 29 in positions(search(client, "Dalny -port", lang="ru"))


@pytest.mark.parametrize("editorial", ["keep", "strip"])
def test_highlights_point_into_the_text_as_shown(client: TestClient, editorial: str) -> None:
    # Turn 279 has "rights" after an editorial insertion, which `strip` removes.
    body = search(client, "rights", lang="en", editorial=editorial)
    assert body["items"]
    for item in body["items"]:
        text = item["texts"]["en"]["text"]
        [match] = item["matches"]
        assert match["highlights"]
        assert all(text[s:e].lower().startswith("right") for s, e in match["highlights"])


def test_ranked_best_first(client: TestClient) -> None:
    scores = [item["score"] for item in search(client, "agreement")["items"]]
    assert len(scores) > 5 and scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("q", "lang"), [("railroads", "en"), ("договоров", "ru"), ("communists", "en")]
)
def test_snippets_mark_the_hit_in_the_language_it_matched(
    client: TestClient, q: str, lang: str
) -> None:
    body = search(client, q)
    assert body["items"]
    for item in body["items"]:
        [match] = item["matches"]
        assert match["lang"] == lang
        marked = match["snippet"].split("<mark>")[1].split("</mark>")[0]
        assert marked.lower().startswith(q.lower()[:5])


def test_russian_inflections_are_one_word(client: TestClient) -> None:
    words = {
        m["snippet"].split("<mark>")[1].split("</mark>")[0]
        for item in search(client, "договор")["items"]
        for m in item["matches"]
    }
    assert {"договор", "договора", "договоре", "договоров"} <= {w.lower() for w in words}


def test_english_inflections_are_one_word(client: TestClient) -> None:
    assert positions(search(client, "railway")) == []  # the translation says "railroad"
    assert sorted(positions(search(client, "railroad"))) == [
        38,
        39,
    ]  # "the railroad", "railroad administration"
    assert sorted(positions(search(client, "treaties"))) == sorted(
        positions(search(client, "treaty"))
    )


def test_yo_folds_to_ye(client: TestClient) -> None:
    # The typescript writes "счет" ("за счет кредита"); users type ё.
    assert sorted(positions(search(client, "счёт"))) == sorted(positions(search(client, "счет")))
    assert sorted(positions(search(client, "счёт"))) == [47, 48, 60]


def test_phrases_need_the_words_together(client: TestClient) -> None:
    together = set(positions(search(client, '"joint administration"')))
    apart = set(positions(search(client, "joint administration")))
    # 37 says "joint exploitation and administration": both words, not the phrase.
    assert together == {38, 40, 43} and apart == together | {37}


def test_prefix_search(client: TestClient) -> None:
    assert set(positions(search(client, "Manchur*"))) == {2, 57, 59, 60, 61, 64}


def test_a_prefix_typed_as_a_whole_inflected_word(client: TestClient) -> None:
    # "countries" is indexed by its stem; the prefix still finds it, and "country".
    whole = set(positions(search(client, "countries")))
    prefixed = set(positions(search(client, "countries*")))
    assert whole and whole <= prefixed


def test_exclusion(client: TestClient) -> None:
    with_loan = set(positions(search(client, "military")))
    without = set(positions(search(client, "military -loan")))
    assert without < with_loan and 46 not in without


def test_expansion_is_reported(client: TestClient) -> None:
    body = search(client, "КЧЖД")
    [(word, spellings)] = body["expanded"].items()
    assert word == "кчжд" and "KChZhD" in spellings and "Chinese Eastern Railway" in spellings
    langs = {m["lang"] for item in body["items"] for m in item["matches"]}
    assert langs == {"ru", "en"}


def test_lang_limits_the_languages_searched(client: TestClient) -> None:
    body = search(client, "КЧЖД", lang="en")
    assert {m["lang"] for item in body["items"] for m in item["matches"]} == {"en"}
    assert all(set(item["texts"]) == {"en"} for item in body["items"])


def test_filters_combine_with_search(client: TestClient) -> None:
    assert sorted(positions(search(client, "Port Arthur", speaker="Mao"))) == [17, 27, 33]
    assert positions(search(client, "Port Arthur", date_from="1951-01-01")) == []
    by_stalin = search(client, "agreement", topic="kchzhd", speaker="Stalin")
    assert sorted(positions(by_stalin)) == [16, 18, 20, 40, 43]


@pytest.mark.parametrize("q", ["agreement", "Japan", "договор", "Port Arthur"])
def test_facets_sum_to_the_total(client: TestClient, q: str) -> None:
    body = search(client, q, limit=3)
    total = body["total"]
    assert total > 3 and len(body["items"]) == 3
    for facet in ("speaker", "document", "year"):
        assert sum(b["count"] for b in body["facets"][facet]) == total, facet
    assert max(b["count"] for b in body["facets"]["language"]) <= total
    speakers = {b["value"]: b["count"] for b in body["facets"]["speaker"]}
    full = search(client, q)
    for value, count in speakers.items():
        assert count == sum(1 for i in full["items"] if (i["speaker"] or {}).get("id") == value)


def test_topic_facet_counts_tagged_turns(client: TestClient) -> None:
    body = search(client, "agreement")
    topics = {b["value"]: b["count"] for b in body["facets"]["topic"]}
    expected = sum(1 for i in body["items"] if any(t["id"] == "kchzhd" for t in i["topics"]))
    assert topics["kchzhd"] == expected > 0


def test_documents_found_by_title_or_summary(client: TestClient) -> None:
    body = search(client, "Chinese-Eastern Railway")
    assert [d["id"] for d in body["documents"]] == ["wilson-111245"]
    assert search(client, "Tibet")["documents"][0]["id"] == "wilson-111245"  # in the summary


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"date_from": "1950-01-01", "date_to": "1950-12-31"}, True),
        ({"date_to": "1949-12-31"}, False),
        ({"speaker": "Mao"}, True),
        ({"speaker": "Molotov"}, True),  # present, though silent
        ({"topic": "Tibet"}, True),
    ],
)
def test_documents_found_by_title_keep_to_the_filters(
    client: TestClient, params: dict[str, str], found: bool
) -> None:
    body = search(client, "Tibet", **params)
    assert [d["id"] for d in body["documents"]] == (["wilson-111245"] if found else [])


def test_pages_of_hits(client: TestClient) -> None:
    first = client.get("/v1/search", params={"q": "agreement", "limit": 4}).json()
    seen = [i["id"] for i in first["items"]]
    cursor = first["next_cursor"]
    while cursor:
        page = client.get(
            "/v1/search", params={"q": "agreement", "limit": 4, "cursor": cursor}
        ).json()
        assert page["documents"] == []
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
    assert len(seen) == len(set(seen)) == first["total"]


def test_q_filters_the_listings(client: TestClient) -> None:
    listed = client.get("/v1/utterances", params={"q": "free port", "limit": 200}).json()
    assert [i["position"] for i in listed["items"]] == [29, 30, 31]  # chronological
    docs = client.get("/v1/documents", params={"q": "Tibet"}).json()
    assert [d["id"] for d in docs["items"]] == ["wilson-111245"]
    assert client.get("/v1/documents", params={"q": "Vladivostok"}).json()["items"] == []


HOSTILE = [
    '"',
    '""',
    "(",
    "((Port Arthur",
    "NEAR(",
    "NEAR(Stalin Mao, 3)",
    "stems:Stalin",
    "^Stalin",
    "*",
    "-",
    "OR",
    "AND",
    "NOT",
    "Stalin AND",
    "Stalin OR OR Mao",
    "'; DROP TABLE utterances; --",
    "\\",
    "%_",
    "a" * 499,
    "x" * 5000,
    "Stalin " * 40,
    "\u0000",
    "🙂",
    "毛主席",
]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_are_searched_or_refused_never_a_500(client: TestClient, q: str) -> None:
    for path in ("/v1/search", "/v1/utterances", "/v1/documents"):
        response = client.get(path, params={"q": q})
        assert response.status_code in {200, 422}, (path, q, response.text)
        if response.status_code == 422:
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json()["detail"]


def test_a_query_of_only_exclusions_says_why(client: TestClient) -> None:
    problem = client.get("/v1/search", params={"q": "-Stalin"}).json()
    assert problem["status"] == 422 and "at least one word" in problem["detail"]
    long = client.get("/v1/search", params={"q": "x" * 5000}).json()
    assert long["status"] == 422 and "500" in long["detail"]


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(q=st.text(min_size=1, max_size=120))
def test_no_query_string_produces_a_5xx(client: TestClient, q: str) -> None:
    response = client.get("/v1/search", params={"q": q})
    assert response.status_code in {200, 422}, (q, response.text)


def test_search_results_as_files_keep_the_ranking(client: TestClient) -> None:
    ranked = [i["id"] for i in search(client, "agreement")["items"]]
    lines = client.get("/v1/search", params={"q": "agreement", "format": "jsonl"})
    assert lines.status_code == 200
    assert lines.headers["content-type"].startswith("application/jsonl")
    records = [json.loads(line) for line in lines.text.splitlines()]
    assert [r["id"] for r in records] == ranked
    assert all(r["score"] and r["matches"][0]["snippet"] for r in records)
    table = client.get("/v1/search", params={"q": "договор"}, headers={"Accept": "text/csv"})
    assert table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.content.decode("utf-8-sig"))))
    assert len(rows) == search(client, "договор")["total"]
    assert all("договор" in row["text_ru"].lower() for row in rows)
    tei = etree.fromstring(
        client.get("/v1/search", params={"q": "agreement", "format": "tei"}).content
    )
    assert tei.tag == "{http://www.tei-c.org/ns/1.0}div" and tei.get("type") == "parley-query"
    turns = [u.get("n") for u in tei.iter("{http://www.tei-c.org/ns/1.0}u")]
    assert list(dict.fromkeys(turns)) == ranked


def test_search_files_take_no_paging(client: TestClient) -> None:
    response = client.get("/v1/search", params={"q": "Tibet", "format": "csv", "limit": 5})
    assert response.status_code == 422 and "limit" in response.json()["detail"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "tei"])
def test_a_query_that_cannot_be_searched_is_refused_before_any_file(
    client: TestClient, fmt: str
) -> None:
    response = client.get("/v1/search", params={"q": "-a", "format": fmt})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "at least one word" in response.json()["detail"]


def test_a_broad_query_is_ranked_within_a_window_and_says_so(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = search(client, "agreement")
    assert everything["capped"] is False
    assert (
        "Parley-Search-Capped"
        not in client.get("/v1/search", params={"q": "agreement", "format": "jsonl"}).headers
    )
    monkeypatch.setattr(search_queries, "SEARCH_WINDOW", 6)
    windowed = search(client, "agreement")
    assert windowed["capped"] is True
    assert 0 < windowed["total"] <= 6 < everything["total"]
    assert sum(b["count"] for b in windowed["facets"]["speaker"]) == windowed["total"]
    as_file = client.get("/v1/search", params={"q": "agreement", "format": "jsonl"})
    assert as_file.headers["Parley-Search-Capped"] == "6"
    assert len(as_file.text.splitlines()) == windowed["total"]
    # Filters apply before the window: a narrower question is answered in full.
    narrow = search(client, "agreement", speaker="Zhou Enlai")
    assert narrow["capped"] is False and narrow["total"] == sum(
        1 for i in everything["items"] if (i["speaker"] or {}).get("id") == "zhou-enlai"
    )
