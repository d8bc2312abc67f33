"""Token features for the statistical Arabic NER (:mod:`marsad.actors.ner`).

Features are plain strings (binary CRFsuite attributes).  Everything a word
contributes on its own (form, clitic-free key, affixes, shape, word-list
membership) is computed once per distinct word and cached by
:class:`FeatureExtractor`, already prefixed for each window offset, so tagging
a sentence is mostly tuple concatenation.  Phrase lists (multi-word gazetteer
entries and entity names seen in training) are matched per sentence.

Words outside the lexicon's ``V`` list (the training vocabulary) get an
unknown-word marker ``?`` instead of their identity features; at training time
``V`` is built by jackknife, so the CRF learns what unknown words look like
(for example ``?`` right after ``قال`` or a title) from its own data.

A :class:`Lexicon` holds named word lists (single-word keys → list names) and
phrase lists (tuples of keys → list names).  It is read from and written to a
TSV file ``list<TAB>entry`` shipped next to the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.text.normalize import normalize_text
from marsad.text.tokens import WordMemo, candidates, strip_article, suffix_readings

if TYPE_CHECKING:  # numpy loads only with a sentence-piece table (not shipped)
    import numpy as np

    from marsad.actors.ner_pieces import PieceVectors

_LATIN = re.compile(r"[a-z]")
_DIGIT = re.compile(r"\d")
_ARABIC = re.compile("[\u0621-\u064a]")
_PUNCT_ONLY = re.compile(r"^[^\w]+$")
MAX_PHRASE = 6
# Word lists of the e5 tag head that are not in the NER lexicon (round 8): role nouns and titles
# before a name.  ``A:ROLE``: the first word of every entry of the actor agents (actors/agents.tsv:
# رئيس، وزير، الحكومة، قوات…); ``A:TITLE``: honorifics and person titles (below).
# Round 12: ``A:CLUB``/``A:TEAM`` (sports clubs and team heads), ``A:MEDIA``/``A:PRESS`` (newspapers, agencies,
# channels and their heads), read from the resource ``ner_indicators`` (models/ner_indicators.tsv).
ROLE_LISTS = ("A:ROLE", "A:TITLE", "A:CLUB", "A:TEAM", "A:MEDIA", "A:PRESS")
_TITLES = (
    "الشيخ", "الأمير", "الأميرة", "السيد", "السيدة", "الملك", "الملكة", "العاهل", "السلطان", "الدكتور", "د",
    "الرئيس", "الرئيسة", "رئيس", "الوزير", "الوزيرة", "وزير", "نائب", "النائب", "المستشار", "السفير", "المبعوث",
    "المندوب", "المتحدث", "الناطق", "الأمين", "المحافظ", "المدير", "القائد", "الزعيم", "المرشد", "الإمام",
    "المفتي", "القاضي", "السيناتور", "الحاج", "المهندس", "الأستاذ", "اللواء", "العميد", "العقيد", "الفريق",
    "المشير", "الجنرال", "الرائد", "النقيب", "المقدم", "ولي", "خادم", "البابا", "الكاردينال", "المطران",
    "الداعية", "الكاتب", "الصحفي", "الفنان", "اللاعب", "المدرب", "الشاعر", "الممثل", "المغني", "المواطن",
)

# Which feature families the neighbours at each offset contribute.
_NEIGHBOUR_KEEP = (
    (-2, ("k", "L", "sh", "clc")),
    (-1, ("w", "k", "c", "L", "sh", "s2", "pa", "cl")),
    (1, ("w", "k", "c", "L", "sh", "s2", "pa", "cl")),
    (2, ("k", "L", "sh", "clc")),
)
_OWN = ("w", "k", "pa", "sh", "c", "st", "L", "aff", "cl", "sp", "np")
# (prefix, family) pairs of the cached feature tuples: own word, then offsets -2, -1, +1, +2.
_LAYOUT = (
    tuple(("" if n in ("aff", "sp") else f"{n}=", n) for n in _OWN),
    *(tuple((f"{off}{n}=", n) for n in names) for off, names in _NEIGHBOUR_KEEP),
)


class Lexicon:
    """Named word lists and phrase lists over normalized, clitic-free keys."""

    def __init__(self) -> None:
        self.words: dict[str, tuple[str, ...]] = {}
        self.phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.first: dict[str, int] = {}  # first key of a phrase -> longest length
        self.clusters: dict[str, tuple[str, ...]] = {}  # key -> cluster ids, coarse to fine
        self.pieces: PieceVectors | None = None  # sentence-piece table (piece features, clusters of any word)

    @property
    def has_vocab(self) -> bool:
        """Whether the lexicon carries the ``V`` list of known training words."""
        return "V" in self.lists

    @property
    def lists(self) -> set[str]:
        """Names of all lists."""
        return {n for ns in self.words.values() for n in ns} | {n for ns in self.phrases.values() for n in ns}

    def add(self, name: str, entry: str) -> None:
        """Add ``entry`` (one word or a phrase, raw or normalized) to list ``name``."""
        self.add_keys(name, tuple(word_key_of(w) for w in normalize_text(entry).split()))

    def add_keys(self, name: str, keys: tuple[str, ...]) -> None:
        """Add an entry given as clitic-free keys (as stored in the TSV file)."""
        keys = tuple(k for k in keys if k)
        if not keys:
            return
        if len(keys) == 1:
            self._put(self.words, keys[0], name)
        elif len(keys) <= MAX_PHRASE:
            self._put(self.phrases, keys, name)
            self.first[keys[0]] = max(self.first.get(keys[0], 0), len(keys))

    @staticmethod
    def _put(table: dict, key, name: str) -> None:
        names = table.get(key, ())
        if name not in names:
            table[key] = tuple(sorted((*names, name)))

    def merged(self, pairs: Iterable[tuple[str, tuple[str, ...]]]) -> Lexicon:
        """A copy of this lexicon with ``(list, keys)`` pairs added."""
        lex = Lexicon()
        lex.words, lex.phrases, lex.first = dict(self.words), dict(self.phrases), dict(self.first)
        lex.clusters, lex.pieces = self.clusters, self.pieces
        for name, keys in pairs:
            lex.add_keys(name, keys)
        return lex

    def entries(self) -> Iterable[tuple[str, str]]:
        """All ``(list, entry)`` pairs, sorted, entries as space-joined keys."""
        pairs = [(n, k) for k, ns in self.words.items() for n in ns]
        pairs += [(n, " ".join(k)) for k, ns in self.phrases.items() for n in ns]
        return sorted(pairs)

    def save(self, path: Path, header: Sequence[str] = ()) -> None:
        """Write the lexicon as TSV (``#`` comment lines, then a header line)."""
        with open(path, "w", encoding="utf-8") as f:
            for line in header:
                f.write(f"# {line}\n")
            f.write("list\tentry\n")
            for name, entry in self.entries():
                f.write(f"{name}\t{entry}\n")

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        """Read a lexicon TSV written by :meth:`save`."""
        lex = cls()
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or line.startswith("list\t") or not line.strip():
                    continue
                name, entry = line.rstrip("\n").split("\t")
                lex.add_keys(name, tuple(entry.split(" ")))
        return lex


    def load_clusters(self, path: Path) -> None:
        """Read a word-cluster TSV (``key<TAB>c1<TAB>c2…``, coarse to fine) into :attr:`clusters`."""
        table: dict[str, tuple[str, ...]] = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or line.startswith("key\t") or not line.strip():
                    continue
                key, *ids = line.rstrip("\n").split("\t")
                table[key] = tuple(f"{i + 1}:{c}" for i, c in enumerate(ids))
        self.clusters = table


def word_key_of(norm_word: str) -> str:
    """Clitic-free key of a normalized word (the article and its clitics removed)."""
    return strip_article(norm_word)[1]


def readings_of(norm_word: str) -> list[str]:
    """Keys of the word with a one-letter proclitic stripped (``وروسيا`` → ``روسيا``)."""
    return [k for _, k in candidates(norm_word)[1:]]


def shape(w: str) -> str:
    """A coarse word shape: punctuation, digits, Latin, Arabic, mixed, and length class."""
    if _PUNCT_ONLY.match(w):
        return "P"
    kind = ("D" if _DIGIT.search(w) else "") + ("L" if _LATIN.search(w) else "") + ("A" if _ARABIC.search(w) else "")
    size = "1" if len(w) <= 2 else "2" if len(w) <= 4 else "3"
    return (kind or "O") + size


def word_features(w: str, lex: Lexicon, unk: bool = False) -> dict[str, list[str]]:
    """Position-free features of one normalized word, grouped by family.

    With ``unk``, an Arabic word outside the lexicon's ``V`` list (words seen in
    training) gets ``?`` instead of its identity features.
    """
    prefix, key = strip_article(w)
    fam: dict[str, list[str]] = {
        "w": [w],
        "k": [key],
        "pa": [prefix or "-"],
        "sh": [shape(w)],
        "s2": [key[-2:]],
    }
    fam["aff"] = [f"p1={key[:1]}", f"p2={key[:2]}", f"p3={key[:3]}", f"s1={key[-1:]}", f"s3={key[-3:]}"]
    readings = readings_of(w)
    fam["c"] = readings
    fam["r"] = readings
    fam["key"] = [key]
    fam["st"] = [s for s, _ in suffix_readings(key)[:1]]
    names: set[str] = set(lex.words.get(key, ()))
    if not names:
        for r in readings:
            names.update(lex.words.get(r, ()))
    fam["L"] = sorted(names) or ["-"]
    cl = lex.clusters.get(key)
    if cl is None:
        cl = next((lex.clusters[r] for r in readings if r in lex.clusters), None)
    pv = lex.pieces
    fam["sp"], fam["np"], fam["vec"] = [], [], [None]
    if pv is not None and _ARABIC.search(key):
        segs = pv.pieces(key)
        fam["sp"] = [f"sp={x}" for x in segs]
        fam["np"] = [str(min(len(segs), 4))]
        fam["vec"] = [pv.vector(key)]
        if cl is None and not lex.clusters:
            cl = pv.clusters_of(fam["vec"][0])
    fam["cl"] = list(cl) if cl else ["-"]
    fam["clc"] = fam["cl"][:2]
    if unk and "V" not in names and _ARABIC.search(key):
        # Unknown word: identity features are replaced by an UNK marker, as in
        # training, where words seen only in their own fold are treated the same way.
        fam["w"] = fam["k"] = ["?"]
        fam["c"] = fam["st"] = []
    return fam


class FeatureExtractor:
    """Turns a sentence of words into CRFsuite attribute lists (with a word cache)."""

    def __init__(self, lex: Lexicon, known: frozenset[str] | None = None) -> None:
        """``known``: the attributes a trained model uses; others are dropped early (speed)."""
        self.lex = lex
        self.known = known
        self.unk = lex.has_vocab
        self._memo = WordMemo()  # raw and normalized word → its features
        self._roles: dict[str, frozenset[str]] | None = None  # ROLE_LISTS, read when first needed

    def role_keys(self) -> dict[str, frozenset[str]]:
        """Keys of the :data:`ROLE_LISTS` (agents from the package's actor resources, titles above)."""
        if self._roles is None:
            from marsad.resources import path, read_tsv

            agents = {normalize_text(r["ar"]).split()[0] for r in read_tsv(path("agents")) if r["ar"].strip()}
            lists: dict[str, set[str]] = {"A:ROLE": agents, "A:TITLE": set(_TITLES)}
            for r in read_tsv(path("ner_indicators")):
                lists.setdefault(r["list"], set()).add(r["word"])
            self._roles = {name: frozenset(k for k in (word_key_of(normalize_text(w)) for w in lists.get(name, ())) if k)
                           for name in ROLE_LISTS}
        return self._roles

    def normalize(self, word: str) -> str:
        """Normalized form of a raw or normalized word."""
        return normalize_text(word).strip() or "_"

    def _word(self, raw: str) -> tuple:
        """Cached features of a word at offsets 0, -2, -1, +1, +2, then its bigram key
        (``?`` if unknown), its one-proclitic readings and its real key (for phrases)."""
        memo = self._memo
        got = memo.recall(raw)
        if got is not None:
            return got
        w = self.normalize(raw)
        got = memo.hot.get(w) or memo.recall(w)
        if got is not None:
            return memo.put(raw, got)
        fam = word_features(w, self.lex, self.unk)
        known = self.known
        out = []
        for names in _LAYOUT:
            feats = [p + v for p, n in names for v in fam[n]]
            out.append(tuple(feats if known is None else [f for f in feats if f in known]))
        got = (*out, fam["k"][0], tuple(fam["r"]), fam["key"][0], fam["vec"][0])
        memo.put(w, got)
        return memo.put(raw, got)

    def vectors(self, words: Sequence[str]) -> np.ndarray | None:
        """Sentence-piece vectors of the words (zero rows for words without one); None without a table."""
        pv = self.lex.pieces
        if pv is None:
            return None
        import numpy as np

        hot = self._memo.hot
        out = np.zeros((len(words), pv.vectors.shape[1]), dtype=np.float32)
        for i, w in enumerate(words):
            v = (hot.get(w) or self._word(w))[8]
            if v is not None:
                out[i] = v
        return out

    def list_flags(self, words: Sequence[str], lists: Sequence[str]) -> np.ndarray:
        """Per word, 0/1 indicators of the lexicon's ``lists``: (len(words), 3 · len(lists)).

        Columns ``j``, ``K + j``, ``2K + j`` (``K = len(lists)``): the word's key
        (or, when the key is in no list, a one-proclitic reading) is an entry
        of list ``j``; the word begins / continues a phrase of list ``j``
        (longest match, as :meth:`phrase_tags`).  Used by the e5 tag head.
        The :data:`ROLE_LISTS` are single words (key or one-proclitic reading).
        """
        import numpy as np

        hot = self._memo.hot
        feats = [hot.get(w) or self._word(w) for w in words]
        col = {name: j for j, name in enumerate(lists)}
        k = len(lists)
        out = np.zeros((len(words), 3 * k), dtype=np.float32)
        table = self.lex.words
        for i, f in enumerate(feats):
            names = table.get(f[7]) or {n for r in f[6] for n in table.get(r, ())}
            for name in names:
                if name in col:
                    out[i, col[name]] = 1
        for name in (n for n in ROLE_LISTS if n in col):
            keys = self.role_keys()[name]
            for i, f in enumerate(feats):
                if f[7] in keys or any(r in keys for r in f[6]):
                    out[i, col[name]] = 1
        for i, tags in enumerate(self.phrase_tags([f[7] for f in feats], [f[6] for f in feats])):
            for tag in tags:
                name, part = tag.rsplit(":", 1)
                if name in col:
                    out[i, (k if part == "B" else 2 * k) + col[name]] = 1
        return out

    def phrase_tags(self, keys: Sequence[str], alts: Sequence[Sequence[str]]) -> list[list[str]]:
        """Per token, ``list:B`` / ``list:I`` labels of the longest phrase matches."""
        n = len(keys)
        out: list[list[str]] = [[] for _ in range(n)]
        first, phrases = self.lex.first, self.lex.phrases
        for i in range(n):
            for k0 in (keys[i], *alts[i]):
                longest = first.get(k0)
                if not longest:
                    continue
                for size in range(min(longest, n - i), 1, -1):
                    names = phrases.get((k0, *keys[i + 1 : i + size]))
                    if names:
                        for name in names:
                            out[i].append(f"{name}:B")
                            for j in range(i + 1, i + size):
                                out[j].append(f"{name}:I")
                        break
        return out

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """Attribute lists for every word of a sentence."""
        hot = self._memo.hot
        feats = [hot.get(w) or self._word(w) for w in words]
        keys = [f[5] for f in feats]
        alts = [f[6] for f in feats]
        real_keys = [f[7] for f in feats]
        ph = self.phrase_tags(real_keys, alts)
        n = len(words)
        known = self.known
        xseq = []
        for i in range(n):
            f = ["bias", *feats[i][0]]
            f.extend(feats[i - 2][1] if i >= 2 else ("-2BOS",))
            f.extend(feats[i - 1][2] if i >= 1 else ("-1BOS",))
            f.extend(feats[i + 1][3] if i + 1 < n else ("+1EOS",))
            f.extend(feats[i + 2][4] if i + 2 < n else ("+2EOS",))
            prev = keys[i - 1] if i else "BOS"
            nxt = keys[i + 1] if i + 1 < n else "EOS"
            g = [f"b-={prev}|{keys[i]}", f"b+={keys[i]}|{nxt}"]
            g.extend(f"P={t}" for t in ph[i])
            if i:
                g.extend(f"-1P={t}" for t in ph[i - 1])
            if i + 1 < n:
                g.extend(f"+1P={t}" for t in ph[i + 1])
            f.extend(g if known is None else [x for x in g if x in known])
            xseq.append(f)
        return xseq
