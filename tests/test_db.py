"""Engines for every kind of DATABASE_URL a user may give."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.db import make_engine


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_database_gets_an_engine(url: str) -> None:
    engine = make_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT 1")).scalar_one() == 1
    engine.dispose()
