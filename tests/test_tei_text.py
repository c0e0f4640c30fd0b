"""A text as TEI mixed content: insertions, asides and page breaks at their offsets."""

from __future__ import annotations

from lxml import etree

from app.exports.tei import TEI_NS, fill, ncname
from app.schemas import PageBreak, Span, UtteranceText


def _xml(text: str, spans: list[Span], breaks: list[PageBreak]) -> str:
    element = etree.Element(f"{{{TEI_NS}}}u", nsmap={None: TEI_NS})
    fill(
        element,
        UtteranceText(
            lang="en",
            original=False,
            label=None,
            text=text,
            spans=spans,
            page=None,
            page_breaks=breaks,
        ),
    )
    return etree.tostring(element, encoding="unicode").split(">", 1)[1].rsplit("<", 1)[0]


def test_insertions_asides_and_breaks_nest_where_they_fall() -> None:
    text = "We could, says comr. Stalin, give [the] Dalny port."
    spans = [Span(start=10, end=27, kind="aside"), Span(start=34, end=39, kind="editorial")]
    breaks = [
        PageBreak(offset=0, page="4"),
        PageBreak(offset=15, page="5"),
        PageBreak(offset=34, page="6"),
    ]
    assert _xml(text, spans, breaks) == (
        '<pb n="4"/>We could, <note type="aside" place="inline">says <pb n="5"/>comr. Stalin'
        '</note>, give <pb n="6"/><supplied>the</supplied> Dalny port.'
    )


def test_text_without_markup_stays_plain() -> None:
    assert _xml("Верно. <Да> & нет", [], []) == "Верно. &lt;Да&gt; &amp; нет"


def test_a_break_past_the_end_is_kept() -> None:
    assert _xml("end", [], [PageBreak(offset=9, page="2")]) == 'end<pb n="2"/>'


def test_xml_ids_are_ncnames() -> None:
    assert ncname("u", "wilson-111245.17", "ru") == "u-wilson-111245-17-ru"
    assert ncname("1st secretary") == "x-1st-secretary"
    assert ncname("topic", "Порт-Артур") == "topic-Порт-Артур"
    assert ncname("毛泽东") == "毛泽东" and ncname("x²", "a b") == "x-a-b"
