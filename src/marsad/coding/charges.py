"""What an accusation charges, and what a denied accusation alleges, names no target of them.

Two clause shapes put actors after the target slot that are no target:

- an accusation with its charge behind ب (اتهم ممثلو الادعاء رجلا بالتآمر لمهاجمة عسكريين أمريكيين،
  اتهمت الحكومة شخصا بالتخابر مع إيران): the accused stands before the charge; the actors inside the
  charge are the ones the accused allegedly wronged or served.  With no actor before it (an unnamed man)
  the target is left to the fallbacks (the train gold codes a government accusing an unnamed person of
  its own country domestically: GBR > GBR).
- a denial of accusations followed by their content (نفى الرئيس الاتهامات بأن بلاده تدعم تنظيم داعش):
  the accusers are the target (a nisba on the noun: الاتهامات الأمريكية), not the actors the content
  names.

:func:`argument_cut` gives the token from which the mentions of the trigger's sentence are no longer
its arguments; the coder drops them before it looks for the source and the target.
"""

from __future__ import annotations

from marsad.coding.clause_words import CLAUSE_WORDS, TIME_WORDS, VERB_PREPS
from marsad.coding.condemned import condemned_words
from marsad.coding.lexicon import TriggerMatch
from marsad.document import ActorMention, Token
from marsad.text.normalize import normalize_text

ACCUSE_CODE = "112"  # and its children 1121…1125
REJECT_ROOT = "12"
# Tokens after the accusation verb within which its charge (بـ…) begins: the subject and the accused
# stand between (اتهمت وزارة الخارجية الروسية، اليوم، الولايات المتحدة بـ).
CHARGE_REACH = 12
# Words behind ب that open no charge: quantifiers, adverbs, titles, "in his role" (اتهم بعض النواب،
# اتهم بدوره، اتهم بشدة).
NOT_CHARGE = frozenset(normalize_text(w) for w in (
    "بعض", "بين", "بن", "بدوره", "بدورها", "بدورهم", "بصفته", "بصفتها", "بحسب", "بلاده", "بلادها",
    "بلادهم", "بيان", "بيانه", "بيانها", "بيانات", "برقية", "بلاغ", "بالمقابل", "بالمثل", "بالتالي", "بالفعل", "بالامس", "بالأمس", "بوضوح", "بصراحة",
))
# Accusation nouns whose denial is a rejection (lexicon 12.txt: نفى الاتهامات، نفت المزاعم).
DENIED_NOUNS = frozenset(normalize_text(w) for w in ("اتهامات", "اتهام", "مزاعم", "ادعاءات", "الاتهامات",
                                                       "المزاعم", "الادعاءات", "الاتهام"))
# The complementizer that opens the content of the denied accusations (الاتهامات بأن…، المزاعم أن…).
CONTENT_WORDS = frozenset(normalize_text(w) for w in ("بأن", "أن", "بأنه", "بأنها", "بأنهم", "أنه", "أنها",
                                                        "أنهم", "بأنهما", "أنهما"))
# Tokens after the denied noun within which its content may begin (a nisba or a demonstrative between).
CONTENT_REACH = 3
CLOSING = frozenset({'"', "»", ")", "”"})
STOP_PUNCT = frozenset({",", "،", ".", ";", ":", "؛", "?", "؟", "!"})


def argument_cut(tokens: list[Token], tm: TriggerMatch, ments: list[ActorMention], hi: int) -> int | None:
    """The token index from which the mentions after the trigger ``tm`` are no arguments of it: the
    start of an accusation's charge or of a denied accusation's content; None when there is none
    (``hi``: the sentence's end)."""
    pat = tm.pattern
    if pat.cameo.startswith(ACCUSE_CODE) and "noun" not in pat.flags:
        return _charge(tokens, tm, ments, hi)
    if pat.cameo[:2] == REJECT_ROOT and tokens[tm.end - 1].norm.lstrip("وف") in DENIED_NOUNS:
        return _content(tokens, tm.end, hi)
    return None


def _charge(tokens: list[Token], tm: TriggerMatch, ments: list[ActorMention], hi: int) -> int | None:
    """The first word of the charge behind ب after an accusation verb (بالتآمر، بدعم، بـ«…»), outside
    the actor mentions (بريطانيا، بشار الأسد), the adverbs (بشدة) and a prepositional phrase (في بيان),
    when the accused right before it is no actor (رجلا، شخصا، "قوى سوداء"); None when the accused is an
    actor (اتهمت السعودية إيران بدعم الحوثيين: nothing to cut) or a pronoun on the verb (اتهموها)."""
    if tm.suffixed or tokens[tm.start].suffix:
        return None
    adverbs = condemned_words().adverbs
    inside = {i for m in ments for i in range(m.token_start, m.token_end)}
    for i in range(tm.start + 1, min(hi, tm.start + CHARGE_REACH)):
        if i in inside:
            continue
        tok = tokens[i]
        if tok.norm in STOP_PUNCT or tok.key in CLAUSE_WORDS:
            return None  # a new clause: what follows is not this verb's
        word = tok.norm.lstrip("وف")
        if not word.startswith("ب") or word in NOT_CHARGE or word in adverbs or tok.key in TIME_WORDS \
                or tokens[i - 1].key in VERB_PREPS:
            continue
        before = next((j for j in range(i - 1, tm.start, -1) if tokens[j].key not in TIME_WORDS), None)
        return i if before is not None and before not in inside and _unnamed(tokens[before]) else None
    return None


def _content(tokens: list[Token], at: int, hi: int) -> int | None:
    """The complementizer that opens the content of a denied accusation right after it (``at``)."""
    for i in range(at, min(hi, at + CONTENT_REACH)):
        if tokens[i].norm in CONTENT_WORDS:
            return i
        if tokens[i].norm in STOP_PUNCT:
            return None
    return None


def _unnamed(tok: Token) -> bool:
    """Is ``tok`` the end of an accused that names no actor: an indefinite accusative (رجلا، شخصا،
    مواطنين) or a quoted phrase ("قوى سوداء")?  Not a word of an aside (في مقابلة بثت)."""
    return tok.norm in CLOSING or (len(tok.norm) >= 3 and tok.norm.endswith(("ا", "ين")) and not tok.prefix)


def kept_arguments(ments: list[ActorMention], cut: int, hi: int, named: set[str]) -> list[ActorMention]:
    """The mentions that stay arguments of a trigger whose charge or content spans ``[cut, hi)``: those
    outside it, and those inside it of a code ``named`` before it in the sentence (اتهمت الحكومة
    العراقية شخصا بالتعاون مع مسلحين في الأنبار: the accused is of the accuser's own state either way)."""
    return [m for m in ments if not cut <= m.token_start < hi or m.code in named]
