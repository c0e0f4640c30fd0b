"""Records in Korean and Japanese: their languages named for their scripts, Korean labels
(a name before a colon or an equals sign, a broadcast's speaker in brackets alone on his
line) and Korean dates; and the dates a site's own furniture prints around a record.

Every page here is a few lines invented for the test in the shape of a published page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.ingest.dates import find_date
from app.ingest.furniture import is_furniture
from app.ingest.labels import run_in_dashes
from app.ingest.model import ParseError
from app.ingest.registry import Registry
from app.textnorm import han_language, script_language
from tests.ingest.test_reading_pages import parse
from tests.ingest.test_reading_pages_stenograms import keys, said

# A broadcaster's page: its section alone on a line over the title, the posting stamp,
# then the anchor and the guest in brackets alone on their lines, the guest's post after
# a slash.
BROADCAST = """[시사 초대석] 박민호 위원장에게 듣는다

경제

뉴스TV [시사 초대석] 박민호 위원장에게 듣는다
• 송고시간 2021-03-15 18:20:11

[앵커]

오늘은 박민호 위원장을 모시고 이야기를 나눠보겠습니다. 안녕하십니까.

[박민호 / 경제협력위원회 위원장]

네, 안녕하세요. 초대해 주셔서 감사합니다.

[앵커]

요즘 가장 큰 과제는 무엇입니까?

[박민호 / 경제협력위원회 위원장]

물가를 안정시키는 일입니다. 그래서 다음 달에 새 대책을 발표할 예정입니다.
"""

# A newspaper's transcript of a summit's small talk: "name = words", each speaker by his
# surname and office.
POOL = """정상 환담 대화록

입력 2001년 5월 10일 15시 20분

두 정상은 10일 오후 회담에 앞서 환담을 나눴다. 다음은 공동취재단이 전한 대화 내용이다.

이 위원장 = 먼 길 오시느라 피곤하지 않으셨습니까?

박 대통령 = 아닙니다. 날씨가 좋아서 편하게 왔습니다.

이 위원장 = 오늘 저녁에는 천천히 식사를 하시지요.

박 대통령 = 감사합니다. 기대하고 있겠습니다.
"""

# A ministry's blog: students put questions to a minister, every label a name and a colon.
BLOG = """장관과의 대화

학생 기자단이 장관을 만나 질문을 했습니다.

김하늘: 안녕하세요. 오늘 귀한 시간을 내 주셔서 감사합니다.

최영수: 장관님께서 가장 좋아하시는 책은 무엇입니까?

정태호: 역사책을 좋아합니다. 요즘은 조선 시대의 외교를 다룬 책을 읽고 있습니다.

김하늘: 학생들에게 한 말씀 부탁드립니다.

정태호: 많이 읽고 많이 물어보세요.
"""


def test_a_broadcasts_speakers_in_brackets(registry: Registry) -> None:
    doc = parse(BROADCAST, registry)
    assert doc.languages == ["ko"]
    # (the section "경제" over the title is nobody's turn)
    assert keys(doc) == ["앵커", "박민호", "앵커", "박민호"]
    assert said(doc)[1][1].startswith("네, 안녕하세요")


def test_a_korean_papers_names_before_equals_signs(registry: Registry) -> None:
    doc = parse(POOL, registry)
    assert doc.languages == ["ko"]
    assert keys(doc) == ["이-위원장", "박-대통령", "이-위원장", "박-대통령"]
    assert said(doc)[1][1].startswith("아닙니다.")
    assert doc.metadata.date == dt.date(2001, 5, 10)


def test_korean_names_before_colons(registry: Registry) -> None:
    doc = parse(BLOG, registry)
    assert keys(doc) == ["김하늘", "최영수", "정태호", "김하늘", "정태호"]


def test_kana_make_a_text_japanese_and_hangul_korean() -> None:
    assert han_language("国土交通副大臣として、特に取り組みたいことは何ですか。") == "ja"
    assert han_language("毛主席说：我们欢迎你们。") == "zh"
    # (a Chinese page's foreign name in katakana's marks, "ケネディ", stays Chinese)
    chinese = (
        "肯尼迪（ケネディ）总统和赫鲁晓夫在维也纳会谈了两天，双方讨论了柏林问题和禁止核试验"
        "问题，但是没有达成任何协议。会谈结束以后，两国代表团分别返回了本国。"
    )
    assert han_language(chinese) == "zh"
    assert script_language("안녕하십니까.") == "ko"
    assert find_date("2000년 6월 14일 오후") == dt.date(2000, 6, 14)


# A forum's archive: the post's date and author after it, a bar between them, over the
# broadcast's own title with its day and hour.
FORUM = """Архів форуму

Інтерв'ю Петра Коваля радіо «Світанок»

09/27/2003 | Читач
Інтерв'ю Петра Коваля радіо «Світанок» 25.09.2003 о 20.00

Ведучий: Добрий вечір, пане Петре! Сьогодні говоримо про вибори.

Коваль: Добрий вечір. Дякую за запрошення.

Ведучий: Чи будуть вибори чесними?

Коваль: Я вірю, що будуть, якщо всі дотримуватимуться закону.
"""

# A broadcaster's archive page: its menu without separators, the site's clock under it,
# the programme's day in brackets.
ARCHIVE = """Архив передач

Новости  Темы дня  Программы  Архив  Поиск
12.3.2024

История и современность
[14-05-06]

Беседа о Ялте

Ведущий: Сегодня мы говорим о Ялтинской конференции.

Гость: Это была последняя встреча трех лидеров в таком составе.

Ведущий: Что решили о Польше?

Гость: Решили провести выборы, но о сроках не договорились.
"""


def test_a_sites_stamps_give_way_to_the_records_day(registry: Registry) -> None:
    assert parse(FORUM, registry).metadata.date == dt.date(2003, 9, 25)
    assert parse(ARCHIVE, registry).metadata.date == dt.date(2006, 5, 14)
    assert find_date("звоните 451-58-03") is None  # (bare, such digits are a telephone's)


# -- members by a dash, buttons twice over, a run-in interview's trailing dots -------------

# A parliament's fragment: its buttons' words doubled (an icon's text glued to the label),
# then members by courtesy title, one with his seat, each once, the dash's space lost once.
FRAGMENT = """Download Full Day's HansardDownload Full Day's Hansard    View Or Save XMLView/Save XML

Previous Fragment    Next Fragment
Tuesday, 4 September 1973
Page: 812

Mr Harold Bryce (MALLEE, VICTORIA) - On a point of order, Mr Speaker. The Minister has not answered the question he was asked.

Mr SPEAKER -The Minister may answer as he sees fit.

Mr Dalton - I wish to add that the question was a fair one and deserves a fair answer from the Government.

Mr Ruddock - The answer has been given, and I will not repeat it.
"""  # noqa: E501

# A television interview typed out as one paragraph, its speakers' initials defined first;
# the dots of a trailing sentence before a label.
RUN_IN = (
    "Transcript of the broadcast. Anna de Vries (AV) Pieter Bakker (PB) AV: Good evening, "
    "and welcome, Mr Bakker... PB: Thank you... AV: You wrote your first book at twenty. "
    "Why so young? PB: Because nobody told me to wait... AV: And the second? PB: That one "
    "took ten years."
)


def test_members_by_a_dash_and_a_run_in_interview(registry: Registry) -> None:
    doc = parse(FRAGMENT, registry)
    assert [u.texts["en"].label for u in doc.turns()] == [
        "Mr Harold Bryce (MALLEE, VICTORIA)",
        "Mr SPEAKER",
        "Mr Dalton",
        "Mr Ruddock",
    ]
    assert "Hansard" not in (doc.metadata.title or "")
    assert said(doc)[1][1].startswith("The Minister may")
    assert keys(parse(RUN_IN, registry)) == ["av", "pb", "av", "pb", "av", "pb"]


# -- a minister's own note of a call ---------------------------------------------------------

# A minister's note in the first person: the visitor by name and post between commas, who
# "called and told me"; "He said…" is the visitor; the minister signs in capitals, and the
# site's own paragraphs follow the signature.
MINUTE = """No. 212 NAI DFA/305/14

DUBLIN, 11am, 3 March 1947

Mr. Arthur Blake, the British Representative, called and told me that his Government wished to discuss the trade talks before the summer. I said that we were ready to discuss them at any time.

He said that London would prefer a meeting in May. I said that May would suit us, provided the agenda was agreed beforehand.

SEAN MORAN

The Academy's series of diplomatic documents is published in annual volumes.
"""  # noqa: E501


def test_a_ministers_note_signed_in_capitals(registry: Registry) -> None:
    doc = parse(MINUTE, registry)
    assert keys(doc) == ["sean-moran", "arthur-blake", "sean-moran"]
    assert said(doc)[1][1].startswith("said that London")


# A council's verbatim record: every paragraph numbered, each speech's first one opening
# with the speaker, his country and the language it was translated from.
VERBATIM = """Security Council
Official Records

1412th MEETING: 14 MARCH 1968

Held in New York on Thursday, 14 March 1968, at 3 p.m.

President: Mr. Paul ARNAUD (France).

Adoption of the agenda

The agenda was adopted.

1. The PRESIDENT (translated from French): I call on the representative of Canada.

2. Mr. HOLLOWAY (Canada): Thank you, Mr. President. My delegation has asked to speak because the report before us deserves an answer today.

3. The report shows that the observers were unable to reach the border.

4. The PRESIDENT (translated from French): I thank the representative of Canada for his statement.
"""  # noqa: E501


def test_a_verbatim_records_numbered_paragraphs(registry: Registry) -> None:
    doc = parse(VERBATIM, registry)
    labels = [u.texts["en"].label for u in doc.turns()]
    assert labels == [
        "The PRESIDENT (translated from French)",
        "Mr. HOLLOWAY (Canada)",
        "The PRESIDENT (translated from French)",
    ]
    assert said(doc)[1][1].endswith("unable to reach the border.")
    # (the chair is the man the head names as President)
    assert keys(doc)[0] == "paul-arnaud"
    # (speaking once, his interpretation noted, he is a speaker already)
    once = VERBATIM.rsplit("\n4. ", 1)[0].replace("2. Mr. HOLLOWAY (Canada)", "2. Mr. HOLLOWAY")
    assert keys(parse(once, registry))[0] == "paul-arnaud"


# -- the review's pages: what the rules above must not take --------------------------------

# A record's own dateline with its place after a bar, under the title, and an earlier
# day in the introduction.
BARRED = """Conversation between the Chancellor and the Premier
06/11/1999 | Chancellery
Participants: the Chancellor; the Premier

The meeting had been agreed in a letter of 3 May 1999.

Chancellor: Welcome back to Bonn.

Premier: Thank you. It is good to be here again.

Chancellor: Shall we begin with the budget?

Premier: Yes, let us.
"""

# A scanned memorandum whose heading the scanner spaced out, over its date.
SPACED = """MEMORANDUM  OF  CONVERSATION  SECRET
June 5, 1997

The meeting followed the letters of 12 May 1996.

The Secretary: I am glad we could meet before the summit.

Kozyrev: So am I.

The Secretary: Let us begin.
"""

# A parish newsletter: people remembered by name and a dash; the vicar and churchwarden
# speak in its report of a meeting.
OBITUARIES = """Parish Newsletter

Mr Arthur Bell - Farmer at Low Moor for fifty years, and a churchwarden for twenty.

Mrs Edna Pike - Taught at the village school until 1962.

Mr Harold Shaw - Bellringer, gardener and friend to all.

Our thoughts are with their families.
"""

# A broadcast whose moderator speaks once, before the two guests who speak again.
MEETING = """Transcript of a public meeting

MODERATOR

Good evening and welcome. Tonight we have two guests.

HARGREAVES

Thank you. I have worked underground for twenty years.

BRAITHWAITE

I understand the fear, but the board has decided.

HARGREAVES

Then the board should come down the pit.

BRAITHWAITE

We will, next month.
"""

# A Korean news interview: the reporter's by-line before "=", questions after a double
# dash, the answers by the minister's surname and post; a formula with "=" in a reply.
KOREAN_INTERVIEW = """김 장관 "협상은 계속된다"

2019년 3월 2일

박지훈 기자 = 김철수 외교부 장관은 2일 인터뷰에서 협상은 계속된다고 말했다.

-- 협상을 어떻게 보십니까?

김 장관 = 신중하게 보고 있습니다. 실질 임금 = 명목 임금 나누기 물가 지수라는 말처럼 간단하지 않습니다.

-- 다음 회담은 언제입니까?

김 장관 = 다음 달입니다.
"""  # noqa: E501

# Stage directions in brackets alone on their lines, in Japanese, Korean and an English
# oral history's tape sides.
STAGED = """記者会見

司会: ただいまから会見を始めます。

総理: 本日は経済対策についてお話しします。

[拍手]

記者: 財源はどうするのですか。

総理: 国債で賄います。

[中略]

記者: ありがとうございました。
"""

TAPES = """Oral history interview

HARDY: Where were you born?

ELLIS: In Dayton, in 1921.

[End of Tape 1 / Side A]

[Tape 1 / Side B]

HARDY: You were telling me about the factory.

ELLIS: Yes. We made parts for the war.
"""

# A Chinese interview whose guest names cartoons by their Japanese titles.
CARTOONS = """专访动画导演

主持人：您小时候最喜欢哪部动画？

导演：当然是《ドラえもん》，还有《ちびまる子ちゃん》和《クレヨンしんちゃん》。

主持人：这些作品对您有什么影响？

导演：很大。我学会了用简单的画面讲故事。
"""


def test_the_reviews_pages_for_the_scripts_round(registry: Registry) -> None:
    assert parse(BARRED, registry).metadata.date == dt.date(1999, 6, 11)
    spaced = parse(SPACED, registry)
    assert spaced.metadata.date == dt.date(1997, 6, 5)
    assert "MEMORANDUM" in (spaced.metadata.title or "")
    with pytest.raises(ParseError, match="holds no conversation"):
        parse(OBITUARIES, registry)
    assert keys(parse(MEETING, registry))[0] == "moderator"
    korean = parse(KOREAN_INTERVIEW, registry)
    assert keys(korean) == ["question", "김-장관", "question", "김-장관"]
    assert said(korean)[1][1].endswith("간단하지 않습니다.")
    staged = parse(STAGED, registry)
    assert "[拍手]" not in " ".join(text for _, text in said(staged))
    assert keys(staged) == ["司会", "総理", "question", "総理", "question"]
    tapes = " ".join(text for _, text in said(parse(TAPES, registry)))
    assert "Side A" not in tapes and "Side B" not in tapes
    assert parse(CARTOONS, registry).languages == ["zh"]
    assert not is_furniture("Hahahahahahahahahahahaha okay, so the promoter locked us out")
    assert is_furniture("Download PDFDownload PDF")


# -- a memoir's dashes, a Polish broadcaster's day -------------------------------------------

# A memoir's dialogue one line a turn, each name and a full stop before a dash; one
# speaker's initials, the other's surname, neither known to the reference data.
MEMOIR = """Le Président reçoit le Chancelier à dîner.
Brandt. — Vous devriez venir à Berlin, on vous y attend.
GdG. — Non, pas cette année.
Brandt. — Alors l'année prochaine, peut-être.
GdG. — Peut-être. Nous verrons ce que dira le Parlement.
Brandt. — Le Parlement dira oui, comme toujours.
"""

# A broadcaster's page: the site's user and the day he posted, the title, then the
# programme's own day, its month abbreviated, its year in two digits and the hour.
RADIO = """Logo Radia
edytor edytor 04.07.2008

Rozmowa o polityce wschodniej

05 lip 08 g. 7.15

Jan Kowal: Naszym gościem jest minister. Witamy serdecznie.

Minister: Dzień dobry, witam państwa.

Jan Kowal: Czy rozmowy z Moskwą przyniosą skutek?

Minister: Jestem ostrożnym optymistą.
"""


def test_a_memoirs_dashes_and_a_polish_broadcasters_day(registry: Registry) -> None:
    assert keys(parse(MEMOIR, registry)) == ["brandt", "gdg", "brandt", "gdg", "brandt"]
    assert parse(RADIO, registry).metadata.date == dt.date(2008, 7, 5)


# A radio station's transcript: the guest's office after his name the first time, then
# the office alone; the station's town in the title.
STATION = """Radio interview - Coast FM Geelong

Transcript

JANE ROSS, HOST: Our guest this morning is the Premier, Tom Hale. Good morning.

TOM HALE, PREMIER: Good morning, Jane. Lovely to be here.

ROSS: Was that your own singing we heard before the news?

PREMIER: It was not, I promise you.

ROSS: We'll take your word for it.

PREMIER: Thank you.
"""


def test_an_office_alone_after_the_name_and_office(registry: Registry) -> None:
    assert keys(parse(STATION, registry)) == [
        "jane-ross",
        "tom-hale",
        "jane-ross",
        "tom-hale",
        "jane-ross",
        "tom-hale",
    ]


# -- a minute's writer, a page's posting stamp ----------------------------------------------

# A minute "by" its writer "on a conversation" (a place in brackets), signed in capitals
# with his initials, the site's paragraph about itself below the signature.
SIGNED = """Minute by Walsh on a conversation with Carew (Dublin)
DUBLIN, 3pm, 9 May 1948

Mr. Carew, the Canadian High Commissioner, called and told me that Ottawa would support our application.

I said that we were grateful and asked when the announcement would be made.

He said that it would be made on Monday.

M. J. WALSH

The Documents series prints the Department's records of the period, with notes, as they stand in the archives.
"""  # noqa: E501

# A news site's interview: its posting stamp, a lead that sets the talk "today".
STAMPED = """News  Politics  World  Business  Culture

Posted 2015-06-12 14:05:33

The minister spoke to us today about the harbour plan.

Interviewer: Will the harbour be finished this year?

Minister: It will, if the weather is kind to us.

Interviewer: And the cost?

Minister: Within the budget, I promise you.
"""

# The same page, its lead silent about the day: a posting stamp alone dates nothing.
UNSTAMPED = STAMPED.replace("today ", "")


def test_a_minutes_writer_and_a_pages_posting_day(registry: Registry) -> None:
    signed = parse(SIGNED, registry)
    assert keys(signed) == ["walsh", "carew"]
    assert "Documents series" not in " ".join(text for _, text in said(signed))
    assert parse(STAMPED, registry).metadata.date == dt.date(2015, 6, 12)
    assert parse(UNSTAMPED, registry).metadata.date is None
    applause = "AV: Welcome, Mr Bakker. (applaus) PB: Thank you. AV: Sit down, please. PB: I will."
    run_in = parse(f"Transcript: Anna Vos (AV), Piet Bakker (PB)\n\n{applause}", registry)
    assert [u.texts["en"].label for u in run_in.turns()] == ["AV", "PB", "AV", "PB"]


# A Hansard site's day page: each member's name and a colon alone, his post, seat and party
# on the line below, his speech after.
POSTS = """House of Representatives
12 March 1975

Mr BRENNAN:
Minister for Transport · Corio · ALP

- Mr Speaker, I present the report of the committee on the harbour works.

Mr ASHFORD:
Deputy Leader of the Opposition · Lyne · LP

- The report came too late for members to read it before the debate.

Mr BRENNAN:
Minister for Transport · Corio · ALP

- It came on the day the committee finished its work.
"""


def test_a_members_post_seat_and_party_under_his_name(registry: Registry) -> None:
    doc = parse(POSTS, registry)
    assert keys(doc) == ["brennan", "ashford", "brennan"]
    assert said(doc)[0][1].startswith("- Mr Speaker, I present")


# A Spanish paper's interview, its date in slashes: the day first, as Spanish writes it.
ENTREVISTA = """Entrevista con la ministra de Asuntos Exteriores

Madrid, 10/02/2020

Pregunta: ¿Cómo valora usted las conversaciones de la semana pasada con sus colegas?

Respuesta: Fueron muy útiles, porque todos queremos que la frontera siga abierta.

Pregunta: ¿Y el acuerdo sobre la pesca en las aguas del norte?

Respuesta: Todavía no está cerrado, pero lo estará antes del verano.
"""


def test_a_slashed_date_is_read_as_the_pages_language_writes_it(registry: Registry) -> None:
    assert parse(ENTREVISTA, registry).metadata.date == dt.date(2020, 2, 10)
    assert find_date("Madrid, 10/02/2020") == dt.date(2020, 10, 2)  # (alone: American)


# A Japanese ministry's summary of a talk, each point "from" a minister, and a Diet
# committee's record, each member's office before his name in brackets with "君" (one
# copy's opening bracket lost).
GAIKO = """日英外相会談(概要)

平成25年5月12日

5月12日午後3時から約1時間,山田外務大臣は,来日中のブラウン英国外相と会談を行ったところ,概要以下のとおり。

(1)冒頭,山田大臣からブラウン外相の来日を歓迎し,両国の協力を一層進めたいと述べた。

(2)ブラウン外相から,英国は日本との関係を非常に重視している旨の発言があった。

(3)山田大臣より,経済分野の対話を継続したいと述べた。

(4)ブラウン外相から,来年の首脳会談に向けて準備を進めたい旨発言があった。

5 山田大臣から,協力の成果を来年の会談で確認したいと述べた。

6 これに対し,ブラウン外相から,同感である旨の発言がありました。
"""

KOKKAI = """第8回国会 参議院 運営委員会 第3号

○委員長（佐藤一郎君）　それではこれより委員会を開きます。

議長鈴木次郎君)　一言御報告を申し上げます。本日の本会議は午後一時から開きます。

○委員長（佐藤一郎君）　ただいまの御報告の通りでございます。
"""


def test_a_japanese_ministrys_summary_and_a_diet_committee(registry: Registry) -> None:
    summary = parse(GAIKO, registry)
    assert summary.languages == ["ja"]
    assert summary.metadata.date == dt.date(2013, 5, 12)  # (the Heisei era's 25th year)
    assert keys(summary) == [
        "山田大臣",
        "ブラウン外相",
        "山田大臣",
        "ブラウン外相",
        "山田大臣",
        "ブラウン外相",
    ]
    assert keys(parse(KOKKAI, registry)) == ["佐藤一郎", "铃木次郎", "佐藤一郎"]  # (keys fold 鈴)


# -- pages saved as HTML or exported as XML ---------------------------------------------------

# A government printer's XML export: each paragraph an element over several lines, the
# speaker's name in its own element, the markup indented.
EXPORT = """<?xml version="1.0"?>
<granule>
    <item-head>
        Interview With Ann Price of the Evening Herald
    </item-head>
    <item-date>
March 3, 2011</item-date>
    <para>
        <Emphasis>
Ms. Price.</Emphasis>
                 Mr. President, thank you for seeing us.
    </para>
    <para>
        <Emphasis>
The President.</Emphasis>
                 It's a pleasure &amp; an honour.
    </para>
    <para>
        <Emphasis>
Ms. Price.</Emphasis>
                 Let me start with the budget.
    </para>
    <para>
        <Emphasis>
The President.</Emphasis>
                 Go ahead.
    </para>
</granule>
"""

# A press conference saved from a portal: paragraphs in <P>, questions in bold, a script.
SAVED = """<html><head><title>外交部发言人答记者问</title>
<script>var x = "问:不是问题";</script></head><body>
<P>7月13日下午,外交部发言人主持例行记者会。</P>
<P><B>问:请介绍一下这次访问的安排。</B></P>
<P>答:访问期间,两国领导人将举行会谈。</P>
<P><B>问:双方会签署哪些文件?</B></P>
<P>答:我们会适时发布消息。</P>
</body></html>
"""


def test_a_page_saved_as_html_or_exported_as_xml(registry: Registry) -> None:
    export = parse(EXPORT, registry)
    assert [u.texts["en"].label for u in export.turns()] == [
        "Ms. Price",
        "The President",
        "Ms. Price",
        "The President",
    ]
    assert said(export)[1][1] == "It's a pleasure & an honour."
    assert export.units[-1].texts["en"].line_start == 23  # (the file's line its element opens)
    saved = parse(SAVED, registry)
    assert said(saved)[0][1] == "请介绍一下这次访问的安排。"
    assert "var x" not in " ".join(text for _, text in said(saved))


# An Italian paper's interview: no names, the prompts asking or trailing off, every answer
# in guillemets with its full stop after them, the page cut inside the last answer.
INTERVISTA = """Alla Farnesina una settimana difficile, tra il vertice europeo e le tensioni nei Balcani. Il ministro ci riceve nel suo ufficio.

Partiamo dai Balcani. La situazione sembra peggiorare...

«Non direi peggiorare. Ci sono tensioni, ma i canali del dialogo restano aperti e noi lavoriamo perché restino tali».

E il vertice di lunedì?

«Porterò una proposta chiara: una gestione comune delle frontiere esterne, con regole uguali per tutti».

Gli altri governi la seguiranno?

«Molti sì. Con alcuni serve ancora tempo, ma la direzione è quella giusta e lo sanno anche loro. Non poss"""  # noqa: E501


def test_an_interview_of_prompts_and_quoted_answers(registry: Registry) -> None:
    assert keys(parse(INTERVISTA, registry)) == ["question", "a"] * 3


# A parliament mirror's questions: each speech under the member's photo's words, his name,
# party and seat (or office), the time of the first.
MIRROR = """Topical Questions

Photo of Dame Ruth Hale Dame Ruth Hale Conservative, Wellbridge 11:30, 4 May 2016

If he will make a statement on his departmental responsibilities.

Photo of Tom Garner Tom Garner Secretary of State for Transport

My priority this month is the rail timetable, which will change in the spring.

Photo of Dame Ruth Hale Dame Ruth Hale Conservative, Wellbridge

Will the Secretary of State meet me to discuss the line to Wellbridge?
"""


def test_a_mirrors_photo_headings_with_party_and_seat(registry: Registry) -> None:
    assert keys(parse(MIRROR, registry)) == ["dame-ruth-hale", "tom-garner", "dame-ruth-hale"]


# A Spanish government's transcript: the question and the answer by their letters with a
# full stop and a dash ("P.-", "R.-"), one answer mistyped "R:.-".
TRANSCRIPCION = """Entrevista a la ministra en Radio Norte

3.5.2018

P.- Ministra, buenos días y bienvenida a los micrófonos de la radio.
R.- Buenos días, gracias por la invitación.

P.- ¿Qué espera usted de la reunión de mañana en Bruselas?
R:.- Espero un acuerdo sobre los fondos, aunque no será fácil.

P.- ¿Y si no hay acuerdo?
R.- Seguiremos negociando, como siempre hemos hecho.
"""


def test_a_spanish_transcripts_letters_and_dashes(registry: Registry) -> None:
    doc = parse(TRANSCRIPCION, registry)
    assert keys(doc) == ["question", "a"] * 3
    assert said(doc)[3][1].startswith("Espero un acuerdo")


# -- the second review's pages ----------------------------------------------------------------

# A historic call posted years later: the speaker's own "today" dates nothing.
HISTORIC = """Telephone Conversation Between the President and the Governor
Posted: 14 September 2012

The following is a transcript of a recorded call about the university.

PRESIDENT: Hello, Governor. I am calling today because we need to settle this business.

GOVERNOR: Well, Mr. President, I appreciate your calling.

PRESIDENT: The court order has to be obeyed.
"""

# A Chinese interview writing its guest's name with a middle dot; a minute's topics over
# what others said; a press conference where one reporter gives his name and paper once.
MIDDOT = """专访：美国前总统乔治 · 布什

主持人：布什先生，欢迎您来到我们的节目。

乔治 · 布什：谢谢，很高兴来到北京。

主持人：您对奥运会有什么期待？

乔治 · 布什：我期待看到精彩的比赛。
"""

TOPICS = """Record of the Meetings of the Foreign Ministers
Paris, May 24, 1949

Berlin. — The Secretary of State opened by saying that the blockade must not return.

Austria. — Mr. Vyshinsky said the Soviet delegation could not accept the draft.

Berlin. — At the third meeting Mr. Bevin proposed a working group on the currency.

Austria. — The Ministers agreed to instruct the deputies to resume work on the treaty.
"""

PRESSER = """Press conference, Canberra

PRIME MINISTER: Good morning everyone.

JOURNALIST: Prime Minister, how much will it cost?

PRIME MINISTER: The cost will be set out in the budget.

MARK RILEY, JOURNALIST: Will the workers be trained here?

PRIME MINISTER: Yes, in Adelaide.

JOURNALIST: Is the opposition on board?
"""


def test_the_second_reviews_pages_for_this_round(registry: Registry) -> None:
    assert parse(HISTORIC, registry).metadata.date is None
    assert keys(parse(MIDDOT, registry))[1] == "乔治-布什"
    with pytest.raises(ParseError, match="holds no conversation"):
        parse(TOPICS, registry)
    reporters = keys(parse(PRESSER, registry))[1::2]
    assert reporters == ["journalist", "mark-riley", "journalist"]


# A Chinese interview whose answer quotes what friends said, a verb and a colon after a
# comma: no speaker's label.
FRIENDS = """访问记

胡:这些年你受委屈了。

陆:不过现在你看我,身体还好,也应该满意了。我到香港以后,朋友们说:你怎么还是这个样子?有的朋友甚至说:你怎么还在人间!

胡:这是好事。
"""


def test_friends_quoted_in_a_chinese_answer(registry: Registry) -> None:
    assert keys(parse(FRIENDS, registry)) == ["胡", "陆", "胡"]


# A memorandum of a telephone call by an official named in brackets: the caller "called by
# telephone to ask", and is the "He" who asks after; the writer is "I".
TELEPHONED = """Memorandum of Telephone Conversation, by the Under Secretary of State (Grady)

Top Secret

Sir Alan Pryce called by telephone to ask whether there was any news of the President's decision.

I replied that the matter was before the President and that I could tell him nothing further.

He asked if there was any indication of the time of a decision. I told him that there was none.
"""


def test_a_telephone_memorandum_and_its_classification(registry: Registry) -> None:
    assert keys(parse(TELEPHONED, registry)) == ["grady", "alan-pryce", "grady"]


# An inquiry's transcript copied from its PDF: one paragraph, its line numbers run in; the
# witness answers counsel's first words before any "Q." is put.
INQUIRY = (
    "Day 4 AM The Harbour Inquiry 3 May 2012 Page 1 1 Thursday, 3 May 2012 2 (10.00 am) "
    "3 THE CHAIR: Good morning, Mr Kent. 4 MR KENT: Good morning, sir. Our first witness "
    "is 5 Ms Lowe. 6 THE CHAIR: Thank you. 7 MS JANE LOWE (affirmed) 8 Questions by MR KENT "
    "9 MR KENT: Good morning, Ms Lowe. 10 A. Good morning. 11 Q. Could you give the "
    "Inquiry your full name? 12 A. Jane Margaret Lowe. 13 Q. You were the harbour's "
    "engineer? 14 A. Yes, I was, for eleven years. 15 Q. And you wrote the report? 16 A. I "
    "did, with two colleagues."
)


def test_a_run_in_inquiry_transcript_with_line_numbers(registry: Registry) -> None:
    turns = said(parse(INQUIRY, registry))
    assert [key for key, _ in turns[-7:]] == ["jane-lowe", "kent"] * 3 + ["jane-lowe"]
    assert turns[-7][1].startswith("Good morning.")  # (the answer to counsel's greeting)


# An archive's search results: each a date, a paper's title in capitals and sometimes a
# summary that reports what someone said; no record of its own.
RESULTS = """Skip to content

1 - 10 of 14

April 25, 1960

Transcript of Conversation between the Premier and Reporters in Delhi

Reporters ask the Premier about the border. The Premier says that his country has never invaded another.

December 3, 1949

The Premier's Approval of the Ministry's Travel Documents

June 10, 1970

Record of Conversation of the Marshal with the Chairman

November 7, 1959

The Premier's Letter to the Prime Minister

September 8, 1959

The Premier's Letter to the Prime Minister on the Border

January 23, 1959

Letter from the Premier to the Prime Minister of India
"""  # noqa: E501

# A diary: each day's date, a heading and the talk in several paragraphs.
DIARY = """Diary of the Ambassador

March 3, 1962

Meeting with the Foreign Minister

The Foreign Minister said that the talks on Berlin could resume in April.

I said that my government would welcome that.

He said that the Chancellor would be consulted first.

March 4, 1962

Lunch with the Chancellor at the Palace

The Chancellor said that he would not object to the talks.

I said that I would report this to Washington at once.
"""


def test_a_search_for_papers_is_refused_and_a_diary_is_not(registry: Registry) -> None:
    with pytest.raises(ParseError, match=r"lists \d+ records"):
        parse(RESULTS, registry)
    assert len(keys(parse(DIARY, registry))) >= 4


# A presidency's transcript of a press conference, typed in capitals and run together: the
# President and the questions each by a word and ".-".
CONFERENCE = (
    "CONFERENCE DE PRESSE DU PRESIDENT A BONN, MARDI 4 JUIN 1974 LE PRESIDENT.- JE VOUS "
    "REMERCIE D'ETRE VENUS. Y A-T-IL DES QUESTIONS ? QUESTION.- ETES-VOUS SATISFAIT DE "
    "CETTE VISITE ? LE PRESIDENT.- TRES SATISFAIT. NOUS AVONS BEAUCOUP TRAVAILLE. "
    "QUESTION.- ET LA QUESTION MONETAIRE ? LE PRESIDENT.- ELLE SERA REGLEE EN JUILLET."
)


def test_a_press_conference_in_capitals_run_together(registry: Registry) -> None:
    doc = parse(CONFERENCE, registry)
    assert keys(doc) == ["le-president", "question"] * 2 + ["le-president"]
    assert said(doc)[1][1] == "ETES-VOUS SATISFAIT DE CETTE VISITE ?"


# A memorandum told in the first person under section headings, one of them naming the
# writer's own visit.
SECTIONS = """34. Memorandum of Conversation1

  • Dr. Henry A. Kissinger, Assistant to the President
  • Anatoliy F. Dobrynin, Soviet Ambassador

The meeting began with pleasantries about our vacations.

Kissinger Visit

Brezhnev was looking forward to receiving me and intended to conduct the talks himself.

Dobrynin asked whether I could stay three days. I said that two would be enough.

Dobrynin then asked about the agenda. I told him that we would send it by Friday.
"""


def test_a_section_heading_naming_a_member_is_no_speaker(registry: Registry) -> None:
    doc = parse(SECTIONS, registry)
    assert "kissinger-visit" not in keys(doc)
    assert keys(doc)[0] == "anatoliy-dobrynin"


# -- the third review's pages ---------------------------------------------------------------

# A diary whose days carry capitalised headings, in order: a record, not a search's list.
DAYS = """Diary of the Ambassador, March 1962

March 3, 1962
Lunch With Gromyko At The Foreign Ministry

Gromyko said that his government was ready to talk. I told him we were ready too.

March 4, 1962
Dinner At The Residence For The Visiting Senators

Senator Fulbright said the mood was better than he had expected.

March 5, 1962
Call On The Chairman In The Kremlin

The Chairman said that he would not wait forever. I replied that we did not expect him to.

March 6, 1962
Talk With The British And French Ambassadors

The British Ambassador said London wished to move slowly.

March 7, 1962
Gromyko Again On The Access Routes

Gromyko said the routes could be discussed in Geneva.
"""

# A tape's transcript with an agent of the Secret Service among its speakers; a cable's
# fields run together with ".-", no voices; a chair's sentence naming a witness "A. Jones".
AGENT = """Conversation in the Oval Office

NIXON: Is the car ready?

SECRET SERVICE AGENT: Yes, Mr. President, at the south entrance.

NIXON: Good.

SECRET SERVICE AGENT: We leave in five minutes, sir.
"""

FIELDS = (
    "NOTA DE LA CONVERSACION. ASUNTO.- VISITA DEL SECRETARIO. REFERENCIA.- TELEGRAMA 112. "
    "ANTECEDENTES.- LA REUNION DE ENERO."
)


def test_the_third_reviews_pages(registry: Registry) -> None:
    assert len(keys(parse(DAYS, registry))) >= 5
    assert keys(parse(AGENT, registry)).count("secret-service-agent") == 2
    assert run_in_dashes(FIELDS) == []


# -- the talk's day among a site's lines ----------------------------------------------------

# A parliament's page: its name, the sitting's weekday and day, the section, the site's
# clock, then the members' questions and the answer.
SITTING = """Chamber debates

Tuesday, 14 March 2023

Questions

Housing Policy

9:12 am

Ann Byrne (Dublin North, Labour): 4. To ask the Minister when the housing plan will be published.

John Walsh (Minister for Housing): The plan will be published before the summer recess.

Ann Byrne (Dublin North, Labour): Will the Minister give a date for it?

John Walsh (Minister for Housing): I cannot give a date today.
"""


def test_a_sittings_day_over_a_parliaments_page_dates_it(registry: Registry) -> None:
    assert parse(SITTING, registry).metadata.date == dt.date(2023, 3, 14)


# A blog's lead in Slovak over a Czech document whose own dateline, with the month in the
# nominative, stands right above the first turn.
DOCUMENT_UNDER_A_LEAD = """Rozhovor v Moskve. I. časť.

21. augusta 1968 sa začala okupácia. Dnes uverejňujem prvú časť záznamu.

24. srpen 1968, Moskva. – Záznam rozhovoru sovětských a československých představitelů.

Brežněv: Jak se cítíte?

Svoboda: Špatně, jako všichni.

Brežněv: Pojďme mluvit klidně.

Svoboda: Dobře.
"""


def test_the_documents_own_dateline_under_a_bloggers_lead(registry: Registry) -> None:
    assert parse(DOCUMENT_UNDER_A_LEAD, registry).metadata.date == dt.date(1968, 8, 24)


# A site's post: the title with the talk's day in brackets after a colon, then the site's
# sections between bars and the day it posted the record.
POSTED_UNDER_SECTIONS = """Gromyko y Castro: Conversación (12 de mayo, 1963)

Historia | Documentos | 3 de marzo de 2021

GROMYKO pregunta si la delegación ha descansado bien.

CASTRO responde que sí y agradece la hospitalidad soviética.

GROMYKO dice que el gobierno soviético está dispuesto a ayudar.

CASTRO afirma que Cuba lo agradece profundamente.
"""


def test_a_titles_day_in_brackets_over_the_sites_posting_day(registry: Registry) -> None:
    assert parse(POSTED_UNDER_SECTIONS, registry).metadata.date == dt.date(1963, 5, 12)


# -- scripts with no capitals, and Greek ---------------------------------------------------

ARABIC = """لقاء عبدالناصر وكاسترو

الرئيس: مرحبا بكم في القاهرة.

كاسترو: شكرا جزيلا، سعدت بلقائك.

الرئيس: كيف كانت الرحلة؟

كاسترو: كانت طويلة لكنها جميلة.
"""

GREEK = """Συνέντευξη με τον υπουργό

Δημοσιογράφος: Καλησπέρα σας, κύριε υπουργέ.

Υπουργός: Καλησπέρα σε εσάς.

Δημοσιογράφος: Τι θα κάνετε τώρα;

Υπουργός: Θα συνεχίσουμε τη δουλειά μας.
"""


@pytest.mark.parametrize(("page", "language"), [(ARABIC, "ar"), (GREEK, "el")])
def test_labels_in_arabic_and_greek_letters(page: str, language: str, registry: Registry) -> None:
    doc = parse(page, registry)
    assert doc.languages == [language]
    labels = [u.speaker.label for u in doc.turns() if u.speaker]
    assert len(labels) == 4 and labels[0] == labels[2] != labels[1] == labels[3]


# A Korean ministry's briefing: the questions and answers in angle brackets, one a line,
# the reporter named in brackets after his question.
ANGLED = """II. 질의 및 응답
<질문> 어제 회담의 결과를 설명해 주시고 다음 일정도 알려 주십시오. (한국일보 김민수 기자)
<답변> 양측은 어제 회담에서 여러 현안에 대해 폭넓게 의견을 교환했습니다.
<질문> 다음 회담은 언제 열립니까?
<답변> 아직 정해지지 않았습니다.
"""


def test_a_briefings_questions_and_answers_in_angle_brackets(registry: Registry) -> None:
    doc = parse(ANGLED, registry)
    assert [u.speaker.key for u in doc.turns() if u.speaker][::2] == ["question", "question"]
    assert [u.speaker.label for u in doc.turns() if u.speaker][1::2] == ["답변", "답변"]
    assert said(doc)[1][1].startswith("양측은 어제 회담에서")


# A Korean broadcaster's transcript run into one line, each speaker after a "⊙".
CIRCLED = """국회 일문일답

⊙앵커: 오늘 일문일답이 처음 열렸습니다. 김민수 기자입니다. ⊙기자: 의원 열한 명이 나섰습니다. \
⊙박철(민주당 의원): 전망은 어떻습니까? ⊙최영(국무총리): 착실하게 추진되고 있습니다. \
⊙기자: 질문 시간은 15분으로 제한됐습니다.
"""


def test_a_korean_transcripts_speakers_after_circles(registry: Registry) -> None:
    doc = parse(CIRCLED, registry)
    assert [u.speaker.label for u in doc.turns() if u.speaker] == [
        "앵커",
        "기자",
        "박철(민주당 의원)",
        "최영(국무총리)",
        "기자",
    ]


# A paper's excerpt of a telephone record: the lead names the talk and its day, the day's
# stop no end of the sentence.
LEAD_NAMES_THE_TALK = """So planten sie den Mauerbau

Es ist ein Dokument voller Kälte: die Protokolle des Telefongesprächs zwischen Nikita
Chruschtschow und Walter Ulbricht am 1. August 1961. Thema: die Grenze.

Chruschtschow: Bei euch sind viele Ingenieure weggegangen.

Ulbricht: Wir haben beschlossen, Arbeiter aus Bulgarien zu holen.

Chruschtschow: Das ist eine gute Idee.
"""


def test_a_leads_sentence_naming_the_talk_dates_it(registry: Registry) -> None:
    assert parse(LEAD_NAMES_THE_TALK, registry).metadata.date == dt.date(1961, 8, 1)


def test_a_korean_papers_equals_sign_with_the_words_glued_after_it(registry: Registry) -> None:
    page = POOL.replace(" = ", " =")
    assert keys(parse(page, registry)) == keys(parse(POOL, registry))
    assert [text[:4] for _, text in said(parse(page, registry))] == [
        text[:4] for _, text in said(parse(POOL, registry))
    ]


# A paper's transcript of a summit's small talk run into its introduction: the first
# speaker after the sentence that introduces the transcript, another after a note in
# brackets; each leader first by full name and post, then by surname and post.
SMALL_TALK = """정상 환담 대화록

박영철 대통령과 최민수 위원장은 오전 10시 첫 회담을 가졌다.

다음은 두 정상의 대화 내용. 박영철 대통령 =(창밖을 보며) 경치가 참 좋습니다.

최민수 위원장 =이 계절이 제일 아름답습니다.

(수행원이 다과를 내왔다) 최 위원장 =차를 드시지요. 이곳 특산입니다.

박 대통령 =감사합니다. 향이 좋군요.
"""


def test_a_korean_papers_speakers_run_into_sentences_and_shortened_to_a_surname(
    registry: Registry,
) -> None:
    doc = parse(SMALL_TALK, registry)
    assert [(key, text[:6]) for key, text in said(doc)] == [
        ("박영철-대통령", "(창밖을 보"),
        ("최민수-위원장", "이 계절이 "),
        ("최민수-위원장", "차를 드시지"),  # "최 위원장": the one 최 who is 위원장
        ("박영철-대통령", "감사합니다."),
    ]


def test_a_korean_formula_is_no_speaker(registry: Registry) -> None:
    page = (
        "경제 기초 강좌\n\n물가가 오르면 살 수 있는 물건이 줄어든다. 간단한 공식이 있다. "
        "실질임금 = 명목임금 ÷ 물가지수. 명목임금이 올라도 물가가 더 오르면 줄어든다.\n\n"
        "또 다른 지표도 있다. 생산성 =산출량 ÷ 투입량. 생산성이 높아지면 여력이 생긴다.\n\n"
        "생산성 =산출량 ÷ 투입량 이라는 식을 기억하자.\n"
    )
    with pytest.raises(ParseError, match="no conversation"):
        parse(page, registry)


def test_a_pointed_question_in_chinese_is_asked(registry: Registry) -> None:
    page = (
        "会谈纪要\n\n周恩来说，中国人民欢迎美国客人。\n\n基辛格说，美国政府愿意改善关系。\n\n"
        "周恩来质问，美国为什么还在台湾驻军。\n\n基辛格答，这个问题需要时间解决。\n"
    )
    assert keys(parse(page, registry)) == ["zhou-enlai", "kissinger"] * 2


def test_an_arabic_label_with_the_post_after_a_dash_is_the_name(registry: Registry) -> None:
    page = (
        "لقاء اليوم\n\n"
        "سامي العطار: مرحبا بكم، وأرحب بضيفي وزير الخارجية السيد كريم الحداد.\n\n"
        "كريم الحداد- وزير الخارجية: أهلا بك.\n\n"
        "سامي العطار: ما تقييمكم للوضع الآن في المنطقة؟\n\n"
        "كريم الحداد: الوضع صعب، لكننا نعمل مع الجميع.\n"
    )
    keys_ = keys(parse(page, registry))
    assert keys_[0] == keys_[2] != keys_[1] == keys_[3]


def test_a_korean_reporter_in_brackets_asks_once(registry: Registry) -> None:
    page = (
        "[한지수 / 대변인]\n기자회견을 시작하겠습니다. 질문하실 분은 손을 들어주십시오.\n"
        "[최정민 / 장관]\n오늘은 주제 제한 없이 질문을 받겠습니다.\n"
        "[한지수 / 대변인]\n먼저 경제 분야입니다.\n"
        "[기자]\n안녕하십니까? 물가 대책에 대해 여쭙겠습니다.\n"
        "[최정민 / 장관]\n다음 달에 새 대책을 발표하겠습니다.\n"
    )
    assert keys(parse(page, registry))[-2:] == ["question", keys(parse(page, registry))[1]]


def test_an_arabic_programmes_date_field(registry: Registry) -> None:
    page = (
        "برنامج لقاء اليوم\n\nتاريخ الحلقة: 15/3/2015\n\n"
        "سامي العطار: مرحبا بكم في حلقة اليوم.\n\nكريم الحداد: أهلا بك.\n\n"
        "سامي العطار: ما رأيكم في الاتفاق؟\n\nكريم الحداد: إنه خطوة مهمة.\n"
    )
    assert parse(page, registry).metadata.date == dt.date(2015, 3, 15)


def test_an_arabic_briefings_official_in_brackets_and_its_questions(registry: Registry) -> None:
    page = (
        "إيجاز من مسؤول كبير\n\n"
        "مدير الحوار: شكرا للجميع. نبدأ مع [المسؤول الكبير في الوزارة].\n\n"
        "[المسؤول الكبير في الوزارة]: شكرا. سأتحدث عن الزيارة.\n\n"
        "السؤال: هل ستلتقون الرئيس؟\n\n"
        "[المسؤول الكبير في الوزارة]: نعم، غدا.\n"
    )
    found = [key for key, _ in said(parse(page, registry))]
    assert found[2] == "question" and found[1] == found[3] != found[0]
