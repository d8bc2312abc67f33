"""The article-level root rescue (article_pass.rescue_roots)."""

from __future__ import annotations

from marsad.coding.article_pass import rescue_roots
from marsad.document import ActorMention, Event, Span


class AcceptAll:
    """A root model that accepts every root: the rescue then depends on the events alone."""

    threshold = 0.35
    root_threshold = 0.5

    def root_score(self, feats: dict[str, float]) -> float:
        return 1.0


def event(cameo: str, confidence: float, background: bool = False) -> Event:
    span = Span(0, 1, "x")
    return Event(ActorMention(span, "SYR"), ActorMention(span, "IRQ"), cameo, span, span,
                 background=background, confidence=confidence)


def test_rescue_raises_the_best_weak_candidate_of_a_root():
    weak, weaker = event("192", 0.30), event("192", 0.20)
    rescue_roots(AcceptAll(), [weak, weaker])
    assert (weak.confidence, weaker.confidence) == (0.35, 0.20)


def test_rescue_leaves_a_root_the_article_recalls():
    # the act of the root is told as background (ومنذ يونيو 2014 سيطر التنظيم على مخزون القمح): a weak
    # current candidate of the same root (للسيطرة على السكان) is not raised in its place
    recalled, weak = event("192", 0.80, background=True), event("192", 0.30)
    rescue_roots(AcceptAll(), [recalled, weak])
    assert weak.confidence == 0.30
    # a background candidate under the threshold tells nothing
    faint, weak = event("192", 0.10, background=True), event("192", 0.30)
    rescue_roots(AcceptAll(), [faint, weak])
    assert weak.confidence == 0.35
