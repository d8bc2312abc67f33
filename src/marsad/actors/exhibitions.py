"""معارض: the opponent (المعارض، agent OPP) or exhibitions (the plural of معرض)?

Saudi news speaks of exhibitions far more than of opponents (مركز جدة الدولي للمعارض، ثلاثة معارض، المشاركة في
المعارض الدولية، معارض السيارات), and the agent noun المعارض made them the opposition of the article's state. The
word is read as exhibitions, and codes no actor, when the words around it say so (``resources/actors/exhibitions.tsv``):
a number, a demonstrative or the place and business of exhibitions right before it (ثلاثة معارض، هذه المعارض، مركز
معارض الظهران); a proclitic ل (للمعارض والمؤتمرات); an event noun it is joined to by و (المهرجانات والمعارض،
المعارض والمؤتمرات), a product in its genitive or التي right after it (معارض السيارات، المعارض التي تقام); a relative
adjective in the feminine singular that agrees with a plural of things (المعارض الدولية، معارض فنية; the opponent
takes the masculine: المعارض السوري); or a word of showing and visiting near it (عرض، زوار، افتتاح، معرض).
"""

from __future__ import annotations

from marsad.document import Token
from marsad.resources import word_set
from marsad.text.tokens import candidates, has_article, readings

EXHIBITION_KEY = "معارض"
NEAR_REACH = 4  # words before or after the noun in which a word of showing and visiting counts
# The feminine singular ending of a relative adjective (nisba: الدولية، التجارية، الفنية; the normalized ة) after
# the noun, and the plural other (أخرى). Not any ة: a noun after the opponent is his object (المعارض الحكومة).
FEMININE_END = "يه"
OTHER = frozenset({"اخري"})
ADJECTIVE_PREFIXES = {True: frozenset({"ال"}), False: frozenset({""})}  # an adjective takes the noun's article
# "A number of" before من (عدد من المعارض، العديد من المعارض).
COUNT_WORDS = frozenset({"عدد", "عديد"})


def _feminine_adjective(definite: bool, nxt: Token) -> bool:
    """Is ``nxt`` a relative adjective in the feminine singular with the noun's definiteness (المعارض الدولية،
    معارض فنية، المعارض الأخرى)?"""
    if not nxt.norm[:1].isalpha() or len(nxt.key) < 4 or nxt.prefix not in ADJECTIVE_PREFIXES[definite]:
        return False  # not after a preposition: اليسار المعارض لليبرالية is the opponent of liberalism
    return nxt.key.endswith(FEMININE_END) or nxt.key in OTHER


def exhibitions(tokens: list[Token], start: int, end: int, lo: int, hi: int) -> bool:
    """Is the one-word agent noun معارض at ``[start, end)`` of the sentence ``[lo, hi)`` exhibitions?"""
    if end - start != 1:
        return False
    tok = tokens[start]
    clitics = next((p for p, k in candidates(tok.norm) if k == EXHIBITION_KEY), None)
    if clitics is None:
        return False
    if clitics.lstrip("وف").startswith("ل"):
        return True  # للمعارض والمؤتمرات، مركز أبها الدولي للمعارض
    prev = tokens[start - 1] if start > lo else None
    nxt = tokens[end] if end < hi else None
    if prev is not None and (prev.norm.isdigit() or readings(prev) & word_set("exhibition_words", "before")):
        return True
    if prev is not None and prev.norm == "من" and start - 1 > lo and readings(tokens[start - 2]) & COUNT_WORDS:
        return True
    if nxt is not None and (readings(nxt) & word_set("exhibition_words", "after")
                            or _feminine_adjective(has_article(clitics), nxt)):
        return True  # المعارض والمؤتمرات، معارض السيارات، المعارض الدولية
    if clitics.startswith("و") and prev is not None and readings(prev) & word_set("exhibition_words", "with"):
        return True  # المهرجانات والمعارض، ورش عمل ومعارض فنية
    near = word_set("exhibition_words", "near")
    return any(readings(t) & near for t in tokens[max(lo, start - NEAR_REACH):min(hi, end + NEAR_REACH)])
