"""Migrations own the DDL: they must build exactly the tables app.models describes,
plus the search index objects that exist only on their own backend."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app.db import make_engine
from app.migrate import alembic_config, upgrade
from app.models import Base

SEARCH_TABLES = ("utterance_fts", "document_fts")


def _not_search_index(obj: Any, name: str | None, type_: str, reflected: bool, other: Any) -> bool:
    if type_ == "table" and name and name.startswith(SEARCH_TABLES):
        return False
    if type_ == "column" and name == "tsv":
        return False
    return not (type_ == "index" and name and name.endswith("_tsv"))


def test_migrations_build_the_models_schema(fresh_url: str) -> None:
    engine = make_engine(fresh_url)
    upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": _not_search_index}
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
