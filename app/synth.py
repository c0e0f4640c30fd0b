"""A deterministic synthetic corpus in the seed's format, for measuring at scale.

Every document is a Wilson Center page: a header, a Russian original with page
debris and broken paragraphs, and an aligned English translation with editorial
brackets; speakers are drawn from a generated cast with name variants in both
languages, and topics open as agenda items the following turns inherit. The
real parser and loader are what get measured.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from app.textnorm import name_key

# Syllables that read as names in both scripts: (latin, cyrillic).
_SYLLABLES = [
    ("ka", "ка"),
    ("ro", "ро"),
    ("vin", "вин"),
    ("mar", "мар"),
    ("li", "ли"),
    ("sen", "сен"),
    ("to", "то"),
    ("ber", "бер"),
    ("na", "на"),
    ("dan", "дан"),
    ("mi", "ми"),
    ("kol", "коль"),
    ("ta", "та"),
    ("rus", "рус"),
    ("vo", "во"),
    ("len", "лен"),
    ("pa", "па"),
    ("gor", "гор"),
    ("sa", "са"),
    ("tin", "тин"),
    ("bo", "бо"),
    ("ril", "риль"),
    ("de", "де"),
    ("mon", "мон"),
]
_CHINESE = [
    ("Zhang", "Чжан"),
    ("Wang", "Ван"),
    ("Li", "Ли"),
    ("Zhao", "Чжао"),
    ("Chen", "Чэнь"),
    ("Liu", "Лю"),
    ("Yang", "Ян"),
    ("Huang", "Хуан"),
    ("Wu", "У"),
    ("Zhou", "Чжоу"),
    ("Xu", "Сюй"),
    ("Sun", "Сунь"),
    ("Ma", "Ма"),
    ("Zhu", "Чжу"),
    ("Hu", "Ху"),
    ("Guo", "Го"),
    ("He", "Хэ"),
    ("Gao", "Гао"),
    ("Lin", "Линь"),
    ("Luo", "Ло"),
]
_GIVEN_CN = [
    ("wei", "вэй"),
    ("ming", "мин"),
    ("jun", "цзюнь"),
    ("hua", "хуа"),
    ("ping", "пин"),
    ("qiang", "цян"),
    ("lin", "линь"),
    ("dong", "дун"),
    ("bo", "бо"),
    ("xiang", "сян"),
]
_GIVEN_RU = [
    ("Ivan", "Иван", "I."),
    ("Pyotr", "Петр", "P."),
    ("Nikolai", "Николай", "N."),
    ("Sergei", "Сергей", "S."),
    ("Andrei", "Андрей", "A."),
    ("Mikhail", "Михаил", "M."),
    ("Vasily", "Василий", "V."),
    ("Georgy", "Георгий", "G."),
    ("Boris", "Борис", "B."),
    ("Fyodor", "Федор", "F."),
]
_KINDS = [
    ("railway", "железная дорога", "railway"),
    ("port", "порт", "port"),
    ("naval base", "военно-морская база", "base"),
    ("credit line", "кредитная линия", "credit"),
    ("border commission", "пограничная комиссия", "border"),
    ("oil fields", "нефтепромыслы", "oil"),
    ("airfield", "аэродром", "airfield"),
    ("power station", "электростанция", "power"),
    ("trade mission", "торговое представительство", "trade"),
    ("steel works", "металлургический комбинат", "steel"),
]
_TITLES_EN = ["Comrade", "Chairman", "Premier", "Minister", "Ambassador"]


@dataclass(frozen=True, slots=True)
class Person:
    slug: str
    en: str  # full name in English
    ru: str  # full name in Russian
    label_en: str  # how the record labels turns
    label_ru: str
    variants: tuple[str, ...]  # other spellings found in the records


@dataclass(frozen=True, slots=True)
class Topic:
    slug: str
    en: str
    ru: str
    abbreviation: tuple[str, str] | None  # (latin, cyrillic), where still free


def _word(rng: random.Random, parts: int) -> tuple[str, str]:
    chosen = [rng.choice(_SYLLABLES) for _ in range(parts)]
    return "".join(p[0] for p in chosen).capitalize(), "".join(p[1] for p in chosen).capitalize()


def cast(rng: random.Random, people: int, taken: set[str]) -> list[Person]:
    """A cast of Soviet-style and Chinese-style names, each with variant spellings; no
    spelling folds to the same key as another person's (or as one in `taken`)."""
    out: list[Person] = []
    seen = set(taken)
    while len(out) < people:
        if rng.random() < 0.5:
            surname_en, surname_ru = _word(rng, rng.choice([2, 3]))
            surname_en, surname_ru = surname_en + "ov", surname_ru + "ов"
            given_en, given_ru, initial = rng.choice(_GIVEN_RU)
            ru_initial = given_ru[0] + "."
            en, ru = f"{given_en} {surname_en}", f"{given_ru} {surname_ru}"
            label_en, label_ru = surname_en, surname_ru
            variants = (f"{initial} {surname_en}", f"{ru_initial} {surname_ru}")
        else:
            (family_en, family_ru) = rng.choice(_CHINESE)
            (a_en, a_ru), (b_en, b_ru) = rng.choice(_GIVEN_CN), rng.choice(_GIVEN_CN)
            en = f"{family_en} {a_en.capitalize()}{b_en}"
            ru = f"{family_ru} {a_ru.capitalize()}{b_ru}"
            label_en, label_ru = en, ru
            # The Russian records hyphenate the given name: Чжан Вэй-мин.
            variants = (
                f"{family_ru} {a_ru.capitalize()}-{b_ru}",
                f"{family_en} {a_en.capitalize()}-{b_en}",
            )
        slug = "synth-" + "-".join(en.lower().split())
        keys = {name_key(s) for s in (en, ru, label_en, label_ru, *variants)} | {slug}
        if keys & seen:
            continue
        seen |= keys
        out.append(Person(slug, en, ru, label_en, label_ru, variants))
    return out


def topics(rng: random.Random, count: int, taken: set[str]) -> list[Topic]:
    """Places with a kind of subject (a port, a loan), most with an abbreviation; no
    name or abbreviation folds to the same key as another topic's (or one in `taken`).
    Abbreviations are few (two letters and a kind), so a later topic may go without."""
    out: list[Topic] = []
    seen = set(taken)
    while len(out) < count:
        place_en, place_ru = _word(rng, 2)
        kind_en, kind_ru, short = rng.choice(_KINDS)
        en, ru = f"{place_en} {kind_en}", f"{kind_ru} {place_ru}"
        slug = f"synth-{place_en.lower()}-{short}"
        abbreviation = (
            place_en[:2].upper() + short[0].upper(),
            place_ru[:2].upper() + kind_ru[0].upper(),
        )
        keys = {name_key(en), name_key(ru), slug}
        if keys & seen:
            continue
        seen |= keys
        short_keys = {name_key(a) for a in abbreviation}
        if short_keys & seen:
            out.append(Topic(slug, en, ru, None))
            continue
        seen |= short_keys
        out.append(Topic(slug, en, ru, abbreviation))
    return out


# Aligned sentence templates: (english, russian). {t} a topic, {p} a person.
_OPENINGS = [
    ("Let us move over to the question of the {t}.", "Перейдем к вопросу о {t}."),
    ("Let us discuss the {t}.", "Давайте обсудим {t}."),
    ("The question of the {t}.", "Вопрос о {t}."),
]
_STATEMENTS = [
    (
        "We believe that this question needs to be further examined.",
        "Мы считаем, что этот вопрос нужно дополнительно изучить.",
    ),
    ("That is right.", "Правильно."),
    ("We agree with this proposal.", "Мы согласны с этим предложением."),
    (
        "The agreement should take into account the interests of both sides.",
        "Соглашение должно учитывать интересы обеих сторон.",
    ),
    (
        "We cannot accept such conditions at the present time.",
        "В настоящее время мы не можем принять такие условия.",
    ),
    (
        "It would be better to prepare a draft and exchange opinions.",
        "Лучше подготовить проект и обменяться мнениями.",
    ),
    (
        "The shipments should begin no later than next year.",
        "Поставки должны начаться не позднее будущего года.",
    ),
    (
        "Our comrades have doubts about the duration of the agreement.",
        "У наших товарищей есть сомнения относительно срока действия соглашения.",
    ),
    (
        "This would go against the existing provision for parity.",
        "Это пошло бы вразрез с существующим принципом паритетности.",
    ),
    ("The question is clear.", "Вопрос ясен."),
    ("How shall we proceed with the delegation?", "Как мы поступим с делегацией?"),
    (
        "The government intends to use the army in economic construction.",
        "Правительство намерено использовать армию в хозяйственном строительстве.",
    ),
]
_NAMING = [
    (
        "The {t} must remain under joint administration.",
        "{T} должна оставаться под совместным управлением.",
    ),
    ("What is your opinion on the {t}?", "Каково Ваше мнение о {t}?"),
    (
        "We propose to transfer the {t} without compensation.",
        "Мы предлагаем передать {t} без компенсации.",
    ),
]
_MENTION = [
    (
        "I think we should entrust this question to comrade {p}.",
        "Я думаю, что нужно поручить этот вопрос товарищу {p}.",
    ),
    (
        "As [the minister] {p} reported, the work is going well.",
        "Как сообщил {p}, работа идет хорошо.",
    ),
]
_CLOSING = ("What other questions do you have?", "Какие еще имеются вопросы?")


def _sentence(
    rng: random.Random, turn_topic: Topic | None, people: list[Person]
) -> tuple[str, str]:
    roll = rng.random()
    if turn_topic and roll < 0.15:
        en, ru = rng.choice(_NAMING)
        return en.format(t=turn_topic.en), ru.format(
            t=turn_topic.ru, T=turn_topic.ru[:1].upper() + turn_topic.ru[1:]
        )
    if roll < 0.2:
        person = rng.choice(people)
        en, ru = rng.choice(_MENTION)
        return en.format(p=person.label_en), ru.format(p=person.label_ru)
    return rng.choice(_STATEMENTS)


def _turns(
    rng: random.Random, speakers: list[Person], agenda: list[Topic], people: list[Person], n: int
) -> Iterator[tuple[Person, list[tuple[str, str]], Topic | None]]:
    """(speaker, paragraphs as (en, ru), the agenda item it belongs to) for n turns; the
    first speaker chairs."""
    chair = speakers[0]
    current: Topic | None = None
    for index in range(n):
        speaker = chair if index % 2 == 0 else rng.choice(speakers[1:])
        paragraphs: list[tuple[str, str]] = []
        if speaker is chair and (current is None or rng.random() < 0.12):
            current = rng.choice(agenda)
            en, ru = rng.choice(_OPENINGS)
            paragraphs.append((en.format(t=current.en), ru.format(t=current.ru)))
        for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
            sentences = [_sentence(rng, current, people) for _ in range(rng.randint(1, 4))]
            paragraphs.append(
                (" ".join(s[0] for s in sentences), " ".join(s[1] for s in sentences))
            )
        about = current
        if speaker is chair and rng.random() < 0.04:
            paragraphs.append(_CLOSING)
            current = None
        yield speaker, paragraphs, about


@dataclass(frozen=True, slots=True)
class Record:
    name: str  # file name
    text: str
    topics: list[str | None]  # each turn's agenda item (a topic id), in order


def document(
    rng: random.Random, number: int, people: list[Person], agenda_pool: list[Topic]
) -> Record:
    """One record: its text, and the topic each of its turns is about. The random draws
    come in a fixed order (a seed makes the same corpus), so the steps below run in it."""
    day = dt.date(1945, 1, 1) + dt.timedelta(
        days=rng.randrange((dt.date(1991, 12, 31) - dt.date(1945, 1, 1)).days)
    )
    speakers = rng.sample(people, rng.randint(2, 5))
    present = rng.sample(people, rng.randint(3, 10))
    agenda = rng.sample(agenda_pool, rng.randint(2, 6))
    turns = list(_turns(rng, speakers, agenda, people, rng.randint(20, 200)))
    title = f"Record of Conversation between {speakers[0].en} and {speakers[1].en}"
    header = _wilson_header(rng, number, day, title, agenda)
    russian, english = _openings(rng, day, title)
    _add_turns(rng, turns, russian, english)
    russian += ["Беседа продолжалась два часа.", ""]
    english += ["The meeting took two hours.", ""]
    russian.append("На беседе присутствовали т.т. " + ", ".join(p.label_ru for p in present) + ".")
    english.append(
        "Present at the meeting were comrs. " + ", ".join(p.label_en for p in present) + "."
    )
    return Record(
        f"synth-{number:05d}.txt",
        "\n".join(header + russian + [""] + english) + "\n",
        [about.slug if about else None for _, _, about in turns],
    )


def _wilson_header(
    rng: random.Random, number: int, day: dt.date, title: str, agenda: list[Topic]
) -> list[str]:
    """The lines of a Wilson Center export's header: date, title, citation, summary."""
    en_date = f"{day:%B} {day.day}, {day.year}"
    return [
        "",
        "",
        f"**{en_date}**",
        "",
        f"**{title}**",
        "",
        "**Citation:**",
        "",
        f'"{title}", {en_date}, Wilson Center Digital Archive, Archive of the President, '
        f"Russian Federation (APRF), f. {rng.randint(3, 99)}, op.{rng.randint(1, 9)}, "
        f"d.{rng.randint(1, 999)}, ll. {rng.randint(1, 50)}-{rng.randint(51, 120)}. "
        "Translated by Synthetic Translator.",
        "",
        f"<https://wilson-center-digital-archive.dvincitest.com/document/{500000 + number}>",
        "",
        "**Summary:**",
        "",
        f"Synthetic record number {number} discussing " + ", ".join(t.en for t in agenda) + ".",
        "",
        "**Original Language:**",
        "",
        "Russian",
        "",
        "**Contents:**",
        "",
        "Original Scan",
        "",
        "Translation - English",
        "",
    ]


_MONTHS_RU = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def _openings(rng: random.Random, day: dt.date, title: str) -> tuple[list[str], list[str]]:
    """The first lines of the Russian original and of the English translation."""
    russian = [
        f"№ {rng.randint(1, 40)}, II",
        "",
        f"{rng.randint(1, 300)}",
        "",
        "## ЗАПИСЬ БЕСЕДЫ",
        "",
        f"{day.day} {_MONTHS_RU[day.month - 1]} {day.year} г.",
        "",
        "После приветствий состоялась беседа следующего содержания.",
        "",
    ]
    english = [
        title,
        "",
        f"{day.day} {day:%B} {day.year}",
        "",
        "After an exchange of greetings, the following conversation took place.",
        "",
    ]
    return russian, english


def _add_turns(
    rng: random.Random,
    turns: list[tuple[Person, list[tuple[str, str]], Topic | None]],
    russian: list[str],
    english: list[str],
) -> None:
    """Each turn's paragraphs in both languages, labelled; now and then a page of the
    original ends inside a paragraph, as in a scan."""
    page = 1
    paragraphs_on_page = 0
    for speaker, paragraphs, _ in turns:
        for index, (en, ru) in enumerate(paragraphs):
            label_en = f"{speaker.label_en}: " if index == 0 else ""
            label_ru = f"{speaker.label_ru}: " if index == 0 else ""
            paragraphs_on_page += 1
            if paragraphs_on_page > 14 and " " in ru and rng.random() < 0.5:
                # A page break inside the paragraph: the next page starts in lower case.
                page += 1
                paragraphs_on_page = 0
                words = ru.split(" ")
                cut = max(1, len(words) // 2)
                head, tail = " ".join(words[:cut]), " ".join(words[cut:])
                if tail[:1].isupper():
                    tail = tail[:1].lower() + tail[1:]
                russian += [label_ru + head, "", f"{page}.", "", tail, ""]
            else:
                russian += [label_ru + ru, ""]
            english += [label_en + en, ""]


def _topic_aliases(topic: Topic) -> dict[str, list[str]]:
    if topic.abbreviation is None:
        return {"en": [topic.en], "ru": [topic.ru]}
    latin, cyrillic = topic.abbreviation
    return {"en": [topic.en, latin], "ru": [topic.ru, cyrillic]}


def reference(people: list[Person], subjects: list[Topic]) -> tuple[dict[str, Any], dict[str, Any]]:
    persons = {
        p.slug: {
            "name": p.en,
            "names": {"en": p.en, "ru": p.ru},
            "description": "A synthetic participant",
            "aliases": [p.label_en, p.label_ru, *p.variants],
        }
        for p in people
    }
    topics_ = {
        t.slug: {
            "label": t.en,
            "description": "A synthetic topic",
            "aliases": _topic_aliases(t),
        }
        for t in subjects
    }
    return persons, topics_


def corpus(
    documents: int, seed: int, seed_dir: Path, people: int = 500, subjects: int = 200
) -> tuple[dict[str, Any], dict[str, Any], Iterator[Record]]:
    """The contents of persons.yaml and topics.yaml (the real reference data with the
    synthetic cast and topics added), and `documents` records made from them."""
    rng = random.Random(seed)
    real_persons = yaml.safe_load((seed_dir / "persons.yaml").read_text(encoding="utf-8"))
    real_topics = yaml.safe_load((seed_dir / "topics.yaml").read_text(encoding="utf-8"))
    taken = {
        name_key(spelling)
        for entry in real_persons["persons"].values()
        for spelling in [entry["name"], *entry.get("names", {}).values(), *entry.get("aliases", [])]
    }
    cast_ = cast(rng, people, taken)
    pool = topics(
        rng,
        subjects,
        {
            name_key(spelling)
            for entry in real_topics["topics"].values()
            for spelling in [
                entry["label"],
                *(alias for aliases in entry.get("aliases", {}).values() for alias in aliases),
            ]
        },
    )
    persons, topics_ = reference(cast_, pool)
    real_persons["persons"].update(persons)
    real_topics["topics"].update(topics_)
    records = (document(rng, number, cast_, pool) for number in range(documents))
    return real_persons, real_topics, records


def write_corpus(
    out: Path, documents: int, seed: int, seed_dir: Path, people: int = 500, subjects: int = 200
) -> int:
    """Write `documents` records and the reference files they need into `out`; returns turns."""
    persons, topics_, records = corpus(documents, seed, seed_dir, people, subjects)
    out.mkdir(parents=True, exist_ok=True)
    for name, data in (("persons.yaml", persons), ("topics.yaml", topics_)):
        (out / name).write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    turns = 0
    for record in records:
        turns += len(record.topics)
        (out / record.name).write_text(record.text, encoding="utf-8")
    return turns
