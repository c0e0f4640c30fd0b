"""Fixtures for the fault tests: a throwaway PostgreSQL cluster that the tests start,
stop and freeze themselves (initdb on a free port in a temporary folder), and Parley
served by uvicorn in a process of its own, as `parley serve` runs it."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.faults


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _postgres_bin(name: str) -> str:
    found = sorted(str(p) for p in Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not found:
        pytest.skip(f"no PostgreSQL server binaries ({name}) under /usr/lib/postgresql")
    return found[-1]


class Cluster:
    """A PostgreSQL cluster of the tests' own, with trust authentication."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="parley-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self.root.chmod(0o755)
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.root, "postgres", "postgres")
        self._run(
            [
                *(_postgres_bin("initdb"), "-D", str(self.data), "-U", "postgres"),
                *("--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"),
            ],
        )
        self.start()

    def _as_owner(self, command: list[str]) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command

    def _run(self, command: list[str]) -> None:
        subprocess.run(self._as_owner(command), check=True, capture_output=True)

    def start(self) -> None:
        self.process = subprocess.Popen(
            self._as_owner(
                [
                    *(_postgres_bin("postgres"), "-D", str(self.data), "-p", str(self.port)),
                    *("-k", str(self.root), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"),
                ]
            ),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.wait_ready()

    def wait_ready(self, seconds: float = 30) -> None:
        give_up = time.monotonic() + seconds
        while time.monotonic() < give_up:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    pass
                ready = subprocess.run(
                    [_postgres_bin("pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                    capture_output=True,
                )
                if ready.returncode == 0:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the throwaway PostgreSQL did not start")

    def _server_processes(self) -> list[int]:
        """The postmaster and every process it started (backends, background workers)."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        found, queue = [], [postmaster]
        while queue:
            pid = queue.pop()
            found.append(pid)
            for task in Path(f"/proc/{pid}/task").glob("*"):
                queue.extend(int(c) for c in (task / "children").read_text().split())
        return found

    def stop(self) -> None:
        """A fast shutdown: every session is ended, as in an outage."""
        os.kill(self._server_processes()[0], signal.SIGINT)
        self.process.wait(30)

    def freeze(self) -> None:
        """SIGSTOP to the postmaster and every backend: connections stay open and
        nothing answers."""
        self.frozen = self._server_processes()
        for pid in self.frozen:
            os.kill(pid, signal.SIGSTOP)

    def thaw(self) -> None:
        # runuser stops itself when its child stops, as a shell's job would.
        for pid in [*getattr(self, "frozen", []), self.process.pid]:
            os.kill(pid, signal.SIGCONT)
        self.frozen = []

    def create_database(self, name: str) -> str:
        self._run(
            [
                *(_postgres_bin("psql"), "-h", "127.0.0.1", "-p", str(self.port)),
                *("-U", "postgres", "-qc", f'CREATE DATABASE "{name}"'),
            ]
        )
        return self.url.rsplit("/", 1)[0] + f"/{name}"

    def destroy(self) -> None:
        if self.process.poll() is None:
            self.thaw()
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    started = Cluster()
    yield started
    started.destroy()


@dataclass
class Served:
    port: int
    log: Path
    process: subprocess.Popen[bytes]

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def log_lines(self) -> list[dict[str, Any]]:
        lines = []
        for line in self.log.read_text(encoding="utf-8").splitlines():
            if line.startswith("{"):
                lines.append(json.loads(line))
        return lines


def parley_env(database_url: str, **settings: str) -> dict[str, str]:
    """The environment of a `parley` process: this checkout, this database, and the
    given PARLEY_* settings (others from the test run's environment dropped)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARLEY_")}
    env.update(DATABASE_URL=database_url, PYTHONPATH=str(ROOT), COLUMNS="200")
    # One serving process unless a test asks for more: `serve` would start one per core.
    env["PARLEY_WORKERS"] = "1"
    env.update({f"PARLEY_{name.upper()}": value for name, value in settings.items()})
    return env


@contextmanager
def serve(
    database_url: str,
    tmp: Path,
    *,
    command: list[str] | None = None,
    cwd: Path = ROOT,
    base_env: dict[str, str] | None = None,
    **settings: str,
) -> Iterator[Served]:
    """`parley serve` (migrations, the seed, uvicorn) on a free port: this checkout's,
    or `command` in `base_env`."""
    port = free_port()
    log = tmp / f"serve-{port}.log"
    env = parley_env(database_url, rate_limit="none", port=str(port), **settings)
    if base_env is not None:
        env = {**base_env, **{k: v for k, v in env.items() if k.startswith("PARLEY_")}}
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            command or [sys.executable, "-m", "app.cli", "serve"],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    served = Served(port, log, process)
    try:
        give_up = time.monotonic() + 60
        while True:
            try:
                conn = served.connection()
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > give_up:
                    raise RuntimeError(log.read_text()) from None
                time.sleep(0.2)
        yield served
    finally:
        process.terminate()
        process.wait(30)
