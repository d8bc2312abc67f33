"""A bare state that fights acts through its forces (agent MIL), other agents are kept."""

from __future__ import annotations

import pytest

from marsad.coding.article_pass import armed_states
from marsad.document import ActorMention, Event, Span


def _event(cameo: str, kind: str, agent: str | None) -> Event:
    src = ActorMention(Span(0, 5, "تركيا"), "TUR", agent=agent, kind=kind)
    tgt = ActorMention(Span(12, 20, "المتمردين"), "TUR", agent="REB", kind="agent")
    return Event(src, tgt, cameo, Span(6, 11, "قصفت"), Span(0, 20, "تركيا قصفت المتمردين"))


@pytest.mark.parametrize(("cameo", "kind", "agent", "want"), [
    ("195", "state", "GOV", "MIL"),  # تركيا قصفت
    ("190", "capital", "GOV", "MIL"),  # أنقرة
    ("200", "metonym", "GOV", "MIL"),
    ("173", "state", "GOV", "GOV"),  # arrests: police or government, not the army
    ("111", "state", "GOV", "GOV"),  # words
    ("190", "person", "GOV", "GOV"),  # a named leader keeps his role
    ("190", "agent", "POL", "POL"),  # an explicit role is kept
])
def testarmed_states(cameo, kind, agent, want):
    ev = _event(cameo, kind, agent)
    mention = ev.source
    armed_states([ev])
    assert ev.source.agent == want
    assert mention.agent == agent  # the shared mention itself is not changed
    assert ev.target.agent == "REB"
