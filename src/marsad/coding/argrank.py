"""Learned choice of a trigger's source and target among the actors around it.

The clause heuristics of :mod:`marsad.coding.arguments` propose one source and
one target; they are right often but not always (an SVO subject three clauses
back, a target that is the actor's own state, an object pronoun).  Here every
plausible argument becomes a *candidate* with binary features (where it stands
relative to the trigger, what separates them, which preposition or clitic
introduces it, what kind of actor it is and its agent for this root, whether it
follows a verb of carrying out (غارات شنتها X) or is the subject of a relative clause on
the act whose verb has a pronoun for it (الانتقادات التي وجهها X), whether it condemns or rejects the
act (أدانت الجامعة القصف: seldom its doer), whether a source agrees in gender with the trigger
verb (قالت الوزارة، قال الوزير: :mod:`marsad.coding.agreement`), whether it is the sentence's speaker,
the previous sentences' topic or the sentence's first actor, whether the heuristics
chose it, the trigger's root and flags), and a logistic model trained by
``scripts/train_arg_model.py`` on the annotated training set scores them; the
best source and the best target (which may be *none* or the source's own state)
are kept.  For a material act (aid, coercion, assault, fighting) or a condemnation, rejection
or threat whose sentence names no actor besides the source, the previous sentences' topic actor
and the article's most named actor are target candidates too (اعتقلت قوات الاحتلال فجر اليوم
ثمانية شبان after a sentence on the Palestinians; لكن بكين رفضت وقف أنشطتها after Washington's
demand).  The model is ``resources/models/arg_model.json``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from marsad.coding.agreement import agreement
from marsad.coding.clause_frame import clause_bounds
from marsad.coding.clause_words import is_condemn_word, is_doer_verb
from marsad.coding.confidence import LogisticModel, bucket
from marsad.coding.conjuncts import mention_prefix, same_actor
from marsad.document import ActorMention

if TYPE_CHECKING:
    from marsad.coding.confidence import Context

# Words that introduce an argument (the token before it, or its clitic).
PREP_WORDS = frozenset({
    "علي", "ضد", "مع", "الي", "من", "في", "عن", "بين", "لدي", "تجاه", "حيال", "بحق", "قبل", "يد",
    "و", "ان", "بان", "لان",
})
NONE, DOMESTIC = "none", "domestic"
# Roots whose other side is often named only before the act's sentence: material acts (aid,
# coercion, assault, fighting) and condemnations, rejections and threats (ورفضت روسيا ذلك بشدة،
# وأدانت الجامعة القصف: what was proposed or done was told before); appeals, demands and meetings
# keep their targets in the sentence.
CONTEXT_ROOTS = frozenset({"07", "11", "12", "13", "17", "18", "19", "20"})


@dataclass(slots=True)
class Candidate:
    mention: ActorMention | None  # None: no target
    features: dict[str, float]
    how: str  # what the candidate is: mention, speaker, topic, implied, none, domestic


def _position(ctx: Context, m: ActorMention) -> tuple[str, int]:
    """Where ``m`` stands relative to the trigger: before/after/inside/gap, and distance in tokens."""
    tm = ctx.tm
    if tm.in_gap(m.token_start):
        return "gap", 0
    if tm.start <= m.token_start < tm.end:
        return "inside", 0
    if m.token_end <= tm.start:
        return "before", tm.start - m.token_end
    return "after", m.token_start - tm.end


def _between(ctx: Context, m: ActorMention, pos: str) -> int:
    """How many other actor codes of the sentence are named between the trigger and ``m`` (0: the
    nearest actor on its side, as the object right after the verb's subject is)."""
    tm = ctx.tm
    if pos == "after":
        lo, hi = tm.end, m.token_start
    elif pos == "before":
        lo, hi = m.token_end, tm.start
    else:
        return 0
    return len({o.code for o in ctx.ments if lo <= o.token_start and o.token_end <= hi and o.code != m.code})


def _after_doer(ctx: Context, m: ActorMention) -> bool:
    """Does ``m`` come right after (within two tokens) a doer verb at or after the trigger?"""
    toks = ctx.doc.tokens
    for i in range(max(ctx.tm.start, m.token_start - 3), m.token_start):
        if is_doer_verb(toks, i):
            return True
    return False


def _condemns(toks: list, m: ActorMention, at: int) -> bool:
    """Does ``m`` condemn or reject what token ``at`` names: a word of condemning or rejecting between
    them (الجامعة أدانت القصف) or right before ``m`` (أدانت الجامعة القصف)?  Who condemns an act
    is seldom its doer."""
    return any(is_condemn_word(t) for t in toks[m.token_end:at]) or any(
        is_condemn_word(t) for t in toks[max(0, m.token_start - 2):m.token_start])


def _trigger_clause(ctx: Context) -> tuple[int, int]:
    """Token range of the trigger's clause (at least the whole trigger)."""
    sent = ctx.doc.sentences[ctx.si]
    cs, ce = clause_bounds(ctx.doc.tokens, sent.first_token, sent.last_token, ctx.tm.start)
    return cs, max(ce, ctx.tm.end)


def _mention_features(ctx: Context, m: ActorMention, role: str, chosen: bool,
                      clause: tuple[int, int]) -> dict[str, float]:
    toks = ctx.doc.tokens
    tm = ctx.tm
    pat = tm.pattern
    root = pat.cameo[:2]
    pos, dist = _position(ctx, m)
    sent = ctx.doc.sentences[ctx.si]
    same_clause = clause[0] <= m.token_start < clause[1]
    prev = toks[m.token_start - 1].key if m.token_start > sent.first_token else "^"
    clitic = mention_prefix(toks, m).lstrip("وف")[:1] or "-"
    kind = "state" if len(m.code) == 3 else m.code.split(":")[0]
    d = bucket(dist, (0, 1, 3, 6, 12))
    f = {
        f"{role}:pos={pos}": 1.0,
        f"{role}:pos={pos}|d={d}": 1.0,
        f"{role}:pos={pos}|root={root}": 1.0,
        f"{role}:clause={same_clause}": 1.0,
        f"{role}:pos={pos}|clause={same_clause}": 1.0,
        f"{role}:prev={prev if prev in PREP_WORDS else 'other'}": 1.0,
        f"{role}:clitic={clitic}": 1.0,
        f"{role}:kind={m.kind}": 1.0,
        f"{role}:ckind={kind}": 1.0,
        f"{role}:agent={m.agent}": 1.0,
        f"{role}:chosen={chosen}": 1.0,
        f"{role}:chosen={chosen}|root={root}": 1.0,
    }
    if prev in pat.preps or (clitic != "-" and clitic in pat.preps):
        f[f"{role}:pat_prep"] = 1.0
    between = bucket(_between(ctx, m, pos), (0, 1, 2))
    f[f"{role}:between={between}"] = 1.0
    f[f"{role}:pos={pos}|between={between}"] = 1.0
    if m is ctx.rel_doer():
        f[f"{role}:rel_doer"] = 1.0
        f[f"{role}:rel_doer|flag={'noun' if 'noun' in pat.flags else 'verb'}"] = 1.0
    if pos == "before" and _condemns(toks, m, tm.start):
        f[f"{role}:condemns"] = 1.0
        f[f"{role}:condemns|root={root}"] = 1.0
    if role == "s" and pos in ("before", "after") and "noun" not in pat.flags and (
            agree := agreement(toks, tm.start, pat.words[0], m)):  # قالت الوزارة، قال الوزير
        f[f"s:gender={agree}"] = 1.0
        f[f"s:gender={agree}|pos={pos}"] = 1.0
    if _after_doer(ctx, m):
        f[f"{role}:after_doer"] = 1.0
        f[f"{role}:after_doer|pos={pos}"] = 1.0
    f[f"{role}:agent={m.agent}|root={root}"] = 1.0
    f[f"{role}:ckind={kind}|root={root}"] = 1.0
    if ctx.shares is not None:
        f[f"{role}:share={bucket(ctx.shares.get(m.code, 0), (5, 10, 20, 35))}"] = 1.0
    for flag in pat.flags & {"noun", "passive", "sym"}:
        f[f"{role}:pos={pos}|flag={flag}"] = 1.0
        f[f"{role}:chosen={chosen}|flag={flag}"] = 1.0
    return f


def _role_marks(ctx: Context, m: ActorMention, role: str, f: dict[str, float]) -> None:
    """Discourse roles of a mention: the sentence's speaker (قال X إن…), the previous sentences'
    topic actor, the first actor of the sentence."""
    spk = ctx.speaker()
    if spk is not None and m.code == spk.code:
        f[f"{role}:is_speaker"] = 1.0
        f[f"{role}:is_speaker|root={ctx.tm.pattern.cameo[:2]}"] = 1.0
    if ctx.topic and m.code == ctx.topic[0].code:
        f[f"{role}:is_topic"] = 1.0
    if ctx.ments and m is ctx.ments[0]:
        f[f"{role}:first_in_sentence"] = 1.0


def source_candidates(ctx: Context, chosen: list[ActorMention], how: str) -> list[Candidate]:
    """Every mention of the sentence, the speaker and the topic, as possible sources."""
    first = chosen[0] if chosen else None
    clause = _trigger_clause(ctx)
    out: list[Candidate] = []
    seen: set[str] = set()
    spk = ctx.speaker()
    for m in ctx.ments:
        if m.code in seen and m is not first:
            continue
        seen.add(m.code)
        f = _mention_features(ctx, m, "s", m is first, clause)
        if m is first:
            f[f"s:how={how}"] = 1.0
        _role_marks(ctx, m, "s", f)
        out.append(Candidate(m, f, "mention"))
    extra = [(spk, "speaker")] + [(t, "topic") for t in ctx.topic[:1]]
    if first is not None and all(first is not c.mention for c in out):
        extra.append((first, how))
    for m, kind in extra:
        if m is None or m.code in seen and m is not first:
            continue
        f = {f"s:extra={kind}": 1.0, f"s:extra={kind}|root={ctx.tm.pattern.cameo[:2]}": 1.0,
             f"s:chosen={m is first}": 1.0, f"s:kind={m.kind}": 1.0}
        out.append(Candidate(m, f, kind))
        seen.add(m.code)
    if first is None:
        flags = "|".join(sorted(ctx.tm.pattern.flags & {"noun", "passive"})) or "verb"
        for c in out:
            c.features[f"s:no_heuristic|{flags}"] = 1.0
            c.features[f"s:no_heuristic|{c.how}|{flags}"] = 1.0
    return out


def target_candidates(ctx: Context, sources: list[ActorMention], chosen: list[ActorMention], how: str,
                      domestic: ActorMention | None) -> list[Candidate]:
    """Mentions of the sentence that are not the source (nor conjoined with it, nor the same actor
    by :func:`same_actor`), no target, and the source's own state; for an act of
    :data:`CONTEXT_ROOTS` in a sentence with no other actor, the actors of :func:`_context_targets`."""
    source = sources[0]
    toks = ctx.doc.tokens
    sym = "sym" in ctx.tm.pattern.flags
    first = chosen[0] if chosen and chosen[0] is not source else None
    root = ctx.tm.pattern.cameo[:2]
    clause = _trigger_clause(ctx)
    out: list[Candidate] = []
    seen: set[str] = set()
    for m in ctx.ments:
        if m is source or (m.code in seen and m is not first) or same_actor(m, source, toks) or (
                not sym and any(m is s for s in sources)):
            continue
        seen.add(m.code)
        f = _mention_features(ctx, m, "t", m is first, clause)
        if source is ctx.rel_doer():  # الغارات التي شنها X: an actor before the act is who reports or condemns it
            f[f"t:src_rel_doer|pos={_position(ctx, m)[0]}"] = 1.0
        if m is first:
            f[f"t:how={how}"] = 1.0
        _role_marks(ctx, m, "t", f)
        if m.code == source.code:
            f["t:same_code"] = 1.0
            f[f"t:same_code|root={root}"] = 1.0
        out.append(Candidate(m, f, "mention"))
    alone = not out and root in CONTEXT_ROOTS  # its sentence names no other actor
    if first is not None and all(first is not c.mention for c in out):
        f = {f"t:extra={how}": 1.0, f"t:extra={how}|root={root}": 1.0, "t:chosen=True": 1.0}
        out.append(Candidate(first, f, how))
        seen.add(first.code)
    own = {s.code for s in sources}  # وقدمت فرنسا والنرويج وسويسرا مساعدات: not one giver to another
    for m, kind in _context_targets(ctx, source) if alone else ():
        if m.code in seen or (not sym and m.code in own):
            continue
        seen.add(m.code)
        f = {f"t:extra={kind}": 1.0, f"t:extra={kind}|root={root}": 1.0, f"t:extra={kind}|src={source.kind}": 1.0,
             f"t:extra={kind}|chosen={first is None}": 1.0}
        out.append(Candidate(m, f, kind))
    none = {"t:none": 1.0, f"t:none|root={root}": 1.0, f"t:none|chosen={first is None}": 1.0,
            f"t:none|n={bucket(len(out), (0, 1, 2, 4))}": 1.0}
    for flag in ctx.tm.pattern.flags & {"noun", "passive", "sym", "notarget"}:
        none[f"t:none|flag={flag}"] = 1.0
    out.append(Candidate(None, none, NONE))
    # several sources of their own states (حثت اليابان وكوريا) have no one state as their domestic target
    if domestic is not None and len(own) == 1 and (first is None or first.code != domestic.code):
        f = {"t:domestic": 1.0, f"t:domestic|root={root}": 1.0, f"t:domestic|src={source.kind}": 1.0,
             f"t:domestic|agent={source.agent}": 1.0}
        out.append(Candidate(domestic, f, DOMESTIC))
    return out


def _context_targets(ctx: Context, source: ActorMention) -> list[tuple[ActorMention, str]]:
    """Actors outside the sentence that an act is often aimed at when its sentence names no other
    side (اعتقلت قوات الاحتلال ستة من حراس المسجد، قصفت طائرات التحالف مواقع الدفاع الجوي): the
    previous sentences' topic actor and the article's most named actor, when not the source's."""
    out: list[tuple[ActorMention, str]] = []
    if ctx.topic and ctx.topic[0].code != source.code:
        out.append((ctx.topic[0], "ctx_topic"))
    counts: dict[str, int] = {}
    last: dict[str, ActorMention] = {}
    for m in ctx.coded:
        if m.code != source.code:
            counts[m.code] = counts.get(m.code, 0) + 1
            if m.code not in last or m.token_start < ctx.tm.start:
                last[m.code] = m
    if counts:
        top = max(counts, key=lambda c: counts[c])  # the first named on ties
        out.append((last[top], "article_top"))
    return out


class ArgRanker(LogisticModel):
    """The argument model; its ``bias`` weight is the intercept (not a candidate feature)."""

    resource = "arg_model"

    def score(self, features: dict[str, float]) -> float:
        z = self.weights.get("bias", 0.0) + self.logit(features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def best(self, cands: list[Candidate]) -> tuple[Candidate | None, float]:
        """The highest-scoring candidate and its score (the first on ties: mentions come in text order)."""
        best, top = None, -1.0
        for c in cands:
            s = self.score(c.features)
            if s > top:
                best, top = c, s
        return best, top
