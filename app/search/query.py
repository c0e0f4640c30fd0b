"""The search syntax users know, parsed once and compiled per backend.

    word            a word, in any inflection (stemmed): railway finds railways
    "two words"     a phrase
    a OR b          either
    -word, -"a b"   exclude
    rail*           prefix

Everything else is text: quotes that never close run to the end, brackets and
operators of the underlying engines (NEAR, column:, ^) are plain punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.errors import InvalidParameter, invalid_parameter
from app.textnorm import HAN, fold

MAX_QUERY_LENGTH = 500
MAX_TERMS = 32

_WORD = re.compile(r"[^\W_]+")
_HAN_CHAR = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")


@dataclass(frozen=True, slots=True)
class Phrase:
    """One or more words in sequence; a single word is a one-word phrase."""

    words: tuple[str, ...]  # folded, lower case
    prefix: bool = False  # the last word is a prefix ("rail*")
    # A person's or topic's name as written: the phrase finds the forms of the name
    # (textnorm.word_matches), not every word that shares a stem with it.
    alias: str | None = None


@dataclass(frozen=True, slots=True)
class Clause:
    """Alternatives: the clause holds when any of its phrases occurs."""

    options: tuple[Phrase, ...]
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    clauses: tuple[Clause, ...]  # all must hold (negated ones must not)
    text: str

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negated)

    def phrases(self) -> list[Phrase]:
        """Everything to look for (not excluded): used to highlight snippets."""
        return [p for c in self.positive for p in c.options]


def words_of(text: str) -> tuple[str, ...]:
    """Search words of a piece of text: folded, lower case; Chinese one character a word."""
    folded = fold(text).lower()
    if not HAN.search(folded):
        return tuple(_WORD.findall(folded))
    found: list[str] = []
    for match in _WORD.finditer(folded):
        word = match.group()
        if HAN.search(word):
            found.extend(_HAN_CHAR.findall(word) or [word])
        else:
            found.append(word)
    return tuple(found)


_TOKEN = re.compile(r'(?P<neg>-)?(?:"(?P<phrase>[^"]*)(?:"|$)|(?P<bare>[^\s"]+))')


def _reject(message: str, value: str) -> InvalidParameter:
    return invalid_parameter(f"q: {message}", reason=message, params={"q": value[:100]})


def parse(text: str) -> Query:
    """Parse the user's query, or raise a 422 problem that says what would work."""
    if len(text) > MAX_QUERY_LENGTH:
        raise _reject(
            f"the query is {len(text)} characters long; at most {MAX_QUERY_LENGTH} are searched. "
            "Search for the distinctive words instead",
            text,
        )
    clauses: list[Clause] = []
    join_next = False
    # Folding first turns the hard sign written as a quote (об"явить) into a letter,
    # so it is not taken for the start of a phrase.
    for match in _TOKEN.finditer(fold(text)):
        negated = bool(match.group("neg"))
        bare = match.group("bare")
        if bare == "OR" and not negated:
            join_next = bool(clauses)
            continue
        if match.group("phrase") is not None:
            phrase: Phrase | None = _phrase(match.group("phrase"), prefix=False)
        else:
            prefix = bare.endswith("*")
            phrase = _phrase(bare.rstrip("*"), prefix=prefix)
        if phrase is None:
            continue  # punctuation only: "(", "*", "-"
        if join_next and not negated and not clauses[-1].negated:
            clauses[-1] = Clause((*clauses[-1].options, phrase))
        else:
            clauses.append(Clause((phrase,), negated))
        join_next = False
    if not any(not c.negated for c in clauses):
        raise _reject(
            "nothing to search for; give at least one word that must occur "
            '(exclusions like -word only narrow a search), e.g. q=railway or q="free port"',
            text,
        )
    if sum(len(c.options) for c in clauses) > MAX_TERMS:
        raise _reject(f"too many words and phrases; at most {MAX_TERMS}", text)
    return Query(tuple(clauses), text)


def _phrase(text: str, *, prefix: bool) -> Phrase | None:
    words = words_of(text)
    if not words:
        return None
    return Phrase(words, prefix=prefix)
