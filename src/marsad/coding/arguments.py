"""Source and target of a trigger from Arabic clause structure.

The clause and the mentions around the trigger come from :mod:`marsad.coding.clause_frame`, its subject from
:mod:`marsad.coding.subject_of`; this module pairs them with the objects (:func:`find_args`).

Heuristics over tokens and actor mentions of one sentence (no parser):

* a mention inside a light-verb gap (أجرى الوزير اتصالا) is the subject;
* a verb at the start of its clause takes the mention right after it as subject
  (VSO: قصفت الطائرات الإسرائيلية…; time adverbs between them do not count: استقبل صباح
  يوم الأحد الماضي الرئيس…; not when a prepositional phrase opens right after the verb: وأشاد بالموقف
  الثابت للمملكة, :mod:`marsad.coding.subject_of`), else the nearest mention before it in the
  same clause (SVO: الجيش الإسرائيلي قصف…); a mention introduced by a preposition right after
  the verb (طلبنا من الاتحاد…) is its object, never its subject, and so is one right after إلى، عن، ضد… before
  the verb (تهريب حبوب إلى السعودية وقبضت على المتهم: the subject named before it acts); a verb opening a relative clause on
  an actor takes it as subject (المبعوث الذي زار الرياض: :mod:`marsad.coding.relatives`), and so
  does the verb after such a relative clause (المنسق الأممي الذي زار غزة قد دعا إسرائيل), but a verb carrying
  the antecedent's pronoun has it for its object (الحوثيين الذين تتهمهم الرياض: the target); before a
  dual or plural verb the subject is the first of its conjuncts (وإيران والولايات المتحدة تحاربان داعش);
* the target is introduced by the pattern's preposition (على، ضد، مع…) or is the
  first mention after the subject; nominal triggers take "بين X و Y", an
  adjective or genitive right after the noun as source;
* passive forms swap: the subject is the target, من قبل / على يد give the source; an agent phrase
  after a verbal noun (تم اعتقال ثلاثة مسلحين من قبل الشرطة، اختطاف مدنيين على أيدي عناصر داعش)
  names its doer, and the genitive before it is the target; a noun of giving names its giver after
  من (وصلت إلى بغداد شحنة أسلحة من إيران);
* mentions joined by و are conjoined (:mod:`marsad.coding.conjuncts`): one event per
  (source, target) pair; a subject's conjuncts are never its object (انتقدت فرنسا وألمانيا
  إيران), except for symmetric acts and "بين X و Y"; the conjoined subjects of a symmetric act
  with no partner after مع act on each other, an actor after على / في being its topic (أوباما
  وأردوغان اتفقا على التعاون في الحرب على داعش: :func:`each_other`);
* a statement noun as subject (ودعا البيان الحكومة…، أن المذكرة طالبت…) or the pronoun of a
  complementizer (أعلنت الوزارة أنها اعتقلت…) leaves every actor after the verb an object: the
  frame's subject acts for a pronoun, the statement's issuer (the coder takes the speaker or the
  topic) for a statement (:mod:`marsad.coding.subjects`);
* a verb opening a later clause of the sentence with no subject of its own (أعرب الاتحاد عن قلقه
  إزاء العنف بين الجيش والمسلحين، وطالب…) shares the first clause's subject, not the actor named
  last; an indefinite act's relative clause without الذي (هجمات يشنها التنظيم) names its doer;
* a verb whose gender clashes with the actor right after it (ودعا إيران إلى، وطالبت الرئيس بـ) has it
  for its object, not its subject, and so does a verb that always takes an object before its second
  complement, for an actor standing alone before it (واتهمت الولايات المتحدة بتقويض، وحث تركيا على:
  :mod:`marsad.coding.dropped`);
* a speech-act verb joined by و to an earlier clause, with an object pronoun (استدعت الخارجية البحرينية
  القائم بالأعمال الإيراني وطالبته بـ), keeps the first clause's subject; the pronoun is the actor named
  last; a speech-act verb whose actor is followed by من قبل / على يد X is a passive spelled like the
  active (واتُّهمت روسيا من قبل الولايات المتحدة): X acts on that actor;
* a first-person verb (وقال الوزير: «ندين إسرائيل…»، أدعو روسيا إلى…) has the speaker for its subject
  and every actor after it for an object (:func:`marsad.coding.subjects.first_person`);
* a quotation ends where its speaker is named after it («…»، قال المتحدث): the speaker is no object
  of what is quoted;
* a stance noun with a pronoun suffix (وتقديره لمواقف المملكة، واتهامه إسلام آباد بـ) has its doer in the
  pronoun: the actor after it is what it is about, and the clause's or the sentence's subject acts;
* a subject named right before or after the verb past a clause opener with its own subject (كما، فيما،
  بينما، حيث، لكن) is kept against the argument model's pick of an actor before the opener (…، فيما قال
  الجيش الأمريكي إن الولايات المتحدة وحلفاءها استهدفوا داعش: :func:`marsad.coding.clause_frame.behind_new_clause`,
  used by the coder);
* with no subject in the clause, the speaker of the sentence (قال X إن…، «…»، قال X), the speaker a
  chain of sentences carries (قال X إن… وأضاف أن… وطالب…) or the topic of the previous sentences acts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.coding.clause_frame import clause_frame, clause_initial
from marsad.coding.clause_words import agent_phrase_start, has_prep, opens_adjunct
from marsad.coding.conjuncts import conjoined, mention_prefix, objects, same_actor, with_partner
from marsad.coding.coordinated import SPEECH_ACT_ROOTS, speech_passive_agent
from marsad.coding.doers import nominal_agent, passive_agent
from marsad.coding.lexicon import TriggerMatch
from marsad.coding.relatives import led_by, relative_object
from marsad.coding.subject_of import first_conjunct, plural_verb, subject_of
from marsad.coding.voice import after_tamma, nisba_on, unmarked_passive_agent
from marsad.document import ActorMention, Token

# Roots whose passive rows are verbs of receiving (تسلم، تلقى، استلم aid, weapons, released captives):
# their giver is named by a bare من (تسلم العراق أربع طائرات من الولايات المتحدة).
RECEIVING_ROOTS = frozenset({"07", "08"})


@dataclass(slots=True)
class Args:
    sources: list[ActorMention]
    targets: list[ActorMention]
    source_how: str = "none"  # gap, vso, svo, noun, passive_agent, giver (set later: speaker, topic, dual, implied)
    target_how: str = "none"  # prep, next, subject (passive), none
    source_p: float = -1.0  # the argument model's score of the chosen source (-1: not scored)
    target_p: float = -1.0
    agent: list[ActorMention] = field(default_factory=list)  # doers named by من قبل / على يد (a verbal noun)
    paired: bool = False  # the conjoined subjects of a symmetric act are each other's side (each_other)
    # the actor right after the verb that its gender, number or frame makes its object (dropped.py), with its
    # conjuncts: never the act's source, whatever the argument model prefers
    dropped: list[ActorMention] = field(default_factory=list)


def each_other(tokens: list[Token], ments: list[ActorMention], idx: dict[int, int],
               subject: ActorMention) -> list[ActorMention]:
    """The conjoined subjects of a symmetric act with no partner after مع, when they are of two or more
    states or organisations (أوباما وأردوغان اتفقا على توطيد التعاون في الحرب على داعش، بحث الرئيس المصري
    والعاهل الأردني الأوضاع في سوريا): each is the other's side, and an actor after على / في is what they
    agree on or discuss, not a side; so is any other actor after them (بايدن والعبادي تحدثا هاتفيا بشأن
    تسليم الطائرات).  Arabic names the other side of such an act after مع or ب, or joins it to the subject
    by و.  Empty when the subject stands alone or its conjuncts are one state's (التقى الرئيس المصري ورئيس
    وزرائه وزير الخارجية الأمريكي: the minister is met); the two sides after بين are the caller's."""
    group = conjoined(ments, idx[id(subject)], tokens)
    return group if len({m.code for m in group}) >= 2 else []


def find_args(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention],
              lo: int, hi: int, own_doer: bool = False) -> Args:
    """Sources and targets for trigger ``tm`` among mentions ``ments`` of sentence ``[lo, hi)``;
    ``own_doer``: its first word is a verbal noun with a pronoun suffix (وتقديره، ترحيبها), which the
    caller tells from a noun in ta marbuta (استضافة) on the raw text."""
    pat = tm.pattern
    idx = {id(m): i for i, m in enumerate(ments)}
    f = clause_frame(tm, tokens, ments, lo, hi)
    f.own_doer = own_doer and f.verb == tm.start  # not after a particle that is part of the trigger
    subject, how, rest, _ = subject_of(tm, tokens, ments, lo, f)
    rest = f.gap_objects + rest
    if subject is not None and subject.token_start >= tm.start and after_tamma(tm, tokens) \
            and agent_phrase_start(tokens, subject.token_start) is None and not nisba_on(tokens, tm, subject):
        # تم اعتقال الصحفي الفلسطيني، تم استدعاء السفير الإسرائيلي: the noun's genitive undergoes the act
        rest, subject, how = [subject, *[m for m in rest if m is not subject]], None, "none"
    passive_doer = unmarked_passive_agent(tm, tokens, f.after, f.ce, clause_initial(tokens, f.cs, f.verb), subject)
    if passive_doer is not None:
        # اعتُقل عشرون فلسطينيا على يد قوات الاحتلال: a passive spelled like the active verb; the actor
        # after it is what the act is done to, the agent phrase names the doer
        rest = [subject] if subject is not None else [m for m in rest if m is not passive_doer]
        subject, how = passive_doer, "passive_agent"
    if subject is not None and how in ("vso", "gap") and not f.noun and pat.cameo[:2] in SPEECH_ACT_ROOTS \
            and "passive" not in pat.flags and (agent := speech_passive_agent(tokens, subject, rest)) is not None:
        # واتُّهمت روسيا من قبل الولايات المتحدة: a passive spelled like the active, its doer after من قبل (speech
        # acts; the material acts are voice.unmarked_passive_agent's, above)
        return Args(conjoined(ments, idx[id(agent)], tokens), conjoined(ments, idx[id(subject)], tokens),
                    "passive_agent", "subject")
    paired = False  # the subjects of a symmetric act are each other's other side (each_other)
    if subject is not None:
        # neither the subject's own conjuncts (وضغطت كل من هولندا وماليزيا) nor the same actor
        # are its object; "بين X و Y" and symmetric acts (وقعت مصر والإمارات) keep Y as the other side
        own = [] if "sym" in pat.flags or _between(tokens, tm, subject) else conjoined(
            ments, idx[id(subject)], tokens)[1:]
        # nor its leader named after it (قوات التحالف بقيادة المملكة: relatives.led_by)
        rest = [m for m in rest if not same_actor(m, subject, tokens) and all(m is not c for c in own)
                and not led_by(tokens, subject, m)]
        if "sym" in pat.flags and not own and (partner := with_partner(tokens, ments, idx, subject, rest)):
            rest = [partner]  # وقعت الإمارات والبحرين اتفاقيتين مع إسرائيل: each signs with Israel
        elif "sym" in pat.flags and not _between(tokens, tm, subject) and (group := each_other(
                tokens, ments, idx, first_conjunct(ments, idx[id(subject)], tokens)
                if how == "svo" and plural_verb(tokens, tm.start) else subject)):
            # أوباما وأردوغان اتفقا على التعاون في الحرب على داعش: USA and TUR with each other, not with ISIS
            rest, paired = [m for m in rest if any(m is g for g in group)], True
    ante = None if f.noun or pat.flags & {"passive", "notarget"} or paired or subject is None \
        else relative_object(tm, tokens, ments, f.cs, f.verb)
    if ante is not None and (same_actor(ante, subject, tokens) or ante.token_start >= tm.start):
        ante = None
    if ante is not None:
        # الحوثيين الذين تتهمهم الرياض بتلقي الدعم من طهران: the pronoun on the relative clause's verb stands
        # for the antecedent, its object; the actor after the verb acts on it (relatives.relative_object)
        target, target_how = ante, "next"
    else:
        target, target_how = _target(tm, tokens, rest, pat.preps)
    if target is None and "passive" not in pat.flags and not paired:
        # not the subject's own conjuncts (حثت الولايات المتحدة ومصر وقطر، في بيان مشترك، إسرائيل وحماس)
        group = conjoined(ments, idx[id(subject)], tokens) if subject is not None else []
        # nor an actor behind a time or cause adjunct (وعدت الحكومة التركية بتعزيز الإجراءات الأمنية غداة هجوم
        # انتحاري نسب إلى تنظيم داعش: the attack's author, not the promise's target)
        adjunct = next((k for k in range(tm.end, hi) if opens_adjunct(tokens, k)), hi) if f.later else hi
        far = [m for m in f.later if all(m is not g for g in group) and (subject is None or m.code != subject.code
                                                                          and not led_by(tokens, subject, m))
               and m.token_start < adjunct]
        if far:
            target, target_how = far[0], "next_far"
    if "passive" in pat.flags:
        agent, how = passive_agent(tokens, rest, giver=pat.cameo[:2] in RECEIVING_ROOTS)
        target, subject = subject, agent
        target_how = "subject" if target else "none"
    if subject is not None and how == "svo" and plural_verb(tokens, tm.start):
        # وإيران والولايات المتحدة تحاربان داعش، أوباما وأردوغان اتفقا: the actor right before a dual or
        # plural verb is the last of its conjuncts
        subject = first_conjunct(ments, idx[id(subject)], tokens)
    srcs = conjoined(ments, idx[id(subject)], tokens) if subject is not None else []
    tgts = [] if target is None else conjoined(ments, idx[id(target)], tokens) if "passive" in pat.flags \
        else objects(ments, idx[id(target)], tokens, hi, srcs)
    if "notarget" in pat.flags:
        tgts, target_how = [], "none"
    # اعتقال الحوثيين على يد المقاومة: the agent phrase names the doer (the coder puts it in place of
    # the subject once the argument model has scored the candidates)
    agent = nominal_agent(tm, tokens, f.after) if passive_doer is None else passive_doer
    doers = conjoined(ments, idx[id(agent)], tokens) if agent is not None else []
    dropped = conjoined(ments, idx[id(f.dropped_obj)], tokens) if f.dropped_obj is not None else []
    if ante is not None:  # the antecedent is the verb's object, never its source
        dropped += conjoined(ments, idx[id(ante)], tokens)
    return Args(srcs, tgts, how, target_how if tgts else "none", agent=doers, paired=paired, dropped=dropped)


def _between(tokens: list[Token], tm: TriggerMatch, subject: ActorMention) -> bool:
    """Is the subject introduced by بين (the two sides of a nominal act)?"""
    return subject.token_start >= 1 and tokens[subject.token_start - 1].key == "بين" and subject.token_start >= tm.end


def _target(tm: TriggerMatch, tokens: list[Token], rest: list[ActorMention],
            preps: frozenset[str]) -> tuple[ActorMention | None, str]:
    if not rest:
        return None, "none"
    if preps:
        for m in rest:
            before = tokens[m.token_start - 1] if m.token_start > 0 else None
            if (before is not None and before.key in preps) or has_prep(mention_prefix(tokens, m), preps):
                return m, "prep"
    m = rest[0]
    if m.token_start - tm.end > 8:
        return None, "none"
    return m, "next"
