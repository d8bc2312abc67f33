"""Coded, actionable errors.  Library code raises these; only the CLI exits.

Each error has a short ``code`` (shown to users, documented in the README) and a
message that says what to do next.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base class.  ``code`` is stable and documented; ``exit_code`` is what the CLI returns."""

    code = "E000"
    exit_code = 1


class ConfigError(MarsadError):
    code = "E001"
    exit_code = 2


class PipelineError(MarsadError):
    """The pipeline was built wrongly (missing requirements, bad stage)."""

    code = "E010"
    exit_code = 1


class ResourceError(MarsadError):
    """A packaged data file is missing or malformed: reinstall the package."""

    code = "E020"
    exit_code = 1


class InputError(MarsadError):
    """The user's input cannot be read at all (missing file, unknown format)."""

    code = "E030"
    exit_code = 3


class StoreError(MarsadError):
    """The DuckDB store cannot be opened or written."""

    code = "E040"
    exit_code = 4


class StoreLockedError(StoreError):
    code = "E041"
    exit_code = 4


class ExportError(MarsadError):
    code = "E050"
    exit_code = 1
