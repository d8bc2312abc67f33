"""pairs.sport_article: an article whose words are sport's (clubs, players, matches, fans, football)."""

import pytest
from token_sites import toks

from marsad.coding.pairs import sport_article


@pytest.mark.parametrize("text,expected", [
    # الأندية: its key is انديه (the normalised ة)
    ("طالب رئيس النادي الرئاسة بدعم الأندية. ورفضت الأندية القرار، وقال إن اللاعبين في الأندية لم يتسلموا رواتبهم", True),
    # كرة القدم as a pair, also behind لـ; the fans and the club words with a pronoun
    ("رفض الاتحاد الإيطالي لكرة القدم الطلب، وطالب جماهير ناديه بالهدوء في المدرجات لأن لاعبي الفريق جاهزون", True),
    # كرة alone (another ball, or hatred) is no sport word
    ("رفضت إندونيسيا منح لاعب كرة ريشة إسرائيلي تأشيرة لأن كرة الريشة بطولة", False),
    ("رفض الوزير الكره والتحريض، ورفض الكره الطائفي وخطاب الكره في المدارس والكره بين الناس", False),
])
def test_sport_article(text: str, expected: bool) -> None:
    assert sport_article(toks(text)) is expected
