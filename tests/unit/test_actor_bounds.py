"""Actor mention boundaries (issue #3): a nisba after a lone definite role noun is the role's adjective,
one actor (marsad.actors.pieces.feminine_nisba, group_nisba), not a role and then a second actor."""

from datetime import date

import pytest

WHEN = date(2015, 8, 5)


def _mentions(stage, make_doc, text: str) -> list[tuple[str, str]]:
    return [(m.span.text, m.code) for m in stage(make_doc(text, date=WHEN)).actors]


@pytest.mark.parametrize("text, mention", [
    ("وطالب الحكومة السورية بوقف القصف.", ("الحكومة السورية", "SYR")),
    ("وقصفت القوات السورية المدينة.", ("القوات السورية", "SYR")),
    ("وقالت وزارة الداخلية السعودية إن الحادث قيد التحقيق.", ("وزارة الداخلية السعودية", "SAU")),
    ("واعتقلت السلطات السعودية خلية إرهابية.", ("السلطات السعودية", "SAU")),
    ("ودعت الأمم المتحدة الحكومة السورية إلى وقف القصف.", ("الحكومة السورية", "SYR")),
])
def test_feminine_nisba_of_a_state_joins_the_role(stage, make_doc, text, mention):
    assert mention in _mentions(stage, make_doc, text)


@pytest.mark.parametrize("text, mention", [
    ("وقصفت الميليشيات الحوثية مدينة تعز.", ("الميليشيات الحوثية", "YEM")),
    ("وهاجم المتمردون الحوثيون مواقع الجيش.", ("المتمردون الحوثيون", "YEM")),
    ("واشتبكت القوات مع المسلحين الحوثيين في عدن.", ("المسلحين الحوثيين", "YEM")),
])
def test_agreeing_nisba_of_a_group_joins_the_role(stage, make_doc, text, mention):
    assert mention in _mentions(stage, make_doc, text)


@pytest.mark.parametrize("text, mention", [
    ("وهاجم مسلحون القوات السورية قرب حلب.", ("القوات السورية", "SYR")),  # the plural role is the subject
    ("وقاتل الجيش الحوثيين في صعدة.", ("الحوثيين", "YEM")),  # no agreement: the object
    ("على الحدود السورية التركية.", ("السورية", "SYR")),  # no role noun before
])
def test_no_join_without_a_lone_agreeing_role(stage, make_doc, text, mention):
    assert mention in _mentions(stage, make_doc, text)
