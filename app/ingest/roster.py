"""The record as its own dictionary: who a label names, the record's people first.

A memorandum lists "Dr. Henry A. Kissinger" and "Chou En-lai" and then writes `K:`,
`PM Chou:` or `Mr. Tang:`; a Chinese record lists 田中角荣 and writes `田:`. A label
that names exactly one person of this record (by a surname, a given name, an
initial, or a title and surname) is that person, before the reference data is
asked; a label that could be two of them is left to the reference data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from app.ingest.fields import is_field_key
from app.ingest.model import Speaker
from app.ingest.registry import INITIALS, Registry
from app.ingest.source import PARTICLES, WITHHELD_NAME
from app.textnorm import (
    CAPITALS,
    CYRILLIC,
    CYRILLIC_CAPITALS,
    CYRILLIC_SMALL,
    HAN,
    HANGUL_LETTERS,
    KATAKANA,
    LOWER,
    UPPER,
    fold,
    name_key,
    slugify,
)

# A word of a name-shaped label: a capitalised word, initials, a short
# abbreviated title ("тов."), or Chinese characters.
# An agency's office by its letters: "DD/I", "DD/S&T", "D/ONE" (the CIA's minutes).
OFFICE_CODE = r"[A-Z]{1,4}(?:/[A-Z&]{1,5})+"
LABEL_WORD = re.compile(
    rf"^(?:[{CAPITALS}][\w'’.-]*|(?:[{CAPITALS}]\.)+|[{LOWER}]{{1,4}}\.|"
    rf"[\u4e00-\u9fff\u3005{KATAKANA}《》·]+|{OFFICE_CODE}|[{HANGUL_LETTERS}]{{1,6}}|"
    # (a word in a script with no capitals, Arabic, Hebrew, Devanagari, Thai or Georgian,
    # or a Greek or Armenian capitalised one)
    r"[\u0600-\u06FF]{1,20}|[\u0590-\u05FF'\"]{1,20}|[\u0900-\u097F]{1,20}|"
    r"[\u0E00-\u0E7F]{1,30}|[\u10D0-\u10FA]{1,20}|"
    r"[\u0386\u0388-\u038F\u0391-\u03AB\u0531-\u0556][\w'’.-]*)$"
)
# "(lǐ)", "(continuing)", "(in English)": a reading or an aside inside a label.
_ASIDE = re.compile(r"\s*[(（][^()（）]*[)）]\s*")
# "DAVID DIMBLEBY [British Broadcasting Corporation]": whom a questioner writes for.
AFFILIATION = re.compile(r"(?<=\w)\s+\[[^\[\]]{2,60}\]$")
# "West (BRANDT)", "East (Stoph)": a side or office, then the person in brackets.
_BRACKETED_NAME = re.compile(r"^(?P<outer>[^()（）]+?)\s*[(（](?P<inner>[^()（）]+)[)）]\s*$")


def _words(name: str) -> list[str]:
    # (an initial glued to the surname is a word of its own: "Д.МЕДВЕДЕВ", "J.Smith")
    name = _GLUED_TO_SURNAME.sub(r"\1 ", name)
    return [w for w in re.split(r"[\s\u00a0]+", name.strip()) if w]


_GLUED_TO_SURNAME = re.compile(
    rf"((?:^|(?<=[\s.]))[{UPPER}]\.)(?=[{UPPER}][{LOWER}{UPPER}'’-]{{2,}})"
)


# How a Chinese record says someone spoke ("激动地说"): listed, since the name before
# them has no boundary of its own ("赫鲁晓夫激动地说" is 赫鲁晓夫, not 赫鲁晓).
_MANNERS = (
    "激动|严肃|坚定|高兴|平静|认真|诚恳|热情|有礼貌|礼貌|客气|幽默|"
    "风趣|直率|坦率|郑重|肯定|断然|微笑|感慨|沉重|生气|愤怒|温和|轻松|"
    "开玩笑|半开玩笑|笑眯眯|慢慢|缓缓|深情|动情|兴奋|若有所思|意味深长|"
    "不客气|委婉|婉转|急切|恳切|和蔼|大声|低声|冷冷|冷淡|尖锐|直截了当|"
    "激動|嚴肅|堅定|認真|誠懇|熱情|禮貌|有禮貌|風趣|直率|鄭重|斷然|感慨|"
    "沉重|憤怒|溫和|輕鬆|開玩笑|緩緩|動情|興奮|意味深長|婉轉|懇切|和藹|"
    "大聲|低聲"
)
# Words that make "The …" a place or a body rather than someone's office.
_PLACE = re.compile(
    r"\b(?:House|Office|Room|Embassy|Ministry|Department|Library|Archives?|Council|Committee|"
    r"Government|Press|Times|Post|Kremlin|Palace|Hall|Building|Center|Centre)\b",
    re.IGNORECASE,
)
_POST_WORDS = 6  # words of a post before a name, at most
_POST_SMALL = frozenset({"to", "of", "for", "the"})  # ("Assistant to the President")
_NOT_OF_A_POST = frozenset(
    {"from", "with", "between", "and", "by", "letter", "message", "text", "telegram", "note"}
    | {"memorandum", "statement", "cable", "report", "handed", "sent", "delivered"}
)


def _post_words(words: list[str]) -> bool:
    """Whether words before a name can be his post: a few, none naming a paper or linking
    two parties, the last no preposition (not "Message Handed Over To Zhou Enlai", "Letter
    From President Kennedy", "Telegram From Moscow To Kim Il Sung")."""
    return (
        0 < len(words) <= _POST_WORDS
        and not set(words) & _NOT_OF_A_POST
        and words[-1] not in _POST_SMALL
    )


_SHORT_OFFICES = {"sec": "Secretary", "pres": "President", "amb": "Ambassador"}
_SHORT_OFFICE = re.compile(r"(?<=\bthe )(Sec|Pres|Amb)\b\.?$", re.IGNORECASE)


def full_office(label: str) -> str:
    """ "The Sec", "the Pres.": a note-taker's short forms of an office, written out."""
    return _SHORT_OFFICE.sub(lambda m: _SHORT_OFFICES[m.group(1).lower()], label)


# The small words inside an office ("Secretary of State", "Assistant for …", "the").
SMALL_WORDS = frozenset({"of", "for", "the"})
# A Chinese clause that ends on its verb of saying ("秦立民红着脸说").
SAYING = re.compile(r"[\u4e00-\u9fff](?:说|說|问|問|答|道)$")
# "周恩来对毛泽东说", "毛泽东也笑着说", "斯诺答": a Chinese record names its speaker in a
# clause; the name is what comes before the adverb, the addressee and the verb.
_HAN_SAYS = re.compile(
    r"^(?P<name>[\u4e00-\u9fff·.]{1,8}?)(?:在[\u4e00-\u9fff]{1,12}?时)?"  # "在谈到…时"
    r"(?:今天|昨天|今日|昨日|当天|当时|那天)?"  # "蔣總統今天說": a news story's day
    r"(?:(?:听|看|读|想)了|想了想|顿了顿|点了点头)?"  # "听了"
    r"(?:也|又|再|还|便|就|则|随即|当即|继续|接着|立即|马上|最后|随后|然后|首先|后来|一再|再次){0,2}"
    r"(?:[对向跟同和给][\u4e00-\u9fff]{1,8}?)?"  # "很有礼貌地", "红着脸", "笑着"
    # ("笑著": OpenCC leaves the traditional 著 where it may be a word of its own)
    rf"(?:(?:很|非常|十分|颇|有些|略|有点)?(?:{_MANNERS})地|笑了笑|笑|[\u4e00-\u9fff][着著][\u4e00-\u9fff]{{0,2}})?"
    r"(?:说道?|问道?|答道?|笑道|叹道|回答说?|回应道?|回应说|反问道?|追问道?|插话说?|指出|表示|讲|"
    r"补充说?)$"
)


# A name of two to four capitalised words, then after a comma the post its bearer holds.
# (the post may name the programme too: "JIM LEHRER, HOST, "THE NEWS HOUR"")
_POST_AFTER = re.compile(
    rf"^(?P<name>[{UPPER}][\w.'’-]*(?:\s+[{UPPER}][\w.'’-]*){{1,3}}),\s+"
    r"(?:[^,]{2,60}(?:,\s+[\"“][^\"”]{2,40}[\"”])?"
    # (or an office in full, its ministry's several fields: "Parl. Staatssekretär bei der
    # Bundesministerin für Umwelt, Naturschutz und Reaktorsicherheit")
    rf"|[A-ZÀ-Ý{CYRILLIC_CAPITALS}][^:\n]{{2,110}})$"
)


# An office written out in a language that writes its words in lower case, then the
# holder's name in full: "Předseda Sovětu národních komisařů Alexej Kosygin".
OFFICE_BEFORE = re.compile(
    # (a word of four letters or more in lower case: not the "of" of "Secretary of State")
    rf"^(?=[^,]*\s[a-zà-ÿ{CYRILLIC_SMALL}ěščřžýáíéůúňťď]{{4}})(?:\S+\s+){{1,6}}?"
    rf"(?P<name>[{CAPITALS}][\w'’-]+\s+[{CAPITALS}][\w'’-]+)$"
)


_EDITORS_BRACKETS = re.compile(rf"^\[([{UPPER}][\w'’-]+)\](?=\s+[{UPPER}])")


# The same in Arabic, a dash between: "أحمد أبو الغيط- وزير الخارجية المصري".
_ARABIC_POST_AFTER = re.compile(
    r"^(?P<name>[\u0621-\u064a]+(?:\s[\u0621-\u064a]+){1,3})\s?[-–—]\s?[\u0621-\u064a][^:\n]{2,60}$"
)


def clean_label(label: str) -> str:
    """The label without bracketed readings, offices and asides ("周總理(lǐ)", "Mao
    (looking at Kissinger)", "Mr. Hsu (Interpreter)"), the spacing of a letter-spaced
    Chinese label closed up ("周 总 理"), and a Chinese clause of saying reduced to the
    name that opens it ("毛泽东又对基辛格说" → 毛泽东)."""
    label = re.sub(r"\s+", " ", _ASIDE.sub(" ", AFFILIATION.sub("", label))).strip()
    label = label.replace(" ,", ",")  # "STEFANI (LNP), Relatore" without its party
    label = _EDITORS_BRACKETS.sub(r"\1", label)  # "[Willi] Stoph": the editor's first name
    label = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", label)
    if label.endswith("君"):
        label = re.sub(r"(?<=[\u4e00-\u9fff]{2})君$", "", label)  # "高田寛君": the Diet's courtesy
    label = re.sub(rf",\s+[{LOWER}][\w\s-]*$", "", label)  # "Хрущев, смеясь": the manner
    if (post := _POST_AFTER.match(label) or _ARABIC_POST_AFTER.match(label)) is not None:
        label = post["name"]  # "ВЛАДИМИР ПУТИН, президент России": the name before his post

    label = full_office(label)
    if HAN.search(label) and (m := _HAN_SAYS.match(fold(label.replace(" ", "")))):
        return m.group("name")
    if member := _MEMBER_INSIDE.fullmatch(label):
        return member["surname"] + member["given"]  # "柯委員建銘" is 柯建銘, a member
    return label


# A Taiwanese record's member, his office between his surname and given name: "柯委員建銘".
_MEMBER_INSIDE = re.compile(
    r"(?P<surname>[\u4e00-\u9fff])(?:委員|委员|議員|议员|院長|院长|部長|部长)(?P<given>[\u4e00-\u9fff]{1,2})"
)


# "问(江山、胡俊峰,下同):", "答(钱嗣杰,下同):": an interview names its asker and answerer
# once, "the same below".
SAME_BELOW = re.compile(
    r"^\s*(?P<verb>问|問|答)\s*[(（](?P<who>[^()（）,，]{1,20})[,，]\s*下同[)）]\s*$"
)


def bracketed_name(label: str) -> str | None:
    """The name-shaped words in brackets after a side or office: "West (BRANDT)"."""
    m = _BRACKETED_NAME.match(label.strip())
    if m is None or HAN.search(m.group("inner")):
        return None
    inner = m.group("inner").strip()
    if inner[:1].isupper() and all(LABEL_WORD.match(w) for w in _words(inner)):
        return inner
    return None


@dataclass(frozen=True, slots=True)
class Member:
    """Someone this record names in a list, its title, or a full label."""

    written: str  # as the record writes it, titles included
    speaker: Speaker
    keys: tuple[str, ...]  # name keys of the words that name the person (no titles, initials)
    han: str  # the name in Chinese characters, title suffixes off ("" if not Chinese)
    titles: frozenset[str] = frozenset()  # name keys of the titles and office words given
    styled: tuple[str, ...] = ()  # name keys of the titles written before the name


# "I said…" in a record told in the first person; "He said…" after someone else's turn.
FIRST_PERSON = frozenset({"I", "Я", "я", "我", "We", "[We]", "Мы"})  # (an embassy writes "we")
PRONOUNS = frozenset({"he", "she", "он", "она", "他", "她"})


def names_someone(label: str) -> bool:
    """Whether a label as written is a name, not "I" or "He" standing in for one (which
    never becomes a person's spelling)."""
    label = label.strip()
    return label not in FIRST_PERSON and label.lower() not in PRONOUNS


@dataclass(slots=True)
class Roster:
    registry: Registry
    members: list[Member] = field(default_factory=list)
    author: Member | None = None  # who "I" is, where the record is told in the first person
    # Labels repeat on every turn: what each resolved to, until the roster changes.
    _resolved: dict[str, Speaker | None] = field(default_factory=dict, init=False, repr=False)
    _found: dict[str, Member | None] = field(default_factory=dict, init=False, repr=False)
    # The record's text, where the known people it names in full are sought when needed:
    # "基:" may stand for 基辛格 only where the record writes 基辛格 somewhere.
    text: str = ""
    _named_in_text: frozenset[str] | None = field(default=None, init=False, repr=False)
    # Short forms a record defines for its labels: "黎笋(以下简称黎)", "(hereafter Kim)".
    shortened: dict[str, str] = field(default_factory=dict)
    # Whether the head says the page is a record of the talk (a list of those present, or
    # a title naming a note or minutes of it), not a story about it.
    documented: bool = False

    def set_author(self, author: Member | None) -> None:
        self.author = author
        self._forget()

    def set_text(self, text: str) -> None:
        self.text, self._named_in_text = text, None
        self._forget()

    @property
    def named_in_text(self) -> frozenset[str]:
        if self._named_in_text is None:
            found = self.registry.record_matcher().find(self.text) if self.text else []
            self._named_in_text = frozenset(
                m.key.removeprefix("person:") for m in found if m.key.startswith("person:")
            )
        return self._named_in_text

    def _forget(self) -> None:
        self._resolved.clear()
        self._found.clear()

    def add(self, written: str, office: str | None = None) -> Member | None:
        """Add a person as the record writes them and the office it gives ("Dr. Henry A.
        Kissinger", "Assistant to the President…"); None for something that names nobody."""
        name = clean_label(written)
        if len(name) > 3 and not self.registry.resolve_name(name):
            name = self._known_prefix(name) or name  # "斯大林举杯" of "斯大林举杯说："
        if (known := self.member_for(name)) is not None:
            slug = None if known.speaker.resolved else self.registry.resolve_name(name)
            words = _name_keys(split_titles(_words(name), self.registry)[1])
            fuller = known.keys and len(words) > len(known.keys) and set(known.keys) <= set(words)
            if slug is None and fuller:
                # "Rosemary Agrista" after a heading's "Agrista": the same person, whose
                # name in full gives the initials the record labels her by ("RA")
                named = replace(known, written=name, keys=words)
                self.members[self.members.index(known)] = named
                self._forget()
                return named
            if slug is None:
                return known  # "Mr. Lord" after "Winston Lord": the same person
            # "Premier Kim Il Sung" after a title's "Premier Kim": the person now known
            found = replace(known, speaker=Speaker(slug, known.speaker.label))
            self.members[self.members.index(known)] = found
            self._forget()
            return found
        speaker = name_speaker(name, self.registry)
        if speaker is None:
            held = self.holder(name)  # "Předseda vlády Petr Novák": Petr Novák
            return self.add(held) if held else None
        for member in self.members:
            if member.speaker.key == speaker.key:
                return member
        han = _han_name(name, self.registry) if HAN.search(name) else ""
        titles, rest = split_titles(_words(name), self.registry)
        # The office's own words, not what it is of or to: "Assistant to the President" is
        # an assistant, "Secretary of State" a secretary, "Vice Chairman, …" a vice chairman.
        head = re.split(r"\b(?:of|to|for|in|and|at|on|the)\b|[,;(]", office or "", maxsplit=1)[0]
        office_words = re.findall(r"[^\W\d_]+", head)
        self._forget()
        member = Member(
            name,
            speaker,
            _name_keys(rest),
            han,
            frozenset(name_key(w) for w in [*titles, *office_words]),
            tuple(name_key(w) for w in titles),
        )
        self.members.append(member)
        return member

    def holder(self, label: str) -> str | None:
        """The name in full after an office in lower-case words ("Předseda vlády Petr
        Novák" → "Petr Novák"), where one of the office's words is a title the reference
        data knows; not a description ("His wife Joan Ellis", "Follow-up question to …")."""
        office = OFFICE_BEFORE.match(clean_label(label))
        if office is None:
            return None
        words = office.string[: office.start("name")].split()
        return office["name"] if any(self.registry.is_title(w) for w in words) else None

    def is_office(self, label: str) -> bool:
        """Whether a label is a title and nothing else: "The Chairman", "主席", "总理"."""
        name = clean_label(label)
        if HAN.search(name):
            left = fold(name)
            while left and (
                cut := next((t for t in self.registry.title_suffixes if left.endswith(t)), None)
            ):
                left = left[: -len(cut)]
            return not left
        titles, named = split_titles(_words(name), self.registry)
        return bool(titles) and not named

    def shorten(self, short: str, full: str) -> None:
        """Take `short` for whoever `full` names, as the record says it will call him."""
        self.shortened[short.strip()] = full
        self._forget()

    def extend(self, names: Iterable[str]) -> None:
        for name in self._unfused(list(names)):
            self.add(name)

    def _unfused(self, names: list[str]) -> list[str]:
        """`names` without one that is two others run together ("Leigh Sales Scott
        Morrison", a caption over "LEIGH SALES:" and "SCOTT MORRISON:"), and the members
        without such a one: two people, not one."""
        keys = [tuple(name_key(w) for w in _words(clean_label(name))) for name in names]

        def fused(words: tuple[str, ...]) -> bool:
            return any(
                0 < len(first) < len(words)
                and words[: len(first)] == first
                and words[len(first) :] in keys
                for first in keys
            )

        members = [m for m in self.members if not m.speaker.resolved and fused(m.keys)]
        for member in members:
            self.members.remove(member)
        if members:
            self._forget()
        return [name for name, words in zip(names, keys, strict=True) if not fused(words)]

    def member_for(self, label: str) -> Member | None:
        """The one member `label` can name, or None if none or several."""
        if label in self._found:
            return self._found[label]
        if label.strip() in FIRST_PERSON:
            return self.author
        candidates = {m.speaker.key: m for m in self._candidates(clean_label(label))}
        member = next(iter(candidates.values())) if len(candidates) == 1 else None
        self._found[label] = member
        return member

    def _candidates(self, label: str) -> list[Member]:
        if HAN.search(label):
            short = _han_name(label, self.registry)
            if short in self.registry.title_suffixes:  # "总理": whoever the record calls so
                return [
                    m
                    for m in self.members
                    if (written := fold(m.written.replace(" ", ""))).endswith(short)
                    and m.han != written
                ]
            return [m for m in self.members if m.han and short and m.han.startswith(short)]
        titles, words = split_titles(_words(label), self.registry)
        if not words and titles:
            # "The Secretary", "President", "Premier": whoever this record gives that office.
            wanted = {name_key(w) for w in titles} - SMALL_WORDS
            found = _holders(self.members, wanted)
            if len(found) > 1 and self.author in found:
                # "I saw the Ambassador…" in an ambassador's memorandum: the other one
                found = [m for m in found if m is not self.author]
            return found or [m for m in self.members if name_key(titles[0]) in m.titles]
        if len(words) == 1 and re.fullmatch(rf"[{UPPER}]\.?", words[0]):
            # "K:" in a telephone transcript; "P:" for the President
            initial = name_key(words[0])
            return [
                m for m in self.members if any(k.startswith(initial) for k in (*m.keys, *m.styled))
            ]
        if len(words) == 1 and (letters := initials_label(words[0])):
            # "AP." after "Alain Peyrefitte.", "GdG." after "Général de Gaulle."
            # (as the list writes the name, titles and all; else without its titles)
            spelled = [m for m in self.members if initials_of(m.written) == letters] or [
                m for m in self.members if letters == self._untitled_initials(m)
            ]
            if spelled:
                return spelled
        keys = [name_key(w) for w in words if not INITIALS.fullmatch(w)]
        if not keys or not all(keys):
            return []
        named = [m for m in self.members if all(_same_word(k, m.keys) for k in keys)]
        if not named and 1 < len(keys) <= 3 and all(w[:1].isupper() for w in words):
            # "Sir Pierson Dixon" where the list says "Dixon": the name in full
            named = [m for m in self.members if m.keys and set(m.keys) <= set(keys)]
        every = [w for w in _words(label) if not INITIALS.fullmatch(w)]
        if not named and len(every) > 3 and all(w[:1].isupper() or w in _POST_SMALL for w in every):
            # "National Security Advisor Henry A. Kissinger", "Deputy Assistant to the
            # President Alexander P. Butterfield" where the list gives the name in full: a
            # post the reference data does not know, then the name
            words_keyed = [name_key(w) for w in every]
            named = [
                m
                for m in self.members
                if len(m.keys) > 1
                and tuple(words_keyed[-len(m.keys) :]) == m.keys
                and _post_words(words_keyed[: -len(m.keys)])
            ]
        if not named and len(words) > 1 and self.registry.is_title(words[-1]):
            # "The Soviet Ambassador" where the list says "Sorin, the Soviet Ambassador":
            # whoever holds the office the list gives in those words
            named = _holders(self.members, set(keys))
        if named or not titles:
            return named
        # "President Reagan" where the list says only "The President": the member who
        # holds that office under no name of its own.
        office = {name_key(w) for w in titles} - COURTESY
        return _holders([m for m in self.members if not m.keys], office) if office else []

    def _untitled_initials(self, member: Member) -> str:
        """A member's initials without the titles before the name: "NC" for "Cde. Nicolae
        Ceausescu" (where "GdG" keeps the "Général" of "Général de Gaulle")."""
        return initials_of(" ".join(split_titles(_words(member.written), self.registry)[1]))

    def resolve(self, label: str) -> Speaker | None:
        """Who a label names: a member of this record, else the reference data, else an
        unresolved participant if the label is name-shaped; None if it names nobody. Of
        "West (BRANDT)" the words outside the brackets are tried first, then those inside."""
        if label not in self._resolved:
            self._resolved[label] = self._resolve(label)
        return self._resolved[label]

    def _known_prefix(self, name: str) -> str | None:
        """The longest known name a Chinese clause opens with ("斯大林举杯" → 斯大林); of
        clauses joined by commas, the last, whose subject says it ("基辛格拿出了文件夹，
        周总理说" → 周总理)."""
        name = re.split(r"[，,]", name)[-1]
        if not HAN.match(name):
            return None
        for size in range(min(len(name) - 1, 6), 1, -1):
            head = name[:size]
            if self.registry.resolve_name(head) or any(m.han == fold(head) for m in self.members):
                return head
        return None

    def _known(self, name: str, shown: str) -> Speaker | None:
        """The member of this record, else the known person, `name` denotes."""
        member = self.member_for(name)
        if member is not None and _inflected(name, member):
            # "Молотов" for "Молотова" of a title's "беседы Молотова": the label has the
            # name as a name is written, the title its genitive
            slug = self.registry.resolve_name(name)
            if slug:
                return Speaker(slug, shown)
            if (speaker := name_speaker(name, self.registry, shown)) is None:
                return None
            # the name as labels write it stands for the title's genitive from now on, so
            # that "Д.МЕДВЕДЕВ" below is the "ДМИТРИЙ МЕДВЕДЕВ" above (both "Дмитрия Медведева")
            self.members.remove(member)
            self._forget()
            # (a German genitive's own words without its "s": "Walter Brauns" is Walter
            # Braun, though the label says "Genossen Braun")
            added = self.add(name if CYRILLIC.match(name) else member.written.removesuffix("s"))
            return Speaker(added.speaker.key, shown, False) if added else speaker
        if member is not None:
            # "I" is shown as the author's name: the person is never called "I"
            label = shown if names_someone(shown) else member.speaker.label
            return Speaker(member.speaker.key, label, member.speaker.resolved)
        if slug := self.registry.resolve_name(name):
            return Speaker(slug, shown)
        return None

    def _resolve(self, label: str) -> Speaker | None:
        shown = label.strip()
        if (full := self.shortened.get(clean_label(shown))) is not None:
            found = self.resolve(full)  # "主席" where "毛主席:(以下简称主席):" said so
            return Speaker(found.key, shown, found.resolved) if found else None
        if shown in FIRST_PERSON and self.author is None:
            return Speaker("i", shown, resolved=False)  # the author, whom the record never names
        if same := SAME_BELOW.match(shown):  # "问(江山,下同)": the asker named once for all
            who = same["who"].strip()  # (two interviewers are one voice: "江山、胡俊峰")
            return name_speaker(who, self.registry, shown=who) or Speaker(slugify(who), who, False)
        inner = bracketed_name(shown)
        for name in (clean_label(shown), inner):
            if name and (found := self._known(name, shown)):
                return found
        prefix = self._known_prefix(clean_label(shown)) if SAYING.search(shown) else None
        if prefix and (found := self._known(prefix, shown)):
            return found  # "斯大林举杯说": a known name opens a clause the patterns miss
        bare = clean_label(shown)
        slug = self.registry.by_han_initial(bare) if len(bare) == 1 and HAN.match(bare) else None
        if slug and slug in self.named_in_text:
            return Speaker(slug, shown)  # "基:" beside "毛:": the one named person it opens
        outer = name_speaker(clean_label(shown), self.registry, shown=shown)
        if inner and (outer is None or len(_words(clean_label(shown))) == 1):
            return name_speaker(inner, self.registry, shown=shown) or outer
        return outer


# A label of a name's initials, run together: "AP", "GdG.", "JFK" (two capitals or more).
_INITIALS_RUN = re.compile(rf"[{UPPER}](?:[{LOWER}]?[{UPPER}]){{1,3}}\.?")


def initials_label(label: str) -> str:
    """The letters of a label that is a name's initials run together ("GdG." → "GdG") or
    each with its full stop ("А.В." → "АВ"), else ""."""
    label = label.strip()
    if _INITIALS_DOTTED.fullmatch(label):
        return label.replace(".", "").replace(" ", "")
    return label.rstrip(".") if _INITIALS_RUN.fullmatch(label) else ""


_INITIALS_DOTTED = re.compile(rf"(?:[{UPPER}]\.\s?){{2,3}}")
# A radio transcript's initial glued to the surname: "А.ВЕНЕДИКТОВ", "С.Бунтман".
GLUED_INITIAL = re.compile(rf"[{UPPER}]\.(?=[{UPPER}][\w'’-]{{2,}}$)")


def _name_keys(words: list[str]) -> tuple[str, ...]:
    """The name keys of a name's words, initials aside."""
    return tuple(name_key(w) for w in words if not INITIALS.fullmatch(w) and name_key(w))


def initials_of(name: str) -> str:
    """The first letters of a name's words, particles in lower case: "Général de Gaulle"
    → "GdG", "Alain Peyrefitte" → "AP", "А.ВЕНЕДИКТОВ" → "АВ"."""
    name = GLUED_INITIAL.sub(lambda m: f"{m.group()} ", clean_label(name).strip())
    return "".join(word[0] for word in _words(name.rstrip(".")) if word[0].isalpha())


def _inflected(label: str, member: Member) -> bool:
    """Whether a label names an unresolved member only through another case of the name
    (the member written "Шуленбургом", the label "Шуленбург"; a German title's genitive
    "Erich Honeckers", the label "Genosse Erich Honecker")."""
    if member.speaker.resolved:
        return False
    words = [w for w in _words(clean_label(label)) if not INITIALS.fullmatch(w)]
    if not CYRILLIC.match(label):
        last = name_key(words[-1]) if words else ""
        return last not in member.keys and _same_word(last, member.keys)
    # (nor "Тов." of "Тов. Молотов": an abbreviated title, not a word of the name)
    keys = [name_key(w) for w in words if not (w.endswith(".") and len(w) <= 5)]
    inflected = [key for key in keys if key not in member.keys]
    return bool(inflected) and all(_same_word(key, member.keys) for key in inflected)


def _holders(members: Iterable[Member], office: set[str]) -> list[Member]:
    """The members who hold an office; of "President", the President rather than the Vice
    President when the record lists both."""
    holders = [m for m in members if office <= m.titles]
    lesser = [m for m in holders if (m.titles - office) & LESSER_OFFICE]
    if len(lesser) < len(holders):
        return [m for m in holders if m not in lesser]
    return holders


# Not offices: "Mrs. Nixon" is no one "The Mrs." stands for (nor is she the President), and
# "Mr. Molotov" is not whoever a list gave a "Mr." as his office.
COURTESY = frozenset({"mr", "mrs", "ms", "miss", "mme", "mister", "madame", "messrs"})


# Words that make an office another, lesser one ("Vice President", "Deputy Secretary"); a
# country's name does not ("Soviet Ambassador" is an ambassador as much as "Ambassador").
LESSER_OFFICE = frozenset(
    {"vice", "deputy", "assistant", "under", "acting", "associate", "заместитель", "副"}
)


_GENITIVE_STEM = 5  # letters of a name before a genitive's "s" (not "Adam" for "Adams")


def _same_word(key: str, keys: tuple[str, ...]) -> bool:
    """Whether a name's key is one of `keys`, or (in Russian) an inflected form of one:
    a title may say "с Д. Раском" and the labels "Раск"; a German title's genitive says
    "Gespräch Erich Honeckers" and the record "Honecker"."""
    if key in keys:
        return True
    if CYRILLIC.match(key):
        return any(one_stem(key, k) for k in keys)
    return len(key) >= _GENITIVE_STEM and f"{key}s" in keys


def one_stem(key: str, other: str) -> bool:
    """Whether two Russian words are cases of one name: "раск" and "раском", "кагановича"
    and "кагановичем" (the shorter one all but its last two letters at most)."""
    shorter, longer = sorted((key, other), key=len)
    if len(shorter) < 4 or len(longer) - len(shorter) > 3:
        return False
    pairs = zip(shorter, longer, strict=False)  # (the shorter word's letters)
    common = next((i for i, (a, b) in enumerate(pairs) if a != b), len(shorter))
    return common == len(shorter) or (common >= len(shorter) - 2 and common >= 6)


def _han_name(name: str, registry: Registry) -> str:
    """A Chinese name without its title suffixes: 周恩来总理 → 周恩来, 毛主席 → 毛."""
    whole = text = fold(re.sub(r"\s+", "", name))
    changed = True
    while changed:
        changed = False
        for suffix in registry.title_suffixes:
            if text.endswith(suffix) and len(text) > len(suffix):
                text, changed = text[: -len(suffix)], True
    # "总理秘书" is an office of its own, the Premier's secretary, not the Premier
    return whole if text in registry.title_suffixes else text


def _keys(words: str) -> frozenset[str]:
    return frozenset(name_key(w) for w in words.split())


# Capitalised words that begin sentences, not names: "In Albania: the same methods…".
NOT_NAMES = _keys(
    "A An And As At But By For From He Her Here His How I If In It Its My No Not Now Of On "
    "Or Our She So Such That The Their Then There These They This Thus To We What When "
    "Where Which While Who Why Yes You Your Today Tomorrow Yesterday Also Only Still "
    "В Во На По И Но А Мы Я Вы Он Она Они Это Как Так Вот Когда Если Да Нет Что Где "
    "他 她 它 我 你 您 我们 你们 他们 她们 咱们 大家"
)
# A classification over the text, no one's name: "Top Secret", "Confidential".
_CLASSIFICATION = re.compile(
    r"(?i:(?:top |strictly )?(?:secret|confidential)|unclassified|classified|eyes only|"
    r"(?:совершенно )?секретно)"
)
# Words that introduce lists, header fields and page furniture rather than a speaker:
# "Present: …", "Source: …", "文件性质: …", "编者按: …".
FIELD_WORDS = _keys(
    "Present Participants Participant Interpreter Interpreters Attending Subject Subjects "
    "Date Time Place Location Note Notes Source Sources Translator Author Authors Summary "
    "Citation Contents Keywords Tags Related Share Download Print Copyright Classification "
    "Original Language Document Type Body Attachment Attachments Enclosure Distribution "
    "File Page Pages Total Size Views Posted Updated Release Publication Collection "
    "Category Categories Region Regions Country Countries Venue Themes Description "
    "Witnesses Exhibits Index Appearances "  # (a court transcript's index)
    "Добавил Добавлено Опубликовано Просмотров "
    "Участники Присутствовали Переводчик Переводчики Дата Время Место Тема Источник Автор "
    "Примечание Примечания "
    "参加人 参加者 与会者 在座 出席 翻译 记录 记录人 时间 日期 地点 文件 文件性质 "
    "资料来源 来源 出处 作者 编者 编者按 编者注 责任编辑 编辑 主题 题目 备注 附注 注 注释 "
    "原文 译文 标签 关键词 警告 图 图片 摄影 Photo Фото Фотохроника 绝密 机密 秘密"
)

# "Publication Date", "Document Page Count", "Release Decision": a field's key, not a name.
_FIELD_ENDS = _keys("Date Time Count Decision Number Classification Language Type Status Subject")


def split_titles(words: list[str], registry: Registry) -> tuple[list[str], list[str]]:
    """(the leading titles, the rest) of a name's words: "The Secretary of State" is all
    title, "Prime Minister Chou" a title and a name. "The" counts as a title's article."""
    titles: list[str] = []
    if len(words) > 1 and words[0] in {"The", "the", "THE"}:
        words = words[1:]
    while words:
        for size in (3, 2, 1):
            if len(words) >= size and registry.is_title(" ".join(words[:size])):
                titles += words[:size]
                words = words[size:]
                break
        else:
            break
    return titles, words


# A speaker a transcript cannot name: "I мужчина" / "II мужчина" of a tapped room, "Голос
# из зала", "Unidentified Speaker", "Second Voice". The numbers keep them apart.
_NAMELESS = re.compile(
    r"(?:(?:[IVX]{1,4}|\d{1,2}(?:-?[йя])?|перв|втор|трет|first|second|third|another|"
    r"unidentified|unknown|male|female|неизвестн|незнаком)[\w-]*\s+)?"
    r"(?:мужчина|женщина|мужской голос|женский голос|голос(?: из зала)?|голоса|из зала|реплика|"
    r"głos z sali|głosy z sali|zwischenruf|voix|une voix|voce dal pubblico|"
    r"man|woman|voice|voices|speaker|voice from the floor|from the floor|journalist|reporter|"
    r"correspondent|questioner|member of the audience|audience member)"
    r"(?:\s+(?:\d{1,2}|[IVX]{1,4}|из зала))?",
    re.IGNORECASE,
)


# One of several who share a part, told apart by a number: "Экскурсовод 1", "Student 2";
# not a heading's number ("Article 1", "Глава 2").
_NUMBERED_ROLE = re.compile(r"([^\W\d_]{3,20})\s+\d{1,2}")
_HEADING_WORD = re.compile(
    r"(?i:article|section|chapter|part|point|item|clause|paragraph|annex|appendix|table|figure|"
    r"page|volume|book|step|stage|round|question|document|doc|no|number|file|case|exhibit|"
    r"episode|lesson|lecture|track|session|tape|reel|"
    r"статья|глава|часть|пункт|раздел|параграф|приложение|таблица|том|книга|вопрос|документ|"
    r"artikel|abschnitt|kapitel|teil|chapitre|partie|artículo|capítulo|parte|articolo|capitolo)"
)


# An office a chamber's record gives with a courtesy title and an article (French,
# Spanish, Italian): "M. le président", "Mme la ministre", "M. le secrétaire d'État", "El
# señor PRESIDENTE".
_COURTESY_OFFICE = re.compile(
    r"(?:M\.|Mme|Mlle|Monsieur|Madame|El señor|La señora|Il signor|La signora)\s+"
    r"(?:le\s+|la\s+|l['’]\s*)?(?P<office>(?i:président|présidente|ministre|secrétaire|"
    r"garde|rapporteur|rapporteure|premier|première|presidente|presidenta|vicepresidente|"
    r"vicepresidenta|ministro|ministra|consejero|consejera|secretario|secretaria)"
    r"[^\d.,;:!?()\n]{0,50})"
    # (or an article alone before the chair, nothing after it: "De voorzitter", not "De
    # voorzitter van de Tweede Kamer", a news story's way of naming someone)
    r"|(?:De|Der|Die)\s+(?P<chair>(?i:voorzitter|präsident|präsidentin|vizepräsident|"
    r"vizepräsidentin))"
)


# A member by a courtesy title of words in lower case: "La señora Arévalo Araya".
_COURTESY_MEMBER = re.compile(
    r"(?:El señor|La señora|Il signor|La signora|Il senatore|La senatrice|L['’]onorevole|"
    r"De heer|Mevrouw|Herr|Frau)\s+"
    r"(?P<name>[A-ZÁÉÍÓÚÑÄÖÜ][^\d.,;:!?()\n]{1,50}?)(?:\s*\([^()\n]{1,25}\))?"  # (his party)
)


def courtesy_office(label: str) -> bool:
    """Whether a label is a chamber's office with its courtesy title ("M. le président")."""
    return _COURTESY_OFFICE.fullmatch(label.strip()) is not None


def numbered_part(label: str) -> bool:
    """Whether a label is one of several who share a part ("Экскурсовод 2")."""
    role = _NUMBERED_ROLE.fullmatch(label.strip())
    return role is not None and not _HEADING_WORD.fullmatch(role[1])


# Who speaks in a courtroom or a studio by his part alone: "THE COURT:", "THE WITNESS:".
_ROLE = re.compile(
    r"(?i:the\s+(?:court|witness|clerk|bailiff|interpreter|defendant|accused|prosecutor|"
    r"foreman|registrar|moderator|host|presenter|interviewer|narrator|announcer|videographer|"
    r"(?:court )?reporter|stenographer|deponent|marshal|usher|operator))"
)


_BRACKETED_PART = re.compile(r"\[([^\W\d_][^\[\]\d]{1,60})\]")
_STAGE_WORDS = re.compile(r"(?i:laughter|applause|inaudible|crosstalk|pause|music)")
_QUOTED_TITLE = re.compile(r"«([^\W\d_][^»]{0,30})»")


def name_speaker(label: str, registry: Registry, shown: str | None = None) -> Speaker | None:
    """The person a name denotes by the reference data, or an unresolved participant if it
    is name-shaped (up to four capitalised words or initials, or an office alone such as
    "The President"); None if it is not a name."""
    label = label.strip()
    shown = shown or label
    slug = registry.resolve_name(label)
    if slug:
        return Speaker(slug, shown)
    if _CLASSIFICATION.fullmatch(label):
        return None
    if office := _COURTESY_OFFICE.fullmatch(label):
        # "M. le président", "Mme la ministre", "El señor presidente": a chamber's office
        return Speaker(slugify(office["office"] or office["chair"]), shown, resolved=False)
    if member := _COURTESY_MEMBER.fullmatch(label):
        return name_speaker(member["name"], registry, shown)  # "La señora Arévalo Araya"
    titles, named = split_titles(_words(label), registry)
    if titles and named and (slug := registry.resolve_name(" ".join(named))):
        return Speaker(slug, shown)
    if (
        named
        and label.split()[0].lower() == "the"
        and (label.isupper() or _PLACE.search(label))
        and not _ROLE.fullmatch(label)
    ):
        return None  # "THE WHITE HOUSE", "The Oval Office": a place, not "The Emir"
    if quoted := _QUOTED_TITLE.fullmatch(label):
        return Speaker(slugify(quoted[1]), shown, resolved=False)  # "«NN»", the paper asking
    if (withheld := _BRACKETED_PART.fullmatch(label)) and not _STAGE_WORDS.search(label):
        # "[SENIOR STATE DEPARTMENT OFFICIAL]": a background briefing's speaker, unnamed
        return Speaker(slugify(withheld[1]), shown, resolved=False)
    if _NAMELESS.fullmatch(label) or WITHHELD_NAME.fullmatch(label) or numbered_part(label):
        # "II мужчина", "Голос из зала", "[name not declassified]", "Экскурсовод 2"
        return Speaker(slugify(label), shown, resolved=False)
    words = [*titles, *named]
    # Up to five words of a name, after an office the reference data knows ("Secretary of
    # State George P. Shultz")
    if not 1 <= len(words) <= 8 or len(named) > 5:
        return None
    checked = named if titles and named else words
    # (a particle before a word of the name: "Général de Gaulle", "Ludwig van Beethoven")
    particles = {i for i, w in enumerate(checked[:-1]) if w in PARTICLES}
    if not named:  # (an office's small words: "Secretary of State", "Minister for War")
        particles |= {i for i, w in enumerate(checked[1:-1], 1) if w.lower() in SMALL_WORDS}
    if not all(LABEL_WORD.match(w) for i, w in enumerate(checked) if i not in particles):
        return None
    words_checked = {
        name_key(w) for w in named if (len(w) > 1 or HAN.match(w)) and not INITIALS.fullmatch(w)
    }
    if words_checked & NOT_NAMES:
        return None  # "In Albania", "CLASSIFIED BY", "What I"
    if {name_key(words[0]), name_key(label)} & FIELD_WORDS or is_field_key(label):
        return None
    if len(words) > 1 and name_key(words[-1]) in _FIELD_ENDS:
        return None
    if named and all(INITIALS.fullmatch(w) for w in named) and titles:
        return None  # "Mr. N.S.": a title and initials, no name
    kept = [w for w in named if not w.endswith(".")] or named or titles
    return Speaker(slugify(" ".join(kept)), shown, resolved=False)
