// Marsad dashboard: filters → map, dyad timeline, event table; #/event/ID and #/article/KEY views.
import { getJSON, actorLabel } from "./api.js";
import { el, clear, fmtNum } from "./dom.js";
import { countryPaths, drawMap, QUAD_COLORS, QUAD_NAMES } from "./map.js";
import { drawTimeline, COOP, CONF, GOLD } from "./chart.js";
import { showEvent, showArticle } from "./detail.js";

const PAGE = 50;
const $ = (id) => document.getElementById(id);
const state = { filters: {}, offset: 0, total: 0, paths: null, fit: true, dyad: null, labels: {} };

function status(text, isError = false) {
  const s = $("status");
  s.textContent = text;
  s.classList.toggle("error", isError);
}

function readFilters() {
  const f = {};
  for (const [k, v] of new FormData($("filters")).entries()) if (String(v).trim()) f[k] = String(v).trim();
  if (f.dyad) f.dyad = f.dyad.toUpperCase().replace(/\s+/g, "");
  if (f.actor) f.actor = f.actor.toUpperCase();
  if (f.country) f.country = f.country.toUpperCase();
  if (f.order === "date_desc") delete f.order;
  return f;
}

async function loadTable() {
  const page = await getJSON("/api/events", { ...state.filters, limit: PAGE, offset: state.offset });
  state.total = page.total;
  $("total").textContent = `(${page.total.toLocaleString("en")})`;
  const tbody = clear($("events").tBodies[0]);
  for (const e of page.events) {
    const tr = el("tr", { "data-event": e.event_id, tabindex: 0, class: `q${e.quad}` }, [
      el("td", { "data-label": "Date", text: e.date || "–" }),
      el("td", { "data-label": "Source", text: actorLabel(e.source_code, e.source_agent) }),
      el("td", { "data-label": "Target", text: actorLabel(e.target_code, e.target_agent) }),
      el("td", { "data-label": "CAMEO" }, [el("span", { class: "code", text: e.cameo }), " ", e.cameo_name || "",
        el("div", { class: "ar", dir: "rtl", lang: "ar", text: e.cameo_name_ar || "" })]),
      el("td", { "data-label": "Goldstein", class: "num", text: fmtNum(e.goldstein) }),
      el("td", { "data-label": "Mentions", class: "num", text: e.num_mentions }),
      el("td", { "data-label": "Evidence", class: "evidence ar", dir: "rtl", lang: "ar", text: e.evidence_text }),
    ]);
    const open = () => { location.hash = `#/event/${encodeURIComponent(e.event_id)}`; };
    tr.addEventListener("click", open);
    tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
    tbody.append(tr);
  }
  if (!page.events.length) tbody.append(el("tr", {}, [el("td", { colspan: 7, text: "No events match · لا أحداث" })]));
  const last = Math.min(state.offset + PAGE, page.total);
  $("page").textContent = page.total ? `${state.offset + 1}–${last} of ${page.total}` : "";
  $("prev").disabled = state.offset === 0;
  $("next").disabled = last >= page.total;
}

async function loadMap() {
  if (!state.paths) {
    const topo = await fetch("/static/world/countries-110m.json").then((r) => r.json());
    state.paths = countryPaths(topo);
  }
  const { order, ...filters } = state.filters;
  const points = await getJSON("/api/map", { ...filters, limit: 5000 });
  drawMap($("map"), state.paths, points, { fit: state.fit, onPick: (p) => {
    $("filters").elements.country.value = p.country || "";
    apply();
  } });
  if (!points.length) $("map").append(el("p", { class: "note", text: "No events with a known place for these filters." }));
}

async function loadTimeline() {
  const f = state.filters;
  let a, b;
  if (f.dyad && f.dyad.includes(",")) [a, b] = f.dyad.split(",");
  else if (f.actor) a = f.actor;
  else if (state.dyad) [a, b] = state.dyad;
  const dyads = await getJSON("/api/top/dyads", { since: f.since, until: f.until, limit: 8 });
  const chips = clear($("dyad-chips"));
  for (const d of dyads) {
    chips.append(el("button", { type: "button", class: "chip", "data-dyad": `${d.a},${d.b}`,
      text: `${d.a}–${d.b} (${d.events})`, onclick: () => { $("filters").elements.dyad.value = `${d.a},${d.b}`; apply(); } }));
  }
  if (!a && dyads.length) [a, b] = [dyads[0].a, dyads[0].b];
  if (!a) { drawTimeline($("timeline"), []); $("timeline-title").textContent = ""; return; }
  const days = f.since && f.until ? (new Date(f.until) - new Date(f.since)) / 864e5 : Infinity;
  const span = days < 120 ? "day" : days < 800 ? "week" : "month";
  const t = await getJSON("/api/timeline", { a, b, since: f.since, until: f.until, interval: span });
  $("timeline-title").textContent = b ? `${a} ↔ ${b}` : a;
  drawTimeline($("timeline"), t.points, { title: b ? `${a}-${b}` : a });
}

function legends() {
  clear($("map-legend")).append(...[1, 2, 3, 4].map((q) => {
    const dot = el("span", { class: "quad-dot" });
    dot.style.background = QUAD_COLORS[q];
    return el("li", {}, [dot, ` ${q} ${QUAD_NAMES[q]}`]);
  }));
  clear($("timeline-legend")).append(...[[COOP, "Cooperation (Q1–2) · تعاون"], [CONF, "Conflict (Q3–4) · نزاع"],
    [GOLD, "Goldstein mean (right scale)"], ["#d7301f", "▲ tension rising"]].map(([c, t]) => {
    const dot = el("span", { class: "quad-dot" });
    dot.style.background = c;
    return el("li", {}, [dot, " " + t]);
  }));
}

async function loadOptions() {
  const codes = await getJSON("/api/cameo");
  const root = $("filters").elements.root;
  for (const c of codes) {
    state.labels[c.code] = c;
    if (c.code.length === 2) root.append(el("option", { value: c.code, text: `${c.code} ${c.name} · ${c.name_ar || ""}` }));
  }
  const quad = $("filters").elements.quad;
  for (const q of [1, 2, 3, 4]) quad.append(el("option", { value: q, text: `${q} ${QUAD_NAMES[q]}` }));
  const actors = await getJSON("/api/actors", { limit: 300 });
  $("actor-codes").append(...actors.map((a) => el("option", { value: a.code, text: a.name || a.code })));
}

async function refresh() {
  status("Loading…");
  try {
    await loadTable();
    markReady();
    await Promise.all([loadMap(), loadTimeline()]);
    status(`${state.total.toLocaleString("en")} events`);
    if (!document.documentElement.dataset.loaded) performance.mark("marsad-all-views");
    document.documentElement.dataset.loaded = "1";
  } catch (err) {
    status(String(err.message || err), true);
  }
}

function markReady() {
  if (document.documentElement.dataset.ready) return;
  document.documentElement.dataset.ready = "1";
  performance.mark("marsad-first-render");
}

function apply() {
  state.filters = readFilters();
  state.offset = 0;
  if (location.hash && location.hash !== "#/") location.hash = "#/";
  refresh();
}

async function route() {
  const h = decodeURIComponent(location.hash || "#/");
  const ev = h.match(/^#\/event\/(.+)$/), art = h.match(/^#\/article\/([^/]+)(?:\/(\d+))?$/);
  const detail = Boolean(ev || art);
  $("dashboard").hidden = detail;
  $("filters").hidden = detail;
  $("detail").hidden = !detail;
  if (!detail) return;
  status("Loading…");
  try {
    if (ev) await showEvent(ev[1]);
    else await showArticle(art[1], art[2] === undefined ? null : Number(art[2]));
    status("");
    document.documentElement.dataset.detail = "1";
    window.scrollTo(0, 0);
  } catch (err) {
    status(String(err.message || err), true);
  }
}

function init() {
  legends();
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); apply(); });
  $("filters").addEventListener("reset", () => setTimeout(apply, 0));
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadTable(); });
  $("next").addEventListener("click", () => { state.offset += PAGE; loadTable(); });
  $("map-world").addEventListener("click", () => { state.fit = !state.fit;
    $("map-world").textContent = state.fit ? "World" : "Fit"; loadMap(); });
  window.addEventListener("hashchange", route);
  route();
  refresh();
  loadOptions().catch((err) => status(String(err.message || err), true));
}

init();
