"""Arabic number parsing (marsad.text.numbers)."""

from __future__ import annotations

import pytest

from marsad.text.normalize import normalize_text
from marsad.text.numbers import digit_value, find_numbers, parse_number


def _parse(text: str) -> tuple[float, int] | None:
    return parse_number(normalize_text(text).split(), 0)


@pytest.mark.parametrize(
    ("text", "value", "used"),
    [
        ("35 طنا", 35, 1),
        ("3,590 طنا", 3590, 1),
        ("1.5 مليون دولار", 1_500_000, 2),
        ("10 آلاف جندي", 10_000, 2),
        ("واحد", 1, 1),
        ("اثنان", 2, 1),
        ("اثنين", 2, 1),
        ("ثلاثة جنود", 3, 1),
        ("أربع حقائب", 4, 1),
        ("وثمانية مقاولين", 8, 1),
        ("عشرة", 10, 1),
        ("أحد عشر", 11, 2),
        ("اثنا عشر", 12, 2),
        ("خمسة عشر", 15, 2),
        ("عشرون", 20, 1),
        ("عشرين", 20, 1),
        ("خمسة وعشرين", 25, 2),
        ("تسعين", 90, 1),
        ("مئة", 100, 1),
        ("مائة", 100, 1),
        ("مئتان", 200, 1),
        ("مائتي مدني", 200, 1),
        ("ثلاثمائة", 300, 1),
        ("ثلاث مئة", 300, 2),
        ("مئة وعشرين", 120, 2),
        ("ثلاثمائة وخمسين", 350, 2),
        ("ألف", 1000, 1),
        ("ألفي جندي", 2000, 1),
        ("ألفين", 2000, 1),
        ("ألف ومئتين", 1200, 2),
        ("ثلاثة آلاف", 3000, 2),
        ("ثلاثة آلاف وخمسمائة", 3500, 3),
        ("مليون", 1_000_000, 1),
        ("ثلاثة ملايين", 3_000_000, 2),
        ("مليار", 1_000_000_000, 1),
        ("عشرات", 10, 1),
        ("مئات", 100, 1),
        ("آلاف", 1000, 1),
        ("عشرات الآلاف", 10_000, 2),
        ("الأربعة", 4, 1),
    ],
)
def test_parse_number_values(text: str, value: float, used: int) -> None:
    assert _parse(text) == (value, used)


@pytest.mark.parametrize("text", ["أحد الجنود", "الجيش", "ميتا", "سنة", "لست"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    assert _parse(text) is None


def test_parse_number_past_the_end() -> None:
    assert parse_number([], 0) is None
    assert parse_number(["35"], 1) is None


@pytest.mark.parametrize(
    ("word", "value"),
    [("12", 12), ("3,590", 3590), ("1,000,000", 1_000_000), ("2.5", 2.5), ("12.500.000", 12_500_000), ("abc", None)],
)
def test_digit_value(word: str, value: float | None) -> None:
    assert digit_value(word) == value


def test_find_numbers_offsets_and_values() -> None:
    norm = normalize_text("قتل ١١ شخصا وأصيب ثلاثة آلاف وخمسمائة آخرون في 2015")
    found = find_numbers(norm)
    assert [v for _, _, v in found] == [11, 3500, 2015]
    s, e, _ = found[1]
    assert norm[s:e] == normalize_text("ثلاثة آلاف وخمسمائة")


def test_find_numbers_on_text_without_numbers() -> None:
    assert find_numbers(normalize_text("زار الرئيس القاهرة")) == []
