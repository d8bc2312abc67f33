"""The code as the doer makes it (marsad.coding.pairs.doer_code)."""

from marsad.coding.pairs import doer_code
from marsad.document import ActorMention, Span


def _actor(code: str) -> ActorMention:
    return ActorMention(span=Span(0, 4, "داعش"), code=code)


def test_doer_code_armed_group_holding_people_abducts() -> None:
    assert doer_code("173", _actor("NSA:ISIS")) == "181"


def test_doer_code_authorities_arrest() -> None:
    assert doer_code("173", _actor("TUR")) == "173"
    assert doer_code("190", _actor("NSA:ISIS")) == "190"


def _doer(code: str, agent: str | None = None, implied: bool = False) -> ActorMention:
    return ActorMention(span=Span(0, 4, "مسلح"), code=code, agent=agent, implied=implied)


def test_doer_code_civilians_attacking_is_unconventional_violence() -> None:
    # settlers who kill or open fire (agent CVL): 180, not conventional military force
    assert doer_code("190", _doer("ISR", "CVL")) == "180"
    assert doer_code("193", _doer("ISR", "CVL")) == "180"


def test_doer_code_unnamed_attacker_is_unconventional_violence() -> None:
    # killed in an attack by unknown gunmen: the source is only the place's state, with no agent
    assert doer_code("190", _doer("NGA", None, implied=True)) == "180"
    # an implied side given an agent (a country's forces) still fights
    assert doer_code("190", _doer("NGA", "MIL", implied=True)) == "190"


def test_doer_code_armed_forces_and_clashes_stay_fighting() -> None:
    assert doer_code("190", _doer("SYR", "MIL")) == "190"
    assert doer_code("193", _doer("IRQ", "POL")) == "193"
    assert doer_code("190", _doer("YEM", "REB")) == "190"
    # clashes are between two armed sides, whoever they are
    assert doer_code("190", _doer("LBY", "CVL"), flags=frozenset({"sym"})) == "190"
    assert doer_code("190", _doer("YEM", None, implied=True), flags=frozenset({"sym"})) == "190"
    # shelling and air strikes are what armies do
    assert doer_code("194", _doer("PSE", "CVL")) == "194"
    assert doer_code("195", _doer("USA", None, implied=True)) == "195"
    # a death reported with no act (لقي مصرعه) says nothing of how it was dealt
    assert doer_code("190", _doer("SYR", None, implied=True), frozenset({"passive", "weak"})) == "190"


def _speaker(code: str, agent: str | None, kind: str) -> ActorMention:
    return ActorMention(span=Span(0, 6, "الجبير"), code=code, agent=agent, kind=kind)


def test_doer_code_a_speakers_attack_is_verbal() -> None:
    # هاجم الجبير إيران: a named minister's attack is a criticism (pattern flag "verbal")
    assert doer_code("190", _speaker("SAU", "GOV", "person"), frozenset({"weak", "verbal"})) == "111"
    assert doer_code("190", _speaker("TUR", "OPP", "person"), frozenset({"verbal"})) == "111"
    # forces, an armed group, a state named bare, or a row without the flag: still an attack
    assert doer_code("190", _speaker("SYR", "MIL", "person"), frozenset({"verbal"})) == "190"
    assert doer_code("190", _speaker("YEM", "REB", "group"), frozenset({"verbal"})) == "190"
    assert doer_code("190", _speaker("TUR", "GOV", "state"), frozenset({"verbal"})) == "190"
    assert doer_code("190", _speaker("SAU", "GOV", "person"), frozenset({"weak"})) == "190"
