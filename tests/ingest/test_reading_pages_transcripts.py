"""Transcripts as parliaments, broadcasters, courts, web chats and press rooms publish
them (names alone on their lines, run into the words, in brackets, shortened to
initials), memoirs whose dashes an e-book lost, and an embassy journal that writes "we".

Every page here is a few lines invented for the test in the shape of a published page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.ingest.model import ParseError
from app.ingest.registry import Registry
from tests.ingest.test_reading_pages import parse, turns
from tests.ingest.test_reading_pages_stenograms import keys, said

# A parliament's record: names in capitals, alone on their lines, each of them once but
# one member twice (his full name first, then his surname alone), a blank line between.
SITTING = """HC Deb 14 March 1921 vol 139 cc80-1
Mr. SPEAKER

The hon. Member for Dover has a question for the Prime Minister.

Mr. ARTHUR PENNINGTON

I wish to ask whether the Bill will be taken before the recess, as many Members expect.

The PRIME MINISTER

I cannot give that promise today, but I will make a statement on Thursday.

Mr. PENNINGTON

Then may I ask that the statement be made before the Bill is printed, so that we
"""


def test_names_alone_on_their_lines_make_a_sitting_though_each_speaks_once(
    registry: Registry,
) -> None:
    doc = parse(SITTING, registry)
    assert [u.texts["en"].label for u in doc.turns()] == [
        "Mr. SPEAKER",
        "Mr. ARTHUR PENNINGTON",
        "The PRIME MINISTER",
        "Mr. PENNINGTON",
    ]
    first, *_, last = keys(doc)
    assert first != last and keys(doc)[1] == last  # the surname is the member named in full
    assert said(doc)[-1][1].startswith("Then may I ask")  # a turn the page cuts off


# A doorstep interview: initials and a reporter's name with his broadcaster over each
# line said, no blank lines, two bystanders who speak once, a reporter nobody names.
DOORSTEP = """Ruth Ellery, Radio North
How are you feeling this morning, Prime Minister?
JH
Tired, but we are all safe, and that is what matters.
Ruth Ellery, Radio North
Will the conference go ahead?
Press Officer
Just one more question, please.
JH
It will go ahead, and I shall speak this afternoon.
Unidentified reporter:
Have you spoken to the police?
JH
Of course. They were here within minutes.
Ruth Ellery, Radio North
Thank you, Prime Minister.
"""


def test_a_doorstep_interview_with_initials_and_a_reporter_by_his_broadcaster(
    registry: Registry,
) -> None:
    doc = parse(DOORSTEP, registry)
    labels = [u.texts["en"].label for u in doc.turns()]
    assert labels == [
        "Ruth Ellery",
        "JH",
        "Ruth Ellery",
        "Press Officer",
        "JH",
        "Unidentified reporter",
        "JH",
        "Ruth Ellery",
    ]
    assert said(doc)[5][1] == "Have you spoken to the police?"


# Headings over paragraphs stand alone on their lines too, but none comes back.
ARTICLE = """Summit Notes

Background

The two delegations met twice in the spring, without an agreement.

The Talks

Both sides spoke of progress, and a further round was set for June.

Outcome

A communique was issued on the last day.
"""


def test_headings_over_paragraphs_are_no_dialogue(registry: Registry) -> None:
    with pytest.raises(ParseError, match="no conversation"):
        parse(ARTICLE, registry)


# A web interview's table run into one line: each speaker in brackets before his words,
# a time stamp after them, the empty cells between the rows left as bars.
WEB_CHAT = (
    "|\n|\n| [主持人]各位网友,下午好,欢迎来到在线访谈。今天的嘉宾是王立新教授。 "
    "[ 2009-06-02 15:01:10 ] | | | [王立新]谢谢主持人,也谢谢各位网友。 [ 2009-06-02 15:02:41 ] "
    "| | | [主持人]很多网友关心今年的粮食收成,您怎么看? [ 2009-06-02 15:03:05 ] | | | "
    "[王立新]总的来说是好的,南方雨水多一些,北方略有干旱。 [ 2009-06-02 15:04:30 ] | | |\n"
)


def test_a_web_interview_run_into_one_line_with_speakers_in_brackets(
    registry: Registry,
) -> None:
    doc = parse(WEB_CHAT, registry)
    assert [u.texts["zh"].label for u in doc.turns()] == ["主持人", "王立新"] * 2
    assert said(doc)[1][1].startswith("谢谢主持人")
    assert doc.metadata.date == dt.date(2009, 6, 2)  # the day its time stamps give


def test_a_bracket_that_never_comes_back_is_no_speaker(registry: Registry) -> None:
    page = (
        "【编者按】本文为王立新教授的讲话。\n\n"
        "王立新:谢谢各位。今天谈一谈粮食。\n\n"
        "主持人:您怎么看今年的收成?\n\n"
        "王立新:总的来说是好的。\n"
    )
    assert [u.texts["zh"].label for u in parse(page, registry).turns()] == [
        "王立新",
        "主持人",
        "王立新",
    ]


# A parliament's record as its site gives it: a section sign before each contribution, the
# member's name run into his first word, written questions told in the third person.
CONTRIBUTIONS = """§ 12. Mr. Pembertonasked the Minister of Transport when the new bridge will open.
§ 14. Mrs. Okaforasked the Minister of Transport what the bridge has cost.
§ The PRIME MINISTERI will answer both questions together.
The bridge will open in May, at a cost of four million pounds.
§ Mr. PembertonIs the Minister aware that the contractors were paid twice?
§ Mr. SpeakerOrder. The hon. Member must put a question.
§ Mr. MacAllisterOn a point of order, Mr. Speaker.
"""


def test_a_parliaments_contributions_with_names_run_into_their_words(
    registry: Registry,
) -> None:
    doc = parse(CONTRIBUTIONS, registry)
    assert [(u.texts["en"].label, u.texts["en"].text.split()[0]) for u in doc.turns()] == [
        ("Mr. Pemberton", "asked"),
        ("Mrs. Okafor", "asked"),
        ("The PRIME MINISTER", "I"),
        ("Mr. Pemberton", "Is"),
        ("Mr. Speaker", "Order."),
        ("Mr. MacAllister", "On"),
    ]
    assert "cost of four million pounds" in said(doc)[2][1]  # the line below goes on


# A court reporter's transcript whose text layer ran into one line, the page's line
# numbers left between the words; the judge speaks as "THE COURT".
COURT = (
    "1 IN THE DISTRICT COURT OF THE COUNTY OF LAKE 2 STATE V. DORAN 3 4 MONDAY, MAY 3, 1999 "
    "5 - - - 6 THE COURT: WE ARE ON THE RECORD IN STATE VERSUS DORAN. COUNSEL ARE PRESENT. "
    "7 MR. HALVERSON: GOOD MORNING, YOUR HONOR. 8 MS. OYELARAN: GOOD MORNING. 9 THE COURT: "
    "THIS IS THE MOTION TO EXCLUDE THE 10 STATEMENT. ARE BOTH SIDES READY? 11 MR. HALVERSON: "
    "THE STATE IS READY. 12 MS. OYELARAN: YES, YOUR HONOR. 13 THE COURT: CALL YOUR FIRST "
    "WITNESS, THEN. 14\n"
)


def test_a_court_transcript_run_into_one_line_with_its_line_numbers(
    registry: Registry,
) -> None:
    doc = parse(COURT, registry)
    assert [u.texts["en"].label for u in doc.turns()] == [
        "THE COURT",
        "MR. HALVERSON",  # not "HALVERSON" after a sentence's "MR."
        "MS. OYELARAN",
        "THE COURT",
        "MR. HALVERSON",
        "MS. OYELARAN",
        "THE COURT",
    ]


# A memoir's dialogue: each speaker's name in full once, a full stop and a dash after it,
# then his initials only ("GdG." for a name with a particle in it).
INITIALLED = """Notes from the ministry, 1962

Bernard Roche. - Should we answer the newspapers, or let the matter rest?
Général de Villiers. - Let it rest. A minister who answers every paper has no time to govern.
BR. - The cabinet will not like it.
GdV. - The cabinet will like it less if we argue in public.
"""


def test_initials_after_a_name_written_in_full_are_the_same_speaker(
    registry: Registry,
) -> None:
    doc = parse(INITIALLED, registry)
    turns = [(u.speaker.key, u.texts["en"].label) for u in doc.turns() if u.speaker]
    assert [label for _, label in turns] == [
        "Bernard Roche.",
        "Général de Villiers.",
        "BR.",
        "GdV.",
    ]
    assert turns[0][0] == turns[2][0] and turns[1][0] == turns[3][0]
    assert said(doc)[0][1].startswith("Should we answer")  # the dash is no part of it


def test_initials_of_a_colon_label_name_the_same_speaker(registry: Registry) -> None:
    page = (
        "Margaret Holt: Welcome to the programme, Minister.\n\n"
        "Stefan Ilic: Thank you for having me.\n\n"
        "MH: Let us start with the harvest.\n\n"
        "SI: It was better than we feared.\n"
    )
    speakers = keys(parse(page, registry))
    assert speakers[0] == speakers[2] and speakers[1] == speakers[3]
    assert speakers[0] != speakers[1]


def test_reporters_by_their_papers_ask_the_questions(registry: Registry) -> None:
    page = (
        "新華社記者:您這次訪問的主要成果是什麼?\n"
        "王明德:我們簽署了三項合作協議。\n"
        "路透社記者提問:雙方在能源問題上有沒有分歧?\n"
        "王明德:有一些不同看法,但是可以商量。\n"
        "《環球時報》記者:下一次會談在哪裡舉行?\n"
        "王明德:在北京。\n"
    )
    doc = parse(page, registry)
    assert keys(doc) == ["question", "王明德"] * 3
    assert [u.texts["zh"].label for u in doc.turns()][4] == "《環球時報》記者"
    assert said(doc)[2][1].startswith("雙方在能源問題上")  # not "提問:…"


# An e-book reader's copy of a memoir: the dash between a line of dialogue and the
# writer's words lost to an asterisk, the writer's words wrapped onto the next line, and
# one name typed with Latin letters that look Cyrillic ("Mao").
MEMOIR = """Глава седьмая - читать онлайн

Разговор зашел о хлебе.

- Урожай в этом году будет хороший, * неторопливо сообщил
Mao Цзэдун.

- Мы тоже ждем хорошего урожая, * отозвался Хрущев.

- Тогда нам есть о чем договориться, * улыбнулся Мао Цзэдун.
"""


def test_a_memoirs_dialogue_whose_dashes_were_lost_to_asterisks(registry: Registry) -> None:
    doc = parse(MEMOIR, registry)
    assert [u.texts["ru"].label for u in doc.turns()] == ["Мао Цзэдун", "Хрущев", "Мао Цзэдун"]
    assert keys(doc)[0] == keys(doc)[2] == "mao-zedong"
    assert "— неторопливо сообщил Мао Цзэдун." in said(doc)[0][1]


def test_a_broadcasts_air_date_and_hosts_head_its_transcript(registry: Registry) -> None:
    page = (
        "Разговор о переводчиках\n\n"
        "Дата эфира: 12 марта 2011.\n"
        "Ведущие: Ольга Минаева.\n"
        "Ольга Минаева — Добрый вечер. У нас в гостях Павел Сомов.\n\n"
        "Павел Сомов — Добрый вечер.\n\n"
        "О. Минаева — Вы работали с министрами?\n\n"
        "П. Сомов — Работал, и не с одним.\n"
    )
    doc = parse(page, registry)
    assert doc.metadata.date == dt.date(2011, 3, 12)
    assert [a.labels["ru"] for a in doc.attendees] == ["Ольга Минаева"]
    assert keys(doc)[0] == keys(doc)[2] and keys(doc)[1] == keys(doc)[3]


def test_a_label_alone_on_its_line_after_a_turn_cut_off_by_a_dash(registry: Registry) -> None:
    page = (
        "HOST:\n"
        "Welcome back to the programme, Minister. How was the walk this morning?\n"
        "MINISTER:\n"
        "Very pleasant. I went along the river and over the bridge and then down past -\n"
        "HOST:\n"
        "The old wharf?\n"
        "MINISTER:\n"
        "The old wharf, yes. It has been repaired at last.\n"
    )
    doc = parse(page, registry)
    assert [u.texts["en"].label for u in doc.turns()] == ["HOST", "MINISTER"] * 2
    assert said(doc)[2][1] == "The old wharf?"


def test_an_embassy_journal_that_writes_we_for_its_ambassador(registry: Registry) -> None:
    page = (
        "FROM THE JOURNAL OF A. P. VOLKOV\n\n"
        "RECORD OF A CONVERSATION with Tran Van Lam, 3 May 1971\n\n"
        "We asked about the health of Cde. Pham Hung. Tran Van Lam replied that he was "
        "recovering.\n\n"
        "We informed Tran Van Lam about the delivery of the machinery.\n\n"
        "Tran Van Lam thanked the Soviet side and said that the machinery was expected.\n"
    )
    doc = parse(page, registry)
    speakers = keys(doc)
    assert len(speakers) == 4
    assert speakers[0] == speakers[2] != speakers[1] == speakers[3]
    assert said(doc)[2][1].startswith("informed Tran Van Lam")


def test_a_news_agency_dateline_takes_its_year_from_the_pages_stamp(
    registry: Registry,
) -> None:
    page = (
        "您所在的位置: 某某网 > 国内 > 正文\n\n"
        "商务部长就对外贸易回答记者提问\n\n"
        "2016-01-05 08:10:12  来源:新华社  责任编辑:李明\n\n"
        "新华社北京1月4日电 1月4日,商务部举行记者会,请部长回答中外记者提问。\n\n"
        "人民日报记者:今年的外贸形势怎么样?\n\n"
        "张国平:总体平稳,但压力不小。\n\n"
        "路透社记者:出口会不会下降?\n\n"
        "张国平:我们有信心保持稳定。\n"
    )
    assert parse(page, registry).metadata.date == dt.date(2016, 1, 4)


def test_a_sentence_after_an_editors_bracket_and_its_note_mark(registry: Registry) -> None:
    page = (
        "Telephone Conversation Between President Nixon and Dr. Kissinger\n\n"
        "The P asked if K had seen the cable. [The cable is not identified.]3 K said he had "
        "read it twice. The P said the Russians were testing them. K said he agreed.\n"
    )
    doc = parse(page, registry)
    assert [text.split()[0] for _, text in said(doc)] == ["asked", "said", "said", "said"]


def test_a_radio_transcript_whose_labels_lost_their_colons(registry: Registry) -> None:
    page = (
        "В эфире «Вечерний разговор»\n\n"
        "О. Минаева: 21 час 5 минут, добрый вечер, у микрофона Ольга Минаева.\n\n"
        "П. Сомов Добрый вечер.\n\n"
        "О. Минаева Сегодня мы говорим о переводчиках.\n\n"
        "П. Сомов … и о тех, кто переводил министрам.\n\n"
        "О. Минаева Начнем с вопросов слушателей.\n"
    )
    doc = parse(page, registry)
    assert [u.texts["ru"].label for u in doc.turns()] == ["О. Минаева", "П. Сомов"] * 2 + [
        "О. Минаева"
    ]
    assert said(doc)[1][1] == "Добрый вечер."


def test_a_title_that_names_a_known_person_by_surname_binds_his_full_label(
    registry: Registry,
) -> None:
    page = (
        "Record of Conversation between Premier Kim and the Friendship Delegation\n\n"
        "Time: 4:30 p.m., 20 August 1965\n\n"
        "Premier Kim Il Sung (hereafter Kim): Is everyone well?\n\n"
        "Delegation Head Fang Lin (hereafter Fang): We are all well, thank you.\n\n"
        "Kim: Is the harvest good this year?\n\n"
        "Fang: Better than last year.\n"
    )
    doc = parse(page, registry)
    assert keys(doc) == ["kim-il-sung", "fang-lin", "kim-il-sung", "fang-lin"]


# An embassy's note of a telephone call, told in the third person: the caller named once
# with his initial, then by surname; replies told in the same sentence; the archive's
# summary under the note.
PHONE_NOTE = (
    "Note for Comrade Petrovic's Personal Use\n\n"
    "During the session of the Presidium, on May 4, around noon, V. Kardelj called "
    "comrade Ranko on the telephone.\n\n"
    "Comrade Ranko said that the session was going well. Comrade Ranko stressed that the "
    "Party would resolve its issues by itself. Kardelj said that he understood and "
    "welcomed it.\n\n"
    "Comrade Ranko said that he was sorry they had not met in the spring, to what Kardelj "
    "responded that they could meet after the holiday.\n\n"
    "A summary of a telephone call between Ranko and Kardelj about the session.\n"
)


def test_a_note_of_a_call_told_in_the_third_person(registry: Registry) -> None:
    doc = parse(PHONE_NOTE, registry)
    assert [
        (u.texts["en"].label, text.split()[0])
        for u, (_, text) in zip(doc.turns(), said(doc), strict=True)
    ] == [
        ("Comrade Ranko", "said"),
        ("Comrade Ranko", "stressed"),
        ("Kardelj", "said"),
        ("Comrade Ranko", "said"),
        ("Kardelj", "responded"),
    ]


def test_a_telegram_whose_writer_was_engaged_in_conversation(registry: Registry) -> None:
    page = (
        "Telegram From the Legation in Hungary to the Department of State\n\n"
        "At the national day reception Dobi engaged me in long conversation.\n\n"
        "He opened by asking whether the delegation had arrived. I said it had come by "
        "train. He said that was the best way to see the country.\n"
    )
    doc = parse(page, registry)
    assert [text.split()[0] for _, text in said(doc)] == ["opened", "said", "said"]
    assert keys(doc)[0] == keys(doc)[2] == "dobi" != keys(doc)[1]


def test_a_table_copied_with_its_empty_cells_before_every_line(registry: Registry) -> None:
    page = (
        "| | Stalin: Is there a meteorological service in China?\n"
        "| | Mao Zedong: No, it has not been established yet.\n"
        "| | Stalin: It should be established.\n"
        "| | Mao Zedong: We shall see to it.\n"
    )
    doc = parse(page, registry)
    assert keys(doc) == ["stalin", "mao-zedong"] * 2
    assert said(doc)[0][1] == "Is there a meteorological service in China?"


def test_a_long_clause_between_a_name_in_capitals_and_his_verb(registry: Registry) -> None:
    page = (
        "Minutes of Conversation between I.V. Stalin and Zhou Enlai\n\n"
        "STALIN, opening the conversation with the proposal concerning the exchange of "
        "prisoners of war, says that the proposal is not acceptable.\n\n"
        "ZHOU ENLAI asks whether the Soviet delegation will say so at the United Nations.\n\n"
        "STALIN answers that it will.\n"
    )
    doc = parse(page, registry)
    assert keys(doc) == ["stalin", "zhou-enlai", "stalin"]
    assert said(doc)[0][1].startswith("opening the conversation")


def test_the_president_is_not_the_listed_vice_president(registry: Registry) -> None:
    page = (
        "Memorandum of Conversation, Belgrade, August 3, 1975\n\n"
        "  • Josip Broz Tito, President of Yugoslavia\n"
        "  • Milos Minic, Vice President of the Federal Executive Council\n"
        "  • President Ford\n\n"
        "Tito: Welcome to Belgrade.\n\n"
        "President Ford: Thank you. It is good to be back.\n\n"
        "Tito: How would you like to proceed?\n\n"
        "The President: Let us begin with the Middle East.\n"
    )
    assert keys(parse(page, registry))[-1] != "milos-minic"


def test_whose_reception_a_title_names_is_the_person_not_his_reception(
    registry: Registry,
) -> None:
    page = (
        "Record of Conversation from Premier Zhou’s Reception of a Delegation in Shenyang\n\n"
        "Time: 6:40 p.m., 15 June 1962\n\n"
        "Pak Geum-cheol: Comrade Premier, you have come to greet us in person.\n\n"
        "Premier: Welcome. I have just arrived in Shenyang for work.\n\n"
        "Pak: Thank you. We are honoured.\n"
    )
    labels = {
        u.texts["en"].label: u.speaker.key for u in parse(page, registry).turns() if u.speaker
    }
    assert labels["Premier"] in {"zhou-enlai", "zhou"}


# A newspaper's interview that labels only its first exchange, then runs on in bare
# paragraphs: questions, and the answers after them (some of two paragraphs).
INTERVIEW = """A talk with the Minister

Tom Hale: I must begin with the harvest. How bad is it?

Ann Rowe: Not as bad as the papers say.

We lost a tenth of the wheat in the north, and less in the south.

Will there be imports this winter?

Some, yes. We have agreed terms with two neighbours.

The prices will be fixed in advance, so that nobody profits from the shortage.

And the farmers who lost everything?

They will be paid for the seed they need next spring.
"""


def test_an_interview_that_labels_only_its_first_exchange(registry: Registry) -> None:
    doc = parse(INTERVIEW, registry)
    hale, rowe = keys(doc)[:2]
    assert keys(doc) == [hale, rowe, hale, rowe, hale, rowe]
    assert said(doc)[3][1].startswith("Some, yes.") and "fixed in advance" in said(doc)[3][1]


def test_numbered_questions_and_answers(registry: Registry) -> None:
    page = (
        "Q1: Congratulations on the result. What changed in the last month?\n\n"
        "A1:我们把重点放在经济上,选民听到了。\n\n"
        "Q2:两岸关系下一步怎么走?\n\n"
        "A2:维持现状,也保持沟通。\n"
    )
    doc = parse(page, registry)
    assert keys(doc)[0] == keys(doc)[2] == "question"
    assert keys(doc)[1] == keys(doc)[3] != "question"


def test_labels_that_give_the_speakers_post_after_a_comma(registry: Registry) -> None:
    page = (
        "Президент редко дает интервью иностранным телеканалам.\n"
        "АННА ЛЕВИНА, ведущая Radio North: Я спросила президента о границе.\n"
        "АННА ЛЕВИНА (В СТУДИИ): Начнем с переговоров.\n"
        "ПАВЕЛ СОМОВ, президент республики: Переговоры идут, и я надеюсь на успех.\n"
    )
    doc = parse(page, registry)
    assert keys(doc)[0] == keys(doc)[1] != keys(doc)[2]
    assert keys(doc)[2] == "pavel-somov"


def test_an_endnote_that_cites_its_sources_is_no_conversation(registry: Registry) -> None:
    page = (
        "70\n\n"
        "Громыко не включил этот эпизод в свои мемуары, однако рассказал о нем коллегам. "
        "См.: Петров А. А. Указ. соч. С. 129-130. Семенов заметил расхождения в изложении "
        "этого эпизода, когда прочитал отчет о встрече.\n"
    )
    with pytest.raises(ParseError, match="no conversation"):
        parse(page, registry)


def test_a_first_label_run_in_after_a_dateline_of_this_century(registry: Registry) -> None:
    page = (
        "Transcript of the talks, Moscow, November 1, 2009 Medvedev: Good afternoon, "
        "Mr. President. Obama: Good afternoon. Medvedev: Shall we begin with the treaty? "
        "Obama: Yes, let us begin.\n"
    )
    assert [u.texts["en"].label for u in parse(page, registry).turns()] == [
        "Medvedev",
        "Obama",
    ] * 2


def test_a_briefing_whose_questions_are_told_as_clauses(registry: Registry) -> None:
    page = (
        "Briefing took place at 15:45 | Read whole briefing | Comments (3)\n\n"
        "Africa Commission\n\n"
        "Questioned about the new commission, the PMOS said that it was a priority.\n\n"
        "Asked if it would report this year, the PMOS said that it would.\n"
    )
    doc = parse(page, registry)
    assert [text.split()[0] for _, text in said(doc)] == ["Questioned", "said", "Asked", "said"]


def test_labels_after_bullets_alone_on_their_lines(registry: Registry) -> None:
    page = (
        "文字內容:\n"
        "- 主持人:\n"
        "大家好,歡迎收看今天的節目,今天的嘉賓是王立新大使。\n"
        "- 王立新:\n"
        "謝謝主持人,很高興來到這裡。\n"
        "- 主持人:\n"
        "您是怎樣走上外交道路的?\n"
        "- 王立新:\n"
        "說來話長,我是學俄語出身的。\n"
    )
    assert [u.texts["zh"].label for u in parse(page, registry).turns()] == ["主持人", "王立新"] * 2


# -- questions and answers by word, and by an office's letters -------------------------------

# A newspaper's reader chat: the first question and answer in full words with ".-", the rest
# by their letters.
READER_CHAT = """Entrevista digital con Luis Ortega el día 3 de marzo de 2004

Pregunta.- He leído su libro y me ha gustado mucho. ¿Cuándo empezó a escribirlo?

Respuesta.- Hace ya cinco años, cuando volví de mi viaje a Chile.

P.- ¿Volverá usted a escribir sobre América?

R.- Seguramente sí, aunque ahora estoy con otro proyecto.
"""


def test_a_chats_questions_and_answers_by_word_then_by_letter(registry: Registry) -> None:
    doc = parse(READER_CHAT, registry)
    assert [key for key, _ in turns(doc)] == ["question", "a", "question", "a"]
    assert turns(doc)[1] == ("a", "Hace ya cinco")


# An Australian prime minister's interview as its archive's scan reads: a typescript whose
# lines run on, the interviewer's "Q." and the Prime Minister's "PM" with no stop, the
# interviewer named above with his initials P. M.
PM_TRANSCRIPT = """TELEVISION INTERVIEW GIVEN BY THE PRIME MINISTER
Interviewer Paul Morgan
Recorded on Tuesday 6 October 1970
Q. Prime Minister, looking back on your first weeks in office, did you have
expectations that were quickly abandoned?
PM I don't think I did. There was not much time to arrive at firm expectations,
and things seemed to pour in one after the other.
Q. Did you wonder at that time what you had got into?
PM Well, I had been in the Cabinet, so I knew something of it.
"""


def test_the_prime_ministers_letters_answer_the_questions(registry: Registry) -> None:
    doc = parse(PM_TRANSCRIPT, registry)
    assert [key for key, _ in turns(doc)] == ["question", "prime-minister"] * 2
    assert turns(doc)[1] == ("prime-minister", "I don't think")


# A news site's interview with no word calling it one: a lead, then questions that lost
# their bold, each answered in the first person; the site's advertisement slot between a
# question and its answer; the last answer cut off by the copy.
UNANNOUNCED_INTERVIEW = """Tras cien días, el secretario repasa con nosotros algunos asuntos.

¿Qué tiene que decir sobre la huelga de los estudiantes?

PUBLICIDAD

Yo respeto mucho el derecho a la libertad de expresión, y así lo hemos dicho siempre.

La agencia degradó los bonos del banco. ¿Es otro golpe al Gobierno?

Esto es parte de un proceso. Nuestra administración ha sido clara desde el primer día.

¿Qué opina de la decisión del tribunal sobre el nombramiento del director de la agencia?

Nosotros la respetamos, aunque
"""


def test_questions_answered_in_the_first_person_without_the_word_interview(
    registry: Registry,
) -> None:
    doc = parse(UNANNOUNCED_INTERVIEW, registry)
    assert [key for key, _ in turns(doc)] == ["question", "a"] * 3
    assert turns(doc)[1] == ("a", "Yo respeto mucho")
    assert "PUBLICIDAD" in [d.text for d in doc.debris]


# A public radio's transcript: each speaker's given name and surname in capitals with his
# post, a rule drawn under them, then his words; the site's read-also link between turns.
RADIO_TRANSCRIPT = """Přepis: Jak to vidí Jan Novák

Hostem byl komentátor Jan Novák.

Eva SVOBODOVÁ, moderátorka
--------------------
Dobrý den a dobrý poslech přeje Eva Svobodová. Hostem je Jan Novák.

Jan NOVÁK, komentátor
--------------------
Dobrý den, přeji hezké ráno.

Eva SVOBODOVÁ, moderátorka
--------------------
Jaké jsou vaše vzpomínky na ten podzim?

Čtěte také

Jan NOVÁK, komentátor
--------------------
To je dlouhý příběh, ale zkusím to krátce.
"""


def test_a_radio_transcripts_names_with_posts_over_a_rule(registry: Registry) -> None:
    doc = parse(RADIO_TRANSCRIPT, registry)
    assert doc.languages == ["cs"]
    assert [key for key, _ in turns(doc)] == ["eva-svobodová", "jan-novák"] * 2
    assert turns(doc)[3] == ("jan-novák", "To je dlouhý")


# A news site's interview in dashes, no one named: the interviewer greets, then says what
# she is recording; a screenshot's credit between two lines of the talk.
DASHED_INTERVIEW = """Для неї дуже важливо мати інформацію зараз

– Лізо, добрий вечір.
– Добрий вечір.
– Я хотіла б, щоб ми робили це інтерв'ю російською. Нас дивитимуться в різних країнах.
– Думаю, що це правильно. Добре, давайте російською.
Скріншот: Ольга Коваль / YouTube
– Коли ви востаннє його бачили?
– Минулого тижня, у п'ятницю. Ми говорили приблизно чотири години.
"""


def test_a_dashed_interview_that_names_itself_in_its_first_lines(registry: Registry) -> None:
    doc = parse(DASHED_INTERVIEW, registry)
    assert [key for key, _ in turns(doc)] == ["question", "a"] * 3
    assert any(d.text.startswith("Скріншот") for d in doc.debris)


# A blog's copy of a question time, scraped with the ">>" its captions put where the speaker
# changes, glued to the end of the turn before; the sitting's day at the end of the title.
CAPTIONED = """Mary Hale's first questions: 6 March 2019

Blog

March 23, 2019

>>Jane Doyle (Leeds West): If she will list her official engagements for Wednesday
6 March.>>The Prime Minister (Mary Hale): This morning I had meetings with ministerial
colleagues and others.>>Jane Doyle: Will she now
answer the question she did not answer last week?>>The Prime Minister: I answered it
fully last week and I will answer it again today.
"""


def test_caption_marks_part_the_speakers_of_a_scraped_page(registry: Registry) -> None:
    doc = parse(CAPTIONED, registry)
    assert [key for key, _ in turns(doc)] == [
        "jane-doyle",
        "prime-minister",
        "jane-doyle",
        "prime-minister",
    ]
    assert doc.metadata.date == dt.date(2019, 3, 6)  # (the title's, not the blog's)


# An oral history's transcript set as a list, each item a label and its words.
LISTED_LABELS = """Interview, tape 3

- INTERVIEWER: When did you arrive in the city?
- WITNESS: In the autumn, after the border closed.
- INTERVIEWER: What did you see there?
- WITNESS: Soldiers, and people waving from the windows.
- INTERVIEWER: Were you afraid?
- WITNESS: Every day.
"""


def test_a_talk_listed_label_by_label(registry: Registry) -> None:
    doc = parse(LISTED_LABELS, registry)
    assert [key for key, _ in turns(doc)] == ["interviewer", "witness"] * 3


def test_unpunctuated_captions_part_at_each_mark_before_a_name(registry: Registry) -> None:
    page = (
        "Evening news transcript\n\n"
        ">> ANNA BELL: welcome back we are following the vote >> TOM REED: thanks Anna it "
        "is happening now >> ANNA BELL: what are you hearing >> TOM REED: it will be close\n"
    )
    assert [key for key, _ in turns(parse(page, registry))] == ["anna-bell", "tom-reed"] * 2


# A broadcaster's transcript whose bold names were lost: each name in capitals run into
# the words, one turn a line, a turn that stops mid-sentence before the next name.
CAPITALS_RUN_IN = """Texte intégral
LÉA MARCHAND Bonsoir, vous êtes ministre depuis une semaine. Qu'avez-vous appris ?
PAUL ROCHE Beaucoup de choses, et d'abord la patience
LÉA MARCHAND Vraiment ?
PAUL ROCHE Oui. Rien ne va aussi vite qu'on le voudrait.
LÉA MARCHAND Merci, Paul Roche.
"""

# Headings in capitals over paragraphs, each once: no dialogue.
CAPITAL_HEADINGS = """Notre programme

LE LOGEMENT Nous construirons cent mille logements par an.

LA SANTÉ Chaque canton aura sa maison de santé.
"""


def test_names_in_capitals_run_into_the_words_they_say(registry: Registry) -> None:
    doc = parse(CAPITALS_RUN_IN, registry)
    assert keys(doc) == ["léa-marchand", "paul-roche"] * 2 + ["léa-marchand"]
    assert said(doc)[1][1] == "Beaucoup de choses, et d'abord la patience"
    with pytest.raises(ParseError):
        parse(CAPITAL_HEADINGS, registry)


# A paper's interview printed as lines of dialogue, each question and each answer after a
# dash, the title over them saying it is one; the interviewer remarks more than he asks.
DASHED_EXCHANGES = """Интервью мэра города газете «Вечерний курьер»
— Как вам новый кабинет?
— Честно говоря, тесновато. Но переезжать сейчас мы не можем: денег на это нет.
— Скромно.
— Скромно, но правильно. Горожане видят, куда идут деньги, и это главное.
— Говорят, мост откроют только зимой.
— Осенью, если подрядчик не подведёт. Мы проверяем его каждую неделю.
"""

# A story's dialogue on a page that names an interview: who speaks is said in the lines.
STORY = """Из книги интервью с писателем

— Ты придёшь вечером? — спросила она.
— Приду, — ответил я. — Если не задержат на работе.
— Не задержат, — сказала она. — Сегодня пятница.
— Тогда жди в семь, — сказал я.
"""


def test_an_interview_printed_as_lines_of_dialogue(registry: Registry) -> None:
    doc = parse(DASHED_EXCHANGES, registry)
    assert keys(doc) == ["question", "a"] * 3
    assert "Честно говоря" in said(doc)[1][1]
    assert "question" not in keys(parse(STORY, registry))


# A government's press conference: the site's section heading, the conference's own title
# with its day, then each speaker by name and post once.
NAME_AND_POST = """Tiskové konference

Tisková konference po zasedání vlády, 14. března 2011

Eva Malá, mluvčí vlády: Dobré odpoledne, vítám vás na tiskové konferenci.

Petr Dušek, ministr financí: Děkuji. Vláda dnes schválila rozpočet na příští rok.
"""

# A story's dateline before a colon is no speaker.
DATELINE_COLON = """Zprávy

Nové Město, 14. března: Vláda dnes schválila rozpočet na příští rok.

Ministr řekl, že rozpočet je vyrovnaný.
"""


def test_speakers_by_name_and_post_each_once_under_a_dated_title(registry: Registry) -> None:
    doc = parse(NAME_AND_POST, registry)
    assert keys(doc) == ["eva-malá", "petr-dušek"]
    assert doc.metadata.title == "Tisková konference po zasedání vlády, 14. března 2011"
    assert doc.metadata.date == dt.date(2011, 3, 14)
    with pytest.raises(ParseError):
        parse(DATELINE_COLON, registry)


# A government press conference's transcript: the chair's abbreviated office in the
# sentence that opens it, then as each speaker's label.
REGPK = """Regierungspressekonferenz vom 6. März 2020

Vors. Berg eröffnet die Pressekonferenz und begrüßt StS Hahn.

Vors. Berg: Wir beginnen mit den Terminen der Woche.

StS Hahn: Gern. Am Montag reist die Kanzlerin nach Paris.

Vors. Berg: Gibt es Fragen dazu?

StS Hahn: Dann weiter mit dem Dienstag.
"""


def test_an_abbreviated_office_in_the_opening_sentence_is_no_label(registry: Registry) -> None:
    doc = parse(REGPK, registry)
    assert keys(doc) == ["berg", "hahn"] * 2
    assert doc.metadata.date == dt.date(2020, 3, 6)


# A court reporter's transcript: every line numbered in the margin, 1 to 25 a page, the
# page's own number alone between pages; the excerpt opens mid-page.
MARGINED = """17 the exhibits after lunch.
18 MS. HARTLEY: Thank you, Your Honor.
19 THE COURT: Is the witness here? Let us have
20 him brought in before the jury returns.
21 MR. OKONJO: He is outside, Judge. I will
22 fetch him now, if the Court
23 permits.
24 THE COURT: Go ahead.
25 MS. HARTLEY: One matter first, Judge. The
212
1 defense has not shown us the letters it
2 plans to read.
3 MR. OKONJO: They were sent last night.
4 THE COURT: Then we will take them up at four.
5 MS. HARTLEY: Very well.
6 MR. OKONJO: The witness is ready.
7 THE COURT: Bring in the jury.
8 (Jury present)
9 THE COURT: Good morning, ladies and gentlemen.
10 Please be seated.
11 MR. OKONJO: May I proceed, Your Honor?
12 THE COURT: You may.
"""


def test_a_court_transcripts_margin_numbers_are_not_its_words(registry: Registry) -> None:
    doc = parse(MARGINED, registry)
    assert keys(doc)[:4] == ["hartley", "court", "okonjo", "court"]
    lang = doc.languages[0]
    texts = [u.texts[lang].text for u in doc.turns()]
    assert texts[2] == "He is outside, Judge. I will fetch him now, if the Court permits."
    # the page number between pages is a page break, not words of the turn it falls in
    assert texts[4] == (
        "One matter first, Judge. The defense has not shown us the letters it plans to read."
    )
    assert [b.page for b in doc.turns()[4].texts[lang].page_breaks] == ["212"]


def test_numbered_paragraphs_of_a_list_keep_their_numbers(registry: Registry) -> None:
    page = "".join(
        f"{n} Article {n}. The parties agree on point {n} of the draft.\n" for n in range(3, 30, 3)
    ) + (
        "\nSmith: Shall we sign?\n\nJones: Not yet.\n\nSmith: Why not?\n\nJones: Point 9 is open.\n"
    )
    doc = parse(page, registry)
    assert keys(doc) == ["smith", "jones"] * 2
    assert doc.units[0].texts[doc.languages[0]].text.startswith("3 Article 3.")


def test_a_presenters_label_is_not_a_list_of_those_present(registry: Registry) -> None:
    page = (
        "Radio interview with the breakfast show\n\n"
        "PRESENTER: Good morning, who do we have on the line?\n\n"
        "PRIME MINISTER: Good morning, it is the Prime Minister.\n\n"
        "PRESENTER: Welcome back to the show.\n\n"
        "PRIME MINISTER: Glad to be here.\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in said(doc)] == ["presenter", "prime-minister"] * 2
    assert doc.attendees == []


def test_a_name_with_the_initials_that_label_its_later_turns(registry: Registry) -> None:
    page = (
        "Entrevista de radio con el embajador\n\n"
        "Lucía Beltrán (LB), conductora: Buenos días, embajador, bienvenido al programa.\n\n"
        "Tomás Aldana Rivera (TAR), embajador de la República en México: Buenos días, "
        "gracias por la invitación.\n\n"
        "LB: ¿Cómo ve la relación entre los dos países?\n\n"
        "TAR: La veo muy bien, mejor que nunca.\n"
    )
    doc = parse(page, registry)
    assert keys(doc) == ["lucía-beltrán", "tomás-aldana-rivera"] * 2


# A deposition: counsel and the notary by courtesy title and surname in capitals, then the
# oath in a sentence of counsel's paragraph, then questions and answers by letter.
DEPOSITION = """Deposition of Harold Whitcombe

Mr. LAIRD. We are on the record. Would you state your name, please.
Mr. WHITCOMBE. My name is Harold Whitcombe.
Mr. LAIRD. Will the reporter please swear the witness. Whereupon, Harold Whitcombe was called for examination by counsel and, having been first duly sworn, testified as follows:

Q. Mr. Whitcombe, are you here of your own accord?
A. That is correct.
Q. Have you read the rules of the committee?
A. Yes, I have.
"""  # noqa: E501


def test_a_depositions_questions_are_counsels_and_its_answers_the_witnesss(
    registry: Registry,
) -> None:
    doc = parse(DEPOSITION, registry)
    assert [(key, text[:12]) for key, text in said(doc)] == [
        ("laird", "We are on th"),
        ("whitcombe", "My name is H"),
        ("laird", "Will the rep"),
        ("laird", "Mr. Whitcomb"),
        ("whitcombe", "That is corr"),  # (not "A." an initial over a wrapped line)
        ("laird", "Have you rea"),
        ("whitcombe", "Yes, I have."),
    ]


def test_reporters_and_a_minister_in_round_brackets_alone_on_their_lines(
    registry: Registry,
) -> None:
    page = (
        "閣議後記者会見\n\n1.冒頭発言\n おはようございます。\n 本日は特にございません。\n\n"
        "2.質疑応答\n(記 者)\n 予算の件で伺います。見通しはいかがですか。\n(大 臣)\n"
        " 年内にまとめたいと考えております。\n(記 者)\n 関係閣僚との調整は。\n(大 臣)\n"
        " 来週から始めます。\n"
    )
    assert [key for key, _ in said(parse(page, registry))] == ["大臣", "question"] * 2 + ["大臣"]


def test_long_labels_of_a_name_and_a_post(registry: Registry) -> None:
    page = (
        "Стенограмма вечернего эфира\n\n"
        "Виктор ЗАХАРЬИН, главный редактор радиостанции «Полдень»: Добрый вечер, у нас сегодня "
        "праздник.\n\n"
        "Ольга ТЕРНОВАЯ, ведущая: Добрый вечер. Да, год в эфире.\n\n"
        "Виктор ЗАХАРЬИН, главный редактор радиостанции «Полдень»: Целый год, подумать только.\n"
    )
    assert keys(parse(page, registry)) == ["viktor-zakharin", "olga-ternovaya", "viktor-zakharin"]


def test_one_expert_quoted_by_name_and_post_is_no_conversation(registry: Registry) -> None:
    page = (
        "Архив открыл записи телефонных разговоров\n\n"
        "До последнего дня бывший министр возражал против публикации записей.\n\n"
        'Игорь Савельев, историк-архивист: "Теперь мы знаем, о чем говорили в тот вечер. '
        'Это важный документ эпохи".\n\n'
        "Записи будут доступны исследователям с понедельника.\n"
    )
    with pytest.raises(ParseError, match="no conversation"):
        parse(page, registry)


def test_the_examiner_a_deposition_names_below_the_oath_asks(registry: Registry) -> None:
    page = (
        "DEPOSITION OF JOHN HARTWELL\n\n"
        "THE VIDEOGRAPHER: We are on the record. Counsel, please state your appearances.\n\n"
        "MR. PRENTICE: Alan Prentice for the plaintiff.\n\n"
        "MS. DALE: Ruth Dale for the defendant.\n\n"
        "JOHN HARTWELL, having been first duly sworn, was examined and testified as follows:\n\n"
        "EXAMINATION\nBY MR. PRENTICE:\n\n"
        "Q. Good morning. Could you state your full name?\n\n"
        "A. John Edward Hartwell.\n\n"
        "Q. Where are you employed?\n\n"
        "A. At a freight company in Newark.\n"
    )
    assert keys(parse(page, registry))[-4:] == ["prentice", "john-hartwell"] * 2


def test_an_organisation_and_its_acronym_before_a_clause_is_no_label(registry: Registry) -> None:
    page = (
        "HOST: Welcome back. The outbreak is spreading.\n\n"
        "GUEST: Yes, and the numbers are rising every day.\n\n"
        "The World Health Organization (WHO), in a statement released on Monday, warned: the "
        "risk remains high.\n\n"
        "HOST: What should people do?\n\n"
        "GUEST: Wash their hands and stay home when sick.\n"
    )
    assert keys(parse(page, registry)) == ["host", "guest"] * 2


def test_a_chart_numbered_down_the_margin_keeps_its_numbers(registry: Registry) -> None:
    chart = "".join(f"{n} Song number {n} by a band\n" for n in range(1, 26))
    page = f"The weekly chart\n\n{chart}\nHOST: That was the chart.\n\nGUEST: A fine week.\n"
    page += "\nHOST: Indeed it was.\n\nGUEST: Until next week.\n"
    doc = parse(page, registry)
    assert doc.attendees == [] and keys(doc) == ["host", "guest"] * 2


def test_web_users_names_in_lower_case_ask_a_witness(registry: Registry) -> None:
    page = (
        "Interview mit einem Zeitzeugen\n\nUnsere Klasse hat Herrn Karl B. befragt.\n\n"
        "sonnenblume: Wo haben Sie damals gewohnt?\n\n"
        "Herr Karl B.: In Ostberlin, nahe der Grenze.\n\n"
        "max_k: Wie haben Sie vom Mauerbau erfahren?\n\n"
        "Herr Karl B.: Aus dem Radio, am frühen Morgen.\n\n"
        "sonnenblume: Haben Sie an Flucht gedacht?\n\n"
        "Herr Karl B.: Jeden Tag.\n\n"
        "max_k: Vielen Dank für das Gespräch.\n"
    )
    labels = [u.speaker.label for u in parse(page, registry).turns() if u.speaker]
    assert labels == [*["sonnenblume", "Herr Karl B.", "max_k", "Herr Karl B."] * 2][:7]


def test_words_in_lower_case_before_a_colon_are_no_handles(registry: Registry) -> None:
    page = (
        "HOST: Good evening. We have news tonight.\n\n"
        "GUEST: Thank you for having me.\n\n"
        "update: the vote has been delayed until tomorrow.\n\n"
        "HOST: What does that mean for the bill?\n\n"
        "GUEST: It gives both sides more time.\n\n"
        "update: the session has now closed.\n"
    )
    assert keys(parse(page, registry)) == ["host", "guest"] * 2


def test_a_transcribers_doubt_after_a_name_keeps_the_label(registry: Registry) -> None:
    page = (
        "Transcript of a meeting\n\n"
        "JFK: What are we going to do about it?\n\n"
        "McNamara: May I suggest we come back this afternoon.\n\n"
        "JFK?: All right.\n\n"
        "McNamara: Then we will prepare three questions.\n"
    )
    assert keys(parse(page, registry))[2] == keys(parse(page, registry))[0]


def test_words_in_lower_case_before_a_surname_it_labels_alone_later(registry: Registry) -> None:
    page = (
        "Текст разговора\n\n"
        "Президент Петренко: Поздравляю вас с победой на выборах.\n\n"
        "Избранный президент Савчук: Спасибо, приятно это слышать.\n\n"
        "Петренко: Это были невероятные выборы.\n\n"
        "Савчук: Еще раз большое спасибо.\n"
    )
    assert keys(parse(page, registry)) == ["petrenko", "savchuk"] * 2


def test_initials_of_a_name_given_in_full_after_a_heading_of_the_surname(
    registry: Registry,
) -> None:
    page = (
        "Oral History Archives\n\nThe oral history website of the college\n\n"
        "  • Our History\n  • Educational Resources\nPrevious Next\n\nAgrello, Rosanna\n\n"
        "Mara Gentry: This is an interview with Rosanna Agrello. Are we recording?\n\n"
        "Rosanna Agrello: Yes, we are.\n\n"
        "MG: Where were you born?\n\n"
        "RA: In Plainfield, in 1953.\n\n"
        "MG: Did you grow up there?\n\n"
        "RA: Yes, all my childhood.\n"
    )
    found = keys(parse(page, registry))
    assert found[::2] == ["mara-gentry"] * 3 and len(set(found[1::2])) == 1


def test_a_videographer_speaks_and_a_witness_sworn_by_full_name_is_no_label(
    registry: Registry,
) -> None:
    page = (
        "PROCEEDINGS\n"
        "THE VIDEOGRAPHER: We are now on the record. The time is 10:04 a.m.\n"
        "MR. PELLOW: Grant Pellow for the plaintiff.\n"
        "MS. CASTRO: Renee Castro for the defendant.\n"
        "THE VIDEOGRAPHER: The court reporter will now swear in the witness.\n"
        "MARCUS T. WELLS, having been first duly sworn, was examined and testified as follows:\n"
        "EXAMINATION\nBY MR. PELLOW:\n"
        "Q. Good morning, Mr. Wells. Where do you work?\n"
        "A. At the harbour office.\n"
        "Q. Since when?\n"
        "A. Since 2012.\n"
    )
    assert keys(parse(page, registry)) == [
        "videographer",
        "pellow",
        "castro",
        "videographer",
        *["pellow", "marcus-wells"] * 2,
    ]


def test_initials_a_label_declares_in_brackets_label_the_speaker_after(
    registry: Registry,
) -> None:
    page = (
        "Entrevista de radio\n\n"
        "Lucía Benet (LB), conductora: Buen día, embajador, bienvenido al programa.\n"
        "Rodrigo Sala Mena (RS), embajador de la República de Costa Rica en la República "
        "Argentina: Buen día, Lucía, buen día a todos.\n"
        "LB: ¿Cómo ve la relación entre los dos países?\n"
        "RS: La veo muy bien.\n"
        "LB: ¿Y el comercio?\n"
        "RS: Crece cada año.\n"
    )
    assert keys(parse(page, registry)) == ["lucía-benet", "rodrigo-sala-mena"] * 3


def test_a_numbered_part_heading_is_no_speaker(registry: Registry) -> None:
    page = (
        "SESIÓN ORDINARIA\n\n"
        "La señora RIVAS (Presidenta).- Se abre la sesión.\n"
        "III. ORDEN DEL DÍA\n"
        "PESCA ARTESANAL\n"
        "La señora RIVAS (Presidenta).- Tiene la palabra el señor Secretario.\n"
        "El señor OSORIO (Secretario General).- El proyecto fue aprobado en general.\n"
    )
    assert keys(parse(page, registry)) == ["rivas", "rivas", "osorio"]


def test_labels_run_in_after_words_broken_off_by_a_dash(registry: Registry) -> None:
    page = (
        "Tape excerpt\n\n"
        "Kissinger: We should ask for an answer by noon tomorrow. President Nixon: Letting us, "
        "or-Kissinger: I mean-President Nixon: Ha ha. Kissinger: He will concur in our "
        "initialing it. President Nixon: Yeah.\n"
    )
    labels = [u.texts["en"].label for u in parse(page, registry).turns()]
    assert labels == ["Kissinger", "President Nixon"] * 3
