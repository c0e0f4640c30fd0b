"""How faithfully the parser reads records: turns, speakers, dates, over an annotated folder.

    python bench/fidelity.py [FOLDER ...] [--verbose] [--min-precision 0.95 --min-recall 0.90]

Each record NAME.txt has its annotation NAME.yaml beside it (the format is described
in tests/data/fidelity/README.md): the title, the date, the participants and every
real turn as (speaker, first words). The script parses each record as `parley load`
would (no sidecar, the reference data in seed/), pairs the turns it reports with the
annotated ones in order, and prints per record and in total:

- turn precision: reported turns that are real turns with the right speaker;
- turn recall: real turns found with the right speaker;
- speaker accuracy: of the turns paired, how many have the right speaker;
- date accuracy: records whose date is the one the text states (or none when it
  states none); title and participant figures are printed, not gated.

A run of turns by one speaker counts as one turn, in the annotation and in the parse
alike (a label repeated for the same speaker starts a new turn for some archives and
annotators and not for others). A speaker is "right" when it is the registry's person
the annotated name resolves to, or, for people the registry does not know, when the
turns of that annotated name go to one participant that no other annotated name has.

It exits 1 when a conversation was refused, a non-conversation loaded, a stated date
was missed, or precision or recall fall below the minimums.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.ingest.model import ParsedDocument, ParseError  # noqa: E402
from app.ingest.parser import parse_document  # noqa: E402
from app.ingest.registry import Registry, load_registry  # noqa: E402
from app.ingest.source import repair  # noqa: E402
from app.schemas import Kind  # noqa: E402
from app.textnorm import HAN  # noqa: E402

DEFAULT_FOLDER = ROOT / "tests" / "data" / "fidelity"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _tokens(text: str) -> list[str]:
    """Words in lower case (Chinese: one token a character), digits and punctuation out,
    so a footnote digit or a page marker left in the text does not break the pairing."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    out: list[str] = []
    for word in _WORD.findall(text):
        if HAN.search(word):
            out.extend(ch for ch in word)
        else:
            out.append(word)
    return out


_DIRECTION = re.compile(r"^\s*(?:\([^()]*\)|（[^（）]*）|\[[^\[\]]*\])\s*")


# Words of a reported turn an annotator may leave out before its own: the verb and "that"
# ("said that the treaty…" annotated "the treaty…", "шутя спрашивает, не…" as "не…").
_REPORTING_WORDS = 4


def _starts_with(text: str, start: str, reported: bool = False) -> bool:
    """Whether a turn's text begins with the annotated words. A stage direction that
    opens the turn ("(Laughter) …", "（朝著布什看）…") is skipped, as annotators skip it;
    so may the verb and its "that" be, before reported words."""
    if _DIRECTION.match(text) and start.lstrip()[:1] not in "([（":  # (its words may end in it)
        text = _DIRECTION.sub("", text, count=1)
    expected = _tokens(repair(start))  # the same mending of OCR damage the parser does
    if not expected:
        return False
    tokens = _tokens(text)
    for skip in range(_REPORTING_WORDS + 1 if reported else 1):
        found = tokens[skip : skip + len(expected)]
        if found == expected or SequenceMatcher(None, expected, found).ratio() >= 0.75:
            return True
    return False


@dataclass(slots=True)
class Expected:
    speaker: str
    starts: str
    kind: str = "speech"


@dataclass(slots=True)
class Reported:
    key: str
    label: str
    kind: str
    text: str
    line: int


@dataclass(slots=True)
class Score:
    files: int = 0
    expected: int = 0
    reported: int = 0
    paired: int = 0
    right: int = 0
    dated: int = 0
    dates_right: int = 0
    titles: int = 0
    titles_right: int = 0
    participants: int = 0
    participants_found: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in [
            "files",
            "expected",
            "reported",
            "paired",
            "right",
            "dated",
            "dates_right",
            "titles",
            "titles_right",
            "participants",
            "participants_found",
        ]:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures += other.failures

    @property
    def precision(self) -> float:
        return self.right / self.reported if self.reported else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


def _expected_turns(annotation: dict[str, Any]) -> list[Expected]:
    turns: list[Expected] = []
    for item in annotation.get("turns") or []:
        if isinstance(item, list):
            turns.append(Expected(str(item[0]), str(item[1])))
        else:
            turns.append(
                Expected(str(item["speaker"]), str(item["starts"]), item.get("kind", "speech"))
            )
    return turns


def _reported_turns(parsed: ParsedDocument, lang: str) -> list[Reported]:
    lang = lang if lang in parsed.languages else parsed.languages[0]
    return [
        Reported(
            u.speaker.key,
            u.speaker.label,
            str(u.kind),
            u.texts[lang].text,
            u.texts[lang].line_start,
        )
        for u in parsed.units
        if u.kind is not Kind.NARRATION and u.speaker is not None and lang in u.texts
    ]


def _runs(turns: list[Any], who: str) -> list[Any]:
    """The first turn of each run of turns by one speaker. Records and annotators differ on
    whether a label repeated for the same speaker (or a paragraph of narration between)
    starts a new turn; both sides are counted the same way, by their runs."""
    return [
        t for i, t in enumerate(turns) if i == 0 or getattr(turns[i - 1], who) != getattr(t, who)
    ]


def _pair(expected: list[Expected], reported: list[Reported]) -> list[tuple[int, int]]:
    """The longest in-order pairing of annotated and reported turns by their first words."""
    n, m = len(expected), len(reported)
    match = [
        [_starts_with(r.text, e.starts, e.kind == "reported") for r in reported] for e in expected
    ]
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(
                best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + 1 if match[i][j] else 0
            )
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if match[i][j] and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _identities(
    expected: list[Expected],
    reported: list[Reported],
    pairs: list[tuple[int, int]],
    registry: Registry,
) -> dict[str, str]:
    """Annotated name -> the participant key that counts as that person."""
    wanted: dict[str, str] = {}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for i, j in pairs:
        votes[expected[i].speaker][reported[j].key] += 1
    for name in {e.speaker for e in expected}:
        slug = registry.resolve_name(name)
        if slug:
            wanted[name] = slug
    taken = set(wanted.values())
    # People the reference data does not know by the annotated spelling: the participant
    # most of their turns went to, if no other annotated name has it.
    for name, counter in sorted(votes.items(), key=lambda kv: -sum(kv[1].values())):
        if name in wanted:
            continue
        key, _ = counter.most_common(1)[0]
        if key not in taken:
            wanted[name] = key
            taken.add(key)
    return wanted


def _date_right(annotation: dict[str, Any], found: dt.date | None) -> bool:
    """Whether the parsed date is the annotated one; of a month or a year alone ("1973-11",
    "1985": a text that names no day), any day of it, or none, is right."""
    value = annotation.get("date")
    if value is None or isinstance(value, dt.date):
        return found == value
    if m := re.fullmatch(r"(\d{4})-(\d{2})", str(value)):
        return found is None or (found.year, found.month) == (int(m[1]), int(m[2]))
    if re.fullmatch(r"\d{4}", str(value)):  # a text that names the year alone
        return found is None or found.year == int(str(value))
    return found == dt.date.fromisoformat(str(value))


def _norm_title(title: str) -> str:
    return " ".join(_tokens(title))


def _participant_found(name: str, parsed: ParsedDocument, registry: Registry) -> bool:
    people = [a.person for a in parsed.attendees] + [u.speaker for u in parsed.turns() if u.speaker]
    slug = registry.resolve_name(name)
    if slug:
        return any(p.key == slug for p in people)
    words = set(_tokens(name))
    if HAN.search(name):
        return any(set(_tokens(p.label)) <= words or words <= set(_tokens(p.label)) for p in people)
    return any(words & set(_tokens(p.label)) - {"mr", "dr", "mrs", "miss"} for p in people)


def score_file(path: Path, annotation: dict[str, Any], registry: Registry, verbose: bool) -> Score:
    score = Score(files=1)
    expected = _runs(_expected_turns(annotation), "speaker")
    refused = bool(annotation.get("refused"))
    score.expected = len(expected)
    try:
        parsed = parse_document(path.read_bytes(), path.name, registry)
    except ParseError as exc:
        if not refused:
            score.failures.append(f"{path.name}: refused: {exc.message}")
        elif verbose:
            print(f"  refused as expected: {exc.message}")
        return score
    if refused:
        score.failures.append(f"{path.name}: loaded, but holds no conversation")
    reported = _runs(
        _reported_turns(parsed, str(annotation.get("language") or parsed.languages[0])), "key"
    )
    score.reported = len(reported)
    pairs = _pair(expected, reported)
    score.paired = len(pairs)
    wanted = _identities(expected, reported, pairs, registry)
    paired_reported = {j: i for i, j in pairs}
    paired_expected = {i for i, _ in pairs}
    for i, j in pairs:
        if wanted.get(expected[i].speaker) == reported[j].key:
            score.right += 1
        elif verbose:
            got = reported[j]
            print(
                f"  wrong speaker line {got.line}: {got.label!r} ({got.key}), "
                f"expected {expected[i].speaker!r}: {expected[i].starts!r}"
            )
    if verbose:
        for i, e in enumerate(expected):
            if i not in paired_expected:
                print(f"  missed: {e.speaker!r}: {e.starts!r}")
        for j, r in enumerate(reported):
            if j not in paired_reported:
                print(f"  extra line {r.line}: {r.label!r}: {r.text[:70]!r}")
    if "date" in annotation:
        score.dated = 1
        score.dates_right = int(_date_right(annotation, parsed.metadata.date))
        if not score.dates_right:
            expected = annotation["date"]
            score.failures.append(f"{path.name}: date {parsed.metadata.date}, expected {expected}")
    if annotation.get("title"):
        score.titles = 1
        score.titles_right = int(
            _norm_title(parsed.metadata.title) == _norm_title(annotation["title"])
        )
        if verbose and not score.titles_right:
            print(f"  title {parsed.metadata.title!r}, expected {annotation['title']!r}")
    names = [str(n) for n in annotation.get("participants") or []]
    score.participants = len(names)
    score.participants_found = sum(_participant_found(n, parsed, registry) for n in names)
    return score


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT_FOLDER])
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--min-precision", type=float, default=0.95)
    parser.add_argument("--min-recall", type=float, default=0.90)
    args = parser.parse_args(argv)
    registry = load_registry(ROOT / "seed")
    total = Score()
    by_shape: dict[str, Score] = defaultdict(Score)
    print(f"{'record':58} {'real':>5} {'found':>5} {'right':>5} {'prec':>6} {'recall':>6} date")
    for folder in args.folders:
        for path in sorted(folder.rglob("*.txt")):
            if not path.with_suffix(".yaml").exists():
                continue
            try:
                annotation = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                print(f"{path.name}: annotation unreadable, skipped ({exc.__class__.__name__})")
                continue
            shape = str(annotation.get("shape", "?"))
            if args.verbose:
                print(f"{path.name}")
            score = score_file(path, annotation, registry, args.verbose)
            total.add(score)
            by_shape[shape].add(score)
            date = "-" if not score.dated else ("ok" if score.dates_right else "WRONG")
            precision = _ratio(score.right, score.reported)
            recall = _ratio(score.right, score.expected)
            print(
                f"{path.name[:58]:58} {score.expected:5} {score.reported:5} {score.right:5} "
                f"{precision:>6} {recall:>6} {date}"
            )
    print()
    print(f"{'shape':30} {'files':>5} {'real':>5} {'found':>5} {'prec':>6} {'recall':>6}")
    for shape, score in sorted(by_shape.items()):
        print(
            f"{shape:30} {score.files:5} {score.expected:5} {score.reported:5} "
            f"{score.precision:6.3f} {score.recall:6.3f}"
        )
    print()
    print(f"records            {total.files}")
    figures = [
        ("turn precision", total.right, total.reported),
        ("turn recall", total.right, total.expected),
        ("speaker accuracy", total.right, total.paired),
        ("date accuracy", total.dates_right, total.dated),
        ("title accuracy", total.titles_right, total.titles),
        ("participants found", total.participants_found, total.participants),
    ]
    for name, part, whole in figures:
        print(f"{name:18} {_ratio(part, whole)}  ({part}/{whole})")
    for failure in total.failures:
        print(f"FAIL {failure}")
    below = total.precision < args.min_precision or total.recall < args.min_recall
    if below:
        print(f"FAIL below the goal: precision ≥ {args.min_precision}, recall ≥ {args.min_recall}")
    return 1 if below or total.failures else 0


if __name__ == "__main__":
    sys.exit(main())
