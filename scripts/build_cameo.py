"""Build src/marsad/resources/cameo/cameo.tsv from ../shared/data/reference.

One row per CAMEO code: name, Goldstein score, QuadClass and the PLOVER event
type, mode and context (from CAMEO2PLOVER-2021).  Codes without their own
PLOVER row inherit the nearest ancestor's.  Usage: python scripts/build_cameo.py
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT.parent / "shared" / "data" / "reference"
OUT = ROOT / "src" / "marsad" / "resources" / "cameo" / "cameo.tsv"
_PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#.*)?$")


def read_plover() -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    for line in (REF / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = _PLOVER_LINE.match(line.strip())
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")] + ["", "", ""]
        table[m.group(1)] = (parts[0], parts[1], parts[2].replace(";", ",").replace(" ", ""))
    # The 2021 table has no rows for CAMEO 02 (appeal); the PLOVER manual files
    # appeals under REQUEST, so 02x inherit that type with no mode.
    table.setdefault("02", ("REQUEST", "", ""))
    return table


def plover_quads() -> dict[str, str]:
    import json

    onto = json.loads((REF / "plover" / "plover_ontology.json").read_text(encoding="utf-8"))
    return {e["event"]: e["quad_category"].lower() for e in onto["event_categories"]}


def inherited(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n]) or table.get(code[:n] + "0" if n == 2 else "")
        if hit and hit[0]:
            return hit
    return ("", "", "")


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    plover = read_plover()
    pquad = plover_quads()
    rows = []
    with open(REF / "cameo" / "cameo_eventcodes.tsv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            code = r["code"]
            ptype, pmode, pctx = inherited(code, plover)
            if code.startswith("01"):
                ptype, pmode, pctx = "", "", ""  # PLOVER has no "make statement" event
            rows.append([code, r["root_code"], r["name"], r["goldstein"], r["quad_class"],
                         ptype, pmode, pctx, pquad.get(ptype, "")])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("# CAMEO 1.1b3 codes with Goldstein (GDELT table), QuadClass and PLOVER type/mode/context\n")
        fh.write("# (CAMEO2PLOVER-2021, CC BY-SA 4.0).  Built by scripts/build_cameo.py; do not edit by hand.\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "root", "name", "goldstein", "quad", "plover_type", "plover_mode", "plover_context",
                    "plover_quad"])
        w.writerows(rows)
    print(f"wrote {len(rows)} codes to {OUT}")
    write_fips()


def write_fips() -> None:
    import json

    table = json.loads((REF / "cameo" / "gdelt_fips_countries.json").read_text(encoding="utf-8"))
    pairs = sorted((v["iso3"], k) for k, v in table.items() if v.get("iso3"))
    out = OUT.parent / "fips.tsv"
    seen: set[str] = set()
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# ISO3 -> FIPS 10-4 country codes as GDELT uses them in its geo fields.\n"
                 "# From py-gdelt countries.json (MIT), see ../shared/data/SOURCES.md. Built by scripts/build_cameo.py.\n")
        fh.write("iso3\tfips\n")
        for iso3, fips in pairs:
            if iso3 not in seen:
                seen.add(iso3)
                fh.write(f"{iso3}\t{fips}\n")
    print(f"wrote {len(seen)} FIPS codes to {out}")


if __name__ == "__main__":
    main()
