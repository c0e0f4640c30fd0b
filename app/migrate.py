"""Running Alembic from code (parley migrate, parley serve, the tests)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from filelock import FileLock
from sqlalchemy import Connection, Engine, text

from app.config import get_settings
from app.db import UNVERSIONED

# The search index lives outside app.models, in objects of one backend each: SQLite's
# FTS5 tables, PostgreSQL's generated tsvector columns and their indexes.
SEARCH_TABLES = ("utterance_fts", "document_fts")
# The data version (migration 0006) is read and written by app.db alone, as SQL; a
# loader that walks app.models' tables (ANALYZE) must not need it.
OUTSIDE_MODELS = ("data_version",)


def described_by_models(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic's include_object: compare only what app.models describes, so autogenerate
    never proposes dropping the search index."""
    if type_ == "table" and name and name.startswith(SEARCH_TABLES + OUTSIDE_MODELS):
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


# pg_advisory_xact_lock key held while migrating: "parley" in ASCII.
_MIGRATION_LOCK = 0x7061726C6579


@contextmanager
def _sqlite_file_lock(engine: Engine) -> Iterator[None]:
    """An exclusive lock on a file beside the database, released when the holder exits,
    killed or not."""
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    with FileLock(str(Path(database).with_name(Path(database).name + ".migrate.lock"))):
        yield


def _lock_migrations(connection: Connection) -> None:
    """Replicas starting at once on one PostgreSQL database take turns: the second
    finds the first's migrations applied instead of racing it into alembic_version."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})


class MigrationError(Exception):
    """A migration would leave rows that break the schema's foreign keys."""


@contextmanager
def migrating(engine: Engine) -> Iterator[Connection]:
    """A connection inside the one transaction migrations run in.

    On SQLite, foreign keys are off meanwhile, as Alembic's batch mode requires: a batch
    operation rebuilds a table by copying it and dropping the original, and with foreign
    keys on, dropping `documents` would cascade to every turn. SQLite ignores the pragma
    inside a transaction, so it is set before the transaction begins, and the keys are
    checked before it commits. One migrator at a time per database: a file lock beside a
    SQLite file, an advisory lock on PostgreSQL.
    """
    sqlite = engine.dialect.name == "sqlite"
    with _sqlite_file_lock(engine) if sqlite else nullcontext(), engine.connect() as connection:
        connection.execution_options(**{UNVERSIONED: True})
        driver = connection.connection.driver_connection
        if sqlite:
            driver.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with connection.begin():
                if not sqlite:
                    _lock_migrations(connection)  # held until this transaction commits
                yield connection
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise MigrationError(f"rows without their parent row: {broken[:5]}")
        finally:
            if sqlite:
                driver.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to `revision`, one migrator at a time per database."""
    config = alembic_config(engine)
    with migrating(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    config = alembic_config(engine)
    with migrating(engine) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def is_current(bind: Engine | Connection) -> bool:
    """Whether the database is at the newest migration."""
    script = ScriptDirectory.from_config(alembic_config(bind.engine))
    if isinstance(bind, Connection):
        current = MigrationContext.configure(bind).get_current_heads()
    else:
        with bind.connect() as connection:
            current = MigrationContext.configure(connection).get_current_heads()
    return set(current) == set(script.get_heads())
