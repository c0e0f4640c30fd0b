"""Ingest throughput: `parley load` of a synthetic corpus into SQLite and PostgreSQL.

    python bench/ingest.py --documents 10000 --seed 1

Generates the corpus (bench/out/corpus-N-S, reused when present), loads it into a
fresh database on each backend with `parley load`, and prints documents/s,
utterances/s and the peak resident memory of the loading processes.
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


def utterances(url: str) -> int:
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            return int(db.execute("SELECT count(*) FROM utterances").fetchone()[0])
    out = run(["psql", url, "-Atc", "SELECT count(*) FROM utterances"], capture_output=True)
    return int(out.stdout.strip())


def load(url: str, folder: Path, jobs: int) -> tuple[float, int]:
    """Seconds and peak resident set (KiB) of one `parley load`: the largest of the
    loading process and its parsing workers."""
    log = OUT / f"load-{url.split(':', 1)[0]}.log"  # the progress bar and any errors
    recreate(url)
    run([*PARLEY, "migrate"], env={"DATABASE_URL": url}, capture_output=True)
    with log.open("w") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*PARLEY, "load", "--jobs", str(jobs), "--reference", str(folder), str(folder)],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": url, "COLUMNS": "200"},
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        # wait4 gives this one run's usage; RUSAGE_CHILDREN would mix in every earlier run.
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"parley load exited with {process.returncode}; see {log}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    folder = corpus(args.documents, args.seed)
    rows = []
    for backend in args.backends.split(","):
        url = sqlite_url() if backend == "sqlite" else pg_url()
        elapsed, peak_kb = load(url, folder, args.jobs)
        if backend == "postgresql":
            # Untimed: what an administrator runs after a bulk load where autovacuum is off
            # (as on this machine's cluster), so index-only scans skip the heap.
            run(["psql", url, "-qc", "VACUUM ANALYZE"])
        count = utterances(url)
        rows.append(
            [
                backend,
                args.documents,
                count,
                elapsed,
                args.documents / elapsed,
                count / elapsed,
                peak_kb / 1024,
            ]
        )
        print(f"{backend}: {count:,} utterances in {elapsed:,.1f} s", flush=True)
    print(
        table(
            rows,
            [
                "backend",
                "documents",
                "utterances",
                "seconds",
                "documents/s",
                "utterances/s",
                "peak RSS MB",
            ],
        )
    )
    if len(rows) == 2:
        print(f"\nPostgreSQL / SQLite ingest time: {rows[1][3] / rows[0][3]:.2f}")


if __name__ == "__main__":
    main()
