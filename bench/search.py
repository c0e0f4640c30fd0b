"""Search alone: in-process latency and HTTP throughput of this tree beside an older commit.

    python bench/search.py --url sqlite:////abs/path/bench.db \
        [--pg postgresql://postgres@127.0.0.1:5432/parley_bench] [--baseline REV] \
        [--rare Voboov] [--broad compensation] [--repeat 200] [--duration 10]

For each backend and each code (`--baseline`, a git revision exported to a temporary
folder, then this tree), in this one invocation: the selective and the broad search
through the ASGI app in one event loop (p50/p95/p99, and CPU milliseconds per
request), then served by one uvicorn worker under wrk at c=8 and c=32 (requests/s,
latency, and the server's CPU per request). The two codes take turns, so a machine
that gets busier part way through weighs on both. The databases must already be at
the newest migration of both codes (a server applies migrations when it starts).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import quote

from common import PARLEY_ENV, ROOT, percentiles, server, table
from throughput import settle, wrk

PORT = 8765
# -P: the working directory is not put first on the path, so PYTHONPATH picks the code.
PARLEY = [sys.executable, "-P", "-m", "app.cli"]


def in_process(url: str, queries: dict[str, str], repeat: int) -> dict[str, dict[str, float]]:
    """Latency and CPU per request of each query, through the app of whichever `app`
    package is first on the path."""
    import httpx2

    from app.config import Settings
    from app.db import make_engine
    from app.main import create_app

    engine = make_engine(url)
    app = create_app(Settings(database_url=url, rate_limit="none"), engine)
    loop = asyncio.new_event_loop()
    client = httpx2.AsyncClient(
        transport=httpx2.ASGITransport(app=app), base_url="http://127.0.0.1"
    )

    def get(q: str) -> None:
        response = loop.run_until_complete(client.get("/v1/search", params={"q": q}))
        assert response.status_code == 200, response.text

    out = {}
    for name, q in queries.items():
        for _ in range(5):
            get(q)
        samples = []
        cpu = time.process_time()
        for _ in range(repeat):
            started = time.perf_counter()
            get(q)
            samples.append(time.perf_counter() - started)
        cpu_ms = (time.process_time() - cpu) * 1000 / repeat
        out[name] = {**percentiles(samples), "cpu_ms": cpu_ms}
    loop.run_until_complete(client.aclose())
    return out


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def code_env(tree: Path) -> dict[str, str]:
    """Environment that makes `tree`'s `app` package the one imported."""
    return {**PARLEY_ENV, "PYTHONPATH": str(tree)}


def export(revision: str, into: Path) -> Path:
    """The files of `revision`, as a folder."""
    archive = subprocess.run(
        ["git", "archive", revision], cwd=ROOT, check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="sqlite:////absolute/path.db")
    parser.add_argument("--pg", help="PostgreSQL URL holding the same corpus")
    parser.add_argument("--baseline", help="git revision to measure beside this tree")
    parser.add_argument("--rare", default="Voboov", help="a rare name")
    parser.add_argument("--broad", default="compensation", help="a word in many turns")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument("--in-process", help=argparse.SUPPRESS)  # a child's JSON of queries
    args = parser.parse_args()
    if args.in_process:
        print(json.dumps(in_process(args.url, json.loads(args.in_process), args.repeat)))
        return

    queries = {"selective": args.rare, "broad": args.broad}
    backends = [("SQLite", args.url)] + ([("PostgreSQL", args.pg)] if args.pg else [])
    with ExitStack() as stack:
        codes = [("new", ROOT)]
        if args.baseline:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            codes.insert(0, (f"baseline {args.baseline}", export(args.baseline, folder)))
        latency: list[list[object]] = []
        http: list[list[object]] = []
        for backend, url in backends:
            for code, tree in codes:
                child = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--url",
                        url,
                        "--repeat",
                        str(args.repeat),
                        "--in-process",
                        json.dumps(queries),
                    ],
                    env={**os.environ, **code_env(tree)},
                    cwd=tree,
                    check=True,
                    capture_output=True,
                    text=True,
                )
                found = json.loads(child.stdout.splitlines()[-1])
                for name, r in found.items():
                    latency.append([backend, code, name, r["p50"], r["p95"], r["p99"], r["cpu_ms"]])
                    print(latency[-1], flush=True)
            if args.skip_http:
                continue
            for code, tree in codes:
                with server(
                    [*PARLEY, "serve", "--no-seed", "--port", str(PORT)],
                    PORT,
                    env={**code_env(tree), "DATABASE_URL": url},
                    wait="/healthz",
                ) as process:
                    for name, q in queries.items():
                        for c in (8, 32):
                            settle(process.pid)
                            before = cpu_seconds(process.pid)
                            r = wrk(
                                f"http://127.0.0.1:{PORT}/v1/search?q={quote(q)}", c, args.duration
                            )
                            used = cpu_seconds(process.pid) - before
                            cpu_ms = used * 1000 / max(1.0, r["rps"] * args.duration)
                            http.append(
                                [backend, code, name, c, r["rps"], r["50"], r["99"], cpu_ms]
                            )
                            print(http[-1], flush=True)
    print(
        f"\nIn process ({args.repeat} requests each; selective {args.rare!r}, broad {args.broad!r})"
    )
    print(
        table(
            latency,
            ["backend", "code", "search", "p50 ms", "p95 ms", "p99 ms", "CPU ms/request"],
        )
    )
    if http:
        print(f"\nHTTP, one worker, wrk {args.duration} s per line")
        print(
            table(
                http,
                ["backend", "code", "search", "c", "req/s", "p50 ms", "p99 ms", "CPU ms/request"],
            )
        )
    if args.baseline:
        print("\nnew / baseline:")
        _ratios(latency, http)
    for r in http:
        if r[3] == 32:
            [at8] = [x for x in http if x[:3] == r[:3] and x[3] == 8]
            print(f"  CPU per request at c=32 / c=8, {r[0]}, {r[1]}, {r[2]}: {_div(r[7], at8[7])}")


def _ratios(latency: list[list[object]], http: list[list[object]]) -> None:
    def key(row: list[object], skip: int) -> tuple[object, ...]:
        return (row[0], *row[2:skip])

    base_lat = {key(r, 3): r for r in latency if r[1] != "new"}
    for r in latency:
        if r[1] == "new":
            b = base_lat[key(r, 3)]
            print(
                f"  in process, {r[0]}, {r[2]}: p50 {_div(b[3], r[3])} faster, "
                f"p99 {_div(b[5], r[5])} faster, CPU {_div(b[6], r[6])} less"
            )
    base_http = {key(r, 4): r for r in http if r[1] != "new"}
    for r in http:
        if r[1] == "new":
            b = base_http[key(r, 4)]
            print(
                f"  HTTP, {r[0]}, {r[2]}, c={r[3]}: {_div(r[4], b[4])} the requests/s, "
                f"CPU per request {_div(b[7], r[7])} less"
            )


def _div(a: object, b: object) -> str:
    return f"{float(a) / float(b):.2f}×"  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
