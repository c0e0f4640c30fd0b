"""The reader over the library (tests/conftest.py): the seed and every layout sample
(Chinese, FRUS with notes and page markers, reported speech), on each backend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from sqlalchemy import Engine
from starlette.testclient import TestClient

from app.config import Settings
from app.main import create_app

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="session")
def library_app(library: Engine) -> FastAPI:
    return create_app(Settings(database_url="sqlite://", public_url="http://parley.test"), library)


@pytest.fixture
def browser_client(library_app: FastAPI) -> Iterator[TestClient]:
    """A client that asks for what a browser asks for."""
    with TestClient(
        library_app, base_url="http://parley.test", headers={"Accept": BROWSER_ACCEPT}
    ) as client:
        yield client
