"""السعودية after a definite mission noun is the mission's nisba (marsad.actors.pieces.mission_nisba)."""

from datetime import date

import pytest

WHEN = date(2016, 1, 3)


@pytest.mark.parametrize("text, span", [
    ("هاجم محتجون مقر السفارة السعودية في طهران.", "السفارة السعودية"),
    ("أحرق متظاهرون مبنى القنصلية السعودية في مشهد.", "القنصلية السعودية"),
])
def test_mission_and_its_nisba_are_one_saudi_mention(stage, make_doc, text, span):
    found = [(m.span.text, m.code) for m in stage(make_doc(text, date=WHEN)).actors]
    assert (span, "SAU") in found


def test_saudi_arabia_after_a_masculine_role_stays_the_state(stage, make_doc):
    found = [(m.span.text, m.code) for m in stage(make_doc("زار وزير الخارجية الأردني السعودية أمس.", date=WHEN)).actors]
    assert ("السعودية", "SAU") in found
