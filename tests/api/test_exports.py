"""Query results as files (CSV, JSON Lines), JSON-LD and Parley document JSON, on both
backends, as a client downloads them."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import Connection, text
from starlette.testclient import TestClient

from app.exports.document_json import ParleyDocument

MAO_ON_KCHZHD = ["wilson-111245.17", "wilson-111245.19", "wilson-111245.37", "wilson-111245.44"]
QUERY = {"speaker": "Mao", "topic": "KChZhD"}


def _csv(response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))


def test_a_query_as_csv_keeps_cyrillic_and_puts_languages_side_by_side(
    client: TestClient,
) -> None:
    response = client.get("/v1/utterances", params={**QUERY, "format": "csv"})
    assert response.headers["content-type"] == "text/csv; charset=utf-8; header=present"
    assert response.headers["content-disposition"] == (
        'attachment; filename="parley-utterances.csv"'
    )
    assert b"\r\n" in response.content  # RFC 4180 line ends
    rows = _csv(response)
    assert [r["id"] for r in rows] == MAO_ON_KCHZHD
    first = rows[0]
    assert list(first)[:10] == [
        "id",
        "document",
        "document_title",
        "date",
        "position",
        "kind",
        "speaker",
        "speaker_name",
        "original",
        "page",
    ]
    assert first["speaker_name"] == "Mao Zedong" and first["original"] == "ru"
    assert first["text_ru"].startswith("Может быть, следует принять в качестве основы")
    assert first["text_en"].startswith("Perhaps we should accept as the guiding principle")
    assert first["label_ru"] == "Мао Цзэ-дун" and first["page"] == "2"
    assert first["topics"] == "kchzhd; port-arthur"
    assert first["url"] == "http://parley.test/v1/utterances/wilson-111245.17"


def test_the_whole_conversation_as_csv_is_one_row_per_unit(client: TestClient) -> None:
    rows = _csv(client.get("/v1/documents/wilson-111245/utterances", params={"format": "csv"}))
    assert [int(r["position"]) for r in rows] == list(range(1, 70))
    assert rows[0]["kind"] == "narration" and rows[0]["speaker"] == ""
    only_english = _csv(
        client.get(
            "/v1/documents/wilson-111245/utterances",
            params={"format": "csv", "lang": "en", "editorial": "strip"},
        )
    )
    assert "text_ru" not in only_english[0] and "text_en" in only_english[0]
    assert only_english[27]["text_en"].startswith("The question of Dalny. We have no intention")


def test_csv_is_streamed_a_batch_at_a_time(client: TestClient, monkeypatch) -> None:
    import app.queries.utterances as queries

    pages: list[int] = []
    original = queries._keyset

    def spy(session, filters, after, limit):
        rows = original(session, filters, after, limit)
        pages.append(len(rows))
        return rows

    monkeypatch.setattr(queries, "EXPORT_BATCH", 10)
    monkeypatch.setattr(queries, "_keyset", spy)
    rows = _csv(client.get("/v1/utterances", params={"format": "csv"}))
    assert [r["id"] for r in rows] == [f"wilson-111245.{n}" for n in range(1, 70)]
    assert pages == [10] * 6 + [9]  # seven keyset pages, never the whole table at once


def test_json_lines_carry_the_same_items_as_the_json_page(client: TestClient) -> None:
    page = client.get("/v1/utterances", params=QUERY).json()["items"]
    response = client.get("/v1/utterances", params=QUERY, headers={"Accept": "application/jsonl"})
    assert response.headers["content-type"] == "application/jsonl"
    lines = response.text.splitlines()
    assert [json.loads(line) for line in lines] == page


@pytest.mark.parametrize("paging", ["limit=10", "cursor=" + "A" * 40, "count=true"])
def test_an_export_refuses_paging(client: TestClient, paging: str) -> None:
    response = client.get(f"/v1/utterances?speaker=Mao&format=csv&{paging}")
    assert response.status_code == 422
    name = paging.split("=")[0]
    assert response.json()["detail"].startswith(f"{name}: a csv export holds every match")


def test_an_unknown_name_is_still_a_422_before_any_file(client: TestClient) -> None:
    response = client.get("/v1/utterances", params={"speaker": "Mau", "format": "csv"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_small_exports_get_an_etag(client: TestClient) -> None:
    first = client.get("/v1/utterances", params={**QUERY, "format": "csv"})
    again = client.get(
        "/v1/utterances",
        params={**QUERY, "format": "csv"},
        headers={"If-None-Match": first.headers["etag"]},
    )
    assert again.status_code == 304


def test_document_as_json_ld(client: TestClient) -> None:
    response = client.get("/v1/documents/wilson-111245", params={"format": "jsonld"})
    assert response.headers["content-type"] == "application/ld+json"
    doc = response.json()
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "ArchiveComponent"
    assert doc["@id"] == "http://parley.test/v1/documents/wilson-111245"
    assert doc["dateCreated"] == "1950-01-22" and doc["inLanguage"] == ["ru", "en"]
    assert doc["holdingArchive"]["name"].startswith("Archive of the President")
    assert doc["itemLocation"] == "f. 45, op. 1, d. 329, ll. 29–38"
    assert doc["translator"] == {"@type": "Person", "name": "Danny Rozas"}
    assert {"@value": doc["alternateName"][0]["@value"], "@language": "ru"} in doc["alternateName"]
    attendees = {p["@id"].rsplit("/", 1)[1]: p for p in doc["recordedAt"]["attendee"]}
    assert len(attendees) == 13 and attendees["mao-zedong"]["@type"] == "Person"
    assert {"@value": "Мао Цзэ-дун", "@language": "ru"} in attendees["mao-zedong"]["alternateName"]
    assert {p["name"] for p in doc["mentions"]} == {
        "Franklin D. Roosevelt",
        "Chiang Kai-shek",
        "Liu Bocheng",
    }
    assert "http://parley.test/v1/topics/kchzhd" in {t["@id"] for t in doc["about"]}


def test_participant_as_json_ld(client: TestClient) -> None:
    response = client.get("/v1/participants/mao-zedong", headers={"Accept": "application/ld+json"})
    person = response.json()
    assert person["@type"] == "Person" and person["name"] == "Mao Zedong"
    assert {"@value": "Mao Tse-tung", "@language": "en"} in person["alternateName"]
    assert {"@value": "毛泽东", "@language": "zh"} in person["alternateName"]
    assert person["subjectOf"][0]["@id"] == "http://parley.test/v1/documents/wilson-111245"
    plain = client.get("/v1/participants/mao-zedong")
    assert plain.headers["content-type"] == "application/json" and "@context" not in plain.json()
    assert plain.headers["vary"].startswith("Accept")


def test_parley_document_json_holds_the_database_record_exactly(
    client: TestClient, connection: Connection
) -> None:
    response = client.get(
        "/v1/documents/wilson-111245", headers={"Accept": "application/vnd.parley.document+json"}
    )
    assert response.headers["content-type"] == "application/vnd.parley.document+json"
    record = ParleyDocument.model_validate_json(response.content)
    assert (record.format, record.version, record.id) == ("parley-document", 2, "wilson-111245")

    def rows(sql: str) -> list[tuple]:
        return [tuple(r) for r in connection.execute(text(sql))]

    # Every text row, as stored, comes back from the file.
    stored = sorted(
        rows(
            "SELECT u.position, u.kind, p.slug, t.lang, t.is_original, t.label, t.text, "
            "t.page, t.line_start, t.line_end FROM utterances u "
            "JOIN utterance_texts t ON t.utterance_id = u.id "
            "LEFT JOIN participants p ON p.id = u.speaker_id"
        ),
        key=lambda r: (r[0], r[3]),
    )
    exported = sorted(
        (
            (u.position, u.kind.value, u.speaker, lang, t.original, t.label, t.text, *lines)
            for u in record.utterances
            for lang, t in u.texts.items()
            for lines in [(t.page, t.line_start, t.line_end)]
        ),
        key=lambda r: (r[0], r[3]),
    )
    assert exported == stored and len(stored) == 138
    spans = {
        (u.position, lang): [[s.start, s.end, s.kind] for s in t.spans]
        for u in record.utterances
        for lang, t in u.texts.items()
    }
    breaks = {
        (u.position, lang): [[b.offset, b.page] for b in t.page_breaks]
        for u in record.utterances
        for lang, t in u.texts.items()
    }
    for position, lang, span_json, break_json in rows(
        "SELECT u.position, t.lang, t.spans, t.page_breaks FROM utterances u "
        "JOIN utterance_texts t ON t.utterance_id = u.id"
    ):
        loads = json.loads if isinstance(span_json, str) else (lambda v: v)
        assert spans[(position, lang)] == loads(span_json)
        assert breaks[(position, lang)] == loads(break_json)
    tags = sorted(
        rows(
            "SELECT u.position, tp.slug, ut.reason, ut.opened_at FROM utterance_topics ut "
            "JOIN utterances u ON u.id = ut.utterance_id JOIN topics tp ON tp.id = ut.topic_id"
        )
    )
    assert tags == sorted(
        (u.position, t.topic, t.reason, t.opened_at) for u in record.utterances for t in u.topics
    )
    roles = sorted(
        rows(
            "SELECT p.slug, dp.role, dp.description FROM document_participants dp "
            "JOIN participants p ON p.id = dp.participant_id"
        )
    )
    assert roles == sorted(
        (p.id, r.role, r.description) for p in record.participants for r in p.roles
    )
    mao = next(p for p in record.participants if p.id == "mao-zedong")
    assert {a.alias for a in mao.aliases} >= {"Мао Цзе-дун", "Mao Tse-tung", "毛泽东"}
    assert not mao.unresolved and mao.names["zh"] == "毛泽东"
    [(sha256, source_file)] = rows("SELECT content_hash, source_file FROM documents")
    assert (record.source.sha256, record.source.file) == (sha256, source_file)
    assert [d.text for d in record.debris if d.kind == "page"] == ["2.", "5.", "8."]
    assert record.titles["ru"].startswith("ЗАПИСЬ БЕСЕДЫ")
    assert record.reference.folios == "29-38" and record.publisher_citation
