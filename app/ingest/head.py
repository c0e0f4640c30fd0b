"""The head of a record, whatever page it was copied from: title, date, place, time,
subject, and who was there.

Every piece is optional evidence. The head is whatever comes before the first turn;
each of its lines is read for what it is:

    furniture      the site's chrome (furniture.py) and short lines before the title
    field          `PARTICIPANTS:`, `DATE & TIME:`, `PLACE:`, `Present [at the meeting]:`,
                   `Участники:`, `参加人：`, `參加者`, `日期與時間`, `地點` … (any case, either
                   colon, traditional or simplified characters)
    participant    a name and an office, one a line, bulleted or not, under a field or
                   in a run of their own
    date line      `Peking, October 21, 1971, 4:10-5:00 p.m.`, `3 октября 1959 г.`,
                   `1970年7月2日晚8时`: the date, the place before it, the time after it
    title          the first line that reads as one (`57. Memorandum of Conversation1`
                   → `Memorandum of Conversation`)
    prose          sentences: narration when they come after the rest of the head

A record with no date anywhere still has a head; the parser reports the missing date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from app.ingest.attendance import split_names
from app.ingest.body import debris_kind as debris_kind_of
from app.ingest.dates import find_date, find_date_span, is_month, opening_date, parse_date
from app.ingest.fields import FIELD, FIELDS, closed_up
from app.ingest.furniture import is_breadcrumb, is_furniture, is_menu, is_short_line
from app.ingest.metadata import parse_citation, record_type
from app.ingest.model import Debris, Line, Metadata
from app.ingest.registry import INITIALS, Registry
from app.ingest.roster import LABEL_WORD, clean_label, split_titles
from app.ingest.source import BULLET, BULLET_SYMBOL, WITHHELD_NAME, display_width
from app.textnorm import (
    CYRILLIC,
    CYRILLIC_CAPITALS,
    CYRILLIC_SMALL,
    HAN,
    LOWER,
    UPPER,
    fold,
    script_language,
)

# "U.S. Side:", "Chinese side", "с советской стороны —", "中方：": a group heading in a list.
_SIDE = re.compile(
    r"^[(（]?(?:(?:the\s+)?[\w.’' -]{1,30}\s+side|from (?:our|the [\w.-]+) side|"
    rf"[сc] (?:нашей|[{CYRILLIC_SMALL}]+ской) стороны|[\u4e00-\u9fff]{{1,4}}方)[)）]?"
    r"\s*[:：—–-]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_SYMBOL_BULLET = re.compile(rf"^\s*(?:{BULLET_SYMBOL})")
# "Беседы Молотова с Шуленбургом": whose talk a Russian title says it was, and with whom.
_RU_TALK = re.compile(
    rf"\b(?i:беседы|встречи|разговора)\s+(?:Тов\.\s+)?(?P<host>[{CYRILLIC_CAPITALS}][{CYRILLIC_SMALL}-]{{2,}})"
    rf"\s+(?i:со?)\s+(?:Тов\.\s+)?(?P<guest>[{CYRILLIC_CAPITALS}][{CYRILLIC_SMALL}-]{{2,}})"
)
# "… послом Германии в СССР Ф. Шуленбургом": a person named by his initials after the
# place of his office.
_PERSON_AFTER_PLACE = re.compile(rf"^\s*\S+\s+(?:[{UPPER}]\.\s?){{1,2}}[{UPPER}][{LOWER}-]+\s*$")
# The stems of offices a Russian title may name instead of a person ("с послом").
_RU_OFFICE = re.compile(
    r"посл|министр|председател|президент|секретар|канцлер|премьер|маршал|генерал|товарищ|"
    r"заместител|советник|делегаци|представител"
)
# Words that make a line a record's title in any of the archives' languages.
RECORD_WORDS = re.compile(
    r"\b(?:memorandum|memcon|conversations?|talks?|meeting|minutes|record|transcript|"
    r"discussion|interview|journal|diary|notes? (?:of|on)|telcon|telephone|exchange|"
    r"telegram|cable|despatch|dispatch|airgram|"
    r"(?:news |press )?conference|\w*pressekonferenz\w*|tiskov\w+ konferenc\w*|"
    r"konferencj\w* prasow\w*|conferenz[ae] stampa|"
    r"briefing|audience|luncheon|dinner|sessions?|hearings?|"
    r"question-and-answer|gespräch|unterredung|entretien|entrevista|conversación|intervista|"
    r"aktennotiz|niederschrift|protokoll|stenogramm|protokół|posiedzenie|rozmowa|wywiad|"
    r"záznam|rozhovor|zápis|procès-verbal|compte rendu|verbale|resoconto|acta|"
    r"пресс-конференци[яи]|интервью|"
    r"бесед[аыуе]?|запис[ьи]|стенограмма|встреч[аиуе]|переговоры|протокол|дневник[а-я]*|"
    r"(?:шифр)?телеграмм[аы])\b|"
    r"\w+gesprächs?\b|"  # (a German compound: "des Telefongesprächs")
    r"\w+protokolls?\b|\bBPK\b|"  # ("Wortprotokoll", "BPK vom 6. Mai")
    r"谈话|会谈|会见|记录|纪要|接见|会晤|谈判|备忘录|答记者问|记者招待会|记者会|发布会|电报|"
    # (Greek, Arabic, Hebrew and Hindi: an interview, a talk, a meeting, minutes)
    r"συνέντευξη|συνομιλία|συνάντηση|πρακτικά|حوار|مقابلة|لقاء|محضر|ראיון|שיחה|פרוטוקול|"
    # (Korean and Japanese: an interview, a talk, a press conference, a briefing)
    r"인터뷰|대담|회담|기자회견|브리핑|インタビュー|会談|会见|記者会見|记者会见|"
    r"साक्षात्कार|बातचीत|इंटरव्यू",
    re.IGNORECASE,
)
# "57. Memorandum of Conversation1", "**Title**", "## Title", "Title [1]".
_TITLE_NUMBER = re.compile(
    r"^(?:\d{1,4}\.|(?:Document|Doc\.|Документ)\s+(?:No\.?|№)?\s*\d{1,4}[.:])\s+(?=\S)"
)
_TRAILING_MARKS = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[.)”\"’]))\d{1,2}(?:\s\d{1,2})*$|\s?\[\d{1,2}\]$"
)
_MARKDOWN = re.compile(r"^[#>\s]+|^\*\*|\*\*$")
# "Transcript … (Kissinger) and … (Dobrynin)": people a title names in brackets.
_TITLE_NAME = re.compile(rf"\((?P<name>[{UPPER}][\w'’.-]+(?:\s+[{UPPER}][\w'’.-]+){{0,3}})\)")
# '"Conversation between …," November 05, 1962, … Digital Archive, …': a citation line.
_CITATION = re.compile(r"^[\"“](?P<title>[^\"”]{8,300}?),?[\"”],?\s+(?P<rest>.+)$")
# A time to the second is a page's timestamp, never the hour of a conversation.
_STAMP = re.compile(r"^\d{1,2}:\d{2}:\d{2}")
_SITE_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}")  # (a Chinese portal's; "Baghdad" is a place)
_WEEKDAY = re.compile(
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|среда|"
    r"четверг|пятница|суббота|воскресенье)$"
)
_POSTED_AT = re.compile(r"(?:г\.|года)?\s*\d{1,2}:\d{2}\b(?!\s*(?:[-–—]|[ap]\.?m))")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?!\d)")
_SECONDS = re.compile(r"\d{1,2}:\d{2}:\d{2}")
_POSTED_CLOCK = re.compile(r"\d{1,2}\s?[時시]\s?\d{1,2}\s?[分분]")  # (alone: no range, no place)
_SENTENCE_END = re.compile(r"[.!?。！？…]['\"”’»)\]]*$")
_FRUS = re.compile(r"Foreign Relations of the United States|history\.state\.gov|^\[Page \d+\]$")
_URL = re.compile(r"https?://\S+")
_FRUS_ID = re.compile(r"/historicaldocuments/(?P<id>[^/\s]+/d\d+)")
_ROLE_WORDS = re.compile(
    r"\b(?:staff|minister|ministry|secretary|ambassador|interpreter|notetaker|assistant|"
    r"director|chairman|premier|president|counselor|counsellor|adviser|advisor|chief|deputy|"
    r"member|officer|aide|head|department|office|council|committee|embassy|consul|general|"
    r"affairs|bureau|delegation|translator|government|party|state|foreign|national|security)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class HeaderEntry:
    """Someone the header lists as present, as written there."""

    name: str
    description: str | None
    line: int


@dataclass(slots=True)
class Header:
    metadata: Metadata  # title "" when the head gives none
    body: list[Line]
    attendance: list[HeaderEntry] = field(default_factory=list)
    debris: list[Debris] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # people the title names
    unplaced: list[tuple[int, str]] = field(default_factory=list)  # list items naming nobody
    # Whether the date is only a citation's or a catalogue's, which a date field of the
    # record's own (below the head) outranks.
    weak_date: bool = False
    posted: dt.date | None = None  # the site's first posting stamp (not the talk's date)


def strip_markdown(text: str) -> str:
    return _MARKDOWN.sub("", _MARKDOWN.sub("", text.strip())).strip()


_BYLINE_HAN = re.compile(r"[\u4e00-\u9fff]{2,4}[:：](?=[\u4e00-\u9fff])")
# An e-book reader's heading: "Читать онлайн «Дневник» — Страница 57", "Read online "…" - Page 3".
_READER_PAGE = re.compile(r"\s*[-–—|:]\s*(?:страница|стр\.|page|p\.)\s*\d+$", re.IGNORECASE)
_READ_ONLINE = re.compile(
    r"^(?:читать|read)(?:\s+(?:онлайн|online|бесплатно|free|книгу|the book))+\s*[:-]?\s*"
    r"[«“\"](?P<title>[^«»“”\"]+)[»”\"]$"
    # '"Феликс Чуев. Сто сорок бесед с Молотовым " - читать интересную книгу автора'
    r"|^[«“\"](?P<book>[^«»“”\"]+?)\s*[»”\"]\s*[-–—]\s*(?:читать|read)\b.*$",
    re.IGNORECASE,
)


def clean_title(text: str) -> str:
    """The title as a historian cites it: no FRUS number, no footnote mark, no site's
    "(图)" or "(1)" after it, no reader's "read online … page N" around it."""
    text = _TITLE_NUMBER.sub("", strip_markdown(text))
    text = re.sub(r"^SUBJ(?:ECT)?:\s*", "", text)  # a cable's subject line is its title
    text = _READER_PAGE.sub("", text)
    if m := _READ_ONLINE.match(text):
        text = m["title"] or m["book"]
    text = re.sub(r"\s*[(（【](?:图|组图|多图|图文|附图|视频|全文|\d{1,2})[)）】]$", "", text)
    # "бет21/45", but not "3/14/91", a date
    text = re.sub(r"\s*(?:бет|стр\.?|page)?\s*(?<![\d/])\d{1,4}\s*/\s*\d{1,4}$", "", text)
    if (m := _BYLINE_HAN.match(text)) and RECORD_WORDS.search(fold(text[m.end() :])):
        text = text[m.end() :]  # "張維為:鄧小平側記——…": the writer before the title
    m = re.search(r"\s*[(（](?P<inner>[^()（）]+)[)）]$", text)
    if m and HAN.search(text[: m.start()]) and parse_date(m["inner"]):
        text = text[: m.start()]  # "…的谈话（一九五七年九月七日）": a Chinese edition's dateline
    text = _VIEWS.sub("", text)  # "…1959 г.  Просмотрен 12": the site's counter
    return _TRAILING_MARKS.sub("", text).strip(" ,;:")


_VIEWS = re.compile(
    r"\s+(?:Просмотр(?:ен[оа]?|ов|ы)|Views?|Hits|浏览|瀏覽|阅读|閱讀)(?:\s*(?:раз|次数?))?[:：]?\s*\d[\d\s]*$",
    re.IGNORECASE,
)


# Russian prepositions that open a chapter's heading; an initial has its full stop.
_HEADING_PREPOSITIONS = frozenset(
    [
        "О",
        "Об",
        "Обо",
        "В",
        "Во",
        "С",
        "Со",
        "К",
        "Ко",
        "У",
        "Про",
        "Для",
        "Из",
        "От",
        "По",
        "На",
        "За",
    ]
)


def _is_name(part: str, registry: Registry) -> bool:
    """A person as a list writes them: a name with its titles, or an office standing for
    its holder ("The Secretary")."""
    titles, words = split_titles(part.split(), registry)
    if titles and not words:
        return True
    if words and words[0] in _HEADING_PREPOSITIONS:
        return False  # "О Сталине", "Про войну": a heading on what follows
    if not 1 <= len(words) <= 6 or _ROLE_WORDS.search(" ".join(words)):
        return bool(words) and registry.resolve_name(part) is not None
    return all(LABEL_WORD.match(w) or w.lower() in {"de", "van", "von", "der"} for w in words)


def _without_country(name: str, registry: Registry) -> str:
    """ "Soviet Ambassador Anatoliy F. Dobrynin" → "Ambassador Anatoliy F. Dobrynin": a word
    or two before an office and a name say whose office it is, and so does "of the USSR"
    after them."""
    if _is_name(name, registry):
        return name
    place = re.sub(r"\s+of\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}$", "", name)
    # (not "Ambassador of the USSR", an office without its holder's name; but "The Shah of
    # Iran", one person by his office)
    holder = split_titles(place.split(), registry)[1] or place.startswith("The ")
    if place != name and holder and _is_name(place, registry):
        return place
    words = name.split()
    for size in (1, 2):
        rest = words[size:]
        titles, named = split_titles(rest, registry)
        if titles and named and words[0][:1].isupper() and _is_name(" ".join(rest), registry):
            return " ".join(rest)
    return name


_HAN_NAME = re.compile(r"^[\u4e00-\u9fff·.\s]{1,12}$")
_HAN_CLAUSE = re.compile(r"[的了我你他她们們这這那是在把被]")  # words of a clause, not of a name


def participant_entries(
    text: str, line: int, registry: Registry, unplaced: list[tuple[int, str]] | None = None
) -> list[HeaderEntry]:
    """The people one list line names. "Dr. Henry A. Kissinger, Assistant to the President"
    is a name and an office; "Cdes. Khrushchev, Malinovsky, Kuznetsov" three names;
    "Tang Wen-sheng and Chi Chao-chu, Chinese Interpreters" two names and their office;
    "周恩来总理、李先念副总理" two names; "с советской стороны — М.А. Суслов, …; с китайской
    стороны — …" the names of each side."""
    text = BULLET.sub("", text).strip().rstrip(";；.。")
    entries: list[HeaderEntry] = []
    for group in re.split(r"[;；]\s*", text):
        side = _SIDE.match(group.strip())
        entries += _group_entries(side.group("rest") if side else group, line, registry, unplaced)
    return entries


def _group_entries(
    text: str, line: int, registry: Registry, unplaced: list[tuple[int, str]] | None
) -> list[HeaderEntry]:
    text = text.strip().rstrip(".。")
    if WITHHELD_NAME.fullmatch(text):
        return [HeaderEntry(text, None, line)]  # "[name and title not declassified]"
    if not text or text[:1] in "[(（":
        return []  # a stage direction, not a list
    if HAN.search(text) and not re.search(r"[A-Za-zА-Яа-я]{3}", text):
        names = [re.sub(r"[(（][^()（）]*[)）]", "", n).strip() for n in split_names(text)]
        if not names or not all(_HAN_NAME.match(n) for n in names):
            return []
        if any(_HAN_CLAUSE.search(n) for n in names):
            return []  # "根据中央的指示,我今天拜访了毛泽东同志": a sentence, not a list
        return [HeaderEntry(n, None, line) for n in split_names(text)]
    text = re.sub(r"^(?:(?:comrs?|comrades?|cdes?|coms?|тт?|тов)\.?\s+)", "", text, flags=re.I)
    if "," not in text and (two := _office_then_titled(text, registry)):
        return [HeaderEntry(person, None, line) for person in two]
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) >= 3 and all(_is_name(clean_label(p), registry) for p in parts):
        return [HeaderEntry(clean_label(p), None, line) for p in parts]
    head, _, office = text.partition(",")
    head, _, after = re.sub(r"\s+[—–-]\s+", "\0", head, count=1).partition("\0")
    bracketed = "; ".join(re.findall(r"[(（]([^()（）]+)[)）]", head))
    description = (office or after).strip() or bracketed or None
    names = [clean_label(n) for n in re.split(r"\s+and\s+|\s+и\s+|\s*、\s*", head) if n.strip()]
    names = [_without_country(n, registry) for n in names]
    named = [n for n in names if _is_name(n, registry)]
    person = clean_label(office)
    if not named and person and registry.is_title(head.split()[-1]) and _is_name(person, registry):
        return [HeaderEntry(person, head.strip(), line)]  # "The Soviet Ambassador, A. Dobrynin"
    if named and unplaced is not None:
        unplaced += [(line, n) for n in names if n not in named]
    return [HeaderEntry(n, description, line) for n in named]


# "The President Prime Minister Blair": an office alone, then someone by office and name.
_OFFICE_ALONE = re.compile(
    r"^(?P<office>The\s+[A-Z][\w-]*)\s+(?P<rest>[A-Z][\w.-]*(?:\s+\S+){1,4})$"
)


def _office_then_titled(text: str, registry: Registry) -> tuple[str, str] | None:
    """The two people a list's line runs together, the first named by an office the
    reference data knows and no name, the second by a title and a name, or None."""
    m = _OFFICE_ALONE.match(text.strip())
    if m is None or not registry.is_title(office := m["office"].split()[-1]):
        return None
    if registry.is_title(f"{office} {m['rest'].split()[0]}"):
        return None  # "The Secretary General Kofi Annan": one office of two words
    titles, named = split_titles(m["rest"].split(), registry)
    return (m["office"], m["rest"]) if titles and named else None


@dataclass(slots=True)
class _Reading:
    """What the head has said so far."""

    blocks: list[list[str]] = field(default_factory=list)  # title lines, a block a title
    block_lines: list[int] = field(default_factory=list)
    cited_title: str | None = None  # the title a citation quotes
    heading: str = ""  # the first line that reads as a heading, where no title line is found
    last_kind: str = ""
    last_text: str = ""
    prose_dates: dict[int, dt.date] = field(default_factory=dict)  # line number -> date
    dates: list[tuple[int, dt.date, str, str]] = field(default_factory=list)  # rank, date, …
    fields: dict[str, str] = field(default_factory=dict)
    people: list[HeaderEntry] = field(default_factory=list)
    debris: list[Debris] = field(default_factory=list)
    unplaced: list[tuple[int, str]] = field(default_factory=list)
    citation: str | None = None
    url: str | None = None
    collection: str | None = None
    frus: bool = False
    # "…a record of a telephone conversation between Kissinger and … Dinitz, is…": who an
    # introduction in prose says took part.
    introduced: list[str] = field(default_factory=list)
    stamps: list[dt.date] = field(default_factory=list)  # the site's posting stamps


_BETWEEN = re.compile(
    r"\b(?:conversation|talks?|meeting|call|exchange)\s+between\s+(?P<who>[^.;:!?]{3,160})", re.I
)


# Which statement of the date wins: a date field, then the title's ("… on 30 November
# 1961": a page's own date line may be the day the memorandum was written), then a date
# line, a citation, a sentence.
# (a page's posting date last: a date in its prose is more likely the talk's)
_RANK = {"field": 0, "title": 1, "dateline": 2, "citation": 3, "prose": 4, "posted": 5}


def stamped(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] says when the page was written: "Posted by: …
    2024-06-12 15:23:29", "Опубликовано: 22.10.2012", "2010-06-18 09:41　来源：…" (a
    machine's date and clock time), "Дата19.11.2017"."""
    after = text[end:].lstrip(" ,")
    # a machine's date and clock, or any date of the web's years right before a clock
    # ("2007年08月27日 09:20文摘周报")
    dated = text[start:end]
    machine = _CLOCK.match(after) and (
        re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", dated) or _of_the_web(dated)
    )
    # "Дата19.11.2017": a site's field with its value glued on
    glued = re.search(r"[^\W\d_]$", text[:start]) and not HAN.search(text[start - 1 : start])
    # "Пятница, 16 Мая 2014 г. 11:08": a post's weekday, date and clock (of the web's years:
    # "Monday, 12 March 1956 15:30" is a dateline)
    posted = (
        _WEEKDAY.match(text[:start].strip(" ,")) and _POSTED_AT.match(after) and _of_the_web(dated)
    )
    born = _LIFE.search(text[:start])  # "Sir Andrew WOOD (Born 2 January 1940)"
    # "2021-02-20 佤邦之音": a machine's date and the site's name, alone on a line
    sourced = (
        not text[:start].strip()
        and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", dated)
        and _SITE_NAME.fullmatch(after)
        and _of_the_web(dated)
    )
    # (not a title's date in brackets after its colon: "Jrushchov & Raúl Castro:
    # Conversaciones (18 de julio, 1960)", nor a title that ends in the day after a colon:
    # "Boris Johnson's first PMQs: 4 September 2019", four words at least before it)
    before = text[:start]
    # (nor the record named with its day after a site's colon: "Bundesregierung für
    # Desinteressierte: BPK vom 06. Dezember 2021", "原標題:2016年5月30日…例行記者會")
    colon = max(before.rfind(":"), before.rfind("："))
    keyed = (
        colon >= 0
        and not before.endswith("(")
        and not RECORD_WORDS.search(fold(f"{before[colon + 1 :]} {text[end:]}"))
        and not (
            _TITLE_THEN_DAY.fullmatch(before)
            and not text[end:].strip()
            and not _STAMP_WORDS.search(before)  # ("This page was last updated: …")
        )
    )
    return bool(keyed or _STAMP.search(after) or machine or glued or posted or born or sourced)


_STAMP_WORDS = re.compile(
    r"(?i:\b(?:updated|posted|published|modified|created|accessed|retrieved|uploaded|added|"
    r"printed|released|date|veröffentlicht|aktualisiert|publié|mis à jour|publicado|"
    r"actualizado|pubblicato|aggiornato|opublikowano|publikováno|опубликовано|обновлено)\b)"
)
_TITLE_THEN_DAY = re.compile(r"(?:[^\W\d_][\w'’-]*\s+){3,}[^\W\d_][\w'’-]*:\s*")
# A date of someone's life, not of the talk: "(Born 2 January 1940)", "(род. 1917)".
_LIFE = re.compile(
    r"(?:\b(?:born|b\.|died|d\.|род\.|родился|родилась|умер|умерла)|生于|出生于?)\s*$",
    re.IGNORECASE,
)


def _posting_stamp(text: str, start: int) -> bool:
    """Whether a stamped date is a page's own (posted, aired, updated) in the web's years,
    not a catalogue's or an archive's date of its copy, nor a life's."""
    before = text[:start]
    return (
        _of_the_web(text[start:])
        and not _LIFE.search(before)
        and not _CATALOGUE_DATE.search(before.rstrip(" :："))
        and not _RELEASED.search(text)
    )


def _posted(dated: str) -> bool:
    """Whether a date is written as a machine writes it, in the web's years ("2018-01-24"
    before a clock to the second is when a page was posted)."""
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", dated)) and _of_the_web(dated)


def _of_the_web(dated: str) -> bool:
    """Whether a date is of the years web pages have been posted in: a page's own stamp,
    not a conversation's, when a clock follows it."""
    found = find_date_span(dated)
    return found is not None and found[0].year >= 1995


# A catalogue's dates of its copy of the record, not of the conversation: "Document
# Creation Date:", "Release Date:", "Date modified:".
_CATALOGUE_DATE = re.compile(
    r"\b(?:creation|created|release|released|declassification|declassified|modified|updated|"
    r"posted|uploaded|accessed|retrieved|added|digiti[sz]ed|scanned|catalogued)\b[\w ]*date:?$|"
    r"\bdate (?:created|released|modified|updated|posted|uploaded|accessed|retrieved|added):?$",
    re.IGNORECASE,
)


# "Approved For Release 2006/10/19 : CIA-RDP…": a declassification stamp on every page.
# (and an archive's declassification marking: "By dal, NARA, Date 4/14/2004")
_RELEASED = re.compile(
    r"\b(?:approved for release|declassified|sanitized|NARA|NLF|NLJ|NLC)\b", re.IGNORECASE
)
# Words that set a page's talk on the day it was written: "today", "this morning", "hoy".
_TODAY = re.compile(
    r"(?i:\b(?:today|tonight|this (?:morning|afternoon|evening|week)|yesterday|hoy|ayer|"
    r"aujourd'hui|hier|ce matin|heute|gestern|heute morgen|oggi|ieri|dzisiaj|dziś|wczoraj|"
    r"dnes|včera|сегодня|вчера|сьогодні|учора)\b)|今天|昨天|今日|昨日"
)
# A by-line before a page's date: an author ("By …", "Por …", "Von …") or a name and the
# paper it writes for ("Jan Mareš, Novinky"), or a bar between them.
_BYLINE = re.compile(
    r"^(?i:by|por|par|von|di|door|przez|автор|作者)\s|\||^[A-ZÀ-ÝА-ЯЁČŘŠŽ][\w'’-]+\s+"
    r"[A-ZÀ-ÝА-ЯЁČŘŠŽ][\w'’-]+,\s+[A-ZÀ-ÝА-ЯЁ][\w.'’ -]{1,30}$"
)
# "| Спостерігач" after a date, above any title: a forum's poster (not "| Oval Office" or
# "| 9:42 a.m." under a record's title, its place and time).
_BAR_AND_AUTHOR = re.compile(r"\|\s*[^\W\d_][^\d|]{0,30}")
# "migrator migrator 04.07.2008": a site's user in lower case before the day he posted
# (no place is written so; not "le", "den", "dnia" before a record's own date)
_USER_NAME = re.compile(rf"[{LOWER}]{{6,}}(?:\s[{LOWER}]+)*")
_KEY_ALONE = re.compile(r"^[^\W\d_][\w ()/-]{0,40}:$")  # a catalogue's key over its value
_PUBLISHED = re.compile(r"\b(?:publication|document|issue) date:?$", re.IGNORECASE)


def _date_line(text: str) -> tuple[dt.date, str, str] | None:
    """(date, place, time) if the line is a date with at most a place and a time around
    it ("Beijing, February 21, 1972, 2:50 p.m.", "Pyongyang, 7 March 1960")."""
    found = find_date_span(text)
    if found is None:
        return None
    date, start, end = found
    if stamped(text, start, end):
        return None
    before, after = text[:start].strip(" ,;:—–-"), text[end:].strip(" ,;:—–-")
    before = "" if re.fullmatch(r"[ZOPR]", before) else before  # a cable's precedence: "O 041530Z"
    if RECORD_WORDS.search(fold(before)) or len(before.split()) > 6 or len(after) > 40:
        return None
    if HAN.search(after) and re.search(r"[，,。；;！？]", after):
        return None  # "早在1971年9月12日,我就随代表团出访过一次。": a sentence, not a dateline
    return date, before, after


def read_head(lines: list[Line], registry: Registry) -> tuple[Header, list[Line]]:
    """(the header the head lines give, the head lines that belong to the body: the
    record's own narration after the last line of the head proper). Furniture, and
    sentences before the head proper (a site's banner, an editor's note), are debris."""
    reading = _Reading()
    rows = _rejoin_datelines([line for line in lines if line.text.strip()])
    kinds: list[str] = []
    in_list = False
    for index, line in enumerate(rows):
        if _heads_a_group(rows, index):
            kind = "group"  # "• USSR" over its own indented bullets: a side, not a person
        else:
            kind = _read_line(strip_markdown(line.text), line, reading, registry, in_list)
        reading.last_kind, reading.last_text = kind, line.text.strip()
        in_list = kind in {"participants", "group"} or (in_list and kind in {"page", "furniture"})
        kinds.append(kind)
    # "…AN EXCHANGE BETWEEN / SECRETARY KISSINGER AND REPORTERS…": an introduction may
    # run over several lines of the head.
    told = " ".join(
        ln.text.strip() for ln, kind in zip(rows, kinds, strict=True) if kind != "title"
    )
    for m in _BETWEEN.finditer(told):
        reading.introduced += title_names(m.group("who"), registry)
    last = max((i for i, kind in enumerate(kinds) if kind not in _NOT_HEAD), default=-1)
    # Prose dates the talk inside the head, and in the first paragraph of the narration
    # after it; further on, a memoir recalls other days ("Ещё 23 августа 1939 года…").
    after = zip(rows[last + 1 :], kinds[last + 1 :], strict=True)
    narration = [row.number for row, kind in after if kind == "prose"]
    dating = {row.number for row in rows[: last + 1]} | set(narration[:1])
    reading.dates += [
        (_RANK["prose"], date, "", "")
        for number, date in reading.prose_dates.items()
        if number in dating
    ]
    body: list[Line] = []
    for index, (line, kind) in enumerate(zip(rows, kinds, strict=True)):
        if kind == "page":
            body.append(line)  # "[Page 677]" above the heading: where the record's pages begin
        elif kind == "furniture" or (kind == "prose" and index < last):
            page = debris_kind_of(line.text.strip())
            reading.debris.append(
                Debris("", line.number, line.text.strip(), page[0] if page else "furniture")
            )
        elif index > last:
            body.append(line)
    # The blank lines between what stays are kept: they end its paragraphs.
    kept = {line.number for line in body}
    start = min(kept, default=0)
    body = [ln for ln in lines if ln.number in kept or (ln.number > start and not ln.text.strip())]
    return _header(reading, registry), body


_NOT_HEAD = {"prose", "furniture", "page"}


def _rejoin_datelines(rows: list[Line]) -> list[Line]:
    """ "Paris, October" over "31, 1971, 6 p.m.": a dateline wrapped after its month is
    one line (read as one; the second line goes with it)."""
    out: list[Line] = []
    for line in rows:
        last = out[-1] if out else None
        if (
            last is not None
            and line.number == last.number + 1
            and re.match(r"\s*\d{1,2}\s*,?\s+\d{4}\b", line.text)
            and is_month(last.text.split()[-1])
        ):
            out[-1] = replace(last, text=f"{last.text.rstrip()} {line.text.strip()}")
            continue
        out.append(line)
    return out


def _heads_a_group(rows: list[Line], index: int) -> bool:
    """Whether a bulleted line is the heading of the more deeply indented bullets below
    ("• USSR" over its people): two of them at least, since one may be the description
    of the person above ("• Henry A. Kissinger" / "    • Assistant to the President")."""
    if not _SYMBOL_BULLET.match(rows[index].text):
        return False  # ("10. Memorandum of Conversation" is numbered, and a title)

    def indent(text: str) -> int:
        return len(text) - len(text.lstrip())

    below = rows[index + 1 : index + 3]
    return len(below) == 2 and all(
        BULLET.match(row.text) and indent(row.text) > indent(rows[index].text) for row in below
    )


def _numbered_paragraph(text: str) -> bool:
    """A cable's or a memorandum's numbered paragraph ("2. THE TALK COVERED THE GRAIN
    AGREEMENT …."): sentences, longer than any entry of a list."""
    return bool(_SENTENCE_END.search(text)) and len(text.split()) >= _PARAGRAPH_WORDS


_PARAGRAPH_WORDS = 14


def _is_prose(text: str) -> bool:
    return (bool(_SENTENCE_END.search(text)) and len(text.split()) >= 6) or display_width(
        text
    ) > 120


_YEAR = re.compile(r"\d{4}")  # (the cheap test before a furniture line's date is looked for)
_ORIGINAL_TITLE = re.compile(r"^\s*原标题\s*[:：]\s*(?=\S)")


def _read_line(text: str, line: Line, reading: _Reading, registry: Registry, in_list: bool) -> str:
    """Read one head line into `reading`; say what it was."""
    if _FRUS.search(text):
        reading.frus = True
    if debris_kind_of(text):
        return "page"
    if url := _URL.fullmatch(text.strip("<> ")):
        reading.url = reading.url or url.group()
        return "field"
    if text.startswith("Foreign Relations of the United States"):
        reading.collection = reading.collection or text
        return "field"
    if headline := _QUOTED_HEADLINE.fullmatch(text.strip()):
        # "Андрей Козырев: «Мы не ожидали такой реакции»": a paper's headline, quoting
        # the one it interviews
        reading.introduced.append(headline["name"])
        _take_title(text, line, reading)
        return "title"
    if original := _ORIGINAL_TITLE.match(fold(text)):
        # "原标题:…": a portal's note of the headline the story first ran under, its title
        # before any caption or headline of the portal's own above it
        reading.blocks.insert(0, [clean_title(text[original.end() :])])
        reading.block_lines.insert(0, line.number)
        return "title"
    if is_furniture(text):
        found = find_date_span(text) if _YEAR.search(text) else None
        if found and _posting_stamp(text, found[1]):
            # "김도윤 기자 | 승인 2019.03.04 18:47 | 댓글 3": a byline's posting stamp
            reading.stamps.append(found[0])
        return "furniture"
    keyed = reading.last_kind == "furniture" and _KEY_ALONE.match(reading.last_text)
    if not reading.blocks and _NAME_PAIR.fullmatch(text) and _names_a_known_person(text, registry):
        _take_title(text, line, reading)  # "ПОСОЛ ДОБРЫНИН – КИССИНДЖЕР": a telcon's heading
        return "title"
    if keyed and find_date_span(text) is None and not is_title(text):
        return "furniture"  # "Collection:" over "General CIA Records": a catalogue's value
    if (kind := _read_field(text, line, reading, registry)) is not None:
        return kind
    # (a dateline under a list is no entry of it: "Berlin, Mittwoch, den 14. März 2012")
    if in_list and not _is_prose(text) and _date_line(text) is None:
        side = _SIDE.match(text)
        listed = side.group("rest") if side else text
        entries = participant_entries(listed, line.number, registry, reading.unplaced)
        if entries or side:
            reading.people += entries
            return "participants"
    return _read_other(text, line, reading, registry)


_SPLIT_KEY = re.compile(
    r"(?P<key>DATE,?\s*(?:&|AND)?\s*TIME)\s+(?P<value>\S.*?)"
    r"\s+(?P<more>AND PLACE)\s*:\s*(?P<place>.*)",
    re.IGNORECASE,
)


def _read_field(text: str, line: Line, reading: _Reading, registry: Registry) -> str | None:
    """A header field (`PLACE: …`, `参加人：…`), or None. A value may hold further fields
    after a full stop: "Present: Coms. X, Y. Interpreters: Z"."""
    if split := _SPLIT_KEY.match(text):
        # "DATE, TIME September 27, 1989, 11:50 a.m. EST AND PLACE: The Cabinet Room": a
        # key of two lines with its value beside it, flattened
        text = f"{split['key']} {split['more']}: {split['value']}, {split['place']}"
    written = closed_up(text, folded=False)  # the value as written (traditional characters stay)
    text = closed_up(text)
    m = FIELD.match(text)
    if m is None or not (m.group("colon") or text.isupper() or HAN.search(text)):
        return None
    name = next(k for k in FIELDS if m.group(k))
    value = written[m.start("value") :].strip() if m.group("colon") else ""
    key = text[: m.end("key")].strip(" -•*·")
    value, _, further = re.sub(_FURTHER_FIELD, "\0", value, count=1).partition("\0")
    if name == "participants":
        reading.people += participant_entries(value, line.number, registry, reading.unplaced)
    elif name in {"interpreter", "recorder"}:
        role = key.rstrip("人者") if HAN.search(key) else key.lower().rstrip("s")
        reading.people += [
            HeaderEntry(e.name, e.description or role, e.line)
            for e in participant_entries(value, line.number, registry, reading.unplaced)
        ]
    elif value:
        reading.fields[name] = f"{reading.fields.get(name, '')} {value}".strip()
        found = find_date_span(value) if name in {"date", "time"} else None
        # (not a site's "时间:2018-01-24 10:41:33", a machine's clock to the second; but
        # "Date: 1998-06-12 14:30" and "DATE, TIME AND PLACE: February 21, 1996, 11:05 - …"
        # are the record's)
        posted = found is not None and (
            _posted(value[found[1] : found[2]]) and bool(_SECONDS.match(value[found[2] :].lstrip()))
        )
        if found and not posted:
            date, start, end = found
            time = value[end:].strip(" ,;:—–-") or value[:start].strip(" ,;:—–-")
            reading.dates.append((_RANK["field"], date, "", time))
        elif name == "subject" and RECORD_WORDS.search(fold(value)) and (day := find_date(value)):
            # "Betr.: Telefongespräch … am 24. Juli 1991": the talk's day, over the note's own
            reading.dates.append((_RANK["title"], day, "", ""))
    if further:
        _read_field(further, line, reading, registry)
    return "participants" if name == "participants" else "field"


# "…, Peng Zhen. Interpreters: …": a full stop, then another field.
_FURTHER_FIELD = re.compile(
    rf"(?<![{UPPER}])[.;。；]\s+(?=(?:" + "|".join(FIELDS.values()) + r")\s*[:：])",
    re.IGNORECASE,
)


def _read_other(text: str, line: Line, reading: _Reading, registry: Registry) -> str:
    if m := _CITATION.match(text):
        found = find_date_span(m.group("rest"))
        if found and re.search(r"Archive|Archives|Program|Library", m.group("rest")):
            reading.citation = reading.citation or text
            reading.dates.append((_RANK["citation"], found[0], "", ""))
            reading.cited_title = reading.cited_title or clean_title(m.group("title"))
            return "citation"
    if (dated := _date_line(text)) is not None:
        date, place, time = dated
        stamp = find_date_span(text)
        if (
            (stamp is not None and stamped(text, stamp[1], stamp[2]))  # "(2013-12-24 16:03:27)"
            or _CATALOGUE_DATE.search(place)
            or _RELEASED.search(place)
            or (not place and _CATALOGUE_DATE.search(reading.last_text))
        ):
            return "furniture"  # "Document Release Date:" over "December 4, 2009"
        if not place and _PUBLISHED.search(reading.last_text):
            reading.dates.append((_RANK["citation"], date, "", ""))
            return "furniture"  # "Publication Date:" over the day the paper was written
        if not reading.blocks and _WEEKDAY.match(text.split(",")[0]) and _of_the_web(text):
            # "Saturday, January 28, 2023" over a blog post's title: the day it was posted;
            # under a chamber's name ("Dáil debates") or a programme's guests, the talk's
            if _CHAMBER.search(reading.last_text) or reading.people:
                reading.dates.append((_RANK["dateline"], date, "", ""))
            else:
                reading.stamps.append(date)
            return "furniture"
        if _CREDITS.match(time) and _of_the_web(text):
            reading.stamps.append(date)  # "2019.11.05 文:佐々木美穂": the article's, posted
            return "furniture"
        if _of_the_web(text) and (
            # ("2020年6月19日 09時41分" under a paper's headline, not a meeting's hours
            # "14時00分～15時30分"; "23 April 2013" alone under a site's chrome, above the title)
            _POSTED_CLOCK.fullmatch(time)
            or (not reading.blocks and not place and not time and reading.last_text)
            or _BYLINE.search(place)
            or (not reading.blocks and _BAR_AND_AUTHOR.fullmatch(time))
            or _RUBRICS.search(place)
            or _STAMP_WORDS.search(place)  # "Posted on 6 March 2020"
            or _USER_NAME.fullmatch(place)
            or is_breadcrumb(reading.last_text)
            or is_menu(reading.last_text)
        ):
            # "Por Elena Ortiz | 10/02/2020", "Jan Mareš, Novinky 4. 5. 2018, 6:00",
            # "DD.HH. | Memoria | 12 de diciembre de 2022" (the site's sections, then the day),
            # "09/27/2002 | Спостерігач", a date under a breadcrumb or a menu: when the page
            # was posted (or the site's clock), not when the talk was held, unless the
            # story sets the talk on that day (parser.py)
            reading.dates.append((_RANK["posted"], date, "", ""))
            reading.stamps.append(date)
            return "furniture"
        if not reading.blocks and _SEGMENTED.search(place):
            # "Таш Саркисян - Попутчики - 2012-02-26": a broadcast's guest, programme and
            # day, its title; no place
            reading.dates.append((_RANK["dateline"], date, "", time))
            _take_title(text, line, reading)
            return "title"
        reading.dates.append((_RANK["dateline"], date, place, time))
        return "dateline"
    numbered_title = bool(_TITLE_NUMBER.match(text)) and is_title(text)  # "83. Memorandum…"
    if (
        BULLET.match(text)
        and not numbered_title
        and not _numbered_paragraph(text)
        and (entries := participant_entries(text, line.number, registry))
    ):
        reading.people += entries
        return "participants"
    if _continues_title(text, reading) or is_title(text):
        _take_title(text, line, reading)
        return "title"
    if text[:1] in "[(（" or _is_prose(text):
        # (not an anniversary's opening, where the talk is today's: "On 26 May 1972 the
        # treaty was signed. At this morning's briefing…")
        if (opening := opening_date(text)) is not None and not _TODAY.search(text):
            reading.prose_dates[line.number] = opening  # kept or not by `read_head`
        return "prose"
    if (reading.blocks or reading.dates) and (
        entries := participant_entries(text, line.number, registry)
    ):
        # One unknown word alone, outside a list ("Transcription" under a title), is a
        # site's word more often than a person; under a dateline with no title (a tape's
        # "Tuesday, February 29, 1972 - 8:55am" over "Richard Nixon, Henry A. Kissinger,
        # …"), only names in full, two at least, one of them known, make the list.
        lone = (
            len(entries) == 1 and len(entries[0].name.split()) == 1 and not entries[0].description
        )
        in_full = (
            len(entries) > 1
            and all(len(e.name.split()) > 1 for e in entries)
            and any(registry.resolve_name(e.name) for e in entries)
        )
        if (reading.blocks or in_full) and (not lone or registry.resolve_name(entries[0].name)):
            reading.people += entries
            return "participants"
    if (found := find_date_span(text)) is not None and not stamped(text, found[1], found[2]):
        reading.dates.append((_RANK["prose"], found[0], "", ""))
    elif found is not None and found[1] == 0 and _TRANSCRIBED.search(reading.last_text):
        # "Přepis: …" over "9. srpna 2018, 18:20": a broadcast's transcript, the day and
        # hour it went on air (not "Last updated: …" under it, a field's)
        reading.dates.append((_RANK["dateline"], found[0], "", ""))
        return "dateline"
    elif found is not None and _posting_stamp(text, found[1]):
        # "입력 2000년 6월 14일 19:42": when the page was posted, for a talk the page says
        # took place that day (parser.py)
        reading.stamps.append(found[0])
    if not reading.blocks and not reading.heading and _reads_as_heading(text):
        reading.heading = clean_title(text)  # the title, where no line names a kind of record
    return "furniture" if is_short_line(text) or not reading.blocks else "prose"


_TRANSCRIBED = re.compile(
    r"(?i:^(?:přepis|prepis|transcript|transkrypcja|расшифровка|стенограмма)\b)"
)
_CHAMBER = re.compile(
    r"(?i:debates?|hansard|parliament|dáil|seanad|senate|house of|assembly|sitting|chamber|"
    r"bundestag|sejm|duma|дума|рада)"
)
# "2019.11.05 文:佐々木美穂 写真:松井亮": a web article's day, then who wrote it and who took
# its photographs
_CREDITS = re.compile(r"(?:文|写真|撮影|取材|作者|来源|來源|编辑|編輯)\s*[:：]")
_RUBRICS = re.compile(r"\S\s+\|\s+\S")  # sections a site files a post under, between bars
_SEGMENTED = re.compile(r"\S\s+[-–—]\s+\S")
# Two people's names, each perhaps with an office, joined by a dash.
_NAME_PAIR = re.compile(
    rf"(?:[{UPPER}][\w.'’-]*\s+){{0,2}}[{UPPER}][\w.'’-]*\s+[—–-]\s+"
    rf"(?:[{UPPER}][\w.'’-]*\s+){{0,2}}[{UPPER}][\w.'’-]*"
)


def _names_a_known_person(text: str, registry: Registry) -> bool:
    return any(registry.resolve_name(word) for word in re.findall(r"[^\W\d_][\w'’-]+", text))


def _reads_as_heading(text: str) -> bool:
    """A line that may head a page: a few words and no sentence (not a button's one or
    two, not a site's sentence about itself)."""
    if find_date_span(text) is not None or text.endswith((",", ";", ":", "：")):
        return False
    if len(re.findall(r"[^\s:：]{1,12}[:：]\s*\S", text)) >= 2:
        return False  # a site's credits: "来源:人民网 作者:李明 责任编辑:王红"
    if HAN.search(text):  # (few words, many characters: "《毛泽东年谱》1974年5月")
        # (not a breadcrumb's "在线访谈 > 正文")
        return (
            5 <= len(text) <= 80 and not re.search(r"[。！？>›|]", text) and not is_furniture(text)
        )
    if is_short_line(text):
        return False
    words = text.split()
    # (capitals on a third of its longer words: "In lieu of an abstract, here is…" is prose)
    long_words = [w for w in words if len(w) >= 4]
    capitalised = sum(w[:1].isupper() or not w[:1].isalpha() for w in long_words)
    # (and a site's menu, capitalised words and none of a sentence's small ones: "Home
    # About Archive Contact Donate")
    menu = len(words) >= 4 and all(w[:1].isupper() and len(w) <= 9 for w in words)
    menu = menu or is_menu(text)
    return (
        not _SENTENCE_END.search(text)
        and 2 <= len(words) <= 25
        and capitalised * 3 >= len(long_words)
        and not menu
    )


_CLASSIFIED = re.compile(
    r"(?:top secret|secret|confidential|unclassified|eyes only|noforn|nodis|exdis|limdis|"
    r"совершенно секретно|секретно|сов\. секретно)\b",
    re.IGNORECASE,
)


def _continues_title(text: str, reading: _Reading) -> bool:
    """A title goes on over several lines: ЗАПИСЬ БЕСЕДЫ / И.В. СТАЛИНА С …, or a line
    that ends with "between", "of" or "by the"."""
    if not reading.blocks or reading.last_kind != "title" or _numbered_paragraph(text):
        return False
    last = reading.blocks[-1][-1]
    if _SENTENCE_END.search(last) or display_width(text) > 300:
        return False
    if re.search(
        r"\b(?:of|between|with|and|on|by|the|to|for|from|для|с|и|между|о|об|von|mit|und|zwischen|"
        r"de|avec|et|entre)$|[,、与同和]$",
        last,
        re.I,
    ):
        return True
    if _CLASSIFIED.match(text):
        return False  # "top secret" under the title
    if (last.isupper() or len(last.split()) <= 2) and (text.isupper() or text[:1].islower()):
        return True  # (and "Запись №" over "разговоров по объекту …")
    # "министра … Громыко" / "с государственным секретарем США": the parties go on
    return (
        bool(re.match(r"(?:с|со|и|между|о|об|по|на|в|во|of|with|and|between|on|to)\s", text))
        and len(text.split()) <= 15
        and not re.search(rf"[{LOWER}]{{2}}[.!?…]\s", text)  # (an initial's "Д. " is no end)
    )


# Where the paper is kept, not what it is: "Conference files, lot 60 D 627, CF 203".
_FILED = re.compile(r"\b(?:[Ff]iles|[Pp]apers|lot \d+ ?[A-Z] ?\d+|[Bb]ox \d+|[Ff]older \d+)\b")


def is_title(text: str) -> bool:
    """A line that names a kind of record and is not a sentence."""
    if (
        display_width(text) > 300
        or (text.endswith((":", "：")) and not text.isupper())  # "MEMORANDUM FOR RECORD:"
        or not RECORD_WORDS.search(fold(text))
        or _FILED.search(text)
    ):
        return False
    words = text.split()
    if HAN.search(text) and (re.search(r"[。！？；]", text) or len(text) > 80):
        return False  # Chinese prose, which has no spaces to count its words by
    # (not "2005 г.", "1981 r.", a year)
    ended = _SENTENCE_END.search(re.sub(r"\s(?:г|гг|r)\.$", "", text))
    return not (ended and len(words) > 6) and len(words) <= 40


_QUOTED_HEADLINE = re.compile(
    rf"(?P<name>[{UPPER}][\w'’.-]+(?:\s+[{UPPER}][\w'’.-]+){{1,2}}):\s*"
    r"(?:«[^«»]{3,120}»|“[^“”]{3,120}”|\"[^\"]{3,120}\"|„[^„“”]{3,120}[“”])"
)


def _take_title(text: str, line: Line, reading: _Reading) -> None:
    if reading.last_kind == "title" and _continues_title(text, reading):
        reading.blocks[-1].append(clean_title(text))
    else:
        reading.blocks.append([clean_title(text)])
        reading.block_lines.append(line.number)


_SECTION_WORDS = 3  # a site's section heading naming the kind of record, at most
# A heading that is only the kind of record, in brackets or not: "インタビュー", "[인터뷰]".
_KIND_ALONE = re.compile(
    rf"[\[【〈<(（]?\s*(?:{RECORD_WORDS.pattern})\s*[\]】〉>)）]?", re.IGNORECASE
)


def _best_title(reading: _Reading) -> str:
    """The record's title among the head's title lines: the first that opens with the
    kind of record (or is a heading in capitals), unless it is a section's short heading
    over the record's dated title; else the first that is more than the kind alone."""
    named = [
        " ".join(block)
        for block in reading.blocks
        if (block[0].isupper() and not _KIND_ALONE.fullmatch(block[0]))
        or (
            (match := RECORD_WORDS.search(fold(block[0])))
            and len(block[0][: match.start()].split()) <= 3
            and not _KIND_ALONE.fullmatch(fold(block[0]))  # (a section's "インタビュー")
        )
    ]
    # (not a site's section heading of a few words naming the kind, above the record's own
    # title with its day: "Tiskové konference" over "Tisková konference po zasedání vlády,
    # 21. prosince 2009")
    dated = [title for title in named[1:] if find_date_span(title) is not None]
    if named and dated and len(named[0].split()) <= _SECTION_WORDS:
        return dated[0]
    if named:
        return named[0]
    # (else the first, past a heading that is only the kind of record)
    titles = [" ".join(block) for block in reading.blocks]
    return next(
        (t for t in titles if not _KIND_ALONE.fullmatch(fold(t))), titles[0] if titles else ""
    )


def _header(reading: _Reading, registry: Registry) -> Header:
    title = (
        _best_title(reading)
        or reading.cited_title
        or clean_title(reading.fields.get("title", ""))
        or reading.heading
    )
    # the title's date; with no date anywhere else, one another title line of the head
    # gives ("同毛泽东同志谈话的记录 1960年12月26日" under a site's own heading)
    others = [] if reading.dates else [" ".join(block) for block in reading.blocks]
    for line in [title, *others]:
        if (found := find_date_span(line)) is not None:
            reading.dates.append((_RANK["title"], found[0], "", ""))
            break
    dates = sorted(reading.dates, key=lambda d: d[0])
    date = dates[0][1] if dates else None
    dateline = next((d for d in dates if d[0] == _RANK["dateline"]), None)
    place = reading.fields.get("place") or (dateline[2] if dateline and dateline[2] else None)
    time = reading.fields.get("time") or (dateline[3] if dateline and dateline[3] else None)
    if time is None and dates and dates[0][0] == _RANK["field"]:
        time = dates[0][3] or None
    frus_id = _FRUS_ID.search(reading.url) if reading.url else None
    if reading.frus or "participants" in reading.fields or frus_id:
        layout = "frus"
    elif HAN.search(title) or any(HAN.search(v) for v in reading.fields.values()):
        layout = "chinese-record"
    else:
        layout = "plain"
    collection = reading.collection
    reference_archive = None
    translator = None
    if reading.citation:
        cited_collection, reference, translator = parse_citation(reading.citation)
        collection = collection or cited_collection
        reference_archive = reference
    metadata = Metadata(
        title=title,
        date=date,
        source_url=reading.url,
        source_id=frus_id.group("id") if frus_id else None,
        collection=collection,
        citation=reading.citation,
        translator=translator,
        summary=reading.fields.get("subject"),
        original_language=script_language(title) if title else None,
        record_type=record_type(title) if title else "record of conversation",
        layout=layout,
        place=place or None,
        time_of_day=time or None,
    )
    if reference_archive is not None:
        metadata.reference = reference_archive
    # (the people a title names; not those of a page's first headline, which may be a
    # site's own words)
    named_by = title if title != reading.heading else ""
    names = title_names(named_by, registry) + reading.introduced
    weak = bool(dates) and dates[0][0] >= _RANK["citation"]
    posted = reading.stamps[0] if reading.stamps else None
    return Header(
        metadata, [], reading.people, reading.debris, names, reading.unplaced, weak, posted
    )


def _title_at(words: list[str], index: int, registry: Registry) -> bool:
    """Whether a title ("Foreign Minister", "Ambassador") begins at words[index]."""
    return any(registry.is_title(" ".join(words[index : index + k])) for k in (3, 2, 1))


# What of a talk a page prints: its gist, its full text, its questions and answers.
_WHAT_IS_PRINTED = re.compile(r"要旨|要点|全文|摘要|实录|问答|发言|讲话")


def title_names(title: str, registry: Registry) -> list[str]:
    """People a title names: "(Kissinger)" in brackets, and in each of its parts the last
    run of capitalised words ("Soviet leader Leonid Brezhnev", "Secretary of State
    Kissinger", "President Nixon"), if it is a name rather than an office or a place."""
    names = [m.group("name") for m in _TITLE_NAME.finditer(title)]
    if HAN.search(title):
        # Chinese runs names into the words around them: take the ones the reference
        # data knows (毛泽东同斯诺的谈话 names Mao).
        folded = fold(title)
        known = [
            spelling
            for person in registry.persons.values()
            for spelling in person.spellings()
            if len(spelling) >= 2 and HAN.match(spelling) and spelling in folded
        ]
        parts = re.split(r"同|与|和|跟|会见|接见|会谈|会晤|谈话|的|及|[、:：\s(（)）]", folded)
        return known + [
            p
            for p in parts
            if 2 <= len(p) <= 4
            and HAN.fullmatch(p[0])
            and not RECORD_WORDS.search(p)
            and not _WHAT_IS_PRINTED.search(p)  # ("首相会見要旨": the summary, no one)
        ]
    plain = re.sub(r"\([^)]*\)", " ", title)
    capitals = plain.isupper()
    if capitals:  # БЕСЕДА … В. М. МОЛОТОВА С … Ф. ШУЛЕНБУРГОМ: names in capitals too
        plain = plain.title()
        # "БЕСЕДЫ МОЛОТОВА С ШУЛЕНБУРГОМ": whose talk it is, and with whom, without initials
        talk = [name for m in _RU_TALK.finditer(plain) for name in m.group("host", "guest")]
        names += [n for n in talk if n not in names and not _RU_OFFICE.match(n.lower())]
    # "… and Egon Krenz. November 1, 1989": a full stop before the date ends a name too
    connectors = (
        r"[,;:()]|\s[—–-]\s|\b(?:and|between|with|of|for|to|by|in|at|on|about|concerning|regarding|"
        r"и|с|между|к|в|во|о|об|mit|und|zwischen|avec|entre|et|tra)\b(?!\.)"
        # (a German record's nouns, capitalised before the names: "Gespräch Erich Honeckers")
        r"|\b(?:Gespräch|Gespräche|Gesprächs|Unterredung|Treffen|Begegnung|Telefonat)\b"
        rf"|(?<=[{LOWER}]{{2}})\.\s+(?=(?:[^\W\d_]+\s+)?\d)"
        r"|\b(?:on|in|at|am|vom|le|du|el|del|il)\s+(?=\d)"  # ("… Kotschemassow am 12. März")
        # "… Eduard Shevardnadze June 9, 1989": a date straight after the name
        r"|\s+(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b)"
        r"|\s+(?=\d{1,2}\.?\s+[^\W\d_]{3,}\.?\s+\d{4})"
        r"|['’]s\b"  # "Premier Zhou’s Reception": whose, the name before it
    )
    pieces = re.split(f"({connectors})", plain, flags=re.IGNORECASE)
    named_before = False  # whether the piece before this one ended in a name
    for index, part in enumerate(pieces):
        if index % 2:
            continue  # a connector
        after_name, named_before = named_before, False
        connector = (pieces[index - 1] or "").strip().lower() if index else ""
        if after_name and connector == "of":
            continue  # "President Mitterrand of France": where the one named is from
        if connector in {
            "in",
            "at",
            "в",
            "во",
            "on",
            "about",
            "concerning",
            "regarding",
            "о",
            "об",
        } and not _PERSON_AFTER_PLACE.search(part):
            continue  # "… в Тегеране", "… at Camp David", "on the Middle East": where, what
        words = part.split()
        run: list[str] = []
        for word in reversed(words):
            if not LABEL_WORD.match(word) or (word.isupper() and len(word) > 1 and "." not in word):
                break
            run.insert(0, word)
        initials = [i for i, word in enumerate(run) if INITIALS.fullmatch(word)]
        if (capitals or len(run) > 4) and initials:
            # "Послом Германии В Ссср Ф. Шуленбургом": the name starts at its initials
            first = initials[-1]
            while first > 0 and first - 1 in initials:
                first -= 1
            run = run[first:]
        while run and not registry.is_title(run[0]) and _ROLE_WORDS.fullmatch(run[0]):
            run = run[1:]  # "State" of "Secretary of State Kissinger"; titles stay
        # "Soviet Foreign Minister Gromyko": the title starts after a word or two of where
        if run and not _title_at(run, 0, registry):
            later = (i for i in (1, 2) if i < len(run) - 1 and _title_at(run, i, registry))
            run = run[next(later, 0) :]
        if not split_titles(run, registry)[1]:
            continue
        phrase = " ".join(run)
        named_words = split_titles(run, registry)[1]  # (an office before it is no part of it)
        then = pieces[index + 1].strip() if index + 1 < len(pieces) else ""  # "Notes" + "on"
        if (
            len(named_words) > 4
            or RECORD_WORDS.search(f"{phrase} {then}")
            or find_date_span(phrase)
        ):
            continue
        named = " ".join(named_words)
        before = words[-len(run) - 1] if len(words) > len(run) else ""
        # "… Aboard the Ship", "… at the Summit": a thing; "… for BBC Panorama": a programme
        thing = before.lower() in {"the", "a", "an"} or (before.isupper() and len(before) > 1)
        if thing and len(run) == 1 and not registry.resolve_name(phrase):
            continue
        if index == 0 and then == ":" and _EVENT.search(phrase):
            continue  # "Gulf War: Bush-Thatcher phone conversation": the subject, an event
        following = "".join(pieces[index + 1 :]).lstrip(" ,")
        dated = find_date_span(following[:40])
        if dated and dated[1] == 0 and index and pieces[index - 1].strip() == ",":
            continue  # "…, Washington, June 11, 1957": the place of a dateline
        if capitals and not (initials or registry.resolve_name(phrase)):
            continue  # in a line of capitals, "SUBJ" and "HOURS BEGIN TEXT" look like names too
        if registry.resolve_name(phrase) or not _ROLE_WORDS.search(named):
            with_whom = connector in {"с", "со"}
            names.append(_nominative(phrase) if with_whom else phrase)
            named_before = True
    return names


# The last word of an event's name, which a title may open with before its colon.
_EVENT = re.compile(
    r"\b(?:War|Crisis|Affair|Conference|Summit|Talks|Negotiations|Agreement|Treaty|"
    r"Revolution|Uprising|Invasion|Blockade|Airlift|Question)$"
)


def _nominative(name: str) -> str:
    """A Russian name after "с" as a label writes it: "с Д. Раском" → "Д. Раск", "с
    Кагановичем" → "Каганович", "с Чжоу Эньлаем" → "Чжоу Эньлай", "с Фурцевой" → "Фурцева"."""
    *first, last = name.split()
    if not CYRILLIC.match(last) or len(last) < 5:
        return name
    if last.endswith(("ым", "ом")) or (last.endswith("ем") and last[-3] not in _VOWELS):
        last = last[:-2]
    elif last.endswith("ем"):
        last = last[:-2] + "й"
    elif last.endswith("ой"):
        last = last[:-2] + "а"
    return " ".join([*first, last])


_VOWELS = frozenset("аеёиоуыэюя")
