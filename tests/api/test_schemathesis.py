"""Property-based fuzzing of the read endpoints with schemathesis (slow suite: ``pytest -m slow``).

Every generated request (valid and schema-violating) must get a response that the OpenAPI
document allows: a documented status code, a body valid against its schema, 4xx for invalid
input, never a 5xx.  The app is created at import (it opens its store lazily); the store is
built by a fixture before the first case runs.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from storefix import build_store  # noqa: E402

from marsad.api.app import create_app  # noqa: E402
from marsad.config import Settings  # noqa: E402

pytestmark = pytest.mark.slow
DB = Path(tempfile.gettempdir()) / f"marsad-st-{os.getpid()}.duckdb"  # nothing is created at import
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings(db_path=str(DB))))


@pytest.fixture(scope="module", autouse=True)
def _store() -> Iterator[None]:
    if not DB.exists():
        build_store(DB)
    yield
    DB.unlink(missing_ok=True)
    Path(f"{DB}.wal").unlink(missing_ok=True)


@schema.include(method="GET").parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_read_endpoints_conform_to_schema(case):
    case.call_and_validate()
