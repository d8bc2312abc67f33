"""The code as the doer makes it (marsad.coding.coder.doer_code)."""

from marsad.coding.coder import doer_code
from marsad.document import ActorMention, Span


def _actor(code: str) -> ActorMention:
    return ActorMention(span=Span(0, 4, "داعش"), code=code)


def test_doer_code_armed_group_holding_people_abducts() -> None:
    assert doer_code("173", _actor("NSA:ISIS")) == "181"


def test_doer_code_authorities_arrest() -> None:
    assert doer_code("173", _actor("TUR")) == "173"
    assert doer_code("190", _actor("NSA:ISIS")) == "190"
