"""The import rule of ARCHITECTURE.md: a module imports from its own layer or the ones
below it, never from a layer above."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"

# Bottom first; each word names a module or a package of app/.
LAYERS = [
    "config textnorm languages urls logs metrics errors schemas models db citations migrate",
    "ingest search exports synth",
    "queries pagination",
    "api web middleware",
    "main cli server",
]
LAYER_OF = {name: index for index, names in enumerate(LAYERS) for name in names.split()}


def _unit(module: str) -> str | None:
    """The layer unit (`queries`, `errors`…) an `app.…` module belongs to."""
    parts = module.split(".")
    return parts[1] if parts[0] == "app" and len(parts) > 1 else None


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "app":  # from app import schemas
                found.update(f"app.{alias.name}" for alias in node.names)
            else:
                found.add(node.module)
    return found


def _modules() -> list[Path]:
    return sorted(APP.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    units = {path.relative_to(APP).parts[0].removesuffix(".py") for path in _modules()}
    assert units - {"__init__"} <= set(LAYER_OF), sorted(units - set(LAYER_OF))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(APP)))
def test_no_import_from_a_layer_above(path: Path) -> None:
    unit = path.relative_to(APP).parts[0].removesuffix(".py")
    if unit == "__init__":
        return
    above = sorted(
        module
        for module in _imports(path)
        if (target := _unit(module)) is not None and LAYER_OF[target] > LAYER_OF[unit]
    )
    assert not above, f"app/{path.relative_to(APP)} (layer {LAYER_OF[unit]}) imports {above}"
