"""A unit's text as a client asked for it: with editorial insertions marked, or without them."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from app.schemas import Editorial


def _strip(text: str, spans: list[Any], breaks: list[Any]) -> tuple[str, list[list[Any]]]:
    """Remove every span, with the commas that set an aside off ("We could, says comr.
    Stalin jokingly, increase" -> "We could increase"), and move page breaks to match."""
    removed = [False] * len(text)
    for start, end, kind in spans:
        if kind == "aside":
            before = re.search(r",\s*$", text[:start])
            after = re.match(r"\s*,", text[end:])
            if before and after:
                start, end = before.start(), end + after.end()
        removed[start:end] = [True] * (end - start)
    kept = [(ch, i) for i, ch in enumerate(text) if not removed[i]]
    # Tidy the seams: no doubled spaces, no space before punctuation, none at the ends.
    tidy: list[tuple[str, int]] = []
    for index, (ch, origin) in enumerate(kept):
        following = kept[index + 1][0] if index + 1 < len(kept) else ""
        if ch == " " and (not tidy or tidy[-1][0] in " \n" or following in " ,.;:!?\n"):
            continue
        tidy.append((ch, origin))
    while tidy and tidy[-1][0].isspace():
        tidy.pop()
    origins = [origin for _, origin in tidy]
    moved = [[bisect_left(origins, offset), page] for offset, page in breaks]
    return "".join(ch for ch, _ in tidy), moved


def text_record(row: Any, editorial: Editorial) -> dict[str, Any]:
    """A stored text as the client asked for it, shaped like schemas.UtteranceText, from
    a row of (utterance_id, lang, is_original, label, text, spans, page, page_breaks)."""
    _, lang, is_original, label, text, spans, page, breaks = row
    spans = spans or []
    breaks = breaks or []
    if editorial is Editorial.STRIP and spans:
        text, breaks = _strip(text, spans, breaks)
        spans = []
    return {
        "lang": lang,
        "original": is_original,
        "label": label,
        "text": text,
        "spans": [{"start": s, "end": e, "kind": k} for s, e, k in spans],
        "page": page,
        "page_breaks": [{"offset": o, "page": p} for o, p in breaks],
    }
