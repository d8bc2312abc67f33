"""Both directions of a two-sided act share one confidence (marsad.coding.mirror)."""

from __future__ import annotations

from marsad.coding.mirror import dict_key, mirror_pairs, mirrored


def test_pair_of_one_trigger_and_root_gets_the_higher_confidence() -> None:
    keys = [(10, "04", "SAU", "EGY"), (10, "04", "EGY", "SAU"), (10, "03", "SAU", "EGY")]
    assert mirror_pairs(keys) == [(0, 1)]
    assert mirrored(keys, [0.7, 0.3, 0.2]) == [0.7, 0.7, 0.2]


def test_visit_and_hosting_pair_up() -> None:
    # 042 visitor > host and 043 host > visitor come from one trigger with one root
    keys = [(5, "04", "TUR", "QAT"), (5, "04", "QAT", "TUR")]
    assert mirrored(keys, [0.2, 0.9]) == [0.9, 0.9]


def test_other_triggers_same_state_and_one_way_events_stay() -> None:
    keys = [(1, "05", "JOR", "SAU"), (40, "05", "SAU", "JOR"), (7, "19", "SYR", "SYR"), (7, "19", "SYR", "SYR"),
            (9, "11", "IRN", "USA")]
    assert mirror_pairs(keys) == []
    assert mirrored(keys, [0.4, 0.1, 0.5, 0.2, 0.3]) == [0.4, 0.1, 0.5, 0.2, 0.3]


def test_dict_key_reads_the_json_form() -> None:
    ev = {"trigger": {"start": 12}, "root": "03", "source": {"code": "KWT"}, "target": None}
    assert dict_key(ev) == (12, "03", "KWT", "-")
