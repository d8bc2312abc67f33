"""Where events happened: place mentions, their resolution and event places.

:func:`find_places` matches the gazetteer over a prepared document, resolves
homonyms by the countries the article mentions (طرابلس in a Libya story is
Tripoli LBY, in a Lebanon story Tripoli LBN) and by a prior favouring
well-known places, and reads "العاصمة الروسية" as Moscow.
:func:`assign_places` gives each event the place of a locative phrase tied to
its clause (في/ب/على/قرب/داخل… + place), else a place the sentence or the
paragraph fixes, but never the dateline city alone; when the text gives no place
(or only a region), :func:`actor_place` takes the state the actors fix, if any.
"""

from __future__ import annotations

from collections import Counter

from marsad.document import ActorMention, Document, Event, Place, Span, Token
from marsad.text.tokens import has_article
from marsad.when_where.dateline import detect_dateline
from marsad.when_where.gazetteer import Gazetteer, PlaceEntry, RawMatch
from marsad.when_where.place_choice import PlaceMention, choose_place, event_kind, paragraph_bounds

__all__ = ["Gazetteer", "PlaceMention", "assign_places", "detect_dateline", "find_places", "locate"]

# Words after which a place is where something happens.
LOCATIVE = frozenset(
    "في داخل قرب بالقرب مقربه عند علي الي نحو حول انحاء ارجاء شمال جنوب شرق غرب وسط "
    "شمالي جنوبي شرقي غربي اطراف محيط ضواحي".split()
)
# Nouns that may stand between the locative word and the name (في مدينة رفح).
PLACE_NOUNS = frozenset(
    "مدينه بلده قريه محافظه منطقه ولايه اقليم عاصمه مخيم حي مديريه ريف مطار ميناء قاعده مدينتي "
    "مدن بلدات قري مناطق محافظات ولايات مقاطعه قضاء ناحيه جزيره شبه بحر مضيق دوله جمهوريه مملكه اماره".split()
)
# Nouns that turn a demonym into a country place (في الأراضي السورية).
TERRITORY = frozenset("اراضي اجواء مجال مياه عمق حدود ساحل سواحل شواطي داخل جنوب شمال شرق غرب اقليم".split())
# Words that let a context-only name match (not على/إلى/حول/نحو: "الحصول على صور").
CONTEXT = (LOCATIVE - {"علي", "الي", "نحو", "حول"}) | PLACE_NOUNS
# A visit "to" a place (في زيارة لموسكو، خلال زيارته للقاهرة، جولة رسمية لدول الخليج): the place
# read with ل after one of these nouns is where the visit happens.
VISIT_NOUNS = frozenset(
    "زياره زيارته زيارتها زيارتهم زيارتهما زيارتي زيارتنا زيارات جوله جولته جولتها رحله رحلته رحلتها".split()
)
VISIT_ADJECTIVES = frozenset("رسميه خاصه عمل قصيره مفاجيه تاريخيه مماثله سابقه اخري مرتقبه".split())
_CLITICS = ("وب", "فب", "و", "ف", "ب")
_QUOTES = frozenset('"\'(')
COUNTRY_BONUS = 3.0
MATERIAL_CONFLICT = frozenset(("15", "17", "18", "19", "20"))
# A visit the text gives no place for happens in the visited state (042: the source visits the
# target: "زارت موغيريني إيران") or in the host's (043: the source hosts the target: "استقبل أمير
# قطر في قصره الوزير").
VISIT_PLACE = {"042": "target", "043": "source"}


def _word(tok: Token) -> tuple[str, bool]:
    """The key of a token without a leading و/ف/ب, and whether ب was attached."""
    k = tok.key
    if tok.prefix:
        return k, "ب" in tok.prefix
    for p in _CLITICS:
        if k.startswith(p) and len(k) - len(p) >= 2:
            return k[len(p):], "ب" in p
    return k, False


def _locative_before(tokens: list[Token], start: int, lead: str) -> tuple[bool, str]:
    """(locative, the word that makes it so) for a name at token ``start`` read with ``lead``.

    The word is "ب" for the proclitic, else the preposition (في، على، قرب…);
    after من (origin) the answer is ``(False, "من")``.
    """
    if "ب" in lead or "ب" in tokens[start].prefix:
        return True, "ب"
    if (lead or tokens[start].prefix).startswith("ل") and _after_visit_noun(tokens, start):
        return True, "ل"
    i = start - 1
    hops = 0
    while i >= 0 and hops < 4:
        if tokens[i].key in _QUOTES:
            i -= 1
            continue
        w, with_b = _word(tokens[i])
        if with_b and (w in PLACE_NOUNS or w in TERRITORY):
            return True, "ب"
        if w in LOCATIVE:
            return True, w
        if w == "من":
            return False, w
        if w not in PLACE_NOUNS and not (hops and w in TERRITORY):
            return False, ""
        i -= 1
        hops += 1
    return False, ""


def _after_visit_noun(tokens: list[Token], start: int) -> bool:
    """Is the word before ``start`` (or before an adjective such as رسمية) a visit noun?"""
    i = start - 1
    if i >= 1 and _word(tokens[i])[0] in VISIT_ADJECTIVES:
        i -= 1
    return i >= 0 and _word(tokens[i])[0] in VISIT_NOUNS


def _after_context_word(tokens: list[Token], start: int) -> bool:
    i = start - 1
    while i >= 0 and tokens[i].key in _QUOTES:
        i -= 1
    return i >= 0 and _word(tokens[i])[0] in CONTEXT


def _context_countries(raw: list[RawMatch]) -> Counter:
    """Countries the article mentions: demonyms and names of a single country."""
    ctx: Counter = Counter()
    for m in raw:
        c = m.item.demonym or m.item.country
        if c:
            ctx[c] += 1
    return ctx


def _resolve(ids: list[int], entries: list[PlaceEntry], ctx: Counter) -> PlaceEntry:
    """The entry a name stands for: best prior, plus a bonus when the article mentions
    its country, plus one for countries (كولومبيا is Colombia even in a US story)."""
    if len(ids) == 1:
        return entries[ids[0]]

    def score(i: int) -> float:
        e = entries[i]
        n = ctx.get(e.country, 0) if e.country else 0
        bonus = COUNTRY_BONUS if e.kind == "country" else 0.0
        return e.prior + bonus + (COUNTRY_BONUS + 0.25 * min(n, 4) if n else 0.0)

    return entries[max(ids, key=score)]


def _demonym_place(doc: Document, m: RawMatch, gaz: Gazetteer) -> tuple[int, PlaceEntry] | None:
    """"العاصمة الروسية" → (start, Moscow); "الأراضي السورية" → (start, Syria)."""
    iso3 = m.item.demonym
    assert iso3 is not None
    toks = doc.tokens
    if m.start >= 1 and _word(toks[m.start - 1])[0] == "عاصمه":
        cap = gaz.capital_of(iso3)
        return (m.start - 1, cap) if cap else None
    for back in (1, 2):
        if m.start >= back and _word(toks[m.start - back])[0] in TERRITORY and has_article(toks[m.start].prefix):
            country = gaz.country(iso3)
            return (m.start - back, country) if country else None
    return None


def locate(doc: Document, gazetteer: Gazetteer, unlisted: bool = True) -> list[PlaceMention]:
    """All resolved place mentions of a prepared document, in text order.

    With ``unlisted``, places named after a settlement noun that the gazetteer
    lacks are added (see :func:`unlisted_places`).
    """
    toks = doc.tokens
    entries = gazetteer.entries
    raw = gazetteer.match(toks)
    ctx = _context_countries(raw)
    out: list[PlaceMention] = []
    for m in raw:
        loc, prep = _locative_before(toks, m.start, m.lead)
        if m.item.demonym:
            dp = _demonym_place(doc, m, gazetteer)
            if dp is None:
                continue
            start, entry = dp
            loc, prep = _locative_before(toks, start, "")
            if out and out[-1].end == start and out[-1].entry.country == entry.country:
                continue  # "كابول العاصمة الأفغانية": the city already said it
            out.append(PlaceMention(start, m.end, doc.token_span(start, m.end), entry, loc, prep))
            continue
        if not loc and out and out[-1].end == m.start and out[-1].locative and (m.lead or toks[m.start].prefix).startswith("و"):
            loc, prep = True, out[-1].prep  # "في الشيخ زويد ورفح والعريش": the list shares the preposition
        if not m.item.places:
            continue  # a blocker such as "ريال مدريد"
        if m.item.context_only and not (prep == "ب" or _after_context_word(toks, m.start)):
            continue
        if m.item.also_demonym and not loc and m.start and toks[m.start - 1].prefix and not _after_context_word(toks, m.start):
            continue  # "القيادة السعودية": the adjective, not the country
        entry = _resolve(m.item.places, entries, ctx)
        prev = out[-1] if out else None
        if prev and prev.end == m.start and _word(toks[prev.start])[0] == "عاصمه" and entry.country == prev.entry.country:
            out.pop()  # "العاصمة الأفغانية كابول": one mention, the named city
            loc, prep = prev.locative, prev.prep
            out.append(PlaceMention(prev.start, m.end, doc.token_span(prev.start, m.end), entry, loc, prep))
            continue
        out.append(PlaceMention(m.start, m.end, doc.token_span(m.start, m.end), entry, loc, prep))
    if unlisted:
        extra = unlisted_places(doc, out, ctx, gazetteer.common_words)
        if extra:
            out = sorted(out + extra, key=lambda pm: pm.start)
    return out


# Settlement nouns whose (indefinite) construct names a place the gazetteer may lack:
# "في بلدة عيتا الشعب"، "بمنطقة وادي خليل".
SETTLEMENTS = frozenset("بلده قريه مدينه منطقه مخيم حي مديريه ناحيه قضاء".split())
# First elements of compound toponyms, which always take the next word too.
_COMPOUND_HEADS = frozenset("وادي عين بير دير بيت كفر تل جبل راس ابو ام خان بني سيدي سوق مرج".split())
_SETTLEMENT_FORMS = frozenset(c + w for w in SETTLEMENTS for c in ("",) + _CLITICS)
_NOT_NAMES = frozenset("الذي التي الواقعه المجاوره المحاذيه القريبه المذكوره نفسها ذاتها اخري".split())


def _name_word(tok: Token, second: bool = False) -> bool:
    """A word that can be part of an unlisted place name (not a nisba adjective)."""
    w = tok.norm
    if not w[0].isalpha() or w in _NOT_NAMES or len(tok.key) < 3:
        return False
    nisba = w.endswith("يه") or w.endswith("ي")
    return not nisba or (tok.prefix == "ال" and not second)


def unlisted_places(doc: Document, known: list[PlaceMention], ctx: Counter,
                    common: frozenset[str] = frozenset()) -> list[PlaceMention]:
    """Places named after a settlement noun (في بلدة X) that the gazetteer does not list, unless
    the name's first word is one of the ``common`` ordinary words (منطقة اليورو، منطقة الحدود).

    Their country is that of the nearest locative known place (within 300
    characters), else the most frequent country of the article's locative places,
    else the country the article mentions most; they carry no coordinates.
    """
    toks = doc.tokens
    taken = {i for pm in known for i in range(pm.start, pm.end)}
    located = [pm for pm in known if pm.locative and pm.entry.country]
    loc_ctx = Counter(pm.entry.country for pm in located)
    default = (loc_ctx or ctx).most_common(1)[0][0] if (loc_ctx or ctx) else None
    out = []
    for i, tok in enumerate(toks[:-1]):
        if tok.key not in _SETTLEMENT_FORMS or tok.prefix or i + 1 in taken:
            continue
        loc, _ = _locative_before(toks, i, "")
        if not loc or not _name_word(toks[i + 1]) or toks[i + 1].prefix not in ("", "ال") \
                or toks[i + 1].key in common:
            continue
        end = i + 2
        if end < len(toks) and end not in taken and toks[end].prefix == "ال" and (
            _word(toks[i + 1])[0] in _COMPOUND_HEADS or _name_word(toks[end], second=True)
        ):
            end += 1
        span = doc.token_span(i + 1, end)
        country = _nearest_country(located, span.start) or default
        entry = PlaceEntry(None, span.text, country, "", None, None, 0, "city", 0.0)
        out.append(PlaceMention(i + 1, end, span, entry, True))
    return out


def _nearest_country(known: list[PlaceMention], pos: int, window: int = 300) -> str | None:
    best = None
    for pm in known:
        d = abs(pm.span.start - pos)
        if pm.entry.country and d <= window and (best is None or d < best[0]):
            best = (d, pm.entry.country)
    return best[1] if best else None


def find_places(doc: Document, gazetteer: Gazetteer) -> list[Place]:
    """Places mentioned in a prepared document (raw-offset spans), in text order."""
    return [pm.to_place() for pm in locate(doc, gazetteer)]



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
    members by Turkish police).  The place is country-level and its span is the actor mention it
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
    if ev.root not in MATERIAL_CONFLICT or ev.target is None:
        return None
    if tgt is not None:
        return _place_of_actor(ev.target, tgt, gazetteer)
    return _place_of_actor(ev.source, src, gazetteer) if src is not None else None


def assign_places(doc: Document, gazetteer: Gazetteer) -> None:
    """Set ``event.place`` for every event of ``doc`` (and ``doc.places``)."""
    mentions = locate(doc, gazetteer)
    doc.places = [pm.to_place() for pm in mentions]
    if not doc.events:
        return
    dateline = detect_dateline(doc, gazetteer)
    if dateline is not None:
        mentions = [pm for pm in mentions if pm.span.end <= dateline.start or pm.span.start >= dateline.end]
    for ev in doc.events:
        spans = _actor_spans(doc, ev)
        pos = ev.evidence.start
        chosen = choose_place(
            mentions, ev.evidence, ev.trigger, _sentence_bounds(doc, ev.sentence, pos),
            paragraph_bounds(doc.article.text, pos), spans, event_kind(ev.cameo),
        )
        if chosen is not None and chosen.entry.country:
            ev.place = chosen.to_place()
        else:  # no place, or a region without a state (الشرق الأوسط): the actors may fix the state
            ev.place = actor_place(ev, gazetteer) or (chosen.to_place() if chosen else None)
