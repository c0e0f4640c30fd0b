from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from sqlalchemy import Engine
from starlette.testclient import TestClient

from app.main import create_app
from tests.conftest import api_settings


@pytest.fixture(scope="session")
def app(engine: Engine) -> FastAPI:
    """The API over the session's seeded database (read-only: the API never writes)."""
    return create_app(api_settings(public_url="http://parley.test"), engine)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://parley.test") as c:
        yield c
