"""One language version's paragraphs as turns and narration."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.ingest.body import Paragraph
from app.ingest.dates import parse_date
from app.ingest.model import (
    Attendee,
    PageBreak,
    Span,
    SpanKind,
    Speaker,
    TextVersion,
    UnitKind,
)
from app.ingest.registry import Registry
from app.textnorm import name_key

# "Name: text" or "名字：text". The label is short and has no sentence punctuation.
_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:：\n]{0,48}?)\s*[:：]\s*(?P<rest>\S.*)$", re.S)
# A word of a name-shaped label: a capitalised word, initials, a short
# abbreviated title ("тов."), or Chinese characters.
_LABEL_WORD = re.compile(
    r"^(?:[A-ZА-ЯЁ][\w'’.-]*|(?:[A-ZА-ЯЁ]\.)+|[a-zа-яё]{1,4}\.|[\u4e00-\u9fff]+)$"
)

# The record keeper's own sentences: openings, closings, attendance.
_NARRATION = {
    "en": re.compile(
        r"^(After (an|the) |The (meeting|conversation|talks?|discussion|session|interview) |"
        r"Present\b|Also present|Those present|Attending|Participants|Recorded by|"
        r"Record(ed)? made by)",
    ),
    "ru": re.compile(
        r"^(После (приветствий|обмена|краткого)|Беседа |Встреча |Заседание |На беседе |"
        r"Присутствовал|В беседе (приняли|принимали) участие|Беседу записал|Записал|Запись вел)",
    ),
    "zh": re.compile(r"^(会见|谈话|会谈)(结束|开始|于)|^(参加人|在座|记录)"),
}
_ATTENDANCE = {
    "en": re.compile(
        r"^(?:Present at the (?:meeting|conversation|talks?) (?:were|was)|Present were|Present|"
        r"Also present(?: were)?|Those present(?: were)?|Attending|Participants)\s*:?\s*"
        r"(?:(?:comrs?|comrades?|cdes?|coms?)\.?\s+)?",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"^(?:На беседе присутствовали|Присутствовали|Присутствуют|В беседе (?:приняли|принимали) "
        r"участие|Участники)\s*:?\s*(?:(?:т\.\s*т\.|тт\.|товарищи)\s*)?",
    ),
}
_ASIDE = {
    "en": re.compile(
        r",\s*(?P<aside>(?:says|said|adds|added|remarks|remarked|notes|noted|continues|continued|"
        r"replies|replied)\s+(?:\w+\s+){0,2}?(?:comrs?\.|comrade|cde\.|com\.)\s*[A-Z][\w-]+"
        r"(?:\s+\w+ly)?)\s*,"
    ),
    "ru": re.compile(
        r",\s*(?P<aside>(?:говорит|сказал|добавляет|добавил|замечает|заметил|продолжает|"
        r"отвечает|ответил)\s+(?:\w+\s+){0,2}?(?:тов\.|т\.|товарищ)\s*[А-ЯЁ][\w-]+)\s*,"
    ),
}
# "[PRC Ambassador to the USSR] Wang Jiaxiang", "Shi Zhe /Karskii/"
_ATTENDEE = re.compile(r"^(?:\[(?P<desc>[^\]]*)\]\s*)?(?P<name>[^/\[]+?)\s*(?:/(?P<alt>[^/]+)/)?$")
_BRACKET = re.compile(r"\[[^\[\]]*\]")
_SENTENCE_END = re.compile(r"[.!?…:;»\"')\]]$")


@dataclass(slots=True)
class VersionUnit:
    kind: UnitKind
    speaker: Speaker | None
    text: TextVersion
    attendance: bool = False


def _slugify(text: str) -> str:
    table = str.maketrans(
        {
            "а": "a",
            "б": "b",
            "в": "v",
            "г": "g",
            "д": "d",
            "е": "e",
            "ё": "e",
            "ж": "zh",
            "з": "z",
            "и": "i",
            "й": "i",
            "к": "k",
            "л": "l",
            "м": "m",
            "н": "n",
            "о": "o",
            "п": "p",
            "р": "r",
            "с": "s",
            "т": "t",
            "у": "u",
            "ф": "f",
            "х": "kh",
            "ц": "ts",
            "ч": "ch",
            "ш": "sh",
            "щ": "shch",
            "ъ": "",
            "ы": "y",
            "ь": "",
            "э": "e",
            "ю": "yu",
            "я": "ya",
        }
    )
    slug = re.sub(r"[^\w]+", "-", text.lower().translate(table)).strip("-_")
    return slug or "unnamed"


def speaker_for(label: str, registry: Registry) -> Speaker | None:
    """The speaker a label names; an unknown but name-shaped label is kept, unresolved."""
    label = label.strip()
    slug = registry.resolve_name(label)
    if slug:
        return Speaker(slug, label)
    words = label.split()
    if 1 <= len(words) <= 4 and all(_LABEL_WORD.match(w) for w in words):
        return Speaker(
            _slugify(" ".join(w for w in words if not w.endswith(".")) or label),
            label,
            resolved=False,
        )
    return None


def split_label(text: str, registry: Registry) -> tuple[Speaker, str, int] | None:
    """(speaker, text after the label, length of the label prefix) for a labelled paragraph."""
    m = _LABEL.match(text)
    if not m:
        return None
    speaker = speaker_for(m.group("label"), registry)
    if speaker is None:
        return None
    return speaker, m.group("rest"), m.start("rest")


def is_heading(para: Paragraph, title: str) -> bool:
    """Front matter of a version: its title lines and date, before the first turn."""
    all_capitals = sum(c.isupper() for c in para.text) >= 3 and not any(
        c.islower() for c in para.text
    )
    return (
        para.heading
        or all_capitals
        or parse_date(para.text) is not None
        or name_key(para.text) == name_key(title)
        or (len(para.text) < 200 and not _SENTENCE_END.search(para.text))
    )


def editorial_spans(text: str, lang: str) -> list[Span]:
    spans = [Span(m.start(), m.end(), SpanKind.EDITORIAL) for m in _BRACKET.finditer(text)]
    aside = _ASIDE.get(lang)
    if aside:
        spans += [
            Span(m.start("aside"), m.end("aside"), SpanKind.ASIDE) for m in aside.finditer(text)
        ]
    return sorted(spans, key=lambda s: s.start)


def segment(
    paras: list[Paragraph], lang: str, title: str, registry: Registry
) -> tuple[list[str], list[VersionUnit]]:
    """(heading lines, units) of one language version."""
    headings: list[str] = []
    units: list[VersionUnit] = []
    narration = _NARRATION.get(lang)
    attendance = _ATTENDANCE.get(lang)
    for para in paras:
        labelled = split_label(para.text, registry)
        if labelled is None and not units and is_heading(para, title):
            headings.append(para.text)
            continue
        if labelled:
            speaker, rest, cut = labelled
            text = TextVersion(
                lang,
                rest,
                para.line_start,
                para.line_end,
                label=speaker.label,
                page=para.page,
                page_breaks=[PageBreak(b.offset - cut, b.page) for b in para.page_breaks],
            )
            units.append(VersionUnit(UnitKind.SPEECH, speaker, text))
            continue
        current = units[-1] if units else None
        cue = bool(narration and narration.match(para.text))
        if current is None or cue or current.attendance:
            # The record keeper speaks: before the first turn, or in a sentence that
            # reads as narration ("The meeting took two hours.").
            text = TextVersion(
                lang,
                para.text,
                para.line_start,
                para.line_end,
                page=para.page,
                page_breaks=list(para.page_breaks),
            )
            is_list = bool(attendance and attendance.match(para.text))
            units.append(VersionUnit(UnitKind.NARRATION, None, text, is_list))
        else:
            _append(current.text, para)  # the turn (or narration) goes on
    for unit in units:
        unit.text.spans = editorial_spans(unit.text.text, lang)
    return headings, units


def _append(text: TextVersion, para: Paragraph) -> None:
    """Add a continuation paragraph to a turn, keeping page breaks in step."""
    offset = len(text.text) + 2
    last_page = text.page_breaks[-1].page if text.page_breaks else text.page
    if para.page is not None and para.page != last_page:
        text.page_breaks.append(PageBreak(offset, para.page))
    text.page_breaks.extend(PageBreak(offset + b.offset, b.page) for b in para.page_breaks)
    text.text = f"{text.text}\n\n{para.text}"
    text.line_end = para.line_end


def attendance_list(unit: VersionUnit, registry: Registry) -> list[tuple[Speaker, str, str | None]]:
    """(person, name as written, bracketed description) for each name in an attendance list."""
    pattern = _ATTENDANCE.get(unit.text.lang)
    text = unit.text.text
    if pattern:
        text = pattern.sub("", text, count=1)
    text = text.strip().rstrip(".")
    entries: list[tuple[Speaker, str, str | None]] = []
    for raw in re.split(r",\s*(?:and\s+|и\s+)?|\s+and\s+|\s+и\s+|、|，", text):
        raw = raw.strip()
        if not raw:
            continue
        m = _ATTENDEE.match(raw)
        if not m:
            continue
        name = m.group("name").strip()
        person = speaker_for(name, registry)
        if person is None and m.group("alt"):
            person = speaker_for(m.group("alt"), registry)
        if person is None:
            continue
        written = raw if not m.group("desc") else raw[m.end("desc") + 1 :].strip()
        entries.append((person, written, m.group("desc")))
    return entries


def pair_attendance(
    lists: dict[str, list[tuple[Speaker, str, str | None]]], original: str
) -> list[Attendee]:
    """One attendee per person across the languages' attendance lists.

    Lists are paired by person where both sides resolve, else by position.
    """
    attendees: dict[str, Attendee] = {}
    ordered_langs = [original] + [lang for lang in lists if lang != original]
    base = lists.get(original) or next(iter(lists.values()), [])
    for index, (person, written, desc) in enumerate(base):
        attendee = Attendee(person, {ordered_langs[0]: written}, desc)
        attendees.setdefault(person.key, attendee)
        for lang in ordered_langs[1:]:
            other = lists.get(lang, [])
            match = next((e for e in other if e[0].key == person.key), None)
            both_resolved = index < len(other) and person.resolved and other[index][0].resolved
            if match is None and index < len(other) and not both_resolved:
                match = other[index]
            if match:
                attendees[person.key].labels[lang] = match[1]
                attendees[person.key].description = attendees[person.key].description or match[2]
    return list(attendees.values())
