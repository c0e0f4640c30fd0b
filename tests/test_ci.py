"""What CI relies on: property-based tests that fail the same way on every run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture
def ci_profile() -> Iterator[None]:
    current = settings.get_current_profile_name()
    settings.load_profile("ci")
    yield
    settings.load_profile(current)


def _examples() -> list[str]:
    drawn: list[str] = []

    @settings(max_examples=30)
    @given(st.text())
    def record(text: str) -> None:
        drawn.append(text)

    record()
    return drawn


def test_the_ci_profile_draws_the_same_examples_every_run(ci_profile: None) -> None:
    first = _examples()
    assert len(set(first)) > 10 and _examples() == first
