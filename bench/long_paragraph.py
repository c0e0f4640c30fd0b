"""Parse time of pages that lost their line breaks: one very long paragraph.

    python bench/long_paragraph.py                      # the current code
    python bench/long_paragraph.py --baseline-ref main  # old and new, one run

Writes two pages under bench/out (random sentences of speaker labels, quotations and
verbs of saying run together into one paragraph: English with Russian dashes, and
Chinese), parses each with the code of every ref in a fresh process, and prints the
best of three runs. Nothing is loaded into a database: this measures the parser alone,
where a cost that grows with the square of a paragraph's length would show.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
from pathlib import Path

from common import OUT, ROOT, table
from ingest import exported

_ENGLISH = [
    "the",
    "of",
    "and",
    "Stalin",
    "said",
    "that",
    "Molotov",
    "asked",
    "whether",
    "I",
    "replied",
    "He",
    "—",
    "«",
    "»",
    "“",
    "”",
    "1989",
    "Gorbachev:",
    "(U)",
    "Mr.",
    "Secretary",
    ".",
    ",",
    "?",
    "!",
    ":",
]
_CHINESE = [
    "毛泽东说：“好。”",
    "他因而对周恩来说：“",
    "斯大林听了很敏感，",
    "。",
    "，",
    "刘少奇马上说：",
]

_PARSE = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from app.ingest.model import ParseError
from app.ingest.parser import parse_document
from app.ingest.registry import load_registry
registry = load_registry(Path(sys.argv[1]) / "seed")
for page in sys.argv[2:]:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        try:
            parse_document(Path(page).read_bytes(), Path(page).name, registry)
        except ParseError:
            pass
        best = min(best, time.perf_counter() - start)
    print(best)
"""


def pages(seed: int) -> list[Path]:
    rng = random.Random(seed)
    texts = {
        "long-paragraph-en.txt": " ".join(rng.choice(_ENGLISH) for _ in range(40_000)),
        "long-paragraph-zh.txt": "".join(rng.choice(_CHINESE) for _ in range(20_000)),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (OUT / name).write_text(text, encoding="utf-8")
    return [OUT / name for name in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline-ref", help="also time the code of this git ref")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    files = pages(args.seed)
    codes = [("current", ROOT)]
    if args.baseline_ref:
        codes.insert(0, (args.baseline_ref, exported(args.baseline_ref)))
    rows = []
    for name, code in codes:
        out = subprocess.run(
            [sys.executable, "-c", _PARSE, str(code), *map(str, files)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        rows.append([name, *(f"{float(seconds):.2f}" for seconds in out)])
    header = ["code", *(f"{f.name} ({f.stat().st_size:,} bytes) s" for f in files)]
    print(table(rows, header))


if __name__ == "__main__":
    main()
