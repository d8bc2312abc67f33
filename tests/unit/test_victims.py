"""Tolls of an attack: victims and doer (marsad.coding.victims)."""

from token_sites import at as _at
from token_sites import mention
from token_sites import toks as _toks

from marsad.coding.victims import frames
from marsad.document import ActorMention
from marsad.text.normalize import normalize_text


def _m(code: str, i: int, j: int, agent: str = "REB") -> ActorMention:
    return mention(code, i, j, agent)



def test_passive_killing_in_an_air_raid_carried_out_by_a_named_force():
    toks = _toks("قتل عشرة مدنيين سوريين في غارة جوية شنها الطيران الروسي على ريف إدلب")
    victims = _m("SYR", 2, 4, "CVL")
    i = _at(toks, "الطيران")
    raf = _m("RUS", i, i + 2, "MIL")
    (fr,) = frames(toks, [victims, raf], 0, len(toks))
    assert (fr.verb, fr.attack) == (0, _at(toks, "غارة"))
    assert fr.victims == [victims]
    assert fr.doer is raf and fr.doer_how == "rel_verb"


def test_met_death_and_injured_with_genitive_or_agent_doer():
    toks = _toks("لقي خمسة جنود مصرعهم في هجوم لحركة الشباب")
    i = _at(toks, "لحركة")
    shabab = _m("SOM", i, i + 2)
    (fr,) = frames(toks, [shabab], 0, len(toks))
    assert fr.doer is shabab and fr.doer_how == "genitive" and fr.victims == []
    toks = _toks("استشهد ثلاثة فلسطينيين برصاص قوات الاحتلال")
    pal = _m("PSE", 2, 3, "CVL")
    isr = _m("ISR", 4, 6, "MIL")
    (fr,) = frames(toks, [pal, isr], 0, len(toks))
    assert fr.attack == 3 and fr.victims == [pal] and fr.doer is isr and fr.doer_how == "agent"


def test_unnamed_doer_and_target_of_the_attack_is_no_doer():
    toks = _toks("أصيب شرطيان بجروح في انفجار عبوة ناسفة على دورية للشرطة المصرية")
    i = _at(toks, "للشرطة")
    police = _m("EGY", i, i + 2, "POL")
    (fr,) = frames(toks, [police], 0, len(toks))
    assert fr.doer is None and fr.victims == []


def test_active_killing_is_no_toll():
    # the doer comes right after the verb (قتل الجيش …), or before it in its clause
    toks = _toks("قتل الجيش العراقي عشرين مسلحا في غارة جوية")
    army = _m("IRQ", 1, 3, "MIL")
    assert frames(toks, [army], 0, len(toks)) == []
    toks = _toks("الجيش العراقي قتل عشرين مسلحا في غارة جوية")
    army = _m("IRQ", 0, 2, "MIL")
    assert frames(toks, [army], 0, len(toks)) == []


def test_people_then_a_counted_object_make_an_active_killing():
    # قتل مسلحون … عشرة جنود: the gunmen are the subject, the count opens the object
    toks = _toks("قتل مسلحون من حركة طالبان عشرة جنود في هجوم على حاجز")
    gunmen = _m("AFG", 1, 5)
    assert frames(toks, [gunmen], 0, len(toks)) == []
    # a count joined by و lists more victims of a passive قتل
    toks = _toks("قتل جندي وثلاثة مدنيين في هجوم لحركة طالبان")
    i = _at(toks, "لحركة")
    (fr,) = frames(toks, [_m("AFG", i, i + 2)], 0, len(toks))
    assert fr.verb == 0


def test_no_attack_noun_no_frame():
    toks = _toks("قتل خمسة أشخاص وأصيب آخرون بينما أعلنت الحكومة حالة الطوارئ في هجوم سياسي")
    assert frames(toks, [], 0, len(toks)) == []


def test_definite_genitive_doer_and_attack_phrase():
    toks = _toks("وقتل عشرات من رجال الشرطة في هجمات المتطرفين في شمال البلاد")
    i = _at(toks, "رجال")
    police = _m("EGY", i, i + 2, "POL")
    j = _at(toks, "المتطرفين")
    militants = _m("EGY", j, j + 1)
    (fr,) = frames(toks, [police, militants], 0, len(toks))
    assert fr.victims == [police] and fr.doer is militants and fr.doer_how == "genitive"
    # the phrase of the attack ends before its first actor
    assert fr.names_attack(fr.attack) and not fr.names_attack(j)


def test_what_the_attack_was_aimed_at():
    toks = _toks("قتل خمسة أشخاص في هجوم بقذائف الهاون، على ثكنة للجيش التركي قرب الحدود")
    i = _at(toks, "للجيش")
    army = _m("TUR", i, i + 2, "MIL")
    (fr,) = frames(toks, [army], 0, len(toks))
    assert fr.aimed is army and fr.victims == []
    # not across a clause: على قرى نائية، وأفاد مسؤولون …
    toks = _toks("قتل أربعة قرويين في هجمات على قرى نائية، وأفاد مسؤولون محليون بأن المسلحين انسحبوا")
    i = _at(toks, "مسؤولون")
    officials = _m("CMR", i, i + 2, "GOV")
    (fr,) = frames(toks, [officials], 0, len(toks))
    assert fr.aimed is None


def test_toll_words_are_read_normalized():
    from marsad.coding.victims import toll_words

    w = toll_words()
    assert "قتل" in w["killed"] and "هجوم" in w["attack"]
    assert normalize_text("مئات") in w["count"]  # written مئات, matched on the normalized text


def test_toll_args_doer_victims_or_unnamed():
    from marsad.coding.arguments import Args
    from marsad.coding.victims import UNNAMED, Frame, toll_args

    victims, doer, other = _m("SYR", 2, 4, "CVL"), _m("RUS", 8, 10, "MIL"), _m("SYR", 12, 13)
    args = Args([victims], [doer], "vso", "next")  # what the clause heuristics said (قتل read active)
    assert toll_args(Frame(0, 5, [victims], doer, "rel_verb"), args, lambda: None) == ([doer], [victims])
    assert (args.source_how, args.target_how) == ("toll_rel_verb", "victims")
    args = Args([], [other], "none", "next")
    assert toll_args(Frame(0, 5, [], None), args, lambda: None) == ([], [])  # the place gives them
    assert args.source_how == UNNAMED
    assert toll_args(Frame(0, 5, [], None), Args([], []), lambda: doer) == ([doer], [])  # a claim


def test_toll_noun_takes_victims_after_it_wherever_it_stands():
    # أفاد المرصد بمقتل …: the observatory before the noun is no subject of the killing
    toks = _toks("أفاد المرصد بمقتل عشرين عنصرا من تنظيم داعش جراء غارات شنتها طائرات التحالف الدولي")
    observatory = _m("SYR", 1, 2, "NGO")
    i = _at(toks, "تنظيم")
    isis = _m("NSA:ISIS", i, i + 2)
    j = _at(toks, "طائرات")
    coalition = _m("IGO:OTHER", j, j + 3, "MIL")
    (fr,) = frames(toks, [observatory, isis, coalition], 0, len(toks))
    assert fr.verb == _at(toks, "بمقتل") and fr.victims == [isis] and fr.doer is coalition


def test_victims_named_before_a_toll_verb_with_no_object():
    """جنود قتلوا في هجوم: the verb has no object (a preposition follows it at once), so the actors
    before it in its clause are the victims, not the killers; not an active verb with its object."""
    toks = _toks("أعلن الجيش أن ثلاثة جنود قتلوا في هجوم لحركة الشباب")
    i = _at(toks, "ثلاثة")
    soldiers = _m("KEN", i, i + 2, "MIL")
    j = _at(toks, "لحركة")
    shabab = _m("SOM", j, j + 2)
    army = _m("KEN", 1, 2, "MIL")
    (fr,) = frames(toks, [army, soldiers, shabab], 0, len(toks))
    assert fr.victims == [soldiers] and fr.doer is shabab  # not the army named before أن
    toks = _toks("الجيش قتل خمسة مسلحين في هجوم")
    assert frames(toks, [_m("KEN", 0, 1, "MIL")], 0, len(toks)) == []  # an object follows: active
