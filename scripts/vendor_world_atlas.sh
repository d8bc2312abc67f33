#!/usr/bin/env bash
# Vendor the dashboard's world geometry from the npm package world-atlas (ISC; Natural Earth data,
# public domain).  Run by a developer with npm; NOT run at install time (the file is committed).
#   scripts/vendor_world_atlas.sh            # writes src/marsad/web/static/world/
set -euo pipefail
VERSION="${WORLD_ATLAS_VERSION:-2.0.2}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/src/marsad/web/static/world"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
npm pack --silent "world-atlas@$VERSION" >/dev/null
tar xzf "world-atlas-$VERSION.tgz"
mkdir -p "$OUT"
# countries-110m.json: TopoJSON (quantized, delta-encoded arcs), object "countries", decoded by js/topo.js
cp package/countries-110m.json "$OUT/countries-110m.json"
cp package/LICENSE "$OUT/LICENSE-world-atlas"
sha256sum "$OUT/countries-110m.json" | sed "s#$OUT/##"
