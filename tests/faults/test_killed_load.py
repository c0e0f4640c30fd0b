"""kill -9 of `parley load` with parsing workers: the workers die with it, and a rerun
is not held up by anything the killed run left behind."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.db import normalise_url
from app.synth import write_corpus
from tests.conftest import ROOT, SEED_DIR
from tests.faults.conftest import Cluster, parley_env

pytestmark = pytest.mark.faults


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return found
    for child in map(int, children):
        found |= {child, *_descendants(child)}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    give_up = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > give_up:
            raise AssertionError(f"waited {seconds} s for {what}")
        time.sleep(0.05)


def _in_a_write(url: str) -> Callable[[], bool]:
    """Whether the load has a transaction open with something written."""
    engine = create_engine(normalise_url(url))

    def check() -> bool:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                try:
                    return bool(connection.scalar(text("SELECT count(*) FROM documents")))
                except Exception:
                    return False
            return bool(
                connection.scalar(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                        "'parley load' AND backend_xid IS NOT NULL"  # it has written
                    )
                )
            )

    return check


@pytest.fixture(params=["sqlite", "postgresql"])
def load_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/killed.db"
    cluster: Cluster = request.getfixturevalue("cluster")
    return cluster.create_database(f"killed_{tmp_path.name[-12:].replace('-', '_')}")


def test_a_killed_load_leaves_nothing_that_blocks_the_next(load_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 30, 1, SEED_DIR)
    command = [sys.executable, "-m", "app.cli", "load", "-j", "2", "--reference"]
    command += [str(corpus), str(corpus)]
    env = parley_env(load_url)
    load = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait_for(lambda: len(_descendants(load.pid)) >= 2, 30, "the parsing workers")
        _wait_for(_in_a_write(load_url), 60, "the load to be writing")
        workers = _descendants(load.pid)
        load.send_signal(signal.SIGKILL)
        load.wait(10)
        _wait_for(lambda: not any(map(_alive, workers)), 5, "the workers to die with the load")
    finally:
        if load.poll() is None:
            load.kill()
    rerun = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert "waiting for a lock" not in rerun.stderr


def test_a_load_waiting_for_a_lock_says_who_holds_it_and_gives_up_in_time(
    fresh_url: str,
) -> None:
    from sqlalchemy.orm import sessionmaker

    from app.db import make_engine
    from app.ingest.loader import discover, load_files
    from app.migrate import upgrade
    from tests.conftest import SEED_FILE

    loader = make_engine(fresh_url, lock_timeout=0.3)
    upgrade(loader)
    list(load_files(sessionmaker(loader), [], SEED_DIR))  # the reference data, written
    other = make_engine(fresh_url, application_name="another writer")
    heard: list[str] = []
    with other.connect() as holder:
        if other.dialect.name == "sqlite":
            holder.exec_driver_sql("COMMIT")  # out of the BEGIN the engine issued
            holder.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock, held
        else:
            holder.execute(text("LOCK TABLE documents IN EXCLUSIVE MODE"))
        outcomes = list(
            load_files(
                sessionmaker(loader),
                discover([SEED_FILE]),
                SEED_DIR,
                lock_wait=1.0,
                on_wait=heard.append,
            )
        )
        holder.rollback()
    loader.dispose()
    other.dispose()
    [outcome] = outcomes
    assert outcome.status == "failed" and "gave up after" in outcome.error.message
    assert heard and all("waiting for a lock held by" in line for line in heard)
    if "postgresql" in fresh_url:
        assert "another writer" in heard[0]
