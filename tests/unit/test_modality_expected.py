"""A future act that others only expect is no intent its actor expressed (marsad.coding.modality.expected),
on sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad.coding.cues import expected, modality

CASES = [
    ("من المتوقع أن تفتح الحكومة المعبر أمام الشاحنات.", "تفتح", True),
    ("ومن المرتقب أن تصل السفينة إلى الميناء خلال يومين.", "تصل", True),
    ("ويتوقع أن يزور الرئيس العاصمة الشهر المقبل.", "يزور", True),
    ("ومن المقرر أن يزور الرئيس العاصمة الشهر المقبل.", "يزور", False),  # a schedule: the visit is planned
    ("ويعتزم الوزير زيارة العاصمة.", "زيارة", False),
    ("سيزور الرئيس العاصمة.", "سيزور", False),
]


@pytest.mark.parametrize(("text", "trigger", "is_expected"), CASES, ids=[f"{k:02d}" for k in range(len(CASES))])
def test_expected(cues, cue_site, text: str, trigger: str, is_expected: bool) -> None:
    doc, s, i = cue_site(text, trigger, None)
    assert modality(cues, doc, s, i) == "future"
    assert expected(cues, doc, s, i) is is_expected
