"""Page furniture: what a site prints around a record, recognised by its shape.

A page copied from an archive site begins and ends with the site's chrome: skip
links, search boxes, buttons, breadcrumbs (`Home > History > Text`), pagers
(`上一页 1 2 3 下一页`), copyright lines and addresses. None of it is the record.
The rules here look at the shape of a line (short, no sentence in it, separators,
numbers in a row, an address), never at a site's own words, so they hold for
sites nobody has described.
"""

from __future__ import annotations

import re
from itertools import pairwise

from app.ingest.dates import find_date_span
from app.ingest.source import display_width
from app.textnorm import UPPER

_ADDRESS = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|\S+\.(?:com|org|net|gov|edu|cn|ru)\b")
# Separators between the steps of a breadcrumb or the items of a menu.
_SEPARATORS = re.compile(r"\s*(?:>>?|»|›|→|\||/|·|•|::|＞|》)\s*")
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|版权所有|all rights reserved", re.IGNORECASE
)
_SENTENCE = re.compile(r"[.!?。！？…](?:[\"'”’»)\]）]*)\s*$|[.!?。！？]\s+\S")
_WORDS = re.compile(r"[^\W\d_]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A line of furniture is short: a button, a menu entry, a site's name.
SHORT = 28  # display columns


def _words(text: str) -> int:
    """Words of a line, counting each Chinese character pair as one."""
    han = len(_HAN.findall(text))
    return len(_WORDS.findall(_HAN.sub(" ", text))) + (han + 1) // 2


def is_address(text: str) -> bool:
    """A line that is nothing but a web address, an e-mail address or a domain name."""
    return bool(_ADDRESS.fullmatch(text.strip(" <>()[]")))


# A download link: a file's name or its size ("PDF icon CIA-RDP73….pdf63.16 KB").
_ATTACHMENT = re.compile(
    r"[\w)-]\.(?:pdf|docx?|rtf|txt|jpe?g|png|gif|tiff?|zip|mp3)(?![^\W\d_])|"
    r"\b\d+(?:[.,]\d+)?\s?[KMG]i?B\b",
    re.IGNORECASE,
)


def is_attachment(text: str) -> bool:
    """A short line naming a file to download, or its size."""
    return display_width(text) <= 100 and bool(_ATTACHMENT.search(text))


def is_breadcrumb(text: str) -> bool:
    """Short steps joined by separators: `Home > History > Text`, `A | B | C`."""
    parts = [p for p in _SEPARATORS.split(text) if p.strip()]
    separators = len(_SEPARATORS.findall(text))
    if separators < 2 or len(parts) < 3 or sum(bool(_WORDS.search(p)) for p in parts) < 2:
        return False  # "1975/10/20" is a date
    # (an author's initials end a step, not a sentence: "Мемуары | Петров И.")
    steps = [re.sub(rf"(?:\s[{UPPER}]\.)+$", "", p) for p in parts]
    return all(display_width(p) <= 30 and not _SENTENCE.search(p) for p in steps)


_STEP = re.compile(
    r"[«‹<←\s]*(?:(?:предыдущая|следующая|назад|вперед|вперёд|previous|next|prev|оглавление|"
    r"содержание|contents)(?:\s+(?:страница|page|глава|chapter))?|上一[页頁篇章]|下一[页頁篇章]|"
    r"目录|目錄)(?:\s+(?:上一[页頁篇章]|下一[页頁篇章]))?[»›>→\s]*",
    re.IGNORECASE,
)


# The titles of the stories before and after this one: "上一篇:… 下一篇:…",
# "Previous: … Next: …".
_NEIGHBOURS = re.compile(
    r"(?:上一[篇页頁章]|下一[篇页頁章])[:：].{1,60}?(?:\s+(?:上一[篇页頁章]|下一[篇页頁章])[:：].{1,60})?|"
    r"(?i:previous|предыдущая)(?:\s+\w+)?[:：].{1,80}?\s+(?i:next|следующая)(?:\s+\w+)?[:：].{1,80}"
)


def is_pager(text: str) -> bool:
    """Page numbers in a row, perhaps between "previous" and "next": `« 1 2 3 »`,
    `上一页 [1] [2] [3] 下一页`, `【 第1頁 第2頁 】`."""
    steps = [p for p in re.split(r"\s*\|\s*", text.strip()) if p]
    if all(_STEP.fullmatch(step) for step in steps):
        return True  # "« Предыдущая страница | Следующая страница »", "上一篇 下一篇"
    if _NEIGHBOURS.fullmatch(text.strip()):
        return True  # "上一篇:邓小平参观新干线    下一篇:邓小平与日本友人"
    tokens = [t for t in re.split(r"[\s|,【】\[\]]+", text.strip()) if t]
    numbers = [
        int(n)
        for t in tokens
        if (n := re.sub(r"^第?(\d{1,3})[页頁]?$", r"\1", t)).isdecimal() and n.isascii()
    ]
    if len(numbers) < 2 or display_width(text) > 80 or find_date_span(text):
        return False
    rising = all(b == a + 1 for a, b in pairwise(numbers))
    return rising and len(tokens) - len(numbers) <= 4


# A site's menu copied without its separators: items a few words each, two spaces or
# more between them ("Новости  Темы дня  Программы  Архив  Поиск").
_MENU_GAP = re.compile(r"\s{2,}")
_MENU_ITEMS = 4
_MENU_OF_WORDS = 7  # single words: "홈  정치  경제  사회  전국  국제  과학"


def is_menu(text: str) -> bool:
    """Whether a line is a site's menu whose separators were lost: some item of two words
    or three, or many items (not a scanned heading's few words, each spaced out alone:
    "MEMORANDUM  OF  CONVERSATION")."""
    items = _MENU_GAP.split(text.strip())
    return (
        len(items) >= _MENU_ITEMS
        and (any(" " in item for item in items) or len(items) >= _MENU_OF_WORDS)
        and all(
            len(item.split()) <= 3 and not _SENTENCE.search(item) and not item[:1].isdigit()
            for item in items
        )
    )


# A button's words twice over, its icon's text glued to its label: "Download PDFDownload
# PDF", "View/Save XMLView/Save XML".
_DOUBLED = re.compile(r"(?P<words>[^\W\d_][\w'’/ ]{6,60}?[^\W\d_])(?P=words)(?![^\W\d_])")
_BUTTONS = 160  # display columns: a row of buttons, not a paragraph


def is_furniture(text: str) -> bool:
    """Whether a line is a site's furniture wherever it stands: an address, a
    breadcrumb, a pager, a copyright notice, a button's words doubled."""
    text = text.strip()
    if not text:
        return False
    short = display_width(text) <= _BUTTONS
    return (
        is_address(text)
        or is_attachment(text)
        or is_breadcrumb(text)
        or is_pager(text)
        or bool(short and _COPYRIGHT.search(text))
        or bool(short and " " in text and _doubled(text))
    )


def _doubled(text: str) -> bool:
    """Whether a line holds a button's words twice, glued: words with a space or a slash
    in them, not a laugh or a cry drawn out ("Hahahaha", "Nooooo")."""
    return any(
        (" " in words or "/" in words) and not re.fullmatch(r"(.{1,3})\1+", words.casefold())
        for m in _DOUBLED.finditer(text)
        if (words := m["words"])
    )


def is_short_line(text: str) -> bool:
    """A line too short to be a sentence and with none in it: a button, a heading, a
    menu entry (`Cite`, `Download PDF`, `Related Documents`, `分享到`)."""
    text = text.strip()
    if not text or display_width(text) > SHORT or _SENTENCE.search(text):
        return False
    if text[:1] in "[(（" or find_date_span(text) is not None:
        return False  # a stage direction, a date
    return _words(text) <= 4
