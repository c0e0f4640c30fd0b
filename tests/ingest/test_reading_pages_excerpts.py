"""Excerpts of transcripts in which no name labels a second turn: an oral history under a
library's notices, a radio panel, a parliament's speeches one member each; and the
labels of interviews printed in books and papers.

Every page here is a few lines invented for the test in the shape of a published page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.ingest.dates import find_date
from app.ingest.model import ParseError
from app.ingest.registry import Registry
from tests.ingest.test_reading_pages import parse
from tests.ingest.test_reading_pages_stenograms import keys, said

# A library's oral history: its notices as headings alone on their lines (the
# interviewee's name twice among them), then two names in capitals before a colon, once
# each in the excerpt.
ORAL_HISTORY = """Oral History Interview with
Ruth Adler

Notice

This transcript is made available for research. Quotations must cite the library.

RESTRICTIONS

None.

Oral History Interview with
Ruth Adler

Springfield, Illinois
April 2, 1974
by M. Brown

BROWN: Could we begin with your first year on the committee staff?

ADLER: I arrived in the autumn, when nobody had a desk for me, and I spent a month reading old hearings in the basement.
"""  # noqa: E501


def test_two_names_once_each_over_speech_are_an_exchange(registry: Registry) -> None:
    doc = parse(ORAL_HISTORY, registry)
    assert [text.split()[0] for _, text in said(doc)] == ["Could", "I"]
    assert len(set(keys(doc))) == 2


# A radio panel: each guest's trade in brackets after his name, each speaks once.
PANEL = """This Week at the Counter

I'm Dana Fox and this is the Sunday panel.

Mr. FRANK HOLT (Columnist, The Daily Ledger): Thanks, Dana. Good to be back with everyone this week.

Ms. ANN PRICE (Attorney): Glad to be here.
"""


def test_a_panels_guests_with_their_trades_in_brackets(registry: Registry) -> None:
    doc = parse(PANEL, registry)
    assert keys(doc) == ["frank-holt", "ann-price"]
    assert said(doc)[1] == ("ann-price", "Glad to be here.")


# A parliament's draft record: each member once, the debate's heading and the clerk's
# line repeated between the speeches.
SPEECHES = """Draft transcript - Tuesday, 4 March 2008

Election of Speaker

Speech - The CLERK

Hon MARY STONE (Leader of the House): I move that Paul Grant take the chair of this House.

Election of Speaker

Speech - The CLERK

Hon TOM REID (Deputy Leader of the House): I second the nomination of Paul Grant.

Election of Speaker

Speech - The CLERK

LUCY HART (Whip—Green): We nominate no one else and support the motion.
"""


def test_speeches_once_each_between_repeated_headings(registry: Registry) -> None:
    doc = parse(SPEECHES, registry)
    assert len(keys(doc)) == 3
    assert said(doc)[2][1] == "We nominate no one else and support the motion."


# A news story with a source line and a photo credit: keys and values, no exchange.
STORY = """Bridge reopens after repairs

Source: City transport office.

Photo: The bridge on Monday morning.

The bridge over the river reopened on Monday after four months of repairs. Traffic was light.
"""


def test_a_storys_source_and_photo_lines_are_no_exchange(registry: Registry) -> None:
    with pytest.raises(ParseError, match="holds no conversation"):
        parse(STORY, registry)


# A government site's interview: catalogue fields above, names alone on their lines over
# the turns. The fields are no exchange and do not outweigh the names.
CATALOGUE = """Entretien de M. Jean Marais, ministre, le 4 avril 2016

Personnalité, fonction : MARAIS Jean.

Circonstances : Entretien avec Radio Est le 4 avril 2016

ANNE LEROY
Bonjour Jean Marais.

JEAN MARAIS
Bonjour.

ANNE LEROY
Le budget sera-t-il voté avant l'été ?

JEAN MARAIS
Il le sera, et sans changement.
"""


def test_catalogue_fields_do_not_outweigh_names_alone_on_their_lines(registry: Registry) -> None:
    doc = parse(CATALOGUE, registry)
    assert keys(doc) == ["anne-leroy", "jean-marais", "anne-leroy", "jean-marais"]


# A paper's interview: the paper asks by its name in quotation marks, full then short.
PAPER = """«Вечерний город»: Когда вы вернулись в Минск?

Ирина Котова: Весной, после того как закрылась редакция.

«ВГ»: И сразу нашли работу?

ИК: Нет, полгода искала.
"""


def test_a_paper_asking_by_its_name_in_quotation_marks(registry: Registry) -> None:
    doc = parse(PAPER, registry)
    assert [u.texts["ru"].label for u in doc.turns()] == [
        "«Вечерний город»",
        "Ирина Котова",
        "«ВГ»",
        "ИК",
    ]
    assert keys(doc)[0] != keys(doc)[1]


# A book's record of a talk: the speakers' names letter-spaced, a date in two digits.
SPACED = """Секретно
3.10.49 г.

В о р о н о в. Добрый день. Садитесь, пожалуйста.
Ч е р н ы х. Спасибо.
В о р о н о в. Как доехали?
Ч е р н ы х. Хорошо, без задержек.
"""


def test_letter_spaced_names_are_labels(registry: Registry) -> None:
    doc = parse(SPACED, registry)
    assert keys(doc) == ["voronov", "chernykh", "voronov", "chernykh"]
    assert said(doc)[1][1] == "Спасибо."
    assert doc.metadata.date is not None and doc.metadata.date.isoformat() == "1949-10-03"


# Parliament mirrors' speech headings, each member named once in full: the picture's
# words glued to the name and the site's links on the line below; a portrait's caption
# before an office with its holder in brackets, then the surname alone; a New Zealand
# page's surname glued before the label, the question's number too.
KILDARE = """Dáil debates

Thursday, 2 October 2025

Photo of Ann ByrneAnn Byrne (Cork North, Labour)
Link to this: Individually | In context

4. To ask the Minister when the harbour works will begin. [40101/25]

Photo of Sean DalySean Daly (Kerry, Fianna Fail)
Link to this: Individually | In context

The works begin in the spring, once the tender closes.
"""

PORTRAIT = """Harbour Dues Debate

Commons Chamber

Lord Ames Portrait The Leader of the House of Commons (Mr Peter Ames)
- Hansard - - - Excerpts

I beg to move,

That the dues be reduced.

Ruth Kerr Portrait Mrs Ruth Kerr (Dover) (Lab)
- Hansard - -

Will the reduction apply to fishing boats as well?

Lord Ames Portrait Mr Ames
- Hansard - - - Excerpts

It will, from the first of May.
"""

GLUED = """Harbour Dues—Review

Reid4. Hon TOM REID (Labour—Nelson) Link to this
to the Minister of Transport

Will he publish the review of harbour dues?

StoneHon Dr MARY STONE (Minister of Transport) Link to this

Yes, next month.
"""


@pytest.mark.parametrize(
    ("page", "first_words"),
    [
        (KILDARE, ["4. To ask", "The works begin"]),
        (PORTRAIT, ["I beg to", "Will the reduction", "It will, from"]),
        (GLUED, ["to the Minister", "Yes, next month."]),
    ],
)
def test_a_parliament_mirrors_speech_headings_are_labels(
    registry: Registry, page: str, first_words: list[str]
) -> None:
    doc = parse(page, registry)
    opened = [text[: len(words)] for (_, text), words in zip(said(doc), first_words, strict=True)]
    assert opened == first_words
    assert "Link to this" not in " ".join(text for _, text in said(doc))
    if page is PORTRAIT:
        assert keys(doc) == ["peter-ames", "ruth-kerr", "peter-ames"]


# A Taiwanese gazette: the sitting's date in the Republic's years with the weekday for
# its day's character, a member's office between his surname and his given name.
GAZETTE = """立法院第9屆第3會期第2次會議紀錄

時間 中華民國106年3月7(星期二)9時

主席:現在開會。請秘書長報告出席人數。

秘書長:出席委員90人,已足法定人數。

主席:進行報告事項。

林委員志明:主席,我有意見!

主席:請林委員發言。
"""


def test_a_gazettes_date_and_a_member_named_around_his_office(registry: Registry) -> None:
    doc = parse(GAZETTE, registry)
    assert doc.metadata.date is not None and doc.metadata.date.isoformat() == "2017-03-07"
    assert keys(doc) == ["主席", "秘书长", "主席", "林志明", "主席"]


# A transcription service's briefing: each label over the recording's clock in brackets,
# the words on the line below; the audience answers once.
TIMED = """Press Briefing Transcript March 3

Dana Ross: (00:12)
Good afternoon, everyone.

Audience: (00:15)
Good afternoon.

Dana Ross: (00:16)
We have two announcements today. Tom will take the first.

Tom Baker: (00:31)
Thanks, Dana. The program opens on Monday.
"""


def test_labels_over_a_recordings_clock(registry: Registry) -> None:
    doc = parse(TIMED, registry)
    assert keys(doc) == ["dana-ross", "audience", "dana-ross", "tom-baker"]
    assert said(doc)[1] == ("audience", "Good afternoon.")


# An inquiry's transcript: the witness affirmed and the counsel who questions him named in
# a heading, then "Q." and "A." for them.
HEARING = """Day 4 Harbour Inquiry 9 March 2012

THE CHAIRMAN: Good morning, Mr Lowe.

MR LOWE: Good morning, sir. Our first witness is Mrs Field.

THE CHAIRMAN: Thank you.

MRS ANNA FIELD (affirmed)

Questions by MR LOWE

Q. Could you give the Inquiry your full name?

A. Anna Mary Field.

Q. You were the harbour master until 2010?

A. Yes, that's right.
"""


def test_q_and_a_are_the_counsel_and_witness_a_heading_names(registry: Registry) -> None:
    doc = parse(HEARING, registry)
    assert keys(doc)[3:] == ["lowe", "anna-field", "lowe", "anna-field"]


# A Ukrainian stenogram: the chair by his office in capitals and a full stop, a member by
# his surname and initials alone on their line (Ukrainian І among them), the sitting's
# date with "року".
RADA = """ЗАСІДАННЯ ДРУГЕ

Сесійний зал Верховної Ради України

3 березня 2009 року, 10.00 година

ГОЛОВУЮЧИЙ. Доброго ранку, шановні колеги. Прошу реєструватися.

Слово надається народному депутату Іщенку.

ІЩЕНКО І.Є.

Шановний Голово, шановні колеги! Я хочу сказати про бюджет.
"""


def test_a_ukrainian_stenograms_chair_and_member(registry: Registry) -> None:
    doc = parse(RADA, registry)
    assert [u.texts["uk"].label for u in doc.turns()] == [
        "ГОЛОВУЮЧИЙ",
        "ІЩЕНКО І.Є.",
    ]
    assert doc.metadata.date is not None and doc.metadata.date.isoformat() == "2009-03-03"


# A Spanish paper's interview: the question and the answer by their words, then by their
# letters.
ENTREVISTA = """Entrevista a Tomás Vidal

Publicado el 12 de mayo de 2014

Pregunta: ¿Cómo recuerda usted aquellos primeros meses en el ministerio?

Respuesta: Con mucha tensión. Había que mantener el orden y al mismo tiempo abrir el país.

P.: ¿Tenía usted apoyo del presidente?

R.: Siempre. Nos veíamos cada semana y hablábamos de todo.
"""


def test_question_and_answer_by_their_spanish_words_and_letters(registry: Registry) -> None:
    doc = parse(ENTREVISTA, registry)
    assert doc.languages == ["es"]
    assert keys(doc) == ["question", "a", "question", "a"]


# A telephone record with "G:" and "R:": a lone "R" is Rusk's initial, no answer.
INITIALS = """Telephone Conversation Between Foreign Minister Gromyko and Secretary Rusk

G: Good morning. I have just come from the airport.

R: Was the flight a good one?

G: It was long but calm.
"""


# A telephone record by initials that make a question's and answer's pair ("D:", "R:"):
# the initials of the two it lists.
PAIRED_INITIALS = """Memorandum of Telephone Conversation

Participants: Ambassador Dobrynin, Secretary Rusk

D: Mr. Secretary, I have been instructed to deliver a message tonight. When can we meet?

R: I will see you at the Department at eight o'clock.

D: Thank you. I will be there.
"""


def test_a_lone_r_is_an_initial_not_an_answer(registry: Registry) -> None:
    doc = parse(INITIALS, registry)
    assert keys(doc) == ["gromyko", "rusk", "gromyko"]
    paired = keys(parse(PAIRED_INITIALS, registry))
    assert paired[0] == paired[2] == "dobrynin" and paired[1] not in {"a", "question", "dobrynin"}


# A party's note of a talk, in German: the verbs of saying count for the two the title
# names, with no comrade's title before them.
AKTENNOTIZ = """Aktennotiz über das Gespräch zwischen Erich Honecker und Botschafter Wjatscheslaw Kotschemassow am 12. März 1987

Botschafter Kotschemassow übermittelte die Grüße der sowjetischen Führung und teilte mit, dass der Besuch vorbereitet werde.

Erich Honecker dankte für die Grüße und erklärte, dass die Partei den Kurs unterstütze.

Kotschemassow sagte, er werde die Antwort sofort weiterleiten.
"""  # noqa: E501

# The same verbs in a news story, about no one the page lists: no conversation.
NACHRICHT = """Bahn erhöht die Preise

Der Sprecher der Bahn sagte am Montag, die Preise würden im Juni steigen.

Verkehrsministerin Anna Vogt erklärte, sie werde mit der Bahn sprechen.
"""


def test_german_verbs_of_saying_count_for_the_people_a_record_lists(
    registry: Registry,
) -> None:
    doc = parse(AKTENNOTIZ, registry)
    assert doc.languages == ["de"]
    assert keys(doc) == [
        "wjatscheslaw-kotschemassow",
        "erich-honecker",
        "wjatscheslaw-kotschemassow",
    ]
    with pytest.raises(ParseError, match="holds no conversation"):
        parse(NACHRICHT, registry)


# A French ministry's interview: "Q - " and "R - " before each question and answer.
ENTRETIEN = """Entretien de M. Luc Garnier, ministre des affaires étrangères, avec Radio Ouest le 3 février 2015

Q - Monsieur le Ministre, bonjour. Que pensez-vous de l'accord signé hier ?

R - C'est un bon accord, mais il faudra le faire respecter.

Q - Les sanctions seront-elles levées ?

R - Pas avant que les engagements soient tenus.
"""  # noqa: E501


def test_a_french_interviews_q_and_r_dashes(registry: Registry) -> None:
    doc = parse(ENTRETIEN, registry)
    assert doc.languages == ["fr"]
    assert keys(doc) == ["question", "a", "question", "a"]
    assert said(doc)[3][1] == "Pas avant que les engagements soient tenus."


# A portal's interview: each question marked with a bullet instead of a name, each answer
# in quotation marks below it, a line of narration between.
BULLETS = """王立新受访:做研究要耐得住寂寞

2015-03-02 10:20:11

  ● 您从事这项研究多少年了?

  “快二十年了。刚开始的时候条件很差,实验室只有两间屋子。”

  这时候,王教授拿出了一张老照片。

  ● 最困难的是什么时候?

  “是经费断了的那一年。我们差点解散。”
"""


def test_questions_marked_by_bullets_and_their_answers(registry: Registry) -> None:
    doc = parse(BULLETS, registry)
    assert [u.texts["zh"].label for u in doc.turns()] == ["Q", "A", "Q", "A"]
    assert said(doc)[2][1] == "最困难的是什么时候?"


# A news site's excerpt: the two names run together in a caption above their labels.
CAPTION = """'Nothing done': Ann Hale and Tom Price clash on air

Ann Hale Tom Price
ANN HALE: Why has the plan not been published?

TOM PRICE: It will be, next week.

ANN HALE: You said that last month.
"""


def test_two_names_run_together_in_a_caption_are_two_people(registry: Registry) -> None:
    doc = parse(CAPTION, registry)
    assert keys(doc) == ["ann-hale", "tom-price", "ann-hale"]


# A mission's minutes: each side's people after its name and a colon, under
# "Participants:", then the talk in reported speech. The sides are the list, no turns.
MINUTES = """Minutes of Informal Meeting of the Four Powers, New York, March 3, 1950

Participants: China: Dr. Wei Lan
France: Mr. Paul Roux
U.S.S.R.: Mr. Ivan Sorin and an adviser
United Kingdom: Sir John Hale
Mr. T. R. Dunn
United States: Ambassador Grant

Ambassador Grant opened the meeting by stating that it was informal and that no record would be published.

Sorin stated that his government had not changed its position and would vote as before.
"""  # noqa: E501


def test_sides_in_a_list_of_participants_are_no_opening_statements(registry: Registry) -> None:
    doc = parse(MINUTES, registry)
    assert keys(doc) == ["grant", "ivan-sorin"]
    assert "john-hale" in {a.person.key for a in doc.attendees}


# A paper's interview: its name in capitals asking, the minister's in capitals answering,
# each glued to its dash; a question whose bold the copy lost goes unlabelled.
TRIBUNE = """L'industrie verte, selon le ministre

LE JOURNAL- Le projet de loi est présenté jeudi. Combien d'emplois à la clé ?

PAUL ROUX- Plusieurs dizaines de milliers d'ici 2030, dans toutes les régions du pays.
"""


def test_a_paper_asking_in_capitals_before_a_glued_dash(registry: Registry) -> None:
    doc = parse(TRIBUNE, registry)
    assert [u.texts["fr"].label for u in doc.turns()] == ["LE JOURNAL", "PAUL ROUX"]


# A Spanish paper's interview: "Pregunta." and "Respuesta." once, then "P." and "R.", a
# question opening with "¿".
PERIODICO = """Entrevista con la ministra

Pregunta. El Gobierno no tiene Presupuestos. ¿Es eso sostenible?

Respuesta. Lo es, porque la economía crece y el empleo también.

P. ¿Convocará elecciones?

R. No, no estamos en esa situación.
"""


def test_question_and_answer_by_word_and_letter_before_a_full_stop(registry: Registry) -> None:
    doc = parse(PERIODICO, registry)
    assert keys(doc) == ["question", "a", "question", "a"]
    assert said(doc)[2][1] == "¿Convocará elecciones?"


# A paper's interview copied without its bold: the questions are bare paragraphs asking
# "you", each answered below at greater length by an "I" or a "we"; the page calls itself
# an interview.
BOLD_LOST = """Interview: the harbour master on the new quay

By Mary Lane

When did you begin the work on the quay?

In the spring of 2019, after two years of surveys and a long argument with the city about who would pay for the dredging. I was against starting earlier.

Did you settle the argument?

Only in part. The city pays for the dredging and we pay for the quay itself, which was not what either side wanted at first.
"""  # noqa: E501

# An Italian paper's: no word of an interview in the excerpt, but every answer quoted,
# three at least.
QUOTED_ANSWERS = """Il ministro e le filiere

Resta che date l'idea di vivere un accerchiamento. Davvero pensate che sia il periodo peggiore?

«Il punto è che siamo entrati in una fase storica nuova, in cui si è chiusa l'era delle certezze.»

Per esempio che cosa?

«Si pensi agli approvvigionamenti alimentari ed energetici, che davamo per scontati.»

E ora che si fa?

«Ora vanno ricostruite le filiere, a partire da quelle energetiche e alimentari.»
"""

# A news story that asks once and mentions an interview: no conversation.
STORY_ASKING = """Harbour reopens

In an interview last week the mayor said the quay would open in May.

Will it open on time?

The contractors say the weather has been kind and the work is ahead of schedule.
"""

# A help page about interviews: its questions say "I", its answers "you".
HELP_PAGE = """How to prepare for a job interview

How early should I arrive?

You should arrive ten minutes early, so that you have time to find the room and settle.

What should I wear?

Dress one step more formally than the people who work there usually do.
"""

# A revision sheet's questions marked by bullets, answered in the third person.
REVISION = """Revision sheet: the French Revolution

● What were the causes of the Revolution?

The causes were the debts of the crown, bad harvests and the ideas of the Enlightenment.

● When did the Bastille fall?

The Bastille fell on 14 July 1789, after a day of fighting.
"""


def test_an_interviews_bare_questions_and_their_answers(registry: Registry) -> None:
    assert keys(parse(BOLD_LOST, registry)) == ["question", "a", "question", "a"]
    doc = parse(QUOTED_ANSWERS, registry)
    assert keys(doc) == ["question", "a"] * 3
    assert said(doc)[2][1] == "Per esempio che cosa?"
    for page in (STORY_ASKING, HELP_PAGE, REVISION):
        with pytest.raises(ParseError, match="holds no conversation"):
            parse(page, registry)


# A party's note in German: the title's names in the genitive and after an office, the
# first sentence with its verb before the speaker.
NOTIZ = """Aktennotiz über ein Gespräch Walter Brauns mit ZK-Mitglied Pjotr Sorin in Berlin, 3. Mai 1985

Nach der Begrüßung durch Genossen Braun bedankte sich Genosse Sorin für die Einladung in die Hauptstadt.

Genosse Walter Braun dankte Genossen Sorin für die Ausführungen und erklärte, dass die Zusammenarbeit gut verlaufe.
"""  # noqa: E501


def test_a_german_notes_verb_before_its_speaker_and_a_titles_genitive(
    registry: Registry,
) -> None:
    doc = parse(NOTIZ, registry)
    assert [u.texts["de"].label for u in doc.turns()] == ["Genosse Sorin", "Genosse Walter Braun"]
    assert said(doc)[0][1] == "für die Einladung in die Hauptstadt."
    assert keys(doc)[1] == "walter-braun"


# A Polish politburo protocol: who was present after "Obecni:", the month in Roman
# numerals, each member over a dash; one of them speaks only once in the excerpt.
PROTOKOL = """Protokół nr 12 z posiedzenia Biura Politycznego w dniu 4 III 1980 r.

Obecni: tow. tow. J. Kowal, A. Nowicki, P. Zając.

Porządek dzienny:

J. Kowal – Proponuję omówić sytuację w kraju.

A. Nowicki – Sytuacja jest trudna, ale opanowana.

J. Kowal – Dziękuję.
"""

# A hearing's draft record: a list heading over each speech, in a shape like a dash
# label, names no member.
DRAFT = """Draft transcript - Monday, 3 March 2008

Speech - The CLERK

Hon MARY STONE (Leader of the House): I move that Paul Grant take the chair.

Speech - The CLERK

Hon TOM REID (Whip): I second the nomination of Paul Grant.
"""


def test_a_protocols_listed_members_over_dashes(registry: Registry) -> None:
    doc = parse(PROTOKOL, registry)
    assert doc.metadata.date is not None and doc.metadata.date.isoformat() == "1980-03-04"
    assert doc.metadata.title.startswith("Protokół nr 12")
    assert [u.texts[doc.languages[0]].label for u in doc.turns()][1:] == ["A. Nowicki", "J. Kowal"]
    assert [u.texts["en"].label for u in parse(DRAFT, registry).turns()] == [
        "Hon MARY STONE (Leader of the House)",
        "Hon TOM REID (Whip)",
    ]


# A blog's transcript of a television programme: each name alone on its line in Chinese
# characters, the words below it in corner brackets.
CORNER_QUOTES = """「夜の番組」大臣インタビュー

2010.05.12 Wednesday

田中一郎
「このあと続いては佐藤さんのコーナーです。今日はどんなお話を」

佐藤次郎
「はい。今日は大臣に会ってきました。」

田中一郎
「それは楽しみですね。どんな方でしたか。」

佐藤次郎
「とても率直な方でした。」
"""


def test_names_alone_in_chinese_characters_over_words_in_corner_brackets(
    registry: Registry,
) -> None:
    doc = parse(CORNER_QUOTES, registry)
    assert keys(doc) == ["田中一郎", "佐藤次郎", "田中一郎", "佐藤次郎"]


# A magazine's Q and A: each "A." alone on the line under the question, the answer below.
ANSWER_ALONE = """Q. What will the new policy be?
A.
One of friendship with every neighbour.

Q. And the dispute over the border?
A.
We support the agreement of 1972 and believe the problem can be solved through it.
"""


def test_an_answers_letter_alone_under_the_question(registry: Registry) -> None:
    doc = parse(ANSWER_ALONE, registry)
    assert keys(doc) == ["question", "a", "question", "a"]
    assert said(doc)[3][1].startswith("We support the agreement")


# A Spanish magazine's dialogue: each line opened by a dash glued to its words, the
# speaker named after a second dash with his verb.
DIALOGO = """La reunión en La Habana

–¿Quiere saber mi opinión? –preguntó Castro.
–Por supuesto –respondió Mikoyan.
–Muy mala –afirmó Castro.
–¿En qué sentido? –preguntó Mikoyan.
"""


def test_a_spanish_dialogue_with_its_speakers_after_the_dash(registry: Registry) -> None:
    doc = parse(DIALOGO, registry)
    assert keys(doc)[1:] == ["mikoyan", keys(doc)[0], "mikoyan"]
    assert keys(doc)[0] != "mikoyan"


# -- pages that hold no conversation, though their lines look like the shapes above ------

FAQ = """Frequently asked questions

Shipping: We ship to every country in Europe within five working days.

Returns: You can return any item within thirty days of delivery.

Payment: We accept cards and bank transfers.
"""

BIOGRAPHY = """Anna Kowal

Born: 12 May 1921 in Kraków, the daughter of a teacher.

Died: 3 June 1999 in Paris, after a long illness.

Spouse: Jan Kowal, a painter she met in 1946.
"""

AUTHORS = """Authors of the series

John Smith, born in Leeds in 1950 and professor of history at York:

His books on the civil war have been translated into six languages. He lives in York.

Mary Jones, lecturer in medieval history at the University of Durham:

She has written three books on the Norman conquest and presents a programme on local radio.
"""

MEETING_STORY = """Gespräch zwischen Angela Berg und Paul Roux in Meseberg

Berlin, 19. Juni 2018. Die Kanzlerin und der Präsident haben sich am Dienstag getroffen.

Angela Berg sagte nach dem Treffen, man habe in vielen Fragen Einigkeit erzielt.

Paul Roux erklärte, Europa müsse enger zusammenarbeiten.
"""


@pytest.mark.parametrize("page", [FAQ, BIOGRAPHY, AUTHORS, MEETING_STORY])
def test_keys_authors_and_a_meetings_story_are_no_conversation(
    registry: Registry, page: str
) -> None:
    with pytest.raises(ParseError, match="holds no conversation"):
        parse(page, registry)


# A member's words cut into: the voice addresses the chair inside its bracket, and the
# member goes on after it in his own paragraph.
ADDRESSED = """Stenographisches Protokoll, 45. Sitzung, 12. März 1998

Präsident Dr. Karl Wendt: Ich erteile Herrn Abgeordneten Dr. Huber das Wort.

Abgeordneter Dr. Max Huber (ÖVP): Die Regierung hat versagt. (Abg. Dr. Lenz: Unerhört - Herr Präsident: Ordnungsruf!) Sie können schreien, so viel Sie wollen.
"""  # noqa: E501


def test_a_voice_addressing_the_chair_inside_its_bracket_is_one_voice(
    registry: Registry,
) -> None:
    doc = parse(ADDRESSED, registry)
    assert said(doc)[2] == ("lenz", "Unerhört - Herr Präsident: Ordnungsruf!")
    assert keys(doc)[3] == "max-huber"


def test_a_roman_month_needs_the_years_mark_or_its_full_stops() -> None:
    assert find_date("vol. 12 IV 1949 edition; the meeting held on 5 March 1953") == dt.date(
        1953, 3, 5
    )
    assert find_date("13. XII. 1981") == dt.date(1981, 12, 13)


# A Czech paper's record of talks: each man's office and name in full the first time he
# speaks (the office in lower case), his surname after; names with háčeks.
PROTOKOLY = """Moskevská jednání, část první

Předseda vlády Petr Novák: Máme připraven návrh, který už znáte.

Předseda parlamentu Jan Šťastný: Jako pracovní materiál jsme ho připravili.

Novák: Půjdeme po stránkách, první strana a tak dále.

Šťastný: Souhlasím, začněme.

Premiér Karel Černý: Vážení soudruzi, děkuji.

Novák: Prosím.

Černý: Všichni členové delegace pociťují závažnost rozhovorů.
"""


def test_an_office_and_name_in_full_then_the_surname(registry: Registry) -> None:
    doc = parse(PROTOKOLY, registry)
    assert keys(doc) == [
        *["petr-novák", "jan-šťastný", "petr-novák", "jan-šťastný"],
        *["karel-černý", "petr-novák", "karel-černý"],
    ]


# A magazine's page: its posting date on the by-line, the talk's date in its introduction.
POSTED = """Una noche en la ciénaga

Por Elena Ruiz   |   10/02/2020

La noche del 6 de febrero de 1960, en una cabaña junto a la laguna, hablaron hasta la madrugada.

–¿Cuánto azúcar pueden vender ustedes? –preguntó Mikoyán.
–Todo el que nos compren –respondió Castro.
–¿Y a qué precio? –preguntó Mikoyán.
"""


def test_a_by_lines_posting_date_gives_way_to_the_introductions(registry: Registry) -> None:
    doc = parse(POSTED, registry)
    assert doc.metadata.date == dt.date(1960, 2, 6)
    assert find_date("Před padesáti lety, 4. května 1968, odletělo vedení") == dt.date(1968, 5, 4)


# -- the second review's pages ------------------------------------------------------------

# A description before a full name is no office: the surname's turns stay the speaker's.
NAMESAKE = """Oral history: the shipyard

Interviewer: Could you tell me when you started at the yard?

Ellis: I started in 1961, straight from school, as an apprentice welder.

Interviewer: And what was the work like?

Ellis: Hard and noisy, but we looked after each other.

His wife Joan Ellis: He came home deaf every Friday.

Ellis: She's not wrong about that.
"""

# A French paper's digest: sections by accented words before a colon, no conversation.
DIGEST = """L'essentiel de la semaine

Économie: la croissance ralentit au troisième trimestre, selon l'institut.

Éducation: la réforme du baccalauréat est reportée d'un an.

État: le budget sera présenté en conseil des ministres mercredi.

Économie: les prix de l'énergie baissent pour le deuxième mois.

Éducation: les enseignants seront consultés en janvier.
"""

# An anniversary's opening over a briefing held the day the page is posted.
ANNIVERSARY = """Home › News › Briefings

By Staff Writer | 14/06/2023

On 26 May 1972 the two countries signed the treaty. At this morning's briefing the spokesman was asked about its future.

Question: Will the treaty survive the new talks?

Spokesman: It will, and it will be strengthened.

Question: When do the talks begin?

Spokesman: Next month, in Geneva.
"""  # noqa: E501


def test_the_second_reviews_pages(registry: Registry) -> None:
    assert keys(parse(NAMESAKE, registry))[1::2][:2] == ["ellis", "ellis"]
    with pytest.raises(ParseError, match="holds no conversation"):
        parse(DIGEST, registry)
    assert parse(ANNIVERSARY, registry).metadata.date == dt.date(2023, 6, 14)
    assert find_date("Jan Mareš, Novinky 4. 5. 2018, 6:00") == dt.date(2018, 5, 4)


# A ministry's summary of a press conference: the question and the answer in brackets.
KAIKEN = """副大臣会見要旨

2016年8月10日(水) 10:30

(問)国土交通副大臣として、特に取り組みたいことは何ですか。
(答)まず防災です。昨年の豪雨の教訓を生かしたいと思います。
(問)観光についてはどうですか。
(答)地方への誘客を進めます。
"""


def test_a_question_and_answer_in_brackets(registry: Registry) -> None:
    doc = parse(KAIKEN, registry)
    assert doc.languages == ["ja"]
    assert keys(doc) == ["question", "a", "question", "a"]
    assert said(doc)[1][1].startswith("まず防災です")
    assert keys(parse(ENTRETIEN, registry)) == ["question", "a", "question", "a"]
