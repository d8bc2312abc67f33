import pytest

from marsad.config import SETTINGS, Settings
from marsad.errors import ConfigError


def test_every_setting_is_a_field_with_the_same_default():
    s = Settings()
    for setting in SETTINGS:
        assert getattr(s, setting.name) == setting.default and setting.help


def test_from_env_reads_and_coerces():
    s = Settings.from_env({"MARSAD_MAX_CHARS": "100", "MARSAD_INCLUDE_UNASSERTED": "yes"})
    assert s.max_chars == 100 and s.include_unasserted is True


def test_bad_env_value_is_a_config_error():
    with pytest.raises(ConfigError):
        Settings.from_env({"MARSAD_MAX_CHARS": "many"})


def test_unknown_setting_is_rejected():
    with pytest.raises(ConfigError):
        Settings().with_(nope=1)


def test_python_api_reads_the_environment_only_when_asked(monkeypatch):
    """docs/settings.md: the CLI reads MARSAD_*; Coder() takes the defaults unless given from_env()."""
    from marsad.api_lib import Coder

    monkeypatch.setenv("MARSAD_EVENT_FILTER", "false")
    assert Coder(warm_up=False).settings.event_filter is True
    assert Coder(Settings.from_env(), warm_up=False).settings.event_filter is False
