"""when_where.locatives.seat_at: the place where a body sits (ومقره بريطانيا) is no actor and no event place."""

from marsad.api_lib import Coder
from marsad.text.normalize import normalize_text
from marsad.text.tokens import tokenize
from marsad.when_where.locatives import seat_at


def _doc(text: str):
    return Coder().code(text, date="2015-07-30", id="t")


def _triples(text: str) -> set[tuple[str, str, str]]:
    return {(e.source.code, e.target.code if e.target else "-", e.cameo) for e in _doc(text).events}


def _at(text: str, word: int) -> bool:
    """Is the ``word``-th token (from 0) of ``text`` a seat place?"""
    return seat_at(tokenize(normalize_text(text)), word)


def test_seat_words():
    assert _at("وذكر المرصد ومقره بريطانيا أن", 3)
    assert _at("وقالت المنظمة ومقرها الرئيسي جنيف إن", 4)
    assert _at("وقال المرصد ومقره في لندن إن", 4)
    assert _at("وأفاد المرصد الذي يتخذ من بريطانيا مقرا له", 5)


def test_not_a_seat():
    assert not _at("وذكر المرصد في بريطانيا أن", 3)
    assert not _at("وصل الوفد إلى مقر الأمم المتحدة", 4)
    assert not _at("وطلب من بريطانيا", 2)


def test_seat_is_no_striker():
    text = "وذكر المرصد السوري لحقوق الإنسان ومقره بريطانيا أن طائرات حربية قصفت مواقع قرب حلب."
    doc = _doc(text)
    assert not any(m.code == "GBR" for m in doc.actors)
    assert all("GBR" not in (e.source.code, e.target.code if e.target else "") for e in doc.events)


def test_seat_is_no_arrester():
    assert all(s != "GBR" for s, _, _ in _triples("وقال المرصد السوري ومقره بريطانيا إن قوات النظام اعتقلت عشرة شبان."))


def test_seat_after_fi_is_no_implied_target_or_place():
    doc = _doc("وقال المرصد السوري ومقره في لندن إن طائرات النظام قصفت مدينة دوما.")
    assert all("GBR" not in (e.source.code, e.target.code if e.target else "") for e in doc.events)
    assert all(e.place is None or e.place.country != "GBR" for e in doc.events)


def test_a_place_without_seat_word_stays():
    assert any(m.code == "GBR" for m in _doc("وقالت بريطانيا إن طائراتها قصفت مواقع لتنظيم داعش.").actors)
