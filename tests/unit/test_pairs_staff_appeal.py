"""An appeal to the speaker's own staff is no event (pairs.staff_appeal)."""

from __future__ import annotations

import pytest

from marsad.coding.pairs import staff_appeal
from marsad.text.normalize import normalize
from marsad.text.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "staff"),
    [
        ("وحث معاليه جميع الموظفين على مواصلة العمل", True),
        ("حث أمير المنطقة الأمير فيصل بن بندر منسوبي الإمارة على بذل الجهود", True),
        ("ودعت العميدة منسوبات الكلية إلى الالتزام بالدوام", True),
        ("وحث سموه في كلمته لمنسوبي الإمارة على خدمة المواطنين", True),
        ("دعا الوزير المواطنين إلى الوحدة", False),  # the public: an appeal the guideline codes
        ("دعا الوزير إلى حماية الموظفين الدوليين", False),  # the staff inside the complement
        ("حث الرئيس الحكومة، وموظفي الدولة", False),  # beyond a comma
        ("وأهابت بالمرشحين عند المراجعة إحضار الوثائق", True),  # applicants: a service notice
        ("ودعت اللجنة عموم الطلبة المقبولين إلى مراجعة المعهد", True),
        ("وأهابت الوزارة بملاك العقارات مراجعة الفرع", True),
        ("وأهاب بقائدي المركبات أخذ الحيطة والحذر", True),
    ],
)
def test_staff_appeal(text: str, staff: bool) -> None:
    norm, _ = normalize(text)
    tokens = tokenize(norm)
    assert staff_appeal(tokens, 1, len(tokens)) is staff
