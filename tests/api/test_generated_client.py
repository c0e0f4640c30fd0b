"""A Python client generated from the OpenAPI document by openapi-python-client works
as generated: typed JSON for the JSON operations, text for the exports."""

from __future__ import annotations

import asyncio
import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

# Media types the generator does not know by name are read as text, which they are.
CONFIG = """\
package_name_override: parley_client
content_type_overrides:
  application/jsonl: text/plain
  application/tei+xml: text/plain
  application/x-bibtex: text/plain
  application/x-research-info-systems: text/plain
"""


@pytest.fixture
def generated(app: FastAPI, tmp_path: Path) -> Iterator[Any]:
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(app.openapi()), encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    generator = Path(sys.executable).with_name("openapi-python-client")
    output = tmp_path / "parley_client"
    run = subprocess.run(
        [
            generator,
            "generate",
            "--path",
            spec,
            "--config",
            config,
            "--meta",
            "none",
            "--output-path",
            output,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "will be omitted" not in run.stdout, run.stdout  # every operation generated whole
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module("parley_client")
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.split(".")[0] == "parley_client"]:
            del sys.modules[name]


def test_the_mission_query_and_a_csv_export_through_a_generated_client(
    app: FastAPI, generated: Any
) -> None:
    utterances = importlib.import_module("parley_client.api.utterances")
    list_utterances = importlib.import_module(f"{utterances.__name__}.list_utterances")
    export_csv = importlib.import_module(f"{utterances.__name__}.export_utterances_csv")
    page_type = importlib.import_module("parley_client.models").PageUtterance
    client = generated.Client(base_url="http://parley.test")
    client.set_async_httpx_client(
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://parley.test")
    )
    mission = {"speaker": "Mao", "topic": "KChZhD", "lang": ["en"]}

    async def ask() -> tuple[Any, Any]:
        page = await list_utterances.asyncio(client=client, **mission)
        csv = await export_csv.asyncio(client=client, **mission)
        return page, csv

    # A thread of its own: a session-scoped Playwright may own this thread's event loop.
    with ThreadPoolExecutor(max_workers=1) as thread:
        page, csv = thread.submit(asyncio.run, ask()).result()
    assert isinstance(page, page_type)  # typed JSON, not a union with text
    assert [item.id for item in page.items] == [
        "wilson-111245.17",
        "wilson-111245.19",
        "wilson-111245.37",
        "wilson-111245.44",
    ]
    assert page.items[0].speaker.name == "Mao Zedong"
    assert isinstance(csv, str)
    rows = csv.lstrip("\ufeff").splitlines()
    assert rows[0].startswith("id,document") and len(rows) == 5
    assert rows[1].startswith("wilson-111245.17,")
