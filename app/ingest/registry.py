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
from itertools import compress
from pathlib import Path
from typing import Any, cast

import yaml

from app.textnorm import HAN, UPPER, WORD, Token, fold, name_key, tokens, word_matches

# A word of initials: "N.", "N.S.", "Б.Н.", "Yu.V.", "A.Ya." (a Russian initial Ю, Я, Ж…
# transliterates to two letters; "No." and "Mr." are not initials).
INITIALS = re.compile(rf"(?:(?:[{UPPER}]|Ya|Yu|Ye|Yo|Zh|Kh|Ch|Sh|Ts)\.)+")


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
    key: str  # "kind:id", e.g. "topic:kchzhd", or just "kind"
    phrase: str
    length: int  # in words
    kind: str


@dataclass(slots=True)
class _Node:
    """A trie of pattern-word ids: phrases that share first words share a path."""

    children: dict[int, _Node] = field(default_factory=dict)
    ends: list[_Pattern] = field(default_factory=list)


class PhraseMatcher:
    """Finds listed phrases in running text, tolerating inflection (see `word_matches`).

    Each distinct spelling in a text is resolved once to the set of pattern words it
    can be a form of (cached), so scanning costs a dictionary look-up per word
    whatever the number of phrases. Chinese phrases are matched as substrings with
    one compiled alternation.
    """

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        self._word_ids: dict[tuple[str, str, bool], int] = {}  # (spelling, stem, capitalised)
        self._words_by_root: dict[str, list[tuple[int, Token]]] = defaultdict(list)
        self._root = _Node()
        self._forms: dict[str, frozenset[int]] = {}
        han: dict[str, str] = {}
        for key, phrase in phrases:
            if HAN.search(phrase):
                han[phrase] = key
                continue
            words = [self._word_id(word) for word in tokens(phrase)]
            if words:
                node = self._root
                for wid in words:
                    node = node.children.setdefault(wid, _Node())
                node.ends.append(_Pattern(key, phrase, len(words), key.partition(":")[0]))
        self._han_keys = han
        self._han = (
            re.compile("|".join(re.escape(p) for p in sorted(han, key=len, reverse=True)))
            if han
            else None
        )

    def _word_id(self, word: Token) -> int:
        identity = (word.text if word.acronym else word.lower, word.stem, word.capitalised)
        known = self._word_ids.get(identity)
        if known is None:
            known = self._word_ids[identity] = len(self._word_ids)
            for root in {word.stem, word.lower, word.root}:
                self._words_by_root[root].append((known, word))
        return known

    def _forms_of(self, word: str) -> frozenset[int]:
        """Ids of the pattern words `word` (folded, as written) is a form of; cached, since
        records repeat their vocabulary."""
        forms = self._forms.get(word)
        if forms is None and HAN.search(word):
            forms = self._forms[word] = frozenset()  # Chinese is matched by substring
        if forms is None:
            token = next(tokens(word))
            length = len(token.lower)
            roots = {token.stem, token.lower}
            roots.update(token.lower[:n] for n in range(max(3, length - 3), length))
            matching = {
                (wid, pattern_word)
                for root in roots
                for wid, pattern_word in self._words_by_root.get(root, ())
                if word_matches(token, pattern_word)
            }
            # A word spelled exactly as one name is that name, not a form of another
            # that shares its root (Мито is not a form of Мита).
            if any(p.capitalised and p.lower == token.lower for _, p in matching):
                matching = {
                    (wid, p) for wid, p in matching if not p.capitalised or p.lower == token.lower
                }
            forms = frozenset(wid for wid, _ in matching)
            if len(self._forms) > 1_000_000:  # bound the cache on endless vocabularies
                self._forms.clear()
            self._forms[word] = forms
        return forms

    def find(self, text: str) -> list[PhraseMatch]:
        """All matches in text order; at each position, the longest phrase of each kind
        ("topic", "open", "person"…): an opener and the topic it shares words with
        ("договор о дружбе") both count."""
        folded = fold(text)
        spelled = WORD.findall(folded)
        cached = list(map(self._forms.get, spelled))
        forms: list[frozenset[int]] = (
            [self._forms_of(w) if f is None else f for w, f in zip(spelled, cached, strict=True)]
            if None in cached  # a spelling seen for the first time
            else cast(list[frozenset[int]], cached)
        )
        count = len(forms)
        found: list[PhraseMatch] = []
        spans: list[tuple[int, int]] = []  # each word's offsets, found once a phrase is
        root = self._root.children
        for i in compress(range(count), forms):  # most words are in no phrase: skipped in C
            frontier = [root[wid] for wid in forms[i] if wid in root]
            best: dict[str, _Pattern] = {}  # deeper is longer, so later wins
            depth = 1
            while frontier:
                for node in frontier:
                    for pattern in node.ends:
                        best[pattern.kind] = pattern
                if i + depth >= count:
                    break
                following = forms[i + depth]
                frontier = [
                    child
                    for node in frontier
                    for wid in following
                    if (child := node.children.get(wid)) is not None
                ]
                depth += 1
            if best and not spans:
                spans = [m.span() for m in WORD.finditer(folded)]
            for pattern in best.values():
                start, end = spans[i][0], spans[i + pattern.length - 1][1]
                found.append(PhraseMatch(pattern.key, pattern.phrase, text[start:end], start, end))
        if self._han:
            for m in self._han.finditer(folded):
                found.append(
                    PhraseMatch(self._han_keys[m.group()], m.group(), m.group(), m.start(), m.end())
                )
            found.sort(key=lambda match: match.start)
        return found


def _owners(where: str, spellings: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Name key -> the one entry spelled so; a name must mean one person (or topic)."""
    owners: dict[str, str] = {}
    for slug, spelling in spellings:
        key = name_key(spelling)
        if not key:
            continue
        other = owners.setdefault(key, slug)
        if other != slug:
            raise RegistryError(
                f"{where}: the spelling {spelling!r} is claimed by both {other!r} and {slug!r}"
            )
    return owners


@dataclass(frozen=True, slots=True)
class LabelRules:
    """How a label or a typed name names a person: titles before the name ("PM Chou",
    "Comrade Stalin"), titles after it (毛主席) and initials ("N.S. Khrushchev") are not
    part of the name. The loader reads speaker labels by them and the API the names
    clients type."""

    prefixes: frozenset[str] = frozenset()  # name keys of titles: "pm", "comrade"
    suffixes: tuple[str, ...] = ()  # longest first: 副主席 before 主席

    def candidates(self, label: str) -> Iterator[str]:
        """The label as written (folded), then without its titles and initials."""
        label = fold(label.strip())  # 尼克松總統 ends in the title 总统
        yield label
        words = label.split()
        # Leading titles: "PM Chou", "Comrade Stalin", "Vice Premier Deng".
        while len(words) > 1 and (
            name_key(words[0]) in self.prefixes or name_key(" ".join(words[:2])) in self.prefixes
        ):
            drop = 2 if name_key(" ".join(words[:2])) in self.prefixes else 1
            words = words[drop:]
            yield " ".join(words)
        # Initials before or after the surname: "N.S. Khrushchev", "ПОНОМАРЕВ Б.Н.",
        # "Henry A. Kissinger" are found as "Khrushchev", "ПОНОМАРЕВ", "Henry Kissinger".
        named = [w for w in words if not INITIALS.fullmatch(w)]
        if named and len(named) < len(words):
            yield " ".join(named)
        # Chinese titles follow the name: 毛主席, 周总理, 朴成哲团长.
        for suffix in self.suffixes:
            if label.endswith(suffix) and len(label) > len(suffix):
                yield label[: -len(suffix)]

    def is_title(self, words: str) -> bool:
        """Whether `words` are a title and nothing else ("Mr.", "Prime Minister")."""
        return name_key(words) in self.prefixes


@dataclass(slots=True)
class Registry:
    persons: dict[str, Person]
    topics: dict[str, Topic]
    labels: LabelRules = field(default_factory=LabelRules)
    openers: list[tuple[str, str]] = field(default_factory=list)  # (lang, phrase)
    closers: list[tuple[str, str]] = field(default_factory=list)
    extra_aliases: dict[str, str] = field(default_factory=dict)  # name key -> slug
    _names: dict[str, str] = field(init=False, default_factory=dict)
    _record_matcher: PhraseMatcher | None = field(init=False, default=None)
    _initials: dict[str, str] | None = field(init=False, default=None)  # 基 -> kissinger

    def __post_init__(self) -> None:
        owners = _owners(
            "persons.yaml",
            ((p.slug, spelling) for p in self.persons.values() for spelling in p.spellings()),
        )
        _owners(
            "topics.yaml",
            (
                (t.slug, spelling)
                for t in self.topics.values()
                for spelling in (t.label, *(alias for _, alias in t.all_aliases()))
            ),
        )
        owners.update({k: v for k, v in self.extra_aliases.items() if k not in owners})
        self._names = owners

    def with_aliases(self, extra: Mapping[str, str]) -> Registry:
        """The same reference data resolving `extra` name keys too (learnt aliases);
        the phrase matcher, which does not depend on them, is shared."""
        widened = Registry(
            self.persons,
            self.topics,
            self.labels,
            self.openers,
            self.closers,
            {**self.extra_aliases, **extra},
        )
        widened._record_matcher = self._record_matcher
        return widened

    # -- people ---------------------------------------------------------------

    def by_han_initial(self, char: str) -> str | None:
        """The one person whose Chinese name begins with `char` ("基" of 基辛格 in a record
        labelled 毛:/基:/唐:), or None when none or several do."""
        if self._initials is None:
            found: dict[str, set[str]] = {}
            for person in self.persons.values():
                for spelling in person.spellings():
                    han = fold(spelling)
                    if len(han) >= 2 and all(HAN.match(c) for c in han):
                        found.setdefault(han[0], set()).add(person.slug)
            self._initials = {c: next(iter(s)) for c, s in found.items() if len(s) == 1}
        return self._initials.get(fold(char))

    def resolve_name(self, label: str) -> str | None:
        """The person a label names, trying it as written and then without titles."""
        for candidate in self.labels.candidates(label):
            slug = self._names.get(name_key(candidate))
            if slug:
                return slug
        return None

    def is_title(self, words: str) -> bool:
        """Whether `words` are a title and nothing else ("Mr.", "Prime Minister")."""
        return self.labels.is_title(words)

    @property
    def title_prefixes(self) -> frozenset[str]:
        return self.labels.prefixes

    @property
    def title_suffixes(self) -> tuple[str, ...]:
        return self.labels.suffixes

    # -- topics ---------------------------------------------------------------

    def record_matcher(self) -> PhraseMatcher:
        """One pass over a text finds topic aliases ("topic:<slug>"), agenda openers
        ("open") and closers ("close"), and people named in it ("person:<slug>").
        One-character and two-letter names are too ambiguous outside a speaker label."""
        if self._record_matcher is None:
            phrases = [
                (f"topic:{topic.slug}", alias)
                for topic in self.topics.values()
                for _, alias in topic.all_aliases()
            ]
            phrases += [("open", phrase) for _, phrase in self.openers]
            phrases += [("close", phrase) for _, phrase in self.closers]
            phrases += [
                (f"person:{person.slug}", spelling)
                for person in self.persons.values()
                for spelling in person.spellings()
                if len(spelling) >= (2 if HAN.search(spelling) else 3)
            ]
            self._record_matcher = PhraseMatcher(phrases)
        return self._record_matcher


def _as_str_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RegistryError(f"{where}: expected a list of strings")
    return tuple(value)


# libyaml's parser when PyYAML was built with it: reference files of a large corpus
# take seconds with the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise RegistryError(f"{path}: expected a mapping at the top level")
    return data


def _label_rules(people: dict[str, Any]) -> LabelRules:
    titles = people.get("titles") or {}
    return LabelRules(
        frozenset(name_key(t) for t in _as_str_list(titles.get("prefixes"), "titles.prefixes")),
        tuple(
            sorted(_as_str_list(titles.get("suffixes"), "titles.suffixes"), key=len, reverse=True)
        ),
    )


def load_label_rules(directory: Path) -> LabelRules:
    """The titles in `directory`/persons.yaml, or none if there is no such file."""
    if not (directory / "persons.yaml").is_file():
        return LabelRules()
    return _label_rules(_read_yaml(directory / "persons.yaml"))


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
        labels=_label_rules(people),
        openers=phrases("openers"),
        closers=phrases("closers"),
        extra_aliases=dict(extra_aliases or {}),
    )
