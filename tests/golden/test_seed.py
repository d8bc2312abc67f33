"""Golden test on the seed article (last line of ../shared/eval/dev/articles.jsonl)."""

import json

import pytest

import marsad


@pytest.fixture(scope="module")
def seed(shared):
    lines = (shared / "eval" / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    art = json.loads(lines[-1])
    assert art["id"] == "seed"
    return art, marsad.code(art["text"], date=art.get("date"), id=art["id"])


def test_seed_russian_military_landing(seed):
    art, doc = seed
    hits = [e for e in doc.events if e.source.code == "RUS" and e.target and e.target.code == "VEN"
            and e.root in ("06", "07") and not e.background]
    assert hits, [(e.source.code, e.target and e.target.code, e.cameo) for e in doc.events]
    for e in hits:
        assert art["text"][e.evidence.start:e.evidence.end] == e.evidence.text
        assert art["text"][e.trigger.start:e.trigger.end] == e.trigger.text


def test_seed_pompeo_lavrov_phone_call(seed):
    art, doc = seed
    call = [e for e in doc.events if (e.source.code, e.target.code if e.target else None, e.cameo)
            == ("USA", "RUS", "041")]
    assert call
    e = call[0]
    assert "أجرى محادثة هاتفية" in e.evidence.text and e.trigger.text.startswith("أجرى")
    assert art["text"][e.trigger.start:e.trigger.end] == e.trigger.text
    assert art["text"][e.source.span.start:e.source.span.end] == e.source.span.text
