"""The antecedent of a relative clause as the subject of the verb opening it
(marsad.coding.relatives through marsad.coding.arguments.find_args), on hand-built tokens and mentions."""

from token_sites import mention
from token_sites import word_tokens as _tokens

from marsad.coding.arguments import find_args
from marsad.coding.lexicon import Pattern, TriggerMatch
from marsad.document import ActorMention


def _m(code: str, i: int, j: int, kind: str = "state") -> ActorMention:
    return mention(code, i, j, kind=kind)


def _pattern(cameo: str, word: str) -> Pattern:
    return Pattern(words=(frozenset({word}),), cameo=cameo, flags=frozenset(), preps=frozenset(), source="test")


def _args(words: list[str], at: int, cameo: str, ments: list[ActorMention]):
    toks = _tokens(words)
    return find_args(TriggerMatch(at, at + 1, _pattern(cameo, words[at])), toks, ments, 0, len(toks))


def test_relatives_antecedent_is_the_subject():
    # المبعوث الأممي الذي زار الرياض أمس: the envoy visits, Riyadh is visited
    args = _args(["المبعوث", "الاممي", "الذي", "زار", "الرياض", "امس"], 3, "042",
                 [_m("IGO:UN", 0, 2, kind="agent"), _m("SAU", 4, 5, kind="capital")])
    assert [s.code for s in args.sources] == ["IGO:UN"] and args.source_how == "rel_subject"
    assert [t.code for t in args.targets] == ["SAU"]


def test_relatives_antecedent_after_a_comma():
    # روحاني، الذي التقى الوزير الألماني
    args = _args(["روحاني", ",", "الذي", "التقي", "الوزير", "الالماني"], 3, "040",
                 [_m("IRN", 0, 1, kind="person"), _m("DEU", 4, 6, kind="agent")])
    assert [s.code for s in args.sources] == ["IRN"] and [t.code for t in args.targets] == ["DEU"]


def test_relatives_pronoun_on_the_verb_keeps_the_actor_after_it():
    # اليمن التي يقصفها التحالف: the coalition bombs Yemen
    args = _args(["اليمن", "التي", "يقصفها", "التحالف"], 2, "195",
                 [_m("YEM", 0, 1), _m("SAU", 3, 4, kind="agent")])
    assert args.source_how != "rel_subject" and [s.code for s in args.sources] == ["SAU"]


def test_relatives_pronoun_on_the_preposition_keeps_the_actor_after_it():
    # المدينة التي يسيطر عليها الحوثيون
    args = _args(["اليمن", "التي", "يسيطر", "عليها", "الحوثيون"], 2, "190",
                 [_m("YEM", 0, 1), _m("YEM", 4, 5, kind="group")])
    assert args.source_how != "rel_subject"


def test_relatives_plural_verb_after_alladhina():
    # المستوطنين الذين اقتحموا المسجد
    args = _args(["المستوطنين", "الذين", "اقتحموا", "المسجد"], 2, "171", [_m("ISR", 0, 1, kind="agent")])
    assert [s.code for s in args.sources] == ["ISR"] and args.source_how == "rel_subject"


def test_relatives_masculine_mention_before_allati_is_no_antecedent():
    # سياسة الحزب التي تطالب الحكومة: التي agrees with the policy, not the party
    args = _args(["سياسه", "الحزب", "التي", "تطالب", "الحكومه"], 3, "100",
                 [_m("GBR", 1, 2, kind="agent"), _m("GBR", 4, 5, kind="agent")])
    assert args.source_how != "rel_subject"
