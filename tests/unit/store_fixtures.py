"""Hand-built coded documents for the store, export and tension tests (no coder run)."""

from __future__ import annotations

from datetime import date as Date

from marsad.coding.cameo import CameoTable
from marsad.document import ActorMention, Article, Document, Event, Place, Span

CAMEO = CameoTable()
PLACES = {"KBL": Place("Kabul", "AFG", 34.53, 69.17, 1138958, "city"),
          "HAV": Place("Havana", "CUB", 23.13, -82.38, 3553478, "city"),
          "CAI": Place("Cairo", "EGY", 30.06, 31.25, 360630, "city")}


def ev(src: str, tgt: str | None, cameo: str, evidence: str = "نص الخبر عن الحدث", *, date: str | None = None,
       precision: str = "day", place: str | None = None, src_agent: str | None = "GOV",
       tgt_agent: str | None = "GOV", background: bool = False, sentence: int = 0) -> Event:
    """An event with spans over ``evidence`` (the article text starts with it)."""
    info = CAMEO.get(cameo)
    n = len(evidence)
    return Event(
        source=ActorMention(Span(0, min(3, n), evidence[:3]), src, src_agent),
        target=ActorMention(Span(4, min(7, n), evidence[4:7]), tgt, tgt_agent) if tgt else None,
        cameo=cameo, trigger=Span(0, 2, evidence[:2]), evidence=Span(0, n, evidence),
        goldstein=info.goldstein, quad=info.quad, plover_type=info.plover_type,
        plover_mode=info.plover_mode, background=background,
        place=PLACES[place] if place else None,
        date=Date.fromisoformat(date) if date else None, date_precision=precision if date else None,
        sentence=sentence)


def doc(aid: str, events: list[Event], *, pub: str | None = "2024-03-11", outlet: str | None = None,
        url: str | None = None, extra: str = "") -> Document:
    """A coded document whose text is the events' evidence (plus ``extra`` to vary the content hash)."""
    text = " ".join(e.evidence.text for e in events) + " " + (extra or aid)
    art = Article(aid, text, title=f"t-{aid}", date=Date.fromisoformat(pub) if pub else None,
                  url=url or f"https://{outlet or 'example.org'}/{aid}", outlet=outlet)
    return Document(article=art, events=events)
