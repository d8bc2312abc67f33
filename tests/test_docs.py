"""Docs as tested artefacts: settings, CLI commands and the CI command match the docs."""

import re
from pathlib import Path

from typer.main import get_command

from marsad.cli.main import app
from marsad.config import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for s in SETTINGS:
        assert f"`{s.name}`" in doc, s.name


def test_every_cli_command_is_in_the_readme():
    for name in get_command(app).commands:
        assert f"marsad {name}" in README, name


def test_quick_start_has_two_commands_and_ci_runs_the_test_one():
    block = README.split("## Quick start", 1)[1].split("```", 2)[1]
    cmds = [ln for ln in block.strip().splitlines() if ln.strip()]
    assert len(cmds) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert cmds[1].strip() in ci


def test_every_stage_is_documented():
    from marsad.stages import build_pipeline

    for name in build_pipeline().names:
        assert re.search(rf"\b{name}\b", README), name
