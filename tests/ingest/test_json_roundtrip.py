"""Parley document JSON loads back into the record it was exported from, on both
backends: the same export byte for byte, the same rows, reloads that change nothing,
edits that replace, and bad records that stop nobody else."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from app.db import make_engine, transaction
from app.exports.document_json import dumps, record_sha256
from app.ingest.loader import LoadOutcome, discover, load_files, merge_participants
from app.main import create_app
from app.migrate import upgrade
from app.models import (
    Document,
    DocumentParticipant,
    Participant,
    ParticipantAlias,
    Topic,
    TopicAlias,
    Utterance,
    UtteranceText,
    UtteranceTopic,
)
from app.queries.records import build_record, iter_records
from tests.conftest import LAYOUTS_DIR, PLAIN_SAMPLE, SEED_DIR, DatabaseFactory, api_settings

FRUS_ID = "frus-1972-02-21-mao-nixon"


def load(engine: Engine, *paths: Path, workers: int = 1) -> list[LoadOutcome]:
    return list(load_files(sessionmaker(engine), discover(paths), SEED_DIR, workers))


def export(engine: Engine) -> list[str]:
    with sessionmaker(engine)() as session:
        return [dumps(record) for record in iter_records(session)]


def new_database(backend: str, databases: DatabaseFactory) -> Engine:
    engine = make_engine(databases.url(backend))
    upgrade(engine)
    return engine


def snapshot(connection: Connection) -> dict[str, list[Any]]:
    """Every row the loader writes, ids replaced by what they name; loaded_at left out."""
    documents = dict(connection.execute(select(Document.id, Document.slug)).all())
    people = dict(connection.execute(select(Participant.id, Participant.slug)).all())
    topics = dict(connection.execute(select(Topic.id, Topic.slug)).all())
    utterances = {
        uid: (documents[doc], position)
        for uid, doc, position in connection.execute(
            select(Utterance.id, Utterance.document_id, Utterance.position)
        )
    }
    named_by = {
        "document_id": documents,
        "participant_id": people,
        "speaker_id": people,
        "topic_id": topics,
        "utterance_id": utterances,
    }
    tables: dict[str, list[Any]] = {}
    for model in (
        Document,
        Participant,
        ParticipantAlias,
        DocumentParticipant,
        Topic,
        TopicAlias,
        Utterance,
        UtteranceText,
        UtteranceTopic,
    ):
        rows = [
            tuple(
                (column, named_by[column][value] if column in named_by and value else value)
                for column, value in row.items()
                if column not in {"id", "loaded_at"}
            )
            for row in connection.execute(select(model.__table__)).mappings()
        ]
        tables[model.__tablename__] = sorted(rows, key=repr)
    return tables


@pytest.fixture(scope="module")
def original(backend: str, databases: DatabaseFactory) -> Iterator[Engine]:
    """The seed and every layout sample, loaded from their own files (read-only here)."""
    engine = new_database(backend, databases)
    outcomes = load(engine, SEED_DIR, LAYOUTS_DIR)
    assert {o.status for o in outcomes} == {"loaded"}, outcomes
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def exported(original: Engine) -> list[str]:
    return export(original)


@pytest.fixture
def fresh(backend: str, databases: DatabaseFactory) -> Iterator[Engine]:
    engine = new_database(backend, databases)
    yield engine
    engine.dispose()


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_documents_from_the_api_load_back_into_identical_records(
    original: Engine, exported: list[str], fresh: Engine, tmp_path: Path
) -> None:
    app = create_app(api_settings(), original)
    with TestClient(app) as client:
        for line in exported:
            slug = json.loads(line)["id"]
            response = client.get(f"/v1/documents/{slug}", params={"format": "parley"})
            assert response.text == line
            (tmp_path / f"{slug}.json").write_bytes(response.content)

    outcomes = load(fresh, tmp_path)
    assert [o.status for o in outcomes] == ["loaded"] * len(exported)
    assert export(fresh) == exported  # byte for byte
    with original.connect() as before, fresh.connect() as after:
        assert snapshot(after) == snapshot(before)


def test_what_a_user_sees_is_the_same(
    original: Engine, exported: list[str], fresh: Engine, tmp_path: Path
) -> None:
    load(fresh, write_lines(tmp_path / "parley.jsonl", exported))
    answers = []
    for engine in (original, fresh):
        with TestClient(create_app(api_settings(), engine)) as client:
            answers.append(
                [
                    client.get("/v1/utterances", params={"speaker": "Mao", "topic": "KChZhD"}),
                    client.get("/v1/search", params={"q": "railway"}),
                    client.get(f"/v1/documents/{FRUS_ID}"),
                    client.get("/v1/participants", params={"unresolved": "true"}),
                ]
            )
    before, after = ([r.json() for r in responses] for responses in answers)
    assert after == before
    assert {p["id"] for p in after[3]["items"]} == {
        "chervonenko",
        "den-siao-pin",
        "kan-shen",
        "张庭延",
    }
    assert after[2]["place"] == "Chairman Mao's Residence, Peking" and len(after[2]["notes"]) == 3


def test_reloading_an_export_changes_nothing(
    original: Engine, exported: list[str], fresh: Engine, tmp_path: Path
) -> None:
    dump = write_lines(tmp_path / "parley.jsonl", exported)
    with original.connect() as conn:
        loaded_at = conn.execute(select(Document.slug, Document.loaded_at)).all()
    # Against the database the text files went into: each record is the file it came from.
    assert {o.status for o in load(original, dump)} == {"unchanged"}
    with original.connect() as conn:
        assert conn.execute(select(Document.slug, Document.loaded_at)).all() == loaded_at
    # And against one loaded from the export itself.
    assert {o.status for o in load(fresh, dump)} == {"loaded"}
    assert {o.status for o in load(fresh, dump)} == {"unchanged"}


def test_an_edited_record_replaces_its_document(
    exported: list[str], fresh: Engine, tmp_path: Path
) -> None:
    load(fresh, write_lines(tmp_path / "parley.jsonl", exported))
    lines = list(exported)
    index = next(i for i, line in enumerate(lines) if json.loads(line)["id"] == FRUS_ID)
    record = json.loads(lines[index])
    texts = record["utterances"][1]["texts"]["en"]
    texts["text"] = texts["text"].replace("Generalissimo", "Generalissimo Chiang")
    texts["spans"][0]["start"] += 7
    texts["spans"][0]["end"] += 7
    lines[index] = json.dumps(record, ensure_ascii=False)  # source.sha256 left as it was

    statuses = {o.slug: o.status for o in load(fresh, write_lines(tmp_path / "ed.jsonl", lines))}
    assert statuses.pop(FRUS_ID) == "replaced"
    assert set(statuses.values()) == {"unchanged"}
    with fresh.connect() as conn:
        stored = conn.scalar(
            select(UtteranceText.text)
            .join(Utterance, Utterance.id == UtteranceText.utterance_id)
            .join(Document, Document.id == Utterance.document_id)
            .where(Document.slug == FRUS_ID, Utterance.position == 2)
        )
    assert stored is not None and "Generalissimo Chiang" in stored

    # The edited record now stands for itself, and its own export reloads as unchanged.
    again = export(fresh)
    edited = json.loads(next(line for line in again if json.loads(line)["id"] == FRUS_ID))
    assert edited["source"]["sha256"] != record["source"]["sha256"]
    assert {o.status for o in load(fresh, write_lines(tmp_path / "again.jsonl", again))} == {
        "unchanged"
    }


def test_a_bad_record_stops_no_other(exported: list[str], fresh: Engine, tmp_path: Path) -> None:
    lines = list(exported)
    broken, invalid = json.loads(lines[1])["id"], json.loads(lines[3])["id"]
    lines[1] = lines[1][: len(lines[1]) // 2]  # cut off mid-record
    lines[3] = lines[3].replace('"reason":"named"', '"reason":"said"', 1)
    dump = write_lines(tmp_path / "parley.jsonl", lines)

    outcomes = load(fresh, dump)
    failed = [str(o.error) for o in outcomes if o.status == "failed"]
    assert len(failed) == 2
    assert failed[0].startswith(f"{dump}:2: not valid JSON")
    assert failed[1].startswith(f"{dump}:4: utterances[") and "not 'said'" in failed[1]
    assert [o.status for o in outcomes].count("loaded") == len(exported) - 2
    with fresh.connect() as conn:
        slugs = set(conn.scalars(select(Document.slug)))
        assert broken not in slugs and invalid not in slugs
        assert len(slugs) == len(exported) - 2


def test_json_files_load_in_parallel_beside_a_bad_one(
    exported: list[str], fresh: Engine, tmp_path: Path
) -> None:
    for number, line in enumerate(exported):
        (tmp_path / f"{number}.json").write_text(line, encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"format": "parley-document"', encoding="utf-8")
    outcomes = load(fresh, tmp_path, workers=2)  # parsed in worker processes
    assert [o.status for o in outcomes] == ["loaded"] * len(exported) + ["failed"]
    assert str(outcomes[-1].error).startswith(f"{tmp_path / 'bad.json'}:1: not valid JSON")
    assert export(fresh) == exported


def test_a_merged_variant_survives_the_round_trip(
    backend: str, databases: DatabaseFactory, fresh: Engine, tmp_path: Path
) -> None:
    # The variant speaks first, so after the merge the role's labels ("Deng Xiaoping",
    # from his own turns) no longer follow from the turns: the record's must be kept.
    text = PLAIN_SAMPLE.read_text(encoding="utf-8")
    swapped = (
        text.replace("Deng Xiaoping: We agree.", "\0")
        .replace("Den Siao-pin: Informed", "Deng Xiaoping: Informed")
        .replace("\0", "Den Siao-pin: We agree.")
    )
    sample = tmp_path / "sample" / PLAIN_SAMPLE.name
    sample.parent.mkdir()
    sample.write_text(swapped, encoding="utf-8")
    sidecar = PLAIN_SAMPLE.with_name(PLAIN_SAMPLE.stem + ".meta.yaml")
    (sample.parent / sidecar.name).write_bytes(sidecar.read_bytes())
    source = new_database(backend, databases)
    assert [o.status for o in load(source, sample)] == ["loaded"]
    with transaction(sessionmaker(source)) as session:
        ids = dict(session.execute(select(Participant.slug, Participant.id)).all())
        merge_participants(session, ids["den-siao-pin"], ids["deng-xiaoping"])
    before = export(source)

    assert {o.status for o in load(fresh, write_lines(tmp_path / "p.jsonl", before))} == {"loaded"}
    assert export(fresh) == before
    with source.connect() as a, fresh.connect() as b:
        assert snapshot(b) == snapshot(a)
    with Session(fresh) as session:
        deng = session.scalar(select(Participant).where(Participant.slug == "deng-xiaoping"))
        assert deng is not None and not deng.unresolved
        aliases = session.scalars(
            select(ParticipantAlias.alias).where(ParticipantAlias.participant_id == deng.id)
        ).all()
        assert "Den Siao-pin" in aliases  # a later text that spells him so finds him
        assert session.scalar(select(Participant).where(Participant.slug == "den-siao-pin")) is None
    source.dispose()


def test_the_record_vouches_for_its_content(original: Engine) -> None:
    with Session(original) as session:
        doc_id = session.scalar(select(Document.id).where(Document.slug == FRUS_ID))
        assert doc_id is not None
        record = build_record(session, doc_id)
    line = json.loads(dumps(record))
    assert line["source"]["record_sha256"] == record_sha256(record)
    assert list(line)[-1] == "source"
    unsigned = {**line, "source": {**line["source"], "record_sha256": None}}
    assert json.loads(record.model_dump_json()) == unsigned
