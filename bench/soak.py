"""A bounded soak: many clients on mixed routes, exports included, for a fixed time.

    python bench/soak.py --url sqlite:////abs/path/bench.db [--clients 32] [--seconds 60]

Serves the database with `parley serve` (one worker, the default limits, no rate
limit: every client here shares one address) and runs `--clients` threads, each on a
keep-alive connection, through a fixed mix of routes until `--seconds` have passed.
Prints the answers by status, transport errors, latency percentiles, and the serving
process's resident memory after a warm-up and at the end. Exports refused because
every export slot was taken (503 `busy`) are counted apart: that is the limit working.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from common import PARLEY, PARLEY_ENV, percentiles, server
from queries import pick_workload
from throughput import _free_port

from app.db import make_engine


def rss_mb(pid: int) -> dict[str, int]:
    """Resident memory, and how much of it is the process's own (RssAnon) rather than
    mapped files (RssFile: SQLite's memory-mapped database, which the kernel can drop)."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return {
        name: round(int(fields[key].split()[0]) / 1024)
        for name, key in (("rss", "VmRSS"), ("own", "RssAnon"), ("mapped files", "RssFile"))
    }


def routes(work: dict[str, object]) -> list[str]:
    speaker, topic = quote(str(work["speaker"])), quote(str(work["topic"]))
    document = work["document"]
    return [
        f"/v1/utterances?speaker={speaker}&topic={topic}",
        f"/v1/utterances?speaker={speaker}&topic={topic}&count=true",
        f"/v1/documents/{document}",
        f"/v1/documents/{document}/utterances?limit=100",
        f"/v1/search?q={quote(str(work['rare_word']))}",
        "/v1/documents?limit=20",
        "/v1/participants?q=Li",
        "/v1/topics",
        f"/v1/documents/{document}/utterances?format=csv",
        f"/v1/utterances?speaker={speaker}&topic={topic}&format=jsonl",
        f"/v1/documents/{document}?format=tei",
        "/healthz",
    ]


def client(
    port: int, paths: list[str], start: int, until: float, results: list[tuple[str, int, float]]
) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for path in itertools.islice(itertools.cycle(paths), start, None):
        if time.monotonic() >= until:
            break
        began = time.monotonic()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read()
            status = response.status
            if status == 503 and b'"urn:parley:problem:busy"' in body:
                status = -503  # an export slot was not free: the limit, not a failure
        except (OSError, http.client.HTTPException):
            status = 0
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        results.append((path, status, time.monotonic() - began))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()
    engine = make_engine(args.url)
    work = pick_workload(engine)
    engine.dispose()
    paths = routes(work)
    port = _free_port()
    with server(
        [*PARLEY, "serve", "--no-seed", "--port", str(port)],
        port,
        env={**PARLEY_ENV, "DATABASE_URL": args.url, "PARLEY_LOG_LEVEL": "warning"},
        wait="/healthz",
    ) as process:
        warm: list[tuple[str, int, float]] = []
        client(port, paths, 0, time.monotonic() + 5, warm)
        rss_start = rss_mb(process.pid)
        results: list[tuple[str, int, float]] = []
        until = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=client, args=(port, paths, i, until, results))
            for i in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        rss_end = rss_mb(process.pid)
    statuses = Counter(status for _, status, _ in results)
    errors = sum(n for status, n in statuses.items() if status == 0 or status >= 500)
    latency = percentiles([seconds for _, _, seconds in results])
    report = {
        "clients": args.clients,
        "seconds": args.seconds,
        "requests": len(results),
        "per_second": round(len(results) / args.seconds, 1),
        "by_status": {
            ("export refused (busy)" if s == -503 else "transport error" if s == 0 else s): n
            for s, n in sorted(statuses.items())
        },
        "errors": errors,
        "latency_ms": {k: round(v, 1) for k, v in latency.items()},
        "memory_mb": {"start": rss_start, "end": rss_end},
    }
    print(json.dumps(report, indent=2, default=str))


if __name__ == "__main__":
    main()
