"""Migrations own the DDL: they must build exactly the tables app.models describes, plus
the search index objects that exist only on their own backend; they must run down and up
again without losing a row, and a database written before 0003 must upgrade with its rows
intact."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.db import make_engine
from app.ingest.loader import discover, load_files
from app.migrate import (
    SEARCH_TABLES,
    alembic_config,
    described_by_models,
    downgrade,
    upgrade,
)
from app.models import Base, Document
from app.queries.search import rank
from app.queries.utterances import UtteranceFilter
from tests.conftest import SEED_DIR


def test_migrations_build_the_models_schema(fresh_url: str) -> None:
    engine = make_engine(fresh_url)
    upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "compare_server_default": True,
                "include_object": described_by_models,
            },
        )
        assert compare_metadata(context, Base.metadata) == []
    tables = set(inspect(engine).get_table_names())
    if engine.dialect.name == "sqlite":
        assert set(SEARCH_TABLES) <= tables
    else:
        columns = {c["name"] for c in inspect(engine).get_columns("utterance_texts")}
        assert "tsv" in columns
    engine.dispose()


def test_downgrade_and_upgrade_again(fresh_url: str) -> None:
    engine = make_engine(fresh_url)
    upgrade(engine)
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert {"documents", "utterances", "utterance_texts"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_a_database_from_before_0003_keeps_its_documents(fresh_url: str) -> None:
    engine = make_engine(fresh_url)
    upgrade(engine, "0001")
    columns = {c["name"] for c in inspect(engine).get_columns("documents")}
    assert not {"place", "time_of_day", "notes"} & columns
    with engine.begin() as connection:
        # Only the columns 0001 has: the insert leaves out the ones 0003 adds.
        connection.execute(
            Document.__table__.insert().values(
                slug="wilson-111245",
                title="Record of Talks",
                date=dt.date(1950, 1, 22),
                record_type="record of conversation",
                layout="wilson-center",
                original_language="ru",
                languages=["ru", "en"],
                titles={},
                debris=[],
                source_file="seed.txt",
                content_hash="0" * 64,
                loaded_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            )
        )
    upgrade(engine)
    with engine.connect() as connection:
        row = connection.execute(
            select(Document.slug, Document.place, Document.time_of_day, Document.notes)
        ).one()
    assert tuple(row) == ("wilson-111245", None, None, [])
    engine.dispose()


def test_the_search_triggers_survive_every_migration(fresh_url: str) -> None:
    if not fresh_url.startswith("sqlite"):
        pytest.skip("PostgreSQL keeps its search index in generated columns, not triggers")
    engine = make_engine(fresh_url)
    upgrade(engine)
    with engine.connect() as connection:
        triggers = set(
            connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            .scalars()
            .all()
        )
    assert triggers == {"utterance_texts_unindex", "documents_unindex"}
    engine.dispose()


def test_0004_copies_the_listing_columns_onto_existing_topic_links(fresh_url: str) -> None:
    engine = make_engine(fresh_url)
    upgrade(engine, "0003")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO documents (id, slug, title, date, record_type, layout, original_language,"
            " languages, titles, debris, source_file, content_hash, loaded_at) VALUES (7, 'd',"
            " 'T', '1950-01-22', 'r', 'plain', 'en', '[\"en\"]', '{}', '[]', 'f', 'h',"
            " '2026-01-01 00:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO participants (id, slug, name, names, unresolved) "
            "VALUES (3, 'p', 'P', '{}', false)"
        )
        connection.exec_driver_sql("INSERT INTO topics (id, slug, label) VALUES (5, 't', 'T')")
        connection.exec_driver_sql(
            "INSERT INTO utterances (id, document_id, position, kind, speaker_id, document_date)"
            " VALUES (11, 7, 4, 'speech', 3, '1950-01-22')"
        )
        connection.exec_driver_sql(
            "INSERT INTO utterance_topics (utterance_id, topic_id, reason, matched) "
            "VALUES (11, 5, 'named', '[]')"
        )
    upgrade(engine)
    with engine.connect() as connection:
        row = connection.exec_driver_sql(
            "SELECT speaker_id, document_id, document_date, position FROM utterance_topics"
        ).one()
    assert (row[0], row[1], str(row[2]), row[3]) == (3, 7, "1950-01-22", 4)
    engine.dispose()


SEARCH_SHADOWS = tuple(f"{table}_" for table in SEARCH_TABLES)


def _row_counts(engine: Engine) -> dict[str, int]:
    """Rows per table (the search index's tables included), as the database has them now."""
    with engine.connect() as connection:
        return {
            table: connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
            for table in inspect(connection).get_table_names()
            # FTS5 keeps each index in shadow tables of its own, counted by the index itself.
            if table != "alembic_version" and not table.startswith(SEARCH_SHADOWS)
        }


SEARCHES = ("Dalny", "КЧЖД", '"free port"', "railroads -Molotov")


def _search_results(engine: Engine) -> dict[str, list[tuple[int, float]]]:
    with Session(engine) as session:
        return {
            q: [
                (uid, round(score, 6))
                for score, uid in rank(session, q, UtteranceFilter(), None).turns
            ]
            for q in SEARCHES
        }


def test_every_migration_runs_down_and_up_with_the_seed_loaded_and_loses_no_row(
    fresh_url: str,
) -> None:
    engine = make_engine(fresh_url)
    upgrade(engine)
    [outcome] = load_files(sessionmaker(engine), discover([SEED_DIR]), SEED_DIR)
    assert outcome.status == "loaded"
    loaded = _row_counts(engine)
    found = _search_results(engine)
    assert loaded["utterances"] == 69 and all(found.values()), (loaded, found)

    revisions = [
        r.revision for r in ScriptDirectory.from_config(alembic_config(engine)).walk_revisions()
    ]
    # Down one step at a time to the first revision, then up one step at a time: every
    # table that exists at a step keeps every row it had.
    for revision in revisions[1:]:
        downgrade(engine, revision)
        counts = _row_counts(engine)
        assert counts == {t: n for t, n in loaded.items() if t in counts}, revision
    for _ in revisions[1:]:
        upgrade(engine, "+1")
        counts = _row_counts(engine)
        assert counts == {t: n for t, n in loaded.items() if t in counts}
    assert _row_counts(engine) == loaded
    assert _search_results(engine) == found
    # Loading the seed again finds everything in place.
    [again] = load_files(sessionmaker(engine), discover([SEED_DIR]), SEED_DIR)
    assert again.status == "unchanged"
    engine.dispose()
