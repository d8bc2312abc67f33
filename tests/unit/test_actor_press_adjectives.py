"""صحفي / إعلامي as the adjective of a noun of saying or doing, not a journalist (marsad.actors.pieces)."""

import datetime

import pytest

from marsad.api_lib import Coder
from marsad.document import Article


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _med(coder: Coder, text: str) -> list[str]:
    doc = coder.code_article(Article(id="t", text=text, date=datetime.date(2015, 8, 3)))
    return [m.span.text for m in doc.actors if m.agent == "MED"]


@pytest.mark.parametrize("text", [
    "وأدان المبعوث الدولي في تصريح صحفي عقب لقائه بوزير الخارجية الهجوم على السفارة.",
    "وقال الوزير في مؤتمر صحفي مع نظيره الروسي إن بلاده تدين الهجوم.",
    "وأكد الجانبان أهمية التعاون الإعلامي بين البلدين.",
    "وذكرت تقارير صحفية في إسبانيا أن اللاعب غادر الفريق.",
])
def test_press_adjective_is_no_journalist(coder, text):
    assert _med(coder, text) == []


@pytest.mark.parametrize("text, journalist", [
    ("واعتقلت الشرطة التركية الصحفي الإيراني في أنقرة.", "الصحفي الإيراني"),
    ("واعتقلت السلطات المصرية صحفيا بريطانيا في القاهرة.", "صحفيا بريطانيا"),
])
def test_journalist_stays(coder, text, journalist):
    assert journalist in _med(coder, text)
