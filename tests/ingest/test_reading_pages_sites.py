"""Records as sites serve them: a document viewer's chrome around a transcript run into
one paragraph, a magazine's captions, a chronicle's speakers inside its paragraphs, short
interviews, cable typescripts and cover pages.

Every page here is a few lines invented for the test in the shape of a published page.
"""

from __future__ import annotations

import datetime as dt

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


# Reported speech in one paragraph, a turn opening with "When…"; the list names the host
# by his office and his country.
SHAH = """8. Memorandum of Conversation1

  • The Shah of Iran
  • Henry A. Kissinger
  • Harold H. Saunders

Dr. Kissinger called on the Shah at the embassy residence the evening of April 1.

The Shah opened the conversation by saying that he admired the new administration. When Dr. Kissinger asked what he expected of it, the Shah smiled. The Shah said that he hoped for steady support in the Gulf. Dr. Kissinger said that the President shared that hope.
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
