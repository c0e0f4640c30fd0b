"""Reference data that contradicts itself is refused before anything is loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.ingest.registry import RegistryError, load_registry


def write(folder: Path, persons: str, topics: str) -> Path:
    (folder / "persons.yaml").write_text(persons, encoding="utf-8")
    (folder / "topics.yaml").write_text(topics, encoding="utf-8")
    return folder


PEOPLE = """
persons:
  zhou-enlai: {name: Zhou Enlai, aliases: [Chou En-lai]}
  zhu-de: {name: Zhu De}
"""
TOPICS = """
topics:
  dalny: {label: Dalny, aliases: {en: [Dairen, Dalian]}}
  port-arthur: {label: Port Arthur, aliases: {en: [Lüshun]}}
"""


def test_consistent_reference_data_loads(tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, PEOPLE, TOPICS))
    assert registry.resolve_name("chou en-lai") == "zhou-enlai"


def test_a_spelling_claimed_by_two_people(tmp_path: Path) -> None:
    people = PEOPLE.replace("{name: Zhu De}", "{name: Zhu De, aliases: [Chou En-Lai]}")
    with pytest.raises(RegistryError, match=r"persons.yaml: the spelling 'Chou En-Lai' is claimed"):
        load_registry(write(tmp_path, people, TOPICS))


def test_an_alias_claimed_by_two_topics(tmp_path: Path) -> None:
    topics = TOPICS.replace("[Lüshun]", "[Lüshun, dalian]")
    with pytest.raises(
        RegistryError, match=r"topics.yaml: the spelling 'dalian' is claimed by both 'dalny'"
    ):
        load_registry(write(tmp_path, PEOPLE, topics))
