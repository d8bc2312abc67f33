"""Groupings of states (marsad.actors.groupings) and the opposition's state (coref)."""

from datetime import date

import pytest

from marsad.actors.groupings import expand_groupings, members
from marsad.actors.stage import ActorStage
from marsad.text.prepare import document_from_text


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage()  # the production dictionaries (P5+1 rows, great powers)


def _doc(stage: ActorStage, text: str):
    return stage(document_from_text(text, date=date(2015, 7, 20)))


def _actors(stage: ActorStage, text: str) -> list[tuple[str, str, str | None]]:
    return [(m.span.text, m.code, m.name) for m in _doc(stage, text).actors]


def test_p5_plus_1_written_with_digits_is_the_grouping(stage):
    ms = _actors(stage, "وقعت إيران ومجموعة 5+1 اتفاقا نوويا في فيينا بعد مفاوضات استمرت عامين.")
    assert ("مجموعة 5+1", "IGO:OTHER", "P5+1") in ms


def test_great_powers_are_the_p5_plus_1_in_a_nuclear_article(stage):
    ms = _actors(stage, "وقعت إيران مع القوى الكبرى اتفاقا حول برنامجها النووي في فيينا بعد مفاوضات.")
    assert ("القوى الكبرى", "IGO:OTHER", "P5+1") in ms


def test_great_powers_elsewhere_are_no_actor(stage):
    ms = _actors(stage, "وقالت الصين إن على الدول الكبرى مساعدة الدول الفقيرة في مواجهة التغير المناخي.")
    assert [m for m in ms if m[0] == "الدول الكبرى"] == []


def test_a_grouping_expands_to_its_member_states(stage):
    doc = _doc(stage, "وقعت إيران ومجموعة خمسة زائد واحد اتفاقا نوويا في فيينا بعد مفاوضات.")
    p5 = next(m for m in doc.actors if m.name == "P5+1")
    assert members(p5) == ("USA", "GBR", "FRA", "RUS", "CHN", "DEU")
    expanded = expand_groupings([p5])
    assert [m.code for m in expanded] == list(members(p5))
    assert {(m.span.start, m.span.end, m.agent) for m in expanded} == {(p5.span.start, p5.span.end, "GOV")}


def test_the_opposition_is_the_states_not_the_last_armed_group(stage):
    ms = _actors(stage, "قصف حزب الله اللبناني مواقع في سوريا أمس. وقالت قوات المعارضة إنها صدت الهجوم على المواقع.")
    assert ("قوات المعارضة", "SYR", None) in ms
