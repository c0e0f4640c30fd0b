"""The parley command as a user runs it, against a database of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect
from typer.testing import CliRunner

from app.cli import app
from app.config import get_settings
from app.db import make_engine
from tests.conftest import SEED_DIR, SEED_FILE

runner = CliRunner()


@pytest.fixture
def database(fresh_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("DATABASE_URL", fresh_url)
    monkeypatch.setenv("COLUMNS", "200")  # keep rich from wrapping the summary table
    get_settings.cache_clear()
    yield fresh_url
    get_settings.cache_clear()


def test_load_then_reload(database: str) -> None:
    first = runner.invoke(app, ["load", str(SEED_DIR)])
    assert first.exit_code == 0, first.output
    assert "wilson-111245" in first.stdout and "loaded" in first.stdout
    assert "Mao Zedong 29" in first.stdout
    second = runner.invoke(app, ["load", str(SEED_FILE)])
    assert second.exit_code == 0
    assert "unchanged" in second.stdout


def test_a_malformed_file_reports_file_and_line(database: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Stalin: no header here\n")
    result = runner.invoke(app, ["load", str(bad), str(SEED_FILE)])
    assert result.exit_code == 1
    assert f"{bad}:1: no metadata block" in result.stderr
    assert "loaded" in result.stdout  # the good file still went in


def test_check_reports_without_writing(database: str) -> None:
    result = runner.invoke(app, ["check", str(SEED_FILE)])
    assert result.exit_code == 0, result.output
    assert "wilson-center layout" in result.stdout and "66 turns" in result.stdout
    engine = make_engine(database)
    assert inspect(engine).get_table_names() == []
    engine.dispose()


def test_check_fails_on_a_bad_file(database: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["check", str(empty)])
    assert result.exit_code == 1
    assert f"{empty}: the file is empty" in result.stderr
