"""Any stream of turns as a file: the one entry point for listings, documents and search.

`render(name, items, …)` takes the utterance read models in the order they should
appear (an iterator, so a million rows never sit in memory) and yields the file in
chunks: CSV (see spreadsheet.py), JSON Lines (one read model per line, exactly
what the JSON pages carry, subclass fields included) or a TEI fragment.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from app.exports import spreadsheet, tei
from app.schemas import Utterance
from app.urls import Urls

FILE_FORMATS = ("csv", "jsonl", "tei")


def json_lines(items: Iterable[Utterance], chunk: int = 64 * 1024) -> Iterator[str]:
    lines: list[str] = []
    size = 0
    for item in items:
        line = item.model_dump_json() + "\n"
        lines.append(line)
        size += len(line)
        if size >= chunk:
            yield "".join(lines)
            lines, size = [], 0
    yield "".join(lines)


def render(
    name: str,
    items: Iterable[Utterance],
    *,
    languages: Sequence[str],
    urls: Urls,
) -> Iterator[str] | Iterator[bytes]:
    """The file in format `name`. `languages` are the CSV's text columns, in order."""
    if name == "csv":
        return spreadsheet.render(items, languages)
    if name == "jsonl":
        return json_lines(items)
    if name == "tei":
        return tei.fragment(items, urls)
    raise ValueError(f"no file format {name!r}; there are {', '.join(FILE_FORMATS)}")
