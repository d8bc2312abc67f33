"""A state the actors stage took for a place that the trigger governs as its object (for the coder,
:mod:`marsad.coding.coder`): اعترفت السويد بدولة فلسطين (the verb's ب), جولة وزير الخارجية في إيطاليا
(a visit's في)."""

from __future__ import annotations

from dataclasses import replace

from marsad.coding.lexicon import TriggerMatch
from marsad.document import ActorMention, Token
from marsad.text.tokens import has_article


def governed_place(tokens: list[Token], tm: TriggerMatch, located: list[ActorMention],
                   ments: list[ActorMention]) -> ActorMention | None:
    """Of the sentence's coded place mentions ``located``, a state the actors stage took for a place only
    because of its clitic ب (بدولة فلسطين، بقطر) that the trigger governs: on the last word of a verb's
    pattern (اعترفت السويد بدولة فلسطين; a verbal noun, الاعتراف بدولة فلسطين, may name no doer, and the
    state would become its subject) or right after a pattern whose target preposition is ب.  It is the
    act's object, not where it happens.  So is the state after في right after a visit or tour noun and
    its visitor (جولة وزير الخارجية في إيطاليا وألمانيا وروسيا: the first of the states visited, the
    others being no places; ``ments``: the sentence's actor mentions)."""
    for m in located:
        tail = tm.end - tm.start > 1 and m.token_start == tm.end - 1 and not (
            "noun" in tm.pattern.flags or has_article(tokens[tm.start].prefix))
        after = m.token_start == tm.end and BI in tm.pattern.preps
        if (tail or after) and tokens[m.token_start].norm.lstrip("وف").startswith(BI):
            return replace(m, locative=False)
        if tm.pattern.cameo in VISITS and len(m.code) == 3 and m.token_start > tm.end \
                and tokens[m.token_start - 1].norm == "في" and _only_actors(ments, tm.end, m.token_start - 1):
            return replace(m, locative=False)
    return None


def _only_actors(ments: list[ActorMention], a: int, b: int) -> bool:
    """Are tokens ``[a, b)`` all inside actor mentions (جولة وزير الخارجية عادل الجبير في …)?"""
    while a < b:
        inside = next((m for m in ments if m.token_start <= a < m.token_end), None)
        if inside is None:
            return False
        a = inside.token_end
    return True


BI = "ب"
VISITS = frozenset({"042"})  # not 043: استقبلتهم الأمم المتحدة في جيبوتي is where the host received them
