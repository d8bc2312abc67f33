// Event and article view: the Arabic text (RTL) with evidence, trigger, actors and place
// highlighted from their offsets, and the coded event beside it (English and Arabic labels).
import { getJSON, actorLabel } from "./api.js";
import { el, clear, highlight, fmtNum } from "./dom.js";
import { QUAD_COLORS, QUAD_NAMES } from "./map.js";

const SPAN_KINDS = [
  ["hl-evidence", "Evidence · الدليل"], ["hl-trigger", "Trigger · الفعل"],
  ["hl-source", "Source · المصدر"], ["hl-target", "Target · الهدف"], ["hl-place", "Place · المكان"],
];
const $ = (id) => document.getElementById(id);

function spansOf(m) {
  const out = [];
  const add = (sp, cls, title) => { if (sp && sp.start !== null && sp.start !== undefined) out.push({ ...sp, cls, title }); };
  add(m.evidence, "hl-evidence", "evidence");
  add(m.source && m.source.span, "hl-source", m.source && `source ${m.source.code}`);
  add(m.target && m.target.span, "hl-target", m.target && `target ${m.target.code}`);
  add(m.place && m.place.span, "hl-place", m.place && `place ${m.place.name}`);
  add(m.trigger, "hl-trigger", `trigger ${m.cameo}`);
  return out;
}

function safeLink(url) {
  return /^https?:\/\//i.test(url || "") ? el("a", { href: url, rel: "noopener noreferrer", text: url }) : (url || "");
}

function row(label, ...value) {
  return el("tr", {}, [el("th", { text: label }), el("td", {}, value)]);
}

function eventCard(m, labels) {
  const lab = labels || {};
  const quad = el("span", { class: "quad-dot", style: null, "data-quad": m.quad });
  quad.style.background = QUAD_COLORS[m.quad] || "#999";
  return el("table", { class: "card" }, [
    row("CAMEO", el("strong", { text: m.cameo }), " ", lab.name || "",
      el("div", { dir: "rtl", lang: "ar", class: "ar", text: lab.name_ar || "" })),
    row("Root", `${lab.root || m.root} ${lab.root_name || ""}`,
      el("div", { dir: "rtl", lang: "ar", class: "ar", text: lab.root_name_ar || "" })),
    row("Source", actorLabel(m.source && m.source.code, m.source && m.source.agent, m.source && m.source.name)),
    row("Target", actorLabel(m.target && m.target.code, m.target && m.target.agent, m.target && m.target.name)),
    row("QuadClass", quad, ` ${m.quad} ${QUAD_NAMES[m.quad] || ""}`),
    row("Goldstein", fmtNum(m.goldstein)),
    row("PLOVER", [m.plover_type, m.plover_mode].filter(Boolean).join(" / ") || "–"),
    row("Date", `${m.date || "–"}${m.date_precision ? " (" + m.date_precision + ")" : ""}`),
    row("Place", m.place ? `${m.place.name} (${m.place.country || "?"})` : "–"),
    row("Modality", `${m.modality}${m.background ? " · background" : ""}`),
    row("Reported by", (m.reported_by || []).join("، ") || "–"),
    row("Trigger", el("span", { dir: "rtl", lang: "ar", class: "ar", text: (m.trigger && m.trigger.text) || "" })),
  ]);
}

function renderArticle(data, idx, eventDetail) {
  const art = data.article, mentions = data.mentions;
  const m = mentions.find((x) => x.idx === idx) || mentions[0];
  $("article-title").textContent = art.title || art.article_id;
  clear($("article-meta")).append(`${art.outlet || ""} · ${art.pub_date || "undated"} · id ${art.article_id} · `,
    safeLink(art.url));
  clear($("span-legend")).append(...SPAN_KINDS.map(([cls, name]) => el("li", {}, [el("span", { class: cls, text: name })])));
  clear($("article-text")).append(highlight(art.text, m ? spansOf(m) : []));
  const card = clear($("event-card"));
  if (m) card.append(eventCard(m, data.labels[m.cameo] || (eventDetail && eventDetail.labels)));
  else card.append(el("p", { text: "No event coded in this article." }));
  const list = clear($("article-events"));
  for (const x of mentions) {
    const lab = data.labels[x.cameo] || {};
    list.append(el("li", { class: x === m ? "current" : "" }, [el("a", {
      href: `#/article/${encodeURIComponent(art.content_hash)}/${x.idx}`,
      text: `${x.source ? x.source.code : "?"} → ${x.target ? x.target.code : "–"} ${x.cameo} ${lab.name || ""}`,
    }), el("span", { dir: "rtl", lang: "ar", class: "ar", text: ` ${lab.name_ar || ""}` })]));
  }
  const others = clear($("event-mentions"));
  const em = eventDetail ? eventDetail.mentions : [];
  for (const x of em) {
    const a = x.article || {};
    others.append(el("li", { class: a.content_hash === art.content_hash && x.idx === (m && m.idx) ? "current" : "" }, [
      el("a", { href: `#/article/${encodeURIComponent(a.content_hash)}/${x.idx}`, text: `${a.outlet || "?"} · ${a.pub_date || ""}` }),
      el("div", { dir: "rtl", lang: "ar", class: "ar snippet", text: (x.evidence && x.evidence.text) || "" }),
    ]));
  }
  if (!em.length) others.append(el("li", { text: "–" }));
}

export async function showEvent(eventId) {
  const ev = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
  const first = ev.mentions[0];
  if (!first) throw new Error("event has no mention");
  const art = await getJSON(`/api/articles/${encodeURIComponent(first.article.content_hash)}`);
  renderArticle(art, first.idx, ev);
}

export async function showArticle(key, idx) {
  const art = await getJSON(`/api/articles/${encodeURIComponent(key)}`);
  const m = art.mentions.find((x) => x.idx === idx) || art.mentions[0];
  const ev = m ? await getJSON(`/api/events/${encodeURIComponent(m.event_id)}`).catch(() => null) : null;
  renderArticle(art, m ? m.idx : -1, ev);
}
