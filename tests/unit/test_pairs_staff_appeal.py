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
        ("وحث م. خالد كافة الموظفين على مضاعفة الجهد", True),  # an abbreviated title's full stop (np36)
        ("دعا مدير جوازات المنطقة جميع الإخوة اليمنيين إلى المراجعة", True),  # a service office as subject
        ("ودعا الوزير الحجاج إلى أخذ اللقاحات", True),  # pilgrims, traders, picnickers: the public
        ("داعيا التجار للرفق بالمواطنين", True),
        ("وأهاب بالمتنزهين والصيادين أخذ الحيطة", True),
        ("طلب من الحكومة اليمنية، حسب تأكيد الجوازات", False),  # the office past a comma is no subject
        ("ودعا د. نبيل العربي مجلس الأمن إلى التحرك", False),
    ],
)
def test_staff_appeal(text: str, staff: bool) -> None:
    norm, _ = normalize(text)
    tokens = tokenize(norm)
    assert staff_appeal(tokens, 1, len(tokens)) is staff
