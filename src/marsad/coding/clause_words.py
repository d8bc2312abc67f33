"""Words and word shapes the argument heuristics read: clause openers, prepositions, time
adverbs, speech verbs, verbs of carrying out, nouns of things an act is aimed at, and tests on
one token or mention (a participle, an oblique plural, a possessed owner, an agent phrase).

Used by :mod:`marsad.coding.arguments` and the modules around it (argrank, exposed, victims).
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.document import ActorMention, Token
from marsad.text.reporting_words import reporting_words
from marsad.text.time_words import WEEKDAYS
from marsad.text.tokens import THIRD_PERSON_SUFFIXES, WORD_CACHE_LIMIT, candidates, reads

# Tokens (keys or norms) that open a new clause inside a sentence.
CLAUSE_WORDS = frozenset({
    "ان", "انه", "انها", "انهم", "الذي", "التي", "الذين", "حيث", "بينما", "فيما", "عندما", "بعدما",
    "لكن", "لكنه", "غير", "كما", "اذ", "اذا", "لو", "حين", "حينما", "ريثما", "كي", "لكي", "ما",
    "مما", "عقب", "اثر", "بعد", "قبل", "وسط", "خلال", "جراء", "بسبب",
})
# Of those, and a few more, the ones that open a time or cause adjunct (غداة هجوم نسب إلى داعش، بعد توقيع
# الاتفاق بين القوى الكبرى وطهران، منذ وصول خاتمي، بسبب محاولاتها): an actor named after one is an argument of
# the adjunct's own act, not a far object of the trigger before it (arguments.find_args, next_far).
ADJUNCT_WORDS = frozenset({"غداه", "عقب", "اثر", "بعد", "بعدما", "قبل", "منذ", "خلال", "اثناء", "جراء", "بسبب", "ابان"})
# Of those, the ones that join a new clause with its own subject (كما أدانت الرابطة، فيما طالب الوزير):
# what follows one is never an argument of a trigger before it.
NEW_CLAUSE_WORDS = frozenset({"كما", "فيما", "بينما", "حيث", "لكن", "لكنه"})
# ... except فيما before these: فيما يتعلق بأزمة روسيا is "as regards"
REGARDING = frozenset({"يتعلق", "تتعلق", "يخص", "تخص", "يتصل", "تتصل"})
BOUNDARY_PUNCT = frozenset({",", ";", ":", '"', "(", ")", "-", "—", "–", "[", "]"})
# Words before a verb that keep it clause-initial (و قد، ثم، كما، فقد…).
VERB_LEADS = frozenset({"قد", "ثم", "كما", "وقد", "فقد", "لقد", "ايضا", "بدوره", "بدورها", "اليوم", "امس"})
# Complementizers with a pronoun subject (أنها تعتزم، إنه سيزور، بأنهم رفضوا): the verb after them has
# no subject of its own in the clause.
PRONOUN_COMPS = frozenset({"انه", "انها", "انهم", "انهما", "اننا", "انني", "انا"})
# Statement and document nouns that are the subject of a verb of saying or asking (ودعا البيان،
# وطالبت الرسالة، أن المذكرة طالبت): the act is their issuer's.
STATEMENT_NOUNS = frozenset({
    "بيان", "رساله", "مذكره", "تقرير", "خطاب", "وثيقه", "اعلان", "بلاغ", "نداء", "برقيه", "تصريح",
})
# Titles of a member or officer of a body (عضو، رئيس، نائب، مقرر), normalized keys: a verb's subject
# may be a long title phrase whose body is named behind في (انتقد رئيس لجنة الدفاع في البرلمان العراقي).
MEMBER_TITLES = frozenset({"عضو", "عضوه", "اعضاء", "رييس", "رييسه", "نايب", "نايبه", "مقرر", "مقرره"})
# Words from the verb to the body of such a title phrase, في included.
TITLED_REACH = 7
# Kinds of a one-word mention that may stand inside the title phrase as part of a committee's name
# (لجنة الأمن والدفاع: الأمن is read as a security agent).
INNER_KINDS = frozenset({"agent", "coref"})
# Prepositions that can follow a verb directly and introduce its object, never its subject.
VERB_PREPS = frozenset({"من", "الي", "علي", "عن", "في", "مع", "ضد", "لدي", "تجاه", "حيال", "بحق", "امام", "عند", "حول"})
# Of those, the ones after which an actor is an object or a circumstance, never a verb's subject, unlike من
# (عناصر من داعش اختطفوا: some of ISIS), مع (a partner who acts too) or في (الأعضاء في المنظمة): إلى، عن، ضد،
# تجاه، حيال، بحق (محاولة تهريب حبوب إلى السعودية وقبضت على المتهم: Saudi Arabia arrests no one).
OBJECT_PREPS = frozenset({"الي", "عن", "ضد", "تجاه", "حيال", "بحق"})
# Words before the agent of a passive act: من قبل، على يد، بواسطة، برصاص/بنيران (by the fire of).
AGENT_PREPS = frozenset({"قبل", "يد", "بواسطه", "برصاص", "رصاص", "بنيران", "نيران", "بقصف", "بايدي", "ايدي"})
# Time adverbs that can stand between a verb and its subject (أعلنت أمس الأحد وزارة…).
TIME_WORDS = frozenset({"امس", "يوم", "فجر", "صباح", "مساء", "ظهر", "ليله", "ماضي", "ماضيه"}) | WEEKDAYS

# Words of condemning, denouncing or rejecting an act (أدانت، ندد، استنكر، شجب، انتقد، رفض، إدانة،
# منددا): whoever says them is not the doer of the nominal act they govern (أدانت الجامعة القصف).
CONDEMN_WORDS = frozenset({
    "ادان", "ادانت", "دان", "دانت", "ادانوا", "دانوا", "يدين", "تدين", "يدينون", "ندين",
    "ندد", "نددت", "نددوا", "يندد", "تندد", "ينددون", "منددا", "منددين", "مندده",
    "استنكر", "استنكرت", "استنكروا", "يستنكر", "تستنكر", "مستنكرا", "مستنكرين", "مستنكره",
    "شجب", "شجبت", "شجبوا", "يشجب", "تشجب", "انتقد", "انتقدت", "انتقدوا", "ينتقد", "تنتقد", "منتقدا",
    "رفض", "رفضت", "رفضوا", "يرفض", "ترفض", "رافضا", "رافضين",
    "ادانه", "ادانتها", "ادانته", "ادانتهم", "تنديد", "تنديده", "تنديدها", "استنكار", "استنكاره", "استنكارها",
    "شجبه", "شجبها",
})

# Verbs of carrying out / leading / claiming with an object pronoun that points back at a nominal act
# (غارات شنتها الطائرات، الهجوم الذي نفذه التنظيم، الهجمات التي يشنها، تبناه): the mention right
# after such a verb is usually the act's agent (a feature of the argument model, see argrank).
DOER_STEMS = frozenset({
    "شن", "شنت", "يشن", "تشن", "شنو", "نفذ", "نفذت", "ينفذ", "تنفذ", "نفذو", "ارتكب", "ارتكبت", "يرتكب",
    "ترتكب", "ارتكبو", "تبنا", "تبنت", "يتبني", "قاد", "قادت", "يقود", "تقود", "اطلق", "اطلقت", "يطلق",
    "تطلق", "نظم", "نظمت", "ينظم", "تنظم",
})  # not قدم/وجه: قدمه، وجهه، توجهه are as often nouns with a possessive (his foot, face, leaning)
OBJ_SUFFIXES = (*THIRD_PERSON_SUFFIXES, "ته")
# Particles that may open a trigger pattern before its verb (لم يستبعد، ولن تسمح، فلا يمكن).
VERB_PARTICLES = frozenset(c + p for c in ("", "و", "ف") for p in ("لم", "لن", "لا", "ما", "قد"))
# Nouns of places, things and stances an act is aimed at (استهدفت مواقع الحوثيين، قصف مقرات التنظيم،
# جمدت أموال الرئيس، انتقد سياسة إيران، أشاد بموقف المملكة، تؤيد حق تركيا): an actor right after one
# is their owner, the act's target, never its subject.
OBJECT_NOUNS = frozenset({
    "موقع", "مواقع", "مقر", "مقرات", "تجمع", "تجمعات", "معقل", "معاقل", "وكر", "اوكار", "هدف", "اهداف",
    "منزل", "منازل", "مركز", "مراكز", "قاعده", "قواعد", "مصالح", "اموال", "ممتلكات", "اصول", "مناطق",
    "مخزن", "مخازن", "ثكنه", "ثكنات", "نقطه", "نقاط", "موكب", "مواكب", "تحصينات", "مخابي", "دوريه",
    "دوريات", "اليات", "اليه", "اراضي", "سفينه", "سفن", "مستودع", "مستودعات", "معسكر", "معسكرات",
    "موقف", "مواقف", "سياسه", "سياسات", "تصريحات", "قرار", "قرارات", "حق", "حقوق", "دور", "جهود",
    "تدخل", "تدخلات", "اعتداءات", "انتهاكات", "ممارسات", "تفسير", "دعوه", "دعوات", "مطالب", "اتهامات",
    "ادعاءات", "مزاعم", "اقتراح", "مقترح", "مبادره", "خطه", "طلب",
})
NAMED_KINDS = frozenset({"state", "capital", "metonym", "person", "ner", "igo", "media"})
DOER_AUX = frozenset({"قام", "قامت", "يقوم", "تقوم"})
# Time words and adverbs of recency that can stand between a relative clause's verb and its subject
# (التي اتخذتها أخيرا الحكومة).
LATELY = TIME_WORDS | {"اخيرا", "موخرا", "حاليا"}
# Shapes of verbal nouns that no verb form has: افتعال، استفعال، انفعال، إفعال، تفعيل، مفاعلة.
MASDAR_SHAPE = re.compile(r"^(?:ا.ت.ا.|است..ا.|ان..ا.|ا..ا.|ت..ي.|م.ا..ه)$")


def is_doer_verb(toks: list[Token], i: int) -> bool:
    """Is token ``i`` a verb of carrying out with an object pronoun (شنتها، نفذه، يرتكبها) or
    قام/تقوم + بها / بتنفيذها?"""
    k = toks[i].key
    for suf in OBJ_SUFFIXES:
        if k.endswith(suf) and k[: -len(suf)] in DOER_STEMS:
            return True
    if k in DOER_AUX and i + 1 < len(toks):
        nxt = toks[i + 1].norm
        return nxt.startswith("ب") and nxt.endswith(("ه", "ها", "هم"))
    return False


def possessed_noun(tok: Token) -> bool:
    """Is ``tok`` a noun of places, things or stances an act is aimed at (:data:`OBJECT_NOUNS`)?
    آليات in a construct (استهداف آليات الحوثيين) normalizes to اليات, which reads as ال + يات."""
    return reads(tok, OBJECT_NOUNS) or tok.norm.lstrip("وفب") == VEHICLES


VEHICLES = "اليات"


def span_words(tokens: list[Token], a: int, b: int) -> int:
    """Words in ``[a, b)`` that are not time adverbs (قال أمس الثلاثاء وزير…: the subject still
    follows the verb)."""
    return sum(1 for t in tokens[a:b] if t.key not in TIME_WORDS)


def oblique_plural(tok: Token, m: ActorMention) -> bool:
    """Is the mention starting at ``tok`` a sound masculine plural or a dual in the oblique case
    (الفلسطينيين، المستوطنين، الطرفين)?  Right after a verb that is its object, never its subject
    (الفلسطينيون).  Names of states, towns and persons (فلسطين، البحرين، حسين) are not plurals."""
    return m.kind not in NAMED_KINDS and len(tok.key) >= 5 and tok.key.endswith("ين")


def possessed(tokens: list[Token], m: ActorMention) -> bool:
    """Is ``m`` the owner of a place or thing named right before it (مواقع الحوثيين، مقرات للتنظيم،
    أموال الرئيس)?"""
    return m.token_start >= 1 and possessed_noun(tokens[m.token_start - 1])


def is_participle(tok: Token) -> bool:
    """An accusative active participle (متهما، منددا، داعيا، واصفا) as used in circumstantial clauses."""
    k = tok.key
    if not k.endswith("ا") or k.endswith("وا"):
        return False
    return (len(k) >= 5 and k[0] == "م") or (len(k) == 5 and k[1] == "ا")


def has_prep(prefix: str, preps: frozenset[str]) -> bool:
    """A clitic preposition on the mention's first word (لـ، بـ) counts as a preposition."""
    p = prefix.lstrip("وف")
    return bool(p) and (p[0] in preps or (p[0] == "ل" and "ل" in preps))


def agent_phrase_start(tokens: list[Token], i: int) -> int | None:
    """Where the agent phrase (من قبل، على يد، على أيدي، بأيدي، بواسطة: by) that names the actor at token
    ``i`` begins, at most two words before it (على أيدي عناصر تنظيم…، من قبل مسلحي الحركة); None: no
    such phrase."""
    for j in range(i, max(i - 3, 1), -1):
        if j < i and (tokens[j].norm in BOUNDARY_PUNCT or tokens[j].key in VERB_PREPS):
            return None
        prev, before = tokens[j - 1].key, tokens[j - 2].key if j >= 2 else ""
        if prev in ("بواسطه", "بايدي"):
            return j - 1
        if (prev == "قبل" and before == "من") or (prev in ("يد", "ايدي") and before == "علي"):
            return j - 2
    return None


def is_condemn_word(tok: Token) -> bool:
    """A word of condemning or rejecting (:data:`CONDEMN_WORDS`), with any proclitic."""
    return reads(tok, CONDEMN_WORDS)


def is_speech_verb(tok: Token) -> bool:
    """A verb of saying whose subject is the sentence's speaker (قال، أكدت، يرى: the ``speaker`` rows of
    resources/cues/reporting.tsv), with any proclitic."""
    return _speech_word(tok.norm)


@lru_cache(maxsize=WORD_CACHE_LIMIT)
def _speech_word(norm: str) -> bool:
    """:func:`is_speech_verb` of a normal form, once per word: the speakers of a chain of sentences
    (subjects.running_speaker) look at every word of every sentence."""
    words = reporting_words().speech_verbs
    return any(k in words for _, k in candidates(norm))


def titled_body(tokens: list[Token], at: int, after: list[ActorMention]) -> int | None:
    """The index in ``after`` (the mentions after a verb, ``at``: the token after it) of the body that a
    member's title right after the verb names behind في: انتقد رئيس لجنة الدفاع في البرلمان العراقي،
    انتقد عضو لجنة الأمن والدفاع في مجلس النواب العراقي.  That mention stands for the verb's subject,
    though more than three words separate them; a mention inside the title phrase (الأمن of لجنة
    الأمن) is part of the body's name.  Between the title and في only words of its construct: no
    punctuation, no clause word, no other preposition.  None when the verb has no such subject."""
    if not after or tokens[at].key not in MEMBER_TITLES or tokens[at].prefix not in ("", "ال", "و", "وال"):
        return None
    for k, m in enumerate(after):
        end = m.token_start - 1
        if span_words(tokens, at, m.token_start) > TITLED_REACH:
            return None
        if tokens[end].norm != "في" or end <= at + 1:
            if m.kind not in INNER_KINDS or m.token_end - m.token_start > 1:
                return None  # رئيس البرلمان العراقي في بغداد: the title's own genitive, a named actor
            continue
        ok = all(t.norm[:1].isalnum() and t.key not in CLAUSE_WORDS and t.key not in VERB_PREPS and not t.suffix
                 for t in tokens[at + 1:end])
        return k if ok else None
    return None


def opens_adjunct(tokens: list[Token], k: int) -> bool:
    """Does token ``k`` open a time or cause adjunct (ADJUNCT_WORDS, with و / ف / على before it)?
    قبل of an agent phrase (من قبل) opens none."""
    tok = tokens[k]
    word = tok.norm[1:] if tok.norm[:1] in ("و", "ف") and tok.norm[1:] in ADJUNCT_WORDS else tok.norm
    if word not in ADJUNCT_WORDS and tok.key not in ADJUNCT_WORDS:
        return False
    return not (tok.key == "قبل" and k > 0 and tokens[k - 1].key == "من")
