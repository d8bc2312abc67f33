"""A bare role noun with a nisba of many states right after it (marsad.actors.bare_roles._many_states): دبلوماسي
غربي، شركات أوروبية، قوات أجنبية are no one state's and do not take the state named before them."""

from datetime import date

import pytest

WHEN = date(2015, 8, 1)


def _codes(stage, make_doc, text):
    return {m.span.text: m.code for m in stage(make_doc(text, date=WHEN)).actors}


@pytest.mark.parametrize(("text", "role"), [
    ("قال مسؤول أمريكي إن واشنطن سترفع العقوبات. وانتقد دبلوماسيون غربيون القرار", "دبلوماسيون"),
    ("أعلنت الإمارات دعمها للحكومة اليمنية. وقلل دبلوماسي غربي من أهمية الاتصالات", "دبلوماسي"),
    ("رحبت طهران بالاتفاق. وأبدت شركات أوروبية اهتمامها بالسوق", "شركات"),
])
def test_role_with_a_many_state_nisba_takes_no_state(stage, make_doc, text, role):
    assert _codes(stage, make_doc, text).get(role) == ""


def test_role_with_a_state_nisba_or_none_still_resolves(stage, make_doc):
    codes = _codes(stage, make_doc, "قال مسؤول أمريكي إن واشنطن سترفع العقوبات. وانتقد الدبلوماسيون القرار")
    assert codes.get("الدبلوماسيون") == "USA"
