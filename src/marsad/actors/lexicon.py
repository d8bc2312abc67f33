"""Actor and agent dictionaries: loading and phrase matching over tokens.

Entries come from the TSV files under ``resources/actors/`` (format in their
README).  A phrase is stored under the tuple of its word keys (normalized,
leading article stripped); the first word of a text phrase may also carry
proclitics (و ب ل ف ك), which :func:`marsad.text.tokens.candidates` reads off.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from marsad import resources
from marsad.document import Token
from marsad.text.normalize import normalize_text
from marsad.text.tokens import WordMemo, candidates, phrase_key

ACTOR_FILES = ("states", "organisations", "persons")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    code: str
    agent: str | None
    name: str | None
    kind: str
    start: Date | None = None
    end: Date | None = None
    country: str | None = None
    role: str | None = None

    def covers(self, when: Date | None) -> bool:
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token index
    end: int  # exclusive
    entries: tuple  # ActorEntry tuple, or (agent_code,) for agent matches
    prefix: str = ""


def _date(s: str) -> Date | None:
    s = s.strip()
    if not s:
        return None
    return Date.fromisoformat(s[:10])


class PhraseIndex:
    """Token-sequence dictionary with clitic-aware first word."""

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], list] = defaultdict(list)
        self.max_len: dict[str, int] = {}
        self.prefixes: set[tuple[str, ...]] = set()  # proper prefixes of phrases (2+ words), to stop early
        # per word: the (prefix, key, max phrase length) readings that can start a phrase
        self._starts = WordMemo()  # word → tuple[tuple[str, str, int], ...]

    def starts(self, tok: Token) -> tuple[tuple[str, str, int], ...]:
        """Readings of ``tok`` that begin some phrase (memoised per word; most words: none)."""
        hit = self._starts.hot.get(tok.norm)
        if hit is None:
            hit = self._starts.recall(tok.norm)
            if hit is None:
                max_len = self.max_len
                hit = self._starts.put(tok.norm, tuple((p, k, max_len[k]) for p, k in self._readings(tok)
                                                       if k in max_len))
        return hit

    def _readings(self, tok: Token) -> tuple[tuple[str, str], ...]:
        """:func:`_first_readings`, plus a nisba in the indefinite accusative (جنديًا أميركيًا،
        مواطنًا سعوديًا → أميركي، سعودي) when the word is no entry itself and the nisba is a
        demonym only (not باكيا "crying" → ب + Adnkronos, روحانيا "spiritually" → Rouhani)."""
        readings = _first_readings(tok)
        key = readings[0][1]
        if len(key) > 4 and key.endswith("يا") and not any((k,) in self.phrases for _, k in readings):
            base = self.phrases.get((key[:-1],))
            if base and all(getattr(e, "kind", "") == "demonym" for e in base):
                readings = readings + ((readings[0][0], key[:-1]),)
        return readings

    def add(self, phrase: str, value: object) -> None:
        key = phrase_key(normalize_text(phrase))
        if not key:
            return
        bucket = self.phrases[key]
        if value not in bucket:
            bucket.append(value)
        if len(key) > self.max_len.get(key[0], 0):
            self.max_len[key[0]] = len(key)
        for n in range(2, len(key)):
            self.prefixes.add(key[:n])

    def __len__(self) -> int:
        return len(self.phrases)

    def match_at(self, tokens: list[Token], i: int, stop: set[str] | None = None,
                 starts: tuple[tuple[str, str, int], ...] | None = None) -> Match | None:
        """The longest phrase starting at token ``i`` (any reading of the first word)."""
        best: Match | None = None
        phrases, prefixes = self.phrases, self.prefixes
        for prefix, key, n in self.starts(tokens[i]) if starts is None else starts:
            n = min(n, len(tokens) - i)
            seq: tuple[str, ...] = (key,)
            found, length = None, 1
            while True:  # grow the phrase word by word while some entry still starts with it
                hit = phrases.get(seq)
                if hit and not (length == 1 and stop and key in stop):
                    found = (length, hit)
                if length == n or (length > 1 and seq not in prefixes):
                    break
                seq += (tokens[i + length].key,)
                length += 1
                if seq not in prefixes and seq not in phrases:
                    break
            if found is not None and (best is None or found[0] > best.end - best.start):
                best = Match(i, i + found[0], tuple(found[1]), prefix)
        return best

    def scan(self, tokens: list[Token], lo: int = 0, hi: int | None = None,
             stop: set[str] | None = None) -> list[Match]:
        """Non-overlapping longest matches, left to right."""
        hi = len(tokens) if hi is None else hi
        out = []
        i = lo
        starts, memo = self.starts, self._starts
        while i < hi:
            st = memo.hot.get(tokens[i].norm)  # most words: found here, without a call
            if st is None:
                st = starts(tokens[i])
            m = self.match_at(tokens, i, stop, st) if st else None
            if m is not None and m.end <= hi:
                out.append(m)
                i = m.end
            else:
                i += 1
        return out


def _first_readings(tok: Token) -> tuple[tuple[str, str], ...]:
    """Clitic readings of a token, plus the singular of a feminine dual nisba
    (روسيتين/روسيتان → روسيه), which dictionaries do not list."""
    readings = candidates(tok.norm)
    key = readings[0][1]
    if len(key) > 5 and (key.endswith("يتين") or key.endswith("يتان")):
        readings = readings + ((readings[0][0], key[:-3] + "ه"),)
    return readings


class ActorLexicon:
    """All actor entries and agent nouns, loaded once per instance, lazily."""

    def __init__(self, directory: Path | None = None) -> None:
        self._dir = directory
        self._actors: PhraseIndex | None = None
        self._stop: set[str] | None = None
        self._surface: set[str] | None = None
        self._names: PersonNames | None = None

    def _path(self, name: str) -> Path | None:
        if self._dir is not None:
            p = self._dir / Path(resources.CATALOGUE[name]).name
            return p if p.exists() else None
        return resources.path(name) if resources.exists(name) else None

    def _load(self) -> None:
        actors = PhraseIndex()
        for name in ACTOR_FILES:
            p = self._path(name)
            if p is None:
                continue
            for row in resources.read_tsv(p):
                if not row.get("ar") or not row.get("code"):
                    continue
                actors.add(row["ar"], ActorEntry(
                    code=row["code"], agent=row.get("agent") or None, name=row.get("name") or None,
                    kind=row.get("kind") or "state", start=_date(row.get("start", "")),
                    end=_date(row.get("end", "")), country=row.get("country") or None,
                    role=row.get("role") or None))
        # one index, one scan: agent nouns are entries of kind "agent"
        p = self._path("agents")
        if p is not None:
            for row in resources.read_tsv(p):
                if row.get("ar") and row.get("agent"):
                    actors.add(row["ar"], ActorEntry(code="", agent=row["agent"], name=None, kind="agent"))
        stop: set[str] = set()
        p = self._path("actor_stoplist")
        if p is not None:
            for row in resources.read_tsv(p):
                key = phrase_key(normalize_text(row.get("ar", "")))
                if len(key) == 1:
                    stop.add(key[0])
                elif key:
                    # a longer phrase wins over the entries inside it and codes nothing
                    actors.add(row["ar"], STOP_ENTRY)
        surface: set[str] = set()
        p = self._path("actor_surface_stoplist")
        if p is not None:
            surface = {normalize_text(r["ar"]) for r in resources.read_tsv(p) if r.get("ar")}
        self._stop, self._surface, self._actors = stop, surface, actors

    def _loaded(self) -> None:
        if self._actors is None:
            self._load()

    @property
    def actors(self) -> PhraseIndex:
        """One index of actor phrases and agent nouns (agent entries have kind "agent")."""
        self._loaded()
        assert self._actors is not None
        return self._actors

    @property
    def stop(self) -> set[str]:
        self._loaded()
        assert self._stop is not None
        return self._stop

    @property
    def surface_stop(self) -> set[str]:
        self._loaded()
        assert self._surface is not None
        return self._surface

    @property
    def person_names(self) -> PersonNames:
        """Given names and each person's name words, from the persons' multiword phrases."""
        if self._names is None:
            self._names = PersonNames.of(self.actors)
        return self._names

    def surface_blocked(self, norm: str) -> bool:
        """Is a one-word match on this normalized word a common word (كاميرون، الحماس، كتبت)?"""
        stop = self.surface_stop
        if not stop:
            return False
        w = norm[1:] if norm[:1] in "وف" and len(norm) > 3 else norm
        readings = {norm, w}
        if w[:3] in ("بال", "كال"):
            readings.add(w[1:])
        elif w[:2] == "لل":
            readings.add("ال" + w[2:])
        elif w[:1] in "بكل" and not w.startswith("ال"):
            readings.add(w[1:])
        return not readings.isdisjoint(stop)


_SKELETON = str.maketrans({"ا": None, "و": None, "ي": None, "ه": None, "غ": "ج", "ق": "ج", "ك": "ج"})


def name_skeleton(word: str) -> str:
    """Consonants of a name key, with the letters that render g folded: the spellings of one
    name agree (حامد/حميد، سيرغي/سيرجي)."""
    return word.translate(_SKELETON)


@dataclass(frozen=True, slots=True)
class PersonNames:
    """First words of the persons' multiword names (given names: خالد، محمد، جون) and, per person
    (by name), the skeletons (:func:`name_skeleton`) of every word of their Arabic names:
    "خالد الغبان" is not محمد سالم الغبان."""

    given: frozenset[str]
    words: dict[str, frozenset[str]]

    @classmethod
    def of(cls, index: PhraseIndex) -> PersonNames:
        given: set[str] = set()
        words: dict[str, set[str]] = defaultdict(set)
        for key, entries in index.phrases.items():
            for e in entries:
                if isinstance(e, ActorEntry) and e.kind == "person" and e.name:
                    words[e.name].update(key)
                    if len(key) > 1:
                        given.add(key[0])
        # titles and role nouns that start some names (الرئيس أوباما، الشيخ تميم) are no given names
        given -= {k[0] for k, es in index.phrases.items()
                  if len(k) == 1 and any(not isinstance(e, ActorEntry) or e.kind != "person" for e in es)}
        return cls(frozenset(given), {k: frozenset(map(name_skeleton, v)) for k, v in words.items()})


STOP_ENTRY = ActorEntry(code="", agent=None, name=None, kind="stop")


def resolve(entries: tuple, when: Date | None) -> ActorEntry:
    """The entry that holds on ``when``; else the nearest in time; else the first.

    Agent-noun entries only count when the phrase is nothing else."""
    if len(entries) > 1:
        coded = tuple(e for e in entries if e.kind != "agent")
        entries = coded or entries
    if len(entries) == 1:
        return entries[0]
    covering = [e for e in entries if e.covers(when)]
    if covering:
        # prefer the most specific (a person's role over a generic entry)
        return max(covering, key=lambda e: (e.start or Date.min))
    if when is None:
        return max(entries, key=lambda e: (e.end or Date.max))

    def distance(e: ActorEntry) -> int:
        if e.end is not None and e.end < when:
            return (when - e.end).days
        if e.start is not None and e.start > when:
            return (e.start - when).days
        return 0

    return min(entries, key=distance)
