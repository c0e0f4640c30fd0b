"""Dates as archives write them, in English, Russian and Chinese."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "января", "январь", "янв"),
            ("february", "feb", "февраля", "февраль", "фев"),
            ("march", "mar", "марта", "март"),
            ("april", "apr", "апреля", "апрель", "апр"),
            ("may", "мая", "май"),
            ("june", "jun", "июня", "июнь"),
            ("july", "jul", "июля", "июль"),
            ("august", "aug", "августа", "август", "авг"),
            ("september", "sep", "sept", "сентября", "сентябрь", "сент"),
            ("october", "oct", "октября", "октябрь", "окт"),
            ("november", "nov", "ноября", "ноябрь", "нояб"),
            ("december", "dec", "декабря", "декабрь", "дек"),
        ],
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<month>[^\W\d_]+)\.?"
_PATTERNS = [
    re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})$"),  # January 22, 1950
    re.compile(rf"^(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})(\s*(г|года)\.?)?$"),
    re.compile(r"^(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日$"),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"),
    re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})$"),
]


def parse_date(text: str) -> dt.date | None:
    """A calendar date if `text` is nothing but a date, else None."""
    text = text.strip().strip("*").strip().rstrip(".").strip()
    for pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        month_text = m.group("month")
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
        if month is None:
            continue
        try:
            return dt.date(int(m.group("year")), month, int(m.group("day")))
        except ValueError:
            return None
    return None


def find_date(text: str) -> dt.date | None:
    """The first date written anywhere in `text` (e.g. inside a citation)."""
    found = find_date_span(text)
    return found[0] if found else None


def find_date_span(text: str) -> tuple[dt.date, int, int] | None:
    """The first date in `text` and where it is written, so the place before it and the
    time after it ("Beijing, February 21, 1972, 2:50 p.m.") can be told apart."""
    for m in re.finditer(
        r"[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[^\W\d_]+\.?\s+\d{4}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日",
        text,
    ):
        found = parse_date(m.group())
        if found:
            return found, m.start(), m.end()
    return None
