"""Build the shipped place gazetteer (src/marsad/resources/places/).

Inputs (read at build time only, never shipped as text):
  /work/shared/data/gazetteer/cities15000_ar.jsonl   GeoNames cities ≥15k with Arabic names (CC BY 4.0)
  /work/shared/data/gazetteer/countries_ar.jsonl     mledoze countries (ODbL-1.0) + GeoNames ids
  /work/shared/data/gazetteer/demonyms_ar.tsv        nisba adjectives derived from mledoze names
  /work/shared/data/news/saudinewsnet.jsonl          news corpus: name frequencies only
  scripts/data/places_curated.tsv, scripts/data/country_aliases.tsv   authored lists

Outputs: gazetteer.tsv, stoplist.tsv, context_only.tsv, demonyms.tsv and a stats file
(build_stats.json in /tmp) with the figures quoted in the README.

Usage:  PYTHONPATH=src .venv/bin/python scripts/build_gazetteer.py [--shared ../shared] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import re
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

from marsad.text.normalize import normalize, normalize_text
from marsad.text.tokens import tokenize
from marsad.when_where.gazetteer import IndexItem, NameKey, build_index, match_tokens, name_key

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/marsad/resources/places"
DATA = ROOT / "scripts/data"

_ARABIC_OK = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+(?:[ -][\u0621-\u063a\u0641-\u064a]+){0,3}$")
_MEDIAL_HAMZA = re.compile(r"(?<=[\u0621-\u064a])أ")
LOCATIVE = frozenset("في فى داخل قرب بالقرب مدينه بلده قريه محافظه منطقه ولايه اقليم مدينتي عاصمه الى نحو شمال جنوب شرق غرب وسط ريف".split())
# Pronoun suffixes that do not collide with ta marbuta (ه) or nisba (ي) forms.
_PRONOUNS = ("ها", "هم", "هما", "نا", "كم")


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln.rstrip("\n") for ln in path.open(encoding="utf-8") if ln.strip() and not ln.startswith("#")]
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"), strict=False)) for ln in lines[1:]]


def plausible(variant: str) -> bool:
    """A variant written in plain Arabic letters, not a transliteration artefact."""
    v = variant.replace("\u200e", "").replace("\u200f", "").strip()
    if not _ARABIC_OK.match(v):
        return False
    if "ى" in v.replace("ى ", " ")[:-1]:  # alef maqsura inside a word
        return False
    words = v.split()
    if len(words) > 1 and normalize_text(words[0]) in {normalize_text(w) for w in FUNCTION_WORDS}:
        return False
    if any(w.startswith("و") and len(w) >= 4 for w in words[1:]):  # "صنعاء وعدن": two names joined
        return False
    return all(len(_MEDIAL_HAMZA.findall(w)) < 2 for w in words)


def bare(s: str) -> str:
    n = normalize_text(s)
    return n[2:] if n.startswith("ال") else n


def load_sources(shared: Path) -> tuple[list[dict], list[dict], dict[str, str]]:
    gz = shared / "data/gazetteer"
    cities = [json.loads(ln) for ln in (gz / "cities15000_ar.jsonl").open(encoding="utf-8")]
    countries = [json.loads(ln) for ln in (gz / "countries_ar.jsonl").open(encoding="utf-8")]
    iso = {c["iso2"]: c["iso3"] for c in countries}
    return cities, countries, iso


def candidate_rows(cities, countries, iso) -> list[dict]:
    """All place rows before frequency filtering (one row per Arabic variant)."""
    rows: list[dict] = []
    capitals = {c["capital_geonameid"]: c for c in countries if c.get("capital_geonameid")}
    for c in countries:
        names = {c["name_ar"], c["official_ar"]} | {n for n in (c.get("native_ara") or {}).values() if n}
        lat, lon = (c.get("latlng") or [None, None])[:2]
        for ar in names:
            rows.append(dict(ar=ar, geonameid=c.get("country_geonameid"), name=c["name_en"], country=c["iso3"],
                             admin1="", lat=lat, lon=lon, population=0, kind="country", src="country"))
    by_iso3 = {c["iso3"]: c for c in countries}
    for a in read_tsv(DATA / "country_aliases.tsv"):
        c = by_iso3[a["iso3"]]
        lat, lon = (c.get("latlng") or [None, None])[:2]
        rows.append(dict(ar=a["ar"], geonameid=c.get("country_geonameid"), name=c["name_en"], country=c["iso3"],
                         admin1="", lat=lat, lon=lon, population=0, kind="country", src="alias"))
    for city in cities:
        cap = capitals.get(city["geonameid"])
        variants = list(city["names_ar"])
        if cap:
            variants += [v for v in cap.get("capital_names_ar") or [] if v not in variants]
        for ar in variants:
            if not plausible(ar):
                continue
            rows.append(dict(ar=ar.replace("\u200e", "").strip(), geonameid=city["geonameid"], name=city["name"],
                             country=iso.get(city["countrycode"], ""), admin1=city.get("admin1code") or "",
                             lat=city["latitude"], lon=city["longitude"], population=city["population"],
                             kind="capital" if cap else "city", src="geonames",
                             primary=city.get("name_ar_primary") or ""))
    return rows + curated_rows(cities, iso)


def curated_rows(cities, iso) -> list[dict]:
    by_name: dict[str, dict] = {}
    for c in cities:
        by_name.setdefault(c["name"], c)
    rows = []
    for r in read_tsv(DATA / "places_curated.tsv"):
        g = by_name.get(r.get("geonames") or "")
        row = dict(ar=r["ar"], geonameid=g["geonameid"] if g else None, name=r["name"],
                   country=r["country"] or (iso.get(g["countrycode"], "") if g else ""),
                   admin1=(g.get("admin1code") or "") if g else "", lat=float(r["lat"]), lon=float(r["lon"]),
                   population=g["population"] if g else 0, kind=r["kind"], src="curated")
        rows.append(row)
    return rows


def scan_corpus(path: Path, names: set[NameKey], limit: int | None) -> tuple[Counter, Counter, Counter, Counter, int]:
    """Count, over the news corpus: name matches, matches after a locative word, token keys, and
    the keys of tokens that carry the article."""
    index = build_index((nk, IndexItem(nk)) for nk in names)
    total: Counter = Counter()
    loc: Counter = Counter()
    keys: Counter = Counter()
    art: Counter = Counter()
    n = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if limit and n >= limit:
                break
            n += 1
            doc = json.loads(line)
            norm, _ = normalize((doc.get("title") or "") + "\n" + (doc.get("text") or ""))
            toks = tokenize(norm)
            keys.update(t.key for t in toks)
            art.update(t.key for t in toks if t.prefix)
            for m in match_tokens(toks, index):
                nk = m.item.name
                total[nk] += 1
                prev = toks[m.start - 1].key if m.start else ""
                lead = m.lead or toks[m.start].prefix
                if prev in LOCATIVE or "ب" in lead:
                    loc[nk] += 1
    return total, loc, keys, art, n


def suffix_count(nk: NameKey, keys: Counter) -> int:
    """How often the (one-word) name occurs with a pronoun suffix: a common-noun signal."""
    if len(nk.keys) != 1:
        return 0
    k = nk.keys[0]
    stem = k[:-1] + "ت" if k.endswith("ه") else k
    return sum(keys.get(stem + s, 0) for s in _PRONOUNS)


def corpus_counts(shared: Path, rows: list[dict], limit: int | None, cache: Path) -> tuple:
    names = {nk for r in rows if (nk := name_key(r["ar"]))}
    if cache.exists():
        with cache.open("rb") as fh:
            saved = pickle.load(fh)
        if saved["names"] >= names and saved["limit"] == limit and "art" in saved:
            return saved["total"], saved["loc"], saved["keys"], saved["art"], saved["n"]
    total, loc, keys, art, n = scan_corpus(shared / "data/news/saudinewsnet.jsonl", names, limit)
    with cache.open("wb") as fh:
        pickle.dump(dict(names=names, limit=limit, total=total, loc=loc, keys=keys, art=art, n=n), fh)
    return total, loc, keys, art, n


# Names that are ordinary words in news text whatever the statistics say (checked by reading contexts).
MANUAL_STOP = {
    "المدينة": "the city (Medina is matched as المدينة المنورة)",
    "مدينة": "city",
    "مدينه": "city",
    "الدولة": "the state",
    "دولة": "state",
    "الأمل": "hope",
    "السلام": "peace",
    "النصر": "victory",
    "الحرية": "freedom",
    "العلم": "science/flag",
    "الجديد": "new",
    "الجديدة": "new (f.)",
    "جامعة": "university",
    "نادي": "club",
    "الثورة": "revolution",
    "ثورة": "revolution",
    "الشهداء": "martyrs",
    "وقف": "stop/endowment",
    "معسكر": "camp",
    "بيان": "statement",
    "الساحل": "the coast",
    "القصر": "the palace",
    "الخضراء": "green",
    "الطيبة": "good (f.)",
    "الزعيم": "the leader",
    "قولة": "a saying; normalized قوله is 'his saying' (في قوله إن…), not Kavála",
    "ميدان": "square",
    "المنشاة": "facility",
    "سلطات": "authorities",
    "محلات": "shops",
    "الحي": "the district",
    "بلد": "country",
    "الباب": "the door",
    "الحد": "the limit",
    "دوري": "league",
    "الحزم": "firmness (Operation Decisive Storm)",
    "القائم": "the existing",
    "إطار": "framework (في إطار)",
    "أطار": "framework (في إطار)",
    "داخله": "inside it",
    "داخلة": "inside (f.)",
    "شقة": "apartment",
    "الصور": "the pictures",
    "ثين": "thin (film)",
    "الأشهر": "the months",
    "فاير": "fire (brand names)",
    "ترحالة": "travelling",
    "المار": "passing (not Kalmar)",
    # multi-word blockers: matched first (longest match) and yield no place
    "ريال مدريد": "football club",
    "أتلتيكو مدريد": "football club",
    "باريس سان جيرمان": "football club",
    "بايرن ميونيخ": "football club",
    "مانشستر يونايتد": "football club",
    "مانشستر سيتي": "football club",
    "إنتر ميلان": "football club",
    "آيا صوفيا": "Hagia Sophia (not Sofia)",
    "الحد الأقصى": "the maximum (not Al-Aqsa)",
    "مسقط رأس": "birthplace (not Muscat)",
    "خام غرب تكساس": "West Texas Intermediate, a crude oil price (not Texas)",
    "غرب تكساس الوسيط": "West Texas Intermediate, a crude oil price (not Texas)",
    # names and words read as places on unseen SaudiNewsNet (twenty-first session, lines 5001-6500, 10001-11500)
    "هاميلتون": "Hamilton, a surname (Lewis Hamilton), not the capital of Bermuda",
    "نيلسون": "Nelson, a name",
    "ديلي": "Daily (ديلي ميل، ديلي تلغراف), not Dili",
    "المر": "a surname / bitter, not Palmer",
    "مرفأ": "harbour",
    "رده": "his reply",
    "دير": "van der / monastery (دير الزور is its own name)",
    # read as places on unseen SaudiNewsNet (thirty-sixth session, positions 3000-17999)
    "وان": "و + أن/إن 'and that' (Van, Turkey: ولاية وان is curated)",
    "فيدل": "Fidel (فيدل كاسترو), not Wedel",
    "سائر": "all/the rest of (في سائر القضايا), not Sierre",
    "الغين": "بالغين 'adults' (ب + الغين), not Elgin",
    # the exchange of a city (بورصة طوكيو، في بورصة أثينا): none of 225 corpus uses is the city Bursa,
    # and a locative word before it does not help (thirty-seventh session)
    "بورصة": "stock exchange",
}
# Surface words that are not proclitic + name (like clitic_collisions(), but too rare to be measured).
MANUAL_CLITIC = {"بايدن": "Biden (not ب + Eden)", "فلاد": "Vlad (not ف + Lod)",
                 "بلوم": "Bloom / 'with blame' (not ب + Lomé)", "بكاري": "Bakary, a name (not ب + Cary)"}
# Homonyms dropped for a far better-known place of the same name (the article's countries must not pick
# them: جنيف in a story naming the US is still Geneva, CHE).
MANUAL_HOMONYM_DROP = {("جنيف", "USA"): "Geneva, Illinois/New York", ("فلوريدا", "URY"): "Florida, Uruguay "
                       "(the US state is curated)", ("ريو", "BFA"): "Réo, Burkina Faso (ريو is Rio de Janeiro)",
                       ("الكرمة", "SYR"): "GeoNames' Arabic name of Maharda; in the news الكرمة is the Anbar "
                       "district (curated)"}
# Names of countries that are also frequent words: matched only after a locative word.
MANUAL_CONTEXT = {"مالي": "financial", "بنين": "sons", "الخليج": "Gulf states / Al-Khaleej club",
                  # towns that are frequent words too (twenty-first session, unseen SaudiNewsNet)
                  "تدمر": "destroys",
                  "الوادي": "the valley", "الميادين": "the squares", "الوجه": "the face",
                  "العيون": "the eyes"}
FUNCTION_WORDS = frozenset("ان إن أن في من على عن ما لا لم لن قد هو هي كان التي الذي".split())
STOP_MIN_FREQ = 20  # names rarer than this in 8.7 M words are never stoplisted by measure
STOP_LOC = 0.05  # share of locative uses below which a frequent name is an ordinary word
STOP_SUFFIX = 0.3  # pronoun-suffixed forms per use above which a name is a common noun
CONTEXT_LOC = 0.2  # below this share of locative uses a frequent name needs a locative word
STOP_OTHER = 0.25  # uses of the other article form (الطراز for طراز) per use: a common-noun signal
BIG_CITY = 200_000  # such cities are never stoplisted for low locative use, only made context-only
HUGE_CITY = 500_000  # such cities are never stoplisted for looking like a word (مشهد), only made context-only


def name_stats(nk: NameKey, total: Counter, loc: Counter, keys: Counter, art: Counter) -> tuple[int, float, float, float]:
    """Frequency, locative share, pronoun-suffixed share and other-article-form ratio of a name.

    The last is, over all tokens, uses of the word with the other article form per use with
    the name's own form (الطراز per طراز for the town طراز).
    """
    f = total[nk]
    if not f:
        return 0, 0.0, 0.0, 0.0
    k = nk.keys[0]
    with_art, bare_n = art[k], keys[k] - art[k]
    same, other = (with_art, bare_n) if nk.prefixes[0] else (bare_n, with_art)
    ratio = other / max(same, 1) if len(nk.keys) == 1 else 0.0
    return f, loc[nk] / f, suffix_count(nk, keys) / f, ratio


def classify_name(nk: NameKey, kinds: set[str], stats: tuple[int, float, float, float], pop: int) -> tuple[str, str]:
    """``("stop"|"context"|"", note)`` for one name from its corpus statistics."""
    f, locr, sufr, otherr = stats
    note = f"measured: freq={f} locative={locr:.2f} suffixed={sufr:.2f} other_article_form={otherr:.2f}"
    if len(nk.keys) > 1:
        return "", note
    if "country" in kinds:  # country names are never measured; see MANUAL_CONTEXT
        return "", note
    if len(nk.keys[0]) <= 2 and "curated" not in kinds and (locr < 0.3 or sufr >= STOP_SUFFIX):
        return "stop", "two letters: " + note
    if "inflected" in kinds and not kinds & {"curated", "capital"} and locr < CONTEXT_LOC and pop < BIG_CITY:
        return "stop", "a frequent word plus a suffix: " + note
    if f < STOP_MIN_FREQ:
        return "", note
    # The other article form is a common-noun signal only for bare names: طراز / الطراز.
    # An articled name's bare form is often a construct or another place (ظهران الجنوب).
    word_like = sufr >= STOP_SUFFIX or (otherr >= STOP_OTHER and not nk.prefixes[0]) or "inflected" in kinds
    if "secondary_capital" in kinds and "primary" not in kinds and (word_like or locr < CONTEXT_LOC):
        return "stop", "secondary spelling of a capital: " + note  # امان, الجزيرة (Algiers)
    if kinds & {"capital", "region", "admin1", "landmark"} and not word_like:
        return "", note  # capitals are often actor metonyms; regions often objects (ضم القرم)
    if word_like or locr < STOP_LOC:
        if "curated" in kinds or "capital" in kinds:
            return "context", note
        if not word_like and pop >= BIG_CITY and len(nk.keys[0]) >= 4:
            return "context", "big city, rarely locative: " + note
        if pop >= HUGE_CITY and len(nk.keys[0]) >= 3:
            return "context", "huge city, also a word: " + note
        return "stop", note
    if locr < CONTEXT_LOC and "capital" not in kinds:  # capitals are often actor metonyms
        return "context", note
    return "", note


CLITIC_SURFACE = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


def clitic_collisions(names: list[NameKey], keys: Counter) -> list[list[str]]:
    """Surface words such as ولاية (not و + لاية) that must not be read as clitic + name."""
    out = []
    own = {nk.keys[0] for nk in names if len(nk.keys) == 1}
    for nk in names:
        if len(nk.keys) != 1 or nk.prefixes[0]:
            continue
        bare_n = keys[nk.keys[0]]
        for p in CLITIC_SURFACE:
            surf = p + nk.keys[0]
            n = keys[surf]
            other_reading = any(surf.startswith(q) and surf[len(q):] in own for q in CLITIC_SURFACE if q != p)
            if n > 3 * bare_n + 5 and surf not in own and not other_reading:
                out.append([surf, f"clitic collision: '{surf}' x{n} vs '{nk.keys[0]}' x{bare_n}"])
    return out


def inflected_word(nk: NameKey, keys: Counter) -> bool:
    """A bare name that reads as a frequent word plus a suffix: نقده (نقد + ه), مالكا, نارا."""
    if len(nk.keys) != 1 or nk.prefixes[0]:
        return False
    k = nk.keys[0]
    for suf in ("ها", "هم", "ه", "ا", "ي"):
        stem = k[: -len(suf)]
        if k.endswith(suf) and len(stem) >= 3 and keys[stem] >= 200 and keys[stem] > 20 * max(keys[k], 1):
            return True
    return False


def select_city_rows(rows: list[dict], total: Counter) -> list[dict]:
    """GeoNames rows worth shipping: plausible variants of cities seen in news or large."""
    curated = {(name_key(r["ar"]), r["country"]) for r in rows if r["src"] == "curated"}
    by_city: dict[int, list[dict]] = {}
    for r in rows:
        if r["src"] == "geonames" and (name_key(r["ar"]), r["country"]) not in curated:
            by_city.setdefault(r["geonameid"], []).append(r)
    out = []
    for rs in by_city.values():
        freq = {r["ar"]: total[name_key(r["ar"])] for r in rs}
        prim = max(rs, key=lambda r: (freq[r["ar"]], r["ar"] == r.get("primary")))["ar"]
        big = rs[0]["population"] >= 100_000 or rs[0]["kind"] == "capital"
        if not big and max(freq.values()) == 0:
            continue
        for r in rs:
            sim = SequenceMatcher(None, bare(r["ar"]), bare(prim)).ratio()
            if r["ar"] == prim or sim >= 0.6 or freq[r["ar"]] >= max(3, 0.1 * freq[prim]):
                out.append(r)
    return out


KIND_BONUS = {"country": 3.0, "capital": 1.5, "region": 1.5, "admin1": 1.2, "landmark": 1.0, "city": 0.0}


def prior(row: dict, f: int) -> float:
    """Log population, log news frequency of the name, and a bonus by kind (curated +0.5)."""
    p = 0.35 * math.log10(row["population"] + 1) + 0.5 * math.log10(f + 1) + KIND_BONUS[row["kind"]]
    return round(p + (0.5 if row["src"] == "curated" else 0.0), 2)


def fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.5f}".rstrip("0").rstrip(".")
    return str(v)


def write_tsv(path: Path, header: list[str], rows: list[list], comment: str) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f"# {comment}\n")
        fh.write("\t".join(header) + "\n")
        for r in rows:
            fh.write("\t".join(fmt(v) for v in r) + "\n")


def write_demonyms(shared: Path) -> int:
    rows = []
    for d in read_tsv(shared / "data/gazetteer/demonyms_ar.tsv"):
        if d["review"] != "ok" and int(d["news_freq"] or 0) < 1:
            continue
        for col in ("demonym_ar_m", "demonym_ar_f", "demonym_ar_pl_m"):
            if d.get(col):
                rows.append([d[col], d["iso3"]])
    write_tsv(OUT / "demonyms.tsv", ["ar", "iso3"], rows,
              "Arabic nisba adjectives -> ISO3 (derived from mledoze/countries names, ODbL-1.0); see README.md")
    return len(rows)


SETTLEMENT_HEADS = ("مدينة ", "مدينه ")


def drop_city_of(rows: list[dict]) -> list[dict]:
    """Without "مدينة X" names of a place that is also listed as plain "X".

    The matcher reads "مدينة" before any name as a settlement noun (في مدينة رفح), so the plain
    name is found anyway and resolved among its homonyms by the article's countries; a listed
    "مدينة زنجبار" (Zanzibar, TZA) would instead hide Zinjibar (YEM) in a story about Abyan.
    Names whose rest is not itself a name of that place stay (مدينة عيسى، مدينة زايد).
    """
    plain = {(name_key(r["ar"]), r["geonameid"]) for r in rows}
    return [r for r in rows if not (r["ar"].startswith(SETTLEMENT_HEADS)
                                     and (name_key(r["ar"].split(" ", 1)[1]), r["geonameid"]) in plain)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT / "../shared")
    ap.add_argument("--limit", type=int, default=None, help="scan only the first N news articles")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/marsad_gazetteer_counts.pkl"))
    args = ap.parse_args()
    cities, countries, iso = load_sources(args.shared)
    rows = candidate_rows(cities, countries, iso)
    total, loc, keys, art, n_articles = corpus_counts(args.shared, rows, args.limit, args.cache)
    rows = [r for r in rows if r["src"] != "geonames"] + select_city_rows(rows, total)
    rows = drop_city_of(rows)
    rows = [r for r in rows if (r["ar"], r["country"]) not in MANUAL_HOMONYM_DROP]
    kinds: dict[NameKey, set[str]] = {}
    pops: Counter = Counter()
    for r in rows:
        nk = name_key(r["ar"])
        kinds.setdefault(nk, set()).update({r["kind"], r["src"]})
        if r["kind"] == "capital" and r["src"] == "geonames" and r["ar"] != r.get("primary"):
            kinds[nk].add("secondary_capital")
        elif r["src"] != "geonames" or r["ar"] == r.get("primary"):
            kinds[nk].add("primary")  # a primary spelling of some place (أنقرة ~ آنقره share a key)
        if r["kind"] != "country" and r["src"] == "geonames" and inflected_word(nk, keys):
            kinds[nk].add("inflected")
        pops[nk] = max(pops[nk], r["population"])
    stop, context = [], []
    manual_stop = {name_key(m): gloss for m, gloss in MANUAL_STOP.items()}
    for nk, ks in sorted(kinds.items(), key=lambda kv: -total[kv[0]]):
        ar = next(r["ar"] for r in rows if name_key(r["ar"]) == nk)
        label, note = classify_name(nk, ks, name_stats(nk, total, loc, keys, art), pops[nk])
        if nk in manual_stop:
            label, note = "stop", "manual: " + manual_stop[nk] + "; " + note
        if ar in MANUAL_CONTEXT:
            label, note = "context", "manual: " + MANUAL_CONTEXT[ar] + "; " + note
        if label == "stop":
            stop.append([ar, note])
        elif label == "context":
            context.append([ar, note])
    listed = {bare(r[0]) for r in stop}
    stop += [[ar, "manual: " + gloss] for ar, gloss in MANUAL_STOP.items()
             if len(ar.split()) > 1 and bare(ar) not in listed]
    stop += clitic_collisions([nk for nk in kinds if nk], keys)
    stop += [[w, "manual clitic collision: " + gloss] for w, gloss in MANUAL_CLITIC.items()]
    out_rows = sorted(
        ([r["ar"], r["geonameid"], r["name"], r["country"], r["admin1"], r["lat"], r["lon"], r["population"],
          r["kind"], prior(r, total[name_key(r["ar"])])] for r in rows),
        key=lambda x: (x[8] != "country", -x[9], x[0]),
    )
    OUT.mkdir(parents=True, exist_ok=True)
    write_tsv(OUT / "gazetteer.tsv", ["ar", "geonameid", "name", "country", "admin1", "lat", "lon", "population",
                                      "kind", "prior"], out_rows,
              "Marsad place gazetteer, built by scripts/build_gazetteer.py; see README.md for sources and licences")
    write_tsv(OUT / "stoplist.tsv", ["ar", "note"], stop,
              "Place names never matched (ordinary words in news text); built by scripts/build_gazetteer.py")
    write_tsv(OUT / "context_only.tsv", ["ar", "note"], context,
              "Place names matched only after a locative word (في، ب، من، إلى، قرب، مدينة…)")
    n_dem = write_demonyms(args.shared)
    stats = dict(articles_scanned=n_articles, rows=len(out_rows), places=len({(r[1], r[2], r[3], r[8]) for r in out_rows}),
                 stoplist=len(stop), context_only=len(context), demonyms=n_dem,
                 kinds=Counter(r[8] for r in out_rows))
    Path("/tmp/marsad_gazetteer_stats.json").write_text(json.dumps(stats, ensure_ascii=False, indent=1))
    print(json.dumps(stats, ensure_ascii=False))


if __name__ == "__main__":
    main()
