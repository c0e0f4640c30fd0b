"""Reference data (people, topics, agenda phrases) and the matching built on it.

The registry is read from `persons.yaml` and `topics.yaml` and can be extended
with aliases the database has learnt (merged variants), so the parser stays a
pure function of (text, registry).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.textnorm import HAN, Token, fold, name_key, tokens, word_matches

# A word of initials: "N.", "N.S.", "Б.Н.", "Yu.V.", "A.Ya." (a Russian initial Ю, Я, Ж…
# transliterates to two letters; "No." and "Mr." are not initials).
INITIALS = re.compile(r"(?:(?:[A-ZА-ЯЁ]|Ya|Yu|Ye|Yo|Zh|Kh|Ch|Sh|Ts)\.)+")


class RegistryError(Exception):
    """Reference data that contradicts itself (an alias claimed by two people)."""


@dataclass(frozen=True, slots=True)
class Person:
    slug: str
    name: str
    names: Mapping[str, str]
    description: str | None
    aliases: tuple[str, ...]

    def spellings(self) -> Iterator[str]:
        yield self.name
        yield from self.names.values()
        yield from self.aliases


@dataclass(frozen=True, slots=True)
class Topic:
    slug: str
    label: str
    description: str | None
    aliases: Mapping[str, tuple[str, ...]]  # lang -> aliases

    def all_aliases(self) -> Iterator[tuple[str, str]]:
        for lang, aliases in self.aliases.items():
            for alias in aliases:
                yield lang, alias


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    key: str
    phrase: str  # the phrase as listed
    text: str  # the words as they occur in the text
    start: int
    end: int


@dataclass(slots=True)
class _Pattern:
    key: str
    phrase: str
    words: tuple[Token, ...]


class PhraseMatcher:
    """Finds listed phrases in running text, tolerating inflection (see `word_matches`).

    Patterns are indexed by every form their first word can take, so scanning a
    text costs a few dictionary look-ups per word whatever the number of phrases.
    Chinese phrases are matched as substrings with one compiled alternation.
    """

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        self._by_root: dict[str, list[_Pattern]] = defaultdict(list)
        han: dict[str, str] = {}
        for key, phrase in phrases:
            if HAN.search(phrase):
                han[phrase] = key
                continue
            words = tuple(tokens(phrase))
            if not words:
                continue
            pattern = _Pattern(key, phrase, words)
            for root in {words[0].stem, words[0].lower}:
                self._by_root[root].append(pattern)
        self._han_keys = han
        self._han = (
            re.compile("|".join(re.escape(p) for p in sorted(han, key=len, reverse=True)))
            if han
            else None
        )

    def find(self, text: str) -> list[PhraseMatch]:
        """All matches in text order; at each position the longest phrase wins."""
        found: list[PhraseMatch] = []
        words = list(tokens(text))
        for i, word in enumerate(words):
            best: tuple[int, _Pattern] | None = None
            for pattern in self._candidates(word):
                n = len(pattern.words)
                if i + n > len(words):
                    continue
                if all(word_matches(words[i + k], pattern.words[k]) for k in range(n)) and (
                    best is None or n > best[0]
                ):
                    best = (n, pattern)
            if best:
                n, pattern = best
                start, end = word.start, words[i + n - 1].end
                found.append(PhraseMatch(pattern.key, pattern.phrase, text[start:end], start, end))
        if self._han:
            for m in self._han.finditer(fold(text)):
                found.append(
                    PhraseMatch(self._han_keys[m.group()], m.group(), m.group(), m.start(), m.end())
                )
            found.sort(key=lambda match: match.start)
        return found

    def _candidates(self, word: Token) -> Iterator[_Pattern]:
        roots = {word.stem, word.lower}
        length = len(word.lower)
        roots.update(word.lower[:n] for n in range(max(4, length - 3), length))
        seen: set[int] = set()
        for root in roots:
            for pattern in self._by_root.get(root, ()):
                if id(pattern) not in seen:
                    seen.add(id(pattern))
                    yield pattern


@dataclass(slots=True)
class Registry:
    persons: dict[str, Person]
    topics: dict[str, Topic]
    title_prefixes: frozenset[str] = frozenset()
    title_suffixes: tuple[str, ...] = ()
    openers: list[tuple[str, str]] = field(default_factory=list)  # (lang, phrase)
    closers: list[tuple[str, str]] = field(default_factory=list)
    extra_aliases: dict[str, str] = field(default_factory=dict)  # name key -> slug
    _names: dict[str, str] = field(init=False, default_factory=dict)
    _topic_matcher: PhraseMatcher | None = field(init=False, default=None)
    _mention_matcher: PhraseMatcher | None = field(init=False, default=None)
    _opener_matcher: PhraseMatcher | None = field(init=False, default=None)
    _closer_matcher: PhraseMatcher | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        owners: dict[str, str] = {}
        for person in self.persons.values():
            for spelling in person.spellings():
                key = name_key(spelling)
                if not key:
                    continue
                other = owners.setdefault(key, person.slug)
                if other != person.slug:
                    raise RegistryError(
                        f"the spelling {spelling!r} is claimed by both "
                        f"{other!r} and {person.slug!r}"
                    )
        owners.update({k: v for k, v in self.extra_aliases.items() if k not in owners})
        self._names = owners

    # -- people ---------------------------------------------------------------

    def resolve_name(self, label: str) -> str | None:
        """The person a label names, trying it as written and then without titles."""
        for candidate in self._label_candidates(label):
            slug = self._names.get(name_key(candidate))
            if slug:
                return slug
        return None

    def _label_candidates(self, label: str) -> Iterator[str]:
        label = label.strip()
        yield label
        words = label.split()
        # Leading titles: "PM Chou", "Comrade Stalin", "Vice Premier Deng".
        while len(words) > 1 and (
            name_key(words[0]) in self.title_prefixes
            or name_key(" ".join(words[:2])) in self.title_prefixes
        ):
            drop = 2 if name_key(" ".join(words[:2])) in self.title_prefixes else 1
            words = words[drop:]
            yield " ".join(words)
        # Initials before or after the surname: "N.S. Khrushchev", "ПОНОМАРЕВ Б.Н.",
        # "Henry A. Kissinger" are found as "Khrushchev", "ПОНОМАРЕВ", "Henry Kissinger".
        named = [w for w in words if not INITIALS.fullmatch(w)]
        if named and len(named) < len(words):
            yield " ".join(named)
        # Chinese titles follow the name: 毛主席, 周总理, 朴成哲团长.
        for suffix in self.title_suffixes:
            if label.endswith(suffix) and len(label) > len(suffix):
                yield label[: -len(suffix)]

    def is_title(self, words: str) -> bool:
        """Whether `words` are a title and nothing else ("Mr.", "Prime Minister")."""
        return name_key(words) in self.title_prefixes

    def mention_matcher(self) -> PhraseMatcher:
        """People named in running text; one-character and two-letter aliases are too
        ambiguous outside a speaker label."""
        if self._mention_matcher is None:
            self._mention_matcher = PhraseMatcher(
                (person.slug, spelling)
                for person in self.persons.values()
                for spelling in person.spellings()
                if len(spelling) >= (2 if HAN.search(spelling) else 3)
            )
        return self._mention_matcher

    # -- topics ---------------------------------------------------------------

    def topic_matcher(self) -> PhraseMatcher:
        if self._topic_matcher is None:
            self._topic_matcher = PhraseMatcher(
                (topic.slug, alias)
                for topic in self.topics.values()
                for _, alias in topic.all_aliases()
            )
        return self._topic_matcher

    def opener_matcher(self) -> PhraseMatcher:
        if self._opener_matcher is None:
            self._opener_matcher = PhraseMatcher(("open", p) for _, p in self.openers)
        return self._opener_matcher

    def closer_matcher(self) -> PhraseMatcher:
        if self._closer_matcher is None:
            self._closer_matcher = PhraseMatcher(("close", p) for _, p in self.closers)
        return self._closer_matcher

    def resolve_topic(self, text: str) -> str | None:
        """A topic slug from a slug, a label or any alias, in any case."""
        wanted = name_key(text)
        for topic in self.topics.values():
            if wanted in {name_key(topic.slug), name_key(topic.label)} | {
                name_key(alias) for _, alias in topic.all_aliases()
            }:
                return topic.slug
        return None


def _as_str_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RegistryError(f"{where}: expected a list of strings")
    return tuple(value)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise RegistryError(f"{path}: expected a mapping at the top level")
    return data


def load_registry(directory: Path, extra_aliases: Mapping[str, str] | None = None) -> Registry:
    """Read `persons.yaml` and `topics.yaml` from `directory`."""
    people = _read_yaml(directory / "persons.yaml")
    subjects = _read_yaml(directory / "topics.yaml")

    persons: dict[str, Person] = {}
    for slug, entry in (people.get("persons") or {}).items():
        where = f"persons.yaml: {slug}"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise RegistryError(f"{where}: every person needs a name")
        names = entry.get("names") or {}
        persons[slug] = Person(
            slug=slug,
            name=entry["name"],
            names={str(k): str(v) for k, v in names.items()},
            description=entry.get("description"),
            aliases=_as_str_list(entry.get("aliases"), where),
        )

    titles = people.get("titles") or {}
    topics: dict[str, Topic] = {}
    for slug, entry in (subjects.get("topics") or {}).items():
        where = f"topics.yaml: {slug}"
        if not isinstance(entry, dict) or not isinstance(entry.get("label"), str):
            raise RegistryError(f"{where}: every topic needs a label")
        aliases = {
            str(lang): _as_str_list(values, f"{where}.aliases.{lang}")
            for lang, values in (entry.get("aliases") or {}).items()
        }
        topics[slug] = Topic(slug, entry["label"], entry.get("description"), aliases)

    agenda = subjects.get("agenda") or {}

    def phrases(kind: str) -> list[tuple[str, str]]:
        return [
            (str(lang), phrase)
            for lang, values in (agenda.get(kind) or {}).items()
            for phrase in _as_str_list(values, f"topics.yaml: agenda.{kind}.{lang}")
        ]

    return Registry(
        persons=persons,
        topics=topics,
        title_prefixes=frozenset(
            name_key(t) for t in _as_str_list(titles.get("prefixes"), "titles.prefixes")
        ),
        title_suffixes=tuple(
            sorted(_as_str_list(titles.get("suffixes"), "titles.suffixes"), key=len, reverse=True)
        ),
        openers=phrases("openers"),
        closers=phrases("closers"),
        extra_aliases=dict(extra_aliases or {}),
    )
