"""Records as they arrive from archive sites: page furniture, heads in any layout, labels
only the record itself explains, reported speech, and the dates archives write.

Each record here is a few lines written for the test in the shape of a published page;
tests/data/fidelity holds whole records of each shape with their annotations.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.ingest.dates import find_date, parse_date
from app.ingest.head import title_names
from app.ingest.model import Line, ParsedDocument, ParseError
from app.ingest.parser import parse_document
from app.ingest.registry import Registry
from app.ingest.source import paragraph_lines
from app.schemas import Kind


def parse(text: str, registry: Registry) -> ParsedDocument:
    return parse_document(text.encode("utf-8"), "page.txt", registry)


def turns(doc: ParsedDocument) -> list[tuple[str, str]]:
    """(speaker key, first words) of every turn, in the original language."""
    lang = doc.languages[0]
    return [
        (u.speaker.key, " ".join(u.texts[lang].text.split()[:3]))
        for u in doc.units
        if u.speaker is not None and u.kind is not Kind.NARRATION
    ]


def turn_texts(doc: ParsedDocument) -> list[str]:
    lang = doc.languages[0]
    return [u.texts[lang].text for u in doc.units]


# -- page furniture and the head ------------------------------------------------------

WRAPPED_PAGE = """Skip to main content
Archive of Things Said
Search
Home > Collections > Talks > Text

Cite   Share   Print

57. Memorandum of Conversation1

Peking, October 21, 1971, 4:10-5:00 p.m.

  • Chou En-lai, Premier of the State Council
  • Wang Hai-jung, Deputy Chief of Protocol
  • Dr. Henry A. Kissinger, Assistant to the President
  • Winston Lord, NSC Staff

PM Chou: We have read your draft and we have some changes.

Dr. Kissinger: We expected a few.

Miss Wang: The Premier asks whether you have eaten.

Mr. Lord: Twice, thank you.

Related documents
« 1 2 3 »
© 2026 Archive of Things Said. All rights reserved.
"""


def test_site_furniture_is_debris_and_the_head_is_read(registry: Registry) -> None:
    doc = parse(WRAPPED_PAGE, registry)
    meta = doc.metadata
    assert meta.title == "Memorandum of Conversation"  # number and footnote mark dropped
    assert meta.date == dt.date(1971, 10, 21)
    assert (meta.place, meta.time_of_day) == ("Peking", "4:10-5:00 p.m.")
    assert turns(doc) == [
        ("zhou-enlai", "We have read"),
        ("kissinger", "We expected a"),
        ("wang-hairong", "The Premier asks"),
        ("winston-lord", "Twice, thank you."),
    ]
    debris = {d.text for d in doc.debris}
    assert {"Skip to main content", "Home > Collections > Talks > Text", "« 1 2 3 »"} <= debris
    assert not any("Archive of Things Said" in text for text in turn_texts(doc))
    assert [a.person.key for a in doc.attendees][:2] == ["zhou-enlai", "wang-hairong"]


def test_a_record_with_no_date_still_loads_and_says_so(registry: Registry) -> None:
    page = WRAPPED_PAGE.replace("Peking, October 21, 1971, 4:10-5:00 p.m.", "Peking")
    doc = parse(page, registry)
    assert doc.metadata.date is None
    assert any("states no date" in n.message for n in doc.notices)


def test_a_page_date_is_not_the_conversation_date(registry: Registry) -> None:
    page = "Posted by: archivist 2024-06-12 15:23:29\n\n" + WRAPPED_PAGE
    assert parse(page, registry).metadata.date == dt.date(1971, 10, 21)
    stamp_only = page.replace("Peking, October 21, 1971, 4:10-5:00 p.m.", "Peking")
    assert parse(stamp_only, registry).metadata.date is None


def test_a_chinese_page_in_traditional_characters(registry: Registry) -> None:
    page = (
        "首頁 > 歷史 > 正文\n\n毛澤東會見尼克松談話記錄\n\n"
        "日期與時間：一九七二年二月廿一日下午\n地點：中南海\n參加者：周恩來、王海容\n\n"
        "毛主席：我們的共同的老朋友蔣委員長可不贊成了。\n\n"
        "尼克松總統：他叫主席是共匪。\n\n"
        "周總理(lǐ)：我們一般叫他蔣介石集團。\n\n"
        "上一頁 1 2 3 下一頁\n"
    )
    doc = parse(page, registry)
    assert doc.metadata.date == dt.date(1972, 2, 21)
    assert doc.metadata.title == "毛澤東會見尼克松談話記錄"
    assert [key for key, _ in turns(doc)] == ["mao-zedong", "nixon", "zhou-enlai"]
    assert {a.person.key for a in doc.attendees} >= {"zhou-enlai", "wang-hairong"}
    assert "上一頁 1 2 3 下一頁" in {d.text for d in doc.debris}


def test_a_file_that_holds_no_conversation_is_refused(registry: Registry) -> None:
    from app.ingest.model import ParseError

    with pytest.raises(ParseError) as info:
        parse("Home > News\n\nAn exhibition opened today.\n\nIt shows letters.\n", registry)
    assert "holds no conversation" in info.value.message


# -- lines into paragraphs -------------------------------------------------------------


def lines(text: str) -> list[Line]:
    return [Line(n, t) for n, t in enumerate(text.split("\n"), start=1)]


def test_one_turn_a_line_with_no_blank_lines(registry: Registry) -> None:
    doc = parse(
        "Telephone conversation between Kissinger and Gromyko\n"
        "K: Good morning, Andrei.\nG: Good morning. Was the flight a good one?\n"
        "K: Long, but good.\nG: Then we can begin.\n",
        registry,
    )
    assert [key for key, _ in turns(doc)] == ["kissinger", "gromyko", "kissinger", "gromyko"]


def test_wrapped_lines_join_and_chinese_joins_without_spaces() -> None:
    wrapped = (
        "Kissinger: This is a long sentence that the typist broke at the edge\n"
        "of the page because the machine had no more room on the line for it.\n"
        "Chou: Short.\n"
    )
    blocks = paragraph_lines(lines(wrapped))
    assert [len(b) for b in blocks] == [2, 1]
    from app.ingest.body import join_lines

    assert (
        join_lines([Line(1, "我们的共同的老朋"), Line(2, "友蒋委员长")])
        == "我们的共同的老朋友蒋委员长"
    )


# -- labels the record explains ----------------------------------------------------------


def test_initials_of_a_telephone_transcript_resolve_through_the_title(
    registry: Registry,
) -> None:
    doc = parse(
        "Transcript of Telephone Conversation Between Secretary of State Kissinger and "
        "Ambassador Dobrynin\n\nK: Anatol, I have your note.\n\nD: Good. Is it clear?\n\n"
        "K: Perfectly clear.\n\nD: Then we wait.\n",
        registry,
    )
    assert [key for key, _ in turns(doc)] == ["kissinger", "dobrynin", "kissinger", "dobrynin"]


def test_a_one_character_chinese_label_is_the_listed_person(registry: Registry) -> None:
    doc = parse(
        "周田会谈记录\n\n参加人：周恩来、田中角荣\n\n"
        "周：欢迎你们来到北京。\n\n田：谢谢总理。\n\n周：我们开始吧。\n\n田：好。\n",
        registry,
    )
    keys = [key for key, _ in turns(doc)]
    assert keys[0] == "zhou-enlai"
    assert keys[1] == keys[3] != "田"  # Tanaka, from the list, not a person called 田


def test_sides_offices_and_titles_name_the_listed_people(registry: Registry) -> None:
    doc = parse(
        "Minutes of the Talks between Willi Stoph and Willy Brandt\n\n"
        "Present: Chancellor Willy Brandt; Chairman Willi Stoph; The Secretary\n\n"
        "West (BRANDT): We came to talk.\n\nEast (Stoph): So did we.\n\n"
        "West (BRANDT): Good.\n\nEast (Stoph): Then let us begin.\n\n"
        "The Secretary: I will keep the minutes.\n",
        registry,
    )
    keys = [key for key, _ in turns(doc)]
    assert keys[:4] == ["willy-brandt", "willi-stoph", "willy-brandt", "willi-stoph"]
    assert keys[4] == "secretary"


def test_a_chinese_clause_of_saying_names_its_speaker(registry: Registry) -> None:
    doc = parse(
        "毛泽东会见基辛格\n\n毛泽东说：你好。\n\n基辛格也笑着说：主席好。\n\n"
        "周恩来对毛泽东说：客人到了。\n\n毛泽东又对基辛格说：请坐。\n",
        registry,
    )
    assert [key for key, _ in turns(doc)] == ["mao-zedong", "kissinger", "zhou-enlai", "mao-zedong"]


# -- reported speech ----------------------------------------------------------------------


def test_reported_speech_in_mixed_case_and_sentence_by_sentence(registry: Registry) -> None:
    doc = parse(
        "Memorandum of a Conversation\n\nPARTICIPANTS:\nThe Secretary\nMr. Molotov\n\n"
        "Mr. Molotov said that the conference could begin on Monday. The Secretary replied "
        "that Monday suited him. Mr. Molotov asked whether the press would be told.\n\n"
        "Mr. Molotov then raised the question of the ships.\n",
        registry,
    )
    assert [(key, words) for key, words in turns(doc)] == [
        ("molotov", "said that the"),
        ("secretary", "replied that Monday"),
        ("molotov", "asked whether the"),
        ("molotov", "then raised the"),
    ]
    assert all(u.kind is Kind.REPORTED for u in doc.turns())


def test_the_author_of_a_first_person_record_is_who_says_i(registry: Registry) -> None:
    doc = parse(
        "Memorandum of Conversation, by the Head of the Delegation (Smith)\n\n"
        "Mr. Molotov said that the line could be drawn at the river. I replied that this was "
        "too far north. Mr. Molotov said that he would consult Peking.\n",
        registry,
    )
    assert [key for key, _ in turns(doc)] == ["molotov", "smith", "molotov"]


def test_a_quotation_inside_direct_speech_is_not_a_turn(registry: Registry) -> None:
    doc = parse(
        "Record\n\nStalin: We spoke yesterday. Mao said that the treaty must change. "
        "We agree.\n\nMao Zedong: Yes.\n",
        registry,
    )
    assert [key for key, _ in turns(doc)] == ["stalin", "mao-zedong"]


# -- dates as archives write them -----------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("Peking, October 21, 1971, 4:10-5:00 p.m.", dt.date(1971, 10, 21)),
        ("Monday, February 21, 1972", dt.date(1972, 2, 21)),
        ("3 October 1959", dt.date(1959, 10, 3)),
        ("3 октября 1959 г.", dt.date(1959, 10, 3)),
        ("«22» января 1950 года", dt.date(1950, 1, 22)),
        ("22.I.1950", dt.date(1950, 1, 22)),
        ("1970年7月2日晚8时", dt.date(1970, 7, 2)),
        ("一九七一年十月二十日", dt.date(1971, 10, 20)),
        ("一九七二年二月廿一日", dt.date(1972, 2, 21)),
        ("一九六○年五月二十七日", dt.date(1960, 5, 27)),
        ("民國四十七年十月二十一日", dt.date(1958, 10, 21)),
        ("１９７１年１０月２０日", dt.date(1971, 10, 20)),
        ("1975/10/20", dt.date(1975, 10, 20)),
        ("July 9’197l", dt.date(1971, 7, 9)),  # OCR: ’ for a comma, l for 1
        ("19. Dezember 1983", dt.date(1983, 12, 19)),
        ("le 3 mars 1966", dt.date(1966, 3, 3)),
        ("Press Briefing by Press Secretary, 1/11/2017", dt.date(2017, 1, 11)),  # month first
        ("会谈记录(21/02/1972)", dt.date(1972, 2, 21)),  # a day over 12 goes first
        ("Seduta n. 705 di mercoledì 17 ottobre 2012", dt.date(2012, 10, 17)),
        ("Madrid, 12 de marzo de 1990", dt.date(1990, 3, 12)),
        ("São Paulo, 18 de outubro de 2022", dt.date(2022, 10, 18)),
        ("Warszawa, 5 października 1990", dt.date(1990, 10, 5)),
        ("Den Haag, 12 maart 2008", dt.date(2008, 3, 12)),
        ("Posiedzenie Sejmu w dniu 28-11-2012", dt.date(2012, 11, 28)),  # dashes, a day over 12
        ("Bonn, Donnerstag, den 9. Mai 1996", dt.date(1996, 5, 9)),  # a weekday and its article
        ("Paris, jeudi 3 mars 2011", dt.date(2011, 3, 3)),
        ("2.09.47 г.", dt.date(1947, 9, 2)),  # two digits, the year's "г." after them
    ],
)
def test_dates_in_the_forms_archives_use(written: str, day: dt.date) -> None:
    assert find_date(written) == day


def test_a_date_alone_and_a_date_in_prose() -> None:
    assert parse_date("3 October 1959") == dt.date(1959, 10, 3)
    assert parse_date("Peking, 3 October 1959") is None  # not only a date
    assert find_date("On March 16, elections took place.") is None  # no year, no date
    assert find_date("Room 2.09.47") is None  # two digits with no "г." are no year


def test_an_office_alone_is_the_listed_person_who_speaks_under_no_other_label(
    registry: Registry,
) -> None:
    doc = parse(
        "同蒙哥马利的谈话\n\n（一九六○年五月二十七日）\n\n毛泽东\n\n"
        "蒙哥马利：我来到中国看了很多地方。\n\n主席：你看到的是真实的情况。\n\n"
        "蒙：人们都吃得很饱。\n\n主席：这是对的。\n",
        registry,
    )
    assert doc.metadata.date == dt.date(1960, 5, 27)
    keys = [key for key, _ in turns(doc)]
    assert keys[1] == keys[3] == "mao-zedong"  # 主席, the only listed person without a label
    assert keys[0] == keys[2] != "mao-zedong"  # 蒙 is 蒙哥马利


def test_a_name_over_a_heading_is_not_a_turn(registry: Registry) -> None:
    doc = parse(
        "KIM IL SUNG\n\nANSWERS TO THE QUESTIONS OF A DELEGATION\n\n"
        "Kim Il Sung: I welcome your visit.\n\nQuestion: What of the talks?\n\n"
        "Kim Il Sung: They go on.\n\nQuestion: Thank you.\n",
        registry,
    )
    assert [key for key, _ in turns(doc)] == ["kim-il-sung", "question", "kim-il-sung", "question"]


def test_questions_and_answers_of_a_press_conference(registry: Registry) -> None:
    doc = parse(
        "NEWS CONFERENCE OF THE SECRETARY OF STATE, OCTOBER 8, 1964\n\n"
        "SECRETARY RUSK: Good morning. I am ready for your questions.\n"
        "Q Mr. Secretary, will the fleet be built by two countries\n"
        "alone if the others do not join?\n"
        "A Well, that question has not yet arisen, and we hope\n"
        "that it will not.\n"
        "Q Is the date fixed?\n"
        "A No.\n",
        registry,
    )
    keys = [key for key, _ in turns(doc)]
    assert keys == ["rusk", "question", "rusk", "question", "rusk"]  # A answers for Rusk
    assert doc.metadata.date == dt.date(1964, 10, 8)


def test_a_dialogue_run_together_on_one_line(registry: Registry) -> None:
    doc = parse(
        "Телефонный разговор\n\nКлинтон: Борис? Ельцин: Здравствуй, Билл. Как дела? "
        "Клинтон: Хорошо. Хотел тебе позвонить. Ельцин: Спасибо, Билл.\n",
        registry,
    )
    texts = [(key, words) for key, words in turns(doc)]
    assert [key for key, _ in texts] == ["klinton", "eltsin", "klinton", "eltsin"]
    assert texts[1][1] == "Здравствуй, Билл. Как"


def test_a_paragraph_number_glued_to_a_label(registry: Registry) -> None:
    doc = parse(
        "Notes of a Telephone Conversation\n\n3Bush: I thank you for the time.\n\n"
        "4Gorbachev: Thank you. I hope the talks go well.\n\n5Bush: So do I.\n",
        registry,
    )
    assert [key for key, _ in turns(doc)] == ["bush", "gorbachev", "bush"]


def test_furniture_shapes() -> None:
    from app.ingest.furniture import is_breadcrumb, is_furniture, is_pager

    assert is_breadcrumb("Home > History > Text") and not is_breadcrumb("1975/10/20")
    assert is_pager("上一页 [1] [2] [3] 下一页") and is_pager("【 第1頁 第2頁 】")
    assert not is_pager("Beijing, February 21, 1972, 2:50 p.m.")
    is_furniture("1 2 ²")  # a superscript two is a digit to Python, not a page number


def test_footnote_digits_are_marks_even_without_their_notes(registry: Registry) -> None:
    doc = parse(
        "Memorandum of Conversation\n\nChou: We read the agreement.3 It is clear.\n\n"
        "Kissinger: In 1971, 2 points remain.\n\nChou: Good.\n",
        registry,
    )
    first, second = doc.units[0].texts["en"], doc.units[1].texts["en"]
    assert [(first.text[s.start : s.end], s.kind.value) for s in first.spans] == [("3", "note")]
    assert second.spans == []  # a number in the text is no mark


def test_a_record_with_one_labelled_speaker_loads(registry: Registry) -> None:
    doc = parse(
        "Memorandum of Discussions\n\nThe meeting took place at the request of the guests.\n\n"
        "Comrade Gheorghe Gheorghiu-Dej:\nWe ask you to excuse us for the short notice.\n\n"
        "We have three questions to put to you.\n",
        registry,
    )
    assert [key for key, _ in turns(doc)] == ["gheorghe-gheorghiu-dej"]


# -- records told as a story: telegrams, first person, pronouns, quotations -------------

TELEGRAM = """Telegram From the Embassy in the Soviet Union to the Department of State

Moscow, March 4, 1962, 7 p.m.

2214. Saw Gromyko this afternoon at his request. Semenov also present.

1. Gromyko opened by saying he wished to raise the matter of the test ban talks.

2. I replied that our proposal had been weighed with care. I asked whether he had read it
in full. He said that he had read every line of it and found nothing new.

3. He then asked whether we would meet at the level of ministers in Geneva.

4. I told him I would report his question to Washington.

Thompson
"""


def test_a_telegram_in_the_first_person_is_a_conversation(registry: Registry) -> None:
    doc = parse(TELEGRAM, registry)
    assert doc.metadata.title.startswith("Telegram From the Embassy")
    assert doc.metadata.date == dt.date(1962, 3, 4)
    # numbered paragraphs, "I" is the signature, "He" the one the author talks to
    assert turns(doc) == [
        ("gromyko", "opened by saying"),
        ("thompson", "replied that our"),
        ("thompson", "asked whether he"),
        ("gromyko", "said that he"),
        ("gromyko", "then asked whether"),
        ("thompson", "told him I"),
    ]


def test_without_a_signature_the_author_is_this_records_own_i(registry: Registry) -> None:
    doc = parse(TELEGRAM.replace("\nThompson\n", "\n"), registry)
    assert {key for key, _ in turns(doc)} == {"gromyko", "author-page"}  # page.txt's author
    assert {u.speaker.label for u in doc.turns() if u.speaker} == {"Gromyko", "I"}


def test_he_with_no_one_reported_before_stays_in_the_turn(registry: Registry) -> None:
    page = (
        "Memorandum of Conversation\n\nMoscow, March 4, 1962\n\n"
        "Stalin: We have read your note.\n\nHe said that he would come.\n\n"
        "Mao Zedong: Then we agree.\n"
    )
    assert [key for key, _ in turns(parse(page, registry))] == ["stalin", "mao-zedong"]


def test_a_story_told_in_sentences_is_cut_where_each_speaker_begins(
    registry: Registry,
) -> None:
    page = (
        "Телеграмма полпреда СССР в Польше в НКИД СССР\n\n3 февраля 1928 г.\n\n"
        "Сегодня имел беседу с Залесским. Прежде всего я спросил его, получил ли он наш "
        "ответ. Он ответил утвердительно. Выразив удовлетворение, Залесский сказал, что "
        "доложит правительству. Затем я сообщил ему о нашем согласии на переговоры.\n\n"
        "Залесский ответил, что возражений не имеет.\n\nБогомолов\n"
    )
    doc = parse(page, registry)
    assert doc.metadata.date == dt.date(1928, 2, 3)
    assert turns(doc) == [
        ("bogomolov", "спросил его, получил"),
        ("zalesskii", "ответил утвердительно."),
        ("zalesskii", "сказал, что доложит"),
        ("bogomolov", "сообщил ему о"),
        ("zalesskii", "ответил, что возражений"),
    ]
    lang = doc.languages[0]
    assert doc.units[0].kind is Kind.NARRATION
    assert doc.units[0].texts[lang].text == "Сегодня имел беседу с Залесским."
    # the record keeper's words before a name stay, as narration; no word is lost
    narration = [u.texts[lang].text for u in doc.units if u.kind is Kind.NARRATION]
    assert narration[1:] == ["Прежде всего", "Выразив удовлетворение,", "Затем"]
    kept = " ".join(f"{u.texts[lang].label or ''} {u.texts[lang].text}" for u in doc.units)
    assert sorted(kept.split()) == sorted(page.split("\n\n", 2)[2].replace("Богомолов", "").split())


def test_a_clause_before_the_name_is_not_a_name(registry: Registry) -> None:
    page = (
        "Journal of Ambassador A.M. Puzanov for 2 May 1960\n\n"
        "I visited Pak Seong-cheol. Referring to the dinner planned for the second of May, "
        "I asked who would come.\n\nPak Seong-cheol said that six comrades would come.\n\n"
        "Pak Seong-cheol initially responded that he had no additions.\n\n"
        "The Soviet side has done what N.S. Khrushchev promised.\n"
    )
    assert turns(parse(page, registry)) == [
        ("puzanov", "asked who would"),
        ("pak-seong-cheol", "said that six"),
        ("pak-seong-cheol", "initially responded that"),
    ]


def test_a_quotation_is_the_turn_of_the_one_named_after_it(registry: Registry) -> None:
    page = (
        "Conversation between President Roosevelt and Marshal Stalin\n\n"
        "Teheran, November 29, 1943\n\n"
        "The President opened by saying that he was glad to see the Marshal.\n\n"
        "“We have much to discuss,” the President said, “and the Far East comes first.”\n\n"
        "Marshal Stalin replied that he was ready to hear him.\n\n"
        "“Then we wait for Churchill,” said Stalin.\n\n"
        "— Мы готовы, — сказал Сталин.\n"
    )
    doc = parse(page, registry)
    assert turns(doc) == [
        ("roosevelt", "opened by saying"),
        ("roosevelt", "“We have much"),
        ("stalin", "replied that he"),
        ("stalin", "“Then we wait"),
        ("stalin", "— Мы готовы,"),
    ]
    assert [u.kind for u in doc.turns()][1] is Kind.SPEECH


def test_an_introduction_in_prose_names_whom_initials_stand_for(registry: Registry) -> None:
    page = (
        "The department has released more of its telephone records this week.\n"
        "Here is a telephone conversation between Kissinger and ambassador Simcha Dinitz:\n"
        "D: How are you, Mr. Secretary?\nK: Busy.\nD: Can we meet on Thursday?\n"
        "K: Not before noon.\n"
    )
    assert [key for key, _ in turns(parse(page, registry))] == ["simcha-dinitz", "kissinger"] * 2


def test_names_with_full_stops_in_a_dialogue_with_no_other_labels(registry: Registry) -> None:
    page = (
        "Брежнев. Если я тебя правильно понимаю, ты не намерен решать эти вопросы.\n"
        "Дубчек. Леонид Ильич, мы обещали их решить и решим.\n"
        "Брежнев. Я говорю не от себя, а от всего Политбюро.\n"
        "Дубчек. Это очень сложный вопрос, его должен решать пленум.\n"
    )
    assert [key for key, _ in turns(parse(page, registry))] == ["brezhnev", "dubchek"] * 2


def test_chinese_reported_speech_under_a_known_name(registry: Registry) -> None:
    page = (
        "毛泽东与赫鲁晓夫会谈纪要\n\n1958年8月1日\n\n"
        "毛泽东简要地谈了一下国内经济的情况。赫鲁晓夫指出，苏联的钢产量还在增长。\n\n"
        "毛泽东说，我们还要再看一看。赫鲁晓夫没有再问。\n\n赫鲁晓夫笑着说：“那就再看。”\n"
    )
    doc = parse(page, registry)
    assert turns(doc) == [
        ("mao-zedong", "简要地谈了一下国内经济的情况。"),
        ("khrushchev", "指出，苏联的钢产量还在增长。"),
        ("mao-zedong", "说，我们还要再看一看。赫鲁晓夫没有再问。"),  # a negation says nothing
        ("khrushchev", "“那就再看。”"),  # the quotation is the turn
    ]


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("  • Mr. Henry A. Kissinger", None),  # a list item, not a name over a turn
        ("Publication Date: July 29, 1959", None),  # a field's key
        ("Release Decision: RIPPUB", None),
    ],
)
def test_list_items_and_field_keys_are_not_labels(
    registry: Registry, line: str, speaker: str | None
) -> None:
    page = (
        "Memorandum of Conversation\n\n"
        f"{line}\n\nThe meeting was held at the Ambassador's request and lasted an hour.\n\n"
        "Stalin: We have read your note.\n\nMao Zedong: Then we agree.\n"
    )
    keys = [key for key, _ in turns(parse(page, registry))]
    assert keys == ["stalin", "mao-zedong"]


def test_a_numbered_title_naming_its_people_is_the_title(registry: Registry) -> None:
    page = (
        "83. Memorandum of Telephone Conversation Between President Eisenhower and "
        "Secretary of State Herter1\n\n"
        "The President said he had been asked about a visit. The Secretary said it might "
        "wait.3 The President said he agreed. The Secretary said he would draft a reply.\n"
    )
    doc = parse(page, registry)
    assert doc.metadata.title == (
        "Memorandum of Telephone Conversation Between President Eisenhower and "
        "Secretary of State Herter"
    )
    # the title's President and Secretary
    assert [key for key, _ in turns(doc)] == ["eisenhower", "herter"] * 2


def test_a_quotation_after_the_verbs_colon_is_the_turn(registry: Registry) -> None:
    page = (
        "Из воспоминаний переводчика\n\n"
        "Хрущев опустил голову и медленно повторил: «Эта фамилия мне неизвестна».\n\n"
        "Микоян отрицательно покачал головой и заявил: «Я слышу ее в первый раз».\n\n"
        "Хрущев улыбнулся и сказал, что на этом вопрос исчерпан.\n"
    )
    doc = parse(page, registry)
    assert turns(doc) == [
        ("khrushchev", "«Эта фамилия мне"),
        ("mikoyan", "«Я слышу ее"),
        ("khrushchev", "улыбнулся и сказал,"),
    ]
    lang = doc.languages[0]
    narration = [u.texts[lang].text for u in doc.units if u.kind is Kind.NARRATION]
    assert "Хрущев опустил голову и медленно повторил:" in narration


def test_names_the_editor_put_in_brackets(registry: Registry) -> None:
    page = (
        "Record of Conversation\n\nTime: 22 November 1958\n\n"
        "Chinese Personnel: Vice Premier Peng Dehuai, Vice Premier Chen Yi\n\n"
        "Korean Personnel: Premier Kim Il Sung, Minister Nam Il\n\n"
        "During the banquet, Premier [Zhou] asked about the harvest. He [Kim Il Sung] said "
        "that it had been good. Kim Il Sung's remarks were brief.\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["zhou-enlai", "kim-il-sung"]
    assert {"peng-dehuai", "kim-il-sung"} <= {a.person.key for a in doc.attendees}


@pytest.mark.parametrize(
    ("title", "names"),
    [
        (
            "БЕСЕДА НАРКОМА ИНОСТРАННЫХ ДЕЛ СССР В. М. МОЛОТОВА С ПОСЛОМ ГЕРМАНИИ Ф. ШУЛЕНБУРГОМ",
            ["В. М. Молотова", "Ф. Шуленбург"],
        ),
        (
            "Memorandum of Conversation Between Dr. Henry A. Kissinger and Ambassador Dobrynin",
            ["Dr. Henry A. Kissinger", "Ambassador Dobrynin"],
        ),
        (
            "Telephone Conversation Between Secretary of State Kissinger and Soviet Foreign "
            "Minister Gromyko",
            ["Kissinger", "Foreign Minister Gromyko"],
        ),
        ("Talks with Prime Minister Chou", ["Prime Minister Chou"]),
        (
            "Notes on the Conversation of Comrade N.S. Khrushchev with Comrade W. Ulbricht on "
            "1 August 1961",
            ["Comrade N.S. Khrushchev", "Comrade W. Ulbricht"],
        ),
        (
            "Record of Conversation between Mikhail. Gorbachev and Egon Krenz. November 1, 1989",
            ["Mikhail. Gorbachev", "Egon Krenz"],
        ),
        (
            "Record of Conversation between Erich Honecker and Egon Krenz June 9, 1989",
            ["Erich Honecker", "Egon Krenz"],
        ),
        (
            "Conversation between Mao Zedong and Kim Il Sung 12 March 1959",
            ["Mao Zedong", "Kim Il Sung"],
        ),
        ("ИЗ ПРОТОКОЛА БЕСЕДЫ МОЛОТОВА С ШУЛЕНБУРГОМ", ["Молотова", "Шуленбургом"]),
        (
            "Memorandum of Telephone Conversation with President Mitterrand of France",
            ["President Mitterrand"],
        ),
    ],
)
def test_the_people_a_title_names(registry: Registry, title: str, names: list[str]) -> None:
    assert title_names(title, registry) == names


def test_a_site_field_glued_to_a_date_is_not_the_date(registry: Registry) -> None:
    page = (
        "Беседа с Ф. Рузвельтом\n\nДата19.11.2017\n\n1 декабря 1943 года\n\n"
        "СТАЛИН. Понимаю.\n\nРУЗВЕЛЬТ. Совершенно верно.\n\nСТАЛИН. Тогда решено.\n"
    )
    assert parse(page, registry).metadata.date == dt.date(1943, 12, 1)


def test_an_attribution_ending_on_a_colon_gives_the_quotation_below(registry: Registry) -> None:
    page = (
        "上页 | 共3页,当前在第2页 | 下页\n\n"
        "毛泽东在谈到共产主义时说:\n\n“共产主义社会里也还会有斗争。”\n\n"
        "毛泽东笑道:\n\n“是的,不然我们就没有事情可做了。”\n"
    )
    assert turns(parse(page, registry)) == [
        ("mao-zedong", "“共产主义社会里也还会有斗争。”"),
        ("mao-zedong", "“是的,不然我们就没有事情可做了。”"),
    ]


def test_he_inside_a_quotation_is_not_a_turn(registry: Registry) -> None:
    page = (
        "毛泽东与赫鲁晓夫会谈纪要\n\n1958年8月1日\n\n"
        "赫鲁晓夫表示同意。毛泽东说，“他们的日子不好过。他说的话不算数。”\n\n"
        "赫鲁晓夫回答说，这是事实。他说，苏联也有困难。\n"
    )
    assert [key for key, _ in turns(parse(page, registry))] == [
        "khrushchev",
        "mao-zedong",  # "他说的话…" is Mao's own words, not a turn
        "khrushchev",  # "他说，…" after Khrushchev's words goes on with his turn
    ]


def test_two_names_alone_on_their_lines_are_a_conversation(registry: Registry) -> None:
    page = (
        "WAR AND PEACE – TAPE 2\n\nInterviewer:\nWhat did Stalin say when he heard the news?\n"
        "Zhukov:\nNothing at first. He went on with the meeting as if nothing had happened.\n"
    )
    assert [key for key, _ in turns(parse(page, registry))] == ["interviewer", "zhukov"]
    # one such line above a text is a heading, not a conversation
    alone = "Collection:\nDocument Number (FOIA) /ESDN (CREST):\n\nReport of a meeting.\n"
    with pytest.raises(ParseError, match="no conversation"):
        parse(alone, registry)


def test_answers_in_a_cable_are_the_one_the_head_names(registry: Registry) -> None:
    page = (
        "SUBJ: IMPROMPTU PRESS CONFERENCE AT SPASO HOUSE\n"
        "FOLLOWING IS AN EXCHANGE BETWEEN\nSECRETARY KISSINGER AND REPORTERS ON ARRIVAL.\n"
        "BEGIN TEXT\n"
        "Q: MR. SECRETARY, HOW DO THE TALKS STAND?\nA: BOTH SIDES HAVE BEEN SERIOUS.\n"
        "Q: WILL YOU RETURN TO MOSCOW?\nA: I WOULD HAVE TO SEE WHAT DEVELOPS.\n"
    )
    assert [key for key, _ in turns(parse(page, registry))] == ["question", "kissinger"] * 2


def test_sides_of_a_nested_list_and_offices_that_stand_for_a_name(registry: Registry) -> None:
    page = (
        "Memorandum of Conversation\n\n"
        "  • United States\n\n"
        "    • The President\n"
        "    • The Vice President\n"
        "    • Secretary of State George P. Shultz\n"
        "  • USSR\n\n"
        "    • Chairman M.S. Gorbachev\n"
        "    • Foreign Minister Eduard Shevardnadze\n\n"
        "President Reagan welcomed the Chairman to the island. (S)\n\n"
        "As the coffee was served, Chairman Gorbachev said that the talks had gone well.\n\n"
        "The President said that he agreed.\n"
    )
    doc = parse(page, registry)
    # a side is the heading of the bullets indented under it, not a participant; an
    # office of several words goes before a name
    assert [a.person.key for a in doc.attendees] == [
        "president",
        "vice-president",
        "george-shultz",
        "gorbachev",
        "eduard-shevardnadze",
    ]
    # "President Reagan" is the listed President; not the Vice President
    assert turns(doc) == [
        ("president", "welcomed the Chairman"),
        ("gorbachev", "said that the"),
        ("president", "said that he"),
    ]
    # a clause that opens the sentence stays, as narration; as the first words of the
    # record too, where a heading would be
    assert turn_texts(doc)[1] == "As the coffee was served,"


def test_the_office_after_a_clause_and_a_subordinate_clauses_own_subject(
    registry: Registry,
) -> None:
    page = (
        "Memorandum of Conversation\n\n"
        "Present: Generalissimus I. V. Stalin\nW. A. Harriman, American Ambassador\n\n"
        "After some remarks on the weather, the Ambassador stated that he had a question.\n\n"
        "As the Ambassador had said, the Generalissimus replied, the matter was settled.\n"
    )
    doc = parse(page, registry)
    assert turns(doc) == [("harriman", "stated that he"), ("stalin", "replied, the matter")]
    assert turn_texts(doc)[0] == "After some remarks on the weather,"


def test_labels_glued_to_the_end_of_the_sentence_before(registry: Registry) -> None:
    page = (
        "Ким Ир Сен:\n"
        "Стране нужен кредит советского правительства.Сталин:\n"
        "Какой суммы кредит нужен?Ким Ир Сен:\n"
        "Около сорока миллионов долларов.Сталин:\n"
        "Хорошо, дадим.\n"
    )
    assert turns(parse(page, registry)) == [
        ("kim-il-sung", "Стране нужен кредит"),
        ("stalin", "Какой суммы кредит"),
        ("kim-il-sung", "Около сорока миллионов"),
        ("stalin", "Хорошо, дадим."),
    ]


def test_a_record_run_together_into_one_paragraph_under_a_title_naming_its_people(
    registry: Registry,
) -> None:
    page = (
        "Record of Conversation between Mikhail. Gorbachev and Egon Krenz. November 1, 1989\n\n"
        "Transcription\n\n"
        "1 Record of Conversation between Mikhail Gorbachev and Egon Krenz November 1, 1989 "
        "Gorbachev: We follow your news closely. What do you expect? Krenz: Much has "
        "accumulated over the years. Gorbachev: I understand.\n"
    )
    doc = parse(page, registry)
    assert doc.metadata.date == dt.date(1989, 11, 1)
    assert turns(doc) == [
        ("gorbachev", "We follow your"),
        ("egon-krenz", "Much has accumulated"),
        ("gorbachev", "I understand."),
    ]
    assert doc.attendees == []  # "Transcription" is the site's word, not a person


def test_a_memorandum_for_record_told_by_its_author(registry: Registry) -> None:
    page = (
        "Paris, October\n31, 1971, 6 p.m.\nMEMORANDUM FOR RECORD:\n"
        "I called on the Chinese at six and was received by Ambassador Huang in the\n"
        "small salon.\n"
        "I thanked him for his time. He said that he was glad to see me.\n"
        "I then read the message in French and the interpreter put it into English.\n"
        "The Ambassador then said that he would send it at once. I said I had\n"
        "nothing to add. Mrs. Nixon would not come.\n"
    )
    doc = parse(page, registry)
    # a heading in capitals ending in a colon is the title; a dateline wrapped after
    # its month is still the date
    assert doc.metadata.title.casefold() == "memorandum for record"
    assert doc.metadata.date == dt.date(1971, 10, 31)
    author = "author-page"
    # "The Ambassador" is the one the text calls Ambassador Huang; "Mrs. Nixon" is not
    # anyone an office stands for
    assert turns(doc) == [
        (author, "thanked him for"),
        ("huang", "said that he"),
        (author, "then read the"),
        ("huang", "then said that"),
        (author, "said I had"),
    ]


def test_a_label_with_a_long_office_after_the_last_sure_turn(registry: Registry) -> None:
    page = (
        "Verbatim Minutes of the Chiefs of Mission Conference, Paris, May 6, 1957\n\n"
        "Ambassador Houghton: Welcome to Paris. I will be brief.\n\n"
        "Secretary of State Dulles: I am glad to be here. I will take questions.\n\n"
        "Метки: 1957, НАТО, Париж\n"
    )
    doc = parse(page, registry)
    assert [label for label, _ in turns(doc)] == ["houghton", "dulles"]
    assert "Метки: 1957, НАТО, Париж" not in turn_texts(doc)[-1]


@pytest.mark.parametrize(
    "page",
    [
        # a list of similar documents whose letterheads recur like labels
        "Similar documents\n\nTHE WHITE HOUSE WASHINGTON. The Cabinet Room\n\n"
        "Record of a Meeting, October 1989\n\nTHE WHITE HOUSE WASHINGTON. July 8, 1990, "
        "4:30 p.m. Houston\n\nGERMAN UNIFICATION: EXPECTATIONS AND OUTCOMES\n\n"
        "THE WHITE HOUSE WASHINGTON. January 28, 1991 - The Oval Office\n",
        # a publisher's preface: a book's reference opens with a known name and initials
        "Источник:\nСталин И.В. Сочинения. – Т. 17. – Тверь: Северная корона, 2004. "
        "С. 617–637.\n\nВ мае 1998 года я нашел записи двух совещаний у И.В. Сталина. Они "
        "хорошо сохранились.\n",
    ],
)
def test_pages_that_only_look_like_labels_are_refused(page: str, registry: Registry) -> None:
    with pytest.raises(ParseError, match="holds no conversation"):
        parse(page, registry)


def test_a_scanned_memorandum_flattened_into_one_paragraph(registry: Registry) -> None:
    page = (
        "SECRET 4678 THE WHITE HOUSE WASHINGTON MEMORANDUM OF TELEPHONE CONVERSATION "
        "SUBJECT: Telephone Conversation with President Zhivkov The Oval Office "
        "The President: Can you hear me? (U) President Zhivkov: Yes, very well. (U) "
        "The President: Good. I called about the elections. (U) President Zhivkov: They "
        "will be held in June. (C) The President: Thank you. (U)\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["president", "zhivkov"] * 2 + ["president"]
    # the classification mark stays with the sentence it classifies
    assert "Can you hear me? (U)" in turn_texts(doc)


def test_a_russian_title_in_capitals_names_the_talkers_in_their_cases(
    registry: Registry,
) -> None:
    page = (
        "ИЗ ПРОТОКОЛА БЕСЕДЫ МОЛОТОВА С ШУЛЕНБУРГОМ\n21 июня 1941\n"
        "Шуленбург явился по вызову.\n"
        "Шуленбург отвечает, что передаст заявление в Берлин. Тов. Молотов отвечает, что "
        "жалоб у нас мало.\n"
    )
    doc = parse(page, registry)
    assert doc.metadata.date == dt.date(1941, 6, 21)
    # the people as the labels write them, not in the title's genitive and instrumental
    assert turns(doc) == [
        ("shulenburg", "отвечает, что передаст"),
        ("molotov", "отвечает, что жалоб"),
    ]


def test_unattributed_lines_of_a_dialogue_are_the_other_persons_replies(
    registry: Registry,
) -> None:
    page = (
        "Наступила пауза. Мао Цзэдун отпил чаю и посмотрел на гостя.\n\n"
        "— Вы забываете, какой ценой это досталось, — продолжал Хрущев.\n\n"
        "— Не об этом речь. Мы верили в него.\n\n"
        "— Верили? Это было заблуждением.\n\n"
        "Разговор перешел на другие темы.\n\n"
        "“We shall see,” said Stalin. “The front is a long one, and\n\n"
        "“the winter is coming.”\n"
    )
    doc = parse(page, registry)
    assert turns(doc) == [
        ("khrushchev", "— Вы забываете,"),
        ("mao-zedong", "— Не об"),
        ("khrushchev", "— Верили? Это"),
        ("stalin", "“We shall see,”"),
    ]
    lang = doc.languages[0]
    replies = [u.texts[lang] for u in doc.units if u.kind is Kind.SPEECH][1:3]
    assert [text.label for text in replies] == [None, None]  # no label was written
    # a quotation left open goes on in the next paragraph: the same speaker
    assert turn_texts(doc)[-1].endswith("“the winter is coming.”")


@pytest.mark.parametrize(
    ("clause", "name"),
    [
        ("赫鲁晓夫激动地说", "赫鲁晓夫"),
        ("刘少奇很有礼貌地说", "刘少奇"),
        ("毛泽东听了说", "毛泽东"),
        ("周恩来听了笑着说", "周恩来"),
    ],
)
def test_a_chinese_clause_of_saying_keeps_the_whole_name(clause: str, name: str) -> None:
    from app.ingest.roster import clean_label

    assert clean_label(clause) == name


def test_a_chinese_memoir_names_an_unlisted_speaker_twice_and_he_is_the_subject(
    registry: Registry,
) -> None:
    page = (
        "斯大林举杯说：“祝中国革命胜利！”\n\n"
        "刘少奇马上说：“我们也有过很多挫折。”\n\n"
        "斯大林听了很敏感，想起了那封电报。他因而带着歉意地对刘少奇说：“我们是不是妨碍了你们？”\n\n"
        "刘少奇很有礼貌地说：“没有。”\n"
    )
    doc = parse(page, registry)
    # a name nobody lists, written twice before a verb of saying, is a speaker; "他" is
    # the known person the narration just made its subject
    assert [key for key, _ in turns(doc)] == ["stalin", "刘少奇", "stalin", "刘少奇"]
    assert turns(doc)[1][1].startswith("“我们也有过")


def test_a_name_in_full_is_the_person_a_title_names_by_surname(registry: Registry) -> None:
    page = (
        "Memorandum of a Conversation Between the Secretary of State and the British "
        "Representative at the United Nations (Dixon), New York, September 23, 1955\n"
        "At eleven at the General Assembly, Sir Pierson Dixon said that London wanted a "
        "joint protest.\nI said I was not certain of this.\nI asked what Paris thought.\n"
        "Dixon said he would write to London.\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["dixon", "author-page", "author-page", "dixon"]


def test_the_date_of_a_records_own_heading_under_a_sites_heading(registry: Registry) -> None:
    page = (
        "网友文章:我与毛泽东的谈话\n\n来源:百度文库 时间:2024/04/30 11:09:28\n"
        "同毛泽东同志谈话的记录 1960年12月26日\n"
        "毛泽东说，他很感谢。\n毛泽东说，我们还要再谈。\n"
    )
    assert parse(page, registry).metadata.date == dt.date(1960, 12, 26)


def test_a_blog_posts_weekday_date_and_clock_are_not_the_records_date(
    registry: Registry,
) -> None:
    page = (
        "Кеннан в Москве\n\nПятница, 16 Мая 2014 г. 11:08 + в цитатник\n\n"
        "ИЗ ПРОТОКОЛА БЕСЕДЫ ВЫШИНСКОГО С КЕННАНОМ\n\n12 мая 1952\n\n"
        "Кеннан заявляет, что рад снова быть в Москве.\n\n"
        "Тов. Вышинский отвечает, что вопрос будет решен.\n"
    )
    assert parse(page, registry).metadata.date == dt.date(1952, 5, 12)


def test_an_office_alone_beside_the_same_office_with_a_name_is_someone_else(
    registry: Registry,
) -> None:
    page = (
        "Memorandum of Telephone Conversation with President Mitterrand of France\n\n"
        "The President: Good morning, Francois.\n\n"
        "President Mitterrand: Good morning, George.\n\n"
        "The President: We cannot vote for it.\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["president", "mitterrand", "president"]


def test_sentences_of_a_chinese_memoir_with_colon_clauses_tell_who_spoke(
    registry: Registry,
) -> None:
    page = (
        "周恩来马上说：“厨师是中国的。”\n\n"
        "大家都笑了。入席以后，周恩来举杯说：“干杯！”\n\n"
        "秦立民红着脸说：“这是扬州菜。”\n"
    )
    doc = parse(page, registry)
    # "入席以后，周恩来举杯说：" inside narration opens a turn; "红着脸" is how he spoke
    assert [key for key, _ in turns(doc)] == ["zhou-enlai", "zhou-enlai", "秦立民"]
    assert "大家都笑了。" in turn_texts(doc)[0] + turn_texts(doc)[1]


def test_a_line_of_dialogue_introduced_by_the_narration_and_the_pair_that_talked(
    registry: Registry,
) -> None:
    page = (
        "Глава 3\n\nВечером нас вызвали в Кремль. Молотов долго молчал.\n\n"
        "— Начнет с пакта, — сказал Сталин.\n\n— А если потребует ответа?\n\n"
        "Я сидел у края стола. Сталин вернулся к окну и, не оборачиваясь, спросил:\n\n"
        "— А если он предложит Индию?\n\n— Тогда я спрошу, при чем здесь Индия.\n\n"
        "На этом разговор закончился.\n"
    )
    doc = parse(page, registry)
    # the first line after the narration is the one it introduces; the reply is the other
    # of the two who talked before; the paragraph after the dialogue is narration
    assert [key for key, _ in turns(doc)] == ["stalin", "molotov", "stalin", "molotov"]
    assert doc.units[-1].kind is Kind.NARRATION


@pytest.mark.parametrize(
    ("page", "keys"),
    [
        (  # an office alone beside a name that is not the same office: one person
            "Memorandum of Conversation\n\nParticipants:\nPresident Richard M. Nixon\n"
            "General Secretary Brezhnev\n\nThe President: I am glad to be here.\n\n"
            "Brezhnev: We welcome you.\n\nNixon: Thank you.\n",
            ["nixon", "brezhnev", "nixon"],
        ),
        (  # a president the list does not hold is not the listed President
            "Memorandum of Conversation\n\nParticipants:\nThe President\n"
            "Secretary of State William P. Rogers\n\nThe President: I am glad to be here.\n\n"
            "President Pompidou: We welcome you to France.\n\nThe President: Thank you.\n",
            ["president", "pompidou", "president"],
        ),
        (  # "The Emir" is someone's office, "THE WHITE HOUSE" is not
            "Memorandum of Conversation\n\nThe Emir: Welcome to our country.\n\n"
            "Kissinger: Thank you, Your Highness.\n\nThe Emir: We are concerned about oil.\n",
            ["emir", "kissinger", "emir"],
        ),
        (  # an archive's source line after the last turn is no speaker
            "Memorandum of Conversation\n\nThe President: Let us begin.\n\nKissinger: Good.\n\n"
            "Nixon Library: National Security Council Files, Box 3, Folder 2.\n",
            ["president", "kissinger"],
        ),
        (  # a delegation is not a person, nor is the first half of its name
            "毛泽东同志接见苏联代表团谈话记录\n\n1959年10月2日\n\n毛泽东说：“欢迎你们。”\n\n"
            "代表团表示，他们愿意讨论。\n\n毛泽东说：“那好。”\n\n代表团表示，他们理解。\n",
            ["mao-zedong", "mao-zedong"],
        ),
    ],
)
def test_who_is_not_taken_for_whom(page: str, keys: list[str], registry: Registry) -> None:
    assert [key for key, _ in turns(parse(page, registry))] == keys


def test_a_person_with_an_indented_description_and_a_weekday_dateline(
    registry: Registry,
) -> None:
    page = (
        "Memorandum of Conversation\n\nMonday, 12 March 1956 15:30\n\n"
        "  • Henry A. Kissinger\n    • Assistant to the President\n"
        "  • Anatoly Dobrynin\n    • Ambassador of the USSR\n\n"
        "Kissinger: Good afternoon.\n\nDobrynin: Good afternoon.\n"
    )
    doc = parse(page, registry)
    assert doc.metadata.date == dt.date(1956, 3, 12)
    assert len(doc.attendees) == 2


def test_the_writer_a_memorandum_says_it_is_from(registry: Registry) -> None:
    page = (
        "Memorandum From Ambassador Thompson to the Secretary of State\n\n"
        "Moscow, October 24, 1962.\n\n"
        "I met Gromyko at noon. I told him that we had his note.\n\n"
        "Gromyko said that he would answer tomorrow.\n\nI said that we would wait.\n\n"
        "Gromyko replied that it would not be long.\n"
    )
    assert [key for key, _ in turns(parse(page, registry))] == [
        "thompson",
        "gromyko",
        "thompson",
        "gromyko",
    ]


def test_a_cable_in_capitals_throughout(registry: Registry) -> None:
    page = (
        "CONFIDENTIAL MOSCOW 16789\n\nSUBJECT: AMBASSADOR'S CALL ON GROMYKO\n\n"
        "1. I CALLED ON GROMYKO THIS MORNING TO DELIVER THE PRESIDENT'S LETTER.\n\n"
        "2. GROMYKO SAID THAT THE SOVIET SIDE WOULD STUDY THE LETTER CAREFULLY.\n\n"
        "3. I SAID THAT THE PRESIDENT HOPED FOR AN EARLY REPLY.\n\n"
        "4. GROMYKO REPLIED THAT THE ANSWER WOULD COME THROUGH DOBRYNIN.\n\nTOON\n"
    )
    # the verbs are in capitals too; "I" is the ambassador who signs
    assert turns(parse(page, registry)) == [
        ("gromyko", "SAID THAT THE"),
        ("toon", "SAID THAT THE"),
        ("gromyko", "REPLIED THAT THE"),
    ]


STENOGRAM = """т. Сомов – Вы знаете, зачем вас пригласили.
т. Хрущёв – Догадываюсь, но хотел бы услышать от вас.
т. Сомов – Речь о рукописи, т. е. о ваших записках. Их видели за границей.
т. Ленский – Кто передал их туда?
т. Хрущёв – Я никому ничего не передавал, т. Сомов. Это я заявляю прямо.
т. Ленский – Этого недостаточно.
Translation - English
"""


def test_a_stenogram_labelled_by_name_and_dash(registry: Registry) -> None:
    """One turn a line, "т. Фамилия – …" with no colon: "т. е." and "т. Сомов." inside a
    turn are no labels, and a heading with a dash is no turn."""
    doc = parse(STENOGRAM, registry)
    assert [key for key, _ in turns(doc)] == [
        "somov", "khrushchev", "somov", "lenskii", "khrushchev", "lenskii",
    ]  # fmt: skip
    assert turn_texts(doc)[2] == "Речь о рукописи, т. е. о ваших записках. Их видели за границей."
    assert "Translation - English" not in " ".join(turn_texts(doc))


READING_ROOM = """MEMORANDUM FOR THE RECORD

Document Type:
Collection:
General CIA Records
Document Creation Date:
March 3, 2017
Document Release Date:
June 9, 2008
Publication Date:
April 2, 1969
File:
AttachmentSize
PDF icon LOC-XYZ-12-3-4.pdf88.2 KB
Body:
Sanitized copy approved for release. I met Ambassador Dobrynin at his residence. \
Dobrynin asked whether the talks would resume in May. I replied that no date had been \
fixed. He said that his government would wait.
"""


def test_a_reading_room_page_its_catalogue_dates_and_download_link(registry: Registry) -> None:
    """A catalogue's creation and release dates are of its copy, not of the talk, and a
    download link is no title; beside a writer who reports his own words, the man he met
    speaks though the record names him speaking only once."""
    doc = parse(READING_ROOM, registry)
    assert doc.attendees == []  # "Collection:" over "General CIA Records" is no list
    assert doc.metadata.date == dt.date(1969, 4, 2)
    assert doc.metadata.title == "MEMORANDUM FOR THE RECORD"
    assert turns(doc) == [
        ("dobrynin", "asked whether the"),
        ("author-page", "replied that no"),
        ("dobrynin", "said that his"),
    ]


def test_the_ambassador_in_an_ambassadors_memorandum_is_the_other_one(
    registry: Registry,
) -> None:
    page = (
        "218. Memorandum of Conversation1\n\n"
        "  • Soviet Ambassador Anatoliy F. Dobrynin\n"
        "  • Llewellyn E. Thompson, American Ambassador\n\n"
        "I saw the Ambassador at his residence and gave him a message from the President.\n\n"
        "I said the President would welcome Chairman Kosygin.\n\n"
        "The Ambassador said he would transmit the message. I said that a meeting would be "
        "useful. Dobrynin said that he had advised the Chairman to come.\n\n"
        "Dobrynin inquired whether the Secretary would come. I replied I did not know.\n"
    )
    doc = parse(page, registry)
    assert [a.person.key for a in doc.attendees] == ["anatoliy-dobrynin", "llewellyn-thompson"]
    assert [key for key, _ in turns(doc)] == [
        "llewellyn-thompson", "anatoliy-dobrynin", "llewellyn-thompson",
        "anatoliy-dobrynin", "anatoliy-dobrynin", "llewellyn-thompson",
    ]  # fmt: skip


def test_a_telephone_memo_in_short_forms_with_a_reply_joined_by_and(registry: Registry) -> None:
    """ "The Sec" and "The Pres" are the note-taker's short forms of the offices, and a
    clause joined by "and" may hold the other side's words."""
    page = (
        "Memorandum of a Telephone Conversation Between the President and the Secretary of "
        "State, Washington, June 3, 1957\n\n"
        "The Sec said he had seen the delegation and it was ready to sign. The Pres asked if "
        "the treaty could wait and the Sec said no but he would try. The Pres suggested a "
        "short statement. The Secretary said he would draft one.\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == [
        "secretary", "president", "secretary", "president", "secretary",
    ]  # fmt: skip
    assert turn_texts(doc)[1] == "asked if the treaty could wait and"


INTERVIEW = """Газета «Вечерний курьер»

Посол вернулся из поездки по северным районам. Корреспондент газеты встретился с ним в \
аэропорту.
— Что вас больше всего удивило в этой поездке?
— Пожалуй, дороги. Их строят быстрее, чем мы думали.
— А как вас встречали местные власти?
— Очень тепло. Нас принимали в каждом городе, где мы останавливались.
— Будет ли продолжение?
— Надеюсь, весной.
"""


def test_an_interview_of_questions_and_answers_with_no_names(registry: Registry) -> None:
    """Dash lines with no names, questions and answers in turn: the interviewer's and
    the answerer's, not a page that holds no conversation."""
    doc = parse(INTERVIEW, registry)
    assert [key for key, _ in turns(doc)] == ["question", "a"] * 3
    assert turn_texts(doc)[0].startswith("Посол вернулся")  # the lead is narration


def test_a_name_alone_under_a_title_is_the_authors_byline(registry: Registry) -> None:
    page = (
        "在中南海当翻译的日子\n\n师哲\n\n"
        "那天下午，我随代表团走进会客厅。客人们坐定以后，大家都很安静。\n\n"
        "毛泽东说：“你们一路辛苦了。”\n\n"
        "周恩来说：“客人们明天还要去工厂参观。”\n\n"
        "毛泽东说：“那好，多看看。”\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["mao-zedong", "zhou-enlai", "mao-zedong"]
    assert "师哲" not in " ".join(turn_texts(doc))


def test_a_name_after_its_role_and_comrade_speaks_though_once(registry: Registry) -> None:
    page = (
        "Record of Conversation with Kim Il, 4 September 1963\n\n"
        "At the beginning of the reception Kim Il thanked the guests for coming to the "
        "celebrations. In this connection, the head of the delegation comrade Petrov A.N. "
        "replied that the delegation was grateful. We hope, continued comrade Petrov, to come "
        "again.\n\n"
        "Kim Il paused and replied that the guests were always welcome.\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["kim-il", "petrov", "kim-il"]
    assert "In this connection, the head of the delegation" in turn_texts(doc)


def test_a_meeting_that_went_on_for_an_hour_and_a_guest_of_a_country(
    registry: Registry,
) -> None:
    page = (
        "10. Memorandum of Conversation1\n\n"
        "  • President Ronald Reagan\n"
        "  • Ambassador Anatoliy Dobrynin of the USSR\n\n"
        "The meeting between the President and Ambassador Dobrynin went on for about an hour.\n\n"
        "1. The President said that he wanted results. Dobrynin responded that Moscow wanted "
        "them too.\n"
    )
    doc = parse(page, registry)
    assert [a.person.key for a in doc.attendees] == ["ronald-reagan", "anatoliy-dobrynin"]
    assert [key for key, _ in turns(doc)] == ["ronald-reagan", "anatoliy-dobrynin"]


def test_a_label_run_on_after_a_stage_direction_and_a_question_mark(
    registry: Registry,
) -> None:
    page = (
        "會談紀錄\n\n"
        "黃鎮:歡迎各位。 基辛格:謝謝。我們上次見面是在北京。你還記得嗎(問范錫)? 范錫:當然記得。 "
        "基辛格:那次談得很好。 范錫:是的,很好。\n"
    )
    doc = parse(page, registry)
    assert [t for _, t in turns(doc)][1:] == [
        "謝謝。我們上次見面是在北京。你還記得嗎(問范錫)?",
        "當然記得。",
        "那次談得很好。",
        "是的,很好。",
    ]


TELCON_OF_THE_FIFTIES = """124. Memorandum of a Telephone Conversation Between the Secretary of \
State and the Under Secretary of State (Hoover), Washington, September 28, 1955, 9:40 a.m.1

H. said he had talked with Johnston about the water plan.2 The Sec. asked whether the \
Israelis were ready to go along. H. said they were not yet but that Johnston6 was hopeful. \
The Sec. said he would wait for the report. H. agreed and said he would call back.
"""


def test_a_telephone_memo_of_initial_and_short_office(registry: Registry) -> None:
    """ "H." is the man the title names in brackets, "The Sec." the office, and the
    dateline's place after the title's names is nobody."""
    title = TELCON_OF_THE_FIFTIES.splitlines()[0]
    assert title_names(title, registry) == ["Hoover"]
    doc = parse(TELCON_OF_THE_FIFTIES, registry)
    assert [key for key, _ in turns(doc)] == [
        "hoover", "secretary", "hoover", "secretary", "hoover",
    ]  # fmt: skip


PLAY = """Стенограмма беседы в Комитете партийного контроля

Пельше. Вы знаете, зачем мы вас пригласили?
Хрущев (раздраженно). Знаю. Но не понимаю, в чем меня обвиняют.
Пельше. Речь идет о ваших записках.
Хрущев (жалуясь). Я их никому не передавал. Это клевета.
Постовалов (перебивая). А как они оказались за границей?
Хрущев. Не знаю. Спросите тех, кто у меня их забрал.
"""

INITIALS = """Интервью с писателем

Беседу вел Дмитрий Глад.

ДГ. Как вы начинали писать?
ВА. Сначала это были короткие рассказы для журнала. Потом пришла повесть.
ДГ. А когда вы поняли, что это ваше дело?
ВА. Наверное, только после первой книги.
"""


@pytest.mark.parametrize(
    ("page", "keys"),
    [
        (PLAY, ["pelshe", "khrushchev", "pelshe", "khrushchev", "postovalov", "khrushchev"]),
        (INITIALS, ["dg", "va", "dg", "va"]),
    ],
    ids=["play-with-asides", "initials"],
)
def test_labels_with_a_full_stop_one_a_line(page: str, keys: list[str], registry: Registry) -> None:
    """A play's labels with the actor's manner in brackets ("Хрущев (жалуясь).") and an
    interview's initials ("ДГ."), one turn a line: every line its own turn, and a name
    with an aside is the same speaker as without."""
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == keys


def test_he_after_a_long_clause_is_the_man_the_paragraph_opened_with(
    registry: Registry,
) -> None:
    page = (
        "Memorandum of Conversation, by the Acting Secretary of State\n\n"
        "Mr. Molotov paid a courtesy visit on the President at four this afternoon. After "
        "asking about the President's health and thanking the Government for the hospitality "
        "shown to the members of the Assembly and of the Council of Foreign Ministers, he said "
        "that the visit had been a pleasant one.\n\n"
        "The President replied that he was glad to hear it.\n\n"
        "Mr. Molotov said that he would tell Generalissimo Stalin so.\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["molotov", "president", "molotov"]
    assert turn_texts(doc)[0] == (
        "Mr. Molotov paid a courtesy visit on the President at four this afternoon."
    )


def test_a_view_given_and_a_possessive_after_an_office(registry: Registry) -> None:
    """ "The President felt that…" and "…referred to…" give a view in a memorandum's
    words; "I showed the President Roscoe Drummond's article" names no President Roscoe."""
    page = (
        "Memorandum of Conversation Between Eisenhower and John Foster Dulles\n\n"
        "1. I showed the President Roscoe Drummond's article on the summit talks.\n\n"
        "2. The President felt that the article was fair. I said that I agreed.\n\n"
        "3. The President referred to the Soviet note. I said we would answer it.\n"
    )
    doc = parse(page, registry)
    president, writer = turns(doc)[0][0], turns(doc)[1][0]
    assert president not in {"roscoe", "roscoe-drummond"}
    assert [key for key, _ in turns(doc)] == [president, writer, president, writer]


def test_a_cable_in_capitals_from_its_sender_about_a_talk(registry: Registry) -> None:
    """The sender the title names is "I"; "HE" is the man the sender says he talked with;
    a clause joined by "AND" may be the other side's."""
    page = (
        "CABLE TO SECRETARY KISSINGER FROM BRENT SCOWCROFT\n\n"
        "1. I HAD A LONG TALK WITH THE PRESIDENT THIS MORNING. I TOLD HIM THE TRIP COULD BE "
        "DONE IN A WEEK. HE SAID THAT HE WOULD PREFER ONE NIGHT PER STOP. I REPLIED THAT CAIRO "
        "MIGHT NEED TWO AND HE ASKED WHETHER THE RUSSIANS WOULD MIND. I RESPONDED THAT I DID "
        "NOT THINK SO.\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == [
        "brent-scowcroft", "president", "brent-scowcroft", "president", "brent-scowcroft",
    ]  # fmt: skip


def test_the_one_the_writer_lunched_with_and_the_writers_response(registry: Registry) -> None:
    page = (
        "Memorandum of Conversation\n\n"
        "Mr. Kowalczyk and I spent two hours over lunch. He asked how I saw the situation in "
        "Chile. My response was that the government was holding. He inquired whether the "
        "team's visit meant anything. I said it did not.\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == [
        "kowalczyk", "author-page", "kowalczyk", "author-page",
    ]  # fmt: skip
    assert turn_texts(doc)[2] == "response was that the government was holding."


def test_the_writer_of_a_chinese_memoir_says_as_i(registry: Registry) -> None:
    page = (
        "巴黎渠道的由来\n\n"
        "那天下午，我和章文晋同志先与基辛格就公告草案谈了一轮。基辛格说，美方的稿子强调是中国邀请。"
        "我表示，这不大符合事实，我们是同意邀请。基辛格又说，那就再商量。\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["kissinger", "author-page", "kissinger"]


def test_labels_run_on_after_short_words_notes_and_asides(registry: Registry) -> None:
    """A page run into one paragraph: labels after "Ho." and after "[2])."; a reported
    sentence in the recorder's brackets is no turn."""
    page = (
        "Discussion between Mao Zedong and Pham Van Dong Beijing, 17 November 1968 "
        "Mao Zedong: Is the weather suitable for President Ho. Pham Van Dong: Very suitable. "
        "Mao Zedong: Good. Pham Van Dong: Two comrades came from the South (pointing to "
        "them[2]). Mao Zedong: Is it their first time here? (Shaking their hands, Chairman Mao "
        "said that they had met before.) Pham Van Dong: It is the second time.\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["mao-zedong", "pham-van-dong"] * 3
    assert turn_texts(doc)[-2].endswith(
        "(Shaking their hands, Chairman Mao said that they had met before.)"
    )


def test_a_flattened_telephone_memo_with_marks_and_a_full_name_in_its_list(
    registry: Registry,
) -> None:
    """ "President Mikhail Gorbachev" in a run-together list is not "The President"; a
    label after a classification mark that ends no sentence still opens a turn; "your
    Ambassador reported" inside a labelled turn is the speaker's words; a stray word under
    the record is nobody's office."""
    page = (
        "THE WHITE HOUSE WASHINGTON MEMORANDUM OF TELEPHONE CONVERSATION SUBJECT: Telephone "
        "Conversation with Mikhail Gorbachev PARTICIPANTS: The President President Mikhail "
        "Gorbachev Notetaker: Nicholas Burns June 21, 1991 The Oval Office The President: "
        "Mikhail, can you hear me? (U) President Gorbachev: Yes. (U) The President: Is this "
        "your call or were you (U) President Gorbachev: It is mine, George. The President: "
        "Good. I hope your Ambassador reported our talk. (U) President Gorbachev: He did.\n\n"
        "MEM\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["president", "gorbachev"] * 3
    assert turn_texts(doc)[-2] == "Good. I hope your Ambassador reported our talk. (U)"


STENOGRAM_IN_CAPITALS = """Из беседы с Ярузельским и Раковским Берлин, 7 октября 1989 года

ГОРБАЧЕВ (кратко рассказывает о своих встречах с руководством республики). <…> Перемены \
нужны всем. За опоздание приходится платить.

РАКОВСКИЙ. У нас тоже говорят о переменах, Михаил Сергеевич.

ГОРБАЧЕВ. Хотел бы сказать о Польше. Мы следим за вашими делами.

ЯРУЗЕЛЬСКИЙ. Мы это знаем и ценим.

ГОРБАЧЕВ. Тогда договорились.
"""


def test_a_stenogram_in_capitals_with_a_long_stage_direction(registry: Registry) -> None:
    """A label with a long direction in brackets before its full stop is the same
    speaker; a surname in capitals that speaks once is a speaker among such labels."""
    doc = parse(STENOGRAM_IN_CAPITALS, registry)
    assert [key for key, _ in turns(doc)] == [
        "gorbachev", "rakovskii", "gorbachev", "yaruzelskii", "gorbachev",
    ]  # fmt: skip
    assert turn_texts(doc)[0].startswith("<…> Перемены нужны всем.")


def test_a_catalogue_entry_of_a_tape_is_no_conversation(registry: Registry) -> None:
    """Field keys a catalogue prints like labels ("NARA Description:", "… Finding Aid:")
    are no speakers: a page that only describes a talk holds no conversation."""
    page = (
        "Conversation: 790-006\n\nStart Date: 2-Oct-1972 9:51 AM\n\n"
        "Participants:\n\nNixon, Richard M. (President)\n\n"
        "NARA Description:\n\nOn October 2, 1972, President Richard M. Nixon and H. R. "
        "Haldeman met in the Oval Office from 9:51 am to 10:08 am.\n\n"
        "Nixon Library Finding Aid:\n\nConversation No. 790-6\n\n"
        "The President met with H. R. Haldeman.\n"
    )
    with pytest.raises(ParseError, match="holds no conversation"):
        parse(page, registry)


NEWS_CONFERENCE = """Secretary Herter's News Conference of July 9

Press release 500 dated July 9

Assistant Secretary Berding: Ladies and gentlemen, we have not had a press conference for
some time, so I would like to state again the one rule that we follow and that relates to

The rule is that there are no direct quotations until the transcript comes out.

Secretary Herter.

Secretary Herter: Ladies and gentlemen, I would like to say a word or two before the
questions begin.

Q. Mr. Secretary, are you returning to Geneva this week?

A. I am, on Sunday.
"""


def test_a_news_conference_opened_by_an_officer_and_one_question(registry: Registry) -> None:
    """The officer who opens the conference a few paragraphs above the first sure turn
    speaks first; one question from the floor and its answer close it."""
    doc = parse(NEWS_CONFERENCE, registry)
    assert [key for key, _ in turns(doc)] == ["berding", "herter", "question", "herter"]


def test_a_name_then_a_clause_in_commas_then_the_verb(registry: Registry) -> None:
    page = (
        "Воспоминания переводчика\n\n"
        "Беседа затягивалась, но Генеральный секретарь Брежнев не смотрел на часы. Никсон "
        "ответил, что заедет за "
        "женой и приедет на банкет.\n\n"
        "Брежнев, проводив Никсона до двери кабинета, сказал мне, что запись беседы нужна "
        "к утру. Я ответил, что успею.\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["nixon", "brezhnev", "author-page"]
    assert turn_texts(doc)[2].startswith("проводив Никсона до двери кабинета, сказал мне")


def test_a_record_an_export_ran_into_one_line(registry: Registry) -> None:
    """Runs of spaces in one long line are its paragraph breaks; "等同志" after the last
    name of a list is "and other comrades", not part of the name."""
    page = "   ".join(
        [
            "# 毛泽东与赫鲁晓夫会谈记录 ## 第三次会谈 ## 8 月 2 日于丰泽园",
            "参加人:赫鲁晓夫、安东诺夫等同志;毛泽东、周恩来等同志。",
            "毛泽东简要地谈了一下国内经济的发展情况,通报了钢铁生产的情况。",
            "赫鲁晓夫谈了苏联本年度生铁产量增长的情况,并指出钢还比铁多些。",
            "毛泽东:中国现在没有用废钢炼钢,因为我们还没有废钢。我们的工业刚刚起步,很多东西要从头学起,"
            "钢铁的产量还很低,机器也很少,所以谈不上用废钢。",
            "赫鲁晓夫:中国还没有那么多机器,不会出现这种情况。一般在工业化初期会生产更多的生铁,"
            "然后才是钢,这是一个规律,我们当年也是这样走过来的。",
        ]
    )
    doc = parse(page + "\n", registry)
    assert [key for key, _ in turns(doc)] == ["mao-zedong", "khrushchev"] * 2
    assert "安东诺夫" in [a.labels["zh"] for a in doc.attendees]


def test_an_oral_history_whose_last_question_the_page_cuts_off(registry: Registry) -> None:
    page = (
        "WAR AND PEACE – TAPES 100–102 ALEKSEI ADZHUBEI\n\n"
        "Interviewer:\n...CAN YOU TELL ME HOW HE FELT ABOUT AMERICA AT THE TIME?\n"
        "Adzhubei:\nWell, you know, they say Americans and Russians are alike. He was a farmer.\n"
        "Interviewer:\nDOES HE REMEMBER THE MEETING IN PARIS WITH THE PRESIDENT, THAT IS THE OPEN\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["interviewer", "adzhubei", "interviewer"]


MEMOIR_EXCHANGE = """Глава пятая

Мы сидели в кабинете рядом с Громыко. Потом Картер предложил нам что-нибудь выпить. Громыко \
немного замешкался и, как обычно, спросил у меня:

— Суходрев, как вы думаете, что именно?

— Ну, если мы в Америке, то, видимо, виски.

— Вы, наверное, правы, Суходрев.

— А вы? — спрашивает меня Картер.
"""


def test_a_memoir_exchange_of_names_called_out(registry: Registry) -> None:
    """The subject of the sentence that ends on a colon speaks the line below (not the
    subject of the sentence before); the one a line calls by name answers it; a line that
    names its speaker after the dash ("— спрашивает меня Картер") is his."""
    doc = parse(MEMOIR_EXCHANGE, registry)
    assert [key for key, _ in turns(doc)] == ["gromyko", "sukhodrev", "gromyko", "karter"]


def test_a_memoir_that_recalls_another_day_before_its_talk_states_no_date(
    registry: Registry,
) -> None:
    """The narration's first paragraph may date the talk; a later one recalls other days."""
    page = (
        "Глава третья\n\n"
        "Сталин долго ходил по кабинету и молчал. Молотов сидел у стола.\n\n"
        "Ещё 23 августа 1939 года они обсуждали здесь совсем другие вопросы.\n\n"
        "— Гитлер начнет с Польши, — сказал Сталин. — Это ясно.\n\n"
        "— Я тоже так думаю, — ответил Молотов.\n"
    )
    assert parse(page, registry).metadata.date is None
    dated = page.replace("молчал.", "молчал. Был вечер 9 ноября 1940 года.")
    assert parse(dated, registry).metadata.date == dt.date(1940, 11, 9)


def test_a_chinese_sentence_holding_a_date_is_no_dateline(registry: Registry) -> None:
    """Its first words are no place and its rest no time of day."""
    page = (
        "邓小平会见张先生谈话记录\n\n"
        "早在1971年9月12日,我就随代表团出访过一次。\n\n"
        "邓小平说:“你们这次来,要多看看。”\n\n"
        "张先生说:“谢谢,我们一定多看看。”\n"
    )
    metadata = parse(page, registry).metadata
    assert (metadata.place, metadata.time_of_day) == (None, None)


def test_the_records_own_date_field_over_a_catalogues_publication_date(
    registry: Registry,
) -> None:
    """A catalogue's "Publication Date:" is the paper's; the record's own DATE fields beat
    it, and of the memorandum's and the meeting's, the earlier is the talk's."""
    page = READING_ROOM.replace(
        "Sanitized copy approved for release.",
        "DATE: April 3, 1969 SUBJECT: Talks PLACE: Embassy DATE: April 1, 1969.",
    )
    assert parse(page, registry).metadata.date == dt.date(1969, 4, 1)


def test_a_date_the_narration_after_the_record_gives_it(registry: Registry) -> None:
    record = STENOGRAM.replace("Translation - English\n", "")
    page = record + (
        "\nБеседа окончена в 13 час. 05 мин. Так заканчивается стенограмма беседы в Комитете "
        "партийного контроля 10 ноября 1970 года.\n"
    )
    assert parse(page, registry).metadata.date == dt.date(1970, 11, 10)


def test_an_interview_whose_questions_are_not_all_questions(registry: Registry) -> None:
    page = INTERVIEW.replace(
        "— А как вас встречали местные власти?", "— Говорят, вас встречали холодно."
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["question", "a"] * 3


@pytest.mark.parametrize(
    ("page", "keys"),
    [
        (  # a known name and a dash in a memoir's prose is no stenogram's label
            "Воспоминания переводчика\n\nМы приехали в Кремль к вечеру.\n\n"
            "Хрущев – человек вспыльчивый, и в тот вечер он был не в духе.\n\n"
            "Никсон сказал, что хотел бы поговорить о Берлине.\n\n"
            "Хрущев ответил, что о Берлине говорить не будет.\n",
            ["nixon", "khrushchev"],
        ),
        (  # Molotov is inside what Khrushchev recounts, not a speaker of the talk
            "Запись беседы\n\nНиксон сказал, что выставка прошла успешно.\n\n"
            "Хрущев ответил, что в 1956 году он был болен, а Молотов сказал ему тогда, что "
            "англичане не уйдут.\n\nНиксон заметил, что не знал об этом.\n",
            ["nixon", "khrushchev", "nixon"],
        ),
        (  # a newspaper named twice does not report a turn
            "Memorandum for the Record\n\nI called on Ambassador Dobrynin this morning.\n\n"
            "I said that we had read the Pravda editorial with concern.\n\n"
            "Dobrynin said that the editorial did not reflect official policy.\n\n"
            "Pravda reported on Monday that the tests would resume.\n\n"
            "I replied that we would watch closely.\n",
            ["author-page", "dobrynin", "author-page"],
        ),
        (  # "Затем" before the verb of the sentence that introduces a line is nobody
            "Запись беседы Хрущева с Никсоном\n\nНиксон сказал, что рад быть в Москве.\n\n"
            "Хрущев ответил, что тоже рад этой встрече. Затем, помолчав, спросил:\n\n"
            "— А вы надолго к нам?\n\nНиксон сказал, что пробудет неделю.\n",
            ["nixon", "khrushchev", "nixon"],
        ),
        (  # a name alone on its line that labels later turns too is no byline
            "ЗАПИСЬ БЕСЕДЫ\n\n3 октября 1959 года\n\nХРУЩЕВ Н.С.\n"
            "Мы рады приветствовать вас в Пекине. Как вы доехали?\n\n"
            "МАО ЦЗЭДУН. Доехали хорошо, спасибо.\n\nХРУЩЕВ Н.С. Тогда начнем с главного.\n\n"
            "МАО ЦЗЭДУН. Начнем.\n",
            ["khrushchev", "mao-zedong", "khrushchev", "mao-zedong"],
        ),
        (  # "OK." inside a turn is no label in capitals
            "Memorandum of Telephone Conversation\n\nKISSINGER. Anatol, I have your message.\n\n"
            "DOBRYNIN. Then what do you propose?\n\nKISSINGER. A joint statement tomorrow.\n\n"
            "OK. I will call you back at eleven, he said.\n\nDOBRYNIN. I will wait.\n",
            ["kissinger", "dobrynin", "kissinger", "dobrynin"],
        ),
        (  # a day after a titled name is no part of it
            "Memorandum of Conversation\n\nSecretary Rusk received Ambassador Dobrynin Friday "
            "afternoon.\n\nDobrynin said that he had instructions.\n\nRusk said that he "
            "would listen.\n\nDobrynin said that the position was unchanged.\n\nRusk replied "
            "that so was ours.\n",
            ["dobrynin", "rusk", "dobrynin", "rusk"],
        ),
    ],
    ids=["dash-prose", "inside-that", "newspaper", "adverb", "no-byline", "ok", "weekday"],
)
def test_who_is_no_speaker_of_the_talk(page: str, keys: list[str], registry: Registry) -> None:
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)][: len(keys)] == keys
    assert len({key for key, _ in turns(doc)}) == len(set(keys))


def test_headlines_in_dashes_are_no_interview(registry: Registry) -> None:
    page = (
        "В Манеже открылась выставка документов о визите Никсона в Москву.\n\n"
        "Читайте также\n\n— Зачем Хрущев стучал ботинком?\n"
        "— Архивы КГБ рассекречены не полностью.\n— Кто на самом деле написал мемуары?\n"
        "— Новые документы о Карибском кризисе.\n"
    )
    with pytest.raises(ParseError, match="holds no conversation"):
        parse(page, registry)


def test_a_closing_line_about_the_archive_dates_nothing(registry: Registry) -> None:
    page = STENOGRAM.replace("Translation - English\n", "") + (
        "\nБеседа окончена в 13 час. 05 мин. Запись беседы хранится в архиве и была "
        "рассекречена 14 марта 1994 года.\n"
    )
    assert parse(page, registry).metadata.date is None


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # an e-book reader's heading around the book's name
        ("Читать онлайн «Дневник 1956–1959» — Страница 57", "Дневник 1956–1959"),
        # a catalogue's entry over the record's own title line: the record's wins
        (
            "件名：總統接見外賓談話紀錄\n\n總統接見美國國務卿談話紀錄（第一次）",
            "總統接見美國國務卿談話紀錄（第一次）",
        ),
        # the catalogue's entry alone names it
        ("件名：總統接見美國國務卿談話紀錄", "總統接見美國國務卿談話紀錄"),
        # the writer before a portal's title, and the part of the article after it
        ("張維為:回憶1985年的一次談話【2】", "回憶1985年的一次談話"),
        # a reader's page counter glued on
        ("БЕСЕДА С Ф. РУЗВЕЛЬТОМ В ТЕГЕРАНЕ бет21/45", "БЕСЕДА С Ф. РУЗВЕЛЬТОМ В ТЕГЕРАНЕ"),
        # the parties over three lines
        (
            "ЗАПИСЬ БЕСЕДЫ\nминистра иностранных дел СССР А.А. Громыко\n"
            "с государственным секретарем США Д. Раском",
            "ЗАПИСЬ БЕСЕДЫ министра иностранных дел СССР А.А. Громыко "
            "с государственным секретарем США Д. Раском",
        ),
    ],
)
def test_the_title_among_a_sites_headings(registry: Registry, head: str, title: str) -> None:
    page = f"{head}\n\nСталин: Мы прочли вашу записку.\n\nМао Цзэдун: Тогда мы согласны.\n"
    assert parse(page, registry).metadata.title == title


def test_a_chapters_heading_on_someone_is_not_a_participant(registry: Registry) -> None:
    page = (
        "Сто бесед с Молотовым\n\nО Сталине\n\n"
        "Молотов сказал, что Сталин был прав.\n\nМолотов добавил, что время было такое.\n"
    )
    doc = parse(page, registry)
    assert [a.person.key for a in doc.attendees] == []
    assert {key for key, _ in turns(doc)} == {"molotov"}


def test_a_name_and_verb_set_inside_the_speakers_own_words_is_an_aside(
    registry: Registry,
) -> None:
    page = (
        "Record of the Talks\n\nStalin: We are glad you came.\n\n"
        "Let me add, Molotov said, a word on the treaty. It should be signed soon.\n\n"
        "Stalin: Then we agree.\n"
    )
    doc = parse(page, registry)
    assert turns(doc) == [
        ("stalin", "We are glad"),
        ("molotov", "Let me add,"),
        ("stalin", "Then we agree."),
    ]


def test_a_mood_before_the_verb_of_speaking_still_reports_the_words(registry: Registry) -> None:
    page = (
        "Memorandum of Conversation\n\n"
        "I told Mr. Molotov that the Western Powers needed an interval to confer.\n\n"
        "Mr. Molotov seemed at first prepared to agree outright, but then said he would "
        "consider it.\n"
    )
    keys = [key for key, _ in turns(parse(page, registry))]
    assert keys[-1] == "molotov"
    assert len(keys) == 2


def test_where_a_paper_is_filed_is_not_its_title(registry: Registry) -> None:
    page = (
        "Conference files, lot 60 D 627, CF 203\n\nMemorandum of Conversation, by the "
        "Secretary of State\n\nStalin: We have read your note.\n\nMao Zedong: Then we agree.\n"
    )
    title = parse(page, registry).metadata.title
    assert title == "Memorandum of Conversation, by the Secretary of State"


def test_a_books_numbered_document_with_one_turn_loads(registry: Registry) -> None:
    page = (
        "Document No. 12: Record of Conversation between Erich Honecker and Egon Krenz "
        "June 9, 1989\n\n1The editors' introduction says what the talk was about.\n\n"
        "2Krenz: Our friends need not worry. The party will remain the leading force.\n"
    )
    doc = parse(page, registry)
    assert doc.metadata.title.startswith("Record of Conversation between")
    assert doc.metadata.date == dt.date(1989, 6, 9)
    assert [(u.speaker.label if u.speaker else None) for u in doc.units][-1] == "Krenz"


def test_speakers_a_transcript_cannot_name_are_kept_apart_by_their_numbers(
    registry: Registry,
) -> None:
    page = (
        "Запись разговоров в камере\n"
        "II мужчина: Сегодня опять не дали газет.\n"
        "I мужчина: И не дадут.\n"
        "II мужчина: Почему?\n"
        "I мужчина: Потому что так решили.\n"
    )
    assert [key for key, _ in turns(parse(page, registry))] == [
        "ii-muzhchina",
        "i-muzhchina",
        "ii-muzhchina",
        "i-muzhchina",
    ]


def test_a_writers_questions_run_on_after_his_colon_and_the_answers_are_the_others(
    registry: Registry,
) -> None:
    page = (
        "Сто бесед с Микояном\n\n"
        "...Спрашиваю у Микояна: - Что обсуждали в Ялте? - Не припомню.\n"
        "- Иден пишет, что вы предлагали перенести встречу.\n"
        "- Ну, ну\n"
        "- И что Черчилль был недоволен.\n"
        "- Да. Обычная игра.\n"
        "03.02.1985\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["i", "mikoyan"] * 3
    assert doc.metadata.date == dt.date(1985, 2, 3)


def test_a_radio_transcripts_speaker_and_words_either_side_of_a_dash_alone(
    registry: Registry,
) -> None:
    page = (
        "Эфир 2 ноября\n\nС.Иванов\n―\nДобрый день! Сегодня у нас в гостях Петр Петров.\n"
        "П.Петров\n―\nДобрый день, Сергей.\nС.Иванов\n―\nНачнем с новостей недели.\n"
        "П.Петров\n―\nНачнем. Новостей хватает.\n"
    )
    assert [key for key, _ in turns(parse(page, registry))] == ["ivanov", "petrov"] * 2


def test_an_interview_the_page_cut_short_still_alternates(registry: Registry) -> None:
    page = (
        "«Я работать там не буду»\n"
        "— Вы действительно верили, что выйдете во второй тур?\n"
        "— Тот спор был сразу после выборов. Мне казалось, что настроения такие, что\n"
        "— Но у вас последнее место и в столице, и в провинции. Вы не находите?\n"
        "— Нахожу. Мы соберем совет и дадим подробный разбор ошибок.\n"
        "— А обещали ли вам портфель в правительстве?\n"
        "— Нет.\n"
    )
    keys = [key for key, _ in turns(parse(page, registry))]
    assert keys == ["question", "a"] * 3


def test_a_chinese_memoir_names_its_speaker_by_surname_or_pronoun(registry: Registry) -> None:
    page = (
        "回忆周恩来的一次谈话\n\n"
        "周先与来宾一一握手,然后在沙发上坐下。我坐在他的左手边。"
        "他问我,“你是哪里人?”,我说,“北京”。"
        "“北京变化大吗?”周问我,似乎想起了什么往事。我想了一下,然后说,“变化很大”。\n"
    )
    doc = parse(page, registry)
    lang = doc.languages[0]
    # the sentences before the first words said stay as narration, not as a heading
    assert doc.units[0].kind is Kind.NARRATION
    assert doc.units[0].texts[lang].text.startswith("周先与来宾一一握手")
    assert {key for key, _ in turns(doc)} == {"zhou-enlai"}


def test_questioners_in_capitals_with_their_papers_in_brackets(registry: Registry) -> None:
    page = (
        "Question-and-Answer Session With Foreign Journalists\n\nMay 2, 1977\n\n"
        "JOHN SMYTHE [Daily Courier]. Mr. President, will your budget help Europe at all?\n\n"
        "THE PRESIDENT. I think it will help a great deal over the coming year.\n\n"
        "MR. SMYTHE. But will London be satisfied with what you have decided?\n\n"
        "THE PRESIDENT. I cannot speak for London, but I expect they will be.\n"
    )
    keys = [key for key, _ in turns(parse(page, registry))]
    assert keys == ["john-smythe", "president", "john-smythe", "president"]


def test_a_reporter_who_gives_his_name_and_paper_asks_the_question(registry: Registry) -> None:
    page = (
        "The President's News Conference\n\nApril 29, 1959\n\n"
        "THE PRESIDENT. Good morning. I have no statement of my own.\n\n"
        "Q. John Q. Reporter, Evening Star: Mr. President, will you veto the bill?\n\n"
        "THE PRESIDENT. I have not yet seen it.\n\n"
        "Q. Jane Roe, Daily News: Will you see it this week?\n\n"
        "THE PRESIDENT. I expect so.\n"
    )
    keys = [key for key, _ in turns(parse(page, registry))]
    assert keys == ["president", "john-reporter", "president", "jane-roe", "president"]


def test_an_ambassadors_diary_opens_with_his_own_report(registry: Registry) -> None:
    page = (
        "RECORD OF CONVERSATION\n\nwith DRV Prime Minister Pham Van Dong\n\n2 November 1966\n\n"
        "I met with Pham Van Dong at our request. On behalf of the Center, I informed the "
        "Prime Minister about the talks in New York.\n\n"
        "After listening attentively to the information, Pham Van Dong asked to convey his "
        "thanks to the Central Committee.\n"
    )
    doc = parse(page, registry)
    assert title_names("with DRV Prime Minister Pham Van Dong", registry) == [
        "Prime Minister Pham Van Dong"
    ]
    keys = [key for key, _ in turns(doc)]
    assert keys[-1] == "pham-van-dong"
    assert len(keys) == 2  # the writer's report first


def test_a_declassification_stamp_dates_nothing(registry: Registry) -> None:
    page = (
        "Approved For Release 2006/10/19 : CIA-RDP73B00296R000200130049-2\n"
        "JOURNAL\nOFFICE OF LEGISLATIVE COUNSEL\nWednesday - 10 March 1971\n\n"
        "1. I told Timmons that we had avoided the requests. Timmons said that it might be "
        "best to refer them to the State Department. I said we tried to do this.\n"
    )
    assert parse(page, registry).metadata.date == dt.date(1971, 3, 10)


def test_a_note_mark_glued_to_a_period_label_is_no_part_of_the_name(registry: Registry) -> None:
    page = (
        "Беседа в Тегеране\n\n"
        "Рузвельт1. Я хотел бы поговорить о Польше.\n\n"
        "Сталин. Говорите.\n\n"
        "Рузвельт. Выборы будут в следующем году.\n"
    )
    keys = [key for key, _ in turns(parse(page, registry))]
    assert keys == ["roosevelt", "stalin", "roosevelt"]


def test_a_chinese_sentence_in_the_head_lists_no_one(registry: Registry) -> None:
    page = (
        "我与毛泽东的谈话\n\n来源:文库 时间:2024/04/30 11:09:28\n"
        "同毛泽东同志谈话的记录 1960年12月26日\n"
        "根据中央的指示,我今天拜访了毛泽东同志。\n"
        "我向他表示祝贺。\n"
        "毛泽东说,他的身体很好。毛泽东又说,工作还是很多。\n"
    )
    doc = parse(page, registry)
    assert not any("指示" in a.person.key for a in doc.attendees)


def test_a_title_at_a_lines_end_does_not_end_the_paragraph(registry: Registry) -> None:
    page = (
        "MEMORANDUM FOR THE RECORD\n\n"
        "1. Mr. Smith said that he had talked with Dr.\n"
        "Teller about the statement. Dr. Teller told Smith that the report\n"
        "was mistaken. Mr. Smith said he would correct it.\n"
    )
    texts = turn_texts(parse(page, registry))
    assert not any(text.rstrip().endswith("Dr.") for text in texts)


def test_bare_questions_and_answers_are_those_of_the_named_asker_and_answerer(
    registry: Registry,
) -> None:
    page = (
        "毛泽东同记者的谈话\n\n"
        "贝问：你们的方针是什么？\n\n毛答：全面抗战。\n\n"
        "问：怎样实行呢？\n\n答：动员全国人民。\n\n问：对国民党呢？\n\n答：团结。\n"
    )
    keys = [key for key, _ in turns(parse(page, registry))]
    assert keys[1::2] == ["mao-zedong"] * 3
    assert keys[0] == keys[2] != "mao-zedong"


def test_a_one_character_label_is_the_one_known_person_it_opens(registry: Registry) -> None:
    page = (
        "毛泽东会见基辛格记录(完)\n"
        "毛:我的确是个官僚。\n基:但我没有看到苏联的访客。\n陈:主席的意思是这样。\n"
        "毛:他们每天都在骂我。\n基:那是很久以前的事了。\n"
    )
    keys = [key for key, _ in turns(parse(page, registry))]
    # (陈 opens the name of 陈伯达 alone among known people, but the record never names him)
    assert keys == ["mao-zedong", "kissinger", "陈", "mao-zedong", "kissinger"]


def test_the_rooms_words_in_brackets_cut_into_a_speech(registry: Registry) -> None:
    page = (
        "周恩来接见学生代表的讲话\n\n"
        "总理:你们来了多少天了?(同学:二十多天了。)那不短了。(同学:我们想早点回去。)"
        "回去可以,先把材料整理好。(注:此处录音不清。)\n\n"
        "秘书:总理两天没休息了。\n\n"
        "总理:不要紧。\n"
    )
    doc = parse(page, registry)
    lang = doc.languages[0]
    said = [(u.speaker.label, u.texts[lang].text) for u in doc.units if u.speaker is not None]
    assert said[:5] == [
        ("总理", "你们来了多少天了?"),
        ("同学", "二十多天了。"),
        ("总理", "那不短了。"),
        ("同学", "我们想早点回去。"),
        ("总理", "回去可以,先把材料整理好。(注:此处录音不清。)"),
    ]


def test_an_interview_names_asker_and_answerer_once_for_all_and_the_office_alone_is_maos(
    registry: Registry,
) -> None:
    page = (
        "毛主席一贯平易近人\n"
        "问(张三,下同):您第一次见到毛主席是什么时候?\n"
        "答(李四,下同):是1955年,在北京饭店。\n"
        "问:后来呢?\n"
        "答:后来我去了中南海。主席说:“你姓什么?”我说姓李。\n"
    )
    keys = [key for key, _ in turns(parse(page, registry))]
    assert keys[:4] == ["张三", "李四", "张三", "李四"]
    assert "mao-zedong" in keys


def test_a_sentence_that_opens_with_a_verbal_adverb_has_its_subject_after_the_clause(
    registry: Registry,
) -> None:
    page = (
        "Запись беседы с послом Италии\n\n"
        "Посол начал беседу с вопроса о конференции. Молотов ответил, что ответа нет.\n\n"
        "Отметив, что излагаю только свое личное мнение, я сказал, что решение еще не "
        "принято.\n\n"
        "Молотов сказал, что доложит правительству.\n"
    )
    doc = parse(page, registry)
    told = [(u.speaker.label, u.texts["ru"].text[:6]) for u in doc.units if u.speaker]
    assert ("I", "сказал") in told  # (the writer, shown as "I")


def test_a_hearing_labels_senators_and_the_chairman_by_office_and_name(
    registry: Registry,
) -> None:
    page = (
        "Committee Sessions: Briefing on the Situation\n\n(June 9, 1967)\n\n"
        "Secretary Jones. The information we have this morning is incomplete.\n\n"
        "The Chairman. Yes.\n\n"
        "Secretary Jones. On the incident yesterday, I came back as soon as I could.\n\n"
        "Senator Brown. It seems to me it was inexcusable.\n\n"
        "Secretary Jones. It was a vessel flying our flag.\n"
    )
    doc = parse(page, registry)
    assert [key for key, _ in turns(doc)] == ["jones", "chairman", "jones", "brown", "jones"]
    assert doc.metadata.date == dt.date(1967, 6, 9)


def test_a_transcript_run_into_one_line_with_its_speakers_in_capitals(registry: Registry) -> None:
    page = (
        "Sanitized Copy Approved for Release 2011/08/09 Special Report WETA FM Radio "
        "September 13, 1974 SENATOR JOHN BROWN: Thank you, Mr. Green. I have a question "
        "about covert action and national policy? R DIRECTOR PAUL GREEN: Because, Mr. "
        "Chairman, it is given to us by the elected authorities. It is... SENATOR BROWN: I "
        "might say it is not reported DIRECTOR GREEN: That may be true, Mr. Chairman.\n"
    )
    assert [key for key, _ in turns(parse(page, registry))] == ["john-brown", "paul-green"] * 2


def test_an_office_by_its_letters_speaks_in_minutes(registry: Registry) -> None:
    page = (
        "MEMORANDUM FOR THE RECORD\n\nSUBJECT: Morning Meeting of 14 October 1966\n\n"
        "1. The DD/I noted that he is preparing a prospectus for the Director. The Director "
        "queried Godfrey about the conclusions. DD/I reported that the program can be "
        "reduced by half.\n"
    )
    keys = [key for key, _ in turns(parse(page, registry))]
    assert keys == ["dd-i", "director", "dd-i"]


def test_the_writers_aside_in_a_line_of_dialogue_makes_it_his(registry: Registry) -> None:
    page = (
        "Разговор с переводчиком\n\n"
        "В Доме литераторов я познакомился с бывшим переводчиком.\n\n"
        "— Он передавал вам привет. Помнит, говорю. Он сказал, что вы заложили основы…\n\n"
        "— Плохих отношений, — продолжает фразу Молотов.\n\n"
        "— Да, да. Так получилось.\n\n"
        "— Нет, на это надо смотреть осторожно.\n"
    )
    keys = [key for key, _ in turns(parse(page, registry))]
    assert keys == ["i", "molotov", "i", "molotov"]


def test_a_question_and_its_answer_on_one_line_of_an_oral_history(registry: Registry) -> None:
    page = (
        "口述歷史\n\n問:您當時對那段經歷有什麼特別的印象? 答:喔,那時候我可是親眼看到過,"
        "那真是難忘。這給我一個很深的記憶。\n"
    )
    said = [(u.speaker.label, u.texts["zh"].text[:3]) for u in parse(page, registry).units]
    assert said == [("問", "您當時"), ("答", "喔,那")]


def test_a_radio_transcripts_initial_and_surname_before_a_dash(registry: Registry) -> None:
    page = (
        "Особое мнение\n\n"
        "С. ИВАНОВ – Мы начинаем программу. У нас в гостях Петр Петров.\n\n"
        "П. ПЕТРОВ - Добрый день.\n\n"
        "С. ИВАНОВ – Несколько сообщений сегодняшних.\n\n"
        "С. ИВАНОВ – И еще одно.\n"
    )
    assert [key for key, _ in turns(parse(page, registry))] == [
        "ivanov",
        "petrov",
        "ivanov",
        "ivanov",
    ]


def test_a_markdown_rule_under_a_heading_is_no_dash_label(registry: Registry) -> None:
    page = (
        "Memorandum of Conversation\n---\nPARTICIPANTS: Stalin, Mao Zedong\n\n"
        "Stalin: We have read your note.\n\nMao Zedong: Then we agree.\n"
    )
    doc = parse(page, registry)
    assert doc.metadata.title == "Memorandum of Conversation"
    assert [key for key, _ in turns(doc)] == ["stalin", "mao-zedong"]


def test_a_birth_date_in_the_head_dates_nothing(registry: Registry) -> None:
    page = (
        "Oral History Programme\n\nSir John SMITH (Born 2 January 1940)\n\n"
        "JJ: Could we begin with your first posting?\n\nJS: It was Moscow, in 1964.\n\n"
        "JJ: And after that?\n\nJS: Washington.\n"
    )
    assert parse(page, registry).metadata.date is None


def test_a_classification_under_a_short_title_is_no_part_of_it(registry: Registry) -> None:
    page = (
        "Telephone Conversation\ntop secret\n\n"
        "Stalin: We have read your note.\n\nMao Zedong: Then we agree.\n"
    )
    assert parse(page, registry).metadata.title == "Telephone Conversation"
