"""The victim of an act someone was subjected to: تعرض X لـ (was exposed to).

Arabic news often tells an attack, arrest or strike from its victim's side with تعرض (to be
subjected to) and the act as a verbal noun after لـ or إلى: تعرضت القنصلية الأمريكية في إسطنبول إلى
اعتداء من قبل مسلحين، تتعرض القرى لقصف الحوثيين، إثر تعرضه للطعن من مجهولين، الهجمات التي تعرضت لها
تركيا.  The subject of تعرض (or the owner of its pronoun, or the actor after تعرضت لها) is the act's
target, never its doer.  When the clause heuristics took the victim as the source, the doer is the
agent phrase (من قبل) or the actor right after the act (لقصف الحوثيين، لهجوم من مسلحين سوريين); with no
doer of another code named (تعرضت دورية لإطلاق نار) the arguments stay as they were.  Before this the
victim was usually coded as the attacker (تعرضت قرى سعودية لقصف من الحوثيين: SAU > YEM).
"""

from __future__ import annotations

from marsad.coding.clause_words import BOUNDARY_PUNCT
from marsad.coding.implicit import implied
from marsad.document import ActorMention, Token
from marsad.text.tokens import RELATIVE_PRONOUNS, THIRD_PERSON_SUFFIXES, candidates

# How the clause heuristics name a target that is only the place where the act happens.
PLACE_HOWS = frozenset({"locative", "implied"})


# Roots of acts one is subjected to: criticism (تعرضت الحكومة لانتقادات من منظمة العفو: the
# organisation criticises), threats, coercion, assault, fighting, mass violence.
EXPOSED_ROOTS = frozenset({"11", "13", "17", "18", "19", "20"})
# Forms of تعرض (perfect, imperfect, verbal noun), with the endings they take here.
_STEMS = ("تعرض", "يتعرض", "تتعرض")
_ENDINGS = frozenset({"", "ت", "وا", "ا", "ون", "ه", "ها", "هم", "هما"})
# How far back from the act the form of تعرض may stand (تعرضت القنصلية الأمريكية في مدينة إسطنبول
# التركية اليوم إلى اعتداء: eight tokens).
REACH = 10


def exposure_ending(tok: Token) -> str | None:
    """The ending after تعرض/يتعرض/تتعرض on ``tok`` ("" for the bare form), None if it is none."""
    for _, key in candidates(tok.norm):
        for stem in _STEMS:
            if key.startswith(stem) and key[len(stem):] in _ENDINGS:
                return key[len(stem):]
    return None


def _with_lam(tok: Token) -> bool:
    return any(p.lstrip("وف").startswith("ل") for p, _ in candidates(tok.norm) if p)


def _introduced(tokens: list[Token], start: int, lo: int) -> int | None:
    """Where the act at token ``start`` is introduced by لـ or إلى (لهجوم، إلى اعتداء), or by a noun
    that is (لعملية اقتحام، إلى حملة اعتقالات): that token's index, else None."""
    if _with_lam(tokens[start]) or (start > lo and tokens[start - 1].key == "الي"):
        return start if _with_lam(tokens[start]) else start - 1
    if start - 1 > lo and (_with_lam(tokens[start - 1]) or tokens[start - 2].key == "الي"):
        return start - 1 if _with_lam(tokens[start - 1]) else start - 2
    return None


def exposed_target(tokens: list[Token], ments: list[ActorMention], start: int, end: int,
                   lo: int) -> ActorMention | None:
    """The victim of the act at tokens ``[start, end)`` of the sentence beginning at ``lo``: the subject
    of a form of تعرض before it whose complement it is, or the actor after التي تعرضت لها right
    after it; None when the act is not so told."""
    after = _relative_victim(tokens, ments, end)
    intro = _introduced(tokens, start, lo)
    if after is not None or intro is None:
        return after
    for i in range(intro - 1, max(lo, intro - REACH) - 1, -1):
        if tokens[i].norm in BOUNDARY_PUNCT:
            return None
        ending = exposure_ending(tokens[i])
        if ending is None:
            continue
        if ending.endswith(THIRD_PERSON_SUFFIXES):  # إثر تعرضه للطعن: the one the pronoun is
            return next((m for m in reversed(ments) if lo <= m.token_start and m.token_end <= i), None)
        inner = next((m for m in ments if i < m.token_start and m.token_end <= intro), None)
        if inner is not None or intro - i > 2:  # تعرضت القنصلية الأمريكية إلى اعتداء (or an uncoded subject)
            return inner
        # the subject before the verb (القرى تتعرض لقصف)
        return next((m for m in reversed(ments) if max(lo, i - 6) <= m.token_start and m.token_end <= i), None)
    return None


def exposed_args(tokens: list[Token], ments: list[ActorMention], start: int, end: int, lo: int,
                 sources: list[ActorMention], agent: list[ActorMention], place: ActorMention | None = None
                 ) -> tuple[list[ActorMention], list[ActorMention]] | None:
    """Sources and targets of an act told with تعرض (:func:`exposed_target`): the victim is the
    target; a source that is the victim itself gives way to the agent phrase's doer (من قبل مسلحين), else
    to the actor right after the act (لقصف الحوثيين، لهجوم من مسلحين سوريين), else, when the clause
    names no doer but a place of another state (``place``: the target the clause heuristics took from
    a locative, تعرض مواطن سعودي للطعن على يد مجهولين في طهران), to that state as the unknown doer's
    (the guideline's unnamed actors are coded by where they act).  None: the act is not so told, or no
    doer of another code is named (تعرضت دورية لإطلاق نار: the arguments stay as they were)."""
    victim = exposed_target(tokens, ments, start, end, lo)
    if victim is None:
        return None
    if any(s is victim for s in sources):
        sources = agent or [m for m in ments if end <= m.token_start <= end + 2 and m is not victim][:1]
        if not sources and place is not None and place.code != victim.code:
            return [implied(place, None)], [victim]  # the unnamed doer: the place's state
    sources = [s for s in sources if s is not victim]
    # a doer of the victim's own code: the act at home is coded as before (the state's own target)
    return (sources, [victim]) if any(s.code != victim.code for s in sources) else None


def _relative_victim(tokens: list[Token], ments: list[ActorMention], end: int) -> ActorMention | None:
    """الهجمات التي تعرضت لها تركيا: the actor right after تعرض + لها/له/لهم that follows the act."""
    if end + 2 >= len(tokens) or tokens[end].norm not in RELATIVE_PRONOUNS or exposure_ending(tokens[end + 1]) is None:
        return None
    if tokens[end + 2].key not in ("لها", "له", "لهم", "لهما"):
        return None
    return next((m for m in ments if m.token_start == end + 3), None)
