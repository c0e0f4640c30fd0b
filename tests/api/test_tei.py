"""TEI P5 for the seed, parsed back: turns, speakers, translations, pages, insertions.

Validity is checked against tei_all.rng (the `tei_all` fixture in conftest.py).
"""

from __future__ import annotations

import re

import pytest
from lxml import etree
from starlette.testclient import TestClient

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS = {"t": TEI}
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")


@pytest.fixture
def record(client: TestClient) -> etree._Element:
    response = client.get("/v1/documents/wilson-111245", headers={"Accept": "application/tei+xml"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/tei+xml; charset=utf-8"
    assert "Accept" in response.headers["vary"]
    return etree.fromstring(response.content)


def _conversation(client: TestClient) -> list[dict]:
    return client.get("/v1/documents/wilson-111245/utterances", params={"limit": 200}).json()[
        "items"
    ]


def test_the_record_is_tei_and_valid(record: etree._Element, tei_all: etree.RelaxNG) -> None:
    assert record.tag == f"{{{TEI}}}TEI"
    assert tei_all.validate(record), tei_all.error_log


def test_the_header_names_the_archive_the_translator_and_the_source(
    record: etree._Element,
) -> None:
    header = record.find("t:teiHeader", NS)
    title = header.findtext("t:fileDesc/t:titleStmt/t:title[@type='main']", namespaces=NS)
    assert title.startswith("Record of Talks between I.V. Stalin")
    assert header.xpath("string(.//t:titleStmt/t:respStmt/t:persName)", namespaces=NS) == (
        "Danny Rozas"
    )
    identifier = header.find(".//t:msDesc/t:msIdentifier", NS)
    assert identifier.findtext("t:repository", namespaces=NS).startswith("Archive of the President")
    idnos = {i.get("type"): i.text for i in identifier.findall("t:idno", NS)}
    assert idnos == {"fond": "45", "opis": "1", "delo": "329", "folios": "29-38"}
    assert (
        header.find(".//t:sourceDesc/t:bibl/t:ref", NS).get("target").endswith("/document/111245")
    )
    languages = {
        lang.get("ident"): lang.text for lang in header.findall(".//t:langUsage/t:language", NS)
    }
    assert languages == {"ru": "Russian", "en": "English"}
    terms = {t.get("key"): t.text for t in header.findall(".//t:textClass/t:keywords/t:term", NS)}
    assert terms["kchzhd"] == "Chinese Changchun Railway" and "tibet" in terms


def test_every_person_is_listed_with_a_name_in_every_language(record: etree._Element) -> None:
    people = {
        p.get(XML_ID): p for p in record.iterfind(".//t:particDesc/t:listPerson/t:person", NS)
    }
    assert len(people) == 16  # 13 in the room, 3 mentioned
    mao = people["mao-zedong"]
    names = {(n.get(XML_LANG), n.text) for n in mao.findall("t:persName[@type='standard']", NS)}
    assert names == {("en", "Mao Zedong"), ("ru", "Мао Цзэдун"), ("zh", "毛泽东")}
    written = {n.text for n in mao.findall("t:persName[@type='asWritten']", NS)}
    assert "Мао Цзэ-дун" in written
    assert people["roosevelt"].get("role") == "mentioned"


def test_turns_and_speakers_match_the_api(record: etree._Element, client: TestClient) -> None:
    people = {p.get(XML_ID) for p in record.iterfind(".//t:listPerson/t:person", NS)}
    russian = record.find(".//t:body/t:div[@type='original']", NS)
    assert russian.get(XML_LANG) == "ru"
    turns = russian.findall("t:u", NS)
    expected = [i for i in _conversation(client) if i["kind"] != "narration"]
    assert len(turns) == len(expected) == 66
    for u, item in zip(turns, expected, strict=True):
        assert u.get("who") == f"#{item['speaker']['id']}"
        assert u.get("who")[1:] in people
        assert u.get(XML_LANG) == "ru"
        assert (
            "".join(u.itertext())
            .replace("Dairen; Dalian", "[Dairen; Dalian]")
            .startswith(item["texts"]["ru"]["text"][:20])
        )
    ids = [e.get(XML_ID) for e in record.iter() if e.get(XML_ID)]
    assert len(ids) == len(set(ids)) and all(NCNAME.match(i) for i in ids)
    assert "u-wilson-111245-17-ru" in ids


def test_narration_is_a_note_not_a_turn(record: etree._Element) -> None:
    for div in record.iterfind(".//t:body/t:div", NS):
        notes = div.findall("t:note[@type='narration']", NS)
        assert len(notes) == 3
        assert not any(u.get("who") is None for u in div.findall("t:u", NS))
    english = record.find(".//t:body/t:div[@type='translation']", NS)
    assert english.find("t:note[@type='narration']", NS).get(XML_ID) == "u-wilson-111245-1-en"


def test_every_russian_unit_is_linked_to_its_english_translation(
    record: etree._Element,
) -> None:
    links = [
        link.get("target").split()
        for link in record.iterfind(".//t:linkGrp[@type='translation']/t:link", NS)
    ]
    russian = [
        e.get(XML_ID) for e in record.find(".//t:div[@type='original']", NS) if e.get(XML_ID)
    ]
    assert [ru for ru, _ in links] == [f"#{i}" for i in russian]
    ids = {e.get(XML_ID): e for e in record.iter() if e.get(XML_ID)}
    for ru, en in links:
        original, translation = ids[ru[1:]], ids[en[1:]]
        assert (original.get(XML_LANG), translation.get(XML_LANG)) == ("ru", "en")
        assert original.get("who") == translation.get("who")
        assert original.get("n") == translation.get("n")


def test_page_breaks_sit_where_the_original_turns_the_page(record: etree._Element) -> None:
    russian = record.find(".//t:div[@type='original']", NS)
    breaks = [(pb.get("n"), pb.getparent()) for pb in russian.iter(f"{{{TEI}}}pb")]
    assert [n for n, _ in breaks] == ["1", "2", "5", "8"]
    # Page 2 and 5 begin inside a turn, page 8 between two turns.
    assert breaks[1][1].get(XML_ID) == "u-wilson-111245-5-ru"
    assert (
        breaks[1][1]
        .xpath("string(t:pb/preceding-sibling::text()[1])", namespaces=NS)
        .endswith("при помощи договоров ")
    )
    assert breaks[2][1].get(XML_ID) == "u-wilson-111245-27-ru"
    assert breaks[3][1] is russian
    [after_eight] = russian.xpath("t:pb[@n='8']/following-sibling::*[1]", namespaces=NS)
    assert after_eight.get("n") == "48"
    english = record.find(".//t:div[@type='translation']", NS)
    assert english.find(".//t:pb", NS) is None  # the translation has no pages of its own


def test_insertions_are_supplied_and_asides_are_notes(record: etree._Element) -> None:
    dalny = record.find(".//t:u[@n='28'][@{http://www.w3.org/XML/1998/namespace}lang='en']", NS)
    assert [s.text for s in dalny.findall("t:supplied", NS)] == ["Dairen; Dalian"]
    assert "".join(dalny.itertext()).startswith("The question of Dalny Dairen; Dalian.")
    [joke] = record.xpath(".//t:u[@xml:id='u-wilson-111245-51-en']", namespaces=NS)
    aside = joke.find("t:note[@type='aside']", NS)
    assert aside.text == "says comr. Stalin jokingly"
    assert aside.tail.startswith(", increase this interest")


def test_a_query_as_a_tei_fragment(client: TestClient, tei_all: etree.RelaxNG) -> None:
    response = client.get(
        "/v1/utterances", params={"speaker": "Mao", "topic": "KChZhD", "format": "tei"}
    )
    assert response.status_code == 200
    assert response.headers["content-disposition"] == (
        'attachment; filename="parley-utterances.tei.xml"'
    )
    fragment = etree.fromstring(response.content)
    assert fragment.tag == f"{{{TEI}}}div" and fragment.get("type") == "parley-query"
    turns = fragment.findall("t:u", NS)
    assert [u.get("n") for u in turns[::2]] == [
        "wilson-111245.17",
        "wilson-111245.19",
        "wilson-111245.37",
        "wilson-111245.44",
    ]
    assert {u.get("who") for u in turns} == {"http://parley.test/v1/participants/mao-zedong"}
    for original, translation in zip(turns[::2], turns[1::2], strict=True):
        assert translation.get("corresp") == f"#{original.get(XML_ID)}"
    # The fragment slots into a TEI body and stays valid.
    document = etree.fromstring(
        f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>"
        "</fileDesc></teiHeader><text><body/></text></TEI>"
    )
    document.find(".//t:body", NS).append(fragment)
    assert tei_all.validate(document), tei_all.error_log
