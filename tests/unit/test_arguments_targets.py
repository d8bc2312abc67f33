"""Targets of criticism, rejection and threats in marsad.coding.arguments (issue #4): a lone nisba
adjective on a noun a preposition governs is the owner of an object, never a subject; on hand-built
tokens and mentions."""

from marsad.coding.arguments import find_args
from marsad.coding.lexicon import Pattern, TriggerMatch
from marsad.document import ActorMention, Span, Token


def _tokens(words: list[str]) -> list[Token]:
    out, pos = [], 0
    for w in words:
        pre = next((p for p in ("بال", "لل", "وال", "ال") if w.startswith(p) and len(w) > len(p) + 2), "")
        out.append(Token(pos, pos + len(w), w, w[len(pre):], prefix=pre))
        pos += len(w) + 1
    return out


def _m(code: str, i: int, j: int, kind: str = "demonym") -> ActorMention:
    return ActorMention(span=Span(i, j, ""), code=code, agent=None, kind=kind, token_start=i, token_end=j)


def _pattern(cameo: str, form: str) -> Pattern:
    return Pattern(words=(frozenset({form}),), cameo=cameo, flags=frozenset(), preps=frozenset(), source="test")


def test_adjective_of_a_noun_with_a_clitic_preposition_is_no_subject():
    # نددوا بالجرائم الإسرائيلية بحق الشعب الفلسطيني: Israel owns what is condemned
    toks = _tokens(["نددوا", "بالجرايم", "الاسراييليه", "بحق", "الشعب", "الفلسطيني"])
    ments = [_m("ISR", 2, 3), _m("PSE", 4, 6)]
    args = find_args(TriggerMatch(0, 1, _pattern("111", "نددوا")), toks, ments, 0, len(toks))
    assert not args.sources or args.sources[0].code != "ISR"


def test_adjective_after_a_preposition_word_is_no_subject():
    # احتج على السياسات الأمريكية
    toks = _tokens(["احتج", "علي", "السياسات", "الامريكيه"])
    args = find_args(TriggerMatch(0, 1, _pattern("111", "احتج")), toks, [_m("USA", 3, 4)], 0, len(toks))
    assert not args.sources
    assert [t.code for t in args.targets] == ["USA"]


def test_demonym_of_the_subject_after_the_verb_stays_the_subject():
    # انتقد الوزير الإيراني السياسة الأمريكية: the demonym right after the verb describes its subject
    toks = _tokens(["انتقد", "الوزير", "الايراني", "السياسه", "الامريكيه"])
    ments = [_m("IRN", 1, 3, "agent"), _m("USA", 4, 5)]
    args = find_args(TriggerMatch(0, 1, _pattern("111", "انتقد")), toks, ments, 0, len(toks))
    assert [s.code for s in args.sources] == ["IRN"]
    assert [t.code for t in args.targets] == ["USA"]


def test_lone_adjective_right_after_the_verb_is_still_a_subject():
    # قصفت الطائرات الإسرائيلية…: no preposition governs the noun, the demonym names the subject
    toks = _tokens(["قصفت", "الطايرات", "الاسراييليه", "مواقع"])
    args = find_args(TriggerMatch(0, 1, _pattern("195", "قصفت")), toks, [_m("ISR", 2, 3)], 0, len(toks))
    assert [s.code for s in args.sources] == ["ISR"]
