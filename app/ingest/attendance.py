"""Who was in the room: attendance lists in the running text and in headers.

A list may have several parts, each opened by its own cue: "Present from our side:
Cdes. Molotov, Malenkov; from the Korean side: Kim Il Sung…", "Участники: с
советской стороны — М.А. Суслов…; с китайской стороны — Дэн Сяопин…",
"Present: …. Interpreters: …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.ingest.model import Attendee, Speaker
from app.ingest.roster import Roster
from app.ingest.source import WITHHELD_NAME
from app.textnorm import CYRILLIC_SMALL, UPPER

_COMRADES = {
    "en": r"(?:(?:comrs?|comrades?|cdes?|coms?)\.?\s+)?",
    "ru": r"(?:(?:т\.\s*т\.|тт\.|товарищи)\s*)?",
    "zh": "",
}
# A cue that opens a list, or a part of one. `_LIST_START` must match at the very
# beginning of a paragraph for it to count as an attendance list at all.
_CUES = {
    "en": r"(?:Present at the (?:meeting|conversation|talks?) (?:were|was)|Present were|"
    r"Also present(?: were)?|Those present(?: were)?|"
    r"(?:Present|Participants|Attending)(?:\s+(?:from|on) (?:our|the [\w.-]+) side)?|"
    r"Interpreters?|Note-?takers?|(?:from|on) (?:our|the [\w.-]+) side)",
    "ru": r"(?:На (?:беседе|встрече) присутствовали|Присутствовали|Присутствуют|"
    r"В беседе (?:приняли|принимали) участие|Участники(?: беседы| встречи)?|Переводчики?|"
    rf"[Сс] (?:нашей|[{CYRILLIC_SMALL}]+ской) стороны)",
    "zh": r"(?:参加人|参加者|在座的?有?|出席|翻译|记录人?)",
}
_SEPARATOR = r"\s*(?:[:：—–]|-(?=\s))?\s*"
# Cues may follow one another: "Участники: с советской стороны — …".
# (a cue is a word of its own where words are spaced: "PRESENTER:" lists no one)
_CUE_END = {"en": r"\b", "ru": r"\b", "zh": ""}
_LIST_START = {
    lang: re.compile(rf"^(?:{cue}{_CUE_END[lang]}{_SEPARATOR})+{_COMRADES[lang]}", re.IGNORECASE)
    for lang, cue in _CUES.items()
}
# A cue inside a list: after a full stop or semicolon ("…Peng Zhen. Interpreters: …").
_LIST_PART = {
    lang: re.compile(
        rf"(?:^|(?<=[.;；。]))\s*(?:{cue}{_CUE_END[lang]}{_SEPARATOR})+{_COMRADES[lang]}",
        re.IGNORECASE,
    )
    for lang, cue in _CUES.items()
}
# "[PRC Ambassador to the USSR] Wang Jiaxiang", "Shi Zhe /Karskii/", "朴成哲（团长）"
_ATTENDEE = re.compile(
    r"^(?:\[(?P<desc>[^\]]*)\]\s*)?(?P<name>[^/\[(（]+?)\s*(?:/(?P<alt>[^/]+)/)?"
    r"\s*(?:[(（](?P<note>[^)）]*)[)）])?$"
)
_OPENERS, _CLOSERS = "([（", ")]）"
_SEPARATORS = re.compile(r",\s*(?:and\s+|и\s+)?|\s+and\s+|\s+и\s+|[、，;；]")


@dataclass(frozen=True, slots=True)
class Entry:
    """One name in a list: who it is, as written, and any description beside it."""

    person: Speaker
    written: str
    description: str | None = None


def starts_list(text: str, lang: str) -> bool:
    pattern = _LIST_START.get(lang)
    return bool(pattern and pattern.match(text))


_AND_OTHERS = re.compile(r"(?<=[\u4e00-\u9fff])等(?:同志|人|人士)?$")


def split_names(text: str) -> list[str]:
    """Items of a list separated by commas, "and", 、 or semicolons, outside brackets."""
    items: list[str] = []
    depth = start = position = 0
    while position < len(text):
        char = text[position]
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and (m := _SEPARATORS.match(text, position)):
            items.append(text[start:position])
            start = position = m.end()
            continue
        position += 1
    items.append(text[start:])
    # "…、安东诺夫等同志": the last name, then "and other comrades"
    items = [_AND_OTHERS.sub("", item.strip()) for item in items]
    return [item for item in items if item]


def entry_for(raw: str, roster: Roster, description: str | None = None) -> Entry | None:
    """The person one list item names, or None if it names nobody."""
    if WITHHELD_NAME.fullmatch(raw.strip()) and (withheld := roster.resolve(raw.strip())):
        return Entry(withheld, raw.strip(), description)  # "[name and title not declassified]"
    m = _ATTENDEE.match(raw.strip())
    if not m:
        return None
    person = roster.resolve(m.group("name"))
    if person is None and m.group("alt"):
        person = roster.resolve(m.group("alt"))
    if person is None:
        return None
    written = raw.strip() if not m.group("desc") else raw.strip()[m.end("desc") + 1 :].strip()
    if m.group("note"):
        written = written[: written.rfind("(" if "(" in written else "（")].strip()
    return Entry(person, written, m.group("desc") or m.group("note") or description)


def list_entries(text: str, lang: str, roster: Roster) -> tuple[list[Entry], list[str]]:
    """(people, items that name nobody) of an attendance paragraph."""
    part = _LIST_PART.get(lang)
    cuts = [(m.start(), m.end()) for m in part.finditer(text)] if part else []
    if not cuts or cuts[0][0] != 0:
        cuts.insert(0, (0, 0))
    entries: list[Entry] = []
    unplaced: list[str] = []
    for (_, begin), (end, _) in zip(cuts, [*cuts[1:], (len(text), len(text))], strict=True):
        # The full stop that ends a part, but not the one that ends an initial ("N.T.").
        part_text = re.sub(rf"(?<![{UPPER}])[.;。；]+$", "", text[begin:end].strip())
        for raw in split_names(part_text):
            entry = entry_for(raw, roster)
            if entry is None:
                unplaced.append(raw)
            elif all(e.person.key != entry.person.key for e in entries):
                entries.append(entry)
    return entries, unplaced


def pair_attendance(lists: dict[str, list[Entry]], original: str) -> list[Attendee]:
    """One attendee per person across the languages' attendance lists.

    Lists are paired by person where both sides resolve, else by position.
    """
    attendees: dict[str, Attendee] = {}
    ordered_langs = [original] + [lang for lang in lists if lang != original]
    base = lists.get(original) or next(iter(lists.values()), [])
    for index, entry in enumerate(base):
        person = entry.person
        attendee = Attendee(person, {ordered_langs[0]: entry.written}, entry.description)
        attendees.setdefault(person.key, attendee)
        for lang in ordered_langs[1:]:
            other = lists.get(lang, [])
            match = next((e for e in other if e.person.key == person.key), None)
            both_resolved = index < len(other) and person.resolved and other[index].person.resolved
            if match is None and index < len(other) and not both_resolved:
                match = other[index]
            if match:
                attendees[person.key].labels[lang] = match.written
                attendees[person.key].description = (
                    attendees[person.key].description or match.description
                )
    return list(attendees.values())
