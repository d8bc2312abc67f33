"""Event places on general news (issue #4): visited places, journeys, officials' states, compass
regions, homonyms of capitals, demonyms after a town, and talks that go on where they began."""

from __future__ import annotations

import pytest

from marsad.document import ActorMention, Document, Event, Span
from marsad.text.prepare import document_from_text
from marsad.when_where.places import Gazetteer, assign_places, find_places, locate


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


def _mention(text: str, word: str, lo: int) -> ActorMention:
    i = text.index(word, lo) if word else lo
    return ActorMention(Span(i, i + len(word), word), "XXX")


def coded(text: str, gaz: Gazetteer, events: list[tuple[str, str, str, str, str]]) -> Document:
    """``text`` with events (evidence, trigger, source, target, cameo) and their places assigned."""
    doc = document_from_text(text)
    for evidence, trigger, source, target, cameo in events:
        s = text.index(evidence)
        t = text.index(trigger, s)
        sent = next(k for k, x in enumerate(doc.sentences) if x.start <= s < x.end)
        doc.events.append(Event(_mention(text, source, s), _mention(text, target, s) if target else None, cameo,
                                Span(t, t + len(trigger), trigger), Span(s, s + len(evidence), evidence),
                                sentence=sent))
    assign_places(doc, gaz)
    return doc


def place_of(doc: Document, k: int = 0) -> tuple[str, str] | None:
    p = doc.events[k].place
    return None if p is None else (p.name, p.country)


def locative(text: str, name: str, gaz: Gazetteer) -> tuple[bool, str]:
    found = [pm for pm in locate(document_from_text(text), gaz) if pm.entry.name == name]
    assert found, name
    return found[0].locative, found[0].prep


@pytest.mark.parametrize("text", [
    "وقال مسؤول إن المفوضة التي زارت إيران أمس عجزت عن فهم أهدافها",
    "وأعلن البيت الأبيض أن الرئيس سيزور إيران الشهر المقبل",
    "التقى نتنياهو وفدا من الكونغرس جاؤوا لزيارة إيران",
])
def test_place_rules_the_object_of_a_visit_is_where_it_happens(gaz, text):
    assert locative(text, "Iran", gaz) == (True, "زار")


@pytest.mark.parametrize("text", [
    "دعا الرئيس المبعوث الأممي إلى زيارة إيران في أقرب وقت",
    "ووجه الملك دعوة لزيارة إيران",
])
def test_place_rules_a_visit_asked_for_is_no_setting(gaz, text):
    assert not locative(text, "Iran", gaz)[0]


@pytest.mark.parametrize("text", [
    "وصل رئيس هيئة الأركان المشتركة الأميركية الجنرال مارتن ديمبسي إلى بغداد مساء أمس",
    "وصل الوزير اليوم في زيارة غير معلنة إلى بغداد",
])
def test_place_rules_ila_that_ends_a_journey(gaz, text):
    assert locative(text, "Baghdad", gaz) == (True, "وصل")


def test_place_rules_ila_without_a_journey_stays_a_topic(gaz):
    assert locative("ودعا الوزير إلى الحوار وأشار إلى بغداد", "Baghdad", gaz) == (True, "الي")


def test_place_rules_talks_where_someone_arrived(gaz):
    text = "وصل وزير الدفاع الأميركي إلى بغداد أمس حيث يلتقي مسؤولين عراقيين."
    doc = coded(text, gaz, [(text[:-1], "يلتقي", "وزير الدفاع", "مسؤولين", "040")])
    assert place_of(doc) == ("Baghdad", "IRQ")


def test_place_rules_a_statement_is_not_where_a_visit_is_asked_for(gaz):
    text = "دعا الرئيس اليمني المبعوث الأممي إلى زيارة مدينة عدن بعد تحريرها."
    doc = coded(text, gaz, [(text[:-1], "دعا", "الرئيس اليمني", "المبعوث الأممي", "020")])
    assert doc.events[0].place is None


@pytest.mark.parametrize(("text", "name"), [
    ("استقبل الملك اليوم وزير الخارجية بجمهورية مصر العربية سامح شكري", "Egypt"),
    ("أكد وزير الداخلية بمملكة البحرين أن التدخلات مرفوضة", "Bahrain"),
])
def test_place_rules_ba_country_after_an_office_is_whose_official(gaz, text, name):
    assert locative(text, name, gaz) == (False, "")


def test_place_rules_ba_city_after_an_office_stays_a_place(gaz):
    assert locative("وقال سفير المملكة بالقاهرة إن الزيارة ناجحة", "Cairo", gaz)[0]


def test_place_rules_reception_of_a_foreign_minister_is_in_the_hosts_state(gaz):
    text = "استقبل الملك سلمان في قصر السلام اليوم وزير الخارجية بجمهورية مصر العربية سامح شكري."
    doc = coded(text, gaz, [(text[:-1], "استقبل", "الملك سلمان", "وزير الخارجية", "043")])
    doc.events[0].source.code, doc.events[0].target.code = "SAU", "EGY"
    assign_places(doc, gaz)
    assert place_of(doc) == ("Saudi Arabia", "SAU")


@pytest.mark.parametrize(("text", "name"), [
    ("قصف الطيران التركي معسكرات لحزب العمال الكردستاني شمال العراق الليلة الماضية", "northern Iraq"),
    ("دمرت خمس سيارات في انفجار عبوات ناسفة شمال غزة", "northern Gaza Strip"),
])
def test_place_rules_a_region_named_with_a_compass_word_is_locative(gaz, text, name):
    assert locative(text, name, gaz)[0]


def test_place_rules_a_country_named_with_a_compass_word_is_not(gaz):
    assert not locative("واتهمت حكومة جنوب السودان المتمردين بالهجوم", "South Sudan", gaz)[0]


def test_place_rules_a_village_does_not_take_a_capitals_name(gaz):
    text = "وقال الوزير المصري إن زيارته إلى الرياض ناجحة، وأضاف أن مصر تدعم المملكة."
    assert [(n, c) for t, n, c in ((p.span.text, p.name, p.country) for p in find_places(document_from_text(text), gaz))
            if t == "الرياض"] == [("Riyadh", "SAU")]


def test_place_rules_a_big_city_still_follows_the_story(gaz):
    text = "قال مسؤول لبناني إن اشتباكات اندلعت في مدينة طرابلس شمال لبنان"
    assert ("Tripoli", "LBN") in {(p.name, p.country) for p in find_places(document_from_text(text), gaz)}


@pytest.mark.parametrize(("text", "country"), [
    ("أدان البيت الأبيض التفجير الذي وقع في بلدة سروج التركية", "TUR"),
    ("عقد الاجتماع في مدينة زيوريخ السويسرية أمس", "CHE"),
])
def test_place_rules_a_demonym_after_a_town_names_its_state(gaz, text, country):
    found = [p for p in find_places(document_from_text(text), gaz) if p.span.text in ("سروج", "زيوريخ")]
    assert found and found[0].country == country


def test_place_rules_talks_go_on_where_they_began(gaz):
    text = ("التقى ولي العهد في جدة أمس رئيس جمهورية الشيشان.\n"
            "كما اجتمع ولي العهد مع رئيس حزب القوات اللبنانية، وجرى خلال الاجتماع بحث الأوضاع.")
    second = "كما اجتمع ولي العهد مع رئيس حزب القوات اللبنانية"
    doc = coded(text, gaz, [(second, "اجتمع", "ولي العهد", "رئيس حزب", "040")])
    assert place_of(doc) == ("Jeddah", "SAU")


def test_place_rules_talks_do_not_carry_into_another_state_the_actors_fix(gaz):
    text = ("وعقد الوزير مباحثات مع نظيره في القاهرة أمس.\n"
            "وحول زيارة وفد حماس إلى المملكة قال الوزير إنها كانت لأداء العمرة.")
    visit = "وحول زيارة وفد حماس إلى المملكة"
    doc = coded(text, gaz, [(visit, "زيارة", "وفد حماس", "المملكة", "042")])
    doc.events[0].source.code, doc.events[0].target.code = "PSE", "SAU"
    assign_places(doc, gaz)
    assert place_of(doc) == ("Saudi Arabia", "SAU")


def test_place_rules_talks_do_not_reach_statements(gaz):
    text = "التقى الوزير نظيره في جدة أمس.\nوأدان الوزير الهجوم على المدنيين."
    doc = coded(text, gaz, [("وأدان الوزير الهجوم على المدنيين", "وأدان", "الوزير", "", "111")])
    assert doc.events[0].place is None


@pytest.mark.parametrize("text", [
    "قال جو بايدن نائب الرئيس إن الاتفاق جيد",  # Biden, not ب + Eden
    "زار الرئيس قرية كوجيلو مسقط رأس والده",  # birthplace, not Muscat
    "فاز لويس هاميلتون بالسباق",  # a surname, not the capital of Bermuda
])
def test_place_rules_words_and_names_that_are_no_places(gaz, text):
    assert find_places(document_from_text(text), gaz) == []


@pytest.mark.parametrize(("text", "want"), [
    ("وصل الوفد إلى مسقط أمس", ("Muscat", "OMN")),
    ("أقيم المهرجان في عنيزة بمنطقة القصيم", ("Unaizah", "SAU")),
    ("قال أمير منطقة الجوف إن المشروع اكتمل", ("Al Jawf Region", "SAU")),
    ("سيطرت المقاومة على مواقع في محافظة الجوف اليمنية", ("Al Jawf", "YEM")),
])
def test_place_rules_places_that_stay_or_were_missing(gaz, text, want):
    assert want in {(p.name, p.country) for p in find_places(document_from_text(text), gaz)}


@pytest.mark.parametrize(("cameo", "want"), [
    ("073", ("Yemen", "YEM")),  # aid is given where its recipients are
    ("072", ("Yemen", "YEM")),
    ("057", None),  # an agreement between the two: nothing inferred
])
def test_place_rules_aid_the_text_does_not_place_is_in_the_recipients_state(gaz, cameo, want):
    text = "رحبت الحكومة البريطانية بالمساعدات المقدمة من المملكة للشعب اليمني."
    doc = coded(text, gaz, [(text[:-1], "المساعدات", "المملكة", "للشعب اليمني", cameo)])
    doc.events[0].source.code, doc.events[0].target.code = "SAU", "YEM"
    assign_places(doc, gaz)
    assert place_of(doc) == want
