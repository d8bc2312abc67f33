"""coding.topic: one state's public life (service notices, complaints, consumer news) is no political event."""

import pytest
from token_sites import mention, toks

from marsad import api_lib
from marsad.coding.topic import domestic_drops, one_state, political_article

# Written for this test: a municipal notice and a complaint, every actor Saudi, no word of politics.
NOTICE = ("أعلنت أمانة محافظة الطائف بدء أعمال صيانة الحدائق العامة في الأحياء الشمالية. "
          "وطالب رئيس البلدية الشركة المنفذة بسرعة إنجاز الأعمال قبل بداية العام الدراسي. "
          "وناشد أهالي حي الشهداء أمير منطقة مكة المكرمة إيجاد حل عاجل لانقطاع المياه عن منازلهم. "
          "ورفضت هيئة الغذاء والدواء السعودية دخول شحنات من اللحوم المستوردة لعدم مطابقتها للمواصفات. "
          "وأوضح المتحدث أن الأعمال تشمل زراعة الأشجار وتركيب الإنارة.")
# The same length and one state's actors, but a story of government, opposition and protest.
POLITICAL = ("تفاقمت أزمة النفايات في العاصمة اللبنانية بيروت لليوم العاشر. "
             "وطالب حزب الكتائب اللبناني الحكومة بالاستقالة، متهما وزراءها بالفشل في حل الأزمة. "
             "ورفض رئيس الحكومة تمام سلام الاستقالة، ودعا القوى السياسية إلى الحوار. "
             "وخرجت مظاهرات في وسط المدينة احتجاجا على تراكم النفايات. "
             "وقال المتظاهرون إنهم سيواصلون الاحتجاج حتى تستجيب الحكومة لمطالبهم.")


def test_political_article_counts_two_words() -> None:
    assert not political_article(toks(NOTICE))
    assert political_article(toks(POLITICAL))
    assert not political_article(toks("وأشاد الوزير بدعم الحكومة للمشروع الصحي الجديد"))  # one word is not enough


def test_one_state() -> None:
    assert one_state([mention("SAU", 0, 1), mention("SAU", 2, 3)]) == "SAU"
    assert one_state([mention("SAU", 0, 1), mention("IRN", 2, 3)]) is None


@pytest.mark.parametrize("n_sentences,agent,expected", [
    (5, "GOV", [True, True, True, False]),
    (3, "GOV", [False] * 4),  # a wire item of a few sentences says too little about its topic
    (5, "REB", [False] * 4),  # an armed group named: a political story
])
def test_domestic_drops(n_sentences: int, agent: str, expected: list[bool]) -> None:
    coded = [mention("SAU", 0, 1, "GOV"), mention("SAU", 2, 3, agent)]
    sides = [("SAU", "SAU"), ("SAU", None), ("SAU", "SAU"), ("SAU", "SAU")]
    roots = ["02", "10", "11", "17"]  # coercion is left to the other rules
    assert domestic_drops(sides, roots, coded, toks(NOTICE), n_sentences) == expected


def _same_state(text: str) -> list[tuple[str, str | None, str]]:
    doc = api_lib.code(text, date="2015-08-02")
    return [(e.source.code, e.target.code if e.target else None, e.cameo) for e in doc.events]


def test_coder_drops_notice_events_keeps_political_ones() -> None:
    assert not [e for e in _same_state(NOTICE) if e[0] == "SAU" and e[2][:2] in ("02", "10", "12")]
    assert any(e[0] == "LBN" and e[2][:2] == "10" for e in _same_state(POLITICAL))
