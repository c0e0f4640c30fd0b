"""Example responses for the OpenAPI document, recorded from the seed by
`python -m tests.api.test_openapi`; a test keeps them equal to the live answers."""

from typing import Any

BASE_URL = "https://parley.example"

EXAMPLES: dict[tuple[str, str], tuple[str, Any]] = {
    ("get", "/healthz"): ("/healthz", {"status": "ok"}),
    ("get", "/readyz"): ("/readyz", {"status": "ready"}),
    ("get", "/v1/documents"): (
        "/v1/documents?participant=Zhou%20Enlai",
        {
            "items": [
                {
                    "counts": {"narration": 3, "participants": 13, "turns": 66},
                    "date": "1950-01-22",
                    "id": "wilson-111245",
                    "languages": ["ru", "en"],
                    "original_language": "ru",
                    "record_type": "record of conversation",
                    "reference": {
                        "archive": "Archive of the President, Russian Federation (APRF)",
                        "delo": "329",
                        "folios": "29-38",
                        "fond": "45",
                        "opis": "1",
                    },
                    "title": "Record of Talks between I.V. Stalin and Chairman "
                    "of the Central People's Government of the "
                    "People's Republic of China Mao Zedong",
                    "url": "https://parley.example/v1/documents/wilson-111245",
                }
            ],
            "next_cursor": None,
            "total": None,
        },
    ),
    ("get", "/v1/documents/{document_id}"): (
        "/v1/documents/wilson-111245",
        {
            "citation": "“Record of Talks between I.V. Stalin and "
            "Chairman of the Central People's "
            "Government of the People's Republic of "
            "China Mao Zedong,” January 22, 1950, "
            "Archive of the President, Russian "
            "Federation (APRF), f. 45, op. 1, d. 329, "
            "ll. 29–38, trans. Danny Rozas, Wilson "
            "Center Digital Archive, "
            "https://wilson-center-digital-archive.dvincitest.com/document/111245.",
            "collection": "Wilson Center Digital Archive",
            "counts": {"narration": 3, "participants": 13, "turns": 66},
            "date": "1950-01-22",
            "debris": [
                {"kind": "stamp", "lang": "ru", "line": 29, "text": "№ 1, II"},
                {"kind": "stamp", "lang": "ru", "line": 31, "text": "- 106"},
                {"kind": "folio", "lang": "ru", "line": 33, "text": "29"},
                {"kind": "page", "lang": "ru", "line": 57, "text": "2."},
                {"kind": "page", "lang": "ru", "line": 109, "text": "5."},
                {"kind": "page", "lang": "ru", "line": 159, "text": "8."},
            ],
            "id": "wilson-111245",
            "languages": ["ru", "en"],
            "layout": "wilson-center",
            "notes": [],
            "original_language": "ru",
            "participants": [
                {
                    "description": None,
                    "id": "stalin",
                    "labels": {"en": "Stalin", "ru": "Сталин"},
                    "name": "Joseph Stalin",
                    "roles": ["speaker", "mentioned"],
                    "turns": 32,
                },
                {
                    "description": None,
                    "id": "mao-zedong",
                    "labels": {"en": "Mao Zedong", "ru": "Мао Цзэ-дун"},
                    "name": "Mao Zedong",
                    "roles": ["speaker", "present"],
                    "turns": 29,
                },
                {
                    "description": None,
                    "id": "molotov",
                    "labels": {"en": "Molotov", "ru": "Молотов"},
                    "name": "Vyacheslav Molotov",
                    "roles": ["speaker", "present", "mentioned"],
                    "turns": 2,
                },
                {
                    "description": None,
                    "id": "zhou-enlai",
                    "labels": {"en": "Zhou Enlai", "ru": "Чжоу Энь-лай"},
                    "name": "Zhou Enlai",
                    "roles": ["speaker", "present", "mentioned"],
                    "turns": 3,
                },
                {
                    "description": None,
                    "id": "malenkov",
                    "labels": {"en": "Malenkov", "ru": "Маленков"},
                    "name": "Georgy Malenkov",
                    "roles": ["present"],
                    "turns": 0,
                },
                {
                    "description": None,
                    "id": "mikoyan",
                    "labels": {"en": "Mikoyan", "ru": "Микоян"},
                    "name": "Anastas Mikoyan",
                    "roles": ["present", "mentioned"],
                    "turns": 0,
                },
                {
                    "description": None,
                    "id": "vyshinsky",
                    "labels": {"en": "Vyshinskii", "ru": "Вышинский"},
                    "name": "Andrei Vyshinsky",
                    "roles": ["present", "mentioned"],
                    "turns": 0,
                },
                {
                    "description": None,
                    "id": "roshchin",
                    "labels": {"en": "Roshchin", "ru": "Родин"},
                    "name": "Nikolai Roshchin",
                    "roles": ["present"],
                    "turns": 0,
                },
                {
                    "description": None,
                    "id": "fedorenko",
                    "labels": {"en": "Fedorenko", "ru": "Федоренко"},
                    "name": "Nikolai Fedorenko",
                    "roles": ["present"],
                    "turns": 0,
                },
                {
                    "description": None,
                    "id": "li-fuchun",
                    "labels": {"en": "Li Fuchun", "ru": "Ли Ту-чунь"},
                    "name": "Li Fuchun",
                    "roles": ["present", "mentioned"],
                    "turns": 0,
                },
                {
                    "description": "PRC Ambassador to the USSR",
                    "id": "wang-jiaxiang",
                    "labels": {"en": "Wang Jiaxiang", "ru": "Ван Цзя-сян"},
                    "name": "Wang Jiaxiang",
                    "roles": ["present"],
                    "turns": 0,
                },
                {
                    "description": "CCP CC member",
                    "id": "chen-boda",
                    "labels": {"en": "Chen Boda", "ru": "Чэнь Бо-да"},
                    "name": "Chen Boda",
                    "roles": ["present"],
                    "turns": 0,
                },
                {
                    "description": None,
                    "id": "shi-zhe",
                    "labels": {"en": "Shi Zhe /Karskii/", "ru": "Ши Чэе /Карский/"},
                    "name": "Shi Zhe",
                    "roles": ["present"],
                    "turns": 0,
                },
                {
                    "description": None,
                    "id": "chiang-kai-shek",
                    "labels": {"ru": "Чан Кай-ши"},
                    "name": "Chiang Kai-shek",
                    "roles": ["mentioned"],
                    "turns": 0,
                },
                {
                    "description": None,
                    "id": "roosevelt",
                    "labels": {"ru": "Рузвельт"},
                    "name": "Franklin D. Roosevelt",
                    "roles": ["mentioned"],
                    "turns": 0,
                },
                {
                    "description": None,
                    "id": "liu-bocheng",
                    "labels": {"ru": "Лю Бо-чэна"},
                    "name": "Liu Bocheng",
                    "roles": ["mentioned"],
                    "turns": 0,
                },
            ],
            "place": None,
            "publisher_citation": '"Record of Talks between I.V. '
            "Stalin and Chairman of the "
            "Central People's Government of "
            "the People's Republic of China "
            'Mao Zedong", January 22, 1950, '
            "Wilson Center Digital Archive, "
            "Archive of the President, "
            "Russian Federation (APRF), f. "
            "45, op.1, d.329, ll. 29-38. "
            "Translated by Danny Rozas.",
            "record_type": "record of conversation",
            "reference": {
                "archive": "Archive of the President, Russian Federation (APRF)",
                "delo": "329",
                "folios": "29-38",
                "fond": "45",
                "opis": "1",
            },
            "source_url": "https://wilson-center-digital-archive.dvincitest.com/document/111245",
            "summary": "Conversation between Stalin and Mao "
            "concerning a proposed treaty of friendship "
            "and alliance between the USSR and China. "
            "Discussion includes: the prospects of "
            "future Japanese aggression, the "
            "Chinese-Eastern Railway (Mao and Stalin "
            "disagree on who should run its "
            "administration), the Port Arthur agreements "
            "(including the question of the port of "
            "Dalny), and economic cooperation. The "
            "economic cooperation focuses on a Soviet "
            "credit program for economic development in "
            "China, as well as the question of arms "
            "shipments to China. There is also "
            "discussion of Tibet.",
            "time_of_day": None,
            "title": "Record of Talks between I.V. Stalin and "
            "Chairman of the Central People's Government "
            "of the People's Republic of China Mao Zedong",
            "titles": {
                "en": "Record of Talks between I.V. Stalin "
                "and Chairman of the Central People's "
                "Government of the People's Republic "
                "of China Mao Zedong",
                "ru": "ЗАПИСЬ БЕСЕДЫ И. В. СТАЛИНА С "
                "ПРЕДСЕДАТЕЛЕМ ЦЕНТРАЛЬНОГО НАРОДНОГО "
                "ПРАВИТЕЛЬСТВА КИТАЙСКОЙ НАРОДНОЙ "
                "РЕСПУБЛИКИ МАО-ЦЗЭ-ДУНОМ",
            },
            "topics": [
                {"id": "treaty", "label": "Treaty of Friendship and Alliance", "turns": 16},
                {"id": "kchzhd", "label": "Chinese Changchun Railway", "turns": 14},
                {"id": "port-arthur", "label": "Port Arthur", "turns": 12},
                {"id": "xinjiang", "label": "Xinjiang", "turns": 10},
                {"id": "japan", "label": "Japan", "turns": 9},
                {"id": "trade", "label": "Trade agreement", "turns": 9},
                {"id": "credit", "label": "Soviet credit to China", "turns": 8},
                {"id": "manchuria", "label": "Manchuria", "turns": 7},
                {"id": "dalny", "label": "Dalny", "turns": 6},
                {"id": "arms", "label": "Arms deliveries", "turns": 2},
                {"id": "tibet", "label": "Tibet", "turns": 2},
                {"id": "yalta", "label": "Yalta agreements", "turns": 1},
            ],
            "translator": "Danny Rozas",
            "url": "https://parley.example/v1/documents/wilson-111245",
        },
    ),
    ("get", "/v1/documents/{document_id}/citation"): (
        "/v1/documents/wilson-111245/citation",
        "“Record of Talks between I.V. Stalin and "
        "Chairman of the Central People's Government of "
        "the People's Republic of China Mao Zedong,” "
        "January 22, 1950, Archive of the President, "
        "Russian Federation (APRF), f. 45, op. 1, d. "
        "329, ll. 29–38, trans. Danny Rozas, Wilson "
        "Center Digital Archive, "
        "https://wilson-center-digital-archive.dvincitest.com/document/111245.",
    ),
    ("get", "/v1/documents/{document_id}/utterances"): (
        "/v1/documents/wilson-111245/utterances?lang=en&limit=2",
        {
            "items": [
                {
                    "document": {
                        "date": "1950-01-22",
                        "id": "wilson-111245",
                        "title": "Record of "
                        "Talks "
                        "between "
                        "I.V. "
                        "Stalin and "
                        "Chairman "
                        "of the "
                        "Central "
                        "People's "
                        "Government "
                        "of the "
                        "People's "
                        "Republic "
                        "of China "
                        "Mao "
                        "Zedong",
                    },
                    "id": "wilson-111245.1",
                    "kind": "narration",
                    "position": 1,
                    "speaker": None,
                    "texts": {
                        "en": {
                            "label": None,
                            "lang": "en",
                            "original": False,
                            "page": None,
                            "page_breaks": [],
                            "spans": [],
                            "text": "After "
                            "an "
                            "exchange "
                            "of "
                            "greetings "
                            "and a "
                            "short "
                            "discussion "
                            "of "
                            "general "
                            "topics, "
                            "the "
                            "following "
                            "conversation "
                            "took "
                            "place.",
                        }
                    },
                    "topics": [],
                    "url": "https://parley.example/v1/utterances/wilson-111245.1",
                },
                {
                    "document": {
                        "date": "1950-01-22",
                        "id": "wilson-111245",
                        "title": "Record of "
                        "Talks "
                        "between "
                        "I.V. "
                        "Stalin and "
                        "Chairman "
                        "of the "
                        "Central "
                        "People's "
                        "Government "
                        "of the "
                        "People's "
                        "Republic "
                        "of China "
                        "Mao "
                        "Zedong",
                    },
                    "id": "wilson-111245.2",
                    "kind": "speech",
                    "position": 2,
                    "speaker": {"id": "stalin", "name": "Joseph Stalin"},
                    "texts": {
                        "en": {
                            "label": "Stalin",
                            "lang": "en",
                            "original": False,
                            "page": None,
                            "page_breaks": [],
                            "spans": [],
                            "text": "There "
                            "are two "
                            "groups "
                            "of "
                            "questions "
                            "which "
                            "must be "
                            "discussed: "
                            "the "
                            "first "
                            "group "
                            "of "
                            "questions "
                            "concerns "
                            "the "
                            "existing "
                            "agreements "
                            "between "
                            "the "
                            "USSR "
                            "and "
                            "China; "
                            "the "
                            "second "
                            "group "
                            "of "
                            "questions "
                            "concerns "
                            "the "
                            "current "
                            "events "
                            "in "
                            "Manchuria, "
                            "Xinjiang, "
                            "etc.\n"
                            "\n"
                            "I think "
                            "that it "
                            "would "
                            "be "
                            "better "
                            "to "
                            "begin "
                            "not "
                            "with "
                            "the "
                            "current "
                            "events, "
                            "but "
                            "rather "
                            "with a "
                            "discussion "
                            "of the "
                            "existing "
                            "agreements. "
                            "We "
                            "believe "
                            "that "
                            "these "
                            "agreements "
                            "need to "
                            "be "
                            "changed, "
                            "though "
                            "earlier "
                            "we had "
                            "thought "
                            "that "
                            "they "
                            "could "
                            "be left "
                            "intact. "
                            "The "
                            "existing "
                            "agreements, "
                            "including "
                            "the "
                            "treaty, "
                            "should "
                            "be "
                            "changed "
                            "because "
                            "war "
                            "against "
                            "Japan "
                            "figures "
                            "at the "
                            "very "
                            "heart "
                            "of the "
                            "treaty. "
                            "Since "
                            "the war "
                            "is over "
                            "and "
                            "Japan "
                            "has "
                            "been "
                            "crushed, "
                            "the "
                            "situation "
                            "has "
                            "been "
                            "altered, "
                            "and now "
                            "the "
                            "treaty "
                            "has "
                            "become "
                            "an "
                            "anachronism.\n"
                            "\n"
                            "I ask "
                            "to hear "
                            "your "
                            "opinion "
                            "regarding "
                            "the "
                            "treaty "
                            "of "
                            "friendship "
                            "and "
                            "alliance.",
                        }
                    },
                    "topics": [
                        {
                            "id": "japan",
                            "label": "Japan",
                            "matched": ["Японии", "Япония", "Japan"],
                            "opened_by": None,
                            "reason": "named",
                        },
                        {
                            "id": "manchuria",
                            "label": "Manchuria",
                            "matched": ["Маньчжурии", "Manchuria"],
                            "opened_by": None,
                            "reason": "named",
                        },
                        {
                            "id": "treaty",
                            "label": "Treaty of Friendship and Alliance",
                            "matched": ["договоре о дружбе", "treaty of friendship"],
                            "opened_by": None,
                            "reason": "named",
                        },
                        {
                            "id": "xinjiang",
                            "label": "Xinjiang",
                            "matched": ["Синцзяне", "Xinjiang"],
                            "opened_by": None,
                            "reason": "named",
                        },
                    ],
                    "url": "https://parley.example/v1/utterances/wilson-111245.2",
                },
            ],
            "next_cursor": "eyJrIjpbIjE5NTAtMDEtMjIiLDEsMl0sImYiOiJkZTJhMzk4ZjYzMTEifQ",
            "total": None,
        },
    ),
    ("get", "/v1/participants"): (
        "/v1/participants?q=Chou",
        {
            "items": [
                {
                    "description": "Premier of the State Administrative "
                    "Council and Foreign Minister of the "
                    "People's Republic of China",
                    "documents": 1,
                    "id": "zhou-enlai",
                    "name": "Zhou Enlai",
                    "names": {"en": "Zhou Enlai", "ru": "Чжоу Эньлай", "zh": "周恩来"},
                    "turns": 3,
                    "unresolved": False,
                    "url": "https://parley.example/v1/participants/zhou-enlai",
                }
            ],
            "next_cursor": None,
            "total": None,
        },
    ),
    ("get", "/v1/participants/{participant_id}"): (
        "/v1/participants/zhou-enlai",
        {
            "aliases": [
                {"alias": "Chou", "lang": "en"},
                {"alias": "Chou En-lai", "lang": "en"},
                {"alias": "Chou Enlai", "lang": "en"},
                {"alias": "Zhou", "lang": "en"},
                {"alias": "Zhou Enlai", "lang": "en"},
                {"alias": "Чжоу", "lang": "ru"},
                {"alias": "Чжоу Энь-лай", "lang": "ru"},
                {"alias": "Чжоу Эньлай", "lang": "ru"},
                {"alias": "周", "lang": "zh"},
                {"alias": "周恩来", "lang": "zh"},
            ],
            "appearances": [
                {
                    "date": "1950-01-22",
                    "id": "wilson-111245",
                    "roles": ["mentioned", "present", "speaker"],
                    "title": "Record of Talks "
                    "between I.V. Stalin "
                    "and Chairman of the "
                    "Central People's "
                    "Government of the "
                    "People's Republic of "
                    "China Mao Zedong",
                    "turns": 3,
                }
            ],
            "description": "Premier of the State "
            "Administrative Council and "
            "Foreign Minister of the People's "
            "Republic of China",
            "documents": 1,
            "id": "zhou-enlai",
            "name": "Zhou Enlai",
            "names": {"en": "Zhou Enlai", "ru": "Чжоу Эньлай", "zh": "周恩来"},
            "topics": [
                {"id": "kchzhd", "label": "Chinese Changchun Railway", "turns": 2},
                {"id": "manchuria", "label": "Manchuria", "turns": 1},
                {"id": "trade", "label": "Trade agreement", "turns": 1},
            ],
            "turns": 3,
            "unresolved": False,
            "url": "https://parley.example/v1/participants/zhou-enlai",
        },
    ),
    ("get", "/v1/search"): (
        "/v1/search?q=free%20port&lang=en",
        {
            "capped": False,
            "documents": [],
            "expanded": {},
            "facets": {
                "document": [
                    {
                        "count": 3,
                        "label": "Record of Talks between I.V. Stalin "
                        "and Chairman of the Central People's "
                        "Government of the People's Republic "
                        "of China Mao Zedong",
                        "value": "wilson-111245",
                    }
                ],
                "language": [{"count": 3, "label": "en", "value": "en"}],
                "speaker": [
                    {"count": 2, "label": "Mao Zedong", "value": "mao-zedong"},
                    {"count": 1, "label": "Joseph Stalin", "value": "stalin"},
                ],
                "topic": [{"count": 3, "label": "Dalny", "value": "dalny"}],
                "year": [{"count": 3, "label": "1950", "value": "1950"}],
            },
            "items": [
                {
                    "document": {
                        "date": "1950-01-22",
                        "id": "wilson-111245",
                        "title": "Record of Talks between I.V. Stalin "
                        "and Chairman of the Central People's "
                        "Government of the People's Republic of "
                        "China Mao Zedong",
                    },
                    "id": "wilson-111245.29",
                    "kind": "speech",
                    "matches": [
                        {
                            "highlights": [[20, 24], [25, 29]],
                            "lang": "en",
                            "snippet": "Will Dalny remain a <mark>free</mark> <mark>port</mark>?",
                        }
                    ],
                    "position": 29,
                    "score": 9.129841546897959,
                    "speaker": {"id": "mao-zedong", "name": "Mao Zedong"},
                    "texts": {
                        "en": {
                            "label": "Mao Zedong",
                            "lang": "en",
                            "original": False,
                            "page": None,
                            "page_breaks": [],
                            "spans": [],
                            "text": "Will Dalny remain a free port?",
                        }
                    },
                    "topics": [
                        {
                            "id": "dalny",
                            "label": "Dalny",
                            "matched": ["Дальний", "Dalny"],
                            "opened_by": None,
                            "reason": "named",
                        }
                    ],
                    "url": "https://parley.example/v1/utterances/wilson-111245.29",
                },
                {
                    "document": {
                        "date": "1950-01-22",
                        "id": "wilson-111245",
                        "title": "Record of Talks between I.V. Stalin "
                        "and Chairman of the Central People's "
                        "Government of the People's Republic of "
                        "China Mao Zedong",
                    },
                    "id": "wilson-111245.30",
                    "kind": "speech",
                    "matches": [
                        {
                            "highlights": [[110, 114], [115, 119], [184, 188], [189, 193]],
                            "lang": "en",
                            "snippet": "…rights there, China must decide on "
                            "its own the question of Dalny: will "
                            "it remain a <mark>free</mark> "
                            "<mark>port</mark> or not. During his "
                            "time Roosevelt insisted that Dairen "
                            "remain a <mark>free</mark> "
                            "<mark>port</mark>.",
                        }
                    ],
                    "position": 30,
                    "score": 7.884540314206717,
                    "speaker": {"id": "stalin", "name": "Joseph Stalin"},
                    "texts": {
                        "en": {
                            "label": "Stalin",
                            "lang": "en",
                            "original": False,
                            "page": None,
                            "page_breaks": [],
                            "spans": [],
                            "text": "Since we are giving up our rights "
                            "there, China must decide on its own "
                            "the question of Dalny: will it "
                            "remain a free port or not. During "
                            "his time Roosevelt insisted that "
                            "Dairen remain a free port.",
                        }
                    },
                    "topics": [
                        {
                            "id": "dalny",
                            "label": "Dalny",
                            "matched": ["Дальнем", "Дальний", "Dalny", "Dairen"],
                            "opened_by": None,
                            "reason": "named",
                        }
                    ],
                    "url": "https://parley.example/v1/utterances/wilson-111245.30",
                },
                {
                    "document": {
                        "date": "1950-01-22",
                        "id": "wilson-111245",
                        "title": "Record of Talks between I.V. Stalin "
                        "and Chairman of the Central People's "
                        "Government of the People's Republic of "
                        "China Mao Zedong",
                    },
                    "id": "wilson-111245.31",
                    "kind": "speech",
                    "matches": [
                        {
                            "highlights": [[27, 31], [32, 36]],
                            "lang": "en",
                            "snippet": "So the preservation of the "
                            "<mark>free</mark> <mark>port</mark> "
                            "would be in the interests of America "
                            "and Britain?",
                        }
                    ],
                    "position": 31,
                    "score": 7.562909119895325,
                    "speaker": {"id": "mao-zedong", "name": "Mao Zedong"},
                    "texts": {
                        "en": {
                            "label": "Mao Zedong",
                            "lang": "en",
                            "original": False,
                            "page": None,
                            "page_breaks": [],
                            "spans": [],
                            "text": "So the preservation of the free "
                            "port would be in the interests of "
                            "America and Britain?",
                        }
                    },
                    "topics": [
                        {
                            "id": "dalny",
                            "label": "Dalny",
                            "matched": ["Вопрос о Дальнем", "The question of Dalny"],
                            "opened_by": "wilson-111245.28",
                            "reason": "agenda",
                        }
                    ],
                    "url": "https://parley.example/v1/utterances/wilson-111245.31",
                },
            ],
            "next_cursor": None,
            "total": 3,
        },
    ),
    ("get", "/v1/topics"): (
        "/v1/topics?q=railway",
        {
            "items": [
                {
                    "aliases": {
                        "en": [
                            "Chinese Changchun Railway",
                            "KChZhD",
                            "KChZD",
                            "Chinese Eastern Railway",
                            "Changchun Railway",
                            "CCR",
                            "CER",
                        ],
                        "ru": [
                            "КЧЖД",
                            "КВЖД",
                            "Китайская Чанчуньская железная дорога",
                            "Китайско-Восточная железная дорога",
                            "Чанчуньская железная дорога",
                        ],
                        "zh": ["中长铁路", "中国长春铁路", "中东铁路", "长春铁路"],
                    },
                    "description": "The railway across Manchuria (KChZhD, "
                    "formerly the Chinese Eastern Railway), "
                    "jointly owned and run by the USSR and China "
                    "from 1945 to 1952.",
                    "documents": 1,
                    "id": "kchzhd",
                    "label": "Chinese Changchun Railway",
                    "turns": 14,
                    "url": "https://parley.example/v1/topics/kchzhd",
                }
            ],
            "next_cursor": None,
            "total": None,
        },
    ),
    ("get", "/v1/topics/{topic_id}"): (
        "/v1/topics/kchzhd",
        {
            "aliases": {
                "en": [
                    "Chinese Changchun Railway",
                    "KChZhD",
                    "KChZD",
                    "Chinese Eastern Railway",
                    "Changchun Railway",
                    "CCR",
                    "CER",
                ],
                "ru": [
                    "КЧЖД",
                    "КВЖД",
                    "Китайская Чанчуньская железная дорога",
                    "Китайско-Восточная железная дорога",
                    "Чанчуньская железная дорога",
                ],
                "zh": ["中长铁路", "中国长春铁路", "中东铁路", "长春铁路"],
            },
            "description": "The railway across Manchuria (KChZhD, "
            "formerly the Chinese Eastern Railway), "
            "jointly owned and run by the USSR and China "
            "from 1945 to 1952.",
            "documents": 1,
            "id": "kchzhd",
            "label": "Chinese Changchun Railway",
            "speakers": [
                {"id": "stalin", "name": "Joseph Stalin", "turns": 6},
                {"id": "mao-zedong", "name": "Mao Zedong", "turns": 4},
                {"id": "molotov", "name": "Vyacheslav Molotov", "turns": 2},
                {"id": "zhou-enlai", "name": "Zhou Enlai", "turns": 2},
            ],
            "turns": 14,
            "url": "https://parley.example/v1/topics/kchzhd",
        },
    ),
    ("get", "/v1/utterances"): (
        "/v1/utterances?speaker=Mao&topic=KChZhD&lang=en&limit=2",
        {
            "items": [
                {
                    "document": {
                        "date": "1950-01-22",
                        "id": "wilson-111245",
                        "title": "Record of Talks between I.V. "
                        "Stalin and Chairman of the Central "
                        "People's Government of the "
                        "People's Republic of China Mao "
                        "Zedong",
                    },
                    "id": "wilson-111245.17",
                    "kind": "speech",
                    "position": 17,
                    "speaker": {"id": "mao-zedong", "name": "Mao Zedong"},
                    "texts": {
                        "en": {
                            "label": "Mao Zedong",
                            "lang": "en",
                            "original": False,
                            "page": None,
                            "page_breaks": [],
                            "spans": [],
                            "text": "Perhaps we should accept as the "
                            "guiding principle the idea of "
                            "making practical changes "
                            "concerning the KChZhD and the "
                            "Port Arthur agreements, while "
                            "legally continuing them in "
                            "their present state?",
                        }
                    },
                    "topics": [
                        {
                            "id": "kchzhd",
                            "label": "Chinese Changchun Railway",
                            "matched": ["КЧЖД", "KChZhD"],
                            "opened_by": None,
                            "reason": "named",
                        },
                        {
                            "id": "port-arthur",
                            "label": "Port Arthur",
                            "matched": ["Порт-Артуре", "Port Arthur"],
                            "opened_by": None,
                            "reason": "named",
                        },
                    ],
                    "url": "https://parley.example/v1/utterances/wilson-111245.17",
                },
                {
                    "document": {
                        "date": "1950-01-22",
                        "id": "wilson-111245",
                        "title": "Record of Talks between I.V. "
                        "Stalin and Chairman of the Central "
                        "People's Government of the "
                        "People's Republic of China Mao "
                        "Zedong",
                    },
                    "id": "wilson-111245.19",
                    "kind": "speech",
                    "position": 19,
                    "speaker": {"id": "mao-zedong", "name": "Mao Zedong"},
                    "texts": {
                        "en": {
                            "label": "Mao Zedong",
                            "lang": "en",
                            "original": False,
                            "page": None,
                            "page_breaks": [],
                            "spans": [],
                            "text": "We must act so as to take into "
                            "account the interests of both "
                            "sides, China and the Soviet "
                            "Union.",
                        }
                    },
                    "topics": [
                        {
                            "id": "kchzhd",
                            "label": "Chinese Changchun Railway",
                            "matched": [
                                "Перейдем к соглашению о КЧЖД",
                                "Let us move over to the agreement on KChZhD",
                            ],
                            "opened_by": "wilson-111245.16",
                            "reason": "agenda",
                        }
                    ],
                    "url": "https://parley.example/v1/utterances/wilson-111245.19",
                },
            ],
            "next_cursor": "eyJrIjpbIjE5NTAtMDEtMjIiLDEsMTldLCJmIjoiZmU0NjAxZDg2YWY3In0",
            "total": None,
        },
    ),
    ("get", "/v1/utterances/{utterance_id}"): (
        "/v1/utterances/wilson-111245.28",
        {
            "document": {
                "date": "1950-01-22",
                "id": "wilson-111245",
                "title": "Record of Talks between I.V. "
                "Stalin and Chairman of the "
                "Central People's Government of "
                "the People's Republic of China "
                "Mao Zedong",
            },
            "id": "wilson-111245.28",
            "kind": "speech",
            "next": "wilson-111245.29",
            "position": 28,
            "previous": "wilson-111245.27",
            "speaker": {"id": "stalin", "name": "Joseph Stalin"},
            "texts": {
                "en": {
                    "label": "Stalin",
                    "lang": "en",
                    "original": False,
                    "page": None,
                    "page_breaks": [],
                    "spans": [{"end": 38, "kind": "editorial", "start": 22}],
                    "text": "The question of Dalny "
                    "[Dairen; Dalian]. We have "
                    "no intention of securing "
                    "any Soviet rights in "
                    "Dalny.",
                },
                "ru": {
                    "label": "Сталин",
                    "lang": "ru",
                    "original": True,
                    "page": "5",
                    "page_breaks": [],
                    "spans": [],
                    "text": "Вопрос о Дальнем. Мы не "
                    "намерены обеспечивать "
                    "каких-либо прав Советского "
                    "Союза в Дальнем.",
                },
            },
            "topics": [
                {
                    "id": "dalny",
                    "label": "Dalny",
                    "matched": ["Дальнем", "Dalny"],
                    "opened_by": None,
                    "reason": "named",
                }
            ],
            "url": "https://parley.example/v1/utterances/wilson-111245.28",
        },
    ),
    ("get", "/v1/utterances/{utterance_id}/citation"): (
        "/v1/utterances/wilson-111245.17/citation",
        "Mao Zedong, remarks in “Record of Talks "
        "between I.V. Stalin and Chairman of the "
        "Central People's Government of the People's "
        "Republic of China Mao Zedong,” January 22, "
        "1950, Archive of the President, Russian "
        "Federation (APRF), f. 45, op. 1, d. 329, ll. "
        "29–38, trans. Danny Rozas, Wilson Center "
        "Digital Archive, "
        "https://parley.example/v1/utterances/wilson-111245.17.",
    ),
}
