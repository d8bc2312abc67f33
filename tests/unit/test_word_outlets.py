"""Outlet names that are also common words are outlets only in a media context
(marsad.actors.media_words.word_outlet, media_context); قناة as a canal (canal_not_channel)."""

from datetime import date

import pytest

WHEN = date(2015, 8, 10)


def _media(stage, make_doc, text: str) -> list[tuple[str, str]]:
    return [(m.span.text, m.code) for m in stage(make_doc(text, date=WHEN)).actors if m.agent == "MED"]


@pytest.mark.parametrize("text", [
    "احتشد آلاف المتظاهرين في الميادين للمطالبة برحيل الحكومة.",
    "تم تركيب لافتات في طرقات وميادين المدن.",
    "سيطر مسلحو تنظيم داعش على مدينة الميادين في ريف دير الزور.",
    "قتل ثلاثة أشخاص في قنا جنوب مصر.",
    "كرمت الجمعية الشاعرتين أم فهد وأم خالد.",
    "زار الرئيس الصيني الأهرام يوم الجمعة.",
    "وقعت الهجمات في جنوب شرق الأناضول.",
    "أقيمت المباراة على استاد البترا في عمان.",
    "وهذا ما أحدث التوازن العربي الجديد بين الدول.",
    "كان يرتدي سروالا كاكي اللون.",
])
def test_common_word_is_no_outlet(stage, make_doc, text):
    assert _media(stage, make_doc, text) == []


@pytest.mark.parametrize("text, name, code", [
    ("وقالت الميادين إن الجيش السوري استعاد السيطرة على البلدة.", "الميادين", "LBN"),
    ("وقالت قناة الميادين إن الجيش السوري استعاد البلدة.", "قناة الميادين", "LBN"),
    ("نقلت وكالة الأنباء القطرية (قنا) عن الوزير قوله إن بلاده تدعم اليمن.", "قنا", "QAT"),
    ('وأضاف المزروعي، حسب "وام"، أن القرار نهائي.', "وام", "ARE"),
    ("وقال مصدر أمني للأناضول إن الجيش قصف المواقع.", "للأناضول", "TUR"),
    ("وقال مراسل الأناضول إن الشرطة اعتقلت عشرين شخصا.", "مراسل الأناضول", "TUR"),
    ("ذكرت وكالتا الأنباء دوغان والأناضول أن الشرطة اعتقلت عشرين شخصا.", "الأناضول", "TUR"),
    ("وذكرت وكالة الأنباء الرسمية سونا أن البشير غادر الخرطوم.", "سونا", "SDN"),
])
def test_outlet_in_a_media_context(stage, make_doc, text, name, code):
    assert (name, code) in _media(stage, make_doc, text)


def _channels(stage, make_doc, text: str) -> list[str]:
    return [m.span.text for m in stage(make_doc(text, date=WHEN)).actors if m.agent == "MED" and not m.code]


@pytest.mark.parametrize("text", [
    "افتتحت مصر قناة السويس الجديدة أمس بحضور قادة عرب.",
    "واستقبل رئيس هيئة القناة وفدا سعوديا في الإسماعيلية.",
    "انتشرت قوات الأمن في مدن القناة لتأمين الاحتفالات.",
    "تواصل البلدية صيانة قنوات تصريف مياه الأمطار.",
])
def test_canal_is_no_channel(stage, make_doc, text):
    assert _channels(stage, make_doc, text) == []


def test_bare_channel_stays_a_channel(stage, make_doc):
    assert _channels(stage, make_doc, "وقالت القناة إن الجيش قصف مواقع المعارضة.") == ["القناة"]
