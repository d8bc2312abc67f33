"""Role nouns joined to the body, group or state they belong to (marsad.actors.stage, issue #3)."""

from datetime import date

import pytest
from actor_lexicons import extended_lexicon

from marsad.actors.stage import ActorStage

WHEN = date(2015, 8, 1)
EXTRA = {
    "agents.tsv": [
        "نائب\tLEG\tMP; also deputy", "نائبا\tLEG\taccusative", "البرلمان\tLEG\t", "مسؤول\tGOV\t",
        "وزارة الخارجية\tGOV\t", "مسلحون\tREB\t", "تنظيم\tREB\t", "انتحاري\tREB\t", "ضابط\tMIL\t",
        "نظيره\tGOV\t", "الأمانة العامة\tGOV\t",
    ],
    "states.tsv": [
        "الكويتي\tKWT\t\t\tdemonym\t\t\tKWT", "الكويت\tKWT\t\t\tstate\t\t\tKWT",
        "دولة قطر\tQAT\t\t\tstate\t\t\tQAT", "السعودي\tSAU\t\t\tdemonym\t\t\tSAU",
        "الإماراتي\tARE\t\t\tdemonym\t\t\tARE", "الأميركي\tUSA\t\t\tdemonym\t\t\tUSA",
        "الأمريكية\tUSA\t\t\tdemonym\t\t\tUSA", "أميركي\tUSA\t\t\tdemonym\t\t\tUSA",
    ],
}


@pytest.fixture(scope="module")
def stage(tmp_path_factory: pytest.TempPathFactory) -> ActorStage:
    return ActorStage(extended_lexicon(tmp_path_factory.mktemp("actors"), EXTRA))


@pytest.fixture(scope="module")
def shipped() -> ActorStage:
    return ActorStage()


def _mentions(stage, make_doc, text):
    return [(m.span.text, m.code, m.agent) for m in stage(make_doc(text, date=WHEN)).actors]


@pytest.mark.parametrize(("text", "expected"), [
    # member of a body + nisba: the body's country, the role's agent (نائب alone: an MP)
    ("وقال نائب في البرلمان الكويتي إن الجلسة تأجلت", ("نائب في البرلمان الكويتي", "KWT", "LEG")),
    ("ونقلت عن نائبا في البرلمان الكويتي", ("نائبا في البرلمان الكويتي", "KWT", "LEG")),
    ("وقال مسؤول في وزارة الخارجية الأمريكية إن", ("مسؤول في وزارة الخارجية الأمريكية", "USA", "GOV")),
    # members of a named group
    ("هاجم مسلحون من تنظيم داعش قرية", ("مسلحون من تنظيم داعش", "NSA:ISIS", "REB")),
    # a role "in" a state's formal name
    ("ووقع وزير الخارجية بدولة قطر الاتفاق", ("وزير الخارجية بدولة قطر", "QAT", "GOV")),
])
def test_actor_role_joins_the_body_it_belongs_to(stage, make_doc, text, expected):
    assert expected in _mentions(stage, make_doc, text)


def test_actor_role_in_a_place_of_people_stays_apart(stage, make_doc):
    # a role after من is not the member of a state (انسحاب القوات من مصر)
    assert ("مصر", "EGY", "GOV") in _mentions(stage, make_doc, "أعلن انسحاب القوات من مصر")


def test_actor_role_before_b_and_a_bare_state_is_no_member(stage, make_doc):
    # ندد الوزير بالكويت: the state is the object of the verb, not the minister's
    ms = _mentions(stage, make_doc, "ندد الوزير بالكويت")
    assert ("الكويت", "KWT", "GOV") in ms


def test_actor_quoted_group_joins_its_group_noun(stage, make_doc):
    ms = _mentions(stage, make_doc, "فجر انتحاري من تنظيم «داعش» نفسه")
    assert [c for _, c, _ in ms] == ["NSA:ISIS"]


def test_actor_two_nisbas_of_different_states_are_two_actors(stage, make_doc):
    ms = _mentions(stage, make_doc, "التقى وزير الخارجية السعودي نظيره الإماراتي")
    assert [(c, a) for _, c, a in ms] == [("SAU", "GOV"), ("ARE", "GOV")]


def test_actor_nisba_after_a_team_is_no_actor(stage, make_doc):
    assert _mentions(stage, make_doc, "فاز المنتخب السعودي على الفريق الإماراتي") == []


@pytest.mark.parametrize("text", [
    "وفاز ريال مدريد على أتلتيكو مدريد في الدوري",  # clubs named after a capital
    "وانتقد رئيس الاتحاد الأوروبي لكرة القدم القرار",  # UEFA, not the EU
    "وقال رئيس الاتحاد البوليفي لكرة القدم إن",  # a national football federation
])
def test_actor_sports_clubs_and_federations_are_no_actors(shipped, make_doc, text):
    assert _mentions(shipped, make_doc, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("قال وزير الموارد المائية والري المصري إن", ("وزير الموارد المائية والري المصري", "EGY", "GOV")),
    ("قال وزير الاقتصاد والطاقة الألماني إن", ("وزير الاقتصاد والطاقة الألماني", "DEU", "GOV")),
    ("وأعلنت وزارة الشؤون الاجتماعية السعودية أن", ("وزارة الشؤون الاجتماعية السعودية", "SAU", "GOV")),
])
def test_actor_minister_portfolio_then_nisba(shipped, make_doc, text, expected):
    assert expected in _mentions(shipped, make_doc, text)


def test_actor_portfolio_gap_takes_only_portfolio_words(shipped, make_doc):
    ms = _mentions(shipped, make_doc, "استقبل وزير الصحة الطبيب الأمريكي")
    # the minister is not American; the American doctor is an actor of his own (a person noun bearing
    # a nisba, resources/actors/actor_bearing.tsv)
    assert all(code != "USA" for text, code, _ in ms if "وزير" in text)


@pytest.mark.parametrize(("text", "expected"), [
    ("تقدمت القوات الموالية لحكومة الرئيس هادي نحو عدن", ("القوات الموالية لحكومة الرئيس هادي", "YEM", "MIL")),
    ("قصفت قوات موالية للنظام السوري البلدة", ("قوات موالية للنظام السوري", "SYR", "MIL")),
    ("وقالت الشرطة التابعة لحماس إن", ("الشرطة التابعة لحماس", "PSE", "POL")),
])
def test_actor_forces_loyal_to_a_body_are_its(shipped, make_doc, text, expected):
    assert expected in _mentions(shipped, make_doc, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("وأوضح مكتب الادعاء العام في برلين أن", ("الادعاء العام في برلين", "DEU", "JUD")),
    ("وقالت الشرطة في باريس إنها اعتقلت ثلاثة", ("الشرطة في باريس", "FRA", "POL")),
])
def test_actor_police_and_courts_in_a_capital_are_its_states(shipped, make_doc, text, expected):
    assert expected in _mentions(shipped, make_doc, text)


def test_actor_an_ambassador_in_a_capital_is_not_its_states(shipped, make_doc):
    assert ("السفير", "", "GOV") in _mentions(shipped, make_doc, "وقال السفير في واشنطن إن")


@pytest.mark.parametrize("text", [
    "وتتعدد مسؤولياتها في اللجان والاجتماعات الدورية",  # "periodic"
    "ويجري فحص السيارات بصفة دورية",  # "periodically"
    "ونشرت في العدد الأخير من «دورية الحساسية والربو»",  # a journal
])
def test_actor_periodic_is_no_patrol(shipped, make_doc, text):
    assert all(agent != "POL" for _, _, agent in _mentions(shipped, make_doc, text))


def test_actor_a_patrol_stays(shipped, make_doc):
    assert any(agent == "POL" for _, _, agent in _mentions(shipped, make_doc, "أطلق مسلحون النار على دورية الأمن العام"))


def test_actor_militias_loyal_to_a_foreign_state_are_not_that_state(shipped, make_doc):
    ms = _mentions(shipped, make_doc, "اشتبكت الميليشيات الموالية لإيران مع الجيش")
    assert ("الميليشيات", "", "REB") in ms


def test_actor_the_eu_itself_stays(shipped, make_doc):
    assert ("الاتحاد الأوروبي", "IGO:EU", None) in _mentions(shipped, make_doc, "وانتقد الاتحاد الأوروبي القرار")


def test_actor_nisba_after_side_is_the_state(stage, make_doc):
    assert ("الأميركي", "USA", None) in _mentions(stage, make_doc, "وقال الجانب الأميركي إن المحادثات مثمرة")


@pytest.mark.parametrize("text", [
    "نقل المصاب إلى مستشفى الملك فهد",  # a hospital named after a king
    "وفاز النصر بكأس ولي العهد",  # a cup
    "وتخرج في جامعة الملك سعود",  # a university
    "وقال رئيس النادي إن اللاعب سينضم",  # the head of a club
    "وقال مدرب المنتخب إن الفريق جاهز",  # the coach of a team
    "وفاز منتخب مصر على منتخب قطر",  # national teams, not states
])
def test_actor_names_of_places_prizes_and_teams_are_no_actors(text, make_doc, tmp_path):
    lex = extended_lexicon(tmp_path, {"agents.tsv": ["الملك\tGOV\t", "ولي العهد\tGOV\t", "رئيس\tGOV\t",
                                                     "مدرب\tGOV\ttest only"]})
    assert [m.span.text for m in ActorStage(lex)(make_doc(text, date=WHEN)).actors] == []


def test_actor_title_outside_a_name_stays(stage, make_doc):
    assert ("وزير الخارجية", "", "GOV") in _mentions(stage, make_doc, "وقال وزير الخارجية في مستشفى")


def test_actor_a_definite_role_then_a_construct_role_are_two_actors(stage, make_doc):
    ms = _mentions(stage, make_doc, "استقبل الوزير وزير الخارجية الأمريكي أمس")
    assert [(t, c) for t, c, _ in ms] == [("الوزير", ""), ("وزير الخارجية الأمريكي", "USA")]


def test_actor_nisba_in_the_indefinite_accusative(stage, make_doc):
    ms = _mentions(stage, make_doc, "وأسرت القوات جنديا أميركيا قرب الحدود")
    assert ("أميركيا", "USA", None) in ms
    assert _mentions(stage, make_doc, "وأصبح الملف أميركيا بحتا") == []


def test_actor_secretariat_is_the_last_organisations(stage, make_doc):
    ms = _mentions(stage, make_doc, "أدانت الأمم المتحدة الهجوم. وقالت الأمانة العامة إنها تتابع الوضع")
    assert ("الأمانة العامة", "IGO:UN", "GOV") in ms


@pytest.mark.parametrize("text", [
    "وأشاد الوزير باتفاق فيينا النووي",  # the nuclear deal named after the city where it was signed
    "ورحبت الجامعة بإعلان القاهرة الصادر أمس",  # a declaration named after its city
    "وطالب الحوثيين بتنفيذ إعلان الرياض",  # the same, at the end of the sentence
    "ووقعت فلسطين على ميثاق روما",  # a charter
    "وأكد أهمية تفاهمات موسكو",  # plural accord noun, capital without the article
])
def test_actor_capital_naming_an_accord_is_no_actor(shipped, make_doc, text):
    assert all(m.kind != "capital" for m in shipped(make_doc(text, date=WHEN)).actors)


@pytest.mark.parametrize(("text", "capital"), [
    ("وتواصل تفاهم طهران مع القوى الكبرى", "طهران"),  # a side after مع: Tehran's understanding
    ("وجاء اتفاق القاهرة والرياض على تشكيل القوة", "القاهرة"),  # two capitals that agree
    ("وجاء ذلك بعد إعلان القاهرة عن فتح المعبر", "القاهرة"),  # Cairo announces
    ("وبحث الجانبان نتائج اجتماع الدوحة", "الدوحة"),  # a meeting's host takes part in it
    ("ووقع الاتفاق في الرياض أمس", "الرياض"),  # a locative place
])
def test_actor_capital_after_an_accord_noun_or_a_meeting_stays(shipped, make_doc, text, capital):
    assert capital in [m.span.text for m in shipped(make_doc(text, date=WHEN)).actors]


@pytest.mark.parametrize(("text", "yemen"), [
    ("أعاده الله على الجميع باليمن والبركات", False),  # an Eid greeting: "with good fortune and blessings"
    ("وعاد العيد على الأمة باليمن والخير", False),
    ("وقصفت الطائرات مواقع الحوثيين باليمن والعراق", True),  # in Yemen, and Iraq: a state
    ("وتواصل المعارك باليمن وسط غارات التحالف", True),
])
def test_actor_good_fortune_is_no_yemen(shipped, make_doc, text, yemen):
    assert any(m.code == "YEM" for m in shipped(make_doc(text, date=WHEN)).actors) is yemen


@pytest.mark.parametrize("text", [
    "وقصفت طائرات التحالف مواقع الحوثيين، فيما تقدمت المقاومة الشعبية والجيش نحو القاعدة",  # before it
    "وقصفت طائرات التحالف مواقع الحوثيين، فيما تقدم الجيش الوطني والمقاومة الشعبية نحو القاعدة",  # after it
])
def test_actor_army_beside_the_resistance_is_its_state(shipped, make_doc, text):
    army = [m for m in shipped(make_doc(text, date=WHEN)).actors if m.span.text == "الجيش"]
    assert [m.code for m in army] == ["YEM"]


def test_actor_army_alone_takes_the_last_military(shipped, make_doc):
    text = "وقصفت طائرات التحالف مواقع الحوثيين، وقال الجيش إن الغارات أصابت أهدافها"
    assert [m.code for m in shipped(make_doc(text, date=WHEN)).actors if m.span.text == "الجيش"] == ["SAU"]
