"""A lone definite title of one person before في + a state (marsad.actors.pieces._person_there): the person
is there (الرئيس في كينيا is a president visiting Kenya), while bodies and groups in a state stay its own."""

from datetime import date

import pytest

WHEN = date(2015, 8, 1)


def _spans(stage, make_doc, text):
    return [(m.span.text, m.code) for m in stage(make_doc(text, date=WHEN)).actors]


@pytest.mark.parametrize("text", [
    "وانتقد المعلقون ظهور الرئيس في كينيا خلال الحملة",
    "وقال مسؤولون إن الوزير في فرنسا لبحث الصفقة",
])
def test_person_title_before_a_state_is_not_that_states(stage, make_doc, text):
    assert not any(" في " in span for span, _ in _spans(stage, make_doc, text))


@pytest.mark.parametrize(("text", "span"), [
    ("وأعلنت السلطات في البحرين اعتقال خمسة", "السلطات في البحرين"),  # a body: its state
    ("وقال المستشار في الديوان الملكي إن المركز جاهز", "المستشار في الديوان الملكي"),  # a body, not a state
])
def test_bodies_in_a_state_stay_its_own(stage, make_doc, text, span):
    assert span in [s for s, _ in _spans(stage, make_doc, text)]
