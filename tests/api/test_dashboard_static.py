"""The dashboard's static files: offline, no inline script, no HTML built from data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import marsad

STATIC = Path(marsad.__file__).resolve().parent / "web" / "static"
UNSAFE_JS = re.compile(r"\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function")
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


def test_dashboard_js_never_builds_html_from_strings():
    files = sorted((STATIC / "js").glob("*.js"))
    assert len(files) >= 5
    for f in files:
        assert not UNSAFE_JS.search(f.read_text(encoding="utf-8")), f.name


def test_dashboard_page_is_offline_and_has_no_inline_script_or_style():
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert not EXTERNAL.search(html)
    assert re.findall(r"<script[^>]*>", html) == ['<script type="module" src="/static/js/app.js">']
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+\s*=", html)  # no inline event handlers
    for ref in re.findall(r'(?:src|href)="/static/([^"]+)"', html):
        assert (STATIC / ref).is_file(), ref
    css = (STATIC / "style.css").read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css
    assert '"Noto Naskh Arabic"' in css


def test_world_geometry_is_vendored_topojson():
    topo = json.loads((STATIC / "world" / "countries-110m.json").read_text(encoding="utf-8"))
    assert topo["type"] == "Topology" and len(topo["objects"]["countries"]["geometries"]) > 170
    assert "Permission to use" in (STATIC / "world" / "LICENSE-world-atlas").read_text()
