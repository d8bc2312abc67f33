"""A role noun followed by لـ and an institution is the institution's (marsad.actors.pieces.institution_genitive); العام between a role and its nisba."""

from datetime import date

import pytest

WHEN = date(2015, 8, 5)


def _mentions(stage, make_doc, text: str) -> list[tuple[str, str]]:
    return [(m.span.text, m.code) for m in stage(make_doc(text, date=WHEN)).actors]


@pytest.mark.parametrize("text, mention", [
    ("وقال الأمين العام لوزارة الخارجية الكويتية إن الكويت تدين التفجير.", ("الأمين العام لوزارة الخارجية الكويتية", "KWT")),
    ("وأوضح المتحدث الرسمي لوزارة الخارجية الأردنية أن الحدود آمنة.", ("المتحدث الرسمي لوزارة الخارجية الأردنية", "JOR")),
])
def test_actor_genitive_role_of_an_institution_after_lam(stage, make_doc, text, mention):
    assert mention in _mentions(stage, make_doc, text)


@pytest.mark.parametrize("text, mention", [
    ("وقال الوزير لنظيره الأمريكي إن الاجتماع مهم.", ("نظيره الأمريكي", "USA")),  # whom he speaks to
    ("ونقل المركز الإعلامي لوزارة الدفاع الأمريكية البيان.", ("وزارة الدفاع الأمريكية", "USA")),  # a media outlet
])
def test_actor_genitive_not_an_addressee_nor_a_media_office(stage, make_doc, text, mention):
    assert mention in _mentions(stage, make_doc, text)


@pytest.mark.parametrize("text, mention", [
    ("وقال القنصل العام الأمريكي في جدة إن التأشيرات ستصدر قريبا.", ("القنصل العام الأمريكي", "USA")),
    ("وأمر النائب العام المصري بحبس المتهمين.", ("النائب العام المصري", "EGY")),
    ("وأعلنت المخابرات العامة الأردنية إحباط مخطط إرهابي.", ("المخابرات العامة الأردنية", "JOR")),
])
def test_actor_genitive_general_before_the_nisba(stage, make_doc, text, mention):
    assert mention in _mentions(stage, make_doc, text)  # العام / العامة between the role and its nisba
