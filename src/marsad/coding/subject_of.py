"""The subject of a trigger from the clause around it (:func:`subject_of`): a nominal trigger's doer after it,
in its own relative clause or right before it; a verb's by VSO/SVO order, its gap, a participle's main clause,
a relative clause on an actor, a first-person verb's speaker, or the subject of an earlier clause it shares;
and the mentions left over for its objects.  Read by :func:`marsad.coding.arguments.find_args`, whose docstring
tells the heuristics in full.
"""

from __future__ import annotations

from marsad.coding.agreement import VERB_PLURALS
from marsad.coding.clause_frame import ClauseFrame, clause_initial, oblique_after, verb_object
from marsad.coding.clause_words import (
    DOER_AUX,
    LATELY,
    OBJ_SUFFIXES,
    OBJECT_PREPS,
    TIME_WORDS,
    VERB_PREPS,
    is_doer_verb,
    is_participle,
    possessed_noun,
    span_words,
    titled_body,
)
from marsad.coding.conjuncts import conjoined
from marsad.coding.coordinated import coordinated_object
from marsad.coding.doers import is_masdar, visited_genitive
from marsad.coding.dropped import object_by_frame, object_by_gender, object_by_number, subjunctive_object
from marsad.coding.lexicon import TriggerMatch
from marsad.coding.relatives import relative_object, relative_subject, subject_before_relative
from marsad.coding.subjects import (
    dual_verb,
    first_person,
    frame_subject,
    governed,
    on_behalf,
    opens_without_subject,
    speaker,
    unmarked_doer,
)
from marsad.coding.voice import ends_with_prep, indefinite, suffixed_masdar, suffixed_verb
from marsad.document import ActorMention, Token
from marsad.text.tokens import RELATIVE_PRONOUNS

GENDER_DROPPED = "gender_dropped"  # the actor after the verb is its object by gender (dropped.py)


def _noun_subject_of(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention],
                     f: ClauseFrame) -> tuple[ActorMention | None, str, list[ActorMention]]:
    """The doer of a nominal trigger: after it, in its own relative clause, or right before it.  A noun
    that carries a pronoun suffix (زيارته للرياض، لقاؤه بالملك) has its genitive already: the actor
    after it is no doer; nor is a state or capital right after a visit noun (:func:`visited_genitive`)."""
    visited = visited_genitive(tm, tokens, f.after)
    subject, rest = (None, f.after) if tm.suffixed or visited else _noun_subject(tm, tokens, f.after, ments)
    how = "noun_after" if subject is not None else "none"
    if subject is None and (doer := _visitor_after_host(tm, tokens, f.after) if visited
                            else relative_doer(tm, tokens, f.after)) is not None:
        # the act's own relative clause names its doer (أدانت مصر الهجوم الذي شنه التنظيم، ندد
        # بالغارات التي شنها الطيران السوري): not the one who condemns it, named before
        subject, how, rest = doer, "rel_doer", [m for m in f.after if m is not doer]
    if subject is None and (giver := _origin(tm, tokens, f.after)) is not None:
        # وصلت إلى بغداد شحنة أسلحة من إيران، مساعدات غذائية مقدمة من السعودية: the goods come from the
        # actor after من; the actor before the noun (or another after it) receives them
        rest = [m for m in f.after if m is not giver] + f.before[-1:]
        return giver, "giver", rest
    if subject is None and f.before and not _separated(tokens, f.before[-1].token_end, tm.start):
        subject, how = f.before[-1], "noun_before"
    return subject, how, rest


# Endings of dual and plural verbs: agreement's (تحاربان، يطالبون، رفضوا) and the feminine dual past (أدانتا).
PLURAL_VERB_ENDS = (*VERB_PLURALS, "تا")


def plural_verb(tokens: list[Token], at: int) -> bool:
    """Does the word at ``at`` end as a dual or plural verb (not a noun with the article), also the
    masculine dual past (اتفقا، بحثا)?"""
    tok = tokens[at]
    return not tok.prefix.lstrip("وف").startswith("ال") and (tok.norm.endswith(PLURAL_VERB_ENDS) or dual_verb(tok))


def first_conjunct(ments: list[ActorMention], at: int, tokens: list[Token]) -> ActorMention:
    """The first of the mentions joined by و whose last is ``ments[at]`` (السعودية والإمارات ومصر
    أدانت: Saudi Arabia for Egypt), or ``ments[at]`` itself."""
    first = at
    while first > 0 and any(m is ments[at] for m in conjoined(ments, first - 1, tokens)[1:]):
        first -= 1
    return ments[first]


GIVING_ROOT = "07"
ORIGIN_REACH = 2  # words (adjectives, مقدمة) between a noun of giving and the من of its giver


def _origin(tm: TriggerMatch, tokens: list[Token], after: list[ActorMention]) -> ActorMention | None:
    """The giver of a noun of giving named by من right after it (شحنة أسلحة من إيران، مساعدات
    طبية مقدمة من الإمارات), past adjectives only; None for any other root."""
    if tm.pattern.cameo[:2] != GIVING_ROOT or not after:
        return None
    first = after[0]
    at = first.token_start - 1
    if at < tm.end or tokens[at].key != "من" or at - tm.end > ORIGIN_REACH:
        return None
    return first if all(t.norm[:1].isalnum() for t in tokens[tm.end:at]) else None


def _verb_subject_of(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention], lo: int,
                     f: ClauseFrame) -> tuple[ActorMention | None, str, list[ActorMention], str]:
    """The subject of a verbal trigger (VSO, SVO, a participle's main subject); also ``said`` when
    the speaker was dropped."""
    subject: ActorMention | None = None
    how, rest, said, after, before = "none", f.after, f.said, f.after, f.before
    # a participle after a comma (متهما، داعيا، منددا) takes the main clause's subject
    participle = is_participle(tokens[tm.start])
    # a verb of carrying out with a pronoun for the act before it (هجمات يشنها التنظيم) has its
    # subject after it wherever it stands
    initial = clause_initial(tokens, f.cs, tm.start) and not participle or is_doer_verb(tokens, tm.start)
    # a verbal noun with a pronoun suffix (وجدد الوزير ترحيبه بقرار مجلس الأمن، وتقديره لمواقف المملكة) has
    # its doer in the pronoun: the actor after it is what it is about, never its subject (the doer is the
    # subject named before it in its clause, else the sentence's: svo / main below)
    own_doer = f.own_doer
    initial = initial and not own_doer
    if participle and not before and clause_initial(tokens, f.cs, tm.start):
        subject = _main_subject(tokens, ments, lo, tm.start)
        how = "participle" if subject is not None else how
        if subject is None and opens_without_subject(tokens, ments, lo, tm.start):
            # وأضاف أن الحوثيين…، مطالبا إيران بـ: the dropped speaker (the coder's speaker or
            # topic), never the actor named last
            said, how = "dropped", "participle_dropped"
    elif initial and after and (object_by_gender(tm, tokens, f.verb, after[0])
                                or object_by_number(tm, tokens, f.verb, after[0])
                                or object_by_frame(tm, tokens, f.verb, after[0], ments)
                                or subjunctive_object(tm, tokens, f.verb, after[0],
                                                      lambda: frame_subject(tokens, ments, lo, f.cs))):
        how = GENDER_DROPPED  # ودعا إيران إلى، وطالب الحكومة بـ: an object; the running subject acts
    elif after and ends_with_prep(tm, tokens, f.verb):
        pass  # أُفرج عن ثلاثة صيادين: the actor after the pattern's preposition is its object
    elif initial and (body := titled_body(tokens, tm.end, after)) is not None:
        # انتقد رئيس لجنة الدفاع في البرلمان العراقي: the title's body stands for the subject
        subject, rest, how = after[body], after[body + 1:], "vso"
    elif initial and after and span_words(tokens, tm.end, after[0].token_start) <= 3 and not verb_object(
            tokens, tm.end, after[0]) and not (f.verbal and oblique_after(tokens, tm.end, after[0])) \
            and not _in_phrase(tokens, tm.end, after[0]):
        subject, rest, how = after[0], after[1:], "vso"
    elif before and after and suffixed_verb(tm, tokens, f.verb) and after[0].token_start == tm.end \
            and not verb_object(tokens, tm.end, after[0]):
        # صيادين فلسطينيين اعتقلتهم البحرية الإسرائيلية: the pronoun on the verb stands for the actor
        # before it, its object; the actor right after the verb is its subject
        subject, rest, how = after[0], [before[-1], *after[1:]], "vso_suffixed"
    elif before and before[-1].token_end == tm.start and indefinite(tokens, before[-1]) and suffixed_verb(
            tm, tokens, f.verb) and (main := frame_subject(tokens, ments, lo, before[-1].token_start)) is not None:
        # أفرجت إيران عن بحارة بريطانيين احتجزتهم في مياه الخليج: the pronoun on the verb stands for the
        # indefinite actor right before it, whose relative clause it opens; the subject was dropped, the
        # sentence's own (a definite actor before the verb is its subject: موغيريني ناقشتها)
        subject, rest, how = main, [before[-1], *after], "vso_suffixed"
    elif before and (ante := subject_before_relative(tm, tokens, ments, f.cs, f.verb, before[-1])) is not None:
        # المنسق الأممي الذي زار غزة قد دعا إسرائيل: the actor named last is in the subject's relative
        # clause; the antecedent acts (found as for a verb that opens the relative clause: rel_subject)
        subject, how, rest = ante, "rel_subject", after
    elif before and _object_of_prep(tokens, before[-1]):
        # أحبطت إدارة مكافحة المخدرات الأردنية تهريب حبوب إلى السعودية وقبضت على المتهم: an actor right after
        # إلى، عن، ضد… is no subject; the last one before it that nothing governs is, else the earlier clauses'
        subject = next((m for m in reversed(before[:-1]) if not governed(tokens, m)), None)
        how = "svo" if subject is not None else how
    elif before:
        subject, how = before[-1], "svo"
    elif own_doer and (main := frame_subject(tokens, ments, lo, tm.start)) is not None:
        # أعرب الوزير الأردني عن شكره للمملكة، وتقديره لمواقفها: the pronoun is the sentence's subject,
        # not the actor named last
        subject, how = main, "main"
    elif after and after[0].token_start - tm.end <= 3 and not verb_object(tokens, tm.end, after[0]) \
            and not (f.verbal and oblique_after(tokens, tm.end, after[0])) and not own_doer \
            and not _in_phrase(tokens, tm.end, after[0]):
        subject, rest, how = after[0], after[1:], "vso_late"
    return subject, how, rest, said


def subject_of(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention], lo: int,
                f: ClauseFrame) -> tuple[ActorMention | None, str, list[ActorMention], str]:
    """The trigger's subject, how it was found, the mentions left for objects, and ``said``."""
    subject: ActorMention | None = None
    how, rest, said = "none", f.after, f.said
    if said:
        # the subject is a pronoun or a statement (انها تعتزم…، ودعا البيان الحكومة…): every actor
        # after the verb is an object; a pronoun is the frame's subject, a statement its issuer (the
        # coder takes the speaker or the topic)
        subject, how = (frame_subject(tokens, ments, lo, f.cs) if said == "pronoun" else None), said
    elif not f.noun and first_person(tm, tokens, f.verb):
        # «ندين إسرائيل على هذا الاعتداء»، وندعو المجتمع الدولي إلى…: a first-person verb's subject is a
        # pronoun, the one who speaks: the subject of the clause that frames it (وقال الناهض إن الأهالي
        # يتمنون…، مضيفا «نناشد الحكومة العراقية…»: the families), else the coder's speaker (also one
        # named after the quotation) or topic; every actor after it is an object, except one named by
        # باسم, on whose behalf the speaker acts (أدين باسم بلدي جيبوتي الحادث: Djibouti condemns)
        rest, said = f.in_gap + f.after, "first_person"
        behalf = next((m for m in rest if on_behalf(tokens, m)), None)
        spk = behalf or frame_subject(tokens, ments, lo, f.cs)
        subject, how = spk, "speaker" if spk is not None else "none"
        rest = [m for m in rest if m is not behalf]
    elif (coord := coordinated_object(tm, tokens, ments, lo)) is not None:
        # واستدعت الخارجية البحرينية القائم بالأعمال الإيراني وطالبته بالكف عن…: the first clause's subject
        # acts again; the pronoun on the verb is the actor named last, its object
        subject, how, rest = coord[0], "main", [coord[1], *f.after]
    elif not f.noun and (ante := relative_subject(tm, tokens, ments, f.cs, f.verb)) is not None:
        # المبعوث الذي زار الرياض، المالكي الذي وصف السعودية بأنها: the actors after the verb are objects
        subject, how, rest = ante, "rel_subject", f.in_gap + f.after
    elif f.in_gap and clause_initial(tokens, f.cs, f.verb) and (object_by_gender(tm, tokens, f.verb, f.in_gap[0])
                                                                 or object_by_number(tm, tokens, f.verb, f.in_gap[0])
                                                                 or object_by_frame(tm, tokens, f.verb, f.in_gap[0], ments)):
        how, rest = GENDER_DROPPED, f.in_gap + f.after  # وطالب الحكومة السورية بوقف: an object
    elif f.in_gap:
        subject, how = f.in_gap[0], "gap"
        rest = f.in_gap[1:] + f.after  # a second actor in the gap is the object (حث الاتحاد إسرائيل على…)
    elif f.inside:
        subject, how = f.inside[0], "inside"  # an actor word inside a nominal trigger (طائرتين روسيتين هبطتا)
    elif f.noun:
        subject, how, rest = _noun_subject_of(tm, tokens, ments, f)
    else:
        subject, how, rest, said = _verb_subject_of(tm, tokens, ments, lo, f)
    if how == GENDER_DROPPED and rest:
        f.dropped_obj = rest[0]
    if subject is None and how == GENDER_DROPPED:
        main = frame_subject(tokens, ments, lo, f.cs) if _later_clause_verb(tm, tokens, lo, f.cs, f.verb) else None
        if main is not None and main.kind == "person" and plural_verb(tokens, f.verb):
            main = None  # وضعوا الرئيس تحت الإقامة الجبرية: one person is no plural verb's dropped subject
        subject, how = (main, "main") if main is not None else (None, how)
    elif subject is None and f.earlier and "passive" not in tm.pattern.flags and not said:
        # a verb opening a later clause with no subject of its own (أعرب الاتحاد عن قلقه إزاء العنف بين
        # الجيش والمقاتلين، وطالب بأن…) shares the subject of the sentence's first clause, not the actor
        # named last
        # so does a verbal noun whose pronoun suffix is its doer (أعرب الوزير عن شكره للمملكة، وترحيبه
        # بمواقفها: the minister's welcome, not the Kingdom's)
        later_clause = not f.noun and _later_clause_verb(tm, tokens, lo, f.cs, f.verb) or f.own_doer
        main = frame_subject(tokens, ments, lo, f.cs) if later_clause else None
        far = f.earlier[-1] if f.noun else _far_subject(tokens, f.earlier, tm.start)
        if not f.noun and (obj := relative_object(tm, tokens, ments, f.cs, f.verb, subjectless=True)) is not None \
                and (far is obj or main is obj):
            # أفرجت إيران عن البحارة البريطانيين الذين احتجزتهم في مياه الخليج: the pronoun on the verb stands
            # for the antecedent, its object; with no subject after the verb the sentence's subject acts
            main, far = frame_subject(tokens, ments, lo, obj.token_start), None
        subject, how = (main, "main") if main is not None else (far, "noun_far" if f.noun else "svo_far")
    return subject, how, rest, said


def _far_subject(tokens: list[Token], earlier: list[ActorMention], at: int) -> ActorMention:
    """The subject a verb at ``at`` with no subject in its clause takes from the actors named before it in
    the sentence (``earlier``): the one named last, unless a preposition standing as its own word governs
    it (…والتفاوض مع الولايات المتحدة، مثلما كان اليساريون العرب يطلبون; القوات مدعومة بضربات جوية من
    التحالف استعادت): an actor after مع، من، إلى، على، عن، في، ضد… is an object or a circumstance of an
    earlier clause, never a subject, and the last actor named before it that no preposition or noun governs
    acts (none: the one named last still does).  Kept is the antecedent of a relative clause between it and
    the verb (بالانتقام من تنظيم داعش المتطرف الذي اعتدى على…: what the antecedent does).  A clitic ل / ب
    does not count: it often joins a body to its title (الناطق الإعلامي لشرطة المنطقة، المختصون بالشرطة),
    which stands for the body; nor do agent phrases (على أيدي، من قبل), whose preposition is not the
    word right before the actor."""
    far = earlier[-1]
    if not _prep_governed(tokens, far) or any(t.norm in RELATIVE_PRONOUNS for t in tokens[far.token_end:at]):
        return far
    return next((m for m in reversed(earlier[:-1]) if not governed(tokens, m)), far)


def _object_of_prep(tokens: list[Token], m: ActorMention) -> bool:
    """Is mention ``m`` right after one of :data:`OBJECT_PREPS` standing as its own word (also with و: وإلى)?"""
    return m.token_start >= 1 and tokens[m.token_start - 1].norm.lstrip("و") in OBJECT_PREPS


def _prep_governed(tokens: list[Token], m: ActorMention) -> bool:
    """Is mention ``m`` right after a preposition standing as its own word (مع، من، إلى، على، عن، في…)?"""
    return m.token_start >= 1 and tokens[m.token_start - 1].key in VERB_PREPS


def _visitor_after_host(tm: TriggerMatch, tokens: list[Token], after: list[ActorMention]) -> ActorMention | None:
    """The visitor named in a relative clause on a visit whose genitive is the place visited (زيارة
    واشنطن التي قام بها ولي العهد، زيارة موسكو التي يقوم بها الوزير): the host stands between the
    noun and التي, which :func:`relative_doer` would not read past."""
    host = after[0]
    if host.token_end >= len(tokens) or tokens[host.token_end].norm not in RELATIVE_PRONOUNS:
        return None
    return relative_doer(tm, tokens, after[1:], start=host.token_end)


def relative_doer(tm: TriggerMatch, tokens: list[Token], after: list[ActorMention],
                  start: int | None = None) -> ActorMention | None:
    """The doer of a nominal act named in a relative clause on it whose verb has a pronoun for the
    act (الغارات التي شنتها طائرات التحالف، الانتقادات التي وجهها الأمير، الهجوم الانتحاري الذي
    تبناه التنظيم، الاجتماعات التي عقدها كارتر): the actor right after that verb (time words
    between allowed).  Only definite adjectives or time words may stand between the act and الذي/التي:
    after a noun of places or things the clause is theirs (قصف المواقع التي يستخدمها الحوثيون)."""
    i = tm.end if start is None else start  # start: past a genitive (_visitor_after_host)
    while i < len(tokens) and i - tm.end < 2 and tokens[i].norm not in RELATIVE_PRONOUNS and (
            tokens[i].key in TIME_WORDS or (tokens[i].norm.startswith("ال") and not possessed_noun(tokens[i]))):
        i += 1
    if i + 1 < len(tokens) and tokens[i].norm not in RELATIVE_PRONOUNS:
        return unmarked_doer(tm, tokens, after)
    if i + 1 >= len(tokens) or any(m.token_start < i for m in after):
        return None
    verb = tokens[i + 1]
    if not (is_doer_verb(tokens, i + 1) or (len(verb.key) >= 3 and verb.key.endswith(OBJ_SUFFIXES))):
        return None
    j = i + 2 + (verb.key in DOER_AUX)
    while j < len(tokens) and tokens[j].key in LATELY:
        j += 1
    return next((m for m in after if m.token_start == j), None)


def _in_phrase(tokens: list[Token], at: int, m: ActorMention) -> bool:
    """Does the first word after the verb (``at``: the token after it; time words skipped), before ``m``,
    open a prepositional phrase: a preposition (في، على، عن…) or a noun with the clitic ب / ل and the
    article (وأشاد بالموقف الثابت للمملكة، ورحب بالقرار الأخير لمجلس الأمن)?  Then ``m`` is a genitive in
    that phrase, never the verb's subject: a subject never opens with a preposition.  A preposition later
    in the subject's own phrase leaves its actor the subject (تظاهر مئات الآلاف من الإسرائيليين، دعا عضو
    المكتب السياسي لحركة حماس)."""
    first = next((k for k in range(at, m.token_start) if tokens[k].key not in TIME_WORDS), None)
    if first is None:
        return False
    t = tokens[first]
    return t.key in VERB_PREPS or t.prefix.lstrip("وف")[:1] in {"ب", "ل"}


def _main_subject(tokens: list[Token], ments: list[ActorMention], lo: int, at: int) -> ActorMention | None:
    """The subject of the main clause a participle clause (، داعيا X إلى…) hangs on: the speaker,
    else the sentence's first actor before the participle that no preposition or noun governs
    (تجمع متظاهرون للتنديد بالاتفاق الموقع مع إيران، داعين الكونغرس…، دعا أن يعيده على المملكة بالخير،
    مشيدا…: Iran and the Kingdom are no subject of the main clause, so neither calls or praises)."""
    spk = speaker(tokens, ments, lo, at)
    if spk is not None:
        return spk
    if opens_without_subject(tokens, ments, lo, at):
        return None
    return next((m for m in ments if lo <= m.token_start and m.token_end <= at and not governed(tokens, m)), None)


def _later_clause_verb(tm: TriggerMatch, tokens: list[Token], lo: int, cs: int, verb: int) -> bool:
    """Is the trigger a verb opening a later clause of its sentence, whose subject the first clause
    names?  Not a verbal noun, a dual verb (two parties), a word with a pronoun suffix (اجتياحهم: the
    suffix is its doer), nor the verb of a relative clause (التي شنت: its subject is the antecedent)."""
    return cs > lo and not (tm.suffixed and suffixed_masdar(tokens[tm.start])) and tokens[
        cs - 1].norm not in RELATIVE_PRONOUNS and not dual_verb(
        tokens[verb]) and not is_masdar(tm, tokens) and clause_initial(tokens, cs, tm.start)


def _separated(tokens: list[Token], a: int, b: int) -> bool:
    return b - a > 4


BETWEEN_REACH = 2  # words (adjectives) between a nominal trigger and the بين of its two sides


def _noun_subject(tm: TriggerMatch, tokens: list[Token], after: list[ActorMention],
                  ments: list[ActorMention]) -> tuple[ActorMention | None, list[ActorMention]]:
    """Nominal triggers: "بين X و Y", or an actor adjective/genitive right after the noun."""
    if not after:
        return None, after
    first = after[0]
    dist = first.token_start - tm.end
    if dist <= 1 and tm.end < len(tokens) and tokens[tm.end].key == "بين":
        return first, after[1:]
    if 2 <= dist <= BETWEEN_REACH + 1 and tokens[first.token_start - 1].key == "بين" and all(
            t.norm[:1].isalnum() for t in tokens[tm.end:first.token_start - 1]):
        return first, after[1:]  # اشتباكات عنيفة بين الحوثيين والجيش: adjectives before بين
    if dist == 0 or (dist == 1 and tokens[tm.end].key in {"بين"}):
        return first, after[1:]
    return None, after
