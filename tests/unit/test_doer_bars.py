"""Who cannot do an act (doer_bars.py): reporters that tell an act of force, grounded actors of an air strike."""

from token_sites import at as _at
from token_sites import mention as _m
from token_sites import toks as _toks

from marsad.coding.doer_bars import air_force, doer_bars, grounded, is_reporter


def test_a_told_reporter_is_barred_from_an_act_of_force_only():
    toks = _toks("وقال المرصد إن طائرات روسية قصفت مواقع في ريف حلب")
    monitor = _m("SYR", _at(toks, "المرصد"), _at(toks, "المرصد") + 1, "NGO", "agent")
    russia = _m("RUS", _at(toks, "طائرات"), _at(toks, "روسية") + 1, "MIL", "demonym")
    told = [monitor.span]  # the sentence attributes its content to the Observatory
    assert is_reporter(monitor) and not is_reporter(russia)
    bars = doer_bars("190", [monitor, russia], told)
    assert bars.tellers == [monitor] and bars.barred(monitor) and not bars.barred(russia)
    assert [b.code for b in bars.fallback()] == ["SYR"] and bars.fallback()[0].implied
    # not the named source of the sentence's report: no bar
    assert not doer_bars("190", [monitor, russia], [])
    # a reporter may still be the source of a statement, an appeal or a criticism
    assert not doer_bars("111", [monitor, russia], told)


def test_grounded_actors_do_no_air_strike_but_may_be_struck():
    toks = _toks("قتل 20 متمردا من ميليشيات الحوثي في قصف لطيران التحالف")
    rebels = _m("YEMREB", _at(toks, "متمردا"), _at(toks, "متمردا") + 1, "REB", "agent")
    houthis = _m("NSA:HOUTHI", _at(toks, "ميليشيات"), _at(toks, "الحوثي") + 1, None, "nsa")
    coalition = _m("IGO:ARBCOAL", _at(toks, "لطيران"), _at(toks, "التحالف") + 1, "MIL", "igo")
    assert grounded(rebels) and grounded(houthis) and not grounded(coalition)
    bars = doer_bars("195", [rebels, houthis, coalition], [])
    assert bars.barred(rebels) and bars.barred(houthis) and not bars.barred(coalition) and not bars.tellers
    assert bars.armed([houthis]) == [houthis] and bars.armed([coalition]) == []
    assert air_force((_at(toks, "قصف"), _at(toks, "قصف") + 1), [rebels, houthis, coalition]) is coalition
    # guided munitions and drones are left alone
    assert not doer_bars("1952", [rebels, houthis, coalition], [])


def test_a_nisba_right_after_the_strike_noun_is_an_air_force():
    toks = _toks("وأفاد المرصد بأن الغارات الروسية أصابت مستشفى")
    russia = _m("RUS", _at(toks, "الروسية"), _at(toks, "الروسية") + 1, None, "demonym")
    strike = _at(toks, "الغارات")
    assert air_force((strike, strike + 1), [russia]) is russia
    assert air_force((strike - 3, strike - 2), [russia]) is None  # too far from the trigger
