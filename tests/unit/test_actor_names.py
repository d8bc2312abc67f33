"""Persons the dictionary does not know, named in full beside their role and then by surname
(marsad.actors.names)."""

from datetime import date

import pytest

WHEN = date(2015, 8, 5)


def _surnames(stage, make_doc, text: str, word: str) -> list[tuple[str, str | None]]:
    ms = stage(make_doc(text, date=WHEN)).actors
    return [(m.code, m.agent) for m in ms if m.span.text == word]


@pytest.mark.parametrize("text, word, code", [
    # a rank ends the role mention, the name follows it
    ("أكد مدير عام الجمارك الأردنية اللواء سامي الخصاونة أن الحدود هادئة. واتهم الخصاونة تنظيم داعش بالتهريب.",
     "الخصاونة", "JOR"),
    # a person title leads the role mention
    ("قال وزير النقل اليمني بدر باسلمة إن المطار سيعود إلى العمل. وطالب باسلمة الأمم المتحدة بإرسال خبراء.",
     "باسلمة", "YEM"),
    # a given name from resources/actors/given_names.tsv (عزام)
    ("أعلن وزير التعليم السعودي عزام الدخيل خطة جديدة. وأكد الدخيل أن المدارس جاهزة.", "الدخيل", "SAU"),
    # the name before its role and a comma
    ("قال خالد بن سعيد المنصوري، المتحدث باسم وزارة الخارجية الإماراتية، إن الوضع خطير. وانتقد المنصوري إيران.",
     "المنصوري", "ARE"),
])
def test_actor_names_surname_takes_the_role_of_the_full_name(stage, make_doc, text, word, code):
    assert [c for c, _ in _surnames(stage, make_doc, text, word)] == [code]


def test_actor_names_same_family_name_after_another_given_name_is_someone_else(stage, make_doc):
    text = ("قال وزير النقل اليمني بدر باسلمة إن المطار سيعود إلى العمل. وقال محمد باسلمة، وهو تاجر، إن الأسعار ارتفعت. "
            "وأضاف باسلمة أن الوزارة تعمل.")
    ms = stage(make_doc(text, date=WHEN)).actors
    later = [m for m in ms if m.span.text == "باسلمة"]
    assert len(later) == 1 and later[0].code == "YEM"  # وأضاف باسلمة, not محمد باسلمة


@pytest.mark.parametrize("text, word", [
    # a word that is no given name after a role: no name (فتح "opening", عدن a town)
    ("أعلنت الحكومة اليمنية فتح مطار عدن أمام الرحلات. وقالت مصادر إن عدن آمنة.", "عدن"),
    # a state's own name is no role (وعينت سوريا …)
    ("أعادت تونس علاقاتها مع سوريا ابراهيم الفواري. وقال الفواري إن العلاقات جيدة.", "الفواري"),
    # the surname before the full name is no mention
    ("قال الخصاونة إن مدير عام الجمارك الأردنية اللواء سامي الخصاونة سيزور دمشق.", "الخصاونة"),
])
def test_actor_names_no_surname_without_a_named_role(stage, make_doc, text, word):
    assert _surnames(stage, make_doc, text, word) == []
