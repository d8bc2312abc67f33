"""The addressee of an appeal or a demand that names no actor (دعا X المجتمع الدولي إلى…).

An appeal (02) or a demand (10) is made *to* its addressee, the verb's object: ودعت السعودية المجتمع
الدولي إلى الضغط على إسرائيل is an appeal to the international community, not to Israel, whose name
only stands in what is asked.  When that object is a collective no actor code names (the international
community, the world, donor countries, everyone) the event has no target (the train gold codes
دعت المجتمع الدولي إلى أن ينظر… and طالبوا المجتمع الدولي بتحمل مسؤولياته with none), and the clause
heuristics and the argument model, which look for an actor, took one from the content of the call.
An actor named with the collective (المجتمع الدولي، وخاصة مجلس الأمن) stays the target.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad import resources
from marsad.document import ActorMention, Token
from marsad.text.normalize import normalize_text

ADDRESSEE_ROOTS = frozenset({"02", "10"})
SINGLING_REACH = 3
SUBJECT_REACH = 3  # the subject after the verb: its nisba may follow a two-word head


@dataclass(frozen=True, slots=True)
class AddresseeWords:
    """The word lists of ``resources/cues/addressee.tsv``, normalized (ة → ه, hamza forms → ا)."""

    collectives: tuple[tuple[str, ...], ...]  # the collectives, as the verb's bare object, in file order
    singling_out: frozenset[str]  # words that name an actor among the collective (وخاصة مجلس الأمن)
    skipped: frozenset[str]  # words between the verb (and its subject) and its object: أمس، مجددا، أيضا


@lru_cache(maxsize=1)
def addressee_words() -> AddresseeWords:
    """The addressee words of the packaged addressee.tsv, read once per process."""
    rows = [(normalize_text(r["words"]), r["kind"]) for r in resources.read_tsv(resources.path("addressee"))]
    return AddresseeWords(
        collectives=tuple(tuple(w.split()) for w, kind in rows if kind == "collective"),
        singling_out=frozenset(w for w, kind in rows if kind == "singling"),
        skipped=frozenset(w for w, kind in rows if kind == "skipped"),
    )


def _skip(tokens: list[Token], p: int, ments: list[ActorMention], hi: int) -> int:
    """The first token from ``p`` on that is neither in an actor mention nor an adverb."""
    skipped = addressee_words().skipped
    while p < hi:
        inside = next((m for m in ments if m.token_start <= p < m.token_end), None)
        if inside is not None:
            p = inside.token_end
        elif tokens[p].norm in skipped:
            p += 1
        else:
            return p
    return p


def _collective_at(tokens: list[Token], p: int, hi: int) -> bool:
    """Does a collective start at token ``p``, with no actor singled out right after it?"""
    words_of = addressee_words()
    for words in words_of.collectives:
        end = p + len(words)
        if end <= hi and tuple(t.norm for t in tokens[p:end]) == words:
            after = tokens[end:min(hi, end + SINGLING_REACH)]
            return not any(t.norm in words_of.singling_out for t in after)
    return False


def collective_addressee(root: str, tokens: list[Token], at: int, sources: list[ActorMention],
                         ments: list[ActorMention], hi: int) -> bool:
    """Is the object of the appeal or demand whose trigger word is token ``at`` a collective that names
    no actor, with no actor singled out right after it?  The object stands right after the verb (SVO,
    a participle), or after its subject (VSO: the source, with the uncoded head before its nisba,
    وزارة الخارجية السعودية; ``ments``: the sentence's actor mentions)."""
    if root not in ADDRESSEE_ROOTS:
        return False
    p = _skip(tokens, at + 1, ments, hi)
    if _collective_at(tokens, p, hi):
        return True
    subject = [m for m in sources if at < m.token_start <= at + SUBJECT_REACH]
    return bool(subject) and _collective_at(tokens, _skip(tokens, subject[0].token_end, ments, hi), hi)
