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

The antecedent is the role, not the place it is posted to (مبعوث الأمم المتحدة إلى اليمن الذي زار
الرياض، سفير المملكة لدى الأردن الذي التقى…), and a pronoun that agrees with a role noun rather than
with the body named after it still has that body's actor (مفوضة السياسة الخارجية بالاتحاد الأوروبي
التي زارت إيران، رئيسة البرلمان الأوروبي التي التقت).  A verb after the relative clause has the same
antecedent for its subject (المنسق الخاص للأمم المتحدة الذي زار غزة قد دعا إسرائيل): the actor named
last before it belongs to the relative clause (:func:`subject_before_relative`).

When the verb carries the pronoun for the antecedent (الحوثيين الذين تتهمهم الرياض بتلقي الدعم من طهران،
الوفد الذي استقبله الرئيس) the antecedent is its object, the actor after it its subject
(:func:`relative_object`): the argument finder makes the antecedent the target, never the source.
"""

from __future__ import annotations

from marsad.actors.coref import PERSON_TITLES
from marsad.coding.agreement import mention_gender, verb_gender
from marsad.coding.clause_words import VERB_PARTICLES, is_doer_verb
from marsad.coding.lexicon import TriggerMatch
from marsad.document import ActorMention, Token
from marsad.text.tokens import RESUMPTIVE_PREPS, candidates

# Relative pronoun → the pronoun suffix that stands for its antecedent, and the verb's gender
# ("p": a plural verb, يطالبون، رحبوا).
RESUMPTIVE = {
    "الذي": ("ه", "m"), "التي": ("ها", "f"), "الذين": ("هم", "p"),
    "اللذين": ("هما", ""), "اللذان": ("هما", ""), "اللتين": ("هما", ""), "اللتان": ("هما", ""),
}
PLURAL_ENDS = ("وا", "ون", "وه", "وها", "وهم")
OTHER = {"m": "f", "f": "m"}  # the gender a mention must not have for الذي / التي
# Words before a state that say where a role is posted (مبعوث الأمم المتحدة إلى اليمن، سفير مصر لدى
# الأردن), and the role nouns (keys, masculine form) whose body a relative pronoun may pass over.
POSTED_TO = frozenset({"الي", "لدي"})
ROLE_HEADS = PERSON_TITLES | {"مفوض", "ممثل", "منسق", "مسوول"}
TITLE_REACH = 4  # words between a role noun and its body (الممثلة العليا للاتحاد، مفوضة السياسة الخارجية بالاتحاد)


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
    return _antecedent(tokens, ments, cs, gender)


# Relative pronoun → the object pronoun on its clause's verb that stands for the antecedent (الذين تتهمهم،
# اللواتي اعتقلهن); the feminine plural pronouns open no subject relative here (RESUMPTIVE).
OBJECT_PRONOUN = {**{rel: suffix for rel, (suffix, _) in RESUMPTIVE.items()}, "اللواتي": "هن", "اللاتي": "هن"}


def relative_object(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention], cs: int,
                    verb: int, subjectless: bool = False) -> ActorMention | None:
    """The antecedent of the relative clause that trigger ``tm`` (a verb at token ``verb``, its clause
    starting at ``cs``) opens, when the verb carries the pronoun that stands for it: the antecedent is the
    verb's object, its subject the actor after it (الحوثيين الذين تتهمهم الرياض بتلقي الدعم من طهران: Riyadh
    accuses the Houthis, not Tehran; تنظيم داعش الذي تحاربه القوات العراقية، الوزيرة التي استقبلها الملك).
    The pronoun must be the relative pronoun's (هم after الذين، ها after التي, ه after الذي) and end a form
    of the trigger's verb (تتهم + هم، استقبل + ها، التقا + ه for التقى): a verb whose own last letters read
    as a suffix (نبه، وجه) is not taken, nor a verb of carrying out, whose pronoun is the act's (غارات
    الطائرات بدون طيار التي تشنها الولايات المتحدة).  None otherwise, also for a pronoun on a preposition
    after the verb (المناطق التي يسيطر عليها الحوثيون).  With no subject after the verb (``subjectless``) the
    verb must not agree with the relative pronoun (الذين احتجزتهم، التي اتهمها، الذي حاصروه): one that agrees
    may have the antecedent for its subject and the pronoun for another (أردوغان الذي يتهمه بتقديم الدعم
    لـ…: Erdogan accuses him)."""
    if cs < 1 or (suffix := OBJECT_PRONOUN.get(tokens[cs - 1].norm)) is None or verb >= tm.end:
        return None
    if any(t.key not in VERB_PARTICLES for t in tokens[cs:verb]) or is_doer_verb(tokens, verb):
        return None  # قد، لم، لا… may stand between; غارات الطائرات التي شنتها: the pronoun is the act's
    at = verb - tm.start
    forms = tm.pattern.words[at] if at < len(tm.pattern.words) else None
    if not isinstance(forms, frozenset) or not any(
            word.endswith(suffix) and len(word) - len(suffix) >= 3 and _verb_form(word[: -len(suffix)], forms)
            for _, word in candidates(tokens[verb].norm)):
        return None
    gender = RESUMPTIVE.get(tokens[cs - 1].norm, ("", ""))[1]
    if subjectless and (not gender or _agrees(tm, tokens, verb, gender)):
        return None
    return _antecedent(tokens, ments, cs, gender)


def _verb_form(stem: str, forms: frozenset[str]) -> bool:
    """Is ``stem`` one of the verb ``forms``, its ى written ا before the suffix (التقاه → التقى)?"""
    return stem in forms or stem.endswith("ا") and stem[:-1] + "ي" in forms


def subject_before_relative(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention], cs: int,
                            verb: int, last: ActorMention) -> ActorMention | None:
    """The subject of a verb whose nearest actor before it, ``last``, stands in a relative clause on the
    verb's subject (المنسق الخاص للأمم المتحدة الذي زار غزة قد دعا إسرائيل، موغيريني التي زارت إيران
    أمس أشادت بالاتفاق، الوزراء الذين التقوا الرئيس المصري أكدوا): the relative pronoun opens the verb's
    clause (``cs``), ``last`` stands inside that clause, and the trigger verb agrees with the pronoun
    and is no verbal noun of purpose; then the relative clause's antecedent is the subject.  None
    otherwise (the clause rules keep ``last``)."""
    if cs < 1 or (rel := RESUMPTIVE.get(tokens[cs - 1].norm)) is None or last.token_start <= cs:
        return None
    gender = rel[1]
    if not gender or tokens[verb].prefix.lstrip("وف")[:1] in ("ل", "ب") or not _agrees(tm, tokens, verb, gender):
        return None  # للوقوف إلى جانب: a verbal noun of purpose, not the main verb
    return _antecedent(tokens, ments, cs, gender)


def _antecedent(tokens: list[Token], ments: list[ActorMention], cs: int, gender: str) -> ActorMention | None:
    """The actor the relative pronoun before token ``cs`` stands for: the mention right before it (a
    comma may stand between), or the role it is posted from (:func:`_posted_from`); None when its
    gender clashes with the pronoun's and no role noun of the pronoun's gender heads it (سياسة الحزب
    التي تطالب: the policy's التي, not the party's; :func:`_title_of`)."""
    at = cs - 1 - (cs >= 2 and tokens[cs - 2].norm == ",")
    ante = _posted_from(tokens, ments, next((m for m in ments if m.token_end == at), None))
    if ante is None or (gender in OTHER and ante.kind != "person" and mention_gender(ante, tokens) == OTHER[gender]
                        and not _title_of(tokens, ante, gender)):
        return None
    return ante


def _posted_from(tokens: list[Token], ments: list[ActorMention], ante: ActorMention | None) -> ActorMention | None:
    """The antecedent when the actor before the relative pronoun is where a role is posted (مبعوث الأمم
    المتحدة إلى اليمن الذي زار الرياض، سفير المملكة لدى الأردن الذي التقى…): the role before إلى / لدى,
    not the state after it."""
    if ante is None or ante.token_start < 2 or tokens[ante.token_start - 1].norm not in POSTED_TO:
        return ante
    role = next((m for m in ments if m.token_end == ante.token_start - 1), None)
    if role is None or not any(k in ROLE_HEADS for _, k in candidates(tokens[role.token_start].norm)):
        return ante
    return role


def _title_of(tokens: list[Token], ante: ActorMention, gender: str) -> bool:
    """Is ``ante`` the body of a role noun of the relative pronoun's gender before it, which the pronoun
    agrees with: introduced by لـ / بـ a few words after the role (المنسق الخاص للأمم المتحدة الذي زار
    غزة، مفوضة السياسة الخارجية بالاتحاد الأوروبي التي زارت إيران، الممثلة العليا للاتحاد الأوروبي
    التي التقت…) or its genitive right after it (رئيسة البرلمان الأوروبي التي التقت…)?"""
    prefix = tokens[ante.token_start].prefix.lstrip("وف")
    construct = prefix in ("", "ال")  # رئيسة البرلمان الأوروبي التي: the role right before
    if not construct and prefix[:1] not in ("ل", "ب"):
        return False
    for tok in tokens[max(0, ante.token_start - (1 if construct else TITLE_REACH)):ante.token_start]:
        for _, key in candidates(tok.norm):
            head = key[:-1] if key.endswith("ه") else key
            if head in ROLE_HEADS and ("f" if key.endswith("ه") else "m") == gender:
                return True
    return False


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
    return after is not None and any(w == p + suffix for p in RESUMPTIVE_PREPS for w in (after.key, after.norm))


def _agrees(tm: TriggerMatch, tokens: list[Token], verb: int, gender: str) -> bool:
    """Can the verb take the relative pronoun's antecedent as its subject (gender, number)?"""
    if gender == "p":
        return tokens[verb].key.endswith(PLURAL_ENDS)
    if verb != tm.start or not gender:
        return True
    found = verb_gender(tokens, verb, tm.pattern.words[0])
    return found is None or found == gender


# The leader of a body named right after it (قوات التحالف بقيادة المملكة، التحالف الذي تقوده السعودية، الوفد
# برئاسة الوزير): the noun with ب, or a verb of leading with the body's pronoun after الذي / التي.
LEAD_NOUNS = frozenset({"بقياده", "برياسه", "بزعامه"})
LEAD_VERBS = frozenset(f"{p}{stem}{suf}" for p in ("ي", "ت") for stem in ("قود", "تزعم", "راس", "تراس")
                       for suf in ("ه", "ها", "هم"))
LEAD_REACH = 3  # words (the body's adjectives: التحالف العربي) between the body and its leader's phrase


def led_by(tokens: list[Token], body: ActorMention, m: ActorMention) -> bool:
    """Is ``m`` the leader named right after ``body`` (قوات التحالف بقيادة المملكة، طيران التحالف العربي الذي
    تقوده المملكة)?  The phrase describes the body, the act's doer: its leader is no object of the act
    (وهاجمت قوات التحالف بقيادة المملكة مواقع الحوثيين: the Houthis are hit, not the Kingdom)."""
    start = m.token_start
    if start <= body.token_start or start - body.token_end > LEAD_REACH + 2:
        return False
    if tokens[start].norm.lstrip("و") in LEAD_NOUNS:  # the mention holds the noun (قيادة المملكة)
        lead = start
    elif start >= 1 and tokens[start - 1].norm.lstrip("و") in LEAD_NOUNS:
        lead = start - 1
    elif start >= 2 and tokens[start - 1].norm in LEAD_VERBS and tokens[start - 2].norm in RESUMPTIVE:
        lead = start - 2
    else:
        return False
    return body.token_end <= lead and lead - body.token_end <= LEAD_REACH and all(
        t.norm[:1].isalpha() for t in tokens[body.token_end:lead])
