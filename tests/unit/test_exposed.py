"""The victim of an act told with تعرض (marsad.coding.exposed)."""

from token_sites import at as _at
from token_sites import mention as _m
from token_sites import toks as _toks

from marsad.coding.exposed import EXPOSED_ROOTS, exposed_args, exposed_target, exposure_ending


def test_forms_of_taarrada():
    for word, ending in (("تعرضت", "ت"), ("وتتعرض", ""), ("تعرضه", "ه"), ("يتعرضون", "ون"), ("تعرض", "")):
        assert exposure_ending(_toks(word)[0]) == ending, word
    for word in ("استعرض", "عرض", "معرض", "تعرضات"):
        assert exposure_ending(_toks(word)[0]) is None, word


def test_subject_of_taarrada_is_the_target_and_the_doer_follows_the_act():
    toks = _toks("تعرضت دورية للجيش اللبناني لهجوم من مسلحين سوريين قرب عرسال")
    army = _m("LBN", _at(toks, "للجيش"), _at(toks, "اللبناني") + 1)
    gunmen = _m("SYR", _at(toks, "مسلحين"), _at(toks, "سوريين") + 1)
    act = _at(toks, "لهجوم")
    assert exposed_target(toks, [army, gunmen], act, act + 1, 0) is army
    # the heuristics took the victim as the source: the actor after the act is the doer
    assert exposed_args(toks, [army, gunmen], act, act + 1, 0, [army], []) == ([gunmen], [army])


def test_svo_pronoun_noun_in_between_and_relative():
    toks = _toks("وتتعرض القرى السعودية لقصف الحوثيين")
    saudi = _m("SAU", _at(toks, "السعودية"), _at(toks, "السعودية") + 1)
    act = _at(toks, "لقصف")
    assert exposed_target(toks, [saudi], act, act + 1, 0) is saudi
    toks = _toks("نجا شاب سعودي إثر تعرضه للطعن في إيران")
    young = _m("SAU", 1, 3)
    act = _at(toks, "للطعن")
    assert exposed_target(toks, [young], act, act + 1, 0) is young
    toks = _toks("تعرض مكتب الأمم المتحدة لعملية اقتحام من مسلحين")
    un = _m("IGO:UN", _at(toks, "الأمم"), _at(toks, "المتحدة") + 1)
    act = _at(toks, "اقتحام")
    assert exposed_target(toks, [un], act, act + 1, 0) is un
    toks = _toks("ندد بالهجمات التي تعرضت لها تركيا")
    turkey = _m("TUR", _at(toks, "تركيا"), _at(toks, "تركيا") + 1)
    act = _at(toks, "بالهجمات")
    assert exposed_target(toks, [turkey], act, act + 1, 0) is turkey


def test_no_taarrada_no_victim():
    toks = _toks("شن الجيش اللبناني هجوما على مسلحين قرب عرسال")
    act = _at(toks, "هجوما")
    assert exposed_target(toks, [_m("LBN", 1, 3)], act, act + 1, 0) is None
    # تعرض without the act as its complement (تعرض الوزير لانتقادات بعد قصف…)
    toks = _toks("تعرض الوزير لانتقادات بعد قصف المدينة")
    act = _at(toks, "قصف")
    assert exposed_target(toks, [_m("LBN", 1, 2)], act, act + 1, 0) is None


def test_no_doer_of_another_code_keeps_the_arguments():
    # تعرضت دورية لإطلاق نار: no doer named; a doer of the victim's own code: the domestic coding stays
    toks = _toks("تعرضت دورية للجيش اللبناني لهجوم")
    army = _m("LBN", _at(toks, "للجيش"), _at(toks, "اللبناني") + 1)
    act = _at(toks, "لهجوم")
    assert exposed_args(toks, [army], act, act + 1, 0, [army], []) is None
    toks = _toks("تعرضت دورية للجيش اللبناني لهجوم من مسلحين لبنانيين")
    army = _m("LBN", _at(toks, "للجيش"), _at(toks, "اللبناني") + 1)
    gunmen = _m("LBN", _at(toks, "مسلحين"), _at(toks, "لبنانيين") + 1)
    act = _at(toks, "لهجوم")
    assert exposed_args(toks, [army, gunmen], act, act + 1, 0, [army], []) is None


def test_criticism_one_is_subjected_to():
    assert {"11", "13"} <= EXPOSED_ROOTS
    toks = _toks("تعرضت الحكومة العراقية لانتقادات حادة من منظمة العفو الدولية")
    gov = _m("IRQ", _at(toks, "الحكومة"), _at(toks, "العراقية") + 1)
    amnesty = _m("IGO:OTHER", _at(toks, "منظمة"), _at(toks, "الدولية") + 1)
    act = _at(toks, "لانتقادات")
    assert exposed_args(toks, [gov, amnesty], act, act + 1, 0, [gov], []) == ([amnesty], [gov])
