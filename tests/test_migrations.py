"""Migrations own the DDL: they must build exactly the tables app.models describes, plus
the search index objects that exist only on their own backend; they must run down and up
again, and a database written before 0003 must upgrade with its rows intact."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from app.db import make_engine
from app.migrate import SEARCH_TABLES, alembic_config, described_by_models, upgrade
from app.models import Base, Document


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
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
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
