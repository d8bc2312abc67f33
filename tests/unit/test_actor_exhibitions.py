"""معارض as exhibitions (the plural of معرض) or the opponent (marsad.actors.exhibitions)."""

import pytest

from marsad.actors.exhibitions import exhibitions
from marsad.text.normalize import normalize_text
from marsad.text.tokens import tokenize


def _read(text: str, word: int) -> bool:
    toks = tokenize(normalize_text(text))
    return exhibitions(toks, word, word + 1, 0, len(toks))


@pytest.mark.parametrize("text, word", [
    ("أقام الفنان ثلاثة معارض في الرياض", 3),  # a number before
    ("افتتح مركز جدة الدولي للمعارض والمؤتمرات", 4),  # a proclitic ل
    ("شاركت المؤسسة في المعارض الدولية", 3),  # a feminine nisba after
    ("ارتفعت أسعار معارض السيارات", 2),  # a product in its genitive
    ("نظمت الجمعية المهرجانات والمعارض", 3),  # joined by و to an event noun
])
def test_exhibitions_read_from_the_words_around(text, word):
    assert _read(text, word)


@pytest.mark.parametrize("text, word", [
    ("وانتقد المعارض التركي الحكومة", 1),  # a masculine nisba: the opponent
    ("اتهم الحزب المعارض الحكومة التركية", 2),  # a noun after it is his object, no adjective
    ("اليسار المتشدد المعارض لليبرالية", 2),  # after a preposition: the opponent of liberalism
])
def test_exhibitions_leave_the_opponent(text, word):
    assert not _read(text, word)
