"""An appeal or demand a religion, a charter or a constitution makes is no event (pairs.creed_appeal)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from marsad.coding.pairs import creed_appeal
from marsad.text.normalize import normalize
from marsad.text.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "trigger", "creed"),
    [
        ("التضامن الأخوي الذي يحث عليه ديننا الحنيف", "يحث", True),
        ("تتعارض مع ميثاق منظمة التعاون الإسلامي الذي يدعو إلى تعزيز العلاقات", "يدعو", True),
        ("أن الدين الحنيف حث على احترام الآخر", "حث", True),
        ("أن دين الإسلام السمح حث المسلمين على التعلم", "حث", True),
        ("الدستور الذي تطالب به المعارضة", "تطالب", False),  # the opposition demands the constitution
        ("وبموجب الدستور دعا الرئيس البرلمان إلى الانعقاد", "دعا", False),  # a circumstance, not the subject
        ("ودعا الرئيس الحوثيين إلى احترام الدستور", "ودعا", False),  # the text is the appeal's topic
    ],
)
def test_creed_appeal(text: str, trigger: str, creed: bool) -> None:
    norm, _ = normalize(text)
    tokens = tokenize(norm)
    key, _ = normalize(trigger)
    i = next(k for k, t in enumerate(tokens) if t.norm == key)
    pat = SimpleNamespace(cameo="020", words=[{key}])
    assert creed_appeal(pat, tokens, i, i + 1, 0, len(tokens), []) is creed


def test_creed_inside_an_actor_and_after_a_long_trigger() -> None:
    norm, _ = normalize("وطالبت إسلام آباد مجددا بالحوار")
    tokens = tokenize(norm)
    pat = SimpleNamespace(cameo="100", words=[{"طالبت"}])
    actor = SimpleNamespace(implied=False, token_start=1, token_end=3)
    assert creed_appeal(pat, tokens, 0, 1, 0, len(tokens), [actor]) is False
    norm, _ = normalize("فكل مواطن مطالب بحماية العقيدة")
    tokens = tokenize(norm)
    pat = SimpleNamespace(cameo="100", words=[{"مطالب"}, {"بحمايه"}])
    assert creed_appeal(pat, tokens, 2, 4, 0, len(tokens), []) is False
