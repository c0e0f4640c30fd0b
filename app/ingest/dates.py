"""Dates as archives write them, in English, Russian and Chinese.

    January 22, 1950 · Jan. 22, 1950 · Monday, February 21, 1972 · 22 January 1950
    22 января 1950 г. · «22» января 1950 года · 22.01.1950 · 22.I.1950 · 1950-01-22
    1/22/1950 (slashes: the month first, as American pages write it, unless it is over 12;
    the day first on a page in another language: 10/02/2020 on a Spanish page)
    1950年1月22日 · 一九五〇年一月二十二日 · 1971年10月20日下午4:10 · １９７１年

`find_date_span` finds one anywhere in a line ("Peking, October 21, 1971, 4:10-5:00
p.m."), so the place before it and the time after it can be told apart.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# Month names in the archives' languages (English, Russian, German, French, Italian, Spanish,
# Portuguese, Dutch, Polish, Czech, Slovak, Serbian and Bosnian in Latin letters, Ukrainian,
# Belarusian, Indonesian, Arabic with the Levant's names of one word), with their
# abbreviations and the Slavic genitives. (Not Croatian's: its
# "listopad" is October, Czech's November.)
_MONTH_NAMES = [
    "january jan января январь янв januar jänner janvier gennaio enero janeiro januari stycznia "
    "sty січня студзеня ledna leden januára يناير",
    "february feb февраля февраль фев февр februar février febbraio febrero fevereiro februari "
    "lutego lut лютого лютага února únor februára februar فبراير شباط",
    "march mar марта март märz mars marzo março maart marca березня сакавіка března březen "
    "marec mart maret مارس آذار",
    "april apr апреля апрель апр avril aprile abril kwietnia kwi квітня красавіка dubna duben "
    "apríl apríla أبريل ابريل نيسان",
    "may мая май mai maggio mayo maio mei maja травня května květen máj mája maj مايو أيار",
    "june jun июня июнь juni juin giugno junio junho czerwca cze червня чэрвеня června červen jún "
    "júna يونيو حزيران",
    "july jul июля июль juli juillet luglio julio julho lipca lip липня ліпеня července červenec "
    "júl júla يوليو تموز",
    "august aug августа август авг août agosto augustus sierpnia sie серпня жніўня srpna srpen "
    "augusta avgust agustus أغسطس اغسطس آب",
    "september sep sept сентября сентябрь сен сент septembre settembre septiembre setiembre "
    "setembro września wrz вересня верасня září septembra septembar سبتمبر أيلول",
    "october oct октября октябрь окт oktober octobre ottobre octubre outubro października paź "
    "жовтня кастрычніка října říjen október októbra oktobar أكتوبر اكتوبر",
    "november nov ноября ноябрь нояб ноя novembre noviembre novembro listopada lis листопада "
    "лістапада listopadu listopad novembra novembar نوفمبر",
    "december dec декабря декабрь дек dezember décembre dicembre diciembre dezembro grudnia gru "
    "грудня снежня prosince prosinec decembra decembar desember ديسمبر",
]
ENGLISH_MONTHS = [names.split()[0] for names in _MONTH_NAMES]  # "january" … "december"
_MONTHS = {
    name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()
}
_ROMAN = {
    numeral: number
    for number, numeral in enumerate(
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"], start=1
    )
}
# Chinese numerals as dates use them: 一九七一年 digit by digit, 二十日 as a number.
_HAN_DIGITS = {ch: n for n, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_HAN_NUMBER = r"[〇○Ｏ零一二三四五六七八九十廿卅]"
# The eras a year may count from: the Republic of China's (民國四十七年 is 1958), Japan's
# (平成29年 is 2017).
_ERAS = {"民国": 1911, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}

_MONTH_NAME = r"(?P<month>[^\W\d_]{3,12})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
# OCR reads a year's 1 as l or I and its 0 as O: "July 9’197l".
_YEAR = r"(?P<year>1[6-9lI][\dlIO]{2}|20[\dlIO]{2})"
_WEEKDAY_NAMES = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun понедельник вторник среда четверг пятница суббота воскресенье "
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miércoles jueves viernes sábado domingo "
    "lunedì martedì mercoledì giovedì venerdì sabato domenica"
)
# (a German weekday takes its article: "Mittwoch, den 14. März 2012")
_WEEKDAY = rf"(?i:(?:{'|'.join(_WEEKDAY_NAMES.split())})\.?,?\s*(?:den\s+)?)?"
_PATTERNS = [
    # ("October 21, 1971"; a Mexican page's "Enero 27 de 2017")
    re.compile(rf"{_WEEKDAY}{_MONTH_NAME}\s+{_DAY}\s*[,’'.]?\s*(?:de\s+)?{_YEAR}", re.IGNORECASE),
    # 22 January 1950, «22» января 1950 г.
    re.compile(
        rf"{_WEEKDAY}[«\"]?{_DAY}[»\"]?\.?\s+(?:of\s+|de\s+)?{_MONTH_NAME},?\s+(?:de\s+)?{_YEAR}"
        r"(?:\s*(?:г\b\.?|года?\b|року\b|году\b))?"
    ),  # (and "the 25th of March, 1946", "19. Dezember 1983", "12 de marzo de 1990")
    # "16 تشرين الثاني/نوفمبر 2020": an Arabic page's month by the Levant's name, then Egypt's
    re.compile(
        r"(?P<day>\d{1,2})\s+(?:[\u0621-\u064a]+(?:\s[\u0621-\u064a]+)?/)?"
        r"(?P<month>[\u0621-\u064a]{3,8})\s+(?P<year>\d{4})"
    ),
    # "1968, 13. august, Jalta": a document edition's year first, then the day and month
    re.compile(rf"(?<!\d)(?P<year>1[6-9]\d\d|20\d\d),\s+{_DAY}\.\s+{_MONTH_NAME}(?![^\W\d_])"),
    re.compile(  # (and Korean's "2000년 6월 14일")
        r"(?P<year>\d{4})\s*[年년][\s,，、]*(?P<month>\d{1,2})\s*[月월][\s,，、]*"
        r"(?P<day>\d{1,2})\s*[日号일]"
    ),
    re.compile(
        rf"(?P<year>{_HAN_NUMBER}{{4}})\s*年[\s,，、]*(?P<month>{_HAN_NUMBER}{{1,3}})\s*月[\s,，、]*"
        rf"(?P<day>{_HAN_NUMBER}{{1,3}})\s*[日号]"
    ),
    re.compile(
        rf"(?P<era>民国|大正|昭和|平成|令和)(?P<year>\d{{1,3}}|{_HAN_NUMBER}{{1,4}})\s*年\s*"
        rf"(?P<month>\d{{1,2}}|{_HAN_NUMBER}{{1,3}})\s*月\s*(?P<day>\d{{1,2}}|{_HAN_NUMBER}{{1,3}})"
        r"\s*(?:[日号]|(?=[(（]星期))"  # (a gazette's "107年3月20(星期二)": the weekday ends it)
    ),
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    # a cable's date-time group: "032315Z FEB 76" is 3 February 1976, 23:15 GMT
    re.compile(
        r"(?<!\w)(?P<day>\d{2})\d{4}(?P<zulu>Z)\s+(?P<month>[A-Z]{3})\s+(?P<year>\d{2})(?!\d)"
    ),
    re.compile(r"(?<!\d)(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(
        r"(?<![\d.])(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2}|[IVX]{1,4})\.\s?"
        r"(?P<year>\d{4}(?!\d)|\d\d(?=\s?г\b))"  # (or two digits the year's "г." marks)
    ),
    # "13 XII 1981 r.", "13. XII. 1981": a Polish or Czech record's month in Roman numerals,
    # spaced (the year's "r." after it, or full stops after the day and the month)
    re.compile(r"(?<![\w.])(?P<day>\d{1,2})\.\s+(?P<month>[IVX]{1,4})\.\s+(?P<year>\d{4})(?!\d)"),
    re.compile(
        r"(?<![\w.])(?P<day>\d{1,2})\s+(?P<month>[IVX]{1,4})\s+(?P<year>\d{4})"
        r"(?=\s?(?:r\.|roku\b|г\.|года\b))"
    ),
    # "28-11-2012": a European page's day first, with dashes, where the day says so (over 12)
    re.compile(r"(?<![\d-])(?P<day>1[3-9]|2\d|3[01])-(?P<month>\d{1,2})-(?P<year>\d{4})(?![\d-])"),
    # "[30-07-05]": a broadcaster's archive's day, month and year in two digits each, in
    # brackets (bare, such digits are a telephone number's as often)
    re.compile(r"(?<=\[)(?P<day>[0-3]\d)-(?P<month>[01]\d)-(?P<year>\d\d)(?=\])"),
    # "05 lip 08 g. 7.15": a Polish broadcaster's day, month in three letters, year in two
    # and the hour ("g.")
    re.compile(
        r"(?<!\d)(?P<day>\d{1,2})\s+(?P<month>sty|lut|mar|kwi|maj|cze|lip|sie|wrz|paź|lis|gru)"
        r"\s+(?P<year>\d\d)(?=\s+g\.)"
    ),
    # "1/11/2017" (an American page's month first), "21/02/1972" (a day over 12 says so)
    re.compile(r"(?<![\d/])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})(?![\d/])"),
]


# Whether the page being read is in a language that writes the day before the month in
# slashed dates ("10/02/2020" is 10 February on a Spanish page, October 2 on an American).
_DAY_FIRST: ContextVar[bool] = ContextVar("day_first", default=False)


@contextmanager
def days_first(yes: bool) -> Iterator[None]:
    """Read slashed dates day first (or not) inside the block."""
    token = _DAY_FIRST.set(yes)
    try:
        yield
    finally:
        _DAY_FIRST.reset(token)


def is_month(word: str) -> bool:
    """Whether a word names a month ("October", "Oct.", "октября")."""
    return word.lower().rstrip(".") in _MONTHS


def _han_number(text: str) -> int | None:
    """一九七一 → 1971 (digit by digit); 二十二 → 22, 十 → 10, 三十一 → 31, 廿一 → 21."""
    text = text.replace("廿", "二十").replace("卅", "三十")
    if "十" not in text:
        digits = [_HAN_DIGITS.get(ch) for ch in text]
        if any(d is None for d in digits):
            return None
        return int("".join(str(d) for d in digits))
    tens, _, units = text.partition("十")
    high = _HAN_DIGITS.get(tens, -1) if tens else 1
    low = _HAN_DIGITS.get(units, -1) if units else 0
    return None if high < 0 or low < 0 else high * 10 + low


def number(text: str) -> int | None:
    """12, "XII", "十二": a number as a date writes it (OCR's "l" and "O" read as digits)."""
    if text in _ROMAN:  # (before OCR's mending, which would read "XII" as "X11")
        return _ROMAN[text]
    text = text.translate(_OCR_DIGITS)
    if text.isdigit():
        return int(text)
    return _han_number(text)


_OCR_DIGITS = str.maketrans("lIO", "110")
_CENTURY_TURNS = 40  # a year in two digits under it is this century's


def _from_match(m: re.Match[str]) -> dt.date | None:
    if "first" in m.groupdict():
        first, second = int(m["first"]), int(m["second"])
        day_first = first > 12 or (_DAY_FIRST.get() and second <= 12)
        month_day = (second, first) if day_first else (first, second)
        try:
            return dt.date(int(m["year"]), *month_day)
        except ValueError:
            return None
    month_text = m.group("month")
    month = number(month_text) or _MONTHS.get(month_text.lower())
    year, day = number(m.group("year")), number(m.group("day"))
    if month is None or year is None or day is None:
        return None
    if "era" in m.groupdict() and m.group("era"):
        year += _ERAS[m.group("era")]
    if year < 100:  # a cable's "FEB 76", a Russian "2.09.47 г."
        year += 1900 if year >= _CENTURY_TURNS else 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _normalise(text: str) -> str:
    # Full-width digits (１９７１年) are digits, and traditional 民國 is 民国; both keep the
    # length, so offsets still point into the line as written.
    text = text.replace("民國", "民国")
    return "".join(unicodedata.normalize("NFKC", ch) if "０" <= ch <= "９" else ch for ch in text)


def find_date_span(text: str) -> tuple[dt.date, int, int] | None:
    """The first date written in `text`, and where it is written."""
    text = _normalise(text)
    best: tuple[dt.date, int, int] | None = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if best is not None and m.start() >= best[1]:
                break
            found = _from_match(m)
            if found is not None:
                best = (found, m.start(), m.end())
                break
    return best


def find_date(text: str) -> dt.date | None:
    """The first date written anywhere in `text` (e.g. inside a citation)."""
    found = find_date_span(text)
    return found[0] if found else None


# How far into a paragraph of prose a date may begin and still set its scene ("Вечером 9
# ноября 1940 года…", "On October 2, 1972, the President…"): further in, a lead or a
# memoir recalls other days ("…ровно через десять лет после 18 августа 1991 года…").
_OPENING = 80  # characters


def opening_date(text: str) -> dt.date | None:
    """The date a paragraph of prose opens with, if it opens with one."""
    found = find_date_span(text[: _OPENING + 40])
    return found[0] if found and found[1] < _OPENING else None


_LONGEST_DATE = 80  # characters: "Wednesday, September 22, 1959", "星期一，一九七二年二月二十一日"


def parse_date(text: str) -> dt.date | None:
    """A calendar date if `text` is nothing but a date (and perhaps a weekday), else None."""
    text = text.strip().strip("*").strip().rstrip(".").strip()
    if len(text) > _LONGEST_DATE:
        return None  # (asked of whole paragraphs: a long one is never a date alone)
    found = find_date_span(text)
    if found is None:
        return None
    date, start, end = found
    rest = (text[:start] + text[end:]).strip(" ,.")
    return date if not rest else None
