"""Shared fixtures.

* ``shared`` — path of ../shared (the eval and reference data); tests that need it
  skip when it is absent.
* ``test_lexicons`` — small dedicated actor and trigger dictionaries under
  tests/data/, so unit expectations do not drift when the production
  dictionaries grow (PETRARCH2's validation approach).
* ``make_doc`` — a prepared Document from a text (normalized, tokenized, split).
* ``cues`` — the packaged cue lists; ``cue_site`` — ``cue_site(text, trigger, date=None)``: a prepared
  Document and the (sentence, token) indices of the first token whose raw text is ``trigger``, where
  the cue functions (modality, background...) are asked about an event.
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


@pytest.fixture(scope="session")
def stage():
    """The actor stage with the packaged lexicon (a module may define its own ``stage``)."""
    from marsad.actors.lexicon import ActorLexicon
    from marsad.actors.stage import ActorStage

    return ActorStage(ActorLexicon())


@pytest.fixture()
def make_doc() -> Callable[..., Document]:
    def make(text: str, **meta) -> Document:
        return document_from_text(text, **meta)

    return make


@pytest.fixture(scope="session")
def cues():
    from marsad.coding.cues import load_cues

    return load_cues()


def _cue_site(text: str, trigger: str, when=None) -> tuple[Document, int, int]:
    doc = document_from_text(text, date=when)
    for i, t in enumerate(doc.tokens):
        if doc.span(t.start, t.end).text == trigger:
            s = next(k for k, s in enumerate(doc.sentences) if s.first_token <= i < s.last_token)
            return doc, s, i
    raise AssertionError(f"{trigger!r} is not a token of {text!r}")


@pytest.fixture
def cue_site() -> Callable[..., tuple[Document, int, int]]:
    return _cue_site
