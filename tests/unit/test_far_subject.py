"""The far subject of a verb with no subject in its clause (marsad.coding.arguments._far_subject): the
actor named last before it, unless a preposition standing as its own word governs that actor; on
hand-built tokens and mentions."""

from token_sites import mention
from token_sites import word_tokens as _tokens

from marsad.coding.arguments import find_args
from marsad.coding.lexicon import Pattern, TriggerMatch
from marsad.document import ActorMention


def _m(code: str, i: int, j: int, kind: str = "state") -> ActorMention:
    return mention(code, i, j, kind=kind)


def _pattern(cameo: str) -> Pattern:
    return Pattern(words=(frozenset({"x"}),), cameo=cameo, flags=frozenset(), preps=frozenset(), source="test")


def test_actor_after_a_preposition_is_no_far_subject():
    # دعا الوزير إلى التفاوض مع الولايات المتحدة، مثلما كان اليساريون يطلبون من الدول…: the United States is
    # whom the minister's clause names to negotiate with; the minister, named before it, is the far subject
    toks = _tokens(["دعا", "الوزير", "الي", "التفاوض", "مع", "الولايات", "المتحده", ",", "مثلما", "كان",
                    "اليساريون", "يطلبون", "من", "الدول"])
    ments = [_m("EGY", 1, 2, kind="agent"), _m("USA", 5, 7)]
    args = find_args(TriggerMatch(11, 12, _pattern("020")), toks, ments, 0, len(toks))
    assert [s.code for s in args.sources] == ["EGY"] and args.source_how == "svo_far"


def test_only_actor_after_a_preposition_stays_the_far_subject():
    # with no other actor named before it, the governed one is still taken
    toks = _tokens(["التفاوض", "مع", "الولايات", "المتحده", ",", "مثلما", "كان", "اليساريون", "يطلبون"])
    args = find_args(TriggerMatch(8, 9, _pattern("020")), toks, [_m("USA", 2, 4)], 0, len(toks))
    assert [s.code for s in args.sources] == ["USA"] and args.source_how == "svo_far"


def test_antecedent_of_a_relative_clause_is_kept():
    # تعهد رئيس الإقليم بالانتقام من تنظيم داعش المتطرف الذي اعتدى بوحشية على الإيزيديين: the group attacks
    toks = _tokens(["تعهد", "رئيس", "الاقليم", "بالانتقام", "من", "تنظيم", "داعش", "المتطرف", "الذي", "اعتدي",
                    "بوحشيه", "علي", "الايزيديين"])
    ments = [_m("IRQ", 1, 3, kind="agent"), _m("NSA:ISIS", 5, 7, kind="group")]
    args = find_args(TriggerMatch(9, 10, _pattern("180")), toks, ments, 0, len(toks))
    assert [s.code for s in args.sources] == ["NSA:ISIS"] and args.source_how == "svo_far"
