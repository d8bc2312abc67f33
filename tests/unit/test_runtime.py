"""marsad.runtime: the collector is off while a pipeline loads, then settled; an error leaves it as it was."""

import gc

import pytest

from marsad.runtime import GEN0_THRESHOLD, loading_pipeline


@pytest.fixture
def restore_gc():
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    (gc.enable if enabled else gc.disable)()


def test_loading_pipeline_turns_the_collector_off_then_settles_it(restore_gc):
    gc.enable()
    gc.set_threshold(700, 10, 10)
    with loading_pipeline():
        assert not gc.isenabled()
        kept = [[i] for i in range(1000)]
    assert gc.isenabled() and gc.get_threshold()[0] == GEN0_THRESHOLD
    assert gc.get_freeze_count() >= len(kept)


def test_a_failed_load_re_enables_the_collector_without_settling(restore_gc):
    gc.enable()
    gc.set_threshold(700, 10, 10)
    with pytest.raises(RuntimeError), loading_pipeline():
        raise RuntimeError("resource missing")
    assert gc.isenabled() and gc.get_threshold()[0] == 700


def test_loading_pipeline_leaves_a_disabled_collector_disabled(restore_gc):
    gc.disable()
    with loading_pipeline():
        pass
    assert not gc.isenabled()
