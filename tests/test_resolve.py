"""Names to ids on both backends: ids, aliases in any language and case, and misses."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.errors import UnknownName
from app.models import Participant, ParticipantAlias
from app.queries import resolve
from app.textnorm import name_key


def ids(session: Session) -> dict[str, int]:
    return dict(session.execute(select(Participant.slug, Participant.id)).all())


def test_an_id_or_any_spelling(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        mao = ids(session)["mao-zedong"]
        for spelling in ["mao-zedong", "Mao", "MAO ZEDONG", "Мао Цзе-дун", " mao "]:
            assert resolve.participant_id(session, spelling) == mao, spelling


def test_an_id_outranks_someone_elses_alias(factory: sessionmaker[Session]) -> None:
    with factory() as session, session.begin():
        people = ids(session)
        # A careless alias: Mao also called "stalin". The id still means Stalin.
        session.add(
            ParticipantAlias(
                participant_id=people["mao-zedong"], alias="stalin", key=name_key("stalin")
            )
        )
        session.flush()
        assert resolve.participant_id(session, "stalin") == people["stalin"]


def test_an_unknown_name_suggests_the_nearest(factory: sessionmaker[Session]) -> None:
    with factory() as session, pytest.raises(UnknownName) as caught:
        resolve.participant_id(session, "Mao Zedung")
    assert "Did you mean Mao Zedong (mao-zedong)" in str(caught.value)
