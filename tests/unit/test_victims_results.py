"""An attack told first, then its toll: غارة … أسفرت عن مقتل X (marsad.coding.results)."""

from token_sites import at as _at
from token_sites import mention
from token_sites import toks as _toks

from marsad.coding.results import result_after, results
from marsad.document import ActorMention


def _m(code: str, i: int, j: int, agent: str = "MIL") -> ActorMention:
    return mention(code, i, j, agent)



def test_result_verb_with_its_toll_names_the_victims():
    toks = _toks("شنت طائرات حربية غارات على بلدة حدودية أسفرت عن مقتل ثمانية جنود أتراك وإصابة آخرين")
    i = _at(toks, "جنود")
    soldiers = _m("TUR", i, i + 2)
    (r,) = results(toks, [soldiers], 0, len(toks))
    assert (r.cue, r.toll) == (_at(toks, "أسفرت"), _at(toks, "مقتل")) and r.victims == [soldiers]
    # the attack's trigger before it finds it; a word after the result verb does not
    assert result_after([r], toks, 1, 2) is r
    assert result_after([r], toks, r.toll, r.toll + 1) is None


def test_other_result_verbs_and_tolls():
    for text in ("فجر انتحاري حزامه الناسف في سوق مكتظة ما أدى إلى سقوط عشرات القتلى",
                 "هجوم بالقذائف على حي سكني أوقع 12 قتيلا",
                 "قصف مدفعي على قرية خلف قتلى وجرحى بين المدنيين",
                 "انفجار عبوة ناسفة على طريق رئيسي أودى بحياة ثلاثة عمال"):
        toks = _toks(text)
        assert len(results(toks, [], 0, len(toks))) == 1, text


def test_no_toll_no_result():
    # خلف as a preposition, أدى as performing, a fall that is no toll
    for text in ("جلس الوزير خلف المنصة ثم أدى اليمين الدستورية أمام الملك",
                 "أدت الأزمة إلى سقوط الحكومة بعد أسابيع"):
        toks = _toks(text)
        assert results(toks, [], 0, len(toks)) == [], text


def test_victims_stop_at_the_clause_or_at_a_named_attack():
    # ما أدى إلى مقتل جنديين في هجوم شنه X: the attack after the toll is a toll frame of its own
    toks = _toks("ما أدى إلى مقتل جنديين، وقال الجيش إن المسلحين فروا")
    army = _m("EGY", _at(toks, "الجيش"), _at(toks, "الجيش") + 1)
    (r,) = results(toks, [army], 0, len(toks))
    assert r.victims == []


def test_no_result_across_a_clause_break():
    toks = _toks("قصفت المدفعية مواقع المسلحين بينما أسفر انفجار آخر عن مقتل خمسة مدنيين")
    (r,) = results(toks, [], 0, len(toks))
    assert result_after([r], toks, 0, 2) is None
