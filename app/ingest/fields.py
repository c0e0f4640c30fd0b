"""The keys of a record's header fields, in the languages of the archives.

`PARTICIPANTS:`, `DATE & TIME:`, `Present [at the meeting]:`, `Участники:`, `参加人：`,
`參加者`, `日期與時間`, `地點`… are matched on the folded, closed-up line (traditional
characters read as simplified, letter-spaced Chinese keys as written together), so the
head reader can take them and the label rules can know they are never a speaker.
"""

from __future__ import annotations

import re

from app.textnorm import fold

FIELDS: dict[str, str] = {
    "participants": r"participants?|present(?:\s*\[[^\]]{1,40}\])?(?: at the (?:meeting|"
    r"conversation|talks?|discussion))?|attending|also present|those present|in attendance|"
    r"(?:[\w\[\]]+\s+){0,2}(?:personnel|participants)|"
    # (a commission's memorandum, its own people apart: "Participants (non-Commission):")
    r"participants\s*(?:\((?-i:(?:non-)?[A-Z][\w-]{2,30})\)|[-–]\s*(?-i:(?:non-)?[A-Z][\w-]{2,30}))|"
    r"участники(?: беседы| встречи| переговоров)?|учасники(?: розмови| зустрічі)?|"
    r"присутствовали|присутствуют|"
    r"ведущие|гости|"  # a broadcast's hosts and guests (plural: "Ведущий:" labels a turn)
    # (the same in the languages of Europe: "Obecni:", "Anwesend:", "Présents:", …)
    r"присутні|obecni|přítomni|anwesend|anwesende|teilnehmer|présents|presentes|"
    r"asistentes|presenti|aanwezig|zaproszeni|приглашены|invités|eingeladen|"
    r"(?:参加|参会|出席|与会|列席)(?:会谈|会见|谈话|会议)?(?:的)?(?:人士|人员|者|人)|"
    r"在座(?:的有|者)?|出席|会见人员|[中美苏日]方参加人员",
    # ("DATE, TIME AND PLACE:", a presidential library's memorandum)
    "date": r"date(?:\s*(?:&|and|,)\s*time)?(?:,?\s*(?:&|and)\s*place)?|(?:air|broadcast) date|"
    r"дата(?: и время| эфира)?|дата,?\s+(?:час|время)(?:\s+(?:та|і|и)\s+(?:місце|место))?|"
    r"(?:время |дата )?выхода? в эфир|"  # a radio station's "Время выхода в эфир:"
    r"تاريخ(?: الحلقة| البث| المقابلة| اللقاء)?|"  # (an Arabic programme's "تاريخ الحلقة:")
    r"방송(?:일|일시)?|放送日?|播出(?:时间|日期)|"
    r"(?:会谈|谈话|会见)?(?:时间|日期)(?:[与及和]时间)?",
    "time": r"time|время|час",
    "place": (
        r"place|location|venue|место(?: проведения)?|місце(?: проведення)?|"
        r"(?:会谈|谈话|会见)?地点"
    ),
    "subject": r"subjects?|topics?|(?:type of )?event|betr\.?|betreff|тема|主题|事由|议题",
    # a catalogue's entry for the paper ("件名：…", "Title: …"), below any title line
    "title": r"title|название|заглавие|件名|题名|篇名|标题",
    "interpreter": r"interpreters?|переводчики?|翻译",
    "recorder": (
        r"note-?takers?|(?:recorded|prepared|reviewed) by|записал|запись вел|记录(?:人|者)?"
    ),
}
FIELD = re.compile(
    r"^(?:[-•*·■]\s*)?(?P<key>"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in FIELDS.items())
    + r")\s*(?:\[[^\]]{1,40}\])?\s*(?:(?P<colon>[:：]|\s;)\s*(?P<value>.*))?$",
    re.IGNORECASE,
)
_FIELD_KEY = re.compile(r"^(?:" + "|".join(FIELDS.values()) + r")$", re.IGNORECASE)


def closed_up(text: str, *, folded: bool = True) -> str:
    """The line (folded unless asked not to), with the spaces inside Chinese words taken
    out: "日　　期" → 日期. Folded or not, the result has the same length."""
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", fold(text) if folded else text)


def is_field_key(label: str) -> bool:
    """Whether a label is a header field's key ("Date", "参加会谈人士"), not a speaker."""
    return bool(_FIELD_KEY.match(closed_up(label.strip())))
