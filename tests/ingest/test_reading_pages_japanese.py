"""Japanese records: the Diet's minutes, a ministry's press conference, a web interview
set as a list; and the script that tells a Japanese page from one in Latin letters.

Every page here is a few lines invented for the test in the shape of a published page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.ingest.model import ParseError
from app.ingest.registry import Registry
from app.textnorm import script_language
from tests.ingest.test_reading_pages import parse
from tests.ingest.test_reading_pages_stenograms import keys, said

# The Diet's minutes as its search site prints them: each speech under its number and
# speaker, the chairman by office with his name in brackets, a member who holds no office
# by his name alone with "君" and a space; the address of each speech glued to its end.
DIET = """会議録本文
-
000・会議録情報
昭和三十年五月十日(火曜日)
午前十時開会
—————————————
出席者は左の通り。
委員長 山本 一郎君
委員
佐藤 次郎君
—————————————発言のURL:https://example.jp/minutes/0
-
001・山本一郎
○委員長(山本一郎君) これより委員会を開会いたします。
本日は道路法の改正について質疑を行います。発言のURL:https://example.jp/minutes/1
-
002・佐藤次郎
○佐藤次郎君 先日の委員会でお尋ねした点について、政府の考え方を伺いたいのですが、まず
"""


def test_the_diets_members_with_and_without_an_office(registry: Registry) -> None:
    doc = parse(DIET, registry)
    assert doc.languages == ["ja"]  # (a web address is no English text)
    turns = said(doc)
    assert keys(doc) == ["山本一郎", "佐藤次郎"]
    # (the member's speech, cut off before its full stop, is still his turn)
    assert turns[1][1].startswith("先日の委員会でお尋ねした点について")


# A ministry's record of a press conference: the question as "(問)", the minister in
# round brackets by his name and office.
PRESS = """外務大臣会見記録(平成20年3月4日(火曜日)10時)

(問)昨日の会談の成果についてお聞かせください。

(田中外務大臣)率直な意見交換ができたと思います。

(問)次の会談の日程は決まっていますか。

(田中外務大臣)まだ決まっておりません。調整中です。
"""


def test_a_ministers_name_and_office_in_round_brackets(registry: Registry) -> None:
    doc = parse(PRESS, registry)
    turns = doc.turns()
    assert [u.speaker.label for u in turns if u.speaker] == ["Q", "田中外務大臣"] * 2
    assert len({u.speaker.key for u in turns[1::2] if u.speaker}) == 1
    assert said(doc)[1][1] == "率直な意見交換ができたと思います。"


# A web interview set as a list: every line a list item, each speaker's name an item
# alone over his words.
LISTED = """- 中村
- 最近はどんな本を読んでいますか。
- 小林
- 歴史の本ばかりです。
- 中村
- それは意外ですね。
- 小林
- そうですか。昔からですよ。
"""


def test_a_talk_set_as_a_list_of_lines(registry: Registry) -> None:
    doc = parse(LISTED, registry)
    assert said(doc) == [
        ("中村", "最近はどんな本を読んでいますか。"),
        ("小林", "歴史の本ばかりです。"),
        ("中村", "それは意外ですね。"),
        ("小林", "そうですか。昔からですよ。"),
    ]


def test_kana_count_as_the_script_of_a_japanese_text() -> None:
    # (three Chinese characters, ten Latin letters, twenty-odd kana)
    text = "今日はどうもありがとうございました。よろしくお願いします。https://ex.jp/a"
    assert script_language(text) == "zh"


# A ministry's press conference with a topic heading between the exchanges: "訪問" is a
# visit, not a verb of asking; a reporter whose surname is written with "々".
TOPICS = """外務大臣会見記録(令和5年2月14日)

太平洋島嶼国への訪問について

(山本外務大臣)冒頭、私から一点申し上げます。来週、島嶼国を訪問します。

(問)今回の訪問の目的を教えてください。

(山本外務大臣)協力関係の強化です。
"""


def test_a_visit_in_a_topic_heading_is_no_one_asking(registry: Registry) -> None:
    doc = parse(TOPICS, registry)
    assert next(u.speaker.label for u in doc.turns() if u.speaker) == "山本外務大臣"
    assert all("島嶼" not in (u.speaker.label if u.speaker else "") for u in doc.turns())


def test_a_name_written_with_the_iteration_mark(registry: Registry) -> None:
    page = (
        "対談\n\n佐々木\nよろしくお願いします。\n\n岡田\nこちらこそ。\n\n佐々木\n始めましょう。\n"
    )
    assert [u.speaker.label for u in parse(page, registry).turns() if u.speaker] == [
        "佐々木",
        "岡田",
        "佐々木",
    ]


# A paper's interview: a dash glued to each question (no question mark), the answer below
# it in corner brackets, one paragraph a line with no blank lines, a heading between.
SANKEI = """山本首相は8月2日、産経新聞の単独インタビューに応じた。やり取りは次の通り。
外交の方針
-就任後初めての外遊先に米国を選んだ理由は
「同盟国との信頼関係こそが外交の基本だからだ。最初に訪れるのは当然だと考えた」
「もちろん近隣諸国との対話も進めていく」
-経済政策で最も重視する点は
「賃金の引き上げだ。物価の上昇に負けない賃上げを実現したい」
地方の活力
-地方の人口減少にはどう取り組むのか
「若い世代が地方で働ける環境を整える。企業の移転も後押ししたい」
"""


def test_questions_after_a_glued_dash_over_answers_in_corner_brackets(
    registry: Registry,
) -> None:
    doc = parse(SANKEI, registry)
    assert keys(doc) == ["question", "a"] * 3
    assert said(doc)[0][1] == "就任後初めての外遊先に米国を選んだ理由は"
    assert "近隣諸国" in said(doc)[1][1]  # (a second quoted paragraph goes on the answer)


# A symposium's record: each speaker's surname and a space before the words, no colon;
# the panel listed above with roles; a heading between the turns.
SYMPOSIUM = """第1部 地域の未来
司会 森田 健(市民センター)
パネリスト 中野 美和(大学教授)
森田 それでは始めます。まず中野さんからお願いします。
中野 よろしくお願いします。
森田 最初に、研究のきっかけを教えてください。
地域との出会い
中野 学生のころ、町の祭りを手伝ったのが始まりです。
森田 なるほど、それは何年前ですか。
中野 もう二十年になります。
"""

# A book's contents: chapter numbers and a space before each title, again and again.
CONTENTS = """目次
第一章 町の成り立ち
第二章 祭りと人びと
第一章 補遺
第二章 補遺
"""


def test_a_symposiums_surnames_and_a_space_before_the_words(registry: Registry) -> None:
    doc = parse(SYMPOSIUM, registry)
    assert keys(doc) == ["森田", "中野"] * 3
    assert said(doc)[1][1] == "よろしくお願いします。"
    with pytest.raises(ParseError):
        parse(CONTENTS, registry)


# A newspaper's summary of a prime minister's press conference: the reporters by their
# papers in brackets, the prime minister by his office, each before a space; the title
# says what the page prints ("要旨", the gist), which names no one.
GIST = """首相会見要旨

2021年3月5日 10時02分

 田村一郎首相が四日に行った記者会見の要旨は次の通り。
 【質疑応答】
 記者(幹事社・毎朝新聞) 緊急事態宣言を延長する考えはあるか。
 首相 専門家の意見を聞いた上で、週末までに判断する。
 記者(幹事社・北海放送) 予算の成立は年度内に間に合うか。
 首相 野党の協力を得て、年度内に成立させたい。
"""


def test_reporters_by_their_papers_and_a_prime_minister_by_his_office(
    registry: Registry,
) -> None:
    doc = parse(GIST, registry)
    assert keys(doc) == ["question", "首相"] * 2
    assert said(doc)[1][1] == "専門家の意見を聞いた上で、週末までに判断する。"


@pytest.mark.parametrize(
    ("lead", "held"),
    [
        ("四日に行った", dt.date(2021, 3, 4)),  # the day before the stamp, in numerals
        ("3日に行った", dt.date(2021, 3, 3)),
        ("5日に行った", dt.date(2021, 3, 5)),  # the stamp's own day
        ("二十八日に行った", dt.date(2021, 2, 28)),  # the month before
        # (after the stamp, or weeks before it: no day of this talk; the stamp's, for want of one)
        ("9日に行った", dt.date(2021, 3, 5)),
        ("二十六日に行った", dt.date(2021, 3, 5)),
        ("一日も早く行った", dt.date(2021, 3, 5)),  # ("as soon as possible": no day at all)
    ],
)
def test_a_press_summary_is_dated_by_the_day_its_lead_gives_before_the_stamp(
    registry: Registry, lead: str, held: dt.date
) -> None:
    assert parse(GIST.replace("四日に行った", lead), registry).metadata.date == held


# A blog quoting a committee's exchange: each surname with its honorific, the words in
# corner brackets, one paragraph each; the blogger's words around them, a summons ("証人喚問")
# among them, which is no one asking.
BLOG = """国会の証人喚問を見て考えたこと。証人喚問では嘘をつけば罪になる。
そのやり取りです。
木下氏「宣誓したのだから、同席した人の名前を挙げてください」
北村氏「記憶違いであれば迷惑をかけるので、申し上げられない」
木下氏「それでは宣誓の趣旨に反するのではありませんか」

ここで北村氏は黙り込んだ。

北村氏「それでは申し上げます。会合には二人の先生がいらっしゃいました」

証人喚問はこれで終わった。
"""


def test_surnames_over_words_in_corner_brackets(registry: Registry) -> None:
    doc = parse(BLOG, registry)
    assert [(key, text[:5]) for key, text in said(doc)] == [
        ("木下氏", "「宣誓した"),  # (the words in their brackets, as the page quotes them)
        ("北村氏", "「記憶違い"),
        ("木下氏", "「それでは"),
        ("北村氏", "「それでは"),
    ]


def test_an_opening_statement_under_its_heading_is_the_one_questioned(registry: Registry) -> None:
    page = GIST.replace(
        " 【質疑応答】\n",
        " 【冒頭発言】\n\n 皆さん、おはようございます。まず私から一言申し上げます。\n"
        " 新しい対策を来週発表します。\n\n 【質疑応答】\n",
    )
    doc = parse(page, registry)
    assert [key for key, _ in said(doc)] == ["首相", "question", "首相", "question", "首相"]
    assert said(doc)[0][1].startswith("皆さん、おはようございます。")
    assert doc.units[0].kind.value == "narration"  # (the paper's lead above the heading)


def test_a_list_of_headlines_quoting_two_people_is_no_conversation(registry: Registry) -> None:
    page = (
        "政治ニュース 一覧\n\n首相「増税は考えていない」\n\n知事「再稼働は認めず」\n\n"
        "首相「解散は考えていない」\n\n知事「国の説明が不十分だ」\n"
    )
    with pytest.raises(ParseError, match="no conversation"):
        parse(page, registry)


def test_a_meetings_hours_after_its_day_are_no_posting_stamp(registry: Registry) -> None:
    page = (
        "第3回 協議会 議事録\n\n2024年5月19日 14時00分～15時30分 市役所第一会議室\n\n"
        "議長 ただいまから会議を開きます。\n\n委員 資料の説明をお願いします。\n\n"
        "議長 事務局から説明します。\n\n委員 よろしくお願いします。\n"
    )
    assert parse(page, registry).metadata.date == dt.date(2024, 5, 19)


@pytest.mark.parametrize(
    "opening",
    [
        "特になし。",  # (nothing said)
        "会見の冒頭、司会者から本日の会見は20分程度である旨の説明があった。",  # (the record's)
    ],
)
def test_a_note_under_an_opening_statements_heading_is_no_ones_words(
    registry: Registry, opening: str
) -> None:
    page = GIST.replace(" 【質疑応答】\n", f" 【冒頭発言】\n\n {opening}\n\n 【質疑応答】\n")
    assert [key for key, _ in said(parse(page, registry))] == ["question", "首相"] * 2


@pytest.mark.parametrize(
    "page",
    [
        # a newsletter's photographs, each "（写真）" over its caption
        "市政だより 6月号\n\n（写真）\n新しく完成した市民会館の外観。\n\n"
        "市民会館が完成しました。7月から利用の受付を始めます。\n\n"
        "（写真）\n記念式典でテープカットをする市長。\n\n式典には約300人が参加しました。\n",
        # passers-by with their ages in brackets, each asked alone
        "街の声\n\n買い物客に話を聞いた。\n\n"
        "田中(45) 毎月の食費が二割ほど増えた。\n\n佐藤(72) 何でも高くなる。困ったものだ。\n\n"
        "田中(45) 政府にはもっと早く手を打ってほしい。\n\n佐藤(72) 補助は一時しのぎだ。\n",
    ],
)
def test_words_in_round_brackets_that_name_no_speaker(registry: Registry, page: str) -> None:
    with pytest.raises(ParseError, match="no conversation"):
        parse(page, registry)
