from app.textnorm import fold, name_key, script_language, tokens, word_matches


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


def test_script_decides_the_language():
    assert script_language("Сталин: Верно.") == "ru"
    assert script_language("Stalin: True.") == "en"
    assert script_language("毛主席：好。") == "zh"
    assert script_language("29") is None
