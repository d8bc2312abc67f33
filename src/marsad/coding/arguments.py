"""Source and target of a trigger from Arabic clause structure.

Heuristics over tokens and actor mentions of one sentence (no parser):

* a mention inside a light-verb gap (أجرى الوزير اتصالا) is the subject;
* a verb at the start of its clause takes the mention right after it as subject
  (VSO: قصفت الطائرات الإسرائيلية…; time adverbs between them do not count: استقبل صباح
  يوم الأحد الماضي الرئيس…; not when a prepositional phrase opens right after the verb: وأشاد بالموقف
  الثابت للمملكة, :func:`_in_phrase`), else the nearest mention before it in the
  same clause (SVO: الجيش الإسرائيلي قصف…); a mention introduced by a preposition right after
  the verb (طلبنا من الاتحاد…) is its object, never its subject; a verb opening a relative clause on
  an actor takes it as subject (المبعوث الذي زار الرياض: :mod:`marsad.coding.relatives`), and so
  does the verb after such a relative clause (المنسق الأممي الذي زار غزة قد دعا إسرائيل); before a
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
  الجيش الأمريكي إن الولايات المتحدة وحلفاءها استهدفوا داعش: :func:`behind_new_clause`, used by the coder);
* with no subject in the clause, the speaker of the sentence (قال X إن…، «…»، قال X), the speaker a
  chain of sentences carries (قال X إن… وأضاف أن… وطالب…) or the topic of the previous sentences acts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.coding.agreement import VERB_PLURALS
from marsad.coding.clause_words import (
    BOUNDARY_PUNCT,
    CLAUSE_WORDS,
    DOER_AUX,
    LATELY,
    NEW_CLAUSE_WORDS,
    OBJ_SUFFIXES,
    REGARDING,
    TIME_WORDS,
    VERB_LEADS,
    VERB_PARTICLES,
    VERB_PREPS,
    agent_phrase_start,
    has_prep,
    is_doer_verb,
    is_participle,
    oblique_plural,
    possessed,
    possessed_noun,
    span_words,
    titled_body,
)
from marsad.coding.conjuncts import conjoined, mention_prefix, objects, same_actor, with_partner
from marsad.coding.coordinated import SPEECH_ACT_ROOTS, coordinated_object, speech_passive_agent
from marsad.coding.doers import is_masdar, nominal_agent, passive_agent, visited_genitive
from marsad.coding.dropped import object_by_frame, object_by_gender, object_by_number, subjunctive_object
from marsad.coding.lexicon import TriggerMatch
from marsad.coding.relatives import led_by, relative_subject, subject_before_relative
from marsad.coding.subjects import (
    clitic_prep,
    dual_verb,
    first_person,
    frame_subject,
    governed,
    governed_adjective,
    on_behalf,
    opens_without_subject,
    said_after,
    speaker,
    unmarked_doer,
    unnamed_subject,
)
from marsad.coding.voice import (
    after_tamma,
    ends_with_prep,
    indefinite,
    nisba_on,
    suffixed_masdar,
    suffixed_verb,
    unmarked_passive_agent,
)
from marsad.document import ActorMention, Token
from marsad.text.tokens import RELATIVE_PRONOUNS

GENDER_DROPPED = "gender_dropped"  # the actor after the verb is its object by gender (dropped.py)
# Roots said rather than done (SPEECH_ACT_ROOTS: appeal, demand, disapprove, reject, threaten): their verb
# names an addressee.
ADDRESSING_ROOTS = SPEECH_ACT_ROOTS - {"12"}
# Roots whose verb's gap may hold its first object when the subject stands before it: speech acts
# (طالب الحكومة بـ) and giving (الولايات المتحدة سلمت مصر ثماني طائرات، منحت اليابان مصر قرضا).
OBJECT_GAP_ROOTS = SPEECH_ACT_ROOTS | {"07"}
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
class _Frame:
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
    dropped_obj: ActorMention | None = None  # the actor after the verb dropped.py makes its object (_subject_of)


def _frame(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention], lo: int, hi: int) -> _Frame:
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
    if said or not subject_gap or (in_gap and (_verb_object(tokens, verb + 1, in_gap[0])
                                       or verbal and _oblique_after(tokens, verb + 1, in_gap[0]))):
        in_gap, gap_objects = [], in_gap
    inside = [m for m in ments if tm.start <= m.token_start < tm.end and not tm.in_gap(m.token_start)]
    before = [m for m in ments if cs <= m.token_start and m.token_end <= tm.start]
    opens = clause_reach(tokens, ce, hi)
    after = [m for m in ments if m.token_start >= tm.end and m.token_start < min(ce + 6, opens)]
    # a pattern holding its object (اعتدى ~ على ~ الأسرى، رحل ~ الرعايا، أعاد ~ الصيادين ~ إلى) leaves that
    # object's longer mention (الأسرى الفلسطينيين) starting inside the trigger: it is the object, not its doer
    tail = [m for m in inside if _tail_object(tm, tokens, m)]
    if tail:
        inside, after = [m for m in inside if all(m is not t for t in tail)], tail + after
    return _Frame(cs, ce, verb, said, verbal, "noun" in pat.flags, in_gap, gap_objects, inside, before, after,
                  [m for m in ments if m.token_end <= tm.start],
                  [m for m in ments if tm.end <= m.token_start < opens])


def _noun_subject_of(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention],
                     f: _Frame) -> tuple[ActorMention | None, str, list[ActorMention]]:
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


def _plural_verb(tokens: list[Token], at: int) -> bool:
    """Does the word at ``at`` end as a dual or plural verb (not a noun with the article), also the
    masculine dual past (اتفقا، بحثا)?"""
    tok = tokens[at]
    return not tok.prefix.lstrip("وف").startswith("ال") and (tok.norm.endswith(PLURAL_VERB_ENDS) or dual_verb(tok))


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


def _first_conjunct(ments: list[ActorMention], at: int, tokens: list[Token]) -> ActorMention:
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
                     f: _Frame) -> tuple[ActorMention | None, str, list[ActorMention], str]:
    """The subject of a verbal trigger (VSO, SVO, a participle's main subject); also ``said`` when
    the speaker was dropped."""
    subject: ActorMention | None = None
    how, rest, said, after, before = "none", f.after, f.said, f.after, f.before
    # a participle after a comma (متهما، داعيا، منددا) takes the main clause's subject
    participle = is_participle(tokens[tm.start])
    # a verb of carrying out with a pronoun for the act before it (هجمات يشنها التنظيم) has its
    # subject after it wherever it stands
    initial = _clause_initial(tokens, f.cs, tm.start) and not participle or is_doer_verb(tokens, tm.start)
    # a verbal noun with a pronoun suffix (وجدد الوزير ترحيبه بقرار مجلس الأمن، وتقديره لمواقف المملكة) has
    # its doer in the pronoun: the actor after it is what it is about, never its subject (the doer is the
    # subject named before it in its clause, else the sentence's: svo / main below)
    own_doer = f.own_doer
    initial = initial and not own_doer
    if participle and not before and _clause_initial(tokens, f.cs, tm.start):
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
    elif initial and after and span_words(tokens, tm.end, after[0].token_start) <= 3 and not _verb_object(
            tokens, tm.end, after[0]) and not (f.verbal and _oblique_after(tokens, tm.end, after[0])) \
            and not _in_phrase(tokens, tm.end, after[0]):
        subject, rest, how = after[0], after[1:], "vso"
    elif before and after and suffixed_verb(tm, tokens, f.verb) and after[0].token_start == tm.end \
            and not _verb_object(tokens, tm.end, after[0]):
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
    elif before:
        subject, how = before[-1], "svo"
    elif own_doer and (main := frame_subject(tokens, ments, lo, tm.start)) is not None:
        # أعرب الوزير الأردني عن شكره للمملكة، وتقديره لمواقفها: the pronoun is the sentence's subject,
        # not the actor named last
        subject, how = main, "main"
    elif after and after[0].token_start - tm.end <= 3 and not _verb_object(tokens, tm.end, after[0]) \
            and not (f.verbal and _oblique_after(tokens, tm.end, after[0])) and not own_doer \
            and not _in_phrase(tokens, tm.end, after[0]):
        subject, rest, how = after[0], after[1:], "vso_late"
    return subject, how, rest, said


def _subject_of(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention], lo: int,
                f: _Frame) -> tuple[ActorMention | None, str, list[ActorMention], str]:
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
    elif f.in_gap and _clause_initial(tokens, f.cs, f.verb) and (object_by_gender(tm, tokens, f.verb, f.in_gap[0])
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
        if main is not None and main.kind == "person" and _plural_verb(tokens, f.verb):
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
        subject, how = (main, "main") if main is not None else (f.earlier[-1], "noun_far" if f.noun else "svo_far")
    return subject, how, rest, said


def find_args(tm: TriggerMatch, tokens: list[Token], ments: list[ActorMention],
              lo: int, hi: int, own_doer: bool = False) -> Args:
    """Sources and targets for trigger ``tm`` among mentions ``ments`` of sentence ``[lo, hi)``;
    ``own_doer``: its first word is a verbal noun with a pronoun suffix (وتقديره، ترحيبها), which the
    caller tells from a noun in ta marbuta (استضافة) on the raw text."""
    pat = tm.pattern
    idx = {id(m): i for i, m in enumerate(ments)}
    f = _frame(tm, tokens, ments, lo, hi)
    f.own_doer = own_doer and f.verb == tm.start  # not after a particle that is part of the trigger
    subject, how, rest, _ = _subject_of(tm, tokens, ments, lo, f)
    rest = f.gap_objects + rest
    if subject is not None and subject.token_start >= tm.start and after_tamma(tm, tokens) \
            and agent_phrase_start(tokens, subject.token_start) is None and not nisba_on(tokens, tm, subject):
        # تم اعتقال الصحفي الفلسطيني، تم استدعاء السفير الإسرائيلي: the noun's genitive undergoes the act
        rest, subject, how = [subject, *[m for m in rest if m is not subject]], None, "none"
    passive_doer = unmarked_passive_agent(tm, tokens, f.after, f.ce, _clause_initial(tokens, f.cs, f.verb), subject)
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
                tokens, ments, idx, _first_conjunct(ments, idx[id(subject)], tokens)
                if how == "svo" and _plural_verb(tokens, tm.start) else subject)):
            # أوباما وأردوغان اتفقا على التعاون في الحرب على داعش: USA and TUR with each other, not with ISIS
            rest, paired = [m for m in rest if any(m is g for g in group)], True
    target, target_how = _target(tm, tokens, rest, pat.preps)
    if target is None and "passive" not in pat.flags and not paired:
        # not the subject's own conjuncts (حثت الولايات المتحدة ومصر وقطر، في بيان مشترك، إسرائيل وحماس)
        group = conjoined(ments, idx[id(subject)], tokens) if subject is not None else []
        far = [m for m in f.later if all(m is not g for g in group) and (subject is None or m.code != subject.code
                                                                          and not led_by(tokens, subject, m))]
        if far:
            target, target_how = far[0], "next_far"
    if "passive" in pat.flags:
        agent, how = passive_agent(tokens, rest, giver=pat.cameo[:2] in RECEIVING_ROOTS)
        target, subject = subject, agent
        target_how = "subject" if target else "none"
    if subject is not None and how == "svo" and _plural_verb(tokens, tm.start):
        # وإيران والولايات المتحدة تحاربان داعش، أوباما وأردوغان اتفقا: the actor right before a dual or
        # plural verb is the last of its conjuncts
        subject = _first_conjunct(ments, idx[id(subject)], tokens)
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
    return Args(srcs, tgts, how, target_how if tgts else "none", agent=doers, paired=paired, dropped=dropped)


def _tail_object(tm: TriggerMatch, tokens: list[Token], m: ActorMention) -> bool:
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
    return not _clause_initial(tokens, cs, verb) and any(
        cs <= m.token_start and m.token_end <= verb and not governed(tokens, m) for m in ments)


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


def _between(tokens: list[Token], tm: TriggerMatch, subject: ActorMention) -> bool:
    """Is the subject introduced by بين (the two sides of a nominal act)?"""
    return subject.token_start >= 1 and tokens[subject.token_start - 1].key == "بين" and subject.token_start >= tm.end


def _oblique_after(tokens: list[Token], at: int, m: ActorMention) -> bool:
    """Is ``m`` an oblique plural right after the verb (``at``: the token after it; time words may
    stand between), not the genitive of a noun between them (عائلات المحتجزين)?"""
    return span_words(tokens, at, m.token_start) == 0 and oblique_plural(tokens[m.token_start], m)


def _verb_object(tokens: list[Token], at: int, m: ActorMention) -> bool:
    """Is ``m`` a prepositional object right after the verb (``at``: the token after it), as in
    طلبنا من الاتحاد، لجأ للأمم، or the owner of its object (استهدفت مواقع الحوثيين)?  A subject is
    never introduced by a preposition."""
    if m.token_start == at + 1 and tokens[at].key in VERB_PREPS:
        return True
    if m.token_start > at and (possessed(tokens, m) or governed_adjective(tokens, m)):
        return True
    return m.token_start == at and clitic_prep(tokens, m)


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
    else the sentence's first actor when it comes before the participle."""
    spk = speaker(tokens, ments, lo, at)
    if spk is not None:
        return spk
    if opens_without_subject(tokens, ments, lo, at):
        return None
    first = next((m for m in ments if m.token_start >= lo), None)
    return first if first is not None and first.token_end <= at else None


def _later_clause_verb(tm: TriggerMatch, tokens: list[Token], lo: int, cs: int, verb: int) -> bool:
    """Is the trigger a verb opening a later clause of its sentence, whose subject the first clause
    names?  Not a verbal noun, a dual verb (two parties), a word with a pronoun suffix (اجتياحهم: the
    suffix is its doer), nor the verb of a relative clause (التي شنت: its subject is the antecedent)."""
    return cs > lo and not (tm.suffixed and suffixed_masdar(tokens[tm.start])) and tokens[
        cs - 1].norm not in RELATIVE_PRONOUNS and not dual_verb(
        tokens[verb]) and not is_masdar(tm, tokens) and _clause_initial(tokens, cs, tm.start)


def _separated(tokens: list[Token], a: int, b: int) -> bool:
    return b - a > 4


def _clause_initial(tokens: list[Token], cs: int, at: int) -> bool:
    """Is the verb at ``at`` the first content word of its clause?"""
    for t in tokens[cs:at]:
        if t.norm in VERB_LEADS or t.key in VERB_LEADS or t.norm in {"و", "ف"}:
            continue
        return False
    return True


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
