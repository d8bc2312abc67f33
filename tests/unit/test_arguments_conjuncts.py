"""Conjoined actors (conjuncts.conjoined, issue #4): only the conjunction و joins two actors, not a
word that starts with the letter (وزير، وفد، وكالة)."""

from __future__ import annotations

from marsad.api_lib import Coder
from marsad.coding.conjuncts import conjoined, mention_prefix


def test_a_word_that_starts_with_waw_is_no_conjunct() -> None:
    doc = Coder().code("استقبل الملك سلمان وزير الخارجية المصري وإيران ووزير الدفاع الأمريكي", date="2015-08-01")
    ments = [m for m in doc.actors if m.code]
    assert [mention_prefix(doc.tokens, m)[:1] for m in ments] == ["ا", "", "و", "و"]
    assert [m.code for m in conjoined(ments, 0, doc.tokens)] == ["SAU"]  # وزير: the guest, not a second host
    assert [m.code for m in conjoined(ments, 1, doc.tokens)] == ["EGY", "IRN", "USA"]  # وإيران، ووزير


def test_the_host_and_his_guest_are_two_sides() -> None:
    doc = Coder().code("واستقبل ولي العهد الكويتي وزير الداخلية البحريني والوفد المرافق له.", date="2015-08-01")
    got = {(e.source.code, e.target.code if e.target else "-", e.cameo) for e in doc.events}
    assert got == {("KWT", "BHR", "043"), ("BHR", "KWT", "042")}
