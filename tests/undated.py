"""Records that state no date, written for the tests of undated documents: two text
records the parser reads and one Parley JSON record with `"date": null`."""

from __future__ import annotations

from pathlib import Path

TEXT_RECORDS = {
    "undated-stalin-mao.txt": """\
Notes of a Conversation between J.V. Stalin and Mao Zedong

Present: V.M. Molotov

Stalin: We have read your telegram about Port Arthur and agree that the question
needs an answer before the spring.

Mao: Our comrades in the north ask the same. They would like to know when the KChZhD
passes into Chinese hands.

Stalin: Tell them that the treaty will settle it.

Molotov: The ministry will have a draft ready within the week.

[The conversation lasted forty minutes.]
""",
    "undated-molotov-zhou.txt": """\
Record of a Telephone Conversation between V.M. Molotov and Zhou Enlai

Molotov: Good evening. I am calling about the delegation's journey to Moscow.

Zhou Enlai: Good evening. The delegation leaves on Tuesday by train.

Molotov: Then we shall meet it at the station.
""",
}
JSON_RECORD = (
    "undated-zhou-vyshinsky.json",
    """\
{"format": "parley-document", "version": 2, "id": "undated-zhou-vyshinsky",
 "title": "Note on a Conversation with Zhou Enlai", "date": null, "original_language": "en",
 "utterances": [
  {"position": 1, "kind": "speech", "speaker": "zhou-enlai",
   "texts": {"en": {"label": "Zhou Enlai",
                    "text": "The port of Dalny belongs in the same agreement as the railway."}}},
  {"position": 2, "kind": "speech", "speaker": "vyshinsky",
   "texts": {"en": {"label": "Vyshinsky", "text": "I shall report your view to Moscow tonight."}}}
 ]}
""",
)
# Their ids, in the order a folder of them loads (file names sorted).
UNDATED_IDS = ["undated-molotov-zhou", "undated-stalin-mao", "undated-zhou-vyshinsky"]


def write_undated_records(folder: Path) -> Path:
    """The three records in `folder`, which is returned."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in [*TEXT_RECORDS.items(), JSON_RECORD]:
        (folder / name).write_text(text, encoding="utf-8")
    return folder
