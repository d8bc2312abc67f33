"""A verb whose gender clashes with the actor right after it has that actor for its object
(marsad.coding.dropped through marsad.coding.arguments.find_args)."""

from token_sites import mention, verb_args

from marsad.document import ActorMention


def _args(words: list[str], at: int, cameo: str, ments: list[ActorMention], *forms: str):
    return verb_args(words, at, cameo, ments, *forms)


def test_dropped_masculine_verb_before_a_state_has_it_for_object():
    # ودعا إيران إلى احترام التزاماتها: Iran is the object, the subject is dropped
    args = _args(["دعا", "ايران", "الي", "احترام"], 0, "020", [mention("IRN", 1, 2, kind="state")], "دعا", "دعت")
    assert args.sources == [] and args.source_how == "gender_dropped"
    assert [t.code for t in args.targets] == ["IRN"]


def test_dropped_bare_perfect_of_a_one_form_row_is_masculine():
    # وطالب المحكمة الجنائية الدولية بالتحقيق
    args = _args(["طالب", "المحكمه", "الجناييه", "الدوليه", "بالتحقيق"], 0, "100",
                 [mention("IGO:ICC", 1, 4, kind="igo")])
    assert args.sources == [] and [t.code for t in args.targets] == ["IGO:ICC"]


def test_dropped_feminine_verb_before_a_feminine_state_keeps_it_as_subject():
    # دعت مصر إسرائيل إلى
    args = _args(["دعت", "مصر", "اسراييل", "الي"], 0, "020",
                 [mention("EGY", 1, 2, kind="state"), mention("ISR", 2, 3, kind="state")], "دعا", "دعت")
    assert [s.code for s in args.sources] == ["EGY"] and [t.code for t in args.targets] == ["ISR"]


def test_dropped_feminine_verb_before_an_untitled_person_keeps_it_as_subject():
    # طالبت ميركل الحكومة: a woman named without a title takes a feminine verb
    args = _args(["طالبت", "ميركل", "اليونان"], 0, "100",
                 [mention("DEU", 1, 2, kind="person"), mention("GRC", 2, 3, kind="state")], "طالب", "طالبت")
    assert [s.code for s in args.sources] == ["DEU"]


def test_dropped_verbal_noun_after_anna_is_not_a_verb():
    # أن رفض الحكومة المبادرة: the government's refusal
    args = _args(["ان", "رفض", "الحكومه", "المبادره"], 1, "120", [mention("ISR", 2, 3, kind="agent")], "رفض", "رفضت")
    assert args.source_how != "gender_dropped"

