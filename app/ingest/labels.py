"""Speaker labels in the styles archives write them: one small recogniser per style.

    colon      "Stalin: …", "PM Chou: …", "N.S. Khrushchev: …", "毛主席：…", "周总理:…"
    reported   "KHRUSHCHEV N.S. transmits greetings…": a turn in the third person
    name-line  "СУСЛОВ" alone on its line, the turn on the lines after it
    period     "Stalin. What is the mood…", "Kim Il Sung. The mood is good."

A colon label is distinctive enough to take any name-shaped label; one that no
reference entry covers becomes an unresolved participant. The other styles also
occur in prose ("Enough. That is all…", "Москва / не раз заявляла…"), so their
labels are taken only when the name resolves to a known person or recurs in that
style in the same version. A new style is one more `LabelStyle` in `STYLES`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from app.ingest.body import Paragraph
from app.ingest.model import Speaker, UnitKind
from app.ingest.registry import INITIALS, Registry
from app.textnorm import name_key, slugify

# A word of a name-shaped label: a capitalised word, initials, a short
# abbreviated title ("тов."), or Chinese characters.
_LABEL_WORD = re.compile(
    r"^(?:[A-ZА-ЯЁ][\w'’.-]*|(?:[A-ZА-ЯЁ]\.)+|[a-zа-яё]{1,4}\.|[\u4e00-\u9fff]+)$"
)


def _keys(words: str) -> frozenset[str]:
    return frozenset(name_key(w) for w in words.split())


# Capitalised words that begin sentences, not names: "In Albania: the same methods…".
_NOT_NAMES = _keys(
    "A An And As At But By For From He Her Here His How I If In It Its My No Not Now Of On "
    "Or Our She So Such That The Their Then There These They This Thus To We What When "
    "Where Which While Who Why Yes You Your Today Tomorrow Yesterday Also Only Still "
    "В Во На По И Но А Мы Я Вы Он Она Они Это Как Так Вот Когда Если Да Нет Что Где"
)
# Words that introduce lists and header fields rather than a speaker: "Present: …".
_FIELD_WORDS = _keys(
    "Present Participants Participant Interpreter Interpreters Attending Subject Date Time "
    "Place Note Notes Source Translator Участники Присутствовали Переводчик Переводчики "
    "参加人 参加者 在座 出席 翻译 记录 时间 地点 日期"
)
# "Name: text" or "名字：text". The label is short and has no sentence punctuation.
_COLON = re.compile(r"^(?P<label>[^\W\d_][^:：\n]{0,48}?)\s*[:：]\s*(?P<rest>\S.*)$", re.S)
# "KHRUSHCHEV N.S. transmits…": up to four capitalised words or initials, at least
# one a word in capitals, then the record keeper's sentence in lower case.
_CAPS_WORD = r"[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+"
_CAPS_NAME = re.compile(
    rf"^(?P<label>(?:(?:[A-ZА-ЯЁ]\.)+\s*)?{_CAPS_WORD}(?:\s+(?:{_CAPS_WORD}|(?:[A-ZА-ЯЁ]\.)+)){{0,3}})"
    r"\s+(?P<rest>[a-zа-яё].*)$",
    re.S,
)
# Verbs that report speech, for capitalised names no reference entry covers
# ("USSR and China agreed…" is not a turn by someone called USSR).
_REPORTING_VERB = re.compile(
    r"^(?:says|said|asks|asked|answers|answered|replies|replied|notes|noted|remarks|remarked|"
    r"states|stated|stresses|stressed|emphasi[sz]es|adds|added|thanks|thanked|transmits|"
    r"conveys|informs|informed|expresses|proposes|proposed|agrees|agreed|objects|explains|"
    r"explained|declares|declared|recalls|recalled|reports|reported|requests|welcomes|"
    r"continues|responds|observes|suggests|underlines|"
    r"говорит|сказал|спрашивает|спросил|отвечает|ответил|отмечает|отметил|заявляет|заявил|"
    r"подчеркивает|подчеркнул|добавляет|добавил|благодарит|поблагодарил|передает|передал|"
    r"сообщает|сообщил|выражает|выразил|предлагает|предложил|соглашается|согласился|"
    r"возражает|объясняет|объяснил|напоминает|напомнил|просит|попросил|продолжает|"
    r"приветствует)\b"
)
# Where a period label may end: a full stop, then the turn's first sentence.
_PERIOD_END = re.compile(r"\.\s+(?=[^\W_a-zа-яё]|[«\"“„'(\[—–-])")
_LABEL_MAX = 48  # characters; a label is a name and its title, not a sentence


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible label: the name as written and where the turn's own text starts."""

    name: str
    rest: str  # "" when the turn begins with the next paragraph
    cut: int  # offset of `rest` in the paragraph's text


@dataclass(frozen=True, slots=True)
class Label:
    """A label taken: who speaks, in which style, and the turn's own text."""

    speaker: Speaker
    style: str
    kind: UnitKind
    rest: str
    cut: int


@dataclass(frozen=True, slots=True)
class LabelStyle:
    """One way of writing a label, and how sure a match in it has to be."""

    name: str
    kind: UnitKind
    candidates: Callable[[Paragraph], list[Candidate]]  # longest name first
    corroborated: bool = False  # the name must resolve, or recur as a label in this style
    # Further evidence a name no reference entry covers must show.
    unknown_ok: Callable[[Candidate], bool] = lambda _: True


def speaker_for(label: str, registry: Registry) -> Speaker | None:
    """The speaker a label names; an unknown but name-shaped label is kept, unresolved."""
    label = label.strip()
    slug = registry.resolve_name(label)
    if slug:
        return Speaker(slug, label)
    words = label.split()
    if not 1 <= len(words) <= 4 or not all(_LABEL_WORD.match(w) for w in words):
        return None
    if name_key(words[0]) in _NOT_NAMES or name_key(words[0]) in _FIELD_WORDS:
        return None
    # Something besides titles and initials must be left to be a name ("Mr.", "N.S.").
    if all(INITIALS.fullmatch(w) or registry.is_title(w) for w in words):
        return None
    return Speaker(
        slugify(" ".join(w for w in words if not w.endswith(".")) or label),
        label,
        resolved=False,
    )


def _colon(para: Paragraph) -> list[Candidate]:
    m = _COLON.match(para.text)
    return [Candidate(m.group("label"), m.group("rest"), m.start("rest"))] if m else []


def _reported(para: Paragraph) -> list[Candidate]:
    m = _CAPS_NAME.match(para.text)
    return [Candidate(m.group("label"), m.group("rest"), m.start("rest"))] if m else []


def _reported_verb(candidate: Candidate) -> bool:
    return bool(_REPORTING_VERB.match(candidate.rest))


def _personal_name(candidate: Candidate) -> bool:
    """Several capitalised words, or initials: "Kim Il Sung", "N.S. Khrushchev", "Dr.
    Kissinger" — not "Вопрос ясен. Правильно" or "Правильно. Правильно", short replies
    in a row. Inside a name only initials and short titles end in a full stop."""
    words = candidate.name.split()

    def name_word(word: str) -> bool:
        if INITIALS.fullmatch(word):
            return True
        return word[:1].isupper() and (not word.endswith(".") or len(word) <= 4)

    if not all(name_word(word) for word in words):
        return False
    return len(words) >= 2 or bool(INITIALS.search(candidate.name))


def _period(para: Paragraph) -> list[Candidate]:
    found: list[Candidate] = []
    for m in _PERIOD_END.finditer(para.text):
        if m.start() > _LABEL_MAX:
            break
        name = para.text[: m.start()].strip()
        if name and INITIALS.fullmatch(name.split()[-1] + "."):
            name += "."  # "Khrushchev N.S. What…": the full stop belongs to the initials
        found.append(Candidate(name, para.text[m.end() :], m.end()))
    return found[::-1]


def _name_line(para: Paragraph) -> list[Candidate]:
    line = para.first_line.strip()
    if not line or len(line) > _LABEL_MAX or not para.text.startswith(line):
        return []
    if re.search(r"[,;!?…\"«»()]|[^\W\d_]{2}\.$", line) or line.endswith(":"):
        return []  # a sentence, or a colon label
    rest = para.text[len(line) :].lstrip()
    return [Candidate(line, rest, len(para.text) - len(rest))]


STYLES: tuple[LabelStyle, ...] = (
    LabelStyle("colon", UnitKind.SPEECH, _colon),
    LabelStyle("reported", UnitKind.REPORTED, _reported, True, _reported_verb),
    # Before "period": the line break is better evidence than a full stop ("ПОНОМАРЕВ Б.Н.").
    LabelStyle("name-line", UnitKind.SPEECH, _name_line, True),
    LabelStyle("period", UnitKind.SPEECH, _period, True),
)


@dataclass(slots=True)
class Evidence:
    """What a version's paragraphs say about its label styles, before any is taken."""

    recurring: Counter[tuple[str, str]]  # (style, name key) -> paragraphs it opens
    known: set[str]  # styles in which some paragraph opens with a known person's name


def gather_evidence(paras: list[Paragraph], registry: Registry) -> Evidence:
    evidence = Evidence(Counter(), set())
    for para in paras:
        for style in STYLES:
            if not style.corroborated:
                continue
            candidates = style.candidates(para)
            evidence.recurring.update({(style.name, name_key(c.name)) for c in candidates})
            if any(registry.resolve_name(c.name) for c in candidates):
                evidence.known.add(style.name)
    return evidence


def _corroborated(style: LabelStyle, candidate: Candidate, evidence: Evidence) -> bool:
    """Whether an unknown name is a speaker in a style prose can imitate: it opens
    paragraphs at least twice, and is either name-shaped ("Kim Il Sung", "N.S.
    Khrushchev") or a single word in a record that labels known people the same way
    ("Gromyko." beside "Kissinger."). A single word that keeps opening paragraphs of a
    record labelled otherwise ("Правильно.", "Agreed.") is a reply, not a name."""
    if evidence.recurring[(style.name, name_key(candidate.name))] < 2:
        return False
    if not style.unknown_ok(candidate):
        return False
    return _personal_name(candidate) or style.name in evidence.known


@dataclass(frozen=True, slots=True)
class Recognised:
    label: Label | None
    # A name-shaped candidate that was turned down, for `parley check` to show.
    doubtful: Candidate | None = None


def recognise(para: Paragraph, registry: Registry, evidence: Evidence) -> Recognised:
    """The paragraph's speaker label, in the first style that finds one."""
    doubtful: Candidate | None = None
    for style in STYLES:
        for candidate in style.candidates(para):
            speaker = speaker_for(candidate.name, registry)
            if speaker is None:
                continue
            if (
                not speaker.resolved
                and style.corroborated
                and not _corroborated(style, candidate, evidence)
            ):
                doubtful = doubtful or candidate
                continue
            label = Label(speaker, style.name, style.kind, candidate.rest, candidate.cut)
            return Recognised(label)
    return Recognised(None, doubtful)
