"""Visits and cooperation between two actors of one state make no event (pairs.domestic_visit,
domestic_cooperation)."""

from __future__ import annotations

import pytest

from marsad.coding.pairs import domestic_cooperation, domestic_visit
from marsad.document import ActorMention, Span


def mention(code: str, agent: str | None) -> ActorMention:
    return ActorMention(Span(0, 1, "x"), code, agent)


@pytest.mark.parametrize(
    ("source", "target", "code", "domestic"),
    [
        (("SAU", "GOV"), ("SAU", "POL"), "043", True),  # a governor receives his police chief
        (("SAU", "BUS"), ("SAU", None), "042", True),  # a company's visit inside the kingdom
        (("SAU", "GOV"), ("PAK", "GOV"), "043", False),  # a reception between two states
        (("PSE", "GOV"), ("PSE", "CVL"), "042", False),  # a minister visits a victim's family
        (("PSE", "CVL"), ("PSE", "GOV"), "043", False),  # the family hosts the minister: the same visit
        (("IRN", "CVL"), ("IRN", "GOV"), "042", True),  # civilians visiting an official
    ],
)
def test_coder_domestic_visit(source, target, code, domestic) -> None:
    assert domestic_visit(mention(*source), mention(*target), code) is domestic


@pytest.mark.parametrize(
    ("source", "target", "code", "domestic"),
    [
        ("SAU", "SAU", "051", True),  # a commander praising his own border guards
        ("SAU", "SAU", "073", True),  # a charity's distribution at home
        ("YEM", "YEM", "062", True),
        ("GBR", "GBR", "030", True),  # a prime minister's pledge to his own public
        ("USA", "YEM", "0333", False),  # a pledge of aid to another state
        ("USA", "SAU", "051", False),  # praise between two states
        ("SAU", "SAU", "111", False),  # criticism inside one state is coded (the gold does)
        ("EGY", "EGY", "173", False),
    ],
)
def test_coder_domestic_cooperation(source, target, code, domestic) -> None:
    assert domestic_cooperation(mention(source, "GOV"), mention(target, "GOV"), code) is domestic


@pytest.mark.parametrize(
    ("source", "target", "code", "domestic"),
    [
        (("COL", "GOV"), ("COL", "REB"), "057", False),  # the government and the rebels sign a peace agreement
        (("YEM", "REB"), ("YEM", "GOV"), "046", False),  # the rebels negotiate with the government
        (("VEN", "OPP"), ("VEN", "GOV"), "036", False),  # the opposition offers to meet the government
        (("SDN", "GOV"), ("SDN", "REB"), "073", True),  # same-country aid read so is a misplaced donor
        (("SAU", "GOV"), ("SAU", "MIL"), "051", True),  # praise inside the establishment
    ],
)
def test_domestic_parties_make_events(source, target, code, domestic) -> None:
    """Verbal cooperation and intent with a state's opposition or armed groups stay events."""
    assert domestic_cooperation(mention(*source), mention(*target), code) is domestic
