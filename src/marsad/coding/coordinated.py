"""Speech-act verbs whose object the clause order hides: a verb joined by و to an earlier clause with an
object pronoun on it, and a passive spelled like the active with its doer after من قبل / على يد.

* استدعت الخارجية البحرينية القائم بالأعمال الإيراني وطالبته بالكف عن التدخل: the verb opens no clause of
  its own; it keeps the subject of the sentence's first clause (Bahrain), and its pronoun is the actor named
  last (the Iranian chargé), not the subject of an SVO clause (:func:`coordinated_object`).
* واتُّهمت روسيا من قبل الولايات المتحدة بانتهاك المعاهدة: the actor after the verb is acted upon, the one
  after the agent phrase acts (:func:`speech_passive_agent`; the material acts' passives are
  :mod:`marsad.coding.voice`'s).

Read by :func:`marsad.coding.arguments.find_args`.
"""

from __future__ import annotations

from marsad.coding.clause_words import agent_phrase_start
from marsad.coding.cue_data import COMPLEMENTIZERS
from marsad.coding.lexicon import TriggerMatch
from marsad.coding.subjects import governed
from marsad.coding.voice import suffixed_masdar
from marsad.document import ActorMention, Token
from marsad.text.tokens import THIRD_PERSON_SUFFIXES

# Roots said rather than done (appeal, demand, disapprove, reject, threaten).
SPEECH_ACT_ROOTS = frozenset({"02", "10", "11", "12", "13"})


# Words that may stand between a passive verb's subject and the agent phrase (اتُّهمت روسيا أمس من قبل…).
SPEECH_AGENT_REACH = 2


def speech_passive_agent(tokens: list[Token], subject: ActorMention,
                         rest: list[ActorMention]) -> ActorMention | None:
    """The doer named by an agent phrase (من قبل، على يد) right after the actor that follows a verb: the
    verb is then a passive spelled like its active form (اتُّهمت روسيا من قبل الولايات المتحدة، أُدين الهجوم
    من قبل الأمين العام), the actor after it its target (the material acts: :mod:`marsad.coding.voice`).  At most :data:`SPEECH_AGENT_REACH` words between."""
    for m in rest:
        start = agent_phrase_start(tokens, m.token_start)
        if start is not None and 0 <= start - subject.token_end <= SPEECH_AGENT_REACH:
            return m
    return None


def coordinated_object(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention],
                       lo: int) -> tuple[ActorMention, ActorMention] | None:
    """The subject and object of a speech-act verb joined by و/ف to an earlier clause of its sentence,
    with an object pronoun on it (استدعت الخارجية القائم بالأعمال الإيراني وطالبته بـ، انتقد الجبير السياسة
    الإيرانية واتهمها بـ): the subject of the sentence's first clause (after a complementizer, that of the
    complement) and the actor named last before the verb, to which the pronoun refers, when it is of
    another state than that subject and no preposition or noun governs it."""
    if tm.pattern.cameo[:2] not in SPEECH_ACT_ROOTS or tm.pattern.flags & {"noun", "passive", "stance"} \
            or not conjoined_suffixed(tm, tokens[tm.start]):
        return None
    start = next((i + 1 for i in range(tm.start - 1, lo - 1, -1) if tokens[i].key in COMPLEMENTIZERS), lo)  # قال إن…: the complement's own subject acts
    subject = next((m for m in ments if start <= m.token_start and m.token_end <= tm.start
                    and not governed(tokens, m)), None)
    if subject is None or tm.start - subject.token_start > SUBJECT_REACH:
        return None  # far back, many clauses may stand between (أن القدس بحاجة … وبقوة الاحتلال، وتدعوها)
    last = next((m for m in reversed(ments) if m.token_end <= tm.start and m.token_start >= lo), None)
    if last is None or last.code == subject.code or governed(tokens, last):
        # the subject's own state: the clause heuristics take it; an actor owned by a noun or after a
        # preposition (وبقوة وجبروت الاحتلال، وتدعوها) is seldom what the pronoun stands for
        return None
    return subject, last


# How many words before the verb the first clause's subject may stand (…القائم بالأعمال الإيراني وطالبته:
# five; انتقد وزير الخارجية السعودي عادل الجبير السياسة الإيرانية في المنطقة، واتهمها: ten).
SUBJECT_REACH = 15



def conjoined_suffixed(tm: TriggerMatch, tok: Token) -> bool:
    """Does the trigger's verb carry the conjunction و/ف and an object pronoun (وطالبته، واتهمها، فحثهم), not a
    verbal noun with a possessive (وشجبها)?"""
    slot = tm.pattern.words[0]
    if tok.prefix or tok.norm[:1] not in ("و", "ف") or suffixed_masdar(tok):
        return False
    word = tok.norm[1:]
    for suf in THIRD_PERSON_SUFFIXES:
        stem = word[: -len(suf)]
        if word.endswith(suf) and stem in slot:
            # ه is also ة written without its dots (ورافضة، وطالبة): only after a verb ending
            # (طالبته، طالبوه، دعاه) or on a present form (ويطالبه)
            return suf != "ه" or stem.endswith(("ت", "و", "ا")) or (stem[:1] in ("ي", "ت") and len(stem) > 3)
    return False
