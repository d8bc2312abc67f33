"""Who did an attack: the group that claims it or is blamed for it (issue #4, task F).

An attack reported with no doer in its own clause (قتل عشرة أشخاص في هجوم انتحاري، انفجرت سيارة
مفخخة) is often claimed or blamed in the same sentence or the next one:

- a claim verb, تبنى / أعلن مسؤوليته عن (تبنى تنظيم داعش الهجوم، هجوم تبنته حركة طالبان،
  الهجوم الذي تبناه التنظيم، أعلنت حركة الشباب مسؤوليتها عن التفجير): its subject;
- an attribution, نسب … إلى (هجوم نسبته السلطات إلى التمرد الكردي): the actor after إلى;
- standing behind it, يقف وراء / اتهم X بالوقوف وراء (داعش يقف وراء الاعتداء): the actor right
  before the verb (its subject, or the accused object of اتهم).

That actor, not the country where the attack happened nor a victim, is the attack's source
(:func:`claimer`; the coder uses it for root 18/19 acts whose clause names no doer).
"""

from __future__ import annotations

from marsad.document import ActorMention, Token
from marsad.text.tokens import THIRD_PERSON_SUFFIXES, readings

# تبنى and its forms, bare or with an object pronoun for the act (تبناه، تبنته، تبنتها، يتبناها).
_ADOPT = frozenset({"تبني", "تبنت", "يتبني", "تتبني", "تبنو", "تبنوا", "تبنيا"})
_ADOPT_SUFFIXED = frozenset({"تبناه", "تبناها", "تبنته", "تبنتها", "يتبناه", "يتبناها", "تتبناه", "تتبناها"})
_ANNOUNCE = frozenset({"اعلن", "اعلنت", "يعلن", "تعلن", "اعلنو", "اعلنوا", "اعلان"})  # and إعلان X مسؤوليته
_RESPONSIBILITY = frozenset({"مسووليه", "مسووليته", "مسووليتها", "مسووليتهم", "مسووليتهما"})
_ASCRIBE = frozenset({"نسبته", "نسبتها", "نسبه", "نسبها", "نسب", "نسبت", "تنسب", "ينسب"})
_STAND = frozenset({"يقف", "تقف", "يقفون", "وقف", "وقفت", "الوقوف", "بالوقوف", "وقوف", "بوقوف"})
_BEHIND = frozenset({"وراء", "خلف"})
_TO = frozenset({"الي"})
# What a bare claim verb claims (its object): an attack noun, or a demonstrative or quantifier
# before one (تبنى التنظيم هذا الهجوم، غالبية هذه الهجمات); not a law or a text (تبنى مجلس الشيوخ
# صيغته لقانون الدفاع).
_ATTACKS = frozenset({
    "هجوم", "هجوما", "هجمات", "هجومين", "هجومان", "اعتداء", "اعتداءات", "اعتداءين", "تفجير", "تفجيرات",
    "تفجيرين", "انفجار", "انفجارات", "عمليه", "عمليات", "اغتيال", "خطف", "اختطاف", "قتل", "مقتل", "ذبح",
    "اعدام", "اطلاق", "قصف", "هذا", "هذه", "هذين", "هاتين", "بعض", "بعضها", "غالبيه", "معظم", "كل",
})
_ABOUT = frozenset({"عن"})
_GAP = 3  # words allowed between a claim verb and its subject (أعلن في بيان التنظيم…) or object
# Letters every claim construction has in one of its words (تبنى، مسؤوليته، نسب، وراء/خلف), in
# whatever clitic or pronoun form: a sentence with none of them claims nothing (a cheap test first,
# since most attack sentences have no claim).
_CLAIM_STEMS = ("تبن", "مسوولي", "نسب", "وراء", "خلف")


def _attack_at(tokens: list[Token], j: int, hi: int) -> bool:
    """Is token ``j`` an attack noun (:data:`_ATTACKS`, with its article, clitics or a pronoun:
    قتلهما)?"""
    if j >= hi:
        return False
    ks = readings(tokens[j])
    return bool(ks & _ATTACKS) or any(k.endswith(s) and k[: -len(s)] in _ATTACKS for k in ks for s in THIRD_PERSON_SUFFIXES)


def _first_after(ments: list[ActorMention], i: int, hi: int, gap: int = _GAP) -> ActorMention | None:
    return next((m for m in ments if i < m.token_start <= min(i + gap, hi - 1) and not m.locative), None)


def _right_before(ments: list[ActorMention], i: int) -> ActorMention | None:
    return next((m for m in reversed(ments) if i - 1 <= m.token_end <= i and not m.locative), None)


def _claim_at(tokens: list[Token], ments: list[ActorMention], i: int, hi: int) -> ActorMention | None:
    """The claiming or blamed actor of a claim construction whose verb is token ``i``."""
    ks = readings(tokens[i])
    if ks & _ADOPT_SUFFIXED:  # the pronoun is the act (هجوم تبنته الحركة)
        return _first_after(ments, i, hi)
    if ks & _ADOPT:
        m = _first_after(ments, i, hi)
        if m is not None:
            # the object after the subject, or before it (تبنى بعضها تنظيم داعش)
            return m if _attack_at(tokens, m.token_end, hi) or _attack_at(tokens, i + 1, hi) else None
        return _right_before(ments, i) if _attack_at(tokens, i + 1, hi) else None
    if ks & _ANNOUNCE:
        resp = next((j for j in range(i + 1, min(i + 2 + _GAP, hi))
                     if readings(tokens[j]) & _RESPONSIBILITY), None)
        about = next((j for j in range(resp + 1, min(resp + 4, hi)) if readings(tokens[j]) & _ABOUT), None) \
            if resp is not None else None
        if about is None or not _attack_at(tokens, about + 1, hi):
            return None
        return next((m for m in ments if i < m.token_start and m.token_end <= resp and not m.locative),
                    None) or _right_before(ments, i)
    if ks & _ASCRIBE:
        to = next((j for j in range(i + 1, min(i + 2 + _GAP, hi)) if readings(tokens[j]) & _TO), None)
        return _first_after(ments, to, hi, 1) if to is not None else None
    if ks & _STAND and i + 1 < hi and readings(tokens[i + 1]) & _BEHIND and _attack_at(tokens, i + 2, hi):
        return _right_before(ments, i)
    return None


def claimer(tokens: list[Token], ments: list[ActorMention], lo: int, hi: int,
            head: int | None = None, near: int | None = None) -> ActorMention | None:
    """The actor that claims an act, or is said to be behind it, in tokens ``[lo, hi)``: of the
    claim constructions there, the one nearest token ``near`` (the attack's trigger), else the
    first (``head``: look only at claim verbs among the first ``head`` tokens, for the sentence
    after the attack: وتبنى تنظيم داعش الهجوم).  Two claims in one sentence are two attacks:
    إعلان حزب العمال مسؤوليته عن قتلهما ردا على هجوم … نسب إلى تنظيم داعش."""
    end = hi if head is None else min(hi, lo + head)
    words = " ".join([t.norm for t in tokens[lo:hi]])  # a stem is in a word iff in the joined words
    if not any(stem in words for stem in _CLAIM_STEMS):
        return None
    inside = [m for m in ments if lo <= m.token_start < hi]
    found = [(i, m) for i in range(lo, end) if (m := _claim_at(tokens, inside, i, hi)) is not None]
    if not found:
        return None
    if near is None:
        return found[0][1]
    return min(found, key=lambda im: abs(im[0] - near))[1]
