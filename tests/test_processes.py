"""`parley migrate` and `parley serve` as a user runs them: the installed command in a
process of its own, against a database of its own, stopped the way a service manager
stops it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.db import make_engine
from app.migrate import is_current

PARLEY = Path(sys.executable).with_name("parley")  # the console script pip installed
STARTUP = 120  # seconds a loaded machine may take to migrate, load the seed and listen


def _environment(database_url: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": database_url}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_migrate_brings_an_empty_database_to_the_newest_migration(fresh_url: str) -> None:
    done = subprocess.run(
        [PARLEY, "migrate"],
        env=_environment(fresh_url),
        capture_output=True,
        text=True,
        timeout=STARTUP,
    )
    assert done.returncode == 0, done.stderr
    assert "database is at the newest migration" in done.stdout
    engine = make_engine(fresh_url)
    assert is_current(engine)
    engine.dispose()


@pytest.fixture
def server(fresh_url: str, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`parley serve` on a free port, ready to answer; killed if a test leaves it running."""
    port = _free_port()
    log = (tmp_path / "serve.log").open("w+")
    process = subprocess.Popen(
        [PARLEY, "serve", "--port", str(port)],
        env=_environment(fresh_url),
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP
    while True:
        assert process.poll() is None, (tmp_path / "serve.log").read_text()
        try:
            if _get(f"{base}/readyz")[0] == 200:
                break
        except OSError:  # not listening yet
            pass
        assert time.monotonic() < deadline, "parley serve never became ready"
        time.sleep(0.2)
    try:
        yield process, base
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        log.close()


def test_serve_loads_the_seed_answers_and_stops_on_sigterm(
    server: tuple[subprocess.Popen[str], str], tmp_path: Path
) -> None:
    process, base = server
    status, page = _get(f"{base}/v1/utterances?speaker=Mao&topic=KChZhD&lang=en")
    assert status == 200
    assert [item["id"] for item in page["items"]] == [
        f"wilson-111245.{position}" for position in (17, 19, 37, 44)
    ]
    assert page["items"][0]["url"] == f"{base}/v1/utterances/wilson-111245.17"
    status, problem = _get(f"{base}/v1/utterances?speaker=Staline")
    assert status == 422 and problem["suggestions"] == [{"id": "stalin", "name": "Joseph Stalin"}]

    process.send_signal(signal.SIGTERM)
    # uvicorn shuts down gracefully, then raises the signal again with the default
    # handler, so the process ends as killed by SIGTERM, as a service manager expects.
    assert process.wait(timeout=60) in {0, -signal.SIGTERM}
    log = (tmp_path / "serve.log").read_text()
    assert "seed: 1 document(s) ready (1 loaded now)" in log
    assert "Waiting for application shutdown." in log and "Finished server process" in log
