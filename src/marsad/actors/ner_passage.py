"""Label consistency over a passage for the NER (issue #3, round 12).

A name is often tagged in one sentence and missed, or typed differently, a few
sentences later (محفوظ, الأهلي, أوبك once recognised, then left untagged).  This
post-pass over the tags of consecutive sentences (an article, or ANERcorp's
sentences, which come in article order) makes the single-word entities agree:

- a word tagged ``O`` whose form is tagged as a one-word entity in one of the
  ``window`` sentences before or after it becomes that entity (``B-<type>``);
- a one-word entity whose form is tagged as a one-word entity of another type at
  least ``retype`` times in those sentences takes that type.

Only the tags of the sentences as predicted are read (no cascade), only
one-word entities spread (names of several words did not gain on the held-out
fold), and words shorter than three letters or not starting with a letter
never change.  Chosen on the held-out fold 3 of ANERcorp TRAIN (models/README.md,
round 12).

>>> consistent([["قال", "محفوظ"], ["وكتب", "محفوظ"]], [["O", "B-PERS"], ["O", "O"]])
[['O', 'B-PERS'], ['O', 'B-PERS']]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from marsad.text.normalize import normalize_text

WINDOW = 10  # sentences before and after
RETYPE = 2  # nearby one-word entities of another type needed to change a type


def _singles(keys: Sequence[str], tags: Sequence[str]) -> Counter[tuple[str, str]]:
    """(form, type) of the one-word entities of a sentence, counted."""
    out: Counter[tuple[str, str]] = Counter()
    for i, tag in enumerate(tags):
        if tag.startswith("B-") and (i + 1 == len(tags) or not tags[i + 1].startswith("I-")):
            out[(keys[i], tag[2:])] += 1
    return out


def _eligible(key: str) -> bool:
    return len(key) >= 3 and key[0].isalpha()


def consistent(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
               window: int = WINDOW, retype: int = RETYPE) -> list[list[str]]:
    """The BIO ``tags`` of consecutive ``sentences`` (lists of words) with one-word entities made consistent."""
    keys = [[normalize_text(w).strip() for w in words] for words in sentences]
    singles = [_singles(k, t) for k, t in zip(keys, tags, strict=True)]
    out = []
    for i, (k, t) in enumerate(zip(keys, tags, strict=True)):
        near: dict[str, Counter[str]] = {}
        for j in range(max(0, i - window), min(len(keys), i + window + 1)):
            if j != i:
                for (form, typ), n in singles[j].items():
                    near.setdefault(form, Counter())[typ] += n
        out.append(_sentence(k, list(t), near, retype) if near else list(t))
    return out


def _sentence(keys: list[str], tags: list[str], near: dict[str, Counter[str]], retype: int) -> list[str]:
    for a, key in enumerate(keys):
        seen = near.get(key)
        if not seen or not _eligible(key):
            continue
        typ, n = min(seen.items(), key=lambda kv: (-kv[1], kv[0]))
        nxt = tags[a + 1] if a + 1 < len(tags) else "O"
        if tags[a] == "O" and not nxt.startswith("I-"):
            tags[a] = "B-" + typ
        elif tags[a].startswith("B-") and not nxt.startswith("I-") and tags[a][2:] != typ and n >= retype:
            tags[a] = "B-" + typ
    return tags
