"""Row builders between the data model and the store tables (no DuckDB here)."""

from __future__ import annotations

import json
from datetime import date as Date
from datetime import datetime
from typing import Any

from marsad.document import Document, Event
from marsad.store.dedup import MentionKey


def article_row(d: Document, now: datetime, content_hash: str | None = None) -> dict[str, Any]:
    a = d.article
    return {"content_hash": content_hash or a.content_hash, "article_id": a.id, "url": a.url, "outlet": a.outlet,
            "title": a.title, "pub_date": a.date, "language": a.language or "ar", "text": a.text,
            "n_events": len(d.events), "ingested_at": now}


def rejection_row(rejection_id: str, article_id: str | None, source: str | None, code: str, reason: str,
                  now: datetime) -> dict[str, Any]:
    """A ``rejections`` row: the content hash (or the input location) as id, code and reason."""
    return {"rejection_id": rejection_id, "article_id": article_id, "source": source, "code": code,
            "reason": reason, "rejected_at": now}


def effective_date(e: Event, pub_date: Date | None) -> tuple[Date | None, str | None, str | None]:
    """(date, precision, source) dedup uses: the text's date, else the publication date.

    Background events (recalled from before the news window) do not take the
    publication date: they happened earlier, at an unknown date.
    """
    if e.date is not None:
        return e.date, e.date_precision or "day", "text"
    if pub_date is not None and not e.background:
        return pub_date, "day", "publication"
    return None, None, None


def mention_rows(d: Document, content_hash: str | None = None) -> list[dict[str, Any]]:
    """One ``mentions`` row per coded event (``event_id`` is filled in by dedup)."""
    h = content_hash or d.article.content_hash
    rows = []
    for i, e in enumerate(d.events):
        ev = e.to_dict()
        src, tgt, place = ev["source"], ev.get("target") or {}, ev.get("place") or {}
        when, precision, when_src = effective_date(e, d.article.date)
        rows.append({
            "mention_id": f"{h}:{i}", "content_hash": h, "idx": i, "event_id": None,
            "source_code": src["code"], "source_agent": src["agent"], "source_name": src["name"],
            "source_text": src["text"], "source_start": src["start"], "source_end": src["end"],
            "target_code": tgt.get("code"), "target_agent": tgt.get("agent"), "target_name": tgt.get("name"),
            "target_text": tgt.get("text"), "target_start": tgt.get("start"), "target_end": tgt.get("end"),
            "cameo": e.cameo, "root": e.root, "quad": e.quad, "goldstein": e.goldstein,
            "plover_type": e.plover_type, "plover_mode": e.plover_mode, "date": e.date,
            "date_precision": e.date_precision if e.date else None,
            "place_name": place.get("name"), "place_country": place.get("country"),
            "place_lat": place.get("lat"), "place_lon": place.get("lon"),
            "place_geonameid": place.get("geonameid"), "place_text": place.get("text"),
            "place_start": place.get("start"), "place_end": place.get("end"),
            "trigger_text": e.trigger.text, "trigger_start": e.trigger.start, "trigger_end": e.trigger.end,
            "evidence_text": e.evidence.text, "evidence_start": e.evidence.start,
            "evidence_end": e.evidence.end, "modality": e.modality, "background": e.background,
            "reported_by": json.dumps(ev["reported_by"], ensure_ascii=False),
            "quantities": json.dumps(ev["quantities"], ensure_ascii=False), "confidence": e.confidence,
            "sentence": e.sentence, "event_date": when, "event_date_precision": precision,
            "event_date_source": when_src,
        })
    return rows


def mention_key(row: dict[str, Any]) -> MentionKey:
    return MentionKey(
        mention_id=row["mention_id"], content_hash=row["content_hash"], idx=row["idx"],
        source_code=row["source_code"], target_code=row["target_code"], root=row["root"],
        modality=row["modality"], source_agent=row["source_agent"], target_agent=row["target_agent"],
        country=row["place_country"], date=row["event_date"], precision=row["event_date_precision"],
        evidence=row["evidence_text"],
    )


def export_record(r: dict[str, Any]) -> dict[str, Any]:
    """An export record (the shape ``marsad code`` writes, plus store counts) from a joined row."""
    def actor(prefix: str) -> dict[str, Any] | None:
        if not r.get(f"{prefix}_code"):
            return None
        return {"code": r[f"{prefix}_code"], "agent": r.get(f"{prefix}_agent"),
                "name": r.get(f"{prefix}_name"), "text": r.get(f"{prefix}_text")}

    place = None
    if r.get("place_name"):
        place = {"name": r["place_name"], "country": r["place_country"], "lat": r["place_lat"],
                 "lon": r["place_lon"], "geonameid": r["place_geonameid"]}
    return {
        "event_id": r["event_id"], "source": actor("source"), "target": actor("target"),
        "cameo": r["cameo"], "root": r["root"], "quad": r["quad"], "goldstein": r["goldstein"],
        "plover": {"type": r["plover_type"], "mode": r["plover_mode"]},
        "date": r["date"].isoformat() if r["date"] else None, "date_precision": r["date_precision"],
        "place": place, "background": r["background"], "modality": r["modality"],
        "evidence": {"text": r["evidence_text"], "start": r["evidence_start"], "end": r["evidence_end"]},
        "trigger": {"text": r["trigger_text"], "start": r["trigger_start"], "end": r["trigger_end"]},
        "reported_by": json.loads(r["reported_by"] or "[]"), "quantities": json.loads(r["quantities"] or "[]"),
        "num_mentions": r["num_mentions"], "num_articles": r["num_articles"], "num_sources": r["num_sources"],
        "sentence": r.get("sentence") or 0, "first_seen": r.get("first_seen"),
        "article": {"id": r["article_id"], "url": r["url"], "outlet": r["outlet"], "title": r["title"],
                    "date": r["pub_date"].isoformat() if r["pub_date"] else None},
    }
