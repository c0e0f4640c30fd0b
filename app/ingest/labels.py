"""Speaker labels in the styles archives write them: one small recogniser per style.

    colon       "Stalin: …", "PM Chou: …", "N.S. Khrushchev: …", "毛主席：…", "周总理:…"
    qa          "Q Mr. Secretary, …" / "A Well, …"
    reported    "KHRUSHCHEV N.S. transmits greetings…": a turn in the third person
    quoted      "“We have much to discuss,” the President said, …"
    narrated    "Выразив удовлетворение, Залесский сказал…", "Then I asked…", "He said…"
    zh-reported "毛泽东简要地谈了…", "赫鲁晓夫笑着说：“…”"
    name-line   "СУСЛОВ" alone on its line, the turn on the lines after it
    period      "Stalin. What is the mood…", "Kim Il Sung. The mood is good."
    dash        "т. Пельше – Речь идет о…": a stenogram's name and dash

A colon label is distinctive enough to take any name-shaped label; one that no
reference entry covers becomes an unresolved participant. The other styles also
occur in prose ("Enough. That is all…", "Москва / не раз заявляла…"), so their
labels are taken only when the name resolves to a known person or recurs in that
style in the same version. A new style is one more `LabelStyle` in `STYLES`. (A
reply, a line of dialogue with no name at all, is read from the exchange around it
in turns.py.)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from app.ingest.body import HANDLE, Paragraph
from app.ingest.dates import is_month
from app.ingest.fields import closed_up, is_field_key
from app.ingest.model import Speaker
from app.ingest.registry import INITIALS
from app.ingest.roster import (
    AFFILIATION,
    COURTESY,
    FIRST_PERSON,
    GLUED_INITIAL,
    LABEL_WORD,
    OFFICE_CODE,
    PRONOUNS,
    SAME_BELOW,
    SMALL_WORDS,
    Roster,
    bracketed_name,
    clean_label,
    courtesy_office,
    full_office,
    initials_label,
    initials_of,
    one_stem,
)
from app.ingest.source import (
    ANGLED_QA,
    BRACKETED_QA,
    CAPITALS_WORD,
    CHAMBER_COURTESY,
    DASH_LABEL,
    HAN_RUN_IN_ASIDE,
    NOT_RUN_IN_NAME,
    PARTICLES,
    QA_WORD,
    SPEAKER_MARK,
    WITHHELD,
)
from app.schemas import Kind
from app.textnorm import (
    CAPITALS,
    CYRILLIC,
    CYRILLIC_CAPITALS,
    CYRILLIC_SMALL,
    HAN,
    HANGUL_LETTERS,
    LOWER,
    UPPER,
    fold,
    name_key,
    slugify,
)

# A reporter by his paper, or by his trade alone: "中央电视台记者", "记者".
REPORTER = r"[^\s:：。！？，,]{0,24}?[记記]者"
# A label's asides after the name, in square brackets or round ones: "НИКОЛАЙ ЗЯТЬКОВ [главный
# редактор …]", "Mr. KEVIN BLACKISTONE (National Columnist, AOL Fan House)", "Abgeordneter
# Ing. Walter Meischberger (Freiheitliche) (zur Geschäftsbehandlung)".
# A name in full, two to four capitalised words, and the initials it may be shortened to
# in brackets after it ("Christopher Landau (CL)").
_FULL_NAME = rf"[{CAPITALS}À-Þ][\w'’-]+(?:\s+[{CAPITALS}À-Þ][\w'’.-]+){{1,3}}"
_INITIALS_ASIDE = rf"\s+\([{CAPITALS}]{{2,4}}\)"
# Where or how a story's speaker spoke, after his name, which is no post: "Boris Johnson,
# speaking to reporters …:", "Olaf Scholz, auf einer Pressekonferenz …:".
_CIRCUMSTANCE = (
    r"(?i:speaking|talking|writing|in|at|on|to|after|before|during|auf|bei|am|im|vor|nach|"
    r"en|a|à|au|dans|durante|tras|ante|в|на|во|после|при)\b"
)
_POST_ASIDE = r"(?:\s+\[[^\[\]\n]{2,60}\]|\s+\([^()\n]{2,60}\)){0,2}"
_MARKED = re.compile(rf"\s*{SPEAKER_MARK}")  # a paragraph opening with a speaker's mark
# "Name: text" or "名字：text". The label is short and has no sentence punctuation (none
# glued to the name either: "…долларов.Сталин: Хорошо"); an edition may number its
# paragraphs in front of it ("3Bush: …").
_COLON = re.compile(
    # ("▲DVB記者:", "- 中國網:", "■ الرئيس:": a bullet before a name in a script with no
    # capitals, where it marks the speaker, not a list's item)
    rf"^(?:\d{{1,3}}(?=[^\W\d_])|(?P<mark>{SPEAKER_MARK})\s*"
    r"|[-•■●◆]\s*(?=[\u4e00-\u9fff\u0620-\u064A\u05D0-\u05EA«])"
    # (a verbatim record's numbered paragraphs: "12. Mr. FEDORENKO (…) (translated…):")
    r"|\d{1,3}\.\s+(?=(?:The|Mr|Mrs|Ms|Sir|Dr|[A-Z]{2}))"
    # (an editor's first name or initial in brackets: "[A.] Poledňák:")
    rf"|\[[{CAPITALS}][\w'’-]*\.?\]\s+(?=[{CAPITALS}])"
    # (or the mark of what an excerpt leaves out before it: "(…) Tow. Chruszczow:")
    r"|[(\[](?:…|\.\.\.)[)\]]\s*(?=[^\W\d_]))?"
    # (with his post, which the label keeps: "НИКОЛАЙ ЗЯТЬКОВ [главный редактор …]:"; a
    # reporter by his paper's name in its marks: "《俄罗斯报》记者:")
    # (and a paper asking by its name in quotation marks: "«Naša Niva»:", "«NN»:")
    rf"(?P<label>(?:[^\W\d_][^:：\n?!…。！？]{{0,48}}?|{WITHHELD}|《[^》\n]{{1,20}}》{REPORTER}"
    r"|«[^\W\d_][^»\n:]{0,30}»"
    # (a name withheld in square brackets: "[SENIOR STATE DEPARTMENT OFFICIAL]:")
    r"|\[[^\W\d_][^\[\]\n:]{1,60}\]"
    # (a name in full, perhaps with the initials it is shortened to, and a long post:
    # "Christopher Landau (CL), embajador de E.U en México:", "Александр ИЛЛЕРИЦКИЙ, главный
    # редактор Радио Вести:")
    # (a post in words of lower case, no clause after a comma: not "The World Health
    # Organization (WHO), in a statement released on Monday, warned:")
    rf"|{_FULL_NAME}(?:{_INITIALS_ASIDE})?,"
    rf"\s(?!{_CIRCUMSTANCE})(?:[{CAPITALS}][\w.-]*\s+)?[{LOWER}][^:：\n?!…。！？,]{{1,79}}?)"
    # (a Korean paper's "=" after the name: "김 위원장 = …", "김 위원장 =…", or glued after a
    # mark: "▲김위원장=…")
    # (a transcriber's doubt after the name: "JFK?:")
    rf"{_POST_ASIDE})(?:\??\s*[:：]|(?<=[{HANGUL_LETTERS}])(?(mark)\s*=|\s=))\s*(?P<rest>\S.*)$",
    re.S,
)
# A name, then after a comma the office its holder speaks in, written out in full (the
# office capitalised, as a title is, and with no year in it: not a biography's "John
# Smith, born in Leeds in 1950 …:").
_OFFICE_HOLDER = (
    rf"(?:[A-ZÀ-Ý{CYRILLIC_CAPITALS}][\w.'’-]*\s+){{1,4}}[A-ZÀ-Ý{CYRILLIC_CAPITALS}][\w'’-]+,"
    rf"\s[A-ZÀ-Ý{CYRILLIC_CAPITALS}][^:：\n?!…。！？\d]{{2,109}}?"
)
_GLUED_SENTENCE = re.compile(rf"[{LOWER}]{{3}}\.(?=[{UPPER}])")
# "KHRUSHCHEV N.S. transmits…": up to four capitalised words or initials, at least
# one a word in capitals, then the record keeper's sentence in lower case.
_CAPS_WORD = rf"[{UPPER}][{UPPER}'’-]+"
_CAPS_NAME = re.compile(
    rf"^(?P<label>(?:(?:[{UPPER}]\.)+\s*)?{_CAPS_WORD}(?:\s+(?:{_CAPS_WORD}|(?:[{UPPER}]\.)+)){{0,3}})"
    rf"\s+(?P<rest>[{LOWER}].*)$",
    re.S,
)
# The verbs of a party's records in German, French, Spanish and Italian ("Genosse Bondarenko
# übermittelte…"): taken only after a comrade's title, since a news story says "X sagte…"
# of anyone it quotes.
_GERMAN_VERB_WORDS = (
    "sagte sagt erklärte erklärt betonte betont fragte fragt antwortete antwortet "
    "übermittelte übermittelt begrüßte begrüßt unterstrich unterstreicht berichtete berichtet "
    "informierte informiert bemerkte bemerkt dankte dankt bedankte schlug entgegnete erwiderte "
    "ergänzte ergänzt erläuterte erläutert versicherte bestätigte bekräftigte schilderte warnte"
)
_COMRADES_VERB_WORDS = (
    f"{_GERMAN_VERB_WORDS} "
    "déclare répond répondit demande demanda souligne souligna ajoute ajouta explique expliqua "
    "dijo afirmó respondió preguntó señaló explicó añadió subrayó agradeció "
    "rispose chiese sottolineò aggiunse spiegò ringraziò"
)
# A German note's verbs in the present tense ("Der Bundeskanzler erwidert, …", "… weist
# darauf hin", "… spricht … an"): taken after an office and its article, as a note names
# both sides, or for people the record lists (a news story writes "Scholz weist darauf hin").
_NOTE_VERB_WORDS = (
    "erwidert entgegnet weist bittet schlägt stimmt hebt verweist fügt führt teilt äußert "
    "unterrichtet schließt verneint bejaht"
)
_NOTE_VERBS = frozenset(_NOTE_VERB_WORDS.split()) | {"spricht"}  # (its phrase: _VERBS)
_GERMAN_VERBS = frozenset(_GERMAN_VERB_WORDS.split())
_OFFICE_WITH_ARTICLE = re.compile(r"(?:Der|Die)\s+[A-ZÄÖÜ]\w+$")
_COMRADES_VERBS = frozenset(_COMRADES_VERB_WORDS.split()) | _NOTE_VERBS
_COMRADE = re.compile(
    r"(?:(?:the|der|des|le|el|il)\s+)?(?i:genosse|genossen|genossin|camarade|compañero|compañera|"
    r"compagno|compagna|towarzysz|comrade|cde\.?)\s"
)
# Verbs that report speech ("Molotov asks whether…"; "USSR and China agreed…" is not a
# turn by someone called USSR), after an adverb or two ("then said", "again asked").
_VERB_WORDS = (
    "says said asks asked answers answered replies replied notes noted remarks remarked "
    "states stated stresses stressed emphasizes emphasises emphasized emphasised adds added "
    "thanks thanked transmits transmitted conveys conveyed relays relayed informs informed "
    "expresses expressed proposes proposed agrees agreed objects objected explains explained "
    "declares declared recalls recalled reports reported requests requested welcomes welcomed "
    "responds responded observes observed suggests suggested underlines "
    "underlined comments commented interjects interjected interrupts interrupted insists "
    "insisted argues argued confirms confirmed repeats repeated mentions mentioned announces "
    "announced apologizes apologises apologized apologised assures assured acknowledges "
    "acknowledged admits admitted wonders wondered inquires inquired enquires enquired "
    "reiterates reiterated raises raised indicates indicated concludes concluded summarizes "
    "summarises summarized summarised opens opened told tells warns warned greets greeted "
    "promises promised affirms affirmed maintains maintained telephoned reminded urged "
    "protested recommended retorted countered rejoined poses posed queried queries "
    "говорит сказал сказала спрашивает спросил отвечает ответил отмечает отметил заявляет "
    "заявил подчеркивает подчеркнул добавляет добавил благодарит поблагодарил передает передал "
    "сообщает сообщил выражает выразил предлагает предложил соглашается согласился возражает "
    "возразил объясняет объяснил напоминает напомнил просит попросил продолжает продолжил "
    "приветствует указывает указал замечает заметил интересуется поинтересовался высказывает "
    "высказал информирует проинформировал говорил начал сказали ответила спросила сообщила "
    "заверил обещал пообещал уточнил рассказал расспросил признал пояснил возразила повторил "
    "повторяет переспросил переспросила переспрашивает шепнул шепнула прошептал произнес "
    "произнёс промолвил воскликнул пошутил доложил доложила докладывает докладывал "
    f"whispered exclaimed murmured shouted {_NOTE_VERB_WORDS} {_COMRADES_VERB_WORDS}"
)
_MEETINGS = ("meeting", "conversation", "talk", "talks", "discussion", "session")
# What one continues to do that is not speaking: "He continued to chuckle."
_NOT_SAYING = "chuckle|laugh|smile|smoke|eat|drink|look|walk|sit|stand|nod|work|write|wait|watch"
_VERBS = (
    *_VERB_WORDS.split(),
    *("points out", "pointed out", "began by", "begins by", "made it clear", "opened by"),
    *("started by", "started off by", "starts by", "led off by"),
    # "began the meeting by stressing…"
    *(f"{verb} the {event} by" for verb in ("began", "opened") for event in _MEETINGS),
    # a memorandum's way of giving a view: "The President felt that…", "…referred to…"
    *("referred to", "refers to", "felt that", "feels that", "thought that", "believed that"),
    *("thinks", "believes"),  # a telephone call's note in the present: "The Sec thinks he does"
    *("made an apology", "expressed interest"),
    r"went on(?!\s+(?:for|until|till|into|at|in|through)\b)",  # not "went on for an hour"
    # not "continued to chuckle" (but "continued to say", "continued to press for…")
    *(rf"{verb}(?!\s+to\s+(?:{_NOT_SAYING})\b)" for verb in ("continued", "continues")),
    # "Prime Minister spoke, and…", "spoke of the treaty" (not "spoke in a firm voice",
    # "spoke on the telephone with…")
    r"spoke(?=[,.;]|\s+(?:of|about|briefly|at length)\b)",
    # a German note's "spricht … an" (raises), "spricht sich für … aus" (not a lead's
    # "spricht in einem Interview über …")
    r"spricht(?=\s+sich\b|[^.;:!?]{0,80}?\s(?:an|aus)[.,;])",
    # reading a message out is saying it: "I then read the oral message…"
    *("read the", "read him", "read her", "read them", "read out", "read aloud", "reads the"),
)
_ADVERBS = (
    r"(?:(?:then|also|again|further|briefly|once again|in turn|in reply|in response|finally|"
    r"immediately|next|now|later|first|thereupon|for (?:his|her) part|in (?:his|her) turn|"
    r"very|quite|rather|most|"
    r"затем|также|снова|вновь|опять|еще раз|далее|тут же|тогда|при этом|в свою очередь|"
    rf"в ответ|со своей стороны|очень|дважды|[{CYRILLIC_SMALL}]{{4,}}о|шутя|смеясь|улыбаясь|на это|"
    r"тем не менее|все же|всё же|однако|nevertheless|however|"
    r"[a-z]{3,}ly)\s+){0,2}"
)
_REPORTING_VERB = re.compile(
    rf"^{_ADVERBS}"
    # "smiled and said", "покачал головой и заявил", "seemed at first prepared to agree
    # outright, but then said": a gesture or a mood, then the words
    r"(?:(?:[a-z]{3,}ed(?:\s+[a-z]+){0,6},?\s+(?:and|but)"
    # ("прощается с Н.С. Хрущёвым и выражает…": a gesture in the present, toward someone)
    rf"|[{CYRILLIC_SMALL}]{{3,}}(?:лся|лась|л|ла|ется|ается|ится)"
    rf"(?:\s+(?:[{CYRILLIC_SMALL}]+|(?:[{CYRILLIC_CAPITALS}]\.\s?){{1,2}}[{CYRILLIC_CAPITALS}][{CYRILLIC_SMALL}]+|[{CYRILLIC_CAPITALS}][{CYRILLIC_SMALL}]+)){{0,4}},?\s+(?:и|но))"
    rf"\s+{_ADVERBS})?"
    r"(?:" + "|".join(_VERBS) + r")\b"
)
# The words a verb of speaking begins with, to tell cheaply whether one is near.
# (a pattern's word before its lookahead: "spoke" of "spoke(?=[,.;]|…)")
_SPEAKING_WORDS = frozenset(verb.split("(")[0].split()[0] for verb in _VERBS)
_WORD = re.compile(r"[^\W\d_]+")


def _speaking_near(text: str, start: int = 0, span: int = 240) -> bool:
    """Whether a verb of speaking is among the words of text[start:start + span] (lower case)."""
    return any(w in _SPEAKING_WORDS for w in _WORD.findall(text, start, start + span))


def _speaks(para: Paragraph) -> bool:
    """Whether a verb of speaking is among a paragraph's first words (kept: asked often)."""
    if para.speaking is None:
        para.speaking = _speaking_near(para.text[:240].lower())
    return para.speaking


# Where a period label may end: a full stop, then the turn's first sentence.
_PERIOD_END = re.compile(rf"\.\s*(?=…)|\.\s+(?=[^\W_{LOWER}]|[«\"“„'(\[—–¿¡-])")
_LABEL_MAX = 48  # characters; a label is a name and its title, not a sentence
_OFFICE_MAX = 80  # an office in full, its holder's name in brackets after it
# The end of a sentence ("Dr." and "A." are not), or a Chinese clause.
_SENTENCE = re.compile(
    r"(?:[^\W\d_]{3,}|\d)[\])\"'”’»]*[.!?…][\])\"'”’»]*(?:\[\d{1,3}\]|\d{1,2})?(?=\s|$)|"
    rf"[。！？]|[\u4e00-\u9fff\u3041-\u30ff][,，、]|(?:\b[{LOWER}]{{2,}}\b.*){{2}}"
    r"|[\u0386-\u03ce][;;]"  # (Greek asks with a semicolon)
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible label: the name as written and where the turn's own text starts."""

    name: str
    rest: str  # "" when the turn begins with the next paragraph
    cut: int  # offset of `rest` in the paragraph's text
    # Offset of the name: the words before it ("Then", "3.", "Выразив удовлетворение,")
    # are the record keeper's, not the speaker's.
    start: int = 0


@dataclass(frozen=True, slots=True)
class Label:
    """A label taken: who speaks, in which style, and the turn's own text."""

    speaker: Speaker
    style: str
    kind: Kind
    rest: str
    cut: int
    name: str = ""  # the label as written
    start: int = 0  # where the name begins: the words before it are narration


@dataclass(frozen=True, slots=True)
class LabelStyle:
    """One way of writing a label, and how sure a match in it has to be."""

    name: str
    kind: Kind
    candidates: Callable[[Paragraph], list[Candidate]]  # longest name first
    corroborated: bool = False  # the name must resolve, or recur as a label in this style
    # Further evidence a name no reference entry covers must show.
    unknown_ok: Callable[[Candidate], bool] = lambda _: True

    def found_in(self, para: Paragraph) -> list[Candidate]:
        """The paragraph's candidates in this style (kept on the paragraph: asked often)."""
        found = para.candidates.get(self.name)
        if found is None:
            found = para.candidates[self.name] = self.candidates(para)
        return found


# "…Как дела? Ельцин: Здравствуй." — a label inside a paragraph, after a sentence ("…for
# President Ho. Pham Van Dong:", "…in 1966.) Le Duc Anh:") or after the year of a dateline
# ("…November 1, 1989 Gorbachev: The Soviet people…").
_INLINE_LABEL = re.compile(
    r"(?:(?<=[^\W_]{2}[.…])|(?<=[)\]）][.…])|(?<=[^\W_]\.\.\.)|(?<=[^\W\d_]\) )|"
    r"(?<=[^\W\d_][!?])|(?<=\([UCS]\) )|"
    r"(?<=[)）][!?])|(?<=[。！？])|(?<=\b(?:1[89]|20)\d\d)|(?<=[\u4e00-\u9fff][:：])|"
    # (or after words broken off by a dash: "Letting us, or-Kissinger: I mean-President Nixon:")
    rf"(?<=[{LOWER}]{{2}}[-–—]))[\"'”’»)\]]*\s*"
    r"(?:\((?:U|C|S|TS|S/NF|LOU)\)\s*)?"  # "…hear me? (U) President Gorbachev: Yes."
    r"(?:\S{0,3}[$#@%&*!?|\\/{}<>~^()]\S{0,3}\s+)?"  # OCR's specks: "…Yeltsin? J$T The President:"
    # (a Chinese clause of saying may name whom he spoke to: "桑戈尔对毛泽东说:")
    rf"(?P<label>(?:[{UPPER}][\w'’.-]*\s+){{0,3}}[{UPPER}][\w'’-]*|[\u4e00-\u9fff]{{1,6}}|"
    r"[\u4e00-\u9fff]{2,10}[说說问問答]|"
    rf"{REPORTER})"
    r"\s*[:：]\s*(?=\S|$)"  # "…правительства.Сталин:" at a line's end, the turn below
)
_LOWER_NEXT = re.compile(rf"[{LOWER}]")
# A part or name in capitals and ".-" after a sentence's end: "…D'AUJOURD'HUI ? QUESTION.-
# ETES-VOUS…", "…SATISFAIT ? LE PRESIDENT.- EST-CE…".
_INLINE_CAPS_DASH = re.compile(
    r"(?:(?<=[.?!…])|(?<=\b(?:1[89]|20)\d\d))"  # (or a heading's year: "…LUNDI 9 MAI 1977")
    rf"\s+(?P<label>[{UPPER}][{UPPER}'’ ]{{2,30}}?)\.-\s+(?=[{UPPER}«\"“¿¡])"
)
_INLINE_DASHES = 3  # in a paragraph, at least: a dialogue run together


def run_in_dashes(text: str) -> list[re.Match[str]]:
    """The labels in capitals with ".-" inside a paragraph run together: three at least,
    one of them recurring and one following a question (a press conference's "QUESTION.-"
    and "LE PRESIDENT.-", not a cable's "ASUNTO.- … REFERENCIA.- …" fields)."""
    found = list(_INLINE_CAPS_DASH.finditer(text)) if ".- " in text else []
    if len(found) < _INLINE_DASHES:
        return []
    recurs = Counter(m["label"] for m in found).most_common(1)
    asked = any(text[: m.start()].rstrip().endswith("?") for m in found)
    return found if recurs[0][1] >= 2 and asked else []


_BRACKETED_WORDS = re.compile(r"\((?P<words>[^()\d]{2,20})\) ")
_ZH_IMPRINT = re.compile(
    r"[^。！？\n:：]{0,30}?(?:出版社|出版|书局|書局|研究所|研究院|籌備處|筹备处|大学|大學|书店|書店)"
    r"[,，]\s*(?:1[89]|20)\d\d\s*年"
)
_ZH_SAID_AFTER_CLAUSE = re.compile(
    r"(?<=[,，;；])(?P<label>[\u4e00-\u9fff]{2,10}?[说說问問答])\s*[:：]\s*(?=\S)"
)
# "Хрущев:" alone on its line, the turn on the lines after it.
# (after a bullet too: "- 中國網:" over the host's words, "▲DVB記者:")
_COLON_LINE = re.compile(
    rf"^(?:{SPEAKER_MARK}\s*|[-•■●◆]\s*(?=[\u4e00-\u9fff]))?"
    r"(?P<label>[^\W\d_][^:：\n?!…。！？]{0,48}?"
    # (or a name and his office in full: "Peter Altmaier, Parl. Staatssekretär beim …:")
    rf"{_POST_ASIDE}|{_OFFICE_HOLDER})\s*[:：]$"
)


def label_alone(para: Paragraph) -> bool:
    """Whether a paragraph is a label alone with its colon ("Хрущев:", "- 主持人:")."""
    return "\n" not in para.text and _COLON_LINE.match(para.text.strip()) is not None


_SENTENCE_MARK = re.compile(r"[.!?…。！？]")
# (a word in lower case: not "Vice-President")
_BROKEN_OFF = re.compile(rf"(?<![^\W\d_])[{LOWER}]{{2,}}[-–—](?=[{UPPER}])")
_MARK = re.compile(r"\([UCS]\) ")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _inline_matches(text: str) -> list[re.Match[str]]:
    """`_INLINE_LABEL`'s matches, tried only where a sentence (or a dateline's year)
    ends, where they can start."""
    ends = [mark.end() for mark in _SENTENCE_MARK.finditer(text)]
    if "19" in text or "18" in text or "20" in text:  # scanned for years only where one may be
        ends = sorted(ends + [year.end() for year in _YEAR.finditer(text)])
    if HAN.search(text) and (": " in text or "： " in text):
        # "…以下为节目实录: 主持人:您好…": the record's first label after its introduction
        ends = sorted(ends + [m.end() for m in re.finditer(r"[:：](?=\s)", text)])
    if "-" in text or "—" in text or "–" in text:  # "…or-Kissinger: I mean-": broken off
        ends = sorted(ends + [m.end() for m in _BROKEN_OFF.finditer(text)])
    if ") " in text:  # "…or were you (U) President Gorbachev:": after a classification mark
        ends = sorted(ends + [mark.end() for mark in _MARK.finditer(text)])
        # (or a stage direction: "…dames en heren. (applaus) AD: Dag, meneer…")
        stages = [m for m in _BRACKETED_WORDS.finditer(text) if _STAGE.fullmatch(m["words"])]
        ends = sorted(ends + [m.end() for m in stages])
    found = [m for m in (_INLINE_LABEL.match(text, end) for end in ends) if m is not None]
    # "…대화록 전문. 김대중 대통령 =(…)": a Korean paper's speaker after a sentence
    if " =" in text:
        found = sorted([*found, *_KOREAN_INLINE.finditer(text)], key=lambda m: m.start())
    # (after trailing dots, words in lower case are the sentence going on, quoted: "…asked
    # for the host... Host: you have to stay on the air, I told him")
    found = [
        m
        for m in found
        if not (text.endswith("...", 0, m.start()) and _LOWER_NEXT.match(text, m.end()))
    ]
    if "(" in text:  # (not a voice cutting in, in brackets: "…gemeldet. (Abg. Dr. Khol: Zur…)")
        opened = [(m, m.start("label")) for m in found]
        found = [m for m, at in opened if text.rfind("(", 0, at) <= text.rfind(")", 0, at)]
    # (not a book's place of publication: "…》。臺北:中央研究院臺灣史研究所籌備處,1997年1月")
    found = [m for m in found if not _ZH_IMPRINT.match(text, m.end())]
    if "说:" in text or "說:" in text or "说：" in text or "說：" in text:
        # "谈到…时,毛泽东说:讲是那么讲": a chronicle's speaker after a clause's comma
        # (a name's shape, not "朋友们说:" quoted inside a turn)
        said = [m for m in _ZH_SAID_AFTER_CLAUSE.finditer(text) if han_name(m["label"][:-1])]
        found = sorted([*found, *said], key=lambda m: m.start())
    capitals = list(_CAPS_INLINE.finditer(text)) if len(text) > 300 and ": " in text else []
    # (not after a capitalised word, inside a title: "…Collection Rusk DDDD: Part 1")
    capitals = [
        m
        for m in capitals
        if not _TITLE_WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    ]
    capitals += _hearing_labels(text)  # "…an opportunity. The CHAIRMAN. I beg…"
    if len(capitals) >= 3:  # an OCR run of a transcript: "…it is... SENATOR ABOUREZK: I…"
        # one label a colon: the shorter reading ("DIRECTOR COLBY", not "R DIRECTOR COLBY")
        by_colon = {m.end("label"): m for m in found}
        for m in capitals:
            kept = by_colon.get(m.end("label"))
            # (but "MR. FAULDER", not "FAULDER" after the courtesy title's full stop)
            courtesy = kept is not None and _ABBREVIATION.search(
                text[m.start("label") : kept.start("label")].rstrip()[:-1]
            )
            if kept is None or (kept.start("label") < m.start("label")) != bool(courtesy):
                by_colon[m.end("label")] = m
        found = sorted(by_colon.values(), key=lambda m: m.start("label"))
    if dashed := run_in_dashes(text):
        # "…NOS TRAVAUX ? QUESTION.- ETES-VOUS…": a press conference run together
        found = sorted([*found, *dashed], key=lambda m: m.start("label"))
    if " Q " in text or "Q. " in text:  # "…to the Soviets. Q How…? A Last night, …"
        named = [m.start("label") for m in found]
        found = sorted([*found, *_inline_questions(text, named)], key=lambda m: m.start("label"))
    return found


# A briefing's bare "Q" and "A" run into the text after a sentence's end.
# (a court's transcript copied from its pages keeps their line numbers: "…handlers? 5 A. No.")
_INLINE_QA = re.compile(
    r"(?:^|(?<=[.?!)\]\"”]))\s*(?:\d{1,3}\s+){0,3}(?P<label>[QA])\.?\s+(?=[A-Z\"“(\[])"
)


def _inline_questions(text: str, named: list[int] | None = None) -> list[re.Match[str]]:
    """A briefing's questions and answers inside a paragraph: each "A" after a "Q" (an "A"
    after an answer is the article opening a sentence), or after a name's label where a
    line number stands before it (counsel asking by name before the "Q"s: "MR BARR: Good
    morning. 10 A. Good morning."; not "THE CHAIR: … A. Jones may go"), two of each at
    least."""
    kept: list[re.Match[str]] = []
    for m in _INLINE_QA.finditer(text):
        last = kept[-1].start("label") if kept else -1
        numbered = any(ch.isdigit() for ch in text[m.start() : m.start("label")])
        after_name = numbered and any(last < at < m.start() for at in named or [])
        if m["label"] == QUESTION or (kept and kept[-1]["label"] == QUESTION) or after_name:
            kept.append(m)
    answers = sum(m["label"] == ANSWER for m in kept)
    if answers < 2:
        return []
    # (and most questions ask: not "…in Geneva. Q Division officers…. A New York lawyer…")
    ends = [n.start() for n in kept[1:]] + [len(text)]
    asked = sum(
        _STAGE_AT_END.sub("", text[m.end() : end]).rstrip(' "”').endswith("?")
        for m, end in zip(kept, ends, strict=True)
        if m["label"] == QUESTION
    )
    questions = len(kept) - answers
    return kept if questions >= 2 and 2 * asked >= questions else []


_STAGE_AT_END = re.compile(r"\s*\([^()]{1,20}\)\s*$")  # "…you first? (Laughter)"


# A hearing's label, an office or courtesy title and a surname in capitals, then a full
# stop, anywhere in a transcript run into one line (OCR may lower a letter: "Senator BoxER.").
_HEARING_TITLES = (
    r"(?:The|Senator|Representative|Chairman|Mr\.|Mrs\.|Ms\.|Dr\.|Secretary|General|Admiral|"
    r"Ambassador|Governor|Judge)"
)
_HEARING_LABEL = re.compile(rf"{_HEARING_TITLES}\s+[A-Z][A-Za-z'’-]*[A-Z]{{2}}[A-Za-z'’-]*")
_HEARING_INLINE = re.compile(rf"(?<=\s)(?P<label>{_HEARING_LABEL.pattern})\.\s+(?=[A-Z\"“(\[])")


def _hearing_labels(text: str) -> list[re.Match[str]]:
    """A hearing's labels inside a paragraph, where a page ran its transcript together."""
    return list(_HEARING_INLINE.finditer(text)) if len(text) > 300 and ". " in text else []


# (but an office before the name: "Director COLBY:")
_TITLE_WORD_BEFORE = re.compile(
    rf"(?<![\w.’'-])(?!(?:{_HEARING_TITLES}|Director|President|Minister)\s)[A-Z][a-z]+\s+$"
)
# A speaker's name in capitals and a colon, anywhere in a transcript run into one line.
_CAPS_INLINE = re.compile(
    r"(?<=\s)(?P<label>(?:[A-Z][A-Z'’.-]+\s+){0,3}[A-Z][A-Z'’-]{2,})\s*:\s+(?=\S)"
)


def _inline_labels_of(para: Paragraph) -> list[str]:
    """The labels written inside a paragraph (kept on the paragraph: asked twice)."""
    found = para.candidates.get("inline")
    if found is None:
        found = para.candidates["inline"] = [m["label"] for m in _inline_matches(para.text)]
    return found


# The keys of a catalogue's fields, which a page prints like labels ("NARA Description:
# On October 2, 1972, …", "Original Language: Russian"): never a speaker.
_CATALOGUE_KEY = re.compile(
    r"(?:^|\s)(?:description|summary|abstract|citation|source|collection|keywords|tags|"
    r"language|rights|format|identifier|publisher|notes?|transcription|finding aid|editor|"
    r"editor's note|editorial note|disclaimer|copyright|terms of use|"
    r"описание|аннотация|источник|метки|теги)$",
    re.IGNORECASE,
)


# "Q. Marvin L. Arrowsmith, Associated Press: Mr. President…": a question from the floor
# by a reporter who gives his name and paper.
_QUESTIONER = re.compile(
    r"Q\.?\s+(?P<label>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}),\s+[^:\n]{2,60}?:\s+(?P<rest>\S)"
)


_COLON_REACH = 180  # characters: a label, its two asides and the colon


def _colon(para: Paragraph) -> list[Candidate]:
    found: list[Candidate] = []
    if asker := _QUESTIONER.match(para.text):
        return [Candidate(asker["label"], para.text[asker.start("rest") :], asker.start("rest"))]
    head = para.text[:_COLON_REACH]  # (the cheap test first: a colon where a label's can be)
    m = _COLON.match(para.text) if ":" in head or "：" in head or "=" in head else None
    if m and "=" in para.text[m.end("label") : m.start("rest")]:
        # (not a formula's terms: "생산성 =산출량 ÷ 투입량")
        first = re.match(r"[^.?!]{0,40}", m["rest"])  # (its first sentence, up to 40 characters)
        formula = _FORMULA.search(first.group()) if first else None
        m = m if _KOREAN_SPEAKER.fullmatch(m["label"].strip()) and not formula else None
    if m and m["label"].count("(") > m["label"].count(")"):
        m = None  # "Kevin (00" of "Kevin (00:05):" over his words: a time's colon
    if m and not _GLUED_SENTENCE.search(m["label"]):
        found = [Candidate(m.group("label"), m.group("rest"), m.start("rest"))]
        if shortened := _SHORTENED_AFTER.match(m["rest"]):  # "毛主席:(以下简称主席):…"
            cut = m.start("rest") + shortened.end()
            found = [Candidate(f"{m['label']} {shortened['aside']}", para.text[cut:], cut)]
    line = para.first_line.strip()
    if not found and (m := _COLON_LINE.match(line)) and para.text.startswith(line):
        rest = para.text[len(line) :].lstrip()
        if not _GLUED_SENTENCE.search(m["label"]):
            found = [Candidate(m.group("label"), rest, len(para.text) - len(rest))]
    # "Q1:" / "A1:", "问2:": a question and its answer numbered, the same marks each time
    found = [
        replace(c, name=m["mark"]) if (m := _NUMBERED_QA.fullmatch(c.name)) else c for c in found
    ]
    # (not a field naming who holds a post: "President: Mr. Paul ARNAUD (France).", nor
    # a Spanish answer's "R:.- …", its letter's own style)
    return [
        c
        for c in found
        if not _CATALOGUE_KEY.search(c.name)
        and not _COURTESY_AND_NAME.fullmatch(c.rest.strip())
        and not c.rest.startswith((".-", ".–", ".—"))
    ]


# Who may speak before a Korean paper's "=": a name of two to four syllables, or a
# surname or name and a post ("김 위원장", "김대중 대통령", "김 전 장관"); not the reporter of its
# by-line ("박지훈 기자 = …") nor the terms of a formula ("실질 임금 = …").
_KOREAN_POSTED = re.compile(
    r"[가-힣]{1,4}\s(?:전\s)?(?:대통령|국무위원장|위원장|장관|총리|부총리|의원|대표|후보|"
    r"원장|실장|비서실장|대변인|주석|총서기|수상|특보|대사|총장|회장|교수|박사|단장|부장|차관|여사|씨)"
)
_KOREAN_SPEAKER = re.compile(rf"[가-힣]{{2,4}}|{_KOREAN_POSTED.pattern}")
_NUMBERED_QA = re.compile(r"(?P<mark>[QA问答問])\s?\d{1,2}")
# A name and post before "=" inside a paragraph, after a sentence's end or a bracket's words:
# "…대화록 전문. 김대중 대통령 =(…) …", "(…라고 설명) 김 위원장 =…" (not "…공식이 있다.
# 실질임금 = 명목임금 ÷ 물가지수").
_KOREAN_INLINE = re.compile(
    rf"(?<=[.?!)])\s+(?P<label>{_KOREAN_SPEAKER.pattern})\s=\s*(?=\S)(?![^.?!]{{0,40}}[÷×+=＝])"
)
_FORMULA = re.compile(r"[÷×+=＝%]|\s[-/]\s")


_HANDLE = re.compile(HANDLE)
# A blog's or a forum's words before a colon, no user's name: "edit:", "update:", "re:".
_NOTE_WORD = re.compile(
    r"edit\d?|update\d?|note|nb|ps|p\.s\.?|re|fwd|tags?|source|via|link|addendum|nachtrag|"
    r"anmerkung|nota|actualización|mise à jour"
)


def _korean_posted(para: Paragraph, candidate: Candidate) -> bool:
    """Whether a Korean paper labels the paragraph by a name and post before its "=" ("최
    위원장 =…"): a speaker as surely as a label that recurs."""
    return "=" in para.text[candidate.start : candidate.cut] and bool(
        _KOREAN_POSTED.fullmatch(candidate.name.strip())
    )


# A word of a name; "Kadar's" is whose, not who ("Kadar's remarks from memory…").
_NAME_WORD = re.compile(
    rf"^(?!.*['’]s$)(?:[{CAPITALS}][\w'’.-]*|(?:[{CAPITALS}]\.)+|[{LOWER}]{{1,4}}\.|"
    rf"{OFFICE_CODE})$"
)
_MAX_NAME_WORDS = 5
_MAX_OFFICE_WORDS = 8  # with the small words of an office: "The Minister of Foreign Affairs"
_PROCEDURE = frozenset({"Question", "Motion", "Amendment"})
# An office written out, then the letters the record will call it by.
_ABBREVIATED_OFFICE = re.compile(
    r"(?P<article>the\s+)?(?:[A-Z][\w'’]*\s+){1,5}\((?P<short>[A-Z]{2,6})\)\s+(?=[a-z])"
)
_BRACKET_ASIDE = re.compile(r"\((?:[^()\n\d\s]+\s?){1,4}\)\s+")  # (not "(in a speech on June 3)")


# "Then Gromyko said…", "Далее Хрущев говорит…": an adverb before the name; a telegram
# or a report may number its paragraphs ("3. Gromyko said…", "(b) He asked…").
ENUMERATOR = r"(?:\d{1,3}[.)]|\(\w\))"
_LEAD = re.compile(
    rf"^(?:{ENUMERATOR}\s+)?(?:\.{{3}}|…)?"  # "...Молотов говорит": an excerpt's first words
    r"(?:(?:then|next|finally|later|also|afterwards|in reply|in response|in conclusion|in turn|"
    r"to what|to which|whereupon|upon which|after that|at the outset|"
    r"(?:at|in|towards?) the (?:beginning|start|outset|end|close|course) of (?:the|our) "
    r"(?:conversation|talk|talks|meeting|discussion)|during (?:the|our) (?:conversation|talk)|"
    r"затем|далее|потом|тогда|наконец|в заключение|в ответ|в свою очередь|после этого|"
    r"в (?:начале|конце|ходе) (?:беседы|разговора|встречи)),?\s+)?",
    re.IGNORECASE,
)


def _reported(para: Paragraph, party_verbs: bool = False) -> list[Candidate]:
    """ "KHRUSHCHEV N.S. transmits greetings…" (a name in capitals), or "Molotov asks
    whether…", "Cde. Kim Il Sung said that…", "Далее Хрущев говорит…" (any name, then a
    verb of speaking). With `party_verbs`, only the names a party record's verb in German,
    French, Spanish or Italian reports with no comrade's title ("Erich Honecker dankte…"),
    which count only for people the record lists."""
    found: list[Candidate] = []
    if _ASKED_QUESTION.match(para.text) and not party_verbs:  # "Asked whether…,": a question
        return [Candidate(QUESTION_WORD, para.text, 0, 0)]
    if (m := _CAPS_NAME.match(para.text)) and not party_verbs:
        found.append(Candidate(m.group("label"), m.group("rest"), m.start("rest")))
    if not _speaks(para):
        return found  # no verb of speaking near the start: no name can come before one
    start = _LEAD.match(para.text).end()  # type: ignore[union-attr]  # matches "" at least
    if (short := _ABBREVIATED_OFFICE.match(para.text, start)) and _verb(para.text[short.end() :]):
        # "the Prime Minister's Official Spokesman (PMOS) said…": the office by its letters
        rest, article = para.text[short.end() :], short["article"] or ""
        return [*found, Candidate(article + short["short"], rest, short.end(), start)]
    words = list(re.finditer(r"\S+", para.text[start : start + 200]))
    texts = [w.group() for w in words[:_MAX_OFFICE_WORDS]]
    if not texts or texts[0] in _PROCEDURE:
        return found  # "Motion made, and Question proposed, That…": a parliament's procedure
    # Each word a name's, or one of an office's small words inside it ("The Secretary of
    # State"): the name is a run of them from the start.
    named = [_NAME_WORD.match(w) is not None for w in texts]
    small = [w in SMALL_WORDS for w in texts]
    run = next(
        (i for i, (n, m) in enumerate(zip(named, small, strict=True)) if not (n or m)), len(texts)
    )
    for count in range(min(run, len(words) - 1), 0, -1):
        if (
            not (named[0] and named[count - 1])
            or count - sum(small[1 : count - 1]) > _MAX_NAME_WORDS
        ):
            continue
        cut = start + words[count].start()
        rest = para.text[cut:]
        # (the turn keeps an aside between the name and the verb: "Mr. Arthur Hale (by
        # Private Notice) asked…")
        aside = _BRACKET_ASIDE.match(rest)
        skipped = aside.end() if aside else 0
        verb = _verb(rest[skipped:])
        if verb is None or any(c.cut == cut for c in found):
            continue
        name = para.text[start : start + words[count - 1].end()]
        if _said_by(name, verb) != party_verbs:
            said = cut + skipped + verb.end()
            found.append(_quoting(Candidate(name, rest, cut, start), para.text, said))
    # "Брежнев, проводив Никсона до двери, сказал…": a clause set off by commas between
    # the name and the verb (the turn starts with the clause)
    aside = None if found or party_verbs else _NAME_ASIDE.match(para.text, start)
    if aside and _verb_after_aside(para.text[aside.end() :]):
        cut = aside.end()
        found.append(Candidate(aside.group("name"), para.text[cut:], cut, start))
    return found


_NAME_ASIDE = re.compile(rf"(?P<name>[{UPPER}][\w'’-]+(?:\s+[{UPPER}][\w'’-]+){{0,2}}),\s")


def _reported_verb(candidate: Candidate) -> bool:
    if candidate.name == QUESTION_WORD:
        return bool(_ASKED_QUESTION.match(candidate.rest))  # "Asked whether…": its own verb
    rest = candidate.rest
    if aside := _BRACKET_ASIDE.match(rest):
        rest = rest[aside.end() :]  # "(by Private Notice) asked…"
    return bool(_verb(rest) or _verb_after_aside(rest))


def _verb_after_aside(rest: str) -> re.Match[str] | None:
    """The verb of speaking after a clause set off by commas ("проводив Никсона до
    двери, сказал…")."""
    aside = _ASIDE_REST.match(rest)
    return _verb(rest[aside.end() :]) if aside else None


_ASIDE_REST = re.compile(r"[^,.;:!?«»\"“”()]{3,120},\s+")


def _listed(candidate: Candidate, roster: Roster) -> bool:
    """Whether a name is one a record of the talk lists (its list of those present, or the
    title of a note or minutes of it)."""
    return roster.documented and roster.member_for(candidate.name) is not None


def _reported_by_party_verb(para: Paragraph) -> list[Candidate]:
    if _COMRADES_VERBS.isdisjoint(_WORD.findall(para.text[:_VERB_REACH])):
        return []  # (the cheap test first: no such verb where a speaker's can be)
    found = _reported(para, party_verbs=True)
    if not found and (inverted := _VERB_FIRST.match(para.text)):
        # "Nach der Begrüßung bedankte sich Genosse Jakowlew für…": German puts the verb
        # second, the speaker after it; the turn is what follows his name
        cut = inverted.end("name")
        rest = para.text[cut:].lstrip()
        found = [Candidate(inverted["name"], rest, len(para.text) - len(rest), 0)]
    return found


_VERB_REACH = 200  # characters: where a party record's verb of saying follows its subject

# A German sentence with its verb of saying before the speaker: up to a dozen words of a
# clause, the verb (and "sich"), the speaker by title and name, then the words he said.
_VERB_FIRST = re.compile(
    rf"^(?:[^.!?;:]{{0,100}}?\s)?(?:{'|'.join(_GERMAN_VERB_WORDS.split())})(?:\s+sich)?\s+"
    r"(?P<name>(?:[A-ZÄÖÜ][\w-]+\s+){0,2}[A-ZÄÖÜ][\w-]+)(?=,?\s+[a-zäöü])"
)


def _said_by(name: str, verb: re.Match[str]) -> bool:
    """Whether a verb may report this name's words: a party record's verb in German, French,
    Spanish or Italian only after a comrade's title ("Genosse Honecker betonte…"), a German
    note's after an office and its article ("Der Präsident erwidert…")."""
    word = verb.group().split()[-1].lower()
    if _OFFICE_WITH_ARTICLE.match(name) and (word in _NOTE_VERBS or word in _GERMAN_VERBS):
        return True  # "Der Präsident erwidert, …", "Der Präsident fragt, …"
    return word not in _COMRADES_VERBS or bool(_COMRADE.match(name))


def _verb(text: str) -> re.Match[str] | None:
    """The verb of speaking `text` opens with; in a cable written in capitals throughout
    ("BREZHNEV SAID THAT…") its verbs are in capitals too."""
    head = text[:80]
    if head.isupper() and _STATES_NOUN.match(head):
        return None  # "UNITED STATES DISTRICT COURT", not a cable's "… STATES THAT"
    return _REPORTING_VERB.match(head.lower() if head.isupper() else text)


_STATES_NOUN = re.compile(r"STATES\b(?!\s+THAT\b)")


# The subject of a sentence of narrated speech: a capitalised name, "I", or a pronoun
# ("…Тогда я сообщил ему…", "Выразив удовлетворение, Залесский сказал…").
_SUBJECT_WORD = re.compile(rf"^(?!.*['’]s$)(?:[{UPPER}][\w'’.-]*|я|он|она|he|she|{OFFICE_CODE})$")
_LEAD_WORDS = 6  # words of a clause before the subject: "После обмена взаимными приветствиями"
_CLAUSE_WORDS = 30  # "Referring to … for dinner on 2 May, I asked…": a longer one ends in a comma
_QUOTE_OPENERS = '—–-«"“„'
_CLAUSE_ENDS = tuple('.!?;:…"”»—')
# "…has fulfilled what Khrushchev promised": a subordinate clause, not a turn.
_SUBORDINATORS = frozenset(
    {"what", "that", "which", "who", "whom", "whose", "as", "than", "что", "как", "который"}
)
# Words a sentence may open a subordinate clause with ("After he had offered me tea, I
# said…", "Когда я закончил, посол спросил…").
_OPENERS = frozenset(
    {
        "when",
        "after",
        "before",
        "while",
        "since",
        "although",
        "though",
        "if",
        "once",
        "until",
        "because",
        "когда",
        "после",
        "хотя",
        "если",
        "пока",
    }
)


# "Premier [Zhou] asked…", "He [Kim Il Sung] said…": the editor names the subject.
_BRACKETED_SUBJECT = re.compile(
    rf"^(?:[^\s.!?;:\[]+,?\s+){{0,6}}?(?P<subject>(?:[{UPPER}][\w.'’-]*\s+){{0,3}}?[{UPPER}][\w'’-]*)"
    rf"\s+\[(?P<inner>[{UPPER}][^\[\]]{{1,40}})\]\s+"
)


def _bracketed_subject(text: str) -> Candidate | None:
    m = _BRACKETED_SUBJECT.match(text)
    if m is None or not _REPORTING_VERB.match(text[m.end() :]):
        return None
    subject, inner = m.group("subject"), m.group("inner")
    name = inner if subject.lower() in PRONOUNS else f"{subject} {inner}"
    return Candidate(name, text[m.end() :], m.end(), m.start("subject"))


_MY_REPLY = re.compile(
    r"(?:My|MY) (?=(?:response|reply|answer|RESPONSE|REPLY|ANSWER) (?:was|WAS)\b)"
)


# An adverb a sentence may open with before its subject ("Потом Картер предложил…").
_ADVERB = re.compile(
    r"(?:Then|Next|Finally|Later|Afterwards|Затем|Далее|Потом|Тогда|Наконец|Вдруг)$"
)


def _narrated(para: Paragraph) -> list[Candidate]:
    """A sentence that tells who spoke after a few words of its own: "После обмена
    приветствиями Чан Кайши спросил меня…", "Прежде всего я спросил его…". The turn
    starts at the verb; the words before the name stay as narration (turns.py)."""
    text = para.text
    if mine := _MY_REPLY.match(text):  # "My response was that…": the writer's words
        return [Candidate("I", text[mine.end() :], mine.end(), 0)]
    if text[:1] in _QUOTE_OPENERS or not _speaks(para):
        return []  # direct speech: its "I" is whoever speaks
    if text[:1] in "(（":
        return []  # "(Shaking his hand, Chairman Mao said…)": the recorder's aside
    if bracketed := _bracketed_subject(text):
        return [bracketed]
    if found := _after_gerund(text):
        return [found]
    numbered = re.match(rf"{ENUMERATOR}\s+", text)
    words = list(re.finditer(r"\S+", text[:240]))[1 if numbered else 0 :]
    # "As the first wave entered, Gorbachev said…": a sentence that opens with a subordinate
    # clause has its subject after the clause's comma ("As Gromyko said, …" is no turn).
    subordinate = bool(words) and words[0].group().lower() in _SUBORDINATORS | _OPENERS
    if subordinate:  # "После обмена приветствиями Чан Кайши спросил…": a preposition, no clause
        ends = (w.group()[-1:] for w in words[:_CLAUSE_WORDS])
        subordinate = next((end == "," for end in ends if end in (*_CLAUSE_ENDS, ",")), False)
    clause = 0  # where the words since the last comma begin
    for first in range(min(_CLAUSE_WORDS, len(words) - 1)):
        lead = words[first - 1].group() if first else ""
        if lead.endswith(","):
            clause = first
        if subordinate and first:
            subordinate = not lead.endswith(",")
            if subordinate:
                continue
        if lead[-1:] in _CLAUSE_ENDS or lead.lower() in _SUBORDINATORS:
            break  # the clause ended, or a subordinate one began, before any subject
        if first - clause > _LEAD_WORDS:
            continue  # past a few words, only a clause closed by a comma leads to a name
        for count in range(min(4, len(words) - first - 1), 0, -1):
            names = [w.group() for w in words[first : first + count]]
            opening = first
            if count > 1 and _ADVERB.match(names[0]):
                opening, names = first + 1, names[1:]  # "Потом Картер предложил…"
            elif count > 1 and names[0] in {"the", "comrade", "товарищ"}:
                # "After …, the Ambassador stated…"; "…, the head of the delegation comrade
                # Stepakov V.I. replied…"
                names = names[1:]
            if not all(_SUBJECT_WORD.match(w) for w in names) or names[0] in _PROCEDURE:
                continue
            # (no sentence's end inside a name: "…vor dem Kanzleramt. Ein Tourist fragt")
            if any(w[-1] == "." and len(w) > 5 and "." not in w[:-1] for w in names[:-1]):
                continue
            if count > 1 and any(w.lower() in PRONOUNS or w in FIRST_PERSON for w in names):
                continue
            cut = words[first + count].start()
            verb = _verb(text[cut:])
            if verb is None or not _WORD.search(text, cut + verb.end(), cut + verb.end() + 40):
                continue
            name = text[words[opening].start() : words[first + count - 1].end()]
            if _said_by(name, verb):
                if _aside(text, words[opening].start(), cut + verb.end()):
                    return [Candidate(name, text, 0, 0)]
                found = Candidate(name, text[cut:], cut, words[opening].start())
                return [_quoting(found, text, cut + verb.end())]
    return []


def _aside(text: str, name_at: int, after_verb: int) -> bool:
    """ "Allow me, L.I. Brezhnev said, two words on…": the name and its verb are an aside
    inside the speaker's own words, which run on before and after it."""
    lead = text[:name_at].rstrip()
    opener = lead.split(maxsplit=1)[0].lower().strip(",") if lead else ""
    going_on = re.match(rf",\s+(?P<word>[{LOWER}][\w-]*)", text[after_verb:])
    return (
        lead.endswith(",")
        and len(lead.split()) <= 6
        and opener not in _OPENERS | _SUBORDINATORS
        and going_on is not None
        # "Выразив удовлетворение, Залесский сказал, что…" reports: its words are told
        and going_on["word"] not in _COMPLEMENTS
    )


_COMPLEMENTS = frozenset(
    [
        "что",
        "чтобы",
        "будто",
        "как",
        "ли",
        "мол",
        "якобы",
        "that",
        "whether",
        "if",
        "however",
        "though",
        "therefore",
    ]
)


# "Отметив, что излагаю только свое мнение, я сказал…", "Noting that this was only his
# view, Gromyko said…": a sentence that opens with a verbal adverb, its subject after
# the comma that ends the clause (which may hold a clause of its own).
_GERUND = re.compile(
    rf"(?:[{CYRILLIC_CAPITALS}][{CYRILLIC_SMALL}]+(?:ив|ав|ев|ыв|ув|ившись|авшись|яв)|[A-Z][a-z]+ing),"
)
_SUBJECT_AFTER = re.compile(
    rf",\s+(?P<name>я|он|она|I|he|she|[{UPPER}][\w.'’-]*(?:\s+[{UPPER}][\w.'’-]*){{0,2}})\s+"
)


def _after_gerund(text: str) -> Candidate | None:
    if not _GERUND.match(text):
        return None
    for m in _SUBJECT_AFTER.finditer(text, 0, 240):
        if _verb(text[m.end() :]):
            return Candidate(m["name"], text[m.end() :], m.end(), m.start("name"))
    return None


# "…повторил: «Гийом, Гийом…»", "…replied: “No.”": a quotation after the verb's colon.
# (or a comma straight after the verb: "邓小平说,“…”")
_QUOTATION = re.compile(r"(?:[^.!?。！？«»“”「」\"„:：]{0,60}[:：]|[,，])\s*(?=[«“「\"„—–])")


def _quoting(candidate: Candidate, text: str, after_verb: int) -> Candidate:
    """A sentence that quotes what it reports: the quotation is the turn, and the whole
    sentence up to it the record keeper's narration."""
    if (m := _QUOTATION.match(text, after_verb)) is None:
        return candidate
    return Candidate(candidate.name, text[m.end() :], m.end(), m.end())


def personal_name(candidate: Candidate) -> bool:
    """Several capitalised words, or initials: "Kim Il Sung", "N.S. Khrushchev", "Dr.
    Kissinger" — not "Вопрос ясен. Правильно" or "Правильно. Правильно", short replies
    in a row. Inside a name only initials and short titles end in a full stop."""
    if courtesy_office(candidate.name):
        return True  # "M. le président", "Mme la ministre": a chamber's office, by its title
    # "Secretary of State Dulles": an office's small words between the capitalised ones
    words = [w for w in candidate.name.split() if w not in SMALL_WORDS]

    def name_word(word: str) -> bool:
        if INITIALS.fullmatch(word):
            return True
        return word[:1].isupper() and (not word.endswith(".") or len(word) <= 4)

    if not all(name_word(word) for word in words):
        return False
    return len(words) >= 2 or bool(INITIALS.search(candidate.name))


# Abbreviations whose full stop is not the end of a label: "Mr. Hull said…".
_ABBREVIATION = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Gen|Col|Capt|Cdr|Lt|Amb|Sec|Prof|Mme|Sen|Gov|Rep|Adm|Maj|Sgt|St|"
    r"Messrs|Rev|Hon|No|Vol|Cde|Cdes|Com|Coms|Comr|Comrs|Abg|Ing|Mag|Vors|StS|Präs|"
    r"тов|т|г|гр|ген|акад|проф)$",
    re.IGNORECASE,
)


# "ГОРБАЧЕВ (кратко информирует о своих беседах …). <…> Социалистический мир…": a name
# and a long stage direction in brackets, then the full stop.
_ASIDE_PERIOD = re.compile(r"(?P<name>[^\W\d_][^.():]{0,46}?)\s*\([^()]{20,200}\)\.\s+(?=\S)")


# A book's place and year of publication: "Diplomacy. London, 1939."
_IMPRINT = re.compile(
    r"^(?:[^.!?]{1,80}\.\s+)?[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+(?:1[5-9]|20)\d\d\.?(?:\s|$)"
)
# A label whose first name an editor supplied, in brackets: "[Oskar] Fischer.", "[Willi]
# Stoph." (the translation may glue the first word to its full stop).
_EDITED_INITIAL = re.compile(rf"\[[{CAPITALS}][\w'’-]*\.?\]\s+[{CAPITALS}][\w'’-]+\s*[:：]")
_EDITED_NAME = re.compile(
    rf"(?P<name>\[[{UPPER}][\w'’-]+\]\s+[{UPPER}][\w'’-]+)\.\s*(?=[{UPPER}\"“«(\[])"
)


# A member in capitals with his party in brackets and perhaps his part in the debate:
# "STEFANO STEFANI (LNP), Relatore", "GIANPIERO BOCCI (PD)".
# (or his office alone after a comma: "ANNA RIZZO, Sottosegretario di Stato per gli affari
# esteri"; not any words: "ANDREI GROMYKO, Soviet ambassador…", a who's who)
_CHAMBER_OFFICE = (
    r"(?:Sottosegretari[oa]|Ministr[oa]|Vice|Presidente|Segretari[oa]|Relat(?:ore|rice)|"
    r"Consigliere|Questore)"
)
_MEMBER_OF_PARTY = re.compile(
    rf"[A-ZÀ-Ý{CYRILLIC_CAPITALS}][A-ZÀ-Ý{CYRILLIC_CAPITALS}'’ -]{{2,40}}"
    # (a party's letters, not a life's years: "PABLO PICASSO (1881-1973)")
    r"(?:\s*\((?![^()]*\d{4})[^()\n]{1,15}\)(?:,\s*[^,.\n]{2,40})?"
    r"|,\s*" + _CHAMBER_OFFICE + r"[^,.\n]{0,60})"
)
# A French chamber's member by courtesy title and name: "Mme Claire Duval."
_FRENCH_MEMBER = re.compile(r"(?:M\.|Mme|Mlle)\s+[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,3}")
# The same with his office after a comma: "M. Paul Mercier, secrétaire d'État auprès du
# garde des sceaux." (the label is the name).
_MEMBER_WITH_OFFICE = re.compile(
    rf"(?P<name>{_FRENCH_MEMBER.pattern}),\s+[a-zà-ÿ][^.\n]{{2,120}}\.\s+(?=[A-ZÀ-Ý«(])"
)


# "CAROLINE ROUX Alors, une semaine…": a name in capitals run into the words it says, no
# mark between (a broadcaster's transcript, its bold lost); two words at least, and a word
# in lower case after it.
_CAPS_RUN = re.compile(
    rf"^(?P<label>{CAPITALS_WORD}(?:\s+(?:{CAPITALS_WORD}|(?:[{UPPER}]\.)+)){{1,3}})"
    rf"\s+(?P<rest>[{CAPITALS}À-ÖØ-Þ«\"“„(][^\n]*?[{LOWER}].*)$",
    re.S,
)


# "加藤 再び加藤でございます。": a Japanese symposium's record, each speaker's surname and a
# space (either width) before the words, no colon.
_HAN_SPACE = re.compile(
    rf"^(?P<label>[\u4e00-\u9fff\u30a1-\u30ff]{{1,4}}{HAN_RUN_IN_ASIDE})[ \u3000](?P<rest>\S.*)$",
    re.S,
)


_HAN_SENTENCE = re.compile(r"[。！？!?]")


def _caps_run(para: Paragraph) -> list[Candidate]:
    m = _CAPS_RUN.match(para.text)
    if m is None or NOT_RUN_IN_NAME.search(m["label"]):
        return []
    return [Candidate(m["label"], m["rest"], m.start("rest"))]


# A Japanese blog's exchange: the surname and its honorific, then the words in corner
# brackets, the whole paragraph: "浅田氏「…」".
_HAN_QUOTED = re.compile(
    r"^(?P<label>[\u4e00-\u9fff\u30a1-\u30ff]{1,4}(?:氏|さん|君)?)(?P<rest>「(?P<words>[^「」\n]{2,})」)$"
)
_HEADLINE_QUOTE = 15  # characters, below which words in brackets with no full stop are a headline's


def _han_space(para: Paragraph) -> list[Candidate]:
    if para.text[-1:] == "」" and (quoted := _HAN_QUOTED.match(para.text)):
        # (a sentence, not a headline's "首相「増税は考えていない」")
        said = _HAN_SENTENCE.search(quoted["words"]) or len(quoted["words"]) >= _HEADLINE_QUOTE
        return [Candidate(quoted["label"], quoted["rest"], quoted.start("rest"))] if said else []
    m = _HAN_SPACE.match(para.text)
    # (words said, a sentence's end among them: not a table of contents' "第一章 …")
    if m is None or NOT_RUN_IN_NAME.search(m["label"]) or not _HAN_SENTENCE.search(m["rest"]):
        return []
    if m["label"][-1:] in ")）" and re.search(r"\d", m["label"]):
        return []  # "田中(45) …": a passer-by's age, not a part ("山田(司会)")
    return [Candidate(m["label"], m["rest"], m.start("rest"))]


_ROMAN_NUMBER = re.compile(r"[IVXLC]{2,6}")  # (not "I." or "C.", an initial as often)
_PART_NUMBER = re.compile(r"(?:[IVXLC]{2,6}|\d{1,2})\.\s")
# A numbered part's heading (in capitals, between turns): "III. ORDEN DEL DÍA", "IV. INCIDENTES".
PART_HEADING = re.compile(rf"{_PART_NUMBER.pattern}+[^\W\d_][^.!?]{{1,80}}")
_SURNAME_GOES_ON = re.compile(rf"\s*{_CAPS_WORD}(?:,|\s+[{LOWER}])")


def _period(para: Paragraph) -> list[Candidate]:
    if para.text[:1] == "[" and (edited := _EDITED_NAME.match(para.text)):
        return [Candidate(edited["name"], para.text[edited.end() :], edited.end())]
    if "(" in para.text[:50] and (m := _ASIDE_PERIOD.match(para.text)):
        return [Candidate(m.group().rstrip()[:-1], para.text[m.end() :], m.end())]
    if para.text[:1] == "M" and (m := _MEMBER_WITH_OFFICE.match(para.text)):
        return [Candidate(m["name"], para.text[m.end() :], m.end())]
    found: list[Candidate] = []
    for m in _PERIOD_END.finditer(para.text):
        bracketed = "[" in para.text[:50] or "(" in para.text[:50] or "," in para.text[:40]
        if m.start() > _LABEL_MAX and (m.start() > 2 * _LABEL_MAX or not bracketed):
            break  # (a paper or a party in brackets after the name is no part of its
            # length: "DAVID DIMBLEBY [British Broadcasting Corporation].", "STEFANO
            # STEFANI (LNP), Relatore.")
        name = para.text[: m.start()].strip()
        if len(AFFILIATION.sub("", name)) > _LABEL_MAX and not _MEMBER_OF_PARTY.fullmatch(name):
            break
        if _ABBREVIATION.search(name) or name in QA_SPEAKERS or _ROMAN_NUMBER.fullmatch(name):
            continue  # ("III. ORDEN DEL DÍA": a part's number)
        if "," in name and not _MEMBER_OF_PARTY.fullmatch(name):
            continue  # "Mr. Hull said…"; "Р. Никсон, В. М. Суходрев…": a caption, not a label;
            # "Q." and "A." ask and answer (the "qa" style)
        if re.fullmatch(rf"[{UPPER}]", name) and DASH_LABEL.match(para.text):
            continue  # "С. БУНТМАН – …": an initial, the name and a dash after it
        if re.fullmatch(rf"[{UPPER}]", name) and _INITIALS_COLON.match(para.text):
            break  # "А.   К.: Добрый вечер!": initials, spaced apart, and a colon's label
        if re.match(r"[-–—]\s", para.text[m.end() :]) and DASH_LABEL.match(para.text):
            continue  # "Alain Peyrefitte. - Tout le monde…": the dash's label
        if re.search(r"\.[-–—]\s", name) and DASH_LABEL.match(para.text):
            break  # "LE PRESIDENT.- BONSOIR. JE…": past the dash's label, the words
        if name and INITIALS.fullmatch(name.split()[-1] + "."):
            if _SURNAME_GOES_ON.match(para.text, m.end()):
                break  # "MARCUS T. WELLER, having been…": a middle initial, the name goes on
            name += "."  # "Khrushchev N.S. What…": the full stop belongs to the initials
        name = re.sub(r"(?<=[^\W\d_]{3})\d{1,2}$", "", name)  # "Рузвельт1.": a note's mark
        found.append(Candidate(name, para.text[m.end() :], m.end()))
    return found[::-1]


_INITIALS_COLON = re.compile(rf"(?:[{UPPER}]\.\s*){{2,3}}[:：]")


# Prose writes dashes after names too ("Москва – столица"): a dash label's name must be
# known or recur.
def _dash(para: Paragraph) -> list[Candidate]:
    head = para.text[:90]
    if head[:4] in {"Cde.", "Cde "} and (m := _COMRADE_DASH.match(para.text)):
        # (a party's working notes glue the dash on: "Cde. Molotov-reinforce the…")
        return [Candidate(m.group("label"), m.group("rest"), m.start("rest"))]
    if not (" – " in head or " — " in head or "- " in head or " -" in head):
        return []  # (asked of every paragraph: the cheap test first)
    m = DASH_LABEL.match(para.text) or _MEMBER_DASH.match(para.text)
    if m is None and head[:3] in {"El ", "La "}:
        m = _CHAMBER_DASH.match(para.text)
    if m is None:
        return []
    candidate = Candidate(m.group("label").rstrip("–—-"), m.group("rest"), m.start("rest"))
    return [candidate] if _speech(candidate) else []  # not "Translation - English"


# A parliament's member by his courtesy title, perhaps his seat, a dash (the space after it
# sometimes lost): "Mr Jones (EDEN, NEW SOUTH WALES) - …", "Mr SPEAKER -I call…".
_MEMBER_DASH = re.compile(
    r"(?P<label>(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Senator)\.?\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
    r"(?:\s+\([^()\n]{2,50}\))?)\s+[–—-]\s*(?P<rest>[A-Z“\"'‘].*)$",
    re.S,
)
# A chamber's member by an article and a courtesy title, his post after: "La señora MUÑOZ
# (Presidenta).- …", "El señor GUZMÁN (Secretario General).- …".
_CHAMBER_DASH = re.compile(
    rf"(?P<label>{CHAMBER_COURTESY}\s+[{UPPER}][\w'’-]*"
    rf"(?:\s+[{UPPER}][\w'’-]*){{0,3}}(?:\s+\([^()\n]{{2,60}}\))?)\.?[–—-]\s*(?P<rest>\S.*)$",
    re.S,
)
_COMRADE_DASH = re.compile(
    r"(?P<label>Cde\.?\s+[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)\s*[–—-]\s*(?P<rest>\S.*)$", re.S
)


# "ХАРИТОНОВ Н. М., фракция КПРФ.": a stenogram's speaker in capitals with initials, his
# seat or party after the comma.
_SEATED = re.compile(rf"^(?P<name>{_CAPS_WORD}\s+(?:[{UPPER}]\.\s?){{1,2}}),\s+[^,\n]{{3,120}}$")
# The name alone, surname in capitals and initials: "ХАРИТОНОВ Н. М.", "Б.Н. ПОНОМАРЕВ".
_CAPS_INITIALS = re.compile(
    rf"{_CAPS_WORD}\s+(?:[{UPPER}]\.\s?){{1,2}}|(?:[{UPPER}]\.\s?){{1,2}}{_CAPS_WORD}"
)


# A given name, the surname in capitals and, after a comma, the post: how a radio's or a
# ministry's transcript heads each speaker's words.
_CAPITALISED_SURNAME_AND_POST = re.compile(
    r"^(?P<name>[^\W\d_][^\W\d_'’-]*[a-zà-ÿа-я][^\W\d_'’-]*\s+"
    r"(?P<surname>[^\W\d_][^\W\d_'’-]+)),\s+[^\n]{2,60}(?<![.!?:])$"  # ("hydrolog, ČHMÚ")
)
# A journalist's name and, after a comma, the paper or broadcaster he asks for.
_WITH_OUTLET = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}),\s+"
    r"[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}(?<![.!?])$"  # (not "K. Right, Mr. President.")
)


_SEAT = re.compile(r"\s+\([^()\n!?]{2,50}\)$")  # (or his name: "(Mr. Henry Colville)")
# A member of a parliament as its record heads his speech: a courtesy title or an office
# first ("Mr. Leslie Hale", "The PRIME MINISTER"), or his seat after the name.
_MEMBER_LINE = re.compile(
    r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness)\.?\s|"
    # (an office, not a heading's "The Early Years")
    r"The\s+(?:[A-Z]{2,}\b|(?:Prime|Deputy|Parliamentary|Under|Financial|Economic|Chief|Joint|"
    r"Attorney|Solicitor|Lord|Home|Foreign|Minister|Secretary|Chancellor|Speaker|Chairman|"
    r"President|Paymaster|Postmaster|Leader)\b)|"
    r".*\([A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*)+\)$"  # "… (West Ham, North)", "… (Sir Walter Ince)"
)


# "[主持人]各位网友，下午好", "【拉佐夫】谢谢": a web interview's speaker in brackets before his
# words, no colon after them (only a name that recurs, not "[Page 5]", and no note of the
# room such as "[Laughter]").
# A Japanese Diet record's speaker: his office, his name in brackets with "君" (the opening
# bracket lost in some copies: "委員長高田寛君) …"), "○" before them.
_DIET_LABEL = re.compile(
    r"○?(?:[\u4e00-\u9fff]{0,10}?(?:大臣|議長|委員長|事務総長|政府委員|説明員|参考人|公述人|証人|"
    r"理事|委員))?[（(]?(?P<name>[\u4e00-\u9fff\u3041-\u30ff・]{2,8}?)"
    r"(?:君|さん|議員)[）)]\s*(?P<rest>\S.*)$"
    # (a member who holds no office: "○田中一君 昨日の…", no brackets, a space after "君")
    r"|○(?P<member>[\u4e00-\u9fff\u3041-\u30ff・]{2,8}?)君\s+(?P<words>\S.*)$",
    re.S,
)
_BRACKET_LABEL = re.compile(
    r"^[\[【](?P<label>[^\W\d_][^\[\]【】:：\n]{0,40}?)\s*[\]】]\s*[:：]?\s*(?P<rest>\S.*)$",
    re.S,  # (a colon after the bracket too: "[主持人]:大家上午好")
)

# "(麻生外務大臣)そういう質問は…": a Japanese ministry's record of a press conference, the
# minister in round brackets (not a Chinese list's "(一)", nor "(内閣提出、衆議院送付)").
# (nor an editor's or a translator's note: "(外務省注)", "（译者注）", "（编者按）")
_ROUND_BRACKET_LABEL = re.compile(
    r"^[(（](?P<label>(?![一二三四五六七八九十]+[)）])(?![^)）]*[注按][)）])"
    r"[\u4e00-\u9fff\u30a1-\u30ff・]{2,12})[)）]"
    r"\s*(?P<rest>\S.*)$",
    re.S,
)

# "<질문> 일본…" over "<답변> 우리 정부는…": a Korean ministry's briefing, its question and
# answer in angle brackets.
_ANGLE_LABEL = re.compile(rf"^{ANGLED_QA}\s*(?P<rest>\S.*)$", re.S)


def _bracketed(para: Paragraph) -> list[Candidate]:
    if (diet := _DIET_LABEL.match(para.text)) is not None:
        # "○委員長（高田寛君）　それでは…": the Diet's member, his office before the bracket
        rest = "rest" if diet["name"] else "words"
        return [Candidate(f"{diet['name'] or diet['member']}君", diet[rest], diet.start(rest))]
    m = (
        _BRACKET_LABEL.match(para.text)
        or _ROUND_BRACKET_LABEL.match(para.text)
        or _ANGLE_LABEL.match(para.text)
    )
    if m is None or _STAGE.fullmatch(m["label"]):
        return []
    if _EDITED_NAME.match(para.text) or _EDITED_INITIAL.match(para.text):
        # "[Willi] Stoph. The West…", "[A.] Poledňák: Doporučuji…": the editor's first
        # name or initial, a period or colon label's
        return []
    return [Candidate(m["label"], m["rest"], m.start("rest"))]


# What a transcript notes in brackets of the room, not who speaks: "[Laughter]", "[掌声]".
_STAGE = re.compile(
    r"(?i:laughter|laughs|applause|inaudible|crosstalk|translation|interpretation|signed|"
    r"pause|silence|music|cheers|смех|аплодисменты|неразборчиво|пауза|笑声|笑|掌声|鼓掌|音乐|"
    r"applaus|gelach|beifall|heiterkeit|rires|applaudissements|risas|aplausos|risate|"
    # (a Chinese, Japanese or Korean broadcast's sound, caption, cut and narrator; a page's
    # photograph, figure, table and note)
    r"同期声|字幕|画面|解说|旁白|完|拍手|笑い|中略|略|박수|웃음|중략|자막|녹취|현장음|음악|"
    r"写真|寫真|照片|图片|圖片|図|图|表|画像|動画|视频|注|参考|資料|资料|사진|그림|표)"
)


# "Т. Фельгенгауэр Добрый вечер.": a radio transcript's initial and surname, no mark after
# them, then the words (in capitals or after dots: not "Д. Борисов сказал…", prose).
_INITIAL_SURNAME = re.compile(
    rf"^(?P<label>(?:[{UPPER}]\.\s?){{1,2}}[{UPPER}][{LOWER}'’]+(?:-[{UPPER}][{LOWER}]+)?)"
    rf"\s+(?P<rest>[{UPPER}«\"“…].*)$",
    re.S,
)


def _initial_surname(para: Paragraph) -> list[Candidate]:
    if (m := _INITIAL_SURNAME.match(para.text)) is None:
        return []
    return [Candidate(m["label"], m["rest"], m.start("rest"))]


# Words of an office's or a place's name, not a person's ("Press Office, Downing Street").
_INSTITUTION = re.compile(
    r"\b(?:Office|Press|Department|Ministry|Embassy|University|Service|Agency|Council|"
    r"Committee|House|Street|News|Radio|Television|Library|Archive|Foundation)\b"
)


# (four letters at the least, not a title's "MRS." or "SEN."; after initials run together,
# or one not followed by another: "ХОМЕНКО О.В. Є.", not "ЛАВРОВ С. В.", a name alone)
_CAPITALS_PERIOD_WORDS = re.compile(
    rf"^[{UPPER}][{UPPER}'’-]{{3,}}"
    rf"(?:\s+(?:[{UPPER}]\.){{2,3}}|\s+[{UPPER}]\.(?!\s*[{UPPER}]\.)|\.)\s+[^\W\d_]"
)
_SWORN = re.compile(r"\((?i:sworn|affirmed|recalled)\)$")


def _name_line(para: Paragraph) -> list[Candidate]:
    line = para.first_line.strip()
    if not line or not para.text.startswith(line):
        return []
    if line[:2].isupper() and ", " in line and (seated := _SEATED.match(line)):
        rest = para.text[len(line) :].lstrip()
        return [Candidate(seated["name"].strip(), rest, len(para.text) - len(rest))]
    if (named := _CAPITALISED_SURNAME_AND_POST.match(line)) and named["surname"].isupper():
        rest = para.text[len(line) :].lstrip()  # "Zita SENKOVÁ, moderátorka": a radio's
        return [Candidate(named["name"], rest, len(para.text) - len(rest))]  # speaker, post
    if (outlet := _WITH_OUTLET.match(line)) is not None and not _INSTITUTION.search(outlet["name"]):
        rest = para.text[len(line) :].lstrip()  # "John Cole, BBC": the speaker and his paper
        return [Candidate(outlet["name"], rest, len(para.text) - len(rest))]
    # "Mr. Arthur Lewis (West Ham, North)": a member and his seat, which the name keeps
    # (not a witness sworn in: "MRS ANNA FIELD (affirmed)" heads his examination)
    seat = _SEAT.search(line) if line.endswith(")") and not _SWORN.search(line) else None
    bare = line[: seat.start()] if seat else line
    if len(bare) > (_OFFICE_MAX if seat else _LABEL_MAX):
        return []  # ("The Parliamentary Secretary to the Ministry of Transport (Mr. …)")
    if line[:1] in "(（" and (name := speaker_in_brackets(line)) is not None:
        rest = para.text[len(line) :].lstrip()  # "(記 者)" over the reporter's question
        return [Candidate(name, rest, len(para.text) - len(rest))]
    if re.search(r"[,;!?…\"«»()]|[^\W\d_]{2}\.$", bare) or line.endswith(":"):
        return []  # a sentence, or a colon label
    if line[:1] in "•·▪◦*-–":
        return []  # an item of a list of those present
    if _PART_NUMBER.match(line):
        return []  # "III. ORDEN DEL DÍA", "2. Questions": a part of the record, numbered
    if _CAPITALS_PERIOD_WORDS.match(line):
        return []  # "ГОЛОВУЮЧИЙ. Є.": a label in capitals and a word's reply, short as it is
    rest = para.text[len(line) :].lstrip()
    if (name := speaker_in_brackets(line)) is not None:
        return [Candidate(name, rest, len(para.text) - len(rest))]
    return [Candidate(line, rest, len(para.text) - len(rest))]


# "[앵커]", "[이낙연 / 민주당 대표 후보]": a Korean or Chinese broadcast's speaker alone on
# his line in brackets, his post after a slash.
_BRACKETED_SPEAKER = re.compile(
    r"\[(?P<name>[^\W\d_][^\[\]/]{0,30}?)(?P<post>\s+/\s+[^\[\]/]{1,40})?\]"
    # (or in round brackets, letter-spaced: a Japanese ministry's "(記 者)" over "(大 臣)")
    r"|[(（](?P<round>[\u4e00-\u9fff\u30a1-\u30ff][\u4e00-\u9fff\u30a1-\u30ff\s・]{0,12})[)）]"
)
_EAST_ASIAN = re.compile(rf"[{HANGUL_LETTERS}\u4e00-\u9fff\u3041-\u30ff]")


def speaker_in_brackets(line: str, evidence: Evidence | None = None) -> str | None:
    """The name of a speaker a line holds in square brackets and nothing else, written in
    Korean, Chinese or Japanese or with his post after a slash; not a stage direction
    ("[Applause]", "[The President arrived]", "[박수]"). With `evidence`, only a name
    that heads two paragraphs so at least ("[End of Tape 1 / Side A]" heads one), or a
    reporter's."""
    m = _BRACKETED_SPEAKER.fullmatch(line.strip())
    if m is None:
        return None
    name = m["name"] or closed_up(m["round"], folded=False)
    if _STAGE.fullmatch(name) or not (m["post"] or _EAST_ASIAN.search(name)):
        return None
    recurs = evidence is None or evidence.recurring[("name-line", _recurring_key(name))] >= 2
    return name if recurs or asks(name) else None  # ("[기자]" over a question, once)


# Direct speech in narrative prose, the speaker named after the quotation: "“We have much
# to discuss,” the President said, “and…”", "“Then we wait,” said Stalin.", "— Мы готовы,
# — сказал Сталин." The turn is the whole paragraph, quotation marks and all.
_SAID = (
    r"(?:said|says|asked|asks|replied|replies|answered|added|continued|went on|remarked|"
    r"observed|exclaimed|admitted|agreed|insisted|objected|sighed|laughed|"
    r"сказал|сказала|ответил|ответила|спросил|спросила|заметил|добавил|продолжал|возразил|"
    r"возразила|согласился|признал|воскликнул|засмеялся|пошутил|говорил|говорят|говорили|"
    r"говорит|спрашивает|отвечает|переспросил|переспросила|шепнул|шепнула|прошептал|"
    r"произнес|произнёс|повторил|уточнил|пояснил|whispered|murmured|shouted|explained|"
    r"repeated|retorted|interjected|продолжает|добавляет|замечает|возражает|уточняет|"
    r"поясняет|соглашается|повторяет|"
    # (and in the languages of Europe: "–Muy mala –afirmó Castro.")
    r"dijo|respondió|contestó|preguntó|afirmó|reafirmó|inquirió|espetó|añadió|agregó|"
    r"replicó|exclamó|insistió|señaló|explicó|comentó|dit|répondit|demanda|ajouta|"
    r"répliqua|reprit|poursuivit|disse|rispose|chiese|aggiunse|replicò|esclamò|respondeu|"
    r"perguntou|acrescentou|afirmou|sagte|fragte|antwortete|erwiderte|rief)"
    # "— А вы, Виктор? — спрашивает меня Картер.": the one spoken to, before the speaker;
    # "— Плохих отношений, — продолжает фразу Молотов.": the words he goes on with
    r"(?:\s+(?:меня|его|её|ее|нас|их|ему|мне|нам|me|him|her|us|them|фразу|мысль))?"
)
_QUOTED_NAME = rf"(?:the\s+)?(?:[{UPPER}][\w'’.-]*\s+){{0,3}}[{UPPER}][\w'’-]*|he|she|I|он|она|я"
_MANNER = rf"(?:[a-z]{{3,}}ly\s+|[{CYRILLIC_SMALL}]{{4,}}о\s+)?"  # "quietly", "спокойно"
_QUOTED = re.compile(
    # (a quotation in guillemets may have its dash after it: "«Давайте», — согласился Тито")
    r"^(?:[“\"«„][^“”\"«»„]{2,400}?[,!?…]?[”\"»“](?:\s*,?\s*[—–](?=\s))?|"
    # (the Spanish dash glued to the words it opens: "–¿En qué sentido? –preguntó Mikoyan.")
    r"[—–-]\s?[^—–]{2,400}?[,!?…]?\s[—–]\s?)\s*,?\s*"
    rf"(?:(?P<before>{_QUOTED_NAME})\s+{_MANNER}{_SAID}|{_MANNER}{_SAID}\s+(?P<after>{_QUOTED_NAME}))\b"
)


# "— Решение это не вызывает сомнений, — отчеканил Хрущев.": a Russian writer's words
# after the dash end on the speaker's name, whatever the verb and its adverbs.
_DASH_WRITER = re.compile(
    rf"^[—–-]\s[^—–]{{2,400}}?[,!?…]?\s[—–]\s+(?:(?!я\s)[{CYRILLIC_SMALL}]+\s+){{1,6}}"
    # (not whom he spoke to: "…кивнул Сталин Молотову", "…позвал я Петю")
    rf"(?P<after>[{CYRILLIC_CAPITALS}][{CYRILLIC_SMALL}-]+(?:\s+[{CYRILLIC_CAPITALS}][{CYRILLIC_SMALL}-]*[{CYRILLIC_SMALL}](?<![уюе]))?|я)"
    # (or his words go on: "…сообщил Мао Цзэдун. - Как…"; or the writer's: "…я и тут же…")
    r"(?:[.!?…]?$|[.,]\s+[-—–]\s|\s+и\s)"
)


# A Chinese quotation first, then who said it: "“緊張嗎?”他看著我,關心地問。", "“今天是考试,
# 考你,也考我呀。”钱外长这样说。"
_ZH_SAID_AFTER = re.compile(
    r"^[“「][^“”「」]{1,400}[”」]\s*(?P<clause>[^“”「」。！？!?]{1,24}?"
    r"(?:说|說|问|問|答|道|回答|表示))(?:道)?[。！？.!?]?\s*$"
)


def _zh_said_after(para: Paragraph) -> list[Candidate]:
    """Who speaks a Chinese quotation that is the whole paragraph, named after it: a
    pronoun, the writer, or a name before its manner and verb (the longest first)."""
    m = _ZH_SAID_AFTER.match(para.text)
    if m is None:
        return []
    clause = m["clause"]
    if pronoun := _ZH_ME.match(clause) or _ZH_HE.match(clause):
        return [Candidate(pronoun.group()[0], para.text, 0)]  # "我如实回答", "他关心地问
    named = _zh_reported(Paragraph(clause, para.line_start, para.line_end, None))
    return [Candidate(c.name, para.text, 0) for c in named if c.start == 0 and han_name(c.name)]


def _quoted(para: Paragraph) -> list[Candidate]:
    """ "“We have much to discuss,” the President said", "– Ничего, – спокойно возразил
    Сталин", "“Maybe,” he admitted", "“緊張嗎?”他關心地問。": the whole paragraph is the
    turn."""
    if para.text[:1] in "“「" and HAN.search(para.text[:8]):
        return _zh_said_after(para)
    if para.text[:1] not in '“"«„—–-':
        return []
    if (m := _QUOTED.match(para.text) or _DASH_WRITER.match(para.text)) is None:
        return []
    name = re.sub(r"^the\s+", "", m.groupdict().get("before") or m.group("after"))
    name = re.split(r"(?<=[^\W\d_]{3})\.\s", name)[0]  # ("…согласился Радич. Радич надел…")
    return [Candidate(name, para.text, 0)]


def says_at(text: str) -> bool:
    """Whether a text opens with a verb of speaking (after an adverb or a gesture)."""
    return _verb(text) is not None


def says_who(text: str) -> str | None:
    """Who a line of dialogue says speaks it ("— …, — сказал Сталин"), if it says."""
    found = _quoted(Paragraph(text, 0, 0, None))
    return found[0].name if found else None


# Chinese reports speech by putting the speaker's name before the verb, with no space or
# mark between: "毛泽东简要地谈了…", "杜卿乃谓…", "赫鲁晓夫指出…".
_ZH_SPEECH = re.compile(
    # (not the 说 of 小说 "novel", 传说 "legend", 学说 "doctrine", 据说 and 听说 "reportedly")
    # (nor the 问 of 访问 "visit", 顾问 "adviser", 学问 "learning", 问题 "question" as a matter,
    # nor of 喚問 "summons", 审问 and 讯问 "interrogation", 尋問 "examination"; but 质问 asks)
    r"(?<![小传傳学學据據听聽])(?:说|說)|讲|講|谈了|談了|谈到|談到|表示|强调|強調|指出|谓|謂|答|"
    r"(?<![访訪顾顧学學喚审審讯訊尋])(?:问|問)(?![题題])|询|詢|认为|認為|"
    r"提出|称|稱|告诉|告訴|介绍|介紹|宣布|重申|建议|建議|说明|說明|补充|補充|插话|插話|"
    r"[笑问問答说說叹嘆]道"
)
_ZH_NAME_MAX = 8  # characters before the verb that may be the name and its title


# A Japanese summary's speaker, by name and office, "from" whom its words come, perhaps
# after a number or a few words: "(1)冒頭,岸田大臣から", "これに対し,ケリー長官より,".
_JA_OFFICES = (
    r"(?:国務長官|国務大臣|大臣|長官|大統領|首相|総理|外相|大使|議長|主席|総書記|委員長|書記長|"
    r"次官|補佐官)"
)
_JA_REPORTED = re.compile(
    r"(?:[（(](?:\d{1,2}|[\u30a2-\u30f3])[)）]\s*|\d{1,2}\s)?(?:[^，,、。]{1,8}[，,、]\s*)?"
    rf"(?P<name>[\u4e00-\u9fff\u30a1-\u30ff・]{{1,12}}?{_JA_OFFICES})(?:から|より)[，,、]?"
)
_JA_OFFICE_END = re.compile(rf"^[\u30a1-\u30ff・]{{2,10}}{_JA_OFFICES}$")
# (its verb of saying ends the point: "…旨述べた。", "…と発言があった。"; not a news story's
# "ブッシュ大統領から記念のギターが贈られ…" with "説明" somewhere in it)
JA_SAID = re.compile(
    r"(?:旨の?|と)\s*(?:述べ|発言|説明|強調|言及|指摘|表明|応じ|要請|答え|紹介)[^。]{0,10}。?\s*$"
)


def _zh_reported(para: Paragraph) -> list[Candidate]:
    """The possible names before a Chinese verb of speaking near the clause's start (or
    after a short opening phrase: "谈到台湾问题，赫鲁晓夫问…"), longest first; only a person
    the record or the reference data knows is taken. "赫鲁晓夫没有再问" says nothing."""
    text = para.text
    if (told := _JA_REPORTED.match(text)) and JA_SAID.search(text):
        # "(2)ケリー長官から,…旨述べた": a Japanese ministry's summary of a talk
        return [Candidate(told["name"], text[told.end() :], told.end())]
    if not HAN.match(text[:1]):
        return []
    lead = re.match(r"[^，,。！？；]{2,12}[，,]", text)
    found: list[Candidate] = []
    for start in (0, lead.end()) if lead else (0,):
        clause = re.match(r"[^。！？；]{0,30}", text[start:])
        verb = _ZH_SPEECH.search(text, start, start + clause.end())  # type: ignore[union-attr]
        # "毛泽东用帽子垫着坐在田埂上,让张宗逊坐在自己身边,随后和蔼地问张宗逊:“…”": the
        # subject's long sentence ends on the words it quotes
        quoting = _ZH_QUOTING.match(text, start)
        if verb is None and quoting is not None:
            verb = _ZH_SPEECH.search(text, quoting.start("verb"), quoting.end())
        if verb is None:
            continue
        if re.search(r"的回?$", text[start : verb.start()]) or _ZH_WHEN.match(text, verb.end()):
            continue  # "鄧小平的回答是…": his answer; "他講這話的時候", "回答得…巧妙": told of
        if (me := _ZH_ME.match(text, start)) and me.end() == verb.start():
            found.append(Candidate("我", text[start + 1 :], start + 1, start))  # "我表示，…"
            continue
        if (he := _ZH_HE.match(text, start)) and he.end() == verb.start():
            found.append(Candidate(text[start], text[start + 1 :], start + 1, start))  # "他問我"
            continue
        # "鄧問我": a surname alone names someone only straight before the verb (and only
        # one the record lists is taken)
        shortest = 1 if verb.start() == start + 1 else 2
        for size in range(min(verb.start() - start, _ZH_NAME_MAX), shortest - 1, -1):
            name = text[start : start + size]
            if re.search(r"[，,。：:、\s]", name) or not HAN.fullmatch(name[-1]):
                continue
            if _ZH_NEGATION.search(text, start + size, verb.start()):
                continue
            candidate = Candidate(name, text[start + size :], start + size, start)
            # "毛泽东笑着说：“…”" and "毛泽东听取了消息，并且说：“…”" quote
            found.append(_quoting(candidate, text, verb.end()))
    return found


_ZH_QUOTING = re.compile(
    r"[^。！？；“”「」]{0,60}?(?P<verb>说|說|问|問|答|道)[^。！？；“”「」:：]{0,6}[:：]\s*[“「『]"
)
_ZH_NEGATION = re.compile(r"没|沒|不|未")
# After a verb of speaking, words that make it no saying: "他講這話的時候" (when he said it),
# "回答得如此巧妙" (answered so skilfully).
_ZH_WHEN = re.compile(
    r"[^，,。！？；:：“”]{0,8}?(?:的时候|的時候|之时|之時)|"
    # (but "回答得很干脆:“…”" says what)
    r"得(?:如此|那麼|那么|這麼|这么|很|太|非常|十分)[^，,。！？；:：“”]{0,6}(?=[，,。！？；])"
)
_ZH_HE = re.compile(r"[他她](?:又|也|就|便|还|還|再|即|立即|马上|馬上|当即|當即)?")
_ZH_ME = re.compile(r"我(?:又|也|就|便|还|還|再|即|立即|马上|馬上|当即|當即)?")
# Characters no name of two to four is written with: pronouns and the words of a clause;
# and the ends of a side or a body ("苏方", "代表团", "外交部").
_ZH_NOT_IN_NAMES = re.compile(
    r"[他她我你们們的了在对對向也又就便都很着著把被给給是有这這那其各双雙]"
)
# Words a Chinese clause opens with before its subject, never a name: "然后,…说道:".
_ZH_ADVERBS = (
    *("然后", "于是", "接着", "随后", "后来", "当时", "这时", "此时", "最后", "同时", "原来"),
    *("因此", "所以", "但是", "可是", "不过", "而且", "并且", "首先", "突然", "忽然", "终于"),
    *("对此", "为此", "对于", "关于", "听了", "听完", "接下来"),
)
_ZH_BODY = re.compile(r"[方团團部国國党黨府会會家]$")


def _zh_name(candidate: Candidate) -> bool:
    """Whether a subject nobody lists may be a person's name ("刘少奇马上说…" twice
    over), not "他们", "双方", "苏方" or "代表团"."""
    if _JA_OFFICE_END.search(candidate.name):
        return True  # "ブラウン外相" of a Japanese summary: a name and office
    following = candidate.rest[:1]  # not "代表" of "代表团表示"
    return han_name(candidate.name) and not _ZH_BODY.search(following)


def han_name(name: str) -> bool:
    """Whether Chinese characters may be a person's name by their shape: two to four, no
    pronoun or word of a clause among them, not a side or a body ("苏方", "代表团")."""
    return 2 <= len(name) <= 4 and not (
        _ZH_NOT_IN_NAMES.search(name) or _ZH_BODY.search(name) or name.startswith(_ZH_ADVERBS)
    )


# "Q Mr. Secretary, …" / "A Well, …": a press conference's questions and answers.
# An edition may number the questions: "[2.] Q. Mr. President, …".
# (not the article of "A summary of the call…": an answer opens with a capital)
_QA = re.compile(
    r"^(?:\[\d{1,3}\.?\]\s+)?(?:(?P<label>[QA])\.\s+(?=[^\W\d_]|[«\"“])|"
    rf"(?P<bare>[QA])\s+(?=[{UPPER}\u4e00-\u9fff«\"“])|"
    # (an Australian transcript's Prime Minister answering by his office's letters)
    # (not "PM Narendra Modi", nor the colon label "PM Modi: …")
    r"(?P<office>PM|P\.M\.)\s+(?=[A-Z])(?![A-Z][a-z]+\s+[A-Z][a-z])(?![^\s:]+(?:\s+[^\s:]+)?:)|"
    # (a French interview's "Q - …" and "R - …", its answer by the letter of "réponse")
    # (and a Spanish one's "P.- …" and "R.- …", "pregunta" and "respuesta")
    rf"(?P<dashed>{QA_WORD})(?:\s[-–—]\s+|[.:]{{1,2}}[-–—]\s*)(?=[^\W\d_]|[«\"“¿¡])|"
    # (a Chinese or Japanese one's question and answer in brackets: "(問)…", "【答】…")
    rf"{BRACKETED_QA}\s*(?=\S)|"
    # (a Korean or Japanese interviewer's question after a double dash: "-- 북한의…?")
    rf"(?P<asking>--|──|――)\s*(?=[{HANGUL_LETTERS}\u3041-\u30ff\u4e00-\u9fff]))"
)
PRIME_MINISTER = Speaker("prime-minister", "PM", resolved=False)  # by his office's letters
_ASKING_WORDS = {"Q", "P", "Pregunta", "Pergunta", "Domanda", "Frage"}
QUESTION, ANSWER = "Q", "A"
QA_SPEAKERS = {
    QUESTION: Speaker("question", QUESTION, resolved=False),
    ANSWER: Speaker("a", ANSWER, resolved=False),
}


def _qa(para: Paragraph) -> list[Candidate]:
    m = _QA.match(para.text)
    if m is None:
        return []
    asked = (
        m["dashed"] in _ASKING_WORDS
        or (m["han"] is not None and m["han"] in "问問")
        or bool(m["asking"])
    )
    letter = m["label"] or m["bare"] or m["office"] or (QUESTION if asked else ANSWER)
    return [Candidate(letter, para.text[m.end() :], m.end())]


STYLES: tuple[LabelStyle, ...] = (
    # A colon is distinctive, but page furniture uses it too ("Original Language: Russian"):
    # a name no one corroborates is a label only between turns that are sure.
    LabelStyle("colon", Kind.SPEECH, _colon),
    LabelStyle("bracket", Kind.SPEECH, _bracketed, True),
    LabelStyle("qa", Kind.SPEECH, _qa, True),
    LabelStyle("reported", Kind.REPORTED, _reported, True, _reported_verb),
    # "Erich Honecker dankte…, erklärte…": a verb news stories use too, so only for the
    # people the record lists ("Gespräch zwischen Erich Honecker und Botschafter …")
    LabelStyle("reported-listed", Kind.REPORTED, _reported_by_party_verb, True),
    LabelStyle("quoted", Kind.SPEECH, _quoted, True),
    LabelStyle("narrated", Kind.REPORTED, _narrated, True),
    LabelStyle("zh-reported", Kind.REPORTED, _zh_reported, True, _zh_name),
    # Before "period": the line break is better evidence than a full stop ("ПОНОМАРЕВ Б.Н.").
    LabelStyle("name-line", Kind.SPEECH, _name_line, True),
    LabelStyle("initialled", Kind.SPEECH, _initial_surname, True),
    LabelStyle("period", Kind.SPEECH, _period, True),
    LabelStyle("dash", Kind.SPEECH, _dash, True),
    LabelStyle("caps-run", Kind.SPEECH, _caps_run, True),
    LabelStyle("han-space", Kind.SPEECH, _han_space, True),
)
COLON = next(style for style in STYLES if style.name == "colon")
NARRATED = next(style for style in STYLES if style.name == "narrated")
NAME_LINE = next(style for style in STYLES if style.name == "name-line")
PERIOD = next(style for style in STYLES if style.name == "period")
DASH = next(style for style in STYLES if style.name == "dash")
# The styles of speech told in the third (or first) person rather than transcribed.
REPORTING_STYLES = frozenset({"reported", "reported-listed", "narrated", "zh-reported"})


def _styled(para: Paragraph) -> list[tuple[LabelStyle, list[Candidate]]]:
    """The styles that find candidates in a paragraph, in order, with them (kept)."""
    found = para.candidates.get("styles")
    if found is None:
        found = para.candidates["styles"] = [
            (style, candidates) for style in STYLES if (candidates := style.found_in(para))
        ]
    return found


@dataclass(slots=True)
class Evidence:
    """What a version's paragraphs say about its label styles, before any is taken. What
    only a few records need (speech narrated inside sentences, the words written in lower
    case) is counted the first time it is asked for."""

    recurring: Counter[tuple[str, str]]  # (style, name key) -> paragraphs it opens
    known: set[str]  # styles in which some paragraph opens with a known person's name
    paras: list[Paragraph] = field(default_factory=list)
    _in_sentences: Counter[str] | None = None
    _lowercase: set[str] | None = None
    _narrator_speaks: bool | None = None
    _capitals_label: bool | None = None
    _titled_periods: bool | None = None
    _names_with_posts: int | None = None
    _asking_handles: set[str] | None = None
    _name_lines: bool | None = None
    _before_name_lines: set[str] = field(default_factory=set)
    _dashes_run_in: bool | None = None
    _after_initials: set[str] | None = None
    initialled: set[tuple[str, str]] = field(default_factory=set)  # (style, key) of initials
    _floor: set[str] | None = None
    _colon_exchange: bool | None = None
    _surnames: set[str] | None = None
    _qa_letters: dict[str, float] | None = None
    _surname_labels: Counter[str] | None = None
    _floor_given: bool | None = None
    _text: str | None = None
    _words: Counter[str] | None = None
    _edited_labels: int | None = None
    _dash_before: frozenset[str] | None = None
    _dash_interview: bool | None = None
    _dot_dash_names: frozenset[str] | None = None
    _marked_dialogue: bool | None = None
    _quotes_named_after: int | None = None
    # Whether a name that speaks once beside a writer who speaks counts (`_other_side`):
    # inside a record's turns, not when looking for where the record begins.
    other_side: bool = False

    def count(self, style: str, key: str) -> int:
        """How often a name labels paragraphs in a style (narrated speech: sentences)."""
        if style != "narrated":
            return self.recurring[(style, key)]
        if self._in_sentences is None:
            self._in_sentences = Counter(
                _recurring_key(candidate.name)
                for para in self.paras
                for start in _sentence_starts(para)
                for candidate in _narrated(_piece(para, start))
            )
        return self.recurring[(style, key)] + self._in_sentences[key]

    @property
    def colon_lines(self) -> set[str]:
        """The names written alone on a line before a colon ("Gromyko:")."""
        return {
            _recurring_key(m.group("label"))
            for para in self.paras
            if (m := _COLON_LINE.match(para.first_line.strip()))
        }

    def asking_handle(self, name: str) -> bool:
        """Whether a label is a web user's name in lower case ("tieraerztin:") that opens
        two paragraphs or more with a colon, one of them at least a question: a blog's
        interviewer, not a word of prose before a colon ("update:", "note:")."""
        name = name.strip()
        if not _HANDLE.fullmatch(name) or _NOTE_WORD.fullmatch(name):
            return False
        if self.recurring[("colon", _recurring_key(name))] < 2:
            return False
        if self._asking_handles is None:
            self._asking_handles = {
                candidate.name.strip()
                for para in self.paras
                for candidate in COLON.found_in(para)[:1]
                if "?" in candidate.rest
            }
        return name in self._asking_handles

    @property
    def names_with_posts(self) -> int:
        """How many different names in full with their posts open paragraphs with a colon
        ("Roman Prorok, tiskový mluvčí vlády ČR:")."""
        if self._names_with_posts is None:
            self._names_with_posts = len(
                {
                    _recurring_key(candidate.name)
                    for para in self.paras
                    for candidate in COLON.found_in(para)[:1]
                    if _NAME_AND_POST.fullmatch(candidate.name.strip())
                }
            )
        return self._names_with_posts

    @property
    def surname_labels(self) -> Counter[str]:
        """How many paragraphs each surname opens with a colon, alone or as the last word
        of a name in full ("Alexej Kosygin:", "Kosygin:")."""
        if self._surname_labels is None:
            self._surname_labels = Counter(
                _surname_key(candidates[0].name)
                for para in self.paras
                if (candidates := COLON.found_in(para)) and _ends_with_a_name(candidates[0].name)
            )
        return self._surname_labels

    @property
    def qa_letters(self) -> dict[str, float]:
        """The single letters that label paragraphs with a colon or a full stop ("P.:",
        "R:", "P. ¿Y…?"), each with the share of its paragraphs that ask a question."""
        if self._qa_letters is None:
            asked: dict[str, list[bool]] = {}
            for para in self.paras:
                for style, candidates in _styled(para):
                    if (
                        style.name in _QA_STYLES
                        and len(key := _recurring_key(candidates[0].name)) == 1
                    ):
                        rest = candidates[0].rest.rstrip(' "”»)')
                        asked.setdefault(key, []).append(rest.endswith(("?", "？")))
            self._qa_letters = {key: sum(found) / len(found) for key, found in asked.items()}
        return self._qa_letters

    @property
    def colon_exchange(self) -> bool:
        """Whether two different names open paragraphs of speech with a colon within a
        few paragraphs of each other ("CURRY: To start, …" over "FUCHS: Oral history
        is…"): an exchange, though in a page's excerpt neither name may recur."""
        if self._colon_exchange is None:
            opened = [
                (index, _recurring_key(candidate.name), len(_WORD.findall(candidate.rest)))
                for index, para in enumerate(self.paras)
                for candidate in COLON.found_in(para)[:1]
                if _exchange_label(candidate) and self._named_so(candidate.name)
            ]
            # (one of the two says a sentence: "Thanks, Michel. Hey, fellas, …" over "Great.")
            self._colon_exchange = any(
                b[0] - a[0] <= _EXCHANGE_GAP and a[1] != b[1] and max(a[2], b[2]) >= _SENTENCE_WORDS
                for a, b in pairwise(opened)
            )
        return self._colon_exchange

    def _named_so(self, label: str) -> bool:
        """Whether a label of one word is a surname the page writes after a first name or
        a title ("FUCHS:" where the head says "James R. Fuchs", "Дынько:" beside "Андрэй
        Дынько", the genitive too: "Дракахруст:" beside "Юрыя Дракахруста"), not a key
        ("Shipping:", "Born:", "Notice:"). A longer label is a name or an office as it is."""
        words = clean_label(label).split()
        if len(words) != 1 or HAN.search(words[0]):
            return True  # (Chinese writes a name as one word: "柯委員建銘:")
        if asks(words[0]) or ANSWERING.fullmatch(words[0]) or words[0].rstrip(".") in QA_SPEAKERS:
            return True  # "Q.:" and "A.:", "Question:" and "Answer:"
        if self._surnames is None:
            self._surnames = {
                m["last"].casefold()
                for m in _FIRST_AND_LAST.finditer(self.text)
                if m["first"].casefold() not in _ARTICLES
            }
        word = words[0].casefold()
        if word in self._surnames:
            return True
        return bool(CYRILLIC.match(word)) and any(one_stem(word, s) for s in self._surnames)

    @property
    def after_initials(self) -> set[str]:
        """The words the version writes after an initial ("L. Brezhnev")."""
        if self._after_initials is None:
            self._after_initials = set(_AFTER_INITIAL.findall(self.text))
        return self._after_initials

    def titled(self, surname: str) -> bool:
        """Whether the version writes a surname after an office or a courtesy word: a
        person's, not a newspaper's ("Pravda reported…")."""
        # ("начальник Восточного отдела МИД Голувко": a few words may stand between)
        pattern = rf"(?i:\b(?:{HONORIFICS}))\.?\s+(?:\S+\s+){{0,4}}{re.escape(surname)}\b"
        return any(re.search(pattern, para.text) for para in self.paras)

    def mentions(self, word: str) -> int:
        """How often the version writes a word (a name) with a capital."""
        if self._words is None:
            self._words = Counter(w for para in self.paras for w in _WORD.findall(para.text))
        return self._words[word]

    @property
    def text(self) -> str:
        """The version's paragraphs as one text."""
        if self._text is None:
            self._text = "\n".join(para.text for para in self.paras)
        return self._text

    @property
    def floor_given(self) -> bool:
        """Whether a chair gives anyone the floor in this version (a sitting's record)."""
        if self._floor_given is None:
            self._floor_given = any(
                word in para.text for para in self.paras for word in _FLOOR_WORDS
            )
        return self._floor_given

    def given_floor(self, name: str) -> bool:
        """Whether the chair gives this name the floor ("Слово имеет товарищ Бухарин.",
        "Слово предоставляется Бухарину", "The Chair recognizes Senator Gore"): its label
        below is the speaker's, though it opens no other paragraph."""
        if self._floor is None:
            named = (
                [m["name"].split() for m in _FLOOR.finditer(self.text)] if self.floor_given else []
            )
            # (a name in full: "La parole est à Mme Christine Bonfanti-Dossat", her surname)
            self._floor = {name_key(words[i]) for words in named for i in (0, -1)}
        words = clean_label(name).split()
        key = name_key(words[0] if words and _CAPITALS.fullmatch(words[0]) else words[-1])
        return any(key == given or one_stem(key, given) for given in self._floor)

    @property
    def dash_dialogue(self) -> bool:
        """Whether three paragraphs or more open with a name and a dash, of two people at
        least: a stenogram's labels, not prose or a glossary of who was who."""
        dashed = {key: n for (style, key), n in self.recurring.items() if style == "dash"}
        return (
            (len(dashed) >= 2 and sum(dashed.values()) >= 3)
            or self.dash_interview
            or self.dashes_run_in
        )

    @property
    def dashes_run_in(self) -> bool:
        """Whether a paragraph runs together three labels in capitals with ".-" or more."""
        if self._dashes_run_in is None:
            self._dashes_run_in = any(run_in_dashes(para.text) for para in self.paras)
        return self._dashes_run_in

    @property
    def dash_sitting(self) -> bool:
        """Whether names and dashes make a dialogue in which the chair speaks ("Mr SPEAKER
        -…"): a parliament's members, each perhaps once (not a list of obituaries)."""
        chair = ("speaker", "chairman", "president", "presiding")
        return self.dash_dialogue and any(
            style == "dash" and key.endswith(chair) for style, key in self.recurring
        )

    @property
    def dash_interview(self) -> bool:
        """Whether an interviewer's part in capitals over a dash (or a name in capitals
        asking a question) opens a paragraph and another part in capitals the next labelled
        one: "PERIODISTA. - …?" then "PRESIDENTE. - …", an interview short enough that
        neither recurs."""
        if self._dash_interview is None:
            # (each saying something, not a credit's "REPORTER - John Simpson")
            found = [c[0] for para in self.paras if (c := DASH.found_in(para)[:1])]
            # (or a paper by its name in capitals, asking: "LA TRIBUNE- … Combien ?")
            self._dash_interview = any(
                (
                    _INTERVIEWER.fullmatch(asker := clean_label(a.name).rstrip(". "))
                    or (_CAPS_LABEL.fullmatch(asker) and a.rest.rstrip(' »”"').endswith("?"))
                )
                and _CAPS_LABEL.fullmatch(answer := clean_label(b.name).rstrip(". "))
                and answer != asker
                and all(
                    len(c.rest.split()) >= _SAID_WORDS and not _NAME_FIRST.match(c.rest)
                    for c in (a, b)
                )
                for a, b in pairwise(found)
            )
        return self._dash_interview

    @property
    def marked_dialogue(self) -> bool:
        """Whether a mark before a name ("▶김어준 : …", "▲김위원장=…") labels turns here: one
        such name opens two paragraphs or more (a site's "▶ Video:" link and a box's
        "▲일시=…", "▲장소=…" fields name nothing twice)."""
        if self._marked_dialogue is None:
            found = [
                c[0] for para in self.paras if _MARKED.match(para.text) and (c := _colon(para))
            ]
            marked = Counter(_recurring_key(c.name) for c in found)
            # (and what follows most of them is said: "▲일시=2024년 5월 10일 오후 2시" is not)
            said = sum(bool(_SENTENCE.search(c.rest)) for c in found)
            self._marked_dialogue = any(n >= 2 for n in marked.values()) and said * 2 > len(found)
        return self._marked_dialogue

    @property
    def dot_dash_names(self) -> frozenset[str]:
        """The names of a transcript that glues a full stop and a dash to each speaker's
        name or part ("Portavoz.- Sí, gracias.", "Pregunta.- …", "Sr. De Guindos.- …"), where
        three paragraphs at least open so, with two names, and someone asks something or
        a chamber's member speaks ("La señora MUÑOZ (Presidenta).-"): not a newspaper's
        "MADRID.-" dateline, nor a resolution's numbered points."""
        if self._dot_dash_names is None:
            names = [
                found[0].name
                for para in self.paras
                if (found := DASH.found_in(para)[:1])
                and _GLUED_DOT_DASH.search(para.text, 0, found[0].cut)
            ]
            keys = [_recurring_key(name) for name in names]
            asked = any("?" in para.text for para in self.paras) or any(
                _CHAMBER_COURTESY.match(name) for name in names
            )
            dialogue = len(keys) >= 3 and len(set(keys)) >= 2 and asked
            self._dot_dash_names = frozenset(keys) if dialogue else frozenset()
        return self._dot_dash_names

    @property
    def edited_labels(self) -> int:
        """How many paragraphs open with a name whose first name an editor supplied."""
        if self._edited_labels is None:
            self._edited_labels = sum(
                1
                for para in self.paras
                if (m := _EDITED_NAME.match(para.text)) and not _STAGE.search(m["name"])
            )
        return self._edited_labels

    @property
    def dash_before_dialogue(self) -> frozenset[str]:
        """Names over a dash that open paragraphs before the first one that recurs: a
        dateline's place ("MADRID.- El presidente…"), not a speaker."""
        if self._dash_before is None:
            before: set[str] = set()
            for para in self.paras:
                found = DASH.found_in(para)[:1]
                if not found:
                    continue
                key = _recurring_key(found[0].name)
                if self.count("dash", key) >= 2:
                    break
                before.add(key)
            self._dash_before = frozenset(before)
        return self._dash_before

    @property
    def quotes_named_after(self) -> int:
        """How many paragraphs are a Chinese quotation with its speaker named after it."""
        if self._quotes_named_after is None:
            self._quotes_named_after = sum(
                bool(_ZH_SAID_AFTER.match(para.text)) for para in self.paras
            )
        return self._quotes_named_after

    @property
    def dash_recurs(self) -> bool:
        """Whether a name over a dash labels two paragraphs or more."""
        return any(n >= 2 for (style, _), n in self.recurring.items() if style == "dash")

    @property
    def name_line_dialogue(self) -> bool:
        """Whether names alone on their lines, each over what it says, make a dialogue:
        three such lines or more, of two people at least, one of whom speaks again (by
        surname: "Mr. RONALD McNEILL", then "Mr. McNEILL"). A page's headings stand over
        paragraphs too, but no heading comes back."""
        if self._name_lines is None:
            surnames: Counter[str] = Counter()
            first: dict[str, int] = {}  # surname -> the paragraph it first heads
            heading: set[str] = set()  # surnames over a paragraph that is no sentence
            members = 0  # lines that head a member's speech
            for index, para in enumerate(self.paras):
                found = NAME_LINE.found_in(para)
                if not found or not _speech(found[0]):
                    continue
                following = self.paras[index + 1] if index + 1 < len(self.paras) else None
                if not found[0].rest and (following is None or not said_below(following)):
                    continue
                words = clean_label(found[0].name).split()
                surname = name_key(words[-1]) if words else ""
                surnames[surname] += 1
                if following is not None and not opens_speech(following.text):
                    heading.add(surname)  # over the title again and a stamp, not a sentence
                first.setdefault(surname, index)
                members += bool(_MEMBER_LINE.match(found[0].name))
            # (a parliament's members, each by his title or seat, may each speak once)
            self._name_lines = (
                sum(surnames.values()) >= 3
                and len(surnames) >= 2
                and (any(n >= 2 for n in surnames.values()) or members >= 3)
            )
            again = min((first[s] for s, n in surnames.items() if n >= 2), default=0)
            self._before_name_lines = {
                s for s, n in surnames.items() if n == 1 and first[s] < again and s in heading
            }
        return self._name_lines

    @property
    def before_name_lines(self) -> set[str]:
        """Surnames alone on their lines once, above the first line of one who speaks again
        and over no sentence: a page's section over its title ("정치", "Politics") and its
        stamp, before the dialogue."""
        _ = self.name_line_dialogue  # (read together)
        return self._before_name_lines

    @property
    def titled_periods(self) -> bool:
        """Whether an office and a surname over a full stop labels two paragraphs or more
        ("Secretary Rusk.", a hearing's way)."""
        if self._titled_periods is None:
            # (the first candidate that is one: "Mr. LAIRD. We are on the record." offers
            # "Mr. LAIRD. We are on the record" before "Mr. LAIRD")
            titled = Counter(
                name
                for para in self.paras
                if (
                    name := next(
                        (c.name for c in PERIOD.found_in(para) if TITLED_LABEL.fullmatch(c.name)),
                        None,
                    )
                )
            )
            # (and inside a transcript run into one line)
            titled.update(m["label"] for para in self.paras for m in _hearing_labels(para.text))
            self._titled_periods = any(n >= 2 for n in titled.values())
        return self._titled_periods

    @property
    def capitals_label(self) -> bool:
        """Whether two paragraphs or more open with a surname in capitals and a full stop."""
        if self._capitals_label is None:
            self._capitals_label = (
                sum(
                    any(_CAPS_LABEL.fullmatch(clean_label(c.name)) for c in PERIOD.found_in(para))
                    for para in self.paras
                )
                >= 2
            )
        return self._capitals_label

    @property
    def narrator_speaks(self) -> bool:
        """Whether the record keeper reports his own words ("I replied that…")."""
        if self._narrator_speaks is None:
            self._narrator_speaks = any(
                _narrator(candidate) and _verb(candidate.rest)
                for para in self.paras
                for start in [0, *_sentence_starts(para)]
                for candidate in _narrated(_piece(para, start))
            )
        return self._narrator_speaks

    @property
    def lowercase(self) -> set[str]:
        """The words the version writes in lower case."""
        if self._lowercase is None:
            self._lowercase = {
                w for para in self.paras for w in _WORD.findall(para.text) if w.islower()
            }
        return self._lowercase


_AFTER_INITIAL = re.compile(rf"\b[{UPPER}]\.\s?([{UPPER}][\w'’-]+)")


def _ends_with_a_name(label: str) -> bool:
    """Whether a label's last word is a name's: capitalised, after at most seven words of an
    office ("Předseda Sovětu národních komisařů Alexej Kosygin")."""
    words = clean_label(label).split()
    return 1 <= len(words) <= _MAX_OFFICE_WORDS and bool(LABEL_WORD.match(words[-1]))


def _surname_key(name: str) -> str:
    """The last word of a label's name, as evidence counts it ("" for none)."""
    words = clean_label(name).split()
    return _recurring_key(words[-1]) if words else ""


def _recurring_key(name: str) -> str:
    """A name as evidence counts it: "The President" at a sentence's start and "the
    President" inside one are the same label, and so are "The Sec" and "The Secretary"."""
    # "Хрущев (жалуясь)", "ЧАРЛИ РОУЗ, ведущий CBS News"
    name = full_office(clean_label(name) if "(" in name or "," in name or "- " in name else name)
    if name[:4].lower() == "the ":
        name = name[4:]
    # ("А. Я. Косыгин." and, a slip of the initials later, "А. Н. Косыгин.": one surname)
    return name_key(_INITIALS_BEFORE.sub("", name))


_INITIALS_BEFORE = re.compile(rf"^(?:[{UPPER}]\.\s?){{1,3}}(?=[{UPPER}][{LOWER}]{{2,}})")


def _known(candidate: Candidate, speaker: Speaker, roster: Roster) -> bool:
    """Whether the reference data or the record's own lists name this person (or the
    person an office's label names in brackets)."""
    if speaker.resolved or roster.member_for(candidate.name) is not None:
        return True
    inner = bracketed_name(candidate.name) if "(" in candidate.name else None
    return inner is not None and roster.member_for(inner) is not None


def _narrator(candidate: Candidate) -> bool:
    """Whether a sentence of reported speech is the author's own ("I replied that…")."""
    return candidate.name in FIRST_PERSON


def gather_evidence(paras: list[Paragraph], roster: Roster) -> Evidence:
    evidence = Evidence(Counter(), set(), paras)
    written: dict[str, set[str]] = {}  # style -> the names that open paragraphs in it
    for para in paras:
        for style, candidates in _styled(para):
            evidence.recurring.update({(style.name, _recurring_key(c.name)) for c in candidates})
            written.setdefault(style.name, set()).add(candidates[0].name)
            if hereafter := _HEREAFTER.search(candidates[0].name):
                # "Premier Kim Il Sung (hereafter Kim):" names the label to come
                evidence.recurring[(style.name, _recurring_key(hereafter["short"]))] += 1
            for candidate in candidates:
                speaker = roster.resolve(candidate.name)
                if speaker is not None and _known(candidate, speaker, roster):
                    evidence.known.add(style.name)
                    break
        # A label written again inside a paragraph (where a page lost its line breaks)
        # recurs as surely as one that opens another paragraph.
        if inline := _inline_labels_of(para):
            evidence.recurring.update(("colon", _recurring_key(label)) for label in inline)
    _initials_recur(evidence, written)
    return evidence


def shortened_labels(paras: Iterable[Paragraph]) -> dict[str, str]:
    """The short forms a record defines for its labels, and the labels they stand for:
    "黎笋(以下简称黎):" gives 黎, "Premier Kim Il Sung (hereafter Kim):" Kim, "Rodrigo Salas
    Mena (RS), embajador:" RS."""
    found: dict[str, str] = {}
    for para in paras:
        for candidate in _colon(para)[:1]:
            if hereafter := _HEREAFTER.search(candidate.name):
                full = candidate.name[: hereafter.start()].strip()
                if full and not _HEREAFTER.search(full):
                    found[hereafter["short"].strip()] = full
            elif declared := _DECLARED_INITIALS.match(candidate.name):
                found[declared["short"]] = declared["full"]  # "Rodrigo Salas Mena (RS), …"
    return found


# A name in full and the letters its holder will be labelled by: "Rodrigo Salas Mena (RS),
# embajador" (not his surname's and first name's initials alone, "RSM").
_DECLARED_INITIALS = re.compile(rf"(?P<full>{_FULL_NAME})\s+\((?P<short>[{CAPITALS}]{{2,4}})\)")
# "(以下简称主席):" after a label's own colon: the short form, then the colon again.
_SHORTENED_AFTER = re.compile(
    r"(?P<aside>[(（](?:hereafter|hereinafter|below|далее|以下简?称)[^()（）]{1,30}[)）])\s*[:：]\s*"
)
_HEREAFTER = re.compile(
    r"[(（](?:hereafter|hereinafter|below|далее|以下简?称)[\s:：—–-]*(?P<short>[^()（）]{1,30})[)）]",
    re.IGNORECASE,
)


def _initials_recur(evidence: Evidence, written: dict[str, set[str]]) -> None:
    """A name shortened to initials in the style it was written out in ("AP. -" after
    "Alain Peyrefitte. -", "О. Минаева —" after "Ольга Минаева —") is the same label
    again: each counts the other's paragraphs."""
    for style, names in written.items():
        spelled: dict[str, list[str]] = {}
        for name in names:
            if _spelled_out(name) or GLUED_INITIAL.match(name.strip()):
                spelled.setdefault(initials_of(name), []).append(name)
        for name in names:
            fulls = spelled.get(initials_label(name) or _initialled(name), [])
            full = fulls[0] if len(fulls) == 1 else None  # (not "JS." for John Smith or Jane Stone)
            if full is not None and full != name:
                short, long = (style, _recurring_key(name)), (style, _recurring_key(full))
                total = evidence.recurring[short] + evidence.recurring[long]
                evidence.recurring[short] = evidence.recurring[long] = total
                evidence.initialled.update({short, long})


_CAPITALS = re.compile(_CAPS_WORD)  # "КОСЫГИН", "ДГ"
# An office or courtesy title and a surname, or an office alone: "Senator Hickenlooper",
# "Secretary Rusk", "The Chairman", "Mr. Humelsine".
TITLED_LABEL = re.compile(
    r"(?:(?:The|Mr|Mrs|Ms|Dr|Senator|Secretary|Ambassador|General|Admiral|Governor|"
    r"Representative|Chairman|President|Minister|Judge|Justice|Cde|Comrade)\.?\s+)"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
)
# A courtesy title in capitals before a name: "M. MARCEAU.-", "MR. DIMBLEBY."
_COURTESY_CAPS = re.compile(r"(?:M|MM|MME|MR|MRS|MS|DR)\.?\s")
# A name in capitals, a courtesy title or "THE" before it: "THE PRESIDENT.", "MR. DIMBLEBY."
_CAPS_LABEL = re.compile(
    rf"(?:(?:MR|MRS|MS|DR|THE|M|Г-Н|ТОВ|Т)\.?\s+)?{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,2}}"
)


# Offices and courtesy words written before a person's name.
HONORIFICS = (
    r"mr|mrs|ms|dr|sir|ambassador|minister|president|premier|secretary|chairman|general|"
    r"senator|governor|comrade|cde|head|director|тов|т|товарищ|господин|посол|министр|"
    r"начальник|председатель|заместитель|советник|посланник|секретарь|генерал|маршал|консул"
)


# How an interview or an interrogation labels its questions and its answers.
# A Chinese press conference labels a question by the asker's paper: "中央电视台记者:".
ASKING = re.compile(
    rf"(?i:вопрос|question|frage|pregunta|pergunta|domanda|vraag|pytanie)|질문|質問"
    r"|기자"  # ("[기자]": the reporter, in Korean)
    r"|ال?سؤال"  # (an Arabic transcript's "السؤال")
    rf"|{REPORTER}(?:(?:提出的?|提)?[问問]道?|说|說)?"
)
ANSWERING = re.compile(
    r"(?i:ответ|answer|antwort|respuesta|resposta|réponse|reponse|risposta|antwoord|odpowiedź)"
    r"|답변|回答|ال?جواب"
)
# An interview's question and answer by their initials, in the languages that write them so:
# "P."/"R." (Spanish), "Q"/"R" (French), "D."/"R." (Italian), "F"/"A" (German). Either letter
# is one only beside the other (a lone "R:" is a telephone record's Rusk).
_QA_LETTERS = {"p": "r", "q": "r", "d": "r", "f": "a"}
# "Pregunta:", "Pregunta.", "QUESTION.-", "<질문>"
_QA_STYLES = frozenset({"colon", "period", "dash", "bracket"})
# (and a reporter by his part before a space or alone on his line: "記者(幹事社・…) …", "(記 者)")
_ASKING_STYLES = _QA_STYLES | {"han-space", "name-line"}
_ASKING = 0.5  # of a question's letter's paragraphs, the share that ask


def _initials_of_members(name: str, roster: Roster) -> bool:
    """Whether either letter of a question's and answer's pair ("P."/"R.") is the initial
    of someone the record lists: a telephone record's "R:" for Rusk beside "D:"."""
    letter = name.strip().rstrip(".").lower()
    pair = {letter, *(b for a, b in _QA_LETTERS.items() if a == letter)}
    pair |= {a for a, b in _QA_LETTERS.items() if b == letter}
    return any(roster.member_for(one.upper()) is not None for one in pair)


def qa_letter(name: str, evidence: Evidence) -> str | None:
    """QUESTION or ANSWER where a label is an interview's question or answer by its letter,
    the record labels the other half so too and most of its questions ask; else None."""
    letter = name.strip().rstrip(".").lower()
    if len(letter) != 1:
        return None
    asking = evidence.qa_letters  # (a telephone record's "P:" and "R:" seldom ask)
    if letter in _QA_LETTERS and _QA_LETTERS[letter] in asking and asking[letter] >= _ASKING:
        return QUESTION
    if any(
        answer == letter and asking.get(asked, 0) >= _ASKING
        for asked, answer in _QA_LETTERS.items()
    ):
        return ANSWER
    return None


_SAID_WORDS = 5  # words of a sentence at the least, after a part's name in an interview
_NAME_FIRST = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+\s+[A-ZÀ-Ý][a-zà-ÿ]+(?:,|\s+(?:and|y|et|und)\s)")
# An interviewer named by his part: "PERIODISTA", "JOURNALISTE", "ЖУРНАЛИСТ".
_INTERVIEWER = re.compile(
    r"(?i:periodista|entrevistador[a]?|journalist[ea]?|reporter|interviewer|intervieweur|"
    r"giornalista|intervistatore|dziennikarz|журналист|корреспондент|ведущ(?:ий|ая))"
)


def asks(name: str) -> bool:
    """Whether a label is a question's ("ВОПРОС", "Question", "中央电视台记者")."""
    name = clean_label(name) if "(" in name or "（" in name else name.strip()  # (his paper)
    return (
        "者" in name or "기자" in name or "سؤال" in name or name[:1] in "ВвQqFfPpDdVv질質"
    ) and bool(ASKING.fullmatch(name))


def _questions_answered(name: str, evidence: Evidence) -> bool:
    """Whether a question or an answer label stands beside the other kind in the record."""
    name = name.strip()
    if qa_letter(name, evidence):
        return True  # "P.:" beside "R.:"
    if not (asks(name) or ANSWERING.fullmatch(name)):
        return False
    keys = {key for style, key in evidence.recurring if style in _QA_STYLES}
    return any(ASKING.fullmatch(k) for k in keys) and any(ANSWERING.fullmatch(k) for k in keys)


# Whoever chairs a sitting: "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ.", "The Chairman."
_CHAIR = re.compile(
    r"(?i:председательствующий|председатель|головуючий|головуюча|the chairman|the chair)"
)


# A chair giving the floor, and to whom (his surname, in any case).
_FLOOR = re.compile(
    r"(?:Слово (?:для [^.!?]{3,60}? )?(?:имеет|предоставляется)|(?i:the chair recognizes)|"
    r"(?i:I recognize)|La parole est à|Tiene la palabra|Das Wort hat|Ha facoltà di parlare)\s+"
    r"(?:(?:товарищ[уа]?|тов\.|депутат[уа]?|г-н[уа]?|господин[уа]?|Senator|Mr\.|Mrs\.|Ms\.|"
    r"M\.|Mme|Mlle|(?:el|la) señora?|(?:der|die) (?:Kollege|Kollegin|Abgeordnete)|Herr|Frau|"
    r"(?:il|la) (?:senatore|senatrice|deputato|deputata|onorevole))\s+)?"
    rf"(?:[{UPPER}]\.\s?){{0,2}}(?P<name>[{UPPER}][\w-]{{2,}}(?:\s+[{UPPER}][\w-]{{2,}}){{0,3}})"
)
# The words by which a chair gives the floor, to tell cheaply whether any page does.
_FLOOR_WORDS = ("лово ", "ecogniz", "parole est", "la palabra", "Wort hat", "facoltà di")


def _press_answering(candidate: Candidate, evidence: Evidence) -> bool:
    """Whether "The Press:" labels the reporters of a briefing answering together, as it
    does where it opens two paragraphs or more (not a heading's "The Press: Friend or
    Foe?")."""
    return (
        candidate.name.strip().lower() == "the press"
        and evidence.count("colon", _recurring_key(candidate.name)) >= 2
    )


# A name in full, a comma, a post in words of lower case ("Jan Fischer, předseda vlády",
# "Anna Weber, Sprecherin des Ministeriums"; not a dateline's "New York, 12 May").
_NAME_AND_POST = re.compile(
    # (the initials the record will label him by after: "Christopher Landau (CL), embajador")
    rf"{_FULL_NAME}(?:{_INITIALS_ASIDE})?,\s+"
    rf"(?!{_CIRCUMSTANCE})(?:[{CAPITALS}À-Þ][\w.-]*\s+)?[{LOWER}]{{2,}}[^\d:,]{{0,80}}"
)
_GLUED_DOT_DASH = re.compile(r"(?<=[^\W\d_]|\))\.[–—-]\s*$")
_CHAMBER_COURTESY = re.compile(CHAMBER_COURTESY)


def _corroborated(style: LabelStyle, candidate: Candidate, evidence: Evidence) -> bool:
    """Whether an unknown name is a speaker: it opens paragraphs at least twice in this
    style. A colon label needs nothing more; in a style prose can imitate the name must
    also be name-shaped ("Kim Il Sung", "N.S. Khrushchev") or a single word in a record
    that labels known people the same way ("Gromyko." beside "Kissinger."). A single
    word that keeps opening paragraphs of a record labelled otherwise ("Правильно.",
    "Agreed.") is a reply, not a name."""
    if style.name == "colon" and evidence.surname_labels[_surname_key(candidate.name)] >= 2:
        # "Premiér Oldřich Černík:" once, then "Černík:": one man, his office and name in
        # full the first time he speaks
        return True
    if style.name == "bracket" and candidate.name.endswith("君") and _diet_members(evidence) >= 2:
        # "○委員長（高田寛君）" beside "○議長（松平恒雄君）": the Diet's record names its
        # members so, each perhaps once (not one member's speeches, listed)
        return True
    if style.name == "colon" and _NAME_AND_POST.fullmatch(candidate.name.strip()):
        # "Roman Prorok, tiskový mluvčí vlády ČR:": a speaker introduced by name and post,
        # each perhaps once, beside another so introduced (not a story's one expert quoted)
        return evidence.names_with_posts >= 2
    if style.name == "colon" and _INTERPRETED.search(candidate.name):
        return True  # "The PRESIDENT (translated from French):": a verbatim record's speaker
    if style.name == "colon" and SAME_BELOW.match(candidate.name):
        return True  # "问(江山,下同):" says the label stands for every question below
    if style.name == "colon" and fold(candidate.name.strip()) in {"问", "答"}:
        return True  # a Chinese interview's question and answer, like "Q" and "A"
    if style.name in _QA_STYLES and (
        (asks(candidate.name) and "?" in candidate.rest)
        or _questions_answered(candidate.name, evidence)
    ):
        # "ВОПРОС: Г-н Лавров, …?", or "ВОПРОС:" beside "ОТВЕТ:", once or more ("Pregunta."
        # beside "Respuesta.")
        return True
    if style.name in {"dash", "qa"} and _recurring_key(candidate.name) in evidence.dot_dash_names:
        return True  # "Portavoz.- …" among "Pregunta.- …" and "Sr. De Guindos.- …"
    if style.name in {"name-line", "period"} and (
        _CHAIR.fullmatch(clean_label(candidate.name))
        or _CAPS_INITIALS.fullmatch(candidate.name.strip())
        or _MEMBER_OF_PARTY.fullmatch(candidate.name.strip())
        # (a French member by courtesy title, in a sitting where the chair gives the floor)
        or (_FRENCH_MEMBER.fullmatch(candidate.name.strip()) and evidence.floor_given)
        or evidence.given_floor(candidate.name)
    ):
        # a stenogram's chair, a deputy by surname and initials or with his party, once
        return True
    if style.name == "dash" and _MEMBER_LINE.match(candidate.name) and evidence.dash_sitting:
        return True  # "Mr Anthony - I raise…" where the Speaker speaks so: each member once
    if style.name == "name-line" and evidence.name_line_dialogue:
        # "MT" over her answers, "John Cole, BBC" over his questions; not "Москва" over
        # "не раз заявляла…", a sentence's subject on a line cut short, nor "Notice" over
        # a library's terms where the transcript below labels with colons, nor a section
        # over the page's title before anyone speaks twice
        words = clean_label(candidate.name).split()
        early = (
            bool(words)
            and name_key(words[-1]) in evidence.before_name_lines
            and not _MEMBER_LINE.match(candidate.name)  # (the chair opening a sitting)
        )
        return not candidate.rest[:1].islower() and not evidence.colon_exchange and not early
    if style.name == "period" and _EDITED_NAME.match(f"{candidate.name}. A"):
        # "[Willi] Stoph.": a name an editor completed is a label's, once or more, where
        # two such labels open paragraphs (not "[Harold] Nicolson. Diplomacy. 1959.")
        cited = _BIBLIOGRAPHY.search(candidate.rest, 0, 200) or _IMPRINT.search(candidate.rest)
        return evidence.edited_labels >= 2 and not cited
    if (
        style.name == "dash"
        and _CAPS_LABEL.fullmatch(clean_label(candidate.name).rstrip("."))
        and (
            evidence.dash_interview
            or (
                evidence.dash_recurs
                and (
                    _recurring_key(candidate.name) not in evidence.dash_before_dialogue
                    or _COURTESY_CAPS.match(candidate.name)  # "M. MARCEAU.-" asks first
                )
            )
        )
    ):
        # (this style is taken only in a dialogue of such lines) a name or a part in
        # capitals, once beside one that recurs: "PRESIDENTE. -" among "PERIODISTA. -" (not
        # a resolution's "PRIMERO.-", "SEGUNDO.-", "TERCERO.-")
        return True
    key = _recurring_key(candidate.name)
    if evidence.count(style.name, key) < 2:
        if style.name == "quoted" and HAN.match(candidate.name):
            # "“…”李外长这样说。", the minister named again in the story; "“是。”我如实回答。"
            return candidate.name in FIRST_PERSON or _story_quote(candidate, evidence)
        if style.name in REPORTING_STYLES and _labelled_elsewhere(candidate, evidence):
            return True  # "Шульц сказал, что…" where "Шульц:" labels a turn of his
        if style.name == "reported" and evidence.count("narrated", key) >= 2:
            return True  # "the PMOS said…" where sentences report him twice or more
        # beside a writer who speaks, the one he talked with may speak only once; in a
        # Chinese memoir, so may someone it names again, before his own words in quotes
        return evidence.other_side and (
            (style.name in REPORTING_STYLES and _other_side(candidate, evidence))
            or (style.name == "zh-reported" and _zh_quoted(candidate, evidence))
        )
    if not style.unknown_ok(candidate):
        return False
    if (style.name, _recurring_key(candidate.name)) in evidence.initialled:
        return True  # "GdG. -" where "Général de Gaulle. -" labels a paragraph, and that
    if style.name == "qa" and candidate.name not in QA_SPEAKERS:
        # "PM" over answers again and again, not a headline's "PM Modi meets students"
        return evidence.recurring[(style.name, _recurring_key(candidate.name))] >= 2
    if not style.corroborated or style.name in {*REPORTING_STYLES, "qa", "bracket", "initialled"}:
        return True  # a colon, a verb of speaking, brackets, initials, or Q and A, twice over
    if style.name == "period" and _CAPITALS.fullmatch(clean_label(candidate.name)):
        return True  # "КОСЫГИН." or "ДГ." again and again: a name or initials in capitals
    if style.name == "period" and _dialogue_name(candidate.name, evidence):
        return True
    if style.name == "name-line" and _HAN_NAME.fullmatch(name := candidate.name.strip()):
        return han_name(name)  # "山本浩之" alone on his line over his words, again and again
    if style.name == "han-space":
        # "加藤 …" again and again beside "石井 …": two such names at least (not one
        # heading's word repeated)
        return han_name(clean_label(candidate.name)) and _run_in_names(evidence, style.name) >= 2
    if style.name == "caps-run":
        return _run_in_names(evidence, style.name) >= 2  # ("JOHN SMITH" beside "MARY JONES")
    word = clean_label(candidate.name).rstrip(".")
    if (
        style.name == "dash"
        and _CAPITALISED.fullmatch(word)
        and word.lower() not in evidence.lowercase
        and not is_month(word)
        and not _WEEKDAYS.fullmatch(word)
        and _dash_names(evidence) >= 2
        and _speaks_in_person(_recurring_key(candidate.name), evidence)
    ):
        # "Adenauer. — …" again and again beside "GdG. — …": two such names, one of them
        # saying "I" or "you" (not a diary's "Monday. — …", nor a minute's topics over what
        # others said: "Berlin. — Mr. Vyshinsky said…")
        return True
    return personal_name(candidate) or style.name in evidence.known


_CAPITALISED = re.compile(rf"[{UPPER}][{LOWER}'’-]{{2,}}")
_WEEKDAYS = re.compile(
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)"
)


def _run_in_names(evidence: Evidence, style: str) -> int:
    """How many names run into their words ("加藤 …", "CAROLINE ROUX Alors…") open two
    paragraphs or more."""
    return sum(
        found == style and n >= 2 and (style != "han-space" or han_name(key))
        for (found, key), n in evidence.recurring.items()
    )


def _diet_members(evidence: Evidence) -> int:
    """How many members a Diet record's labels name ("高田寛君")."""
    return sum(style == "bracket" and key.endswith("君") for style, key in evidence.recurring)


# "I", "we", "you" in the languages of the archives: a speaker's words, not a report's.
_IN_PERSON = re.compile(
    r"(?i:\b(?:I|we|you|me|my|our|your|je|nous|vous|moi|ich|wir|Sie|du|mich|uns|yo|usted|"
    r"ustedes|nosotros|io|noi|voi|lei|я|мы|вы|ты|меня|нас|вас)\b|\bj['’])"
)


def _speaks_in_person(key: str, evidence: Evidence) -> bool:
    """Whether a paragraph the name opens over a dash says "I", "we" or "you"."""
    return any(
        _IN_PERSON.search(found[0].rest)
        for para in evidence.paras
        if (found := DASH.found_in(para)[:1]) and _recurring_key(found[0].name) == key
    )


def _dash_names(evidence: Evidence) -> int:
    """How many names over a dash label two paragraphs or more."""
    return sum(n >= 2 for (style, _), n in evidence.recurring.items() if style == "dash")


_HAN_NAME = re.compile(r"[\u4e00-\u9fff\u3005]{2,4}")  # (with a Japanese name's 々: 佐々木)


def _labelled_elsewhere(candidate: Candidate, evidence: Evidence) -> bool:
    """Whether the surname of a reported sentence's subject labels a turn with a colon
    ("Джордж Шульц предложил…" beside "Шульц:")."""
    words = clean_label(candidate.name).split()
    return bool(words) and evidence.count("colon", _recurring_key(words[-1])) >= 1


def _dialogue_name(name: str, evidence: Evidence, recurs: bool = True) -> bool:
    """ "Брежнев. …" / "Дубчек. …" opening most paragraphs in turn: a word the record
    never writes in lower case, beside another such word, is a name (and, among them, one
    that speaks only once). A reply ("Правильно.") opens a paragraph now and then, and is
    often written in lower case. An aside ("Хрущев (жалуясь)") is no part of the name."""
    name = clean_label(name)
    if (
        not re.fullmatch(rf"[{UPPER}][{LOWER}'’-]{{2,}}", name)
        or name.lower() in evidence.lowercase
    ):
        return False
    colons = [count for (style, _), count in evidence.recurring.items() if style == "colon"]
    if any(count >= (2 if recurs else 1) for count in colons):
        return False  # labelled with colons: a word and a full stop is a reply
    names = {
        key: count
        for (style, key), count in evidence.recurring.items()
        if style == "period" and count >= 2 and key not in evidence.lowercase
    }
    dialogue = len(names) >= 2 and sum(names.values()) * 2 >= len(evidence.paras)
    return dialogue and (not recurs or name_key(name) in names)


# A reference to a publication: its volume, pages or place and publisher.
_BIBLIOGRAPHY = re.compile(
    r"\s[–—-]\s(?:Т|Vol|Bd|Vyp|Вып)\.\s*\d|\b(?:С|P|pp|S)\.\s*\d+\s*[–-]\s*\d+|"
    rf"\s[–—-]\s[{CYRILLIC_CAPITALS}A-Z][{CYRILLIC_SMALL}a-z.]*\s*:\s*[^:]{{3,60}},\s*(?:1[89]|20)\d\d\b"
)


def _cites(para: Paragraph) -> bool:
    """Whether a paragraph cites a publication (kept on the paragraph: asked often)."""
    if para.cites is None:
        para.cites = _BIBLIOGRAPHY.search(para.text) is not None
    return para.cites


@dataclass(frozen=True, slots=True)
class Recognised:
    label: Label | None
    # A name-shaped candidate that was turned down, for `parley check` to show.
    doubtful: Candidate | None = None
    sure: bool = False  # the name is known or recurs: evidence of where the turns are
    narration: bool = False  # the record keeper's words before a label in the same sentence


def recognise(
    para: Paragraph, roster: Roster, evidence: Evidence, between_turns: bool = True
) -> Recognised:
    """The paragraph's speaker label, in the first style that finds one. `between_turns`
    says whether the paragraph lies among sure labels (where a colon label may name
    someone nobody else mentions) rather than in the page around the record."""
    doubtful: Candidate | None = None
    for style, candidates in _styled(para):
        if style.name == "colon" and _MARKED.match(para.text) and not evidence.marked_dialogue:
            continue  # "▶ Video: …", "◎日程：…": a site's link or a box's field
        for candidate in candidates:
            speaker: Speaker | None
            if style.name == "qa" and candidate.name in QA_SPEAKERS:
                speaker = QA_SPEAKERS[candidate.name]  # "A" is no one's initial: it answers
            elif style.name == "qa":
                # "PM" is the office's letters, not the initials of a Peter Martin present
                speaker = replace(PRIME_MINISTER, label=candidate.name)
            elif style.name in _ASKING_STYLES and asks(candidate.name):
                # "意大利《24小时太阳报》记者:", "ВОПРОС:", "記者(幹事社・毎朝新聞) …": the
                # question from the floor
                speaker = replace(QA_SPEAKERS[QUESTION], label=candidate.name.strip())
            elif (
                style.name in _QA_STYLES
                and (letter := qa_letter(candidate.name, evidence))
                and not _initials_of_members(candidate.name, roster)  # (not "D:" for Dobrynin)
            ):
                speaker = replace(QA_SPEAKERS[letter], label=candidate.name.strip())  # "P.:"
            else:
                speaker = roster.resolve(candidate.name)
            if speaker is None and style.name == "colon":
                speaker = _named_by_surname_after(candidate, roster, evidence)
            if speaker is None and style.name == "colon" and _press_answering(candidate, evidence):
                speaker = Speaker("press", candidate.name.strip(), resolved=False)
            if speaker is None and style.name == "colon" and evidence.asking_handle(candidate.name):
                speaker = Speaker(slugify(candidate.name), candidate.name.strip(), resolved=False)
            if speaker is None:
                continue
            if style.name == "reported-listed" and not _listed(candidate, roster):
                continue  # (a news story's "Merkel sagte…": no one a record lists)
            listed = personal_name(candidate) and roster.member_for(candidate.name) is not None
            if style.name == "dash" and not (evidence.dash_dialogue or listed):
                # "Хрущев – человек вспыльчивый": prose, known name or not, unless the
                # record lists him ("Obecni: tow. tow. W. Jaruzelski, …")
                continue
            if style.name == "period" and _BIBLIOGRAPHY.search(candidate.rest, 0, 200):
                continue  # "Сталин И.В. Cочинения. – Т. 17. – Тверь: …": a book, not a turn
            known = style.name != "qa" and _known(candidate, speaker, roster)
            sure = (
                known
                or _corroborated(style, candidate, evidence)
                or _korean_posted(para, candidate)
            )
            if not sure and not (between_turns and _plausible(style, candidate, evidence)):
                doubtful = doubtful or candidate
                continue
            label = Label(
                speaker,
                style.name,
                style.kind,
                candidate.rest,
                candidate.cut,
                candidate.name,
                candidate.start,
            )
            return Recognised(label, sure=sure)
    return Recognised(None, doubtful)


def _named_by_surname_after(
    candidate: Candidate, roster: Roster, evidence: Evidence
) -> Speaker | None:
    """Who a colon label with an office before the name is, where the record labels him by
    his surname after: the holder the roster knows ("Předseda Sovětu národních komisařů
    Alexej Kosygin:", then "Kosygin:"), or the surname after an office written in lower case
    ("Избранный президент Зеленский:", then "Зеленский:"; not a catalogue's "Case Number:",
    nor "Letter signed by Jones:")."""
    held = roster.holder(candidate.name)
    if (
        held
        and evidence.surname_labels[_surname_key(held)] >= 2
        and (found := roster.resolve(held))
    ):
        return found
    *before, surname = clean_label(candidate.name).split() or [""]
    titled = any(w[:1].islower() and roster.is_office(w) for w in before)
    if not titled or not surname[:1].isupper() or "," in candidate.name:
        return None
    alone = evidence.recurring[("colon", _recurring_key(surname))] >= 1
    return roster.resolve(surname) if alone else None


def sure_labels(
    paras: list[Paragraph], roster: Roster, evidence: Evidence | None = None
) -> dict[int, Label]:
    """The paragraphs that open a turn beyond doubt, by index: the label's name is known
    (to the reference data or the record's lists) or recurs as a label."""
    evidence = evidence or gather_evidence(paras, roster)
    found = {}
    for index, para in enumerate(paras):
        recognised = recognise(para, roster, evidence, between_turns=False)
        label = recognised.label
        if not recognised.sure or label is None:
            continue
        if not heads_a_turn(label, paras[index + 1] if index + 1 < len(paras) else None):
            continue
        if label.rest and not _SENTENCE.search(label.rest):
            continue  # "PM Chou: Winston Lord, NSC": a page's title, not a turn
        found[index] = label
    return found


def opens_with_byline(labels: list[Label]) -> bool:
    """Whether the first of a record's sure labels is a name alone on its line that no
    other turn is labelled like: the author's byline under a title, not a speaker."""
    styles = [label.style for label in labels]
    if not styles or styles[0] != "name-line" or styles.count("name-line") > 1:
        return False
    if any(_CHAIR.fullmatch(clean_label(label.name)) for label in labels):
        return False  # a sitting's chairman speaks: the name above is a deputy's
    # (not "ХРУЩЕВ Н.С." alone over his first words, his later turns labelled otherwise)
    return all(_recurring_key(label.name) != _recurring_key(labels[0].name) for label in labels[1:])


def _plausible(style: LabelStyle, candidate: Candidate, evidence: Evidence) -> bool:
    """Whether a name nobody corroborates may still label a turn among sure ones: any
    name-shaped colon label, or a full name in the style the record labels known people
    in ("Тов. Хэ Лун." among "Тов. Чжоу Эньлай."), or a surname in capitals where the
    record labels known people so ("РАКОВСКИЙ." among "ГОРБАЧЕВ.")."""
    if not _speech(candidate):
        return False
    if style.name == "colon" and not candidate.rest and evidence.dot_dash_names:
        return False  # "Discusión:" alone on its line: a heading where members speak ".-"
    if style.name == "name-line" and _EAST_ASIAN.search(candidate.name) and asks(candidate.name):
        return True  # "[기자]" over a question once, among the host's and the guest's turns
    if not style.corroborated or style.name == "qa":
        return True  # a colon label, or a question from the floor and its answer
    if style.name == "period" and _dialogue_name(candidate.name, evidence, recurs=False):
        return True
    if style.name == "dash" and personal_name(candidate):
        return evidence.dash_dialogue  # "Е. АЛЬБАЦ - Добрый день." among "С. БУНТМАН –"
    if style.name == "period" and TITLED_LABEL.fullmatch(candidate.name):
        return evidence.titled_periods  # "Senator Hickenlooper." among "Secretary Rusk."
    name = clean_label(candidate.name)
    if style.name == "period" and _CAPS_LABEL.fullmatch(name) and len(name) >= 3:
        return evidence.capitals_label  # others are labelled so too (not "OK.")
    if style.name == "name-line" and _HAN_NAME.fullmatch(name) and han_name(name):
        # "佐藤次郎" alone on his line once, where another such name labels turns again
        return any(style == "name-line" and n >= 2 for (style, _), n in evidence.recurring.items())
    return style.name in evidence.known and personal_name(candidate)


_BRACKETS = re.compile(r"\([^()]*\)")
# A first name (or an initial, or a title) and a surname, capitalised, as text writes them.
_FIRST_AND_LAST = re.compile(
    rf"(?<![^\W\d_])(?P<first>[{UPPER}][\w'’.-]*)\s+(?P<last>[{UPPER}][\w'’-]+)"
)
_ARTICLES = frozenset(
    {"the", "a", "an", "der", "die", "das", "ein", "eine", "le", "la", "les", "un", "une", "el"}
    | {"los", "las", "il", "lo"}
)
_CUT_OFF = 15  # words of a turn the page cuts off before its sentence ends
_EXCHANGE_GAP = 3  # paragraphs: a turn may run to two more before the reply
_SENTENCE_WORDS = 5  # of one of an exchange's two turns at least: a sentence


def _exchange_label(candidate: Candidate) -> bool:
    """A colon label of an exchange: up to five words of a name, an office or a courtesy
    title (an aside in brackets aside), over words that read as speech — not a field's
    key and value ("Date: 20 October 2014", "Source: Reuters")."""
    name = clean_label(candidate.name)
    words = name.split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS or is_field_key(candidate.name):
        return False
    # (a catalogue's "Personnalité, fonction :" and "Circonstances : Nomination du …" are
    # keys and values: a comma in the key, no sentence in the value, where a turn cut off
    # by the excerpt's end runs long)
    if "," in _BRACKETS.sub("", candidate.name):
        return False
    if not _SENTENCE_MARK.search(candidate.rest) and len(candidate.rest.split()) < _CUT_OFF:
        return False
    if not all(LABEL_WORD.match(word) or word in SMALL_WORDS for word in words):
        return False
    return bool(_WORD.search(candidate.rest)) and _speech(candidate)


def lone_label(
    para: Paragraph, roster: Roster, evidence: Evidence, following: Paragraph | None = None
) -> Label | None:
    """A colon label a record with no sure turn may still open with: a full name or a
    title and a name ("Comrade Gheorghe Gheorghiu-Dej:", "Mr. Morozov:"), over words that
    read as speech. A speech, or a conversation only one side of which was recorded."""
    found = recognise(para, roster, evidence, between_turns=True)
    label = found.label
    if label is None or label.style != "colon":
        return None
    candidate = Candidate(label.name, label.rest, label.cut)
    # "Interviewer:" above a question and "Gromyko:" above its answer, each on its own
    # line: two such names make a conversation, though neither recurs nor is known.
    alone = _COLON_LINE.match(para.first_line.strip()) is not None
    words = label.rest or (following.text if following else "")
    said = bool(words) and _speech(Candidate(label.name, words, 0)) and words[-1] not in ":："
    dialogue = said and ((alone and len(evidence.colon_lines) >= 2) or evidence.colon_exchange)
    if not (personal_name(candidate) or dialogue) or roster.is_office(label.name):
        return None
    return label if dialogue or opens_speech(label.rest) or not label.rest else None


def opens_like_a_turn(para: Paragraph) -> bool:
    """Whether a paragraph opens the way turns do ("Name: …", "Q …", "Name said…"), whoever
    the name is: a short last turn is not a page's footer."""
    return any(style.found_in(para) for style in STYLES if style.name in {"colon", "qa"}) or bool(
        _reported(para)
    )


def heads_a_turn(label: Label, following: Paragraph | None) -> bool:
    """Whether a label has a turn to head: its own words, or (a name alone on its line)
    a paragraph after it that reads as speech rather than another name, a list entry or
    a heading in capitals."""
    if label.rest and not _BRACKETED_LINE.fullmatch(label.rest):
        return True
    # (an aside alone after the name heads nothing more: "Tape Subject Log (rev. Oct-06)"
    # over a list is a page's running head)
    if following is None:
        return False
    # (a clause addressing the chair before a colon is no label, nor a motion's words in
    # lower case: "Mr Speaker, on a point of order: …", "by leave—I move:" under "Anthony
    # Albanese:")
    # nor a sentence that introduces a question ("Wir kommen zur Frage 7 der Kollegin Winter:")
    chair = [
        c
        for c in _colon(following)[:1]
        if "," in c.name or c.name[:1].islower() or _clause_before_colon(c.name)
    ]
    if opens_like_a_turn(following) and not chair:
        return False
    return said_below(following)


_BRACKETED_LINE = re.compile(r"\s*\([^()]{1,40}\)\s*")


def _clause_before_colon(name: str) -> bool:
    """Whether the words before a colon run as a clause: two words in lower case or more
    besides an office's small words and a name's particles."""
    return sum(w.islower() and w not in _NAME_PARTICLES for w in name.split()) >= 2


_NAME_PARTICLES = SMALL_WORDS | {"and", "de", "da", "di", "du", "la", "le", "van", "von", "der"}


def said_below(para: Paragraph) -> bool:
    """Whether the paragraph under a name alone on its line reads as what he said (a page
    may cut the last turn off mid-sentence: many words read as speech too)."""
    if _TIME_STAMP.fullmatch(para.text):
        return False  # "CUBA" over "3.31 p.m.": a parliament's heading over its clock
    # (or a motion's opening words in lower case, "by leave—I move:", or its first line
    # over the motion's text: "I beg to move,")
    end = para.text.rstrip()[-1:]
    moves = (para.text[:1].islower() and end == ":") or (end == "," and len(para.text.split()) >= 3)
    # (or words in quotation marks: "「このあと続いては…」" under "山本浩之")
    quoted = para.text[:1] in "「『“«" and end in "」』”»"
    return opens_speech(para.text) or len(para.text.split()) >= 8 or moves or quoted


_TIME_STAMP = re.compile(r"\s*\d{1,2}[.:]\d{2}\s*(?:[ap]\.\s?m\.|[AP]M)?\s*")


def _speech(candidate: Candidate) -> bool:
    """Whether what follows a label reads as something said, not a field's value
    ("Total Page: 16", "EXEMPTION CATEGORY: 5 (b) (1,3)")."""
    rest = _LINE_NUMBER_AT_END.sub("", candidate.rest.strip())
    return not rest or len(re.findall(r"[^\W\d_]{2,}", rest)) >= 3 or opens_speech(rest)


# "…Good morning. 11": a run-in transcript's next line number after the turn's words.
_LINE_NUMBER_AT_END = re.compile(r"(?<=[.!?])\s+\d{1,2}$")
_INTERPRETED = re.compile(r"\((?:translated|interpretation|interpreted) from [A-Z][a-z]+\)")
_COURTESY_AND_NAME = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sir)\.?(?:\s+[A-Z][\w.'’-]*){1,4}(?:\s*\([^()]{2,40}\))?\.?"
)


def opens_speech(text: str) -> bool:
    """Whether a paragraph reads as speech rather than another name or a heading."""
    return bool(re.search(r"[.!?。！？…][\"'”’»)\]」』）]*$", text))


# (Not "showed the President Roscoe Drummond's article": a name whose's is an object.)
# (A first name and a surname: "President Mikhail Gorbachev"; not "Ambassador Dobrynin
# Friday", a day after the name.)
_TITLED = re.compile(
    rf"\b(?P<title>[{UPPER}][{LOWER}]+\.?)\s+"
    rf"(?P<name>[{UPPER}][{LOWER}'’-]{{2,}}"
    r"(?:\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b)"
    rf"[{UPPER}][{LOWER}'’-]{{2,}})?)\b"
    rf"(?!['’]s\b|\s+[{UPPER}][\w-]*['’]s\b)"
)


def titled_names(paras: Iterable[Paragraph], roster: Roster) -> list[str]:
    """People the text names with an office ("received Marshal Stalin", "Ambassador Huang
    said…"), for whom the record may also write the office alone ("The Marshal
    replied…"); only offices no one on the record's lists holds."""
    registry = roster.registry
    skipped = COURTESY | {title for member in roster.members for title in member.titles}
    names: list[str] = []
    paras = list(paras)
    text = "\n".join(para.text for para in paras)
    alone: dict[str, bool] = {}  # whether the record writes the office alone ("the Ambassador")
    labelled: dict[str, bool] = {}  # whether it labels turns with the office and the name
    for para in paras:
        for m in _TITLED.finditer(para.text):
            title, found = m.group("title"), m.group()
            if not registry.is_title(title) or name_key(title) in skipped or found in names:
                continue
            # someone known, someone the sentence has speak ("Ambassador Huang said"), or
            # someone the record also calls by the office alone ("the Ambassador")
            speaks = _REPORTING_VERB.match(para.text[m.end() :].lstrip())
            if title not in alone:  # (each searched for once: a long record repeats them)
                alone[title] = bool(
                    re.search(rf"\b[Tt]he {re.escape(title)}(?!\s+[{UPPER}])", text)
                )
            if found not in labelled:  # (by the office and the surname)
                short = f"{title} {m.group('name').split()[-1]}"
                labelled[found] = bool(re.search(rf"{re.escape(short)}\s*[:：]", text))
            if labelled[found]:
                continue  # "President Zhivkov:" beside "The President:": two people
            if speaks or alone[title] or registry.resolve_name(m.group("name")):
                names.append(found)
    return names + _han_titled(text, roster)


def _han_titled(text: str, roster: Roster) -> list[str]:
    """Known people the Chinese text writes with an office ("毛主席", "周总理"), for whom
    it may write the office alone ("主席说:…"); only offices no one listed holds."""
    if not HAN.search(text):
        return []
    registry = roster.registry
    folded = fold(text)
    held = {fold(m.written).replace(" ", "") for m in roster.members}
    suffixes = sorted(registry.title_suffixes, key=len, reverse=True)
    found: list[str] = []
    for m in re.finditer("|".join(map(re.escape, suffixes)), folded):
        title = m.group()
        if any(h.endswith(title) for h in held):
            continue
        for size in (3, 2, 1):  # the known name just before the office: 毛主席, 周恩来总理
            name = folded[max(0, m.start() - size) : m.start()]
            if len(name) == size and registry.resolve_name(name):
                if (titled := name + title) not in found:
                    found.append(titled)
                break
    return found


def full_names(paras: Iterable[Paragraph]) -> list[str]:
    """Colon labels that spell a name out (two words or more, two characters or more),
    which the record's shorter labels may abbreviate: "Mao Zedong" for "Mao", 毛泽东 for 毛."""
    names: list[str] = []
    paras = list(paras)
    surnames = {name_key(clean_label(c.name)) for para in paras for c in _colon(para)[:1]}
    for para in paras:
        # and the name in full of someone a label calls by surname, where a sentence
        # reports his words: "Джордж Шульц предложил…" beside "Шульц:"
        told = [c.name for c in _reported(para)[:1] if _full_of(c.name, surnames)]
        # and a full name in capitals over a full stop, a questioner's at a press
        # conference: "DAVID DIMBLEBY [BBC]." for "MR. DIMBLEBY."
        capitals = [
            c.name
            for c in PERIOD.found_in(para)[:1]
            if _CAPS_NAME_ONLY.fullmatch(clean_label(c.name))
        ]
        # and a name in full that a page run into one line gives ("SENATOR JAMES ABOUREZK:")
        inline = [n for n in _inline_labels_of(para) if n.isupper()]
        # and a name in full alone on its line: "Mr. RONALD McNEILL" for "Mr. McNEILL"
        alone = [c.name for c in NAME_LINE.found_in(para)[:1] if personal_name(c)]
        dashed = [c.name for c in _dash(para)[:1] if _spelled_out(c.name)]  # "Alain Peyrefitte. -"
        # (an office's holder named in brackets too: "The Leader of the House (Mr Andrew
        # Lansley)" for "Mr Lansley")
        colon = [n for c in _colon(para) for n in (c.name, bracketed_name(c.name)) if n]
        written_out = [*colon, *capitals, *inline, *alone, *dashed, *told]
        for written in written_out:
            name = clean_label(written)
            long = len(HAN.findall(name)) >= 2 if HAN.search(name) else len(name.split()) >= 2
            long = long or bool(GLUED_INITIAL.match(name))  # "А.ВЕНЕДИКТОВ" for "А.В."
            if long and name not in names:
                names.append(name)
    return names


def _full_of(name: str, surnames: set[str]) -> bool:
    """Whether a name is a first name and a surname, the surname among `surnames`."""
    words = clean_label(name).split()
    return (
        len(words) == 2
        and all(w[:1].isupper() and w.isalpha() for w in words)
        and name_key(words[-1]) in surnames
    )


def _initialled(name: str) -> str:
    """The initials of a name written as initials and a surname ("О. Минаева" → "ОМ"),
    else ""."""
    words = name.rstrip(".").split()
    if len(words) < 2 or not all(INITIALS.fullmatch(w) for w in words[:-1]):
        return ""
    return "".join(re.findall(r"[^\W\d_]", "".join(words[:-1]))) + words[-1][:1]


def _spelled_out(name: str) -> bool:
    """Whether a label is a name in full words: "Alain Peyrefitte.", "Général de Gaulle."."""
    words = name.rstrip(".").split()
    ended = any(w.endswith(".") for w in words)  # "СТАЛИН. Ассамблея", "О. Минаева"
    return len(words) >= 2 and not ended and all(w[:1].isupper() or w in PARTICLES for w in words)


# Two or three words in capitals and nothing else ("DAVID DIMBLEBY", not "THE PRESIDENT").
_CAPS_NAME_ONLY = re.compile(rf"(?!(?:THE|MR|MRS|MS|DR)\b){_CAPS_WORD}(?:\s+{_CAPS_WORD}){{1,2}}")


# After a full stop, a note's digits may be glued on: "…Khrushchev himself.3 The Secretary".
_SENTENCE_START = re.compile(
    r"(?<=[.!?…])(?:\d{1,2}(?=\s))?[\"'”’»)\]]*(?:\d{1,2}(?=\s))?\s+(?=\S)"
)  # (or after the closing bracket: "…refers to.]5 K asked…")


# "The Pres asked if he tried to rationalize and the Sec said yes": a clause joined by
# "and" may give the other side's words.
# (After a word in lower case: "the History and Public Policy Program" is one name.)
_CLAUSE_START = re.compile(
    rf"(?:^|\s)[{LOWER}][\w'’-]*,? (?:and|but|whereupon|и|а|но) "
    rf"(?=(?:the )?[{UPPER}]|(?:he|she|он|она) [{LOWER}])"  # "…, and he said that…"
)
# Characters per full stop above which a long paragraph has lost its punctuation, and a
# subject and its verb of speaking where a sentence of it begins.
_UNPUNCTUATED = 400
_BARE_SUBJECT = re.compile(
    r"(?<=[a-z0-9] )(?=(?:The |the )?[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:then )?"
    r"(?:said|asked|agreed|noted|replied|suggested|added|opened|responded|stressed|stated)\b)"
)
# A briefing's question told as a clause, then who answered it: "Asked what impression the
# Prime Minister gathered, the PMS replied that…", "Put that…, the PMS said…".
_ASKED = (
    r"(?:Asked|Pressed|Questioned|Put (?:to (?:him|her|the [A-Z]\w+) )?that|Challenged)\b(?! by\b)"
)
_ASKED_QUESTION = re.compile(rf"^{_ASKED}")
QUESTION_WORD = "Question"  # its speaker, as a page that labels questions writes it
_ASKED_ANSWER = re.compile(
    rf"(?:^|(?<=[.!?]\s)){_ASKED}[^.;!?]{{3,500}}?,\s+"
    # (the one who answers, perhaps with his office's letters: "the Prime Minister's
    # Official Spokesman (PMOS) said…")
    r"(?=(?:the )?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s+\([A-Z]{2,6}\))?\s+"
    r"(?:then |again |later )?"
    r"(?:replied|said|answered|responded|insisted|stressed|pointed out|added|told)\b)"
)
_REPLY_CLAUSE = re.compile(
    rf"(?<=[{LOWER}],\s)(?=(?:to (?:what|which)|whereupon|upon which)\s[A-Z])"
)
_CAPS_CLAUSE_START = re.compile(r"\s(?:AND|BUT|WHEREUPON) (?=[A-Z])")  # a cable in capitals
# "N.S. Khrushchev": a full stop after initials is inside a name, not a sentence's end.
_INITIAL = re.compile(rf"[{UPPER}]\.\s?[{UPPER}]\.$")
_ZH_SENTENCE_START = re.compile(r"(?<=[。！？；?!;])[”」』）)]*(?=[\u4e00-\u9fff])")


def _reporting_before(lowered: str, at: int) -> bool:
    """Whether the sentence before `at` has opened a clause of reported words ("…ответил,
    что в 1956 году он был болен, а Молотов сказал ему…": Molotov is inside it)."""
    sentence = lowered[max(lowered.rfind(". ", 0, at), 0) : at]
    if _PRONOUN_NEXT.match(lowered, at):
        return False  # "I replied that … and he asked…": he is the other side, back again
    return bool(_THAT.search(sentence))


_THAT = re.compile(r"\b(?:that|что)\b")
_PRONOUN_NEXT = re.compile(r"\s*,?\s*(?:and|but|и|а|но)\s+(?:he|she|он|она)\b")


def _sentence_starts(para: Paragraph) -> list[int]:
    """Where the sentences after the first begin, those near a verb of speaking only."""
    text = para.text
    lowered = text.lower()
    # where the verbs of speaking are, found once (a long paragraph has many sentences)
    verbs = [m.start() for m in _WORD.finditer(lowered) if m.group() in _SPEAKING_WORDS]

    def speaking_within(start: int, span: int) -> bool:
        at = bisect_left(verbs, start)
        return at < len(verbs) and verbs[at] < start + span

    starts = [
        m.end()
        for m in _SENTENCE_START.finditer(text)
        if (speaking_within(m.end(), 240) or _MY_REPLY.match(text, m.end()))
        and not _INITIAL.search(text, max(0, m.start() - 5), m.start())
        and not _ABBREVIATION.search(text[max(0, m.start() - 9) : m.start() - 1])  # "Mr. Gromyko"
    ]
    if " " in text:
        clauses = _CAPS_CLAUSE_START if text[:80].isupper() else _CLAUSE_START
        starts += [
            m.end()
            for m in clauses.finditer(text)
            if speaking_within(m.end(), 40) and not _reporting_before(lowered, m.start())
        ]
        # (the reply told in the same sentence: "…said that he is sorry too, to what
        # Brezhnev responded that…")
        starts += [m.end() for m in _REPLY_CLAUSE.finditer(text) if speaking_within(m.end(), 40)]
        starts.sort()
    if len(text) > _UNPUNCTUATED and len(_SENTENCE_MARK.findall(text)) * _UNPUNCTUATED < len(text):
        # a text layer that lost its full stops: "…the meeting Gorbachev said that he…"
        starts = sorted({*starts, *(m.start() for m in _BARE_SUBJECT.finditer(text))})
    if "sked" in text or "Put " in text or "ressed" in text or "uestioned" in text:
        # "Asked whether…, the PMS replied that…": the answer after the question's clause
        starts = sorted(starts + [m.end() for m in _ASKED_ANSWER.finditer(text)])
    if HAN.search(text):
        starts += [
            m.end()
            for m in _ZH_SENTENCE_START.finditer(text)
            if _ZH_SPEECH.search(text, m.end(), m.end() + 30)
        ]
        starts.sort()
    # Inside a quotation the words are someone's own: "…他在最困难的时候讲这种话…" is
    # what the speaker says of a third man, not a turn of the record.
    if not starts:
        return starts
    opened = [m.start() for m in _OPENS.finditer(text)]
    closed = [m.start() for m in _CLOSES.finditer(text)]
    return [s for s in starts if bisect_left(opened, s) <= bisect_left(closed, s)]


_OPENS = re.compile(r"[“「«]")
_CLOSES = re.compile(r"[”」»]")


def _sentence_candidates(piece: Paragraph) -> list[Candidate]:
    # (and a quotation in marks inside a story: "…диалог. «Может быть?» — спросил Хрущев.
    # «Давайте»…"; not the writer's "— спросил Хрущев." after it, which a dash opens)
    quoted = _quoted(piece) if piece.text[:1] in '“"«„' else []
    return [*_reported(piece), *_narrated(piece), *_zh_reported(piece), *quoted]


def _piece(para: Paragraph, start: int) -> Paragraph:
    return Paragraph(para.text[start : start + 240], para.line_start, para.line_end, None)


def reported_sentences(
    para: Paragraph, roster: Roster, evidence: Evidence | None = None, narrator: bool = True
) -> list[int]:
    """Offsets inside a paragraph where a sentence reports someone else's words: "K said
    they were hastily done. D said it only deals with the last one.", "…Тогда я сообщил
    ему…". Only names the reference data or the record knows count ("The Soviet Union
    said…" does not), or, given the version's evidence, names it reports speaking again.
    With `narrator` false the writer's own words ("I said…") are not counted."""
    if _cites(para):
        return []  # a note that cites its sources ("См.: … С. 129-130"), not a story
    cuts: list[int] = []
    for start in _sentence_starts(para):
        piece = _piece(para, start)
        if _ASKED_QUESTION.match(piece.text) and _ASKED_ANSWER.match(para.text, start):
            cuts.append(start)  # "… Asked if it was appropriate…, the PMOS said…": a question
            continue
        for candidate in _sentence_candidates(piece):
            speaker = roster.resolve(candidate.name)
            if speaker is None:
                continue
            recurs = evidence is not None and (
                _corroborated(NARRATED, candidate, evidence)
                or (evidence.other_side and _zh_quoted(candidate, evidence))
                or _story_quote(candidate, evidence)
            )
            writer = narrator and _narrator(candidate)
            if _known(candidate, speaker, roster) or writer or recurs:
                cuts.append(start)
                break
        else:
            listed = _reported_by_party_verb(piece) if roster.documented else []
            if any(_listed(candidate, roster) for candidate in listed):
                cuts.append(start)
    return cuts


# "The Soviet Union believed that…" inside a minister's reported words: a state or a
# body, not an office that stands for the person who holds it.
_BODY = re.compile(
    r"\b(?:union|states|government|republic|kingdom|party|side|delegation|ministry|embassy|"
    r"department|press|committee|council|army|navy|administration|congress|senate|people)$",
    re.IGNORECASE,
)


# A name's verb of saying, a colon and an opening quote: "大平说:“", "邓小平打趣地说：“"
# (a few words of manner between, not "事务所所长高桥告诉邓小平说：“" after "二条城").
_ZH_QUOTE = r"[^。！？；，,“”]{0,8}?(?:说|說|道|问|問|答)[:：,，]\s*[“「『]"  # ("回答,“…")


def _zh_quoted(candidate: Candidate, evidence: Evidence) -> bool:
    """Whether a Chinese name nobody lists is the speaker of the quotation after it: a
    person's name by its shape, written again elsewhere in the record ("大平" of "拜访了
    大平正芳。…对此,大平说:“…”")."""
    # (its turn the quotation: "艾登因而放下筷子，转过身来对周恩来说：“" tells more first)
    quoted = candidate.rest[:1] in "“「『" or re.match(_ZH_QUOTE, candidate.rest)
    return (
        _zh_name(candidate)
        and bool(quoted)
        and bool(re.search(re.escape(candidate.name) + _ZH_QUOTE, evidence.text))
        and evidence.text.count(candidate.name) >= 2
    )


# Who a quotation is given to, named after it: "…», — согласился Тито", "…,” Tito agreed".
_SAID_BY = re.compile(
    rf"[»”\"]\s*,?\s*[—–]?\s*(?:[{LOWER}]+\s+){{0,2}}(?P<who>[{UPPER}][{LOWER}'’-]+)"
)


def _story_quote(candidate: Candidate, evidence: Evidence) -> bool:
    """Whether a quotation inside a story is given to someone the story names again (its
    hero, not a passer-by): "«Давайте», — согласился Тито" where Tito is written often,
    "“…”李外长这样说。" where 李外长 arrived a few lines above."""
    quoted = candidate.cut == 0 and candidate.rest[:1] in _QUOTE_OPENERS + "「"
    named = candidate.name[:1].isupper() or han_name(candidate.name)
    # (an exchange, not a writer's quoting a poet now and then: a quotation near it given to
    # someone else, or, in a Chinese memoir, two paragraphs of quotations named after them)
    at = evidence.text.find(candidate.rest[:60])
    near = evidence.text[max(0, at - 300) : at + 300] if at >= 0 else candidate.rest
    others = {m["who"] for m in _SAID_BY.finditer(near)} - {candidate.name}
    exchange = bool(others) or evidence.quotes_named_after >= 2
    return quoted and named and exchange and evidence.text.count(candidate.name) >= 2


def _other_side(candidate: Candidate, evidence: Evidence) -> bool:
    """Whether a name that speaks once is a side of the talk: the record names him again
    ("I met Ambassador Dobrynin… Dobrynin asked…", "…comrade Stepakov V.I. replied … We
    stand, continued comrade Stepakov"), reports him with a verb of speaking, and either
    its writer reports his own words or the name is a person's in full."""
    surname = next((w for w in reversed(_WORD.findall(candidate.name)) if len(w) > 1), "")
    # "L. Brezhnev called comrade Tito…": a person's initial before the name somewhere
    initialled = surname in evidence.after_initials
    return (
        candidate.name not in FIRST_PERSON
        and candidate.name.lower() not in PRONOUNS
        and bool(_verb(candidate.rest) or _verb_after_aside(candidate.rest))
        and evidence.mentions(surname) >= 2
        # "Ambassador Dobrynin", "comrade Stepakov" somewhere, or an office alone ("The
        # President replied…"), not a newspaper ("Pravda reported…")
        and (
            evidence.titled(surname)
            or initialled
            or (candidate.name.lower().startswith("the ") and not _BODY.search(candidate.name))
        )
        and (evidence.narrator_speaks or initialled or personal_name(_bare(candidate)))
    )


def _bare(candidate: Candidate) -> Candidate:
    """The candidate without the lower-case word a sentence may set before a name ("the
    Ambassador", "comrade Stepakov")."""
    name = re.sub(r"^(?:the|comrade|товарищ)\s+", "", candidate.name)
    return replace(candidate, name=name)


def narrated_turns(
    paras: list[Paragraph], roster: Roster, evidence: Evidence, narrator_alone: bool = False
) -> dict[int, Label]:
    """Paragraphs of a record told as a story ("Сегодня имел беседу с Залесским. Прежде
    всего я спросил его…") where some sentence reports speech by a known or recurring
    name, each with the first such label; empty unless two people speak so. Beside an
    author who speaks ("I replied that…"), a name that speaks once counts too: a
    telegram's other side ("Simons said that…"). With `narrator_alone`, an author who
    speaks is enough (the other side may be "he" throughout)."""
    found: dict[int, Label] = {}
    speakers: set[str] = set()
    once: dict[int, Label] = {}  # names no one knows that speak once
    for index, para in enumerate(paras):
        if _cites(para):
            continue  # (a note that cites its sources, as in `reported_sentences`)
        for start in [0, *_sentence_starts(para)]:
            for candidate in _sentence_candidates(_piece(para, start)):
                speaker = roster.resolve(candidate.name)
                if speaker is None:
                    continue
                label = Label(speaker, "narrated", Kind.REPORTED, "", 0, candidate.name)
                sure = _known(candidate, speaker, roster) or _narrator(candidate)
                if sure or _corroborated(NARRATED, candidate, evidence):
                    found.setdefault(index, label)
                    speakers.add(speaker.key)
                elif _verb(candidate.rest):  # not "PDF icon …", a name in capitals alone
                    once.setdefault(index, label)
                break
    narrator = any(label.name in FIRST_PERSON for label in found.values())
    if narrator and len(speakers) < 2 and once:
        speakers |= {label.speaker.key for label in once.values()}
        found = {**once, **found}
    return found if len(speakers) >= 2 or (narrator and narrator_alone) else {}


def pronoun_candidate(text: str) -> Candidate | None:
    """ "He said that…", "3. She then asked…", "Тогда он ответил…": reported speech whose
    speaker only the turns before it can tell."""
    if (quoted := _quoted(Paragraph(text, 0, 0, None))) and quoted[0].name.lower() in PRONOUNS:
        return quoted[0]  # "“Maybe you're right,” he admitted."
    if m := _ZH_PRONOUN.match(text):  # "他对斯特朗说：…"
        said = _ZH_SPEECH.search(text, m.end(), m.end() + 16)
        when = said is not None and _ZH_WHEN.match(text, said.end())  # "他講這話的時候"
        if said and not when and not _ZH_NEGATION.search(text, m.end(), said.start()):
            return Candidate(m.group(), text[m.end() :], m.end())
        return None
    found = _narrated(Paragraph(text[:240], 0, 0, None))
    if found and found[0].name.lower() in PRONOUNS:
        candidate = found[0]
        return Candidate(candidate.name, text[candidate.cut :], candidate.cut, candidate.start)
    return None


_ZH_PRONOUN = re.compile(r"[他她](?![们們])")


def pronoun_sentences(para: Paragraph) -> list[int]:
    """Offsets of sentences inside a paragraph that report speech under a pronoun: "I
    asked whether he would come. He said that he would." """
    return [
        start
        for start in _sentence_starts(para)
        if pronoun_candidate(para.text[start : start + 240])
    ]


def inline_labels(paras: list[Paragraph], roster: Roster) -> frozenset[str]:
    """Labels a version writes inside its paragraphs, where the page lost its line breaks:
    a name the record knows, or one written so at least twice."""
    counts: Counter[str] = Counter()
    runs: set[str] = set()  # names inside a paragraph that is a dialogue run together
    # (a label inside a paragraph that also opens another counts as written twice: "…nach
    # Moskau? BRANDT: Die Lage…" where "BRANDT: …" opens the lines below)
    opening = Counter(c.name.strip() for para in paras for c in _colon(para)[:1])
    for para in paras:
        names = [label.strip() for label in _inline_labels_of(para)]
        counts.update(names)
        capitals = [name for name in names if name.isupper() or _HEARING_LABEL.fullmatch(name)]
        own = _colon(para)
        # "問:您當時…? 答:喔,那時候…": a question and its answer on one line
        answered = (
            bool(own)
            and fold(own[0].name.strip()) in {"问", "Q"}
            and bool({fold(name) for name in names} & {"答", "A"})
        )
        # "…记者:…? 朱镕基答:…。 …记者:…": a press conference's questions and answers
        asked = sum(asks(n) or fold(n)[-1:] == "答" for n in names)
        briefing = {QUESTION, ANSWER} <= set(names)  # (found only where they alternate)
        # (three labels or more of two people at least: a dialogue run together)
        dialogue = len(names) >= 3 and len(set(names)) >= 2
        if (
            (len(names) >= 2 and own)
            or answered
            or len(set(capitals)) >= 3
            or asked >= 3
            or dialogue
        ):
            runs.update(names)
        elif briefing:
            runs.update({QUESTION, ANSWER})
        if " =" in para.text:  # ("…전문. 김대중 대통령 =…": a Korean paper's speaker, surely)
            runs.update(m["label"].strip() for m in _KOREAN_INLINE.finditer(para.text))
        # "陈晓薇博士采访录 刘铮 … 刘铮:…? 陈晓薇:…": two people the page names above
        # their labels, one run-together page's interviewer and guest
        if len(set(names)) >= 2 and len(introduced := _named_above(para, names)) >= 2:
            runs.update(introduced)
    found = set()
    for name, count in counts.items():
        if name in runs and (asks(name) or name in QA_SPEAKERS):
            found.add(name)  # "意大利《24小时太阳报》记者": an asker by his paper, no name
            continue
        speaker = roster.resolve(name)
        if speaker is not None and (
            count + opening[name] >= 2
            or name in runs
            or speaker.resolved
            or roster.member_for(name)
        ):
            found.add(name)
    return frozenset(found)


def _named_above(para: Paragraph, names: list[str]) -> set[str]:
    """The inline labels whose names the paragraph writes before its first label."""
    first = min((m.start("label") for m in _inline_matches(para.text)), default=0)
    return {name for name in names if name in para.text[:first]}


_LETTER_AFTER_CAPS = re.compile(r"^[A-Z]{2,}\s+([QA])\s*$")


def inline_cuts(para: Paragraph, labels: frozenset[str]) -> list[int]:
    """Where the labels found by `inline_labels` begin turns inside a paragraph (after
    the paragraph's own label, and not after an abbreviation such as "Cde.")."""
    if not labels:
        return []
    own = _colon(para)
    after = own[0].cut if own else 0
    cuts: list[int] = []
    for m in _inline_matches(para.text):
        # the words just before ("Cde."): a tail of the text, not all of a long one
        before = para.text[max(0, m.start() - 32) : m.start()].rstrip("\"'”’»)] ")
        named = m["label"].strip() in labels and m.start("label") > after
        if named and not _ABBREVIATION.search(before[:-1]):
            # ("…Copyright 2006 ADST Q: Today is…": the question's letter after a word in
            # capitals that ends the head)
            letter = _LETTER_AFTER_CAPS.search(m["label"])
            cuts.append(m.start("label") + (letter.start(1) if letter else 0))
    if cuts:
        # The first turn may follow the head run into the same paragraph with no full
        # stop between: "…The Oval Office The President: Can you hear me?"
        written = (
            re.compile(rf"(?<!\S){re.escape(label)}\s*[:：]").search(para.text, after, cuts[0])
            for label in labels
        )
        earliest = min((m.start() for m in written if m), default=cuts[0])
        if earliest < cuts[0]:
            cuts.insert(0, earliest)
    return cuts
