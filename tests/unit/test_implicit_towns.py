"""Towns in a locative phrase as the place of a conflict act (marsad.coding.implicit.town_places)."""

from __future__ import annotations

import pytest

from marsad.coding.implicit import context_country, town_places
from marsad.document import ActorMention
from marsad.when_where.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعدم التنظيم عشرات المدنيين في مدينة الموصل.", ["IRQ"]),
        ("قصفت الطائرات مواقع بمدينة صعدة أمس.", ["YEM"]),  # ب on the place noun
        ("قتل التنظيم عشرة جنود قرب العريش.", ["EGY"]),
        ("وصل الوزير الموصل أمس.", []),  # no locative word before the town
        ("أعلنت السلطات في السعودية القبض على خلية.", []),  # a country is the actor matcher's
    ],
)
def test_town_places_locative_towns(make_doc, gaz, text, expected):
    doc = make_doc(text)
    places = town_places(doc, gaz, [[] for _ in doc.sentences])
    assert [m.code for m in places[0]] == expected
    assert all(m.implied and m.kind == "implied" for m in places[0])


def test_town_places_without_gazetteer_is_unchanged(make_doc):
    doc = make_doc("أعدم التنظيم عشرات المدنيين في مدينة الموصل.")
    places = [[] for _ in doc.sentences]
    assert town_places(doc, None, places) is places


def _place(code: str, implied: bool) -> ActorMention:
    return ActorMention(span=None, code=code, agent=None, name=None, kind="implied" if implied else "state",
                        token_start=0, token_end=1, country=code, implied=implied)


def test_context_country_named_country_before_town():
    # a country named as a place in the sentence before beats a town of this sentence
    places = [[_place("SYR", False)], [_place("IRQ", True)]]
    assert context_country(places, 1).code == "SYR"
    # with no country named, the town gives the state
    assert context_country([[], [_place("IRQ", True)]], 1).code == "IRQ"
    assert context_country([[], []], 1) is None
    # a town never makes the doer (the coder asks without towns when the source is missing)
    assert context_country([[], [_place("IRQ", True)]], 1, towns=False) is None
