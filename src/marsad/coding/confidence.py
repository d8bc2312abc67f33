"""Event confidence: features of a candidate event and a logistic model over them.

The coder proposes candidates from triggers and clause structure; many are not
events a careful coder would record (a nominalisation mentioned in passing, a
wrong argument).  :func:`event_features` describes a candidate (pattern,
trigger word, how the source and target were found, actor kinds, modality,
position); :class:`EventFilter` turns the features into a confidence with a
logistic model trained by ``scripts/train_event_filter.py`` on the annotated
training set (``../shared/eval/train``), shipped as
``resources/models/event_filter.json`` with its tuned threshold.  The same file
holds an article-level *root model* over :func:`root_features`: when it says an
article codes a root but no candidate of that root passed the threshold, the
coder keeps the most confident one (the scorer's root and source/root figures
count an article's roots, whichever event carries them).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import mul
from pathlib import Path
from typing import TYPE_CHECKING

from marsad import resources

if TYPE_CHECKING:
    from marsad.coding.arguments import Args
    from marsad.coding.lexicon import TriggerMatch
    from marsad.document import ActorMention, Document, Event


_UNSET = object()  # a Context's speaker not looked for yet
NEAR_ARG = 3  # an argument at most this many tokens from its trigger is "near" (mention_place)


@dataclass(slots=True)
class Context:
    """What the coder knows about one trigger occurrence."""

    doc: Document
    si: int  # sentence index
    tm: TriggerMatch
    ments: list[ActorMention]  # coded mentions of the sentence
    topic: list[ActorMention]
    coded: list[ActorMention]
    n_triggers: int  # triggers in the sentence
    places: list[list[ActorMention]]  # locative place mentions per sentence
    shares: dict[str, int] | None = None  # percent of the article's mentions per actor code (long articles)
    chain: list[ActorMention] = field(default_factory=list)  # the running speaker (subjects.running_speaker)
    chain_on: bool = False  # the sentence goes on with the running speaker's words (subjects.goes_on)
    told_visits: set[int] | None = None  # ids of the article's visits whose direction its text says (destinations)
    _speaker: object = _UNSET  # see speaker()
    _rel_doer: object = _UNSET  # see rel_doer()

    def with_ments(self, ments: list[ActorMention]) -> Context:
        """The same trigger occurrence with other candidate mentions (what depends on them found again)."""
        return replace(self, ments=ments, _speaker=_UNSET, _rel_doer=_UNSET)

    def speaker(self) -> ActorMention | None:
        """The subject of a speech verb before the trigger in its sentence (قال X إن…), else the speaker
        named right after the quotation that holds the trigger («…»، قال X), found once for the coder and
        both candidate lists."""
        if self._speaker is _UNSET:
            from marsad.coding.subjects import quote_speaker, speaker

            lo = self.doc.sentences[self.si].first_token
            hi = self.doc.sentences[self.si].last_token
            self._speaker = speaker(self.doc.tokens, self.ments, lo, self.tm.start)
            if self._speaker is None:
                # «ندين هذا الاعتداء»، قال الوزير: the speaker named after the quotation (subjects.py)
                self._speaker = quote_speaker(self.doc.tokens, self.ments, self.tm.end, hi)
        return self._speaker  # type: ignore[return-value]

    def rel_doer(self) -> ActorMention | None:
        """The actor named as the doer in a relative clause on the trigger (الانتقادات التي وجهها X:
        :func:`marsad.coding.subject_of.relative_doer`), found once for all source and target candidates."""
        if self._rel_doer is _UNSET:
            from marsad.coding.subject_of import relative_doer

            after = [m for m in self.ments if m.token_start >= self.tm.end]
            self._rel_doer = relative_doer(self.tm, self.doc.tokens, after)
        return self._rel_doer  # type: ignore[return-value]


def bucket(n: int, edges: tuple[int, ...]) -> str:
    """"<=e" for the first edge e with n <= e, else ">last" (a feature value for a count)."""
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def event_features(ctx: Context, ev: Event, args: Args) -> dict[str, float]:
    """Binary features of a candidate event (names are stable: they key the model)."""
    tm, doc = ctx.tm, ctx.doc
    pat = tm.pattern
    root = ev.cameo[:2]
    tok = doc.tokens[tm.start]
    sent = doc.sentences[ctx.si]
    src_how, tgt_how = args.source_how, args.target_how if ev.target is not None else "none"
    # An untargeted act (a protest, a strike) gets the state where it happens by design: its implied
    # target is no sign of a wrong argument, as it is for a targeted pattern (one feature instead).
    # A protest's target named by its purpose phrase (تنديدا بالغارات التركية, protest.py) is by design too.
    by_design = "notarget" in pat.flags and (ev.target is None or ev.target.implied) or tgt_how == "protest"
    if by_design:
        tgt_how = "by_design"
    # "the two sides" as the verb's object (دعا الأمين العام الطرفين): named by the word right after
    # the act, like an object actor; the features read it so (the sides themselves were named before)
    parties = tgt_how == "parties"
    if parties:
        tgt_how = "next"
    f = {
        "bias": 1.0,
        f"pat={pat.key or pat.source}": 1.0,
        f"trig={tok.key}": 1.0,
        f"root={root}": 1.0,
        f"code={ev.cameo}": 1.0,
        f"src_how={src_how}": 1.0,
        f"tgt_how={tgt_how}": 1.0,
        f"root={root}|src_how={src_how}": 1.0,
        f"root={root}|tgt_how={tgt_how}": 1.0,
        f"src_kind={ev.source.kind}": 1.0,
        f"tgt_kind={'by_design' if by_design else ev.target.kind if ev.target else 'none'}": 1.0,
        f"src_agent={ev.source.agent}": 1.0,
        f"mod={ev.modality}": 1.0,
        f"sent={bucket(ctx.si, (0, 1, 3, 6))}": 1.0,
        # the lede weighs differently by QuadClass (a shared feature: roots with few train
        # examples get it too, unlike root= and trig= weights)
        f"quad={ev.quad}|sent={bucket(ctx.si, (0, 2))}": 1.0,
        f"sent_len={bucket(sent.last_token - sent.first_token, (8, 15, 30, 50))}": 1.0,
        f"ntrig={bucket(ctx.n_triggers, (1, 2, 4))}": 1.0,
        f"trig_pos={bucket(tm.start - sent.first_token, (0, 2, 6, 15))}": 1.0,
        f"words={pat.size}": 1.0,
    }
    if args.source_p >= 0:
        f[f"src_p={bucket(int(args.source_p * 10), (2, 4, 6, 8))}"] = 1.0
        scored = args.target_p >= 0  # a notarget pattern's target is not scored: no doubtful target
        f[f"tgt_p={bucket(int(args.target_p * 10), (2, 4, 6, 8)) if scored else 'none'}"] = 1.0
        f[f"root={root}|tgt_p={bucket(int(args.target_p * 10), (3, 6)) if scored else 'none'}"] = 1.0
    for flag in pat.flags:
        f[f"flag={flag}"] = 1.0
    if tm.gaps:
        f["gap"] = 1.0
    if ev.target is not None and ev.target.code == ev.source.code and not by_design:
        f["same_code"] = 1.0
        f[f"same_code|root={root}"] = 1.0
    if ev.background:
        f["background"] = 1.0
    if ev.reported_by:
        f["reported"] = 1.0
    if any(t.norm == '"' for t in doc.tokens[sent.first_token:tm.start]):
        f["in_quote"] = 1.0
    for role, m in (("src", ev.source), ("tgt", None if by_design else ev.target)):
        if m is not None:  # how far the argument was found (src_at=near, tgt_at=other_sentence...)
            at = "near" if role == "tgt" and parties else mention_place(m, tm, sent.first_token, sent.last_token)
            f[f"{role}_at={at}"] = 1.0
    return f


def mention_place(m: ActorMention, tm: TriggerMatch, lo: int, hi: int) -> str:
    """Where an event's argument stands from its trigger in sentence tokens ``[lo, hi)``:
    "implied" (not named), "other_sentence" (the topic or a speaker named earlier), "inside" (in
    a gap or word of the pattern: أجرى الوزير اتصالا), "near" (at most NEAR_ARG tokens before or after) or
    "far".  An argument found far away is more often a wrong one."""
    if m.implied:
        return "implied"
    if m.token_end <= lo or m.token_start >= hi:
        return "other_sentence"
    if m.token_end <= tm.start:
        return "near" if tm.start - m.token_end <= NEAR_ARG else "far"
    if m.token_start >= tm.end:
        return "near" if m.token_start - tm.end <= NEAR_ARG else "far"
    return "inside"


def actor_shares(coded: list[ActorMention], n_sentences: int) -> dict[str, int] | None:
    """Percent of the article's actor mentions per code, for articles of at least 4 sentences (a
    lone sentence says nothing about salience); None otherwise."""
    if n_sentences < 4 or not coded:
        return None
    counts: dict[str, int] = {}
    for m in coded:
        counts[m.code] = counts.get(m.code, 0) + 1
    return {k: 100 * v // len(coded) for k, v in counts.items()}


def add_article_features(events: list[Event], shares: dict[str, int] | None) -> None:
    """Features that need the whole article (``shares`` from :func:`actor_shares`): the share of
    the article's actor mentions that name the source and the target (salient actors take part
    in the news), how many candidates share the event's triple, and whether its (source, target)
    is the pair its root is most often told with in the article (:func:`_top_pairs`)."""
    if shares is None:
        return
    triples: dict[tuple[str, str, str], int] = {}
    for ev in events:
        k = (ev.source.code, ev.target.code if ev.target else "-", ev.cameo[:2])
        triples[k] = triples.get(k, 0) + 1
    top = _top_pairs(triples)
    for ev in events:
        f = ev.features
        t = ev.target.code if ev.target else "-"
        f[f"src_share={bucket(shares.get(ev.source.code, 0), (5, 10, 20, 35))}"] = 1.0
        if t != "-":
            f[f"tgt_share={bucket(shares.get(t, 0), (5, 10, 20, 35))}"] = 1.0
        f[f"trip_n={bucket(triples[(ev.source.code, t, ev.cameo[:2])], (1, 2, 4))}"] = 1.0
        f[f"pair={top.get(ev.cameo[:2], {}).get((ev.source.code, t), 'minor')}|quad={ev.quad}"] = 1.0


def _top_pairs(triples: dict[tuple[str, str, str], int]) -> dict[str, dict[tuple[str, str], str]]:
    """Per root, the (source, target) pairs of the article's candidates that are told most often
    ("top", or "only" when the root has one pair); the rest are "minor".  An attack told several
    times (the toll sentence, a retelling, the headline) gets other arguments in some of its
    mentions: the minority pairs of a violent root are most often those."""
    by_root: dict[str, dict[tuple[str, str], int]] = {}
    for (s, t, root), n in triples.items():
        by_root.setdefault(root, {})[(s, t)] = n
    out: dict[str, dict[tuple[str, str], str]] = {}
    for root, pairs in by_root.items():
        most = max(pairs.values())
        label = "only" if len(pairs) == 1 else "top"
        out[root] = {p: label for p, n in pairs.items() if n == most}
    return out


def root_features(root: str, probs: list[float], features: list[dict[str, float]]) -> dict[str, float]:
    """Features of one CAMEO root in one article, from its candidate events' confidences ``probs``
    and event features (the article-level root model: is this root coded in the article at all?)."""
    top = max(probs)
    pats = {k for f in features for k in f if k.startswith("pat=")}
    f = {
        "bias": 1.0,
        "top": top,
        f"root={root}": 1.0,
        f"top={bucket(int(top * 20), (1, 2, 3, 4, 5, 6, 8, 10, 13))}": 1.0,
        f"root={root}|top={bucket(int(top * 10), (1, 2, 3, 5))}": 1.0,
        f"n={bucket(len(probs), (1, 2, 3, 5, 8))}": 1.0,
        f"npat={bucket(len(pats), (1, 2, 3))}": 1.0,
    }
    for ef in features:
        for k in ef:
            if k.startswith("sent="):
                f[k] = 1.0
    return f


class LogisticModel:
    """Weights of a logistic model over binary features, loaded lazily from a JSON file
    (``{"weights": {...}, ...}``; ``resource`` names the packaged file when no path is given)."""

    resource = ""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._weights: dict[str, float] | None = None
        self._meta: dict = {}

    @property
    def weights(self) -> dict[str, float]:
        if self._weights is None:
            data = json.loads((self._path or resources.path(self.resource)).read_text(encoding="utf-8"))
            self._meta = {k: v for k, v in data.items() if k != "weights"}
            self._weights = {str(k): float(v) for k, v in data["weights"].items()}
        return self._weights

    def logit(self, features: dict[str, float]) -> float:
        w = self.weights
        return sum(map(mul, map(w.get, features.keys(), repeat(0.0)), features.values()))  # one pass in C


class EventFilter(LogisticModel):
    """The event confidence model over :func:`event_features` (its ``bias`` is a feature)."""

    resource = "event_filter"

    @property
    def threshold(self) -> float:
        self.weights  # noqa: B018 - loads the file
        return float(self._meta.get("threshold", 0.0))

    def score(self, features: dict[str, float]) -> float:
        z = self.logit(features)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    @property
    def root_threshold(self) -> float:
        """Above it the root model codes a root in the article (> 1: no root model in the file)."""
        self.weights  # noqa: B018 - loads the file
        return float(self._meta.get("root_model", {}).get("threshold", 2.0))

    def root_score(self, features: dict[str, float]) -> float:
        """Probability that the article codes the root described by :func:`root_features`."""
        self.weights  # noqa: B018 - loads the file
        w = self._meta.get("root_model", {}).get("weights", {})
        z = sum(w.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
