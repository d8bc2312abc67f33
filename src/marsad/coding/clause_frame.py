"""Where a sentence's actor mentions stand with respect to a trigger: its clause and the mentions in, before
and after it (:class:`ClauseFrame`, :func:`clause_frame`), with the small tests on the words around a mention
that the subject finding (:mod:`marsad.coding.subject_of`) and :func:`marsad.coding.arguments.find_args` share.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.coding.clause_words import (
    BOUNDARY_PUNCT,
    CLAUSE_WORDS,
    NEW_CLAUSE_WORDS,
    REGARDING,
    VERB_LEADS,
    VERB_PARTICLES,
    VERB_PREPS,
    is_participle,
    oblique_plural,
    possessed,
    span_words,
)
from marsad.coding.coordinated import SPEECH_ACT_ROOTS
from marsad.coding.doers import is_masdar
from marsad.coding.lexicon import TriggerMatch
from marsad.coding.subjects import clitic_prep, governed, governed_adjective, said_after, unnamed_subject
from marsad.document import ActorMention, Token

# Roots said rather than done (SPEECH_ACT_ROOTS: appeal, demand, disapprove, reject, threaten): their verb
# names an addressee.
ADDRESSING_ROOTS = SPEECH_ACT_ROOTS - {"12"}
# Roots whose verb's gap may hold its first object when the subject stands before it: speech acts
# (طالب الحكومة بـ) and giving (الولايات المتحدة سلمت مصر ثماني طائرات، منحت اليابان مصر قرضا).
OBJECT_GAP_ROOTS = SPEECH_ACT_ROOTS | {"07"}


def clause_bounds(tokens: list[Token], lo: int, hi: int, at: int) -> tuple[int, int]:
    """Token range of the clause around token ``at`` within ``[lo, hi)``."""
    s = at
    while s > lo and not _is_boundary(tokens[s - 1]):
        s -= 1
    e = at + 1
    while e < hi and not _is_boundary(tokens[e]):
        e += 1
    return s, e


def clause_reach(tokens: list[Token], ce: int, hi: int) -> int:
    """Where what a trigger whose clause ends at ``ce`` may reach ends: at a later clause that opens
    with its own subject (، كما أدانت الرابطة التفجير، فيما طالب الوزير), else at the sentence's end ``hi``;
    فيما يتعلق / فيما يخص (as regards) opens none.  A quotation ends where its speaker is named after it
    («إسرائيل ترفض القرار»، قال المتحدث المصري: the speaker is no object of what is quoted)."""
    return next((k for k in range(ce, hi) if opens_clause(tokens, k, hi)
                 or tokens[k].norm == '"' and said_after(tokens, k, hi) is not None), hi)


def opens_clause(tokens: list[Token], k: int, hi: int) -> bool:
    """Does token ``k`` open a clause with its own subject (كما، فيما، بينما، حيث، لكن) within ``[.., hi)``?
    فيما يتعلق / فيما يخص (as regards) opens none."""
    return tokens[k].norm in NEW_CLAUSE_WORDS and not (k + 1 < hi and tokens[k + 1].norm in REGARDING)


# How the clause heuristics found a subject named in the trigger's own clause (before or right after it).
OWN_SUBJECT_HOWS = frozenset({"svo", "vso", "gap"})


def behind_new_clause(tokens: list[Token], pick: ActorMention, subjects: list[ActorMention], start: int,
                      end: int) -> bool:
    """Is ``pick`` named before a clause opener with its own subject (كما، فيما، بينما، حيث، لكن) that
    stands before the trigger ``[start, end)``, one of whose conjoined ``subjects`` is named right before
    it (SVO) or right after it (VSO) past that opener?  That clause names its own doer: an actor before
    the opener acts in the clause before it (قصفت قوات النظام البلدة، فيما قال الجيش الأمريكي إن الولايات
    المتحدة وحلفاءها استهدفوا مواقع داعش: the United States strikes, not the regime's forces; :func:`opens_clause`)."""
    if not any(start - 1 <= s.token_end <= start or end <= s.token_start <= end + 1 for s in subjects):
        return False
    return any(opens_clause(tokens, k, start) for k in range(pick.token_end, min(start, subjects[0].token_start)))


def _is_boundary(tok: Token) -> bool:
    return tok.norm in BOUNDARY_PUNCT or tok.norm in CLAUSE_WORDS or tok.key in ("ان", "انه", "انها")


@dataclass(slots=True)
class ClauseFrame:
    """Where a sentence's mentions stand with respect to a trigger (see :func:`find_args`)."""

    cs: int  # the trigger's clause
    ce: int
    verb: int  # the verb's token (after a particle that is part of the trigger)
    said: str  # the subject is a pronoun or a statement (unnamed_subject), else ""
    verbal: bool  # a verb of addressing: an oblique plural after it is whom it addresses
    noun: bool  # a nominal trigger
    in_gap: list[ActorMention]  # in the subject gap right after the verb
    gap_objects: list[ActorMention]  # in a gap that holds objects
    inside: list[ActorMention]  # inside the trigger's words
    before: list[ActorMention]  # in the clause before the trigger
    after: list[ActorMention]  # after the trigger, up to six tokens past the clause
    earlier: list[ActorMention]  # anywhere before in the sentence
    later: list[ActorMention]  # anywhere after in the sentence, up to a clause with its own subject
    own_doer: bool = False  # the trigger's first word is a verbal noun with a pronoun suffix (find_args)
    dropped_obj: ActorMention | None = None  # the actor after the verb dropped.py makes its object (subject_of)


def clause_frame(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention], lo: int, hi: int) -> ClauseFrame:
    """The clause of trigger ``tm`` and its mentions by position."""
    pat = tm.pattern
    cs, ce = clause_bounds(tokens, lo, hi, tm.start)
    if tm.end > ce:
        ce = clause_bounds(tokens, lo, hi, tm.end - 1)[1]
    # Only a gap right after the verb holds its subject (أجرى الوزير اتصالا; a negation before the
    # verb is part of some triggers: ولا تستبعد فرنسا الخيار العسكري); a later gap holds an object
    # or destination (وصل إلى طهران في زيارة).
    verb = tm.start + 1 if tm.end - tm.start > 2 and tokens[tm.start].norm in VERB_PARTICLES else tm.start
    subject_gap = bool(tm.gaps) and tm.gaps[0][0] == verb + 1 and not _object_gap(tm, tokens, ments, cs, verb)
    in_gap = [m for m in ments if tm.in_gap(m.token_start)]
    gap_objects: list[ActorMention] = []
    # an oblique plural right after a verb of appeal, demand, criticism or threat is whom it addresses
    # (elsewhere a 3ms verb is often a verbal noun with its genitive subject: رفض المتمردين للهدنة)
    verbal = pat.cameo[:2] in ADDRESSING_ROOTS and "noun" not in pat.flags and not is_masdar(tm, tokens)
    said = "" if pat.flags & {"noun", "passive", "stance"} else unnamed_subject(tokens, cs, verb)
    if said or not subject_gap or (in_gap and (verb_object(tokens, verb + 1, in_gap[0])
                                       or verbal and oblique_after(tokens, verb + 1, in_gap[0]))):
        in_gap, gap_objects = [], in_gap
    inside = [m for m in ments if tm.start <= m.token_start < tm.end and not tm.in_gap(m.token_start)]
    before = [m for m in ments if cs <= m.token_start and m.token_end <= tm.start]
    opens = clause_reach(tokens, ce, hi)
    after = [m for m in ments if m.token_start >= tm.end and m.token_start < min(ce + 6, opens)]
    # a pattern holding its object (اعتدى ~ على ~ الأسرى، رحل ~ الرعايا، أعاد ~ الصيادين ~ إلى) leaves that
    # object's longer mention (الأسرى الفلسطينيين) starting inside the trigger: it is the object, not its doer
    tail = [m for m in inside if tail_object(tm, tokens, m)]
    if tail:
        inside, after = [m for m in inside if all(m is not t for t in tail)], tail + after
    return ClauseFrame(cs, ce, verb, said, verbal, "noun" in pat.flags, in_gap, gap_objects, inside, before, after,
                  [m for m in ments if m.token_end <= tm.start],
                  [m for m in ments if tm.end <= m.token_start < opens])


def tail_object(tm: TriggerMatch, tokens: list[Token], m: ActorMention) -> bool:
    """Is mention ``m``, starting inside the trigger, the act's object: it starts on the trigger's last
    word right after على / ضد / بحق and runs past it, or it is a group of people that starts on a later
    word of the pattern and runs on (its nisba) past that word into a gap or past the trigger
    (رحلت السلطات الرعايا الإثيوبيين، أعادت السلطات الصيادين المصريين إلى بلادهم)?"""
    if tm.end - tm.start < 2 or not tm.start < m.token_start < tm.end:
        return False
    group = m.agent in GROUP_OBJECTS and tm.pattern.cameo[:2] not in GROUP_DOER_ROOTS
    if m.token_start == tm.end - 1 and tokens[m.token_start - 1].key in TAIL_PREPS:
        return m.token_end > tm.end or group  # اعتدت الشرطة على المصلين: the worshippers, coded from context
    if m.token_start == tm.end - 1 and tokens[m.token_start].key in COUNTERPARTS:
        return True  # التقى بوتين نظيره التركي أردوغان: the counterpart, the pattern's last word, is met
    return group and m.token_end > m.token_start + 1 and (m.token_end > tm.end or tm.in_gap(m.token_end - 1))


TAIL_PREPS = frozenset({"علي", "ضد", "بحق"})
# A counterpart (نظيره) that ends a pattern (التقى ~ نظيره) heads the mention of whom the act is with.
COUNTERPARTS = frozenset({"نظيره", "نظيرته", "نظيرها", "نظيريه", "نظراءه", "نظرايه", "نظراءهم", "نظرايهم"})
# Agents of unnamed groups of people that a pattern may hold as the act's object; not in protests,
# where the group in the pattern is the doer (تظاهر آلاف المحتجين).
GROUP_OBJECTS = frozenset({"CVL", "REF"})
GROUP_DOER_ROOTS = frozenset({"14"})


def _object_gap(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention], cs: int, verb: int) -> bool:
    """Does the gap after a speech-act or giving verb hold its object rather than its subject: after a
    participle (داعيا إيران إلى، مطالبا الحكومة بـ) or after a verb whose subject stands before it in
    the clause (الجبير … وطالب الحكومة الإيرانية بالكف عن، الولايات المتحدة سلمت مصر ثماني طائرات)?
    Verbal nouns keep their genitive subject in the gap (حرص المملكة على)."""
    if tm.pattern.cameo[:2] not in OBJECT_GAP_ROOTS or "noun" in tm.pattern.flags:
        return False
    if is_participle(tokens[verb]):
        return True
    return not clause_initial(tokens, cs, verb) and any(
        cs <= m.token_start and m.token_end <= verb and not governed(tokens, m) for m in ments)


def oblique_after(tokens: list[Token], at: int, m: ActorMention) -> bool:
    """Is ``m`` an oblique plural right after the verb (``at``: the token after it; time words may
    stand between), not the genitive of a noun between them (عائلات المحتجزين)?"""
    return span_words(tokens, at, m.token_start) == 0 and oblique_plural(tokens[m.token_start], m)


def verb_object(tokens: list[Token], at: int, m: ActorMention) -> bool:
    """Is ``m`` a prepositional object right after the verb (``at``: the token after it), as in
    طلبنا من الاتحاد، لجأ للأمم، or the owner of its object (استهدفت مواقع الحوثيين)?  A subject is
    never introduced by a preposition."""
    if m.token_start == at + 1 and tokens[at].key in VERB_PREPS:
        return True
    if m.token_start > at and (possessed(tokens, m) or governed_adjective(tokens, m)):
        return True
    return m.token_start == at and clitic_prep(tokens, m)


def clause_initial(tokens: list[Token], cs: int, at: int) -> bool:
    """Is the verb at ``at`` the first content word of its clause?"""
    for t in tokens[cs:at]:
        if t.norm in VERB_LEADS or t.key in VERB_LEADS or t.norm in {"و", "ف"}:
            continue
        return False
    return True
