"""governed.governed_place: a state taken for a place only because of the verb's ب is the act's object."""

from marsad.api_lib import Coder


def _triples(text: str) -> set[tuple[str, str, str]]:
    doc = Coder().code(text, date="2024-06-04", id="t")
    return {(e.source.code, e.target.code if e.target else "-", e.cameo) for e in doc.events}


def test_recognised_state_is_the_target():
    assert ("NOR", "PSE", "054") in _triples("اعترفت النرويج رسميا بدولة فلسطين في خطوة لقيت ترحيبا عربيا.")


def test_document_mentions_are_not_changed():
    doc = Coder().code("اعترفت النرويج رسميا بدولة فلسطين في خطوة لقيت ترحيبا عربيا.", date="2024-06-04", id="t")
    pse = [m for m in doc.actors if m.code == "PSE"]
    assert pse and all(m.locative for m in pse), "the actors stage's reading stays; only the trigger's arguments see an object"
    assert any(e.target is not None and e.target.code == "PSE" for e in doc.events)


def test_place_the_trigger_does_not_govern_is_no_target():
    doc = Coder().code("استقبل الرئيس المصري بالقاهرة وزير الخارجية الأردني لبحث العلاقات الثنائية.", date="2024-06-04", id="t")
    assert all(not (e.target is not None and e.target.code == "EGY" and e.source.code == "EGY") for e in doc.events)
