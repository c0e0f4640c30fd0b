"""Checks every reader page must pass: well-formed (each element closed, as XML),
ids unique, in-page links pointing at an id, and every text inside an element whose
`lang` fits its script (Cyrillic in ru, Han in zh, Latin in neither)."""

from __future__ import annotations

import re

from lxml import etree

_SCRIPTS = {
    "cyrillic": (re.compile(r"[\u0400-\u04FF]"), {"ru", "uk", "be", "bg", "sr", "mn", "kk"}),
    "han": (re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF]"), {"zh", "ja"}),
    "hangul": (re.compile(r"[\uAC00-\uD7AF]"), {"ko"}),
}
_LATIN = re.compile(r"[A-Za-z]")
_NON_LATIN = {"ru", "uk", "be", "bg", "sr", "mn", "kk", "zh", "ja", "ko"}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse(page: str) -> etree._Element:
    """The page as XML: a tag left open, or closed in the wrong order, is an error."""
    return etree.fromstring(page.encode("utf-8"), etree.XMLParser(resolve_entities=False))


def _lang(element: etree._Element) -> str | None:
    for node in (element, *element.iterancestors()):
        lang = node.get("lang") or node.get(_XML_LANG)
        if lang:
            return lang.split("-")[0]
    return None


def problems(page: str) -> list[str]:
    """What is wrong with a page, as readable lines (empty when nothing is)."""
    root = parse(page)
    found: list[str] = []
    if root.get("lang") is None:
        found.append("<html> has no lang")
    ids = [e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id")]
    found.extend(f"duplicate id {i!r}" for i in sorted({i for i in ids if ids.count(i) > 1}))
    for a in root.iter("a"):
        href = a.get("href") or ""
        if href.startswith("#") and len(href) > 1 and href[1:] not in ids:
            found.append(f"link to missing #{href[1:]}")
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in {"script", "style"}:
            continue
        for text in (element.text, *(child.tail for child in element)):
            if text and text.strip():
                found.extend(_misplaced(text.strip(), _lang(element), element.tag))
    return found


def _misplaced(text: str, lang: str | None, tag: str) -> list[str]:
    non_latin = any(pattern.search(text) for pattern, _ in _SCRIPTS.values())
    if tag == "title" and non_latin and _LATIN.search(text):
        return []  # a title's text takes no markup: mixed, it cannot say which part is which
    for script, (pattern, languages) in _SCRIPTS.items():
        if pattern.search(text) and lang not in languages:
            return [f"{script} text in lang={lang} <{tag}>: {text[:60]!r}"]
    if lang in _NON_LATIN and _LATIN.search(text) and not non_latin:
        return [f"Latin text in lang={lang} <{tag}>: {text[:60]!r}"]
    return []


def links(root: etree._Element) -> list[str]:
    return [a.get("href") for a in root.iter("a") if a.get("href")]
