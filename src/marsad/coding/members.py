"""The group whose members an act is done to is the act's target.

``أعلنت وزارة الداخلية القبض على 400 عنصر ينتمون إلى تنظيم داعش``، ``اعتقلت الشرطة 20 شخصا يشتبه في
انتمائهم إلى حزب العمال``، ``أفرجت السلطات عن طلاب ينتمون لجماعة الإخوان``: the people arrested or
released are named by the group they belong to, and the annotation guideline codes that group as the
target (SAU>NSA:ISIS, not the arresting state's own people).  The argument model, seeing an object that
names no actor and a group several words on, often took the source's own state instead.

Only for arrests and releases (roots 17 and 08): after an attack verb the same words more often
name the attackers (هجوم يرجح أن منفذيه ينتمون لبوكو حرام) or belong to another clause.
"""

from __future__ import annotations

from functools import lru_cache

from marsad import resources
from marsad.coding.conjuncts import mention_prefix
from marsad.document import ActorMention, Token
from marsad.text.normalize import normalize_text

# Roots of acts done to people whose object may be named by the group they belong to: release, arrest.
MEMBER_ROOTS = frozenset({"08", "17"})
MEMBER_WINDOW = 6


@lru_cache(maxsize=1)
def member_words() -> tuple[frozenset[str], frozenset[str]]:
    """The "belonging to" words and the words that end the object's phrase, from the packaged
    ``resources/cues/members.tsv``, normalized (ة → ه, hamza forms → ا); read once per process."""
    rows = [(normalize_text(r["words"]), r["kind"]) for r in resources.read_tsv(resources.path("members"))]
    return frozenset(w for w, k in rows if k == "member"), frozenset(w for w, k in rows if k == "stop")


def _group_after(tokens: list[Token], ments: list[ActorMention], i: int) -> ActorMention | None:
    """The coded mention that "belonging to" at token ``i`` names: after الى, or with the clitic ل."""
    nxt = i + 2 if i + 1 < len(tokens) and tokens[i + 1].key == "الي" else i + 1
    m = next((m for m in ments if m.token_start == nxt), None)
    if m is None or (nxt == i + 1 and not mention_prefix(tokens, m).lstrip("و").startswith("ل")):
        return None
    return m


def _member_word(tok: Token) -> bool:
    member = member_words()[0]
    return tok.key in member or (tok.key[:1] in ("ب", "ل") and tok.key[1:] in member)


def member_target(tokens: list[Token], ments: list[ActorMention], root: str, end: int, hi: int,
                  sources: list[ActorMention]) -> ActorMention | None:
    """The group whose members are the object of an arrest or release (القبض على 400 عنصر ينتمون إلى
    داعش): "belonging to" follows the act (ending at token ``end``) within :data:`MEMBER_WINDOW` tokens
    of sentence ``[.., hi)`` besides the words of the sources (a subject after its verb), with no other
    actor, punctuation or clause word between, and names a coded mention that is not a source nor of a
    source's code."""
    if root not in MEMBER_ROOTS:
        return None
    stops = member_words()[1]
    skip = {i for s in sources for i in range(s.token_start, s.token_end)}  # اعتقلت الشرطة التركية 20 شخصا…
    for i in range(end, min(end + MEMBER_WINDOW + len(skip), hi)):
        tok = tokens[i]
        if i in skip:
            continue
        if not tok.norm[:1].isalnum() or tok.key in stops or any(m.token_start == i for m in ments):
            return None
        if _member_word(tok):
            m = _group_after(tokens, ments, i)
            return m if m is not None and all(m is not s and m.code != s.code for s in sources) else None
    return None
