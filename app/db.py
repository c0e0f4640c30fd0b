"""Engines and sessions for SQLite (default) and PostgreSQL."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

# How often (in SQLite virtual machine instructions) a statement checks its deadline.
_SQLITE_CHECK_EVERY = 10_000


def normalise_url(url: str) -> str:
    """postgres:// and postgresql:// mean psycopg 3 here."""
    parsed = make_url(url)
    if parsed.drivername in {"postgres", "postgresql"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _sqlite_pragmas(busy_timeout: float) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so
        # SAVEPOINTs and transactional DDL behave as on PostgreSQL.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # Cascading deletes rely on foreign keys, which SQLite leaves off by default.
        cursor.execute("PRAGMA foreign_keys=ON")
        # WAL lets the API read while the loader writes.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        # Reads are most of the work: map the file into memory (no read() per page) and
        # keep 64 MiB of decoded pages per connection.
        cursor.execute("PRAGMA mmap_size=8589934592")
        cursor.execute("PRAGMA cache_size=-65536")
        cursor.close()

    return on_connect


# An execution option: statements run on their own, without BEGIN (reads, see
# read_session_factory). The sqlite3 driver is in autocommit mode already.
_NO_BEGIN = "parley_no_begin"


def _sqlite_begin(connection: Connection) -> None:
    if not connection.get_execution_options().get(_NO_BEGIN):
        connection.exec_driver_sql("BEGIN")


def _sqlite_statement_limit(engine: Engine, seconds: float) -> None:
    """SQLite has no statement_timeout: a progress handler interrupts a statement that
    runs past its deadline ("interrupted", an OperationalError)."""

    @event.listens_for(engine, "connect")
    def arm(dbapi_connection: Any, record: Any) -> None:
        deadline = record.info["deadline"] = [math.inf]
        dbapi_connection.set_progress_handler(
            lambda: time.monotonic() > deadline[0], _SQLITE_CHECK_EVERY
        )

    @event.listens_for(engine, "before_cursor_execute")
    def start(connection: Connection, *_: Any) -> None:
        connection.info["deadline"][0] = time.monotonic() + seconds


# Statements that change rows. Parley writes through the ORM and Core, whose statements
# start with their verb.
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
_BUMP = "UPDATE data_version SET version = version + 1"
# A database not yet migrated to 0006 has no such table: writes to it count for nothing.
_SQLITE_HAS_VERSION = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'data_version'"
_PG_BUMP = f"DO $$BEGIN IF to_regclass('data_version') IS NOT NULL THEN {_BUMP}; END IF; END$$"
# An execution option that keeps a connection's commits from counting (migrations: the
# table may not exist yet, or no longer; a server is restarted after them anyway).
UNVERSIONED = "parley_unversioned"


def track_writes(engine: Engine) -> None:
    """Every transaction that wrote increments `data_version` as it commits, in the same
    transaction, so a reader sees the new number exactly when it sees the new rows."""

    @event.listens_for(engine, "before_cursor_execute")
    def note(connection: Connection, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip()[:7].upper().startswith(_WRITES):
            connection.info["wrote"] = True

    @event.listens_for(engine, "commit")
    def bump(connection: Connection) -> None:
        wrote = connection.info.pop("wrote", False)
        if wrote and not connection.get_execution_options().get(UNVERSIONED):
            cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                if connection.dialect.name != "sqlite":
                    cursor.execute(_PG_BUMP)
                elif cursor.execute(_SQLITE_HAS_VERSION).fetchone():
                    cursor.execute(_BUMP)
            finally:
                cursor.close()

    @event.listens_for(engine, "rollback")
    def forget(connection: Connection) -> None:
        if not connection.invalidated:  # a lost connection has nothing left to forget
            connection.info.pop("wrote", None)


def data_version(connection: Connection) -> int:
    """The number `track_writes` changes; read it before the data it vouches for."""
    return int(connection.exec_driver_sql("SELECT version FROM data_version").scalar_one())


def _json_text(value: Any) -> str:
    return orjson.dumps(value).decode()


def make_engine(
    url: str,
    *,
    pool_size: int = 10,
    pool_timeout: float = 30.0,
    statement_timeout: float | None = None,
    lock_timeout: float = 10.0,
    application_name: str = "parley",
    **kwargs: Any,
) -> Engine:
    """An engine whose pool holds at most `pool_size` connections (a caller waits up to
    `pool_timeout` seconds for one, then gets sqlalchemy.exc.TimeoutError), whose
    statements each run at most `statement_timeout` seconds (none when None), and which
    waits at most `lock_timeout` seconds for a lock another connection holds."""
    # orjson for JSON columns: a page decodes a few hundred spans and tags.
    kwargs.setdefault("json_serializer", _json_text)
    kwargs.setdefault("json_deserializer", orjson.loads)
    url = normalise_url(url)
    if make_url(url).database not in (None, "", ":memory:"):  # in memory: one connection
        kwargs.update(pool_size=pool_size, max_overflow=0, pool_timeout=pool_timeout)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas(lock_timeout))
        event.listen(engine, "begin", _sqlite_begin)
        if statement_timeout is not None:
            _sqlite_statement_limit(engine, statement_timeout)
        track_writes(engine)
        return engine
    options = [f"-c lock_timeout={int(lock_timeout * 1000)}"]
    if statement_timeout is not None:
        options.append(f"-c statement_timeout={int(statement_timeout * 1000)}")
    connect_args = {
        "options": " ".join(options),
        "application_name": application_name,
        # A server that accepts the connection and then says nothing (frozen, or a
        # firewall dropping packets) must not hold a caller for ever.
        "connect_timeout": max(2, math.ceil(statement_timeout or 10)),
    }
    # No ping before each checkout: it costs a round trip per request. A connection the
    # server dropped fails its first statement instead (a 503), and SQLAlchemy then
    # replaces every connection of the pool that predates the failure.
    engine = create_engine(url, connect_args=connect_args, **kwargs)
    track_writes(engine)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def read_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for work that only reads: each statement on its own, without BEGIN and
    ROLLBACK (two round trips per request on PostgreSQL). A request that reads the data
    version first (app.queries.rendered) reads data at least that new afterwards."""
    if engine.dialect.name == "sqlite":
        # Not the AUTOCOMMIT isolation level: resetting it on check-in would hand the
        # driver its own transaction handling back, which app.db turns off.
        return sessionmaker(engine.execution_options(**{_NO_BEGIN: True}))
    return sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"))


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session whose work is committed together, or not at all."""
    with factory() as session, session.begin():
        yield session
