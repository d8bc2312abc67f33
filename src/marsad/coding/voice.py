"""The voice of a trigger and the pronoun on its verb, for the argument finder
(:mod:`marsad.coding.arguments`).

Undiacritized news spells most passives like the active verb (اعتُقل = اعتقل، أُفرج عن = أفرج عن):

* an agent phrase after a material act's verb that opens its clause makes it a passive, whose doer the
  phrase names (اعتُقل عشرون فلسطينيا على يد قوات الاحتلال): :func:`unmarked_passive_agent`;
* a verbal noun after تم / جرى is a passive whose genitive undergoes the act (تم اعتقال الصحفي): the
  genitive is the target, not the doer: :func:`after_tamma`;
* a verb whose pattern ends with its preposition right after it (أفرج ~ عن read on أُفرج عن) has no
  subject between them: the actor after the preposition is its object: :func:`ends_with_prep`;
* a verb carrying an object pronoun (اعتقلتهم، احتجزتهم) right after an indefinite actor opens a
  relative clause on it: the actor is its object, and its subject stands after it or was dropped
  (صيادين فلسطينيين اعتقلتهم البحرية الإسرائيلية، بحارة بريطانيين احتجزتهم): :func:`suffixed_verb`,
  :func:`indefinite`.
"""

from __future__ import annotations

from marsad.coding.clause_words import MASDAR_SHAPE, NAMED_KINDS, VERB_PREPS, agent_phrase_start
from marsad.coding.doers import is_masdar
from marsad.coding.lexicon import TriggerMatch
from marsad.document import ActorMention, Document, Token
from marsad.text.tokens import THIRD_PERSON_SUFFIXES, candidates

TAMMA = frozenset({"تم", "يتم", "جري", "يجري", "تمت"})
# Roots whose verbal noun after تم takes what the act is done to as its genitive (تم اعتقال الصحفي، تم استدعاء السفير،
# تم طرد السفير); not aid or posture, whose genitive is often the giver's (تم إرسال مساعدات سعودية).
PATIENT_ROOTS = frozenset({"08", "11", "16", "17", "18", "19", "20"})
# Roots of material acts whose passive (اعتُقل، قُتل، أُفرج عن، رُحّل، أُرسلت) is spelled like the active verb.
UNMARKED_PASSIVE_ROOTS = frozenset({"07", "08", "15", "16", "17", "18", "19", "20"})
AGENT_REACH = 8  # tokens between a verb and the agent phrase of its passive reading
# Roots whose verb + preposition pattern takes its object after the preposition (أُفرج عن الصيادين).
PREP_OBJECT_ROOTS = frozenset({"08"})


def after_tamma(tm: TriggerMatch, tokens: list[Token]) -> bool:
    """Is the trigger a verbal noun right after تم / يتم / جرى / يجري (the passive periphrasis: تم
    ترحيل اللاجئين "the refugees were deported")?"""
    return tm.start >= 1 and tokens[tm.start - 1].key in TAMMA and tm.pattern.cameo[:2] in PATIENT_ROOTS \
        and not tm.pattern.flags & {"passive", "sym", "notarget"}


def nisba_on(tokens: list[Token], tm: TriggerMatch, m: ActorMention) -> bool:
    """Is ``m`` a lone nisba adjective on the trigger's words (تم شن غارات سعودية: the doer's)?"""
    return m.kind == "demonym" and m.token_end - m.token_start == 1 and tm.start < m.token_start <= tm.end \
        and tokens[m.token_start].key.endswith(("ي", "يه"))


def unmarked_passive_agent(tm: TriggerMatch, tokens: list[Token], after: list[ActorMention], clause_end: int,
                           initial: bool, subject: ActorMention | None) -> ActorMention | None:
    """The doer of a material act whose verb opens its clause and is read as a passive because an agent
    phrase (من قبل، على يد، على أيدي، بأيدي، بواسطة) names an actor after it in the clause (اعتُقل
    عشرون فلسطينيا على يد قوات الاحتلال، رُحّل اللاجئون من قبل السلطات); None when the pattern is
    passive or nominal already, or the subject was found before the verb."""
    if tm.pattern.cameo[:2] not in UNMARKED_PASSIVE_ROOTS or tm.pattern.flags & {"noun", "passive", "sym"} \
            or is_masdar(tm, tokens) or not initial:
        return None
    if subject is not None and subject.token_start < tm.start:
        return None
    for m in after:
        if m.token_start >= clause_end or m.token_start - tm.end > AGENT_REACH:
            return None
        if m is not subject and agent_phrase_start(tokens, m.token_start) is not None:
            return m
    return None


def ends_with_prep(tm: TriggerMatch, tokens: list[Token], verb: int) -> bool:
    """Does a release verb's trigger end with its preposition right after the verb (أفرج ~ عن matching
    أُفرج عن)?  Its subject would stand between them, so the actor after the preposition is the one
    released, not the releaser.  Only yielding (08, :data:`PREP_OBJECT_ROOTS`): on other roots the rule
    (سيطروا على صنعاء، اعتدى على) left the subject to the topic and scored no better in CV."""
    return tm.end - 1 == verb + 1 and tokens[verb + 1].key in VERB_PREPS and not is_masdar(tm, tokens) \
        and tm.pattern.cameo[:2] in PREP_OBJECT_ROOTS and "stance" not in tm.pattern.flags


def indefinite(tokens: list[Token], m: ActorMention) -> bool:
    """Is ``m`` an indefinite noun phrase (بحارة بريطانيين، ثلاثة صيادين), not a name nor a noun with the
    article?"""
    return m.kind not in NAMED_KINDS and m.kind != "group" \
        and "ال" not in tokens[m.token_start].prefix and not tokens[m.token_start].norm.startswith("ال")


def noun_proclitic(tm: TriggerMatch, tok: Token) -> bool:
    """Does the one-word trigger, matched without its pronoun suffix, read only behind ب or ل, which
    no verb takes (لغزوها أوكرانيا: a verbal noun with its doer's pronoun)?"""
    if not tm.suffixed:
        return False
    word = tok.norm
    stem = next((word[: -len(suf)] for suf in THIRD_PERSON_SUFFIXES if word.endswith(suf)), word)
    first = tm.pattern.words[0]
    found = next((p for p, k in candidates(stem) if k in first), "")
    return found.lstrip("وف")[:1] in {"ب", "ل"}


def suffixed_verb(tm: TriggerMatch, tokens: list[Token], verb: int) -> bool:
    """Does the verbal trigger (one word) carry an object pronoun: ها، هم، هما on a verb of three letters
    or more (اعتقلتهم، أطلقوا سراحها; not ه, which ends many words), or a suffix the lexicon matched
    without?  Verbal nouns are left out (اعتقالهم: the pronoun is their genitive)."""
    if tm.end - tm.start != 1 or verb != tm.start or is_masdar(tm, tokens) or suffixed_masdar(tokens[verb]) \
            or noun_proclitic(tm, tokens[verb]):
        return False
    word = tokens[verb].key
    return tm.suffixed or any(word.endswith(suf) and len(word) - len(suf) >= 3 for suf in ("ها", "هم", "هما"))


def suffixed_masdar(tok: Token) -> bool:
    """A verbal noun with a pronoun suffix (اجتياحهم، استهدافها), which no verb form has."""
    word = tok.norm[1:] if tok.norm[:1] in {"و", "ف"} else tok.norm
    return any(word.endswith(suf) and bool(MASDAR_SHAPE.match(word[: -len(suf)])) for suf in THIRD_PERSON_SUFFIXES)


def own_doer(doc: Document, tok: Token) -> bool:
    """Is the word a verbal noun with a pronoun suffix (وتقديره، ترحيبها), not a noun whose ta marbuta
    reads like the suffix once normalized (استضافة → استضافه)?"""
    return suffixed_masdar(tok) and not ta_marbuta(doc, tok)


def ta_marbuta(doc: Document, tok: Token) -> bool:
    """Does the word end in ta marbuta in the raw text (a noun: دعوة، مطالبة), which normalization
    writes as ه, the pronoun suffix of verbs and verbal nouns (دعاه، تقديره)?"""
    return TA_MARBUTA in doc.span(tok.start, tok.end).text[-2:]


TA_MARBUTA = "ة"
