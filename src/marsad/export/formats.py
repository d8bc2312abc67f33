"""Output formats over event records: JSONL, CSV, GDELT 2.0 event TSV, PLOVER JSONL.

An *event record* is ``Event.to_dict()`` plus the article fields under
``article`` (``id``, ``url``, ``outlet``, ``date``, ``title``) and, for
de-duplicated store events, ``event_id``, ``num_mentions``, ``num_articles``,
``num_sources``.  The same writers serve ``marsad code`` (one record per coded
event) and ``marsad export`` (one record per store event).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import UTC
from datetime import date as Date
from typing import Any, TextIO

from marsad import resources

# GDELT 2.0 event table columns, in the official order (61).
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
# CAMEO actor codes of the IGOs we code as IGO:X (CAMEO manual table 3.4).
IGO_CAMEO = {
    "UN": "IGOUNO", "EU": "IGOEUREEC", "NATO": "IGOWSTNAT", "ARABLEAGUE": "IGOARL", "AU": "IGOAFRAFU",
    "GCC": "IGOGCC", "OIC": "IGOOIC", "OPEC": "IGOOPC", "IAEA": "IGOUNOIAE", "ICC": "IGOICC",
    "ICRC": "NGOCRC", "WHO": "IGOUNOWHO", "IMF": "IGOIMF", "WORLDBANK": "IGOUNOWBK", "OTHER": "IGO",
}
# PLOVER's international non-state country names.
PLOVER_NONSTATE = {"UN": "UNO", "EU": "EUR"}
CSV_COLUMNS: tuple[str, ...] = (
    "article_id", "event_id", "date", "date_precision", "source_code", "source_agent", "source_name",
    "source_text", "target_code", "target_agent", "target_name", "target_text", "cameo", "root", "quad",
    "goldstein", "plover_type", "plover_mode", "place_name", "place_country", "place_lat", "place_lon",
    "place_geonameid", "trigger", "trigger_start", "trigger_end", "evidence", "evidence_start",
    "evidence_end", "modality", "background", "reported_by", "quantities", "num_mentions",
    "num_articles", "num_sources", "url", "outlet", "publication_date",
)


class FipsTable:
    """ISO3 → FIPS 10-4 country codes (GDELT geo fields), loaded lazily."""

    def __init__(self) -> None:
        self._map: dict[str, str] | None = None

    def __call__(self, iso3: str | None) -> str:
        if self._map is None:
            p = resources.path("cameo").parent / "fips.tsv"
            self._map = {r["iso3"]: r["fips"] for r in resources.read_tsv(p)}
        return self._map.get(iso3 or "", "")


def actor_cameo_code(actor: dict[str, Any] | None) -> str:
    """A CAMEO actor code: country/IGO code followed by the agent (``USAGOV``, ``IGOUNO``)."""
    if not actor or not actor.get("code"):
        return ""
    code = str(actor["code"])
    if code.startswith("IGO:"):
        base = IGO_CAMEO.get(code[4:], "IGO")
    elif code.startswith("NSA:"):
        base = "IMG" + code[4:7]
    else:
        base = code
    return base + (actor.get("agent") or "")


def _gdelt_actor(actor: dict[str, Any] | None) -> list[str]:
    if not actor:
        return [""] * 10
    code = str(actor.get("code") or "")
    country = code if len(code) == 3 else ""
    known = "" if country else code.split(":")[-1]
    return [actor_cameo_code(actor), actor.get("name") or actor.get("text") or "", country, known,
            "", "", "", actor.get("agent") or "", "", ""]


def _gdelt_geo(place: dict[str, Any] | None, fips: FipsTable) -> list[str]:
    if not place or not place.get("country"):
        return ["0", "", "", "", "", "", "", ""]
    precision = place.get("precision") or "city"
    geo_type = "1" if precision == "country" else "4" if precision == "city" else "5"
    code = fips(place.get("country"))
    return [geo_type, place.get("name") or "", code, code if geo_type == "1" else "", "",
            _num(place.get("lat")), _num(place.get("lon")), str(place.get("geonameid") or "")]


def _num(v: Any) -> str:
    return "" if v is None else f"{float(v):.4f}"


def gdelt_row(rec: dict[str, Any], global_id: int, fips: FipsTable, date_added: str) -> list[str]:
    art = rec.get("article") or {}
    when = rec.get("date") or art.get("date") or ""
    day = when.replace("-", "")[:8] if when else ""
    year = day[:4]
    frac = ""
    if len(day) == 8:
        d = Date.fromisoformat(when[:10])
        frac = f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"
    cameo = rec["cameo"]
    place = rec.get("place")
    return [
        str(global_id), day, day[:6], year, frac,
        *_gdelt_actor(rec.get("source")), *_gdelt_actor(rec.get("target")),
        "0" if rec.get("sentence") else "1", cameo, cameo[:3], cameo[:2], str(rec.get("quad", "")), f"{float(rec.get('goldstein', 0)):.1f}",
        str(rec.get("num_mentions", 1)), str(rec.get("num_sources", 1)), str(rec.get("num_articles", 1)), "0",
        *_gdelt_geo(None, fips), *_gdelt_geo(None, fips), *_gdelt_geo(place, fips),
        date_added, art.get("url") or "",
    ]


def write_gdelt(records: Iterable[dict[str, Any]], out: TextIO, header: bool = True,
                date_added: str | None = None) -> int:
    """GDELT 2.0 event TSV (with the official column names as a header line when asked).

    DATEADDED is the event's first-seen time in the store when the record has one
    (``first_seen``), else ``date_added`` (default: now).
    """
    from datetime import datetime

    fips = FipsTable()
    stamp = date_added or datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    n = 0
    for n, rec in enumerate(records, 1):
        added = gdelt_stamp(rec.get("first_seen")) or stamp
        row = gdelt_row(rec, numeric_id(rec.get("event_id"), n), fips, added)
        out.write("\t".join(tsv_safe(x) for x in row) + "\n")
    return n


def gdelt_stamp(value: Any) -> str:
    """YYYYMMDDHHMMSS of a datetime (or ISO string); '' when absent."""
    if not value:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    digits = "".join(c for c in text[:19] if c.isdigit())
    return digits.ljust(14, "0")[:14]


def numeric_id(event_id: object, fallback: int) -> int:
    """GDELT wants an integer GlobalEventID: the store's hex id read as a 60-bit number."""
    if event_id is None:
        return fallback
    text = str(event_id)
    if text.isdigit():
        return int(text)
    try:
        return int(text[:15], 16)
    except ValueError:
        return fallback


_TSV_UNSAFE = str.maketrans({"\t": " ", "\n": " ", "\r": " ", '"': "'"})


def tsv_safe(v: str) -> str:
    """A TSV field as GDELT writes them: no tabs, newlines or double quotes inside (no quoting)."""
    return v.translate(_TSV_UNSAFE)


def plover_record(rec: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER JSON record (field names from the PLOVER manual, chapter Data Fields)."""
    art = rec.get("article") or {}

    def entity(a: dict[str, Any] | None) -> list[dict[str, Any]]:
        if not a:
            return []
        code = str(a.get("code") or "")
        if code.startswith("IGO:"):
            code = PLOVER_NONSTATE.get(code[4:], "IGO")
        elif code.startswith("NSA:"):
            code = "IMG"
        return [{"code": code, "sector": a.get("agent") or "", "entity_text": a.get("text"),
                 "identifier_text": a.get("name")}]

    place = rec.get("place")
    ev = rec.get("evidence") or {}
    out: dict[str, Any] = {
        "id": str(rec.get("event_id") or f"{art.get('id')}-{rec.get('index', 0)}"),
        "date": rec.get("date") or art.get("date"),
        "actor": entity(rec.get("source")),
        "recipient": entity(rec.get("target")),
        "event": [rec["plover"]["type"]] if rec.get("plover", {}).get("type") else [],
        "mode": [rec["plover"]["mode"]] if rec.get("plover", {}).get("mode") else [],
        "context": [],
        "quad_code": rec.get("quad"),
        "event_scale": rec.get("goldstein"),
        "event_text": [ev.get("text")] if ev.get("text") else [],
        "text_info": {"start": ev.get("start"), "end": ev.get("end")},
        "cite_info": {"url": art.get("url"), "title": art.get("title"), "language": "ar",
                      "publication": art.get("outlet")},
        "cameo": rec.get("cameo"),
        "coder": "marsad",
    }
    if place:
        out["event_loc"] = {"extracted_place": place.get("text"), "resolved_place": place.get("name"),
                            "geonameid": place.get("geonameid"), "lat": place.get("lat"),
                            "lon": place.get("lon"), "country_code": place.get("country")}
    nums = {q["unit"]: q["value"] for q in rec.get("quantities") or []}
    for unit, field in (("killed", "dead"), ("injured", "injured"), ("arrested", "arrested")):
        if unit in nums:
            out[field] = nums[unit]
    return out


def write_plover(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for rec in records:
        if not (rec.get("plover") or {}).get("type"):
            continue  # PLOVER has no "make statement" category
        out.write(json.dumps(plover_record(rec), ensure_ascii=False) + "\n")
        n += 1
    return n


def csv_row(rec: dict[str, Any]) -> dict[str, Any]:
    art = rec.get("article") or {}
    src, tgt = rec.get("source") or {}, rec.get("target") or {}
    place, trig, ev = rec.get("place") or {}, rec.get("trigger") or {}, rec.get("evidence") or {}
    return {
        "article_id": art.get("id"), "event_id": rec.get("event_id"), "date": rec.get("date"),
        "date_precision": rec.get("date_precision"),
        "source_code": src.get("code"), "source_agent": src.get("agent"), "source_name": src.get("name"),
        "source_text": src.get("text"), "target_code": tgt.get("code"), "target_agent": tgt.get("agent"),
        "target_name": tgt.get("name"), "target_text": tgt.get("text"), "cameo": rec.get("cameo"),
        "root": rec.get("root"), "quad": rec.get("quad"), "goldstein": rec.get("goldstein"),
        "plover_type": (rec.get("plover") or {}).get("type"), "plover_mode": (rec.get("plover") or {}).get("mode"),
        "place_name": place.get("name"), "place_country": place.get("country"), "place_lat": place.get("lat"),
        "place_lon": place.get("lon"), "place_geonameid": place.get("geonameid"),
        "trigger": trig.get("text"), "trigger_start": trig.get("start"), "trigger_end": trig.get("end"),
        "evidence": ev.get("text"), "evidence_start": ev.get("start"), "evidence_end": ev.get("end"),
        "modality": rec.get("modality"), "background": rec.get("background"),
        "reported_by": "|".join(rec.get("reported_by") or []),
        "quantities": "|".join(f"{q['value']} {q['unit']}" for q in rec.get("quantities") or []),
        "num_mentions": rec.get("num_mentions", 1), "num_articles": rec.get("num_articles", 1),
        "num_sources": rec.get("num_sources", 1), "url": art.get("url"), "outlet": art.get("outlet"),
        "publication_date": art.get("date"),
    }


def write_csv(records: Iterable[dict[str, Any]], out: TextIO, header: bool = True) -> int:
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    if header:
        w.writeheader()
    n = 0
    for n, rec in enumerate(records, 1):
        w.writerow(csv_row(rec))
    return n


def records_of(doc_dict: dict[str, Any], article: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Event records of one coded article (``Document.to_dict()``) with its article fields."""
    for i, ev in enumerate(doc_dict.get("events") or []):
        yield {**ev, "article": article, "index": i}
