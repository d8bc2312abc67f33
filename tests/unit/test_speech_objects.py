"""Objects of speech-act verbs: an actor alone before the second complement of اتهم / حث / حمّل
(marsad.coding.dropped.object_by_frame), a verb joined by و with an object pronoun, and a passive spelled
like the active with its doer after من قبل (marsad.coding.arguments.find_args)."""

from token_sites import mention, verb_args

from marsad.document import ActorMention


def _args(words: list[str], at: int, cameo: str, ments: list[ActorMention], *forms: str):
    return verb_args(words, at, cameo, ments, *forms)


def test_speech_objects_actor_alone_before_the_accusation_is_the_accused():
    # واتهمت الولايات المتحدة بتقويض الجهود: the United States is accused, the subject is dropped
    args = _args(["اتهمت", "الولايات", "المتحده", "بتقويض", "الجهود"], 0, "112",
                 [mention("USA", 1, 3, kind="state")], "اتهم", "اتهمت")
    assert args.sources == [] and [t.code for t in args.targets] == ["USA"]


def test_speech_objects_subject_and_object_before_the_accusation():
    # اتهمت روسيا أوكرانيا بتعطيل الاتفاق
    args = _args(["اتهمت", "روسيا", "اوكرانيا", "بتعطيل", "الاتفاق"], 0, "112",
                 [mention("RUS", 1, 2, kind="state"), mention("UKR", 2, 3, kind="state")], "اتهم", "اتهمت")
    assert [s.code for s in args.sources] == ["RUS"] and [t.code for t in args.targets] == ["UKR"]


def test_speech_objects_state_starting_with_ba_is_no_complement():
    # اتهم الرئيس الأفغاني باكستان بإيواء: باكستان is an actor, not ب + noun
    args = _args(["اتهم", "الرييس", "الافغاني", "باكستان", "بايواء"], 0, "112",
                 [mention("AFG", 1, 3, kind="demonym"), mention("PAK", 3, 4, kind="state")], "اتهم", "اتهمت")
    assert [s.code for s in args.sources] == ["AFG"] and [t.code for t in args.targets] == ["PAK"]


def test_speech_objects_long_joined_mention_stays_subject():
    # واتهم الانفصاليون الحكومة الأوكرانية بإجهاض: one mention joins the subject and the object
    args = _args(["اتهم", "الانفصاليون", "الحكومه", "الاوكرانيه", "باجهاض"], 0, "112",
                 [mention("UKR", 1, 4, kind="demonym")], "اتهم", "اتهمت")
    assert [s.code for s in args.sources] == ["UKR"]


def test_speech_objects_urged_actor_before_ala_is_the_addressee():
    # وحث تركيا على ضبط حدودها
    args = _args(["حث", "تركيا", "علي", "ضبط"], 0, "020", [mention("TUR", 1, 2, kind="state")], "حث", "حثت")
    assert args.sources == [] and [t.code for t in args.targets] == ["TUR"]


def test_speech_objects_conjoined_verb_with_pronoun_keeps_the_first_subject():
    # استدعت الخارجية البحرينية القائم بالأعمال الإيراني وطالبته بالكف
    words = ["استدعت", "الخارجيه", "البحرينيه", "القايم", "بالاعمال", "الايراني", "وطالبته", "بالكف"]
    ments = [mention("BHR", 1, 3, kind="demonym"), mention("IRN", 3, 6, kind="demonym")]
    args = _args(words, 6, "100", ments, "طالب", "طالبت", "طالبته")
    assert [s.code for s in args.sources] == ["BHR"] and [t.code for t in args.targets] == ["IRN"]


def test_speech_objects_conjoined_verb_without_pronoun_is_left_alone():
    # … السفير الإيراني وطالب بالكف: no pronoun, no object taken from before
    words = ["استدعت", "الخارجيه", "البحرينيه", "السفير", "الايراني", "وطالب", "بالكف"]
    ments = [mention("BHR", 1, 3, kind="demonym"), mention("IRN", 3, 5, kind="demonym")]
    args = _args(words, 5, "100", ments, "طالب", "طالبت", "طالبته")
    assert args.source_how != "main" or [t.code for t in args.targets] != ["IRN"]


def test_speech_objects_agent_phrase_makes_the_verb_passive():
    # واتهمت روسيا من قبل الولايات المتحدة بانتهاك المعاهدة
    words = ["اتهمت", "روسيا", "من", "قبل", "الولايات", "المتحده", "بانتهاك"]
    ments = [mention("RUS", 1, 2, kind="state"), mention("USA", 4, 6, kind="state")]
    args = _args(words, 0, "112", ments, "اتهم", "اتهمت")
    assert [s.code for s in args.sources] == ["USA"] and [t.code for t in args.targets] == ["RUS"]
