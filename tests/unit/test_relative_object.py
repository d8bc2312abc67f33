"""The antecedent of a relative clause as the object of its verb when the verb carries the pronoun that stands
for it (marsad.coding.relatives.relative_object through marsad.coding.arguments.find_args), on hand-built tokens
and mentions."""

from token_sites import mention, verb_args, word_tokens

from marsad.coding.arguments import find_args
from marsad.coding.lexicon import Pattern, TriggerMatch


def _codes(ms) -> list[str]:
    return [m.code for m in ms]


def test_relative_object_pronoun_for_the_antecedent_makes_it_the_target():
    # وفد الحوثيين الذين تتهمهم الرياض بتلقي الدعم من طهران: Riyadh accuses the Houthis, not Tehran
    words = ["وفد", "الحوثيين", "الذين", "تتهمهم", "الرياض", "بتلقي", "الدعم", "من", "طهران"]
    args = verb_args(words, 3, "112", [mention("YEM", 0, 2), mention("SAU", 4, 5, kind="capital"),
                                       mention("IRN", 8, 9, kind="capital")], "تتهم")
    assert _codes(args.sources) == ["SAU"] and _codes(args.targets) == ["YEM"]


def test_relative_object_masculine_pronoun_on_a_form_of_the_verb():
    # تنظيم داعش الذي تحاربه القوات العراقية في الأنبار: the Iraqi forces fight ISIS
    # (the lexicon matched تحارب without its suffix)
    words = ["تنظيم", "داعش", "الذي", "تحاربه", "القوات", "العراقيه", "في", "الانبار"]
    tokens = word_tokens(words)
    pat = Pattern(words=(frozenset({"تحارب"}),), cameo="190", flags=frozenset(), preps=frozenset(), source="test")
    args = find_args(TriggerMatch(3, 4, pat, (), True), tokens,
                     [mention("NSA:ISIS", 0, 2), mention("IRQ", 4, 6, kind="demonym")], 0, len(tokens))
    assert _codes(args.sources) == ["IRQ"] and _codes(args.targets) == ["NSA:ISIS"]


def test_relative_object_dropped_subject_is_the_sentences():
    # أفرجت إيران عن البحارة البريطانيين الذين احتجزتهم في مياه الخليج: Iran detained them, not they Iran
    words = ["افرجت", "ايران", "عن", "البحاره", "البريطانيين", "الذين", "احتجزتهم", "في", "مياه", "الخليج"]
    args = verb_args(words, 6, "173", [mention("IRN", 1, 2, kind="state"), mention("GBR", 3, 5, kind="demonym")],
                     "احتجزت")
    assert _codes(args.sources) == ["IRN"] and _codes(args.targets) == ["GBR"]


def test_relative_object_agreeing_verb_without_subject_keeps_the_antecedent_acting():
    # أردوغان الذي يتهمه بدعم الحزب: Erdogan accuses him (the pronoun is another's), no actor after the verb
    words = ["اردوغان", "الذي", "يتهمه", "بدعم", "حزب", "العمال"]
    args = verb_args(words, 2, "112", [mention("TUR", 0, 1, kind="person"), mention("TUR", 4, 6)], "يتهم")
    assert _codes(args.sources) == ["TUR"] and args.sources[0].token_start == 0


def test_relative_object_not_for_a_verb_of_carrying_out():
    # غارات الطائرات التي تشنها الولايات المتحدة على مواقع التنظيم: the pronoun is the raids', not the drones'
    words = ["غارات", "الطايرات", "التي", "تشنها", "الولايات", "المتحده", "علي", "مواقع", "التنظيم"]
    tokens = word_tokens(words)
    pat = Pattern(words=(frozenset({"تشن"}),), cameo="190", flags=frozenset(), preps=frozenset(), source="test")
    args = find_args(TriggerMatch(3, 4, pat, (), True), tokens,
                     [mention("YEM", 1, 2), mention("USA", 4, 6), mention("NSA:AQAP", 8, 9)], 0, len(tokens))
    assert _codes(args.sources) == ["USA"] and "YEM" not in _codes(args.targets)


def test_relative_object_root_letter_ha_is_no_pronoun():
    # الوزير الذي نبه الحكومة: the ه of نبه is the verb's own, not a pronoun
    words = ["الوزير", "الذي", "نبه", "الحكومه"]
    tokens = word_tokens(words)
    pat = Pattern(words=(frozenset({"نبه"}),), cameo="130", flags=frozenset(), preps=frozenset(), source="test")
    args = find_args(TriggerMatch(2, 3, pat), tokens, [mention("EGY", 0, 1), mention("JOR", 3, 4)], 0, len(tokens))
    assert args.source_how == "rel_subject" and _codes(args.targets) == ["JOR"]
