"""A definite bare المسؤول refers back to the last official (مسؤول X) named, not to the last person of
its agent (marsad.actors.bare_roles.resolve_bare_agents, official_again; issue #4, task F)."""

from datetime import date

import pytest

from marsad.actors.bare_roles import official_again

WHEN = date(2015, 8, 10)


def _last(stage, make_doc, text: str, surface: str):
    found = [m for m in stage(make_doc(text, date=WHEN)).actors if m.span.text == surface]
    assert found
    return found[-1]


@pytest.mark.parametrize("text, code", [
    ("التقى مسؤول إيراني الرئيس الروسي فلاديمير بوتين في موسكو. وانتقد المسؤول السياسة الأمريكية.", "IRN"),
    ("أعلن مسؤول أميركي أن الرئيس باراك أوباما سيلقي خطابا عن الاتفاق مع طهران. وقال المسؤول إن الخطاب مهم.",
     "USA"),
    ("قال مسؤول إسرائيلي إن واشنطن لم تبلغ الحكومة. وأضاف المسؤول أن إسرائيل تعارض الاتفاق.", "ISR"),
])
def test_bare_official_takes_the_official_named_before(stage, make_doc, text, code):
    assert _last(stage, make_doc, text, "المسؤول").code == code


def test_the_one_responsible_for_is_no_official_reference(stage, make_doc):
    doc = stage(make_doc("طالبت الأمم المتحدة بتحديد المسؤول عن الهجوم. وقال المسؤول إن التحقيق بدأ.", date=WHEN))
    bare = [m for m in doc.actors if m.span.text == "المسؤول"]
    assert [official_again(m, doc.tokens) for m in bare] == [False, True]
