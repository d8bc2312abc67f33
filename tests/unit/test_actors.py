from datetime import date

from marsad.actors.lexicon import ActorEntry, resolve
from marsad.actors.stage import ActorStage


def _actors(test_lexicons, make_doc, text, when=None):
    actors_lex, _ = test_lexicons
    doc = make_doc(text, date=when)
    return ActorStage(actors_lex)(doc).actors


def test_agent_demonym_and_person_compose_one_mention(test_lexicons, make_doc):
    ms = _actors(test_lexicons, make_doc, "أجرى وزير الخارجية الروسي سيرجي لافروف اتصالا", date(2019, 3, 25))
    assert len(ms) == 1
    m = ms[0]
    assert (m.code, m.agent, m.name) == ("RUS", "GOV", "Sergey Lavrov")
    assert m.span.text == "وزير الخارجية الروسي سيرجي لافروف"


def test_metonym_capital_and_clitics(test_lexicons, make_doc):
    ms = _actors(test_lexicons, make_doc, "التوتر بين واشنطن وموسكو")
    assert [(m.code, m.span.text) for m in ms] == [("USA", "واشنطن"), ("RUS", "موسكو")]


def test_army_with_demonym_is_military(test_lexicons, make_doc):
    ms = _actors(test_lexicons, make_doc, "قال الجيش الإسرائيلي إنه قصف")
    assert (ms[0].code, ms[0].agent, ms[0].span.text) == ("ISR", "MIL", "الجيش الإسرائيلي")


def test_stoplisted_word_is_not_an_actor(test_lexicons, make_doc):
    assert _actors(test_lexicons, make_doc, "رفع العلم في الساحة") == []


def test_person_resolves_by_date():
    cia = ActorEntry("USA", "GOV", "Mike Pompeo", "person", date(2017, 1, 23), date(2018, 4, 26), role="CIA")
    sec = ActorEntry("USA", "GOV", "Mike Pompeo", "person", date(2018, 4, 26), date(2021, 1, 20), role="SecState")
    assert resolve((cia, sec), date(2017, 6, 1)).role == "CIA"
    assert resolve((cia, sec), date(2019, 3, 25)).role == "SecState"
    assert resolve((cia, sec), date(2024, 1, 1)).role == "SecState"  # nearest in time


def test_raw_offsets_point_into_raw_text(test_lexicons, make_doc):
    text = "وأكّدت روسيا دعمها"
    doc = make_doc(text)
    ms = ActorStage(test_lexicons[0])(doc).actors
    assert text[ms[0].span.start:ms[0].span.end] == "روسيا"
