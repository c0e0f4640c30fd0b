"""The CSV renderer on its own: formula neutralisation, quoting, the BOM."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from app.exports.spreadsheet import neutralise, render
from app.schemas import DocumentRef, Kind, Ref, Utterance, UtteranceText


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+7 495", "'+7 495"),
        ("- так сказать", "'- так сказать"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindented", "'\tindented"),
        ("\rcarriage", "'\rcarriage"),
        ("Мы считаем = верно", "Мы считаем = верно"),
        ("", ""),
    ],
)
def test_formula_like_cells_are_neutralised(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


def _turn(text: str, label: str) -> Utterance:
    return Utterance(
        id="doc-1.1",
        document=DocumentRef(id="doc-1", title="T, with a comma", date=dt.date(1950, 1, 1)),
        position=1,
        kind=Kind.SPEECH,
        speaker=Ref(id="x", name="=cmd|' /C calc'!A0"),
        texts={
            "ru": UtteranceText(
                lang="ru",
                original=True,
                label=label,
                text=text,
                spans=[],
                page=None,
                page_breaks=[],
            )
        },
        topics=[],
        url="https://p/v1/utterances/doc-1.1",
    )


def test_rows_survive_quotes_newlines_and_formulas() -> None:
    out = "".join(render([_turn('Он сказал: "да",\nи ушёл.', "-Сталин")], ["ru", "en"]))
    assert out.startswith("\ufeffid,")
    [row] = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"), newline="")))
    assert row["text_ru"] == 'Он сказал: "да",\nи ушёл.'
    assert row["label_ru"] == "'-Сталин" and row["speaker_name"] == "'=cmd|' /C calc'!A0"
    assert row["text_en"] == "" and row["document_title"] == "T, with a comma"


def test_large_outputs_come_in_chunks() -> None:
    chunks = list(render([_turn("слово " * 1000, "А")] * 30, ["ru"], chunk=16 * 1024))
    assert len(chunks) > 5 and all(len(c) < 32 * 1024 for c in chunks)
