"""How often Parley's topic tags and search hits are right, against answers known in advance.

Topics: a synthetic corpus (`parley synth`) knows the agenda item each turn belongs to;
every tag on a turn is checked against it. The seed's tags are checked against the
hand annotations in tests/data/seed_topics.yaml.

Search: the annotated queries of tests/data/search_queries.yaml, run on the seed on
each backend; precision is the share of hits that are annotated, recall the share of
annotated turns found.

    .venv/bin/python bench/precision.py --documents 300 --seed 1 \
        [--pg postgresql://postgres@127.0.0.1:5432/parley_precision]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml
from sqlalchemy.orm import Session, sessionmaker

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db import make_engine
from app.ingest.loader import discover, load_files
from app.ingest.parser import parse_document
from app.ingest.registry import load_registry
from app.migrate import upgrade
from app.models import Utterance
from app.queries.search import rank
from app.queries.utterances import UtteranceFilter
from app.synth import corpus
from bench.common import ROOT, recreate

SEED = ROOT / "seed"
DATA = ROOT / "tests" / "data"


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%} ({part:,} of {whole:,})" if whole else "—"


def synthetic_topics(documents: int, seed: int) -> None:
    """Tags of the corpus's own topics against the item each turn belongs to. The seed's
    topics are in the reference data too, and synthetic turns do say their words ("the
    Lenril trade mission" names trade): those tags are counted apart, with the words."""
    persons, topics, records = corpus(documents, seed, SEED)
    with tempfile.TemporaryDirectory() as folder:
        for name, data in (("persons.yaml", persons), ("topics.yaml", topics)):
            (Path(folder) / name).write_text(yaml.safe_dump(data, allow_unicode=True))
        registry = load_registry(Path(folder))
    real = set(load_registry(SEED).topics)
    right: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    wrong_topics: Counter[str] = Counter()
    real_words: Counter[str] = Counter()
    about = found = 0
    for record in records:
        parsed = parse_document(record.text.encode(), record.name, registry)
        turns = parsed.turns()
        assert len(turns) == len(record.topics), record.name
        for turn, truth in zip(turns, record.topics, strict=True):
            about += truth is not None
            for tag in turn.topics:
                if tag.topic in real:
                    real_words.update(f"{tag.topic} ({word})" for word in tag.matched)
                elif tag.topic == truth:
                    right[tag.reason.value] += 1
                    found += 1
                else:
                    wrong[tag.reason.value] += 1
                    wrong_topics[tag.topic] += 1
    tags = sum(right.values()) + sum(wrong.values())
    print(f"synthetic corpus ({documents} documents, seed {seed}), its own topics:")
    print(f"  precision {share(sum(right.values()), tags)}")
    for reason in ("named", "agenda"):
        print(f"    {reason}: {share(right[reason], right[reason] + wrong[reason])}")
    print(f"  recall    {share(found, about)}")
    if wrong_topics:
        print("  most wrong tags:", ", ".join(f"{t} {n}" for t, n in wrong_topics.most_common(5)))
    if real_words:
        print(
            "  the seed's topics, by the words that named them:",
            ", ".join(f"{w} {n:,}" for w, n in real_words.most_common(5)),
        )


def seed_topics() -> None:
    registry = load_registry(SEED)
    [path] = [p for p in discover([SEED]) if p.suffix == ".txt"]
    parsed = parse_document(path.read_bytes(), str(path), registry)
    expected: set[tuple[int, str]] = set()
    annotations = yaml.safe_load((DATA / "seed_topics.yaml").read_text(encoding="utf-8"))
    for topic, entries in annotations.items():
        for speaker, opening, *_ in entries:
            [turn] = [
                u
                for u in parsed.turns()
                if u.speaker
                and u.speaker.key == speaker
                and u.texts["en"].text.startswith(opening)
                and (u.texts["en"].text == opening or opening != "That's right.")
            ]
            expected.add((turn.position, topic))
    tagged = {(u.position, tag.topic) for u in parsed.turns() for tag in u.topics}
    print("seed (annotated):")
    print(f"  precision {share(len(tagged & expected), len(tagged))}")
    print(f"  recall    {share(len(tagged & expected), len(expected))}")


def search(url: str) -> dict[str, list[int]]:
    """Precision and recall of the annotated queries; returns each query's hits, best first."""
    recreate(url)
    engine = make_engine(url)
    upgrade(engine)
    list(load_files(sessionmaker(engine), discover([SEED]), SEED))
    cases = yaml.safe_load((DATA / "search_queries.yaml").read_text(encoding="utf-8"))
    hits = right = annotated = 0
    wrong: list[str] = []
    ranked: dict[str, list[int]] = {}
    with Session(engine) as session:
        positions = dict(session.query(Utterance.id, Utterance.position).all())
        for case in cases:
            turns = rank(session, case["q"], UtteranceFilter(), None).turns
            ranked[case["q"]] = [positions[uid] for _, uid in turns]
            found, expected = set(ranked[case["q"]]), set(case["hits"])
            hits += len(found)
            right += len(found & expected)
            annotated += len(expected)
            if found - expected:
                wrong.append(f"{case['q']!r}: {sorted(found - expected)}")
    engine.dispose()
    print(f"search on {engine.dialect.name} ({len(cases)} annotated queries):")
    print(f"  precision {share(right, hits)}")
    print(f"  recall    {share(right, annotated)}")
    for line in wrong:
        print(f"    unwanted: {line}")
    return ranked


def agreement(one: dict[str, list[int]], other: dict[str, list[int]]) -> None:
    """How alike the two backends rank: the same first hit, and pairs in the same order."""
    first = sum(one[q][:1] == other[q][:1] for q in one)
    pairs = agreeing = 0
    for q, order in one.items():
        place = {turn: i for i, turn in enumerate(other[q])}
        for i, a in enumerate(order):
            for b in order[i + 1 :]:
                if a in place and b in place:
                    pairs += 1
                    agreeing += place[a] < place[b]
    print("ranking, SQLite beside PostgreSQL:")
    print(f"  same first hit {share(first, len(one))}")
    print(f"  pairs of hits in the same order {share(agreeing, pairs)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg", help="PostgreSQL URL of a database to (re)create")
    args = parser.parse_args()
    synthetic_topics(args.documents, args.seed)
    seed_topics()
    with tempfile.TemporaryDirectory() as folder:
        on_sqlite = search(f"sqlite:///{folder}/precision.db")
    if args.pg:
        agreement(on_sqlite, search(args.pg))


if __name__ == "__main__":
    main()
