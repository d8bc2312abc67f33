"""De-duplication: group event mentions into real-world events.

A mention joins an existing event (a *group*) when all of these hold
(documented in docs/store.md):

* same source code, target code (both may be absent), CAMEO root and modality;
* for a domestic dyad (source code == target code) the agents are compatible
  (equal, or one missing): COL/GOV → COL/REB is not COL/REB → COL/GOV;
* places are compatible: same country, or one of them has no place;
* dates are compatible.  A mention's *effective date* is the date the text
  gives it, else the article's publication date (not for background events,
  which happened earlier).  Day-precision dates: the whole group stays within
  ``window`` days (complete linkage, no chaining).  Month/year precision: the
  group's days lie in that month/year.  When either side has no date at all,
  the evidence texts must be near-duplicates (character n-gram Jaccard ≥
  ``min_similarity``), or the group holds a mention of the same article.  An
  undated mention is compared with the undated groups of its key, the groups
  holding a mention of its article, and the ``max_candidates`` dated groups
  with the latest dates (a bound on the work for common keys);
* among several compatible groups the one with the most similar evidence
  wins, then the nearest date, then the earliest group (then the smaller id).

The grouping is a function of the *set* of mentions, not of the order or the
batches they arrive in: :meth:`Grouper.group` takes the mentions of each key
in a canonical order (effective date, content hash, index; undated mentions
last) and each one joins the best group made by the mentions before it, else
founds a group whose id is the hash of that founding (canonically first)
mention.  A mention's group therefore depends only on the mentions before it
in that order; the store regroups, after each batch, every stored mention a
new one can affect (see :func:`marsad.store.groups_sql.load_affected`), and a
stored mention keeps its previous group without a decision while nothing that
differs from the previous grouping can take it (:class:`_Divergence`).
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta

from marsad.text.normalize import normalize_text

NGRAM = 4
MIN_SIMILARITY = 0.45
MAX_CANDIDATES = 200  # latest dated groups of its key an undated mention is compared with
_NON_LETTER = re.compile(r"[^\w]+")
_DIGITS = re.compile(r"\d")


def shingles(text: str, n: int = NGRAM) -> frozenset[str]:
    """Character n-grams of the normalized text (letters and digits, single spaces)."""
    norm = _NON_LETTER.sub(" ", normalize_text(text or "")).strip()
    if len(norm) <= n:
        return frozenset([norm]) if norm else frozenset()
    return frozenset(norm[i:i + n] for i in range(len(norm) - n + 1))


def hashed_shingles(text: str) -> frozenset[int]:
    """:func:`shingles` as 64-bit hashes (compact to keep; same Jaccard but for collisions).

    Hashes the n-grams as tuples of characters, made by ``zip`` without slicing strings (the
    same sets as the strings, a quarter less time)."""
    norm = _NON_LETTER.sub(" ", normalize_text(text or "")).strip()
    if len(norm) <= NGRAM:
        return frozenset([hash(norm)]) if norm else frozenset()
    return frozenset(map(hash, zip(*(norm[i:] for i in range(NGRAM)), strict=False)))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def period_bounds(d: Date, precision: str) -> tuple[Date, Date]:
    """First and last day of the month or year a coarse date stands for."""
    if precision == "year":
        return Date(d.year, 1, 1), Date(d.year, 12, 31)
    nxt = Date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return Date(d.year, d.month, 1), nxt - timedelta(days=1)


def event_id_for(mention_id: str) -> str:
    """Stable id of the event founded by a mention."""
    return hashlib.sha1(mention_id.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class MentionKey:
    """What dedup needs to know about one mention."""

    mention_id: str
    content_hash: str
    idx: int
    source_code: str
    target_code: str | None
    root: str
    modality: str
    source_agent: str | None
    target_agent: str | None
    country: str | None
    date: Date | None  # effective date
    precision: str | None  # day, month, year
    evidence: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.source_code, self.target_code or "", self.root, self.modality)

    def sort_key(self) -> tuple:
        return (self.date is None, self.date or Date.min, self.content_hash, self.idx)


@dataclass(slots=True)
class Group:
    """The dedup state of one event."""

    event_id: str
    key: tuple[str, str, str, str]
    source_agent: str | None = None
    target_agent: str | None = None
    country: str | None = None
    day_min: Date | None = None
    day_max: Date | None = None
    period_lo: Date | None = None  # narrowest coarse period of the members
    period_hi: Date | None = None
    members: list[_Shingles] = field(default_factory=list)  # the members' evidence shingles (lazy)
    articles: set[str] = field(default_factory=set)  # content hashes of the members' articles
    _sets: list[frozenset[int]] | None = None  # the members' shingles, once one was asked for

    @property
    def dated(self) -> bool:
        return self.day_min is not None or self.period_lo is not None

    def similarity(self, sh: frozenset[int], floor: float = 0.0) -> float:
        """Highest Jaccard similarity of ``sh`` with a member's evidence; a value below ``floor``
        when that highest one is below ``floor`` (members that cannot reach it are skipped).

        Jaccard is at most the ratio of the two sets' sizes, so a member whose size ratio is no
        higher than the best value so far (or below ``floor``) is not intersected: same result.
        """
        if self._sets is None:
            self._sets = [s.get() for s in self.members]
        n, best = len(sh), 0.0
        if not n:
            return 0.0
        for s in self._sets:
            k = len(s)
            lo, hi = (k, n) if k < n else (n, k)
            if lo <= best * hi or lo < floor * hi:
                continue
            inter = len(sh & s)
            j = inter / (n + k - inter)
            if j > best:
                best = j
        return best

    def add(self, m: MentionKey, sh: _Shingles) -> None:
        self.note(m)
        self.members.append(sh)
        if self._sets is not None:
            self._sets.append(sh.get())
        self.articles.add(m.content_hash)

    def note(self, m: MentionKey) -> None:
        """Take ``m``'s agents, country and date into the group's state (not its evidence)."""
        self.source_agent = self.source_agent or m.source_agent
        self.target_agent = self.target_agent or m.target_agent
        self.country = self.country or m.country
        if m.date is not None and m.precision == "day":
            self.day_min = min(self.day_min or m.date, m.date)
            self.day_max = max(self.day_max or m.date, m.date)
        elif m.date is not None:
            lo, hi = period_bounds(m.date, m.precision or "day")
            self.period_lo = max(self.period_lo or lo, lo)
            self.period_hi = min(self.period_hi or hi, hi)


def _agents_ok(m: MentionKey, g: Group) -> bool:
    if m.source_code != m.target_code:
        return True
    return all(a is None or b is None or a == b
               for a, b in ((m.source_agent, g.source_agent), (m.target_agent, g.target_agent)))


def dates_ok(m: MentionKey, g: Group, window: int) -> bool:
    """Date compatibility of a dated mention with a dated group."""
    assert m.date is not None
    if m.precision == "day":
        if g.period_lo is not None and not (g.period_lo <= m.date <= g.period_hi):
            return False
        if g.day_min is None:
            return True
        return (max(g.day_max, m.date) - min(g.day_min, m.date)).days <= window
    lo, hi = period_bounds(m.date, m.precision or "day")
    if g.day_min is not None and not (lo <= g.day_min and g.day_max <= hi):
        return False
    if g.period_lo is not None and (g.period_hi < lo or g.period_lo > hi):
        return False
    return True


def _distance(m: MentionKey, g: Group) -> int:
    if m.date is None:
        return 1 << 30
    ref = g.day_min or g.period_lo
    return abs((m.date - ref).days) if ref else 1 << 30


def _anchor(g: Group) -> Date:
    return g.day_min or g.period_lo or Date.max


def closed(g: Group, day: Date, window: int) -> bool:
    """True when no mention dated ``day`` or later can join ``g`` (mentions come in date order)."""
    if g.day_min is not None:
        return (day - g.day_min).days > window
    return g.period_hi is not None and g.period_hi < day


class Grouper:
    """Group mentions into events from scratch (:meth:`group`)."""

    def __init__(self, window: int, min_similarity: float = MIN_SIMILARITY, max_candidates: int = MAX_CANDIDATES,
                 cache: Mapping[str, array] | None = None) -> None:
        self.window = window
        self.min_similarity = min_similarity
        self.max_candidates = max_candidates
        self.cache = cache or {}  # mention_id → hashed shingles known from an earlier batch
        self.shingled: dict[str, array] = {}  # mention_id → hashed shingles used by this grouper
        self.by_text: dict[str, frozenset[int]] = {}  # evidence → its shingles (mentions share sentences)

    def group(self, mentions: Iterable[MentionKey], previous: Mapping[str, str] | None = None) -> dict[str, str]:
        """mention_id → event_id: each key's mentions taken in canonical order.

        ``previous`` (mention_id → event_id) is the grouping a from-scratch run gave the stored
        mentions among ``mentions`` without the others (the new ones).  A stored mention keeps its
        previous group without a decision while every group that differs between the two runs
        is closed (see :class:`_Divergence`): the decision would then see the same candidates
        and make the same choice.  Same result as deciding every mention, at a fraction of the
        cost when the new mentions are few and far between in a key's history.
        """
        previous = previous or {}
        by_key: dict[tuple[str, str, str, str], list[MentionKey]] = {}
        for m in mentions:
            by_key.setdefault(m.key, []).append(m)
        out: dict[str, str] = {}
        for key in sorted(by_key):
            self._group_key(sorted(by_key[key], key=MentionKey.sort_key), previous, out)
        return out

    def _group_key(self, ordered: list[MentionKey], previous: Mapping[str, str], out: dict[str, str]) -> None:
        groups: dict[str, Group] = {}  # all groups of the key
        open_: list[Group] = []  # groups a dated mention at the current date may still join
        latest: list[Group] | None = None  # the dated groups undated mentions may join by similarity
        diverged = _Divergence(self.window, groups)
        for m in ordered:
            lazy = _Shingles(m, self)
            if m.date is not None:
                open_ = [g for g in open_ if not closed(g, m.date, self.window)]
            elif latest is None:  # dated mentions are all placed: the dated groups' dates are final
                latest = self.latest(groups.values())
            before = previous.get(m.mention_id)
            if before is not None and diverged.settled(m):
                known, g = before, groups.get(before)
            else:
                g = self._best(m, lazy, open_ if latest is None else _undated_candidates(m, groups, latest))
                known = event_id_for(m.mention_id)
            if g is None:
                g = groups[known] = Group(known, m.key)
                open_.append(g)
            g.add(m, lazy)
            out[m.mention_id] = g.event_id
            diverged.record(m, before, g.event_id)

    def latest(self, groups: Iterable[Group]) -> list[Group]:
        """The ``max_candidates`` dated groups with the latest anchor date (then the larger id)."""
        dated = sorted((g for g in groups if g.dated), key=lambda g: (_anchor(g), g.event_id), reverse=True)
        return dated[:self.max_candidates]

    def _best(self, m: MentionKey, sh: _Shingles, candidates: list[Group]) -> Group | None:
        scored = []
        for g in candidates:
            if not _agents_ok(m, g) or (m.country and g.country and m.country != g.country):
                continue
            if m.date is None or not g.dated:
                sim = 1.0 if m.content_hash in g.articles else g.similarity(sh.get(), self.min_similarity)
                if sim < self.min_similarity:
                    continue
            elif not dates_ok(m, g, self.window):
                continue
            else:
                sim = -1.0  # computed below only when there is a choice
            scored.append([sim, g])
        if len(scored) > 1:
            for s in scored:
                if s[0] < 0:
                    s[0] = s[1].similarity(sh.get())
        if not scored:
            return None
        return min(scored, key=lambda s: (-s[0], _distance(m, s[1]), _anchor(s[1]), s[1].event_id))[1]


def _undated_candidates(m: MentionKey, groups: dict[str, Group], latest: list[Group]) -> list[Group]:
    """Groups an undated mention may join: undated groups, groups holding a mention of its
    article, and the latest dated groups of its key (a bound on the work for common keys)."""
    near = {id(g) for g in latest}
    return latest + [g for g in groups.values()
                     if id(g) not in near and (not g.dated or m.content_hash in g.articles)]


class _Divergence:
    """Where a key's regrouping differs from the previous grouping of its stored mentions.

    Both runs take the mentions in the same order; the previous one did not have the new
    mentions.  A group id is *dirty* once a mention joined it in one run and not in the other
    (a new mention, or a stored one that moved); its members then differ for good.  A dated
    mention's candidates are the open groups its agents, country and date fit.  When no dirty
    group is such a candidate in either run, both runs offer it the same groups with the same
    members, so its decision is the previous one.  Undated mentions are compared with all of
    the key's groups: their previous decision holds only if nothing diverged at all.
    """

    __slots__ = ("window", "groups", "old", "dirty", "ever")

    def __init__(self, window: int, groups: Mapping[str, Group]) -> None:
        self.window = window
        self.groups = groups  # this run's groups
        self.old: dict[str, Group] = {}  # the previous run's groups (state only, no members)
        self.dirty: list[str] = []  # dirty ids not yet closed in both runs
        self.ever = False

    def settled(self, m: MentionKey) -> bool:
        if m.date is None:
            return not self.ever
        day, window = m.date, self.window
        runs = (self.groups, self.old)
        self.dirty = [e for e in self.dirty if any(e in r and not closed(r[e], day, window) for r in runs)]
        return not any(_fits(m, r[e], window) for e in self.dirty for r in runs if e in r)

    def record(self, m: MentionKey, before: str | None, now: str) -> None:
        if before is not None:
            g = self.old.get(before)
            if g is None:
                g = self.old[before] = Group(before, m.key)
            g.note(m)
        if before != now:
            self.ever = True
            self.dirty.extend(e for e in (before, now) if e is not None and e not in self.dirty)


def _fits(m: MentionKey, g: Group, window: int) -> bool:
    """Whether a dated mention may join the dated group ``g`` (agents, country and dates)."""
    return (_agents_ok(m, g) and not (m.country and g.country and m.country != g.country)
            and dates_ok(m, g, window))


class _Shingles:
    """A mention's evidence shingles (hashed), computed on first use: most mentions never need
    them.  Kept as compact arrays in the grouper's ``shingled`` so the store can hand them to
    the next batch; mentions of one sentence share one set."""

    __slots__ = ("mention", "grouper", "value")

    def __init__(self, mention: MentionKey, grouper: Grouper) -> None:
        self.mention = mention
        self.grouper = grouper
        self.value: frozenset[int] | None = None

    def get(self) -> frozenset[int]:
        if self.value is None:
            m, g = self.mention, self.grouper
            known = g.cache.get(m.mention_id)
            if known is not None:
                self.value = frozenset(known)
            else:
                value = g.by_text.get(m.evidence)
                if value is None:
                    value = g.by_text[m.evidence] = hashed_shingles(m.evidence)
                self.value = value
                known = array("q", value)
            g.shingled[m.mention_id] = known
        return self.value
