"""An attack named as the object of a condemnation (أدانت الإمارات التفجير الإرهابي الذي استهدف مسجدا
في أبها، ندد الرئيس بالهجوم الذي نفذه تنظيم داعش في بغداد).

Two mistakes follow from reading such a sentence clause by clause.  The attack noun takes the
condemner, the subject before it, for its doer (الإمارات → ARE > ARE 180); and the condemnation,
whose object names no actor, takes the condemner's own state as a domestic target.  The guideline
and the training set code an attack whose doer no one names with the country where it happened,
and a condemnation of it with that country for target (a named doer, الذي نفذه تنظيم داعش or a
claim, is the target instead).

:func:`condemned_attack` tells the coder that an attack trigger is the object of a condemnation
before it, so that the actors before it are no doers; :func:`condemned_target` gives a condemnation
the doer named after the attack noun it governs, or the country of the place named after it.
:func:`retold_attack` finds the attack noun that a relative clause retells (التفجير الذي استهدف مسجدا):
its verb is no second event.  An attack noun told after a word of condolence in its clause (قدمت إسبانيا
تعازيها للحكومة السعودية بعد التفجير) is read like a condemned one: the one who condoles is no doer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from marsad import resources
from marsad.actors.pieces import is_adjectival_demonym
from marsad.coding.addressee import addressee_words
from marsad.coding.arguments import Args
from marsad.coding.clause_words import STATEMENT_NOUNS, TIME_WORDS, is_condemn_word
from marsad.coding.implicit import locative_town
from marsad.coding.lexicon import TriggerMatch
from marsad.coding.subject_of import relative_doer
from marsad.coding.victims import bare, toll_words
from marsad.document import ActorMention, Document, Token
from marsad.text.normalize import normalize_text
from marsad.text.tokens import RELATIVE_PRONOUNS, THIRD_PERSON_SUFFIXES, candidates, reads
from marsad.when_where.gazetteer import Gazetteer

CONDEMN_ROOT = "11"
# Acts whose condemner is never their doer: coercion (ندد الاتحاد الأوروبي باعتقال الناشطة) and attacks.
CONDEMNED_ROOTS = frozenset({"17", "18", "19", "20"})
# Tokens from the condemn word to the attack noun: the subject, adverbs and a time aside (أدانت
# الأمانة العامة للمنظمة، اليوم (الجمعة)، الهجوم).
CONDEMN_REACH = 10
# Tokens from the condemnation trigger's end to the attack noun it governs (بشدة، "كافة" between).
OBJECT_REACH = 3
# How far after the attack noun its place may be named (الهجوم الإرهابي الذي استهدف مسجدا في أبها).
PLACE_REACH = 12
STOP = frozenset({",", "،", ".", ";", ":", "و", "ثم", "لكن", "بينما", "فيما", "حيث"})


@dataclass(frozen=True, slots=True)
class CondemnedWords:
    """The word lists of ``resources/cues/condemned.tsv``, normalized."""

    nouns: frozenset[str]  # verbal nouns of condemning, whose object takes ل
    heads: frozenset[str]  # heads of a construct whose genitive is the act (عملية)
    adverbs: frozenset[str]  # بشدة، بقوة
    asides: frozenset[str]  # punctuation of an aside
    describe: frozenset[str]  # verbs of describing an act (وصف الهجوم بأنه…), read like a condemnation
    grief: frozenset[str]  # nouns of grief at an act (أعرب عن أسفه للهجوم), read like a condemnation
    condole: frozenset[str]  # nouns of condolence and solidarity (قدمت تعازيها … بعد التفجير)


@lru_cache(maxsize=1)
def condemned_words() -> CondemnedWords:
    """The word lists of the packaged condemned.tsv, read once per process."""
    rows = [(normalize_text(r["words"]), r["kind"]) for r in resources.read_tsv(resources.path("condemned"))]
    return CondemnedWords(*(frozenset(w for w, kind in rows if kind == k)
                            for k in ("noun", "head", "adverb", "aside", "describe", "grief", "condole")))


def _attack_noun(tok: Token) -> bool:
    return bool(bare(tok) & toll_words()["attack"])


def condemned_attack(tokens: list[Token], tm: TriggerMatch, ments: list[ActorMention], lo: int) -> bool:
    """Is the attack trigger ``tm`` (a noun) the object of a word of condemning before it in its
    clause (أدانت الإمارات التفجير، ندد بالهجوم، استنكر بشدة الاعتداء)?  Between the two only the
    subject may stand: actor mentions, definite words (وزارة الخارجية الأردنية) and adverbs (بشدة);
    not a preposition or a time word (يدينون تنظيم داعش بعد الهجوم، سجن لإدانته في هجوم).  An
    attack noun with a pronoun suffix, or after ل when a verb condemns, is the reason of the
    condemnation, not its object."""
    if tm.suffixed or tokens[tm.start].suffix:
        return False  # أدانت روسيا لغزوها أوكرانيا: the reason, its doer the pronoun's referent
    word = tokens[tm.start].norm.lstrip("وف")
    slot = tm.pattern.words[0]
    with_l = word.startswith("ل") and not (isinstance(slot, frozenset) and word in slot)
    words = addressee_words().skipped
    cw = condemned_words()
    for i in range(tm.start - 1, max(lo, tm.start - CONDEMN_REACH) - 1, -1):
        tok = tokens[i]
        if i == tm.start - 1 and _l_head(tok, cw):
            with_l = True  # عن إدانتها واستنكارها الشديدين لحادث التفجير: the object of a verbal noun
            continue
        if is_condemn_word(tok):
            # لإدانته: for his conviction; ل before the attack marks the object of a verbal noun only
            # (استنكار الجامعة للقصف), after a verb the reason (أدانت روسيا لغزو أوكرانيا)
            return not tok.prefix.endswith("ل") and (not with_l or _condemn_noun(tok, cw))
        if tok.norm in cw.describe:
            return described(tokens, tm.start + 1)
        if reads(tok, cw.grief):
            return True  # أعرب عن أسفه للهجوم، عن بالغ حزنه وأسفه للحادث الأليم والتفجير
        if not (tok.prefix in ("ال", "وال") or tok.norm in words or (i == tm.start - 1 and tok.key in cw.heads)
                or (tok.prefix == "لل" and tok.key in cw.heads)  # أسفه للحادث الأليم والتفجير
                or _condemner_word(tokens, i, ments, cw)):
            return _condoled(tokens, tm.start, lo, cw)
    return _condoled(tokens, tm.start, lo, cw)


# How far before an attack noun a word of condolence may stand in its clause (قدمت إسبانيا تعازيها للحكومة
# السعودية بعد التفجير، أعرب عن تعازيه ومواساته لذوي شهداء الواجب الذين راحوا ضحية للهجوم).
CONDOLE_REACH = 20


def _condoled(tokens: list[Token], at: int, lo: int, cw: CondemnedWords) -> bool:
    """Is the attack noun at ``at`` told in a clause of condolence or solidarity, after its word (قدمت إسبانيا
    تعازيها للحكومة السعودية بعد التفجير الإرهابي الذي استهدف مسجدا)?  The attack is retold as the reason of
    the condolence: neither the one who condoles nor the one condoled with is its doer.  Not past a full stop,
    a semicolon, a conjunction that opens a clause (فيما، بينما) or a verb of saying.  Only an attack noun: a
    verb tells an act of its own."""
    if not _attack_noun(tokens[at]):
        return False
    for i in range(at - 1, max(lo, at - CONDOLE_REACH) - 1, -1):
        tok = tokens[i]
        if reads(tok, cw.condole) or tok.key in cw.condole:
            return True
        if (tok.norm in STOP and tok.norm not in (",", "،")) or tok.key in _CONDOLE_STOP:
            return False
    return False


_CONDOLE_STOP = frozenset({"ان", "انه", "انها", "قال", "اضاف", "اكد", "قبل", "منذ"})


def _condemn_noun(tok: Token, cw: CondemnedWords) -> bool:
    """Is ``tok`` a verbal noun of condemning, bare or with the condemner's pronoun (عن استنكاره الشديد
    للهجوم، أعربت عن إدانتها واستنكارها للتفجير: ة is written ت before the pronoun)?"""
    for key in {tok.key} | {k for _, k in candidates(tok.norm)}:  # واستنكارها
        if key in cw.nouns:
            return True
        for suf in THIRD_PERSON_SUFFIXES:
            if key.endswith(suf) and len(key) > len(suf) + 2:
                stem = key[:-len(suf)]
                if stem in cw.nouns or (stem.endswith("ت") and stem[:-1] + "ه" in cw.nouns):
                    return True
    return False


def _l_head(tok: Token, cw: CondemnedWords) -> bool:
    """Is ``tok`` the head of a construct whose genitive is the act, after the ل of a verbal noun's
    object (عن إدانتها واستنكارها الشديدين لحادث التفجير الإرهابي)?"""
    return tok.prefix in ("", "ل") and tok.norm.startswith("ل") and tok.norm[1:] in cw.heads


def _condemner_word(tokens: list[Token], i: int, ments: list[ActorMention], cw: CondemnedWords) -> bool:
    """May token ``i`` stand between a condemn word and what it condemns as part of the condemner's phrase:
    inside an actor mention, an adverb (بشدة), a time word, an aside's punctuation, an abbreviation (د.) or
    the statement it was made in (في بيان لها)?  Both scans (:func:`condemned_attack`, :func:`_condemned_before`)
    allow these."""
    tok = tokens[i]
    return any(m.token_start <= i < m.token_end for m in ments) or tok.norm in cw.adverbs or tok.key in TIME_WORDS \
        or tok.norm in cw.asides or _abbreviation(tokens, i) or _in_statement(tokens, i)


# Words for an act that a relative clause describes as an attack once an adjective marks it (العمل
# الإرهابي الذي استهدف، الأعمال الإجرامية التي طالت).
ACT_WORDS = frozenset({"عمل", "اعمال"})
# A demonstrative before the attack noun refers back to an attack told before, or to attacks in general
# (بريء من هذه الأعمال الإرهابية التي تستهدف المصلين).
DEMONSTRATIVES = frozenset({"هذا", "هذه", "هذين", "هذان", "تلك", "ذلك"})
# Attack nouns that are events of their own, which a relative clause on them retells (الغارات التي استهدفت،
# التفجير الذي استهدف): not عملية, سيارة, صاروخ, نيران, which carry no event alone.
RETOLD_ATTACKS = frozenset({"هجوم", "هجمات", "هجوما", "هجومين", "اعتداء", "اعتداءات", "انفجار", "انفجارات", "تفجير",
                            "تفجيرات", "تفجيرين", "ضربات", "ضربه", "غارات", "غارتين", "غاره", "قذائف", "قذيفه",
                            "قصف", "كمين", "عبوات", "عبوه"})
# How many adjectives may stand between the attack noun and الذي (الحادث الإرهابي الآثم الذي).
ANTECEDENT_REACH = 3
# Adjectives that make an act or incident an attack (العمل الإرهابي، الحادث الإجرامي).
CRIMINAL_ADJECTIVES = frozenset({"ارهابي", "ارهابيه", "اجرامي", "اجراميه", "انتحاري", "انتحاريه"})


def _criminal_act(tokens: list[Token], i: int) -> bool:
    """Is token ``i`` an act or incident called terrorist or criminal right after it (العمل الإرهابي، الحادث
    الإجرامي الآثم)?"""
    return (tokens[i].key in ACT_WORDS or tokens[i].key in condemned_words().heads) and i + 1 < len(tokens) \
        and tokens[i + 1].key in CRIMINAL_ADJECTIVES


def retold_attack(tokens: list[Token], tm: TriggerMatch, ments: list[ActorMention], lo: int) -> int | None:
    """The attack noun of which the verb trigger ``tm`` opens a relative clause and retells: an attack
    noun that is an event of its own (استشهدوا في حادث التفجير الإرهابي الذي استهدف مسجدا: the 183 of
    التفجير stands for the 190 of استهدف), or an act or incident that is the object of a condemnation
    (:func:`_condemned_before`: استنكرت دائرة الإفتاء العمل الإرهابي الذي استهدف مسجد قوات الطوارئ → the
    token of العمل) or follows a demonstrative (هذه الأعمال التي تستهدف).  Only definite adjectives may
    stand between the noun and الذي/التي.  None otherwise."""
    rel = tm.start - 1
    if rel <= lo or tokens[rel].norm not in RELATIVE_PRONOUNS:
        return None
    cw = condemned_words()
    # a comma may part the relative from its antecedent (الجريمة الإرهابية البشعة، التي استهدفت)
    last = rel - 2 if rel - 1 > lo and tokens[rel - 1].norm in ("،", ",") else rel - 1
    for a in range(last, max(lo, last - ANTECEDENT_REACH) - 1, -1):
        tok = tokens[a]
        adjectives = a < last
        if bare(tok) & RETOLD_ATTACKS:
            return a
        if _attack_noun(tok) or tok.key in cw.heads or (adjectives and tok.key in ACT_WORDS):
            told = a > lo and tokens[a - 1].norm in DEMONSTRATIVES  # مثل هذه الأعمال الإرهابية التي تستهدف
            return a if told or _condemned_before(tokens, a, ments, lo) else None
        if not tok.norm.startswith("ال") or any(m.token_start <= a < m.token_end for m in ments):
            return None
    return None


# Words that end the condemner's span before an attack noun: a complementizer or relative, a verb of saying.
_SPAN_STOP = frozenset({"ان", "انه", "انها", "الذي", "التي", "الذين", "قال", "اضاف", "اكد", "بعد", "قبل", "منذ"})


def _condemned_before(tokens: list[Token], a: int, ments: list[ActorMention], lo: int) -> bool:
    """Is the attack noun at ``a`` the object of a condemn word before it, read more loosely than
    :func:`condemned_attack`: the condemner between may be a bare name (كما دان النائب عبدالله العدواني
    الحادث) and its place a في phrase on an actor (استنكرت دائرة الإفتاء في الأردن العمل)."""
    cw = condemned_words()
    for i in range(a - 1, max(lo, a - CONDEMN_REACH - 4) - 1, -1):
        tok = tokens[i]
        if is_condemn_word(tok):
            return not tok.prefix.endswith("ل")
        fi_actor = tok.norm == "في" and any(m.token_start == i + 1 for m in ments)
        if tok.norm in STOP or tok.key in _SPAN_STOP or not (
                fi_actor or tok.prefix in ("", "ال") or _condemner_word(tokens, i, ments, cw)):
            return False
    return False


def _abbreviation(tokens: list[Token], i: int) -> bool:
    """Is token ``i`` a one-letter abbreviation or its point (د. الجفري، أ. د.)?"""
    j = i - 1 if tokens[i].norm == "." else i
    return j >= 0 and len(tokens[j].norm) == 1 and tokens[j].norm.isalpha()


def _in_statement(tokens: list[Token], i: int) -> bool:
    """Is token ``i`` part of an aside naming the statement a condemnation was made in (أدانت فرنسا في بيان
    لها الهجوم، في تصريح صحفي)?"""
    return any(1 <= j < len(tokens) and tokens[j].key in STATEMENT_NOUNS and tokens[j - 1].norm == "في"
               for j in (i + 1, i, i - 1, i - 2))  # في | بيان | لها، صحفي


DESCRIBED_REACH = 3  # tokens from the attack noun to the ب of what it is called (الهجوم الإرهابي بأنه)


def described(tokens: list[Token], after: int) -> bool:
    """Is the act noun before token ``after`` described right after it as something, with ب (وصف
    نتنياهو الهجوم بأنه عمل إرهابي، واصفا الانفجار بالجبان)?  Its describer, the subject before it,
    is no doer."""
    return any(t.norm.startswith(("بان", "بال")) for t in tokens[after:after + DESCRIBED_REACH])


def condemned_args(tokens: list[Token], tm: TriggerMatch, args: Args, sources: list[ActorMention],
                   targets: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]]:
    """The arguments of a condemned attack (:func:`condemned_attack`): only those named after it; the
    doer a relative clause on it names (القصف الذي شنه الجيش الإسرائيلي); a nisba adjective right
    after the attack noun is its doer (استنكار الجامعة للقصف التركي على
    مناطق في شمال العراق: TUR, the target left to what follows)."""
    sources = args.agent or [s for s in sources if s.token_start >= tm.end]  # من قبل طيران النظام
    targets = [t for t in targets if t.token_start >= tm.end]
    if not sources and (doer := relative_doer(tm, tokens, [*targets, *sources])) is not None:
        # القصف الذي شنه الجيش الإسرائيلي على غزة: the relative clause names the doer
        args.source_how = "rel_doer"
        return [doer], [t for t in targets if t is not doer]
    if not sources and targets and targets[0].token_start == tm.end and targets[0].kind == "demonym" \
            and is_adjectival_demonym(tokens[tm.end].key):
        sources, targets = targets[:1], targets[1:]
        args.source_how, args.target_how = "noun_after", args.target_how if targets else "none"
    args.source_how = args.source_how if sources else "none"
    return sources, targets


def _object_attack(tokens: list[Token], start: int, hi: int) -> int | None:
    """The attack noun that a condemnation ending before ``start`` governs, within OBJECT_REACH tokens; a
    second condemnation noun coordinated with it and its adjective (عن إدانتها واستنكارها الشديدين لحادث
    التفجير) and an aside on the statement or the day (أدان المجلس في بيان له اليوم حادث التفجير) do not
    count against the reach."""
    counted, i = 0, start
    while i < hi and counted < OBJECT_REACH:
        tok = tokens[i]
        if _attack_noun(tok) or _criminal_act(tokens, i):
            return i
        skipped = is_condemn_word(tok) or tok.key in TIME_WORDS or _in_statement(tokens, i) or (
            i > start and is_condemn_word(tokens[i - 1]) and tok.prefix == "ال")
        counted += not skipped
        i += 1
    return None


def _past_subject(tokens: list[Token], i: int, ments: list[ActorMention]) -> int:
    """The token after the subject that follows a verb ending at token ``i`` and after the place where
    it acted (أدانت وزارة الخارجية الفرنسية في باريس الهجوم: الهجوم), or ``i`` when no mention starts there."""
    for _ in range(2):
        m = next((m for m in ments if m.token_start == i), None)
        if m is None and i < len(tokens) and tokens[i].norm == "في":
            m = next((m for m in ments if m.token_start == i + 1 and m.locative), None)
        if m is None:
            break
        i = m.token_end
    return i


def condemned_target(doc: Document, tm: TriggerMatch, ments: list[ActorMention], places: list[ActorMention],
                     hi: int, gazetteer: Gazetteer | None) -> tuple[ActorMention | None, bool]:
    """For a condemnation trigger ``tm`` whose object is an attack noun: the attack's doer named in a
    relative clause on it (الهجوم الذي نفذه تنظيم داعش: (doer, False)), else the first place named
    after the noun within PLACE_REACH tokens: a country or capital of ``places`` (the sentence's
    locatives) or a town the gazetteer knows after في, ب or a locative word (مسجدا في أبها): (place,
    True), the caller makes it the implied state.  (None, False) when the object is no attack or
    neither is named."""
    tokens = doc.tokens
    start = _past_subject(tokens, tm.end, [*ments, *places])
    if tm.gaps and tm.end - 1 >= tm.gaps[-1][1]:
        start = tm.end - 1  # دان مجلس الوزراء الكويتي التفجير: the pattern's last word is the object
    a = _object_attack(tokens, start, hi)
    if a is None:
        return None, False
    after = [m for m in ments if m.token_start > a]
    doer = relative_doer(replace(tm, start=a, end=a + 1), tokens, after)
    if doer is not None:
        return doer, False
    stop = min(hi, a + 1 + PLACE_REACH)
    named = next((m for m in places if a < m.token_start < stop and not m.implied), None)
    if named is not None:
        return named, True
    for i in range(a + 1, stop) if gazetteer is not None else ():
        if tokens[i].norm in STOP and not (tokens[i].norm in (",", "،") and i + 1 < stop
                                           and tokens[i + 1].norm in RELATIVE_PRONOUNS):
            break  # الجريمة البشعة، التي استهدفت رجال الأمن في القطيف: a comma before the relative goes on
        found = locative_town(tokens, i, a + 1, gazetteer, fi=True)
        if found is not None:
            code = found.item.country
            return ActorMention(span=doc.token_span(i, found.end), code=code, kind="implied", token_start=i,
                                token_end=found.end, country=code, implied=True), True
    return None, False
