"""Shared fixtures.

* ``shared`` — path of ../shared (the eval and reference data); tests that need it
  skip when it is absent.
* ``test_lexicons`` — small dedicated actor and trigger dictionaries under
  tests/data/, so unit expectations do not drift when the production
  dictionaries grow (PETRARCH2's validation approach).
* ``make_doc`` — a prepared Document from a text (normalized, tokenized, split).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.document import Document
from marsad.text.prepare import document_from_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT.parent / "shared").resolve()
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "dev" / "articles.jsonl").exists():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def test_lexicons():
    """(ActorLexicon, TriggerLexicon) built from tests/data only."""
    from marsad.actors.lexicon import ActorLexicon
    from marsad.coding.lexicon import TriggerLexicon

    return ActorLexicon(DATA / "actors"), TriggerLexicon(DATA / "lexicon")


@pytest.fixture()
def make_doc() -> Callable[..., Document]:
    def make(text: str, **meta) -> Document:
        return document_from_text(text, **meta)

    return make
