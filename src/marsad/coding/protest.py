"""What a protest is against: the actor named after a protest-purpose word.

A demonstration, march, sit-in or strike (root 14) is aimed at whom it protests against, not by
default at the state where it happens (ANNOTATION.md: the target is the actor acted upon):
تظاهر المئات في بروكسل للتنديد بالغارات التي يشنها الجيش التركي (BEL > TUR), مسيرة تنديدا بالحرب
الإسرائيلية (> ISR), احتجاجا على جريمة حرق مستوطنين إسرائيليين للطفل (> ISR), هتافات مناهضة لفرنسا
(> FRA), المتظاهرين الذين كانوا يدينون تنظيم داعش (> NSA:ISIS).  When the protested-against is
the protesters' own government (احتجاجا على خطة الحكومة) the target is their state, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from marsad.coding.implicit import OCCUPATION_KEY, OCCUPIED
from marsad.document import ActorMention, Event, Quantity, Span, Token
from marsad.text.normalize import normalize_text
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


# A crowd: a protest told with at least this many people (مئات المتظاهرين، أكثر من ألف شخص), or with
# a bare count word right after its trigger (تظاهر مئات في الموصل، خرج الآلاف).
CROWD = 10
CROWD_WORDS = frozenset(normalize_text(w) for w in ("عشرات", "مئات", "آلاف", "ألوف", "الآلاف", "المئات", "العشرات"))
CROWD_REACH = 3  # tokens after the trigger
# Sources that are no crowd: an organisation, an outlet or one person does not demonstrate as such.
NO_CROWD_KINDS = frozenset({"igo", "media", "person"})


def crowd_protest(ev: Event, tokens: list[Token], end: int, counts: Callable[[], list[Quantity]]) -> bool:
    """Is the asserted, non-background protest told with a crowd of ten or more (a count word within
    :data:`CROWD_REACH` tokens after its trigger, which ends at token ``end``; or ``counts``: the
    quantities stated at its trigger)?  Such a protest is an event by the guideline whatever the
    confidence model says: it learns protests from nine train events and drops most that have an
    unnamed crowd as source (the coder floors them at the threshold)."""
    return ev.root == PROTEST_ROOT and ev.modality == "asserted" and not ev.background \
        and ev.source.kind not in NO_CROWD_KINDS and (
            any(t.norm.lstrip("و") in CROWD_WORDS for t in tokens[end:end + CROWD_REACH])
            or any(q.value >= CROWD for q in counts()))


# Prison nouns; the occupying states (implicit.OCCUPIED) hold the occupied people in theirs (a hunger strike
# in Israeli prisons is the Palestinian prisoners' protest against Israel).
PRISON_KEYS = frozenset({"سجن", "سجون", "معتقل", "معتقلات", "زنازين", "زنزانه"})
OCCUPIER_STEMS = {"ISR": "اسراييل"}  # the nisba after a prison noun (السجون الإسرائيلية), normalized


def occupier_prison(tokens: list[Token], ments: list[ActorMention], lo: int, hi: int,
                    span_of: Callable[[int, int], Span]) -> tuple[ActorMention, ActorMention] | None:
    """The prisoners and their jailer for a protest told in an occupier's prisons (يواصل الأسرى إضرابهم عن
    الطعام في السجون الإسرائيلية، في سجون الاحتلال, also when the nisba is no actor mention): the occupied people (PSE, civilians) protest against
    the occupying state, whatever nisba the prison has.  Returns (source, target) — the occupier's mention
    of the sentence when there is one — or None when the sentence ``[lo, hi)`` names no such prison."""
    prison = next((i for i in range(lo, hi) if tokens[i].key in PRISON_KEYS), None)
    if prison is None:
        return None
    near = tokens[prison:min(hi, prison + 4)]
    for occupier, people in OCCUPIED.items():
        jailer = next((m for m in ments if m.code == occupier), None)
        if jailer is None and not any(t.key == OCCUPATION_KEY or OCCUPIER_STEMS[occupier] in t.key for t in near):
            continue
        at = ActorMention(span=span_of(prison, prison + 1), code=people, agent="CVL", name=None, kind="implied",
                          token_start=prison, token_end=prison + 1, country=people, implied=True)
        inmates = next((m for m in ments if m.code == people), None) or at
        return inmates, jailer or replace(at, code=occupier, country=occupier, agent="GOV")
    return None


def protest_arguments(tokens: list[Token], ments: list[ActorMention], start: int, lo: int, hi: int,
                      sources: list[ActorMention], targets: list[ActorMention], target_how: str,
                      span_of: Callable[[int, int], Span]) -> tuple[list[ActorMention], list[ActorMention], str]:
    """Who a protest whose trigger begins at token ``start`` (sentence ``[lo, hi)``) is by and against,
    once its arguments are read (``sources``, ``targets`` and how the target was found): the occupied
    people against the occupier when it is told in an occupier's prisons (:func:`occupier_prison`); else
    the actor named after a purpose word (:func:`protest_aim`; an untargeted protest's target is then
    found "by protest", a targeted one's keeps its way); else the arguments as they are."""
    if (held := occupier_prison(tokens, ments, lo, hi, span_of)) is not None:
        return [held[0]], [held[1]], "protest"
    if sources and (aim := protest_aim(tokens, ments, start, hi, sources)) is not None:
        return sources, [aim], "protest" if not targets or targets[0].implied else target_how
    return sources, targets, target_how
