"""The coder on hand-written sentences with the dedicated test dictionaries."""

from datetime import date

import pytest

from marsad.actors.stage import ActorStage
from marsad.coding.coder import EventStage


@pytest.fixture()
def code(test_lexicons, make_doc):
    actors_lex, trig_lex = test_lexicons

    def run(text, when=date(2019, 3, 25)):
        doc = make_doc(text, date=when)
        ActorStage(actors_lex)(doc)
        EventStage(trig_lex)(doc)
        return doc

    return run


def triples(doc):
    return sorted((e.source.code, e.target.code if e.target else "-", e.cameo) for e in doc.events)


def test_light_verb_phone_call_is_symmetric(code):
    doc = code("أجرى وزير الخارجية الأمريكي مايك بومبيو محادثة هاتفية مع وزير الخارجية الروسي سيرجي لافروف.")
    assert triples(doc) == [("RUS", "USA", "041"), ("USA", "RUS", "041")]
    ev = doc.events[0]
    assert doc.text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
    assert ev.trigger.text.startswith("أجرى") and ev.source.name == "Mike Pompeo"


def test_conjoined_sources_give_one_event_per_pair(code):
    doc = code("قطعت السعودية والإمارات والبحرين ومصر العلاقات مع قطر.")
    assert triples(doc) == [("ARE", "QAT", "161"), ("BHR", "QAT", "161"), ("EGY", "QAT", "161"),
                            ("SAU", "QAT", "161")]


def test_visit_gives_042_and_043(code):
    doc = code("زار وزير الخارجية الروسي سيرجي لافروف فنزويلا.")
    assert triples(doc) == [("RUS", "VEN", "042"), ("VEN", "RUS", "043")]


def test_svo_order(code):
    doc = code("الجيش الإسرائيلي قصف مواقع حماس.")
    assert triples(doc) == [("ISR", "PSE", "195")]


def test_vso_order_with_preposition_target(code):
    doc = code("وقصفت القوات الروسية على مواقع داعش.")
    assert triples(doc) == [("RUS", "NSA:ISIS", "195")]


def test_trigger_span_leaves_out_the_conjunction(code):
    doc = code("وأدانت مصر الهجوم على إسرائيل.")
    assert doc.events[0].trigger.text == "أدانت"


def test_speaker_fallback(code):
    doc = code("وقال بومبيو إن بلاده تدين التدخل.")
    assert [t[0] for t in triples(doc)] == ["USA"]


def test_same_triple_twice_is_one_event(code):
    doc = code("أدانت مصر إسرائيل. وأدانت مصر إسرائيل مجددا.")
    assert triples(doc) == [("EGY", "ISR", "111")]


def test_goldstein_quad_and_plover(code):
    ev = code("أدانت مصر إسرائيل.").events[0]
    assert (ev.quad, ev.goldstein, ev.plover_type) == (3, -2.0, "ACCUSE")


def test_dual_subject_acts_on_the_other_side_not_on_what_follows(code):
    """الوزيران after a sentence naming both: a symmetric act is between the two, and an actor named
    after it (الحرب على داعش) is what they talk about, not a third party (before: USA>ISIS, RUS>ISIS
    and back)."""
    doc = code("التقى وزير الخارجية الأمريكي مايك بومبيو نظيره الروسي سيرجي لافروف في موسكو. "
               "وأجرى الوزيران اتصالا هاتفيا تناول الحرب على داعش.")
    calls = sorted(t for t in triples(doc) if t[2] == "041")
    assert calls == [("RUS", "USA", "041"), ("USA", "RUS", "041")]
    assert all(e.features.get("tgt_how=dual") for e in doc.events if e.cameo == "041")


def test_dual_pair_skips_a_transnational_armed_group(code):
    """The two sides are the states named before, not داعش named between them and the dual noun."""
    doc = code("التقى وزير الخارجية الأمريكي مايك بومبيو نظيره الروسي سيرجي لافروف لبحث الحرب على داعش. "
               "وأجرى الوزيران اتصالا هاتفيا.")
    calls = sorted(t for t in triples(doc) if t[2] == "041")
    assert calls == [("RUS", "USA", "041"), ("USA", "RUS", "041")]
