"""Label consistency over a passage for the NER (issue #3, round 12).

A name is often tagged in one sentence and missed, or typed differently, a few
sentences later (محفوظ, الأهلي, أوبك once recognised, then left untagged).  This
post-pass over the tags of consecutive sentences (an article, or ANERcorp's
sentences, which come in article order) makes the single-word entities agree:

- a word tagged ``O`` whose form is tagged as a one-word entity in one of the
  ``window`` sentences before or after it becomes that entity (``B-<type>``);
  since round 18 also when its form is that entity's behind one proclitic
  (لمحفوظ، وبوش، والأهلي، للأهلي for محفوظ، بوش، الأهلي) and the entity is
  found at least twice in those sentences;
- a one-word entity whose form is tagged as a one-word entity of another type at
  least ``retype`` times in those sentences takes that type.

Before that, names of several words complete their boundaries: a run of words
that is a several-word entity in one of those sentences and is tagged here in
part (one word of it, or two pieces: دينامو/ORG كييف/LOC, [حزب] [الليكود]) becomes
that entity, unless an entity crosses its edges (longest names first).  A run
tagged wholly ``O`` or as one entity of another type stays as it is, and
several-word names do not spread to untagged words (neither gained on the
held-out fold).  Each step reads the tags as the step before left them, not its
own changes (no cascade); words shorter than three letters or not starting with
a letter never change in the one-word step.  Chosen on the held-out fold 3 of ANERcorp TRAIN (models/README.md,
round 12).

Between the two steps, per sentence (round 17, :func:`complete_events`), event
names cut before their last words take them: a MISC name headed by بطولة، كأس، دورة، معرض or
مهرجان and followed by one untagged word of the form لل… (بطولة العالم
[للشبان]، معرض القاهرة الدولي [للكتاب]) or by لكرة and a sport ([لكرة القدم]),
when the name has no such word yet; a MISC name ending in الحرب or الحرب
العالمية followed by the untagged rest of "World War I/II" (العالمية الأولى /
الثانية).  Written from general knowledge of Arabic event names after reading the
held-out fold's errors (models/README.md, round 17).

Last, per sentence (round 18, :func:`join_persons`), a person name right after a
one-word person name is the rest of that name (اميل/PERS لحود/PERS → one name),
unless it starts with و ("and": two persons side by side are joined by و or a
comma in Arabic news), the first word has the article (a title or an adjective
of origin tagged as a name: المهندس/PERS، العماني/PERS), fewer than three letters
or is a particle (أما، فإن).

>>> consistent([["قال", "محفوظ"], ["وكتب", "محفوظ"]], [["O", "B-PERS"], ["O", "O"]])
[['O', 'B-PERS'], ['O', 'B-PERS']]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from marsad.actors.ner_eval import chunks
from marsad.text.normalize import normalize_text

WINDOW = 10  # sentences before and after
RETYPE = 2  # nearby one-word entities of another type needed to change a type
BARE_MIN = 2  # round 18: nearby one-word entities of a form needed to tag it behind a proclitic


def _singles(keys: Sequence[str], tags: Sequence[str]) -> Counter[tuple[str, str]]:
    """(form, type) of the one-word entities of a sentence, counted."""
    out: Counter[tuple[str, str]] = Counter()
    for i, tag in enumerate(tags):
        if tag.startswith("B-") and (i + 1 == len(tags) or not tags[i + 1].startswith("I-")):
            out[(keys[i], tag[2:])] += 1
    return out


def _names(keys: Sequence[str], tags: Sequence[str]) -> Counter[tuple[tuple[str, ...], str]]:
    """(forms, type) of the several-word entities of a sentence, counted."""
    return Counter((tuple(keys[s:e]), typ) for s, e, typ in chunks(tags) if e - s > 1)


def _completed(keys: list[list[str]], tags: Sequence[Sequence[str]], window: int) -> list[list[str]]:
    """Tags with runs of words that are a several-word entity nearby, and tagged here in part, made that entity."""
    names = [_names(k, t) for k, t in zip(keys, tags, strict=True)]
    out = []
    for i, k in enumerate(keys):
        near: Counter[tuple[tuple[str, ...], str]] = Counter()
        for j in range(max(0, i - window), min(len(keys), i + window + 1)):
            if j != i:
                near.update(names[j])
        out.append(_complete(k, list(tags[i]), near) if near else list(tags[i]))
    return out


def _complete(keys: list[str], tags: list[str], near: Counter[tuple[tuple[str, ...], str]]) -> list[str]:
    for (seq, typ), _ in sorted(near.items(), key=lambda kv: (-len(kv[0][0]), -kv[1], kv[0][1])):
        n = len(seq)
        for a in (a for a in range(len(keys) - n + 1) if keys[a] == seq[0] and tuple(keys[a : a + n]) == seq):
            cur = tags[a : a + n]
            whole = cur[0].startswith("B-") and all(t == "I-" + cur[0][2:] for t in cur[1:])
            if whole or all(t == "O" for t in cur) or cur[0].startswith("I-"):
                continue
            if a + n < len(tags) and tags[a + n].startswith("I-"):
                continue
            tags[a : a + n] = ["B-" + typ] + ["I-" + typ] * (n - 1)
    return tags


def _eligible(key: str) -> bool:
    return len(key) >= 3 and key[0].isalpha()


def consistent(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
               window: int = WINDOW, retype: int = RETYPE) -> list[list[str]]:
    """The BIO ``tags`` of consecutive ``sentences`` (lists of words) with names made consistent."""
    keys = [[normalize_text(w).strip() for w in words] for words in sentences]
    tags = _completed(keys, tags, window)
    tags = [complete_events(k, t) for k, t in zip(keys, tags, strict=True)]
    singles = [_singles(k, t) for k, t in zip(keys, tags, strict=True)]
    out = []
    for i, (k, t) in enumerate(zip(keys, tags, strict=True)):
        near: dict[str, Counter[str]] = {}
        for j in range(max(0, i - window), min(len(keys), i + window + 1)):
            if j != i:
                for (form, typ), n in singles[j].items():
                    near.setdefault(form, Counter())[typ] += n
        out.append(_sentence(k, list(t), near, retype) if near else list(t))
    return [join_persons(k, t) for k, t in zip(keys, out, strict=True)]


def join_persons(keys: Sequence[str], tags: Sequence[str]) -> list[str]:
    """A one-word PERS name and a PERS name right after it made one name: a first name whose family name was
    cut off (اميل/PERS لحود/PERS), unless the second starts with و ("and": two persons), the first word has
    the article (a title or an adjective of origin tagged as a name: المهندس، الملك، العماني), fewer than
    three letters (يا، أي) or is a particle (أما، فإن: normalized اما، فان).

    >>> join_persons(["الرييس", "اميل", "لحود"], ["O", "B-PERS", "B-PERS"])
    ['O', 'B-PERS', 'I-PERS']
    >>> join_persons(["بري", "والسنيوره"], ["B-PERS", "B-PERS"])
    ['B-PERS', 'B-PERS']
    >>> join_persons(["العماني", "عماد", "الحوسني"], ["B-PERS", "B-PERS", "I-PERS"])
    ['B-PERS', 'B-PERS', 'I-PERS']
    >>> join_persons(["خالد", "القروني", "سلمان", "القريني"], ["B-PERS", "I-PERS", "B-PERS", "I-PERS"])
    ['B-PERS', 'I-PERS', 'B-PERS', 'I-PERS']
    """
    out = list(tags)
    for i in range(1, len(out)):
        if (out[i] == "B-PERS" and out[i - 1] == "B-PERS" and not keys[i].startswith("و")
                and len(keys[i - 1]) >= 3 and not _with_article(keys[i - 1]) and keys[i - 1] not in _PARTICLES):
            out[i] = "I-PERS"
    return out


# normalized particles that look like names once hamza and alif maqsura are folded (أما، فإن، لأن)
_PARTICLES = frozenset({"اما", "فان", "لان", "انما", "لكن", "كما", "حتي", "عند", "لدي"})


def _with_article(key: str) -> bool:
    return key.startswith(("ال", "وال", "بال", "لل", "فال", "كال"))


EVENT_HEADS = frozenset({"بطوله", "كاس", "دوره", "معرض", "مهرجان"})  # normalized: championship, cup, tournament, fair, festival
_NOT_NAME = frozenset({"للمره", "للعام", "للسنه", "للموسم", "للدوره"})  # "for the (second) time / year / season"
SPORTS = frozenset({"القدم", "السله", "اليد", "الطايره", "المضرب"})
_WAR_ORDINALS = frozenset({"الاولي", "الثانيه"})
_WAR = frozenset({"الحرب", "والحرب", "بالحرب", "للحرب", "فالحرب"})


def _head(key: str) -> str:
    for p in ("و", "ب", "ل", "ف"):  # وبطولة، لكأس
        if key.startswith(p) and key[len(p) :] in EVENT_HEADS:
            return key[len(p) :]
    return key[2:] if key.startswith("ال") else key  # البطولة، الدورة


def complete_events(keys: Sequence[str], tags: Sequence[str]) -> list[str]:
    """MISC event names of one sentence (normalized ``keys``) completed with the untagged words that end them.

    >>> complete_events(["بطوله", "العالم", "للشبان", "في"], ["B-MISC", "I-MISC", "O", "O"])
    ['B-MISC', 'I-MISC', 'I-MISC', 'O']
    """
    out = list(tags)
    for a, b, typ in chunks(tags):
        if typ != "MISC" or (b < len(out) and out[b] != "O"):
            continue
        span, nxt = keys[a:b], keys[b : b + 2]
        end = b
        if _head(span[0]) in EVENT_HEADS and not any(k.startswith("لل") or k == "لكره" for k in span[1:]):
            if nxt and nxt[0].startswith("لل") and len(nxt[0]) > 4 and nxt[0] not in _NOT_NAME:
                end = b + 1
            elif len(nxt) == 2 and nxt[0] == "لكره" and nxt[1] in SPORTS and out[b + 1] == "O":
                end = b + 2
        elif span[-1] in _WAR or (span[-1] == "العالميه" and len(span) > 1 and span[-2] in _WAR):
            rest = ["العالميه"] if span[-1] in _WAR else []
            want = len(rest) + 1
            if len(nxt) >= want and nxt[: len(rest)] == rest and nxt[len(rest)] in _WAR_ORDINALS and all(
                    t == "O" for t in out[b : b + want]):
                end = b + want
        out[b:end] = ["I-MISC"] * (end - b)
    return out


def _bare(key: str) -> str | None:
    """The form without one proclitic (round 18): و، ب، ل، ف (والأهلي → الأهلي، لمحفوظ → محفوظ), لل… → ال…
    (للأهلي → الأهلي); None for a form without one, or when the rest is not eligible or is the preposition
    على / إلى once normalized (وعلى → علي)."""
    if key.startswith("لل"):
        bare = "ال" + key[2:]
    elif key[:1] in ("و", "ب", "ل", "ف"):
        bare = key[1:]
    else:
        return None
    return bare if _eligible(bare) and bare not in ("علي", "الي") else None


def _sentence(keys: list[str], tags: list[str], near: dict[str, Counter[str]], retype: int) -> list[str]:
    for a, key in enumerate(keys):
        seen = near.get(key)
        if not seen and tags[a] == "O":  # round 18: a one-word entity nearby behind a proclitic
            bare = _bare(key)
            seen = near.get(bare) if bare is not None else None
            if seen is not None and sum(seen.values()) < BARE_MIN:  # a weaker match: the name found twice
                seen = None
        if not seen or not _eligible(key):
            continue
        typ, n = min(seen.items(), key=lambda kv: (-kv[1], kv[0]))
        nxt = tags[a + 1] if a + 1 < len(tags) else "O"
        if tags[a] == "O" and not nxt.startswith("I-"):
            tags[a] = "B-" + typ
        elif tags[a].startswith("B-") and not nxt.startswith("I-") and tags[a][2:] != typ and n >= retype:
            tags[a] = "B-" + typ
    return tags
