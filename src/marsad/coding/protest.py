"""What a protest is against: the actor named after a protest-purpose word.

A demonstration, march, sit-in or strike (root 14) is aimed at whom it protests against, not by
default at the state where it happens (ANNOTATION.md: the target is the actor acted upon):
تظاهر المئات في بروكسل للتنديد بالغارات التي يشنها الجيش التركي (BEL > TUR), مسيرة تنديدا بالحرب
الإسرائيلية (> ISR), احتجاجا على جريمة حرق مستوطنين إسرائيليين للطفل (> ISR), هتافات مناهضة لفرنسا
(> FRA), المتظاهرين الذين كانوا يدينون تنظيم داعش (> NSA:ISIS).  When the protested-against is
the protesters' own government (احتجاجا على خطة الحكومة) the target is their state, as before.
"""

from __future__ import annotations

from marsad.document import ActorMention, Token
from marsad.text.tokens import reads

# Keys (after the proclitics ل، لل، ب، و) of the words that say what a protest is against:
# احتجاجا على، للاحتجاج على، تنديدا ب، للتنديد ب، استنكارا ل، رفضا ل، مناهضة ل، ضد، يدينون، منددين.
PURPOSE_WORDS = frozenset({
    "احتجاجا", "احتجاج", "تنديدا", "تنديد", "استنكارا", "استنكار", "رفضا", "مناهضه", "مناهضا", "مناهضين",
    "مناهضون", "ضد", "يدينون", "يدين", "منددين", "منددون", "منددا",
})
# The purpose word and the actor it names: at most this many tokens apart (احتجاجا على جريمة حرق
# مستوطنين إسرائيليين: four).
WINDOW = 5
PROTEST_ROOT = "14"
# Prepositions that introduce the victim of the act protested against (الحرب على، الانتهاكات بحق).
VICTIM_PREPS = frozenset({"علي", "بحق", "ضد"})


def is_purpose(tok: Token) -> bool:
    """Is ``tok`` a protest-purpose word (:data:`PURPOSE_WORDS`), with or without proclitics?"""
    return reads(tok, PURPOSE_WORDS)


def protest_aim(tokens: list[Token], ments: list[ActorMention], start: int, hi: int,
                sources: list[ActorMention]) -> ActorMention | None:
    """The actor a protest whose trigger begins at token ``start`` is against: the first mention at
    most :data:`WINDOW` tokens after the first purpose word that follows the trigger in its sentence
    (which ends at ``hi``), neither one of the protest's ``sources`` nor of the one code they all have
    (against their own government the target stays their state, as before); None when the sentence
    names none."""
    cue = next((i for i in range(start + 1, hi) if is_purpose(tokens[i])), None)
    if cue is None:
        return None
    own = {s.code for s in sources}
    for m in ments:
        if cue < m.token_start <= cue + WINDOW and own != {m.code} and all(m is not s for s in sources):
            # تنديدا بالحرب على غزة، بالممارسات بحق الصحفيين: an act's victim is not whom the protest is against
            return None if m.token_start > cue + 2 and tokens[m.token_start - 1].key in VICTIM_PREPS else m
    return None
