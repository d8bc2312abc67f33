"""A meeting, call or talks whose second party is only implied, the state of the first, makes no event
(pairs.lone_meeting)."""

from __future__ import annotations

import pytest

from marsad.coding.pairs import lone_meeting
from marsad.document import ActorMention, Span


def mention(code: str, implied: bool = False) -> ActorMention:
    return ActorMention(Span(0, 1, "x"), code, "GOV", implied=implied)


@pytest.mark.parametrize(
    ("source", "target", "code", "lone"),
    [
        (mention("SAU"), mention("SAU", implied=True), "040", True),  # جرى خلال الاستقبال بحث…: the guest not found
        (mention("TUR", implied=True), mention("TUR"), "041", True),
        (mention("SAU"), mention("EGY"), "040", False),  # a meeting between two states
        (mention("JOR"), mention("JOR"), "040", False),  # two named actors of one state: coded (the guideline)
        (mention("UKR"), mention("UKR", implied=True), "045", False),  # mediation (045) is not ruled on here
        (mention("SAU"), mention("SAU", implied=True), "111", False),  # only meetings, calls, talks and visits
    ],
)
def test_lone_meeting(source, target, code, lone) -> None:
    assert lone_meeting(source, target, code) is lone
