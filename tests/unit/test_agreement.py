"""Verb–subject gender agreement for the argument model (marsad.coding.agreement)."""

import pytest

from marsad.api_lib import Coder
from marsad.coding.agreement import mention_gender, verb_gender
from marsad.text.normalize import normalize_text
from marsad.text.tokens import tokenize, word_key


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _slot(*forms: str) -> frozenset[str]:
    return frozenset(word_key(normalize_text(f)) for f in forms)


DEMAND = _slot("طالب", "طالبت", "طالبوا", "يطالب", "تطالب", "يطالبون", "يطالبان", "طالبا")


@pytest.mark.parametrize("word, gender", [
    ("وطالبت", "f"), ("طالب", "m"), ("تطالب", "f"), ("ويطالب", "m"),
    ("يطالبون", None), ("يطالبان", None), ("طالبوا", None), ("طالبا", None),
])
def test_agreement_verb_gender_from_the_forms_of_its_row(word, gender):
    tokens = tokenize(normalize_text(word))
    assert verb_gender(tokens, 0, DEMAND) == gender


def test_agreement_verbal_noun_with_the_article_has_no_gender():
    assert verb_gender(tokenize(normalize_text("القصف")), 0, _slot("قصف", "قصفت")) is None


@pytest.mark.parametrize("text, mention, gender", [
    ("أعلنت تركيا أن الوضع خطير", "تركيا", "f"),
    ("قال العراق إن الوضع خطير", "العراق", "m"),
    ("قالت الحكومة الأردنية إن الوضع خطير", "الحكومة الأردنية", "f"),
    ("قال مجلس الأمن إن الوضع خطير", "مجلس الأمن", "m"),
    ("قالت الأمم المتحدة إن الوضع خطير", "الأمم المتحدة", "f"),
    ("قال وزير الخارجية الروسي سيرغي لافروف إن الوضع خطير", "وزير الخارجية الروسي سيرغي لافروف", "m"),
])
def test_agreement_mention_gender(coder, text, mention, gender):
    doc = coder.code(text)
    m = next(m for m in doc.actors if m.span.text == mention)
    assert mention_gender(m, doc.tokens) == gender
