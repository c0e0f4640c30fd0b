"""Shared helpers for the benchmark scripts (run by hand, never by the test suite)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PG_ADMIN = os.environ.get("PARLEY_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
PARLEY = [sys.executable, "-m", "app.cli"]
# A benchmark sends everything from one address: Parley's per-client limit would refuse it.
PARLEY_ENV = {"PARLEY_RATE_LIMIT": "none"}


def sqlite_url(name: str = "bench") -> str:
    OUT.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{OUT / name}.db"


def pg_url(name: str = "parley_bench") -> str:
    return PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"


def recreate(url: str) -> None:
    """An empty database at `url`."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    name = url.rsplit("/", 1)[1]
    run(["psql", PG_ADMIN, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'])
    run(["psql", PG_ADMIN, "-qc", f'CREATE DATABASE "{name}"'])


def run(
    command: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, check=True, text=True, cwd=cwd, env={**os.environ, **(env or {})}, **kwargs
    )


def percentiles(samples: list[float]) -> dict[str, float]:
    """p50/p95/p99 in milliseconds."""
    ordered = sorted(samples)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return {
        "p50": pick(0.50),
        "p95": pick(0.95),
        "p99": pick(0.99),
        "mean": statistics.mean(ordered) * 1000,
    }


def timed(call: Callable[[], Any], repeat: int, warmup: int = 5) -> list[float]:
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


@contextmanager
def server(command: list[str], port: int, env: dict[str, str] | None = None, wait: str = "/"):
    """A server process, ready when `wait` answers."""
    import urllib.request

    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{wait}", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError(f"{command} did not start")
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def deepest_full_page(
    fetch: Callable[[str | None], dict[str, Any]], number: int
) -> tuple[int, str | None, dict[str, Any] | None]:
    """Page `number` of a listing, or its last full page when the answer is shorter:
    the page's number, its cursor and the item it starts after (None for page 1).
    `fetch(cursor)` returns a page's body."""
    reached, cursor, last = 1, None, None
    body = fetch(None)
    while reached < number and body["next_cursor"]:
        following = fetch(body["next_cursor"])
        if len(following["items"]) < len(body["items"]):
            break  # a short last page: stay on the deepest full one
        reached, cursor, last = reached + 1, body["next_cursor"], body["items"][-1]
        body = following
    return reached, cursor, last


def table(rows: list[list[Any]], header: list[str]) -> str:
    """A Markdown table (pasted into bench/README.md)."""
    cells = [header] + [
        [f"{c:,.1f}" if isinstance(c, float) else str(c) for c in row] for row in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(cells[0]), rule, *map(line, cells[1:])])
