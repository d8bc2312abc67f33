"""A bare title (الوزير، الرئيس) refers back to the last mention headed by that title, not to the last
state or capital named after it (marsad.actors.bare_roles.resolve_bare_agents; issue #4, task D)."""

from datetime import date

import pytest

WHEN = date(2019, 7, 10)


@pytest.mark.parametrize("text, title, code", [
    ("زار وزير الخارجية الإيراني بغداد أمس. وانتقد الوزير السياسة الأمريكية.", "الوزير", "IRN"),
    ("وصل وزير الخارجية الفرنسي إلى طهران أمس. ودعا الوزير إيران إلى الحوار.", "الوزير", "FRA"),
    ("وصل الرئيس التركي إلى موسكو أمس. وانتقد الرئيس الضربات.", "الرئيس", "TUR"),
])
def test_bare_title_takes_the_last_mention_with_that_title(stage, make_doc, text, title, code):
    doc = stage(make_doc(text, date=WHEN))
    bare = [m for m in doc.actors if m.span.text == title]
    assert bare and bare[-1].code == code


def test_bare_organ_still_takes_the_state_named_before(stage, make_doc):
    doc = stage(make_doc("وصل وزير الخارجية الأمريكي إلى بغداد. وطالب الحكومة بحماية المتظاهرين.", date=WHEN))
    gov = [m for m in doc.actors if m.span.text == "الحكومة"]
    assert gov and gov[-1].code == "IRQ"
