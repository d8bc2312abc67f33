"""The counterpart a meeting pattern ends on (التقى … مع نظيره) is the meeting's other side
(marsad.coding.arguments, issue #4); on hand-built tokens and mentions."""

from token_sites import mention, word_tokens

from marsad.coding.arguments import find_args
from marsad.coding.lexicon import Pattern, TriggerMatch


def _meeting(flags: frozenset[str] = frozenset({"sym"})) -> Pattern:
    words = (frozenset({"التقي"}), frozenset({"نظيره"}))
    return Pattern(words=words, cameo="040", flags=flags, preps=frozenset(), source="test")


def test_counterpart_mention_beginning_on_the_trigger_is_the_target():
    # والتقى الجبير مع نظيره الروسي (في الدوحة: a place, no argument)
    t = word_tokens(["والتقي", "الجبير", "مع", "نظيره", "الروسي"])
    saudi, russian = mention("SAU", 1, 2, kind="person"), mention("RUS", 3, 5, kind="person")
    args = find_args(TriggerMatch(0, 4, _meeting(), gaps=((1, 3),)), t, [saudi, russian], 0, len(t))
    assert [s.code for s in args.sources] == ["SAU"]
    assert [m.code for m in args.targets] == ["RUS"]


def test_other_mention_on_the_trigger_last_word_is_no_target():
    # a pattern ending on another word that begins a mention (… المقاومة) keeps the mention out
    pat = Pattern(words=(frozenset({"طالبت"}), frozenset({"المقاومه"})), cameo="020", flags=frozenset(),
                  preps=frozenset(), source="test")
    t = word_tokens(["طالبت", "حماس", "بتصعيد", "المقاومه", "الفلسطينيه"])
    hamas, resistance = mention("PSE", 1, 2), mention("PSE", 3, 5)
    args = find_args(TriggerMatch(0, 4, pat, gaps=((1, 3),)), t, [hamas, resistance], 0, len(t))
    assert all(m is not resistance for m in args.targets)
