"""The loader on both backends: counts, idempotence, replacement, and bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.db import make_engine
from app.ingest import loader
from app.ingest.loader import load_files, merge_participants
from app.ingest.model import ParsedDocument
from app.ingest.registry import load_registry
from app.migrate import upgrade
from app.models import (
    Base,
    Document,
    DocumentParticipant,
    Participant,
    Topic,
    Utterance,
    UtteranceText,
    UtteranceTopic,
)
from app.search.index import utterance_fts
from tests.conftest import LAYOUTS_DIR, SEED_DIR, SEED_FILE

JSON_SAMPLE = LAYOUTS_DIR / "json-1950-02-14_vyshinsky-zhou.json"

SEED = SEED_FILE.read_text(encoding="utf-8")


def snapshot(connection: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    state = {}
    for table in Base.metadata.sorted_tables:
        rows = connection.execute(select(table).order_by(*table.primary_key.columns)).all()
        state[table.name] = [tuple(row) for row in rows]
    return state


def load(factory: sessionmaker[Session], *paths: Path) -> list[Any]:
    return list(load_files(factory, list(paths), SEED_DIR))


def test_seed_is_in_the_database(connection: Connection) -> None:
    count = lambda model: connection.scalar(select(func.count()).select_from(model))  # noqa: E731
    assert count(Document) == 1
    assert count(Utterance) == 69  # 66 turns and 3 pieces of narration
    assert count(UtteranceText) == 138
    kinds = dict(
        connection.execute(select(Utterance.kind, func.count()).group_by(Utterance.kind)).all()
    )
    assert kinds == {"speech": 66, "narration": 3}
    in_the_room = connection.scalar(
        select(func.count(func.distinct(DocumentParticipant.participant_id))).where(
            DocumentParticipant.role.in_(["speaker", "present"])
        )
    )
    assert in_the_room == 13
    document = connection.execute(select(Document)).one()
    assert (document.fond, document.opis, document.delo, document.folios) == (
        "45",
        "1",
        "329",
        "29-38",
    )
    assert document.languages == ["ru", "en"] and document.original_language == "ru"
    assert len(document.content_hash) == 64


def test_mao_on_the_kchzhd_in_sql(connection: Connection) -> None:
    mao = select(Participant.id).where(Participant.slug == "mao-zedong").scalar_subquery()
    kchzhd = select(Topic.id).where(Topic.slug == "kchzhd").scalar_subquery()
    texts = connection.scalars(
        select(UtteranceText.text)
        .join(Utterance, Utterance.id == UtteranceText.utterance_id)
        .join(UtteranceTopic, UtteranceTopic.utterance_id == Utterance.id)
        .where(Utterance.speaker_id == mao, UtteranceTopic.topic_id == kchzhd)
        .where(UtteranceText.lang == "en")
        .order_by(Utterance.position)
    ).all()
    assert [t[:20] for t in texts] == [
        "Perhaps we should ac",
        "We must act so as to",
        "The principal point ",
        "The question needs t",
    ]


def test_loading_the_same_file_again_changes_nothing(
    connection: Connection, factory: sessionmaker[Session]
) -> None:
    before = snapshot(connection)
    [outcome] = load(factory, SEED_FILE)
    assert outcome.status == "unchanged"
    assert snapshot(connection) == before


def test_an_unchanged_file_is_not_parsed_again(
    connection: Connection, factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = load_registry(SEED_DIR)
    [parsed] = loader.read_and_parse(SEED_FILE, registry)
    assert isinstance(parsed, ParsedDocument)
    expected = loader.outcome_for(parsed, "unchanged", registry)

    def refuse(*_: object) -> None:
        raise AssertionError("an unchanged file was parsed")

    monkeypatch.setattr(loader, "read_and_parse", refuse)
    [outcome] = load(factory, SEED_FILE)
    assert outcome == expected  # told from the stored document


def test_a_document_that_lost_its_turns_is_loaded_again(
    connection: Connection, factory: sessionmaker[Session]
) -> None:
    # The record's row survived with the hash of its file, its turns did not (as a
    # SQLite downgrade used to leave it): the file is not "unchanged" but read again.
    before = snapshot(connection)
    connection.execute(Utterance.__table__.delete())
    [outcome] = load(factory, SEED_FILE)
    assert outcome.status == "replaced"
    after = snapshot(connection)
    for table in ("utterances", "utterance_texts", "utterance_topics"):
        assert len(after[table]) == len(before[table]) > 0, table


def test_a_changed_file_replaces_its_document(
    connection: Connection, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    changed = tmp_path / SEED_FILE.name  # the same file, edited
    changed.write_text(
        SEED.replace("It's a house with open gates.", "It is a house with open gates.")
    )
    [outcome] = load(factory, changed)
    assert outcome.status == "replaced"
    assert connection.scalar(select(func.count()).select_from(Document)) == 1
    assert connection.scalar(select(func.count()).select_from(Utterance)) == 69
    texts = connection.scalars(select(UtteranceText.text).where(UtteranceText.lang == "en")).all()
    assert "Of course. It is a house with open gates." in texts
    assert "Of course. It's a house with open gates." not in texts
    assert connection.scalar(select(Document.source_file)) == SEED_FILE.name


def test_a_record_from_another_file_cannot_take_a_documents_id_unless_told_to(
    connection: Connection, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    other = tmp_path / "other-file.txt"  # the seed's id, the seed's header, another file
    other.write_text(SEED.replace("It's a house with open gates.", "It is a house."))
    before = snapshot(connection)
    [refused] = load(factory, other)
    assert refused.status == "failed" and refused.error is not None
    assert "'wilson-111245'" in refused.error.message and SEED_FILE.name in refused.error.message
    assert "--replace" in refused.error.message
    assert snapshot(connection) == before
    [taken] = list(load_files(factory, [other], SEED_DIR, replace=True))
    assert taken.status == "replaced"
    assert connection.scalar(select(Document.source_file)) == "other-file.txt"


def test_an_unchanged_file_whose_id_was_taken_earlier_in_the_run_is_read_again(
    connection: Connection, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    other = tmp_path / "other-file.txt"  # the seed's id, from another file
    other.write_text(SEED.replace("It's a house with open gates.", "It is a house."))
    outcomes = list(load_files(factory, [other, SEED_FILE], SEED_DIR, replace=True))
    assert [o.status for o in outcomes] == ["replaced", "replaced"]
    assert connection.scalar(select(Document.source_file)) == SEED_FILE.name


def test_two_files_with_one_id_in_one_run_keep_the_first(
    connection: Connection, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    record = JSON_SAMPLE.read_text(encoding="utf-8")
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(record)
    second.write_text(record.replace("the end of 1952", "the end of 1953"))
    outcomes = load(factory, first, second)
    assert [o.status for o in outcomes] == ["loaded", "failed"]
    assert "a.json" in outcomes[1].error.message
    again = load(factory, first, second)  # a rerun rewrites nothing
    assert [o.status for o in again] == ["unchanged", "failed"]


@pytest.mark.parametrize("bad_id", ["a/b", "..", "x..y", "<script>", "a b", ".hidden"])
def test_ids_that_would_break_urls_are_refused(
    connection: Connection, factory: sessionmaker[Session], tmp_path: Path, bad_id: str
) -> None:
    path = tmp_path / "record.json"
    path.write_text(
        JSON_SAMPLE.read_text(encoding="utf-8").replace(
            '"json-1950-02-14-vyshinsky-zhou"', json.dumps(bad_id)
        )
    )
    [outcome] = load(factory, path)
    assert outcome.status == "failed" and outcome.error is not None
    assert "id" in outcome.error.message
    assert connection.scalar(select(func.count()).select_from(Document)) == 1  # the seed only


def _hostile(tmp_path: Path) -> dict[str, Path]:
    """Files that once crashed the whole run, each beside valid files."""
    record = json.loads(JSON_SAMPLE.read_text(encoding="utf-8"))
    files = {
        "deep": "[" * 100_000 + "]" * 100_000,
        "digits": '{"format": "parley-document", "version": ' + "9" * 5001 + "}",
        "wide": json.dumps({**record, "id": "wide-int"}).replace(
            '"label": "Vyshinsky",', '"label": "Vyshinsky", "page": 99999999999999999999999,', 1
        ),
    }
    paths = {}
    for name, content in files.items():
        paths[name] = tmp_path / f"{name}.json"
        paths[name].write_text(content)
    return paths


def test_hostile_json_fails_one_file_each_and_the_rest_load(
    connection: Connection, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    hostile = _hostile(tmp_path)
    good = tmp_path / "good.json"
    good.write_text(JSON_SAMPLE.read_text(encoding="utf-8"))
    outcomes = load(factory, hostile["deep"], hostile["digits"], good, hostile["wide"])
    assert [o.status for o in outcomes] == ["failed", "failed", "loaded", "failed"]
    for outcome in outcomes:
        assert outcome.error is None or outcome.error.source.endswith(".json")
    assert "nested too deeply" in outcomes[0].error.message


BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 4,
    "latin1.txt": SEED.encode("utf-8")[:2000] + "Сталин".encode("koi8-r"),
    "no-translation.txt": SEED.split("\nRecord of Talks between")[0].encode("utf-8"),
    "truncated.txt": SEED[: SEED.index("Stalin: The question of Dalny")].encode("utf-8"),
    "mismatched.txt": SEED.replace("Mao Zedong: Agreed.\n", "").encode("utf-8"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_refused_and_changes_nothing(
    connection: Connection, factory: sessionmaker[Session], tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    before = snapshot(connection)
    [outcome] = load(factory, path)
    assert outcome.status == "failed"
    assert outcome.error is not None and str(outcome.error).startswith(str(path))
    assert snapshot(connection) == before


def test_a_bad_file_does_not_stop_the_good_ones(
    connection: Connection, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    bad, good = tmp_path / "a-bad.txt", tmp_path / "b-good.txt"
    bad.write_bytes(b"")
    good.write_text(SEED.replace("/document/111245", "/document/999999"))
    outcomes = load(factory, bad, good)
    assert [o.status for o in outcomes] == ["failed", "loaded"]
    slugs = connection.scalars(select(Document.slug).order_by(Document.slug)).all()
    assert slugs == ["wilson-111245", "wilson-999999"]


def test_a_bad_file_parsed_in_a_worker_process_is_reported(
    connection: Connection, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    # The error comes back from the worker pickled; it once broke the whole pool.
    bad = tmp_path / "a-bad.txt"
    bad.write_text("A note on the file.\n\nIt holds no conversation at all.\n")
    for n in range(4):
        (tmp_path / f"b-good-{n}.txt").write_text(
            SEED.replace("/document/111245", f"/document/99999{n}")
        )
    files = sorted(tmp_path.iterdir())
    outcomes = list(load_files(factory, files, SEED_DIR, workers=2))
    assert [o.status for o in outcomes] == ["failed"] + ["loaded"] * 4
    assert str(outcomes[0].error).startswith(f"{bad}:1: the English version holds no conversation")


def _search(connection: Connection, word: str) -> list[str]:
    """Texts the full-text index finds for one word, through the app's own search SQL."""
    from app.search.backend import text_hits
    from app.search.query import parse

    hits = text_hits(connection.dialect.name, parse(word), None).subquery()
    return list(
        connection.scalars(
            select(UtteranceText.text).where(UtteranceText.id.in_(select(hits.c.text_id)))
        )
    )


def test_the_search_index_follows_a_replaced_document(
    connection: Connection, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    assert _search(connection, "gates")
    changed = tmp_path / SEED_FILE.name  # the same file, edited
    changed.write_text(SEED.replace("a house with open gates", "a house with open doors"))
    [outcome] = load(factory, changed)
    assert outcome.status == "replaced"
    assert _search(connection, "gates") == []
    assert [t for t in _search(connection, "doors") if "open doors" in t]
    if connection.dialect.name == "sqlite":  # every text indexed once, nothing left behind
        indexed = connection.scalar(select(func.count()).select_from(utterance_fts))
        assert indexed == connection.scalar(select(func.count()).select_from(UtteranceText))


def test_a_refused_file_leaves_the_index_alone(
    connection: Connection, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    before = _search(connection, "Dalny")
    bad = tmp_path / "bad.txt"
    bad.write_text(SEED.replace("Mao Zedong: Agreed.\n", ""))
    [outcome] = load(factory, bad)
    assert outcome.status == "failed"
    assert _search(connection, "Dalny") == before


def _links_out_of_step(connection: Connection) -> int:
    """Topic links whose copied columns (migration 0004) disagree with their turn."""
    link = UtteranceTopic
    return int(
        connection.scalar(
            select(func.count())
            .select_from(link)
            .join(Utterance, Utterance.id == link.utterance_id)
            .where(
                (link.document_id != Utterance.document_id)
                | (link.document_date != Utterance.document_date)
                | (link.position != Utterance.position)
                | (func.coalesce(link.speaker_id, -1) != func.coalesce(Utterance.speaker_id, -1))
            )
        )
        or 0
    )


def test_topic_links_keep_their_turns_listing_columns(
    connection: Connection, factory: sessionmaker[Session]
) -> None:
    assert connection.scalar(select(func.count()).select_from(UtteranceTopic)) > 0
    assert _links_out_of_step(connection) == 0
    with factory() as session, session.begin():
        ids = dict(session.execute(select(Participant.slug, Participant.id)).all())
        merge_participants(session, ids["molotov"], ids["stalin"])
    assert _links_out_of_step(connection) == 0
    moved = connection.scalar(
        select(func.count())
        .select_from(UtteranceTopic)
        .where(UtteranceTopic.speaker_id == ids["molotov"])
    )
    assert moved == 0


def test_a_merge_keeps_the_names_and_notes_the_target_lacked(
    connection: Connection, factory: sessionmaker[Session]
) -> None:
    with factory() as session, session.begin():
        ids = dict(session.execute(select(Participant.slug, Participant.id)).all())
        rows = {
            row.participant_id: row
            for row in session.scalars(
                select(DocumentParticipant).where(
                    DocumentParticipant.role == "speaker",
                    DocumentParticipant.participant_id.in_([ids["molotov"], ids["stalin"]]),
                )
            )
        }
        # As if Stalin's entry had been read from the translation alone.
        rows[ids["stalin"]].labels = {"en": rows[ids["stalin"]].labels["en"]}
        rows[ids["stalin"]].description = None
        rows[ids["molotov"]].description = "Minister of Foreign Affairs"
        molotov_ru = rows[ids["molotov"]].labels["ru"]
        session.flush()
        merge_participants(session, ids["molotov"], ids["stalin"])
    labels, description = connection.execute(
        select(DocumentParticipant.labels, DocumentParticipant.description).where(
            DocumentParticipant.role == "speaker",
            DocumentParticipant.participant_id == ids["stalin"],
        )
    ).one()
    assert labels["ru"] == molotov_ru and labels["en"] == "Stalin"
    assert description == "Minister of Foreign Affairs"


def test_a_load_leaves_postgresql_planning_on_the_rows_it_wrote(fresh_url: str) -> None:
    # Without statistics the planner guesses and may scan every text to list one
    # document's; a load must not wait for autovacuum, which may be off.
    if not fresh_url.startswith("postgresql"):
        pytest.skip("SQLite plans without sampled statistics")
    engine = make_engine(fresh_url)
    upgrade(engine)
    outcomes = list(load_files(sessionmaker(engine), [SEED_FILE], SEED_DIR))
    assert [o.status for o in outcomes] == ["loaded"]
    with engine.connect() as c:
        estimated = c.scalar(text("SELECT reltuples FROM pg_class WHERE relname = 'utterances'"))
        actual = c.scalar(select(func.count()).select_from(Utterance))
    engine.dispose()
    assert estimated == actual
