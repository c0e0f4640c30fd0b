"""Marks around speakers' names: a broadcaster's arrows and a paper's triangles, a
podcast's times in brackets, a subtitle file's cues, a comrade's initials after his title,
an excerpt's mark of an omission, a full stop and a dash glued to each name.

Every page here is a few lines invented for the test in the shape of a published page.
"""

from __future__ import annotations

import pytest

from app.ingest.model import ParseError
from app.ingest.registry import Registry
from tests.ingest.test_reading_pages import parse
from tests.ingest.test_reading_pages_stenograms import keys, said

# A radio programme's transcript: each speaker's name after an arrow or a ringed circle
# (one mark for the host, another for each guest), a spaced colon, one turn a line.
RADIO = """아래 인터뷰는 2023년 9월 5일자 방송분입니다. 녹취에 약간의 오타가 있을 수 있습니다.
▶박지훈 : 안녕하세요. 오늘은 태풍 소식부터 전하겠습니다.
▷이서연 : 네, 안녕하세요. 태풍이 내일 새벽 남해안에 닿을 것 같습니다.
▶박지훈 : 바람은 얼마나 강합니까?
◉최민수 : 제가 한 말씀 덧붙이겠습니다. 해안가에는 가지 마십시오.
▷이서연 : 초속 40미터가 넘는 곳도 있겠습니다.
"""


def test_a_mark_before_each_speakers_name(registry: Registry) -> None:
    doc = parse(RADIO, registry)
    assert keys(doc) == ["박지훈", "이서연", "박지훈", "최민수", "이서연"]
    assert said(doc)[1][1].startswith("네, 안녕하세요.")  # (no mark, no colon in the text)


# A paper's account of a talk: each line "▲" and the speaker's office glued to "=", a
# heading of the paper's own over the lines with no blank line between.
TRIANGLES = """[정상회담] 두 정상의 대화

두 정상은 오전 10시 영빈관에서 만났다.

입구에서 인사를 나눈 뒤
▲김위원장=먼 길 오시느라 수고하셨습니다.
▲노대통령=아닙니다. 길이 아주 좋았습니다.
▲김위원장=오늘 날씨도 좋습니다.
"""


def test_a_triangle_and_an_equals_sign_glued_to_the_name(registry: Registry) -> None:
    doc = parse(TRIANGLES, registry)
    assert keys(doc) == ["김위원장", "노대통령", "김위원장"]
    assert said(doc)[0][1] == "먼 길 오시느라 수고하셨습니다."


# A podcast's generated transcript: each name with the time of its turn in brackets
# before the colon, alone on its line, the words broken into short lines below it.
PODCAST = """Episode Transcript
Kim (00:00):
So, Dana, how was the
conference?
Dana (00:04):
Long. Three days of talks
about storage.
Kim (00:09):
Did you give yours?
Dana (00:11):
I did, on the last morning.
"""


def test_a_name_with_the_time_of_the_turn_in_brackets(registry: Registry) -> None:
    doc = parse(PODCAST, registry)
    assert keys(doc) == ["kim", "dana", "kim", "dana"]
    assert said(doc)[0][1] == "So, Dana, how was the conference?"


# A briefing's subtitle file: numbered cues with their times, a sentence cut across cues,
# the reporters answering together as "The Press" (twice: once, it might be a heading).
SUBTITLES = """English subtitles for clip: Daily Briefing.webm

1
00:00:01,000 --> 00:00:02,500
Mr. Lang: Good
afternoon, everyone.

2
00:00:02,510 --> 00:00:04,000
I have one announcement

3
00:00:04,010 --> 00:00:05,200
before your questions.

4
00:00:05,210 --> 00:00:06,000
The Press: Go ahead.

5
00:00:06,010 --> 00:00:07,500
Mr. Lang: Thank you.

6
00:00:07,510 --> 00:00:08,000
The Press: Thank you.
"""


def test_a_subtitle_files_cues_read_as_running_text(registry: Registry) -> None:
    doc = parse(SUBTITLES, registry)
    assert keys(doc) == ["lang", "press", "lang", "press"]
    first = said(doc)[0][1]
    assert "-->" not in first and "00:00" not in first
    assert "I have one announcement before your questions." in first
    lang = doc.languages[0]
    assert [u.texts[lang].line_start for u in doc.turns()] == [5, 18, 22, 26]


# A Romanian note of a talk: the leaders named in full in the title, then by their
# initials after "Cde." in the labels.
INITIALS = """Conversation of Cde. Nicolae Ceausescu and Cde. Zhou Enlai at the Dinner

Cde. Nicolae Ceausescu: We are glad to see the Chinese comrades in Bucharest.

Cde. Zhou Enlai: The friendship between our parties is old and tested.

Cde. NC: Our delegation will travel to Peking in the spring.

Cde. ZE: We will receive it warmly.
"""


def test_initials_after_a_comrades_title_name_the_one_the_title_names(
    registry: Registry,
) -> None:
    doc = parse(INITIALS, registry)
    assert keys(doc) == ["nicolae-ceausescu", "zhou-enlai"] * 2


# A weekly's excerpt of a Polish note of talks: the mark of what it leaves out before the
# first label, one turn a line.
EXCERPT = """Notatka z rozmów w Warszawie, 19 października 1956 r.

(…) Tow. Chruszczow: Dlaczego nas nie poinformowaliście o zmianach?
Tow. Gomułka: Informowaliśmy, ale nie o wszystkim możemy mówić z góry.
Tow. Ochab: Plenum zbiera się jutro rano.
Tow. Gomułka: Decyzje podejmie partia, a nie goście.
Tow. Chruszczow: Nie jesteśmy gośćmi, jesteśmy przyjaciółmi.
"""


def test_an_excerpts_mark_of_an_omission_before_a_label(registry: Registry) -> None:
    doc = parse(EXCERPT, registry)
    assert keys(doc)[0] == keys(doc)[-1] == "chruszczow"
    assert len(keys(doc)) == 5
    assert said(doc)[0][1].startswith("Dlaczego")


# A government's press conference transcript: a full stop and a dash glued to each
# speaker's part or name, each perhaps once; a newspaper's "MADRID.-" dateline is no label.
PRESS = """Rueda de prensa posterior al Consejo de Ministros

Secretaria de Estado de Comunicación.- Comenzamos. Tiene la palabra Luis Prado, de Radio Norte.
Pregunta.- Buenas tardes.
¿Cuándo aprobará el Gobierno el plan de vivienda?
Portavoz.- Gracias, Luis.
El plan irá al Consejo de Ministros antes del verano.
"""

NEWS = """MADRID.- El Gobierno aprobó ayer el plan de vivienda.

La portavoz explicó que el plan irá al Parlamento antes del verano. ¿Llegará a tiempo?

Fuentes del ministerio.- Confían en que sí.
"""


def test_a_full_stop_and_a_dash_glued_to_each_speakers_part(registry: Registry) -> None:
    doc = parse(PRESS, registry)
    assert len(keys(doc)) == 3
    assert keys(doc)[2] == "portavoz"
    assert said(doc)[1][1].startswith("Buenas tardes.")
    with pytest.raises(ParseError):
        parse(NEWS, registry)
