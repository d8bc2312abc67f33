"""Coreference in the actor stage (marsad.actors.coref): surnames, role nouns, Amman."""

from datetime import date

import pytest
from actor_lexicons import extended_lexicon

from marsad.actors.lexicon import ActorLexicon
from marsad.actors.stage import ActorStage
from marsad.api_lib import Coder

WHEN = date(2015, 8, 1)
EXTRA = {
    "persons.tsv": [
        "محمود عباس\tPSE\tGOV\tMahmoud Abbas\tperson\t2005-01-15\t\tPSE\tPresident of Palestine",
        "محمد بن سلمان\tSAU\tGOV\tMohammed bin Salman\tperson\t2015-01-23\t\tSAU\tMinister of Defence",
        "نبيل العربي\tIGO:ARABLEAGUE\tGOV\tNabil Elaraby\tperson\t2011-07-01\t2016-07-03\tEGY\tSecretary-General",
    ],
    "states.tsv": [
        "عمان\tOMN\t\t\tstate\t\t\tOMN",
        "سلطنة عمان\tOMN\t\t\tstate\t\t\tOMN",
        "الأردن\tJOR\t\t\tstate\t\t\tJOR",
    ],
}


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> ActorLexicon:
    return extended_lexicon(tmp_path_factory.mktemp("actors"), EXTRA)


def _actors(lexicon, make_doc, text):
    return ActorStage(lexicon)(make_doc(text, date=WHEN)).actors


def _by_text(ms, text):
    return [m for m in ms if m.span.text == text]


def test_actor_coref_surname_refers_back_to_the_full_name(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "استقبل الرئيس محمود عباس الوفد. وقال عباس إن الزيارة مهمة، وأكد لعباس دعمه.")
    later = _by_text(ms, "عباس")
    assert [(m.code, m.name, m.kind) for m in later] == [("PSE", "Mahmoud Abbas", "person")] * 2
    assert [m.token_start for m in ms] == sorted(m.token_start for m in ms)


def test_actor_coref_surname_not_before_the_full_name(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "قال عباس إن الرئيس محمود عباس سيزور القاهرة")
    assert not any(m.span.text == "عباس" for m in ms)


def test_actor_coref_patronymic_tail_is_not_a_surname(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "التقى محمد بن سلمان الوفد. وقال سلمان إن")
    assert not any(m.span.text == "سلمان" for m in ms)


def test_actor_coref_definite_adjective_is_not_a_surname(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "دعا نبيل العربي إلى الحوار في العالم العربي. وطالب العربي تركيا بالانسحاب")
    later = [m for m in ms if m.span.text == "العربي"]
    assert len(later) == 1 and later[0].code == "IGO:ARABLEAGUE"
    assert later[0].span.start > ms[0].span.end + 20  # the one after "وطالب", not "العالم العربي"


def test_actor_coref_person_title_prefers_the_last_person(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "استقبل وزير الخارجية الروسي سيرجي لافروف وفد مصر. وقال الوزير إن")
    (minister,) = _by_text(ms, "الوزير")
    assert (minister.code, minister.name, minister.kind) == ("RUS", "Sergey Lavrov", "coref")


def test_actor_coref_police_without_antecedent_take_the_country(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "وقع انفجار في مصر، واعتقلت الشرطة ثلاثة أشخاص")
    (police,) = _by_text(ms, "الشرطة")
    assert (police.code, police.agent, police.kind) == ("EGY", "POL", "coref")


def test_actor_coref_army_without_antecedent_stays_uncoded(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "وقع انفجار في مصر، وانتشر الجيش في المدينة")
    (army,) = _by_text(ms, "الجيش")
    assert army.code == ""


def test_actor_coref_amman_in_an_article_about_jordan(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "وصل الجرحى إلى الأردن أمس. واستقبلت عمان أول طائرة")
    assert [m.code for m in _by_text(ms, "عمان")] == ["JOR"]


def test_actor_coref_oman_stays_oman_when_named(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "زار وزير الخارجية الأردن وسلطنة عمان. وقالت عمان إن")
    assert [m.code for m in _by_text(ms, "عمان")] == ["OMN"]


def test_actor_coref_preposition_amam_is_not_an_imam() -> None:
    """Production dictionaries: أمام ("in front of") is not the role noun إمام (REL)."""
    doc = Coder().code("وقف المتظاهرون أمام السفارة وألقى الإمام خطبة", date="2015-08-01")
    assert [m.span.text for m in doc.actors if m.agent == "REL"] == ["الإمام"]


def test_actor_coref_surname_replaces_a_one_word_role_noun(make_doc, tmp_path):
    """A surname that is also a role noun (مدني "civilian") is the person after the full name."""
    lex = extended_lexicon(tmp_path, {
        "persons.tsv": ["إياد مدني\tIGO:OIC\tGOV\tIyad Madani\tperson\t2014-01-01\t2016-10-31\tSAU\tSG"],
        "agents.tsv": ["مدني\tCVL\tcivilian"],
    })
    ms = ActorStage(lex)(make_doc("أدان إياد مدني الهجوم. وطالب مدني المجتمع الدولي", date=WHEN)).actors
    assert [(m.span.text, m.code, m.kind) for m in ms][-1] == ("مدني", "IGO:OIC", "person")


def test_actor_role_in_a_country_belongs_to_it(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "اعتقلت الشرطة في مصر ثلاثة أشخاص")
    assert [(m.span.text, m.code, m.agent, m.locative) for m in ms] == [("الشرطة في مصر", "EGY", "POL", False)]


def test_actor_role_with_a_pronoun_does_not_take_the_place(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "نشرت روسيا قواتها في مصر")
    assert [(m.span.text, m.code) for m in ms if m.code == "EGY"] == [("مصر", "EGY")]


def test_actor_coref_surname_keeps_its_article_and_is_no_first_name(lexicon, make_doc):
    text = "قال نبيل العربي إن الحوار مهم. وقال عربي مقيم إن. والتقى العربي بن علي الوفد"
    assert [m.span.text for m in _actors(lexicon, make_doc, text) if m.code == "IGO:ARABLEAGUE"] == ["نبيل العربي"]


def test_actor_coref_police_stay_the_same_police(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "وقع انفجار في مصر، واعتقلت الشرطة ثلاثة. وقال وزير الخارجية الروسي إن الشرطة")
    assert [m.code for m in _by_text(ms, "الشرطة")] == ["EGY", "EGY"]


def test_actor_coref_title_refers_to_the_holder_of_that_role(lexicon, make_doc):
    """"الوزير" is the minister named before, even when another person came after him."""
    text = "استقبل وزير الخارجية الروسي سيرجي لافروف الرئيس محمود عباس. وقال الوزير إن"
    (minister,) = _by_text(_actors(lexicon, make_doc, text), "الوزير")
    assert (minister.code, minister.name) == ("RUS", "Sergey Lavrov")


def test_actor_coref_amman_between_capitals(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "تعزز الزيارة التنسيق بين موسكو وعمان في الملفات الإقليمية")
    assert [m.code for m in ms] == ["RUS", "JOR"]


def test_actor_coref_the_base_is_not_al_qaeda(lexicon, make_doc, tmp_path):
    lex = extended_lexicon(tmp_path, {"organisations.tsv": [
        "القاعدة\tNSA:ALQAEDA\tREB\tal-Qaeda\tgroup\t\t\t", "تنظيم القاعدة\tNSA:ALQAEDA\tREB\tal-Qaeda\tgroup\t\t\t"]})
    base = "وافقت تركيا على استخدام قاعدة إنجرليك. ومن المتوقع فتح القاعدة الشهر المقبل"
    qaeda = "هاجم تنظيم القاعدة قاعدة عسكرية. وتبنت القاعدة الهجوم"

    def codes(text):
        return [m.code for m in ActorStage(lex)(make_doc(text, date=WHEN)).actors]

    assert "NSA:ALQAEDA" not in codes(base)
    assert codes(qaeda).count("NSA:ALQAEDA") == 2


def test_actor_person_takes_the_code_named_next_to_them(make_doc, tmp_path):
    """Undated: the GCC's secretary-general, not Bahrain's later foreign minister."""
    lex = extended_lexicon(tmp_path, {
        "persons.tsv": [
            "عبد اللطيف الزياني\tIGO:GCC\tGOV\tAbdullatif al-Zayani\tperson\t2011-04-01\t2020-01-31\tBHR\tSG",
            "عبد اللطيف الزياني\tBHR\tGOV\tAbdullatif al-Zayani\tperson\t2020-02-11\t\tBHR\tForeign Minister"],
        "organisations.tsv": ["مجلس التعاون\tIGO:GCC\t\tGulf Cooperation Council\tigo\t\t\t"],
    })

    def codes(text):
        return [m.code for m in ActorStage(lex)(make_doc(text)).actors]

    assert codes("قال الأمين العام لمجلس التعاون عبد اللطيف الزياني إن") == ["IGO:GCC"]
    assert codes("قال عبد اللطيف الزياني إن المنامة") == ["BHR"]


def test_actor_people_held_in_a_country_do_not_belong_to_it(lexicon, make_doc):
    ms = _actors(lexicon, make_doc, "طالبت الأمم المتحدة بالإفراج عن محتجزين في مصر")
    assert [(m.span.text, m.code) for m in ms if m.code == "EGY"] == [("مصر", "EGY")]


def test_actor_team_is_not_the_rank_lieutenant_general(make_doc, tmp_path):
    lex = extended_lexicon(tmp_path, {"agents.tsv": ["الفريق\tMIL\trank; also team"]})

    def agents(text):
        return [m.agent for m in ActorStage(lex)(make_doc(text, date=WHEN)).actors]

    assert agents("ويستمر معسكر الفريق حتى العاشر من الشهر") == []
    assert agents("وقال مدرب الفريق الأول إن اللاعبين جاهزون") == []  # the first team
    assert agents("وقال الفريق الروسي إنه جاهز") == []  # a team: neither the rank nor an actor
    assert agents("وقال الفريق مهاب مميش إن القناة") == ["MIL"]
    assert agents("استقبل الفريق أول ركن فلان الوفد") == ["MIL"]
    assert agents("وقال رئيس النادي إن الفريق يحتاج جماهيره في المباراة") == []  # a sentence about sport
    assert agents("وطالب فريق دولي بالتحقيق") == []  # without the article: a team, never the rank


def test_actor_surname_after_another_given_name_is_someone_else(make_doc):
    """A bare surname after a given name that is none of the person's names is another person;
    the person's own given name (any spelling) or a patronymic between keeps the match."""
    stage = ActorStage(ActorLexicon())

    def names(text):
        return [m.name for m in stage(make_doc(text, date=WHEN)).actors if m.name]

    assert names("وقال المقدم خالد الغبان إن الشرطة") == []
    assert names("وقال الوزير محمد الغبان إن الشرطة") == ["Mohammed Salem al-Ghabban"]
    assert names("واستقبل الرئيس رمضان أحمد قاديروف الوفد") == ["Ramzan Kadyrov"]
    assert names("وقالت ميشيل أوباما إن") == []
    assert names("وقال الرئيس أوباما إن") == ["Barack Obama"]


@pytest.mark.parametrize(("text", "code", "agent"), [
    ("التقى نائب وزير الخارجية الروسي ميخائيل بوغدانوف السفير.", "RUS", "GOV"),  # deputy minister
    ("وقال نائب رئيس مجلس النواب الأردني إن الجلسة تأجلت.", "JOR", "LEG"),  # deputy speaker
    ("وقال نائب الرئيس الأمريكي جو بايدن إن الاتفاق مهم.", "USA", "GOV"),  # vice president
])
def test_a_deputy_takes_the_agent_of_the_role_after_it(text, code, agent):
    first = Coder().code(text, date="2015-06-01").actors[0]
    assert (first.code, first.agent) == (code, agent)


def test_actor_coref_bare_head_noun_calls_back_the_named_organisation():
    doc = Coder().code("ودعا صندوق النقد الدولي مصر إلى خفض الدعم. وقال الصندوق إن الإصلاح ضروري.", date=WHEN)
    assert [m.code for m in doc.actors if m.span.text == "الصندوق"] == ["IGO:IMF"]
    doc = Coder().code("أعلنت حركة حماس موافقتها على الهدنة. ونفت الحركة أي هجوم.", date=WHEN)
    assert [m.code for m in doc.actors if m.span.text == "الحركة"] == ["PSE"]


def test_actor_coref_head_noun_of_another_body_or_with_an_adjective_is_not_the_organisation():
    # the cabinet was named last: "المجلس" is not the GCC named before it
    doc = Coder().code("رحب مجلس التعاون الخليجي بالاتفاق. وعقد مجلس الوزراء جلسته. وأحاط المجلس علما بالتقارير.",
                       date=WHEN)
    assert not [m for m in doc.actors if m.span.text == "المجلس" and m.code == "IGO:GCC"]
    doc = Coder().code("أعلنت حركة حماس موافقتها. وقالت الحركة الإسلامية إنها ترفض ذلك.", date=WHEN)
    assert not [m for m in doc.actors if m.span.text == "الحركة"]


def test_actor_metonyms_of_israel_and_palaces():
    doc = Coder().code("وقالت الدولة العبرية إنها سترد، فيما استقبل قصر اليمامة وفدا.", date=WHEN)
    assert {(m.span.text, m.code) for m in doc.actors} >= {("الدولة العبرية", "ISR"), ("قصر اليمامة", "SAU")}


# The words read by marsad.actors.ambiguous: القاعدة (al-Qaeda or a base) and the coalition's forces.
AMBIGUOUS_ROWS = {
    "organisations.tsv": [
        "القاعدة\tNSA:ALQAEDA\tREB\tal-Qaeda\tgroup\t\t\t",
        "تنظيم القاعدة\tNSA:ALQAEDA\tREB\tal-Qaeda\tgroup\t\t\t",
        "داعش\tNSA:ISIS\tREB\tIslamic State\tgroup\t\t\t",
        "الحوثيين\tYEM\tREB\tHouthis\tgroup\t\t\tYEM",
    ],
    "states.tsv": [
        "طائرات التحالف\tSAU\tMIL\tSaudi Arabia\tmetonym\t2015-03-26\t\tSAU",
        "التحالف بقيادة السعودية\tSAU\tMIL\tSaudi Arabia\tmetonym\t2015-03-26\t\tSAU",
    ],
    "stoplist.tsv": ["القاعدة الجوية\tair base"],
    "surface_stoplist.tsv": ["ar\tnote", "قاعدة\ta base; al-Qaeda always takes the article"],
}


@pytest.fixture(scope="module")
def ambiguous_lexicon(tmp_path_factory: pytest.TempPathFactory) -> ActorLexicon:
    return extended_lexicon(tmp_path_factory.mktemp("ambiguous"), AMBIGUOUS_ROWS)


def _qaeda(lexicon, make_doc, text):
    return [m.span.text for m in _actors(lexicon, make_doc, text) if m.code == "NSA:ALQAEDA"]


def test_actor_bare_qaeda_is_the_base_where_bases_outnumber_al_qaeda_named(ambiguous_lexicon, make_doc):
    text = ("تكتسي قاعدة العند أهمية كبيرة. وتحولت القاعدة إلى منطلق لعمليات ضد تنظيم القاعدة في اليمن. "
            "وسيطر الحوثيون على القاعدة الجوية وعلى قاعدة أخرى. وتسعى المقاومة لدخول القاعدة.")
    assert _qaeda(ambiguous_lexicon, make_doc, text) == ["تنظيم القاعدة"]


def test_actor_bare_qaeda_stays_al_qaeda_where_it_is_named_in_full_as_often(ambiguous_lexicon, make_doc):
    text = "هاجم مسلحون قاعدة عسكرية. وأعلن تنظيم القاعدة مسؤوليته. وقالت القاعدة إن الهجوم رد على الغارات."
    assert _qaeda(ambiguous_lexicon, make_doc, text) == ["تنظيم القاعدة", "القاعدة"]


def test_actor_qaeda_with_a_title_before_it_is_bare(ambiguous_lexicon, make_doc):
    text = "تقدمت القوات نحو قاعدة العند واقتحمت موقعا للدفاعات الجوية للقاعدة وقيادة القاعدة"
    assert _qaeda(ambiguous_lexicon, make_doc, text) == []


def test_actor_qaeda_in_guillemets_is_al_qaeda_in_a_base_article(ambiguous_lexicon, make_doc):
    assert _qaeda(ambiguous_lexicon, make_doc, "زار الوزير قاعدة إنجرليك. وحذر من «القاعدة» في المنطقة.") == ["القاعدة"]
    assert _qaeda(ambiguous_lexicon, make_doc, "زار الوزير قاعدة إنجرليك. وتفقد القاعدة أمس.") == []


def _coalition_codes(lexicon, make_doc, text):
    return [m.code for m in _actors(lexicon, make_doc, text) if "التحالف" in m.span.text]


def test_actor_coalition_is_us_led_in_an_article_on_isis_alone(ambiguous_lexicon, make_doc):
    text = "وقصفت طائرات التحالف مواقع داعش قرب الرقة."
    assert _coalition_codes(ambiguous_lexicon, make_doc, text) == ["IGO:OTHER"]


def test_actor_coalition_stays_saudi_led_where_a_yemeni_actor_is_named(ambiguous_lexicon, make_doc):
    text = "وقصفت طائرات التحالف مواقع الحوثيين. وتبنى داعش تفجيرا في صنعاء."
    assert _coalition_codes(ambiguous_lexicon, make_doc, text) == ["SAU"]


def test_actor_coalition_named_with_the_kingdom_stays_saudi(ambiguous_lexicon, make_doc):
    text = "وقال التحالف بقيادة السعودية إنه يحارب داعش."
    assert _coalition_codes(ambiguous_lexicon, make_doc, text) == ["SAU"]
