"""Test stores for the API and browser tests.

``build_store(path)`` codes the bundled sample articles with :class:`marsad.api_lib.Coder`
and stores them, then adds two hand-built coded articles (no coder run) so that the
tests do not depend on coverage of the current lexicons:

* ``fx-rafah``: Egypt condemns Israel, placed in Rafah (map bubble, spans to highlight);
* ``fx-xss``: an Arabic text carrying ``<script>`` and ``onerror`` payloads, to check
  that the dashboard shows them literally and never runs them.
"""

from __future__ import annotations

import json
from datetime import date as Date
from pathlib import Path

from marsad import resources
from marsad.api_lib import Coder
from marsad.coding.cameo import CameoTable
from marsad.config import Settings
from marsad.document import ActorMention, Article, Document, Event, Place, Span
from marsad.store.store import Store

RAFAH_TEXT = ("القاهرة - أدانت مصر بشدة القصف الإسرائيلي على مدينة رفح جنوب قطاع غزة، "
              "وطالبت بوقف فوري لإطلاق النار.\nوقالت الخارجية المصرية إن القصف يهدد المدنيين.")
XSS_PAYLOAD = '<script>window.__xss=1;alert("xss")</script><img src=x onerror="window.__xss=2">'
XSS_TEXT = (f"انتقد الأردن إسرائيل في بيان رسمي {XSS_PAYLOAD} بسبب التصعيد في الضفة الغربية."
            "\nوأكد البيان ضرورة وقف التصعيد.")


def span(text: str, part: str, start: int = 0) -> Span:
    i = text.index(part, start)
    return Span(i, i + len(part), part)


def _event(text: str, src: tuple[str, str], tgt: tuple[str, str], trigger: str, evidence_end: str,
           cameo: str, place: Place | None, day: str) -> Event:
    info = CameoTable().get(cameo)
    ev_start = text.index(src[1]) if text.index(src[1]) < text.index(trigger) else text.index(trigger)
    ev_end = text.index(evidence_end) + len(evidence_end)
    return Event(
        source=ActorMention(span(text, src[1]), src[0], "GOV", kind="state"),
        target=ActorMention(span(text, tgt[1]), tgt[0], None, kind="state"),
        cameo=cameo, trigger=span(text, trigger), evidence=Span(ev_start, ev_end, text[ev_start:ev_end]),
        goldstein=info.goldstein, quad=info.quad, plover_type=info.plover_type,
        plover_mode=info.plover_mode, place=place, date=Date.fromisoformat(day), date_precision="day")


def fixture_docs() -> list[Document]:
    rafah = Place("Rafah", "PSE", 31.2969, 34.2455, 281102, "city", span(RAFAH_TEXT, "رفح"))
    e1 = _event(RAFAH_TEXT, ("EGY", "مصر"), ("ISR", "الإسرائيلي"), "أدانت", "جنوب قطاع غزة", "111", rafah,
                "2024-05-07")
    a1 = Article("fx-rafah", RAFAH_TEXT, title="مصر تدين قصف رفح", date=Date(2024, 5, 7),
                 url="https://example.org/fx-rafah", outlet="Fixture Wire")
    amman = Place("Amman", "JOR", 31.9552, 35.945, 250441, "city", None)
    e2 = _event(XSS_TEXT, ("JOR", "الأردن"), ("ISR", "إسرائيل"), "انتقد", "الضفة الغربية", "111", amman,
                "2024-05-08")
    a2 = Article("fx-xss", XSS_TEXT, title='<b onmouseover="alert(1)">عنوان</b>', date=Date(2024, 5, 8),
                 url="javascript:alert(1)", outlet="<i>Fixture</i>")
    return [Document(article=a1, events=[e1]), Document(article=a2, events=[e2])]


def sample_articles() -> list[dict]:
    lines = resources.path("samples").read_text(encoding="utf-8").splitlines()
    return [json.loads(ln) for ln in lines if ln.strip()]


def build_store(path: Path, settings: Settings | None = None) -> Path:
    """A store with the coded samples and the two fixture articles; returns ``path``."""
    settings = (settings or Settings()).with_(db_path=str(path))
    coder = Coder(settings)
    with Store(path, settings) as store:
        store.ingest(coder.code_many(sample_articles()))
        store.ingest(fixture_docs())
    return path
