"""What a protest is against: the actor after its purpose word (marsad.coding.protest)."""

from token_sites import at as _at
from token_sites import mention as _m
from token_sites import toks as _toks

from marsad.coding.protest import is_purpose, protest_aim


def test_purpose_words_with_and_without_proclitics():
    for word in ("احتجاجاً", "للاحتجاج", "تنديداً", "للتنديد", "استنكاراً", "رفضاً", "مناهضة", "ضد", "يدينون"):
        assert is_purpose(_toks(word)[0]), word
    for word in ("احتج", "تظاهر", "الحكومة"):
        assert not is_purpose(_toks(word)[0]), word


def test_the_actor_after_the_purpose_word_is_the_target():
    toks = _toks("تظاهر مئات الأشخاص في بروكسل للتنديد بالغارات التي يشنها الجيش التركي")
    army = _m("TUR", _at(toks, "الجيش"), _at(toks, "التركي") + 1)
    assert protest_aim(toks, [army], 0, len(toks), []) is army
    toks = _toks("تظاهر عشرات الصحفيين احتجاجا على جريمة حرق مستوطنين إسرائيليين للطفل")
    settlers = _m("ISR", _at(toks, "مستوطنين"), _at(toks, "إسرائيليين") + 1)
    assert protest_aim(toks, [settlers], 0, len(toks), []) is settlers


def test_no_purpose_word_far_actor_source_or_victim_of_an_act():
    toks = _toks("تظاهر آلاف العراقيين في بغداد")
    iraqis = _m("IRQ", 1, 3)
    assert protest_aim(toks, [iraqis], 0, len(toks), []) is None
    # the protesters themselves after the purpose word are no target
    toks = _toks("خرج المتظاهرون المناهضون للحكومة")
    gov = _m("EGY", _at(toks, "للحكومة"), _at(toks, "للحكومة") + 1)
    assert protest_aim(toks, [gov], 0, len(toks), [gov]) is None
    # تنديدا بالحرب على غزة: the victim of the act protested against is not its target
    toks = _toks("خرج الآلاف في مسيرة تنديدا بالحرب على غزة")
    gaza = _m("PSE", _at(toks, "غزة"), _at(toks, "غزة") + 1)
    assert protest_aim(toks, [gaza], 0, len(toks), []) is None
    # too far after the purpose word
    toks = _toks("تظاهروا احتجاجا على تدهور الأوضاع المعيشية في البلاد منذ سنوات بسبب سياسات الحكومة")
    gov = _m("LBN", _at(toks, "الحكومة"), _at(toks, "الحكومة") + 1)
    assert protest_aim(toks, [gov], 0, len(toks), []) is None


def test_against_their_own_government_the_target_stays():
    # the protesters' own state's government: no new target (the domestic one stands)
    toks = _toks("تظاهر آلاف العراقيين في بغداد احتجاجا على قرار الحكومة العراقية")
    iraqis = _m("IRQ", _at(toks, "العراقيين"), _at(toks, "العراقيين") + 1)
    gov = _m("IRQ", _at(toks, "الحكومة"), _at(toks, "العراقية") + 1)
    assert protest_aim(toks, [iraqis, gov], 0, len(toks), [iraqis]) is None
    # Kurds from several states against the Turkish government: Turkey is the target
    toks = _toks("خرج أكراد من تركيا والعراق في مسيرة ضد الحكومة التركية")
    tur = _m("TUR", _at(toks, "تركيا"), _at(toks, "تركيا") + 1)
    irq = _m("IRQ", _at(toks, "والعراق"), _at(toks, "والعراق") + 1)
    gov = _m("TUR", _at(toks, "الحكومة"), _at(toks, "التركية") + 1)
    assert protest_aim(toks, [tur, irq, gov], 0, len(toks), [tur, irq]) is gov
