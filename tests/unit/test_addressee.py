"""An appeal or a demand addressed to a collective that names no actor (marsad.coding.addressee)."""

from token_sites import at, mention, toks

from marsad.coding.addressee import collective_addressee


def _check(text: str, verb: str, root: str, ments: list) -> bool:
    tokens = toks(text)
    sources = [m for m in ments if m.code != "ISR"]
    return collective_addressee(root, tokens, at(tokens, verb), sources, ments, len(tokens))


def test_addressee_after_the_subject():
    # ودعت السعودية المجتمع الدولي إلى الضغط على إسرائيل
    assert _check("ودعت السعودية المجتمع الدولي إلى الضغط على إسرائيل", "ودعت", "02",
                  [mention("SAU", 1, 2, kind="state"), mention("ISR", 7, 8, kind="state")])


def test_addressee_after_a_nisba_subject_and_an_adverb():
    # طالبت وزارة الخارجية الأردنية أمس المجتمع الدولي بالتحرك (the head وزارة الخارجية is no coded mention)
    assert _check("طالبت وزارة الخارجية الأردنية أمس المجتمع الدولي بالتحرك", "طالبت", "10",
                  [mention("JOR", 3, 4, kind="demonym")])


def test_addressee_right_after_a_participle():
    # مطالبا الجميع بضبط النفس
    assert _check("مطالبا الجميع بضبط النفس", "مطالبا", "10", [])


def test_singled_out_actor_keeps_the_target():
    # دعت المنظمة المجتمع الدولي، وخاصة مجلس الأمن، إلى…
    assert not _check("دعت المنظمة المجتمع الدولي، وخاصة مجلس الأمن، إلى التحرك", "دعت", "02",
                      [mention("IGO:OIC", 1, 2, kind="igo"), mention("IGO:UN", 6, 8, kind="igo")])


def test_named_addressee_and_other_roots():
    assert not _check("ودعت الكويت إيران إلى الكف عن التدخل", "ودعت", "02",
                      [mention("KWT", 1, 2, kind="state"), mention("IRN", 2, 3, kind="state")])
    # a condemnation is no appeal: the rule is for 02 and 10 only
    assert not _check("أدانت مصر المجتمع الدولي", "أدانت", "11", [mention("EGY", 1, 2, kind="state")])


def test_addressee_words_are_read_normalized_from_their_data_file():
    from marsad.coding.addressee import addressee_words

    words = addressee_words()
    assert ("الاسره", "الدوليه") in words.collectives and ("العالم",) in words.collectives  # الأسرة الدولية
    assert {"وخاصه", "وبالاخص"} <= words.singling_out and {"امس", "ايضا"} <= words.skipped  # وخاصة، أمس، أيضا
    starts = words.collectives
    assert not any(a != b and b[:len(a)] == a for a in starts for b in starts)  # no collective starts another



def _object(text: str, verb: str, root: str, ments: list, target: int, subject: int | None = None,
            noun: bool = False) -> bool:
    from marsad.coding.addressee import verb_addressee

    tokens = toks(text)
    sources = [] if subject is None else [ments[subject]]
    return verb_addressee(root, tokens, at(tokens, verb), noun, sources, ments[target], ments, len(tokens))


def test_bare_object_of_an_appeal_is_its_addressee():
    # ودعا دول الاتحاد الأوروبي لمحاسبة الحكومة الإسرائيلية (a dropped subject): the EU is addressed
    ments = [mention("IGO:EU", 1, 4, kind="igo"), mention("ISR", 5, 7, kind="demonym")]
    assert _object("ودعا دول الاتحاد الأوروبي لمحاسبة الحكومة الإسرائيلية", "ودعا", "02", ments, 0)
    assert not _object("ودعا دول الاتحاد الأوروبي لمحاسبة الحكومة الإسرائيلية", "ودعا", "02", ments, 1)


def test_bare_object_after_the_subject_and_its_conjunct():
    # ودعت الحكومة الليبية الأمم المتحدة وبعثتها إلى الضغط على برلمان طرابلس
    ments = [mention("LBY", 1, 3, kind="demonym"), mention("IGO:UN", 3, 5, kind="igo"),
             mention("LBY", 9, 11, kind="capital")]
    assert _object("ودعت الحكومة الليبية الأمم المتحدة وبعثتها إلى الضغط على برلمان طرابلس", "ودعت", "02", ments, 1, 0)


def test_participle_and_subject_tail():
    # مطالبا الأمم المتحدة بتنظيم وفد; وناشد شيوخ قبائل مأرب قوات التحالف بتعزيز الضربات (an uncoded tail)
    assert _object("مطالبا الأمم المتحدة بتنظيم وفد", "مطالبا", "10", [mention("IGO:UN", 1, 3, kind="igo")], 0)
    ments = [mention("YEM", 1, 2, kind="agent"), mention("SAU", 4, 6, kind="group")]
    assert _object("وناشد شيوخ قبائل مأرب قوات التحالف بتعزيز الضربات", "وناشد", "02", ments, 1, 0)


def test_no_addressee_without_what_is_asked_nor_after_a_noun_or_preposition():
    # دعا الرئيس الصين في بيان (nothing asked right after), دعوة شيخ الأزهر إلى (a verbal noun: its doer),
    # طالب بالحكومة المصرية (a preposition on the actor), أدانت مصر إسرائيل بشدة (not an appeal)
    ments = [mention("CHN", 2, 3, kind="state")]
    assert not _object("دعا الرئيس الصين في بيان صدر أمس", "دعا", "02", ments, 0)
    assert not _object("دعا الرئيس الصين إلى التدخل", "دعا", "02", ments, 0, noun=True)
    assert not _object("طالب بالحكومة المصرية إلى التدخل", "طالب", "10", [mention("EGY", 1, 3, kind="demonym")], 0)
    assert not _object("أدانت مصر إسرائيل بشدة", "أدانت", "11",
                       [mention("EGY", 1, 2, kind="state"), mention("ISR", 2, 3, kind="state")], 1, 0)
