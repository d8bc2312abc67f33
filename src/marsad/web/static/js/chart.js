// Dyad timeline in SVG: cooperation events above the axis, conflict below (diverging bars),
// the mean Goldstein score (-10..+10) as a line on the right-hand scale, ▲ where tension is rising
// (conflict above its trailing baseline, from the store's tension index).
import { svg, clear } from "./dom.js";

const W = 640, H = 240, M = { l: 40, r: 40, t: 16, b: 28 };
export const COOP = "#1b7837", CONF = "#d7301f", GOLD = "#3b4cc0";

export function drawTimeline(container, points, { title = "" } = {}) {
  clear(container);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "timeline", role: "img",
    "aria-label": `Timeline ${title}` });
  const iw = W - M.l - M.r, ih = H - M.t - M.b, mid = M.t + ih / 2;
  if (!points.length) {
    root.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty",
      text: "No dated events for this dyad · لا أحداث مؤرخة" }));
    container.append(root);
    return root;
  }
  const maxN = Math.max(1, ...points.map((p) => Math.max(p.cooperation, p.conflict)));
  const step = iw / points.length, bw = Math.max(1, Math.min(28, step * 0.7));
  const yN = (n) => (n / maxN) * (ih / 2);
  const yG = (g) => mid - (g / 10) * (ih / 2);
  root.append(svg("line", { x1: M.l, x2: W - M.r, y1: mid, y2: mid, class: "axis" }));
  for (const [v, label] of [[maxN, `+${maxN}`], [-maxN, `-${maxN}`]]) {
    root.append(svg("text", { x: M.l - 4, y: mid - Math.sign(v) * ih / 2 + 4, "text-anchor": "end",
      class: "tick", text: label }));
  }
  for (const g of [10, 0, -10]) {
    root.append(svg("text", { x: W - M.r + 4, y: yG(g) + 4, class: "tick gold", text: g > 0 ? `+${g}` : `${g}` }));
  }
  const bars = svg("g", { class: "bars" });
  const every = Math.ceil(points.length / 8);
  points.forEach((p, i) => {
    const x = M.l + step * i + (step - bw) / 2;
    const tip = `${p.period}: ${p.cooperation} cooperation, ${p.conflict} conflict, Goldstein mean `
      + `${p.goldstein_mean ?? "–"}${p.rising ? " — tension rising" : ""}`;
    if (p.cooperation) bars.append(svg("rect", { x, y: mid - yN(p.cooperation), width: bw,
      height: yN(p.cooperation), fill: COOP, class: "coop" }, [svg("title", { text: tip })]));
    if (p.conflict) bars.append(svg("rect", { x, y: mid, width: bw, height: yN(p.conflict), fill: CONF,
      class: "conf" }, [svg("title", { text: tip })]));
    if (p.rising) bars.append(svg("text", { x: x + bw / 2, y: mid + yN(p.conflict) + 12, "text-anchor": "middle",
      class: "rising", text: "▲" }, [svg("title", { text: tip })]));
    if (i % every === 0) bars.append(svg("text", { x: x + bw / 2, y: H - 8, "text-anchor": "middle",
      class: "tick", text: p.period.slice(0, points.length > 24 ? 7 : 10) }));
  });
  root.append(bars);
  // Goldstein mean per period; empty periods break the line
  const line = points.map((p, i) => p.goldstein_mean === null || p.goldstein_mean === undefined ? null
    : [M.l + step * i + step / 2, yG(p.goldstein_mean)]);
  let run = [];
  const flush = () => {
    if (run.length > 1) root.append(svg("polyline", { points: run.map((xy) => xy.map((v) => v.toFixed(1)).join(",")).join(" "),
      fill: "none", stroke: GOLD, "stroke-width": 2, class: "goldstein" }));
    run = [];
  };
  for (const xy of line) { if (xy) run.push(xy); else flush(); }
  flush();
  for (const xy of line) if (xy) root.append(svg("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: 2.5, fill: GOLD, class: "gpoint" }));
  container.append(root);
  return root;
}
