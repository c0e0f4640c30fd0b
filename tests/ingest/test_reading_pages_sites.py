"""Records as sites serve them: a document viewer's chrome around a transcript run into
one paragraph, a magazine's captions, a chronicle's speakers inside its paragraphs, short
interviews, cable typescripts and cover pages.

Every page here is a few lines invented for the test in the shape of a published page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.ingest.model import ParseError
from app.ingest.registry import Registry
from tests.ingest.test_reading_pages import parse
from tests.ingest.test_reading_pages_stenograms import keys, said

# A document viewer: the page's title, quoted again by its download button, then the
# transcript run together, its first line the collection's heading with a file code in
# capitals before a colon.
VIEWER = """SMITH: Why did the talks on the test ban stall that spring?

Size: px
Start display at page:

Download "SMITH: Why did the talks on the test ban stall that spring?"

Transcription

1 Harriman Oral History Project Tape KKLM: Part 1 of 3 Averell Harriman interviewed by Joan Smith and Peter Lowe circa 1969 The tape also includes Tape KKLN: Part 2. PETER LOWE: We are recording this in New York with the governor, and Joan Smith will lead the questions this morning. JOAN SMITH: Why did the talks on the test ban stall that spring, when everyone in Geneva seemed to want an agreement? AVERELL HARRIMAN: The stall came from Moscow, not from Geneva. Khrushchev wanted the inspections cut to three a year and we could not sell three to the Senate, so for a while nobody moved at all.
"""  # noqa: E501


def test_a_viewers_title_is_no_turn_and_its_transcript_below_the_chrome_is_read(
    registry: Registry,
) -> None:
    doc = parse(VIEWER, registry)
    assert keys(doc) == ["peter-lowe", "joan-smith", "averell-harriman"]
    assert doc.metadata.title == "SMITH: Why did the talks on the test ban stall that spring?"
    assert said(doc)[2][1].startswith("The stall came from Moscow")


# A Spanish interview short enough that neither part recurs.
ENTREVISTA = """Entrevista a la presidenta para la radio nacional

PERIODISTA. - Buenos días, señora Presidenta, gracias por recibirnos en la residencia.

PRESIDENTA. - Buenos días. Es un gusto conversar con ustedes sobre la cosecha de este año.
"""


def test_a_short_interviews_parts_over_a_dash_are_its_speakers(registry: Registry) -> None:
    doc = parse(ENTREVISTA, registry)
    assert keys(doc) == ["periodista", "presidenta"]
    assert said(doc)[1][1].startswith("Buenos días. Es un gusto")


# A Russian record in reported speech: the title names the guest after the place of his
# office, the first sentence opens with when in the talk it was said.
BESEDA = """Беседа наркома иностранных дел СССР В.М. Молотова с послом Германии в СССР Ф. Шуленбургом

12.03.1940

В начале беседы тов. Молотов спросил Шуленбурга, получил ли тот ответ из Берлина о поставках угля.

Шуленбург ответил, что ответа пока нет, но он ожидает его к концу недели.

Затем тов. Молотов сказал, что советская сторона готова подождать еще несколько дней.
"""  # noqa: E501


def test_a_titles_guest_after_the_place_of_his_office_speaks_in_reported_sentences(
    registry: Registry,
) -> None:
    doc = parse(BESEDA, registry)
    assert keys(doc) == ["molotov", "shulenburg", "molotov"]
    assert said(doc)[0][1].startswith("спросил Шуленбурга")
    assert doc.metadata.date == dt.date(1940, 3, 12)


# A chronicle: each entry's talk told inside one paragraph, "X对Y说:" and "…时,X说:".
NIANPU = """《某人年谱》1975年6月

6月3日 上午,会见来访的客人苏拉,周恩来在座。苏拉对毛泽东说:我们一路上看到很多新建的工厂。毛泽东说:还不够,我们还很穷。苏拉说:你们的道路对我们很有启发。
6月9日 晚上,会见客人巴达,周恩来在座。谈到边界问题时,毛泽东说:这个问题可以慢慢谈。巴达说:我们也不着急。毛泽东说:那就好。
"""  # noqa: E501


def test_a_chronicles_speakers_inside_its_paragraphs_are_turns(registry: Registry) -> None:
    doc = parse(NIANPU, registry)
    assert keys(doc) == [
        "苏拉",
        "mao-zedong",
        "苏拉",
        "mao-zedong",
        "巴达",
        "mao-zedong",
    ]
    assert said(doc)[0][1] == "我们一路上看到很多新建的工厂。"
    assert said(doc)[3][1] == "这个问题可以慢慢谈。"


# A scanned memorandum whose two-line key "DATE, TIME / AND PLACE:" was flattened around
# its value.
FLATTENED_KEY = """MEMORANDUM OF CONVERSATION

SUBJECT: Meeting with the President of Chile

DATE, TIME March 14, 1990, 10:05 a.m.-10:50 a.m. EST AND PLACE: The Oval Office

The President: Welcome. I am glad you could come so soon after the inauguration.

President Aylwin: Thank you. It is an honour to be received here.
"""


def test_a_flattened_date_time_and_place_key_dates_the_record(registry: Registry) -> None:
    doc = parse(FLATTENED_KEY, registry)
    assert doc.metadata.date == dt.date(1990, 3, 14)
    assert len(keys(doc)) == 2


# A broadcast's cover page in OCR, its date in capitals among the programme's words.
COVER = """Reprinted transcript of the programme

1 e FACE THE NATION as broadcast by the network is printed for the public interest. Copies may be had for ten cents by sending a stamped, self-addressed envelope to the network's press office, which will mail them within the week to any address in the country. FACE THE NATION is telecast every Sunday over the network from the studios in Washington. Television Broadcast 12:30-1:00 P.M. EST gx7r>am THE HONORABLE JOHN SMITHSON The Secretary of Labor VOLUME 7 MARCH 5, 1961 NUMBER 9 di mih 91.0 per copy

2 FACE THE NATION MR. HERMAN: Our guest today is the Secretary of Labor. Mr. Secretary, will the strike end this week? MR. SMITHSON: I expect both sides back at the table on Tuesday. MR. HERMAN: And if they are not? MR. SMITHSON: Then I will ask them myself.
"""  # noqa: E501


def test_a_cover_pages_date_in_capitals_dates_the_broadcast(registry: Registry) -> None:
    doc = parse(COVER, registry)
    assert doc.metadata.date == dt.date(1961, 3, 5)
    assert keys(doc)[-2:] == ["herman", "smithson"]


# A site's stamp (a machine's date and the site's name) over a lead that dates the talk.
STAMPED = """某州政府副主席记者招待会文字实录(全文)

2021-02-20 某州之音

2019年4月18日下午,某州政府副主席在记者招待会上回答记者提问的文字记录,全文如下:

副主席:那我们现在就开始了!

▲电视台记者:请问对停火协议有什么看法?

副主席:我们一直主张和平。
"""


def test_a_machine_date_beside_the_sites_name_is_the_pages_stamp(registry: Registry) -> None:
    doc = parse(STAMPED, registry)
    assert doc.metadata.date == dt.date(2019, 4, 18)


# Reported speech in one paragraph; the list names the host by his office and his country.
SHAH = """8. Memorandum of Conversation1

  • The Shah of Iran
  • Henry A. Kissinger
  • Harold H. Saunders

Dr. Kissinger called on the Shah at the embassy residence the evening of April 1.

The Shah opened the conversation by saying that he admired the new administration. Dr. Kissinger asked what he expected of it. The Shah said that he hoped for steady support in the Gulf. Dr. Kissinger said that the President shared that hope.
"""  # noqa: E501


def test_an_office_the_list_writes_with_its_country_is_its_own_speaker(
    registry: Registry,
) -> None:
    doc = parse(SHAH, registry)
    assert keys(doc) == ["shah", "kissinger", "shah", "kissinger"]
    assert "harold-saunders" not in keys(doc)
    assert "shah" in [a.person.key for a in doc.attendees]


# Oral questions in a parliament's record, the question's number before the glued name.
QUESTIONS = """§ Q7. Mr. Pendleburyasked the Prime Minister if he will visit the north-east this year.
§ The Prime MinisterI have no plans to do so.
§ Mr. PendleburyWill he at least meet the shipyard workers' delegation?
§ The Prime MinisterI shall consider that.
"""  # noqa: E501


def test_a_numbered_questions_glued_member_asks_it(registry: Registry) -> None:
    doc = parse(QUESTIONS, registry)
    assert keys(doc) == ["pendlebury", "prime-minister", "pendlebury", "prime-minister"]
    assert said(doc)[0][1].startswith("asked the Prime Minister")


# A typescript's question cut off before its question mark, the answer on the next line.
CUT_SHORT = """STATEMENT BY THE PRIME MINISTER AT THE AIRPORT
Q. Good morning, Sir. You are looking very well after
such a long flight, if I may say so, Sir.
A. Oh, I am not too bad for an old man. Tomorrow I will
hold a press conference in the capital, and until then
I will say only that the conference was a success.
Q. Did the President promise any further
A. Now, wait a minute. I am not answering questions
this morning, I will tell you about him tomorrow.
"""


def test_an_answer_under_a_question_cut_short_is_its_own_turn(registry: Registry) -> None:
    doc = parse(CUT_SHORT, registry)
    assert keys(doc) == ["question", "a"] * 2
    assert said(doc)[3][1].startswith("Now, wait a minute.")


# A magazine interview: its photo's caption quotes the guest, over the credit and again
# below it, and the reportage opens with a clock time and a colon.
CAPTIONS = """AUS DEM MAGAZIN
Ausgabe 12/2016

Minister Weber im Interview "Wir haben zu lange gewartet"

Regierungsmitglied Weber: "Was hilft den Pendlern, die heute im Stau stehen?"
Anna Roth/ DAS MAGAZIN

Regierungsmitglied Weber: "Was hilft den Pendlern, die heute im Stau stehen?"

8.45 Uhr: Weber steht am Bahnsteig und telefoniert. "Gleich", sagt er.

MAGAZIN: Herr Minister, warum kommt die neue Strecke erst in zehn Jahren?

Weber: Weil wir zu lange gewartet haben. Das gebe ich zu.

MAGAZIN: Wer hat gewartet?

Weber: Alle Regierungen vor uns, meine eingeschlossen.
"""


def test_a_caption_printed_twice_is_no_turn(registry: Registry) -> None:
    doc = parse(CAPTIONS, registry)
    assert keys(doc)[::2] == ["magazin", "magazin"]
    assert len(keys(doc)) == 4 and len(set(keys(doc))) == 2
    assert not any("Pendlern" in text or "Bahnsteig" in text for _, text in said(doc))


# A radio transcript in a speech corpus: a guest's initials spaced apart before the colon.
INITIALS = """Из беседы журналиста (Ж.) с директором заповедника Петром Ивановым (П. И)

Ж.: Добрый вечер / в студии гость / Петр Иванов / директор заповедника.

П.       И.: Добрый вечер!

Ж.: Петр Сергеевич / сколько у вас сейчас зубров?
"""


def test_initials_spaced_apart_before_a_colon_are_one_label(registry: Registry) -> None:
    doc = parse(INITIALS, registry)
    assert keys(doc) == ["zh", "p-i", "zh"]
    assert said(doc)[1][1] == "Добрый вечер!"


# Two guides told apart by a number among named speakers; a heading's number is none.
GUIDES = """Из кухонных дебатов

Ричард Никсон: «Вот наша кухня, такая есть в каждом доме».

Никита Хрущев: «У нас тоже такие будут».

Экскурсовод 1: «Этот разговор записывается на цветную пленку».

Экскурсовод 2: «Запись покажут в обеих странах».
"""

ARTICLES = """Из переговоров о договоре

Громыко: Прочитаем проект еще раз.

Раск: Хорошо, начнем с начала.

Громыко: Тогда первая статья.

Раск: Согласен.

Статья 1: Стороны обязуются не проводить испытаний.

Статья 2: Договор вступает в силу после ратификации.
"""


def test_one_of_two_guides_by_number_speaks_and_an_article_does_not(
    registry: Registry,
) -> None:
    assert keys(parse(GUIDES, registry))[2:] == ["ekskursovod-1", "ekskursovod-2"]
    assert not [k for k in keys(parse(ARTICLES, registry)) if k.startswith("statia")]


# A transcript site's segments: the name, a tag of its tone, the clip's times, the words
# quoted with the segment's number after them; a note segment is no one's.
SEGMENTS = """Press Briefing by the Press Secretary - March 3, 2021

  • Jane Doe
    Person
  • Question
    Person

Note

Neutral
00:00:00-00:00:00 ( sec)
"[The briefing begins]" 1

Jane Doe

Somewhat Positive
00:00:00-00:00:04 (5 sec)
"Good afternoon, everyone." 2

Question

Neutral
00:00:04-00:00:09 (6 sec)
"Thanks, Jane. Is the trip still on?" 3

Jane Doe

Very Positive
00:00:09-00:00:15 (7 sec)
"It is still on, and I will have more for you tomorrow." 4
"""


def test_a_transcript_sites_segments_are_turns(registry: Registry) -> None:
    doc = parse(SEGMENTS, registry)
    assert said(doc) == [
        ("jane-doe", "Good afternoon, everyone."),
        ("question", "Thanks, Jane. Is the trip still on?"),
        ("jane-doe", "It is still on, and I will have more for you tomorrow."),
    ]
    assert "person" not in [a.person.key for a in doc.attendees]


# A parliament's site heads each speech with the debate, the clock, the party on its own
# line, then the member's name, party and seat.
PARTIES = """House of Commons Hansard #12 of the 45th Parliament

Second reading of the fisheries billFisheriesGovernment Orders

3:15 p.m.

Conservative

Anne Fraser Conservative Kelowna—Lake Country, BC

Madam Speaker, the bill leaves the inshore fleet without a voice.

Second reading of the fisheries billFisheriesGovernment Orders

3:17 p.m.

NDP

Paul Lavoie NDP Sudbury, ON

Madam Speaker, the member is right about the fleet, but wrong about the quotas.

Second reading of the fisheries billFisheriesGovernment Orders

3:18 p.m.

Conservative

Anne Fraser Conservative Kelowna—Lake Country, BC

Madam Speaker, the quotas are the fleet's only protection.
"""


def test_members_headed_by_party_and_seat_are_speakers(registry: Registry) -> None:
    doc = parse(PARTIES, registry)
    assert keys(doc) == ["anne-fraser", "paul-lavoie", "anne-fraser"]
    assert said(doc)[0][1] == "Madam Speaker, the bill leaves the inshore fleet without a voice."


# A cable network's transcript: the host's opening above his guest's first words, each
# labelled once with a post (the guest's naming his programme), then surnames alone.
NETWORK = """Interview With Tom Brandt

Aired May 4, 2003 - 18:30 ET

ANN KELLY, HOST: He has anchored the evening news for twenty years and written four novels.

Tom Brandt, welcome.

TOM BRANDT, ANCHOR, "THE EVENING REPORT": Thank you, Ann.

KELLY: Is television news too loud these days?

BRANDT: Some of it is. Most of it is not.
"""


def test_a_hosts_opening_above_the_guests_first_words_is_a_turn(registry: Registry) -> None:
    doc = parse(NETWORK, registry)
    assert keys(doc) == ["ann-kelly", "tom-brandt", "ann-kelly", "tom-brandt"]


# A finding aid's subject log: a running head over every page, lists of subjects, a known
# name over a row of asterisks. No conversation.
SUBJECT_LOG = """Conversation No. 801-2
Date: October 3, 1972

NIXON PRESIDENTIAL MATERIALS STAFF

Tape Subject Log
(rev. Oct-06)

-Walter W. Jenkins

The President's schedule
-Kissinger

Kissinger

*****************************************************************

NIXON PRESIDENTIAL MATERIALS STAFF

Tape Subject Log
(rev. Oct-06)

-Talks with Georges Pompidou
-Talks with Willy Brandt
"""


def test_a_subject_logs_running_head_is_no_speaker(registry: Registry) -> None:
    with pytest.raises(ParseError, match="holds no conversation"):
        parse(SUBJECT_LOG, registry)


# A Chinese catalogue of books: each entry's place of publication before a colon.
CATALOGUE = """口述歷史室簡介

一、已出版之口述歷史專書

1.某某主編,《老兵座談會紀錄》。臺北:某某研究所籌備處,1997年1月。
本書源自1995年的座談會。

2.某某訪談,《走過兩個時代的人》。臺北:某某研究所籌備處,1997年11月初版。
本書收錄26位受訪者的訪問記錄。
"""


def test_a_chinese_books_place_of_publication_is_no_speaker(registry: Registry) -> None:
    with pytest.raises(ParseError, match="holds no conversation"):
        parse(CATALOGUE, registry)


# A web interview with bracketed labels and a colon after them, run after an
# introduction that ends on a colon; a programme's day without its year.
PROGRAMME = """农民工代表:最关注住房问题

http://www.example.cn 2006年03月30日21:09 某台《会客厅》

某台《会客厅》栏目3月30日播出,以下为节目实录: 主持人:您好观众朋友,欢迎走进《会客厅》。 张海:你好。 主持人:你去年得了劳动模范的荣誉。 张海:是的,很意外。
"""  # noqa: E501

BRACKETS = """某网视频访谈

[主持人]:大家上午好,今天请到的嘉宾是李明先生。
[李明]:网友们,大家好。
[主持人]:请您谈谈人才工作。
[李明]:人才工作是改革的保证。
"""


def test_a_chinese_transcripts_labels_after_its_introduction_and_in_brackets(
    registry: Registry,
) -> None:
    doc = parse(PROGRAMME, registry)
    assert keys(doc) == ["主持人", "张海"] * 2
    assert said(doc)[0][1].startswith("您好观众朋友")
    assert doc.metadata.date == dt.date(2006, 3, 30)
    doc = parse(BRACKETS, registry)
    assert keys(doc) == ["主持人", "李明"] * 2
    assert said(doc)[1][1] == "网友们,大家好。"


# A Politburo scene told in a book: "доложил" and an aside between a name and its verb.
POLITBURO = """Из книги

Устинов доложил о мнении начальника Генерального штаба. Андропов резко возразил, заявив, что армия к этому не готова.

Устинов тем не менее добросовестно передал все замечания, но поддержал решение.
"""  # noqa: E501


def test_reported_speech_by_doklad_and_after_an_aside(registry: Registry) -> None:
    assert keys(parse(POLITBURO, registry)) == ["ustinov", "andropov", "ustinov"]


# A meeting with the press: the title names its host in the genitive; his labels give
# his name in full and then his initial glued to his surname.
GLUED = """Беседа Первого заместителя Председателя Правительства Дмитрия Медведева с журналистами

ДМИТРИЙ МЕДВЕДЕВ: Уважаемые коллеги, я в вашем распоряжении.

ВИТАЛИЙ ЖИХАРЕВ: Завершается ваша поездка по округу. Что вы увидели?

Д.МЕДВЕДЕВ: Два региона было. Оба меня порадовали.
"""


def test_a_full_name_and_its_glued_initial_are_one_speaker(registry: Registry) -> None:
    found = keys(parse(GLUED, registry))
    assert found[0] == found[2] and found[1] != found[0]


# An oral history run into one paragraph: the head ends on a word in capitals, then "Q:".
ORAL_HISTORY = """Interview with Ambassador John Carter

Interview with Ambassador John Carter The Association for Oral History AMBASSADOR JOHN CARTER Interviewed by: Mary Lane Initial interview date: May 2, 2004 Copyright 2007 OHP Q: Today is the 2nd of May, 2004, and this is an interview with John Carter. Where were you born? CARTER: I was born in Dayton, Ohio. Q: And your parents? CARTER: Both teachers, both from Ohio.
"""  # noqa: E501


def test_an_oral_historys_first_question_after_the_head_in_capitals(
    registry: Registry,
) -> None:
    doc = parse(ORAL_HISTORY, registry)
    assert keys(doc) == ["question", "john-carter"] * 2
    assert said(doc)[0][1].startswith("Today is the 2nd of May")


# An e-book reader's page of a telephone record: the reader's controls, then the two
# parties' names joined by a dash, the day, and the parties by their initials.
NAME_PAIR = """Шрифт:
Интервал:
Закладка:
ПОСОЛ ДОБРЫНИН – КИССИНДЖЕР
Пятница, 19 октября 1973 года
К: Анатолий, у меня была беседа с президентом.
Д: Да.
К: Он готов принять министра на следующей неделе.
Д: Я сообщу в Москву сегодня же.
"""


def test_two_names_joined_by_a_dash_head_a_telephone_record(registry: Registry) -> None:
    doc = parse(NAME_PAIR, registry)
    assert doc.metadata.title == "ПОСОЛ ДОБРЫНИН – КИССИНДЖЕР"
    assert keys(doc)[0] == keys(doc)[2] == "kissinger"
    assert keys(doc)[1] != "kissinger"


# A parliament site's heading over each speech: the member's photo named, his name glued
# to it, his seat in brackets and the site's links; a motion's words and a point of order
# addressing the chair under it.
PHOTOS = """House debates

Thursday, 25 August 2011

Photo of Anne WalshAnne Walsh (Grayndler, Labor Party, Leader of the House) Share this | | Hansard source

by leave—I move:

That the standing orders be suspended for this debate.

Photo of Peter GrayPeter Gray (Sturt, Liberal Party) Share this | | Hansard source

I move as an amendment:

That the following words be added to the motion.

Photo of Anne WalshAnne Walsh (Grayndler, Labor Party, Leader of the House) Share this | | Hansard source

Mr Speaker, on a point of order: an amendment must relate to the motion.

Photo of Peter GrayPeter Gray (Sturt, Liberal Party) Share this | | Hansard source

Mr Speaker, on the point of order: it does relate to it.
"""  # noqa: E501


def test_a_parliament_sites_photo_headings_are_its_members_labels(registry: Registry) -> None:
    doc = parse(PHOTOS, registry)
    assert keys(doc) == ["anne-walsh", "peter-gray"] * 2
    assert said(doc)[0][1].startswith("by leave—I move:")
    assert said(doc)[2][1].startswith("Mr Speaker, on a point of order:")


# A commission's memorandum for the record: its event and its writer as fields, the people
# interviewed and the commission's own on two lists, each under a qualified heading.
COMMISSION = """MEMORANDUM FOR THE RECORD

Event: Interview of Harold Greene
Type of event: Recorded interview
Date: October 14, 2003
Prepared by: Jane Ames
Location: GSA building, Washington
Participants - non-Commission: Harold Greene, former FAA official
Participants - Commission: Jane Ames

Greene said that he joined the agency in 1985 and served in the operations center.

Ames asked about the morning of the attacks. Greene replied that the first call came at 8:38.
"""


def test_a_commissions_memorandum_lists_both_sides_under_qualified_headings(
    registry: Registry,
) -> None:
    doc = parse(COMMISSION, registry)
    assert doc.metadata.date == dt.date(2003, 10, 14)
    assert {a.person.key for a in doc.attendees} == {"harold-greene", "jane-ames"}
    assert keys(doc) == ["harold-greene", "jane-ames", "harold-greene"]


# A portal's copy of a ministry's press conference: a photo's caption and the portal's
# headline above the headline the story first ran under ("原標題:", its day in it), the
# question and answer marks after it.
PORTAL = """資料圖:外交部

6月2日舉行的例行記者會

原標題:2016年6月2日外交部發言人主持例行記者會

問:中方對昨天的會議有何評論?

答:我們注意到有關報道。中方的立場是一貫的。

問:雙方會繼續對話嗎?

答:我們希望各方保持冷靜。
"""

# A blog's copy of a government press conference: the blog's name, a colon, the
# conference and its day.
BLOG = """Artikel

Bundesregierung im Wortlaut: BPK vom 08. März 2021

FRAGE MÜLLER: Herr Seibert, wann entscheidet das Kabinett?

STS SEIBERT: Am Mittwoch, wie geplant.

FRAGE MÜLLER: Und wer legt die Vorlage vor?

STS SEIBERT: Das Ministerium der Finanzen.
"""


def test_a_headline_the_story_first_ran_under_is_its_title(registry: Registry) -> None:
    doc = parse(PORTAL, registry)
    assert doc.metadata.title == "2016年6月2日外交部發言人主持例行記者會"
    assert doc.metadata.date == dt.date(2016, 6, 2)
    assert doc.metadata.place is None


def test_a_conference_and_its_day_after_a_sites_colon_date_it(registry: Registry) -> None:
    assert parse(BLOG, registry).metadata.date == dt.date(2021, 3, 8)


# A wiki's transcription of a telephone record: its heading and fields as a table's rows
# (key, bar, value, bar), in Ukrainian, then one turn a line.
TABLE_ROWS = """Стенограма телефонної розмови | |
Тема: | Телефонна розмова з президентом Леонідом Кравчуком |
Учасники: | Президент Леонід Кравчук |
Дата, час та місце: | 5 грудня 1991 року, 9:10—9:25 ранку |
Президент: Добрий ранок, пане президенте.
Президент Кравчук: Добрий ранок. Дякую за дзвінок.
Президент: Вітаю вас з результатами голосування.
Президент Кравчук: Дякую, це велика подія для нас.
"""


def test_a_tables_rows_give_the_heading_and_the_fields(registry: Registry) -> None:
    doc = parse(TABLE_ROWS, registry)
    assert doc.metadata.title == "Стенограма телефонної розмови"
    assert doc.metadata.date == dt.date(1991, 12, 5)
    assert "leonid-kravchuk" in {a.person.key for a in doc.attendees}
    assert len(keys(doc)) == 4


# A presidential tape's transcript: the day and hours, the people in the room as one line
# of names in full, the room; then each speaker first by a post the reference data does
# not know and his name in full, later by his surname.
TAPE = """Monday, March 6, 1972 - 9:10am - 9:42am
Richard Nixon, Charles W. Colson, Rose Mary Woods
Oval Office

President Nixon: Did you see the papers this morning?

White House Special Counsel Charles W. Colson: I did. They are kinder than I thought.

President Nixon: They will not stay kind for long.

Colson: No, sir, but we have a week at least.
"""


def test_a_tapes_people_in_one_line_and_a_post_before_a_full_name(registry: Registry) -> None:
    doc = parse(TAPE, registry)
    assert doc.metadata.date == dt.date(1972, 3, 6)
    assert {"charles-colson", "rose-mary-woods"} <= {a.person.key for a in doc.attendees}
    assert keys(doc) == ["nixon", "charles-colson", "nixon", "charles-colson"]


# A declassified telephone memorandum whose participants' line runs two people together:
# the President by his office alone, then the Prime Minister by office and name.
TELCON = """SUBJECT: Telcon with Prime Minister Chrétien (U)

PARTICIPANTS: The President Prime Minister Chrétien

DATE, TIME March 3, 1999, 9:05 - 9:20 a.m. EST AND PLACE: Oval Office

The President: Hello, Jean. (U)

Prime Minister Chrétien: Good morning, Bill. (U)

The President: I wanted to talk about the fisheries before Friday. (U)

Prime Minister Chrétien: So did I. We are close to an agreement. (U)
"""


def test_an_office_alone_and_a_titled_name_run_together_are_two_participants(
    registry: Registry,
) -> None:
    doc = parse(TELCON, registry)
    assert keys(doc) == ["president", "chrétien"] * 2
    assert doc.metadata.date == dt.date(1999, 3, 3)
    # (an office of two words before a name is one person's)
    annan = TELCON.replace(
        "The President Prime Minister Chrétien", "The Secretary General Kofi Annan"
    )
    assert [a.person.key for a in parse(annan, registry).attendees] == ["kofi-annan"]


def test_a_radio_stations_time_on_air_dates_the_interview(registry: Registry) -> None:
    page = (
        "Персонально ваш\n\n"
        "Время выхода в эфир: 14 марта 2003, 17:08\n\n"
        "А. ВОРОНОВ: Добрый вечер, у нас в гостях Марина Лесная.\n"
        "М. ЛЕСНАЯ: Добрый вечер.\n"
        "А. ВОРОНОВ: Начнем с новостей недели.\n"
        "М. ЛЕСНАЯ: Давайте.\n"
    )
    doc = parse(page, registry)
    assert doc.metadata.date == dt.date(2003, 3, 14)
    assert len(doc.turns()) == 4


@pytest.mark.parametrize("broken_after", ["by the", "from the", "Besprechung von", "entre"])
def test_a_title_broken_after_a_small_word_goes_on_below(
    registry: Registry, broken_after: str
) -> None:
    first, _, rest = (
        f"Memorandum of Conversation, {broken_after} Officer in Charge (Lowe)".partition(
            f"{broken_after} "
        )
    )
    page = (
        f"{first}{broken_after}\n{rest}\n\n"
        "Mr. Lowe: Shall we begin with the treaty?\n\n"
        "Mr. Sorin: By all means.\n\n"
        "Mr. Lowe: Then the first article.\n\n"
        "Mr. Sorin: Agreed.\n"
    )
    assert parse(page, registry).metadata.title == f"{first}{broken_after} {rest}"


@pytest.mark.parametrize(
    ("lead", "held"),
    [
        ("Herr Karl B. hat uns heute besucht.", dt.date(2019, 11, 22)),
        ("Herr Karl B. hat uns gestern besucht.", dt.date(2019, 11, 21)),
        ("Herr Karl B. hat uns letzte Woche besucht.", None),
        ("Herr Karl B. ist heute hier bei uns.", dt.date(2019, 11, 22)),  # ("hier": here)
    ],
)
def test_a_blogs_posting_day_dates_a_talk_its_lead_does_not_set_earlier(
    registry: Registry, lead: str, held: dt.date | None
) -> None:
    page = (
        "Der Blog der 10b\n\nInterview mit Herrn Karl B.\n"
        "Veröffentlicht am 22. November 2019 von max_k | 3 Kommentare\n\n"
        f"{lead}\n\n"
        "Lena: Wo haben Sie damals gewohnt?\n\nKarl B.: In Ostberlin.\n\n"
        "Lena: Und die Schule?\n\nKarl B.: Sie lag gleich um die Ecke.\n"
    )
    assert parse(page, registry).metadata.date == held
