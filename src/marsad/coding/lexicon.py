"""The trigger lexicon: patterns per CAMEO code, loaded from resources/lexicon/NN.tsv.

Pattern syntax (see resources/lexicon/README.md): words separated by spaces,
each matching one token; ``a|b`` alternatives; ``~`` a gap of 0–6 tokens that
does not cross punctuation other than quotes and brackets.  Pattern words and text tokens are compared by
their keys (normalized, leading article stripped); the first token may carry
proclitics and the future prefix س, the last may carry a pronoun suffix.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from sys import intern

from marsad import resources
from marsad.document import Token
from marsad.errors import ResourceError
from marsad.text.normalize import normalize_text
from marsad.text.tokens import THIRD_PERSON_SUFFIXES, WordMemo, candidates, has_article, word_key

FLAGS = frozenset({"sym", "visit", "host", "passive", "noun", "notarget", "weak", "stance", "block", "verbal", "armed"})
# A row whose note starts with this marks a phrase in which its trigger word is no event (تحت سيطرة،
# حضر اللقاء): the match takes its words, so that no shorter pattern reads them, and makes no event.
BLOCK_NOTE = "BLOCK"
GAP = None  # a pattern slot that is a gap
MAX_GAP = 6  # long enough for most actor phrases (الرئيس المصري عبد الفتاح السيسي)
# Punctuation a gap may cross: quotes and brackets around a name (لوّح «العمال الكردستاني» بـ…).
GAP_PUNCT = frozenset({'"', "(", ")", "[", "]"})
# Pronoun suffixes a trigger's last word may carry (حذره، استقبلها، زيارته).
TRIGGER_SUFFIXES = THIRD_PERSON_SUFFIXES


@dataclass(frozen=True, slots=True)
class Pattern:
    words: tuple  # tuple of frozenset[str] or GAP
    cameo: str
    flags: frozenset[str]
    preps: frozenset[str]  # target prepositions (from prep=على|ضد)
    source: str  # "02.tsv:17" for provenance
    # the words after the first (no gaps), the likeliest to be missing first: a quick pre-check
    later: tuple[frozenset[str], ...] = ()
    # a name that survives edits elsewhere in the file ("02.tsv#1a2b3c4d", :func:`row_key`): the
    # event filter's per-row weights are keyed by it, not by the line number of ``source`` (empty for a
    # pattern made outside a lexicon file, which the filter then names by ``source``)
    key: str = ""

    @property
    def size(self) -> int:
        return sum(1 for w in self.words if w is not GAP)


# A token's readings: keys without suffix stripping, keys with it, patterns that may start here,
# and their gate (:func:`_gate`).
Reading = tuple[frozenset[str], frozenset[str], tuple[Pattern, ...], frozenset[str] | None]


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    start: int  # token index of the first word
    end: int  # exclusive, after the last word
    pattern: Pattern
    gaps: tuple[tuple[int, int], ...] = ()  # token ranges skipped by ``~`` slots
    suffixed: bool = False  # the last word matched only without a pronoun suffix

    def in_gap(self, i: int) -> bool:
        return any(a <= i < b for a, b in self.gaps)


def _word_keys(word: str) -> frozenset[str]:
    """Keys of the alternatives of one (already normalized) pattern word (:func:`word_key`).  The keys
    are interned: the same word recurs in many patterns, and one string for all its copies keeps the
    loaded lexicon at 21 MB (35 MB with a string per copy)."""
    return frozenset(intern(word_key(alt)) for alt in word.split("|") if alt)


def _rarity(slot: frozenset[str]) -> int:
    """How seldom a pattern word is likely to occur: the length of its shortest key (particles
    such as عن، في، مع are short and everywhere; the content words of a pattern are longer)."""
    return min(map(len, slot))


def _gate(patterns: tuple[Pattern, ...]) -> frozenset[str] | None:
    """Keys of which a sentence must hold one for any of ``patterns`` to match there: the first
    :attr:`Pattern.later` word of each (None when one of them has no later word: always try)."""
    if any(not p.later for p in patterns):
        return None
    return frozenset().union(*(p.later[0] for p in patterns))


def row_key(file_name: str, pattern: str, cameo: str) -> str:
    """A lexicon row's stable name: its file and a digest of its pattern and code.  A row keeps it when
    rows are added or removed around it (a line number does not); editing the row's words or code
    makes it a new row, which the event filter knows nothing about until it is retrained."""
    digest = hashlib.sha1(f"{pattern}\t{cameo}".encode()).hexdigest()[:8]
    return f"{file_name}#{digest}"


def parse_pattern(text: str, cameo: str, flags_field: str, where: str, key: str = "") -> Pattern:
    words: list = []
    for w in normalize_text(text).split():
        words.append(GAP if w == "~" else _word_keys(w))
    if not words or words[0] is GAP or words[-1] is GAP:
        raise ResourceError(f"{where}: pattern must start and end with a word: {text!r}")
    flags, preps = set(), set()
    for f in filter(None, (x.strip() for x in flags_field.split(","))):
        if f.startswith("prep="):
            preps.update(word_key(normalize_text(p)) for p in f[5:].split("|"))
        elif f in FLAGS:
            flags.add(f)
        else:
            raise ResourceError(f"{where}: unknown flag {f!r}")
    later = [w for w in words[1:] if w is not GAP]
    if len(later) > 1:
        later.sort(key=_rarity, reverse=True)  # stable
    return Pattern(tuple(words), cameo, frozenset(flags), frozenset(preps), where, tuple(later), key)


class TriggerLexicon:
    """All patterns, indexed by the keys of their first word."""

    def __init__(self, directory: Path | None = None) -> None:
        self._dir = directory
        self._index: dict[str, list[Pattern]] | None = None
        self._gates: dict[tuple[int, ...], frozenset[str] | None] = {}  # ids of patterns → their gate
        self._stop: frozenset[str] | None = None
        self._verbs: dict[str, bool] | None = None
        self._memo = WordMemo()  # normalized word → its Reading

    @property
    def verb_forms(self) -> dict[str, bool]:
        """Keys of verb forms that are never read behind ب or ك, nor behind the article unless the
        value (a form of the verb begins with ال: التقت) is true (verb_forms.tsv, built with the lexicon)."""
        if self._verbs is None:
            self._verbs = {r["key"]: r.get("al") == "1" for r in self._rows("verb_forms.tsv") if r.get("key")}
        return self._verbs

    @property
    def stop(self) -> frozenset[str]:
        """Whole normalized tokens that look like triggers but are not (وزارة، الأسرة، باحث)."""
        if self._stop is None:
            self._stop = frozenset(map(normalize_text, self._column("stoplist.tsv", "token")))
        return self._stop

    def _rows(self, name: str) -> list[dict[str, str]]:
        """The rows of a TSV of the lexicon folder (none if there is no file)."""
        p = (self._dir or resources.path("lexicon")) / name
        return list(resources.read_tsv(p)) if p.exists() else []

    def _column(self, name: str, column: str) -> frozenset[str]:
        """The non-empty values of one column of a TSV of the lexicon folder."""
        return frozenset(r[column] for r in self._rows(name) if r.get(column))

    def readings(self, tokens: list[Token]) -> list[Reading]:
        """Readings of every token, memoised per word on this lexicon (bounded).  A stoplisted
        token starts no pattern but may be a later word of one (مارس الضغط على، استدعى سفيره للتشاور)."""
        index, stop, memo, verbs = self.index, self.stop, self._memo, self.verb_forms
        hot = memo.hot
        out = [hot.get(t.norm) for t in tokens]
        for i, r in enumerate(out):
            if r is None:
                t = tokens[i]
                r = memo.recall(t.norm)
                if r is not None:
                    out[i] = r
                    continue
                plain, suff = token_readings(t, index, verbs)
                starts: dict[int, Pattern] = {}
                for key in () if t.norm in stop else plain | suff:
                    for pat in index.get(key, ()):
                        starts.setdefault(id(pat), pat)
                out[i] = memo.put(t.norm, (plain, suff, tuple(starts.values()), self._gate(starts)))
        return out

    @property
    def index(self) -> dict[str, list[Pattern]]:
        if self._index is None:
            self._index = self._load()
        return self._index

    def _gate(self, starts: dict[int, Pattern]) -> frozenset[str] | None:
        """The :func:`_gate` of the patterns a word may start (by their ids), one set shared by all
        words that start the same patterns (a few hundred sets, not one per word)."""
        if not starts:
            return None
        ids = tuple(starts)
        if ids not in self._gates:
            self._gates[ids] = _gate(tuple(starts.values()))
        return self._gates[ids]

    def _load(self) -> dict[str, list[Pattern]]:
        d = self._dir or resources.path("lexicon")
        patterns = []
        for f in sorted(d.glob("[0-2][0-9].tsv")):
            for n, row in enumerate(resources.read_tsv(f), 2):
                if row.get("pattern") and row.get("cameo"):
                    flags = row.get("flags") or ""
                    if (row.get("note") or "").startswith(BLOCK_NOTE):
                        flags += ",block"
                    key = row_key(f.name, row["pattern"], row["cameo"])
                    patterns.append(parse_pattern(row["pattern"], row["cameo"], flags, f"{f.name}:{n}", key))
        patterns.sort(key=lambda p: (-p.size, -len(p.cameo)))  # stable: file order within ties
        index: dict[str, list[Pattern]] = defaultdict(list)
        for pat in patterns:
            for key in pat.words[0]:
                index[key].append(pat)
        return dict(index)

    def patterns(self) -> list[Pattern]:
        seen, out = set(), []
        for pats in self.index.values():
            for p in pats:
                if id(p) not in seen:
                    seen.add(id(p))
                    out.append(p)
        return out


def token_readings(tok: Token, known: dict[str, list[Pattern]] | None = None,
                   verbs: Mapping[str, bool] | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """Keys a token can match: (without suffix stripping, with it).

    The lexicon stoplist is not applied here: :meth:`TriggerLexicon.readings` lets a stoplisted
    token start no pattern but fill a later word of one.  When ``known`` (the
    pattern index) is given and the literal reading of the word is a known key,
    clitic readings are not tried (بحث is "discussed", not ب + حث).  Keys in ``verbs``
    (verb forms, :attr:`TriggerLexicon.verb_forms`) are not read behind ب or ك, which a verb
    never takes (بدأنا is not ب + دانا), nor behind the article unless the verb begins with ال
    (اليدين "the hands" is not يدين "condemns"; والتقت is و + التقت "met").  A word behind the article
    takes no pronoun suffix: الاستضافة is the verbal noun, not استضاف + ه "hosted him".
    """
    readings = candidates(tok.norm)
    if known is not None and readings[0][1] in known:
        readings = readings[:1]
    plain = set()
    suffixed = []  # keys that may end in a pronoun suffix: not behind the article
    for prefix, key in readings:
        if verbs and key in verbs and _not_a_verb_prefix(prefix, verbs[key]):
            continue
        plain.add(key)
        if len(key) >= 4 and key[0] == "س" and key[1] in "يتنا":
            plain.add(key[1:])
            suffixed.append(key[1:])
        if key.endswith(TRIGGER_SUFFIXES) and not has_article(prefix):  # a fifth of the words end in ه
            suffixed.append(key)
    suff = set()
    for k in suffixed:
        if k.endswith(TRIGGER_SUFFIXES):
            for s in TRIGGER_SUFFIXES:
                if k.endswith(s) and len(k) - len(s) >= 3:
                    stem = k[: -len(s)]
                    suff.add(stem)
                    if stem[-1] == "ا":  # ى is written ا before a suffix: التقاه، استدعاه → التقى، استدعى
                        suff.add(stem[:-1] + "ي")
    return frozenset(plain), frozenset(suff - plain)


def _not_a_verb_prefix(prefix: str, begins_with_al: bool) -> bool:
    """Whether a verb form cannot stand behind these proclitics: the article (unless the verb's own
    ال: والتقت), or ب or ك before it (بدأنا، بالغت are not ب + دانا، ب + ألغت)."""
    if has_article(prefix):
        if not begins_with_al or prefix.endswith("لل"):
            return True
        prefix = prefix[:-2]
    return "ب" in prefix or "ك" in prefix


def find_triggers(lex: TriggerLexicon, tokens: list[Token], lo: int, hi: int,
                  readings: list[Reading]) -> list[TriggerMatch]:
    """All pattern matches in tokens ``[lo, hi)``, longest first, non-overlapping."""
    found: list[TriggerMatch] = []
    present: set[str] | None = None  # every key of the sentence, built on first need
    for i in range(lo, hi):
        _, _, pats, gate = readings[i]
        if not pats:
            continue
        if present is None:
            present = set()
            for r in readings[lo:hi]:
                present |= r[0]
                present |= r[1]
        if gate is not None and present.isdisjoint(gate):
            continue  # no pattern starting here has its first later word in the sentence
        for pat in pats:
            if pat.later:
                if any(map(present.isdisjoint, pat.later)):
                    continue  # a later word of the pattern is nowhere in the sentence
            m = _match(pat, tokens, readings, i, hi)
            if m is not None:
                found.append(m)
    # deterministic order (no dependence on set iteration, i.e. on PYTHONHASHSEED): the file row breaks ties
    found.sort(key=lambda m: (-m.pattern.size, m.suffixed, -(len(m.pattern.cameo)), m.start, m.pattern.source))
    chosen: list[TriggerMatch] = []
    taken: set[int] = set()
    for m in found:
        words = set(range(m.start, m.end))
        for a, b in m.gaps:
            words -= set(range(a, b))
        if words & taken:
            continue
        chosen.append(m)
        taken |= words
    return sorted(chosen, key=lambda m: m.start)


def _match(pat: Pattern, tokens: list[Token], readings, i: int, hi: int) -> TriggerMatch | None:
    words = pat.words
    last = len(words) - 1
    pos, gaps = i, []
    w = 0
    while w <= last:
        slot = words[w]
        if slot is GAP:
            nxt = words[w + 1]
            final = (w + 1 == last)
            for skip in range(0, MAX_GAP + 1):
                j = pos + skip
                if j >= hi or (skip and not tokens[j - 1].norm[0].isalnum()
                               and tokens[j - 1].norm not in GAP_PUNCT):
                    return None
                if _slot_ok(nxt, readings[j], final):
                    if j > pos:
                        gaps.append((pos, j))
                    pos = j + 1
                    break
            else:
                return None
            w += 2
            continue
        if pos >= hi or not _slot_ok(slot, readings[pos], w == last):
            return None
        pos += 1
        w += 1
    suffixed = not (words[-1] & readings[pos - 1][0])
    return TriggerMatch(i, pos, pat, tuple(gaps), suffixed)


def _slot_ok(slot: frozenset[str], reading: Reading, last: bool) -> bool:
    plain, suff = reading[0], reading[1]
    if slot & plain:
        return True
    return last and bool(slot & suff)
