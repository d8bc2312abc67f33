"""Groupings of states that act together under one name: each member is an actor.

The guideline codes an event by several actors as one event per actor (ANNOTATION.md,
"Several actors"), and eval/train codes the P5+1 (مجموعة 5+1، مجموعة خمسة زائد واحد) and,
in articles about Iran's nuclear programme, "the great powers" (القوى الكبرى، الدول الست)
as its six member states, not as one organisation.  The actor stage finds and names such a
grouping (IGO:OTHER, name "P5+1"); "the great powers" elsewhere name no actor (they were
stoplisted before) and are dropped.  :func:`expand_groupings` gives one mention per member over
the same words.  The event coder chooses arguments with the grouping as one actor and then
expands the chosen source or target into one event per member state (expanding before argument
selection gained nothing on the train set in the sixth session).
"""

from __future__ import annotations

from dataclasses import replace

from marsad.document import ActorMention, Document, Token

P5 = ("USA", "GBR", "FRA", "RUS", "CHN", "DEU")
# Canonical name of a grouping (the ``name`` of its dictionary rows) → its member states.
MEMBERS: dict[str, tuple[str, ...]] = {"P5+1": P5, "great powers": P5}
# Groupings that are the P5+1 only in an article about Iran's nuclear programme.
NUCLEAR_ONLY = frozenset({"great powers"})
# Words before "5+1" that belong to the name (مجموعة 5+1، دول «5+1»), and brackets/quotes.
HEADS = frozenset({"مجموعه", "دول", "الدول"})
MARKS = frozenset({"(", '"', "'"})


def numeric_p5(doc: Document, mentions: list[ActorMention]) -> list[ActorMention]:
    """Add a P5+1 mention for each "5+1" / "1+5" in the text (the dictionary cannot list digits
    and signs, which are separate tokens); with a head word before it (مجموعة، دول) included."""
    if "+" not in doc.norm:
        return mentions
    tokens = doc.tokens
    found = []
    for i in range(len(tokens) - 2):
        if tokens[i + 1].norm != "+" or {tokens[i].norm, tokens[i + 2].norm} != {"5", "1"}:
            continue
        start = i
        if start > 0 and tokens[start - 1].norm in MARKS:
            start -= 1
        if start > 0 and _head(tokens[start - 1]):
            start -= 1
        elif start != i:
            start = i
        taken = any(m.token_start < i + 3 and start < m.token_end for m in mentions)
        if not taken:
            lead = len(tokens[start].norm) - len(tokens[start].norm.lstrip("وبل")) if _head(tokens[start]) else 0
            span = doc.span(tokens[start].start + lead, tokens[i + 2].end)
            found.append(ActorMention(span=span, code="IGO:OTHER", name="P5+1", kind="igo",
                                      token_start=start, token_end=i + 3))
    if not found:
        return mentions
    return sorted(mentions + found, key=lambda m: m.token_start)


def _head(tok: Token) -> bool:
    norm = tok.norm
    return norm in HEADS or (norm[:1] in "وبل" and norm[1:] in HEADS)


def resolve_groupings(mentions: list[ActorMention], tokens: list[Token]) -> list[ActorMention]:
    """Name each grouping mention by its canonical grouping ("great powers" in an article about
    Iran's nuclear programme is the P5+1) and drop the great powers elsewhere (no actor)."""
    if not any(m.name in MEMBERS for m in mentions):
        return mentions
    nuclear = any(m.code == "IRN" for m in mentions) and any("نووي" in t.norm for t in tokens)
    out: list[ActorMention] = []
    for m in mentions:
        if m.name in NUCLEAR_ONLY:
            if not nuclear:
                continue
            m.name = "P5+1"
        out.append(m)
    return out


def members(m: ActorMention) -> tuple[str, ...]:
    """The member states a mention stands for: those of a grouping (the P5+1), else none."""
    return MEMBERS.get(m.name or "", ()) if m.code == "IGO:OTHER" else ()


def expand_groupings(mentions: list[ActorMention]) -> list[ActorMention]:
    """Each grouping mention replaced by one mention per member state (agent GOV, same span),
    for a consumer that codes one event per actor (the guideline's convention)."""
    out: list[ActorMention] = []
    for m in mentions:
        codes = members(m)
        if not codes:
            out.append(m)
            continue
        out.extend(replace(m, code=c, country=c, name=None, kind="grouping", agent=m.agent or "GOV")
                   for c in codes)
    return out
