"""The place of each event: a place mention the text ties to it, else the state its actors fix,
else (talks) where the article's last talks were held.

:func:`place_events` runs over the place mentions :func:`marsad.when_where.places.locate` found
(dateline removed); :mod:`marsad.when_where.place_choice` ranks the mentions for one event.
"""

from __future__ import annotations

from marsad import resources
from marsad.document import ActorMention, Document, Event, Place, Span, Token
from marsad.when_where.gazetteer import Gazetteer
from marsad.when_where.locatives import word
from marsad.when_where.place_choice import (
    NO_PLACE,
    TOPIC_PREPS,
    PlaceMention,
    choose_place,
    event_kind,
    paragraph_bounds,
)

TALKS_REACH = 500  # characters from where the last talks were placed to a later talks event
MATERIAL_CONFLICT = frozenset(("15", "17", "18", "19", "20"))
AID = "07"  # material cooperation: economic, military, humanitarian aid
# A visit the text gives no place for happens in the visited state (042: the source visits the
# target: "زارت موغيريني إيران") or in the host's (043: the source hosts the target: "استقبل أمير
# قطر في قصره الوزير").
VISIT_PLACE = {"042": "target", "043": "source"}
# Words that tell of a meeting: a locative place in their sentence is where talks are held
# (resources/places/place_words.tsv).
MEETING_WORDS = resources.word_set("place_words", "meeting_word")


def _sentence_bounds(doc: Document, sentence: int, pos: int) -> tuple[int, int]:
    if 0 <= sentence < len(doc.sentences):
        s = doc.sentences[sentence]
        if s.start <= pos < s.end:
            return s.start, s.end
    for s in doc.sentences:
        if s.start <= pos < s.end:
            return s.start, s.end
    return pos, pos


def _actor_spans(doc: Document, ev: Event) -> list[Span]:
    """Spans that name actors of the event's document, which are not places…

    …except the target of a material-conflict event (attacks, assaults, fights):
    the city that is bombed is where it happened ("قصفت الطائرات طرابلس").
    """
    target = ev.target.span if ev.target is not None and ev.target.span.end > ev.target.span.start else None
    hit = target if target is not None and ev.root in MATERIAL_CONFLICT else None
    spans = [a.span for a in doc.actors if hit is None or not (a.span.start < hit.end and hit.start < a.span.end)]
    spans.append(ev.source.span)
    if target is not None and hit is None:
        spans.append(target)
    return spans


def _state(actor: ActorMention | None) -> str | None:
    """The ISO3 code of the state an actor belongs to (None for IGOs, armed groups, unknowns)."""
    if actor is None or ":" in actor.code:
        return None
    code = actor.country or actor.code[:3]
    return code if len(code) == 3 and code.isalpha() else None


def _place_of_actor(actor: ActorMention, iso3: str, gazetteer: Gazetteer) -> Place | None:
    entry = gazetteer.country(iso3)
    if entry is None:
        return None
    span = None if actor.implied or actor.span.end <= actor.span.start else actor.span
    return Place(entry.name, entry.country, entry.lat, entry.lon, entry.geonameid, "country", span)


def actor_place(ev: Event, gazetteer: Gazetteer) -> Place | None:
    """The state an event happens in when the text names no place, as fixed by its actors.

    A visit happens in the visited (042) or hosting (043) state; an event between two organs of
    one state (ISR police arrest ISR citizens) in that state; a material conflict (15–20) against
    a state's forces, people or land in the target's state (قصفت إسرائيل غزة → PSE), and one by
    a state against an armed group or an organisation in the source's state (arrests of ISIS
    members by Turkish police); aid (07) in the recipient's state (المساعدات المقدمة للشعب
    اليمني → YEM).  The place is country-level and its span is the actor mention it
    comes from; None when the actors fix nothing (diplomacy between states, statements).
    """
    role = VISIT_PLACE.get(ev.cameo[:3])
    if role is not None:
        actor = ev.target if role == "target" else ev.source
        iso3 = _state(actor)
        return _place_of_actor(actor, iso3, gazetteer) if actor is not None and iso3 else None
    src, tgt = _state(ev.source), _state(ev.target)
    if src is not None and src == tgt:
        return _place_of_actor(ev.source, src, gazetteer)
    if ev.root == AID and tgt is not None:
        return _place_of_actor(ev.target, tgt, gazetteer)  # aid is given where its recipients are
    if ev.root not in MATERIAL_CONFLICT or ev.target is None:
        return None
    if tgt is not None:
        return _place_of_actor(ev.target, tgt, gazetteer)
    return _place_of_actor(ev.source, src, gazetteer) if src is not None else None


def _meeting_word(tok: Token) -> bool:
    """Is the token a meeting word (التقى is not ال + تقى; والتقى is و + التقى)?"""
    norm = tok.norm[1:] if tok.norm[:1] in "وف" and len(tok.norm) > 4 else tok.norm
    return tok.norm in MEETING_WORDS or norm in MEETING_WORDS or word(tok)[0] in MEETING_WORDS


def _meeting_places(doc: Document, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Locative places of states in sentences that tell of a meeting ("التقى … في جدة"), in text order."""
    out = []
    for s in doc.sentences:
        inside = [pm for pm in mentions if s.first_token <= pm.start < s.last_token
                  and pm.locative and pm.entry.country and pm.prep not in TOPIC_PREPS]
        if inside and any(_meeting_word(t) for t in doc.tokens[s.first_token:s.last_token]):
            out += inside
    return out


def place_events(doc: Document, mentions: list[PlaceMention], gazetteer: Gazetteer) -> None:
    """Set ``event.place`` for every event of ``doc`` from its place ``mentions`` (dateline removed)."""
    met = _meeting_places(doc, mentions)
    talks: PlaceMention | None = None  # where the article's last talks the text placed were held
    for ev in sorted(doc.events, key=lambda e: e.evidence.start):
        pos = ev.evidence.start
        while met and met[0].span.start < pos:
            if talks is None or met[0].span.start > talks.span.start:
                talks = met[0]
            met.pop(0)
        spans = _actor_spans(doc, ev)
        chosen = choose_place(
            mentions, ev.evidence, ev.trigger, _sentence_bounds(doc, ev.sentence, pos),
            paragraph_bounds(doc.article.text, pos), spans, event_kind(ev.cameo),
        )
        if chosen is not None and chosen.entry.country:
            ev.place = chosen.to_place()
            if ev.cameo[:2] == "04":
                talks = chosen
            continue
        # No place, or a region without a state (الشرق الأوسط): the actors may fix the state, and
        # talks go on where the article's last ones were held ("كما اجتمع…"، "وجرى خلال الاجتماع…")
        # unless the actors say another state.
        ev.place = actor_place(ev, gazetteer)
        if talks is not None and ev.cameo[:2] == "04" and ev.cameo[:3] not in NO_PLACE \
                and pos - talks.span.start <= TALKS_REACH \
                and (ev.place is None or ev.place.country == talks.entry.country):
            ev.place = talks.to_place()
        if ev.place is None and chosen is not None:
            ev.place = chosen.to_place()
