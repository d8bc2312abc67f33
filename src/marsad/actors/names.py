"""Persons the dictionary does not know, named once in full beside their role and then by surname.

Arabic news introduces most officials once with their role and full name and then calls them by
the last word of the name:

    أكد رئيس الأمن العام بوزارة الداخلية البحرينية اللواء طارق الحسن … وكشف الحسن أن…
    لفت وزير العدل اللبناني أشرف ريفي إلى … وأضاف ريفي: …
    وقال محمد بن عبدالله العلي، مدير عام الشؤون القانونية بالوزارة، … وأضاف العلي…

The role mention, resolved to a code by the dictionary or by coreference, tells whom the person
acts for; each later bare surname becomes a mention of the same actor
(:func:`marsad.actors.coref.surname_mentions`, as for the dictionary's persons), except right after
another given name (سعود الحارثي after عبدالله الحارثي: a relative or a namesake).  The role is a
coded mention with an agent that begins with a person title (وزير، المتحدث، السفير، عضو) or ends
with a rank (… البحرينية اللواء); a state's own name, a known person or a group is none.  The name
is a run of two to four words right after the role (ranks, titles, السابق and quotation marks may
stand between) or right before it and a comma; it begins with a given name known from the persons
dictionary (:class:`marsad.actors.lexicon.PersonNames`) or listed in ``resources/actors/given_names.tsv``
(not a word such as فتح), holds no function word, punctuation, number, other actor or word joined
by و, and ends at a family name with the article (عزام الدخيل خطةً…; not عبد الرزاق).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from marsad import resources
from marsad.actors.coref import PATRONYMIC, PERSON_TITLES, Roles, surname_mentions
from marsad.actors.pieces import NOT_GIVEN
from marsad.document import ActorMention, Document, Token
from marsad.text.normalize import normalize_text
from marsad.text.time_words import DEFINITE_WEEKDAYS
from marsad.text.tokens import has_article, word_key

# Words that may stand between a role and a name (ranks, academic and honorific titles, quotes).
NAME_TITLES = frozenset({
    "دكتور", "د", "لواء", "عميد", "عقيد", "مقدم", "رايد", "مهندس", "شيخ", "سيد", "سيده", "استاذ",
    "مستشار", "سفير", "قاضي", "اللواء", "الدكتور", "العميد", "العقيد", "المقدم", "المهندس",
    "سابق", "اسبق", "بارز", "حالي", "جديد", "السابق", "الاسبق", "البارز", "الحالي", "الجديد",
    '"', "'", "-", ".",
})
# First words of role nouns for one person besides coref.PERSON_TITLES.
MORE_TITLES = frozenset({"عضو", "قيادي", "مسوول", "مساعد", "وكيل", "منسق", "مفوض", "نايب", "رييسه", "وزيره"})
# Words that end a name: prepositions, particles, pronouns, time words (normalized, clitic-free keys).
NOT_NAME = frozenset({
    "من", "في", "الي", "عن", "ان", "انه", "انها", "بان", "لان", "قد", "لقد", "ما", "لا", "لم", "لن", "هو", "هي",
    "او", "ثم", "حيث", "منذ", "بين", "ضد", "اذ", "اذا", "كان", "كانت", "مع", "عند", "لدي", "حول", "خلال", "بعد",
    "قبل", "امس", "اليوم", "يوم", "كما", "الا", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك", "تلك", "كل", "جميع",
    "عبر", "نحو", "اثناء", "تصريح", "تصريحات", "بيان", "كلمه", "حديث", "لقاء", "موتمر",
}) | DEFINITE_WEEKDAYS
MIN_NAME, MAX_NAME = 2, 4
COMMAS = frozenset({",", "،"})
# Kinds of mentions that are no role noun for a person (a state's own name, a known person, a group).
NOT_ROLES = frozenset({"person", "state", "capital", "metonym", "group", "media"})


def _is_title_mention(m: ActorMention, tokens: list[Token]) -> bool:
    """Does the mention begin with a role noun for one person (وزير، المتحدث، رئيس، السفير)?"""
    key = tokens[m.token_start].key
    return bool(m.agent) and (key in PERSON_TITLES or key in MORE_TITLES)


def _name_word(tok: Token) -> bool:
    """Can the word be part of a person's name (letters only, no function word, no و before it)?"""
    norm = tok.norm
    bare = norm[1:] if norm[:1] in ("و", "ف") else norm
    if not norm.isalpha() or norm in NOT_NAME or tok.key in NOT_NAME or bare in NOT_NAME:
        return False
    return not norm.startswith("و")


def _run_after(tokens: list[Token], i: int, hi: int, covered: set[int]) -> tuple[int, int]:
    """The name words from token ``i`` (titles skipped): [start, end), empty when none."""
    while i < hi and (tokens[i].norm in NAME_TITLES or tokens[i].key in NAME_TITLES):
        i += 1
    j = i
    while j < hi and j - i < MAX_NAME and j not in covered and _name_word(tokens[j]):
        if tokens[j].norm == "علي" and not (j > i and tokens[j - 1].norm in PATRONYMIC):
            break  # على "on", not the name Ali (except after بن)
        j += 1
        if j - i > 1 and has_article(tokens[j - 1].prefix) and tokens[j - 2].norm not in PATRONYMIC:
            break  # a family name with the article ends the name (عزام الدخيل خطةً جديدة), not عبد الرزاق
    return i, j


def _run_before(tokens: list[Token], end: int, lo: int, covered: set[int]) -> tuple[int, int]:
    """The name words ending right before token ``end`` (a comma follows them): [start, end)."""
    i = end
    while i > lo and end - i < MAX_NAME and (i - 1) not in covered and _name_word(tokens[i - 1]):
        i -= 1
    while i < end and tokens[i].key in NAME_TITLES:
        i += 1
    return i, end


def _is_name(tokens: list[Token], start: int, end: int, given: frozenset[str]) -> bool:
    """Two to four words, the first a known given name (not a word such as فتح، نجاح)."""
    key = tokens[start].key if start < end else ""
    return MIN_NAME <= end - start <= MAX_NAME and key in given and key not in NOT_GIVEN and \
        not tokens[start].norm.startswith("ال")


def _names_a_person(m: ActorMention, tokens: list[Token]) -> bool:
    """Is the mention a role of one person: a person title first (وزير النقل اليمني، السفير) or a rank
    last (وزارة الداخلية البحرينية اللواء)?"""
    last = tokens[m.token_end - 1]
    return _is_title_mention(m, tokens) or last.norm in NAME_TITLES or last.key in NAME_TITLES


def introduced_names(tokens: list[Token], mentions: list[ActorMention], sentences: list,
                     given: frozenset[str]) -> list[tuple[int, int, ActorMention]]:
    """(first and last token of a full name that no mention covers, the coded role mention it stands
    beside), in text order."""
    roles = [m for m in mentions
             if m.code and m.agent and m.kind not in NOT_ROLES and _names_a_person(m, tokens)]
    if not roles:
        return []
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    firsts = [s.first_token for s in sentences]
    out: list[tuple[int, int, ActorMention]] = []
    for m in roles:
        k = bisect_right(firsts, m.token_start) - 1
        inside = k >= 0 and m.token_start < sentences[k].last_token
        lo, hi = (sentences[k].first_token, sentences[k].last_token) if inside else (0, len(tokens))
        start, end = _run_after(tokens, m.token_end, hi, covered)
        if not _is_name(tokens, start, end, given) and m.token_start - 1 > lo and tokens[m.token_start - 1].norm in COMMAS:
            start, end = _run_before(tokens, m.token_start - 1, lo, covered)  # NAME، مدير عام…
        if _is_name(tokens, start, end, given):
            out.append((start, end - 1, m))
    return out


@lru_cache(maxsize=1)
def more_given_names() -> frozenset[str]:
    """Keys of the common given names of ``resources/actors/given_names.tsv``."""
    return frozenset(word_key(normalize_text(r["ar"])) for r in resources.read_tsv(resources.path("given_names")))


@lru_cache(maxsize=4)
def _all_given(given: frozenset[str]) -> frozenset[str]:
    """The dictionary's given names ``given`` with :func:`more_given_names`, joined once per lexicon."""
    return given | more_given_names()


def named_again(doc: Document, mentions: list[ActorMention], given: frozenset[str], roles: Roles) -> list[ActorMention]:
    """``mentions`` plus the later bare surnames of the persons :func:`introduced_names` finds (as
    :func:`marsad.actors.coref.surname_mentions` makes them for the dictionary's persons), less those
    after another given name (the same family name of someone else: عبدالله الحارثي … سعود الحارثي)."""
    tokens = doc.tokens
    given = _all_given(given)
    found = introduced_names(tokens, mentions, doc.sentences, given)
    if not found:
        return mentions
    own = {tokens[end].key: {t.key for t in tokens[start:end]} for start, end, _ in reversed(found)}
    out = surname_mentions(doc, mentions, [(end, m) for _, end, m in found], roles)
    old = {id(m) for m in mentions}

    def other_person(m: ActorMention) -> bool:
        prev = tokens[m.token_start - 1].key if m.token_start > 0 else ""
        return prev in given and prev not in NOT_GIVEN and prev not in own.get(tokens[m.token_start].key, ())

    return [m for m in out if id(m) in old or not other_person(m)]
