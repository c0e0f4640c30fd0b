"""The synthetic corpus is deterministic and goes through the real parser."""

from __future__ import annotations

import functools
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
import yaml
from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.ingest import loader
from app.ingest.loader import load_files
from app.ingest.model import ParsedDocument, ParseError
from app.ingest.parser import parse_document
from app.ingest.registry import Registry, load_registry
from app.models import Document, Utterance
from app.synth import corpus, write_corpus
from tests.conftest import SEED_DIR


def test_same_seed_same_corpus(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    write_corpus(first, 4, seed=5, seed_dir=SEED_DIR, people=40, subjects=20)
    write_corpus(second, 4, seed=5, seed_dir=SEED_DIR, people=40, subjects=20)
    write_corpus(other, 4, seed=6, seed_dir=SEED_DIR, people=40, subjects=20)
    files = sorted(p.name for p in first.iterdir())
    assert files == sorted(p.name for p in second.iterdir())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    assert (first / "synth-00000.txt").read_bytes() != (other / "synth-00000.txt").read_bytes()


def test_synthetic_records_parse_like_the_seed(tmp_path: Path) -> None:
    turns = write_corpus(tmp_path, 6, seed=3, seed_dir=SEED_DIR, people=60, subjects=30)
    registry = load_registry(tmp_path)
    parsed = [
        parse_document(path.read_bytes(), str(path), registry)
        for path in sorted(tmp_path.glob("*.txt"))
    ]
    assert sum(len(doc.turns()) for doc in parsed) == turns
    for doc in parsed:
        assert doc.languages == ["ru", "en"]
        assert 20 <= len(doc.turns()) <= 200
        assert all(u.speaker and u.speaker.resolved for u in doc.turns())
        assert doc.attendees and doc.debris
        assert any(tag.reason.value == "agenda" for u in doc.turns() for tag in u.topics)
    assert any(d.kind == "page" for doc in parsed for d in doc.debris)
    assert any(
        span.kind.value == "editorial"
        for doc in parsed
        for u in doc.turns()
        for span in u.texts["en"].spans
    )
    # Real reference data is kept, so the seed still resolves with the synthetic files.
    assert registry.resolve_name("Мао Цзе-дун") == "mao-zedong"


def test_every_tag_of_a_synthetic_topic_is_the_agenda_item_of_its_turn(tmp_path: Path) -> None:
    # The corpus knows which item each turn belongs to. Its topics include acronyms
    # spelled like capitalised words: LET, the Lenril trade mission, and "Let us
    # discuss…" in every record.
    persons, topics, records = corpus(12, seed=1, seed_dir=SEED_DIR)
    assert "LET" in topics["topics"]["synth-lenril-trade"]["aliases"]["en"]
    for name, data in (("persons.yaml", persons), ("topics.yaml", topics)):
        (tmp_path / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    registry = load_registry(tmp_path)
    wrong, missed = [], []
    for record in records:
        turns = parse_document(record.text.encode(), record.name, registry).turns()
        for turn, item in zip(turns, record.topics, strict=True):
            tagged = {t.topic for t in turn.topics if t.topic.startswith("synth-")}
            wrong += [(record.name, turn.position, topic) for topic in tagged - {item}]
            missed += [(record.name, turn.position)] if item and item not in tagged else []
    assert wrong == [] and missed == []


def test_parallel_parsing_loads_the_same_records(
    tmp_path: Path, factory: sessionmaker[Session], connection: Connection
) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 8, seed=11, seed_dir=SEED_DIR, people=50, subjects=25)
    files = sorted(corpus.glob("*.txt"))
    registry = load_registry(corpus)
    serial = [parse_document(p.read_bytes(), str(p), registry) for p in files]
    outcomes = list(load_files(factory, files, corpus, workers=2))
    assert [o.status for o in outcomes] == ["loaded"] * 8
    assert [o.slug for o in outcomes] == [doc.slug for doc in serial]
    loaded = connection.scalar(
        select(func.count())
        .select_from(Utterance)
        .join(Document)
        .where(Document.slug.in_([doc.slug for doc in serial]))
    )
    assert loaded == sum(len(doc.units) for doc in serial)


_parse_in_worker = loader._parse_in_worker  # the real one, before a test replaces it


def _dies_on_a_doomed_file(path: Path) -> object:
    # Runs in a worker process, under any start method: what marks a file doomed must
    # reach it through the file system, not through the test's memory.
    if path.with_suffix(".doomed").exists():
        os._exit(1)  # as if the kernel killed the worker
    return _parse_in_worker(path)


@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_a_dead_parsing_process_does_not_lose_files(
    tmp_path: Path,
    factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
    method: str,
) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 8, seed=12, seed_dir=SEED_DIR, people=50, subjects=25)
    files = sorted(corpus.glob("*.txt"))
    files[3].with_suffix(".doomed").touch()
    monkeypatch.setattr(
        loader,
        "ProcessPoolExecutor",
        functools.partial(ProcessPoolExecutor, mp_context=multiprocessing.get_context(method)),
    )
    monkeypatch.setattr(loader, "_parse_in_worker", _dies_on_a_doomed_file)
    # What this process parses itself: the files left when the pool broke.
    parsed_here: list[Path] = []
    read_and_parse = loader.read_and_parse

    def recorded(path: Path, registry: Registry) -> Iterator[ParsedDocument | ParseError]:
        parsed_here.append(path)
        return read_and_parse(path, registry)

    monkeypatch.setattr(loader, "read_and_parse", recorded)
    outcomes = list(load_files(factory, files, corpus, workers=2))
    assert [o.source for o in outcomes] == [str(f) for f in files]
    assert {o.status for o in outcomes} == {"loaded"}
    assert files[3] in parsed_here  # the recovery ran
