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


# -- lookalikes of the twelfth round's shapes -------------------------------------------------

# A town hall: the students answering together by a bracketed word, which is no heading
# of a participants list.
TOWN_HALL = """Town hall meeting with students

Lviv, 4 May 2016

President: Good morning. Who has the first question?
Student: Will the grants go up?
President: They will, from September.
Participants (in unison): Thank you!
President: Next question, please.
"""


def test_a_bracketed_word_after_participants_is_no_list_heading(registry: Registry) -> None:
    doc = parse(TOWN_HALL, registry)
    assert len(said(doc)) >= 4
    assert said(doc)[0][1].startswith("Good morning.")


# A site's links and an information box, each after an arrow or a triangle, are no
# speakers: no name after a mark recurs, or what follows it is no speech.
LINKS = """Interview with the Minister of Trade

3 June 2022

Q: Minister, how do you see the new tariffs?
A: They are a mistake. We said so in Brussels.

▶ See also: The tariff dispute explained
▶ Video: The minister arrives in Brussels

Q: And the farmers?
A: The farmers will be compensated.
"""

BOX = """2024 평화 포럼 개최

2024년 4월 2일

연구원은 다음 달 평화 포럼을 연다고 2일 밝혔다.

▲일시=2024년 5월 10일 오후 2시
▲장소=서울 중구 프레스센터

부산에서도 지역 포럼이 열린다.

▲일시=2024년 5월 17일 오후 3시
▲장소=부산 해운대구 벡스코
"""


def test_a_sites_marked_links_and_an_information_box_are_no_speakers(
    registry: Registry,
) -> None:
    assert [key for key, _ in said(parse(LINKS, registry))] == ["question", "a"] * 2
    with pytest.raises(ParseError):
        parse(BOX, registry)


# A memorandum's heading of a text handed over, ending in a listed name; initials that
# match one participant as the list writes him and another without his title.
HANDED = """Memorandum of Conversation

Peking, February 23, 1972

Participants:
Zhou Enlai, Premier of the State Council
Henry A. Kissinger, Assistant to the President
Gen. Alexander Haig, Deputy Assistant
Armand Hale, Adviser

Zhou: We have read the draft.
Kissinger: Then I will hand over our text.

Text Handed Over To Zhou Enlai: The two sides agree to continue their contacts.

Zhou: We shall study it.
AH: The annex follows tomorrow.
Zhou: Good.
AH: Thank you.
"""


def test_a_heading_addressed_to_a_listed_name_is_no_turn_of_his(registry: Registry) -> None:
    doc = parse(HANDED, registry)
    keys = [key for key, _ in said(doc)]
    assert keys[:3] == ["zhou-enlai", "kissinger", "zhou-enlai"]
    assert "The two sides agree" in said(doc)[1][1]  # (the text goes on in his turn)
    assert keys[3] == keys[5] == "armand-hale"  # (AH as written, not Alexander Haig untitled)


# A heading about the press in an interview; a dateline over names that are the subject of
# a programme, not its participants.
SECTIONS = """Interview with the outgoing Minister of Culture

Warsaw, 2 December 2015

Interviewer: Let us go through your ministry one area at a time.

The Press: Friend or Foe?

Interviewer: How did you get on with journalists?
Minister: Badly at first, better later.
Interviewer: Why?
Minister: I learned to listen.
"""

PANEL = """3 March 2020

Anna Weller, Tom Brecht, Lea Moor, Paul Kern

Anchor: Tonight the primaries. Our panel joins us.
Analyst: The front-runner has the momentum.
Anchor: And the others?
Analyst: They need the big states.
"""


def test_a_heading_on_the_press_and_names_under_a_dateline_that_no_one_knows(
    registry: Registry,
) -> None:
    assert "press" not in [key for key, _ in said(parse(SECTIONS, registry))]
    assert parse(PANEL, registry).attendees == []


# A page that shows a subtitle file's cues as an example inside an answer.
EXPLAINER = """Q&A: How our captioning team works

Q: What does a subtitle file look like?
A: A plain text file. Each cue has a number, a time range and the text, like this:

1
00:00:01,000 --> 00:00:03,000
Hello.

2
00:00:03,500 --> 00:00:05,000
Hi there.

3
00:00:05,500 --> 00:00:07,000
How are you?

Q: And how long does one take?
A: An hour for ten minutes of speech.
"""


def test_cues_quoted_as_an_example_keep_their_numbers_and_times(registry: Registry) -> None:
    answer = said(parse(EXPLAINER, registry))[1][1]
    assert "00:00:01,000 --> 00:00:03,000" in answer


# A news page's headings in capitals run into their sentences, each heading alone of its
# kind: no speakers (the page's speakers are the colon's).
CAPITAL_HEADINGS = """Summit Closes in Vilnius

12 July 2023

SUMMIT DAY TWO Leaders met for a second day and agreed a new package of support.

Jens Stoltenberg: We have taken important decisions today.

Question: Will Ukraine join soon?

Jens Stoltenberg: The door is open.

SUMMIT DAY TWO Reporters were told the communique would be published tonight.
"""

# A programme's times before a space and the events, over a talk with colons.
SCHEDULE = """日米首脳会談の日程

2019年5月27日

午前 9時に首相官邸で歓迎式典を行う。両首脳が儀仗隊を巡閲する。
午前 10時から少人数会合。北朝鮮問題を協議する。
午後 1時から拡大会合と昼食会。貿易問題を話し合う。
午後 3時に共同記者会見を行う。

首相：大統領をお迎えできて光栄です。

大統領：ありがとう。素晴らしい歓迎でした。

首相：両国の同盟は揺るぎないものです。

大統領：その通りです。
"""

# A company's notice: its points after a glued dash, each over a sentence in corner
# brackets, none asking.
NOTICE = """新製品発表会のお知らせ

当社は下記の日程で新製品の発表会を開催します。

-会場は東京本社の大会議室です
「ご来場をお待ちしております。当日は社長が説明いたします。」

-受付は午前9時から開始します
「混雑が予想されますので、お早めにお越しください。」

-お問い合わせは広報部まで
「電話またはメールで受け付けております。」
"""


def test_headings_times_and_points_run_into_their_words_are_no_speakers(
    registry: Registry,
) -> None:
    assert "summit-day-two" not in [key for key, _ in said(parse(CAPITAL_HEADINGS, registry))]
    speakers = [key for key, _ in said(parse(SCHEDULE, registry))]
    assert len(speakers) == 4 and not {"午前", "午后"} & set(speakers)
    with pytest.raises(ParseError):
        parse(NOTICE, registry)


# A novel's chapter in lines of dialogue under a title with the word for an interview.
CHAPTER = """Интервью с вампиром. Глава первая

— Ночь тёплая.
— Да, как тогда.
— Ты помнишь тот вечер?
— Я помню всё.
"""

# An interview's questions over quoted answers, then a site's links to other stories whose
# teaser asks too.
TEASER = """An interview with the author

London, 2 March 2020

Why did you write this book?
"Because nobody else had told the story of the miners' wives, and somebody had to."

How long did it take?
"Seven years, most of them spent in archives and kitchens across South Wales."

What next?
"A novel, perhaps. I have not decided yet, and my publisher is very patient."

MORE FROM BOOKS

Best sellers this week: what are readers buying?
"Crime fiction continues to dominate the charts, with three new titles this week."
"""


def test_a_chapter_is_no_interview_and_a_teaser_no_question(registry: Registry) -> None:
    with pytest.raises(ParseError):
        parse(CHAPTER, registry)
    keys = [key for key, _ in said(parse(TEASER, registry))]
    assert keys == ["question", "a"] * 3


# A paper's story on a talk "last month on the 7th", posted on a 7th: the talk is undated.
LAST_MONTH = """[인터뷰] 김 장관 "협상은 계속된다"

김도윤 기자 | 승인 2023.04.07 18:47 | 댓글 3

김 장관은 지난달 7일 워싱턴 회담 뒤 본지와 만나 이같이 말했다.

▲기자=회담 결과는 어떻습니까?

▲김 장관=성과가 있었습니다.

▲기자=다음 일정은요?

▲김 장관=곧 발표하겠습니다.
"""


def test_last_months_day_does_not_date_a_talk_by_the_posting_stamp(registry: Registry) -> None:
    doc = parse(LAST_MONTH, registry)
    assert doc.metadata.date is None
    assert doc.metadata.title == '[인터뷰] 김 장관 "협상은 계속된다"'
    assert len(said(doc)) == 4


# A parliamentary library's transcript page: its disclaimer in a key and a colon above the
# transcript's own labels.
DISCLAIMER = """Note: Where available, the icon below opens the fully formatted document
Disclaimer: The Library does not warrant the accuracy of the transcripts copied here.
Talks go on -

View other segments

Talks go on

Reporter: Anna Reid

SARAH LEE: The talks went on late into the night, and our reporter was
there. Anna Reid reports.
TOM HALE: They did, and both sides say progress was made.
SARAH LEE: Will there be a deal?
TOM HALE: Not before Friday.
"""


def test_a_sites_disclaimer_is_no_speaker(registry: Registry) -> None:
    assert [key for key, _ in said(parse(DISCLAIMER, registry))] == ["sarah-lee", "tom-hale"] * 2


# -- the thirteenth round's reviews -------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        # a news story's round-up of reactions: names and where they spoke, no posts
        "Reactions to the vote\n\nLeaders reacted quickly.\n\n"
        "Boris Johnson, speaking to reporters outside Downing Street on Tuesday afternoon: "
        '"This is a good day."\n\n'
        'Olaf Scholz, auf einer Pressekonferenz in Berlin am Dienstag: "Wir sind zufrieden."\n\n'
        "More reactions are expected tomorrow.\n",
        # a blog's notes under its post
        "Mein Urlaub\n\nWir waren zwei Wochen in Italien.\n\n"
        "edit: Hat jemand ein gutes Hotel in Rom? Gerne in den Kommentaren.\n\n"
        "Es war sehr heiß.\n\n"
        "edit: Danke für die Tipps!\n\nupdate: Die Fotos sind online.\n\n"
        "update: Noch mehr Fotos?\n",
        # a letter's description before a colon
        "Court file\n\nLetter signed by Jones: I will pay the sum by March.\n\n"
        "Appeal filed by plaintiff Smith: none.\n\nThe file was closed in May.\n",
    ],
)
def test_pages_with_names_before_colons_that_hold_no_conversation(
    registry: Registry, page: str
) -> None:
    with pytest.raises(ParseError, match="no conversation"):
        parse(page, registry)


def test_a_korean_transcripts_bare_names_with_the_words_glued_after(registry: Registry) -> None:
    page = (
        "2007 정상회담 대화록\n\n2007년 10월 3일\n\n"
        "노무현 =반갑습니다. 먼 길 오시느라 수고 많으셨습니다.\n\n"
        "김정일 =환영합니다. 편히 쉬셨습니까?\n\n"
        "노무현 =네, 덕분에 잘 쉬었습니다.\n\n김정일 =다행입니다.\n"
    )
    keys = [key for key, _ in said(parse(page, registry))]
    assert len(keys) == 4 and keys[0] == keys[2] != keys[1] == keys[3]


def test_a_hyphenated_office_before_a_colon_inside_a_turn_is_no_label(registry: Registry) -> None:
    page = (
        "Board meeting, 3 May 2022\n\nPresident: I open the meeting.\n\n"
        "Treasurer: The accounts are balanced.\n\n"
        "President: Any questions? Our guest, the former Vice-President: spoke at length.\n\n"
        "Treasurer: No questions.\n"
    )
    assert said(parse(page, registry))[2][1].endswith("Vice-President: spoke at length.")


def test_a_round_tables_parts_in_brackets_after_the_names(registry: Registry) -> None:
    page = (
        "座談会の記録\n\n山田(司会) 本日はお集まりいただきありがとうございます。\n\n"
        "田中(教授) よろしくお願いします。\n\n山田(司会) まず最近の研究についてお聞きします。\n\n"
        "田中(教授) 昨年から新しい調査を始めました。\n"
    )
    assert len(said(parse(page, registry))) == 4


def test_a_transcripts_margin_numbers_with_labels_in_mixed_case(registry: Registry) -> None:
    lines = [
        "The Court: Good morning. Call the first witness.",
        "Mr. Hale: The people call Anna Ross.",
        "The Court: Please come forward.",
        "Mr. Hale: Thank you, Your Honor.",
    ] * 6
    page = "".join(f"{n} {line}\n" for n, line in enumerate(lines, start=1))
    doc = parse(page, registry)
    assert said(doc)[0] == ("court", "Good morning. Call the first witness.")


def test_a_numbered_part_heading_between_turns_is_narration(registry: Registry) -> None:
    page = (
        "SESIÓN ORDINARIA\n\nEl señor PRESIDENTE.- Se abre la sesión.\n\nIII. ORDEN DEL DÍA\n\n"
        "El señor COLOMA.- Pido la palabra.\n\nEl señor PRESIDENTE.- Tiene la palabra.\n"
    )
    assert "ORDEN" not in said(parse(page, registry))[0][1]
