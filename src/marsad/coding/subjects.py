"""Subjects a clause does not name as an actor, for the clause heuristics (:mod:`marsad.coding.arguments`).

* the speaker of a sentence (قال X إن…), never whom it is said to (لنظيره الأمريكي);
* a verb whose subject is a statement (ودعا البيان الحكومة…، أن المذكرة طالبت…: the issuer acts) or
  the pronoun of a complementizer (أعلنت الوزارة أنها اعتقلت…: the frame's subject acts), so that
  the actor after the verb is its object, never its subject (:func:`unnamed_subject`,
  :func:`frame_subject`);
* a dual verb (بحثا، اتفقا), whose subject is two parties;
* an indefinite act with a relative clause without الذي/التي (هجمات يشنها التنظيم: :func:`unmarked_doer`);
* actors a preposition or a possessed noun governs, which are never subjects (:func:`governed`).
"""

from __future__ import annotations

from marsad.coding.clause_words import (
    BOUNDARY_PUNCT,
    DOER_AUX,
    LATELY,
    PRONOUN_COMPS,
    STATEMENT_NOUNS,
    TIME_WORDS,
    VERB_LEADS,
    VERB_PREPS,
    is_doer_verb,
    is_speech_verb,
    possessed,
)
from marsad.coding.conjuncts import mention_prefix
from marsad.coding.lexicon import TriggerMatch
from marsad.document import ActorMention, Token
from marsad.text.tokens import reads

# Words between a speech verb and an actor that open what is said: the actor is not the speaker.
OPENERS = frozenset({"ان", "انه", "انها", "انهم", "بان", "الي", "علي"})


def speaker(tokens: list[Token], ments: list[ActorMention], lo: int, at: int) -> ActorMention | None:
    """The subject of a speech verb before token ``at`` in the sentence (قال X إن…)."""
    for m in reversed([m for m in ments if lo <= m.token_start < at]):
        if governed(tokens, m):
            continue  # whom it is said to (وقال لافروف لنظيره الأمريكي إن…), never the speaker
        k = max(lo, m.token_start - 3)
        for v in range(m.token_start - 1, k - 1, -1):
            if tokens[v].key in OPENERS:
                break  # وأضاف أن الحوثيين…: the actor after أن is the inner clause's, not the speaker
            if is_speech_verb(tokens[v]):
                return m
    return None


def governed(tokens: list[Token], m: ActorMention) -> bool:
    """Is ``m`` introduced by a preposition (مع إيران، في سوريا، لإيران) or owned by a thing (السياسات
    الإيرانية), so that it cannot be a subject?"""
    prev = tokens[m.token_start - 1].key if m.token_start else ""
    return prev in VERB_PREPS or possessed(tokens, m) or clitic_prep(tokens, m) or governed_adjective(tokens, m)


def governed_adjective(tokens: list[Token], m: ActorMention) -> bool:
    """Is ``m`` a lone nisba adjective whose noun a preposition governs (ندد بالجرائم الإسرائيلية،
    احتج على السياسات الأمريكية): the owner of an object, never a subject?"""
    if m.kind != "demonym" or m.token_end - m.token_start != 1 or m.token_start < 1:
        return False
    head = tokens[m.token_start - 1]
    return head.prefix.lstrip("وف")[:1] in {"ب", "ل"} or (
        m.token_start >= 2 and tokens[m.token_start - 2].key in VERB_PREPS)


def clitic_prep(tokens: list[Token], m: ActorMention) -> bool:
    """Does the mention's first word carry the preposition ل or ب (لإيران، بالحكومة، وللأمم)?"""
    return mention_prefix(tokens, m).lstrip("وف")[:1] in {"ل", "ب"}


def unnamed_subject(tokens: list[Token], cs: int, verb: int) -> str:
    """Is the subject of the verb at ``verb`` (its clause starting at ``cs``) a pronoun carried by
    the complementizer before it (أنها تعتزم، إنه سيزور، بأنهم رفضوا: "pronoun") or a statement
    named right after or before it (ودعا البيان، وأضاف البيان الختامي، أن المذكرة طالبت: "statement")?
    Else ""."""
    j = verb + 1
    while j < len(tokens) and tokens[j].key in TIME_WORDS:
        j += 1
    if j < len(tokens) and _statement(tokens[j]):
        return "statement"
    k = verb - 1
    while k >= cs and tokens[k].key in VERB_LEADS:
        k -= 1
    if k >= 0 and _statement(tokens[k]) and (k == cs or k == cs + 1 and tokens[cs].norm in {"و", "ف"}):
        return "statement"
    if k >= 0 and reads(tokens[k], PRONOUN_COMPS):
        return "pronoun"
    return ""


def _statement(tok: Token) -> bool:
    """A definite statement or document noun (البيان، والرسالة، المذكرة)."""
    return tok.prefix in {"ال", "وال", "فال"} and tok.key in STATEMENT_NOUNS


def dual_verb(tok: Token) -> bool:
    """A verb in the dual (بحثا، اتفقا، وقعا): its subject is two parties, not the first clause's one."""
    return len(tok.key) >= 4 and tok.key.endswith("ا") and not tok.key.endswith("وا")


def frame_subject(tokens: list[Token], ments: list[ActorMention], lo: int, at: int) -> ActorMention | None:
    """The subject of the clause that frames the one starting at ``at`` (أعلنت وزارة الخارجية أنها…):
    the speaker before it, else the sentence's first actor before it that no preposition or noun
    governs."""
    spk = speaker(tokens, ments, lo, at)
    if spk is not None:
        return spk
    return next((m for m in ments if lo <= m.token_start and m.token_end <= at and not governed(tokens, m)), None)


def unmarked_doer(tm: TriggerMatch, tokens: list[Token], after: list[ActorMention]) -> ActorMention | None:
    """An indefinite act takes its relative clause without الذي/التي (هجمات يشنها التنظيم، غارات
    عنيفة شنها طيران التحالف): the actor right after a verb of carrying out with a pronoun for the
    act, one indefinite adjective allowed between."""
    if tokens[tm.end - 1].norm.startswith("ال") or "ال" in tokens[tm.end - 1].prefix:
        return None
    i = tm.end
    if i < len(tokens) and not is_doer_verb(tokens, i) and not tokens[i].norm.startswith("ال") \
            and tokens[i].norm not in BOUNDARY_PUNCT and all(m.token_start != i for m in after):
        i += 1  # an adjective (غارات عنيفة شنها)
    if i >= len(tokens) or not is_doer_verb(tokens, i):
        return None
    j = i + 1 + (tokens[i].key in DOER_AUX)
    while j < len(tokens) and tokens[j].key in LATELY:
        j += 1
    return next((m for m in after if m.token_start == j), None)


def opens_without_subject(tokens: list[Token], ments: list[ActorMention], lo: int, at: int) -> bool:
    """Does the sentence starting at ``lo`` open with a speech verb that no actor follows (وأضاف أن…،
    وأشار إلى أن…; time words may stand between), before token ``at``?"""
    i = lo
    while i < at and (tokens[i].norm in BOUNDARY_PUNCT or tokens[i].norm in {"و", "ف"} or tokens[i].key in VERB_LEADS):
        i += 1
    if i >= at or not is_speech_verb(tokens[i]):
        return False
    j = i + 1
    while j < at and tokens[j].key in TIME_WORDS:
        j += 1
    return not any(m.token_start == j for m in ments)
