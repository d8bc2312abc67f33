// TopoJSON → arrays of rings ([lon, lat] points) without any library.
// Arcs are quantized and delta-encoded (world-atlas); a negative arc index ~i means arc i reversed.

export function decodeArcs(topology) {
  const [sx, sy] = topology.transform ? topology.transform.scale : [1, 1];
  const [tx, ty] = topology.transform ? topology.transform.translate : [0, 0];
  return topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      x += dx; y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

function ring(arcs, indexes) {
  const out = [];
  for (const i of indexes) {
    const pts = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    // consecutive arcs share their end/start point: skip the duplicate
    out.push(...(out.length ? pts.slice(1) : pts));
  }
  return out;
}

// One feature per geometry: {id, name, polygons: [[ring, hole, ...], ...]}
export function features(topology, objectName) {
  const arcs = decodeArcs(topology);
  const geoms = topology.objects[objectName].geometries;
  return geoms.map((g) => {
    let polys = [];
    if (g.type === "Polygon") polys = [g.arcs.map((r) => ring(arcs, r))];
    else if (g.type === "MultiPolygon") polys = g.arcs.map((p) => p.map((r) => ring(arcs, r)));
    return { id: g.id, name: (g.properties && g.properties.name) || "", polygons: polys };
  });
}
