"""Whom an appeal or a demand is addressed to when no actor is named there.

An appeal (02) or a demand (10) names whom it calls on right after its verb and subject (دعا الوزير
الحكومة إلى…، طالب X Y بـ…، طلب من Y…); what follows (إلى، بـ، لـ + a verbal noun) is what they are
called on to do, and the actors named there are that act's sides, not the appeal's target.  When the
one called on is no actor (ودعت المجتمع الدولي إلى وقف الانتهاكات الإسرائيلية، طالبوا المجتمع الدولي
بالضغط على الحكومة الإسرائيلية) the appeal has no target (ANNOTATION.md: the target is the actor acted
upon), unless a member is singled out right after it (المجتمع الدولي، وخاصة مجلس الأمن، إلى…: the
Security Council).
"""

from __future__ import annotations

from marsad.coding.clause_words import BOUNDARY_PUNCT
from marsad.coding.lexicon import TriggerMatch
from marsad.document import ActorMention, Token

# How such a target was found (Args.target_how): fixed, neither re-ranked nor filled in.
ADDRESSEE = "addressee"
# Roots whose verb names whom it calls on: appeals and demands.
APPEAL_ROOTS = frozenset({"02", "10"})
# Addressees that are no actor (keys: articles and proclitics removed): the international community,
# the world (not a lone العالم: قناة العالم is a channel).
UNNAMED_ADDRESSEES: tuple[tuple[str, ...], ...] = (
    ("مجتمع", "دولي"), ("اسره", "دوليه"), ("مجموعه", "دوليه"), ("دول", "عالم"), ("احرار", "عالم"),
    ("شعوب", "عالم"), ("ضمير", "عالمي"), ("ضمير", "انساني"), ("عالم", "اجمع"), ("عالم", "باسره"),
)  # not "all parties" (كافة الأطراف): the sides of the conflict at hand (جميع الأطراف في ليبيا)
# Nouns that may head such an addressee (مؤسسات المجتمع الدولي، هيئات المجتمع الدولي).
HEADS = frozenset({"مؤسسات", "هيئات", "منظمات", "مكونات"})
# Words that single out a member of the addressee (المجتمع الدولي، وخاصة مجلس الأمن).
SINGLING = frozenset({"خاصه", "وخاصه", "بخاصه", "وبخاصه", "خصوصا", "وخصوصا", "لاسيما", "ولاسيما", "سيما"})
# How many words after the trigger (and a subject after it) whom it calls on may stand, and the words
# that end that stretch: what it calls for (إلى، أن، على، بأن).
WINDOW = 5
STOPS = frozenset({"الي", "ان", "علي", "بان", "لان"})


def addressee_targets(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention],
                      sources: list[ActorMention], hi: int) -> list[ActorMention] | None:
    """The target of an appeal or demand whose addressee is no actor (:data:`UNNAMED_ADDRESSEES`):
    the actor singled out right after it, else none (``[]``); ``None`` when the trigger is no appeal or
    its addressee is not such a phrase."""
    if tm.pattern.cameo[:2] not in APPEAL_ROOTS or "passive" in tm.pattern.flags:
        return None
    end = _unnamed_end(tm, tokens, ments, sources, hi)
    if end is None:
        return None
    j = end
    while j < hi and (tokens[j].norm in BOUNDARY_PUNCT or tokens[j].norm in ("لا", "ولا")):
        j += 1
    if j < hi and (tokens[j].key in SINGLING or tokens[j].norm in SINGLING):
        # وخاصة مجلس الأمن، لا سيما دول مجلس الأمن الدائمة العضوية
        named = next((m for m in ments if j < m.token_start <= j + 3), None)
        return [named] if named is not None else []
    return []


def _unnamed_end(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention],
                 sources: list[ActorMention], hi: int) -> int | None:
    """The end of an unnamed addressee in the few words after the trigger and its subject (an uncoded
    head such as الخارجية before a coded adjective is part of the subject), before what it calls for
    (إلى، أن، على) and before any other actor; None: there is none."""
    first = tm.gaps[0][0] if tm.gaps else tm.end  # طلب العراق من المجتمع الدولي دعم…: in the gap
    start = max([first] + [m.token_end for m in sources if m.token_start >= first])
    starts = {m.token_start for m in ments}
    for i in range(start, min(hi, start + WINDOW)):
        tok = tokens[i]
        if i in starts or tok.key in STOPS or (tok.norm in BOUNDARY_PUNCT and tok.norm != ","):
            return None
        end = _phrase_end(tokens, i, hi)
        if end is not None:
            return None if any(i <= m.token_start < end for m in ments) else end
    return None


def _phrase_end(tokens: list[Token], i: int, hi: int) -> int | None:
    """The end of an unnamed addressee starting at token ``i`` (an optional head noun first), else None."""
    if tokens[i].key in HEADS:
        i += 1
    for phrase in UNNAMED_ADDRESSEES:
        n = len(phrase)
        if i + n <= hi and all(tokens[i + k].key == w for k, w in enumerate(phrase)):
            return i + n
    return None
