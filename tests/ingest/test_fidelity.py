"""The annotated corpus in tests/data/fidelity is read at least as faithfully as the
goal: bench/fidelity.py exits non-zero when turn precision falls below 0.95, turn
recall below 0.90, a stated date is missed, a conversation is refused or a page with
no conversation loads."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_the_fidelity_corpus_meets_the_goal() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "fidelity.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "turn precision" in run.stdout
