"""Fixtures shared by the whole suite.

Every database test runs on SQLite and on PostgreSQL (PARLEY_TEST_BACKENDS
narrows the list). Each backend gets a database of its own, migrated and loaded
with the seed once; each test then runs inside a transaction that is rolled
back, so no test sees another's writes.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from hypothesis import settings
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from app.config import Settings, get_settings
from app.db import make_engine
from app.ingest.loader import discover, load_files
from app.ingest.registry import Registry, load_registry
from app.main import create_app
from app.migrate import upgrade

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "seed"
SEED_FILE = SEED_DIR / "wilson-111245_1950-01-22_stalin-mao.txt"
SEED_TITLE = (
    "Record of Talks between I.V. Stalin and Chairman of the Central People's Government "
    "of the People's Republic of China Mao Zedong"
)
DATA_DIR = Path(__file__).resolve().parent / "data"
# Records in each layout the parser detects (see tests/ingest/test_layouts.py).
LAYOUTS_DIR = DATA_DIR / "layouts"
FRUS_SAMPLE = LAYOUTS_DIR / "frus-1972-02-21_mao-nixon.txt"
CHINESE_SAMPLE = LAYOUTS_DIR / "zh-1970-10-08_mao-korean-delegation.txt"
PERIOD_SAMPLE = LAYOUTS_DIR / "en-1949-03-05_stalin-kim.txt"
REPORTED_SAMPLE = LAYOUTS_DIR / "wilson-khrushchev-mao-1958-07-31.txt"
NAME_LINES_SAMPLE = LAYOUTS_DIR / "ru-1963-07-08_cpsu-ccp-talks.txt"
PLAIN_SAMPLE = LAYOUTS_DIR / "en-1960-09-17_ponomarev-deng.txt"
# Property-based tests draw the same examples on every CI run (CI is set by CI services
# and by .ci/run), so a failure there fails again on a rerun and on a developer's machine
# with HYPOTHESIS_PROFILE=ci; elsewhere they draw new examples each run. Loaded here,
# before any test module applies its @settings on top of the profile.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("dev", print_blob=True)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
settings.load_profile(HYPOTHESIS_PROFILE)


def pytest_report_header() -> str:
    if HYPOTHESIS_PROFILE == "ci":
        return (
            "hypothesis: profile 'ci', derandomized: each test's seed is fixed by its name, "
            "so every run draws the same examples"
        )
    return (
        f"hypothesis: profile {HYPOTHESIS_PROFILE!r}, a random seed per run (a failure prints "
        "the @reproduce_failure line that replays it; HYPOTHESIS_PROFILE=ci draws CI's examples)"
    )


PG_ADMIN_URL = os.environ.get("PARLEY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
BACKENDS = os.environ.get("PARLEY_TEST_BACKENDS", "sqlite,postgresql").split(",")


class _OwnSettings(Settings):
    """Settings from the values given and the defaults alone: a PARLEY_* variable in the
    environment of a test run changes nothing."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        **_: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)


def api_settings(**values: Any) -> Settings:
    """Settings for an app under test: TestClient's hosts allowed, no rate limit."""
    values.setdefault("database_url", "sqlite://")
    values.setdefault("allowed_hosts", ["testserver", "parley.test"])
    values.setdefault("rate_limit", "none")
    return _OwnSettings(**values)


def _pg_admin() -> Engine:
    return create_engine(
        PG_ADMIN_URL.replace("postgresql://", "postgresql+psycopg://", 1),
        isolation_level="AUTOCOMMIT",
    )


class DatabaseFactory:
    """Creates throw-away databases and drops them at the end of the session."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.pg_databases: list[str] = []

    def url(self, backend: str) -> str:
        name = f"parley_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        if backend == "sqlite":
            return f"sqlite:///{self.tmp / name}.db"
        admin = _pg_admin()
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        self.pg_databases.append(name)
        return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"

    def drop_all(self) -> None:
        if not self.pg_databases:
            return
        admin = _pg_admin()
        with admin.connect() as conn:
            for name in self.pg_databases:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session", autouse=True)
def default_settings() -> Iterator[None]:
    """Every test sees Parley's defaults, whatever the shell exports: DATABASE_URL and
    PARLEY_* are set by the tests that need them (the suite's own PARLEY_TEST_* are read
    above, not by Parley)."""
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name == "DATABASE_URL" or (
                name.startswith("PARLEY_") and not name.startswith("PARLEY_TEST_")
            ):
                patch.delenv(name)
        get_settings.cache_clear()
        yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseFactory]:
    factory = DatabaseFactory(tmp_path_factory.mktemp("db"))
    yield factory
    factory.drop_all()


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry(SEED_DIR)


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def loaded_engines(databases: DatabaseFactory) -> Iterator[dict[tuple[str, str], Engine]]:
    """Databases loaded once per backend and kept for the session: pytest-xdist hands a
    worker tests of both backends in turn, and pytest sets a parametrized session fixture
    up again at each change of parameter."""
    engines: dict[tuple[str, str], Engine] = {}
    yield engines
    for engine in engines.values():
        engine.dispose()


def _loaded(
    engines: dict[tuple[str, str], Engine],
    databases: DatabaseFactory,
    backend: str,
    sources: list[Path],
) -> Engine:
    """A migrated database of `backend` holding the records under `sources`."""
    key = (backend, ",".join(map(str, sources)))
    if key not in engines:
        engine = make_engine(databases.url(backend))
        upgrade(engine)
        outcomes = list(load_files(sessionmaker(engine), discover(sources), SEED_DIR))
        assert {o.status for o in outcomes} == {"loaded"}, outcomes
        engines[key] = engine
    return engines[key]


@pytest.fixture(scope="session")
def engine(
    backend: str, databases: DatabaseFactory, loaded_engines: dict[tuple[str, str], Engine]
) -> Engine:
    """A migrated database holding the seed, shared read-only by the session."""
    return _loaded(loaded_engines, databases, backend, [SEED_DIR])


@pytest.fixture(scope="session")
def library(
    backend: str, databases: DatabaseFactory, loaded_engines: dict[tuple[str, str], Engine]
) -> Engine:
    """A migrated database holding the seed and every layout sample, shared read-only."""
    return _loaded(loaded_engines, databases, backend, [SEED_DIR, LAYOUTS_DIR])


@pytest.fixture(scope="session")
def app(engine: Engine) -> FastAPI:
    """The API over the session's seeded database (read-only: the API never writes)."""
    return create_app(api_settings(public_url="http://parley.test"), engine)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://parley.test") as c:
        yield c


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    """A connection inside a transaction that is rolled back after the test."""
    with engine.connect() as conn:
        outer = conn.begin()
        yield conn
        outer.rollback()


@pytest.fixture
def factory(connection: Connection) -> sessionmaker[Session]:
    """Sessions whose commits are savepoints inside the test's transaction."""
    return sessionmaker(bind=connection, join_transaction_mode="create_savepoint")


@pytest.fixture
def fresh_url(backend: str, databases: DatabaseFactory) -> str:
    """An empty database of the test's own, for commands that open their own engine."""
    return databases.url(backend)


def line_of(path: Path, text: str) -> int:
    """The number of the first line of `path` that contains `text`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if text in line)
