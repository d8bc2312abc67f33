"""The typed data model that flows through the pipeline.

An :class:`Article` is what a user gives us; a :class:`Document` is an article
plus everything the stages add.  Every span carries character offsets into the
**raw** article text (``Article.text``), never into the normalized text.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

from marsad.text.normalize import OffsetMap


@dataclass(slots=True, frozen=True)
class Span:
    """A half-open ``[start, end)`` character span of the raw text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Article:
    """One input article, exactly as given."""

    id: str
    text: str
    title: str | None = None
    date: Date | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """SHA-256 of title and text: the identity used for idempotent ingest."""
        h = hashlib.sha256()
        h.update((self.title or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
        h.update(self.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()


@dataclass(slots=True)
class Token:
    """A word of the normalized text; ``key`` is the clitic-free match key."""

    start: int  # offsets into the normalized text
    end: int
    norm: str  # normalized surface form
    key: str  # normalized form without clitics (what dictionaries match)
    prefix: str = ""  # proclitics removed to form ``key`` (e.g. "و", "بال")
    suffix: str = ""  # pronoun suffix removed (e.g. "ه", "ها")


@dataclass(slots=True)
class Sentence:
    start: int  # raw offsets
    end: int
    first_token: int  # index into Document.tokens
    last_token: int  # exclusive


@dataclass(slots=True)
class ActorMention:
    """An actor found in the text, resolved to a code as of the article's date."""

    span: Span
    code: str  # ISO3, "IGO:X" or "NSA:X"
    agent: str | None = None  # GOV, MIL, ...
    name: str | None = None  # canonical English name when known
    kind: str = "state"  # state, capital, metonym, demonym, igo, group, media, person, agent, ner
    token_start: int = 0  # token indexes [token_start, token_end)
    token_end: int = 0
    country: str | None = None  # for persons/groups: the state they belong to
    locative: bool = False  # in a locative phrase (في موسكو، بالعاصمة): a place, not an actor
    implied: bool = False  # not named in the text (an unnamed attacker → the country where it happened)

    def to_dict(self) -> dict[str, Any]:
        if self.implied:
            return {"code": self.code, "agent": self.agent, "name": self.name, "text": None,
                    "start": None, "end": None}
        return {
            "code": self.code,
            "agent": self.agent,
            "name": self.name,
            **self.span.to_dict(),
        }


@dataclass(slots=True)
class Place:
    name: str
    country: str | None  # ISO3
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str = "city"  # city, admin1, country, region
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "precision": self.precision,
        }
        if self.span is not None:
            d.update(self.span.to_dict())
        else:
            d.update({"text": None, "start": None, "end": None})
        return d


@dataclass(slots=True)
class TimeExpression:
    span: Span
    date: Date
    precision: str  # day, month, year
    kind: str = "explicit"  # explicit, relative, weekday, dateline


@dataclass(slots=True)
class Quantity:
    value: float
    unit: str
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        v: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": v, "unit": self.unit}


@dataclass(slots=True)
class Attribution:
    name: str
    anonymous: bool = False
    span: Span | None = None


@dataclass(slots=True)
class Event:
    source: ActorMention
    target: ActorMention | None
    cameo: str
    trigger: Span
    evidence: Span
    goldstein: float = 0.0
    quad: int = 0
    plover_type: str | None = None
    plover_mode: str | None = None
    modality: str = "asserted"
    background: bool = False
    place: Place | None = None
    date: Date | None = None
    date_precision: str | None = None
    reported_by: list[Attribution] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    sentence: int = 0
    confidence: float = 1.0
    features: dict[str, float] = field(default_factory=dict, repr=False)  # for the confidence model

    @property
    def root(self) -> str:
        return self.cameo[:2]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "root": self.root,
            "quad": self.quad,
            "goldstein": self.goldstein,
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "place": self.place.to_dict() if self.place else None,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision if self.date else None,
            "evidence": self.evidence.to_dict(),
            "trigger": self.trigger.to_dict(),
            "reported_by": [a.name for a in self.reported_by],
            "reported_by_anonymous": [a.anonymous for a in self.reported_by],
            "quantities": [q.to_dict() for q in self.quantities],
            "modality": self.modality,
            "background": self.background,
            "confidence": round(self.confidence, 3),
        }


@dataclass(slots=True)
class Rejection:
    """Why an article could not be coded.  Recorded, never dropped."""

    code: str  # short machine code, e.g. "empty", "not_arabic", "too_long"
    reason: str  # one human sentence

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "reason": self.reason}


class OverBudget(Exception):  # noqa: N818 - control flow, never leaves the pipeline
    """Raised inside a stage when the article's time budget has run out (see Document.deadline)."""


@dataclass(slots=True)
class Document:
    """An article and everything the pipeline found in it."""

    article: Article
    norm: str = ""
    offsets: OffsetMap | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    rejection: Rejection | None = None
    done: set[str] = field(default_factory=set)  # names of stages that ran
    deadline: float = 0.0  # time.thread_time() value (CPU time) after which long stages stop (0: none)

    def check_deadline(self) -> None:
        """Raise :class:`OverBudget` once the deadline has passed (stages call it in their loops)."""
        if self.deadline and time.thread_time() > self.deadline:
            raise OverBudget

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, nstart: int, nend: int) -> Span:
        """A raw-text span from normalized offsets ``[nstart, nend)``."""
        assert self.offsets is not None
        text = self.article.text
        start, end = self.offsets.to_raw(nstart, nend, text)
        return Span(start, end, text[start:end])

    def token_span(self, i: int, j: int) -> Span:
        """A raw-text span covering tokens ``[i, j)``."""
        return self.span(self.tokens[i].start, self.tokens[j - 1].end)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.article.id}
        out["events"] = [e.to_dict() for e in self.events]
        if self.rejection is not None:
            out["rejected"] = self.rejection.to_dict()
        return out
