"""The layout samples in the database, on both backends: what is stored, unresolved
speakers kept and merged, reloading with a sidecar."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.ingest.loader import LoadOutcome, discover, load_files, merge_participants
from app.models import (
    Document,
    DocumentParticipant,
    Participant,
    ParticipantAlias,
    Utterance,
    UtteranceText,
)
from tests.conftest import FRUS_SAMPLE, LAYOUTS_DIR, PLAIN_SAMPLE, SEED_DIR


def load(factory: sessionmaker[Session], *paths: Path) -> list[LoadOutcome]:
    return list(load_files(factory, discover(paths), SEED_DIR))


def kinds(connection: Connection, slug: str) -> list[tuple[str, str | None]]:
    return [
        (kind, speaker)
        for kind, speaker in connection.execute(
            select(Utterance.kind, Participant.slug)
            .join(Document, Document.id == Utterance.document_id)
            .outerjoin(Participant, Participant.id == Utterance.speaker_id)
            .where(Document.slug == slug)
            .order_by(Utterance.position)
        )
    ]


def test_every_layout_loads(connection: Connection, factory: sessionmaker[Session]) -> None:
    outcomes = load(factory, LAYOUTS_DIR)
    assert [(Path(o.source).name, o.status) for o in outcomes] == [
        ("en-1949-03-05_stalin-kim.txt", "loaded"),
        ("en-1960-09-17_ponomarev-deng.txt", "loaded"),
        ("frus-1972-02-21_mao-nixon.txt", "loaded"),
        ("json-1950-02-14_vyshinsky-zhou.json", "loaded"),
        ("ru-1963-07-08_cpsu-ccp-talks.txt", "loaded"),
        ("wilson-khrushchev-mao-1958-07-31.txt", "loaded"),
        ("zh-1970-10-08_mao-korean-delegation.txt", "loaded"),
    ]
    rows = connection.execute(
        select(Document.slug, Document.layout, Document.date, Document.original_language)
        .where(Document.slug != "wilson-111245")
        .order_by(Document.date)
    ).all()
    assert [(slug, layout, str(date), lang) for slug, layout, date, lang in rows] == [
        ("en-1949-03-05-stalin-kim", "front-matter", "1949-03-05", "en"),
        ("json-1950-02-14-vyshinsky-zhou", "parley-json", "1950-02-14", "en"),
        ("wilson-990731", "wilson-center", "1958-07-31", "en"),
        ("en-1960-09-17-ponomarev-deng", "plain", "1960-09-17", "en"),
        ("ru-1963-07-08-cpsu-ccp-talks", "plain", "1963-07-08", "ru"),
        ("zh-1970-10-08-mao-korean-delegation", "chinese-record", "1970-10-08", "zh"),
        ("frus-1972-02-21-mao-nixon", "frus", "1972-02-21", "en"),
    ]
    again = load(factory, LAYOUTS_DIR)
    assert {o.status for o in again} == {"unchanged"}


def test_frus_metadata_and_notes_are_stored(
    connection: Connection, factory: sessionmaker[Session]
) -> None:
    load(factory, FRUS_SAMPLE)
    doc = connection.execute(select(Document).where(Document.slug.like("frus-%"))).one()
    assert (doc.place, doc.time_of_day) == ("Chairman Mao's Residence, Peking", "2:50–3:55 p.m.")
    assert doc.archive and doc.archive.startswith("National Archives, Nixon Presidential Materials")
    assert [n["mark"] for n in doc.notes] == ["1", "2", "3"]
    assert doc.notes[1]["text"].startswith("Chiang Kai-shek had been President")
    assert [d["text"] for d in doc.debris] == ["[Page 677]", "[Page 678]"]
    spans = connection.scalars(
        select(UtteranceText.spans)
        .join(Utterance, Utterance.id == UtteranceText.utterance_id)
        .where(Utterance.document_id == doc.id)
        .order_by(Utterance.position)
    ).all()
    note_spans: list[Any] = [s for row in spans for s in row if s[2] == "note"]
    assert len(note_spans) == 2


def test_narration_and_reported_speech_are_not_speech(
    connection: Connection, factory: sessionmaker[Session]
) -> None:
    load(factory, LAYOUTS_DIR)
    assert kinds(connection, "wilson-990731")[0:3] == [
        ("reported", "khrushchev"),
        ("reported", "mao-zedong"),
        ("reported", "khrushchev"),
    ]
    chinese = kinds(connection, "zh-1970-10-08-mao-korean-delegation")
    assert chinese[0] == ("narration", None) and chinese[7] == ("narration", None)
    narration_with_speaker = connection.scalar(
        select(func.count()).where(Utterance.kind == "narration", Utterance.speaker_id.is_not(None))
    )
    assert narration_with_speaker == 0
    labels = connection.scalars(
        select(UtteranceText.label)
        .join(Utterance, Utterance.id == UtteranceText.utterance_id)
        .where(Utterance.kind == "narration")
    ).all()
    assert set(labels) == {None}


def test_unknown_speakers_are_unresolved_participants(
    connection: Connection, factory: sessionmaker[Session]
) -> None:
    load(factory, LAYOUTS_DIR)
    unresolved = dict(
        connection.execute(
            select(Participant.slug, Participant.name).where(Participant.unresolved.is_(True))
        ).all()
    )
    assert unresolved == {
        "chervonenko": "Chervonenko",
        "den-siao-pin": "Den Siao-pin",
        "kan-shen": "КАН ШЭН",
        "张庭延": "张庭延",
    }
    kang_turns = connection.scalar(
        select(func.count())
        .select_from(Utterance)
        .join(Participant, Participant.id == Utterance.speaker_id)
        .where(Participant.slug == "kan-shen")
    )
    assert kang_turns == 2


def test_merging_a_variant_keeps_every_turn_and_its_spelling(
    connection: Connection, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    load(factory, PLAIN_SAMPLE)

    def turns_of(slug: str) -> int:
        return int(
            connection.scalar(
                select(func.count())
                .select_from(Utterance)
                .join(Participant, Participant.id == Utterance.speaker_id)
                .where(Participant.slug == slug)
            )
            or 0
        )

    before = turns_of("deng-xiaoping") + turns_of("den-siao-pin")
    with factory() as session, session.begin():
        ids = dict(session.execute(select(Participant.slug, Participant.id)).all())
        merge_participants(session, ids["den-siao-pin"], ids["deng-xiaoping"])
    assert turns_of("deng-xiaoping") == before == 4
    assert (
        connection.scalar(select(Participant.id).where(Participant.slug == "den-siao-pin")) is None
    )
    roles = connection.scalars(
        select(DocumentParticipant.role)
        .join(Participant, Participant.id == DocumentParticipant.participant_id)
        .where(Participant.slug == "deng-xiaoping")
    ).all()
    assert sorted(roles) == ["present", "speaker"]

    # A changed copy of the record: the variant now resolves to the person it was merged into.
    changed = tmp_path / PLAIN_SAMPLE.name
    changed.write_text(
        PLAIN_SAMPLE.read_text(encoding="utf-8").replace("Consulted, no.", "Consulted, never.")
    )
    shutil.copy(PLAIN_SAMPLE.with_name(PLAIN_SAMPLE.stem + ".meta.yaml"), tmp_path)
    [outcome] = load(factory, changed)
    assert outcome.status == "replaced"
    assert "Den Siao-pin" not in outcome.unresolved
    assert turns_of("deng-xiaoping") == 4


def test_a_changed_sidecar_replaces_the_document(
    connection: Connection, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    record = tmp_path / PLAIN_SAMPLE.name
    shutil.copy(PLAIN_SAMPLE, record)
    sidecar = tmp_path / (PLAIN_SAMPLE.stem + ".meta.yaml")
    shutil.copy(PLAIN_SAMPLE.with_name(sidecar.name), sidecar)
    assert [o.status for o in load(factory, record)] == ["loaded"]
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace("place: Moscow", "place: Kremlin")
    )
    assert [o.status for o in load(factory, record)] == ["replaced"]
    assert (
        connection.scalar(
            select(Document.place).where(Document.slug == "en-1960-09-17-ponomarev-deng")
        )
        == "Kremlin"
    )


def test_a_sidecar_that_is_wrong_changes_nothing(
    connection: Connection, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    record = tmp_path / PLAIN_SAMPLE.name
    shutil.copy(PLAIN_SAMPLE, record)
    (tmp_path / (PLAIN_SAMPLE.stem + ".meta.yaml")).write_text("title: A record\ndate: someday\n")
    before = connection.scalar(select(func.count()).select_from(Document))
    [outcome] = load(factory, record)
    assert outcome.status == "failed" and outcome.error is not None
    assert str(outcome.error).startswith(f"{tmp_path / (PLAIN_SAMPLE.stem + '.meta.yaml')}:2:")
    assert connection.scalar(select(func.count()).select_from(Document)) == before


TOLD_TELEGRAM = """Telegram From the Embassy in the Soviet Union to the Department of State

Moscow, March 4, 1962, 7 p.m.

1. Gromyko opened by saying he wished to raise the test ban talks.

2. I replied that our proposal had been weighed with care. He said that he found nothing
new in it.

3. Gromyko said that the Soviet position was unchanged.

Thompson
"""


def turn_rows(connection: Connection, slug: str) -> list[tuple[str | None, str | None, str]]:
    """(speaker slug, label, text) of every unit of a document, in order."""
    rows = connection.execute(
        select(Participant.slug, UtteranceText.label, UtteranceText.text)
        .join(Utterance, Utterance.id == UtteranceText.utterance_id)
        .join(Document, Document.id == Utterance.document_id)
        .outerjoin(Participant, Participant.id == Utterance.speaker_id)
        .where(Document.slug == slug)
        .order_by(Utterance.position)
    ).all()
    return [(speaker, label, text) for speaker, label, text in rows]


def test_a_telegram_told_in_the_first_person_stores_names_not_pronouns(
    tmp_path: Path, connection: Connection, factory: sessionmaker[Session]
) -> None:
    (tmp_path / "telegram.txt").write_text(TOLD_TELEGRAM, encoding="utf-8")
    assert [o.status for o in load(factory, tmp_path)] == ["loaded"]
    people = dict(connection.execute(select(Participant.slug, Participant.name)).all())
    assert people["thompson"] == "Thompson"
    assert people["gromyko"] == "Gromyko"
    aliases = {a for (a,) in connection.execute(select(ParticipantAlias.alias))}
    assert not aliases & {"I", "He"}  # "I" and "He" stand in for names; they are none
    rows = turn_rows(connection, "telegram")
    # every word stays: the paragraph numbers as narration, "I" and "He" as written
    assert [(slug, label, text.split()[0]) for slug, label, text in rows] == [
        (None, None, "1."),
        ("gromyko", "Gromyko", "opened"),
        (None, None, "2."),
        ("thompson", "I", "replied"),
        ("gromyko", "He", "said"),
        (None, None, "3."),
        ("gromyko", "Gromyko", "said"),
    ]


MEMOIR_DIALOGUE = """Глава 3

Вечером нас вызвали в Кремль. Молотов долго молчал.

— Начнет с пакта, — сказал Сталин.

— А если потребует ответа?

На этом разговор закончился.
"""


def test_a_reply_in_a_dialogue_is_stored_with_its_speaker_and_no_label(
    tmp_path: Path, connection: Connection, factory: sessionmaker[Session]
) -> None:
    (tmp_path / "memoir.txt").write_text(MEMOIR_DIALOGUE, encoding="utf-8")
    assert [o.status for o in load(factory, tmp_path)] == ["loaded"]
    rows = turn_rows(connection, "memoir")
    assert [(slug, label, text[:10]) for slug, label, text in rows] == [
        (None, None, "Вечером на"),
        ("stalin", "Сталин", "— Начнет с"),
        ("molotov", None, "— А если п"),  # a reply: its speaker from the exchange, no label
        (None, None, "На этом ра"),
    ]
