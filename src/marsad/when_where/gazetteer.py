"""The shipped place gazetteer and a fast token matcher over it.

The data lives in ``marsad/resources/places`` (see the README there):
``gazetteer.tsv`` (one Arabic name variant per row), ``stoplist.tsv`` (names
never matched), ``context_only.tsv`` (names matched only after a locative word
such as في or مدينة) and ``demonyms.tsv`` (nisba adjectives → ISO3, used for
"العاصمة الروسية" and as country context).

Names are matched on token keys (``Token.key``, the word without a leading
article) and the article must agree: the town "طراز" does not match "الطراز",
and "الرياض" does not match the first name "رياض".  A name without article may
carry a one-letter proclitic (بغزة، وموسكو).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import NamedTuple

from marsad.document import Token
from marsad.text.normalize import normalize_text
from marsad.text.tokens import WORD, has_article, strip_article

RESOURCE_PACKAGE = "marsad.resources"
RESOURCE_DIR = "places"

_SHORT_PREFIXES = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")

KIND_PRECISION = {
    "city": "city",
    "capital": "city",
    "landmark": "city",
    "admin1": "admin1",
    "country": "country",
    "region": "region",
}


class PlaceEntry(NamedTuple):
    """One place of the gazetteer (several name rows may point to it)."""

    geonameid: int | None
    name: str
    country: str | None
    admin1: str
    lat: float | None
    lon: float | None
    population: int
    kind: str
    prior: float

    @property
    def precision(self) -> str:
        return KIND_PRECISION.get(self.kind, "city")


class NameKey(NamedTuple):
    """A name as token keys plus the article prefix of each word."""

    keys: tuple[str, ...]
    prefixes: tuple[str, ...]


@dataclass(slots=True)
class IndexItem:
    """What a name (a token-key sequence) stands for."""

    name: NameKey
    places: list[int] = field(default_factory=list)  # entry ids
    demonym: str | None = None  # ISO3 when the name is a demonym
    context_only: bool = False
    country: str | None = None  # the one country of all its places, if they share one
    also_demonym: bool = False  # السعودية: the country and the adjective "Saudi (f.)"


@dataclass(slots=True, frozen=True)
class RawMatch:
    """A name found at tokens ``[start, end)``; ``lead`` is the proclitic read off."""

    start: int
    end: int
    item: IndexItem
    lead: str

    @property
    def state(self) -> str | None:
        """The state of the place named, when the name is a place's: not a demonym, not a name read only
        with a locative context, with a country (else None)."""
        item = self.item
        return None if item.demonym or item.context_only else item.country or None


def name_key(ar: str) -> NameKey | None:
    """The :class:`NameKey` of an Arabic name (``None`` if it has no word)."""
    keys: list[str] = []
    prefixes: list[str] = []
    for m in WORD.finditer(normalize_text(ar)):
        w = m.group()
        if not w[0].isalnum():
            continue
        p, k = strip_article(w)
        keys.append(k)
        prefixes.append("ال" if has_article(p) else "")
    return NameKey(tuple(keys), tuple(prefixes)) if keys else None


Index = dict[str, list[tuple[str | None, IndexItem]]]


def build_index(names: Iterable[tuple[NameKey, IndexItem]], blocked: frozenset[str] = frozenset()) -> Index:
    """Index items by the surface key of their first word.

    Each name is filed under its first key (read with the token's own prefix,
    ``lead=None``) and, when that word has no article, under every proclitic
    form (بغزة، وموسكو: ``lead="ب"``…) unless that form is a ``blocked`` word
    (ولاية is not و + لاية).  Per key: the literal reading first, then the
    proclitic readings with the shortest proclitic first (وباريس is و + باريس, not وب + أريس),
    then in :data:`_SHORT_PREFIXES` order, longest names first.
    """
    index: Index = {}
    get = index.get
    for nk, item in names:
        first = nk.keys[0]
        forms: list[tuple[str | None, str]] = [(None, first)]
        if not nk.prefixes[0] and len(first) >= 3:
            forms += [(p, p + first) for p in _SHORT_PREFIXES if p + first not in blocked]
        for lead, surface in forms:
            entries = get(surface)
            if entries is None:
                index[surface] = [(lead, item)]
            else:
                entries.append((lead, item))
    order = {p: k for k, p in enumerate(_SHORT_PREFIXES, 1)}
    for entries in index.values():
        if len(entries) > 1:
            entries.sort(key=lambda e: (len(e[0]) if e[0] else 0, order[e[0]] if e[0] else 0, -len(e[1].name.keys)))
    return index


def _fits(item: IndexItem, tokens: list[Token], i: int, article: bool) -> bool:
    nk = item.name
    if article != bool(nk.prefixes[0]):
        return False
    n = len(nk.keys)
    if n == 1:
        return True
    if i + n > len(tokens):
        return False
    for j in range(1, n):
        t = tokens[i + j]
        if t.key != nk.keys[j] or t.prefix != nk.prefixes[j]:
            return False
    return True


def _match_at(tokens: list[Token], i: int, entries: list[tuple[str | None, IndexItem]]) -> RawMatch | None:
    tok = tokens[i]
    for lead, item in entries:
        if lead is None:
            if _fits(item, tokens, i, has_article(tok.prefix)):
                return RawMatch(i, i + len(item.name.keys), item, tok.prefix)
        elif not tok.prefix and _fits(item, tokens, i, False):
            return RawMatch(i, i + len(item.name.keys), item, lead)
    return None


def match_tokens(tokens: list[Token], index: Index) -> list[RawMatch]:
    """All longest, non-overlapping name matches, left to right."""
    hits = [i for i, t in enumerate(tokens) if t.key in index]
    out: list[RawMatch] = []
    end = 0
    for i in hits:
        if i < end:
            continue
        found = _match_at(tokens, i, index[tokens[i].key])
        if found is not None:
            out.append(found)
            end = found.end
    return out


def _read_tsv(name: str) -> Iterator[list[str]]:
    """Data rows of a TSV resource (header and ``#`` lines skipped)."""
    path = resources.files(RESOURCE_PACKAGE).joinpath(RESOURCE_DIR, name)
    with path.open(encoding="utf-8") as fh:
        header = True
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            if header:
                header = False
                continue
            yield line.rstrip("\n").split("\t")


def _num(s: str) -> float | None:
    return float(s) if s else None


class Gazetteer:
    """Places, stoplist and demonyms from package data, loaded on first use."""

    def __init__(self) -> None:
        self._entries: list[PlaceEntry] | None = None
        self._index: Index | None = None
        self._capitals: dict[str, int] = {}
        self._countries: dict[str, int] = {}
        self._common: frozenset[str] | None = None

    @property
    def entries(self) -> list[PlaceEntry]:
        self._load()
        assert self._entries is not None
        return self._entries

    @property
    def index(self) -> Index:
        self._load()
        assert self._index is not None
        return self._index

    def capital_of(self, iso3: str) -> PlaceEntry | None:
        """The capital city of a country, if the gazetteer knows it."""
        self._load()
        i = self._capitals.get(iso3)
        return self.entries[i] if i is not None else None

    def country(self, iso3: str) -> PlaceEntry | None:
        """The country entry of an ISO3 code, if the gazetteer knows it."""
        self._load()
        i = self._countries.get(iso3)
        return self.entries[i] if i is not None else None

    def match(self, tokens: list[Token]) -> list[RawMatch]:
        """Name matches (places and demonyms) over a token list."""
        return match_tokens(tokens, self.index)

    @property
    def common_words(self) -> frozenset[str]:
        """Keys of ordinary words that never name an unlisted place (منطقة اليورو، منطقة الحدود)."""
        if self._common is None:
            self._common = frozenset(row[0] for row in _read_tsv("common_words.tsv") if row and row[0])
        return self._common

    def match_at(self, tokens: list[Token], i: int) -> RawMatch | None:
        """The longest name (place or demonym) that starts at token ``i``, if any."""
        entries = self.index.get(tokens[i].key)
        return _match_at(tokens, i, entries) if entries else None

    def _load(self) -> None:
        if self._index is not None:
            return
        stop = {nk for row in _read_tsv("stoplist.tsv") if (nk := name_key(row[0]))}
        ctx = {nk for row in _read_tsv("context_only.tsv") if (nk := name_key(row[0]))}
        entries: list[PlaceEntry] = []
        ids: dict[tuple, int] = {}
        items: dict[NameKey, IndexItem] = {}
        for row in _read_tsv("gazetteer.tsv"):
            nk = name_key(row[0])
            if nk is None or nk in stop:
                continue
            e = PlaceEntry(
                int(row[1]) if row[1] else None, row[2], row[3] or None, row[4],
                _num(row[5]), _num(row[6]), int(row[7] or 0), row[8], float(row[9] or 0),
            )
            ident = (e.geonameid, e.name, e.country, e.kind)
            eid = ids.get(ident)
            if eid is None:
                eid = ids[ident] = len(entries)
                entries.append(e)
                if e.kind in ("capital", "country") and e.country:
                    table = self._capitals if e.kind == "capital" else self._countries
                    table.setdefault(e.country, eid)
            item = items.get(nk)
            if item is None:
                item = items[nk] = IndexItem(nk, context_only=nk in ctx)
            if eid not in item.places:
                item.places.append(eid)
        for nk in stop:  # multi-word stoplist entries block the names inside them (ريال مدريد)
            if len(nk.keys) > 1 and nk not in items:
                items[nk] = IndexItem(nk)
        for row in _read_tsv("demonyms.tsv"):
            nk = name_key(row[0])
            if nk is None:
                continue
            for variant in (nk, NameKey(nk.keys, ("ال",) + nk.prefixes[1:])):
                if variant in items:
                    items[variant].also_demonym = True
                elif variant not in stop:
                    items[variant] = IndexItem(variant, demonym=row[1])
        self._entries = entries
        for item in items.values():
            countries = {entries[i].country for i in item.places}
            if len(countries) == 1:
                item.country = countries.pop()
        blocked = {nk.keys[0] for nk in stop if len(nk.keys) == 1 and not nk.prefixes[0]}
        # A one-word name that is an ordinary word (common_words.tsv: صور "pictures", ليون، ابا) needs a
        # place noun or locative word before it, and is never read behind a proclitic: بصور "with
        # pictures" is not Tyre, بليون "billion" not Lyon, nor ورقة "paper" و + Raqqa.
        common = self.common_words
        for nk, item in items.items():
            if len(nk.keys) != 1 or nk.prefixes[0]:
                continue
            key = nk.keys[0]
            if key in common:
                item.context_only = True
            blocked.update(p + key for p in _SHORT_PREFIXES if key in common or p + key in common)
        self._index = build_index(items.items(), frozenset(blocked))
