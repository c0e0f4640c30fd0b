"""Deployment: replicas migrating one database at once, and the image recipe's own steps
run in a fresh virtual environment (there is no container engine here)."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.db import make_engine
from app.migrate import is_current, upgrade
from tests.conftest import ROOT
from tests.faults.conftest import serve

pytestmark = pytest.mark.faults


def test_replicas_starting_together_migrate_one_at_a_time(fresh_url: str) -> None:
    start = threading.Barrier(3)
    failures: list[BaseException] = []

    def replica() -> None:
        engine = make_engine(fresh_url)
        try:
            start.wait()
            upgrade(engine)
        except BaseException as exc:  # reported below, with the replica's own traceback
            failures.append(exc)
        finally:
            engine.dispose()

    replicas = [threading.Thread(target=replica) for _ in range(3)]
    for thread in replicas:
        thread.start()
    for thread in replicas:
        thread.join(120)
    assert failures == []
    engine = make_engine(fresh_url)
    assert is_current(engine)
    engine.dispose()


def _instructions(dockerfile: Path) -> list[list[tuple[str, str]]]:
    """The recipe's stages, each a list of (INSTRUCTION, arguments)."""
    text = re.sub(r"\\\n", " ", dockerfile.read_text())
    stages: list[list[tuple[str, str]]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        instruction, _, arguments = line.partition(" ")
        if instruction.upper() == "FROM":
            stages.append([])
        stages[-1].append((instruction.upper(), arguments.strip()))
    return stages


def _env(arguments: str) -> dict[str, str]:
    return dict(pair.split("=", 1) for pair in shlex.split(arguments))


@pytest.mark.slow
def test_the_image_recipe_builds_an_install_that_migrates_and_serves(tmp_path: Path) -> None:
    build, runtime = _instructions(ROOT / "Dockerfile")
    # What the runtime stage promises.
    bases = [args for name, args in build + runtime if name == "FROM"]
    assert all(re.search(r":\d+\.\d+\.\d+-", base) for base in bases), bases
    user = [args for name, args in runtime if name == "USER"]
    assert user and user[-1] not in {"root", "0"}
    healthcheck = next(args for name, args in runtime if name == "HEALTHCHECK")
    steps = [name for name, _ in build]
    assert steps.index("RUN", steps.index("COPY") + 1) < steps.index(
        "COPY", steps.index("COPY") + 1
    )

    # The build stage's steps, with its absolute paths moved under tmp_path.
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "python").symlink_to(sys.executable)
    env = {"PATH": f"{shim}:{os.environ['PATH']}", "HOME": str(tmp_path)}
    workdir = tmp_path
    for name, arguments in build:
        if name == "ENV":
            for key, value in _env(arguments).items():
                env[key] = str(tmp_path) + value if value.startswith("/") else value
        elif name == "WORKDIR":
            workdir = tmp_path / arguments.lstrip("/")
            workdir.mkdir(parents=True, exist_ok=True)
        elif name == "COPY":
            *sources, target = arguments.split()
            for source in sources:
                origin = ROOT / source
                destination = workdir / target if target != "./" else workdir / origin.name
                if origin.is_dir():
                    shutil.copytree(
                        origin, destination, ignore=shutil.ignore_patterns("__pycache__")
                    )
                else:
                    shutil.copy(origin, workdir / origin.name)
        elif name == "RUN":
            subprocess.run(["bash", "-c", arguments], cwd=workdir, env=env, check=True)
    venv = Path(env["VIRTUAL_ENV"])

    # The install, run from elsewhere: migrations and seed must come from the package.
    elsewhere = tmp_path / "data"
    elsewhere.mkdir()
    runtime_env = {**_env(next(a for n, a in runtime if n == "ENV")), **env}
    runtime_env["PATH"] = f"{venv / 'bin'}:{os.environ['PATH']}"
    runtime_env["DATABASE_URL"] = f"sqlite:///{elsewhere}/parley.db"
    runtime_env = {k: v for k, v in runtime_env.items() if k != "PYTHONPATH"}
    migrated = subprocess.run(
        [str(venv / "bin" / "parley"), "migrate"],
        cwd=elsewhere,
        env=runtime_env,
        text=True,
        capture_output=True,
    )
    assert migrated.returncode == 0, migrated.stderr
    with serve(
        runtime_env["DATABASE_URL"],
        tmp_path,
        command=[str(venv / "bin" / "parley"), "serve"],
        cwd=elsewhere,
        base_env=runtime_env,
    ) as served:
        conn = served.connection()
        # The seed, the reader's templates and assets, and the OpenAPI examples, all from
        # the package.
        for path in ("/v1/topics/kchzhd", "/", "/static/parley.css", "/openapi.json"):
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            assert response.status == 200, path
        probe = json.loads(healthcheck.split("CMD", 1)[1])
        checked = subprocess.run(probe, env={**runtime_env, "PARLEY_PORT": str(served.port)})
        assert checked.returncode == 0
