"""Nouns an act is aimed at (clause_words.possessed_noun): an actor right after one owns it."""

import pytest
from token_sites import toks

from marsad.coding.clause_words import possessed_noun


@pytest.mark.parametrize("word", ["مواقع", "بمقرات", "آليات", "وآليات", "بآليات", "الآليات", "سياسة"])
def test_object_nouns(word):
    assert possessed_noun(toks(word)[0])


@pytest.mark.parametrize("word", ["الجيش", "الحكومة", "إليه", "وزير"])
def test_not_object_nouns(word):
    assert not possessed_noun(toks(word)[0])
