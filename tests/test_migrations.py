"""The migrations against the ORM models, on both backends: they describe the same schema,
and a database written before 0003 upgrades with its rows intact."""

from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from app.db import make_engine
from app.migrate import upgrade
from app.models import Base, Document


def test_migrations_build_exactly_the_models(fresh_url: str) -> None:
    engine = make_engine(fresh_url)
    upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "compare_server_default": True}
        )
        assert compare_metadata(context, Base.metadata) == []
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
