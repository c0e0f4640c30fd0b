"""Migrations own the DDL: they must build exactly the tables app.models describes, plus
the search index objects that exist only on their own backend; they must run down and up
again without losing a row, and a database written before 0003 must upgrade with its rows
intact."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, select
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
from tests.conftest import FRUS_SAMPLE, SEED_DIR
from tests.undated import UNDATED_IDS, write_undated_records


def test_migrations_build_the_models_schema(fresh_url: str) -> None:
    engine = make_engine(fresh_url)
    upgrade(engine)
    with engine.connect() as connection, warnings.catch_warnings():
        # SQLite's reflection skips indexes on expressions, and so Alembic's comparison:
        # that one is checked by hand below.
        warnings.filterwarnings("ignore", ".*expression-based index '?ix_documents_chronology")
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
        with engine.connect() as connection:
            chronology = connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'ix_documents_chronology'"
            ).scalar()
        assert chronology == (
            "CREATE INDEX ix_documents_chronology ON documents (coalesce(date, '9999-12-31'), id)"
        )
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


# FTS5 keeps each index in shadow tables of its own, whose rows follow how the index was
# built; the index's own count is what must not change.
SEARCH_SHADOWS = tuple(f"{table}_" for table in SEARCH_TABLES)


def _rows(engine: Engine) -> dict[str, int]:
    """Rows per table, the search index and SQLite's triggers included."""
    with engine.connect() as connection:
        counts = {
            table: connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
            for table in inspect(connection).get_table_names()
            # Bookkeeping, not records: which migration, and which data version.
            if table not in {"alembic_version", "data_version"}
            and not table.startswith(SEARCH_SHADOWS)
        }
        if engine.dialect.name == "sqlite":
            counts["triggers"] = connection.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
            ).scalar_one()
    return counts


def _dates(engine: Engine) -> dict[str, dt.date | None]:
    with engine.connect() as connection:
        return dict(connection.execute(select(Document.slug, Document.date)).all())


def test_0005_keeps_every_row_and_undated_records_survive_a_downgrade(
    fresh_url: str, tmp_path: Path
) -> None:
    engine = make_engine(fresh_url)
    upgrade(engine, "0004")
    loaded = load_files(sessionmaker(engine), discover([SEED_DIR, FRUS_SAMPLE]), SEED_DIR)
    assert [o.status for o in loaded] == ["loaded", "loaded"]
    before, dates = _rows(engine), _dates(engine)
    assert before["utterances"] > 80 and before["utterance_topics"] > 0

    upgrade(engine, "0005")
    assert _rows(engine) == before and _dates(engine) == dates
    assert next(c for c in inspect(engine).get_columns("documents") if c["name"] == "date")[
        "nullable"
    ]

    undated = write_undated_records(tmp_path / "undated")
    loaded = load_files(sessionmaker(engine), discover([undated]), SEED_DIR)
    assert [o.status for o in loaded] == ["loaded"] * 3
    with_undated = _rows(engine)
    downgrade(engine, "0004")
    assert _rows(engine) == with_undated
    # NOT NULL again: the undated records hold the chronology key, and sort last as before.
    assert {slug: _dates(engine)[slug] for slug in UNDATED_IDS} == dict.fromkeys(
        UNDATED_IDS, dt.date(9999, 12, 31)
    )
    assert not next(c for c in inspect(engine).get_columns("documents") if c["name"] == "date")[
        "nullable"
    ]

    upgrade(engine)
    assert _rows(engine) == with_undated
    assert _dates(engine) == {**dates, **dict.fromkeys(UNDATED_IDS)}
    engine.dispose()


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
    loaded = _rows(engine)
    found = _search_results(engine)
    assert loaded["utterances"] == 69 and all(found.values()), (loaded, found)

    revisions = [
        r.revision for r in ScriptDirectory.from_config(alembic_config(engine)).walk_revisions()
    ]
    # Down one step at a time to the first revision, then up one step at a time: every
    # table that exists at a step keeps every row it had.
    tables = set(loaded) - {"triggers"}
    for revision in revisions[1:]:
        downgrade(engine, revision)
        counts = _rows(engine)
        assert {t: n for t, n in counts.items() if t in tables} == {
            t: n for t, n in loaded.items() if t in counts and t in tables
        }, revision
    for _ in revisions[1:]:
        upgrade(engine, "+1")
        counts = _rows(engine)
        assert {t: n for t, n in counts.items() if t in tables} == {
            t: n for t, n in loaded.items() if t in counts and t in tables
        }
    assert _rows(engine) == loaded
    assert _search_results(engine) == found
    # Loading the seed again finds everything in place.
    [again] = load_files(sessionmaker(engine), discover([SEED_DIR]), SEED_DIR)
    assert again.status == "unchanged"
    engine.dispose()
