"""A nisba that is also a given name (تركي: "Turkish" and the name Turki) in the actor stage
(marsad.actors.pieces.given_name_nisba): the name when a lineage word or a definite word is next to it."""

from datetime import date

import pytest

WHEN = date(2015, 8, 1)


def _codes(stage, make_doc, text):
    return [(m.span.text, m.code) for m in stage(make_doc(text, date=WHEN)).actors]


@pytest.mark.parametrize("text", [
    "استقبل الأمير تركي بن سلطان وفدا من رجال الأعمال",  # after a definite title and before بن
    "وأوضح الشيخ تركي الحمدان أن الجمعية وزعت السلال",  # after a definite title
    "وحضر الحفل مدير شرطة المنطقة تركي العنزي",  # after a definite noun
    "وقال فهد بن تركي إن الفريق جاهز",  # after بن
    "وتحدث خالد آل تركي عن المشروع",  # after آل
])
def test_given_name_nisba_is_the_name_not_turkey(stage, make_doc, text):
    assert all(code != "TUR" for _, code in _codes(stage, make_doc, text))


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال مسؤول تركي إن بلاده ترفض ذلك", ("مسؤول تركي", "TUR")),  # an indefinite noun: the adjective
    ("وأصيب جندي تركي في الهجوم", ("جندي تركي", "TUR")),
    ("وأكد الجيش التركي أنه قصف المواقع", ("الجيش التركي", "TUR")),  # definite adjective
    ("وقال دبلوماسي تركي الأحد إن المحادثات مستمرة", ("دبلوماسي تركي", "TUR")),  # a definite word after it
])
def test_given_name_nisba_adjective_stays_turkish(stage, make_doc, text, expected):
    assert expected in _codes(stage, make_doc, text)
