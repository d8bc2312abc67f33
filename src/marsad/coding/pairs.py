"""Which (source, target, code) events one trigger makes, and the code as its doer makes it.

A trigger with its sources and targets (:mod:`marsad.coding.arguments`) makes one event per pair:
both directions for symmetric actions, visitor → host 042 and host → visitor 043 for visits, one
event per member state for a grouping (the P5+1), never an actor on itself.  Same-country pairs are
events (the guideline), except visits and cooperation inside one establishment
(:func:`domestic_visit`, :func:`domestic_cooperation`) and a meeting whose second party is only the
first one's state (:func:`lone_meeting`).  Some triggers make no event at all (:func:`no_event`: a
BLOCK row, an appeal to one's own staff, a meeting in a sentence about a match, a death in an accident or a
disaster, a number of students, a truce named as a topic, a death whose only doer is the one who reports it),
and no trigger of a site's tag footer makes one (:func:`tag_line`).  :func:`doer_code` adjusts the code to who does the act (an armed group's arrest is an abduction;
an attack by civilians or an unnamed attacker is unconventional violence; a politician's attack is verbal).
"""

from __future__ import annotations

from marsad.actors.groupings import expand_groupings, members
from marsad.coding.condemned import DEMONSTRATIVES
from marsad.coding.conjuncts import same_actor
from marsad.coding.cue_data import COMPLEMENTIZERS
from marsad.coding.doers import VISIT_CODE as VISIT
from marsad.coding.victims import bare, toll_words
from marsad.document import ActorMention, Document
from marsad.resources import word_set
from marsad.text.tokens import PREPOSITION_PRONOUNS, RELATIVE_PRONOUNS

HOST = "043"
MEDIATE = "045"
DOMESTIC_NONEVENT_ROOTS = frozenset({"03", "05", "06", "07"})  # see domestic_cooperation
DOMESTIC_PARTIES = frozenset({"OPP", "REB"})  # a state's opposition and armed groups (see domestic_cooperation)
DOMESTIC_PARTY_ROOTS = frozenset({"03", "05"})
# Attacks, killings and shootings: 180 when civilians or an unnamed attacker do them (see doer_code).
IRREGULAR_ATTACK = frozenset({"190", "193"})
KEEP_FLAGS = frozenset({"sym", "passive"})
# An attack word that is verbal when a named politician does it (flag "verbal": هاجم الجبير السياسات الإيرانية):
# the agents that speak rather than fight.
SPEAKING_AGENTS = frozenset({"GOV", "LEG", "OPP", "JUD", "REL", "MED", "NGO"})
CRITICIZE = "111"
# A verbal-attack phrase that is armed force when forces or armed groups launch it (flag "armed":
# شن الجيش هجوما عنيفا على مواقع المسلحين): the agents that fight, and the code then.
FIGHTING_AGENTS = frozenset({"MIL", "REB"})
FIGHT = "190"


def doer_code(code: str, source: ActorMention, flags: frozenset[str] = frozenset()) -> str:
    """The code as the doer makes it.

    Arresting and holding people is what authorities do (173); a transnational armed group
    (NSA:ISIS، NSA:ALQAEDA) that seizes or holds them abducts them (181: ألقى داعش القبض على شخصين،
    يحتجز داعش فتاة; train: 2 of 2 such gold events).  An attack, a killing or a shooting (190, 193)
    is conventional military force when armed forces or armed groups do it; done by civilians
    (settlers, a mob: agent CVL) or by an attacker the text does not name (قتل شرطي في هجوم نفذه
    ملثمون: the source is only the place's state) it is unconventional violence, 180 (CAMEO 18;
    train gold: 18 for 15 of the 16 events whose source is unnamed with no agent, and for 13 of the
    14 events by civilians, the 14th being clashes).  ``flags`` are the trigger pattern's: clashes (``sym``) are
    fighting between two armed sides whoever they are, and a death reported with no act
    (``passive``: لقي مصرعه خلال اشتباكات) says nothing of how it was dealt; both keep their code.
    An attack word flagged ``verbal`` (هاجم) done by a named person who speaks for a government, a party,
    a court, a faith or the press is a verbal attack, i.e. a criticism (111: هاجم الجبير السياسات الإيرانية،
    هاجم أردوغان حزب الشعوب الديمقراطي); done by forces, armed groups or someone unnamed it stays an attack.
    Conversely a "scathing attack" phrase flagged ``armed`` (شن هجوما عنيفا، 111 when a minister launches
    it) launched by armed forces or an armed group that the text names as such, not a person speaking
    for them, is an armed attack (190: شن الجيش السوري هجوما عنيفا على مواقع المعارضة)."""
    if code.startswith("173") and source.code.startswith("NSA:"):
        return "181"
    if "armed" in flags and code == CRITICIZE and source.kind != "person" and (
            source.agent in FIGHTING_AGENTS or source.code.startswith("NSA:")):
        return FIGHT
    if "verbal" in flags and source.kind == "person" and source.agent in SPEAKING_AGENTS:
        return CRITICIZE
    if (code in IRREGULAR_ATTACK and not flags & KEEP_FLAGS
            and (source.agent == "CVL" or (source.implied and not source.agent))):
        return "180"
    return code


def member_pairs(pairs: list[tuple[ActorMention, ActorMention | None, str]]
                  ) -> list[tuple[ActorMention, ActorMention | None, str]]:
    """A grouping of states (the P5+1) acts and is acted on as its member states: one event per
    member (the guideline's "several actors"), never a member on itself."""
    out: list[tuple[ActorMention, ActorMention | None, str]] = []
    for s, t, code in pairs:
        if not members(s) and (t is None or not members(t)):
            out.append((s, t, code))
            continue
        for a in expand_groupings([s]):
            for b in expand_groupings([t]) if t is not None else [None]:
                if b is None or a.code != b.code:
                    out.append((a, b, code))
    return out


# Pattern flags of a visit: the other side's 042/043 is made beside it (event_pairs).
VISIT_FLAGS = frozenset({"visit", "host"})


def event_pairs(pat, sources: list[ActorMention], targets: list[ActorMention], symmetric: bool,
           tokens: list) -> list[tuple[ActorMention, ActorMention | None, str]]:
    """(source, target, code) for every event a trigger makes (pairs, symmetric, visits); an actor
    never acts on itself (:func:`same_actor`), and a visit inside one state is none
    (:func:`domestic_visit`)."""
    if symmetric and not targets and len(sources) >= 2:
        pairs = [(a, b) for a in sources for b in sources if a.code != b.code]
    else:
        pairs = [(s, t) for s in sources for t in own_targets(s, targets, tokens)]
        if symmetric:
            pairs += [(t, s) for s, t in pairs if t is not None]
    out: list[tuple[ActorMention, ActorMention | None, str]] = []
    visit = bool(pat.flags & VISIT_FLAGS)
    for s, t in pairs:
        if t is not None and (domestic_visit(s, t, pat.cameo) if visit else (
                domestic_cooperation(s, t, pat.cameo) or lone_meeting(s, t, pat.cameo))):
            continue
        out.append((s, t, pat.cameo))
        if t is not None and visit:
            out.append((t, s, HOST if pat.cameo == VISIT else VISIT))
    return out


def domestic_visit(s: ActorMention, t: ActorMention, code: str) -> bool:
    """A visit or reception between two actors of one state (a governor receiving officials, a
    company hosting a conference, a minister touring his own ministry) is no event, except an
    official visiting civilians (the health minister visiting the victims' family), which the
    gold codes."""
    if s.code != t.code:
        return False
    visitor, host = (s, t) if code == VISIT else (t, s)
    return not (visitor.agent == "GOV" and host.agent == "CVL")


def domestic_cooperation(s: ActorMention, t: ActorMention, code: str) -> bool:
    """Cooperation (roots 03 intent, 05 diplomatic, 06 material, 07 aid) between two actors of one
    state: thanks and praise inside an institution, a charity's distribution at home, an agreement
    reached in a ministry, a leader's pledge to his own public.  The train gold codes 4 of 141 such
    events; the coder made them by the hundred on unseen news (106 of 05 on 3,000 articles).
    Verbal cooperation and intent (03, 05) with the opposition or an armed group of that state stays
    an event (a government and the rebels sign a peace agreement, the opposition accepts a plan): the
    guideline codes same-country events, and these are the ones conflict data is about."""
    if s.code != t.code or code[:2] not in DOMESTIC_NONEVENT_ROOTS:
        return False
    return code[:2] not in DOMESTIC_PARTY_ROOTS or not (s.agent in DOMESTIC_PARTIES or t.agent in DOMESTIC_PARTIES)


def lone_meeting(s: ActorMention, t: ActorMention, code: str) -> bool:
    """A meeting, call or talks (04 but mediation) whose other party is only implied as the state of the
    one named (تم خلال اللقاء بحث…، قال الوزير عقب لقائه إن…: the argument model's "own state" when no
    party is found) is no event: the other party is missing, not the actor's own state (train: none of
    the 15 such candidates is a gold event; on unseen news they are ceremonies, staff meetings, sport)."""
    return code[:2] == "04" and code != MEDIATE and s.code == t.code and (s.implied or t.implied)


# An official's own staff, the public as customers, applicants or residents, citizens, and the institutions that
# address them (resources/cues/notices.tsv): an appeal to them is an instruction inside one establishment or a
# service notice, not an appeal between political actors (staff_appeal).
STAFF_CLITICS = frozenset("وفل")  # proclitics a staff noun may carry (ومنسوبي، لمنسوبي، ولموظفي)
STAFF_REACH = 8  # tokens after the trigger in which the staff noun stands (the subject comes between)
STAFF_STOP = frozenset({"علي", "الي", "ان", "بان", "لان"})  # the appeal's complement begins


PUBLIC_CLITICS = frozenset("وفلب")  # أهاب takes its addressee with ب (أهابت الوزارة بالمواطنين)
PUBLIC_PUNCT = frozenset({",", "،"})  # a comma may stand between the subject and the addressee (ودعت الجوازات، الأخوة…)


def _is(tok, keys: frozenset[str], clitics: frozenset[str]) -> bool:
    return any(tok.key[i:] in keys for i in range(3) if not set(tok.key[:i]) - clitics)


def staff_appeal(tokens: list, start: int, hi: int, public_only: bool = False) -> bool:
    """Does an appeal whose trigger ends at token ``start`` address the speaker's own staff (a staff noun
    before its complement: وحث معاليه جميع الموظفين على…، حث المدير منسوبي الإدارة على…) or the public
    as customers or applicants (notices.tsv: the public; citizens after an institution as subject), or is
    it made by a service office named in its subject (notices.tsv: service; دعا مدير جوازات المنطقة جميع
    الإخوة اليمنيين إلى إنهاء إجراءاتهم)?  A one-letter title's full stop (وحث م. فلان الموظفين) is part of
    the subject.  With ``public_only``, the public as customers or applicants, or a service office, alone."""
    public, staff = word_set("notices", "public"), word_set("notices", "staff")
    citizens, service = word_set("notices", "citizen"), word_set("notices", "service")
    institution = start < hi and tokens[start].key in word_set("notices", "institution")
    comma = False  # past a comma only the public nouns count (حث الرئيس الحكومة، وموظفي الدولة: no staff appeal)
    prev = None
    for tok in tokens[start:min(hi, start + STAFF_REACH)]:
        abbreviation = tok.norm == "." and prev is not None and len(prev.norm) == 1  # a title: م. فلان، د. فلان
        prev = tok
        if abbreviation:
            continue
        if _is(tok, public, PUBLIC_CLITICS) or (not comma and _is(tok, service, PUBLIC_CLITICS)):
            return True
        if not comma and not public_only and (
                _is(tok, staff, STAFF_CLITICS) or (institution and _is(tok, citizens, PUBLIC_CLITICS))):
            return True
        if tok.norm in PUBLIC_PUNCT:
            comma = True
        elif tok.key in STAFF_STOP or not tok.norm[:1].isalpha():
            return False
    return False


# A religion, its scripture or law, a charter or a constitution (resources/cues/creeds.tsv) as the subject of an
# appeal or a demand tells what it teaches or lays down, with no occasion and no actor: the subject of a relative
# clause on it (ميثاق المنظمة الذي يدعو إلى…، للدين الإسلامي الذي يدعو إلى التسامح), the words right before the
# verb (الدين الحنيف حث على…) or its subject right after it, also behind a resumptive pronoun (الذي يحث عليه ديننا
# الحنيف).  A relative clause whose verb carries such a pronoun has another subject, the text being its object
# (الدستور الذي تطالب به المعارضة: the opposition demands).
CREED_ROOTS = frozenset({"02", "10"})
CREED_RELATIVE = 4  # tokens before the relative pronoun in which the text is named (ميثاق منظمة التعاون الإسلامي الذي)
CREED_BEFORE = 2  # tokens before the verb in which its subject is named (دين الإسلام السمح حث)
# Words that make the text before the verb a circumstance, not its subject (بموجب الدستور دعا الرئيس…)
CREED_GOVERNORS = frozenset({"بموجب", "وفق", "وفقا", "حسب", "بحسب", "في", "من", "عن", "الي", "علي", "مع"})


def creed_appeal(pat, tokens: list, tm_start: int, tm_end: int, lo: int, hi: int,
                 actors: list[ActorMention]) -> bool:
    """Is an appeal or demand trigger ``[tm_start, tm_end)`` in sentence ``[lo, hi)`` one a standing text
    makes (see CREED_ROOTS)?  A word inside an actor's mention is none (إسلام آباد، سيف الإسلام), and the
    word after a trigger of several words is its complement (مطالب بحماية العقيدة), not its subject."""
    if pat.cameo[:2] not in CREED_ROOTS:
        return False
    creeds = word_set("creeds")

    def creed(i: int) -> bool:
        return tokens[i].key in creeds and not any(
            not m.implied and m.token_start <= i < m.token_end for m in actors)

    j = tm_end
    resumptive = j < hi and tokens[j].norm in PREPOSITION_PRONOUNS
    if resumptive:
        j += 1
    if j < hi and (resumptive or len(pat.words) == 1) and creed(j):
        return True
    if resumptive:
        return False
    relative = tm_start > lo and tokens[tm_start - 1].norm in RELATIVE_PRONOUNS
    end = tm_start - 1 if relative else tm_start
    for i in range(end - 1, max(lo, end - (CREED_RELATIVE if relative else CREED_BEFORE)) - 1, -1):
        tok = tokens[i]
        if not tok.norm[:1].isalpha():
            return False
        if creed(i):
            return relative or not (tok.norm[:1] in "بل" or (i > lo and tokens[i - 1].norm.removeprefix("و") in CREED_GOVERNORS))
    return False


# A sentence about a match or a club's business (resources/cues/sport.tsv, kind sentence): its "meetings" are
# matches (لقاء الفريقين), its "talks" a transfer (المفاوضات مع اللاعب), its appeals a coach's to his players.
# Its demands, criticism and rejections (10-12) are a club's, a coach's or a sports body's too (طالب النادي بـ50
# مليونا، انتقد المدرب قرار نقل المباراة، رفض المدرب إجراء اللقاء): on 3,000 unseen articles 25 such events went,
# 20 sport ones that are no political event and 5 unsure (the IOC's demands on Kuwait, Kuwait's sports authority).
SPORT_ROOTS = frozenset({"02", "03", "04", "05", "10", "11", "12"})


def sport_sentence(tokens: list, lo: int, hi: int) -> bool:
    """Does the sentence ``[lo, hi)`` speak of a match or a team (a verbal-cooperation trigger in it is
    a club's or a player's act, not a state's)?"""
    words = word_set("sport", "sentence")
    return any(t.key in words for t in tokens[lo:hi])


# An article about sport (a match report, a transfer, a club's affairs) names its clubs, players and
# coaches throughout: its words of meeting, demand, criticism, rejection, threat and attack (لقاء الفريقين،
# طالب المدرب اللاعبين، رفض النادي العرض، يهدد الفريق صدارة الدوري، مواجهة الهلال) are sport's, even in a
# sentence that names no match.  An article is about sport when at least SPORT_ARTICLE_MIN of its words
# and SPORT_ARTICLE_SHARE of all of them are sport words (resources/cues/sport.tsv: the sentence words and
# the club words).  Of the 533 annotated articles six such have no gold event, and one of a held-out set has three
# (a condemned bombing; not read).  On unseen SaudiNewsNet news the rule removed 36 events of 30 articles
# among lines 26001-29000 and 11 of lines 20001-21000, all sport's (transfers, matches, coaches' demands).
# The club words with a pronoun (لاعبيه، ناديه، مبارياته) and the fans (جماهير، مدرجات) are sport words
# too, and كرة القدم as a pair (FOOTBALL): on the 14,699 unseen
# articles of the thirty-third session these removed 50 events, read 46 right (club sponsorship talks, a
# columnist's demands, Berlusconi's sale of AC Milan, a planned Putin-Blatter meeting coded as a meeting),
# 2 wrong (Putin's intent to meet Blatter, 036; a Bolivian prosecutor's charge, BOL>BOL 112), 2 unsure.
# كرة القدم (football) is a sport word as a pair: كرة alone is also hatred (الكره) and other balls (لاعب كرة ريشة
# إسرائيلي، refused a visa by Indonesia: a state's act that train gold codes).
FOOTBALL = ("كره", "قدم")
BALL = frozenset({FOOTBALL[0]})
FOOTBALL_CLITICS = frozenset("وفلب")  # الاتحاد السعودي لكرة القدم
SPORT_ARTICLE_MIN = 5
SPORT_ARTICLE_SHARE = 0.025
# In such an article every sentence's verbal acts (02-13) are sport's; force (14-20) only in a sentence
# about a match (مواجهته المقبلة في الدوري، طرد اللاعب), and coercion (17: رفضت إندونيسيا منح لاعب
# إسرائيلي تأشيرة) stays a state's act.  A sentence that tells an attack outside a match (18-20: أدان
# النادي التفجير الإرهابي الذي استهدف…) is no sport's: all its events stay.
SPORT_ARTICLE_ROOTS = frozenset(f"{r:02d}" for r in range(2, 14))
SPORT_FORCE_ROOTS = frozenset({"14", "15", "16", "18", "19", "20"})
ATTACK_ROOTS_OF_SPORT = frozenset({"18", "19", "20"})


def sport_article(tokens: list) -> bool:
    """Is the article of ``tokens`` about sport (see SPORT_ARTICLE_MIN)?

    A sport word is always a word (an Arabic key, a letter first), so the hits are counted over all
    tokens at C speed, and the words only in the few articles with enough hits."""
    keys = [t.key for t in tokens]
    sport = word_set("sport")
    hits = sum(map(sport.__contains__, keys))
    if FOOTBALL[1] in keys:
        hits += sum(1 for i in range(len(keys) - 1) if keys[i + 1] == FOOTBALL[1]
                    and keys[i] not in sport and _is(tokens[i], BALL, FOOTBALL_CLITICS))
    if hits < SPORT_ARTICLE_MIN:
        return False
    words = sum(1 for t in tokens if t.norm[:1].isalpha())
    return hits >= SPORT_ARTICLE_SHARE * words


def sport_drops(roots: list[str], sentences: list[tuple[int, int]], tokens: list) -> list[bool]:
    """For the events of a sport article, given by their roots and their sentences' token bounds: is
    each sport's (see SPORT_ARTICLE_ROOTS)?"""
    sport = {b: sport_sentence(tokens, *b) for b in set(sentences)}
    attacks = {b for r, b in zip(roots, sentences, strict=True) if r in ATTACK_ROOTS_OF_SPORT and not sport[b]}
    return [b not in attacks and (r in SPORT_ARTICLE_ROOTS or (r in SPORT_FORCE_ROOTS and sport[b]))
            for r, b in zip(roots, sentences, strict=True)]


CONSULT_ROOT = "04"
# A meeting on whose sidelines another act happens is its venue, not an event of its own (التقى الوزيران في
# ماليزيا على هامش الاجتماعات السنوية لرابطة آسيان: no meeting with ASEAN; وعلى هامش أعمال القمة): in the train
# and extra sets none of the four such meetings is coded.
SIDELINES_WORD = "هامش"
SIDELINES = ("علي", SIDELINES_WORD)
SIDELINES_SESSIONS = frozenset({"اعمال", "فعاليات"})


def sidelines_of(tokens: list, start: int, lo: int) -> bool:
    """Does the meeting noun at ``start`` follow على هامش (also على هامش أعمال / فعاليات) in its sentence?"""
    at = start - 1 if start - 1 >= lo and tokens[start - 1].key in SIDELINES_SESSIONS else start
    return at - 2 >= lo and (tokens[at - 2].key, tokens[at - 1].key) == SIDELINES


TAG_HEAD = "سمات"  # a site's keyword footer: «سمات انفجار تركيا ديار بكر» (tags: …)


def tag_line(doc: Document, si: int) -> bool:
    """Is sentence ``si`` the article's tag footer, a keyword list headed by «سمات» after the last
    sentence (… نفذه تنظيم الدولة الإسلامية.” سمات انفجار تركيا ديار بكر)?  It states nothing: its
    nouns (انفجار، توقيف، مظاهرات) are no events.  Its names still count as the article's actors."""
    if si != len(doc.sentences) - 1:
        return False
    sent = doc.sentences[si]
    words = [t for t in doc.tokens[sent.first_token:sent.last_token] if t.norm[:1].isalpha()]
    return bool(words) and words[0].norm == TAG_HEAD


APPEAL_ROOT = "02"  # an appeal to one's own staff is no event (staff_appeal)

# The words of a disaster, and of an accident when the sentence calls it one (resources/cues/mishaps.tsv: حادث غرق
# قارب، حادث الاصطدام، حادث سير): the dead of a flood, a boat that sank, a collision are nobody's act.
DEATH_WORDS = frozenset({"قتل", "لقي"})  # first-word keys of the rows of a death told with no act (قتل، مقتل، لقي مصرعه)


def accident_death(pat, tokens: list, lo: int, hi: int) -> bool:
    """Is a trigger a death told with no act (قتل، مقتل، لقي مصرعه: a weak or passive row whose first word
    is one of DEATH_WORDS) in a sentence ``[lo, hi)`` about a disaster or an accident (لقي 12 شخصا حتفهم
    في حادث غرق قارب، قتل 15 شخصا في الحادث الذي وقع إثر اصطدام مركبين)?"""
    if not ("passive" in pat.flags or "weak" in pat.flags) or DEATH_WORDS.isdisjoint(pat.words[0]):
        return False
    keys = {t.key for t in tokens[lo:hi]}
    return not keys.isdisjoint(word_set("mishaps", "disaster")) or not (
        keys.isdisjoint(word_set("mishaps", "accident")) or keys.isdisjoint(word_set("mishaps", "accident_noun")))


def speaker_toll(pat, tokens: list, tm_start: int, hi: int, sources: list[ActorMention],
                 targets: list[ActorMention]) -> bool:
    """Is a death told with no act (:data:`DEATH_WORDS`: قتل، قتلوا، لقي مصرعه) given for doer its
    reporter, the subject of the clause that frames it with إن/أن, on no named victim of another state
    (قالت الشرطة السويدية إن شخصين قتلا في متجر، قال مسؤول في وزارة الصحة الليبية إن تسعة مدنيين
    قتلوا)?  The speaker tells the deaths, it does not cause them.  A force reporting its enemy's dead
    (أوضحت قيادة العمليات العراقية أن سبعة عناصر من داعش قتلوا) keeps its event, and so does a death in
    an attack named after it in the sentence ``[.., hi)`` (إن شخصين قتلا في هجوم على متجر: an attack by
    an unnamed doer, coded where it happens)."""
    if not ("passive" in pat.flags or "weak" in pat.flags) or DEATH_WORDS.isdisjoint(pat.words[0]):
        return False
    src = sources[0]
    if src.implied or src.token_end > tm_start or all(t.norm not in COMPLEMENTIZERS for t in tokens[src.token_end:tm_start]):
        return False
    attack = toll_words()["attack"]
    if any(bare(t) & attack for t in tokens[tm_start + 1:hi]):
        return False
    return all(t.implied or t.code == src.code for t in targets)


# A demand verb spelled like the noun "student" (طالب، طالبا، طالبة) after a number is a count of students
# (لعدد 600 طالب، 39 طالبا و39 طالبة), never a demand; an accusing participle spelled like the noun
# "defendant" (متهما) after a number is a count of defendants (قرارا بحبس 15 متهما), never an accusation
# (resources/cues/counted.tsv, by the root of the trigger they are spelled like).
COUNTED_ROOTS = frozenset({"10", "11"})


def counted_students(pat, tokens: list, tm_end: int, lo: int) -> bool:
    """Is a one-word demand or accusation trigger ending at token ``tm_end`` a number of students or
    defendants (600 طالب، 12 متهما)?"""
    root = pat.cameo[:2]
    if root not in COUNTED_ROOTS:
        return False
    keys = word_set("counted", root, "root")
    return (len(pat.words) == 1 and tm_end - 2 >= lo
            and tokens[tm_end - 1].key in keys and tokens[tm_end - 2].norm.isdigit())


# A truce named as a noun (الهدنة، وقف إطلاق النار: the 0871 noun rows) is mostly the topic of another act
# (رحبت الجامعة بالهدنة، طالب الحوثيين باحترام الهدنة، قبل ساعات من سريان الهدنة): the actors of that act are
# not the truce's parties.  Only a doer named in a relative clause on it (الهدنة التي أعلنها التحالف) makes
# it an event (on SaudiNewsNet 10001-13000, 90 of 99 such events read wrong).
TRUCE = "0871"
TRUCE_DOER = "rel_doer"


def truce_topic(pat, source_how: str) -> bool:
    """Is a truce noun's event one whose doer no relative clause names (see TRUCE)?"""
    return pat.cameo == TRUCE and "noun" in pat.flags and source_how != TRUCE_DOER


# Roots of material conflict (force, arrests, attacks): a demonstrative before such a noun refers back to an
# act told before (see :func:`told_before`).
CONFLICT_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
# The demonstratives that point back so (condemned.DEMONSTRATIVES but ذلك, which before a noun is mostly the
# adverb: إلى ذلك، يضاف إلى ذلك الحصار الذي يفرضه الجيش، مع ذلك).
POINTERS = DEMONSTRATIVES - {"ذلك"}


def told_before(pat, tokens: list, tm_start: int, lo: int) -> bool:
    """Is a noun of material conflict right after a demonstrative (هذا الهجوم، بهذا القصف، هذه الاعتقالات، تلك
    الاعتداءات، مثل هذه الهجمات)?  The demonstrative points back to an act told before, or to such acts in
    general: the noun tells no act of its own, and the actors around it are those of another act (who
    condemns it, who reports it, whom it harms: أدانت الكويت هذا الاعتداء، قال إن هذه الاعتقالات تكشف…).
    The act is coded where it is told (the annotated sets code no event on such a noun).  The article on the
    trigger makes it a noun."""
    if pat.cameo[:2] not in CONFLICT_ROOTS or tm_start <= lo:
        return False
    tok, dem = tokens[tm_start], tokens[tm_start - 1].norm.lstrip("وف")
    if dem not in POINTERS and not (dem[:1] in ("ب", "ل", "ك") and dem[1:] in POINTERS):
        return False
    return "ال" in tok.prefix or tok.norm.startswith("ال")


# The preposition that seats a party at the table (يتفاوض المجلس مع القاعدة): see talks_sides
WITH = "مع"


def talks_sides(pat, tokens: list, sources: list[ActorMention], targets: list[ActorMention]
                ) -> tuple[list[ActorMention], list[ActorMention]] | None:
    """The sides of talks, a meeting, a call or a visit (root 04) without a transnational armed group (an
    ``NSA:`` code: ISIS, al-Qaeda) that is only their topic: وصل كارتر إلى بغداد لبحث مواجهة تنظيم داعش، التقى
    بارزاني لتقييم الجهود المبذولة لمحاربة داعش (no gold event of the train, dev or annotated sets has such a
    group as a side of root 04; on 14,699 unseen articles 72 such events were nearly all this topic).  A group
    named right after مع does sit at the table (يتفاوض المجلس الأهلي مع القاعدة بشأن انسحابه).  None when a
    side was named and only such groups fill it: the act is then no event."""
    if pat.cameo[:2] != CONSULT_ROOT:
        return sources, targets

    def topic(m: ActorMention) -> bool:
        return m.code.startswith("NSA:") and not m.implied and not (
            m.token_start > 0 and tokens[m.token_start - 1].norm.lstrip("و") == WITH)

    kept_s = [m for m in sources if not topic(m)]
    kept_t = [m for m in targets if not topic(m)]
    if (sources and not kept_s) or (targets and not kept_t):
        return None
    return kept_s, kept_t


def no_event(pat, tokens: list, tm_start: int, tm_end: int, lo: int, hi: int, sources: list[ActorMention],
             targets: list[ActorMention], source_how: str = "", addressed: bool = False, paired: bool = False) -> bool:
    """Do a trigger's words, with the arguments found, make no event?  A BLOCK row (its words are no
    event, whatever target the steps before gave it), a weak row with no target, an appeal to the
    speaker's own staff (حث الوزير منسوبي الوزارة على…: :func:`staff_appeal`), a meeting or appeal
    in a sentence about a match (أقيم لقاء الفريقين على ملعب…: :func:`sport_sentence`), a death in an
    accident (:func:`accident_death`), a number of students (600 طالب: :func:`counted_students`), a truce
    named as the topic of another act (``source_how``: how the coder found the source; :func:`truce_topic`),
    a death whose only doer is its reporter (:func:`speaker_toll`), a noun of force after a demonstrative,
    an act told before (هذا الهجوم: :func:`told_before`), an appeal or demand a religion or a charter makes
    (:func:`creed_appeal`); the trigger spans tokens ``[tm_start, tm_end)``.
    ``addressed``: an appeal whose object is a collective no actor names (addressee.py) has no target
    but is an event, a weak row's too (طالب المجتمع الدولي: the demand, not the student); so is ``paired``, a
    symmetric act whose conjoined subjects are each other's side (لافروف والجبير بحثا الأوضاع:
    arguments.each_other)."""
    if not sources or ("weak" in pat.flags and not (targets or addressed or paired)) or "block" in pat.flags:
        return True
    if accident_death(pat, tokens, lo, hi) or counted_students(pat, tokens, tm_end, lo) or truce_topic(pat, source_how):
        return True
    if speaker_toll(pat, tokens, tm_start, hi, sources, targets) or told_before(pat, tokens, tm_start, lo) \
            or creed_appeal(pat, tokens, tm_start, tm_end, lo, hi, sources + targets):
        return True
    root = pat.cameo[:2]
    if root == CONSULT_ROOT and "noun" in pat.flags and not pat.flags & VISIT_FLAGS and sidelines_of(tokens, tm_start, lo):
        return True
    if root == APPEAL_ROOT and staff_appeal(tokens, tm_end, hi, public_only=not all(
            t.implied or t.code == sources[0].code for t in targets)):
        # a notice to applicants or residents of another state is one too (دعت الجوازات الأشقاء اليمنيين ممن…)
        return True
    return root in SPORT_ROOTS and sport_sentence(tokens, lo, hi)


def own_targets(s: ActorMention, targets: list[ActorMention], tokens: list) -> list[ActorMention | None]:
    """The targets source ``s`` can act on (not itself); None when there are none.  A source that is
    itself one of the targets (X وY conjoined as both) makes no event with them."""
    out: list[ActorMention | None] = [t for t in targets if t.implied or s.implied or (
        t.span != s.span and not same_actor(s, t, tokens))]
    if not out and any(t.span == s.span for t in targets):
        return []
    return out or [None]
