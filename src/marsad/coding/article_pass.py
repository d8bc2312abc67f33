"""Passes over an article's coded events, after every sentence is coded.

:func:`dedupe` keeps one event per (source, target, code); :func:`rescue_roots` lets the
article-level root model raise a root that no candidate carried over the threshold;
:func:`armed_states` makes a bare state that fights act through its forces (MIL).
"""

from __future__ import annotations

from dataclasses import replace

from marsad.coding.confidence import EventFilter, root_features
from marsad.document import Event

# Fighting and mass violence: a bare state doing them acts through its forces.
ARMED_ROOTS = frozenset({"19", "20"})
BARE_STATE_KINDS = frozenset({"state", "capital", "metonym"})


def rescue_roots(model: EventFilter, events: list[Event]) -> None:
    """Roots the article-level root model accepts but no candidate reached the threshold with:
    their most confident asserted, non-background candidate is raised to the threshold.  Not a root
    the article recalls with a background event over the threshold: that is the act it tells of, and
    raising a weak current candidate of its root would add another (ومنذ يونيو 2014 سيطر التنظيم على
    مخزون القمح made background raised «للسيطرة على السكان» to an event)."""
    floor, need = model.threshold, model.root_threshold
    if need > 1.0:
        return
    by_root: dict[str, list[Event]] = {}
    recalled = set()
    for ev in events:
        if ev.modality == "asserted" and not ev.background:
            by_root.setdefault(ev.root, []).append(ev)
        elif ev.background and ev.confidence >= floor:
            recalled.add(ev.root)
    for root, evs in by_root.items():
        if root in recalled:
            continue
        best = max(evs, key=lambda e: e.confidence)  # the first on ties
        if best.confidence >= floor:
            continue
        feats = root_features(root, [e.confidence for e in evs], [e.features for e in evs])
        if model.root_score(feats) >= need:
            best.confidence = floor


def armed_states(events: list[Event]) -> None:
    """A state named bare (تركيا، واشنطن) as the one who fights (19, 20) acts through its
    forces: its agent is MIL, not the GOV a bare state mention gets elsewhere (train: 13 of 16
    such matched sources are MIL in gold)."""
    for ev in events:
        s = ev.source
        if ev.root in ARMED_ROOTS and s.kind in BARE_STATE_KINDS and s.agent == "GOV":
            ev.source = replace(s, agent="MIL")


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (source, target, code) in an article: the most confident mention
    (the first on ties) stands for it; events keep their order in the text."""
    best: dict[tuple[str, str, str], Event] = {}
    for e in events:
        key = (e.source.code, e.target.code if e.target else "-", e.cameo)
        if key not in best or e.confidence > best[key].confidence:
            best[key] = e
    keep = {id(e) for e in best.values()}
    return [e for e in events if id(e) in keep]
