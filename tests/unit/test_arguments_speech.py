"""Arguments of speech-act triggers (appeal, demand, criticise, reject, threaten) in
marsad.coding.arguments, on hand-built tokens and mentions."""

import pytest
from token_sites import mention
from token_sites import word_tokens as _tokens

from marsad.coding.arguments import find_args
from marsad.coding.clause_words import oblique_plural
from marsad.coding.lexicon import GAP, Pattern, TriggerMatch
from marsad.document import ActorMention


def _m(code: str, i: int, j: int, kind: str = "demonym") -> ActorMention:
    return mention(code, i, j, kind=kind)


def _pattern(cameo: str, n_words: int = 1, gap: bool = False) -> Pattern:
    words = (frozenset({"x"}), GAP, frozenset({"y"})) if gap else tuple(frozenset({"x"}) for _ in range(n_words))
    return Pattern(words=words, cameo=cameo, flags=frozenset(), preps=frozenset(), source="test")


def test_oblique_plural_is_no_subject_after_the_verb():
    # ودعا الفلسطينيين إلى إنهاء الانقسام: the oblique plural after the verb is its object
    toks = _tokens(["ودعا", "الفلسطينيين", "الي", "انهاء", "الانقسام"])
    m = _m("PSE", 1, 2)
    assert oblique_plural(toks[1], m)
    args = find_args(TriggerMatch(0, 1, _pattern("020")), toks, [m], 0, len(toks))
    assert not args.sources
    assert [t.code for t in args.targets] == ["PSE"]


def test_nominative_plural_stays_the_subject():
    toks = _tokens(["وطالب", "الفلسطينيون", "الحكومه", "بالانسحاب"])
    args = find_args(TriggerMatch(0, 1, _pattern("100")), toks, [_m("PSE", 1, 2), _m("ISR", 2, 3, "agent")], 0, 4)
    assert [s.code for s in args.sources] == ["PSE"]
    assert [t.code for t in args.targets] == ["ISR"]


def test_names_ending_in_yeen_are_not_plurals():
    toks = _tokens(["دعت", "فلسطين", "الي", "التحقيق"])
    assert not oblique_plural(toks[1], _m("PSE", 1, 2, kind="state"))
    toks = _tokens(["دعا", "البحرين"])
    assert not oblique_plural(toks[1], _m("BHR", 1, 2, kind="state"))


def test_genitive_plural_after_a_noun_stays_in_the_subject():
    # ناشدت عائلات المحتجزين الإسرائيليين حكومة نتنياهو: المحتجزين is the genitive of the subject's head
    toks = _tokens(["ناشدت", "عائلات", "المحتجزين", "الاسرائيليين", "حكومه", "نتنياهو"])
    ments = [_m("ISR", 2, 4), _m("ISR", 4, 6, "person")]
    args = find_args(TriggerMatch(0, 1, _pattern("020")), toks, ments, 0, len(toks))
    assert args.sources and args.sources[0].token_start == 2


@pytest.mark.parametrize("words,ments,tm", [
    # الجبير انتقد السياسات وطالب الحكومة الإيرانية بالكف عن …: the subject stands before the verb, so
    # the gap's actor is the addressee
    (["انتقد", "الجبير", "السياسات", "وطالب", "الحكومه", "الايرانيه", "بالكف", "عن", "التدخل"],
     [("SAU", 1, 2, "person"), ("IRN", 4, 6, "agent")], (3, 7, ((4, 6),))),
    # وطالب الجبير الحكومة الإيرانية …: a clause-initial verb's gap holds its subject first
    (["وطالب", "الجبير", "الحكومه", "الايرانيه", "بالكف", "عن", "التدخل"],
     [("SAU", 1, 2, "person"), ("IRN", 2, 4, "agent")], (0, 5, ((1, 4),))),
], ids=["subject_before_verb", "clause_initial_verb"])
def test_gap_of_a_demand_saudi_speaker_iranian_addressee(words, ments, tm):
    toks = _tokens(words)
    start, end, gaps = tm
    args = find_args(TriggerMatch(start, end, _pattern("1056", gap=True), gaps=gaps), toks,
                     [_m(*m) for m in ments], 0, len(toks))
    assert [s.code for s in args.sources] == ["SAU"]
    assert [t.code for t in args.targets] == ["IRN"]


def test_fronted_phrase_with_a_preposition_does_not_take_the_subject_from_the_gap():
    # وبعد انتهاء المفاوضات مع إيران هددت المملكة بالقيام بردة فعل: مع إيران is no subject
    toks = _tokens(["وبعد", "انتهاء", "المفاوضات", "مع", "ايران", "هددت", "المملكه", "بالقيام", "برده"])
    ments = [_m("IRN", 4, 5, "state"), _m("SAU", 6, 7, "state")]
    tm = TriggerMatch(5, 8, _pattern("138", gap=True), gaps=((6, 7),))
    args = find_args(tm, toks, ments, 0, len(toks))
    assert [s.code for s in args.sources] == ["SAU"]


def test_condemned_act_takes_the_doer_of_its_relative_clause():
    # أدانت مصر الهجوم الذي شنه تنظيم داعش: the attack is the group's, not the condemner's
    toks = _tokens(["ادانت", "مصر", "الهجوم", "الذي", "شنه", "تنظيم", "داعش"])
    ments = [_m("EGY", 1, 2, "state"), _m("NSA:ISIS", 5, 7, "group")]
    pat = Pattern(words=(frozenset({"هجوم"}),), cameo="190", flags=frozenset({"noun"}), preps=frozenset(), source="test")
    args = find_args(TriggerMatch(2, 3, pat), toks, ments, 0, len(toks))
    assert [s.code for s in args.sources] == ["NSA:ISIS"]
    assert args.source_how == "rel_doer"
