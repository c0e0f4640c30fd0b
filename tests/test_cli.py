"""The parley command as a user runs it, against a database of its own."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import inspect
from typer.testing import CliRunner

from app import cli
from app.cli import app
from app.config import get_settings
from app.db import make_engine
from app.exports.document_json import ParleyDocument
from tests.conftest import (
    FRUS_SAMPLE,
    LAYOUTS_DIR,
    NAME_LINES_SAMPLE,
    PERIOD_SAMPLE,
    SEED_DIR,
    SEED_FILE,
    DatabaseFactory,
    line_of,
)
from tests.undated import UNDATED_IDS, write_undated_records

runner = CliRunner()


@pytest.fixture
def database(fresh_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("DATABASE_URL", fresh_url)
    # Keep rich from wrapping the summary table. The consoles were made when app.cli was
    # imported, and read COLUMNS then; without a terminal (pytest-xdist's workers) they
    # would be 80 columns wide.
    monkeypatch.setattr(cli.out, "width", 200)
    monkeypatch.setattr(cli.err, "width", 200)
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


def test_check_and_load_say_which_records_are_undated(database: str, tmp_path: Path) -> None:
    undated = write_undated_records(tmp_path / "undated")
    checked = runner.invoke(app, ["check", str(undated), str(SEED_FILE)])
    assert checked.exit_code == 0, checked.output
    text_record = undated / "undated-stalin-mao.txt"
    assert f"{text_record}: plain layout" in checked.stdout
    headline = next(line for line in checked.stdout.splitlines() if line.startswith(str(SEED_FILE)))
    assert headline.endswith("; 1950-01-22")
    assert any(  # the parser's notice, with the line to add a date to
        line.startswith(f"{text_record}:") and "no date" in line
        for line in checked.stdout.splitlines()
    )
    notice = "undated (the record states no date): " + ", ".join(UNDATED_IDS)
    assert notice in checked.stdout
    assert sum(line.endswith("; undated") for line in checked.stdout.splitlines()) == 3
    loaded = runner.invoke(app, ["load", str(undated), str(SEED_FILE)])
    assert loaded.exit_code == 0, loaded.output
    assert notice in loaded.stdout
    again = runner.invoke(app, ["load", str(SEED_FILE)])
    assert "undated" not in again.stdout


def test_a_malformed_file_reports_file_and_line(database: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Notes on the fond.\n\nIt holds letters, not conversations.\n")
    result = runner.invoke(app, ["load", str(bad), str(SEED_FILE)])
    assert result.exit_code == 1
    assert f"{bad}:1: the English version holds no conversation" in result.stderr
    assert "loaded" in result.stdout  # the good file still went in


def test_check_reports_without_writing(database: str) -> None:
    result = runner.invoke(app, ["check", str(SEED_FILE)])
    assert result.exit_code == 0, result.output
    assert "wilson-center layout" in result.stdout and "66 turns" in result.stdout
    engine = make_engine(database)
    assert inspect(engine).get_table_names() == []
    engine.dispose()


def test_check_creates_no_database_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The default DATABASE_URL is sqlite:///parley.db, in the working directory.
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", str(SEED_FILE)])
    assert result.exit_code == 0, result.output
    assert list(tmp_path.iterdir()) == []


def test_check_fails_on_a_bad_file(database: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["check", str(empty)])
    assert result.exit_code == 1
    assert f"{empty}: the file is empty" in result.stderr


def test_check_reports_layouts_speakers_and_doubts(database: str) -> None:
    result = runner.invoke(app, ["check", str(LAYOUTS_DIR)])
    assert result.exit_code == 0, result.output
    assert f"{FRUS_SAMPLE}: frus layout, labels: colon 11; en, 11 turns" in result.stdout
    assert "turns per speaker: Mao Zedong 5, Richard Nixon 3, Zhou Enlai 2, Henry Kissinger 1" in (
        result.stdout
    )
    assert f"{PERIOD_SAMPLE}: front-matter layout, labels: period 10, colon 3;" in result.stdout
    assert "labels: name-line 6;" in result.stdout and "(4 reported)" in result.stdout
    enough = line_of(PERIOD_SAMPLE, "Enough. That is all")
    assert f"{PERIOD_SAMPLE}:{enough}: 'Enough' could be a speaker label" in result.stdout
    kang = line_of(NAME_LINES_SAMPLE, "КАН ШЭН")
    assert f"{NAME_LINES_SAMPLE}:{kang}: speaker 'КАН ШЭН' matches no known person" in result.stdout
    engine = make_engine(database)
    assert inspect(engine).get_table_names() == []
    engine.dispose()


def test_unresolved_participants_are_listed_and_merged(database: str) -> None:
    assert runner.invoke(app, ["load", str(LAYOUTS_DIR)]).exit_code == 0
    listed = runner.invoke(app, ["participants", "--unresolved"])
    assert listed.exit_code == 0, listed.output
    for slug in ("chervonenko", "den-siao-pin", "kan-shen", "张庭延"):
        assert slug in listed.stdout
    assert "deng-xiaoping" not in listed.stdout

    merged = runner.invoke(app, ["participants", "merge", "Den Siao-pin", "deng-xiaoping"])
    assert merged.exit_code == 0, merged.output
    assert "merged den-siao-pin into deng-xiaoping: 1 turn(s) moved" in merged.stdout
    assert "den-siao-pin" not in runner.invoke(app, ["participants", "--unresolved"]).stdout
    everyone = runner.invoke(app, ["participants"]).stdout
    assert any("deng-xiaoping" in row and "│ 5 " in row for row in everyone.splitlines()), (
        everyone
    )  # four turns in his own name, one as "Den Siao-pin"


def test_merge_refuses_what_is_not_a_variant(database: str) -> None:
    runner.invoke(app, ["load", str(LAYOUTS_DIR)])
    known = runner.invoke(app, ["participants", "merge", "kissinger", "nixon"])
    assert known.exit_code == 1 and "is a person from the reference data" in known.stderr
    unknown = runner.invoke(app, ["participants", "merge", "Nobody Atall", "nixon"])
    assert unknown.exit_code == 1 and "'Nobody Atall' matches no participant" in unknown.stderr
    itself = runner.invoke(app, ["participants", "merge", "chervonenko", "Chervonenko"])
    assert itself.exit_code == 1 and "are the same participant" in itself.stderr


@pytest.fixture
def loaded(database: str) -> str:
    assert runner.invoke(app, ["load", str(SEED_DIR)]).exit_code == 0
    return database


def test_export_jsonl_writes_one_parley_document_per_line(loaded: str, tmp_path: Path) -> None:
    out = tmp_path / "parley.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", str(out)])
    assert result.exit_code == 0, result.output
    assert "exported 1 document as jsonl" in result.stderr
    [line] = out.read_text(encoding="utf-8").splitlines()
    record = ParleyDocument.model_validate_json(line)
    assert record.id == "wilson-111245" and len(record.utterances) == 69
    assert not list(tmp_path.glob("*.part"))


def test_export_jsonl_loads_back_into_a_fresh_database(
    database: str,
    backend: str,
    databases: DatabaseFactory,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    assert runner.invoke(app, ["load", str(SEED_DIR), str(LAYOUTS_DIR)]).exit_code == 0
    dump, again = tmp_path / "parley.jsonl", tmp_path / "again.jsonl"
    assert runner.invoke(app, ["export", "--format", "jsonl", str(dump)]).exit_code == 0

    monkeypatch.setenv("DATABASE_URL", databases.url(backend))
    get_settings.cache_clear()
    checked = runner.invoke(app, ["check", str(dump)])
    assert checked.exit_code == 0, checked.output
    assert f"{dump}:8: parley-json layout (first read as frus)" in checked.stdout
    loaded = runner.invoke(app, ["load", str(dump)])
    assert loaded.exit_code == 0, loaded.output
    assert loaded.stdout.count("loaded") == 8 and "Mao Zedong 29" in loaded.stdout
    assert runner.invoke(app, ["export", "--format", "jsonl", str(again)]).exit_code == 0
    assert again.read_bytes() == dump.read_bytes()
    assert "unchanged" in runner.invoke(app, ["load", str(dump)]).stdout


def test_export_tei_writes_a_valid_corpus(loaded: str, tmp_path: Path) -> None:
    out = tmp_path / "parley.xml"
    result = runner.invoke(
        app, ["export", "-f", "tei", "--base-url", "https://p.example", str(out)]
    )
    assert result.exit_code == 0, result.output
    corpus = etree.parse(str(out)).getroot()
    assert corpus.tag == "{http://www.tei-c.org/ns/1.0}teiCorpus"
    [tei] = corpus.findall("{http://www.tei-c.org/ns/1.0}TEI")
    assert tei.findtext(".//{*}publicationStmt/{*}idno") == (
        "https://p.example/v1/documents/wilson-111245"
    )
    assert len(tei.findall(".//{*}linkGrp/{*}link")) == 69


def test_export_csv_writes_every_turn(loaded: str, tmp_path: Path) -> None:
    out = tmp_path / "turns.csv"
    result = runner.invoke(app, ["export", "--format", "csv", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 69 and rows[16]["text_ru"].startswith("Может быть")
    assert rows[16]["url"] == "http://127.0.0.1:8000/v1/utterances/wilson-111245.17"


def test_export_needs_a_migrated_database(database: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 2 and "not migrated" in result.stderr
    assert not (tmp_path / "x.jsonl").exists()


def test_a_malformed_setting_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARLEY_PORT", "eighty")
    get_settings.cache_clear()
    try:
        result = runner.invoke(app, ["migrate"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("parley: malformed setting PARLEY_PORT='eighty': ")
