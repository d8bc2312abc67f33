"""Where events happened: place mentions, their resolution and event places.

:func:`find_places` matches the gazetteer over a prepared document, resolves
homonyms by the countries the article mentions (طرابلس in a Libya story is
Tripoli LBY, in a Lebanon story Tripoli LBN) and by a prior favouring
well-known places, and reads "العاصمة الروسية" as Moscow.
:func:`assign_places` gives each event the place of a locative phrase tied to
its clause (في/ب/على/قرب/داخل… + place: :mod:`marsad.when_where.locatives`), else a place
the sentence or the paragraph fixes, but never the dateline city alone; when the text gives no
place (or only a region), :func:`actor_place` takes the state the actors fix, if any, and talks
go on where the article's last talks were held (:mod:`marsad.when_where.event_places`).
"""

from __future__ import annotations

from collections import Counter

from marsad.document import Document, Place, Token
from marsad.text.tokens import PREPOSITION_PRONOUNS, has_article
from marsad.when_where.dateline import detect_dateline
from marsad.when_where.event_places import actor_place, place_events
from marsad.when_where.gazetteer import Gazetteer, PlaceEntry, RawMatch
from marsad.when_where.locatives import (
    CLITICS,
    TERRITORY,
    after_context_word,
    compass,
    locative_before,
    office_of,
    seat_at,
    word,
)
from marsad.when_where.place_choice import PlaceMention

__all__ = ["Gazetteer", "PlaceMention", "actor_place", "assign_places", "detect_dateline", "find_places", "locate"]

COUNTRY_BONUS = 3.0
CAPITAL_RIVAL_POPULATION = 100_000


def _context_countries(raw: list[RawMatch]) -> Counter:
    """Countries the article mentions: demonyms and names of a single country."""
    ctx: Counter = Counter()
    for m in raw:
        c = m.item.demonym or m.item.country
        if c:
            ctx[c] += 1
    return ctx


def _can_displace(e: PlaceEntry, best: PlaceEntry) -> bool:
    """May the article's countries pick ``e`` over ``best``, the better-known homonym?  Not a
    village over a national capital (the Egyptian village الرياض does not beat Riyadh because a
    Saudi story names Egypt); a city of 100,000 or a province may (طرابلس in a Lebanon story)."""
    if best.kind not in ("capital", "country") or e is best:
        return True
    return e.kind in ("country", "admin1", "capital") or e.population >= CAPITAL_RIVAL_POPULATION


def _resolve(ids: list[int], entries: list[PlaceEntry], ctx: Counter, said: str | None = None) -> PlaceEntry:
    """The entry a name stands for: the one in the country of a demonym right after the name
    (said: "مدينة العين اليمنية"), else best prior, plus a bonus when the article mentions
    its country, plus one for countries (كولومبيا is Colombia even in a US story)."""
    if len(ids) == 1:
        return entries[ids[0]]
    if said is not None:
        own = [i for i in ids if entries[i].country == said]
        if own:
            ids = own

    best = entries[max(ids, key=lambda i: entries[i].prior)]

    def score(i: int) -> float:
        e = entries[i]
        n = ctx.get(e.country, 0) if e.country and _can_displace(e, best) else 0
        bonus = COUNTRY_BONUS if e.kind == "country" else 0.0
        return e.prior + bonus + (COUNTRY_BONUS + 0.25 * min(n, 4) if n else 0.0)

    return entries[max(ids, key=score)]


def _demonym_place(doc: Document, m: RawMatch, gaz: Gazetteer) -> tuple[int, PlaceEntry] | None:
    """"العاصمة الروسية" → (start, Moscow); "الأراضي السورية" → (start, Syria)."""
    iso3 = m.item.demonym
    assert iso3 is not None
    toks = doc.tokens
    if m.start >= 1 and word(toks[m.start - 1])[0] == "عاصمه":
        cap = gaz.capital_of(iso3)
        return (m.start - 1, cap) if cap else None
    for back in (1, 2):
        if m.start >= back and word(toks[m.start - back])[0] in TERRITORY and has_article(toks[m.start].prefix):
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
    demonyms = {m.start: m.item.demonym for m in raw if m.item.demonym and has_article(toks[m.start].prefix)}
    out: list[PlaceMention] = []
    for m in raw:
        if seat_at(toks, m.start):
            continue  # ومقره بريطانيا، ومقرها في جنيف: where a body sits, not where anything happens
        loc, prep = locative_before(toks, m.start, m.lead)
        if m.item.demonym:
            dp = _demonym_place(doc, m, gazetteer)
            if dp is None:
                continue
            start, entry = dp
            loc, prep = locative_before(toks, start, "")
            if out and out[-1].end == start and out[-1].entry.country == entry.country:
                continue  # "كابول العاصمة الأفغانية": the city already said it
            out.append(PlaceMention(start, m.end, doc.token_span(start, m.end), entry, loc, prep))
            continue
        if not loc and out and out[-1].end == m.start and out[-1].locative and (m.lead or toks[m.start].prefix).startswith("و"):
            loc, prep = True, out[-1].prep  # "في الشيخ زويد ورفح والعريش": the list shares the preposition
        if not m.item.places:
            continue  # a blocker such as "ريال مدريد"
        if m.item.context_only and not (prep == "ب" or after_context_word(toks, m.start)):
            continue
        if m.item.also_demonym and not loc and m.start and toks[m.start - 1].prefix and not after_context_word(toks, m.start):
            continue  # "القيادة السعودية": the adjective, not the country
        entry = _resolve(m.item.places, entries, ctx, demonyms.get(m.end))
        if prep == "ب" and office_of(toks, m.start, entry):
            loc, prep = False, ""
        elif not loc and compass(toks, m, entry):
            loc, prep = True, word(toks[m.start])[0]  # "معسكرات للحزب شمال العراق": the compass word is the locative
        prev = out[-1] if out else None
        if prev and prev.end == m.start and word(toks[prev.start])[0] == "عاصمه" and entry.country == prev.entry.country:
            out.pop()  # "العاصمة الأفغانية كابول": one mention, the named city
            loc, prep = prev.locative, prev.prep
            out.append(PlaceMention(prev.start, m.end, doc.token_span(prev.start, m.end), entry, loc, prep))
            continue
        out.append(PlaceMention(m.start, m.end, doc.token_span(m.start, m.end), entry, loc, prep))
    if unlisted:
        extra = unlisted_places(doc, out, ctx, gazetteer.common_words, demonyms)
        if extra:
            out = sorted(out + extra, key=lambda pm: pm.start)
    return out


# Settlement nouns whose (indefinite) construct names a place the gazetteer may lack:
# "في بلدة عيتا الشعب"، "بمنطقة وادي خليل".
SETTLEMENTS = frozenset("بلده قريه مدينه منطقه مخيم حي مديريه ناحيه قضاء".split())
# First elements of compound toponyms, which always take the next word too.
_COMPOUND_HEADS = frozenset("وادي عين بير دير بيت كفر تل جبل راس ابو ام خان بني سيدي سوق مرج".split())
_SETTLEMENT_FORMS = frozenset(c + w for w in SETTLEMENTS for c in ("",) + CLITICS)
_NOT_NAMES = frozenset("الذي التي الواقعه المجاوره المحاذيه القريبه المذكوره التابعه المدمر المدمره نفسها ذاتها "
                       "اخري".split())


def _name_word(tok: Token, second: bool = False) -> bool:
    """A word that can be part of an unlisted place name (not a nisba adjective)."""
    w = tok.norm
    if not w[0].isalpha() or w in _NOT_NAMES or len(tok.key) < 3:
        return False
    nisba = w.endswith("يه") or w.endswith("ي")
    return not nisba or (tok.prefix == "ال" and not second)


def unlisted_places(doc: Document, known: list[PlaceMention], ctx: Counter,
                    common: frozenset[str] = frozenset(),
                    demonyms: dict[int, str] | None = None) -> list[PlaceMention]:
    """Places named after a settlement noun (في بلدة X) that the gazetteer does not list, unless
    the name's first word is one of the ``common`` ordinary words (منطقة اليورو، منطقة الحدود).

    Their country is the one a demonym right after the name says ("بلدة سروج التركية"; ``demonyms``
    maps token index → ISO3), else that of the nearest locative known place (within 300
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
        loc, _ = locative_before(toks, i, "")
        if not loc or not _name_word(toks[i + 1]) or toks[i + 1].prefix not in ("", "ال") \
                or toks[i + 1].key in common or (i + 2 < len(toks) and toks[i + 2].norm in PREPOSITION_PRONOUNS):
            continue
        end = i + 2
        if end < len(toks) and end not in taken and toks[end].prefix == "ال" and (
            word(toks[i + 1])[0] in _COMPOUND_HEADS or _name_word(toks[end], second=True)
        ):
            end += 1
        span = doc.token_span(i + 1, end)
        country = (demonyms or {}).get(end) or _nearest_country(located, span.start) or default
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


def assign_places(doc: Document, gazetteer: Gazetteer) -> None:
    """Set ``event.place`` for every event of ``doc`` (and ``doc.places``)."""
    mentions = locate(doc, gazetteer)
    doc.places = [pm.to_place() for pm in mentions]
    if not doc.events:
        return
    dateline = detect_dateline(doc, gazetteer)
    if dateline is not None:
        mentions = [pm for pm in mentions if pm.span.end <= dateline.start or pm.span.start >= dateline.end]
    place_events(doc, mentions, gazetteer)
