"""Choosing the place of one event among the place mentions of its document.

Order of preference (each tier ranked by precision, then nearness to the trigger):

1. a locative place inside the event's evidence (في/ب/على/قرب/داخل… + place);
2. a non-locative, non-actor place inside the evidence finer than a country
   ("هزت العاصمة الليبية طرابلس");
3. a locative place elsewhere in the event's sentence;
4. a non-locative, non-actor place finer than a country in the sentence;
5. a locative place in the event's paragraph.

Nothing else fixes a place: the answer is then ``None``.  Dateline mentions
are removed by the caller before choosing.

Verbal events (statements, appeals, accusations, threats…) happen where the
speaker is, which the text rarely says; non-locative places in their clause
are their topic, and so are places after على ("أدان العدوان على غزة").  For
them only the locative tiers (1, 3, 5) count, without على; a phone call (041)
has no place at all.  Talks ("consult": 04x other than the situated 042-046) count the
same tiers, and also a place reached or visited ("وصل … إلى بغداد حيث يلتقي"); for a statement
that place is the topic ("دعا المبعوث إلى زيارة عدن").  A region of no state (الشرق الأوسط)
ranks before a country; :mod:`marsad.when_where.event_places` then asks the actors for the state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from marsad.document import Place, Span
from marsad.when_where.gazetteer import PlaceEntry

PRECISION_RANK = {"city": 0, "admin1": 1, "region": 2, "country": 3}
# CAMEO roots of verbal events (01-05, 09-13) whose place is where the speaker is;
# meetings, visits, negotiations and signings (042-046, 057) happen somewhere.
VERBAL_ROOTS = frozenset(("01", "02", "03", "04", "05", "09", "10", "11", "12", "13"))
SITUATED_VERBAL = frozenset(("042", "043", "044", "045", "046", "057"))
NO_PLACE = frozenset(("041",))  # a phone call
TOPIC_PREPS = frozenset(("علي", "الي", "نحو", "حول"))  # for verbal events: the topic, not the setting
# What places.py marks a visited place with ("زار طهران"، "زيارة إسرائيل") and a place reached
# ("وصل … إلى بغداد"، "في زيارة غير معلنة إلى بغداد"): where talks (04x), visits and material
# events happen, but only the topic of a statement or an appeal.
TRAVEL_PREPS = frozenset(("زار", "وصل"))
_PARA_BREAK = re.compile(r"\n\s*\n|\n")


@dataclass(slots=True)
class PlaceMention:
    """A resolved place mention: tokens ``[start, end)``, raw span, entry, context flags."""

    start: int
    end: int
    span: Span
    entry: PlaceEntry
    locative: bool
    prep: str = ""  # the word that makes it locative (ب، في، على…), or من

    def to_place(self) -> Place:
        e = self.entry
        return Place(e.name, e.country, e.lat, e.lon, e.geonameid, e.precision, self.span)


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    """Raw ``[start, end)`` of the paragraph (line block) containing ``pos``."""
    start = 0
    for m in _PARA_BREAK.finditer(text):
        if m.start() >= pos:
            return start, m.start()
        start = m.end()
    return start, len(text)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _inside(pm: PlaceMention, lo: int, hi: int) -> bool:
    return pm.span.start >= lo and pm.span.end <= hi


def event_kind(cameo: str) -> str:
    """``"none"`` (phone call), ``"consult"`` (talks, 04x but visits and meetings at a third place),
    ``"verbal"`` or ``"situated"`` for a CAMEO code."""
    if cameo[:3] in NO_PLACE:
        return "none"
    if cameo[:2] == "04" and cameo[:3] not in SITUATED_VERBAL:
        return "consult"
    if cameo[:2] in VERBAL_ROOTS and cameo[:3] not in SITUATED_VERBAL:
        return "verbal"
    return "situated"


def choose_place(
    mentions: Sequence[PlaceMention],
    evidence: Span,
    trigger: Span,
    sentence: tuple[int, int],
    paragraph: tuple[int, int],
    actor_spans: Sequence[Span] = (),
    kind: str = "situated",
) -> PlaceMention | None:
    """The mention that fixes where an event happened, or ``None``.

    ``kind`` comes from :func:`event_kind`.
    """
    if kind == "none":
        return None

    def actor(pm: PlaceMention) -> bool:
        return any(_overlaps(pm.span, a) for a in actor_spans)

    def finer(pm: PlaceMention) -> bool:
        return pm.entry.precision != "country" and not actor(pm)

    ev = (evidence.start, evidence.end)
    def situated(pm: PlaceMention) -> bool:
        if kind == "situated":
            return pm.locative
        if kind == "verbal" and pm.prep in TRAVEL_PREPS:
            return False  # "دعا المبعوث إلى زيارة عدن": the visit is the topic of the appeal
        return pm.locative and pm.prep not in TOPIC_PREPS

    tiers: list[tuple[tuple[int, int], Callable[[PlaceMention], bool]]] = [
        (ev, situated),
        (ev, lambda pm: kind == "situated" and not pm.locative and finer(pm)),
        (sentence, situated),
        (sentence, lambda pm: kind == "situated" and not pm.locative and finer(pm)),
        (paragraph, situated),
    ]
    for (lo, hi), keep in tiers:
        pool = [pm for pm in mentions if _inside(pm, lo, hi) and keep(pm)]
        if pool:
            return min(pool, key=lambda pm: (PRECISION_RANK.get(pm.entry.precision, 0),
                                             abs(pm.span.start - trigger.start)))
    return None
