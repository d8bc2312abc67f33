"""The subject of a verb that opens a relative clause on an actor.

In «المبعوث الأممي الذي زار الرياض», «الدول التي رحبت بالاتفاق» or «روحاني، الذي التقى الوزير
الألماني» the actor right before الذي / التي / الذين (a comma may stand between) does what the verb
says, and the actor after the verb is its object; the verb-first rule of
:mod:`marsad.coding.arguments` would take that object for the subject.  The antecedent is *not* the
subject when a pronoun for it stands on the verb or on a preposition right after it (الغارات التي
شنتها الطائرات، المناطق التي يسيطر عليها الحوثيون: the actor after the verb acts), when the verb's
gender or number does not agree with the relative pronoun (التي يحاصر: a masculine verb), or when the
mention before الذي / التي is not what the pronoun agrees with (سياسة الحزب التي تطالب: the policy's
التي, not the party's).  A passive verb's antecedent is what the act is done to (the argument finder
swaps it to the target).
"""

from __future__ import annotations

from marsad.coding.agreement import mention_gender, verb_gender
from marsad.coding.clause_words import VERB_PARTICLES
from marsad.coding.lexicon import TriggerMatch
from marsad.document import ActorMention, Token

# Relative pronoun → the pronoun suffix that stands for its antecedent, and the verb's gender
# ("p": a plural verb, يطالبون، رحبوا).
RESUMPTIVE = {
    "الذي": ("ه", "m"), "التي": ("ها", "f"), "الذين": ("هم", "p"),
    "اللذين": ("هما", ""), "اللذان": ("هما", ""), "اللتين": ("هما", ""), "اللتان": ("هما", ""),
}
# Prepositions that take the antecedent's pronoun right after the verb (يسيطر عليها، تعمل فيه).
PREPS = ("علي", "الي", "في", "من", "عن", "مع", "ب", "ل", "لدي", "ضد", "حول", "تجاه", "امام", "بين")
PLURAL_ENDS = ("وا", "ون", "وه", "وها", "وهم")
OTHER = {"m": "f", "f": "m"}  # the gender a mention must not have for الذي / التي


def relative_subject(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention], cs: int,
                     verb: int) -> ActorMention | None:
    """The antecedent of the relative clause that trigger ``tm`` (a verb at token ``verb``, its clause
    starting at ``cs``) opens, when it is the verb's subject (see the module docstring)."""
    if cs < 1 or (rel := RESUMPTIVE.get(tokens[cs - 1].norm)) is None:
        return None
    if any(t.key not in VERB_PARTICLES for t in tokens[cs:verb]):  # قد، لم، لا… may stand between
        return None
    suffix, gender = rel
    if _resumed(tm, tokens, verb, suffix) or not _agrees(tm, tokens, verb, gender):
        return None
    at = cs - 1 - (cs >= 2 and tokens[cs - 2].norm == ",")
    ante = next((m for m in ments if m.token_end == at), None)
    if ante is None or (gender in OTHER and ante.kind != "person" and mention_gender(ante, tokens) == OTHER[gender]):
        return None  # سياسة الحزب التي تطالب
    return ante


def _resumed(tm: TriggerMatch, tokens: list[Token], verb: int, suffix: str) -> bool:
    """Does a pronoun for the antecedent stand on the verb or on a preposition right after it?  A verb
    the lexicon matched without its object pronoun counts whatever the pronoun (الحوثيون الذين استقبلوه:
    the visitor is named before, which the clause rules look for); otherwise ها، هم، هما on the verb (not
    ه, which ends many words).  A later noun's pronoun may be the antecedent's or the outer clause's
    (نقلت عن المتحدثة التي انتقدت الحكومة قولها), so it does not count."""
    word = tokens[verb].norm
    if (tm.suffixed and tm.end - 1 == verb) or (word.endswith(suffix) and len(word) - len(suffix) >= 3
                                                 and suffix != "ه"):
        return True
    after = tokens[verb + 1] if verb + 1 < len(tokens) else None
    return after is not None and any(w == p + suffix for p in PREPS for w in (after.key, after.norm))


def _agrees(tm: TriggerMatch, tokens: list[Token], verb: int, gender: str) -> bool:
    """Can the verb take the relative pronoun's antecedent as its subject (gender, number)?"""
    if gender == "p":
        return tokens[verb].key.endswith(PLURAL_ENDS)
    if verb != tm.start or not gender:
        return True
    found = verb_gender(tokens, verb, tm.pattern.words[0])
    return found is None or found == gender
