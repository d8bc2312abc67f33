"""The per-word gate of the trigger matcher only skips patterns that cannot match (a speed-up,
same matches): coding/lexicon.py, :func:`_gate` and :func:`find_triggers`."""

from __future__ import annotations

from marsad.coding import lexicon
from marsad.text.normalize import normalize_text
from marsad.text.tokens import tokenize

SENTENCES = [
    "أعرب وزير الخارجية عن قلقه إزاء تصاعد العنف في المنطقة.",
    "وقع الجانبان اتفاقية للتعاون في مجال الطاقة.",
    "استقبل الملك رئيس الوزراء وبحث معه العلاقات الثنائية.",
    "أدانت الجامعة العربية الهجوم الذي استهدف مسجدا في المدينة.",
    "وقال المتحدث إن القوات اعتقلت ثلاثة أشخاص بعد اشتباكات.",
]


def test_later_words_put_the_longest_word_first() -> None:
    pat = lexicon.parse_pattern("أعرب عن قلق", "012", "", "t:1")
    assert pat.later == (frozenset({"قلق"}), frozenset({"عن"}))
    assert pat.words[1] == frozenset({"عن"})  # the pattern itself keeps its order


def test_gate_is_none_when_a_pattern_has_one_word() -> None:
    one = lexicon.parse_pattern("زار", "042", "", "t:1")
    two = lexicon.parse_pattern("أعرب عن قلق", "012", "", "t:2")
    assert lexicon._gate((one, two)) is None
    assert lexicon._gate((two,)) == frozenset({"قلق"})


def test_matches_are_those_without_the_gate() -> None:
    lex = lexicon.TriggerLexicon()
    gated_words = 0
    for sentence in SENTENCES:
        toks = tokenize(normalize_text(sentence))
        readings = lex.readings(toks)
        ungated = [(plain, suff, pats, None) for plain, suff, pats, _ in readings]
        gated = lexicon.find_triggers(lex, toks, 0, len(toks), readings)
        assert gated == lexicon.find_triggers(lex, toks, 0, len(toks), ungated)
        gated_words += sum(r[3] is not None for r in readings)
    assert gated_words  # the gate is exercised
