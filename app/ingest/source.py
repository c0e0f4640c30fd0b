"""Turning the bytes of a source file into numbered lines, or saying why not."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from app.ingest.fields import FIELD, closed_up
from app.ingest.model import Line, ParseError
from app.textnorm import CAPITALS, CYRILLIC_CAPITALS, CYRILLIC_SMALL, LOWER, UPPER

# Control characters other than tab, newline and carriage return never occur in
# a transcript; more than a few of them means the file is not text at all.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# Damage that conversion tools leave in text: readings in brackets after Chinese
# characters (時(shí)間(jiān)), and OCR that reads a Latin t as 七 (Presiden七).
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
_OCR_T = re.compile(r"(?<=[A-Za-z])七|七(?=[a-z])")


def repair(text: str) -> str:
    if _SPACED_OUT.search(text):
        text = _SPACED_OUT.sub(lambda m: m.group().replace(" ", ""), text)
    if _CYRILLIC.search(text) and _LOOKALIKE_HINT.search(text):
        text = _LOOKALIKE_WORD.sub(lambda m: m.group().translate(_TO_CYRILLIC), text)
    if "(" not in text and "（" not in text and "七" not in text:
        return text
    return _OCR_T.sub("t", _PINYIN.sub("", text))


# A name a book sets letter-spaced for emphasis at a line's start ("М о л о т о в."), where
# it labels a turn: one word, closed up.
_SPACED_OUT = re.compile(rf"(?m)^[{UPPER}](?: [{LOWER}]){{3,}}(?![^\W\d_])")
# Latin letters typed for the Cyrillic ones they look like: inside a Cyrillic word ("Мaо"),
# or a whole word of them before a Cyrillic name ("Mao Цзэдун").
_CYRILLIC = re.compile(rf"[{CYRILLIC_SMALL}]{{3}}")
_LOOKS = "AaBCcEeHKMOoPpTXxy"
_TO_CYRILLIC = str.maketrans(_LOOKS, "АаВСсЕеНКМОоРрТХху")
# (looked for first: a Latin letter against a Cyrillic one, or such a word before a name)
_ANY_CYRILLIC = CYRILLIC_SMALL + CYRILLIC_CAPITALS
_LOOKALIKE_HINT = re.compile(
    rf"[A-Za-z][{_ANY_CYRILLIC}]|[{_ANY_CYRILLIC}][A-Za-z]|[{_LOOKS}]{{2}} [{CYRILLIC_CAPITALS}]"
)
_LOOKALIKE_WORD = re.compile(
    rf"\b(?=[{_LOOKS}]*[{_ANY_CYRILLIC}])[{_LOOKS}{_ANY_CYRILLIC}]*[{_LOOKS}]"
    rf"[{_LOOKS}{_ANY_CYRILLIC}]*\b|"
    # (not "BBC Русской службе")
    rf"\b[ABCEHKMOPTX][aceopxy]{{1,4}}(?=\s+[{CYRILLIC_CAPITALS}][{CYRILLIC_SMALL}])"
)


def content_hash(data: bytes, sidecar: bytes = b"") -> str:
    """SHA-256 of the file, and of its sidecar if it has one (a changed sidecar reloads)."""
    digest = hashlib.sha256(data)
    if sidecar:
        digest.update(b"\0sidecar\0" + sidecar)
    return digest.hexdigest()


def decode(data: bytes, source: str) -> list[Line]:
    """Numbered lines of a UTF-8 text file (a BOM and CRLF line ends are accepted)."""
    if not data.strip():
        raise ParseError(source, None, "the file is empty; expected a transcript in UTF-8 text")
    if b"\x00" in data[:8192]:
        raise ParseError(
            source, None, "this is a binary file (it contains NUL bytes); expected UTF-8 text"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(
            source,
            data[: exc.start].count(b"\n") + 1,
            f"byte 0x{data[exc.start]:02x} at offset {exc.start} is not valid UTF-8; "
            "expected a UTF-8 text file (re-save it as UTF-8)",
        ) from None
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if "<" in text and len(_MARKUP_HINT.findall(text, 0, _MARKUP_SAMPLE)) >= _MARKUP_TAGS:
        text = _markup_off(text)
    text = repair(text)
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if CONTROL_CHARACTERS.search(line):
            raise ParseError(
                source, number, "control characters in the text; expected a plain UTF-8 transcript"
            )
    if len(_NUMBERED_LINE.findall(text)) >= _VIEWER_LINES:  # (the cheap test first)
        lines = _viewer_numbers_off(lines)
    if len(_MARGIN_NUMBER.findall(text)) >= _VIEWER_LINES:
        lines = _margin_numbers_off(lines)
    if "-----" in text or "=====" in text:
        lines = _underlines_off(lines)
    if "|" in text:
        lines = _table_bars_off(lines)
    if "- " in text or "•" in text:
        lines = _talk_bullets_off(lines)
    if "§" in text:
        lines = [_contribution(line) for line in lines]
    if " sec)" in text and len(_SEGMENT_TIME.findall(text)) >= 2:
        lines = _segments_joined(lines)
    lines = _members_by_party(lines)
    if ": (" in text and len(_TIMED_LABEL.findall(text)) >= 2:
        lines = [_TIMED_LABEL.sub(r"\g<label>:", line) for line in lines]
    if _SPEECH_HEADING_HINT.search(text):
        lines = _speech_headings(lines)
    if "'" in text:
        lines = _quotes_off(lines)
    if " * " in text and len(_STAR_DASH.findall(text)) >= 2 and of_dialogue(lines):
        lines = [_STAR_DASH.sub(" — ", line) for line in lines]
    numbered = [Line(number, line.rstrip()) for number, line in enumerate(lines, start=1)]
    if "-->" in text and _subtitles(text):
        numbered = _subtitle_cues_joined(numbered)
    return _glued_labels_apart(numbered) if ":" in text else numbered


# A subtitle file's cue (SubRip, WebVTT): its number, its times, its lines of text, a blank
# line: "7" / "00:00:11,378 --> 00:00:12,008" / "The Press: Let's do it.".
_CUE_TIME = re.compile(
    r"^[ \t]*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}[ \t]*-->[ \t]*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}"
    r"(?:[ \t]+\S.*)?$",
    re.M,
)
_CUES = 5


def _subtitles(text: str) -> bool:
    """Whether a file is a subtitle file's cues (five at least, more than half its blocks
    of lines), not a page that quotes a few cues as an example."""
    cues = len(_CUE_TIME.findall(text))
    blocks = sum(1 for block in re.split(r"\n\s*\n", text) if block.strip())
    return cues >= _CUES and cues * 2 > blocks


def _subtitle_cues_joined(lines: list[Line]) -> list[Line]:
    """A subtitle file's text as running lines: each cue's number, its times and the blank
    line after it left out (the lines keep their numbers), so that a sentence cut across
    cues reads on and a speaker's label opens a paragraph as it would in a transcript."""
    dropped: set[int] = set()
    for index, line in enumerate(lines):
        if not _CUE_TIME.match(line.text):
            continue
        dropped.add(index)
        if index and lines[index - 1].text.strip().isdigit():
            dropped.add(index - 1)
        above = index - 2 if index - 1 in dropped else index - 1
        if above >= 0 and not lines[above].text.strip():
            dropped.add(above)  # (the blank line that ended the cue before)
    return [line for index, line in enumerate(lines) if index not in dropped]


# A page saved as HTML or exported as XML rather than copied as text: its tags, its
# comments, its scripts and styles.
_MARKUP_HINT = re.compile(
    r"<\?xml|<!DOCTYPE|</?(?:p|div|br|span|b|i|em|strong|emphasis|para|li|td|tr|h[1-6]|a|font|"
    r"html|body|head|title|table)\b[^<>]{0,300}>",
    re.IGNORECASE,
)
_MARKUP_SAMPLE = 20000  # characters looked at for tags
_MARKUP_TAGS = 3
_TAG = re.compile(r"<(?:[!?][^<>]{0,300}|/?[A-Za-z][\w:.-]*(?:\s[^<>]{0,300})?/?)>")
_BLOCK = re.compile(
    r"<(?P<tag>p|para|li|td|h[1-6]|blockquote)\b[^<>]*>"
    r"(?:(?!<(?:p|para|li|td|h[1-6]|blockquote)\b).){0,5000}?</(?P=tag)\s*>",
    re.IGNORECASE | re.S,
)
# (and a TEI file's header: the edition's own title, dates and publisher, not the record's)
_UNSEEN = re.compile(
    r"<(script|style|teiHeader)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.S
)


def _markup_off(text: str) -> str:
    """The text of a page in HTML or XML: tags, comments, scripts, styles and a TEI
    header blanked out (line breaks kept, so a line's number is the file's), entities
    read, the markup's indentation gone."""
    text = _UNSEEN.sub(lambda m: "\n" * m.group().count("\n"), text)
    # (a paragraph's element on one line, its line breaks after it: "<para><Emphasis>Mr.
    # Leno.</Emphasis> Please…</para>" spread over six lines is one paragraph)
    text = _BLOCK.sub(lambda m: " ".join(m.group().split()) + "\n" * m.group().count("\n"), text)
    # (a tag parts words as a space would: "…delay?<br>PELT: Because…")
    lines = (re.sub(r" {2,}", " ", _TAG.sub(" ", line)) for line in text.split("\n"))
    return "\n".join(html.unescape(line).strip() for line in lines)


# "  12. PRESIDENT NIXON: Hello?": a paste site's or a code viewer's number before every line.
_VIEWER_NUMBER = re.compile(r"^\s*(\d{1,5})\.(?:\s|$)")
_VIEWER_SHARE = 0.6  # of the lines: a document's own numbered paragraphs are fewer
_VIEWER_LINES = 20  # at the least
_NUMBERED_LINE = re.compile(r"^[ \t]*\d{1,5}\.", re.M)


# "- Решение это не вызывает сомнений, * отчеканил Хрущев.": an e-book's dash between a
# line of dialogue and the writer's words, lost to an asterisk (at a line's end too).
_STAR_DASH = re.compile(r"(?<=[^\s*]) \*(?: |$)(?=[^*]|$)", re.M)


# "§ Mr. SpeakerIt is quite in order.", "§ 47. Mr. Sorensenasked the Prime Minister…": a
# parliament's record, each contribution marked with a section sign, its member's name run
# into his first word where the page set them apart.
_CONTRIBUTION = re.compile(
    r"^§\s*(?:(?P<number>Q?\d{1,4}\.)\s+)?"  # ("§ Q5. Mr. Kaufmanasked": a question's number)
    r"(?P<name>(?:Mr|Mrs|Miss|Ms|Dr|Sir|Lord|Lady|Dame|Viscount|Earl|Baroness|Captain|Major|"
    r"Colonel|General|Admiral|Commander|Brigadier|The)\.?(?:\s+[A-Z][\w.'’-]*)*?"
    r"\s+[A-Z][\w'’-]*)(?<!\bMc)(?<!\bMac)(?P<glued>asked\b|[A-Z](?=[a-z])|[AI](?=\s))"
)


_SET_APART = re.compile(r"^§\s*(?:Q?\d{1,4}\.\s+)?[^\W\d_][^:\n]{1,60}:\s")


def _contribution(line: str) -> str:
    """A contribution's line with its member's name set apart: "Mr. Speaker: It is…",
    "47. Mr. Sorensen asked…"; any other line as it is (the section sign dropped)."""
    if not line.startswith("§"):
        return line
    if _SET_APART.match(line):
        return line[1:].lstrip()  # "§ Mr. McNeil: I beg": the name is set apart already
    m = _CONTRIBUTION.match(line)
    if m is None:
        return line  # "§ 5 of the Treaty shall apply": a section of a text
    number = f"{m['number']} " if m["number"] else ""
    gap = " " if m["glued"] == "asked" else ": "
    return f"{number}{m['name']}{gap}{line[m.start('glued') :]}"


# A transcript site's segments: the speaker's name, a tag or two of the tone, the clip's
# times, then the words quoted with the segment's number after them:
#   Karine Jean-Pierre / Somewhat Positive / 00:00:00-00:00:05 (6 sec) / "I am back…" 2
_SEGMENT_TIME = re.compile(
    r"^\s*\d{1,2}:\d{2}:\d{2}\s*-\s*\d{1,2}:\d{2}:\d{2}\s*\(\s*\d*\s*sec\)\s*$", re.M
)
_SEGMENT_WORDS = re.compile(r"^\s*[\"“](?P<words>.*)[\"”]\s*\d{0,5}\s*$")
_SEGMENT_TAGS = 2  # lines between the name and the times, at most
# A segment that is the site's note, not anyone's words: "Note" over "[The briefing resumes]".
_SEGMENT_NOTE = frozenset({"Note", "Notes"})


def _segments_joined(lines: list[str]) -> list[str]:
    """Each segment as one labelled line on its name's line ("Karine Jean-Pierre: I am
    back…"), the lines of its tags, times and words left blank (numbers kept)."""
    # (the list of speakers above tags each entry with its kind: "• Question" / "Person")
    out = ["" if line.strip() == "Person" else line for line in lines]
    for index, line in enumerate(lines):
        if not _SEGMENT_TIME.match(line):
            continue
        after = next((j for j in range(index + 1, len(lines)) if lines[j].strip()), None)
        words = _SEGMENT_WORDS.match(lines[after]) if after is not None else None
        # the name: over the tags in their block, or alone above the block
        top = index
        while top > 0 and lines[top - 1].strip() and index - top < _SEGMENT_TAGS:
            top -= 1
        if index - top < _SEGMENT_TAGS:
            top = next((j for j in range(top - 1, max(-1, top - 3), -1) if lines[j].strip()), -1)
        if words is None or after is None or top < 0:
            continue
        name_at = top
        name = lines[name_at].strip()
        said = words["words"].strip()
        out[name_at] = said if name in _SEGMENT_NOTE else f"{name}: {said}"
        for j in [*range(name_at + 1, index + 1), after]:
            out[j] = ""
    return out


# A parliament's site heads each speech with the member's party on a line of its own and
# then the member's name, party and seat on one line ("NDP" over "Peter Julian NDP New
# Westminster—Burnaby, BC"): the name is what comes before the party.
_PARTY = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}")
_RIDING = r"[A-ZÀ-Ý][\w'’.-]*(?:(?:\s+|\s*[—–-]\s*|,\s+)[A-ZÀ-Ý][\w'’.-]*)*"
_MEMBER_BEFORE = (  # (a name's capitalised words, and the chair's office over it in brackets)
    r"(?P<name>(?:The\s+)?[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,4}(?:\s+\([^()\n]{3,60}\))?)"
)


def _members_by_party(lines: list[str]) -> list[str]:
    """A member's name alone over each speech ("Peter Julian"), where two
    speeches or more are headed so; the party's own line left blank."""
    found: list[tuple[int, int, str]] = []  # (party's line, name's line, name)
    for index, line in enumerate(lines):
        party = line.strip()
        if not party or not _PARTY.fullmatch(party):
            continue
        below = next(
            (j for j in range(index + 1, min(index + 3, len(lines))) if lines[j].strip()), None
        )
        if below is None:
            continue
        # (then the seat, capitalised words: not "Mikel Arteta Arsenal manager, spoke…")
        m = re.match(rf"{_MEMBER_BEFORE}\s+{re.escape(party)}\s+{_RIDING}$", lines[below].strip())
        if m is not None:
            found.append((index, below, m["name"]))
    if len(found) < 2:
        return lines
    out = list(lines)
    # (and the lines the site repeats over each speech: the debate's heading, the clock)
    heads = [
        [j for j in range(party_at - 1, max(-1, party_at - 6), -1) if lines[j].strip()][:2]
        for party_at, _, _ in found
    ]
    repeated = Counter(lines[j].strip() for head in heads for j in head)
    for (party_at, name_at, name), head in zip(found, heads, strict=True):
        out[party_at], out[name_at] = "", name
        for j in head:
            if repeated[lines[j].strip()] >= 2 or _CLOCK_LINE.fullmatch(lines[j].strip()):
                out[j] = ""
    return out


_CLOCK_LINE = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)


# A transcription service's label over the speaker's words, the recording's clock after it:
# "Jen Psaki: (00:22)". The clock is the recording's, not the record's: the label stays.
_TIMED_LABEL = re.compile(r"^(?P<label>[^:\n]{1,60}):\s*\((?:\d{1,2}:)?\d{1,2}:\d{2}\)\s*$", re.M)


# A speaker's label alone at the end of a line, glued to the heading before it by a site
# that dropped the line break: "…am 22. April 2009Vizepräsident Dr. Hermann Otto Solms:".
_GLUED_LABEL = re.compile(
    r"(?<=[\d.!?)])(?P<label>(?:[A-ZÄÖÜ][\w.'’-]*\s+){1,5}[A-ZÄÖÜ][\w'’-]+(?:\s*\([^()]{1,40}\))?:)$"
)


def _glued_labels_apart(lines: list[Line]) -> list[Line]:
    """The lines, a label glued to the end of one set on a line of its own (with the same
    number, as the file has it)."""
    out: list[Line] = []
    for line in lines:
        m = _GLUED_LABEL.search(line.text) if line.text.endswith(":") else None
        if m is None or m.start() == 0:
            out.append(line)
            continue
        out += [Line(line.number, line.text[: m.start()]), Line(line.number, m["label"])]
    return out


# A parliament site's heading over each speech, the member's name with his picture's words
# glued to it and the site's links after it or on the line below:
# - TheyWorkForYou, OpenAustralia, KildareStreet: "Photo of Anthony AlbaneseAnthony Albanese
#   (Grayndler, …) Share this | | Hansard source", the links perhaps on a line of their own;
# - a Commons mirror: "Lord Lansley Portrait The Leader of the House (Mr Andrew Lansley)"
#   over "- Hansard - - - Excerpts";
# - TheyWorkForYou's New Zealand pages: "SmithHon Dr NICK SMITH (Minister for ACC) Link to
#   this", the question's number glued in too ("Mallard11. Hon TREVOR MALLARD (…) …").
_SPEECH_HEADING_HINT = re.compile(r"Photo of |\S Portrait |Link to this|- Hansard -")
_SPEECH_HEADINGS = (
    re.compile(
        r"^Photo of (?P<name>[^()\n]{3,60}?)(?P<label>(?P=name)\s*(?:\([^()\n]*\))?)\s*"
        # (his party, seat or office and the time after: "… Conservative, Chesham 12:00, …")
        r"(?:[A-Z][^\n]{1,160}?\s*)?(?:(?:Share this|Link to this)\b.*)?$"
    ),
    re.compile(r"^(?P<name>(?:[A-Z][\w'’-]+\s){1,4})Portrait\s(?P<label>[A-Z][^\n]{2,100}?)\s*$"),
    re.compile(
        r"^(?P<name>[A-Z][a-z'’-]+)(?:\d{1,3}\.)?\s*(?P<label>[A-Z][^\n]{2,100}?)\s+Link to this$"
    ),
)
_SITE_LINKS = re.compile(r"\s*(?:Link to this\b.*|Share this\b.*|- Hansard\b[-\s]*(?:Excerpts)?)")


def _speech_headings(lines: list[str]) -> list[str]:
    """Each speech heading a parliament site prints rewritten as its label ("Anthony
    Albanese (Grayndler, …):"), the site's links below it blanked."""
    out = list(lines)
    for index, line in enumerate(lines):
        for pattern in _SPEECH_HEADINGS:
            m = pattern.match(line.strip())
            # (the picture's words name whom the label names: "Smith" in "Dr NICK SMITH")
            if m and m["name"].split()[-1].casefold() in m["label"].casefold():
                out[index] = f"{m['label']}:"
                if index + 1 < len(lines) and _SITE_LINKS.fullmatch(lines[index + 1]):
                    out[index + 1] = ""
                break
    return out


# "'El señor presidente: Siguiente proposición…'": an export that put every paragraph in
# single quotation marks.
_QUOTED_PARAGRAPH = re.compile(r"^\s*'(?P<text>[^\n]*)'\s*$")


def _quotes_off(lines: list[str]) -> list[str]:
    """The lines without the quotation marks around each, where most lines have them."""
    written = [line for line in lines if line.strip()]
    quoted = [bool(_QUOTED_PARAGRAPH.match(line)) for line in written]
    if len(written) < 4 or sum(quoted) * 10 < len(written) * 6:
        return lines
    return [m["text"] if (m := _QUOTED_PARAGRAPH.match(line)) else line for line in lines]


_UNDERLINE = re.compile(r"\s*(?:-{5,}|={5,})\s*")


def _underlines_off(lines: list[str]) -> list[str]:
    """The lines, a rule drawn under a line of text ("Zita SENKOVÁ, moderátorka" over
    "--------------------") made a blank line: the line above stands alone, a heading or a
    speaker's name over his words."""
    return [
        "" if index and lines[index - 1].strip() and _UNDERLINE.fullmatch(line) else line
        for index, line in enumerate(lines)
    ]


_BARS = re.compile(r"^\s*(?:\|\s*)+")


def _table_bars_off(lines: list[str]) -> list[str]:
    """The lines without the bars a table's empty cells left before each ("| | Stalin:
    …"), where most lines of the file open with them; else each row's own bars."""
    written = [line for line in lines if line.strip()]
    if sum(bool(_BARS.match(line)) for line in written) * 10 < len(written) * 6:
        return [_row_bars_off(line) for line in lines]
    return [_BARS.sub("", line) for line in lines]


# A table's row copied as a line: "Дата, час та місце: | 3 грудня 1991 року |", its
# key's cell and its value's, or a heading over empty cells ("Стенограма … | |").
_ROW_END = re.compile(r"(?:\s+\|)+\s*$")
_KEYED_CELL = re.compile(r"^(?P<key>[^|:：]{1,40}[:：])\s*\|\s*")


def _row_bars_off(line: str) -> str:
    if not _ROW_END.search(line):
        return line
    return _KEYED_CELL.sub(r"\g<key> ", _ROW_END.sub("", line))


# A list that holds a talk, each name and each speech an item of its own ("- 糸井" over
# "- この間の…。"): a run of items, a good share of them sentences, the names among them
# items that recur (not a list of those present, nor a site's menu, whose items are names
# and words; nor lines of dialogue typed with hyphens, all of them speech); or each item a
# label and its words, two labels recurring.
_BULLETED = re.compile(r"^\s*(?:[•·▪●◦‣∙*]|-)\s+(?=\S)")
_SPOKEN_ITEM = re.compile(r"[.!?…。！？)）]\s*$")
_TALK_ITEMS = 6  # at the least, a third of them sentences
_SPEAKER_ITEM = 2  # times a name recurs as an item of its own, two names at the least
_ITEM_LABEL = re.compile(r"([^\W\d_][^:：\n]{0,30}?)\s*[:：]\s+\S")


def _recurring(counts: Counter[str]) -> int:
    """How many of the counted items recur as often as a speaker's name must."""
    return sum(count >= _SPEAKER_ITEM for count in counts.values())


def _talk_bullets_off(lines: list[str]) -> list[str]:
    """The lines, the bullets taken off each run of list items that reads as a talk."""
    if sum(line.lstrip()[:1] in "•·▪●◦‣∙*-" for line in lines) < _TALK_ITEMS:
        return lines  # (the cheap test first)
    out = list(lines)
    run: list[int] = []
    for index in range(len(lines) + 1):
        if index < len(lines) and _BULLETED.match(lines[index]):
            run.append(index)
            continue
        if len(run) < _TALK_ITEMS:
            run = []
            continue
        items = [_BULLETED.sub("", lines[i], count=1).strip() for i in run]
        names = Counter(item for item in items if not _SPOKEN_ITEM.search(item))
        spoken = len(items) - names.total()  # (the items that are sentences)
        # (or each item a speaker's label and words: "- Reagan: …" over "- Mondale: …")
        labels = Counter(m[1] for item in items if (m := _ITEM_LABEL.match(item)))
        named = spoken * 3 >= len(run) and _recurring(names) >= 2
        labelled = sum(labels.values()) * 2 >= len(run) and _recurring(labels) >= 2
        if named or labelled:
            for i, item in zip(run, items, strict=True):
                out[i] = item
        run = []
    return out


def _viewer_numbers_off(lines: list[str]) -> list[str]:
    """The lines without the numbers a viewer printed before each: one more on every line,
    blank lines included, over most of the file."""
    steps: Counter[int] = Counter()
    for index, line in enumerate(lines):
        if m := _VIEWER_NUMBER.match(line):
            steps[int(m[1]) - index] += 1
    if not steps:
        return lines
    step, count = steps.most_common(1)[0]
    if count < _VIEWER_LINES or count < _VIEWER_SHARE * len(lines):
        return lines
    return [
        line[m.end() :] if (m := _VIEWER_NUMBER.match(line)) and int(m[1]) - index == step else line
        for index, line in enumerate(lines)
    ]


# A court reporter's line number in the margin, 1 to 25 on every page: "19 matter. In any
# event, …" / "20 MR. FITZGERALD: Yes, Judge.".
_MARGIN_NUMBER = re.compile(r"^[ \t]*(\d{1,2})(?=[ \t]+\S|[ \t]*$)", re.M)
_MARGIN_LINES_PER_PAGE = 35  # at most
_PAGE_NUMBER_ALONE = re.compile(r"[ \t]*\d{1,4}[ \t]*")
_COURT_TURN = re.compile(
    rf"(?:[{UPPER}][^\s:]*(?:\s[^\s:]+){{0,4}}:|(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[{UPPER}][\w'’-]+\.|[QA]\.?)\s"
)
_COURT_TURNS = 3


def _margin_numbers_off(lines: list[str]) -> list[str]:
    """The lines without a transcript's margin numbers, where most lines carry one and
    each is one more than the last (or 1, a page on; an excerpt may open mid-page): not a
    list's numbered items."""
    sequence: list[int] = []  # indexes of the lines numbered in sequence
    last = 0
    for index, line in enumerate(lines):
        m = _MARGIN_NUMBER.match(line)
        if m is None:
            continue
        number = int(m[1])
        if number == last + 1 or (number == 1 and last >= 10) or (last == 0 and number > 1):
            sequence.append(index)
            last = number
        elif number > _MARGIN_LINES_PER_PAGE:
            last = 0
    written = sum(1 for line in lines if line.strip())
    if len(sequence) < _VIEWER_LINES or len(sequence) < _VIEWER_SHARE * written:
        return lines
    # (and people speak on them: "MR. SMITH:", "The Court:", "Mr. Smith.", "Судья:", "Q."; not
    # a chart's or a poem's)
    unnumbered = {i: _MARGIN_NUMBER.sub("", lines[i], count=1).lstrip() for i in sequence}
    if sum(bool(_COURT_TURN.match(line)) for line in unnumbered.values()) < _COURT_TURNS:
        return lines
    return [
        unnumbered[index]
        if index in unnumbered
        # (a number alone out of the sequence is the page's, as FRUS prints it)
        else f"[Page {line.strip()}]"
        if _PAGE_NUMBER_ALONE.fullmatch(line)
        else line
        for index, line in enumerate(lines)
    ]


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Blank-line separated blocks of lines (see `paragraph_lines` for running text)."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


# Wide characters take two columns, so a wrapped Chinese line measures like a Latin one.
_WIDE = re.compile(
    r"[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60]"
)
# A list item's mark: a symbol ("•", "- ") or a number ("3.", "2)").
BULLET_SYMBOL = r"[•·▪●◦‣∙*]|-(?=\s)"
BULLET = re.compile(rf"^\s*(?:{BULLET_SYMBOL}|\d{{1,2}}[.)](?=\s))")
# A line that opens with a label shaped like a speaker's: "Dr. Kissinger: …", "周總理(lǐ)：…".
_LABEL_LINE = re.compile(
    rf"^(?:[{UPPER}\u4e00-\u9fff《][\w.'’ ()\-\u4e00-\u9fff《》]{{0,40}}?)"
    r"(?:\s*\([^()\n]{1,60}\))*\s*[:：]\s*(?:\S|$)"  # ("The Leader of the House (Mr X):")
)  # (a label alone on its line too: "HOST:" under a turn cut off by a dash)
# A Chinese or Japanese record's question or answer by its character in brackets: "(問)…".
BRACKETED_QA = r"[(（【](?P<han>[问問答])[)）】]"
# (or in angle brackets, a Korean briefing's: "<질문>" over "<답변>"; not a paper's name,
# "<연합뉴스> 보도에 따르면…")
ANGLED_QA = r"[<〈‹](?P<label>질문|답변|문|답|質問|回答|问|答)[>〉›]"
_BRACKETED_QA_LINE = re.compile(rf"^(?:{BRACKETED_QA}|{ANGLED_QA})")
# A Japanese paper's mark of a question: a dash glued to its first word ("-中国に対しては…"),
# the answer below in corner brackets (「…」).
DASHED_PROMPT = re.compile(r"[-−－―‐]\s?(?=[\u3041-\u30ff\u4e00-\u9fff])")
_DIET_SPEAKER_LINE = re.compile(r"^○[\u4e00-\u9fff\u3041-\u30ff]")
# A mark some papers and broadcasters set before each speaker's name ("▲김위원장=…",
# "▶김어준 : …", "◉정세현 : …"): arrows, triangles and ringed circles, which no list of
# items uses for its bullets.
SPEAKER_MARK = r"[▲△▶▷►▸◉◎]"
_SPEAKER_MARK_LINE = re.compile(rf"^{SPEAKER_MARK}\s*[^\W\d_]")
# "P.- …" over "R.- …": a Spanish transcript's question and answer, each its own line.
# (or the words in full: "Pregunta.- …", "Respuesta.- …")
QA_WORD = r"[QPR]|Pregunta|Respuesta|Pergunta|Resposta|Domanda|Risposta|Frage|Antwort"
_LETTER_DASH_LINE = re.compile(rf"^(?:{QA_WORD})[.:]{{1,2}}[-–—]\s*\S")
# A line that stops mid-sentence, on a word that needs the next ("…j'en ai parlé avec" over
# "M. Poutine. Nous…"), or with a comma.
_GOES_ON = re.compile(
    r"(?:\b(?:avec|de|du|des|à|au|aux|et|le|la|les|pour|par|sur|dans|entre|que|qui)|,)\s*$"
)
# A Spanish-speaking chamber's member: an article and a courtesy title ("La señora RIVAS").
CHAMBER_COURTESY = r"(?:El|La)\s+(?:señora?|senadora?|diputad[oa])\b"
# A French chamber's label: a courtesy title, a name or an office, a full stop; or a
# Spanish-speaking chamber's, a full stop and a dash: "La señora RIVAS (Presidenta).- …".
_CHAMBER_LABEL_LINE = re.compile(
    rf"^(?:(?:M\.|Mme|Mlle)\s+[^.\n]{{2,60}}\.\s+[A-ZÀ-Ý«(]|{CHAMBER_COURTESY}[^\n]{{2,80}}?\.[–—-]\s*\S)"
)
_QUESTION = re.compile(r"^Q\.?\s+[^\W\d_]")
# (not an initial: "Q. …did you raise the missiles with" over "A. Dobrynin when you…";
# but "A. That is correct.")
# (or "A." alone on its line; or the Prime Minister answering by his office's letters, "PM
# I don't think…", in an Australian transcript)
_ANSWER = re.compile(
    r"^(?:A\.?(?:\s+(?!(?!(?:That|This|There|The|It|Yes|No|Well|Not|We|They|He|She|My)\b)"
    r"[A-Z][a-z'’-]+\s+[a-z])|$)|(?:PM|P\.M\.)\s+(?![A-Z][a-z]+\s+[A-Z][a-z]))"
)
# "Хрущев (жалуясь). Я их…", "ДГ. Как вы…": a name, perhaps an aside, a full stop.
# (and "[Willi] Stoph.The West…", the first name an editor's, the full stop glued on)
_PERIOD_LABEL_LINE = re.compile(
    rf"^[{UPPER}][\w'’-]+(?:\s+[{UPPER}][\w'’.-]*){{0,2}}(?:\s*\([^()]{{1,40}}\))?\.\s+"
    rf"[{UPPER}«\"“—–-]|^\[[{UPPER}][\w'’-]+\]\s+[{UPPER}][\w'’-]+\.\s*[{UPPER}]"
    # (initials before the surname: "А. Я. Косыгин. Мы не…")
    rf"|^(?:[{UPPER}]\.\s?){{2,3}}[{UPPER}][\w'’-]+\.\s+[{UPPER}«\"“—–-]"
    # (a member in capitals, his party and his part or office: "ANNA RIZZO, Sottosegretario…")
    rf"|^[A-ZÀ-Ý{CYRILLIC_CAPITALS}][A-ZÀ-Ý{CYRILLIC_CAPITALS}'’ -]{{2,40}}"
    r"(?:\s*\([^()\n]{1,25}\))?,"
    r"\s*[A-ZÀ-Ý][^,.\n]{2,60}\.\s"
)
# A cable's banners, repeated at every page: its classification ("LIMITED OFFICIAL USE",
# "SECRET/NODIS") and its page header ("PAGE 02 OTTAWA 08721 032355Z").
CLASSIFICATION_LINE = re.compile(
    r"^(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|LIMITED OFFICIAL USE|"
    r"FOR OFFICIAL USE ONLY)(?:\s*[/-]\s*[A-Z]{3,8})*$"
)
CABLE_PAGE = re.compile(
    r"^PAGE\s+(?P<n>\d{1,3})\s+[A-Z][A-Z ]*\s+\d{3,6}\s+(?:\d{2} OF \d{2}\s+)?\d{6}Z$"
)


def _banner(line: str) -> bool:
    line = line.strip()
    return bool(CLASSIFICATION_LINE.match(line) or CABLE_PAGE.match(line))


# A censor's bracket where the archive withholds a name: "[name not declassified]: …"
# labels a turn, as "Kissinger: …" does.
WITHHELD = (
    r"\[(?i:[^\[\]\n]{0,20}?\b(?:name|names|person|identity|source|speaker)\b[^\[\]\n]{0,20}?"
    r"(?:not declassified|redacted|deleted|excised|withheld))\]"
)
WITHHELD_LABEL = re.compile(rf"^{WITHHELD}\s*[:：]", re.I)
WITHHELD_NAME = re.compile(WITHHELD, re.I)  # the bracket alone, in a list or a label
# "т. Пельше – Речь идет о…", "KOHL - Yes.": a name, then a dash set off by spaces (a
# stenogram's label; labels.py reads it, and here a line that opens with one after a
# finished sentence starts a paragraph).
# The small words inside a name: "Général de Gaulle", "Ludwig van Beethoven".
PARTICLES = frozenset({"de", "du", "des", "van", "von", "der", "den", "da", "di", "la", "le"})
# (and a French transcript's "M. DUHAMEL.- …", "LE PRESIDENT.- …", the dash glued on)
DASH_LABEL = re.compile(
    rf"^(?P<label>(?:(?:т|тов|Mr|Dr|M|Mme)\.\s*)?[{UPPER}][\w'’.-]*"
    rf"(?:\s+(?:(?:{'|'.join(sorted(PARTICLES))})\s+)?[{UPPER}][\w'’.-]*){{0,3}})"
    # (the dash glued to a name in capitals too: "BRUNO LE MAIRE- Il y a…")
    rf"(?:\s+[–—-]|(?<=[^\W\d_]{{2}})\.[–—-]|(?<=[{UPPER}]{{2}}[–—-]))\s+(?P<rest>\S.*)$",
    re.S,
)
_SENTENCE_END = re.compile(r"[.!?…。！？:：;；»”\")\]）」』]$")


_TITLE_AT_END = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Gen|Col|Capt|Adm|Sen|Gov|Amb|Prof|Rev|Messrs|тов|акад|проф)\.$"
)
_DATE_ALONE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}\.?")
_LONG_LINE = 60  # display columns; titles, names and header fields are shorter


def display_width(text: str) -> int:
    return len(text) + len(_WIDE.findall(text))


def _wrapped(block: list[Line]) -> tuple[bool, int]:
    """Whether a block's lines were broken at a fixed width (a typescript, an e-mail, a
    terminal), and that width. Lines copied from a web page end where paragraphs end."""
    widths = [display_width(line.text.strip()) for line in block]
    width = max(widths)
    if len(block) < 2 or not 40 <= width <= 120:
        return False, width
    full = sum(w >= 0.75 * width for w in widths[:-1])
    return full * 2 >= len(widths) - 1, width


def _one_line_field(line: str) -> bool:
    """Whether a line is a header's subject, date or place with its value (fields a
    line holds, unlike a list of those present that wraps)."""
    m = FIELD.match(closed_up(line.strip()))
    return bool(m and m["colon"] and m["value"] and (m["subject"] or m["date"] or m["place"]))


def _continues(previous: str, line: str, wrapped: bool, width: int) -> bool:
    """Whether `line` goes on with the paragraph `previous` (the line before it) is in."""
    if BULLET.match(line) or _LABEL_LINE.match(line) or _banner(line) or _banner(previous):
        return False
    if _BRACKETED_QA_LINE.match(line) or _LETTER_DASH_LINE.match(line):
        return False  # "(問)…" over "(答)…": a question and its answer, each a paragraph
    if line[:1] in "「『" and DASHED_PROMPT.match(previous.lstrip()):
        return False  # 「…」 under "-…は": the answer below its question
    if _DIET_SPEAKER_LINE.match(line) or _SPEAKER_MARK_LINE.match(line):
        return False  # "○田中一君 …", "▶김어준 : …": a mark before each speaker's name
    if _DATE_ALONE.fullmatch(line) or _DATE_ALONE.fullmatch(previous.strip()):
        return False  # "29.04.1983" between a diary's entries
    if line[:1].isupper() and _one_line_field(previous):
        return False  # "Betr.: Gespräch … am 2. Mai 1990" over the note's first sentence
    if _CHAMBER_LABEL_LINE.match(line) and not _GOES_ON.search(previous):
        return False  # "M. le président. La parole est à…" under a debate's heading
    if (DASH_LABEL.match(line) or _PERIOD_LABEL_LINE.match(line)) and _SENTENCE_END.search(
        previous.rstrip()
    ):
        return False
    first = line[:1]
    if re.search(r"[^\W\d_]-$", previous) and first.isalpha():
        return True  # a word hyphenated at the end of the line
    if _TITLE_AT_END.search(previous.rstrip()):
        return True  # "…talked with Dr." / "Teller about…": a title's full stop ends nothing
    if previous.endswith(("  ", "\\")):
        return True  # a Markdown line break inside a paragraph
    if first.isalpha() and first.islower():
        return True  # a sentence goes on
    stripped = previous.rstrip()
    if display_width(stripped) >= _LONG_LINE and not _SENTENCE_END.search(stripped):
        return True  # a long line cut off mid-sentence: "…to carry it to Comrade" / "Stalin. …"
    if not wrapped:
        return False
    full = display_width(stripped) >= 0.75 * width
    return full or not _SENTENCE_END.search(stripped)


# An export that ran a whole record into one line kept its paragraph breaks as runs of
# spaces ("…会谈记录 ## …   参加人:…   毛泽东:…   赫鲁晓夫:…").
# (A table run into a line keeps its empty cells instead: "…[ 14:33:03 ] | | | [拉佐夫]…".)
_FLATTENED_BREAK = re.compile(r"\s{3,}|(?: ?\|){2,} ?")
_FLATTENED = 300  # columns: a line that wide holding such runs is a record run together


def _unflattened(lines: list[Line]) -> list[Line]:
    """The lines, with a record run into one line broken at its runs of spaces (each piece
    keeps the line's number). Only a line that is nearly all of the file is taken for
    such a record, and only where most of its pieces open with a label, a heading or a
    field: justified text in a page of many lines has runs of spaces too."""
    total = sum(len(line.text) for line in lines)
    out: list[Line] = []
    for line in lines:
        text = line.text.strip()
        wide = len(text) * 2 >= _FLATTENED and display_width(text) >= _FLATTENED
        pieces = _FLATTENED_BREAK.split(text) if wide else []
        if (
            not wide
            or len(pieces) < 4
            or len(text) * 10 < total * 9
            or sum(bool(_PIECE_OPENING.match(piece)) for piece in pieces) * 2 < len(pieces)
        ):
            out.append(line)
            continue
        for piece in pieces:
            out += [Line(line.number, piece.strip(" |")), Line(line.number, "")]
    return out


# How a piece of a record run into one line opens: a label ("毛泽东:", "Nixon:"), a
# Markdown heading, or a name and a verb of a Chinese record ("毛泽东简要地谈了…").
_PIECE_OPENING = re.compile(
    r"#|[^\W\d_][^:：\s]{0,30}[:：]|[\u4e00-\u9fff]{2,8}(?:谈|说|指出|表示|问)|[\[【][^\]】]{1,24}[\]】]"
)


# Where closed captions mark a new speaker (">>"), or a Korean broadcaster's transcript
# ("⊙"): at a line's start or after a sentence's end, before a word (not "x >> 2", nor a
# link's "Related story >>").
_CAPTION_MARK = re.compile(
    r"(?:^|(?<=[.!?…\"”)]))\s*(?:>>|⊙)\s*(?=[^\W\d_])|(?<=[^\s>])\s*⊙\s*(?=[^\W\d_])"
    # (anywhere before a name in capitals and its colon: unpunctuated captions, "…breaking
    # news >> JAKE TAPPER: …")
    rf"|\s*>>\s*(?=[{UPPER}][{UPPER} .'’-]{{1,40}}:)"
)
_CAPTION_MARKS = 3  # at the least, for a page to be read as marking its speakers so


def _caption_marks_apart(lines: list[Line]) -> list[Line]:
    """The lines, each ">>" that closed captions and their copies put where the speaker
    changes ("…later today.>>Siobhain McDonagh: May I…"), or the "⊙" of a Korean
    broadcaster's transcript ("…이춘호 기자입니다. ⊙기자: …"), opening a paragraph of its
    own (each piece keeps its line's number)."""
    marked = [line.text for line in lines if ">>" in line.text or "⊙" in line.text]
    if sum(len(_CAPTION_MARK.findall(text)) for text in marked) < _CAPTION_MARKS:
        return lines
    out: list[Line] = []
    for line in lines:
        pieces = _CAPTION_MARK.split(line.text)
        if len(pieces) == 1:
            out.append(line)
            continue
        for index, piece in enumerate(pieces):
            if index:
                out.append(Line(line.number, ""))
            if piece.strip():
                out.append(Line(line.number, piece))
    return out


_DASH_ALONE = re.compile(r"[―—–]")  # (not "---" under a Markdown heading)


def _dash_lines_joined(lines: list[Line]) -> list[Line]:
    """ "С.Бунтман" / "―" / "Добрый день!": a radio transcript's speaker, a dash alone on the
    next line, then the words, read as the one line "С.Бунтман — Добрый день!" (the dash
    label of a stenogram)."""
    out = list(lines)
    for index in range(1, len(out) - 1):
        name, dash, words = out[index - 1], out[index], out[index + 1]
        if (
            _DASH_ALONE.fullmatch(dash.text.strip())
            and name.text.strip()
            and len(name.text.split()) <= 4
            and words.text.strip()
        ):
            out[index - 1] = Line(name.number, f"{name.text.strip()} — {words.text.strip()}")
            out[index] = Line(dash.number, "")
            out[index + 1] = Line(words.number, "")
    return out


# A line of dialogue opens with a dash (or a hyphen standing for one) and a space.
# (a Spanish line's dash glued to its words: "–¿En qué sentido? –preguntó Mikoyan.")
DIALOGUE_LINE = re.compile(r"^\s*(?:[-–—]\s+\S|[–—](?=[¿¡«\"„]|[^\W\d_]))")
# "…не в первый раз: - Что за протокол…? - Не помню.": after a finished sentence or the
# colon that introduces it, a dash opens the next line of dialogue on the same line.
_DIALOGUE_INSIDE = re.compile(rf"(?<=[.?!…:])\s+(?=[-–—]\s+[{UPPER}«\"„])")


def _dialogue_apart(lines: list[Line]) -> list[Line]:
    """The lines, each line of dialogue that a page runs on after another line's sentence
    on a line of its own (asked only of a page whose dialogue opens lines at least three
    times: elsewhere "…in 1956. - The treaty" is a dash inside prose)."""
    out: list[Line] = []
    for line in lines:
        start = 0
        for m in _DIALOGUE_INSIDE.finditer(line.text):
            if not _ATTRIBUTION.search(line.text, start, m.start()):
                out.append(Line(line.number, line.text[start : m.start()]))
                start = m.end()
        out.append(Line(line.number, line.text[start:]))
    return out


# "— Гитлер начнет с пакта, — сказал Сталин. — Будет звать…": the writer's words inside
# a line of dialogue, after which the same speaker goes on.
_ATTRIBUTION = re.compile(rf"\s[-–—]\s+[{LOWER}]")


def of_dialogue(texts: Iterable[str]) -> bool:
    """Whether a page is dialogue: three lines of it or more open with a dash."""
    return sum(bool(DIALOGUE_LINE.match(text)) for text in texts) >= 3


# A name run into the words it says, a transcript's speaker where two such names take
# turns: in capitals ("CAROLINE ROUX Alors…"; a word in capitals of any European alphabet:
# "LÉA", "ŁUKASZ", "МЕДВЕДЕВ"), or a Japanese record's surname and a space ("加藤 再び…").
CAPITALS_WORD = rf"[{CAPITALS}À-ÖØ-Þ][{CAPITALS}À-ÖØ-Þ'’-]+"
_CAPITALS_RUN_IN = re.compile(
    rf"^({CAPITALS_WORD}(?:\s+{CAPITALS_WORD}){{1,3}})\s+[{CAPITALS}À-ÖØ-Þ«\"“„(]"
)
# (a reporter's paper in brackets after the word: "記者(幹事社・毎朝新聞) …")
HAN_RUN_IN_ASIDE = r"(?:[(（][^()（）\n]{1,20}[)）])?"
# (or the words in corner brackets after a surname and its honorific: "浅田氏「…」")
_HAN_RUN_IN = re.compile(
    rf"^([\u4e00-\u9fff\u30a1-\u30ff]{{1,4}})(?:{HAN_RUN_IN_ASIDE}[ \u3000]\S|(?:氏|さん|君)?「)"
)
# Words no such name holds: an article or a conjunction in capitals ("LA CRISE EN ASIE",
# "THE WEEK IN REVIEW"), an acronym or a heading's word ("NATO SUMMIT"), a time of day or a
# rank in a table ("午前 9時…", "優勝 山田…"), a chapter's number.
NOT_RUN_IN_NAME = re.compile(
    r"\b(?:THE|OF|AND|IN|ON|FOR|TO|LA|LE|LES|EN|ET|DU|DES|UN|UNE|EL|LOS|LAS|Y|DER|DIE|DAS|"
    r"UND|IL|DI|NATO|EU|USA|UNITED|NATIONS|NEWS|BREAKING)\b|"
    r"^(?:午前|午後|上午|下午|正午|優勝|优胜|準優勝)$|[位等第章節节部編编条號号回巻卷]$|^第"
)


def _run_in_name(text: str) -> str | None:
    m = _CAPITALS_RUN_IN.match(text) or _HAN_RUN_IN.match(text)
    return m[1] if m and not NOT_RUN_IN_NAME.search(m[1]) else None


def _names_run_in(lines: list[Line]) -> set[str]:
    """The names run into the words at the start of two lines or more, where two such
    names take turns (a heading's "NATO SUMMIT" or "UNITED NATIONS" over its lines, alone,
    is none)."""
    named = Counter(name for line in lines if (name := _run_in_name(line.text.strip())))
    recurring = {name for name, count in named.items() if count >= 2}
    return recurring if len(recurring) >= 2 else set()


def paragraph_lines(lines: list[Line]) -> list[list[Line]]:
    """The lines of each paragraph of running text.

    A blank line always ends a paragraph. Within a block, a line starts a paragraph
    of its own unless it plainly goes on with the one before: a hyphenated word, a
    sentence continued in lower case, or a typescript's lines wrapped at a fixed width.
    Pages copied from the web put one paragraph on each line, with no blank lines
    between them; a line that opens with a speaker's label or a bullet always starts
    a new paragraph.
    """
    out: list[list[Line]] = []
    unflattened = _unflattened(_dash_lines_joined(_caption_marks_apart(lines)))
    dialogue = of_dialogue(line.text for line in unflattened)
    speakers = _names_run_in(unflattened)
    for block in paragraphs(unflattened):
        wrapped, width = _wrapped(block)
        if dialogue:
            block = _dialogue_apart(block)
        current = [block[0]]
        for line in block[1:]:
            text = line.text.strip()
            # A press conference's "Q …", and the "A …" that answers it, open paragraphs.
            answer = _ANSWER.match(text) and _QUESTION.match(current[0].text.strip())
            # In dialogue, a dash opens the next line even after a line the page cut short.
            opens = bool(
                _QUESTION.match(text) or answer or (dialogue and DIALOGUE_LINE.match(text))
            )
            if speakers and _run_in_name(text) in speakers:
                opens = True  # "CAROLINE ROUX Oui !" after a line that stops mid-sentence
            if not opens and _continues(current[-1].text, text, wrapped, width):
                current.append(line)
            else:
                out.append(current)
                current = [line]
        out.append(current)
    return out
