"""Snippets around the words a search found, marked for display."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from app.search.index import phrase_terms, term
from app.search.query import Phrase
from app.textnorm import fold, forms_pattern

_WORD = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]|[^\W_]+")

SNIPPET_CONTEXT = 80  # characters of context before the first hit
SNIPPET_LENGTH = 240


@dataclass(frozen=True, slots=True)
class Highlighted:
    snippet: str  # HTML-escaped, hits in <mark>…</mark>, cut with … where the text goes on
    highlights: list[tuple[int, int]]  # offsets of the hits in the full text


@dataclass(frozen=True, slots=True)
class _Terms:
    """A phrase that is not a name, as the index holds it."""

    head: list[str]  # the terms before the last
    last: str
    prefix: bool


@dataclass(frozen=True, slots=True)
class Marker:
    """What a query marks in a text, compiled once for every text of its page."""

    names: re.Pattern[str] | None  # every form of the names among the phrases
    terms: tuple[_Terms, ...]

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans of `text` where any of the phrases occurs (in any inflection; a name in
        the forms of the name, as the search matched it)."""
        spans = [m.span() for m in self.names.finditer(text)] if self.names else []
        if self.terms:
            words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(fold(text))]
            indexed = [term(w) for _, _, w in words]
            for phrase in self.terms:
                head, last = phrase.head, phrase.last
                n = len(head) + 1
                for i in range(len(words) - n + 1):
                    if head and indexed[i : i + n - 1] != head:  # a list compare runs in C
                        continue
                    last_word, last_term = words[i + n - 1][2], indexed[i + n - 1]
                    if (
                        last_word.startswith(last) or last_term.startswith(last)
                        if phrase.prefix
                        else last_term == last
                    ):
                        spans.append((words[i][0], words[i + n - 1][1]))
        return _merge(sorted(spans))

    def highlight(self, text: str) -> Highlighted:
        hits = self.find(text)
        start = 0
        if hits and hits[0][0] > SNIPPET_CONTEXT:
            start = text.rfind(" ", 0, hits[0][0] - SNIPPET_CONTEXT) + 1
        end = min(len(text), start + SNIPPET_LENGTH)
        if end < len(text):
            end = max(text.rfind(" ", start, end), hits[0][1] if hits else start) or end
        pieces = ["…" if start > 0 else ""]
        cursor = start
        for hit_start, hit_end in hits:
            if hit_start < start or hit_end > end:
                continue
            pieces.append(html.escape(text[cursor:hit_start], quote=False))
            pieces.append(f"<mark>{html.escape(text[hit_start:hit_end], quote=False)}</mark>")
            cursor = hit_end
        pieces.append(html.escape(text[cursor:end], quote=False))
        pieces.append("…" if end < len(text) else "")
        return Highlighted("".join(pieces).replace("\n\n", " ¶ "), hits)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@lru_cache(maxsize=1024)
def marker(phrases: tuple[Phrase, ...]) -> Marker:
    """The phrases compiled: a name's pattern costs far more to build than to run."""
    names = [p.alias for p in phrases if p.alias]
    terms = []
    for phrase in phrases:
        if not phrase.alias:
            *head, last = phrase_terms(phrase)
            terms.append(_Terms(head, last, phrase.prefix))
    return Marker(re.compile(forms_pattern(names)) if names else None, tuple(terms))
