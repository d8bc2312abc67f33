"""Where events happened: place mentions, their resolution and event places.

:func:`find_places` matches the gazetteer over a prepared document, resolves
homonyms by the countries the article mentions (طرابلس in a Libya story is
Tripoli LBY, in a Lebanon story Tripoli LBN) and by a prior favouring
well-known places, and reads "العاصمة الروسية" as Moscow.
:func:`assign_places` gives each event the place of a locative phrase tied to
its clause (في/ب/على/قرب/داخل… + place), else a place the sentence or the
paragraph fixes, but never the dateline city alone.
"""

from __future__ import annotations

from collections import Counter

from marsad.document import Document, Place, Token
from marsad.when_where.dateline import detect_dateline
from marsad.when_where.gazetteer import Gazetteer, PlaceEntry, RawMatch, has_article
from marsad.when_where.place_choice import PlaceMention, choose_place, paragraph_bounds

__all__ = ["Gazetteer", "PlaceMention", "assign_places", "detect_dateline", "find_places", "locate"]

# Words after which a place is where something happens.
LOCATIVE = frozenset(
    "في فى داخل قرب بالقرب مقربه عند على علي الى نحو حول انحاء ارجاء شمال جنوب شرق غرب وسط "
    "شمالي جنوبي شرقي غربي اطراف محيط ضواحي".split()
)
# Nouns that may stand between the locative word and the name (في مدينة رفح).
PLACE_NOUNS = frozenset(
    "مدينه بلده قريه محافظه منطقه ولايه اقليم عاصمه مخيم حي مديريه ريف مطار ميناء قاعده مدينتي "
    "مدن بلدات قرى مناطق محافظات ولايات مقاطعه قضاء ناحيه جزيره شبه بحر مضيق".split()
)
# Nouns that turn a demonym into a country place (في الأراضي السورية).
TERRITORY = frozenset("اراضي اجواء مجال مياه عمق حدود ساحل سواحل شواطي داخل جنوب شمال شرق غرب اقليم".split())
# Words that let a context-only name match.
CONTEXT = LOCATIVE | PLACE_NOUNS
_CLITICS = ("وب", "فب", "و", "ف", "ب")
COUNTRY_BONUS = 3.0


def _word(tok: Token) -> tuple[str, bool]:
    """The key of a token without a leading و/ف/ب, and whether ب was attached."""
    k = tok.key
    if tok.prefix:
        return k, "ب" in tok.prefix
    for p in _CLITICS:
        if k.startswith(p) and len(k) - len(p) >= 2:
            return k[len(p):], "ب" in p
    return k, False


def _locative_before(tokens: list[Token], start: int, lead: str) -> tuple[bool, bool]:
    """(locative, after من) for a name at token ``start`` read with proclitic ``lead``."""
    if "ب" in lead or "ب" in tokens[start].prefix:
        return True, False
    i = start - 1
    hops = 0
    while i >= 0 and hops < 4:
        w, with_b = _word(tokens[i])
        if with_b and (w in PLACE_NOUNS or w in TERRITORY):
            return True, False
        if w in LOCATIVE:
            return True, False
        if w == "من":
            return False, True
        if w not in PLACE_NOUNS and not (hops and w in TERRITORY):
            return False, False
        i -= 1
        hops += 1
    return False, False


def _context_countries(raw: list[RawMatch], gaz: Gazetteer) -> Counter:
    ctx: Counter = Counter()
    for m in raw:
        if m.item.demonym:
            ctx[m.item.demonym] += 1
            continue
        countries = {gaz.entries[i].country for i in m.item.places}
        if len(countries) == 1 and None not in countries:
            ctx[next(iter(countries))] += 1
    return ctx


def _resolve(ids: list[int], gaz: Gazetteer, ctx: Counter) -> PlaceEntry:
    if len(ids) == 1:
        return gaz.entries[ids[0]]

    def score(i: int) -> float:
        e = gaz.entries[i]
        n = ctx.get(e.country, 0) if e.country else 0
        return e.prior + (COUNTRY_BONUS + 0.25 * min(n, 4) if n else 0.0)

    return gaz.entries[max(ids, key=score)]


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


def locate(doc: Document, gazetteer: Gazetteer) -> list[PlaceMention]:
    """All resolved place mentions of a prepared document, in text order."""
    toks = doc.tokens
    raw = gazetteer.match(toks)
    ctx = _context_countries(raw, gazetteer)
    out: list[PlaceMention] = []
    for m in raw:
        loc, weak = _locative_before(toks, m.start, m.lead)
        if m.item.demonym:
            dp = _demonym_place(doc, m, gazetteer)
            if dp is None:
                continue
            start, entry = dp
            loc, weak = _locative_before(toks, start, "")
            if out and out[-1].end == start and out[-1].entry.country == entry.country:
                continue  # "كابول العاصمة الأفغانية": the city already said it
            out.append(PlaceMention(start, m.end, doc.token_span(start, m.end), entry, loc, weak))
            continue
        if m.item.context_only and not (loc or (m.start and _word(toks[m.start - 1])[0] in CONTEXT)):
            continue
        entry = _resolve(m.item.places, gazetteer, ctx)
        if out and out[-1].end == m.start and out[-1].entry.kind == "capital" and entry.country == out[-1].entry.country:
            prev = out.pop()  # "العاصمة الأفغانية كابول": one mention, the named city
            loc, weak = prev.locative, prev.weak_locative
            out.append(PlaceMention(prev.start, m.end, doc.token_span(prev.start, m.end), entry, loc, weak))
            continue
        out.append(PlaceMention(m.start, m.end, doc.token_span(m.start, m.end), entry, loc, weak))
    return out


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


def assign_places(doc: Document, gazetteer: Gazetteer) -> None:
    """Set ``event.place`` for every event of ``doc`` (and ``doc.places``)."""
    mentions = locate(doc, gazetteer)
    doc.places = [pm.to_place() for pm in mentions]
    if not doc.events:
        return
    dateline = detect_dateline(doc, gazetteer)
    if dateline is not None:
        mentions = [pm for pm in mentions if pm.span.end <= dateline.start or pm.span.start >= dateline.end]
    actor_spans = [a.span for a in doc.actors]
    for ev in doc.events:
        spans = actor_spans + [ev.source.span] + ([ev.target.span] if ev.target else [])
        pos = ev.evidence.start
        chosen = choose_place(
            mentions, ev.evidence, ev.trigger, _sentence_bounds(doc, ev.sentence, pos),
            paragraph_bounds(doc.article.text, pos), spans,
        )
        ev.place = chosen.to_place() if chosen else None
