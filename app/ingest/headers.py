"""A record's header, in whichever layout its file has: detected, never configured.

    wilson-center   **date**, **title**, **Citation:**, **Summary:** … **Contents:**
    frus            a FRUS memorandum: PARTICIPANTS:, DATE & TIME:, PLACE:, SUBJECT:
    chinese-record  the title, then 时间：/ 地点：/ 参加人：/ 翻译：/ 记录： lines

Each reader returns None for a file not in its layout; the first to recognise the
file wins. A file none recognises is `plain`: its metadata must come from front
matter or a sidecar (see sidecar.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from app.ingest.attendance import split_names
from app.ingest.dates import find_date_span
from app.ingest.metadata import parse_wilson_header, record_type
from app.ingest.model import Line, Metadata

_URL = re.compile(r"^<?(?P<url>https?://\S+?)>?$")
_PAGE = re.compile(r"^\[Page \d{1,4}\]$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HeaderEntry:
    """Someone the header lists as present, as written there."""

    name: str
    description: str | None
    line: int


@dataclass(slots=True)
class Header:
    metadata: Metadata  # title "" when the header gives none
    body: list[Line]
    attendance: list[HeaderEntry] = field(default_factory=list)


HeaderReader = Callable[[list[Line], str], Header | None]


def _split_date(value: str) -> tuple[Metadata | None, str, str]:
    """(a Metadata stub holding the date, the text before it, the text after it)."""
    found = find_date_span(value)
    if found is None:
        return None, value, ""
    date, start, end = found
    stub = Metadata(title="", date=date)
    return stub, value[:start].strip(" ,;"), value[end:].strip(" ,;")


def read_wilson(lines: list[Line], source: str) -> Header | None:
    found = parse_wilson_header(lines, source)
    if found is None:
        return None
    metadata, index = found
    return Header(metadata, lines[index:])


# -- FRUS ---------------------------------------------------------------------------

_FRUS_FIELD = re.compile(
    r"^(?P<key>PARTICIPANTS|DATE\s*(?:&|AND)\s*TIME|DATE|TIME|PLACE|SUBJECT)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_FRUS_COLLECTION = re.compile(r"^Foreign Relations of the United States\b")
# "194. Memorandum of Conversation1": the FRUS number, the title, a footnote mark.
_FRUS_HEADING = re.compile(
    r"^(?:\d{1,4}\.\s+)?(?P<title>(?:Memorandum|Memcon|Minutes|Transcript|Record|Conversation)"
    r"\b.*?[^\d\s])\d{0,2}$",
    re.IGNORECASE,
)
_FRUS_ID = re.compile(r"/historicaldocuments/(?P<id>[^/]+/d\d+)")
_SIDE = re.compile(r"^(?:the\s+)?[\w.\s-]{0,40}\bside\s*:?$", re.IGNORECASE)


def _frus_key(raw: str) -> str:
    key = re.sub(r"\s+", " ", raw.lower())
    return "date" if key.startswith("date") else key


def _participant(text: str, line: int) -> HeaderEntry:
    """ "Winston Lord, National Security Council Staff (Notetaker)": name, then the office."""
    name, _, description = text.partition(",")
    return HeaderEntry(name.strip(), description.strip() or None, line)


def read_frus(lines: list[Line], _source: str) -> Header | None:
    fields: dict[str, str] = {}
    people: list[HeaderEntry] = []
    collection = url = title = dateline = None
    pages: list[Line] = []  # "[Page 677]" above the heading belongs to the body
    current: str | None = None
    index = 0
    for index, line in enumerate(lines):  # noqa: B007 (the body starts where this stops)
        text = line.text.strip()
        if not text:
            current = None
        elif m := _FRUS_FIELD.match(text):
            current = _frus_key(m.group("key"))
            fields[current] = m.group("value").strip()
            if current == "participants" and fields[current]:
                people.append(_participant(fields[current], line.number))
        elif current == "participants":
            if not _SIDE.match(text):  # "U.S. Side:" heads a group, names nobody
                people.append(_participant(text, line.number))
        elif current is not None:
            fields[current] = f"{fields[current]} {text}".strip()
        elif _PAGE.match(text):
            pages.append(line)
        elif fields:
            break
        elif collection is None and _FRUS_COLLECTION.match(text):
            collection = text
        elif url is None and (u := _URL.match(text)):
            url = u.group("url")
        elif title is None and (h := _FRUS_HEADING.match(text)):
            title = h.group("title").strip()
        elif dateline is None and len(text) < 120:
            dateline = text  # "Beijing, February 21, 1972, 2:50–3:55 p.m.", or just the place
        else:
            break
    else:
        index = len(lines)
    if len(set(fields) & {"participants", "date", "place", "subject"}) < 2:
        return None

    stub, place, time = _split_date(fields.get("date") or dateline or "")
    if dateline and not fields.get("place"):
        place = _split_date(dateline)[1]
    frus_id = _FRUS_ID.search(url) if url else None
    metadata = Metadata(
        title=title or fields.get("subject") or "",
        date=stub.date if stub else None,
        source_url=url,
        source_id=frus_id.group("id") if frus_id else None,
        collection=collection,
        summary=fields.get("subject"),
        original_language="en",
        record_type=record_type(title or "memorandum of conversation"),
        layout="frus",
        place=fields.get("place") or place or None,
        time_of_day=fields.get("time") or time or None,
    )
    blank = [Line(pages[-1].number, "")] if pages else []
    return Header(metadata, [*pages, *blank, *lines[index:]], people)


# -- Chinese records ----------------------------------------------------------------

_ZH_FIELD = re.compile(
    r"^(?P<key>时间|日期|地点|参加人|参加者|在座|出席|翻译|记录人?|记录者|主题)\s*[：:]\s*(?P<value>.*)$"
)
_ZH_PRESENT = {"参加人", "参加者", "在座", "出席"}
_ZH_TITLE_LINES = 3


def read_chinese(lines: list[Line], _source: str) -> Header | None:
    fields: dict[str, tuple[str, int]] = {}
    titles: list[str] = []
    index = 0
    for index, line in enumerate(lines):  # noqa: B007 (the body starts where this stops)
        text = line.text.strip()
        if not text:
            continue
        if m := _ZH_FIELD.match(text):
            fields[m.group("key")] = (m.group("value").strip(), line.number)
        elif fields:
            break
        elif len(titles) < _ZH_TITLE_LINES and not re.search(r"[：:]", text):
            titles.append(text)
        else:
            return None
    else:
        index = len(lines)
    if len(fields) < 2 or not ({"时间", "日期", "地点"} & set(fields)):
        return None

    when = (fields.get("时间") or fields.get("日期") or ("", 0))[0]
    stub, _, time = _split_date(when)
    people: list[HeaderEntry] = []
    for key, (value, number) in fields.items():
        role = None if key in _ZH_PRESENT else key.rstrip("人者")
        if key in _ZH_PRESENT or role in {"翻译", "记录"}:
            people += [HeaderEntry(name, role, number) for name in split_names(value)]
    title = "".join(titles)
    metadata = Metadata(
        title=title,
        date=stub.date if stub else None,
        summary=fields.get("主题", ("", 0))[0] or None,
        original_language="zh",
        record_type=record_type(title),
        layout="chinese-record",
        place=fields.get("地点", ("", 0))[0] or None,
        time_of_day=time or None,
    )
    return Header(metadata, lines[index:], people)


READERS: tuple[HeaderReader, ...] = (read_wilson, read_frus, read_chinese)


def read_header(lines: list[Line], source: str) -> Header | None:
    """The header of the first layout that recognises the file, or None."""
    for reader in READERS:
        if header := reader(lines, source):
            return header
    return None
