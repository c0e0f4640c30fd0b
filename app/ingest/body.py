"""The body of a record: page debris out, languages apart, broken paragraphs rejoined."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from app.ingest.model import Debris, Line, PageBreak, ParseError
from app.ingest.source import (
    CABLE_PAGE,
    CLASSIFICATION_LINE,
    DASH_LABEL,
    WITHHELD_LABEL,
    paragraph_lines,
)
from app.languages import language_name
from app.textnorm import (
    HAN,
    LOWER,
    UPPER,
    cyrillic_language,
    han_language,
    latin_language,
    script_language,
)

# A news site's links to other stories: "Čtěte také: …", "MORE FROM BOOKS", "관련기사".
READ_ALSO = re.compile(
    r"^(?:Čtěte také|Přečtěte si také|Czytaj (?:też|także)|Читайте также|Читайте також|"
    r"Lesen Sie (?:auch|mehr)|Read (?:more|also)|Lire aussi|Leer (?:más|también)|"
    r"Leggi anche|Zie ook|Läs också|(?i:more from|related (?:articles|stories))|"
    r"延伸阅读|相关阅读|相關閱讀|관련\s?기사|あわせて読みたい|関連記事)\b.{0,200}$"
)
# Page debris as it survives in archive transcriptions. Order matters: the first
# pattern that matches a paragraph decides its kind.
_CREDIT_WORD = "A-ZÀ-ÞА-ЯЁІЇЄҐČŠŽŘĽ0-9©("  # how a credit's every word opens
_DEBRIS: list[tuple[str, re.Pattern[str]]] = [
    ("page", re.compile(r"^(?P<n>\d{1,3})\.$")),  # typed page number: "2."
    ("page", re.compile(r"^-\s*(?P<n>\d{1,3})\s*-$")),  # "- 2 -"
    ("page", re.compile(r"^\[Page (?P<n>\d{1,4})\]$", re.IGNORECASE)),  # FRUS
    ("page", CABLE_PAGE),  # "PAGE 02 OTTAWA 08721 032355Z"
    ("classification", CLASSIFICATION_LINE),  # "LIMITED OFFICIAL USE" over every page
    ("folio", re.compile(r"^(?P<n>\d{1,4})$")),  # archive folio stamp: "29"
    ("stamp", re.compile(r"^-\s*\d{1,5}$")),  # "- 106"
    ("stamp", re.compile(r"^№\s*\d+(?:\s*,\s*[IVXLC]+)?$")),  # "№ 1, II"
    # a news site's advertisement slot and its links to other stories, between an
    # interview's question and answer: "PUBLICIDAD", "Čtěte také: …"
    (
        "furniture",
        re.compile(
            r"^(?i:advertisement|publicidad|publicidade|publicité|pubblicità|anzeige|werbung|"
            r"reklama|реклама|advertentie|annons)$|^(?:广告|廣告|광고)$"
        ),
    ),
    # (and a photograph's credit, names and agencies: "Скріншот: Алеся Бацман / YouTube",
    # "Foto: ČTK"; not a turn's "Foto: Und die Luftabwehr")
    (
        "furniture",
        re.compile(
            r"^(?:Фото|Скріншот|Скриншот|Photo|Foto|Fot\.|Zdjęcie|Snímek|Kuva)\s*:\s*"
            rf"(?=.{{1,80}}$)(?:[{_CREDIT_WORD}]\S*|[/|&©])(?:\s+(?:[{_CREDIT_WORD}]\S*|[/|&©]))*$"
        ),
    ),
    ("furniture", READ_ALSO),
]
# A Hansard site's line under a member's name and colon: "Leader of the House · Grayndler ·
# ALP", his post, seat and party.
MEMBERS_POST = re.compile(r"[A-Z][^·\n:：.!?]{1,60}(?:\s·\s[^·\n:：.!?]{1,60}){1,3}")


def under_a_label(text: str, above: str) -> bool:
    """Whether a paragraph is a member's post, seat and party under his label."""
    return above.rstrip().endswith((":", "：")) and MEMBERS_POST.fullmatch(text) is not None


# FRUS prints its page numbers inside running text too: "I leave to [Page 678] you".
_INLINE_PAGE = re.compile(r"\s*\[Page (?P<n>\d{1,4})\]\s*", re.IGNORECASE)


@dataclass(slots=True)
class Paragraph:
    text: str
    line_start: int
    line_end: int
    lang: str | None
    heading: bool = False
    page: str | None = None  # page the paragraph starts on
    page_breaks: list[PageBreak] = field(default_factory=list)
    first_line: str = ""  # the first source line alone, for labels written on a line of their own
    # Label candidates by style, found once (labels.py): the label rules ask several times.
    candidates: dict[str, list[Any]] = field(default_factory=dict, repr=False, compare=False)
    # Whether a verb of speaking is among its first words (labels.py), found once.
    speaking: bool | None = field(default=None, repr=False, compare=False)
    # Whether it cites its sources like a note (labels.py), found once.
    cites: bool | None = field(default=None, repr=False, compare=False)


def join_lines(block: list[Line]) -> str:
    """One paragraph's lines as running text; soft line breaks become spaces."""
    text = ""
    for line in block:
        piece = line.text.strip()
        if re.search(r"[^\W\d_]-$", text) and piece[:1].isalpha() and piece[:1].islower():
            text = text[:-1] + piece  # a word hyphenated at the end of a line
        elif re.search(r"[^\W\d_]-$", text) and text.split()[-1].isupper() and piece[:1].isupper():
            text = text[:-1] + piece  # the same in an all-capitals heading: НАРОД- / НОЙ
        elif HAN.search(text[-1:]) or HAN.match(piece):
            text += piece  # Chinese has no spaces between words, nor at a line break
        else:
            text = f"{text} {piece}" if text else piece
    return re.sub(r"[ \t]+", " ", text)


def split_paragraph(para: Paragraph, cuts: list[int]) -> list[Paragraph]:
    """The paragraph cut at the given offsets, each piece with its own page breaks."""
    pieces: list[Paragraph] = []
    page = para.page
    bounds = [0, *cuts, len(para.text)]
    for start, end in pairwise(bounds):
        inside = [b for b in para.page_breaks if start <= b.offset < end]
        text = para.text[start:end].rstrip()
        first = text.split("\n", 1)[0] if start else para.first_line
        pieces.append(
            Paragraph(
                text,
                para.line_start,
                para.line_end,
                para.lang,
                para.heading,
                page,
                [PageBreak(b.offset - start, b.page) for b in inside if b.offset > start],
                first,
            )
        )
        if inside:
            page = inside[-1].page
    return pieces


def debris_kind(text: str) -> tuple[str, str | None] | None:
    """(kind, page number) if the paragraph is page debris."""
    for kind, pattern in _DEBRIS:
        if m := pattern.match(text):
            return kind, m.groupdict().get("n")
    return None


def _starts_lowercase(text: str) -> bool:
    """Whether the first word (after any opening quote or bracket) is lower case."""
    m = re.match(r"[\s\"'«„“(\[.…-]*(?P<c>\w)", text)
    return m is not None and m.group("c").islower()


def _closes_bracket(before: str, text: str) -> bool:
    """Whether `text` closes a square bracket `before` left open (a bracket never closed is
    the source's slip, not a reason to swallow the rest of the record)."""
    return before.count("[") > before.count("]") and "]" in text.split("[", 1)[0]


def _inline_pages(text: str, block: list[Line]) -> tuple[str, list[tuple[int, str, int]]]:
    """The text without the page markers inside it, and (offset, page, line) for each: the
    offset is where the text of the new page begins."""
    found: list[tuple[int, str, int]] = []
    while m := _INLINE_PAGE.search(text):
        marker = f"[Page {m.group('n')}]"
        line = next((ln.number for ln in block if marker in ln.text), block[0].number)
        before, after = text[: m.start()], text[m.end() :]
        before += " " if before and after else ""
        text = before + after
        found.append((len(before), m.group("n"), line))
    return text, found


@dataclass(slots=True)
class _Piece:
    """A paragraph before its version is known, or page debris."""

    block: list[Line]
    text: str
    heading: bool = False
    inline_pages: list[tuple[int, str, int]] = field(default_factory=list)
    debris: tuple[str, str | None] | None = None  # (kind, page number)
    script: str | None = None


# A paragraph that opens like a turn: "Name: …", "NAME says…", "NAME" alone.
_TURN_SHAPED = re.compile(
    r"^(?:[^\W\d_][^:：\n]{0,40}[:：]\s*\S"
    rf"|[{UPPER}][{UPPER} .'’-]{{2,40}}(?:\s+[{LOWER}]|$))"
)
_LETTER = re.compile(r"[^\W\d_]")


def _pieces(lines: list[Line]) -> list[_Piece]:
    pieces: list[_Piece] = []
    for block in paragraph_lines(lines):
        text = join_lines(block)
        if kind := debris_kind(text):
            pieces.append(_Piece(block, text, debris=kind))
            continue
        if pieces and under_a_label(text, pieces[-1].text):
            pieces.append(_Piece(block, text, debris=("post", None)))
            continue
        heading = text.startswith("#")
        if heading:
            text = text.lstrip("#").strip()
        text, inline_pages = _inline_pages(text, block)
        pieces.append(_Piece(block, text, heading, inline_pages, script=script_language(text)))
    return pieces


def _languages(pieces: list[_Piece]) -> list[str | None]:
    """The version each paragraph belongs to. A run of paragraphs in one script is a
    version of its own when it is the largest, or holds turns, or is a good share of
    the text; a shorter run in another script (an English footer under a Chinese record,
    a source line, a quotation) belongs to the version around it."""
    runs: list[tuple[str, list[int]]] = []
    for index, piece in enumerate(pieces):
        if piece.script is None:
            continue
        if runs and runs[-1][0] == piece.script:
            runs[-1][1].append(index)
        else:
            runs.append((piece.script, [index]))
    if not runs:
        return [None] * len(pieces)
    if len(runs) == 1:
        return [runs[0][0]] * len(pieces)
    letters = [sum(len(_LETTER.findall(pieces[i].text)) for i in run) for _, run in runs]
    turns = [sum(bool(_TURN_SHAPED.match(pieces[i].text)) for i in run) for _, run in runs]
    largest = max(letters)
    # (one paragraph alone is no version, though the longest: a question put in English at
    # a Chinese press conference)
    major = [
        (count == largest and len(runs[n][1]) >= 2)
        or turns[n] >= 2
        or (count * 10 >= largest * 3 and len(runs[n][1]) >= 3)
        for n, count in enumerate(letters)
    ]
    if not any(major):
        major = [count == largest for count in letters]
    owner: list[str | None] = [None] * len(pieces)
    current = next(lang for (lang, _), big in zip(runs, major, strict=True) if big)
    run_of = {i: n for n, (_, run) in enumerate(runs) for i in run}
    for index in range(len(pieces)):
        if index in run_of and major[run_of[index]]:
            current = runs[run_of[index]][0]
        owner[index] = current
    return owner


def split_languages(
    lines: list[Line], source: str
) -> tuple[dict[str, list[Paragraph]], list[Debris]]:
    """Paragraphs of each language version, in file order, with page debris removed.

    A version is a contiguous run of paragraphs in one script (see `_languages`); debris
    between paragraphs belongs to the version it interrupts (or, before any text, to
    the version that follows).
    """
    pieces = _pieces(lines)
    owners = _languages(pieces)
    versions: dict[str, list[Paragraph]] = {}
    debris: list[Debris] = []
    pending: list[tuple[Debris, str | None]] = []  # debris not yet attached to a version
    current: str | None = None
    for piece, lang in zip(pieces, owners, strict=True):
        block = piece.block
        if piece.debris is not None:
            kind, page = piece.debris
            pending.append((Debris("", block[0].number, piece.text, kind), page))
            continue
        if lang is None:
            continue  # punctuation before any text
        if lang != current:
            if lang in versions:
                raise ParseError(
                    source,
                    block[0].number,
                    f"{language_name(lang)} text resumes here after the "
                    f"{language_name(current or '')} version began; expected each "
                    "language version as one continuous block",
                )
            versions[lang] = []
            current = lang
        paragraph = Paragraph(
            piece.text,
            block[0].number,
            block[-1].number,
            lang,
            piece.heading,
            first_line=re.sub(r"[ \t]+", " ", block[0].text.strip()),
        )
        for item, page in pending:
            debris.append(Debris(lang, item.line, item.text, item.kind))
            if page is not None and item.kind == "page":
                paragraph.page_breaks.append(PageBreak(0, page))
        pending = []
        for offset, page, line in piece.inline_pages:
            debris.append(Debris(lang, line, f"[Page {page}]", "page"))
            paragraph.page_breaks.append(PageBreak(offset, page))
        versions[lang].append(paragraph)
    for item, _ in pending:  # trailing debris belongs to the last version
        debris.append(Debris(current or "", item.line, item.text, item.kind))
    return {lang: rejoin(paras) for lang, paras in _language_named(versions).items()}, debris


def _language_named(versions: dict[str, list[Paragraph]]) -> dict[str, list[Paragraph]]:
    """The versions, each named for its language: a French or Spanish record is no English
    one (its script alone says "en"), a Ukrainian one no Russian one ("ru"), a Japanese one
    no Chinese one ("zh")."""
    for script, language_of in (
        ("en", latin_language),
        ("ru", cyrillic_language),
        ("zh", han_language),
    ):
        if (paras := versions.get(script)) is None:
            continue
        lang = language_of(" ".join(p.text for p in paras))
        if lang != script and lang not in versions:
            versions = {
                (lang if key == script else key): (
                    [replace(p, lang=lang) for p in paras] if key == script else others
                )
                for key, others in versions.items()
            }
    return versions


# A web user's name: one word in lower case, digits and marks allowed ("jezzy", "anna_k").
HANDLE = r"[a-zäöüßàâçéèêëîïôûùáíóúñ][\w.-]{2,24}"
_HANDLE_LABEL = re.compile(rf"(?P<handle>{HANDLE}):\s")


def rejoin(paras: list[Paragraph]) -> list[Paragraph]:
    """Mend paragraphs that a page break cut in two, and number the pages.

    A paragraph continues the one before it when it starts in lower case
    ("и соглашений.", "interest. We could…") or when the one before left a
    square bracket open ("[CCP CC member and Vice Chairman of Finance and" …
    "Economics Commission] Li Fuchun.").
    """
    first_page = next((b.page for p in paras for b in p.page_breaks), None)
    page: str | None = None
    if first_page is not None and first_page == "2":
        page = "1"  # typed records leave the first page unnumbered
    out: list[Paragraph] = []
    # (a web user's name in lower case that labels paragraphs again and again starts them)
    handles = Counter(m["handle"] for p in paras if (m := _HANDLE_LABEL.match(p.text)))
    for para in paras:
        breaks = para.page_breaks
        prev = out[-1] if out else None
        handle = _HANDLE_LABEL.match(para.text)
        if (
            prev is not None
            and not para.heading
            and not prev.heading
            and (_starts_lowercase(para.text) or _closes_bracket(prev.text, para.text))
            and not (handle and handles[handle["handle"]] >= 2)
            and not DASH_LABEL.match(para.text)  # "т. Пельше – …" opens a turn
            and not WITHHELD_LABEL.match(para.text)  # and so does "[name not declassified]:"
        ):
            offset = len(prev.text) + 1
            prev.page_breaks.extend(PageBreak(offset + b.offset, b.page) for b in breaks)
            prev.text = f"{prev.text} {para.text}"
            prev.line_end = para.line_end
        else:
            # A break before the text sets the page the paragraph starts on; one inside
            # it (FRUS "[Page 678]") stays a break.
            if leading := [b for b in breaks if b.offset == 0]:
                page = leading[-1].page
            out.append(
                Paragraph(
                    para.text,
                    para.line_start,
                    para.line_end,
                    para.lang,
                    para.heading,
                    page,
                    [b for b in breaks if b.offset > 0],
                    para.first_line,
                )
            )
        if breaks:
            page = breaks[-1].page
    return out
