"""The doer of a passive verb or of a verbal noun (issue #4): the agent named after the act
(تم اعتقال ثلاثة مسلحين من قبل الشرطة، قتل برصاص قناصة، تلقت الحكومة مساعدات من الأمم المتحدة), for the
argument finder (:mod:`marsad.coding.arguments`).
"""

from __future__ import annotations

from marsad.coding.clause_words import AGENT_PREPS, MASDAR_SHAPE, VERB_PREPS, agent_phrase_start
from marsad.coding.lexicon import TriggerMatch
from marsad.document import ActorMention, Token
from marsad.text.tokens import candidates

# Prepositions of a place or an object between a verbal noun and its agent phrase (في، على).
PLACE_PREPS = frozenset({"في", "علي"})


def is_masdar(tm: TriggerMatch, tokens: list[Token]) -> bool:
    """Is the trigger a verbal noun: flagged so, with a preposition or article (بقصف، الاعتقال), after
    تم / جرى (تم اعتقال), or of a verbal noun's shape (اعتقال، تعذيب، استهداف، مهاجمة)?"""
    first = tm.pattern.words[0]
    prefix, key = next(((p, k) for p, k in candidates(tokens[tm.start].norm) if k in first), ("", ""))
    prev = tokens[tm.start - 1].key if tm.start else ""
    return "noun" in tm.pattern.flags or prefix.lstrip("وف")[:1] in {"ب", "ل", "ا"} or prev in {
        "تم", "يتم", "جري", "يجري"} or bool(MASDAR_SHAPE.match(key))


def nominal_agent(tm: TriggerMatch, tokens: list[Token], after: list[ActorMention]) -> ActorMention | None:
    """The doer of a nominal act named by an agent phrase close after it (تم اعتقال ثلاثة مسلحين
    من قبل الشرطة، أسر ستة حوثيين على يد المقاومة)."""
    if "passive" in tm.pattern.flags or not is_masdar(tm, tokens):
        return None
    for m in after:
        if m.token_start - tm.end > 8:
            return None
        start = agent_phrase_start(tokens, m.token_start)
        if start is not None:
            # a preposition in between (استقبال النازحين من المديريات المهدمة من قبل…، الكشف عنهم من قبل…)
            # opens a phrase the agent may belong to: then it is not this act's doer; a place or object
            # after في / على does not (تم اعتقال الصحفي على حاجز قلنديا من قبل قوات الاحتلال)
            return None if any(t.key in VERB_PREPS - PLACE_PREPS for t in tokens[tm.end:start]) else m
    return None


def passive_agent(tokens: list[Token], rest: list[ActorMention], giver: bool = False) -> tuple[ActorMention | None, str]:
    """The agent of a passive verb and how it was found: right after من قبل، على يد، برصاص… or a
    little after an agent phrase (:func:`agent_phrase_start`: على أيدي عناصر تنظيم داعش),
    "passive_agent"; with ``giver`` (a verb of receiving) else the first actor right after من
    (تلقت الحكومة مساعدات من الأمم المتحدة), "giver"; else (None, "none")."""
    for m in rest:
        if m.token_start >= 1 and tokens[m.token_start - 1].key in AGENT_PREPS \
                or agent_phrase_start(tokens, m.token_start) is not None:
            return m, "passive_agent"
    if giver:
        m = next((m for m in rest if m.token_start >= 1 and tokens[m.token_start - 1].key == "من"), None)
        if m is not None:
            return m, "giver"
    return None, "none"


# A visit (042) whose noun's genitive is the place visited, not the visitor: زيارة إيران، زيارة واشنطن.
VISIT_CODE = "042"
PLACE_KINDS = frozenset({"state", "capital"})


def visited_genitive(tm: TriggerMatch, tokens: list[Token], after: list[ActorMention]) -> bool:
    """Is the actor right after a visit noun a state or capital in the genitive (زيارة إيران، بعد زيارة
    واشنطن التي قام بها ولي العهد): the host visited, not the visitor (زيارة الرئيس الفرنسي)?"""
    if tm.pattern.cameo != VISIT_CODE or not after or after[0].token_start != tm.end:
        return False
    first = after[0]
    return first.kind in PLACE_KINDS and not tokens[first.token_start].prefix.lstrip("وف")
