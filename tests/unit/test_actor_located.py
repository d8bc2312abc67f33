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
