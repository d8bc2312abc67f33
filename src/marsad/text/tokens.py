"""Tokens, clitics and sentences over normalized text.

Dictionary matching in Arabic has to see through proclitics (و ف ب ل ك and the
article ال, often stacked: وبال، لل) and pronoun suffixes (ه ها هم…).  Every
token gets a ``key`` (the word without a leading definite article and its
conjunction/preposition) and :func:`candidates` lists the other readings a
matcher should try, most literal first.  Both are pure and memoised (an LRU
cache per process: news vocabulary repeats, and these run for every token).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from marsad.document import Token

# A word: a run of letters (any script) or a number with decimals.
# Letters first: most tokens are words (the three alternatives never match at the same place, so
# their order changes no match).
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?|\d+(?:[.,]\d+)*|[^\w\s]", re.UNICODE)

# Proclitic sequences ending in the article, longest first.
_ARTICLE_PREFIXES = ("وبال", "وكال", "وفال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
# Entries of a per-word memo (these LRU caches, a generation of a WordMemo).  News vocabulary
# is Zipfian: the frequent forms cover nearly all tokens, while memos of a few 100k words were
# most of a long-running process's memory.  Peak RSS coding 20k SaudiNewsNet articles: unbounded
# 342 MB, 64k words 201 MB, 32k words 145 MB (same output; CPU within run-to-run noise).
WORD_CACHE_LIMIT = 1 << 15

# Single-letter proclitics that may precede a word without the article.
_SHORT_PREFIXES = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك", "س")
PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه", "ك", "ي")
# Third-person pronoun suffixes, longest first (استهدافها، شنتها، نفذه، اجتياحهم).
THIRD_PERSON_SUFFIXES = ("هما", "هم", "ها", "ه")
# Relative pronouns (normal forms): الذي، التي and their duals and plurals.
RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"})
# Prepositions that take a relative clause's resumptive pronoun right after the verb (يسيطر عليها، تعمل فيه).
RESUMPTIVE_PREPS = ("علي", "الي", "في", "من", "عن", "مع", "ب", "ل", "لدي", "ضد", "حول", "تجاه", "امام", "بين")
# One of them with a third-person singular pronoun (عليها، به، منه…), normalized: after a verb it resumes a noun
# before it (الذي يحث عليه ديننا، قرية يسيطر عليها التنظيم), which is then the verb's object, not its subject.
PREPOSITION_PRONOUNS = frozenset(p + s for p in RESUMPTIVE_PREPS for s in ("ه", "ها"))


class WordMemo:
    """A per-word memo of bounded size that keeps the frequent words.

    Lookups read :attr:`hot` directly (a plain dict: the hot path).  On a miss, :meth:`recall`
    looks in the previous generation and moves a hit back; :meth:`put` stores a value, and when
    ``hot`` holds ``limit`` words it becomes the previous generation (the one before is
    dropped).  At most ``2 * limit`` words are kept; words used in every generation never
    need recomputing.
    """

    __slots__ = ("hot", "old", "limit")

    def __init__(self, limit: int = WORD_CACHE_LIMIT) -> None:
        self.hot: dict = {}
        self.old: dict = {}
        self.limit = limit

    def recall(self, key: object) -> object | None:
        """The value ``key`` had in the previous generation (moved back to ``hot``), else None."""
        value = self.old.get(key)
        return None if value is None else self.put(key, value)

    def put(self, key: object, value: object) -> object:
        """Store ``value`` for ``key`` and return it."""
        if len(self.hot) >= self.limit:
            self.old, self.hot = self.hot, {}
        self.hot[key] = value
        return value

    def __len__(self) -> int:
        return len(self.hot) + len(self.old)


@lru_cache(maxsize=WORD_CACHE_LIMIT)
def strip_article(word: str) -> tuple[str, str]:
    """Split a leading article (with its clitics) off ``word``: ``(prefix, rest)``."""
    if not word.startswith(_ARTICLE_PREFIXES):
        return "", word
    for p in _ARTICLE_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            if p == "لل":
                return p, word[2:]
            return p, word[len(p):]
    return "", word


def has_article(prefix: str) -> bool:
    """Whether a token's proclitic prefix (as :func:`strip_article` splits it) holds the article."""
    return prefix.endswith(("ال", "لل"))


def clitic_length(prefix: str) -> int:
    """Characters of a matched prefix that are clitics, not part of the word.

    The article stays with its word ("والجيش" → "الجيش"); the conjunction and
    prepositions do not ("وروسيا" → "روسيا").  "لل" keeps its second lam.
    """
    if has_article(prefix):
        return len(prefix) - 2
    return len(prefix)


def word_key(word: str) -> str:
    """The canonical key of one normalized word: without a leading article.  A word that does not
    begin like an article (most) is its own key and never enters the memo of :func:`strip_article`."""
    return strip_article(word)[1] if word.startswith(_ARTICLE_PREFIXES) else word


def phrase_key(phrase_norm: str) -> tuple[str, ...]:
    """Keys of every word of a normalized phrase (for dictionary entries)."""
    return tuple(word_key(m.group()) for m in WORD.finditer(phrase_norm) if m.group()[0].isalnum())


@lru_cache(maxsize=WORD_CACHE_LIMIT)
def candidates(word: str) -> tuple[tuple[str, str], ...]:
    """Readings of a normalized word as ``(prefix, key)``, most literal first.

    ``"والجيش"`` → ``[("وال", "جيش")]``; ``"وروسيا"`` → ``[("", "وروسيا"),
    ("و", "روسيا")]``.  The matcher takes the first reading its dictionary knows.
    """
    prefix, key = strip_article(word)
    out = [(prefix, key)]
    if not prefix and word.startswith(_SHORT_PREFIXES):  # one test for the words with no proclitic
        for p in _SHORT_PREFIXES:
            if word.startswith(p) and len(word) - len(p) >= 3:
                out.append((p, word[len(p):]))
                if p[-1] == "ل" and word.startswith("ال", len(p)) and len(word) - len(p) >= 5:
                    # a word that begins with hamza + lam keeps its alef behind ل (لألمانيا، لإلغاء),
                    # and the dictionaries fold its ال like the article (ألمانيا → مانيا)
                    out.append((p + "ال", word[len(p) + 2:]))
    elif prefix.endswith("لل") and len(key) >= 2:
        # ل before a word that begins with lam keeps that lam and writes no article
        # (للبنان "to Lebanon", للجنة "to the committee", للبنانيين "to the Lebanese")
        out.append((prefix[:-1], word[len(prefix) - 1:]))
    return tuple(out)


def readings(tok: Token) -> frozenset[str]:
    """A token's key, its normal form and the keys of its clitic readings (:func:`candidates`):
    وتبنى → {وتبني, تبني}; what cue-word scans (claims, tolls) compare against their word lists."""
    return key_readings(tok.key, tok.norm)


def reads(tok: Token, words: frozenset[str]) -> bool:
    """Is one clitic reading of the token (:func:`candidates`: its key without the article or one
    proclitic) one of ``words`` (وبمدينة: مدينة; للتنديد: تنديد)?  Unlike :func:`readings`, the
    normal form itself does not count (اليه is إليه, not the noun آلية)."""
    for _, k in candidates(tok.norm):  # a loop, not any() over a generator: called for most tokens
        if k in words:
            return True
    return False


@lru_cache(maxsize=WORD_CACHE_LIMIT)
def key_readings(key: str, norm: str) -> frozenset[str]:
    """:func:`readings` of a word given by its key and normal form."""
    return frozenset({key, norm} | {k for _, k in candidates(norm)})


def suffix_readings(key: str) -> list[tuple[str, str]]:
    """Readings of ``key`` without a pronoun suffix: ``(stem, suffix)``."""
    out = []
    for s in PRONOUN_SUFFIXES:
        if key.endswith(s) and len(key) - len(s) >= 3:
            out.append((key[: -len(s)], s))
    return out


def tokenize(norm: str) -> list[Token]:
    """Tokens of a normalized text (punctuation marks are tokens too).

    The words come from ``findall`` and their offsets from ``str.find`` after the previous
    word (16 % faster than match objects): what lies between two words is whitespace or
    ``_``, which no word contains, so the first occurrence found is the word itself.  Only a
    word that begins like an article is split (:func:`strip_article`); the others (seven
    tokens in ten) are their own key, and one ``startswith`` costs less than the memo.
    """
    toks = []
    append, find, pos = toks.append, norm.find, 0
    for w in WORD.findall(norm):
        start = find(w, pos)
        pos = start + len(w)
        if w.startswith(_ARTICLE_PREFIXES):
            prefix, key = strip_article(w)
            append(Token(start, pos, w, key, prefix))
        else:
            append(Token(start, pos, w, w))
    return toks


# Sentence ends: . ! ? ; and line breaks, but not a dot inside a number or an
# abbreviation such as "د." before a name.  The pattern starts with the punctuation mark and
# looks behind it only then, so that the regex engine can skip to candidate characters
# (a third of the time of the same test written before the mark; same matches).
_SENT_END = re.compile(r"[.!?;](?<!\b[دمأا][.!?;])(?<!\d[.!?;])[.!?;]*(?=\s|$|[\u0621-\u064a\"«])|\n+")


def sentence_bounds(norm: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of a normalized text, spaces trimmed."""
    start = 0
    for m in _SENT_END.finditer(norm):
        end = m.end() if m.group()[0] != "\n" else m.start()
        yield from _trimmed(norm, start, end)
        start = m.end()
    yield from _trimmed(norm, start, len(norm))


def _trimmed(norm: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end
