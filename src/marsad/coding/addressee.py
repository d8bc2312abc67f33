"""The addressee of an appeal or a demand that names no actor (دعا X المجتمع الدولي إلى…).

An appeal (02) or a demand (10) is made *to* its addressee, the verb's object: ودعت السعودية المجتمع
الدولي إلى الضغط على إسرائيل is an appeal to the international community, not to Israel, whose name
only stands in what is asked.  When that object is a collective no actor code names (the international
community, the world, donor countries, everyone) the event has no target (the train gold codes
دعت المجتمع الدولي إلى أن ينظر… and طالبوا المجتمع الدولي بتحمل مسؤولياته with none), and the clause
heuristics and the argument model, which look for an actor, took one from the content of the call.
An actor named with the collective (المجتمع الدولي، وخاصة مجلس الأمن) stays the target.

An actor that is the verb's bare object, with what is asked after it (ودعا دول الاتحاد الأوروبي إلى مساءلة
الحكومة الإسرائيلية، مطالبا الأمم المتحدة بتنظيم وفد), is the addressee: :func:`verb_addressee` tells the
coder to keep it against the argument model's pick of an actor named in what is asked.

"The two sides" or "all parties" as the object (دعا الأمين العام الطرفين إلى ضبط النفس، حث جميع
الأطراف على الحوار) names the two sides of the story told before it: :func:`parties_addressed` finds
the phrase (:func:`marsad.coding.implicit.party_referents` the two actors), any root.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from marsad import resources
from marsad.actors.stage import BOTH
from marsad.coding.conjuncts import mention_prefix
from marsad.coding.dropped import paired_gender
from marsad.document import ActorMention, Token
from marsad.text.normalize import normalize_text

ADDRESSEE_ROOTS = frozenset({"02", "10"})
SINGLING_REACH = 3
SUBJECT_REACH = 5  # the subject after the verb: its nisba may follow a head of up to four words (عضو اللجنة التنفيذية لمنظمة التحرير)


@dataclass(frozen=True, slots=True)
class AddresseeWords:
    """The word lists of ``resources/cues/addressee.tsv``, normalized (ة → ه, hamza forms → ا)."""

    collectives: tuple[tuple[str, ...], ...]  # the collectives, as the verb's bare object, in file order
    singling_out: frozenset[str]  # words that name an actor among the collective (وخاصة مجلس الأمن)
    skipped: frozenset[str]  # words between the verb (and its subject) and its object: أمس، مجددا، أيضا
    # "the two sides", "all parties" (الطرفين، جميع الأطراف) by their first word, longest first
    parties: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def addressee_words() -> AddresseeWords:
    """The addressee words of the packaged addressee.tsv, read once per process."""
    rows = [(normalize_text(r["words"]), r["kind"]) for r in resources.read_tsv(resources.path("addressee"))]
    return AddresseeWords(
        collectives=tuple(tuple(w.split()) for w, kind in rows if kind == "collective"),
        singling_out=frozenset(w for w, kind in rows if kind == "singling"),
        skipped=frozenset(w for w, kind in rows if kind == "skipped"),
        parties=_by_first_word([tuple(w.split()) for w, kind in rows if kind == "parties"]),
    )


def _by_first_word(phrases: list[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases keyed by their first word, the longest first under each."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for ph in sorted(phrases, key=len, reverse=True):
        out.setdefault(ph[0], []).append(ph)
    return {w: tuple(v) for w, v in out.items()}


def _skip_adverbs(tokens: list[Token], p: int, hi: int) -> int:
    """The first token from ``p`` on that is not an adverb (أمس، مجددا، أيضا)."""
    skipped = addressee_words().skipped
    while p < hi and tokens[p].norm in skipped:
        p += 1
    return p


def _skip(tokens: list[Token], p: int, ments: list[ActorMention], hi: int) -> int:
    """The first token from ``p`` on that is neither in an actor mention nor an adverb."""
    skipped = addressee_words().skipped
    while p < hi:
        inside = next((m for m in ments if m.token_start <= p < m.token_end), None)
        if inside is not None:
            p = inside.token_end
        elif tokens[p].norm in skipped:
            p += 1
        else:
            return p
    return p


def _collective_at(tokens: list[Token], p: int, hi: int) -> bool:
    """Does a collective start at token ``p``, with no actor singled out right after it?"""
    words_of = addressee_words()
    for words in words_of.collectives:
        end = p + len(words)
        if end <= hi and tuple(t.norm for t in tokens[p:end]) == words:
            after = tokens[end:min(hi, end + SINGLING_REACH)]
            return not any(t.norm in words_of.singling_out for t in after)
    return False


def collective_addressee(root: str, tokens: list[Token], at: int, sources: list[ActorMention],
                         ments: list[ActorMention], hi: int) -> bool:
    """Is the object of the appeal or demand whose trigger word is token ``at`` a collective that names
    no actor, with no actor singled out right after it?  The object stands right after the verb (SVO,
    a participle), or after its subject (VSO: the source, with the uncoded head before its nisba,
    وزارة الخارجية السعودية; ``ments``: the sentence's actor mentions)."""
    if root not in ADDRESSEE_ROOTS:
        return False
    p = _skip(tokens, at + 1, ments, hi)
    if _collective_at(tokens, p, hi):
        return True
    subject = [m for m in sources if at < m.token_start <= at + SUBJECT_REACH]
    return bool(subject) and _collective_at(tokens, _skip(tokens, subject[0].token_end, ments, hi), hi)


# The words that open what an appeal or a demand asks, after its addressee (إلى، على، أن; a verbal noun
# after ب / ل: بوقف، لمساءلة), and how far after the addressee (its conjuncts: وبعثتها) the first may stand.
ASKED_WORDS = frozenset({"الي", "علي", "ان", "بان"})
ASKED_PREFIXES = ("ب", "ل")
ASKED_REACH = 3
SUBJECT_TAIL = 2  # uncoded words of the subject after its coded part (a name: حكومة الثني)


def _asks_after(tokens: list[Token], p: int, hi: int, ments: list[ActorMention]) -> bool:
    """Does what is asked start within ASKED_REACH words of token ``p`` (actor mentions and words joined
    by و, the addressee's conjuncts, skipped)?"""
    stop = min(hi, p + ASKED_REACH)
    while p < stop:
        inside = next((m for m in ments if m.token_start <= p < m.token_end), None)
        if inside is not None:
            p, stop = inside.token_end, min(hi, inside.token_end + ASKED_REACH)
            continue
        tok = tokens[p]
        if tok.norm in ASKED_WORDS or (tok.norm.startswith(ASKED_PREFIXES) and len(tok.norm) > 3):
            return True
        if not (tok.norm.startswith("و") and len(tok.norm) > 3):  # a conjunct: وبعثتها، والحكومة
            return False
        p += 1
    return False


def verb_addressee(root: str, tokens: list[Token], at: int, noun: bool, sources: list[ActorMention],
                   target: ActorMention, ments: list[ActorMention], hi: int) -> bool:
    """Is ``target`` the bare object of the appeal or demand verb whose trigger word is token ``at``, with
    what is asked after it (ودعا دول الاتحاد الأوروبي لمساءلة الحكومة الإسرائيلية، ودعت حكومة الثني الأمم
    المتحدة إلى ممارسة الضغوط على برلمان طرابلس)?  It stands right after the verb (a dropped or earlier
    subject) or after its subject (VSO), adverbs skipped, with no preposition on it.  Not after a verbal
    noun (``noun``), whose genitive is its doer (دعوة شيخ الأزهر إلى اجتماع)."""
    if root not in ADDRESSEE_ROOTS or noun or target.implied or mention_prefix(tokens, target) not in ("", "ال"):
        return False
    p = _skip_adverbs(tokens, at + 1, hi)
    subject = next((m for m in sources if m.token_start == p), None)
    if subject is not None:
        p = subject.token_end
        # the subject's uncoded tail: a name after the coded head (ودعت حكومة الثني الأمم المتحدة إلى…)
        while p < min(hi, subject.token_end + SUBJECT_TAIL) and p < target.token_start \
                and tokens[p].prefix == "" and tokens[p].norm.isalpha() and tokens[p].norm not in ASKED_WORDS \
                and not any(m.token_start <= p < m.token_end for m in ments):
            p += 1
        p = _skip_adverbs(tokens, p, hi)
    return target.token_start == p and _asks_after(tokens, target.token_end, hi, ments)


# How many sentences before the trigger's the two sides may be named (its own included).
PARTIES_REACH = 4


def _parties_at(tokens: list[Token], p: int, hi: int, ments: list[ActorMention]) -> bool:
    """Does a "two sides" phrase start at token ``p``, with no actor named right after it (جميع
    الأطراف اليمنية names its state: the actor matcher's)?"""
    for words in addressee_words().parties.get(tokens[p].norm, ()):
        end = p + len(words)
        if end <= hi and tuple(t.norm for t in tokens[p:end]) == words:
            return not any(m.token_start == end for m in ments)
    return False


PARTIES_REACH_TOKENS = 5  # how far after the trigger's first word the object may start


def parties_addressed(tokens: list[Token], at: int, slot: object, ments: list[ActorMention], hi: int) -> bool:
    """Is "the two sides" or "all parties" the object of the act whose trigger word is token ``at``
    (``slot``: the forms its lexicon row lists)?  The phrase starts within PARTIES_REACH_TOKENS words
    of it, and what stands between is the subject: actor mentions, adverbs and definite words (an
    unrecognised subject, الأمين العام); so a genitive (علاقات البلدين), a preposition's object (بين
    الطرفين، من الطرفين) or a later clause is no object.  Right after the trigger word the phrase is
    its subject (ورحب كلا الجانبين، التزمت جميع الأطراف) or, after a verbal noun, its doer (حرص
    البلدين، تعهد الجانبين), unless the word is a feminine or imperfect verb whose subject was named
    before (ودعت الطرفين، وتناشد كافة الأطراف) and the phrase is no nominative (كلا، الطرفان)."""
    p = at + 1
    if p < hi and _parties_at(tokens, p, hi, ments):
        return tokens[p].norm != BOTH and _verb_with_dropped_subject(tokens, at, slot)  # not كلا الجانبين
    stop = min(hi, at + 1 + PARTIES_REACH_TOKENS)
    skipped = addressee_words().skipped
    while p < stop:
        if p > at + 1 and _parties_at(tokens, p, hi, ments):
            return True
        inside = next((m for m in ments if m.token_start <= p < m.token_end), None)
        if inside is not None:
            p = inside.token_end
            continue
        tok = tokens[p]
        if not (tok.norm in skipped or tok.prefix in ("ال", "وال")):
            return False
        p += 1
    return False


def _verb_with_dropped_subject(tokens: list[Token], at: int, slot: object) -> bool:
    """Is the trigger word a feminine perfect or an imperfect verb form (دعت، طالبت، تناشد، يدعو),
    which no verbal noun shares (دعا، حرص، تعهد may be nouns)?"""
    gender = paired_gender(tokens, at, slot)
    return gender == "f" or (gender == "m" and tokens[at].key[:1] == "ي")
