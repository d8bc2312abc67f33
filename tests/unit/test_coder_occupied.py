"""Coercion (17) by the occupation with no named target is aimed at the occupied people
(implicit.home_of, issue #4)."""

from __future__ import annotations

import pytest

from marsad.api_lib import Coder


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def triples(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    doc = coder.code(text, date="2015-08-01")
    return {(e.source.code, e.target.code if e.target else "-", e.root) for e in doc.events}


@pytest.mark.parametrize("text", [
    "اعتقلت قوات الاحتلال الإسرائيلي فجر اليوم أربعة شبان خلال اقتحامها بلدة بيت أمر شمال الخليل.",
    "وداهمت قوات الاحتلال عددا من المنازل واعتقلت ثلاثة مواطنين.",
], ids=["arrest", "raid_and_arrest"])
def test_coercion_by_the_occupation_is_aimed_at_the_occupied(coder: Coder, text: str) -> None:
    got = triples(coder, text)
    assert ("ISR", "PSE", "17") in got
    assert ("ISR", "ISR", "17") not in got


def test_the_police_of_a_state_arresting_its_own_citizens_stay_domestic(coder: Coder) -> None:
    assert ("ISR", "ISR", "17") in triples(coder, "واعتقلت الشرطة الإسرائيلية ثلاثة مستوطنين متطرفين.")
