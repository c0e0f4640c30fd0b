"""Folding, tokenising and stemming shared by ingest, name matching and search.

Everything that decides whether two spellings are "the same word" lives here, so
the loader, the topic tagger and the search index can never disagree.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from os.path import commonprefix

import opencc
import Stemmer

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_HAN_LETTERS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN = re.compile(f"[{_HAN_LETTERS}]")
HANGUL_LETTERS = "\uac00-\ud7a3"  # the syllables a word is written in, for a character class
HANGUL = re.compile(rf"[{HANGUL_LETTERS}\u1100-\u11FF\u3130-\u318F]")
KATAKANA = "\u30a1-\u30ff"  # (with the "・" and "ー" of foreign names: "ケリー")
# Kana that only Japanese writes (not the "・" and "ー" a Chinese page may use too).
_KANA_LETTERS = "\u3041-\u309f\u30a1-\u30fa\u30fd-\u30ff"
KANA = re.compile(f"[{_KANA_LETTERS}]")
# Cyrillic letters for a character class: Russian's with Ukrainian's and Belarusian's own
# (І Ї Є Ґ Ў), so that "Ігор" and "Ўладзімір" are names as "Игорь" is.
CYRILLIC_CAPITALS = "А-ЯЁІЇЄҐЎ"
CYRILLIC_SMALL = "а-яёіїєґў"
# Latin and Cyrillic letters, capital and small, for a character class ("[{UPPER}][{LOWER}]+").
UPPER = f"A-Z{CYRILLIC_CAPITALS}"
LOWER = f"a-z{CYRILLIC_SMALL}"
# Capital letters a name may open with, for a character class: Latin (with the consonants
# Central Europe marks: "Černík", "Łukasz", "Šťastný"; not the accented vowels a French or
# Norwegian paper's section opens with, "Économie:", "Økonomi:") and Cyrillic.
CAPITALS = f"A-ZĆČĎĐĹĽŁŃŇŔŘŚŠŤŹŻŽ{CYRILLIC_CAPITALS}"

# Pre-reform typescripts and their OCR write the hard sign as a quote: об"явить.
_HARD_SIGN_QUOTE = re.compile(
    r"(?<=[бвгджзклмнпрстфхцчшщБВГДЖЗКЛМНПРСТФХЦЧШЩ])[\"'’](?=[еёюяЕЁЮЯ])"
)
WORD = re.compile(r"[^\W_]+")  # a word: letters and digits
_local = threading.local()

STEMMER_LANGUAGES = {"en": "english", "ru": "russian"}


def fold(text: str) -> str:
    """Spelling-insensitive form used for matching and indexing (not for display).

    Every substitution keeps the length, so offsets into the folded text are
    offsets into the original. Traditional Chinese characters become simplified
    ones (毛澤東 is 毛泽东).
    """
    text = _HARD_SIGN_QUOTE.sub("ъ", text)
    text = text.replace("ё", "е").replace("Ё", "Е")
    return simplified(text) if HAN.search(text) else text


def _converter() -> opencc.OpenCC:
    # OpenCC's data (a maintained table, not a hand-made one); one converter a thread.
    converter: opencc.OpenCC | None = getattr(_local, "t2s", None)
    if converter is None:
        converter = _local.t2s = opencc.OpenCC("t2s")
    return converter


@lru_cache(maxsize=1 << 15)
def _simplified_character(char: str) -> str:
    converted: str = _converter().convert(char)
    return converted if len(converted) == 1 else char


def simplified(text: str) -> str:
    """Traditional Chinese as simplified, character for character (so of the same length;
    OpenCC's phrase conversions that would change the length are not taken)."""
    converted: str = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_simplified_character(ch) if HAN.match(ch) else ch for ch in text)


def script_language(text: str) -> str | None:
    """The language a run of text is written in, judged by its dominant script (web
    addresses, Latin in every language, left out)."""
    if "://" in text or "www." in text:
        text = _WEB_ADDRESS.sub("", text)
    counts: dict[str, int] = {}
    for lang, letters in _SCRIPTS:
        counts[lang] = len(letters.findall(text))
        if counts[lang] * 2 > len(text):
            return lang  # (more than half the text: no other script can have more)
    lang, count = max(counts.items(), key=lambda item: item[1])
    return lang if count else None


_WEB_ADDRESS = re.compile(r"\b(?:[a-z]+://|www\.)\S+")
# A Japanese text's kana count with its Chinese characters ("zh" names the script,
# `han_language` the language); the other scripts are each one language's, or the one the
# archives mostly publish in (Devanagari for Hindi).
_SCRIPTS = (
    ("en", LATIN),
    ("ru", CYRILLIC),
    ("zh", re.compile(f"[{_HAN_LETTERS}{_KANA_LETTERS}]")),
    ("ko", HANGUL),
    ("ar", re.compile(r"[\u0620-\u064A\u066E-\u06D3\u0750-\u077F\u08A0-\u08C7]")),
    ("he", re.compile(r"[\u05D0-\u05EA]")),
    ("el", re.compile(r"[\u0386-\u03CE\u1F00-\u1FFC]")),
    ("hi", re.compile(r"[\u0904-\u0939\u0958-\u0961]")),
    ("th", re.compile(r"[\u0E01-\u0E30]")),
    ("ka", re.compile(r"[\u10D0-\u10FA]")),
    ("hy", re.compile(r"[\u0531-\u0556\u0561-\u0587]")),
)


# Kana among a text's Chinese characters above which it is Japanese: prose runs to half or
# more; a Chinese page quoting a Japanese name or two stays far below.
_KANA_SHARE = 0.15


_QUOTED_TITLE = re.compile(r"《[^》]{0,40}》|「[^」]{0,40}」|『[^』]{0,40}』")


def han_language(text: str) -> str:
    """Which language a text in Chinese characters is in: Japanese where kana make a good
    share of it, Chinese otherwise."""
    sample = _QUOTED_TITLE.sub("", text[:20000])  # (a Chinese page's 《ドラえもん》)
    kana = len(KANA.findall(sample))
    han = len(HAN.findall(sample))
    return "ja" if kana and kana >= (kana + han) * _KANA_SHARE else "zh"


# Words that occur in nearly every page of a language written in Latin letters and seldom
# in the others: what tells a French or German record from an English one.
_COMMON_WORDS = {
    "en": "the and of to that is was he it with for this have not you",
    "fr": "le les des est et que une du dans pas nous vous qui sur au avec",
    "de": "der die das und ist nicht ein eine zu wir sie den mit auf dem auch",
    "es": "el los las que y es por una con del se lo su para como muy",
    "it": "il che di è non per una sono del della gli lo questo anche",
    "pt": "não uma com os as do da dos das em um mais ao isso você também",
    "nl": "het een en van dat niet op zijn wij ook maar voor naar wordt deze",
    "pl": "nie się jest że na jak ale czy tak co to już przez dla jestem",
    # (with the words they share with Polish: their own tell them apart)
    "cs": "je se že na jak ale tak co to jsem jsme jsou jako také nebo byl bylo není pro když",
    "sk": "je sa že na ale tak co to som sme sú ako aj alebo tiež bol bolo pre keď",
    # (Serbian, Croatian and Bosnian in Latin letters, one language to this count)
    "sh": "je se da su za od sam smo što šta kako ali bio bila nije samo",
}


def _languages_by_word() -> dict[str, list[str]]:
    """Each common word with the languages it is common in: one look-up a word of a text."""
    by_word: dict[str, list[str]] = {}
    for lang, words in _COMMON_WORDS.items():
        for word in words.split():
            by_word.setdefault(word, []).append(lang)
    return by_word


_FUNCTION_WORDS = _languages_by_word()
_LATIN_WORD = re.compile(r"[^\W\d_]+")


def latin_language(text: str) -> str:
    """Which language a text in Latin letters is in: English unless another language's
    common words clearly outnumber English ones (twice as many, and twenty at least, or in
    a short text one word in ten and four at least)."""
    counts = dict.fromkeys(_COMMON_WORDS, 0)
    found = _LATIN_WORD.findall(text[:20000].lower())
    for word in found:
        for lang in _FUNCTION_WORDS.get(word, ()):
            counts[lang] += 1
    lang, count = max(counts.items(), key=lambda item: item[1])
    enough = min(_ENOUGH_WORDS, max(_FEWEST_WORDS, len(found) // 10))
    return lang if count >= enough and count >= 2 * counts["en"] else "en"


_ENOUGH_WORDS = 20  # another language's common words that name a long text's language
_FEWEST_WORDS = 4  # and a short one's, where they are one word in ten


# Letters Ukrainian writes and Russian never did (the old Russian spelling had "і" too).
_UKRAINIAN = re.compile(r"[їєґЇЄҐ]")


def cyrillic_language(text: str) -> str:
    """Which language a text in Cyrillic letters is in: Russian unless Ukrainian's own
    letters make more than one in two hundred of its letters."""
    sample = text[:20000]
    letters = len(CYRILLIC.findall(sample))
    return "uk" if letters and len(_UKRAINIAN.findall(sample)) * 200 > letters else "ru"


def word_language(word: str) -> str | None:
    if CYRILLIC.search(word):
        return "ru"
    if LATIN.search(word):
        return "en"
    if HAN.search(word):
        return "zh"
    if HANGUL.search(word):
        return "ko"
    return None


def _stemmer(lang: str) -> Stemmer.Stemmer | None:
    # PyStemmer objects keep a cache and are not safe to share between threads.
    cache: dict[str, Stemmer.Stemmer] | None = getattr(_local, "stemmers", None)
    if cache is None:
        cache = _local.stemmers = {}
    if lang not in cache:
        algorithm = STEMMER_LANGUAGES.get(lang)
        if algorithm is None:
            return None
        cache[lang] = Stemmer.Stemmer(algorithm)
    return cache[lang]


def stem(word: str, lang: str | None = None) -> str:
    """Snowball stem of one word (folded and lower-cased first); the script picks the
    language unless `lang` is given."""
    return _stem(fold(word).lower(), lang)


def stem_folded(word: str) -> str:
    """`stem` for a word that is already folded and lower-cased (the hot path)."""
    return _stem(word, None)


@lru_cache(maxsize=1 << 18)
def _stem(word: str, lang: str | None) -> str:
    # Records repeat their vocabulary: caching makes stemming a dictionary look-up.
    stemmer = _stemmer(lang or word_language(word) or "")
    return stemmer.stemWord(word) if stemmer else word


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # as written (after folding)
    lower: str
    stem: str
    start: int  # offsets into the folded text, which has the same length as the input
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def acronym(self) -> bool:
        """All capitals, more than one letter: USA, КЧЖД, TASS."""
        return len(self.text) > 1 and self.text.isupper()

    @property
    def root(self) -> str:
        """The letters the word shares with its stem: the part its inflections keep
        (Dalny -> daln, since its stem is dalni)."""
        return commonprefix([self.lower, self.stem])  # noqa: RUF071 (characters are meant)


def tokens(text: str) -> Iterator[Token]:
    """Words of `text`; hyphens split (Порт-Артур is two words, like Port Arthur)."""
    folded = fold(text)
    for match in WORD.finditer(folded):
        word = match.group()
        if HAN.search(word):
            continue  # Chinese has no spaces; callers match it by substring
        lower = word.lower()
        yield Token(word, lower, _stem(lower, None), match.start(), match.end())


# A name's inflections add at most this many letters to its root: Дальн-его, Japan-ese.
NAME_ENDING = 3


def word_matches(token: Token, pattern: Token) -> bool:
    """Whether `token` is an inflected form of `pattern`.

    An acronym (all capitals: USA, КЧЖД) is only itself in capitals: "Let" is not
    LET. Another capitalised pattern is a name: it matches a capitalised word that
    extends its root by at most three letters (Дальнем, Дальнего ~ Дальний; Тибетцев ~
    Тибет; Japanese ~ Japan), never a longer word that shares its Snowball stem
    (Дальнейшем); a root shorter than three letters matches only the name as written.
    Any other word matches a word of its Snowball stem, or, since stems are not always
    consistent across a paradigm (кредит → кредит, кредите → кред), a word that extends
    a stem of four or more letters by at most three: Микояну ~ Микоян.
    """
    if pattern.acronym:
        return token.lower == pattern.lower and token.text.isupper()
    if pattern.capitalised:
        if not token.capitalised:
            return False
        if token.lower == pattern.lower:
            return True
        root = pattern.root
        return (
            len(root) >= 3
            and token.lower.startswith(root)
            and len(token.lower) - len(root) <= NAME_ENDING
        )
    if token.lower == pattern.lower:
        return True
    if token.stem == pattern.stem:
        # Snowball cuts some short words to almost nothing (займ -> за).
        return len(pattern.stem) >= 3
    root = pattern.stem
    return len(root) >= 4 and token.lower.startswith(root) and len(token.lower) - len(root) <= 3


# Letters and digits of the scripts names are matched in, for regular expressions that
# Python's re and PostgreSQL's ~ both read (code point ranges, no \w: PostgreSQL's
# depends on the database's locale).
_LETTER = "0-9A-Za-z\u00c0-\u024f\u0400-\u04ff"


def _letter_pattern(letter: str, *, any_case: bool) -> str:
    """One letter of a name, as it may be written: ё for е, a quote for ъ."""
    forms = {letter, letter.lower(), letter.upper()} if any_case else {letter}
    for plain, written in (("е", "ё"), ("Е", "Ё"), ("ъ", "\"'’"), ("Ъ", "\"'’")):
        if plain in forms:
            forms.update(written)
    if len(forms) == 1:
        return re.escape(letter)
    return "[" + "".join(sorted(re.escape(f) if f in "\\]^-" else f for f in forms)) + "]"


def _word_pattern(word: Token) -> str:
    """A regular expression for the words `word_matches(word, pattern=word)` accepts,
    as far as letters tell (a lower-case word: its root and any ending; the index's
    stems do the rest)."""
    if word.acronym:
        return "".join(_letter_pattern(ch, any_case=False) for ch in word.text)
    if not word.capitalised:
        root = word.root or word.lower
        return "".join(_letter_pattern(ch, any_case=True) for ch in root) + f"[{_LETTER}]*"
    first = _letter_pattern(word.text[0], any_case=False)
    if len(word.root) < 3:
        return first + "".join(_letter_pattern(ch, any_case=True) for ch in word.lower[1:])
    rest = "".join(_letter_pattern(ch, any_case=True) for ch in word.root[1:])
    return f"{first}{rest}[{_LETTER}]{{0,{NAME_ENDING}}}"


def forms_pattern(names: Iterable[str]) -> str:
    """A regular expression (for Python's re and PostgreSQL's ~ alike) that finds any
    form of any of `names` in raw text, words matched as `word_matches` matches them."""
    alternatives = []
    for name in names:
        words = [_word_pattern(word) for word in tokens(name)]
        if words:
            alternatives.append(f"[^{_LETTER}]+".join(words))
    return f"(?<![{_LETTER}])(?:{'|'.join(alternatives)})(?![{_LETTER}])"


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Key under which spellings of one name collide: Мао Цзэ-дун = Мао Цзе-дун = мао цзэдун.

    Case, diacritics, spacing and punctuation are dropped; Russian э folds to е
    because transliterations of Chinese names use both.
    """
    decomposed = unicodedata.normalize("NFKD", fold(name))
    letters = "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))
    return letters.casefold().replace("э", "е")


_CYRILLIC_LATIN = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ё": "e",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "й": "i",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ы": "y",
        "ь": "",
        "э": "e",
        "ю": "yu",
        "я": "ya",
        "і": "i",
        "ї": "yi",
        "є": "ye",
        "ґ": "g",
    }
)
SLUG_LENGTH = 120  # documents.slug and participants.slug


def slugify(text: str) -> str:
    """A URL-friendly id: lower case, Cyrillic transliterated, other letters (Chinese)
    kept, everything else a hyphen; at most SLUG_LENGTH characters. Text with no letters
    at all gets a short hash, so distinct names never share an empty id."""
    slug = re.sub(r"[^\w]+", "-", fold(text).lower().translate(_CYRILLIC_LATIN)).strip("-_")
    slug = slug.replace("_", "-")
    if not slug:
        return "x-" + hashlib.blake2b(text.encode(), digest_size=5).hexdigest()
    if len(slug) > SLUG_LENGTH:  # keep it unique: a hash of the whole stands for the cut tail
        digest = hashlib.blake2b(slug.encode(), digest_size=5).hexdigest()
        slug = slug[: SLUG_LENGTH - len(digest) - 1].rstrip("-") + "-" + digest
    return slug
