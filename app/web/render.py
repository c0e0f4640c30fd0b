"""Templates and the filters they use: texts with their insertions, asides, notes and page
breaks marked; the language of a name; links that change one parameter of a query."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from itertools import pairwise
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from app.languages import language_name

_HAN = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_HANGUL = re.compile(r"[\uAC00-\uD7AF]")
# A run of one script, with the spaces, digits and punctuation between its words.
_GLUE = r"[\s\d.,:;!?()«»„“”\"'\-–—/]"
_RUN = re.compile(
    "|".join(
        f"{letters}+(?:{_GLUE}+{letters}+)*"
        for letters in (
            r"[\u0400-\u04FF]",
            r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3000-\u303F\uFF00-\uFFEF]",
            r"[\uAC00-\uD7AF]",
        )
    )
)

# How each kind of span is shown: the element, its class and what it says it is.
_SPANS = {
    "editorial": ("ins", "editorial", "Editorial insertion: the translator's, not the speaker's"),
    "aside": ("span", "aside", "The record keeper's aside"),
    "note": ("sup", "note-ref", "Note"),
}


def lang_of(text: str | None, default: str = "en") -> str:
    """The language of a name or title the API gives without one, by its script."""
    text = text or ""
    if _HAN.search(text):
        return "zh"
    if _HANGUL.search(text):
        return "ko"
    if _CYRILLIC.search(text):
        return "ru"
    return default


def scripts(text: str | None) -> Markup:
    """Mixed text with no language of its own (a citation of a Russian record, a
    Chinese place in an English sentence): each run of another script gets the
    `lang` of its script, the rest stays in the page's English."""
    text = text or ""
    out: list[str] = []
    position = 0
    for run in _RUN.finditer(text):
        out.append(escape(text[position : run.start()]))
        out.append(f'<span lang="{lang_of(run.group())}">{escape(run.group())}</span>')
        position = run.end()
    out.append(escape(text[position:]))
    return Markup("".join(out))


def text_html(record: Mapping[str, Any] | Any, note_base: str = "") -> Markup:
    """A turn's text with its spans as elements and its page breaks as markers. The
    text is cut wherever a span or page begins or ends, so elements never overlap."""
    data = record if isinstance(record, Mapping) else record.model_dump()
    text: str = data["text"]
    spans = [(s["start"], s["end"], s["kind"]) for s in data["spans"]]
    breaks: dict[int, list[str]] = {}
    for pb in data["page_breaks"]:
        breaks.setdefault(min(pb["offset"], len(text)), []).append(pb["page"])
    cuts = sorted({0, len(text), *breaks, *(o for s in spans for o in s[:2] if o <= len(text))})
    out: list[str] = []
    for start, end in pairwise(cuts):
        out.extend(_page_break(page) for page in breaks.get(start, []))
        piece = text[start:end]
        kind = next((k for s, e, k in spans if s <= start and end <= e), None)
        out.append(_span(kind, piece, note_base) if kind else str(escape(piece)))
    out.extend(_page_break(page) for page in breaks.get(len(text), []) if len(text) > 0)
    return Markup("".join(out))


def page_marker(page: str) -> Markup:
    return Markup(_page_break(page))


def _page_break(page: str) -> str:
    return (
        f'<span class="page-break" lang="en" title="Page {escape(page)} of the original begins">'
        f"p.\u00a0{escape(page)}</span>"
    )


def _span(kind: str, piece: str, note_base: str) -> str:
    element, css, title = _SPANS.get(kind, ("span", kind, kind))
    inner = escape(piece)
    if kind == "note" and (mark := re.sub(r"\D", "", piece)):
        inner = Markup(f'<a href="{escape(note_base)}#note-{mark}">{inner}</a>')
    return f'<{element} class="{css}" title="{title}">{inner}</{element}>'


def turns(count: int) -> str:
    return "1 turn" if count == 1 else f"{count} turns"


def title_lang(document: Any) -> str:
    """The language of a record's title: the version whose heading it is."""
    for lang, heading in document.titles.items():
        if heading == document.title:
            return str(lang)
    return lang_of(document.title, document.original_language)


def when(day: dt.date | str | None) -> Markup:
    """A record's date as a <time> element; a record whose page gives no date says so."""
    if day is None:
        return Markup('<span class="undated">undated</span>')
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    return Markup('<time datetime="{}">{} {:%B} {}</time>').format(
        day.isoformat(), day.day, day, day.year
    )


def by_original(texts: Mapping[str, Any]) -> list[Any]:
    """A turn's texts, the original first."""
    items = list(texts.values())
    return sorted(items, key=lambda t: not _field(t, "original"))


def _field(item: Any, name: str) -> Any:
    return item[name] if isinstance(item, Mapping) else getattr(item, name)


def query_url(path: str, params: Mapping[str, Any], **changes: Any) -> str:
    """`path` with `params`, some changed (None removes one); a list repeats its name."""
    merged = {**params, **changes}
    pairs: list[tuple[str, str]] = []
    for name, value in merged.items():
        if value is None or value == "" or value == []:
            continue
        values: Iterable[Any] = value if isinstance(value, list | tuple) else [value]
        pairs.extend((name, str(v)) for v in values)
    return path + ("?" + urlencode(pairs) if pairs else "")


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("app.web", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        text_html=text_html,
        lang_of=lang_of,
        scripts=scripts,
        when=when,
        by_original=by_original,
        language_name=language_name,
        title_lang=title_lang,
        turns=turns,
        page_marker=page_marker,
    )
    env.globals.update(query_url=query_url)
    return env


ENVIRONMENT = _environment()


def page(
    request: Request, template: str, *, status: int = 200, json: bool = True, **context: Any
) -> HTMLResponse:
    """A page of the reader. A page with `json` links its JSON: the same URL,
    `format=json`."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "format"]
    json_url = request.url.path + "?" + urlencode([*params, ("format", "json")]) if json else None
    body = ENVIRONMENT.get_template(template).render(
        request=request, path=request.url.path, json_url=json_url, **context
    )
    return HTMLResponse(body, status_code=status, headers={"Vary": "Accept"})
