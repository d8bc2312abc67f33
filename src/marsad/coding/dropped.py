"""A verb whose subject is dropped: the actor right after it is its object when their genders clash.

In VSO Arabic a verb agrees in gender with a subject that follows it at once (قالت الوزارة، قال
الوزير).  So a masculine verb followed at once by a feminine actor (وطالب الحكومة السورية بوقف القصف،
ودعا إيران إلى…، واتهم السعودية بدعم…) does not have that actor for its subject: the actor is the
object and the subject is dropped, the running subject of the text (the sentence's speaker or the
previous sentences' topic, which the coder takes when the clause names no subject).  Likewise a
feminine verb followed at once by a masculine title (وطالبت الرئيس السوري بالتنحي).

Not when something stands between the verb and the actor (a subject separated from its verb may take
a masculine verb: قال في البيان الحكومة…), nor for the genders :func:`mention_gender` does not know
(a group named by one word: قال داعش، قالت حماس).  A feminine verb before any other masculine word
is left alone: women named without a title (قالت ميركل), foreign acronyms (أعلنت الأونروا) and states
(وقعت الأردن) take it.  Only a verb that opens its clause counts, and not a bare form after أنّ, which
is a verbal noun with its genitive subject (أن رفض إدارة المترو), nor a verbal noun that a row lists beside its verbs, whose genitive is its subject
(بعد اتهام الحكومة العراقية لتركيا: the shapes of ``MASDAR_SHAPE``).  Broken plurals of persons in ة
are masculine (اختطف قراصنة صوماليون: ``resources/actors/gender.tsv``).

Verbs that always take an object before a second complement (اتهم X بـ، حث X على، حمّل X المسؤولية:
``resources/cues/object_verbs.tsv``) tell their object by that complement whatever the genders: an actor
standing alone between the verb and it is the object (واتهمت الولايات المتحدة بتقويض جهود السلام), the
subject being dropped or the verb passive (:func:`object_by_frame`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from marsad import resources
from marsad.actors.coref import PERSON_TITLES
from marsad.coding.agreement import mention_gender, verb_gender
from marsad.coding.clause_words import MASDAR_SHAPE
from marsad.coding.lexicon import TriggerMatch
from marsad.document import ActorMention, Token
from marsad.text.normalize import normalize_text
from marsad.text.tokens import candidates, has_article

# Particles after which a bare form is a verbal noun (أنّ takes a noun): ان رفض الحكومة.
NOUN_LEADS = frozenset({"ان", "بان", "لان", "انه"})
# Endings of a verb form that is not the bare third person masculine perfect (feminine, dual, plural,
# first and second persons, defective stems) or of a noun.
BARE_ENDINGS = ("ت", "ه", "ا", "و", "ي", "ن", "ى")


def _masculine_sure(m: ActorMention, tokens: list[Token]) -> bool:
    """Is ``m`` masculine beyond doubt: led by a masculine title (الرئيس، الوزير)?  Not a state listed
    masculine: news also writes وقعت الأردن، أعلنت العراق."""
    return any(k in PERSON_TITLES for _, k in candidates(tokens[m.token_start].norm))


def _slot_key(tok: Token, slot: object) -> str:
    """The reading of ``tok`` that the pattern slot lists ("" for none, or for a verbal noun with the
    article), as :func:`verb_gender` finds it."""
    if not isinstance(slot, frozenset) or has_article(tok.prefix):
        return ""
    return next((k for _, k in candidates(tok.norm) if k in slot), "")


def _defective(tok: Token, slot: object) -> str | None:
    """The gender of a defective verb's perfect (دعا / دعت، نفى / نفت), whose forms
    :func:`verb_gender` does not pair."""
    key = _slot_key(tok, slot)
    if len(key) < 3 or key[:-1] in slot:
        return None
    if key.endswith(("ا", "ي")) and key[:-1] + "ت" in slot:
        return "m"
    if key.endswith("ت") and any(key[:-1] + e in slot for e in ("ا", "ي")):
        return "f"
    return None


def paired_gender(tokens: list[Token], i: int, slot: object) -> str | None:
    """The gender of the verb form at token ``i`` as the other forms of its row show it (:func:`verb_gender`,
    defective perfects included: دعا / دعت); None for a bare form the row pairs with nothing, a verbal
    noun, a dual or a plural."""
    return verb_gender(tokens, i, slot) or _defective(tokens[i], slot)


def _bare_masculine(tok: Token, slot: object) -> str | None:
    """"m" for a listed verb form with no ending (طالب، أشاد، انتقد), when the row lists no other form to
    tell its gender by (:func:`verb_gender` then knows none): the third person masculine perfect."""
    key = _slot_key(tok, slot)
    if len(key) < 3 or key.endswith(BARE_ENDINGS) or key.startswith("ت"):
        return None  # تطالب: a feminine (or second person) imperfect
    if MASDAR_SHAPE.match(key):
        return None  # بعد اتهام الحكومة العراقية لتركيا: a verbal noun, its genitive the subject
    return "m"


def object_by_gender(tm: TriggerMatch, tokens: list[Token], verb: int, m: ActorMention) -> bool:
    """Is ``m``, standing right after the verb at token ``verb``, its object because their genders
    clash (see the module docstring)?"""
    if m.token_start != verb + 1 or "noun" in tm.pattern.flags or "passive" in tm.pattern.flags:
        return False
    if verb > 0 and tokens[verb - 1].key in NOUN_LEADS and not tokens[verb].key.startswith("ي"):
        return False  # ان رفض إدارة المترو: a verbal noun and its genitive subject
    slot = tm.pattern.words[verb - tm.start] if verb - tm.start < len(tm.pattern.words) else None
    found = paired_gender(tokens, verb, slot) or _bare_masculine(tokens[verb], slot)
    if found is None:
        return False
    noun = mention_gender(m, tokens)
    if found == "m":
        return noun == "f" and m.kind != "person"
    return noun == "m" and _masculine_sure(m, tokens)


# Endings of a masculine plural verb (قتلوا، يقتلون) whose singular the pattern row lists (قتل، يقتل).
PLURAL_ENDINGS = ("وا", "ون")


def object_by_number(tm: TriggerMatch, tokens: list[Token], verb: int, m: ActorMention) -> bool:
    """Is ``m``, standing right after the plural verb at token ``verb``, its object?  In VSO Arabic a verb
    before its subject stays singular (قتل المسلحون، هاجم الحوثيون); a plural verb has its subject in
    itself, a pronoun (والآن يقتلون رجال الأمن وهم يصلون، هاجموا الشرطة في العريش: the security men and
    the police are attacked).  Only forms whose singular the row lists (يقتلون / يقتل, قتلوا / قتل), so
    that a singular verb ending in ون or وا (يكون، دعوا) is never read as a plural."""
    if m.token_start != verb + 1 or "noun" in tm.pattern.flags or "passive" in tm.pattern.flags:
        return False
    if verb > 0 and tokens[verb - 1].key in NOUN_LEADS and not tokens[verb].key.startswith("ي"):
        return False
    slot = tm.pattern.words[verb - tm.start] if verb - tm.start < len(tm.pattern.words) else None
    key = _slot_key(tokens[verb], slot)
    if len(key) < 5 or not key.endswith(PLURAL_ENDINGS) or not isinstance(slot, frozenset):
        return False
    if key.endswith("ون") and not key.startswith(("ي", "ت")):
        return False
    return key[:-2] in slot


# The longest mention read as the object of an object_verbs.tsv verb: a name from the dictionaries (المملكة
# العربية السعودية، حزب العمال الكردستاني), a role noun with its nisba (الحكومة الإسرائيلية) or a person's
# name alone (أردوغان); a longer mention of those kinds is mostly a subject and an object joined
# (الانفصاليون الحكومة الأوكرانية، المعارضة أردوغان).
NAMED_OBJECT_WORDS = 3
FRAME_OBJECT_WORDS = {"demonym": 2, "person": 1, "agent": 2}


@lru_cache(maxsize=1)
def object_verbs() -> dict[str, tuple[str, ...]]:
    """Verb form → the complements that follow its object (``resources/cues/object_verbs.tsv``)."""
    table: dict[str, tuple[str, ...]] = {}
    for row in resources.read_tsv(resources.path("object_verbs")):
        after = tuple(normalize_text(w) for w in row["complement"].split())
        for verb in normalize_text(row["verb"]).split():
            table[verb] = after
    return table


def object_by_frame(tm: TriggerMatch, tokens: list[Token], verb: int, m: ActorMention,
                    ments: list[ActorMention]) -> bool:
    """Is ``m``, standing right after the verb at token ``verb``, its object because the verb always takes
    one and its second complement follows ``m`` at once (واتهمت الولايات المتحدة بتقويض، وحث الحكومة على،
    حمل الاحتلال المسؤولية)?  The subject is dropped or the verb passive (object_verbs.tsv).  Not when
    another mention of ``ments`` follows ``m`` at once (باكستان is no ب + noun), nor when ``m`` is long: the
    actors stage joins a subject and an object of one state into one mention (الرئيس الأمريكي باراك أوباما
    الكونغرس، الانفصاليون الحكومة الأوكرانية)."""
    if m.token_start != verb + 1 or m.token_end >= len(tokens) or tm.pattern.flags & {"noun", "passive"} \
            or m.token_end - m.token_start > FRAME_OBJECT_WORDS.get(m.kind, NAMED_OBJECT_WORDS):
        return False
    table = object_verbs()
    after = next((table[k] for p, k in candidates(tokens[verb].norm) if p in ("", "و", "ف") and k in table), None)
    if after is None or any(o.token_start == m.token_end for o in ments):
        return False  # اتهم الرئيس الأفغاني باكستان بـ: an actor, not the complement, follows
    nxt = tokens[m.token_end]
    return any(nxt.norm == w or nxt.key == w or (len(w) == 1 and nxt.norm.startswith(w) and len(nxt.norm) > 3)
               for w in after)


# The subjunctive أن right before a verb: the verb's subject is the framing clause's, left unsaid
# (قررت روسيا أن تدعم اليونان، تعتزم مصر أن ترسل قوات). Normalized, أن and إن are one spelling; إنّ
# takes a noun, not a verb, so a verb right after it reads as أن.
SUBJUNCTIVE = "ان"


def subjunctive_object(tm: TriggerMatch, tokens: list[Token], verb: int, m: ActorMention,
                       main: Callable[[], ActorMention | None]) -> bool:
    """Is ``m``, right after the verb at ``verb`` that the subjunctive أن opens, its object because the
    verb agrees with the framing clause's subject (``main()``, asked for only when أن stands before the
    verb), who does the act (قررت روسيا أن تدعم اليونان: Russia supports Greece)?  The imperfect only
    (ي / ت), and the framing subject of the verb's gender."""
    if m.token_start != verb + 1 or verb < 1 or tm.pattern.flags & {"noun", "passive"} \
            or tokens[verb - 1].norm != SUBJUNCTIVE:
        return False
    main = main()
    if main is None or main.token_end > verb - 1 or main.code == m.code:
        return False
    slot = tm.pattern.words[verb - tm.start] if verb - tm.start < len(tm.pattern.words) else None
    found = verb_gender(tokens, verb, slot)
    key = tokens[verb].key
    return found is not None and key[:1] in ("ي", "ت") and found == mention_gender(main, tokens)
