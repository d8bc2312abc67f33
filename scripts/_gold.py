"""Where a gold event of ``../shared/eval`` sits in its article's raw text (for the measuring scripts).

The annotation gives the evidence and the trigger as strings, not offsets: the evidence is found
at its first occurrence, the trigger at its first occurrence from the evidence's start.  Each
script decides what to do when one is not found (skip the event, fall back to the evidence...).
"""

from __future__ import annotations

Span = tuple[int, int]


def evidence_span(text: str, gold: dict) -> Span | None:
    """Raw offsets of the gold evidence's first occurrence in ``text``; None if it is empty or absent."""
    evidence = gold.get("evidence") or ""
    start = text.find(evidence) if evidence else -1
    return (start, start + len(evidence)) if start >= 0 else None


def trigger_span(text: str, gold: dict, evidence: Span | None = None) -> Span | None:
    """Raw offsets of the gold trigger's first occurrence from the start of ``evidence`` (from the
    text's start without one); None if the trigger is empty or not found there."""
    trigger = gold.get("trigger") or ""
    start = text.find(trigger, evidence[0] if evidence else 0) if trigger else -1
    return (start, start + len(trigger)) if start >= 0 else None
