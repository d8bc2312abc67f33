"""Both directions of a two-sided act stand or fall together.

A symmetric act (talks, a call, an agreement signed) and the statement of two sides named by a dual
(أكد الجانبان حرصهما على تعزيز العلاقات، ثمن الجانبان الجهود) are coded once in each direction from
the same trigger (A > B and B > A; a visit as 042 / 043).  The annotation guideline codes both
directions, but the event filter scores each on its own: its source-side features (the position and
kind of the mention) differ between the two, and it often kept one direction and dropped the other.
Here each event of such a pair gets the higher confidence of the two, so that a threshold keeps or drops
the pair whole.  ``scripts/train_event_filter.py`` applies the same rule to its out-of-fold
confidences, so its cross-validated figures score what the coder outputs.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.document import Event

# (trigger start, root, source code, target code): the identity of a candidate for pairing.
MirrorKey = tuple[int, str, str, str]


def mirror_pairs(keys: Sequence[MirrorKey]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of the events from one trigger, of one root, whose source and target are
    each other's (A > B and B > A, A != B)."""
    where: dict[MirrorKey, int] = {}
    pairs = []
    for j, (start, root, src, tgt) in enumerate(keys):
        i = where.get((start, root, tgt, src))
        if i is not None and src != tgt:
            pairs.append((i, j))
        where.setdefault((start, root, src, tgt), j)
    return pairs


def mirrored(keys: Sequence[MirrorKey], conf: Sequence[float]) -> list[float]:
    """The confidences with each mirror pair raised to the higher of its two."""
    out = [float(c) for c in conf]
    for i, j in mirror_pairs(keys):
        out[i] = out[j] = max(out[i], out[j])
    return out


def event_key(ev: Event) -> MirrorKey:
    """The mirror key of a coded event."""
    return ev.trigger.start, ev.root, ev.source.code, ev.target.code if ev.target else "-"


def dict_key(ev: dict) -> MirrorKey:
    """The mirror key of an event in its JSON form (``Event.to_dict``)."""
    return (int(ev["trigger"]["start"]), str(ev["root"]), str(ev["source"]["code"]),
            str((ev.get("target") or {}).get("code") or "-"))
