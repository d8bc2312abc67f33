"""Property tests for normalization: idempotence, offset round trip, no Arabic letter lost.

Examples per property: ``MARSAD_FUZZ_EXAMPLES`` (default 300), as in tests/reliability.
"""

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import DELETED, normalize, normalize_text

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
MIXED = st.one_of(ARABIC, st.characters(min_codepoint=0x20, max_codepoint=0x7E),
                  st.sampled_from(["\u200f", "\u200b", "\u0640", "\ufefb", "\ufdf2", " ", "\n", "\u064b"]))
TEXT = st.text(MIXED, max_size=200)
PROPS = settings(max_examples=int(os.environ.get("MARSAD_FUZZ_EXAMPLES", "300")), deadline=None)


@given(TEXT)
@PROPS
def test_normalize_is_idempotent(raw):
    once = normalize_text(raw)
    assert normalize_text(once) == once


@given(TEXT)
@PROPS
def test_offsets_round_trip(raw):
    norm, m = normalize(raw)
    # every normalized character comes from a raw character at a non-decreasing position
    prev = -1
    for i in range(len(norm)):
        p = m.pos(i)
        assert 0 <= p < len(raw)
        assert p >= prev
        prev = p
        s, e = m.to_raw(i, i + 1)
        assert normalize_text(raw[s:e]).startswith(norm[i]) or norm[i] in normalize_text(raw[s:e])


@given(st.text(st.characters(min_codepoint=0x0621, max_codepoint=0x064A), max_size=100))
@PROPS
def test_no_arabic_letter_lost(raw):
    norm, _ = normalize(raw)
    letters_raw = [c for c in raw if c not in DELETED]
    assert len(norm) == len(letters_raw)


ANY_TEXT = st.text(st.one_of(MIXED, st.characters(), st.sampled_from(["_", "-", "²", "٫", ".", ","])), max_size=200)


@given(ANY_TEXT)
@PROPS
def test_tokens_are_the_regex_matches_at_their_offsets(text):
    from marsad.text.tokens import WORD, tokenize

    toks = tokenize(text)
    assert [(t.start, t.end, t.norm) for t in toks] == [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


@given(ANY_TEXT)
@PROPS
def test_arabic_ratio_counts_letters_one_by_one(text):
    from marsad.text.normalize import _ARABIC_LETTERS, _OTHER_LETTERS, arabic_ratio

    arabic = sum(1 for c in text if _ARABIC_LETTERS.fullmatch(c))
    other = sum(1 for c in text if _OTHER_LETTERS.fullmatch(c))
    assert arabic_ratio(text) == (arabic / (arabic + other) if arabic + other else 0.0)


SENTENCE_TEXT = st.text(st.one_of(MIXED, st.sampled_from([".", "!", "?", ";", "\n", "د", "م", "أ", "ا", "1", " ", "«", '"'])),
                        max_size=200)


@given(SENTENCE_TEXT)
@PROPS
def test_sentence_ends_are_those_of_the_lookbehind_first_definition(text):
    """A sentence ends at . ! ? ; (not after a digit or a one-letter abbreviation such as د.) before a
    space, the end, an Arabic letter or a quote, or at line breaks: the definition with the look-behinds
    first, which tokens._SENT_END writes the other way round for speed."""
    import re

    from marsad.text.tokens import _SENT_END

    definition = re.compile(r"(?<!\b[دمأا])(?<!\d)[.!?;]+(?=\s|$|[\u0621-\u064a\"«])|\n+")
    assert [m.span() for m in _SENT_END.finditer(text)] == [m.span() for m in definition.finditer(text)]


@given(TEXT)
@PROPS
def test_offset_map_agrees_with_the_per_character_map(raw):
    """Whatever form the map takes (identity, deletion runs, expansion array), it answers like the
    list of raw indices of the normalized characters, built one character at a time."""
    from marsad.text.normalize import _fold_char

    norm, m = normalize(raw)
    per_char = [i for i, c in enumerate(raw) for _ in _fold_char(c)]
    assert len(per_char) == len(norm)
    assert [m.pos(n) for n in range(len(norm) + 1)] == per_char + [len(raw)]
    assert [m.to_norm(r) for r in range(len(raw) + 1)] == [sum(1 for i in per_char if i < r)
                                                           for r in range(len(raw) + 1)]
    for a in range(len(norm)):
        assert m.to_raw(a, len(norm)) == (per_char[a], per_char[-1] + 1)


@given(TEXT)
@PROPS
def test_raw_spans_with_text_add_only_trailing_marks(raw):
    """With the raw text, a span's end moves past the diacritics/tatweel after its last character
    and nothing else: the normalized text of the span is unchanged."""
    from marsad.text.normalize import TRAILING_MARKS

    norm, m = normalize(raw)
    for a in range(len(norm)):
        for b in range(a + 1, min(len(norm), a + 6) + 1):
            s0, e0 = m.to_raw(a, b)
            s1, e1 = m.to_raw(a, b, raw)
            assert s1 == s0 and e1 >= e0
            assert all(c in TRAILING_MARKS for c in raw[e0:e1])
            assert e1 == len(raw) or raw[e1] not in TRAILING_MARKS
            assert normalize_text(raw[s1:e1]) == normalize_text(raw[s0:e0])
