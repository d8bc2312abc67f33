"""A visit or reception between two actors of one state makes no event (coder._domestic_visit)."""

from __future__ import annotations

import pytest

from marsad.coding.coder import _domestic_visit
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
    assert _domestic_visit(mention(*source), mention(*target), code) is domestic
