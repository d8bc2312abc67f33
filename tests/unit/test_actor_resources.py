"""Checks of the actor dictionaries in marsad/resources/actors (format and spot checks)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from marsad.text.normalize import normalize_text
from marsad.text.tokens import phrase_key

RES = Path(__file__).resolve().parents[2] / "src" / "marsad" / "resources" / "actors"
ENTRY_COLUMNS = ["ar", "code", "agent", "name", "kind", "start", "end", "country"]
ENTRY_FILES = ("states.tsv", "organisations.tsv")
CODE_RE = re.compile(r"^([A-Z]{3}|IGO:[A-Z]+|NSA:[A-Z0-9]+)$")
IGOS = set("UN EU NATO ARABLEAGUE AU GCC OIC OPEC IAEA ICC ICRC WHO IMF WORLDBANK OTHER".split())
AGENTS = set("GOV MIL POL LEG JUD REB OPP MED CVL BUS NGO REL REF".split())
KINDS = {"state", "capital", "metonym", "demonym", "region", "igo", "group", "media"}


def read(name: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a resource TSV (`#` lines are comments)."""
    lines = [ln.rstrip("\n") for ln in (RES / name).open(encoding="utf-8")]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    return lines[0].split("\t"), [ln.split("\t") for ln in lines[1:]]


def key(ar: str) -> str:
    return " ".join(phrase_key(normalize_text(ar)))


def entries() -> list[dict[str, str]]:
    out = []
    for name in ENTRY_FILES:
        head, rows = read(name)
        out += [dict(zip(head, r, strict=True)) for r in rows]
    return out


def lookup(ar: str) -> set[str]:
    """Codes of every entry with the same key as ``ar``."""
    k = key(ar)
    return {e["code"] for e in entries() if key(e["ar"]) == k}


@pytest.mark.parametrize("name", ENTRY_FILES)
def test_actor_resources_entry_columns(name: str) -> None:
    head, rows = read(name)
    assert head == ENTRY_COLUMNS
    assert rows
    for r in rows:
        assert len(r) == len(ENTRY_COLUMNS), r
        assert r[0].strip() == r[0] and r[0], r


@pytest.mark.parametrize("name,columns", [("agents.tsv", ["ar", "agent", "note"]),
                                          ("stoplist.tsv", ["ar", "note"]),
                                          ("surface_stoplist.tsv", ["ar", "note"])])
def test_actor_resources_other_columns(name: str, columns: list[str]) -> None:
    head, rows = read(name)
    assert head == columns
    assert rows and all(len(r) == len(columns) and r[0] for r in rows)


def test_actor_resources_codes_agents_kinds() -> None:
    for e in entries():
        assert CODE_RE.match(e["code"]), e
        if e["code"].startswith("IGO:"):
            assert e["code"][4:] in IGOS, e
            assert e["country"] == "", e
        if len(e["code"]) == 3:
            assert e["country"] == e["code"] or e["kind"] in ("group", "media"), e
        assert e["agent"] in AGENTS or e["agent"] == "", e
        assert e["kind"] in KINDS, e
        assert e["name"], e
        if e["country"]:
            assert re.match(r"^[A-Z]{3}$", e["country"]), e
    _, rows = read("agents.tsv")
    assert {r[1] for r in rows} <= AGENTS


def test_actor_resources_dates_parse() -> None:
    for e in entries():
        start = date.fromisoformat(e["start"]) if e["start"] else None
        end = date.fromisoformat(e["end"]) if e["end"] else None
        if start and end:
            assert start <= end, e


def test_actor_resources_no_duplicates() -> None:
    seen: set[tuple[str, str, str]] = set()
    for e in entries():
        k = (key(e["ar"]), e["code"], e["start"])
        assert k[0], e
        assert k not in seen, e
        seen.add(k)
    for name in ("agents.tsv", "stoplist.tsv"):
        keys = [key(r[0]) for r in read(name)[1]]
        assert len(keys) == len(set(keys)), name


def test_actor_resources_stoplist_never_an_entry() -> None:
    entry_keys = {key(e["ar"]) for e in entries()}
    for r in read("stoplist.tsv")[1]:
        assert key(r[0]) not in entry_keys, r
    entry_surfaces = {normalize_text(e["ar"]) for e in entries()}
    for r in read("surface_stoplist.tsv")[1]:
        assert normalize_text(r[0]) not in entry_surfaces, r


def test_actor_resources_no_short_single_word_keys() -> None:
    """Single-word entries whose key is a function word would match everywhere."""
    for e in entries():
        words = key(e["ar"]).split()
        if len(words) == 1:
            assert len(words[0]) >= 3, e


@pytest.mark.parametrize("ar,code", [
    ("الكرملين", "RUS"), ("الأميركيين", "USA"), ("الأمريكيون", "USA"), ("الحوثيون", "YEM"),
    ("داعش", "NSA:ISIS"), ("تنظيم الدولة الإسلامية", "NSA:ISIS"), ("حزب الله", "LBN"),
    ("واشنطن", "USA"), ("البيت الأبيض", "USA"), ("الأتراك", "TUR"), ("الروس", "RUS"),
    ("الإيرانيين", "IRN"), ("الإسرائيليين", "ISR"), ("الفلسطينيين", "PSE"), ("قطاع غزة", "PSE"),
    ("إقليم كردستان", "IRQ"), ("الأمم المتحدة", "IGO:UN"), ("مجلس الأمن", "IGO:UN"),
    ("اليونيسف", "IGO:UN"), ("حلف شمال الأطلسي", "IGO:NATO"), ("الجامعة العربية", "IGO:ARABLEAGUE"),
    ("مجلس التعاون لدول الخليج العربية", "IGO:GCC"), ("حركة طالبان", "AFG"), ("حماس", "PSE"),
    ("جبهة النصرة", "NSA:ALQAEDA"), ("تنظيم القاعدة", "NSA:ALQAEDA"), ("حزب العمال الكردستاني", "TUR"),
    ("قوات سوريا الديمقراطية", "SYR"), ("بوكو حرام", "NGA"), ("حركة الشباب", "SOM"),
    ("رويترز", "GBR"), ("وكالة الأنباء السعودية", "SAU"), ("أميركا", "USA"), ("كاراكاس", "VEN"),
    ("كراكاس", "VEN"), ("المملكة العربية السعودية", "SAU"), ("كوريا الشمالية", "PRK"),
    ("الإمارات العربية المتحدة", "ARE"), ("السلطة الفلسطينية", "PSE"), ("دولة الاحتلال", "ISR"),
    ("الألمان", "DEU"), ("السوريين", "SYR"), ("الإليزيه", "FRA"), ("تل أبيب", "ISR"),
    ("صندوق النقد الدولي", "IGO:IMF"), ("البنك الدولي", "IGO:WORLDBANK"),
    ("أمير منطقة مكة المكرمة", "SAU"), ("إمارة منطقة عسير", "SAU"), ("أمير المنطقة الشرقية", "SAU"),
])
def test_actor_resources_spot_checks(ar: str, code: str) -> None:
    assert code in lookup(ar)


@pytest.mark.parametrize("ar", ["الدولة", "السلام", "العلم", "المالية", "مالي", "فتح", "الشباب", "القدس"])
def test_actor_resources_risky_words_are_not_state_entries(ar: str) -> None:
    codes = lookup(ar)
    assert not codes or codes == {"PSE"} and ar == "القدس"


@pytest.mark.parametrize(("text", "expected"), [
    ("ويهدد ذلك الأمن القومي العربي", []),  # a concept, not the police
    ("وقال مستشار الأمن القومي الأميركي إن", [("USA", "GOV")]),  # not the UN Security Council
    ("واجتمع مجلس الأمن القومي التركي", [("TUR", "GOV")]),
    ("وأعادت كوبا العلاقات الدبلوماسية", [("CUB", "GOV")]),  # diplomacy is no actor
    ("أدانت مصر بقوة الهجوم", [("EGY", "GOV")]),  # "strongly", not a force
    ("وقعت اشتباكات في قضاء تلعفر", []),  # a district, not the judiciary
    ("وقال الرئيس التنفيذي بالنيابة إن", [("", "BUS")]),  # a chief executive, "acting": no prosecution
    ("وعقدت القمة في شرم الشيخ", []),  # a town, not a sheikh
    ("وأغلقت السلطات الطريق المؤدي إلى المطار", [("", "GOV")]),  # "leading to", not Modi
    ("وقال رئيس الوزراء الهندي مودي", [("IND", "GOV")]),  # Modi is still Modi
])
def test_actor_concepts_and_set_phrases_are_no_actors(make_doc, text, expected):
    from marsad.actors.lexicon import ActorLexicon
    from marsad.actors.stage import ActorStage

    doc = ActorStage(ActorLexicon())(make_doc(text, date=date(2015, 8, 1)))
    assert [(m.code, m.agent) for m in doc.actors] == expected
