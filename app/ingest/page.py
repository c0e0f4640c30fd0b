"""A copied page cut into what it holds: the head, the record's body, its notes, and the
site's furniture around them.

The body runs from the first turn that is beyond doubt to the last; the turns vote
(labels that recur, names the reference data or the record's own lists know). What
comes before is the head (head.py), read for the title, date and participants;
after the last turn come the record's closing narration and notes, then, from the
first line of furniture on, the site's footer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from app.ingest.body import READ_ALSO, Paragraph, join_lines, under_a_label
from app.ingest.dates import find_date_span
from app.ingest.fields import FIELD, closed_up
from app.ingest.furniture import is_furniture, is_pager, is_short_line
from app.ingest.head import Header, read_head
from app.ingest.labels import (
    REPORTING_STYLES,
    Candidate,
    Evidence,
    Label,
    full_names,
    gather_evidence,
    inline_cuts,
    inline_labels,
    lone_label,
    narrated_turns,
    opens_like_a_turn,
    opens_speech,
    opens_with_byline,
    personal_name,
    recognise,
    reported_sentences,
    said_below,
    shortened_labels,
    sure_labels,
    titled_names,
)
from app.ingest.metadata import parse_wilson_header
from app.ingest.model import Debris, Line, Note, Speaker
from app.ingest.notes import NOTE_HEADING, note_start, split_notes
from app.ingest.registry import Registry
from app.ingest.roster import Member, Roster, clean_label
from app.ingest.source import DIALOGUE_LINE, of_dialogue, paragraph_lines
from app.ingest.turns import (
    bare_questions,
    cut_into,
    interjecting,
    interview_length,
    marked_questions,
    question_or_answer,
    questions_answered_in_dashes,
)
from app.textnorm import CYRILLIC_SMALL, LOWER, UPPER, name_key, slugify


@dataclass(slots=True)
class Page:
    header: Header | None  # None: nothing but text (front matter or a sidecar may say more)
    body: list[Line]
    notes: list[Note]
    debris: list[Debris] = field(default_factory=list)
    roster: Roster | None = None


def _paragraph(block: list[Line]) -> Paragraph:
    return Paragraph(
        join_lines(block), block[0].number, block[-1].number, None, first_line=block[0].text.strip()
    )


_SCAN = 60  # paragraphs searched for a turn that only the head above it can confirm


def _questions(
    paras: list[Paragraph], asked: dict[int, int], end: int | None = None
) -> dict[int, Label]:
    """An unlabelled interview's questions (those before `end`), each as sure as a label."""
    questions = {i: question_or_answer(paras[i], asked, i).label for i in asked}
    return {i: label for i, label in questions.items() if label and (end is None or i < end)}


def _first_turn(
    paras: list[Paragraph], lines: list[Line], registry: Registry, echoed: set[int]
) -> tuple[int | None, dict[int, Label]]:
    """The first paragraph that opens a turn, and the sure labels. A label is sure when
    its name is known or recurs; before the first sure one (or where there is none) a
    label, or a sentence of reported speech, counts when it names someone the head above
    it lists: "Brezhnev:" under a title naming him, "K said" under one naming Kissinger."""
    nobody = Roster(registry)  # no one listed yet: what the text alone says
    evidence = gather_evidence(paras, nobody)
    sure = sure_labels(paras, nobody, evidence)
    for index in echoed:  # (a title the site quotes again is no turn)
        sure.pop(index, None)
    if opens_with_byline([sure[i] for i in sorted(sure)]):
        del sure[min(sure)]
    if sure and all(label.style in REPORTING_STYLES for label in sure.values()):
        # A told record may begin with speech inside a sentence ("After he had offered me
        # tea, I said…") above the first paragraph that opens with a speaker.
        told = narrated_turns(paras, nobody, evidence)
        if told and 0 < min(told) < min(sure):  # (the first paragraph holds the head)
            return min(told), sure
    if sure and min(sure) > 0:
        # Lines of dialogue above the first sure turn open the record; else a statement
        # just above it does if it reads as one, and so does a titled name's a few
        # paragraphs above ("Assistant Secretary Berding: Ladies and gentlemen, …" over its
        # second paragraph and "Secretary Herter.").
        if (introduced := _introduced_dialogue(paras, min(sure))) is not None:
            return introduced, sure
        first = min(sure)
        names = interjecting(paras[:first], nobody) if first else {}
        while first > 0 and cut_into(paras[first - 1], names):
            first -= 1  # a speech the room cut into ("…(同学:我们见到总理了)…") goes on above
        if first < min(sure):
            return first, sure
        return _opening_statement(paras, first, nobody, evidence), sure
    limit = min(sure) if sure else min(len(paras), _SCAN)
    dialogue = _introduced_dialogue(paras, limit)
    for index in range(limit if dialogue is None else dialogue):
        para = paras[index]
        header, _ = read_head([ln for ln in lines if ln.number < para.line_start], registry)
        roster = roster_for(header, registry)
        if roster.members and (
            sure_labels([para], roster)
            or reported_sentences(para, roster, narrator=False)  # someone listed speaks
            or inline_cuts(para, inline_labels([para], roster))  # a page run together
        ):
            # ("I informed the Prime Minister…" in the paragraph above, a diary's writer)
            if index and reported_sentences(paras[index - 1], roster):
                index -= 1
            return _opening_statement(paras, index, nobody, evidence), sure
    if dialogue is not None:
        return dialogue, sure
    if not sure and (dashed := questions_answered_in_dashes(paras)):
        # an interview's questions over answers in dashes: each question as sure as a label
        return min(dashed), _questions(paras, dashed)
    if not sure:  # no label recurs or is known: a story told in reported speech
        # (perhaps after a labelled line of it: "周总理说:交谈嘛…" above "我表示…"),
        narrated = narrated_turns(paras, nobody, evidence)
        after = [*paras[1:], None]
        # (only a lone label above the story's first turn opens it earlier)
        searched = min(narrated) if narrated else limit
        lone = next(
            (i for i in range(searched) if lone_label(paras[i], nobody, evidence, after[i])), None
        )
        if narrated:
            return (min(narrated) if lone is None else lone), narrated
        # a speech, or one side of a conversation, or an exchange none of whose names
        # recurs in the excerpt (its labels all count: the page goes on to the last),
        if lone is not None:
            labels = (lone_label(p, nobody, evidence, after[i]) for i, p in enumerate(paras))
            return lone, {i: label for i, label in enumerate(labels) if label and i >= lone}
        # or a page run together into one paragraph, its labels inside it,
        if inline := inline_labels(paras, nobody):
            return next((i for i, p in enumerate(paras) if inline_cuts(p, inline)), None), sure
        # or a memorandum whose writer alone is named speaking ("I replied…", "He asked…"),
        if narrated := narrated_turns(paras, nobody, evidence, narrator_alone=True):
            return min(narrated), narrated
        # or an interview, questions and answers with no names, or bullets for names
        if asked := marked_questions(paras) or bare_questions(paras):
            # (each question as sure as a label: the record goes on to the last, over the
            # headings a paper sets between them, up to the site's links to other stories,
            # whose teasers may ask too)
            links = (
                i for i, para in enumerate(paras) if i > min(asked) and READ_ALSO.match(para.text)
            )
            return min(asked), _questions(paras, asked, next(links, len(paras)))
        return next((i for i in range(limit) if interview_length(paras, i)), None), sure
    return (min(sure) if sure else None), sure


_QUOTED_LINE = re.compile(r"[\"“]([^\"“”\n]{8,200})[\"”]")


def _echoed_titles(paras: list[Paragraph]) -> set[int]:
    """Lines a document site quotes again in its chrome (`Download "SOHN: What was your
    view…?"`): the page's title, though it reads like a turn (a line with a colon among the
    page's first ones; not a headline that quotes a turn of the record)."""
    quoted = {
        m[1].strip()
        for para in paras[:_TOP_QUOTED]
        if len(para.text) <= 240
        for m in _QUOTED_LINE.finditer(para.text)
    }
    quoted = {text for text in quoted if ":" in text[:40]}
    # (and a photo's caption that quotes its subject, printed twice, once over its credit:
    # `Regierungschefin Merkel: "Was ist gut für die Menschen…?"` / "Urban Zintel/ DER
    # SPIEGEL"; not a crowd's chant that comes back)
    firsts = [" ".join(para.first_line.split()) for para in paras]
    shown = Counter(first for first in firsts if _QUOTE_CAPTION.match(first))
    credited = {firsts[i] for i, para in enumerate(paras) if para.line_end > para.line_start}
    twice = {first for first, n in shown.items() if n >= 2 and first in credited}
    # (and a dated heading a page prints twice at its top: "Энвер Ходжа. Формальная
    # делегация. 13 июля 1973 г." over itself)
    top = Counter(" ".join(para.text.split()) for para in paras[:_TOP] if len(para.text) <= 200)
    twice |= {text for text, n in top.items() if n >= 2 and find_date_span(text)}
    if not quoted and not twice:
        return set()
    return {
        i
        for i, para in enumerate(paras)
        if para.text.strip() in quoted
        or firsts[i] in twice  # (with the photo's credit)
        or (i < _TOP and " ".join(para.text.split()) in twice)
    }


_TOP = 4  # paragraphs at a page's top where a heading printed twice is looked for
_TOP_QUOTED = 12  # paragraphs at a page's top where its chrome quotes the title
_QUOTE_CAPTION = re.compile(r"^\s*[^:：\n]{1,60}[:：]\s*[\"„“«][^\n]{8,300}[\"“”»]\s*$")


def _introduced_dialogue(paras: list[Paragraph], limit: int) -> int | None:
    """The first paragraph before `limit` that opens three lines of dialogue or more
    (dashes) below a sentence ending on a colon ("Спрашиваю у Молотова: - Что …?")."""
    return next(
        (
            index
            for index in range(1, limit)
            if paras[index - 1].text.rstrip().endswith((":", "："))
            and all(DIALOGUE_LINE.match(para.text) for para in paras[index : index + 3])
        ),
        None,
    )


def _dialogue_above(paras: list[Paragraph], first: int) -> int:
    """Where a page of dialogue begins, given its first sure turn: at the first line of
    dialogue above it with only the writer's prose between them ("— А это мой внук…" over
    "Громыко … переспросил:" over "— Тоже Джимми?")."""
    if not of_dialogue(para.text for para in paras):
        return first
    start = first
    for index in range(first - 1, -1, -1):
        text = paras[index].text
        if DIALOGUE_LINE.match(text):
            start = index
        elif is_furniture(text) or is_short_line(text):
            break
    return start


_STATEMENT_PARAGRAPHS = 4  # an opening statement's, under its label
_NAMES_SHARE = 8  # in ten: the words of a list of names, capitalised
# A sentence's end or a clause's comma after a word, not an abbreviation's full stop ("Mr.").
_SAID = re.compile(rf"[a-zà-ÿ{CYRILLIC_SMALL}]{{2}}[.!?,;](?:\s|$)|[。！？，]")


def _opening_statement(
    paras: list[Paragraph], first: int, nobody: Roster, evidence: Evidence
) -> int:
    """Where the record opens, given its first sure turn: a statement just above it that
    reads as one, or a titled name's a few paragraphs above ("Assistant Secretary Berding:
    Ladies and gentlemen, …" over its second paragraph and "Secretary Herter."); and so
    on up, a host's opening over his guest's first words ("HOWARD KURTZ, HOST: He anchors
    …" over "JIM LEHRER, HOST, …: Thank you, Howard.")."""
    opened = first
    for before in range(first - 1, max(-1, first - _STATEMENT_PARAGRAPHS - 1), -1):
        label = recognise(paras[before], nobody, evidence, between_turns=True).label
        if label is None or label.style != "colon":
            continue
        candidate = Candidate(label.name, label.rest, label.cut)
        near = before == first - 1 and opens_speech(label.rest)
        # (not a heading's "Senate Foreign Relations Committee Sessions: Briefing on …", nor
        # a side's people in a list: "United States: Ambassador Austin Mr. J. N. Hyde")
        words = label.rest.split()
        listing = sum(w[:1].isupper() for w in words) * 10 >= len(words) * _NAMES_SHARE
        said = len(words) >= 6 and _SAID.search(label.rest) and not listing
        # (or a name alone on its line over what he says: "Mr John Spellar (Warley) (Lab):")
        alone = not label.rest and said_below(paras[before + 1])
        named = personal_name(replace(candidate, name=clean_label(label.name)))
        if (
            near
            or (alone and named)
            or (personal_name(candidate) and len(label.name.split()) <= 4 and said)
        ):
            opened = before
            break
    return opened if opened == first else _opening_statement(paras, opened, nobody, evidence)


def _after_header(paras: list[Paragraph], first: int, sure: dict[int, Label]) -> int:
    """The first turn after the record's own header: a page may quote a line of the
    conversation above the title (a teaser), and the header fields come after it."""
    turns = sorted(i for i in sure if i >= first)
    early = turns[2] if len(turns) > 2 else len(paras)
    fields = [
        i
        for i in range(first, early)
        if (m := FIELD.match(closed_up(paras[i].first_line)))
        and (m.group("participants") or m.group("date") or m.group("place"))
    ]
    if not fields:
        return first
    return next((i for i in turns if i > fields[-1]), first)


_NAMED = re.compile(r"([^:：]{1,40})[:：]")


def _tail_start(paras: list[Paragraph], last: int) -> int:
    """Where the site's footer begins after the last turn: the first line of furniture
    that is not the record's own notes. A line that opens like a turn is the record's,
    unless it is short, has words after its colon and a name no paragraph above opens
    with ("Метки: 1957, НАТО" is the site's tags; "K: Right" a turn)."""
    named = [_NAMED.match(para.text) for para in paras]
    names = [m[1].strip() if m else None for m in named]
    dialogue = bool(DIALOGUE_LINE.match(paras[last].text))
    # (in a page of dialogue, a line of it is never the site's: "— Тоже Джимми?")
    dashed = of_dialogue(para.text for para in paras)
    for index in range(last + 1, len(paras)):
        text = paras[index].text
        line = bool(DIALOGUE_LINE.match(text))
        dialogue = dialogue and line
        if dialogue or (dashed and line) or NOTE_HEADING.match(text) or note_start(text):
            continue  # (the lines of the dialogue the last turn opens, "- Ну, ну" too)
        if under_a_label(text, paras[index - 1].text):
            continue  # a member's post under his name: the body's debris
        if text.strip() in names[:index]:
            continue  # "TODOR ZHIVKOV" over his words, where "TODOR ZHIVKOV:" labels turns
        if is_pager(text):
            return index  # "上一篇:… 下一篇:…", though its colon reads like a label
        m = named[index]
        listed = m is not None and bool(text[m.end() :].strip())  # not a name alone
        if opens_like_a_turn(paras[index]) and not (
            is_short_line(text) and listed and names[index] not in names[:index]
        ):
            continue
        if is_furniture(text) or is_short_line(text):
            return index
    return len(paras)


def _about_a_member(name: str, roster: Roster) -> bool:
    """Whether words that look like a name are a heading about someone the record lists:
    his surname, then a word of no name of his ("Kissinger Visit" over a memorandum's
    section, where "Henry A. Kissinger" is listed; not "Ronald McNeill" for "McNeill")."""
    words = [name_key(word) for word in name.split()]
    for member in roster.members:
        # (only where the list gives his name in full, its surname last: not "Premier Kim"
        # of a title, whose "Kim Il Sung" below goes on after the surname)
        if len(member.keys) < 2:
            continue
        surname = member.keys[-1]
        if surname in words[:-1] and words[words.index(surname) + 1] not in member.keys:
            return True
    return False


def roster_for(header: Header | None, registry: Registry) -> Roster:
    roster = Roster(registry)
    if header is not None:
        for entry in header.attendance:
            roster.add(entry.name, entry.description)
        roster.extend(header.names)
        roster.documented = bool(header.attendance) or bool(_NOTE.search(header.metadata.title))
    return roster


# A title that names a record of a talk: a note, minutes, a transcript (not "Gespräch
# zwischen …", a story's headline as readily).
_NOTE = re.compile(
    r"(?i:aktennotiz|niederschrift|vermerk|protokoll|stenogramm|compte[ -]rendu|procès-verbal|"
    r"mémorandum|memorandum|minutes|record|transcript|acta|actas|verbale|resoconto|appunti|"
    r"notatka|protokół|stenogram|záznam|zápis|запись|стенограмма|протокол)"
)


def read_page(lines: list[Line], source: str, registry: Registry) -> Page:
    wilson = parse_wilson_header(lines, source)
    if wilson is not None:
        metadata, index = wilson
        body, notes = split_notes(lines[index:])
        return Page(Header(metadata, body), body, notes)
    paras = [_paragraph(block) for block in paragraph_lines(lines)]
    echoed_paras = _echoed_titles(paras)
    first, sure = _first_turn(paras, lines, registry, echoed_paras)
    if first is None:
        body, notes = split_notes(lines)
        return Page(None, body, notes)
    first = _dialogue_above(paras, _after_header(paras, first, sure))
    last = max([first, *sure])
    # (a page run together into one paragraph below the first turn: its labels inside it, in
    # capitals; not a bibliography's "Oxford: Oxford University Press")
    below = inline_labels(paras[last + 1 :], Roster(registry))
    if inline := frozenset(label for label in below if label.isupper()):
        last = max(
            [last, *(i for i in range(last + 1, len(paras)) if inline_cuts(paras[i], inline))]
        )
    tail = _tail_start(paras, last)
    if (signature_at := _signed_below(paras, sure, tail)) is not None:
        tail = signature_at
    start = paras[first].line_start
    end = paras[tail].line_start if tail < len(paras) else lines[-1].number + 1
    if end <= start:  # a record run into one line keeps its footer: no line to end on
        end = lines[-1].number + 1
    debris = [
        Debris("", line.number, line.text.strip(), "furniture")
        for line in lines
        if line.number >= end and line.text.strip()
    ]
    # (a title the site quotes again, a caption printed twice: the page's, no line of the
    # body; the first above the head is the page's title where the head has none)
    echoed = {n for i in echoed_paras for n in range(paras[i].line_start, paras[i].line_end + 1)}
    header, narration = read_head(
        [ln for ln in lines if ln.number < start and ln.number not in echoed], registry
    )
    if (above := [ln for ln in lines if ln.number in echoed and ln.number < start]) and not (
        header.metadata.title
    ):
        header.metadata.title = above[0].text.strip()
    body, notes = split_notes(
        [ln for ln in lines if start <= ln.number < end and ln.number not in echoed]
    )
    debris = [
        *header.debris,
        *(
            Debris("", ln.number, ln.text.strip(), "furniture")
            for ln in lines
            if ln.number in echoed and ln.number < end and ln.text.strip()
        ),
        *debris,
    ]
    roster = roster_for(header, registry)
    signed = _signature(lines, end, header.metadata.record_type in {"telegram", "letter"})
    # An author the record never names is one person, and this record's own: not the
    # nameless author of every other telegram.
    stem = re.sub(r"\.[^.]+$", "", source.replace("\\", "/").rsplit("/", 1)[-1])
    nameless = Member("I", Speaker(f"author-{slugify(stem)}", "I", resolved=False), (), "")
    # (no label was sure before the head was read: the listed people's are, now)
    labels = list(sure.values()) or list(sure_labels(paras[first:], roster).values())
    roster.set_author(_author(header, roster, labels, signed, nameless))
    for short, full in shortened_labels(paras[first : last + 1]).items():
        roster.shorten(short, full)
    written_out = full_names(paras[max(0, first - 1) : last + 1])  # (and an opening question)
    roster.extend(name for name in written_out if not _about_a_member(name, roster))
    roster.extend(titled_names(paras, roster))
    roster.set_text("\n".join(para.text for para in paras))
    return Page(header, narration + body, notes, debris, roster)


# "The Ambassador in the Soviet Union (Harriman) to the President": a telegram's sender.
_SENDER = re.compile(r"(?P<who>The [^()]{3,80}?)\s*\((?P<name>[^)]+)\)\s+to\b")
# "Minute by Tiernan on a conversation with Thorne (Dublin)": the writer before "on" (the
# brackets hold a place); not a "Translation by …".
_BY_ON = re.compile(
    r"\b(?i:minute|memorandum|memo|note|notes|record|report|account)\s+"
    rf"by (?P<name>[{UPPER}][\w.'’-]*(?:\s+[{UPPER}][\w.'’-]*){{0,3}}) (?:on|of) "
    r"(?:a |an |the |his |her )?"
    r"(?:conversations?|talks?|meetings?|interviews?|calls?|discussions?)\b"
)
_BY = re.compile(r"\bby (?:the )?(?P<who>[^,;()]+?)\s*(?:\((?P<name>[^)]+)\))?\s*$", re.I)
# "Memorandum From Attorney General Kennedy to President Kennedy": its writer.
# "CABLE TO SECRETARY KISSINGER FROM BRENT SCOWCROFT": the same at a title's end.
_FROM = re.compile(
    r"\b(?:From|FROM) (?P<who>[A-Z][^()]{2,60}?)\s*(?:\((?P<name>[^)]+)\))?\s+to\b"
    r"|\b(?:From|FROM) (?P<end>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s*$"  # not "From Moscow"
)
_DIARY = re.compile(r"(?:journal|diary|дневник|из дневника)\b|日记", re.IGNORECASE)
_HELPERS = frozenset({"interpreter", "interpreters", "notetaker", "translator", "переводчик"})


# A telegram's signature: a surname (or initials and a surname) on the line after the text.
_SIGNATURE = re.compile(rf"(?:[{UPPER}]\.\s?){{0,2}}[{UPPER}][{LOWER}{UPPER}'’-]+\.?")
# "EAMON DE VALERA", "P.J. TIERNAN": a full name in capitals, initials or not.
_SIGNED_IN_CAPITALS = re.compile(
    rf"(?:[{UPPER}]\.)+\s?[{UPPER}][{UPPER}'’-]+(?:\s+[{UPPER}][{UPPER}'’-]+){{0,2}}"
    rf"|[{UPPER}][{UPPER}'’-]+(?:\s+[{UPPER}][{UPPER}'’-]+){{1,3}}"
)


def _signed_in_capitals(line: str) -> bool:
    """Whether a line is a full name in capitals, its initials spaced or not ("P. J.")."""
    return _SIGNED_IN_CAPITALS.fullmatch(line.strip().replace(". ", ".")) is not None


def _signed_below(paras: list[Paragraph], sure: dict[int, Label], tail: int) -> int | None:
    """The paragraph of a name in capitals alone that signs a record of reported speech
    ("P. J. TIERNAN" under "I said that…"): where the record ends, though the site's
    paragraph below it reads like his words."""
    if not sure or not all(label.style in REPORTING_STYLES for label in sure.values()):
        return None
    last = max(sure)
    if not any(_I_SAID.search(para.text) for para in paras[: last + 1]):
        return None
    return next(
        (
            index
            for index in range(last + 1, min(tail + 1, len(paras)))
            if _signed_in_capitals(paras[index].text)
        ),
        None,
    )


_I_SAID = re.compile(r"\bI (?:said|asked|told|replied|answered|pointed out|added)\b")


def _signature(lines: list[Line], end: int, expected: bool) -> str:
    """The name a record is signed with: the first line after its text, when it is a
    full name in capitals ("EAMON DE VALERA", "P. J. TIERNAN", whatever the site prints
    below it), or a surname where the record is a telegram or a letter or nothing but
    the notes or the end of the page follows it (a site's chrome after a record also
    starts with single words: "Cite", "Share")."""
    after = [line.text.strip() for line in lines if line.number >= end and line.text.strip()]
    if after and _signed_in_capitals(after[0]):
        return after[0]
    if not after or not _SIGNATURE.fullmatch(after[0]):
        return ""
    following = after[1] if len(after) > 1 else ""
    if following and not (expected or NOTE_HEADING.match(following) or note_start(following)):
        return ""
    return after[0].rstrip(".")


def _author(
    header: Header, roster: Roster, labels: list[Label], signed: str, nameless: Member
) -> Member | None:
    """Who writes "I" in a record told in reported speech ("I asked whether…"): the one
    the title says it is by ("…, by the Head of the United States Delegation (Smith)"),
    else the one who signs it (a telegram's "Thompson" under the text), else the only
    person the head lists who never speaks in the third person and is no interpreter or
    note-taker, else `nameless`. None in a record of direct speech, where "I" is whoever
    is speaking."""
    reported = sum(label.style in REPORTING_STYLES for label in labels)
    if not labels or reported * 2 < len(labels):
        return None
    title = header.metadata.title
    by = _BY_ON.search(title) or _BY.search(title) or _SENDER.match(title) or _FROM.search(title)
    # "Journal of Soviet Ambassador … A.M. Puzanov for 29 April 1960": the diarist.
    diarist = (
        header.names[0] if _DIARY.match(header.metadata.title) and len(header.names) == 1 else None
    )
    writer = by and (by.group("name") or by.group("who") or by.groupdict().get("end"))
    for written in (writer, diarist, signed):
        if not written:
            continue
        named = roster.add(written)
        if named is not None:
            return named
    # The labels were read before the head was: resolve them again against its lists.
    speaking = {(roster.resolve(label.name) or label.speaker).key for label in labels}
    # Those a list names: a title also names places ("…From the Embassy in the Soviet Union").
    listed = {name_key(entry.name) for entry in header.attendance}
    silent = [
        member
        for member in roster.members
        if member.speaker.key not in speaking
        and not member.titles & _HELPERS
        and name_key(member.written) in listed
    ]
    return silent[0] if len(silent) == 1 else nameless
