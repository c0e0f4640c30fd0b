import re

import pytest

from app.ingest.registry import PhraseMatcher, load_registry
from app.textnorm import (
    cyrillic_language,
    fold,
    forms_pattern,
    latin_language,
    name_key,
    script_language,
    tokens,
    word_matches,
)
from tests.conftest import SEED_DIR, SEED_FILE


def one(word: str):
    return next(tokens(word))


def test_name_variants_share_a_key():
    assert len({name_key(n) for n in ["Мао Цзэ-дун", "Мао Цзе-дун", "мао цзэдун"]}) == 1
    assert name_key("Mao Tse-tung") == name_key("mao tse tung")
    assert name_key("Chou En-lai") != name_key("Zhou Enlai")  # aliases, not folding, join these


def test_fold_restores_the_hard_sign_and_drops_yo():
    assert fold('об"явить') == "объявить"
    assert fold("ещё") == "еще"
    assert len(fold('об"явить')) == len('об"явить')  # offsets survive folding


def test_inflected_forms_match_but_neighbours_do_not():
    assert word_matches(one("Дальнем"), one("Дальний"))
    assert word_matches(one("кредите"), one("кредит"))
    assert word_matches(one("Тибетцев"), one("Тибет"))
    assert word_matches(one("Japanese"), one("Japan"))
    assert not word_matches(one("дальнейшем"), one("Дальний"))  # capitalised name only
    assert not word_matches(one("army"), one("arms"))
    assert not word_matches(one("за"), one("займ"))


def test_a_name_matches_its_inflections_not_longer_words_of_its_stem():
    assert word_matches(one("Дальнего"), one("Дальний"))
    assert word_matches(one("Dalny"), one("Dalny"))
    # Snowball stems both to дальн; at the start of a sentence it is capitalised too.
    assert not word_matches(one("Дальнейшем"), one("Дальний"))
    assert not word_matches(one("Дальнейшие"), one("Дальний"))
    # A root of two letters matches only the name as written: Линь is not a form of Ли.
    assert word_matches(one("Ли"), one("Ли")) and not word_matches(one("Линь"), one("Ли"))


def test_an_acronym_matches_only_itself_in_capitals():
    assert word_matches(one("LET"), one("LET"))
    assert not word_matches(one("Let"), one("LET"))  # "Let us move over to…"
    assert not word_matches(one("let"), one("LET"))
    assert word_matches(one("КЧЖД"), one("КЧЖД")) and not word_matches(one("Кчжд"), one("КЧЖД"))
    assert not word_matches(one("USSR"), one("USA"))


def test_a_word_spelled_as_one_name_is_not_a_form_of_another():
    matcher = PhraseMatcher([("topic:mita", "линия Мита"), ("topic:mito", "линия Мито")])
    assert [m.key for m in matcher.find("о линии Мито")] == ["topic:mito"]
    assert [m.key for m in matcher.find("о линии Мита")] == ["topic:mita"]


def _seed_names() -> list[str]:
    """Every one-word spelling of a person or topic in the reference data."""
    registry = load_registry(SEED_DIR)
    spellings = {s for person in registry.persons.values() for s in person.spellings()}
    spellings |= {alias for topic in registry.topics.values() for _, alias in topic.all_aliases()}
    return sorted(s for s in spellings if len(list(tokens(s))) == 1 and one(s).capitalised)


@pytest.mark.parametrize("name", _seed_names())
def test_search_finds_a_name_in_the_words_the_tagger_takes_for_it(name: str) -> None:
    # Search matches names in raw text with forms_pattern, the tagger with word_matches:
    # over every word of the seed, capitalised or not, the two agree.
    pattern = re.compile(forms_pattern([name]))
    words = set(re.findall(r"[^\W_]+", SEED_FILE.read_text(encoding="utf-8")))
    for word in words:
        expected = word_matches(one(word), one(name))
        assert bool(pattern.fullmatch(word)) == expected, (word, name)


def test_script_decides_the_language():
    assert script_language("Сталин: Верно.") == "ru"
    assert script_language("Stalin: True.") == "en"
    assert script_language("毛主席：好。") == "zh"
    assert script_language("29") is None


def test_the_common_words_name_a_latin_script_language() -> None:
    spanish = (
        "Nosotros celebramos mucho este campeonato porque hacía muchos años que no ganábamos. "
        "Yo creo que el gran secreto tiene que ver con el técnico, que es un hombre joven en el "
        "que muy pocos creían. Fue a buscar jugadores muy jóvenes y la presencia de Messi es "
        "un valor para el equipo, como lo es para todos los que lo tienen con ellos."
    )
    french = (
        "Il est possible. Il n'est pas certain, mais ce que je voulais avec cette visite, "
        "c'est de mettre toutes les conditions de notre côté. Les Chinois sont avec nous sur "
        "le climat, et nous avons dans cette affaire une responsabilité que nous partageons "
        "avec eux, pour les pays qui sont les plus pauvres et qui souffrent le plus."
    )
    portuguese = (
        "Eu acho que não é possível governar um país com mentiras. O povo sabe o que é isso, "
        "e você também sabe, porque as pessoas estão cansadas de notícias falsas. Isso não é "
        "política, é crime, e nós vamos tratar isso com os instrumentos que a lei dá ao Estado "
        "e com a ajuda de quem também quer a verdade nas redes e nas ruas do país. Não é uma "
        "questão de partido, é uma questão de respeito ao eleitor e ao voto dele."
    )
    czech = (
        "To je dlouhý příběh, ale zkusím to krátce. Když jsem tam byl poprvé, nebylo to jako "
        "dnes. Jsme tehdy jen čekali, co bude, a nikdo nevěděl, jak to dopadne. Také jsme "
        "nevěděli, jestli to není past, a tak jsme byli opatrní."
    )
    serbo_croatian = (
        "Bio je to novembar, i tada sam bio otpravnik poslova. Svi smo znali da je vrijeme "
        "teško, ali nije bilo drugog puta. Pitao nas je šta mislimo i kako se osjećamo, a mi "
        "smo samo rekli da je to za nas velika čast i da ćemo učiniti sve što treba."
    )
    assert latin_language(spanish) == "es"
    assert latin_language(french) == "fr"
    assert latin_language(portuguese) == "pt"
    assert latin_language(czech) == "cs"  # (not Polish, for the words they share)
    assert latin_language(serbo_croatian) == "sh"
    # English with a French phrase or two, and a short line, stay English
    assert latin_language("The President said that the talks avec le Premier were good.") == "en"
    assert latin_language("Hola. Buenos días.") == "en"


def test_ukrainian_letters_name_a_cyrillic_text_ukrainian() -> None:
    ukrainian = "— Ми готові до переговорів, але не ціною нашої землі. Це їхня війна, не наша."
    assert cyrillic_language(ukrainian) == "uk"
    assert cyrillic_language("— Мы готовы к переговорам, но не ценой нашей земли.") == "ru"
