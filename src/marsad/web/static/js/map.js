// World map in SVG: equirectangular projection, countries from TopoJSON, one bubble per place.
import { svg, clear } from "./dom.js";
import { features } from "./topo.js";

const W = 960, LAT_TOP = 84, LAT_BOTTOM = -58;
const H = Math.round(W * (LAT_TOP - LAT_BOTTOM) / 360);
export const QUAD_COLORS = { 1: "#5aae61", 2: "#1b7837", 3: "#f1a340", 4: "#d7301f" };
export const QUAD_NAMES = {
  1: "Verbal cooperation · تعاون لفظي", 2: "Material cooperation · تعاون مادي",
  3: "Verbal conflict · نزاع لفظي", 4: "Material conflict · نزاع مادي",
};

export function project(lon, lat) {
  return [((lon + 180) / 360) * W, ((LAT_TOP - lat) / (LAT_TOP - LAT_BOTTOM)) * H];
}

// Longitudes are unwrapped along a ring so that a polygon crossing the antimeridian does not
// draw a line across the whole map; what falls outside the frame is clipped by the viewBox.
function ringPath(ring) {
  let d = "", offset = 0, prev = null;
  for (const [lon, lat] of ring) {
    if (prev !== null && Math.abs(lon + offset - prev) > 180) offset += prev > lon + offset ? 360 : -360;
    const [x, y] = project(lon + offset, lat);
    d += (d ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1);
    prev = lon + offset;
  }
  return d + "Z";
}

export function countryPaths(topology) {
  return features(topology, "countries")
    .filter((f) => f.id !== "010") // Antarctica: no events, a third of the frame
    .map((f) => ({ id: f.id, name: f.name, d: f.polygons.map((p) => p.map(ringPath).join("")).join("") }));
}

function dominantQuad(p) {
  const counts = [p.q1, p.q2, p.q3, p.q4];
  return counts.indexOf(Math.max(...counts)) + 1;
}

function viewBoxFor(points) {
  if (!points.length) return [0, 0, W, H];
  const xy = points.map((p) => project(p.lon, p.lat));
  let [x0, x1] = [Math.min(...xy.map((p) => p[0])), Math.max(...xy.map((p) => p[0]))];
  let [y0, y1] = [Math.min(...xy.map((p) => p[1])), Math.max(...xy.map((p) => p[1]))];
  const minW = 160, pad = 30;
  let w = Math.max(x1 - x0 + 2 * pad, minW), h = Math.max(y1 - y0 + 2 * pad, minW * H / W);
  if (w / h > W / H) h = w * H / W; else w = h * W / H;
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  x0 = Math.max(0, Math.min(W - w, cx - w / 2)); y0 = Math.max(0, Math.min(H - h, cy - h / 2));
  return [x0, y0, Math.min(w, W), Math.min(h, H)];
}

// paths: from countryPaths(); points: /api/map rows; onPick(point) when a bubble is clicked.
export function drawMap(container, paths, points, { fit = true, onPick = null } = {}) {
  clear(container);
  const vb = fit ? viewBoxFor(points) : [0, 0, W, H];
  const k = vb[2] / W; // bubble sizes follow the zoom
  const root = svg("svg", { viewBox: vb.join(" "), class: "map", role: "img",
    "aria-label": "Map of events by place" });
  root.append(svg("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
  const land = svg("g", { class: "land" });
  for (const c of paths) land.append(svg("path", { d: c.d, "data-id": c.id }, [svg("title", { text: c.name })]));
  root.append(land);
  const maxM = Math.max(1, ...points.map((p) => p.mentions));
  const bubbles = svg("g", { class: "bubbles" });
  for (const p of [...points].sort((a, b) => b.mentions - a.mentions)) {
    const [x, y] = project(p.lon, p.lat);
    const r = (2.5 + 16 * Math.sqrt(p.mentions / maxM)) * Math.max(k, 0.25);
    const q = dominantQuad(p);
    const c = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(2), fill: QUAD_COLORS[q],
      class: "bubble", "data-quad": q, tabindex: 0 }, [svg("title", {
        text: `${p.name || "?"} (${p.country || "?"}): ${p.events} events, ${p.mentions} mentions — `
          + `Q1 ${p.q1} · Q2 ${p.q2} · Q3 ${p.q3} · Q4 ${p.q4}` })]);
    if (onPick) {
      c.addEventListener("click", () => onPick(p));
      c.addEventListener("keydown", (e) => { if (e.key === "Enter") onPick(p); });
    }
    bubbles.append(c);
  }
  root.append(bubbles);
  container.append(root);
  return root;
}
