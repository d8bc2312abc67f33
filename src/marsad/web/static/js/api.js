// JSON API calls.  Errors come back as {"error": {"code", "message"}}.
export async function getJSON(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) qs.set(k, v);
  const url = qs.toString() ? `${path}?${qs}` : path;
  const resp = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await resp.json().catch(() => ({}));
  if (!resp.ok) {
    const err = body.error || { code: String(resp.status), message: resp.statusText };
    throw new Error(`${err.code}: ${err.message}`);
  }
  return body;
}

export function actorLabel(code, agent, name) {
  if (!code) return "–";
  return [code + (agent ? "/" + agent : ""), name].filter(Boolean).join(" ");
}
