"""The parsing pipeline: bytes in, a ParsedDocument (or a ParseError) out. No database.

decode → front matter → notes off the end → header (layout detected) → sidecar and
front matter fields → split languages (debris out, paragraphs rejoined) → turns per
language (label styles detected) → align the languages → attendance → note
markers → topics and mentions.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from app.ingest.attendance import Entry, entry_for, list_entries, pair_attendance
from app.ingest.body import Paragraph, split_languages
from app.ingest.dates import (
    ENGLISH_MONTHS,
    days_first,
    find_date_span,
    number,
    opening_date,
    parse_date,
)
from app.ingest.head import RECORD_WORDS, Header, is_title, stamped
from app.ingest.labels import PRIME_MINISTER, REPORTING_STYLES
from app.ingest.metadata import promised_languages
from app.ingest.model import (
    Attendee,
    Debris,
    Line,
    Metadata,
    Note,
    Notice,
    ParsedDocument,
    ParseError,
    Speaker,
    Unit,
)
from app.ingest.notes import is_source, note_markers, source_note
from app.ingest.page import Page, read_page
from app.ingest.registry import Registry
from app.ingest.roster import LESSER_OFFICE, Roster
from app.ingest.sidecar import (
    SIDECAR_SUFFIX,
    Overrides,
    Sidecar,
    apply,
    parse_sidecar,
    split_front_matter,
)
from app.ingest.source import BULLET, content_hash, decode
from app.ingest.tagging import annotate
from app.ingest.turns import OPENING_REMARKS, Version, VersionUnit, segment
from app.languages import language_name
from app.schemas import Kind
from app.textnorm import fold, latin_language, name_key, script_language, slugify


def _describe(unit: VersionUnit) -> str:
    who = unit.speaker.label if unit.speaker else "narration"
    return f"{who} (line {unit.text.line_start})"


def _same_speaker(a: Speaker | None, b: Speaker | None) -> bool:
    """Both narration, the same person, or two labels no reference covers (paired by place)."""
    if a is None or b is None:
        return a is b
    return a.key == b.key or not (a.resolved or b.resolved)


def align(versions: dict[str, list[VersionUnit]], original: str, source: str) -> list[Unit]:
    """Pair the languages' units one to one, or name the first place they diverge."""
    base = versions[original]
    for lang, other in versions.items():
        if lang == original:
            continue
        turn = 0
        for index in range(max(len(base), len(other))):
            a = base[index] if index < len(base) else None
            b = other[index] if index < len(other) else None
            if a is not None and a.kind is not Kind.NARRATION:
                turn += 1
            if a is None or b is None:
                longer, shorter, present = (lang, original, b) if a is None else (original, lang, a)
                assert present is not None
                long_name, short_name = language_name(longer), language_name(shorter)
                raise ParseError(
                    source,
                    present.text.line_start,
                    f"the {short_name} version ends before the {long_name} one: "
                    f"{long_name} has {_describe(present)} at position {index + 1} with "
                    f"nothing to match it (the {short_name} text may be truncated)",
                )
            if not (a.kind == b.kind and _same_speaker(a.speaker, b.speaker)):
                what = f"turn {turn}" if a.kind is not Kind.NARRATION else f"unit {index + 1}"
                raise ParseError(
                    source,
                    b.text.line_start,
                    f"the languages diverge at {what}: {language_name(original)} has "
                    f"{_describe(a)}, {language_name(lang)} has {_describe(b)}; expected the same "
                    "speakers in the same order in every language",
                )
    units: list[Unit] = []
    for index, unit in enumerate(base):
        texts = {lang: versions[lang][index].text for lang in versions}
        units.append(Unit(index + 1, unit.kind, unit.speaker, texts))
    return units


def _slug(metadata: Metadata, source: str) -> tuple[str, bool]:
    """(the document's id, whether it was made from the file name): an id the record is
    given, else the Wilson Center's number, else the file name."""
    if metadata.document_id:
        return slugify(metadata.document_id), False
    if metadata.source_id and metadata.source_url and "wilson" in metadata.source_url:
        return slugify(f"wilson-{metadata.source_id}"), False
    return slugify(re.sub(r"\.[^.]+$", "", source.rsplit("/", 1)[-1])), True


def _metadata(page: Page, source: str, fields: list[Overrides], front_matter: bool) -> Metadata:
    """The metadata the page gives, with front matter and sidecar fields over it."""
    if page.header is None:
        metadata = Metadata(title="", date=None, layout="plain")
    else:
        metadata = page.header.metadata
    if front_matter and metadata.layout == "plain":
        metadata.layout = "front-matter"
    for overrides in fields:
        apply(metadata, overrides)
    if (citation := source_note(page.notes)) and metadata.citation is None:
        # "National Archives, …, Box 91, …. Top Secret; Sensitive. …": the first sentence
        # is where the paper is; the rest is its classification and the editors' remarks.
        metadata.citation = citation
        metadata.reference.archive = metadata.reference.archive or citation.split(". ")[0]
    return metadata


def _note_marks(units: list[Unit], notes: list[Note]) -> list[Notice]:
    """Mark footnote references in the turns; say which notes nothing refers to. Without
    notes (a page copied without them) the digits glued after punctuation are marks."""
    marks = {note.mark for note in notes} if notes else None
    used: set[str] = set()
    for unit in units:
        for text in unit.texts.values():
            markers = note_markers(text.text, marks)
            if not markers:
                continue
            used.update(mark for _, mark in markers)
            found = [span for span, _ in markers]
            # "[3]" is a note marker, not an editorial insertion.
            kept = [
                s
                for s in text.spans
                if not any(n.start <= s.start and s.end <= n.end for n in found)
            ]
            text.spans = sorted([*kept, *found], key=lambda s: s.start)
    return [
        Notice(note.line, f"note {note.mark} is not referred to anywhere in the text")
        for note in notes
        if note.mark not in used and not is_source(note)
    ]


def parse_document(
    data: bytes, source: str, registry: Registry, sidecar: Sidecar | None = None
) -> ParsedDocument:
    lines = decode(data, source)
    with days_first(_writes_day_first(lines)):
        return _parse_lines(lines, data, source, registry, sidecar)


_LANGUAGE_SAMPLE = 20000  # characters


def _writes_day_first(lines: list[Line]) -> bool:
    """Whether the page is in a language of Latin letters that puts the day before the
    month in a slashed date: any but English, whose American pages put the month first
    (a Russian page writes dates with dots; where it has slashes, they are often its
    English translation's)."""
    sample = "\n".join(line.text for line in lines)[:_LANGUAGE_SAMPLE]
    if not _SLASHED_DATE.search(sample):
        return False  # (the cheap test first: no slashed date to read either way)
    return script_language(sample) == "en" and latin_language(sample) != "en"


_SLASHED_DATE = re.compile(r"\d/\d{1,2}/\d")


def _parse_lines(
    lines: list[Line], data: bytes, source: str, registry: Registry, sidecar: Sidecar | None
) -> ParsedDocument:
    front, lines = split_front_matter(lines, source)
    fields = [f for f in (front, parse_sidecar(sidecar) if sidecar else None) if f]
    page = read_page(lines, source, registry)
    heading = page.header.metadata.title if page.header else ""
    metadata = _metadata(page, source, fields, front is not None)
    body = page.body
    if not any(line.text.strip() for line in body):
        raise ParseError(source, lines[-1].number if lines else 1, "no text after the header")
    paragraphs_by_lang, debris = split_languages(body, source)
    if not paragraphs_by_lang:
        raise ParseError(source, body[0].number, "no text after the header")
    _check_promised_languages(metadata, paragraphs_by_lang, source, lines[-1].number)

    roster = page.roster or Roster(registry)
    # ("【冒頭発言】" over the minister's first words, taken out as the site's section heading)
    remarks = (
        d.line for d in page.debris if d.kind == "furniture" and OPENING_REMARKS.search(d.text)
    )
    remarks_at = next(remarks, None)
    try:
        versions, unaligned = _segment(paragraphs_by_lang, metadata, roster, source, remarks_at)
    except ParseError:
        _refuse_listing(lines, source)  # the plainer reason, where it holds
        raise
    if not set(next(iter(versions.values())).styles) - REPORTING_STYLES:
        _refuse_listing(lines, source)  # (a list's summaries read as reported speech)
    languages = list(versions)
    original = languages[0]
    titles = {lang: _version_title(v) for lang, v in versions.items()}
    if heading and not titles.get(original):
        titles[original] = heading
    version = versions[original]
    if metadata.date is None:
        metadata.date = (
            _date_before_turns(version)
            or _agency_dateline(version, page.header.debris if page.header else [])
            or _date_after_turns(version)
            or _stamped_turns(version)
            or _posted_that_day(version, page.header.posted if page.header else None)
        )
    elif page.header is not None and page.header.weak_date and not fields:
        # a catalogue's "Publication Date:" above the record's own "DATE: 29 July 1963", a
        # paper's posting stamp above a lead that names the day before (or "last week")
        metadata.date = (
            _date_field_before_turns(version)
            or _posted_that_day(version, page.header.posted)
            or (
                _posted_before(version, metadata.date)
                if metadata.date == page.header.posted
                else metadata.date
            )
        )
    notices = _title_and_date(metadata, titles.get(original, ""), source, body[0].number)

    units = align({lang: v.units for lang, v in versions.items()}, original, source)
    _offices_to_holders(units, roster, page.header)
    _surnames_with_posts(units)
    notices += [n for v in versions.values() for n in v.notices]
    attendees = _attendance(versions, page.header, original, roster, notices)
    notices += _note_marks(units, page.notes)
    notices += _unresolved(units, original)
    mentioned = annotate(units, registry, original)
    slug, id_from_file = _slug(metadata, source)
    return ParsedDocument(
        slug=slug,
        id_from_file=id_from_file,
        source_name=source,
        content_hash=content_hash(data, sidecar.data if sidecar else b""),
        metadata=metadata,
        languages=languages,
        units=units,
        attendees=attendees,
        mentioned=mentioned,
        debris=[*page.debris, *debris, *unaligned],
        titles={lang: t for lang, t in titles.items() if t},
        notes=page.notes,
        label_styles=dict(versions[original].styles.most_common()),
        notices=sorted(notices, key=lambda n: n.line),
    )


_LISTED = 3  # records a page lists before it is taken for a list of them
_LISTED_PAPERS = 5  # papers of any kind, by their titles' capitals alone
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?]\s")


def _capitalised_line(text: str) -> bool:
    """A title's line: half its words capitalised at least, no sentence ending in it."""
    words = text.split()
    capitalised = sum(word[:1].isupper() or word[:1] in "[(\"'‘“" for word in words)
    return capitalised * 2 >= len(words) and not _SENTENCE_INSIDE.search(text)


# Lines from one listed record's date to the next one's: a title and a summary, twice over
# where an entry's date is one the reader does not take ("April, 1950").
_ENTRY_ROWS = 6
_YEARISH = re.compile(r"\d{4}|年")  # what a date alone holds: its year


def _refuse_listing(lines: list[Line], source: str) -> None:
    """Refuse a collection's or a search's page: records one after another, each a date
    alone, its title and a summary at most ("Shtykov reports a meeting with Kim Il Sung"
    reads as a turn, but no one spoke it). A page of whole records has many paragraphs
    under each title."""
    rows = [line for line in lines if line.text.strip()]
    dated = [
        (i, day, title)
        for i, (line, below) in enumerate(itertools.pairwise(rows))
        if _YEARISH.search(line.text)  # (the cheap test first: every line is asked)
        and (day := parse_date(BULLET.sub("", line.text)))
        and not (title := below.text.strip()).endswith(".")  # (a diary's "Meeting with…")
        and len(title.split()) >= 4
    ]
    # the titles of records ("Record of Conversation between …"), three at least; or of
    # any papers ("Zhou Enlai's Approval of …", "… Letter to Prime Minister Nehru"), each a
    # line of capitalised words, where a search lists many
    titled = [i for i, _, title in dated if is_title(title)]
    headed = [(i, day) for i, day, title in dated if _capitalised_line(title)]
    # (papers whose dates are out of order, as a search ranks them: not a diary's days nor a
    # memorandum's related documents, in the order of their days)
    days = [day for _, day in headed]
    ordered = days in (sorted(days), sorted(days, reverse=True))
    papers = [] if ordered else [i for i, _ in headed]
    for entries, least in ((titled, _LISTED), (papers, _LISTED_PAPERS)):
        if len(entries) >= least and all(
            b - a <= _ENTRY_ROWS for a, b in itertools.pairwise(entries)
        ):
            break
    else:
        return
    numbers = ", ".join(str(rows[i].number) for i in entries)
    raise ParseError(
        source,
        rows[entries[0]].number,
        f"the page lists {len(entries)} records (a date and a title each, at lines "
        f"{numbers}) rather than holding one: load each record's own page",
    )


def _check_promised_languages(
    metadata: Metadata, paragraphs_by_lang: dict[str, list[Paragraph]], source: str, last: int
) -> None:
    for lang in promised_languages(metadata):
        if lang not in paragraphs_by_lang:
            raise ParseError(
                source,
                last,
                f"the header's Contents promise a {language_name(lang)} version but the file has "
                f"no {language_name(lang)} text (it may be truncated or the translation missing)",
            )


def _segment(
    paragraphs_by_lang: dict[str, list[Paragraph]],
    metadata: Metadata,
    roster: Roster,
    source: str,
    remarks_at: int | None = None,
) -> tuple[dict[str, Version], list[Debris]]:
    """Each language version's turns, the original first (the header's language, else the
    longest version). A run of text in another language with no turns in it (a
    translator's preface, a list of names) is kept as unaligned text, not taken for a
    version; a file where no version holds a turn holds no conversation."""
    original = metadata.original_language
    if original not in paragraphs_by_lang:
        original = max(paragraphs_by_lang, key=lambda lang: len(paragraphs_by_lang[lang]))
    order = [original] + [lang for lang in paragraphs_by_lang if lang != original]
    versions: dict[str, Version] = {}
    unaligned: list[Debris] = []
    for lang in order:
        paras = paragraphs_by_lang[lang]
        version = segment(paras, lang, metadata.title, roster, remarks_at)
        if any(u.kind is not Kind.NARRATION for u in version.units):
            versions[lang] = version
        else:
            unaligned += [Debris(lang, p.line_start, p.text, "unaligned") for p in paras]
    if not versions:
        raise ParseError(
            source,
            paragraphs_by_lang[original][0].line_start,
            f"the {language_name(original)} version holds no conversation: no paragraph opens "
            "with a speaker label that recurs or names a participant ('Stalin: …', "
            "'Stalin. …', 'STALIN says…', 'Molotov asks whether…', a name on a line of "
            "its own)",
        )
    metadata.original_language = next(iter(versions))
    return versions, unaligned


def _agency_dateline(version: Version, furniture: list[Debris]) -> dt.date | None:
    """The day a news agency's dateline gives ("新华社北京3月8日电", no year), in the year
    of the site's stamp on the page ("2017-03-09 07:20:20  来源:新华社")."""
    posted = next(
        (
            found[0]
            for debris in furniture
            if (found := find_date_span(debris.text)) and stamped(debris.text, found[1], found[2])
        ),
        None,
    )
    if posted is None:
        return None
    # (in the lead, after a photo's caption too: "…记者会上答记者问。新华社记者 孙一鸣 摄新华社…")
    lead = [u.text.text for u in version.units[:1] if u.kind is Kind.NARRATION]
    for text in [*(debris.text for debris in furniture), *lead]:
        if (m := _AGENCY_DAY.search(text) or _BROADCAST_DAY.search(text)) is not None:
            return _dateline_day(int(m["month"]), int(m["day"]), posted)
    return None


def _posted_that_day(version: Version, posted: dt.date | None) -> dt.date | None:
    """The day a page was posted, where its opening (the narration before the first turn,
    or a host's welcome: a speaker's own "today" may be any day) sets the talk on it:
    "today", or the day of the month alone ("14일 오후 3시", "14日下午"); not an
    anniversary's ("20 years ago today")."""
    if posted is None or not version.units:
        return None
    opening = version.units[: 1 + (version.units[0].kind is Kind.NARRATION)]
    opening = [
        unit
        for unit in opening
        if unit.kind is Kind.NARRATION or (unit.speaker and _HOST.search(unit.speaker.label))
    ]
    text = " ".join(unit.text.text[:_LEAD_REACH] for unit in opening)
    if _ANNIVERSARY.search(text):
        return None
    days = {day for m in _DAY_ALONE.finditer(text) if (day := number(m["day"]))}
    if _THIS_DAY.search(text) or posted.day in days:
        return posted
    # (or a day of the six before it: "18日に行った記者会見" in a story posted on the 19th)
    before = {
        held
        for day in days
        for held in (_day_in_month(posted, day), _day_in_month(posted, day, earlier=True))
        if held and dt.timedelta(0) < posted - held <= _REPORTED_WITHIN
    }
    return before.pop() if len(before) == 1 else None


_REPORTED_WITHIN = dt.timedelta(days=6)
# A lead that sets the talk before the day the page was posted, on no day it names.
_YESTERDAY = re.compile(
    # (not French "hier", German's and Dutch's "here" too)
    r"(?i:\b(?:yesterday|gestern|ayer|ieri|wczoraj|včera)\b)|вчера|昨天|昨日|어제"
)
_DAYS_BEFORE = re.compile(
    r"(?i:\b(?:last week|letzte[nr]? woche|vorige[nr]? woche|vergangene[nr]? woche|"
    r"la semaine dernière|la semana pasada|la settimana scorsa|w zeszłym tygodniu)\b)|"
    r"на прошлой неделе|上周|上星期|先週|지난주"
)


def _posted_before(version: Version, posted: dt.date | None) -> dt.date | None:
    """The day a page was posted, as the talk's for want of another, unless the opening
    sets the talk before it: "yesterday" is the day before, "last week" no day at all."""
    if posted is None or not version.units or version.units[0].kind is not Kind.NARRATION:
        return posted
    lead = version.units[0].text.text[:_LEAD_REACH]
    if _YESTERDAY.search(lead):
        return posted - dt.timedelta(days=1)
    return None if _DAYS_BEFORE.search(lead) else posted


def _day_in_month(posted: dt.date, day: int, earlier: bool = False) -> dt.date | None:
    """The day of the month in the stamp's month, or in the month before it."""
    first = posted.replace(day=1)
    month = (first - dt.timedelta(days=1)).replace(day=1) if earlier else first
    try:
        return month.replace(day=day)
    except ValueError:
        return None


_LEAD_REACH = 400  # characters of the narration before the first turn
_HOST = re.compile(
    r"(?i:\b(?:host|anchor|presenter|moderator|ведущий|ведущая|moderatore|présentateur|"
    r"presentador|moderador)\b)|앵커|진행자|사회자|主持人|司会"
)
_ANNIVERSARY = re.compile(
    r"(?i:years ago|anniversary|лет назад|годовщин|jahrestag|anniversaire|aniversario|"
    r"anniversario)|주년|년이 되|周年|年前"
)
_THIS_DAY = re.compile(
    r"(?i:\b(?:today|tonight|this (?:morning|afternoon|evening)|hoy|aujourd'hui|ce matin|"
    r"heute|oggi|dzisiaj|dziś|dnes|сегодня|сьогодні)\b)|今天|今日|本日|오늘"
)
# (not last month's: "지난달 7일", "先月7日")
_DAY_ALONE = re.compile(
    r"(?<![\d年월月])(?<![월月]\s)(?<!지난달 )(?<!지난달)(?<!先月)(?<!前月)"
    # (not "一日も早く" as soon as possible, "3日前" three days ago, "1일 평균" a day's average)
    r"(?!一日)(?P<day>\d{1,2}|[一二三四五六七八九十廿卅]{1,3})\s?[일日]"
    r"(?![\d間间前後后中以ぶ평동전후간째])"
)


def _date_before_turns(version: Version) -> dt.date | None:
    """A date before the first turn: in the version's headings; anywhere in a head the
    page ran into the first turn's paragraph ("…DATE, TIME January 14, 1991, 9:32 a.m. …
    The President: Good morning"); else only at the opening of the narration before the
    turns, in a document's dateline just above them, or where an introduction's first
    paragraphs say when the talk took place (further on, a lead or a memoir recalls other
    days than the talk's)."""
    dated = ((heading, find_date_span(heading)) for heading in version.headings)
    # (not a portal's stamp over the story: "2019年09月04日10:25 来源:…")
    stated = (d[0] for heading, d in dated if d and not stamped(heading, d[1], d[2]))
    if (found := next(stated, None)) is not None:
        return found
    units = version.units
    if not units or units[0].kind is not Kind.NARRATION:
        return None
    lead = units[0].text
    turn = next((u.text for u in units if u.kind is not Kind.NARRATION), None)
    if turn is not None and turn.line_start <= lead.line_end:  # one paragraph run together
        run_in = find_date_span(lead.text[:_HEAD_RUN_IN])
        return run_in[0] if run_in else _date_in_capitals(lead.text)
    paragraphs = lead.text.split("\n\n")
    return (
        _dateline_above_turns(paragraphs[-1])
        or opening_date(paragraphs[0])
        or _held_on("\n\n".join(paragraphs[:2]))
        or _talk_named_on("\n\n".join(paragraphs[:2])[: _LEAD_REACH * 2])
    )


# "23. srpen 1968, Moskva. – Sovětský stenografický záznam…": the document's own dateline,
# its day and place, a dash, then what it is.
_PLACE_AND_DASH = re.compile(r",\s*[^\W\d_][\w .'’-]{1,30}?\.?\s+[-–—]\s")


def _dateline_above_turns(text: str) -> dt.date | None:
    """The day a dateline gives that opens the paragraph just above the first turn (under a
    blogger's lead that recalls other days)."""
    found = find_date_span(text[:_HEAD_RUN_IN])
    if found is None or found[1] > 2 or not _PLACE_AND_DASH.match(text, found[2]):
        return None
    return found[0]


_MONTH_CAPS = "(?:" + "|".join(month.upper() for month in ENGLISH_MONTHS) + ")"
_CAPS_DATE = re.compile(rf"\b(?:{_MONTH_CAPS}\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTH_CAPS})\s+\d{{4}}\b")


def _date_in_capitals(text: str) -> dt.date | None:
    """The one date a cover page run into the first turn's paragraph prints in capitals, as
    a heading's ("…THE HONORABLE DEAN RUSK … VOLUME 10 JANUARY 23, 1966 NUMBER 4")."""
    dates = {parse_date(m.group()) for m in _CAPS_DATE.finditer(text)} - {None}
    return dates.pop() if len(dates) == 1 else None


_HEAD_RUN_IN = 400  # characters of a run-together paragraph where its head may be

# "新华社北京3月8日电": a news agency's dateline, its day without the year.
# (not a wire the lead cites: "据新华社华盛顿2月28日电")
_AGENCY_DAY = re.compile(
    r"(?:^|(?<=[。摄攝]))(?![据據])[^\s。]{0,20}?(?P<month>\d{1,2})月(?P<day>\d{1,2})日[电電]"
)


# "《新闻会客厅》栏目3月30日播出": the day a programme went out, without the year.
_BROADCAST_DAY = re.compile(
    r"(?P<month>\d{1,2})月(?P<day>\d{1,2})日(?:晚间?|上午|下午|中午)?(?:播出|播放|首播)"
)


def _dateline_day(month: int, day_of_month: int, posted: dt.date) -> dt.date | None:
    """A month and a day in the year of the page's stamp (a story is posted within days
    of its dateline, in the new year at the latest)."""
    for year in (posted.year, posted.year - 1):
        try:
            day = dt.date(year, month, day_of_month)
        except ValueError:
            return None
        if dt.timedelta(0) <= posted - day <= dt.timedelta(days=60):
            return day
    return None


# "The interrogation … took place on the 25th of March, 1946": an introduction dates the talk.
_HELD = re.compile(
    r"\b(?:took place|was held|were held|was recorded|состоял(?:ась|ся|ось|ись)|прошл[аои]|举行)"
    r"\s*(?:on\s+)?(?:the\s+)?(?:в\s+|于)?"
)


def _held_on(text: str) -> dt.date | None:
    """The date an introduction says the talk took place on."""
    for held in _HELD.finditer(text):
        found = find_date_span(text[held.end() : held.end() + 40])
        if found is not None and found[1] == 0:
            return found[0]
    return None


def _date_field_before_turns(version: Version) -> dt.date | None:
    """The date a "DATE:" field gives in the narration before the first turn; of two
    (the memorandum's and the meeting's), the earlier: a talk comes before its record."""
    dates: list[dt.date] = []
    for unit in version.units:
        if unit.kind is not Kind.NARRATION:
            break
        for m in _DATE_FIELD.finditer(unit.text.text):
            if (found := find_date_span(unit.text.text[m.end() : m.end() + 40])) and not found[1]:
                dates.append(found[0])
    return min(dates, default=None)


_DATE_FIELD = re.compile(r"\b(?:DATE|Date)(?:\s*(?:&|AND|and)\s*(?:TIME|Time))?\s*[:,]\s*")


def _date_after_turns(version: Version) -> dt.date | None:
    """A date the narration after the last turn gives the record in a sentence that names
    it ("Так заканчивается стенограмма беседы … 10 ноября 1970 года"); not one about the
    paper: when it was drafted, kept or published ("…рассекречена 14 марта 1994 года")."""
    units = version.units
    last = max((i for i, u in enumerate(units) if u.kind is not Kind.NARRATION), default=-1)
    if 0 <= last < len(units) - 1 and (alone := parse_date(units[last + 1].text.text.strip())):
        return alone  # "03.02.1985" under the talk: a diary's entry dated after its text
    for unit in units[last + 1 :] if last >= 0 else []:
        if found := _talk_named_on(unit.text.text):
            return found
    return None


# Where a sentence ends: not at a German or Czech day's stop ("am 1. August 1961").
_SENTENCE_BREAK = re.compile(r"(?<=[^\d\s][.!?])\s+|(?<=[。！？])\s*")


def _talk_named_on(text: str) -> dt.date | None:
    """The date of the first sentence that names the talk and gives a date ("…die Protokolle
    des Telefongesprächs … am 1. August 1961", "1980年8月21日,鄧小平…會見了…"), not one about
    the paper (when it was drafted, kept or published) nor one about another talk the lead
    reports or follows on."""
    for sentence in _SENTENCE_BREAK.split(text):
        folded = fold(sentence)
        if not RECORD_WORDS.search(folded) or _ABOUT_THE_PAPER.search(folded):
            continue
        if found := find_date_span(sentence):
            return found[0]
    return None


# "…回答得了的问题。 [ 2007-03-20 14:35:55 ]": a web chat stamps each turn with its time.
_TURN_STAMP = re.compile(
    r"[\[(（]\s*(?P<date>\d{4}-\d{1,2}-\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?\s*[\])）]\s*$"
)


def _stamped_turns(version: Version) -> dt.date | None:
    """The day of the time stamps that end the turns of a chat, two of them at least."""
    stamps = [
        m["date"]
        for unit in version.units
        if unit.kind is not Kind.NARRATION and (m := _TURN_STAMP.search(unit.text.text))
    ]
    return parse_date(stamps[0]) if len(stamps) >= 2 else None


_ABOUT_THE_PAPER = re.compile(
    r"архив|рассекреч|хранит|опубликова|издан|публикац|составлен|продиктова|archive|"
    r"declassif|publish|releas|kept|draft|dictat|typed|档案|解密|出版|发表|整理|"
    # (nor one the lead reports before the talk at hand: "follows a telephone call …,
    # reported on 2 March")
    r"report|announc|follow|preced|сообщ|объяв|报道|宣布"
)


def _version_title(version: Version) -> str:
    return " ".join(h for h in version.headings if parse_date(h) is None)


def _title_and_date(metadata: Metadata, heading: str, source: str, line: int) -> list[Notice]:
    """The title from the version's heading or the file name, and notices for what the
    record does not state."""
    notices: list[Notice] = []
    metadata.title = metadata.title or heading
    if not metadata.title:
        metadata.title = _fallback_title(source)
        notices.append(Notice(line, f"the record states no title; it is called {metadata.title!r}"))
    if metadata.date is None:
        notices.append(
            Notice(
                line,
                "the record states no date; it loads undated (give `date: YYYY-MM-DD` in a "
                f"NAME{SIDECAR_SUFFIX} file beside it or in YAML front matter to date it)",
            )
        )
    return notices


def _fallback_title(source: str) -> str:
    """A record with no title anywhere is called by its file name."""
    stem = re.sub(r"\.[^.]+$", "", source.rsplit("/", 1)[-1])
    return re.sub(r"[_-]+", " ", stem).strip() or stem


def _attendance(
    versions: dict[str, Version],
    header: Header | None,
    original: str,
    roster: Roster,
    notices: list[Notice],
) -> list[Attendee]:
    """Everyone the header and the versions' attendance lists name."""
    lists: dict[str, list[Entry]] = {}

    def add(lang: str, entries: list[Entry], line: int) -> None:
        known = {e.person.key for e in lists.get(lang, [])}
        for entry in entries:
            if entry.person.key in known:
                continue
            known.add(entry.person.key)
            lists.setdefault(lang, []).append(entry)
            if not entry.person.resolved and lang == original:
                notices.append(
                    Notice(
                        line,
                        f"attendee {entry.written!r} matches no known person; it will be "
                        "loaded as an unresolved participant",
                    )
                )

    notices.extend(
        Notice(line, f"{raw!r} in the attendance list names nobody")
        for line, raw in (header.unplaced if header else [])
    )
    for item in header.attendance if header else []:
        entry = entry_for(item.name, roster, item.description)
        if entry is None:
            notices.append(Notice(item.line, f"{item.name!r} in the header names nobody"))
        else:
            add(original, [entry], item.line)
    for lang, version in versions.items():
        for unit in [*version.lists, *version.units]:
            if not unit.attendance:
                continue
            entries, unplaced = list_entries(unit.text.text, lang, roster)
            add(lang, entries, unit.text.line_start)
            notices.extend(
                Notice(unit.text.line_start, f"{raw!r} in the attendance list names nobody")
                for raw in unplaced
            )
    return pair_attendance(lists, original) if lists else []


def _offices_to_holders(units: list[Unit], roster: Roster, header: Header | None) -> None:
    """A label that is an office alone ("主席：", "The Chairman:") names the one person the
    record lists who speaks under no other label: the record keeper wrote the office
    where the list has the name. Not where the list itself has the office ("The
    President" among the participants)."""
    _offices_named_once(units)
    if header is None:
        return
    listed = (roster.member_for(entry.name) for entry in header.attendance)
    listed_offices = {m.speaker.key for m in listed if m and roster.is_office(m.written)}
    speaking = {u.speaker.key for u in units if u.speaker is not None}
    members = {m.speaker.key for m in roster.members if not roster.is_office(m.written)}
    offices = (
        {
            u.speaker.key
            for u in units
            if u.speaker is not None
            and not u.speaker.resolved
            and u.speaker.key not in members
            and roster.is_office(u.speaker.label)
        }
        - listed_offices
        - {PRIME_MINISTER.key}
    )  # ("PM": not whoever the title names, "Sydney")
    office_words = {
        name_key(word)
        for u in units
        if u.speaker and u.speaker.key in offices
        for word in u.speaker.label.split()
    }
    # those the head lists or its title names (not a signature, not a name in passing)
    named = {name_key(e.name) for e in header.attendance} | set(map(name_key, header.names))
    silent = [
        m
        for m in roster.members
        if m.speaker.key not in speaking
        and name_key(m.written) in named
        and not m.titles & {"interpreter", "notetaker", "notetakers"}
        and not _ASKS.match(m.written)  # ("Interviewer Paul Morgan" holds no office)
        and (not m.titles or m.titles & office_words)  # not "Chairman Kosygin" for "Ambassador"
        and not (m.titles - office_words) & LESSER_OFFICE  # nor a Vice President for "President"
    ]
    if len(offices) != 1 or len(silent) != 1:
        return
    holder = silent[0].speaker
    for unit in units:
        if unit.speaker is not None and unit.speaker.key in offices:
            unit.speaker = Speaker(holder.key, unit.speaker.label, holder.resolved)


_ASKS = re.compile(r"(?i:interviewer|moderator|host|presenter)\b")


def _offices_named_once(units: list[Unit]) -> None:
    """An office alone ("PRIME MINISTER:") names the one speaker whose label gave it after
    his name ("ANTHONY ALBANESE, PRIME MINISTER:")."""
    holders: dict[str, set[Speaker]] = {}
    for unit in units:
        speaker = unit.speaker
        if speaker is None:
            continue
        name, comma, post = speaker.label.rpartition(",")
        if comma and name.strip() and post.strip() and not _MANY_HOLD.search(post):
            holders.setdefault(post.strip().casefold(), set()).add(
                Speaker(speaker.key, "", speaker.resolved)
            )
            continue
        found = holders.get(speaker.label.strip().casefold(), set())  # (named above only)
        if not speaker.resolved and len(found) == 1:
            holder = next(iter(found))
            unit.speaker = Speaker(holder.key, speaker.label, holder.resolved)


# A Korean paper's speaker by his surname and post ("김 위원장"), or by his full name and
# the same post ("김정일 위원장").
_KOREAN_SURNAME_POST = re.compile(
    r"(?P<surname>[가-힣])(?P<given>[가-힣]{1,3})?\s+(?P<post>[가-힣\s]{2,12})"
)


def _surnames_with_posts(units: list[Unit]) -> None:
    """ "김 위원장" is the one speaker labelled with a full name of that surname and the same
    post ("김정일 위원장", not "김대중 대통령"): how the paper shortens him after his first turn."""
    full: dict[tuple[str, str], set[Speaker]] = {}
    for unit in units:
        written = unit.speaker.label.strip() if unit.speaker else ""
        if unit.speaker and (m := _KOREAN_SURNAME_POST.fullmatch(written)) and m["given"]:
            whose = Speaker(unit.speaker.key, "", unit.speaker.resolved)
            full.setdefault((m["surname"], m["post"].strip()), set()).add(whose)
    for unit in units:
        if unit.speaker is None or unit.speaker.resolved:
            continue
        m = _KOREAN_SURNAME_POST.fullmatch(unit.speaker.label.strip())
        holders = full.get((m["surname"], m["post"].strip()), set()) if m else set()
        if m and not m["given"] and len(holders) == 1:
            holder = next(iter(holders))
            unit.speaker = Speaker(holder.key, unit.speaker.label, holder.resolved)


# Parts many people may speak in: "MARK RILEY, JOURNALIST:" does not make every
# "JOURNALIST:" his.
_MANY_HOLD = re.compile(
    r"(?i:journalist|reporter|question|caller|audience|interviewer|host|presenter|guest|"
    r"participant|member|student|voice|speaker|senator|deputy|mp\b)"
)


def _unresolved(units: list[Unit], original: str) -> list[Notice]:
    """The first turn of each speaker no reference entry covers."""
    seen: set[str] = set()
    notices: list[Notice] = []
    for unit in units:
        speaker = unit.speaker
        if speaker is None or speaker.resolved or speaker.key in seen:
            continue
        seen.add(speaker.key)
        notices.append(
            Notice(
                unit.texts[original].line_start,
                f"speaker {speaker.label!r} matches no known person; it will be loaded as an "
                "unresolved participant",
            )
        )
    return notices
