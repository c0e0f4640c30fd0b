"""HTTP throughput and latency with wrk: Parley beside Datasette on the same SQLite file.

    python bench/throughput.py --url sqlite:////abs/path/bench.db [--pg postgresql://…/parley_bench]
        [--datasette /path/to/venv/bin/datasette] [--duration 10] [--scaling 1,2,4]
        [--baseline-ref REF --baseline-url sqlite:////abs/copy.db --baseline-pg postgresql://…]

One uvicorn worker serves Parley; Datasette serves the same file with a canned
query that answers the speaker+topic question the way Parley's
/v1/utterances?speaker=…&topic=… does (names resolved through the alias tables, 50
turns in chronological order with their texts). Each endpoint runs at concurrency
8 and 32, for `--duration` seconds each, in this one invocation. `--scaling` then
serves the SQLite file with each given number of worker processes and runs the
speaker+topic page at concurrency 32. `--baseline-ref` serves another commit of Parley
(`git archive`) on databases at that commit's schema (`--baseline-url`, `--baseline-pg`)
for the page, document and turns rows, in the same invocation.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote

from common import PARLEY, PARLEY_ENV, deepest_full_page, server, table
from queries import pick_workload

from app.db import make_engine
from app.textnorm import name_key


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# Free ports: a server left on a fixed port by another run would answer in our place.
PARLEY_PORT, DATASETTE_PORT = _free_port(), _free_port()

# Datasette's canned query: the speaker+topic page, by alias, with every text.
CANNED = """
SELECT u.id, d.slug, u.position, p.name AS speaker, x.lang, x.text
FROM utterances u
JOIN utterance_topics t ON t.utterance_id = u.id
JOIN documents d ON d.id = u.document_id
JOIN participants p ON p.id = u.speaker_id
JOIN utterance_texts x ON x.utterance_id = u.id
WHERE t.topic_id = (SELECT topic_id FROM topic_aliases WHERE key = :topic LIMIT 1)
  AND u.speaker_id = (SELECT participant_id FROM participant_aliases WHERE key = :speaker LIMIT 1)
ORDER BY u.document_date, u.document_id, u.position
LIMIT 100
"""


def wrk(url: str, connections: int, duration: int) -> dict[str, float]:
    """Requests/s and latency percentiles (ms) from one wrk run."""
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    lat: dict[str, float] = {}
    for pct in ("50", "90", "99"):
        m = re.search(rf"\s{pct}%\s+([\d.]+)(us|ms|s)", out)
        value, unit = float(m.group(1)), m.group(2)  # type: ignore[union-attr]
        lat[pct] = value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if non2xx:
        raise RuntimeError(f"{url}: {non2xx.group(1)} error responses\n{out}")
    return {"rps": rate, **lat}


def get_json(port: int, path: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as response:
        return dict(json.load(response))


def deep_page(port: int, first: str, number: int) -> tuple[int, str]:
    """The number and path of page `number` of a listing, or of its last full page."""

    def path(cursor: str | None) -> str:
        return f"{first}&cursor={quote(cursor)}" if cursor else first

    reached, cursor, _ = deepest_full_page(lambda c: get_json(port, path(c)), number)
    return reached, path(cursor)


def settle(pid: int) -> None:
    """Wait until the server has worked through what the last run left queued (wrk stops
    sending, but the server still answers every request it accepted): until it spends
    less than a tenth of a second of CPU in half a second."""

    def cpu() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    before = cpu()
    while True:
        time.sleep(0.5)
        now = cpu()
        if now - before < 0.1:
            return
        before = now


def memory(pid: int) -> str:
    """The process's peak resident set (VmHWM) and what is resident now, split into its
    own memory (RssAnon) and mapped files (RssFile: SQLite's memory-mapped database,
    pages the kernel shares with its file cache and can drop)."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )

    def mb(name: str) -> str:
        return f"{int(fields[name].split()[0]) / 1024:,.0f} MB"

    return (
        f"peak {mb('VmHWM')}; now {mb('VmRSS')}, of which own memory {mb('RssAnon')}, "
        f"mapped files {mb('RssFile')}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="sqlite:////absolute/path.db")
    parser.add_argument("--pg", help="PostgreSQL URL holding the same corpus")
    parser.add_argument("--datasette", default=str(Path(sys.executable).parent / "datasette"))
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--deep", type=int, default=40, help="page number of the deep page")
    parser.add_argument(
        "--only", help="endpoints whose name contains one of these (comma-separated); no Datasette"
    )
    parser.add_argument(
        "--scaling", help="worker counts to serve the speaker+topic page with, e.g. 1,2,4"
    )
    parser.add_argument("--baseline-ref", help="a commit of Parley to measure beside this one")
    parser.add_argument("--baseline-url", help="the SQLite database at its schema")
    parser.add_argument("--baseline-pg", help="the PostgreSQL database at its schema")
    args = parser.parse_args()
    engine = make_engine(args.url)
    work = pick_workload(engine)
    engine.dispose()
    page = f"/v1/utterances?speaker={quote(work['speaker'])}&topic={quote(work['topic'])}"
    endpoints = {
        "speaker+topic page": page,
        "speaker+topic, deep page": None,  # the cursor is read from the server
        "speaker+topic, count=true": f"{page}&count=true",
        "selective search": f"/v1/search?q={quote(work['rare_word'])}",
        f"broad search ({work['broad_share']:.0%} of turns)": (
            f"/v1/search?q={quote(work['broad_word'])}"
        ),
        "document fetch": f"/v1/documents/{work['document']}",
        "document's turns page": f"/v1/documents/{work['document']}/utterances",
    }
    if args.only:
        wanted = args.only.split(",")
        endpoints = {n: p for n, p in endpoints.items() if any(w in n for w in wanted)}
    db_file = Path(args.url.removeprefix("sqlite:///"))
    rows: list[list[object]] = []
    peaks: list[str] = []
    backends = [("SQLite", args.url, PARLEY, endpoints)]
    if args.pg:
        backends.append(("PostgreSQL", args.pg, PARLEY, endpoints))
    checkout = tempfile.TemporaryDirectory()
    if args.baseline_ref:
        baseline = _checkout(args.baseline_ref, Path(checkout.name))
        compared = {n: p for n, p in endpoints.items() if n in BASELINE_ROWS}
        if args.baseline_url:
            backends.append((f"SQLite, {args.baseline_ref}", args.baseline_url, baseline, compared))
        if args.baseline_pg:
            backends.append(
                (f"PostgreSQL, {args.baseline_ref}", args.baseline_pg, baseline, compared)
            )
    for backend, url, command, measured in backends:
        with server(
            [*command, "serve", "--no-seed", "--workers", "1", "--port", str(PARLEY_PORT)],
            PARLEY_PORT,
            env={**PARLEY_ENV, "DATABASE_URL": url},
            wait="/healthz",
        ) as process:
            for name, path in measured.items():
                if path is None:
                    number, path = deep_page(PARLEY_PORT, page, args.deep)
                    name = f"speaker+topic, page {number}"
                for c in (8, 32):
                    settle(process.pid)
                    r = wrk(f"http://127.0.0.1:{PARLEY_PORT}{path}", c, args.duration)
                    rows.append(
                        [f"Parley ({backend})", name, c, r["rps"], r["50"], r["90"], r["99"]]
                    )
                    print(rows[-1], flush=True)
            peaks.append(f"Parley ({backend}) serving process: {memory(process.pid)}")
    if args.only:
        print(table(rows, ["server", "endpoint", "c", "req/s", "p50 ms", "p90 ms", "p99 ms"]))
        return
    scaling = _scaling(args.url, page, args.scaling, args.duration) if args.scaling else []
    with tempfile.TemporaryDirectory() as tmp:
        metadata = Path(tmp) / "metadata.json"
        metadata.write_text(
            json.dumps(
                {"databases": {db_file.stem: {"queries": {"speaker_topic": {"sql": CANNED}}}}}
            )
        )
        with server(
            [
                args.datasette,
                "serve",
                "--immutable",
                str(db_file),
                "--port",
                str(DATASETTE_PORT),
                "--metadata",
                str(metadata),
                "--setting",
                "sql_time_limit_ms",
                "10000",
            ],
            DATASETTE_PORT,
            wait="/-/versions.json",
        ) as process:
            path = (
                f"/{db_file.stem}/speaker_topic.json?speaker={quote(name_key(work['speaker']))}"
                f"&topic={quote(name_key(work['topic']))}"
            )
            for c in (8, 32):
                r = wrk(f"http://127.0.0.1:{DATASETTE_PORT}{path}", c, args.duration)
                rows.append(
                    [
                        "Datasette (SQLite)",
                        "speaker+topic canned query",
                        c,
                        r["rps"],
                        r["50"],
                        r["90"],
                        r["99"],
                    ]
                )
                print(rows[-1], flush=True)
            peaks.append(f"Datasette serving process: {memory(process.pid)}")
    print(table(rows, ["server", "endpoint", "c", "req/s", "p50 ms", "p90 ms", "p99 ms"]))
    print("\n".join(["", *peaks, ""]))
    rate = {(r[0], r[1], r[2]): r[3] for r in rows}
    page_rate = {c: rate[("Parley (SQLite)", "speaker+topic page", c)] for c in (8, 32)}
    datasette = {r[2]: r[3] for r in rows if r[0].startswith("Datasette")}
    for c in (8, 32):
        print(
            f"c={c}: Parley / Datasette throughput, speaker+topic page: "
            f"{page_rate[c] / datasette[c]:.2f}"
        )
    print(f"speaker+topic page, c=32 / c=8: {page_rate[32] / page_rate[8]:.2f}")
    if args.pg:
        for (server_name, name, c), value in rate.items():
            if server_name == "Parley (SQLite)" and ("Parley (PostgreSQL)", name, c) in rate:
                pg = rate[("Parley (PostgreSQL)", name, c)]
                print(f"SQLite / PostgreSQL throughput, {name}, c={c}: {value / pg:.2f}")
    if args.baseline_ref:
        for (server_name, name, c), value in rate.items():
            if ", " not in server_name:
                continue
            now = server_name.split(",")[0] + ")"
            if (now, name, c) in rate:
                print(f"{now} / {server_name}, {name}, c={c}: {rate[(now, name, c)] / value:.2f}")
    if scaling:
        print()
        print(table(scaling, ["workers", "endpoint", "c", "req/s", "p50 ms", "p90 ms", "p99 ms"]))


# The rows measured for --baseline-ref.
BASELINE_ROWS = ("speaker+topic page", "document fetch", "document's turns page")


def _checkout(ref: str, into: Path) -> list[str]:
    """The `parley` command of commit `ref`, unpacked into `into`."""
    root = Path(__file__).resolve().parent.parent
    archive = subprocess.run(
        ["git", "archive", ref], cwd=root, check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    # Its own `app` package ahead of this checkout's (python -m would put the working
    # directory first).
    start = (
        f"import runpy, sys; sys.path.insert(0, {str(into)!r}); sys.argv[0] = 'parley'; "
        "runpy.run_module('app.cli', run_name='__main__')"
    )
    return [sys.executable, "-c", start]


def _scaling(url: str, page: str, counts: str, duration: int) -> list[list[object]]:
    """The speaker+topic page at c=32 served by each number of worker processes."""
    rows: list[list[object]] = []
    for workers in counts.split(","):
        with server(
            [*PARLEY, "serve", "--no-seed", "--workers", workers, "--port", str(PARLEY_PORT)],
            PARLEY_PORT,
            env={**PARLEY_ENV, "DATABASE_URL": url},
            wait="/healthz",
        ) as process:
            for _ in range(int(workers) * 4):  # each worker renders the page once
                get_json(PARLEY_PORT, page)
            settle(process.pid)
            r = wrk(f"http://127.0.0.1:{PARLEY_PORT}{page}", 32, duration)
            rows.append([workers, "speaker+topic page", 32, r["rps"], r["50"], r["90"], r["99"]])
            print(rows[-1], flush=True)
    return rows


if __name__ == "__main__":
    main()
