"""News outlets as the party an act is done to, not the source of a report.

Most mentions of an outlet in news are attribution (قالت قناة الجزيرة، بحسب رويترز، قال مسؤول
لوكالة فرانس برس، في مقابلة مع صحيفة…), so the coder leaves outlets out of the arguments
(:func:`marsad.coding.coder.is_argument`).  The annotation guideline codes them when they are a
party: an office closed, a broadcast banned, journalists arrested, a newspaper criticised
(أغلقت السلطات مكتب قناة الجزيرة → the outlet's state, agent MED).  Such an outlet is the
trigger's object: it comes after the trigger in its clause with nothing between but the act's
subject, a noun the outlet owns (مكتب، مقر، بث، صحفيي…) and the pattern's preposition, and it is
not introduced by لـ (to whom something was said).  Only acts done to a party (demands,
criticism, rejection, threats, coercion, violence) take an outlet; the outlet is never a source.

Reporters that tell an act of force are kept out of its arguments by :mod:`marsad.coding.doer_bars`.
"""

from __future__ import annotations

from marsad.coding.clause_words import LATELY, has_prep
from marsad.coding.conjuncts import mention_prefix
from marsad.coding.lexicon import TriggerMatch
from marsad.document import ActorMention, Token
from marsad.text.reporting_words import reporting_words

# Roots of acts done to a party that an outlet may suffer: demand, disapprove, reject, threaten,
# reduce relations, coerce (close, ban, arrest), assault, fight, mass violence.
OUTLET_ROOTS = frozenset({"10", "11", "12", "13", "16", "17", "18", "19", "20"})
# Nouns an outlet owns (keys): its offices, buildings, broadcast, website, staff.
OWNED_NOUNS = frozenset({
    "مكتب", "مكاتب", "مقر", "مقار", "مقرات", "مبني", "مباني", "استوديو", "استوديوهات", "بث", "موقع",
    "مواقع", "حساب", "صفحه", "طاقم", "صحفيي", "مراسلي", "موظفي", "عاملين", "ترخيص", "رخصه", "عمل",
})
QUOTE_MARKS = frozenset({'"', "'"})
MAX_BETWEEN = 8  # tokens between the trigger and the outlet


def object_outlets(tokens: list[Token], tm: TriggerMatch, outlets: list[ActorMention],
                   ments: list[ActorMention], hi: int) -> list[ActorMention]:
    """The outlets of ``outlets`` (media mentions of the sentence ending at token ``hi``) that are the
    object of trigger ``tm`` (see the module docstring); ``ments`` are the sentence's other argument
    mentions (the subject may stand between the trigger and its object)."""
    if tm.pattern.cameo[:2] not in OUTLET_ROOTS:
        return []
    return [m for m in outlets if tm.end <= m.token_start < min(hi, tm.end + MAX_BETWEEN)
            and _clear_prefix(tokens, m, tm.pattern.preps) and not _reporting(tokens, m)
            and _reachable(tokens, tm.end, m, ments, tm.pattern.preps)]


def _reporting(tokens: list[Token], m: ActorMention) -> bool:
    """Is the word before the outlet (quotation marks skipped) a verb of saying or publishing (an outlet
    right after one is who reports: بعد نشر نيويورك تايمز تحقيقا; the ``reports`` rows of
    resources/cues/reporting.tsv)?"""
    i = m.token_start - 1
    while i > 0 and tokens[i].norm in QUOTE_MARKS:
        i -= 1
    verbs = reporting_words().reporting_verbs
    return i >= 0 and (tokens[i].norm in verbs or tokens[i].key in verbs)


def _clear_prefix(tokens: list[Token], m: ActorMention, preps: frozenset[str]) -> bool:
    """No preposition on the outlet but one of the pattern's (never لـ: قال لرويترز، في تصريح لقناة)."""
    p = mention_prefix(tokens, m).lstrip("وف")
    if not p or p[0] not in "بلك":
        return True
    return p[0] != "ل" and has_prep(p, preps)


def _reachable(tokens: list[Token], start: int, m: ActorMention, ments: list[ActorMention],
               preps: frozenset[str]) -> bool:
    """Do only actor mentions (one may have a head word of its own before it: أنصار الحوثي), time
    words, quotation marks, the pattern's prepositions and, right before the outlet, one owned noun
    stand between token ``start`` and the outlet?"""
    starts = {x.token_start: x.token_end for x in ments if start <= x.token_start < m.token_start}
    head = False
    i = start
    while i < m.token_start:
        tok = tokens[i]
        if i in starts:
            i = starts[i]
            continue
        owned = tok.key in OWNED_NOUNS and i == m.token_start - 1 - (tokens[m.token_start - 1].norm in QUOTE_MARKS)
        if not (owned or tok.norm in QUOTE_MARKS or tok.key in LATELY or tok.key in preps or tok.norm in preps):
            if head or i + 1 not in starts:
                return False
            head = True
        i += 1
    return True
