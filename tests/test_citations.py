"""Citation pieces that need no database: escaping and names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from app.citations import Style, Turn, cite, latex, split_names


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("50% of #1 & $2_3", r"50\% of \#1 \& \$2\_3"),
        ("{braces} ~tilde^ \\", r"\{braces\} \~{}tilde\^{} \textbackslash{}"),
        ("Café Łódź, Škoda, naïve", r"Caf{\'e} {\L}{\'o}d{\'z}, {\v{S}}koda, na{\"i}ve"),
        ("Straße – “quoted” — end", "Stra{\\ss}e -- ``quoted'' --- end"),
        ("Сталин и 毛泽东", "Сталин и 毛泽东"),  # no ASCII spelling: UTF-8 for biber
    ],
)
def test_latex_escapes(text: str, escaped: str) -> None:
    assert latex(text) == escaped


def test_split_names() -> None:
    assert split_names("Danny Rozas and Gary Goldberg; Zhu") == [
        ("Danny", "Rozas"),
        ("Gary", "Goldberg"),
        "Zhu",
    ]
    assert split_names(None) == []


@dataclass
class Doc:
    slug: str = "x-1"
    title: str = "Conversation of V. M. Molotov with Ambassador Đỗ & Co."
    date: dt.date = dt.date(1953, 3, 5)
    record_type: str = "memorandum of conversation"
    original_language: str = "ru"
    collection: str | None = None
    archive: str | None = "AVP RF"
    fond: str | None = "06"
    opis: str | None = None
    delo: str | None = "12"
    folios: str | None = "1-4ob"
    translator: str | None = None
    source_url: str | None = None
    summary: str | None = "Line one\nline two"


def test_a_sparse_record_cites_what_it_has() -> None:
    doc = Doc()
    assert cite(doc, Style.CHICAGO) == (
        "\u201cConversation of V. M. Molotov with Ambassador Đỗ & Co,\u201d March 5, 1953, "
        "AVP RF, f. 06, d. 12, ll. 1–4ob."
    )
    bib = cite(doc, Style.BIBTEX)
    assert r"title = {{Conversation of V. M. Molotov with Ambassador {\DJ}" not in bib
    assert r"Ambassador Đ{\~{\^o}} \& Co}}" in bib
    assert "translator" not in bib and "url" not in bib and "month = mar" in bib
    ris = cite(doc, Style.RIS, turn=Turn("x-1.2", "https://p/v1/utterances/x-1.2", None))
    assert "AB  - Line one line two\r\n" in ris  # RIS has no continuation lines
    assert "N1" not in ris and "UR  - https://p/v1/utterances/x-1.2" in ris
