"""Running Alembic from code (parley migrate, parley serve, the tests)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from app.config import get_settings

# The search index lives outside app.models, in objects of one backend each: SQLite's
# FTS5 tables, PostgreSQL's generated tsvector columns and their indexes.
SEARCH_TABLES = ("utterance_fts", "document_fts")


def described_by_models(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic's include_object: compare only what app.models describes, so autogenerate
    never proposes dropping the search index."""
    if type_ == "table" and name and name.startswith(SEARCH_TABLES):
        return False
    if type_ == "column" and name == "tsv":
        return False
    return not (type_ == "index" and name and name.endswith("_tsv"))


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(get_settings().migrations_dir))
    # ConfigParser would read "%" in a password as interpolation.
    url = engine.url.render_as_string(hide_password=False).replace("%", "%%")
    config.set_main_option("sqlalchemy.url", url)
    return config


class MigrationError(Exception):
    """A migration would leave rows that break the schema's foreign keys."""


@contextmanager
def migrating(engine: Engine) -> Iterator[Connection]:
    """A connection inside the one transaction migrations run in.

    On SQLite, foreign keys are off meanwhile, as Alembic's batch mode requires: a batch
    operation rebuilds a table by copying it and dropping the original, and with foreign
    keys on, dropping `documents` would cascade to every turn. SQLite ignores the pragma
    inside a transaction, so it is set before the transaction begins, and the keys are
    checked before it commits.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        if sqlite:
            driver.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with connection.begin():
                yield connection
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise MigrationError(f"rows without their parent row: {broken[:5]}")
        finally:
            if sqlite:
                driver.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


def upgrade(engine: Engine, revision: str = "head") -> None:
    config = alembic_config(engine)
    with migrating(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    config = alembic_config(engine)
    with migrating(engine) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def is_current(engine: Engine) -> bool:
    """Whether the database is at the newest migration."""
    script = ScriptDirectory.from_config(alembic_config(engine))
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    return set(current) == set(script.get_heads())
