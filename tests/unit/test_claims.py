"""Claims of responsibility and blame for an attack (marsad.coding.claims)."""

from marsad.coding.claims import claimer
from marsad.document import ActorMention, Span
from marsad.text.normalize import normalize_text
from marsad.text.tokens import tokenize


def _toks(text: str):
    return tokenize(normalize_text(text))


def _m(code: str, i: int, j: int, locative: bool = False) -> ActorMention:
    return ActorMention(span=Span(i, j, ""), code=code, agent="REB", kind="group", token_start=i, token_end=j,
                        locative=locative)


def _words(toks) -> list[str]:
    return [t.norm for t in toks]


def _at(toks, word: str) -> int:
    return _words(toks).index(normalize_text(word))


def test_adopt_verb_subject_after_it():
    toks = _toks("قتل عشرة أشخاص في هجوم انتحاري ، وتبنى تنظيم داعش الهجوم")
    i = _at(toks, "تنظيم")
    isis = _m("NSA:ISIS", i, i + 2)
    assert claimer(toks, [isis], 0, len(toks)) is isis


def test_relative_adopt_verb_with_pronoun():
    toks = _toks("قتل 21 شخصا في هجوم تبنته حركة طالبان في ولاية قندوز")
    i = _at(toks, "حركة")
    taliban = _m("AFG", i, i + 2)
    place = _m("AFG", len(toks) - 1, len(toks), locative=True)
    assert claimer(toks, [taliban, place], 0, len(toks)) is taliban


def test_announced_responsibility():
    toks = _toks("وأعلنت حركة الشباب مسؤوليتها عن التفجير")
    shabab = _m("SOM", 1, 3)
    assert claimer(toks, [shabab], 0, len(toks)) is shabab
    toks = _toks("الحركة أعلنت مسؤوليتها عن التفجير")
    group = _m("SOM", 0, 1)
    assert claimer(toks, [group], 0, len(toks)) is group


def test_ascribed_to_and_standing_behind():
    toks = _toks("قتل شرطيان في هجوم نسبته السلطات إلى التمرد الكردي")
    i = _at(toks, "التمرد")
    authorities = _m("TUR", i - 2, i - 1)
    rebels = _m("TUR", i, i + 2)
    assert claimer(toks, [authorities, rebels], 0, len(toks)) is rebels
    toks = _toks("وأكد الوزير أن تنظيم القاعدة يقف وراء الهجوم")
    i = _at(toks, "تنظيم")
    minister = _m("MLI", 1, 3)
    qaeda = _m("NSA:ALQAEDA", i, i + 2)
    assert claimer(toks, [minister, qaeda], 0, len(toks)) is qaeda


def test_no_claim_no_claimer():
    toks = _toks("قتل عشرة جنود في هجوم شنه مسلحون على دورية للجيش")
    assert claimer(toks, [_m("MLI", 2, 4)], 0, len(toks)) is None
    # the speaker of a claim sentence that claims nothing (أعلن without مسؤولية)
    toks = _toks("أعلن الجيش مقتل خمسة مسلحين")
    assert claimer(toks, [_m("MLI", 1, 2)], 0, len(toks)) is None


def test_head_limits_the_next_sentence():
    toks = _toks("وقال مصدر أمني إن الحركة لم تتبن الهجوم بعد ، وتبنى تنظيم داعش الهجوم")
    i = _at(toks, "داعش")
    isis = _m("NSA:ISIS", i - 1, i + 1)
    assert claimer(toks, [isis], 0, len(toks), head=3) is None
    assert claimer(toks, [isis], 0, len(toks)) is isis


def test_nearest_claim_of_two_attacks():
    toks = _toks("غداة قتل شرطيين وإعلان حزب العمال الكردستاني مسؤوليته عن قتلهما ردا على هجوم سوروتش نسب إلى تنظيم داعش")
    i, j = _at(toks, "حزب"), _at(toks, "داعش")
    pkk, isis = _m("TUR", i, i + 3), _m("NSA:ISIS", j - 1, j + 1)
    assert claimer(toks, [pkk, isis], 0, len(toks), near=_at(toks, "قتل")) is pkk
    assert claimer(toks, [pkk, isis], 0, len(toks), near=_at(toks, "هجوم")) is isis


def test_adopting_a_law_is_no_claim():
    toks = _toks("تبنى مجلس الشيوخ صيغته لقانون الدفاع مع شرط عدم عودة السجناء الى القتال")
    assert claimer(toks, [_m("USA", 1, 3)], 0, len(toks)) is None
    toks = _toks("وأكدت الحكومة أن المعارضة تقف وراء حركة النزوح")
    assert claimer(toks, [_m("BDI", 4, 5)], 0, len(toks)) is None


def test_object_before_the_subject():
    toks = _toks("قتل 30 شخصا في هجمات تبنى بعضها تنظيم داعش")
    i = _at(toks, "تنظيم")
    isis = _m("NSA:ISIS", i, i + 2)
    assert claimer(toks, [isis], 0, len(toks)) is isis
