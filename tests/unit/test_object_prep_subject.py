"""subject_of: an actor right after إلى، عن، ضد… before a verb is no subject (clause_words.OBJECT_PREPS)."""

from marsad.api_lib import Coder


def _triples(text: str) -> set[tuple[str, str, str]]:
    doc = Coder().code(text, date="2015-07-30", id="t")
    return {(e.source.code, e.target.code if e.target else "-", e.cameo[:2]) for e in doc.events}


def test_destination_is_no_arrester():
    got = _triples("وكشفت شرطة دبي عن شبكة لتهريب المخدرات إلى سلطنة عمان وألقت القبض على ثلاثة من أفرادها.")
    assert ("ARE", "ARE", "17") in got
    assert all(s != "OMN" for s, _, _ in got)


def test_addressee_of_a_letter_does_not_appeal():
    got = _triples("وسلم المبعوث الأممي رسالة إلى الحوثيين ودعا الجماعة إلى الانسحاب من المدن.")
    assert ("IGO:UN", "YEM", "02") in got
    assert all(s != "YEM" for s, _, _ in got)


def test_actor_after_against_does_not_demand():
    got = _triples("وقدمت الحكومة العراقية شكوى رسمية ضد تركيا وطالبت مجلس الأمن بوقف الغارات على شمال العراق.")
    assert ("IRQ", "IGO:UN", "10") in got
    assert all(s != "TUR" for s, _, _ in got)


def test_partitive_min_keeps_its_subject():
    # عناصر من جبهة النصرة اختطفوا: some of the Nusra Front abduct (من is not one of OBJECT_PREPS)
    assert ("NSA:ALQAEDA", "SYR", "18") in _triples(
        "وقال المرصد السوري إن عناصر من جبهة النصرة اختطفوا خمسة من مقاتلي المعارضة قرب حلب.")
