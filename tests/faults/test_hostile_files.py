"""`parley load` given hostile files beside valid ones: each hostile file is one clear
error, every valid file loads; a record cannot silently take another file's id."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app import cli
from app.config import get_settings
from tests.conftest import LAYOUTS_DIR, SEED_FILE

pytestmark = pytest.mark.faults

runner = CliRunner()
JSON_SAMPLE = LAYOUTS_DIR / "json-1950-02-14_vyshinsky-zhou.json"


@pytest.fixture
def database(fresh_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("DATABASE_URL", fresh_url)
    monkeypatch.setattr(cli.out, "_width", 200)
    get_settings.cache_clear()
    yield fresh_url
    get_settings.cache_clear()


def test_hostile_json_beside_valid_files(database: str, tmp_path: Path) -> None:
    record = json.loads(JSON_SAMPLE.read_text(encoding="utf-8"))
    hostile = {
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "digits.json": '{"format": "parley-document", "version": ' + "7" * 5001 + "}",
        "wide.json": json.dumps({**record, "id": "wide"}).replace(
            '"label": "Vyshinsky",',
            '"label": "Vyshinsky", "page": 123456789012345678901234567890,',
            1,
        ),
        "slash.json": json.dumps({**record, "id": "a..b"}),
    }
    for name, content in hostile.items():
        (tmp_path / name).write_text(content)
    valid = tmp_path / "valid.json"
    valid.write_text(JSON_SAMPLE.read_text(encoding="utf-8"))
    result = runner.invoke(cli.app, ["load", str(tmp_path), str(SEED_FILE)])
    assert result.exit_code == 1, result.output
    errors = result.stderr.strip().splitlines()
    assert len(errors) == len(hostile)  # one line each
    for name in hostile:
        assert any(line.startswith(f"{tmp_path / name}:") for line in errors), (name, errors)
    assert result.stdout.count("loaded") == 2  # valid.json and the seed
    assert "Traceback" not in result.output


def test_an_id_clash_across_files_is_refused_unless_replace(database: str, tmp_path: Path) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    first.write_text(JSON_SAMPLE.read_text(encoding="utf-8"))
    second.write_text(
        JSON_SAMPLE.read_text(encoding="utf-8").replace("the end of 1952", "the end of 1953")
    )
    clash = runner.invoke(cli.app, ["load", str(first), str(second)])
    assert clash.exit_code == 1
    assert "first.json" in clash.stderr and str(second) in clash.stderr
    assert "--replace" in clash.stderr
    again = runner.invoke(cli.app, ["load", str(first), str(second)])
    assert "unchanged" in again.stdout and again.exit_code == 1  # nothing rewritten
    replaced = runner.invoke(cli.app, ["load", "--replace", str(second)])
    assert replaced.exit_code == 0 and "replaced" in replaced.stdout
