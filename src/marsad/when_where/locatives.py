"""Locative phrases: the words that make a place mention where something happens.

A place is locative after في/ب/على/قرب/داخل… (optionally through a place noun: في مدينة رفح),
after a visit noun with ل (في زيارة لموسكو), as the object of زار or of a visit noun
(زارت موغيريني إيران، جاؤوا لزيارة إسرائيل) unless the visit is asked for (دعا إلى زيارة عدن),
after إلى that ends a journey (وصل … إلى بغداد), and when a region's name opens with a compass
word (معسكرات للحزب شمال العراق).  "ب + country" after an office word (وزير الخارجية بجمهورية
مصر العربية) says whose official it is, not where.
"""

from __future__ import annotations

from marsad import resources
from marsad.document import Token
from marsad.when_where.gazetteer import PlaceEntry, RawMatch

# The word lists are resources (places/place_words.tsv, by kind): see its header.
LOCATIVE = resources.word_set("place_words", "locative")
PLACE_NOUNS = resources.word_set("place_words", "place_noun")
TERRITORY = resources.word_set("place_words", "territory")
# Words that let a context-only name match (not على/إلى/حول/نحو: "الحصول على صور").
CONTEXT = (LOCATIVE - {"علي", "الي", "نحو", "حول"}) | PLACE_NOUNS
VISIT_NOUNS = resources.word_set("place_words", "visit_noun")
VISIT_ADJECTIVES = resources.word_set("place_words", "visit_adjective")
VISIT_VERBS = resources.word_set("place_words", "visit_verb")
INVITATIONS = resources.word_set("place_words", "invitation")
ARRIVAL_VERBS = resources.word_set("place_words", "arrival_verb")
OFFICE_WORDS = resources.word_set("place_words", "office_word")
CLITICS = ("وب", "فب", "و", "ف", "ب")
QUOTES = frozenset('"\'(')


# The seat of a body (ومقره بريطانيا، ومقرها لندن، ومقرها الرئيسي جنيف), normalized without و / ف: the place
# after it is where the body sits.
SEAT_WORDS = frozenset({"مقره", "مقرها", "مقرهم", "مقرهما"})
# Adjectives between the seat word and its place (مقرها الرئيسي، مقره الحالي، مقرها الدائم), keys.
SEAT_ADJECTIVES = frozenset({"رييسي", "رييس", "حالي", "دايم"})
# Verbs of taking a place as one's seat (الذي يتخذ من لندن مقرا له), normalized without و / ف.
TAKES_SEAT = frozenset({"يتخذ", "تتخذ", "اتخذ", "اتخذت", "يتخذون"})


def seat_at(toks: list[Token], start: int) -> bool:
    """Does the place named from token ``start`` say where a body named before it sits (المرصد ومقره
    بريطانيا، منظمة ومقرها في لندن، المرصد الذي يتخذ من بريطانيا مقرا له)?  Such a place is neither an
    actor (Britain does not strike in Syria because the Observatory that reports the strike is based
    there: the actors stage makes no mention of it) nor where the events of
    the sentence happen (:func:`marsad.when_where.places.locate` leaves it out)."""
    i = start - 1
    if i >= 0 and toks[i].norm == "في":
        i -= 1
    while i >= 0 and toks[i].key in SEAT_ADJECTIVES:
        i -= 1
    if i < 0:
        return False
    if toks[i].norm.lstrip("وف") in SEAT_WORDS:
        return True
    return toks[i].norm == "من" and i >= 1 and toks[i - 1].norm.lstrip("وف") in TAKES_SEAT


def word(tok: Token) -> tuple[str, bool]:
    """The key of a token without a leading و/ف/ب, and whether ب was attached."""
    k = tok.key
    if tok.prefix:
        return k, "ب" in tok.prefix
    for p in CLITICS:
        if k.startswith(p) and len(k) - len(p) >= 2:
            return k[len(p):], "ب" in p
    return k, False


def locative_before(tokens: list[Token], start: int, lead: str) -> tuple[bool, str]:
    """(locative, the word that makes it so) for a name at token ``start`` read with ``lead``.

    The word is "ب" for the proclitic, else the preposition (في، على، قرب…);
    after من (origin) the answer is ``(False, "من")``.
    """
    if "ب" in lead or "ب" in tokens[start].prefix:
        return True, "ب"
    if (lead or tokens[start].prefix).startswith("ل") and after_visit_noun(tokens, start):
        return True, "ل"
    i = start - 1
    hops = 0
    while i >= 0 and hops < 4:
        if tokens[i].key in QUOTES:
            i -= 1
            continue
        w, with_b = word(tokens[i])
        if not lead and not tokens[start].prefix and visits(w) and not invited(tokens, i):
            return True, "زار"
        if with_b and (w in PLACE_NOUNS or w in TERRITORY):
            return True, "ب"
        if w in LOCATIVE:
            return True, "وصل" if w == "الي" and arrival(tokens, i) else w
        if w == "من":
            return False, w
        if w not in PLACE_NOUNS and not (hops and w in TERRITORY):
            return False, ""
        i -= 1
        hops += 1
    return False, ""


def visits(word: str) -> bool:
    """Is ``word`` a visit verb or a visit noun (with or without ل) whose object is the place?"""
    return word in VISIT_VERBS or word in VISIT_NOUNS or (word[:1] == "ل" and word[1:] in VISIT_NOUNS)


def invited(tokens: list[Token], i: int) -> bool:
    """Is the visit noun at ``i`` one asked for ("دعا المبعوث إلى زيارة عدن"، "دعوة لزيارة موسكو")?"""
    if i >= 1 and word(tokens[i - 1])[0] in INVITATIONS:
        return True
    return tokens[i].key.startswith("ل") and i >= 1 and word(tokens[i - 1])[0].startswith("دعو")


def arrival(tokens: list[Token], i: int, window: int = 10) -> bool:
    """Does the إلى at token ``i`` end a journey: an arrival verb or a visit noun earlier in the clause
    ("وصل وزير الدفاع الأميركي إلى بغداد"، "في زيارة غير معلنة إلى بغداد")?"""
    for j in range(i - 1, max(-1, i - 1 - window), -1):
        w = word(tokens[j])[0]
        if not w[0].isalnum():
            return False
        if w in ARRIVAL_VERBS or tokens[j].key in ARRIVAL_VERBS or visits(w):  # وصل is not و + صل
            return True
    return False


def compass(tokens: list[Token], m: RawMatch, entry: PlaceEntry) -> bool:
    """Does the name of a region open with a compass word (شمال العراق، جنوب لبنان), not a country's (جنوب السودان)?
    The compass words are the ``direction`` rows of ``resources/actors/locative_words.tsv``."""
    return entry.kind != "country" and not m.lead and m.end - m.start > 1 \
        and word(tokens[m.start])[0] in resources.word_set("locative_words", "direction")


def office_of(tokens: list[Token], start: int, entry: PlaceEntry) -> bool:
    """"وزير الخارجية بجمهورية مصر": a country read with ب right after an office word."""
    return entry.kind == "country" and start >= 1 and word(tokens[start - 1])[0] in OFFICE_WORDS


def after_visit_noun(tokens: list[Token], start: int) -> bool:
    """Is the word before ``start`` (or before an adjective such as رسمية) a visit noun?"""
    i = start - 1
    if i >= 1 and word(tokens[i])[0] in VISIT_ADJECTIVES:
        i -= 1
    return i >= 0 and word(tokens[i])[0] in VISIT_NOUNS


def after_context_word(tokens: list[Token], start: int) -> bool:
    """Is the word before ``start`` (past quotes) a locative word or a place noun?"""
    i = start - 1
    while i >= 0 and tokens[i].key in QUOTES:
        i -= 1
    return i >= 0 and word(tokens[i])[0] in CONTEXT
