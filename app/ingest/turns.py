"""One language version's paragraphs as turns and narration."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from app.ingest.attendance import starts_list
from app.ingest.body import Paragraph, split_paragraph
from app.ingest.dates import parse_date
from app.ingest.fields import is_field_key
from app.ingest.labels import (
    ANSWER,
    ANSWERING,
    ENUMERATOR,
    HONORIFICS,
    JA_SAID,
    PART_HEADING,
    QA_SPEAKERS,
    QUESTION,
    REPORTING_STYLES,
    TITLED_LABEL,
    Candidate,
    Evidence,
    Label,
    Recognised,
    gather_evidence,
    han_name,
    heads_a_turn,
    inline_cuts,
    inline_labels,
    label_alone,
    lone_label,
    opens_speech,
    opens_with_byline,
    pronoun_candidate,
    pronoun_sentences,
    recognise,
    reported_sentences,
    says_at,
    says_who,
    speaker_in_brackets,
)
from app.ingest.model import (
    Notice,
    PageBreak,
    Span,
    SpanKind,
    Speaker,
    TextVersion,
)
from app.ingest.roster import (
    FIRST_PERSON,
    PRONOUNS,
    SAME_BELOW,
    SAYING,
    SMALL_WORDS,
    Roster,
    clean_label,
    name_speaker,
    names_someone,
    numbered_part,
)
from app.ingest.source import DASHED_PROMPT, DIALOGUE_LINE
from app.schemas import Kind
from app.textnorm import CAPITALS, CYRILLIC_CAPITALS, CYRILLIC_SMALL, LOWER, UPPER, fold, name_key

# The record keeper's own sentences: openings, closings, attendance.
_NARRATION = {
    "en": re.compile(
        r"^(After (an|the) |The (meeting|conversation|talks?|discussion|session|interview) |"
        r"Present\b|Also present|Those present|Attending|Participants|Recorded by|"
        r"Record(ed)? made by)",
    ),
    "ru": re.compile(
        r"^(После (приветствий|обмена|краткого)|Беседа |Встреча |Заседание |На беседе |"
        r"Присутствовал|В беседе (приняли|принимали) участие|Беседу записал|Записал|Запись вел)",
    ),
    "zh": re.compile(r"^(会见|谈话|会谈)(结束|开始|于)|^(参加人|在座|记录)"),
}
_ASIDE = {
    "en": re.compile(
        r",\s*(?P<aside>(?:says|said|adds|added|remarks|remarked|notes|noted|continues|continued|"
        r"replies|replied)\s+(?:\w+\s+){0,2}?(?:comrs?\.|comrade|cde\.|com\.)\s*[A-Z][\w-]+"
        r"(?:\s+\w+ly)?)\s*,"
    ),
    "ru": re.compile(
        r",\s*(?P<aside>(?:говорит|сказал|добавляет|добавил|замечает|заметил|продолжает|"
        rf"отвечает|ответил)\s+(?:\w+\s+){{0,2}}?(?:тов\.|т\.|товарищ)\s*[{CYRILLIC_CAPITALS}][\w-]+)\s*,"
    ),
    # Chinese records put the record keeper's remarks in full-width brackets: （笑）.
    "zh": re.compile(r"(?P<aside>（[^（）]*）)"),
}
_BRACKET = re.compile(r"\[[^\[\]]*\]")
_SENTENCE_END = re.compile(r"[.!?…:;»\"')\]。！？；：”」』]$")
# A paragraph that is nothing but a stage direction: "[The President arrived…]",
# "（握手后，毛主席请客人入座。）". It is narration, never part of a turn.
_DIRECTION = re.compile(
    r"^(?:\[(?P<square>[^\[\]]+)\]|\((?P<round>[^()]+)\)|（(?P<full>[^（）]+)）)[.。]?$"
)


@dataclass(slots=True)
class VersionUnit:
    kind: Kind
    speaker: Speaker | None
    text: TextVersion
    attendance: bool = False
    direction: bool = False  # a stage direction, which a turn may go on after


@dataclass(slots=True)
class Version:
    """One language version, segmented."""

    headings: list[str] = field(default_factory=list)
    units: list[VersionUnit] = field(default_factory=list)
    styles: Counter[str] = field(default_factory=Counter)  # label style -> turns it opened
    notices: list[Notice] = field(default_factory=list)
    # Attendance lists before the first turn: the version's own header, not narration.
    lists: list[VersionUnit] = field(default_factory=list)


def is_heading(para: Paragraph, title: str) -> bool:
    """Front matter of a version: its title lines and date, before the first turn."""
    # (not a cable's paragraph: sentences in capitals are prose)
    all_capitals = (
        sum(c.isupper() for c in para.text) >= 3
        and not any(c.islower() for c in para.text)
        and not (_SENTENCE_END.search(para.text) and len(para.text.split()) >= 8)
    )
    return (
        para.heading
        or all_capitals
        or parse_date(para.text) is not None
        or name_key(para.text) == name_key(title)
        or (len(para.text) < 200 and not _SENTENCE_END.search(para.text))
    )


def editorial_spans(text: str, lang: str) -> list[Span]:
    spans = [Span(m.start(), m.end(), SpanKind.EDITORIAL) for m in _BRACKET.finditer(text)]
    aside = _ASIDE.get(lang)
    if aside:
        spans += [
            Span(m.start("aside"), m.end("aside"), SpanKind.ASIDE) for m in aside.finditer(text)
        ]
    return sorted(spans, key=lambda s: s.start)


def _labels(
    paras: list[Paragraph], lang: str, roster: Roster, title: str = ""
) -> tuple[list[Paragraph], list[Recognised | None]]:
    """The version's paragraphs and each one's label (None for lists and stage directions).

    Paragraphs of reported speech are cut where a sentence gives someone else's words
    ("K said… D said…"); those inside a turn of direct speech are left whole, where
    "…and Brezhnev said he would come" is quoted, not reported. A colon label whose name
    nobody corroborates counts only between sure turns, not in the page around them."""
    evidence = gather_evidence(paras, roster)
    evidence.other_side = True
    inline = inline_labels(paras, roster)
    out: list[Paragraph] = []
    found: list[Recognised | None] = []
    style: str | None = None
    asked = marked_questions(paras) or questions_answered_in_dashes(paras)
    for index, para in enumerate(paras):
        if index in asked or index - 1 in asked:
            out.append(para)  # a question marked with a bullet (or its answer with a dash)
            found.append(question_or_answer(para, asked, index))
            continue
        # (a list's cue alone on its line is a label: "- 主持人:" over the host's words)
        direction = _DIRECTION.match(para.text) and not speaker_in_brackets(para.text, evidence)
        if direction or (starts_list(para.text, lang) and not label_alone(para)):
            out.append(para)
            found.append(None)
            continue
        recognised = recognise(para, roster, evidence, between_turns=False)
        if (label := recognised.label) is not None:
            # "周恩来马上说：“…”" is told, though its colon makes it a label: other
            # sentences in such a record may tell who spoke too
            style = (
                "zh-reported"
                if label.style == "colon" and SAYING.search(label.name)
                else label.style
            )
        labelled = inline_cuts(para, inline)  # a page run together: its labels inside it
        reporting = style is None or style in REPORTING_STYLES
        cuts = reported_sentences(para, roster, evidence) if reporting else []
        if labelled:  # inside its turns "…your Ambassador reported…" is the speaker's
            cuts = [c for c in cuts if _SAYS_COLON.match(para.text, c)]  # but "周总理说:"
        cuts = sorted({*cuts, *labelled} - {0})
        if not cuts:
            out.append(para)
            found.append(recognised)
            continue
        inside = set(labelled)
        for at, piece in zip([0, *cuts], split_paragraph(para, cuts), strict=True):
            out.append(piece)
            numbered = _NUMBER.fullmatch(piece.text)  # "3." before "Gromyko said…"
            # (a label the page ran into the text, found twice or in a run of them, is
            # among turns)
            among = at in inside
            found.append(
                Recognised(None, narration=True)
                if numbered
                else recognise(piece, roster, evidence, between_turns=among)
            )
    for index, seen in enumerate(found):
        label = seen.label if seen else None
        following = out[index + 1] if index + 1 < len(out) else None
        if label is not None and not heads_a_turn(label, following):
            found[index] = Recognised(None)  # a name over a heading, not over a turn
    if not any(seen and seen.label for seen in found) and (asked := bare_questions(out, title)):
        # an interview whose questions lost their marks: each question, and the answer
        found = [
            question_or_answer(para, asked, index) if index in asked or index - 1 in asked else seen
            for index, (para, seen) in enumerate(zip(out, found, strict=True))
        ]
    out, found = _interjections(out, found, roster, evidence)
    out, found = _quotes_below(*_leads_apart(*_resolve_pronouns(out, found, roster)), roster)
    found = _replies(out, _offices_apart(found, roster), roster, title)
    sure = [i for i, f in enumerate(found) if f and f.sure]
    if opens_with_byline([label for i in sure if (label := _label_of(found[i]))]):
        found[sure[0]], sure = Recognised(None), sure[1:]
    if not sure:
        for index, para in enumerate(out):
            following = out[index + 1] if index + 1 < len(out) else None
            if found[index] is not None and (lone := lone_label(para, roster, evidence, following)):
                found[index] = Recognised(lone)
    if sure:
        # The opening statement just before the first sure turn ("SECRETARY RUSK: Good
        # morning." above the questions) is a turn too, if it reads as one; after the
        # last, a sentence that reports speech ("Ambassador Huang said…"), not a label
        # over the page's own tags and references ("Метки: …").
        for index in range(max(0, sure[0] - 1), len(out)):
            current = found[index]
            if current is not None and current.label is None and not current.narration:
                again = recognise(out[index], roster, evidence, between_turns=True)
                late = again.label if index > sure[-1] else None
                if late and late.style != "qa" and not _names_someone_after(late):
                    continue  # (a question and its answer may close a press conference)
                following = out[index + 1] if index + 1 < len(out) else None
                wordless = following is not None and not _WORD.search(following.text)
                if again.label and not again.label.rest and wordless:
                    continue  # "Kissinger" over a row of asterisks heads nothing
                if index >= sure[0] or (again.label and opens_speech(again.label.rest)):
                    found[index] = again
    for index, seen in enumerate(found[:-1]):
        label = seen.label if seen else None
        if label is not None and not label.rest and _addresses_the_chair(found[index + 1]):
            # "De heer Van der Ham (D66):" over "Voorzitter. Mijn fractie…": the member's
            # first word is the chair he addresses, no label
            found[index + 1] = Recognised(None)
    return out, _unlabelled_questions(out, found, roster, evidence)


_WORD = re.compile(r"[^\W\d_]{2}")


def _addresses_the_chair(below: Recognised | None) -> bool:
    """Whether the paragraph below a name alone opens by addressing the chair: one word and
    a full stop ("Voorzitter."), or a clause before a colon ("Mr Speaker, on a point of
    order: …")."""
    label = below.label if below else None
    if label is None:
        return False
    return (label.style == "period" and len(label.name.split()) == 1) or (
        label.style == "colon" and "," in label.name
    )


# "(同学:我们见到总理了)" inside the Premier's words: someone in the room cuts in.
# ("(Secretary Vance: We have prepared carefully.)": a name with its office, in English)
_INTERJECTION = re.compile(r"[(（](?P<name>[^()（）:：\n]{1,24})[:：]\s*(?P<words>[^()（）]+)[)）]")
# Several voices in one bracket, a dash between them: "(Abg. Ing. Meischberger: Zur
# Geschäftsordnung! - Abg. Mag. Schweitzer: Wie in der Kasperlklasse! - …)".
_NEXT_VOICE = re.compile(
    r"\s+[-–—]\s+(?=(?P<name>(?:Abg\.|Abgeordnete|Poseł|Posłanka|Bundesminister|Staatssekretär)"
    r"[^()（）:：\-–—\n]{0,24})[:：]\s)"
)  # (a member's title before it: not "Unerhört - Herr Präsident: Ordnungsruf!", his words)


def _voices(m: re.Match[str]) -> list[tuple[str, str, int]]:
    """(name, words, where the words start in the text) of each voice in a bracket."""
    voices: list[tuple[str, str, int]] = []
    name, start = m["name"].strip(), m.start("words")
    for nxt in _NEXT_VOICE.finditer(m["words"]):
        voices.append((name, m.string[start : m.start("words") + nxt.start()].strip(), start))
        name = nxt["name"].strip()
        start = m.start("words") + nxt.end() + len(nxt["name"]) + 1
    voices.append((name, m.string[start : m.end("words")].strip(), start))
    return voices


def interjecting(paras: list[Paragraph], roster: Roster) -> dict[str, Speaker]:
    """Who cuts into others' words, in brackets after a name ("(同学:…)", "(顾:…)"): a
    name that does so twice or more (or labels a paragraph too), or one the reference
    data or the record's lists know (not "(注:…)", an editor's note)."""
    names = Counter(
        name
        for para in paras
        if "(" in para.text or "（" in para.text
        for m in _INTERJECTION.finditer(para.text)
        for name, _, _ in _voices(m)
        if not is_field_key(name) and len(name.split()) <= 3
    )
    for name in list(names):  # ("陈:" labelling a paragraph of its own counts too)
        names[name] += sum(
            para.text.startswith(name) and para.text[len(name) : len(name) + 1] in ":："
            for para in paras
        )
    found: dict[str, Speaker] = {}
    for name, count in names.items():
        who = roster.resolve(name)
        # (a member by his title once: "(Poseł Robert Telus: Trzeba…)", "(Abg. Kurz: …)")
        member = _MEMBER_TITLE.match(name) is not None
        if who is not None and (count >= 2 or who.resolved or member or roster.member_for(name)):
            found[name] = who
    return found


_MEMBER_TITLE = re.compile(
    r"(?:Poseł|Posłanka|Senator(?:ka)?\s(?=\S+\s+\S)|Abg\.|Abgeordneter|Abgeordnete|Депутат|"
    r"Głos z sali|Голос из зала)"  # (a first name too: "Senator Morse" is no member's cue)
)


def cut_into(para: Paragraph, names: dict[str, Speaker]) -> bool:
    return any(m["name"].strip() in names for m in _INTERJECTION.finditer(para.text))


def _interjections(
    paras: list[Paragraph], found: list[Recognised | None], roster: Roster, evidence: Evidence
) -> tuple[list[Paragraph], list[Recognised | None]]:
    """A turn that others cut into, the transcript giving their words in brackets after
    their name ("…对,要争取多数。(同学:我们见到总理了)你来多少天了?"): each bracket is the
    other's turn, and the words after it the first speaker's again."""
    names = interjecting(paras, roster)
    if not names:
        return paras, found
    out: list[Paragraph] = []
    out_found: list[Recognised | None] = []
    speaker: Label | None = None  # whose turn the paragraph is in
    cut_off = False  # whether the paragraph before was someone's words in brackets alone
    for para, seen in zip(paras, found, strict=True):
        if cut_off and speaker is not None and seen is not None and seen.label is None:
            # "(Poseł Robert Telus: …)" on a line of its own, then the minister goes on
            seen = Recognised(replace(speaker, rest=para.text, cut=0, start=0))
        speaker = seen.label if seen and seen.label else speaker
        # each voice in brackets whose name cuts in: where its bracket (or the voice
        # before it in the same bracket) begins, who, the name as written and the words
        asides: dict[int, tuple[Speaker, str, str]] = {}
        ends: set[int] = set()
        for m in _INTERJECTION.finditer(para.text):
            voices = _voices(m)
            if voices[0][0] not in names:
                continue
            at = m.start()
            for name, words, start in voices:
                if name in names:
                    asides[at] = (names[name], name, words)
                    at = start + len(words)
            ends.add(m.end())
        # (the words after it, or the paragraph below a bracket that ends this one, are
        # the first speaker's again: "…gemeldet. (Abg. Dr. Khol: …)" over "Bitte, …")
        closed = para.text.rstrip()
        cut_off = bool(ends) and closed.endswith((")", "）")) and max(ends) >= len(closed)
        if not asides:
            out.append(para)
            out_found.append(seen)
            continue
        if seen is not None and seen.label is None:
            # (a member's label no one else has yet, over the words the others cut into:
            # "Abgeordneter Dr. Andreas Khol (ÖVP): … (Abg. Dr. Haider: …) Nein, …")
            again = recognise(para, roster, evidence, between_turns=True)
            seen, speaker = (again, again.label) if again.label else (seen, speaker)
        cuts = sorted(({*asides, *ends}) - {0, len(para.text)})
        for at, piece in zip([0, *cuts], split_paragraph(para, cuts), strict=True):
            if at in asides:  # the words alone: the brackets and the name are its label
                who, name, words = asides[at]
                piece = replace(piece, text=words, page_breaks=[], first_line=words)
                label = Label(who, "colon", Kind.SPEECH, words, 0, name)
                out_found.append(Recognised(label, sure=True))
            elif at == 0:  # the paragraph's own label, if any, over its first words only
                own = seen.label if seen else None
                rest = piece.text[own.cut :] if own else ""
                out_found.append(
                    replace(seen, label=replace(own, rest=rest)) if seen and own else seen
                )
            elif speaker is not None:  # the first speaker goes on
                out_found.append(Recognised(replace(speaker, rest=piece.text, cut=0, start=0)))
            else:  # (whose words were cut into, the page does not say)
                out_found.append(Recognised(None, narration=True))
            out.append(piece)
    return out, out_found


# "并说:", "又笑着说:": a clause of saying with no subject, the last speaker's.
_ZH_AGAIN = re.compile(
    r"[并並又还還再便就也]{1,2}(?:[\u4e00-\u9fff]{1,4}地|笑着|笑著)?(?:说|說|道|问|問|答|补充说|補充說)"
)
# "周总理说:…": a clause of saying that ends on a colon labels what follows.
_SAYS_COLON = re.compile(r"[^。！？；]{1,40}?(?:说|說|问|問|答|道)(?:[:：]|[,，](?=\s*[“「]))")


def _label_of(found: Recognised | None) -> Label | None:
    return found.label if found else None


def _names_someone_after(label: Label) -> bool:
    """Whether a label after the last sure turn names a person ("Secretary of State
    Dulles:", "Ambassador Huang said…") rather than the page's tags and references ("Метки:",
    "АП РФ. Ф.:"): a sentence of reported speech, a known name, or a name in full words."""
    if label.style in REPORTING_STYLES or label.speaker.resolved or SAYING.search(label.name):
        return True  # ("秦立民红着脸说：" names its speaker as a clause of saying)
    if _ARCHIVAL.search(label.name):
        return False  # "Reagan Library:", "National Archives:", "Source Note:"
    if _INITIALLED.fullmatch(label.name.strip()) or TITLED_LABEL.fullmatch(label.name.strip()):
        return True  # "С.В. ЛАВРОВ:", "J.F. Dulles:", "Mr. Speaker:", "Senator Gore:"
    if numbered_part(label.name):
        return True  # "Экскурсовод 2:", one of two guides
    han = label.name.strip()
    if re.fullmatch(r"[\u4e00-\u9fff·]{2,4}", han) and han_name(han) and not is_field_key(han):
        return han not in _ZH_NOTES  # "马振岗:", a Chinese name by its shape; not "附记:"
    # (a short title is no word of the name: "Dr. Rolf Schmid (GRÜNE):", "Abgeordneter Ing.
    # Hans Berger (…):")
    words = [
        w
        for w in clean_label(label.name).split()
        if w not in SMALL_WORDS and not _SHORT_TITLE.fullmatch(w)
    ]
    return len(words) >= 2 and all(
        re.fullmatch(
            rf"[{UPPER}](?:[{LOWER}'’-]{{2,}}|[{UPPER}'’-]{{2,}})",
            w,
        )
        for w in words
    )


_ZH_NOTES = frozenset(
    {"附记", "附記", "编者按", "編者按", "注释", "注釋", "说明", "說明", "后记", "後記"}
)
_SHORT_TITLE = re.compile(r"[A-Z][a-z]{1,3}\.")
_INITIALLED = re.compile(rf"(?:[{UPPER}]\.\s?){{1,3}}[{UPPER}][\w'’-]{{2,}}")


_ARCHIVAL = re.compile(
    r"\b(?:Library|Archives?|Documents?|Source|Note|Papers|Collection|Files?|Box|Folder|Record)\b"
)


_NUMBER = re.compile(rf"\s*{ENUMERATOR}\s*")


_OPENING_QUOTE = tuple('“「«"„—–')


def _quotes_below(
    paras: list[Paragraph], found: list[Recognised | None], roster: Roster
) -> tuple[list[Paragraph], list[Recognised | None]]:
    """ "毛泽东在谈到共产主义时说：" above "“在共产主义社会里……”", "Брежнев повторил:" above
    "— Гийом, Гийом…": a sentence that ends on its verb's colon introduces the quotation
    in the paragraph below, which is the turn; the sentence itself is narration. Where
    the turn above goes on to a later sentence with another subject ("Картер предложил…
    Громыко … спросил у меня:"), the turn stays and the quotation is that subject's."""
    found = list(found)
    inner: set[str] | None = None  # names written inside sentences, found when needed
    for index in range(len(paras) - 1):
        seen, below = found[index], found[index + 1]
        label = seen.label if seen else None
        if label is None or below is None or below.label is not None:
            continue
        if label.style not in REPORTING_STYLES or not label.rest.rstrip().endswith((":", "：")):
            continue  # "Stalin: I told him:" goes on in Stalin's own words
        if not paras[index + 1].text.startswith(_OPENING_QUOTE):
            continue
        quoted = paras[index + 1].text
        last = re.split(r"(?<=[.!?。！？…])\s+", label.rest.rstrip())
        if inner is None:
            inner = _capitalised_inside(paras)
        other = _subject_before_verb(last[-1], roster, inner) if len(last) > 1 else None
        if other is not None and other.key != label.speaker.key:
            found[index + 1] = Recognised(Label(other, "reply", Kind.SPEECH, quoted, 0, ""))
            continue
        found[index] = Recognised(None, narration=True)
        found[index + 1] = Recognised(replace(label, rest=quoted, cut=0, start=0), sure=True)
    return paras, found


def _offices_apart(found: list[Recognised | None], roster: Roster) -> list[Recognised | None]:
    """ "The President:" beside "President Mitterrand:" in one record of colon labels are
    two people, though the head names only Mitterrand with that office: the office alone
    is then its own speaker. And a label with a name of its own ("President Pompidou:")
    is never the listed office that has none ("The President")."""
    labels = [seen.label for seen in found if seen and seen.label and seen.label.style == "colon"]
    is_office = {name: roster.is_office(name) for name in {label.name for label in labels}}
    if not any(is_office.values()):
        return found
    nameless = {m.speaker.key for m in roster.members if not m.keys}

    def own(label: Label) -> Label:
        speaker = name_speaker(clean_label(label.name), roster.registry, shown=label.name)
        return replace(label, speaker=speaker) if speaker is not None else label

    out = list(found)
    named: dict[int, Label] = {}
    for index, seen in enumerate(found):
        label = seen.label if seen else None
        if seen and label and label.style == "colon" and not is_office[label.name]:
            named[index] = own(label) if label.speaker.key in nameless else label
            out[index] = replace(seen, label=named[index])
    offices_named: dict[str, set[str]] = {}  # speaker -> the words of its named labels
    for label in named.values():
        offices_named.setdefault(label.speaker.key, set()).update(_office_words(label.name))
    for index, seen in enumerate(found):
        label = seen.label if seen else None
        if seen is None or label is None or label.style != "colon" or not is_office[label.name]:
            continue
        if offices_named.get(label.speaker.key, set()) & _office_words(label.name):
            out[index] = replace(seen, label=own(label))
    return out


def _office_words(label: str) -> set[str]:
    return {name_key(word) for word in re.findall(r"[^\W\d_]+", label)} - SMALL_WORDS


# A paragraph of direct speech: an opening quotation mark or dialogue dash, or a hyphen
# standing for the dash.
_DIRECT_SPEECH = re.compile(rf"^(?:[{''.join(_OPENING_QUOTE)}]|-\s)")


def _replies(
    paras: list[Paragraph], found: list[Recognised | None], roster: Roster, title: str = ""
) -> list[Recognised | None]:
    """ "— …, — продолжал Хрущев." then "— Не об этом речь." then "— Веру? …": in a run
    of paragraphs of direct speech, one that names no speaker is the reply of the other
    person in the exchange, not more of the same turn. The other person is the one who
    spoke before the last speaker in the run (or in the run before), or else the one
    person the narration just above the run names; a run's first line is the one person
    the narration introducing it names ("Сталин … спросил:"). A quotation the paragraph
    before left open goes on instead."""
    found = list(found)
    inner: set[str] | None = None  # names written inside sentences, found when needed
    speakers: list[Speaker] = []  # of the run so far
    pair: list[Speaker] = []  # the two who spoke last in the run before
    run_start = 0
    for index, para in enumerate(paras):
        seen = found[index]
        label = seen.label if seen else None
        if not speakers and not (index and _DIRECT_SPEECH.match(paras[index - 1].text)):
            run_start = index
        if seen is None or seen.narration or not _DIRECT_SPEECH.match(para.text):
            if (
                speakers
                and seen is not None
                and seen.label is None
                and not _QUOTING.search(para.text)
                and not label_alone(paras[index - 1])  # (his words under "- 主持人:")
            ):
                # after lines of dialogue, words in no quotation are the narrator's
                found[index] = replace(seen, narration=True)
            if len({speaker.key for speaker in speakers}) >= 2:
                pair = speakers[-2:]
            speakers = []
            continue
        if label is not None:
            speakers.append(label.speaker)
            continue
        if inner is None:
            inner = _capitalised_inside(paras)
        if (
            para.text.rstrip().endswith((":", "："))
            and not _FIRST_PERSON_WORD.search(para.text)  # "— Киссинджер мне вчера сказал:"
            and _subject_before_verb(para.text.lstrip("—–- "), roster, inner)
        ):
            # "— И Громыко уже по-английски говорит президенту:": the writer's words
            # between two lines, introducing the one below
            found[index] = replace(seen, narration=True)
            pair = speakers[-2:] if len({speaker.key for speaker in speakers}) >= 2 else pair
            speakers = []
            continue
        introduced = None if speakers else _introducer(paras, found, index, roster, inner)
        if not speakers and not introduced and (asked := interview_length(paras, index, title)):
            _interview(paras, found, index, asked)
            speakers.extend(f.label.speaker for f in found[index : index + asked] if f and f.label)
            continue
        speaker: Speaker | None
        who = says_who(para.text)
        if (named := _person(who, roster, inner)) is not None:
            speaker = named  # "— А вы, Виктор? — спрашивает меня Картер."
        elif who in FIRST_PERSON or _I_SAY.search(para.text):
            speaker = roster.resolve("я")  # "— …, — сказал я.", "— … Помнит, говорю. …"
        elif not speakers:
            speaker = introduced
        elif _finished(paras[index - 1].text, para.text):
            above = found[run_start - 1] if run_start else None  # the narration above the run
            narration = paras[run_start - 1] if above and above.label is None else None
            vocative = _VOCATIVE.search(paras[index - 1].text)
            called = vocative and (vocative.group("first") or vocative.group("last"))
            addressed = _person(called or None, roster, inner)
            if _ASKED_ME.search(paras[index - 1].text):
                addressed = roster.resolve("я")  # "— А вы, Виктор? — спрашивает меня Картер."
            if addressed is not None and addressed.key != speakers[-1].key:
                speaker = addressed  # "— Суходрев, как вы думаете…?": Суходрев answers
            else:
                speaker = _other_party(speakers, pair, narration, roster)
        else:
            speaker = None  # the quotation above goes on
        if speaker is not None:
            found[index] = Recognised(Label(speaker, "reply", Kind.SPEECH, para.text, 0, ""))
            speakers.append(speaker)
    return found


def _unlabelled_questions(
    paras: list[Paragraph],
    found: list[Recognised | None],
    roster: Roster,
    evidence: Evidence,
) -> list[Recognised | None]:
    """An interview that labels only its first exchange ("Foell: …?" / "Deng: …"), then
    runs on in bare paragraphs: a question is the asker's again, and the paragraph after
    it opens the answerer's next turn."""
    found = list(found)
    labelled = [i for i, f in enumerate(found) if f and f.label and f.label.style == "colon"]
    if not labelled or len(labelled) > 2:
        return found
    if (first := labelled[0]) and (above := found[first - 1]) and not above.label:
        # the question above the first sure answer, its asker's name said only there
        again = recognise(paras[first - 1], roster, evidence, between_turns=True)
        if again.label is not None and again.label.style == "colon":
            found[first - 1] = again
            labelled.insert(0, first - 1)
    labels = [label for i in labelled if (label := _label_of(found[i])) is not None]
    last = labelled[-1]
    bare = [
        i
        for i in range(last + 1, len(paras))
        if (f := found[i]) and not f.label and not f.narration
    ]
    questions = {i for i in bare if paras[i].text.rstrip(" \"'”’»)").endswith(("?", "？"))}
    if (
        len(labels) != 2  # one exchange labelled, its two speakers named once each
        or labels[0].speaker.key == labels[1].speaker.key
        or not questions
        or len(bare) != len(paras) - last - 1
    ):
        return found
    asker, answerer = labels[0].speaker, labels[1].speaker  # (the one who asks goes first)
    previous = answerer
    for index in bare:
        if index in questions:
            speaker = asker
        elif previous.key == asker.key:
            speaker = answerer
        else:
            continue  # more of the answer
        found[index] = Recognised(Label(speaker, "reply", Kind.SPEECH, paras[index].text, 0, ""))
        previous = speaker
    return found


# An interview's question marked by a bullet in place of a name ("● 去過平壤嗎?"), the
# answer unmarked below it.
_MARKED_QUESTION = re.compile(r"\s*[●■◆▲►]\s*(?=\S)(?:.*[?？])\s*$", re.S)
_MARKED_QUESTIONS = 2  # at the least: one alone is a list's item


def question_or_answer(para: Paragraph, asked: dict[int, int], index: int) -> Recognised:
    """The label of an interview's question (at `index` in `asked`, its words from the
    offset there) or of the answer below one."""
    letter = QUESTION if index in asked else ANSWER
    cut = asked.get(index, 0)
    label = Label(QA_SPEAKERS[letter], "qa", Kind.SPEECH, para.text[cut:], cut, letter)
    return Recognised(label, sure=True)


def marked_questions(paras: list[Paragraph]) -> dict[int, int]:
    """The paragraphs that are an interview's questions marked by a bullet, each with
    where its words start; none unless the page asks two so and answers both."""
    found = {
        index: len(para.text) - len(para.text.lstrip(" ●■◆▲►"))
        for index, para in enumerate(paras)
        if para.text.lstrip()[:1] in "●■◆▲►" and _MARKED_QUESTION.fullmatch(para.text)
    }
    answered = [i for i in found if i + 1 < len(paras) and i + 1 not in found]
    if len(answered) < _MARKED_QUESTIONS:
        return {}
    # (asked of someone, or answered by someone: not an exam's or a help page's questions)
    addressed = _share(_YOU, [paras[i] for i in answered])
    speaks = _share(_I_OR_WE, [paras[i + 1] for i in answered])
    return found if addressed or speaks else {}


def _share(pattern: re.Pattern[str], paras: list[Paragraph]) -> bool:
    """Whether half the paragraphs or more hold the pattern."""
    return 2 * sum(bool(pattern.search(para.text)) for para in paras) >= len(paras)


# The person an interviewer asks ("you", "Sie", "вы", "您"), and the one answering as
# himself or for his side ("I", "we", "ich", "мы", "我").
_YOU = re.compile(
    r"(?i:\b(?:you|your|vous|votre|vos|tu|usted|ustedes|sie|ihnen|du|вы|вас|вам|ваш\w*|ты|"
    r"тебя|lei|voi|pan|pani|państwo|você|vocês|u|jij)\b)|您|你"
)
_I_OR_WE = re.compile(
    r"(?i:\b(?:i|i'm|i've|i'd|we|my|our|me|us|je|j|nous|moi|mon|ma|mes|notre|nos|yo|nosotros|"
    r"nuestr[oa]s?|mi|mis|ich|wir|mir|uns|mein\w*|unser\w*|"
    r"я|мы|мне|нас|нам|мой|наш\w*|io|noi|ja|my|eu|nós|ik|wij|mijn)\b)|我"
)

# A page that calls itself an interview, in its first lines.
_INTERVIEW = re.compile(
    r"(?i:интервью|інтерв['’]ю|interview|entrevista|entretien|intervista|wywiad|rozhovor|"
    r"intervju)|"
    r"采访|專訪|专访|访谈|訪談|インタビュー|一問一答|인터뷰"
)
_HEAD_PARAGRAPHS = 6
_QUESTION_LONGEST = 400  # characters: a question longer than this is a speech
_BARE_QUESTIONS = 2  # at the least
_UNANNOUNCED = 3  # questions at the least, where no word calls the page an interview
# Languages whose questions need no "you" ("¿Qué opina de…?"): their verbs say who.
_PRONOUNS_DROPPED = frozenset({"es", "it", "pt", "pl", "cs", "sk", "sh", "ru", "uk", "el", "ar"})
_QUOTED_ANSWERS = 3  # at the least, where no word calls the page an interview


def questions_answered_in_dashes(paras: list[Paragraph]) -> dict[int, int]:
    """The questions of an interview that prints only its answers as lines of dialogue:
    "Kad je to bilo?" over "– Bio je to novembar…", three times at least, most of the
    page's dashed lines answering so (not a story's dialogue with a question in its
    narration, nor a labelled question over a dashed report of the answer)."""
    found = {
        index: 0
        for index, para in enumerate(paras[:-1])
        if para.text[:1] not in "—–-"
        and len(para.text) <= _QUESTION_LONGEST
        and para.text.rstrip(" \"'”’»)").endswith(("?", "？"))
        and not _LABELLED.match(para.text)  # ("Хрущев: Что вы предлагаете?" has its name)
        and DIALOGUE_LINE.match(answer := paras[index + 1].text)
        and not says_who(answer)  # ("– Знаю, – сказал я.": a story's dialogue)
    }
    dialogue = sum(bool(DIALOGUE_LINE.match(para.text)) for para in paras)
    return found if len(found) >= _DASHED_ANSWERS and 2 * len(found) >= dialogue else {}


_LABELLED = re.compile(rf"(?:[{CAPITALS}][\w.'’-]*\s+){{0,2}}[{CAPITALS}][\w.'’-]*\s*[:：]\s")
_DASHED_ANSWERS = 3  # at the least


def bare_questions(paras: list[Paragraph], title: str = "") -> dict[int, int]:
    """The questions of an interview whose copy lost the bold that marked them:
    paragraphs that ask, each answered at greater length by the paragraph below, on a page
    that calls itself an interview near its top (or in its title), most questions asking
    "you" and most answers saying "I" or "we" (not a help page's "How do I…?" over "You
    can…", nor an essay's rhetorical questions); or, three at least, every answer in
    quotation marks («Ormai…»)."""
    heads = [title, *(para.text[:300] for para in paras[:_HEAD_PARAGRAPHS])]
    announced = any(_INTERVIEW.search(text) for text in heads)

    def asks(para: Paragraph) -> bool:
        text = para.text.rstrip(" \"'”’»)")
        return len(text) <= _QUESTION_LONGEST and text.endswith(("?", "？"))

    if any(DIALOGUE_LINE.match(para.text) for para in paras):
        return {}  # (lines of dialogue in dashes: an interview the replies' rules read)

    # (every answer in quotation marks, the prompts above them asking or trailing off:
    # "Ecco, la Germania. Finora, … collaborazione..." over «Ma vede, …»; or a Japanese
    # paper's dash glued to each question: "-中国に対しては…" over 「中国の…」)
    prompted = {
        index: _dash_end(para.text) if DASHED_PROMPT.match(para.text) else 0
        for index, para in enumerate(paras[:-1])
        if not _all_quoted(para)
        and (
            asks(para)
            or para.text.rstrip().endswith(("...", "…"))
            # (asking, "…理由は", "…のか", or on a page that calls itself an interview: not a
            # notice's bulleted lines, "-会場は…です")
            or (DASHED_PROMPT.match(para.text) and (announced or _JA_ASKS.search(para.text)))
        )
        and _all_quoted(paras[index + 1], cut=index + 2 == len(paras))
        and len(paras[index + 1].text) > len(para.text)
    }
    if len(prompted) >= _QUOTED_ANSWERS:
        return prompted
    # (each answered at greater length, but for the page's last answer, which may be cut)
    found = {
        index: 0
        for index, para in enumerate(paras[:-1])
        if asks(para)
        and not asks(paras[index + 1])
        and (len(paras[index + 1].text) > len(para.text) or index + 2 == len(paras))
    }
    if len(found) < _BARE_QUESTIONS:
        return {}
    if all(paras[index + 1].text[:1] in '«“"„' for index in found):
        return found if len(found) >= _QUOTED_ANSWERS else {}
    questions, answers = [paras[i] for i in found], [paras[i + 1] for i in found]
    speaks, addressed = _share(_I_OR_WE, answers), _share(_YOU, questions)
    if announced and speaks and addressed:
        return found
    # (no word calls it an interview: three exchanges at least, one after another from the
    # first, the answers in the first person and the questions asking "you", unless the
    # language drops its pronouns: not an essay's questions over its answers)
    exchanges = range(min(found), min(found) + 2 * len(found), 2)
    asked = addressed or paras[0].lang in _PRONOUNS_DROPPED
    one_by_one = list(found) == list(exchanges)
    return found if len(found) >= _UNANNOUNCED and speaks and asked and one_by_one else {}


_JA_ASKS = re.compile(r"(?:か|は|？|\?)\s*$")


def _dash_end(text: str) -> int:
    """Where the words after a line's opening dash start."""
    return len(text) - len(text.lstrip(" -−－―‐–—"))


def _all_quoted(para: Paragraph, cut: bool = False) -> bool:
    """Whether a paragraph is words in quotation marks and nothing else («…», "…"); the
    page's last may be `cut` off before its closing mark."""
    text = para.text.strip().rstrip(".")  # (Italian's «…». with its full stop after)
    return text[:1] in '«“"„「『' and (cut or text[-1:] in '»”"“」』')


def interview_length(paras: list[Paragraph], start: int, title: str = "") -> int:
    """How many lines of dialogue from `start` on are an interview with no names at all
    ("— Какой он на самом деле?" / "— На самом деле…" / "— Сколько вагонов…?" / "— В
    одном…"): questions and answers in turn, at least two of each, most of the questions
    asking ("— Говорят, что вы знали…" prompts) and few of the answers; 0 if they are not."""
    lines: list[str] = []
    for para in paras[start:]:
        if not _DIRECT_SPEECH.match(para.text) or says_who(para.text):
            break
        lines.append(para.text)
    asking = [line.rstrip(' »”"').endswith("?") for line in lines]
    questions, answers = asking[0::2], asking[1::2]
    # "…Рябков рассказал в интервью «Интерфаксу»…" just above: the interviewer opens, with
    # a question or a greeting, and the two take turns
    # (or the interviewer's own first words name it: "…щоб ми робили це інтерв'ю російською")
    above = paras[start - 1].text if start > 0 else title  # (the page's title, over its first)
    # (not a story's title: "Интервью с вампиром. Глава первая", "Rozhovor v kavárně – povídka")
    told = _ANNOUNCED.search(above) and not _FICTION.search(above)
    announced = told or any(_INTERVIEW.search(line) for line in lines[:4])
    if announced and len(lines) >= 2:
        return len(lines)
    if len(lines) < 4 or not asking[0] or sum(questions) * 2 <= len(questions):
        return 0
    # answers say more than questions ask (a list of headlines in dashes does not)
    said = sum(map(len, lines[1::2])) / len(answers) >= 1.2 * sum(map(len, lines[0::2])) / len(
        questions
    )
    # (every question asking and no answer doing so is evidence enough, where a page cut
    # the answers short)
    plain = all(questions) and len(questions) >= 3 and not any(answers)
    return len(lines) if (said or plain) and sum(answers) * 2 <= sum(questions) else 0


_ANNOUNCED = re.compile(rf"{_INTERVIEW.pattern}|(?i:в беседе с)")
_FICTION = re.compile(
    r"(?i:\b(?:глава|роман|повесть|рассказ|povídka|román|kapitola|nouvelle|roman|chapitre|"
    r"novela|cuento|relato|capítulo|kapitel|erzählung|chapter|novel|short story|opowiadanie|"
    r"rozdział|powieść)\b)|小説|小说|章"
)


def _interview(
    paras: list[Paragraph],
    found: list[Recognised | None],
    start: int,
    length: int,
) -> None:
    """The questions are the interviewer's, the answers whoever answers: the narration
    above names the people the talk is about as readily as the one who gives it."""
    for offset in range(length):
        speaker = QA_SPEAKERS[ANSWER if offset % 2 else QUESTION]
        text = paras[start + offset].text
        found[start + offset] = Recognised(Label(speaker, "reply", Kind.SPEECH, text, 0, ""))


def _finished(above: str, text: str) -> bool:
    """Whether the line of dialogue above has ended, so that `text` is a reply: it closed
    its sentence or quotation, or both are dash lines ("- Ну, ну" left unpunctuated opens no
    quotation for the next line to go on with)."""
    return above.rstrip()[-1:] in _CLOSED or (above[:1] in "—–-" and text[:1] in "—–-")


_QUOTING = re.compile(r"[“«„「\"]|\s[—–]\s")
# What a finished line of direct speech ends with: the sentence, then perhaps its quote.
_CLOSED = frozenset('.!?…»”」"')


def _introducer(
    paras: list[Paragraph],
    found: list[Recognised | None],
    index: int,
    roster: Roster,
    inner: set[str],
) -> Speaker | None:
    """Who the last sentence of the paragraph above has speak, where that sentence ends on
    a colon: the one known person it names ("Сталин вернулся к окну и, не оборачиваясь,
    спросил:"), else its subject, a name or the writer, before its verb of speaking
    ("Громыко немного замешкался и, как обычно, спросил у меня:", "И тут я спросил
    Картера:")."""
    above = found[index - 1] if index else None
    text = paras[index - 1].text.rstrip() if index else ""
    if above is None or not text.endswith((":", "：")) or above.label is not None:
        return (
            None  # (a label alone on its line, "Шульц:", has its turn below: no one to introduce)
        )
    sentence = re.split(r"[.!?。！？…]\s", text)[-1]
    if _I_ASK.search(sentence):
        return roster.resolve("я")  # "Спрашиваю у Молотова:": the one named is asked
    if (known := _the_one(_named(sentence, roster), roster)) is not None:
        return known
    return _subject_before_verb(sentence, roster, inner)


_FIRST_PERSON_WORD = re.compile(r"\b(?:я|мне|меня|мы|нам|нас|I|me|we|us)\b")
# A line of dialogue put to the writer: "— …? — спрашивает меня Картер.", "…, asked me Carter."
_ASKED_ME = re.compile(
    rf"[—–,]\s+(?:(?:пере)?спр(?:ашива|оси)[{CYRILLIC_SMALL}]*\s+меня|asks me|asked me)\s+[{UPPER}]"
)
# The writer's own aside inside a line of dialogue: "— Бережков передавал вам привет… Помнит,
# говорю. Он сказал…".
_I_SAY = re.compile(r"[,.!?]\s+(?:—\s+)?(?:говорю|спрашиваю|отвечаю|возражаю|уточняю)[.,]")
# A verb in the first person with no pronoun: the writer speaks ("Спрашиваю у Молотова:").
_I_ASK = re.compile(
    r"(?:^|[\s.…])(?:[Сс]прашиваю|[Пп]ереспрашиваю|[Гг]оворю|[Оо]твечаю|[Вв]озражаю|"
    r"[Уу]точняю|[Ии]нтересуюсь|[Нн]апоминаю|[Зз]амечаю|[Дд]обавляю|[Пп]родолжаю)\b"
)


def _subject_before_verb(sentence: str, roster: Roster, inner: set[str]) -> Speaker | None:
    """The first name (or "I") among the words before a sentence's verb of speaking: a
    person known or listed, or a word the record writes with a capital inside sentences
    (`inner`), not an adverb that opens this one ("Затем", "Уже")."""
    words = sentence.split()
    for position, word in enumerate(words):
        if says_at(" ".join(words[position:])):
            return None  # the verb came first
        bare = word.strip(",;")
        if bare in FIRST_PERSON:
            return roster.resolve(bare)
        if bare.lower() in PRONOUNS:
            return None  # "он спросил:": the pronoun pass knows whom
        speaker = roster.resolve(bare) if len(bare) >= 3 and bare[:1].isupper() else None
        if speaker is not None and (speaker.resolved or roster.member_for(bare) or bare in inner):
            return speaker
    return None


# A name the line of dialogue calls out, at its start or its end: "— Суходрев, как вы
# думаете…?", "— Вы, наверное, правы, Суходрев."
_VOCATIVE = re.compile(
    rf"^[—–-]\s*(?:(?:А|Ну|И|Well|So|And)\s+)?(?P<first>[{UPPER}][{LOWER}]{{2,}}(?:\s+[{UPPER}][{LOWER}]{{2,}})?),"
    rf"|,\s+(?P<last>[{UPPER}][{LOWER}]{{2,}}(?:\s+[{UPPER}][{LOWER}]{{2,}})?)[.!?…]\s*$"
)


def _person(name: str | None, roster: Roster, inner: set[str]) -> Speaker | None:
    """The person a name in a line of dialogue is, if it is a person's: one the record
    knows, or a word it writes with a capital inside sentences (`inner`)."""
    if not name or roster.is_office(name):
        return None
    speaker = roster.resolve(name)
    if speaker is None or name.lower() in PRONOUNS or name in FIRST_PERSON:
        return None
    if speaker.resolved or roster.member_for(name) or name.split()[-1] in inner:
        return speaker
    return None


def _capitalised_inside(paras: list[Paragraph]) -> set[str]:
    """Words written with a capital after a word in lower case or a comma: names."""
    return {m.group(1) for para in paras for m in _INNER_CAPITAL.finditer(para.text)}


_INNER_CAPITAL = re.compile(rf"(?<=[{LOWER},] )([{UPPER}][{LOWER}]{{2,}})\b")


def _other_party(
    speakers: list[Speaker], pair: list[Speaker], above: Paragraph | None, roster: Roster
) -> Speaker | None:
    """Who replies to the run's last speaker: the one before in the run, else the other of
    the pair who spoke in the run before, else the one person the narration above names."""
    last = speakers[-1]
    before = [speaker for speaker in reversed(speakers) if speaker.key != last.key]
    if not before and last.key in {speaker.key for speaker in pair}:
        before = [speaker for speaker in pair if speaker.key != last.key]
    if before:
        return before[0]
    if above is None:
        return None
    named = [slug for slug in _named(above.text, roster) if slug != last.key]
    if named:
        return _the_one(named, roster)
    # one the record's title or lists name: "Спрашиваю у Кагановича:" in "Беседы с Кагановичем"
    members = {
        member.speaker.key: member.speaker
        for word in re.findall(rf"[{UPPER}][\w'’-]{{2,}}", above.text)
        if (member := roster.member_for(word)) is not None and member.speaker.key != last.key
    }
    return next(iter(members.values())) if len(members) == 1 else None


def _the_one(slugs: list[str], roster: Roster) -> Speaker | None:
    """The speaker of the one known person named, or None when none or several are."""
    return roster.resolve(roster.registry.persons[slugs[0]].name) if len(slugs) == 1 else None


def _named(text: str, roster: Roster) -> list[str]:
    """The known people a text names, each once, in order."""
    found = roster.registry.record_matcher().find(text)
    slugs = [m.key.removeprefix("person:") for m in found if m.key.startswith("person:")]
    return list(dict.fromkeys(slugs))


def _leads_apart(
    paras: list[Paragraph], found: list[Recognised | None]
) -> tuple[list[Paragraph], list[Recognised | None]]:
    """Keep the record keeper's words before a name ("Then", "3.", "Выразив
    удовлетворение,", "谈到台湾问题，") as narration of their own, so that no word of
    the sentence is lost or given to the speaker."""
    out: list[Paragraph] = []
    out_found: list[Recognised | None] = []
    for para, seen in zip(paras, found, strict=True):
        label = seen.label if seen else None
        if seen is None or label is None or not para.text[: label.start].strip():
            out.append(para)
            out_found.append(seen)
            continue
        lead, turn = split_paragraph(para, [label.start])
        moved = replace(label, cut=label.cut - label.start, start=0)
        out += [lead, turn]
        out_found += [Recognised(None, narration=True), replace(seen, label=moved)]
    return out, out_found


def _resolve_pronouns(
    paras: list[Paragraph], found: list[Recognised | None], roster: Roster
) -> tuple[list[Paragraph], list[Recognised | None]]:
    """Give "He said…" to the last person reported in the third person (before any, the
    first one the record reports): in a record told by one side ("I asked… He replied…")
    the one the author is talking to. A first-person turn is cut where such a sentence
    begins; a record of direct speech is left alone."""
    first_person = {roster.author.speaker.key} if roster.author else set()

    def speaks_first(label: Label) -> bool:
        return label.name.strip() in FIRST_PERSON or label.speaker.key in first_person

    reported = [f.label for f in found if f and f.label and f.label.style in REPORTING_STYLES]
    # In a record of direct speech, "he said" is a speaker's own story, unless the
    # record keeper's narration introduces a quotation with it ("他…说：“…”").
    direct = not reported

    def pronoun_turn(text: str) -> Candidate | None:
        candidate = pronoun_candidate(text)
        if candidate is None or (direct and not _INTRODUCED.match(candidate.rest)):
            return None
        return candidate

    others = [label.speaker for label in reported if not speaks_first(label)]
    referent: Speaker | None = others[0] if others else _met(paras, found, roster)
    out: list[Paragraph] = []
    out_found: list[Recognised | None] = []
    for index, (para, seen) in enumerate(zip(paras, found, strict=True)):
        label = seen.label if seen else None
        if direct and (label is not None or not _QUOTATION_INTRODUCED.search(para.text)):
            out.append(para)  # nothing the record keeper says introduces a quotation here
            out_found.append(seen)
            continue
        if label is not None and label.style in REPORTING_STYLES and not speaks_first(label):
            referent = label.speaker
        candidate = pronoun_turn(para.text) if label is None and seen else None
        # "斯大林听了很敏感，……他因而对刘少奇说": "he" is whom the narration made its subject
        # (in a record of direct speech, in this paragraph or the one above)
        above_seen = found[index - 1] if index else None
        above = [paras[index - 1]] if direct and above_seen and above_seen.label is None else []
        for narration in ([] if label or candidate else [para]) + above:
            if subject := _subject(narration, roster):
                referent = subject
                break
        if candidate is not None and referent is not None:
            seen = Recognised(_pronoun_label(referent, candidate))
        label = seen.label if seen else None
        # Cut a first-person turn, or narration, where "He said…" begins.
        cutting = seen is not None and referent is not None and (not label or speaks_first(label))
        cuts = (
            [
                c
                for c in pronoun_sentences(para)
                if c > (label.cut if label else 0) and pronoun_turn(para.text[c : c + 240])
            ]
            if cutting
            else []
        )
        if not cuts or referent is None:
            out.append(para)
            out_found.append(seen)
            continue
        for part, piece in enumerate(split_paragraph(para, cuts)):
            out.append(piece)
            candidate = pronoun_turn(piece.text) if part else None
            if candidate is not None:
                out_found.append(Recognised(_pronoun_label(referent, candidate)))
            elif part == 0 and label is not None:  # the turn, now ending where "He" speaks
                out_found.append(
                    Recognised(replace(label, rest=piece.text[label.cut :]), sure=True)
                )
            elif part or not direct:
                out_found.append(Recognised(None) if part else seen)
            else:  # among turns of direct speech, the record keeper's words before "他…说："
                out_found.append(Recognised(None, narration=True))
    return out, out_found


# "I had a good talk with the President", "I called on Ambassador Huang": whom the writer
# of a record told in the first person talked with.
_MET = re.compile(
    r"\b(?i:talk|talked|conversation|meeting|met|called on|lunched|dined)"
    rf"\s+(?i:with\s+)?(?P<who>(?i:the\s+)?[{UPPER}][\w.'’-]*(?:\s+[{UPPER}][\w.'’-]*){{0,3}})"
    # "Mr. Krystosik and I spent two hours over lunch", "Gheorghiu-Dej engaged me in long
    # conversation"
    rf"|(?P<with>(?:[{UPPER}][\w.'’-]*\s+){{0,3}}[{UPPER}][\w'’-]*)"
    # (his post between commas: "Mr. David Gray, the American Minister, called and…")
    r"(?:,\s[^,.;]{3,60},)? "
    r"(?:and I|и я|(?:engaged|received|invited|approached|took|informed|told|visited) me|"
    r"came to see me|called (?:on me|and|to|at)\b|"
    r"called (?:by|on the) telephone (?:to ask|and asked))\b"
)


def _met(paras: list[Paragraph], found: list[Recognised | None], roster: Roster) -> Speaker | None:
    """Whom a record told in the first person says its writer met, before anyone else
    is reported speaking: "He said…" is that person."""
    for para, seen in zip(paras, found, strict=True):
        if seen is None or seen.label is not None:
            break
        for m in _MET.finditer(para.text):
            words = (m.group("who") or m.group("with")).split()
            # the name opens what follows "met", and ends what comes before "and I"
            spans = [
                words[:size] if m.group("who") else words[-size:]
                for size in range(len(words), 0, -1)
            ]
            for span in spans:
                name = " ".join(span)
                speaker = roster.resolve(name)
                if speaker is None or speaker.label.strip() in FIRST_PERSON:
                    continue
                # one he met must be someone the record knows; one he sat with may not be
                known = speaker.resolved or roster.member_for(name) or roster.is_office(name)
                if known or m.group("with"):
                    return speaker
    return None


# A verb of saying, then within a few words its colon and a quotation.
_INTRODUCED = re.compile(r"[^“「«\"。！？.!?]{0,30}[:：]\s*[“「«\"]")
_QUOTATION_INTRODUCED = re.compile(r"[:：]\s*[“「«\"]")


_COURTESY = re.compile(rf"(?i:{HONORIFICS})\.?\s+")  # "Mr.", "Ambassador", "тов."


def _subject(para: Paragraph, roster: Roster) -> Speaker | None:
    """The known person a paragraph of narration opens with ("Mr. Molotov paid a call…"),
    as its subject."""
    courtesy = _COURTESY.match(para.text)
    opening = courtesy.end() if courtesy else 0
    match = next(iter(roster.registry.record_matcher().find(para.text[: opening + 24])), None)
    if match is None or match.start != opening or not match.key.startswith("person:"):
        return None
    return roster.resolve(match.text)


def _pronoun_label(referent: Speaker, candidate: Candidate) -> Label:
    speaker = Speaker(referent.key, referent.label, referent.resolved)
    return Label(
        speaker,
        "narrated",
        Kind.REPORTED,
        candidate.rest,
        candidate.cut,
        candidate.name,
        candidate.start,
    )


def segment(
    paras: list[Paragraph], lang: str, title: str, roster: Roster, remarks_at: int | None = None
) -> Version:
    """The version's headings, then its units: turns, narration and stage directions.
    `remarks_at` is the line of an opening statement's heading the page took out as its
    section heading ("【冒頭発言】"): the paragraphs below it open the record."""
    version = Version()
    units = version.units
    narration = _NARRATION.get(lang)
    paras, labels = _labels(paras, lang, roster, title)
    last_turn: VersionUnit | None = None
    askers: dict[str, Speaker] = {}  # 问/答 -> who asks and who answers, named once
    examined: dict[str, Speaker] = {}  # Q/A -> counsel and witness, where a heading says
    witness: Speaker | None = None  # the last one sworn in
    for para, found in zip(paras, labels, strict=True):
        if ")" in para.text and (sworn := _WITNESS.search(para.text)):
            witness = roster.resolve(sworn["witness"]) or witness
        if witness and (" by " in para.text or "BY " in para.text):
            examined = _examination(para.text, witness, roster) or examined
        if "sworn" in para.text and (formula := _SWORN_IN.search(para.text)):
            # "Whereupon, J. Lee Rankin was called for examination … duly sworn": the one
            # who asked for the oath (his label on this paragraph, or the last) examines
            sworn_in = _spoken_as(formula["witness"], units) or roster.resolve(formula["witness"])
            witness = sworn_in or witness  # (an "EXAMINATION BY MR. X" below names who asks)
            asking = found.label.speaker if found and found.label else None
            asking = asking or (last_turn.speaker if last_turn else None)
            if sworn_in and asking and asking.key != sworn_in.key and not examined:
                examined = {QUESTION: asking, ANSWER: sworn_in}
        direction = _DIRECTION.match(para.text)
        if direction and not (found and found.label):  # (not "[앵커]" over the anchor's words)
            inner = next(g for g in direction.groups() if g is not None).strip()
            units.append(
                VersionUnit(Kind.NARRATION, None, _text(para, lang, inner), direction=True)
            )
            continue
        label = found.label if found else None
        # (not a question marked by a bullet: "● 去過平壤嗎?")
        marked = label is not None and label.style == "qa"
        is_list = starts_list(para.text, lang) and not label_alone(para) and not marked
        if is_list and not units:
            version.lists.append(VersionUnit(Kind.NARRATION, None, _text(para, lang), True))
            continue
        lead = bool(found and found.narration)  # "Then", "After the greetings," before a name
        if label is None and not units and not is_list and not lead and is_heading(para, title):
            version.headings.append(para.text)
            continue
        if label:
            if label.style in {"qa", "colon"} and label.name.strip() in examined:
                who = examined[label.name.strip()]  # "Q." counsel's, "A." the witness's
                label = replace(label, speaker=replace(who, label=label.name.strip()))
            elif label.style in {"qa", "colon"} and label.name.strip(" .") in (QUESTION, ANSWER):
                label = _answerer(label, units, roster)  # "Q …"/"A …", "Q:"/"A:"
            elif _ZH_AGAIN.fullmatch(label.name.strip()) and last_turn and last_turn.speaker:
                label = replace(label, speaker=last_turn.speaker)  # "…”并说:“…”": he goes on
            elif label.style in {"colon", "period"} and (
                ANSWERING.fullmatch(label.name.strip().rstrip("."))
                or label.speaker.key == QA_SPEAKERS[ANSWER].key
            ):
                answer = replace(QA_SPEAKERS[ANSWER], label=label.name.strip())  # "ОТВЕТ:"
                label = _answerer(replace(label, speaker=answer), units, roster)
            elif label.style == "colon" and (same := SAME_BELOW.match(label.name)):
                askers[fold(same["verb"])] = label.speaker  # "问(江山,下同):"
            elif label.style == "colon" and fold(label.name.strip()) in {"问", "答"}:
                label = _asker(label, units, askers)
            last_turn = _turn(para, lang, label)
            units.append(last_turn)
            version.styles[label.style] += 1
            if label.name.lower() in PRONOUNS:  # a reading worth checking: say so
                version.notices.append(
                    Notice(
                        para.line_start,
                        f"{label.name!r} taken to be {label.speaker.key}, the last person "
                        "reported speaking in the third person",
                    )
                )
            continue
        current = units[-1] if units else None
        cue = is_list or bool(narration and narration.match(para.text))
        cue = cue or lead or parse_date(para.text) is not None  # "03.02.1985" under an entry
        cue = cue or (para.text.isupper() and bool(PART_HEADING.fullmatch(para.text)))
        if remarks_at is not None and current is not None:
            cue = cue or current.text.line_start < remarks_at < para.line_start
        if current is not None and current.direction and last_turn and not cue:
            # The turn a stage direction interrupted goes on after it.
            last_turn = VersionUnit(last_turn.kind, last_turn.speaker, _text(para, lang))
            units.append(last_turn)
        elif current is None or cue or current.attendance:
            # The record keeper speaks: before the first turn, or in a sentence that
            # reads as narration ("The meeting took two hours.").
            units.append(VersionUnit(Kind.NARRATION, None, _text(para, lang), is_list))
        else:
            if found and found.doubtful:
                version.notices.append(
                    Notice(
                        para.line_start,
                        f"{found.doubtful.name!r} could be a speaker label, but it names no "
                        "known person and no other paragraph opens with it; kept with the text "
                        "before it",
                    )
                )
            _append(current.text, para)  # the turn (or narration) goes on
    if remarks_at is not None:
        _remarks_of_the_one_questioned(units, remarks_at)
    _keep_empty_labels(version)
    for unit in units:
        unit.text.spans = editorial_spans(unit.text.text, lang)
    return version


# A hearing's heading over a witness's examination: "MR JAMES HIPWELL (affirmed) Questions by
# MR BARR", "EXAMINATION BY MR. SMITH".
_COUNSEL_NAME = (
    r"(?:MR|MRS|MS|MISS|DR|SIR|LORD|LADY|Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady)\.?\s+"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
)
_WITNESS = re.compile(rf"(?P<witness>{_COUNSEL_NAME})\s+\((?i:sworn|affirmed|recalled)\)")
# A deposition's oath: "JOHN DOE, having been first duly sworn, was examined…", "Whereupon,
# J. Lee Rankin was called for examination … and, having been first duly sworn …".
_SWORN_IN = re.compile(
    r"(?P<witness>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}),?\s+"
    r"(?:was called (?:as a witness|for examination)\b[^.]{0,160}?|having been\s+|being\s+)"
    r"(?:first\s+)?duly sworn"
)
_EXAMINER = re.compile(
    r"(?:(?i:(?:cross-|re-)?(?:questions|examination|examined|questioned))\s+(?i:by)|^BY)\s+"
    rf"(?P<examiner>{_COUNSEL_NAME})"  # (or "BY MR. SMITH:" on its line under "EXAMINATION")
)


# A press conference's heading over its host's opening statement, before the questions.
OPENING_REMARKS = re.compile(
    r"冒頭(?:発言|所感|陳述)|开场白|開場白|(?i:opening (?:statement|remarks))|Вступительное слово"
)


def _remarks_of_the_one_questioned(units: list[VersionUnit], heading_line: int) -> None:
    """The paragraphs under an opening statement's heading (at `heading_line`), before the
    first turn, are the words of whoever answers the questions after them: the one who
    speaks most but asks nothing."""
    answering = Counter(
        unit.speaker.key
        for unit in units
        if unit.kind is Kind.SPEECH
        and unit.speaker
        and unit.speaker.key != QA_SPEAKERS[QUESTION].key
    )
    if not answering:
        return
    key = answering.most_common(1)[0][0]
    speaker = next(u.speaker for u in units if u.speaker and u.speaker.key == key)
    for index, unit in enumerate(units):
        if unit.kind is not Kind.NARRATION or unit.direction:
            break
        text = unit.text.text.strip()
        if len(text) <= _NOTE_UNDER_HEADING or JA_SAID.search(text):
            continue  # "特になし。" (nothing said), "…旨の説明があった。" (the record keeper's)
        if unit.text.line_start > heading_line:
            units[index] = VersionUnit(Kind.SPEECH, speaker, unit.text)


_NOTE_UNDER_HEADING = 8  # characters: "特になし。", "None.", a note, not a statement


def _spoken_as(name: str, units: list[VersionUnit]) -> Speaker | None:
    """The one speaker above whose label ends in the name's surname ("Mr. WHITCOMBE." for a
    witness sworn in as "Harold Whitcombe")."""
    surname = name_key(name.split()[-1])
    spoken = {
        unit.speaker.key: unit.speaker
        for unit in units
        if unit.speaker and unit.text.label and name_key(unit.text.label.split()[-1]) == surname
    }
    return next(iter(spoken.values())) if len(spoken) == 1 else None


def _examination(text: str, witness: Speaker, roster: Roster) -> dict[str, Speaker]:
    """Who asks under "Q" and who answers under "A" from here on, where the text names the
    counsel who examines the witness sworn in above ("Questions by MR BARR"); else
    nothing."""
    examiner = _EXAMINER.search(text)
    asks = roster.resolve(examiner["examiner"]) if examiner else None
    return {QUESTION: asks, ANSWER: witness} if asks else {}


def _answerer(label: Label, units: list[VersionUnit], roster: Roster) -> Label:
    """A "Q" is the question from the floor. An "A" answers for whoever last spoke under a
    name (the Secretary who opened the press conference), unless that one just asked the
    question (a judge of a witness); with nobody before it, for the one known person the
    record's head names ("an exchange between Secretary Kissinger and reporters"); else it
    stays "A"."""
    if label.name.strip(" .") == QUESTION:
        return replace(label, speaker=QA_SPEAKERS[QUESTION])
    turns = [u for u in units if u.kind is not Kind.NARRATION]
    asker = turns[-1].speaker if turns else None
    if asker and asker.key != "question" and turns[-1].text.text.rstrip(' "”»)').endswith("?"):
        return label  # "THE PRESIDENT: What do you find…?" / "A. No.": a witness answers him
    named = next(
        (u.speaker for u in reversed(units) if u.speaker and u.speaker.key != "question"), None
    )
    known = [member.speaker for member in roster.members if member.speaker.resolved]
    if named is None and len(known) == 1:
        named = known[0]
    if named is None or named.key == label.speaker.key:
        return label
    return replace(label, speaker=Speaker(named.key, label.name, named.resolved))


def _asker(label: Label, units: list[VersionUnit], askers: dict[str, Speaker]) -> Label:
    """ "问：" and "答：" after "问(江山,下同)：" or "贝问：" and "毛答：": the one who asked
    and the one who answered under a name before; else the label stands for itself."""
    verb = fold(label.name.strip())
    if verb in askers:
        return replace(label, speaker=replace(askers[verb], label=label.name))
    for unit in reversed(units):
        speaker = unit.speaker
        written = fold(unit.text.label.strip()) if unit.text.label else ""
        if speaker and len(written) > 1 and (written.endswith(verb) or written.startswith(verb)):
            return replace(label, speaker=Speaker(speaker.key, label.name, speaker.resolved))
    return label


def _keep_empty_labels(version: Version) -> None:
    """A name alone on its line with no turn after it stays, as narration, and is reported."""
    for unit in version.units:
        if unit.kind is not Kind.NARRATION and not unit.text.text:
            version.notices.append(
                Notice(
                    unit.text.line_start,
                    f"speaker label {unit.text.label!r} has nothing after it; kept as narration",
                )
            )
            unit.kind, unit.speaker = Kind.NARRATION, None
            unit.text.text, unit.text.label = unit.text.label or "", None


def _text(para: Paragraph, lang: str, text: str | None = None) -> TextVersion:
    return TextVersion(
        lang,
        para.text if text is None else text,
        para.line_start,
        para.line_end,
        page=para.page,
        page_breaks=[] if text is not None else list(para.page_breaks),
    )


def _turn(para: Paragraph, lang: str, label: Label) -> VersionUnit:
    text = TextVersion(
        lang,
        label.rest,
        para.line_start,
        para.line_end,
        # a reply names no one: the speaker is known from the exchange, not a label
        label=(label.speaker.label if names_someone(label.name) else label.name)
        if label.name
        else None,
        page=para.page,
        page_breaks=[
            PageBreak(b.offset - label.cut, b.page)
            for b in para.page_breaks
            if b.offset >= label.cut
        ],
    )
    return VersionUnit(label.kind, label.speaker, text)


def _append(text: TextVersion, para: Paragraph) -> None:
    """Add a continuation paragraph to a turn, keeping page breaks in step."""
    if not text.text:  # a name alone on its line: the turn starts here
        text.text, text.page = para.text, para.page
        text.page_breaks = list(para.page_breaks)
        text.line_end = para.line_end
        return
    offset = len(text.text) + 2
    last_page = text.page_breaks[-1].page if text.page_breaks else text.page
    if para.page is not None and para.page != last_page:
        text.page_breaks.append(PageBreak(offset, para.page))
    text.page_breaks.extend(PageBreak(offset + b.offset, b.page) for b in para.page_breaks)
    text.text = f"{text.text}\n\n{para.text}"
    text.line_end = para.line_end
