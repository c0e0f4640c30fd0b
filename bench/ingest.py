"""Ingest throughput: `parley load` of a synthetic corpus into SQLite and PostgreSQL.

    python bench/ingest.py --documents 10000 --seed 1
    python bench/ingest.py --documents 1000 --baseline-ref main   # old and new, one run

Generates the corpus (bench/out/corpus-N-S, reused when present), loads it into a
fresh database on each backend with `parley load`, loads it again (every file
unchanged), and prints documents/s, utterances/s, the reload's seconds and the peak
resident memory of the loading processes. With `--baseline-ref`, the same loads run
first with the code of that git ref (exported under bench/out/), and the ratios
follow the table.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import time
from pathlib import Path

from common import OUT, PARLEY, ROOT, pg_url, recreate, run, sqlite_url, table


def corpus(documents: int, seed: int) -> Path:
    folder = OUT / f"corpus-{documents}-{seed}"
    if not (folder / "topics.yaml").exists():
        run(
            [
                *PARLEY,
                "synth",
                "--out",
                str(folder),
                "--documents",
                str(documents),
                "--seed",
                str(seed),
            ]
        )
    return folder


def exported(ref: str) -> Path:
    """The code of git `ref`, exported once under bench/out (no worktree is registered)."""
    commit = run(["git", "rev-parse", "--short", ref], capture_output=True).stdout.strip()
    folder = OUT / f"code-{commit}"
    if not (folder / "app").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "archive", commit, "app", "migrations", "seed"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def utterances(url: str) -> int:
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            return int(db.execute("SELECT count(*) FROM utterances").fetchone()[0])
    out = run(["psql", url, "-Atc", "SELECT count(*) FROM utterances"], capture_output=True)
    return int(out.stdout.strip())


def parley_load(url: str, folder: Path, jobs: int, code: Path, log: Path) -> tuple[float, int]:
    """Seconds and peak resident set (KiB) of one `parley load` run with the code in
    `code`: the largest of the loading process and its parsing workers."""
    with log.open("w") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*PARLEY, "load", "--jobs", str(jobs), "--reference", str(folder), str(folder)],
            cwd=code,  # `python -m app.cli` imports the app package found here
            env={**os.environ, "DATABASE_URL": url, "COLUMNS": "200"},
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        # wait4 gives this one run's usage; RUSAGE_CHILDREN would mix in every earlier run.
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
    if exit_code := os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"parley load exited with {exit_code}; see {log}")
    return elapsed, usage.ru_maxrss


def load(url: str, folder: Path, jobs: int, code: Path, name: str) -> tuple[float, int, float]:
    """A fresh database loaded, then loaded again: seconds, peak KiB, reload seconds."""
    recreate(url)
    run([*PARLEY, "migrate"], env={"DATABASE_URL": url}, capture_output=True, cwd=code)
    log = OUT / f"load-{name}.log"  # the progress bar and any errors
    elapsed, peak_kb = parley_load(url, folder, jobs, code, log)
    reload, _ = parley_load(url, folder, jobs, code, log.with_suffix(".reload.log"))
    return elapsed, peak_kb, reload


HEADER = [
    "code",
    "backend",
    "documents",
    "utterances",
    "seconds",
    "documents/s",
    "utterances/s",
    "reload s",
    "peak RSS MB",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--pg-name", default="parley_bench", help="PostgreSQL database to use")
    parser.add_argument("--sqlite-name", default="bench", help="bench/out/NAME.db")
    parser.add_argument("--baseline-ref", help="also load with the code of this git ref, first")
    args = parser.parse_args()
    folder = corpus(args.documents, args.seed)
    codes = [("current", ROOT)]
    if args.baseline_ref:
        codes.insert(0, (args.baseline_ref, exported(args.baseline_ref)))
    rows = []
    for label, code in codes:
        for backend in args.backends.split(","):
            url = sqlite_url(args.sqlite_name) if backend == "sqlite" else pg_url(args.pg_name)
            elapsed, peak_kb, reload = load(url, folder, args.jobs, code, f"{label}-{backend}")
            if backend == "postgresql":
                # Untimed: what an administrator runs after a bulk load where autovacuum is
                # off (as on this machine's cluster), so index-only scans skip the heap.
                run(["psql", url, "-qc", "VACUUM ANALYZE"])
            count = utterances(url)
            rows.append(
                [
                    label,
                    backend,
                    args.documents,
                    count,
                    elapsed,
                    args.documents / elapsed,
                    count / elapsed,
                    reload,
                    peak_kb / 1024,
                ]
            )
            print(f"{label} {backend}: {count:,} utterances in {elapsed:,.1f} s", flush=True)
    print(table(rows, HEADER))
    for backend in args.backends.split(","):
        if len(codes) == 2:
            old, new = (r for r in rows if r[1] == backend)
            print(
                f"\n{backend}: load {old[4] / new[4]:.2f}× faster, "
                f"reload {old[7] / new[7]:.2f}× faster than {args.baseline_ref}"
            )
    current = [r for r in rows if r[0] == "current"]
    if len(current) == 2:
        print(f"\nPostgreSQL / SQLite ingest time: {current[1][4] / current[0][4]:.2f}")


if __name__ == "__main__":
    main()
