// Generates content/geo.json: the pre-projected map of Central Asia used by src/geo.rs.
//
// Run from the repository root:
//   node tools/geo/generate.mjs           (or: npm run geo)  writes content/geo.json
//   node tools/geo/generate.mjs --check   regenerates in memory and exits 1 if content/geo.json differs
//
// Inputs (all inside the repository, so CI never needs ../shared):
//   node_modules/world-atlas/countries-50m.json   Natural Earth 1:50m admin-0 countries (public domain)
//   content/places.json                           capitals and Xi'an, GeoNames (CC BY 4.0), a copy of
//                                                 ../shared/data/places.json
//
// Pipeline:
//   1. Visvalingam weights on the sphere (topojson-simplify presimplify + sphericalTriangleArea). The
//      projection is equal-area, so a spherical triangle of s steradians covers s * scale^2 square
//      viewBox units once projected: tolerances below are stated in viewBox px^2 and converted.
//   2. Arcs used by one of the five republics keep points heavier than FOCUS_MIN_AREA, the other arcs
//      (neighbours only) heavier than NEIGHBOUR_MIN_AREA; a shared border (KZ-RU, TJ-AF...) is one arc and
//      therefore stays identical on both sides. Arcs of small rings (the Fergana valley enclaves Sokh,
//      Shakhimardan, Vorukh, Sarvak and their holes) are kept whole: they are only a few points each.
//   3. d3.geoConicEqualArea fitted (fitExtent) to the five republics, no adaptive resampling
//      (precision 0), clipped to the view box (clipExtent), coordinates rounded to QUANTUM.
//   4. Labels: pole of inaccessibility (polylabel-style search written below) of each country's visible
//      shape, plus the hand-written offsets in LABEL_NUDGE; countries too thin to hold a name get null.
//   5. Places: projected capitals; a place outside the frame gets the point where the straight line from
//      the frame centre towards it leaves the frame, its bearing and its great-circle distance from Astana.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as d3 from "d3-geo";
import * as topojson from "topojson-client";
import { presimplify, simplify, sphericalTriangleArea } from "topojson-simplify";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ATLAS = "node_modules/world-atlas/countries-50m.json";
const PLACES = "content/places.json";
const OUT = "content/geo.json";

// ---- parameters (all copied into meta) ----
const W = 1000, H = 700;                    // view box 0 0 W H
const MARGIN = 24;                          // fitExtent margin around the five republics
const PARALLELS = [38, 52];                 // ~1/6 rule over the republics' latitudes 35.1..55.4 N
const ROTATE = [-66, 0];                    // central meridian 66 E
const FOCUS_MIN_AREA = 1.5;                 // px^2 (~18 km^2): republics and their borders
const NEIGHBOUR_MIN_AREA = 20;              // px^2 (~240 km^2): arcs touching no republic
const WHOLE_RING_KM2 = 1000;                // rings smaller than this keep every point (enclaves)
const DROP_RING_PX2 = 4;                    // neighbours' rings smaller than this are dropped (islets)
const QUANTUM = 0.1;                        // coordinates rounded to one decimal
const LABEL_MIN_CLEARANCE = 9;              // px: a neighbour whose pole is closer to its edge gets no label
// Label font sizes in viewBox units, as static/css/30-map.css draws them (keep the two in step), for the
// frame, fit and collision checks; widths from textWidth below. Wide screens: names, a value line under
// each republic's name (VALUE_SAMPLE is about the longest value a layer writes), capitals' names to the
// right of their dots, and the Xi'an edge marker (three lines, right-aligned left of its arrow). Narrow
// screens (SMALL, the map about 340 px wide): only the republics' names, larger (values go in the list).
const LABEL_FONT = { focus: 17, other: 13 }, CAPITAL_FONT = 12, VALUE_FONT = 14, PAD = 4;
const SMALL = { focus: 34 };
const VALUE_SAMPLE = "more than 10,000 students";
const EDGE_MARKER = { note: "2023 summit", gap: 22, line: 1.2 }; // name, "3,540 km ESE", note; text ends `gap` left of the edge
const SCALE_BAR_BOX = { x: 24, y: 680, font: 12 };                  // left end and baseline of the drawn scale bar
const EARTH_R = 6371;                       // km, haversine
const FOCUS = ["398", "417", "762", "795", "860"];
// iso numeric (as world-atlas spells it) -> [alpha-2, display name]. A country that intersects the frame
// but is missing here stops the generator, so a new neighbour is never written with a made-up id.
const COUNTRIES = {
  "398": ["KZ", "Kazakhstan"], "417": ["KG", "Kyrgyzstan"], "762": ["TJ", "Tajikistan"],
  "795": ["TM", "Turkmenistan"], "860": ["UZ", "Uzbekistan"],
  "004": ["AF", "Afghanistan"], "031": ["AZ", "Azerbaijan"], "051": ["AM", "Armenia"], "156": ["CN", "China"],
  "268": ["GE", "Georgia"], "356": ["IN", "India"], "364": ["IR", "Iran"], "368": ["IQ", "Iraq"],
  "496": ["MN", "Mongolia"], "586": ["PK", "Pakistan"], "643": ["RU", "Russia"], "792": ["TR", "Turkey"],
  "804": ["UA", "Ukraine"],
  // Natural Earth's Siachen Glacier has no ISO code; it is drawn (else a gap opens between IN, PK and CN).
  "Siachen Glacier": ["XS", "Siachen Glacier (disputed)"],
};
// Hand-written label offsets in px, applied after the pole of inaccessibility (documented in meta).
const LABEL_NUDGE = { TJ: [10, 2], KG: [25, -4] }; // TJ: the pole leaves the name across the border, east of Dushanbe; KG: value line clear of Tashkent

const PATH_GRAMMAR = "path = ring+ ; ring = 'M' num sep num 'l' (num sep num)+ 'z' ; " +
  "num = -?([0-9]+|[0-9]*.[0-9]) ; sep = ',' or nothing before '-' or before a '.' that follows a number with a '.' " +
  "(SVG's own number rules) ; the first point of a ring in absolute viewBox coordinates, every other point relative " +
  "to the one before it (SVG 'l'), the closing point not repeated (z closes the ring); one path per country, rings of " +
  "all its polygons in sequence, holes included (draw with fill-rule evenodd or nonzero: holes run opposite to their " +
  "outer ring)";

// A number of tenths written as SVG writes it shortest: 12 -> "1.2", -4 -> "-.4", 30 -> "3".
function tenths(t) {
  const a = Math.abs(t), i = Math.floor(a / 10), f = a % 10;
  return (t < 0 ? "-" : "") + (f ? (i ? `${i}.${f}` : `.${f}`) : `${i}`);
}
// Numbers joined with the fewest separators SVG's grammar allows.
function joinNumbers(nums) {
  let out = "";
  nums.forEach((n, i) => {
    const prev = nums[i - 1];
    const bare = i === 0 || n.startsWith("-") || (n.startsWith(".") && prev.includes("."));
    out += (bare ? "" : ",") + n;
  });
  return out;
}
// One ring: its first point absolute, the others relative, all in tenths of a viewBox unit.
function ringPath(r) {
  const t = r.map(([x, y]) => [Math.round(x * 10), Math.round(y * 10)]);
  const rel = t.slice(1).flatMap((p, i) => [p[0] - t[i][0], p[1] - t[i][1]]);
  return "M" + joinNumbers([tenths(t[0][0]), tenths(t[0][1])]) + "l" + joinNumbers(rel.map(tenths)) + "z";
}

// ---- helpers ----
const q = (v) => { const r = Math.round(v / QUANTUM) * QUANTUM; const s = +r.toFixed(1); return s === 0 ? 0 : s; };
const rad = Math.PI / 180;
function haversineKm([lon1, lat1], [lon2, lat2]) {
  const dphi = (lat2 - lat1) * rad, dl = (lon2 - lon1) * rad;
  const a = Math.sin(dphi / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dl / 2) ** 2;
  return 2 * EARTH_R * Math.asin(Math.sqrt(a));
}
function bearingDeg([lon1, lat1], [lon2, lat2]) {
  const p1 = lat1 * rad, p2 = lat2 * rad, dl = (lon2 - lon1) * rad;
  const y = Math.sin(dl) * Math.cos(p2), x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  return (Math.atan2(y, x) / rad + 360) % 360;
}
function destination([lon, lat], bearing, km) {
  const d = km / EARTH_R, b = bearing * rad, p1 = lat * rad, l1 = lon * rad;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [l2 / rad, p2 / rad];
}
const WINDS = ["north", "north-northeast", "northeast", "east-northeast", "east", "east-southeast", "southeast",
  "south-southeast", "south", "south-southwest", "southwest", "west-southwest", "west", "west-northwest",
  "northwest", "north-northwest"];
const compass = (b) => WINDS[Math.round(b / 22.5) % 16];
const ringArea = (r) => { let s = 0; for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += r[j][0] * r[i][1] - r[i][0] * r[j][1]; return s / 2; };
// Estimated width of a name in a sans-serif font (Arial/Helvetica advance widths, grouped), plus 10%.
function textWidth(text, size) {
  let em = 0;
  for (const c of text) {
    em += /[ijlI'.,!|]/.test(c) ? 0.25 : /[ftr ()-]/.test(c) ? 0.31 : /[mwMW]/.test(c) ? 0.86 : /[A-Z]/.test(c) ? 0.69 : 0.55;
  }
  return em * size * 1.1;
}
const slug = (s) => s.toLowerCase().normalize("NFD").replace(/[^a-z0-9]/g, "");

// Pole of inaccessibility: best-first quadtree search over the bounding box of the largest outer ring, for
// the point farthest from every edge of the country (all rings, even-odd inside test). Same idea as
// Mapbox's polylabel, written here to avoid a dependency.
function segDist2(px, py, a, b) {
  let x = a[0], y = a[1], dx = b[0] - x, dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) { x = b[0]; y = b[1]; } else if (t > 0) { x += dx * t; y += dy * t; }
  }
  return (px - x) ** 2 + (py - y) ** 2;
}
function signedDist(x, y, rings) {
  let inside = false, min = Infinity;
  for (const r of rings) for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const a = r[i], b = r[j];
    if ((a[1] > y) !== (b[1] > y) && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    min = Math.min(min, segDist2(x, y, a, b));
  }
  return (inside ? 1 : -1) * Math.sqrt(min);
}
function pole(rings, precision = 0.5) {
  const outer = rings.reduce((m, r) => (Math.abs(ringArea(r)) > Math.abs(ringArea(m)) ? r : m));
  const xs = outer.map((p) => p[0]), ys = outer.map((p) => p[1]);
  const x0 = Math.min(...xs), y0 = Math.min(...ys), x1 = Math.max(...xs), y1 = Math.max(...ys);
  const cell = (x, y, h) => { const d = signedDist(x, y, rings); return { x, y, h, d, max: d + h * Math.SQRT2 }; };
  const size = Math.min(x1 - x0, y1 - y0), queue = [];
  for (let x = x0; x < x1; x += size) for (let y = y0; y < y1; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2));
  let best = cell((x0 + x1) / 2, (y0 + y1) / 2, 0);
  while (queue.length) {
    queue.sort((a, b) => a.max - b.max);
    const c = queue.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.h / 2;
    queue.push(cell(c.x - h, c.y - h, h), cell(c.x + h, c.y - h, h), cell(c.x - h, c.y + h, h), cell(c.x + h, c.y + h, h));
  }
  return best;
}

// ---- generation ----
function generate() {
  const atlas = JSON.parse(fs.readFileSync(path.join(ROOT, ATLAS), "utf8"));
  const places = JSON.parse(fs.readFileSync(path.join(ROOT, PLACES), "utf8"));
  const keyOf = (g) => g.id ?? g.properties.name;
  const world = topojson.feature(atlas, atlas.objects.countries);
  const focusFc = { type: "FeatureCollection", features: world.features.filter((f) => FOCUS.includes(f.id)) };

  const projection = d3.geoConicEqualArea().parallels(PARALLELS).rotate(ROTATE).precision(0)
    .fitExtent([[MARGIN, MARGIN], [W - MARGIN, H - MARGIN]], focusFc)
    .clipExtent([[0, 0], [W, H]]);
  const k = projection.scale();
  const toSr = (px2) => px2 / (k * k);

  // Which countries show inside the frame (unsimplified geometry, clipped).
  const framePath = d3.geoPath(projection);
  const shown = world.features.filter((f) => framePath.area(f) > 0).map(keyOf);
  for (const id of shown) if (!COUNTRIES[id]) throw new Error(`country ${id} intersects the frame but is not in COUNTRIES`);

  // Arcs of the five republics; arcs of small rings (kept whole).
  const arcsOf = (g) => (g.type === "Polygon" ? g.arcs : g.type === "MultiPolygon" ? g.arcs.flat() : []);
  const focusArcs = new Set(), wholeArcs = new Set();
  for (const g of atlas.objects.countries.geometries) {
    for (const ring of arcsOf(g)) {
      const idx = ring.map((a) => (a < 0 ? ~a : a));
      if (FOCUS.includes(g.id)) idx.forEach((a) => focusArcs.add(a));
      const coords = topojson.feature(atlas, { type: "Polygon", arcs: [ring] }).geometry.coordinates[0];
      const km2 = Math.min(d3.geoArea({ type: "Polygon", coordinates: [coords] }),
        4 * Math.PI - d3.geoArea({ type: "Polygon", coordinates: [coords] })) * EARTH_R * EARTH_R;
      if (FOCUS.includes(g.id) && km2 < WHOLE_RING_KM2) idx.forEach((a) => wholeArcs.add(a));
    }
  }
  const pre = presimplify(atlas, sphericalTriangleArea);
  const fine = simplify(pre, toSr(FOCUS_MIN_AREA)), coarse = simplify(pre, toSr(NEIGHBOUR_MIN_AREA));
  const whole = simplify(pre, 0);
  const topo = { ...fine, arcs: pre.arcs.map((_, i) => (wholeArcs.has(i) ? whole : focusArcs.has(i) ? fine : coarse).arcs[i]) };
  const simplified = topojson.feature(topo, topo.objects.countries);

  // Project + clip each shown country into rings of rounded points.
  const countries = [];
  for (const f of simplified.features) {
    const key = keyOf(f);
    if (!shown.includes(key)) continue;
    const rings = []; let cur = null;
    d3.geoPath(projection, {
      moveTo(x, y) { cur = [[q(x), q(y)]]; },
      lineTo(x, y) { const p = [q(x), q(y)], l = cur[cur.length - 1]; if (p[0] !== l[0] || p[1] !== l[1]) cur.push(p); },
      closePath() {
        const l = cur[cur.length - 1];
        if (l[0] === cur[0][0] && l[1] === cur[0][1]) cur.pop();
        if (cur.length >= 3 && Math.abs(ringArea(cur)) > 0) rings.push(cur);
        cur = null;
      },
      arc() { throw new Error("unexpected arc"); },
    })(f);
    const focus = FOCUS.includes(key);
    const kept = focus ? rings : rings.filter((r) => Math.abs(ringArea(r)) >= DROP_RING_PX2);
    if (!kept.length) continue;
    const [id, name] = COUNTRIES[key];
    const d = kept.map(ringPath).join("");
    const best = pole(kept);
    let label = null;
    if (best.d >= LABEL_MIN_CLEARANCE || focus) {
      const [dx, dy] = LABEL_NUDGE[id] ?? [0, 0];
      // Keep the estimated text box (centred on the point) inside the frame.
      const size = focus ? LABEL_FONT.focus : LABEL_FONT.other, hw = textWidth(name, size) / 2 + PAD, hh = size / 2 + PAD;
      label = [q(Math.min(Math.max(best.x + dx, hw), W - hw)), q(Math.min(Math.max(best.y + dy, hh), H - hh))];
      // The name's box (without the padding) must lie inside the country: test its corners and edge midpoints.
      const [bw, bh] = [hw - PAD, hh - PAD];
      const fits = [-1, 0, 1].every((i) => [-1, 0, 1].every((j) => signedDist(label[0] + i * bw, label[1] + j * bh, kept) >= 0));
      if (!fits && focus) throw new Error(`the name of ${name} does not fit at ${label}: adjust LABEL_NUDGE`);
      if (!fits) label = null;
    }
    countries.push({ id, iso_n3: focus || f.id ? f.id : "", name, focus, path: d, label });
  }
  countries.sort((a, b) => (b.focus - a.focus) || a.name.localeCompare(b.name));

  // Scale bar: 500 km along the great circle through the frame centre, bearing 90 (250 km each way).
  const centre = projection.invert([W / 2, H / 2]);
  const [pw, pe] = [destination(centre, 270, 250), destination(centre, 90, 250)].map((p) => projection(p));
  const scalePx = Math.hypot(pe[0] - pw[0], pe[1] - pw[1]);

  // Places.
  const astana = places.find((p) => p.name === "Astana");
  const outPlaces = places.map((p) => {
    const ll = [p.longitude, p.latitude];
    const xy = projection(ll); // projection() does not clip: a point outside the frame still projects
    const base = { id: slug(p.name), name: p.name, country: p.country };
    if (xy[0] >= 0 && xy[0] <= W && xy[1] >= 0 && xy[1] <= H) return { ...base, xy: [q(xy[0]), q(xy[1])], inside: true };
    const [cx, cy] = [W / 2, H / 2], dx = xy[0] - cx, dy = xy[1] - cy;
    const t = Math.min(dx > 0 ? (W - cx) / dx : dx < 0 ? -cx / dx : Infinity, dy > 0 ? (H - cy) / dy : dy < 0 ? -cy / dy : Infinity);
    const b = bearingDeg([astana.longitude, astana.latitude], ll);
    return { ...base, inside: false, edge: [q(cx + t * dx), q(cy + t * dy)], bearing_deg: Math.round(b),
      distance_km: Math.round(haversineKm([astana.longitude, astana.latitude], ll) / 10) * 10, direction: compass(b) };
  });

  // Collision check on estimated boxes: country names against each other and against the capitals'
  // dots and names (a name drawn to the right of its dot). Stops the generator rather than ship overlaps.
  const boxes = countries.filter((c) => c.label).map((c) => {
    const size = c.focus ? LABEL_FONT.focus : LABEL_FONT.other, hw = textWidth(c.name, size) / 2, hh = size / 2;
    return { what: `label ${c.id}`, x0: c.label[0] - hw, x1: c.label[0] + hw, y0: c.label[1] - hh, y1: c.label[1] + hh };
  });
  for (const p of outPlaces.filter((p) => p.inside)) {
    const [x, y] = p.xy;
    boxes.push({ what: `capital ${p.id}`, x0: x - 3, x1: x + 6 + textWidth(p.name, CAPITAL_FONT), y0: y - CAPITAL_FONT, y1: y + 3 });
  }
  const valueBox = (c, size, vsize) => {
    const hw = textWidth(VALUE_SAMPLE, vsize) / 2, y0 = c.label[1] + size / 2;
    return { what: `value ${c.id}`, x0: c.label[0] - hw, x1: c.label[0] + hw, y0, y1: y0 + vsize * 1.2 };
  };
  for (const c of countries.filter((c) => c.focus)) boxes.push(valueBox(c, LABEL_FONT.focus, VALUE_FONT));
  for (const p of outPlaces.filter((p) => !p.inside)) {
    const abbrev = p.direction.replace(/north/g, "N").replace(/south/g, "S").replace(/east/g, "E").replace(/west/g, "W").replace(/-/g, "");
    const lines = [p.name, `${p.distance_km.toLocaleString("en")} km ${abbrev}`, EDGE_MARKER.note];
    const [x, y] = p.edge, half = (lines.length / 2) * CAPITAL_FONT * EDGE_MARKER.line;
    const w = Math.max(...lines.map((l) => textWidth(l, CAPITAL_FONT)));
    boxes.push({ what: `edge marker ${p.id}`, x0: x - EDGE_MARKER.gap - w, x1: x, y0: y - half, y1: y + half });
  }
  const sb = SCALE_BAR_BOX;
  boxes.push({ what: "scale bar", x0: sb.x - 2, x1: sb.x + scalePx + 2, y0: sb.y - 9 - sb.font, y1: sb.y + 2 });
  const small = countries.filter((c) => c.focus).flatMap((c) => {
    const hw = textWidth(c.name, SMALL.focus) / 2, hh = SMALL.focus / 2;
    return [{ what: `small label ${c.id}`, x0: c.label[0] - hw, x1: c.label[0] + hw, y0: c.label[1] - hh, y1: c.label[1] + hh }];
  });
  for (const b of small) if (b.x0 < 0 || b.x1 > W || b.y0 < 0 || b.y1 > H) throw new Error(`${b.what} leaves the frame`);
  for (const set of [boxes, small]) for (let i = 0; i < set.length; i++) for (let j = i + 1; j < set.length; j++) {
    const a = set[i], b = set[j];
    if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) throw new Error(`${a.what} overlaps ${b.what}: adjust LABEL_NUDGE`);
  }

  const meta = {
    source: "Natural Earth, 1:50 million admin-0 countries",
    license: "public domain",
    projection: "conicEqualArea",
    parallels: PARALLELS,
    rotate: ROTATE,
    scale: +k.toFixed(3),
    translate: projection.translate().map((v) => +v.toFixed(3)),
    fit: `fitExtent [[${MARGIN},${MARGIN}],[${W - MARGIN},${H - MARGIN}]] to the five republics; clipExtent [[0,0],[${W},${H}]]; precision 0 (no resampling)`,
    simplify: `topojson-simplify presimplify(sphericalTriangleArea) + simplify: minimum Visvalingam triangle ` +
      `${FOCUS_MIN_AREA} px^2 on arcs of the five republics, ${NEIGHBOUR_MIN_AREA} px^2 on other arcs ` +
      `(1 px^2 = ${(1 / (k * k) * EARTH_R * EARTH_R).toFixed(2)} km^2 at scale ${k.toFixed(1)}); ` +
      `republics' rings under ${WHOLE_RING_KM2} km^2 (Fergana enclaves) unsimplified; neighbours' rings under ` +
      `${DROP_RING_PX2} px^2 dropped`,
    quantize: `coordinates rounded to ${QUANTUM} viewBox unit`,
    path_grammar: PATH_GRAMMAR,
    label_method: `pole of inaccessibility of the visible shape (precision 0.5 px), plus hand offsets ` +
      `${JSON.stringify(LABEL_NUDGE)} px, then moved so a name box (${LABEL_FONT.focus} px republics, ${LABEL_FONT.other} px ` +
      `neighbours, sans-serif width estimate + 10%, centred) stays ${PAD} px inside the frame; null when a neighbour's pole is ` +
      `under ${LABEL_MIN_CLEARANCE} px from its edge or its name box would not fit inside it; boxes checked not to overlap each other, the capitals ` +
      `(dot plus ${CAPITAL_FONT} px name to its right), the value line under each republic (${VALUE_FONT} px, as wide as ` +
      `${JSON.stringify(VALUE_SAMPLE)}), the edge marker or the scale bar; on narrow screens only republics' names ` +
      `(${SMALL.focus} px), checked likewise`,
    scale_bar_method: "viewBox length between points 250 km west and east of the frame centre along the great circle (bearing 90)",
    distance_method: `great-circle distance from Astana, haversine with R = ${EARTH_R} km, rounded to 10 km`,
    bearing_method: "initial great-circle bearing from Astana, degrees clockwise from true north, rounded; direction is its 16-point compass name",
    edge_method: "for a place outside the frame: where the straight line from the frame centre to its projected point meets the frame",
    generator: "tools/geo/generate.mjs",
  };

  const doc = { meta, view_box: [0, 0, W, H], scale_bar: { km: 500, px: q(scalePx) }, countries, places: outPlaces,
    source_places: "GeoNames (CC BY 4.0)" }; // content/places.json copies ../shared/data/places.json
  // Compact JSON, one country and one place per line.
  const s = JSON.stringify;
  return "{\"meta\":" + s(meta) + ",\n\"view_box\":" + s(doc.view_box) + ",\n\"scale_bar\":" + s(doc.scale_bar) +
    ",\n\"countries\":[\n" + countries.map(s).join(",\n") + "\n],\n\"places\":[\n" + outPlaces.map(s).join(",\n") +
    "\n],\n\"source_places\":" + s(doc.source_places) + "}\n";
}

const out = generate();
const target = path.join(ROOT, OUT);
if (process.argv.includes("--check")) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : null;
  if (current !== out) {
    const a = (current ?? "").split("\n"), b = out.split("\n");
    const line = current === null ? 0 : a.findIndex((l, i) => l !== b[i]) + 1;
    console.error(current === null ? `${OUT} is missing.` : `${OUT} differs from the generator's output (first at line ${line}).`);
    console.error(`It is out of date or was edited by hand: run \`node tools/geo/generate.mjs\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${OUT} is up to date (${out.length} bytes).`);
} else {
  fs.writeFileSync(target, out);
  console.log(`wrote ${OUT} (${out.length} bytes)`);
}
