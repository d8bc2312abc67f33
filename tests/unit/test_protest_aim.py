"""What a protest is against: the actor after its purpose word (marsad.coding.protest)."""

import pytest
from token_sites import at as _at
from token_sites import mention as _m
from token_sites import toks as _toks

from marsad.coding.protest import is_purpose, occupier_prison, protest_aim
from marsad.document import Span


def test_purpose_words_with_and_without_proclitics():
    for word in ("احتجاجاً", "للاحتجاج", "تنديداً", "للتنديد", "استنكاراً", "رفضاً", "مناهضة", "ضد", "يدينون"):
        assert is_purpose(_toks(word)[0]), word
    for word in ("احتج", "تظاهر", "الحكومة"):
        assert not is_purpose(_toks(word)[0]), word


@pytest.mark.parametrize("text,code,first,last,own,aims", [
    # the actor after the purpose word is the target
    ("تظاهر مئات الأشخاص في بروكسل للتنديد بالغارات التي يشنها الجيش التركي", "TUR", "الجيش", "التركي", False, True),
    ("تظاهر عشرات الصحفيين احتجاجا على جريمة حرق مستوطنين إسرائيليين للطفل", "ISR", "مستوطنين", "إسرائيليين",
     False, True),
    # no purpose word
    ("تظاهر آلاف العراقيين في بغداد", "IRQ", "آلاف", "العراقيين", False, False),
    # the protesters themselves after the purpose word are no target
    ("خرج المتظاهرون المناهضون للحكومة", "EGY", "للحكومة", "للحكومة", True, False),
    # تنديدا بالحرب على غزة: the victim of the act protested against is not its target
    ("خرج الآلاف في مسيرة تنديدا بالحرب على غزة", "PSE", "غزة", "غزة", False, False),
    # too far after the purpose word
    ("تظاهروا احتجاجا على تدهور الأوضاع المعيشية في البلاد منذ سنوات بسبب سياسات الحكومة", "LBN", "الحكومة",
     "الحكومة", False, False),
])
def test_the_actor_after_the_purpose_word(text: str, code: str, first: str, last: str, own: bool,
                                          aims: bool) -> None:
    toks = _toks(text)
    m = _m(code, _at(toks, first), _at(toks, last) + 1)
    assert protest_aim(toks, [m], 0, len(toks), [m] if own else []) is (m if aims else None)


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


def _span(i: int, j: int) -> Span:
    return Span(i, j, "")


@pytest.mark.parametrize("text,sides", [
    # the prison's nisba or سجون الاحتلال names the occupier: the prisoners (PSE) protest against it
    ("يواصل الأسرى إضرابهم عن الطعام في السجون الإسرائيلية", ("PSE", "ISR")),
    ("دخل الأسير يومه الخمسين في الإضراب عن الطعام داخل سجون الاحتلال", ("PSE", "ISR")),
    # another state's prison, or no prison: not this rule
    ("أضرب عشرات السجناء عن الطعام في سجن رومية اللبناني", None),
    ("تظاهر مئات الإسرائيليين في تل أبيب", None),
])
def test_protest_in_an_occupier_prison(text: str, sides: tuple[str, str] | None) -> None:
    tokens = _toks(text)
    held = occupier_prison(tokens, [], 0, len(tokens), _span)
    assert (None if held is None else (held[0].code, held[1].code)) == sides
