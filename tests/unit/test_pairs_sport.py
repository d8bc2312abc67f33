"""A verbal-cooperation trigger in a sentence about a match or a team is no event (pairs.sport_sentence)."""

from __future__ import annotations

import pytest

from marsad.coding.pairs import sport_sentence
from marsad.text.normalize import normalize
from marsad.text.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "sport"),
    [
        ("والتقى المنتخب الأردني نظيره العراقي على ملعب عمان الدولي", True),
        ("وأقيم لقاء الفريقين في المباراة الافتتاحية", True),
        ("ودخل النادي في مفاوضات مع المهاجم البرازيلي", True),
        ("والتقى وزير الخارجية الأردني نظيره العراقي في عمان", False),
        ("وتعد إيران اللاعب الأبرز في المنطقة", False),  # a player as a political metaphor
        ("ودعمت الدول الأعضاء في نادي بريكس المبادرة", False),  # a club of states
    ],
)
def test_sport_sentence(text: str, sport: bool) -> None:
    norm, _ = normalize(text)
    tokens = tokenize(norm)
    assert sport_sentence(tokens, 0, len(tokens)) is sport
