"""Pages that look like a shape the reader knows and are not: dialogue typed with hyphens
(no list), a title's capitals before a name alone on its line, "PM" before a name, a
blog's posting day, a page's own stamp, a labelled question over a reported answer, an
editor's note in brackets, a paper's name in angle brackets, a shift operator, an
essay's questions, a paper's name as a label.

Every page here is a few lines invented for the test in the shape of a published page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.ingest.model import ParseError
from app.ingest.registry import Registry
from tests.ingest.test_reading_pages import parse, turns
from tests.ingest.test_reading_pages_stenograms import said

HYPHEN_DIALOGUE = """Интервью посла газете «Труд»

- Андрей Петрович, чем закончились переговоры?
- Мы договорились продолжить работу над текстом договора.
- Когда будет следующая встреча?
- Думаю, в начале весны, если партнёры будут готовы.
- А что с торговлей?
- Торговля растёт, и это хороший знак для обеих сторон.
- Вы довольны итогами года?
- В целом да, хотя многое ещё впереди.
"""


def test_dialogue_typed_with_hyphens_keeps_them(registry: Registry) -> None:
    doc = parse(HYPHEN_DIALOGUE, registry)
    assert [key for key, _ in turns(doc)] == ["question", "a"] * 4


CAPITALS_OVER_WORDS = """Questions to the Prime Minister

MRS. HARRIS
I have been asked to reply, and I will.

MR. DALTON
Will she tell the House why the waiting lists have grown?

MRS. HARRIS
They have fallen in every region this year.
"""


def test_a_courtesy_title_in_capitals_over_the_words_is_a_name_alone(registry: Registry) -> None:
    doc = parse(CAPITALS_OVER_WORDS, registry)
    assert [u.speaker.label for u in doc.turns() if u.speaker] == [
        "MRS. HARRIS",
        "MR. DALTON",
        "MRS. HARRIS",
    ]


PM_BEFORE_A_NAME = """Interview with the Trade Minister

Q. Minister, what came of the summit?
A. We made progress on tariffs, though not on fishing.
PM Anthony Walsh raised the fishing quota himself at the dinner.
Q. Will you meet again this year?
A. I expect so.
"""


def test_pm_before_a_name_is_no_label(registry: Registry) -> None:
    doc = parse(PM_BEFORE_A_NAME, registry)
    assert [key for key, _ in turns(doc)] == ["question", "a", "question", "a"]


BLOG_DAY = """Sunday, March 12, 2023

Two leaders in Vienna

Our volunteers translated the record below from the archive's copy.

Kennedy: I would like to begin with Laos.
Khrushchev: Laos is not the main question for us.
Kennedy: Then which is?
Khrushchev: Germany, Mr. President.
"""

LAST_UPDATED = """Memorandum of Conversation between Gromyko and Rusk

This page was last updated: 14 April 2022

Rusk: The President sends his greetings.
Gromyko: Please give him mine.
Rusk: We would like to finish the text today.
Gromyko: That depends on you.
"""


@pytest.mark.parametrize("page", [BLOG_DAY, LAST_UPDATED])
def test_a_pages_own_day_does_not_date_the_talk(page: str, registry: Registry) -> None:
    assert parse(page, registry).metadata.date is None


LABELLED_OVER_REPORTED = """Запись беседы Н.С. Хрущева с послом

Хрущев: Что вы предлагаете по Берлину?

– Посол ответил, что президент готов к переговорам.

Хрущев: А как быть с Западной Германией?

– Посол сказал, что этот вопрос требует консультаций.

Хрущев: Хорошо, мы подумаем.
"""


def test_a_labelled_question_over_a_dashed_report_keeps_its_speaker(registry: Registry) -> None:
    doc = parse(LABELLED_OVER_REPORTED, registry)
    assert said(doc)[0][0] == "khrushchev"
    assert said(doc)[0][1].startswith("Что вы предлагаете по Берлину?")


NOTES_AND_PAPERS = """外務大臣会見記録

記者：首脳会談の見通しについて伺います。

外務大臣：調整中でございます。

（外務省注）本件については後日発表された。

記者：時期はいつ頃になりますか。

外務大臣：現時点では申し上げられません。

（外務省注）会見はこの後非公開となった。
"""


def test_an_editors_note_in_round_brackets_is_no_speaker(registry: Registry) -> None:
    doc = parse(NOTES_AND_PAPERS, registry)
    assert all("注" not in (u.speaker.label if u.speaker else "") for u in doc.turns())


PAPERS_IN_ANGLES = """외교부 대변인 브리핑

<한국일보> 보도에 따르면 정부는 오늘 오전 회의를 열었다.

<서울신문> 기사는 추가 조치가 검토되고 있다고 전했다.

<한국일보> 정부는 긴급 회의를 소집했다.

기자: 추가 조치 가능성은 어떻게 보십니까?

대변인: 모든 가능성에 대비하고 있습니다.

기자: 미국과의 협의는요?

대변인: 긴밀히 협의하고 있습니다.
"""


def test_a_papers_name_in_angle_brackets_is_no_speaker(registry: Registry) -> None:
    doc = parse(PAPERS_IN_ANGLES, registry)
    assert {u.speaker.label for u in doc.turns() if u.speaker} == {"기자", "대변인"}


SHIFTS = """Chat log, a programming channel

Ana: how do I shift bits right? I tried n >> 3 and it looks wrong
Ben: n >> 3 divides by eight, that is right for positive numbers
Ana: and for negative ones? m >> 1 gives me -3
Ben: that is an arithmetic shift, it rounds down
"""


def test_a_shift_operator_is_no_caption_mark(registry: Registry) -> None:
    doc = parse(SHIFTS, registry)
    assert said(doc)[1][1] == "n >> 3 divides by eight, that is right for positive numbers"


ESSAY = """The Berlin Crisis: What the Archives Show

Why did Khrushchev set a deadline?
We now know from the party archives that he feared the flight of skilled workers west.

Did Kennedy expect the wall?
No. Our reading of the cables shows that Washington was surprised on the morning itself.

How close did the tanks come?
Closer than my teachers said. At Checkpoint Charlie they stood a hundred metres apart.
"""


def test_an_essays_questions_over_its_answers_are_no_interview(registry: Registry) -> None:
    with pytest.raises(ParseError, match="no conversation"):
        parse(ESSAY, registry)


PAPER_AS_LABEL = """Interview mit der Ministerin

Foto: Frau Ministerin, wann kommen die neuen Züge?
Ministerin: Im nächsten Jahr, wenn alles gut geht.
Foto: Und die Bahn
Ministerin: Die Bahn bekommt mehr Geld als je zuvor.
"""


def test_a_label_that_reads_like_a_credit_keeps_its_turn(registry: Registry) -> None:
    doc = parse(PAPER_AS_LABEL, registry)
    assert "Und die Bahn" in [text for _, text in said(doc)]


TRANSCRIPT_UPDATED = """Transcript of the Minister's interview with a morning programme

Last updated: 7 March 2020, 09:12

Host: Minister, thank you for joining us.
Minister: Good morning.
Host: Will the budget be delayed?
Minister: No, it will come on time.
"""

OTHER_CALL = (
    "Minister arrives in Canberra\n\n"
    "The visit follows a telephone call between the two presidents, reported by both offices "
    "on 2 March 2020. Our correspondent spoke to the minister at the airport.\n\n"
    "Correspondent: Minister, what do you hope to achieve?\n"
    "Minister: A trade agreement, above all.\n"
    "Correspondent: Is it close?\n"
    "Minister: Closer than it has ever been.\n"
)


@pytest.mark.parametrize("page", [TRANSCRIPT_UPDATED, OTHER_CALL])
def test_a_stamp_under_a_transcript_or_another_talks_day_is_no_date(
    page: str, registry: Registry
) -> None:
    assert parse(page, registry).metadata.date is None


FORUM = """By Jane Roe | 5 March 2020

Candidates' forum, Des Moines, 1 March 2020

Moderator: Senator, your first answer.
Senator: Thank you. I will be brief.
Moderator: Governor?
Governor: I agree with the Senator, for once.
"""


def test_a_dateline_whose_place_holds_the_letters_of_date(registry: Registry) -> None:
    doc = parse(FORUM, registry)
    assert (doc.metadata.date, doc.metadata.place) == (
        dt.date(2020, 3, 1),
        "Candidates' forum, Des Moines",
    )


HEADLINE = """PM Modi meets students

PM Narendra Modi met students on Monday.
Student: Sir, how do you handle stress?
PM Modi: I treat exams as a festival.
Student: What about failure?
PM Modi: Failure is a teacher.
"""


def test_a_headlines_pm_is_no_label(registry: Registry) -> None:
    doc = parse(HEADLINE, registry)
    assert [u.speaker.label for u in doc.turns() if u.speaker] == ["Student", "PM Modi"] * 2
