"""Engines and sessions for SQLite (default) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker


def normalise_url(url: str) -> str:
    """postgres:// and postgresql:// mean psycopg 3 here."""
    parsed = make_url(url)
    if parsed.drivername in {"postgres", "postgresql"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so
    # SAVEPOINTs and transactional DDL behave as on PostgreSQL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # Cascading deletes rely on foreign keys, which SQLite leaves off by default.
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets the API read while the loader writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    # Reads are most of the work: map the file into memory (no read() per page) and
    # keep 64 MiB of decoded pages per connection.
    cursor.execute("PRAGMA mmap_size=8589934592")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def _json_text(value: Any) -> str:
    return orjson.dumps(value).decode()


def make_engine(url: str, **kwargs: Any) -> Engine:
    # orjson for JSON columns: a page decodes a few hundred spans and tags.
    kwargs.setdefault("json_serializer", _json_text)
    kwargs.setdefault("json_deserializer", orjson.loads)
    url = normalise_url(url)
    if make_url(url).database not in (None, "", ":memory:"):  # in memory: one connection
        # The pool never makes a caller wait. Quick routes query on the event loop, and
        # a session is closed by the loop once its response is sent: a checkout that
        # waited there for a connection held by a worker thread's finished request
        # would wait for itself. Past pool_size, connections open for the moment.
        kwargs.setdefault("pool_size", 10)
        kwargs.setdefault("max_overflow", -1)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session whose work is committed together, or not at all."""
    with factory() as session, session.begin():
        yield session
