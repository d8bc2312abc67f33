"""Fixtures for the API tests.

* ``api_store`` — a DuckDB store (built once per session) with the coded sample articles and
  two hand-built articles (see ``storefix.py``).
* ``client`` — a FastAPI TestClient over that store, read-only, no API token.
* ``make_client`` — a TestClient with other settings (token, body limit, timeout, own store).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from storefix import build_store  # noqa: E402

from marsad.api.app import create_app  # noqa: E402
from marsad.config import Settings  # noqa: E402


@pytest.fixture(scope="session")
def api_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "api.duckdb")


@pytest.fixture(scope="session")
def client(api_store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db_path=str(api_store)))) as c:
        yield c


@pytest.fixture()
def make_client(api_store: Path) -> Iterator[Callable[..., TestClient]]:
    made: list[TestClient] = []

    def make(**changes: object) -> TestClient:
        changes.setdefault("db_path", str(api_store))
        c = TestClient(create_app(Settings().with_(**changes)))
        c.__enter__()
        made.append(c)
        return c

    yield make
    for c in made:
        c.__exit__(None, None, None)
