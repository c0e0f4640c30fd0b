"""Records that name their speakers by office: "The Secretary of State:", "The Minister of
Foreign Affairs said…", a list that gives the office first and the name after it, and
military ranks of two words.

Every page here is a few lines invented for the test in the shape of a published page.
"""

from __future__ import annotations

import pytest

from app.ingest.model import ParseError
from app.ingest.registry import Registry
from app.ingest.roster import Roster
from tests.ingest.test_reading_pages import parse
from tests.ingest.test_reading_pages_stenograms import keys, said

# An office with "of" in it as the label, beside an ambassador by name.
OFFICE_LABELS = """Memorandum of Conversation

Washington, March 3, 1962.

PARTICIPANTS:
The Secretary of State
Ambassador Dobrynin

The Secretary of State: I asked to see you about Berlin before the weekend.
Ambassador Dobrynin: I am ready to listen, Mr. Secretary.
The Secretary of State: Our position has not moved since the talks in Geneva.
Ambassador Dobrynin: Then I fear we shall not get far today.
"""


def test_an_office_with_of_in_it_labels_its_holders_turns(registry: Registry) -> None:
    doc = parse(OFFICE_LABELS, registry)
    assert keys(doc) == ["secretary-of-state", "dobrynin"] * 2
    assert said(doc)[0][1] == "I asked to see you about Berlin before the weekend."
    assert [a.person.key for a in doc.attendees] == ["secretary-of-state", "dobrynin"]


# Reported speech by offices; the list gives the ambassador's office, then his name; an
# absent minister's words in the Ambassador's report.
OFFICES_REPORTED = """Memorandum of Conversation

Washington, March 5, 1962.

PARTICIPANTS:
The Secretary of State
The Soviet Ambassador, Ivan Petrovich Sorokin

The Secretary of State said that he wished to hear the Ambassador on Berlin.

The Ambassador replied that he had no new instructions.

The Minister of Foreign Affairs of the USSR said in his last message that nothing had changed.
"""


def test_offices_with_of_report_speech_and_a_list_may_put_the_office_first(
    registry: Registry,
) -> None:
    doc = parse(OFFICES_REPORTED, registry)
    attendees = {a.person.key: a.description for a in doc.attendees}
    assert attendees == {
        "secretary-of-state": None,
        "ivan-petrovich-sorokin": "The Soviet Ambassador",
    }
    # (the minister, no one on the list, is no speaker of this record)
    assert keys(doc) == ["secretary-of-state", "ivan-petrovich-sorokin"]
    assert "The Minister of Foreign Affairs" in said(doc)[1][1]


# A list of offices and names run on with commas, a two-word rank among them; the
# secretary is on the list by his office only, and everyone else speaks as "Mr. …".
COMMA_LIST = """Minutes of the Second Meeting, Moscow, October 19, 1943

Present: The Secretary of State, Mr. Edward Lyle, Major General Osgood,

Mr. Pyotr Alexeyev, Marshal Tikhonov.

Mr. Alexeyev said that the first point was the question of supplies.

Mr. Lyle replied that the convoys would sail as planned.

Major General Osgood added that the escorts were ready.
"""


def test_a_courtesy_title_is_no_office_whoever_a_list_put_beside_it(registry: Registry) -> None:
    doc = parse(COMMA_LIST, registry)
    assert {a.person.key for a in doc.attendees} >= {"edward-lyle", "osgood", "pyotr-alexeyev"}
    assert keys(doc) == ["pyotr-alexeyev", "edward-lyle", "osgood"]


# A spokesman's briefing whose page lost its line breaks: the catalogue's fields, the
# spokesman's label, then bare "Q" and "A" run into the text (and "A" as an article).
BRIEFING = (
    "Daily Press Briefing #41: Thursday, 3/14/91\n\n"
    "Source: Department Spokesman Richard Boucher Date: Mar 14, 1991 Category: Briefings "
    "(ON THE RECORD UNLESS OTHERWISE NOTED) MR. BOUCHER: I have one announcement. A delegation "
    "leaves for Geneva tonight. Q Who leads it? A The Deputy Secretary leads it, as before. "
    "Q Will it meet the Syrians? A Not on this trip. A second trip is planned for April. "
    "Q When in April? A I do not have a date yet.\n"
)


def test_a_briefing_run_together_keeps_its_bare_questions_and_answers(
    registry: Registry,
) -> None:
    doc = parse(BRIEFING, registry)
    assert keys(doc) == ["boucher", *["question", "boucher"] * 3]
    assert said(doc)[0][1] == "I have one announcement. A delegation leaves for Geneva tonight."
    assert said(doc)[4][1] == "Not on this trip. A second trip is planned for April."
    assert doc.metadata.date is not None and doc.metadata.date.isoformat() == "1991-03-14"
    assert doc.metadata.title == "Daily Press Briefing #41: Thursday, 3/14/91"  # not "3/"


# A parliament's debate: each member heads his speech once, by his title and his seat or
# with his name in brackets after the chair's office; a time stamp between.
DEBATE = """HC Deb 9 March 1961 vol 636 cc1702-30

4.12 p.m.

Mr. Owen Pritchard (Cardiff, East)

I rise to ask the House to consider the docks, where work has been short since autumn.

Mr. Deputy Speaker (Sir Walter Ince)

Order. The hon. Member must keep to the terms of the Motion before the House.

Mrs. Edith Baxter (Leeds, South)

On a point of order, Mr. Deputy-Speaker. The Motion speaks of employment; docks employ many.
"""


def test_members_who_each_speak_once_by_title_and_seat_make_a_debate(
    registry: Registry,
) -> None:
    doc = parse(DEBATE, registry)
    assert keys(doc) == ["owen-pritchard", "deputy-speaker", "edith-baxter"]
    assert said(doc)[1][1].startswith("Order. The hon. Member")
    assert doc.metadata.date is not None and doc.metadata.date.isoformat() == "1961-03-09"


# Headings over paragraphs are no debate, though three stand over prose.
HEADINGS = """Notes on the Docks

The Port of Cardiff

Work at the port has been short since the autumn, and many men are idle.

The Port of Leeds (Inland)

The inland port is small, and its trade is mostly coal and grain.

The Coal Trade

Coal went mostly by rail, and the docks saw less of it each year.
"""


def test_headings_over_paragraphs_are_not_a_debate(registry: Registry) -> None:
    with pytest.raises(ParseError):
        parse(HEADINGS, registry)


# A page whose headline names no kind of record, under a site's sentence about itself.
HEADLINE = """In lieu of an abstract, here is a brief excerpt of the content
Radio Tape Shows the Premier Calling the Governor

HOST: Good evening. We have a recording made public this week.
GOVERNOR: I had not heard it before today, and I was surprised by it.
HOST: What surprised you most?
GOVERNOR: How calm the Premier sounded, all things considered.
"""


def test_a_headline_that_names_no_kind_of_record_is_the_title(registry: Registry) -> None:
    doc = parse(HEADLINE, registry)
    assert doc.metadata.title == "Radio Tape Shows the Premier Calling the Governor"
    assert keys(doc) == ["host", "governor"] * 2


# A secretary's note of a telephone call, offices shortened, in the present tense.
TELEPHONE_NOTE = """Memorandum of a Telephone Conversation Between the President and the Secretary of State

TELEPHONE CALL TO THE PRESIDENT

The Sec said he had seen Harlan and he appeared sorry for the delay. The Pres asked if he understands the rule now. The Sec thinks he does. The Pres asked if he will write to the committee. The Sec said yes but not this week.
"""  # noqa: E501


def test_a_telephone_note_s_view_in_the_present_is_a_turn(registry: Registry) -> None:
    doc = parse(TELEPHONE_NOTE, registry)
    assert keys(doc) == ["secretary", "president"] * 2 + ["secretary"]
    assert said(doc)[2][1] == "thinks he does."


# A memoir quotes a record: the first line introduced in prose by a full name, then
# labels by surname over dash lines, and a last sentence reporting one of them.
MEMOIR_RECORD = """Дипломаты. Глава седьмая
12 мая министры сели за стол переговоров. Запись беседы опубликовал помощник министра.
Джон Уэллс предложил начать с вопроса о консульствах:
– Ваш посол обещал нам ответ еще весной, но ответа нет.
Министр на переговорах в Женеве. Май 1979
Соколов:
– Посол ничего не обещал. Мы изучаем вопрос, и ответ будет.
Уэллс:
– Тогда давайте назначим срок, иначе мы вернемся к этому в Вашингтоне.
Соколов:
– Срок назначать не будем. Давайте перейдем к другим вопросам.
Уэллс сказал, что у него есть поручение обсудить и торговые дела.
"""


def test_a_full_name_that_reports_words_is_the_surname_that_labels_them(
    registry: Registry,
) -> None:
    doc = parse(MEMOIR_RECORD, registry)
    assert len(set(keys(doc))) == 2  # "Джон Уэллс" and "Уэллс" are one man
    assert keys(doc)[0] == keys(doc)[2] == keys(doc)[4] != keys(doc)[1]
    assert said(doc)[2][1].startswith("– Тогда давайте")
    assert said(doc)[4][1].startswith("сказал, что у него есть поручение")
    assert all(u.texts["ru"].text.strip() != "Уэллс" for u in doc.units)  # no label left alone


# A government site's interview: parts in capitals, a full stop and a dash, the
# president's part once.
PARTS_DASHED = """Entrevista al presidente para la radio nacional

PERIODISTA. - Buenos días, señor Presidente. ¿Cómo ve usted el año que empieza?

PRESIDENTE. - Con esperanza. Hemos trabajado mucho y los números acompañan.

PERIODISTA. - ¿Y la inflación? Muchos oyentes preguntan por ella.
"""


def test_parts_in_capitals_over_a_dash_label_an_interview(registry: Registry) -> None:
    doc = parse(PARTS_DASHED, registry)
    assert keys(doc) == ["periodista", "presidente", "periodista"]
    assert said(doc)[1][1].startswith("Con esperanza.")


# A court transcript copied from its PDF pages: the caption in capitals, the index, and the
# examination run together with the pages' line numbers.
COURT_PAGES = (
    "1 UNITED STATES DISTRICT COURT 2 DISTRICT OF OREGON 3 HARLOW MILLS, INC., 4 VERSUS "
    "5 TRANSCRIPT OF BENCH TRIAL\n\n"
    "2 1 I N D E X WITNESSES: PAGE: 3 Ruth Ames... BY MR. DALE... 4\n\n"
    "3 12 1 Q. You saw the loading dock that morning, did you not? 2 A. I did, from the "
    "office window. 3 Q. Who else was there? 4 A. Two drivers and the foreman. 5 Q. Did the "
    "foreman speak to you? 6 A. Not that morning.\n"
)


def test_a_court_transcript_run_together_keeps_its_questions_and_answers(
    registry: Registry,
) -> None:
    doc = parse(COURT_PAGES, registry)
    assert keys(doc) == ["question", "a"] * 3  # not "WITNESSES", not "UNITED" who "states"
    assert said(doc)[1][1].startswith("I did, from the office window.")


# A translated politburo transcript: each member once, his first name in the editor's
# brackets, the full stop glued to the first word in one place.
POLITBURO = """Transcript of the Politburo Session held on 12 October 1989

[Erich] Lange.The delegation returned yesterday. The talks in Moscow were friendly but short.
[Hans] Roder. The neighbours are raising the stakes. We must answer calmly and together.
[Kurt] Wendt. I agree with both comrades, and I propose a statement for the press today.
"""


def test_a_name_an_editor_completed_in_brackets_labels_a_turn(registry: Registry) -> None:
    doc = parse(POLITBURO, registry)
    assert keys(doc) == ["erich-lange", "hans-roder", "kurt-wendt"]
    assert said(doc)[0][1].startswith("The delegation returned yesterday.")
    assert [u.texts["en"].label for u in doc.turns()][1] == "[Hans] Roder"


# A Chinese record defines its short labels in brackets, once after the colon itself.
SHORTENED = """毛泽东主席接见代表团谈话记录
(1970年5月11日)
参加人:
中方:周恩来
毛主席:(以下简称主席):你们什么时候到的?
阮文山(以下简称阮):昨天晚上。我们见到毛主席身体健康,感到很高兴。
主席:路上辛苦了。
阮:不辛苦,一路都很顺利。
主席:那就好。
"""


def test_a_short_label_a_record_defines_is_the_person_it_stands_for(
    registry: Registry,
) -> None:
    doc = parse(SHORTENED, registry)
    assert keys(doc) == ["mao-zedong", "阮文山"] * 2 + ["mao-zedong"]
    assert said(doc)[0][1] == "你们什么时候到的?"  # no "(以下简称主席):" in the words


# A history site's page: its own time of posting in a field the records use too ("时间:"),
# then a memoir's quoted exchange that states no date.
POSTED = """欢迎访问历史网站

两国关系的往事

时间:2018-01-24 10:41:33编辑:小林

宾主坐下以后,周总理立即提问:“亲王打算怎么办?”西哈努克回答:“我要回去同他们斗争。”周总理说:“我们支持你。”
"""


def test_a_site_s_time_of_posting_is_not_the_conversation_s_date(registry: Registry) -> None:
    doc = parse(POSTED, registry)
    assert doc.metadata.date is None
    assert any("states no date" in n.message for n in doc.notices)


# An archive's record in the third person and the present tense: initials before each
# surname, a manner between the name and the verb, a farewell before the last words.
THIRD_PERSON = """Запись беседы П.И. Карпова с Ю.Л. Ведровым

П.И. Карпов шутя спрашивает, не устал ли гость от Нью-Йорка.
Ю.Л. Ведров отвечает, что устал, но программа визита важнее усталости.
П.И. Карпов прощается с Ю.Л. Ведровым и выражает надежду, что они вновь встретятся.
Беседу записал В. Орлов.
"""


def test_a_record_in_the_third_person_keeps_initials_with_their_surnames(
    registry: Registry,
) -> None:
    doc = parse(THIRD_PERSON, registry)
    assert keys(doc) == ["karpov", "vedrov", "karpov"]
    assert [u.texts["ru"].label for u in doc.turns()][::2] == ["П.И. Карпов"] * 2
    assert said(doc)[0][1].startswith("шутя спрашивает")


# A biography's story with a short exchange in guillemets, each line attributed after
# its quotation; the two men are written of elsewhere in the story too.
STORY_DIALOGUE = """Глава девятая

Через неделю в Белград приехал Ковалев. На аэродроме Ковалев и встречавший его Радич стояли без шляп. Они подошли к микрофону, и между ними произошел короткий диалог. «Может быть, наденем шляпы?» — спросил Ковалев. «Давайте», — согласился Радич. Радич надел шляпу первым, а Ковалев последовал его примеру.

На следующий день Ковалев и Радич долго гуляли в саду.
"""  # noqa: E501


def test_a_quoted_exchange_inside_a_story_gives_each_line_to_its_speaker(
    registry: Registry,
) -> None:
    doc = parse(STORY_DIALOGUE, registry)
    assert keys(doc) == ["kovalev", "radich"]
    assert said(doc)[0][1] == "«Может быть, наденем шляпы?» — спросил Ковалев."


# A Chinese memoir: the answer's speaker named after the question's closing mark, with a
# comma (not a colon) before his words.
ANSWER_AFTER_QUOTE = """宾主坐下以后,张总理立即提问:“亲王打算怎么办?”李亲王当即回答,“我准备回去,同他们斗争到底。”

张总理听了李亲王的话,当即表态说:“我们全力支持你。”
"""  # noqa: E501


def test_a_chinese_answer_after_the_question_s_closing_mark_is_a_turn(
    registry: Registry,
) -> None:
    doc = parse(ANSWER_AFTER_QUOTE, registry)
    assert keys(doc)[:2] == [keys(doc)[2], "李亲王"]
    assert said(doc)[1][1].startswith("“我准备回去")


# A Chinese memoir's narration that names speaking without anyone speaking: his answer,
# when he said it, how well he answered.
TOLD_OF = """鄧小平微笑著說:“那種事情再也不會發生。”

他講這話的時候,態度自若,我可受不了。

鄧小平的回答是如此輕鬆自若,令大家讚歎。

鄧小平把這個問題回答得如此巧妙,會場氣氛輕鬆了。

園田直說:“閣下,不必說了。”
"""


def test_a_chinese_memoir_s_words_about_an_answer_are_no_turn(registry: Registry) -> None:
    doc = parse(TOLD_OF, registry)
    assert keys(doc) == ["deng-xiaoping", "园田直"]  # (one script for names)
    assert said(doc)[0][1].startswith("“那種事情")  # the narration goes on in his turn


# A Chinese memoir's quotations come first, who said them after: the writer, then a
# minister the story named as he arrived.
SAID_AFTER = """记者会前的十分钟

过了一会儿,李外长到了,他一如往常,冷静平和,快步走进来。

“紧张吗?”他看着我,关心地问。

“是,特别紧张。”我如实回答。

“今天是考试,考你,也考我呀。”李外长这样说。

我一下子醒悟,压力最大的是李外长。
"""


def test_a_chinese_quotation_names_its_speaker_after_it(registry: Registry) -> None:
    doc = parse(SAID_AFTER, registry)
    assert keys(doc)[-2:] == ["i", "李外长"]  # the writer, then the minister (not "李外长这样")
    assert said(doc)[-1][1] == "“今天是考试,考你,也考我呀。”李外长这样说。"


# A president's exchange with reporters, titled where it took place.
EXCHANGE = """Exchange With Reporters Aboard the Ship in Valletta

December 3, 1989

Q. Mr. President, how did the talks go this morning?

The President. Very well. We covered a lot of ground.

Q. Will you meet again next year?

The President. I expect so. Thank you all.
"""


def test_a_thing_a_title_names_is_no_person_an_office_stands_for(registry: Registry) -> None:
    doc = parse(EXCHANGE, registry)
    assert keys(doc) == ["question", "president"] * 2  # not "ship"


# A presidential library's memorandum of a telephone call: its date in a field that also
# gives the time and the place, the speakers in capitals.
TELCON_FIELDS = """MEMORANDUM OF TELEPHONE CONVERSATION

SUBJECT: Telephone Conversation with President Kuchma of Ukraine
PARTICIPANTS: The President
President Kuchma
DATE, TIME AND PLACE: March 4, 1996, 10:05 - 10:20 a.m. The Oval Office

THE PRESIDENT: Hello, Leonid. How are you?
PRESIDENT KUCHMA: Hello, Bill. I am well, thank you.
THE PRESIDENT: I wanted to call about the reactor.
PRESIDENT KUCHMA: Yes, we are ready to talk about it.
"""


def test_a_date_time_and_place_field_dates_the_call(registry: Registry) -> None:
    doc = parse(TELCON_FIELDS, registry)
    assert doc.metadata.date is not None and doc.metadata.date.isoformat() == "1996-03-04"
    assert keys(doc) == ["president", "kuchma"] * 2


# A radio station's transcript: initials glued to surnames in capitals, then the
# initials alone once the names are known.
RADIO_INITIALS = """Эхо Москвы / Передачи / Интервью
23 апреля 2007 г.

А.ВЕДЕРНИКОВ: Добрый вечер. У нас в гостях Олег Пестов.
О.ПЕСТОВ: Добрый вечер.
А.ВЕДЕРНИКОВ: Олег Максимович, начнем с главного.
О.ПЕСТОВ: Давайте начнем.
А.В.: Что случилось сегодня?
О.П.: Случилось многое.
"""


def test_initials_alone_stand_for_the_names_glued_to_them_above(registry: Registry) -> None:
    doc = parse(RADIO_INITIALS, registry)
    assert keys(doc) == ["vedernikov", "pestov"] * 3


# A book on the border talks quotes both heads of delegation inside its paragraphs, one
# of them "to this".
BORDER_TALKS = """Глава 5. Переговоры в Пекине

Переговоры открылись 20 октября 1969 года. Глава делегации Цяо Гуаньхуа заявил: «Мы готовы обсуждать все вопросы, но сначала нужно отвести войска». Кузнецов на это сказал: «Отвод войск может быть только результатом договоренности». Цяо Гуаньхуа возразил, что без отвода войск переговоры бессмысленны.

На следующий день Кузнецов снова предложил начать с проекта соглашения.
"""  # noqa: E501


def test_a_speaker_who_answers_to_this_inside_a_paragraph_has_his_turn(
    registry: Registry,
) -> None:
    doc = parse(BORDER_TALKS, registry)
    assert keys(doc) == ["tsyao-guankhua", "kuznetsov", "tsyao-guankhua", "kuznetsov"]
    assert said(doc)[1][1].startswith("«Отвод войск")


# A French presidency's transcript in capitals: "M. NAME.-" and "LE PRESIDENT.-", the dash
# glued to the full stop.
ELYSEE = """ENTRETIEN TELEVISE DU PRESIDENT DE LA REPUBLIQUE, 28 AVRIL 1978

M. MARCEAU.- MONSIEUR LE PRESIDENT, BONSOIR. VOUS AVEZ ACCEPTE NOS QUESTIONS.

LE PRESIDENT.- BONSOIR. JE SUIS HEUREUX D'ETRE AVEC VOUS CE SOIR.

M. LAURENT.- MONSIEUR LE PRESIDENT, PARLONS DE L'EUROPE.

LE PRESIDENT.- VOLONTIERS. L'EUROPE EST NOTRE AVENIR.
"""


def test_a_french_transcript_s_labels_glue_the_dash_to_the_full_stop(
    registry: Registry,
) -> None:
    doc = parse(ELYSEE, registry)
    assert keys(doc) == ["marceau", "le-president", "laurent", "le-president"]
    assert said(doc)[1][1] == "BONSOIR. JE SUIS HEUREUX D'ETRE AVEC VOUS CE SOIR."


# A magazine's interview: the first answer runs on in the question's line; the labels
# open the lines below.
RUN_IN_ANSWER = """SPIEGEL-Gespräch mit Bundeskanzler Willy Brandt

SPIEGEL: Herr Bundeskanzler, wie beurteilen Sie die Lage? BRANDT: Sie ist besser, als viele glauben.
SPIEGEL: Und die Opposition?
BRANDT: Die Opposition wird sich bewegen müssen.
"""


def test_an_answer_run_into_the_question_s_line_is_cut_at_its_label(
    registry: Registry,
) -> None:
    doc = parse(RUN_IN_ANSWER, registry)
    assert keys(doc) == ["spiegel", "willy-brandt"] * 2  # (the title names him in full)
    assert said(doc)[1][1] == "Sie ist besser, als viele glauben."


# A memorandum gives a listed participant's remark in brackets inside another's turn.
BRACKETED_REMARK = """Memorandum of Conversation

Washington, March 16, 1977.

PARTICIPANTS
The President
Secretary Vance
Ambassador Dobrynin

The President: I am glad to see you again. (Secretary Vance: We have prepared carefully.) We want an agreement this year.

Dobrynin: We want it too, Mr. President.
"""  # noqa: E501


def test_a_listed_participant_s_remark_in_brackets_is_his_turn(registry: Registry) -> None:
    doc = parse(BRACKETED_REMARK, registry)
    assert keys(doc) == ["president", "vance", "president", "dobrynin"]
    assert said(doc)[1][1] == "We have prepared carefully."


# A note of a telephone call that gives one side's words only: the other "spoke".
ONE_SIDE = """Memorandum for the Record

Washington, November 15, 1962, 6 p.m.

President: Did you get my two messages?

Prime Minister spoke, and obviously said yes.

President: We must have him take out the bombers.

Prime Minister spoke.

President: Then we will talk again on Monday.

The President leaned back, laughing. He continued to chuckle. He spoke in a firm voice.
"""


def test_the_side_a_note_says_only_spoke_has_turns_between_the_other_s(
    registry: Registry,
) -> None:
    doc = parse(ONE_SIDE, registry)
    assert keys(doc) == ["president", "prime-minister"] * 2 + ["president"]
    assert said(doc)[1][1] == "spoke, and obviously said yes."


# A memoir extract titled by its subject before a colon, then the people.
SUBJECT_TITLE = """Border War: Harlan-Ives phone conversation [memoirs extract]

In the evening President Harlan telephoned me. I told him how pleased I was with the resolution.

The President said that he was worried about the ships in the strait.

I said that we should not wait for a second resolution.
"""


def test_a_title_s_subject_before_its_colon_is_no_person(registry: Registry) -> None:
    doc = parse(SUBJECT_TITLE, registry)
    assert "border-war" not in keys(doc)
    assert keys(doc)[-2] == "harlan"  # the President the story named


# An ambassador's journal: the host agreed "very willingly", two adverbs before the verb.
JOURNAL = """Note of Conversation with Comrade Mao Zedong on 8 March 1955

Comrade Mao very willingly agreed to write an article, saying that it would be short.

Comrade Mao then told me that the conference would open in April.
"""


def test_two_adverbs_may_stand_between_the_name_and_its_verb(registry: Registry) -> None:
    doc = parse(JOURNAL, registry)
    assert keys(doc) == ["mao-zedong", "mao-zedong"]
    assert said(doc)[0][1].startswith("very willingly agreed")


# A parliament's private notice question: the section's heading over the clock, the
# question reported with an aside between the member's name and his verb.
PRIVATE_NOTICE = """HC Deb 18 April 1961 vol 638 cc1017-22
CUBA

3.31 p.m.

Mr. Arthur Hale (by Private Notice) asked the Lord Privy Seal whether he has any statement to make on the situation in Cuba.

The Lord Privy Seal (Mr. Edward Fenn)

Yes, Sir. Her Majesty's Government have received reports of fighting on the south coast.

Mr. Hale

Will the right hon. Gentleman make a further statement tomorrow?

Mr. Fenn

I will certainly keep the House informed.
"""  # noqa: E501


def test_a_private_notice_question_and_its_answers(registry: Registry) -> None:
    doc = parse(PRIVATE_NOTICE, registry)
    assert keys(doc) == ["hale", "fenn", "hale", "fenn"]  # not "CUBA" over the clock
    assert said(doc)[0][1].startswith("(by Private Notice) asked the Lord Privy Seal")


# An archive's broadcast interview: the programme the title is "for", the interviewer and
# the Prime Minister on name lines.
PANORAMA = """TV Interview for BBC Panorama

Document type: Speeches, interviews, etc.
Venue: No.10 Downing Street

Robin Carter

Prime Minister, you have been in office for five years. What have you achieved?

Prime Minister

A great deal, Mr Carter. Inflation is down and output is up.

Robin Carter

But unemployment is higher than ever.

Prime Minister

It is falling, and it will fall further.
"""


def test_the_programme_a_title_is_for_is_no_person(registry: Registry) -> None:
    doc = parse(PANORAMA, registry)
    assert keys(doc) == ["robin-carter", "prime-minister"] * 2  # not "panorama"


# -- what the rules above must not take for turns -------------------------------------------

# A memorandum's prose with sentences that open on the letters Q and A.
Q_AND_A_PROSE = """Memorandum of Conversation

Washington, May 2, 1962.

Ambassador Thompson: The two men were arrested in Geneva. Q Division officers interviewed them in April. A New York lawyer now represents them. Q Clearance holders were told nothing. A Soviet attaché asked about them twice.

Mr. Lyle: We will look into it.
"""  # noqa: E501

# A ruling's numbered points in capitals over a dash, none of them twice.
RESOLUTION = """Resolución de la Junta, 4 de marzo de 1998

PRIMERO.- Conceder la licencia solicitada por la empresa en los términos del informe.

SEGUNDO.- Notificar la presente resolución a los interesados en el plazo de diez días.

TERCERO.- Publicar la resolución en el boletín oficial de la provincia.
"""

# An essay's headings, a bibliography with an editor's brackets, and a man who "spoke on".
ESSAY = """The Diplomacy of the Fifties

The Early Years

He came to the ministry young and stayed for thirty years, serving four ministers.

The War

He spoke on the telephone with the embassy every day, and kept notes of every call.

The Last Books

[Anonymous] Diplomacy. New York, 1959.

[Harold] Nicolson. Diplomacy. London, 1939.
"""


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (Q_AND_A_PROSE, ["thompson", "edward-lyle"]),
        (RESOLUTION, None),
        (ESSAY, None),
    ],
)
def test_prose_that_looks_like_these_labels_is_prose(
    registry: Registry, page: str, expected: list[str] | None
) -> None:
    if expected is None:
        with pytest.raises(ParseError):
            parse(page, registry)
    else:
        assert keys(parse(page, registry))[0] == expected[0]
        assert "question" not in keys(parse(page, registry))


# A lobby briefing told in reported speech: questions as clauses, two of them in one
# paragraph, the spokesman's office written out once with its letters, then by its letters.
LOBBY = """Lobby briefing, 26 February 2004

Asked if the Prime Minister had confidence in the minister, the Prime Minister's Official Spokesman (PMOS) said that he had full confidence in her. His words were clear. Asked if she would resign, the PMOS said that there was no question of it.

Questioned about the delay, the PMOS pointed out that the report had come only this morning.
"""  # noqa: E501


def test_a_lobby_briefing_s_questions_and_the_spokesman_s_answers(registry: Registry) -> None:
    doc = parse(LOBBY, registry)
    assert keys(doc) == ["question", "pmos"] * 3
    assert said(doc)[1][1].startswith("said that he had full confidence in her.")
    assert said(doc)[2][1] == "Asked if she would resign,"


# A news agency's story of an interview, told: the President "today said", his wife beside
# him adding her own words.
TOLD_INTERVIEW = """接見記者談話

——一九五六年一月二十八日

 蔣總統今天說:如果他不受外力阻撓,他現在能以反攻收復大陸。
 蔣總統說:如果反攻大陸有自由世界的聲援自然很好,但是他並不依賴這種援助。
 蔣夫人亦強調:美國的朋友應當了解這一點。
"""


def test_a_leader_who_today_said_is_the_speaker_and_his_wife_is_not_he(
    registry: Registry,
) -> None:
    doc = parse(TOLD_INTERVIEW, registry)
    assert keys(doc)[:2] == ["chiang-kai-shek", "chiang-kai-shek"]
    # ("夫人" is no title of his: 蔣夫人 is Madame Chiang)
    wife, husband = Roster(registry).resolve("蔣夫人"), Roster(registry).resolve("蔣總統")
    assert husband is not None and (wife is None or wife.key != husband.key)


def test_a_quotation_answered_smiling_is_the_answerers(registry: Registry) -> None:
    page = (
        "會談開場白\n\n"
        "李克強說:\n\n"
        "「你是遠道而來的客人,你看我們誰先講?」\n\n"
        "昂山素季馬上笑著回應道:\n\n"
        "「我們是客人,還是先聽聽主人的意見吧。」\n"
    )
    assert keys(parse(page, registry))[-1] == "昂山素季"
