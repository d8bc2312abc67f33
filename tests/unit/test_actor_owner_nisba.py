"""A nisba after what an actor says, asks or does names its owner (resources/actors/actor_bearing.tsv)."""

from datetime import date

import pytest

WHEN = date(2016, 3, 1)


def _codes(stage, make_doc, text: str) -> list[str]:
    return [m.code for m in stage(make_doc(text, date=WHEN)).actors]


@pytest.mark.parametrize("text, code", [
    ("انتقدت الصين السياسة الأمريكية في آسيا.", "USA"),
    ("ندد الأردن بالجرائم الإسرائيلية.", "ISR"),
    ("رفض الرئيس المطالب الأمريكية.", "USA"),
    ("وانتقد الوزير التصريحات الإيرانية المسيئة.", "IRN"),
    ("وأدانت الكويت الممارسات الإسرائيلية.", "ISR"),
    ("واحتجزت البحرية ناقلة بريطانية.", "GBR"),
])
def test_owner_nisba_is_a_mention(stage, make_doc, text, code):
    assert code in _codes(stage, make_doc, text)


@pytest.mark.parametrize("text", ["وارتفعت أسعار السيارات الأمريكية.", "وتراجع سعر صرف العملة الإيرانية."])
def test_nisba_of_a_thing_is_still_no_mention(stage, make_doc, text):
    assert _codes(stage, make_doc, text) == []


def test_actor_bearing_nouns_are_read_normalized_from_their_data_file():
    from marsad.actors.stage import actor_bearing

    nouns = actor_bearing()
    assert {"طايره", "فصايل", "جرايم", "فتي", "اسري", "اجراءات"} <= nouns  # طائرة، فصائل، جرائم، فتى، أسرى، إجراءات
    assert "حدود" not in nouns  # الحدود السورية is a place, no actor
