"""The argument model's choice of a trigger's source and target among the candidates.

The clause heuristics (:mod:`marsad.coding.arguments`) find a source and targets; the trained argument
model (:class:`marsad.coding.argrank.ArgRanker`) then scores the candidates
(:func:`marsad.coding.argrank.source_candidates`, :func:`~marsad.coding.argrank.target_candidates`) and
:func:`rank` puts its pick in place of the heuristics' where they do not protect theirs
(:func:`source_protected`).  The events stage (:class:`marsad.coding.coder.EventStage`) passes its own
``choose`` (which records the candidates for training and keeps the model's scores for the confidence model).
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.coding.addressee import verb_addressee
from marsad.coding.argrank import DOMESTIC, NONE, Candidate, source_candidates, target_candidates
from marsad.coding.arguments import Args
from marsad.coding.clause_frame import OWN_SUBJECT_HOWS, behind_new_clause
from marsad.coding.confidence import Context
from marsad.coding.conjuncts import conjoined, objects
from marsad.coding.doer_bars import Bars
from marsad.coding.implicit import home_of
from marsad.document import ActorMention

# The argument model's choice among candidates for a role ("s": source, "t": target); None: no model.
Choose = Callable[[Context, str, list[Candidate], Args], Candidate | None]

# How a target was found when the argument model implies the source's own state (argrank.DOMESTIC).
RANK_DOMESTIC = f"rank_{DOMESTIC}"
# How a source was found when the argument model must not re-rank it.
NO_RANK = frozenset({"dual", "stance_speaker", "stance_topic", "giver"})
# How a source was found when the argument model re-ranks the target only: a nominal act's doer named
# in its relative clause (الهجوم الذي شنه التنظيم: before a condemnation verb the model prefers the one
# who condemns), the antecedent of a relative clause the verb opens (المبعوث الذي زار الرياض: too
# seldom in the training set for the model to learn it), the actor right after a verb that carries its
# object's pronoun (صيادين اعتقلتهم البحرية الإسرائيلية: likewise), the issuer of a statement that is
# the verb's subject (ودعا البيان الحكومة…: the model prefers the actor after the verb).
STATEMENT = "statement"
KEEP_SOURCE = frozenset({"rel_doer", "rel_subject", "vso_suffixed", STATEMENT})


def source_protected(ctx: Context, args: Args, best: Candidate, sources: list[ActorMention]) -> bool:
    """Does the heuristics' source stand against the argument model's pick ``best``?  It does when the
    heuristics read it in a way the model does not weigh (KEEP_SOURCE); when the conjoined sides of a symmetric
    act are each other's side (arguments.each_other: they stay together); when the pick is named before the
    opener of a clause that names its own subject before or after the trigger (…، فيما قال الجيش الأمريكي إن
    الولايات المتحدة استهدفت مواقع داعش: the United States strikes; clause_frame.behind_new_clause); and when the
    pick is the actor that the verb's agreement makes its object (وكبدوا قوات النظام خسائر فادحة: the plural
    verb's subject is a pronoun, the forces its object; :mod:`marsad.coding.dropped`)."""
    if args.source_how in KEEP_SOURCE or args.paired:
        return True
    if sources and best.mention is not None and args.source_how in OWN_SUBJECT_HOWS \
            and behind_new_clause(ctx.doc.tokens, best.mention, sources, ctx.tm.start, ctx.tm.end):
        return True
    return any(best.mention is d for d in args.dropped)


def rank(ctx: Context, args: Args, sources: list[ActorMention], targets: list[ActorMention], bars: Bars,
         choose: Choose) -> tuple[list[ActorMention], list[ActorMention]]:
    """Let the argument model choose the source and the target among the candidates; none of ``bars``
    is a source candidate; ``choose`` is the model's choice among the candidates of a role."""
    cands = source_candidates(ctx, sources, args.source_how)
    if bars:
        cands = [c for c in cands if not bars.barred(c.mention)]
    best = choose(ctx, "s", cands, args)
    if args.agent:
        sources, args.source_how = args.agent, "agent_phrase"  # the doer named by من قبل / على يد
    elif best is not None and (not sources or best.mention is not sources[0]) \
            and not source_protected(ctx, args, best, sources):
        sources = group(ctx, best)
        args.source_how = f"rank_{best.how}"
    if not sources:
        return sources, targets
    src = sources[0]
    domestic = home_of(src, ctx.tm.pattern.cameo, None) if len(src.code) == 3 else None
    if "notarget" in ctx.tm.pattern.flags:
        return sources, targets
    cands = target_candidates(ctx, sources, targets, args.target_how, domestic)
    best = choose(ctx, "t", cands, args)
    if args.paired or (targets and verb_addressee(
            ctx.tm.pattern.cameo[:2], ctx.doc.tokens, ctx.tm.start, "noun" in ctx.tm.pattern.flags, sources,
            targets[0], ctx.ments, ctx.doc.sentences[ctx.si].last_token)):
        # أوباما وأردوغان اتفقا على التعاون في الحرب على داعش: the subjects are each other's side
        # (arguments.each_other); ودعا دول الاتحاد الأوروبي إلى مساءلة إسرائيل: the verb's object is whom the
        # appeal addresses (addressee.verb_addressee); the model's score is kept for the confidence model,
        # not its pick
        return sources, targets
    # the model's pick among the clause's objects keeps them all (لتنظيم داعش في سورية ولحزب العمال)
    if best is None or any(best.mention is t for t in targets) or (not targets and best.how == NONE):
        return sources, targets
    if best.how == NONE:
        targets, args.target_how = [], "rank_none"
    elif best.how == DOMESTIC:
        targets, args.target_how = [best.mention], RANK_DOMESTIC
    elif best.how == "mention" and "passive" not in ctx.tm.pattern.flags:  # لداعش في سوريا ولحزب العمال
        first = next(i for i, m in enumerate(ctx.ments) if m is best.mention)
        targets = objects(ctx.ments, first, ctx.doc.tokens, ctx.doc.sentences[ctx.si].last_token, sources)
        args.target_how = "rank_mention"
    else:
        targets, args.target_how = group(ctx, best), f"rank_{best.how}"
    return sources, targets


def group(ctx: Context, c: Candidate) -> list[ActorMention]:
    """The chosen mention and those conjoined with it (X وY)."""
    for i, m in enumerate(ctx.ments):
        if m is c.mention:
            return conjoined(ctx.ments, i, ctx.doc.tokens)
    return [c.mention]
