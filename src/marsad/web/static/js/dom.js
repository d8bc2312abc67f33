// DOM helpers.  Data never goes through innerHTML: text is set with textContent / text nodes.

const SVG_NS = "http://www.w3.org/2000/svg";

export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = String(v);
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(node, children) {
  for (const c of [].concat(children)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Text with highlighted spans.  Offsets count Unicode code points (as Python does), so the
// text is split into code points first.  spans: [{start, end, cls, title}]; overlapping spans
// nest (a segment gets the classes of every span covering it).
export function highlight(text, spans) {
  const cps = Array.from(text);
  const valid = spans.filter((s) => s && Number.isInteger(s.start) && Number.isInteger(s.end)
    && s.start >= 0 && s.end <= cps.length && s.start < s.end);
  const cuts = new Set([0, cps.length]);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = cps.slice(a, b).join("");
    const covering = valid.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { frag.append(document.createTextNode(piece)); continue; }
    const span = el("span", { class: covering.map((s) => s.cls).join(" ") });
    const titles = covering.map((s) => s.title).filter(Boolean);
    if (titles.length) span.title = titles.join(" · ");
    span.textContent = piece;
    frag.append(span);
  }
  return frag;
}

export function fmtNum(v, digits = 1) {
  return v === null || v === undefined ? "–" : Number(v).toFixed(digits);
}
