"""Role nouns of a town or province take its state (marsad.actors.located, issue #3)."""

from datetime import date

import pytest

from marsad.actors.lexicon import ActorLexicon
from marsad.actors.stage import ActorStage
from marsad.when_where.gazetteer import Gazetteer

WHEN = date(2015, 8, 1)


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage(ActorLexicon(), places=Gazetteer())


def _coded(stage, make_doc, text):
    return [(m.span.text, m.code, m.agent) for m in stage(make_doc(text, date=WHEN)).actors]


@pytest.mark.parametrize(("text", "expected"), [
    ("أعلنت شرطة تبوك القبض على ثلاثة مقيمين", [("شرطة", "SAU", "POL")]),  # local news: no state named
    ("وقال أمير منطقة الرياض إن", [("أمير منطقة الرياض", "SAU", "GOV")]),
    ("وقال قائد شرطة الموصل إن العراق", [("شرطة", "IRQ", "POL"), ("العراق", "IRQ", "GOV")]),
])
def test_actor_role_of_a_town_takes_its_state(stage, make_doc, text, expected):
    assert _coded(stage, make_doc, text) == expected


def test_actor_role_of_a_town_named_elsewhere_keeps_its_context(stage, make_doc):
    # السليمانية is a town of Iraq in the gazetteer and a district of Riyadh: in a story from
    # Riyadh that never names Iraq, the police are Riyadh's
    got = _coded(stage, make_doc, "قدمت المواطنة شكواها في الرياض إلى شرطة السليمانية")
    assert ("شرطة", "IRQ", "POL") not in got


def test_actor_role_with_the_article_is_no_construct(stage, make_doc):
    got = _coded(stage, make_doc, "وقالت الشرطة تبوك")  # not "the police of Tabuk"
    assert all(code != "SAU" for _, code, agent in got if agent == "POL")


def test_actor_stage_without_a_gazetteer_leaves_town_roles_alone(make_doc):
    got = [(m.code, m.agent) for m in ActorStage(ActorLexicon())(make_doc("أعلنت شرطة تبوك القبض", date=WHEN)).actors]
    assert got == [("", "POL")]


@pytest.mark.parametrize(("text", "code"), [
    # the attacker's demonym is the last state named: the opposition is the town's state's
    ("قصفت الطائرات الروسية مواقع للمعارضة في ريف إدلب", "SYR"),
    ("قصفت مقاتلات روسية مقرات للمعارضة قرب حماة", "SYR"),  # حماة only after a place word
    ("قصفت الطائرات الإيرانية مواقع للمعارضة في البصرة", "IRQ"),
    ("سيطر مقاتلو المعارضة على بلدة في ريف درعا", "SYR"),  # no state named before
])
def test_actor_opposition_takes_the_state_of_its_front(stage, make_doc, text, code):
    got = [c for t, c, _ in _coded(stage, make_doc, text) if "معارض" in t]
    assert got and all(c == code for c in got)


@pytest.mark.parametrize("text", [
    "وقالت سوريا إن الفصائل المعارضة التي تتدرب في تركيا",  # a relative clause: another verb's place
    "وقالت سوريا إن المعارضة تريد الحل. واجتمع ممثلو المعارضة في إسطنبول",  # last state not in the sentence
])
def test_actor_opposition_keeps_the_last_state_elsewhere(stage, make_doc, text):
    got = {c for t, c, _ in _coded(stage, make_doc, text) if "معارض" in t}
    assert got == {"SYR"}


@pytest.mark.parametrize(("text", "code"), [
    ("وقال مسؤول تركي إن أنقرة تتابع التطورات. وقصفت قوات النظام أحياء في مدينة درعا", "SYR"),  # its front
    ("نفذ التحالف الدولي غارات في الرقة. وقصفت قوات النظام أحياء في مدينة درعا", "SYR"),  # no IGO's regime
    # no front: the regime named first in the article (قوات النظام السوري), not the last state
    ("وقصفت قوات النظام السوري حماة. ودعت تركيا إلى التهدئة. وقصفت قوات النظام البلدة", "SYR"),
])
def test_actor_regime_forces_are_the_state_they_fight_in(stage, make_doc, text, code):
    got = [c for t, c, _ in _coded(stage, make_doc, text) if t == "قوات النظام"]
    assert got and all(c == code for c in got)


def test_actor_opposition_front_in_the_articles_state(stage, make_doc):
    # the last state named (Iran) is in another sentence, but the front is in the state the
    # article names most (Syria)
    text = "وقالت سوريا إن الجيش السوري يتقدم. ودعت إيران إلى الحوار. وتقدم مقاتلو المعارضة في ريف إدلب"
    got = {c for t, c, _ in _coded(stage, make_doc, text) if "معارض" in t}
    assert got == {"SYR"}
