"""Several conjoined actors on one side (issue #4): a subject's own conjuncts are never its target."""

from marsad.api_lib import Coder


def _triples(text: str) -> set[tuple[str, str, str]]:
    doc = Coder().code(text, date="2024-05-20", id="t")
    return {(e.source.code, e.target.code if e.target else "-", e.cameo[:2]) for e in doc.events}


def test_far_target_is_not_a_subject_conjunct():
    # the addressee stands after a parenthetical: arguments' next_far fallback skipped only the subject
    got = _triples("حثت ألمانيا وفرنسا وإيطاليا، في بيان مشترك صدر اليوم، إيران على ضبط النفس.")
    assert {("DEU", "IRN", "02"), ("FRA", "IRN", "02"), ("ITA", "IRN", "02")} <= got
    assert not any(s in {"DEU", "FRA", "ITA"} and t in {"DEU", "FRA", "ITA"} for s, t, _ in got)


def test_symmetric_act_with_a_partner_after_ma():
    got = _triples("وقّعت الإمارات والبحرين اتفاقيتين لتطبيع العلاقات مع إسرائيل.")
    assert {("ARE", "ISR", "05"), ("ISR", "ARE", "05"), ("BHR", "ISR", "05"), ("ISR", "BHR", "05")} <= got
    assert ("ARE", "BHR", "05") not in got


def test_symmetric_act_without_partner_pairs_the_conjuncts():
    got = _triples("وقعت الأردن والعراق اتفاقية للربط الكهربائي في عمان.")
    assert {("JOR", "IRQ", "05"), ("IRQ", "JOR", "05")} <= got


def test_context_target_is_not_a_conjunct_of_the_givers():
    got = _triples("وقدمت النرويج وسويسرا والاتحاد الأوروبي مساعدات مالية وتقنية لترميم المسجد.")
    givers = {"NOR", "CHE", "IGO:EU"}
    assert not any(s in givers and t in givers for s, t, _ in got)


def test_parallel_object_repeating_the_preposition():
    # لتنظيم داعش في سوريا ولحزب العمال في العراق: both objects of the strikes
    got = _triples("أطلقت تركيا حملة جوية لقصف مواقع لتنظيم داعش في سوريا ولحزب العمال الكردستاني في شمال العراق.")
    assert {("TUR", "NSA:ISIS", "19"), ("TUR", "TUR", "19")} <= got
