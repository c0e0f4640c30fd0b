"""TEI P5: a whole record as a TEI document, and any stream of turns as a TEI fragment.

A record is one `<div>` per language (the original, then each translation) of
`<u who="#person">` turns and `<note type="narration">` passages, with page breaks
(`<pb n="…"/>`) where the original's pages begin, editorial insertions as
`<supplied>` and the record keeper's asides as `<note type="aside">`; a
`<linkGrp type="translation">` ties each original utterance to its translations. The
header carries the title, the archival reference (`idno` for fond, opis, delo and
folios), the translator, the source, the languages, every person with a
`persName` per language, and the topics.

A fragment (query results) is a `<div type="parley-query">` of the same utterance
elements, streamed; with no header to point into, `who` is the person's URL and a
translation points at its original with `corresp`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, Protocol

from lxml import etree

from app.citations import chicago_date
from app.exports.document_json import ParleyDocument
from app.languages import language_name
from app.schemas import Kind, PageBreak, Span, Utterance
from app.urls import Urls

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP: dict[Any, str] = {None: TEI_NS}  # the default namespace (lxml's stubs want str keys)

# XML 1.0 (5th ed.) name characters. "." and "-" are allowed there too, but every run
# of other characters becomes one "-", so ids read as words: u-wilson-111245-17-ru.
_NAME_START = (
    "A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
    "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
    "\U00010000-\U000effff"
)
_NOT_NCNAME = re.compile(f"[^{_NAME_START}0-9\u00b7\u0300-\u036f\u203f-\u2040]+")  # "-" too
_NCNAME_START = re.compile(f"[{_NAME_START}]")


def ncname(*parts: str) -> str:
    """An xml:id from parts: ("u", "wilson-111245.17", "ru") -> "u-wilson-111245-17-ru".
    A valid NCName: name characters only (any script), starting with a letter or _."""
    value = _NOT_NCNAME.sub("-", "-".join(parts)).strip("-")
    return value if _NCNAME_START.match(value) else f"x-{value}"


def utterance_xml_id(public_id: str, lang: str) -> str:
    return ncname("u", public_id, lang)


def person_id(slug: str) -> str:
    return ncname(slug)


def topic_id(slug: str) -> str:
    return ncname("topic", slug)


def kind_id(kind: str) -> str:
    return ncname("kind", kind)


def _el(
    parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str
) -> etree._Element:
    element = (
        etree.Element(f"{{{TEI_NS}}}{tag}", nsmap=NSMAP)
        if parent is None
        else etree.SubElement(parent, f"{{{TEI_NS}}}{tag}")
    )
    for name, value in attrs.items():
        if name in {"id", "lang"}:
            element.set(f"{{{XML_NS}}}{name}", value)
        else:
            element.set(name, value)
    if text is not None:
        element.text = text
    return element


def _date(parent: etree._Element, day: dt.date | None) -> None:
    """The record's date; an undated record's <date> says so, and has no `when`."""
    if day is None:
        _el(parent, "date", "undated")
    else:
        _el(parent, "date", chicago_date(day), when=day.isoformat())


def _append(element: etree._Element, text: str) -> None:
    """Append text after whatever `element` already holds."""
    if not text:
        return
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


class TextLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def spans(self) -> Sequence[Span]: ...
    @property
    def page_breaks(self) -> Sequence[PageBreak]: ...


def fill(element: etree._Element, text: TextLike) -> None:
    """The text as mixed content: <supplied> for editorial insertions (their brackets
    dropped: TEI marks them by the element), <note type="aside"> for the record keeper's
    asides, and <pb/> where a page begins, inside a span if it falls inside one."""
    body = text.text
    breaks = sorted(text.page_breaks, key=lambda b: b.offset)
    pos = 0

    def run(container: etree._Element, end: int, *, breaks_at_end: bool) -> None:
        nonlocal pos
        while breaks and (breaks[0].offset < end or (breaks_at_end and breaks[0].offset == end)):
            page_break = breaks.pop(0)
            at = max(page_break.offset, pos)
            _append(container, body[pos:at])
            pos = at
            _el(container, "pb", n=page_break.page)
        _append(container, body[pos:end])
        pos = max(pos, end)

    for span in sorted(text.spans, key=lambda s: s.start):
        if span.start < pos:  # overlaps the previous span: keep the text once
            continue
        run(element, span.start, breaks_at_end=True)
        start, end = span.start, span.end
        if span.kind == "editorial":
            child = _el(element, "supplied")
            if body[start : start + 1] == "[" and body[end - 1 : end] == "]":
                start, end = start + 1, end - 1
        else:
            child = _el(element, "note", type="aside", place="inline")
        pos = start
        run(child, end, breaks_at_end=False)
        pos = span.end
    run(element, len(body), breaks_at_end=True)
    for page_break in breaks:  # past the end of the text: the next page begins after it
        _el(element, "pb", n=page_break.page)


def utterance_element(
    kind: Kind | str,
    lang: str,
    text: TextLike,
    *,
    xml_id: str,
    who: str | None,
    ana: Sequence[str] = (),
    **attrs: str,
) -> etree._Element:
    """One utterance in one language: <u> for a turn, <note type="narration"> for narration."""
    if kind == Kind.NARRATION:
        element = _el(None, "note", type="narration", id=xml_id, lang=lang, **attrs)
    else:
        element = _el(None, "u", id=xml_id, lang=lang, **attrs)
        if who:
            element.set("who", who)
    if ana:
        element.set("ana", " ".join(ana))
    fill(element, text)
    return element


# -- a whole record -------------------------------------------------------------


def _header(record: ParleyDocument, urls: Urls) -> etree._Element:
    header = _el(None, "teiHeader")
    file_desc = _el(header, "fileDesc")
    _title_statement(file_desc, record)
    publication = _el(file_desc, "publicationStmt")
    _el(publication, "publisher", "Parley")
    _el(publication, "idno", urls.document(record.id), type="URL")
    _source_description(file_desc, record)
    _classes(_el(_el(header, "encodingDesc"), "classDecl"), record)
    profile = _el(header, "profileDesc")
    _date(_el(profile, "creation"), record.date)
    usage = _el(profile, "langUsage")
    for lang in record.languages:
        _el(usage, "language", language_name(lang), ident=lang)
    if record.topics:
        keywords = _el(_el(profile, "textClass"), "keywords", scheme="#parley-topics")
        for topic in record.topics:
            _el(keywords, "term", topic.label, ref=f"#{topic_id(topic.id)}", key=topic.id)
    _people(_el(_el(profile, "particDesc"), "listPerson"), record, urls)
    return header


def _title_statement(file_desc: etree._Element, record: ParleyDocument) -> None:
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", record.title, type="main", lang="en")
    for lang, title in record.titles.items():
        if title != record.title:
            _el(title_stmt, "title", title, type="alt", lang=lang)
    if record.translator:
        resp = _el(title_stmt, "respStmt")
        _el(resp, "resp", "translated by")
        _el(resp, "persName", record.translator)


def _source_description(file_desc: etree._Element, record: ParleyDocument) -> None:
    """The paper in its archive (msDesc) and the edition Parley read it from (bibl)."""
    source = _el(file_desc, "sourceDesc")
    manuscript = _el(source, "msDesc")
    identifier = _el(manuscript, "msIdentifier")
    reference = record.reference
    if reference.archive:
        _el(identifier, "repository", reference.archive)
    for kind in ("fond", "opis", "delo", "folios"):
        value = getattr(reference, kind)
        if value:
            _el(identifier, "idno", value, type=kind)
    if not len(identifier):  # msIdentifier may not be empty
        _el(identifier, "idno", record.id, type="parley")
    contents = _el(manuscript, "msContents")
    if record.summary:
        _el(contents, "summary", record.summary)
    others = [lang for lang in record.languages if lang != record.original_language]
    text_lang = _el(contents, "textLang", language_name(record.original_language))
    text_lang.set("mainLang", record.original_language)
    if others:
        text_lang.set("otherLangs", " ".join(others))
    bibl = _el(source, "bibl")
    _el(bibl, "title", record.title)
    _date(bibl, record.date)
    if record.collection:
        _el(bibl, "publisher", record.collection)
    if record.source_id:
        _el(bibl, "idno", record.source_id, type="publisher")
    if record.source_url:
        _el(bibl, "ref", record.source_url, target=record.source_url)
    if record.publisher_citation:
        _el(bibl, "note", record.publisher_citation, type="citation")


def _classes(classes: etree._Element, record: ParleyDocument) -> None:
    """The kinds of utterance and the record's topics, for `ana` to point at."""
    kinds = _el(classes, "taxonomy", id="parley-kinds")
    for kind, description in (
        (Kind.SPEECH, "A turn in the speaker's words"),
        (Kind.REPORTED, "A turn summarised in the third person"),
        (Kind.NARRATION, "The record keeper's own words"),
    ):
        _el(_el(kinds, "category", id=kind_id(kind)), "catDesc", description)
    if record.topics:
        taxonomy = _el(classes, "taxonomy", id="parley-topics")
        for topic in record.topics:
            category = _el(taxonomy, "category", id=topic_id(topic.id))
            _el(category, "catDesc", topic.label)


def _people(people: etree._Element, record: ParleyDocument, urls: Urls) -> None:
    for participant in record.participants:
        person = _el(
            people,
            "person",
            id=person_id(participant.id),
            role=" ".join(r.role for r in participant.roles),
            sameAs=urls.participant(participant.id),
        )
        names = dict(participant.names) or {"en": participant.name}
        for lang, name in names.items():
            _el(person, "persName", name, lang=lang, type="standard")
        written = {(lang, label) for r in participant.roles for lang, label in r.labels.items()}
        for lang, label in sorted(written):
            if names.get(lang) != label:
                _el(person, "persName", label, lang=lang, type="asWritten")
        if participant.description:
            _el(person, "note", participant.description)
        for role in participant.roles:
            if role.description:
                _el(person, "note", role.description, type="attendance")


def document(record: ParleyDocument, urls: Urls) -> etree._Element:
    """The record as a <TEI> element."""
    tei = _el(None, "TEI", lang="en")
    tei.append(_header(record, urls))
    body = _el(_el(tei, "text"), "body")
    for lang in record.languages:
        original = lang == record.original_language
        div = _el(body, "div", type="original" if original else "translation", lang=lang)
        page: str | None = None
        for item in record.utterances:
            text = item.texts.get(lang)
            if text is None:
                continue
            if text.page and text.page != page:
                _el(div, "pb", n=text.page)
            page = text.page_breaks[-1].page if text.page_breaks else text.page or page
            public_id = f"{record.id}.{item.position}"
            div.append(
                utterance_element(
                    item.kind,
                    lang,
                    text,
                    xml_id=utterance_xml_id(public_id, lang),
                    who=f"#{person_id(item.speaker)}" if item.speaker else None,
                    ana=[f"#{kind_id(item.kind)}", *(f"#{topic_id(t.topic)}" for t in item.topics)],
                    n=str(item.position),
                )
            )
    links = _el(body, "linkGrp", type="translation")
    for item in record.utterances:
        public_id = f"{record.id}.{item.position}"
        for lang in item.texts:
            if lang != record.original_language and record.original_language in item.texts:
                _el(
                    links,
                    "link",
                    target=f"#{utterance_xml_id(public_id, record.original_language)} "
                    f"#{utterance_xml_id(public_id, lang)}",
                )
    if not len(links):
        body.remove(links)
    return tei


def document_bytes(record: ParleyDocument, urls: Urls) -> bytes:
    return etree.tostring(
        document(record, urls), xml_declaration=True, encoding="utf-8", pretty_print=True
    )


def corpus(records: Iterable[ParleyDocument], urls: Urls, out: IO[bytes]) -> None:
    """Every record in one <teiCorpus>, written as it goes (one record in memory)."""
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(f"{{{TEI_NS}}}teiCorpus", nsmap=NSMAP):
            header = _el(None, "teiHeader")
            file_desc = _el(header, "fileDesc")
            _el(_el(file_desc, "titleStmt"), "title", "Parley: records of conversations")
            publication = _el(file_desc, "publicationStmt")
            _el(publication, "publisher", "Parley")
            _el(publication, "idno", urls.base, type="URL")
            _el(_el(file_desc, "sourceDesc"), "p", "Each record's source is in its own header.")
            xf.write(header, pretty_print=True)
            for record in records:
                xf.write(document(record, urls), pretty_print=True)


# -- query results ----------------------------------------------------------------


def fragment(items: Iterable[Utterance], urls: Urls, chunk: int = 64 * 1024) -> Iterator[bytes]:
    """Turns as a TEI <div>, streamed in chunks of about `chunk` bytes."""
    buffer = io.BytesIO()
    with etree.xmlfile(buffer, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(f"{{{TEI_NS}}}div", nsmap=NSMAP, type="parley-query"):
            xf.write("\n")
            for item in items:
                original = next((lang for lang, t in item.texts.items() if t.original), None)
                for lang, text in item.texts.items():
                    attrs = {"n": item.id}
                    if original and lang != original:
                        attrs["corresp"] = f"#{utterance_xml_id(item.id, original)}"
                    element = utterance_element(
                        item.kind,
                        lang,
                        text,
                        xml_id=utterance_xml_id(item.id, lang),
                        who=urls.participant(item.speaker.id) if item.speaker else None,
                        ana=[f"{urls.topic(t.id)}" for t in item.topics],
                        **attrs,
                    )
                    xf.write(element)
                    xf.write("\n")
                xf.flush()
                if buffer.tell() >= chunk:
                    yield buffer.getvalue()
                    buffer.seek(0)
                    buffer.truncate()
    yield buffer.getvalue()
