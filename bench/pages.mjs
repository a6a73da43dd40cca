// The two comparison pages of the benchmark, built at bench time from the project's own data (nothing
// downloaded): a plain static SVG page of the map (the limit: no script at all) and the same five republics
// drawn by d3 (d3-geo + topojson-client from node_modules, world-atlas's Natural Earth 1:50m file), with the
// same four layers switched by buttons. Both take their values from content/figures.json (the latest year of
// each layer per republic) and colour them with the same five-step scale.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../tests/e2e/lib.mjs";

export const PAGES = join(ROOT, "bench/out/pages");
const FOCUS = ["KZ", "KG", "TJ", "TM", "UZ"];
const ISO = { KZ: "398", KG: "417", TJ: "762", TM: "795", UZ: "860" };
const LAYERS = [["trade", "trade", "Trade"], ["investment", "investment", "Investment"],
  ["students", "students", "Students"], ["confucius", "confucius", "Confucius Institutes"]];
const RAMP = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Per layer: { unit, values: { KZ: { value, year } ... } } from the latest year of each republic's figures. */
function layerValues() {
  const figures = JSON.parse(readFileSync(join(ROOT, "content/figures.json"), "utf8"));
  const out = {};
  for (const [key, layer, label] of LAYERS) {
    const values = {};
    let unit = "";
    for (const f of figures) {
      if (f.layer !== layer || !FOCUS.includes(f.country) || typeof f.value !== "number") continue;
      const year = parseInt(String(f.year), 10);
      if (!values[f.country] || year > values[f.country].year) values[f.country] = { value: f.value, year };
      unit = f.unit;
    }
    out[key] = { label, unit, values };
  }
  return out;
}

/** The step of the five-step ramp for a value, against the layer's largest value. */
function shade(value, max) {
  if (value === undefined) return "#e6eef8";
  return RAMP[Math.min(RAMP.length - 1, Math.floor((value / max) * RAMP.length))];
}

function fmt(v) {
  return v >= 100 ? Math.round(v).toLocaleString("en-GB") : String(Math.round(v * 10) / 10);
}

const CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1b1b1b}
svg{width:100%;height:auto;display:block}.water{fill:#dce9f2}.other{fill:#e8e6e1;stroke:#fff;stroke-width:.6}
.rep{stroke:#333;stroke-width:1}text{font:17px sans-serif;text-anchor:middle;fill:#111}text.v{font-size:14px}
.legend{display:flex;gap:.5rem;list-style:none;padding:0}.legend span{display:inline-block;width:1rem;height:1rem;vertical-align:middle;margin-right:.25rem}
button[aria-pressed=true]{background:#08519c;color:#fff}button{font:inherit;padding:.3rem .6rem;margin-right:.3rem}`;

function legend(layer) {
  const max = Math.max(...Object.values(layer.values).map((v) => v.value));
  return RAMP.map((c, i) => `<li><span style="background:${c}"></span>${fmt((max * i) / RAMP.length)}–${fmt((max * (i + 1)) / RAMP.length)}</li>`).join("")
    + `<li>${esc(layer.unit)}</li>`;
}

/** The static SVG page: the project's pre-projected geometry (content/geo.json), the trade layer, no script. */
function staticPage(data) {
  const geo = JSON.parse(readFileSync(join(ROOT, "content/geo.json"), "utf8"));
  const layer = data.trade;
  const max = Math.max(...Object.values(layer.values).map((v) => v.value));
  const [x, y, w, h] = geo.view_box;
  const shapes = geo.countries.map((c) => c.focus
    ? `<path class="rep" d="${c.path}" fill="${shade(layer.values[c.id]?.value, max)}"><title>${esc(c.name)}</title></path>`
    : `<path class="other" d="${c.path}"/>`).join("");
  const labels = geo.countries.filter((c) => c.focus && c.label).map((c) => {
    const v = layer.values[c.id];
    return `<text x="${c.label[0]}" y="${c.label[1]}">${esc(c.name)}</text>`
      + (v ? `<text class="v" x="${c.label[0]}" y="${c.label[1] + 18}">${fmt(v.value)} (${v.year})</text>` : "");
  }).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>China's trade with Central Asia: a static map</title><meta name="description" content="A static SVG map of the five Central Asian republics.">
<style>${CSS}</style></head><body><main><h1>China's trade with the five Central Asian republics</h1>
<svg viewBox="${x} ${y} ${w} ${h}" role="img" aria-label="Map of China's trade with the five republics"><rect class="water" width="${w}" height="${h}"/>${shapes}${labels}</svg>
<ul class="legend">${legend(layer)}</ul></main></body></html>\n`;
}

/** The d3 page: world-atlas topology projected in the browser (d3.geoConicEqualArea fitted to the five). */
function d3Page(data) {
  const script = `(function(){
var DATA=${JSON.stringify(data)},RAMP=${JSON.stringify(RAMP)},ISO=${JSON.stringify(ISO)};
var W=1000,H=700,NS="http://www.w3.org/2000/svg",svg=document.getElementById("map"),paths={},values={};
function el(n,a){var e=document.createElementNS(NS,n);for(var k in a)e.setAttribute(k,a[k]);return e;}
function fmt(v){return v>=100?Math.round(v).toLocaleString("en-GB"):String(Math.round(v*10)/10);}
fetch("countries-50m.json").then(function(r){return r.json();}).then(function(world){
  var all=topojson.feature(world,world.objects.countries).features,focus=all.filter(function(f){return Object.values(ISO).indexOf(f.id)>=0;});
  var proj=d3.geoConicEqualArea().parallels([38,52]).rotate([-66,0]).fitExtent([[24,24],[W-24,H-24]],{type:"FeatureCollection",features:focus}).clipExtent([[0,0],[W,H]]);
  var path=d3.geoPath(proj);svg.appendChild(el("rect",{class:"water",width:W,height:H}));
  all.forEach(function(f){var d=path(f);if(!d||Object.values(ISO).indexOf(f.id)>=0)return;svg.appendChild(el("path",{class:"other",d:d}));});
  Object.keys(ISO).forEach(function(c){var f=focus.find(function(g){return g.id===ISO[c];});var p=el("path",{class:"rep",d:path(f)});paths[c]=p;svg.appendChild(p);
    var xy=path.centroid(f),t=el("text",{x:xy[0],y:xy[1]});t.textContent=f.properties.name;svg.appendChild(t);var v=el("text",{class:"v",x:xy[0],y:xy[1]+18});values[c]=v;svg.appendChild(v);});
  show("trade");
});
function show(key){var L=DATA[key],max=0,c;for(c in L.values)max=Math.max(max,L.values[c].value);
  Object.keys(paths).forEach(function(c){var v=L.values[c];paths[c].setAttribute("fill",v?RAMP[Math.min(4,Math.floor(v.value/max*5))]:"#e6eef8");values[c].textContent=v?fmt(v.value)+" ("+v.year+")":"no data";});
  var li=RAMP.map(function(col,i){return '<li><span style="background:'+col+'"></span>'+fmt(max*i/5)+"–"+fmt(max*(i+1)/5)+"</li>";}).join("")+"<li>"+L.unit+"</li>";
  document.getElementById("legend").innerHTML=li;document.getElementById("title").textContent="China and Central Asia: "+L.label;
  document.querySelectorAll("[data-layer]").forEach(function(b){b.setAttribute("aria-pressed",String(b.dataset.layer===key));});}
document.querySelectorAll("[data-layer]").forEach(function(b){b.addEventListener("click",function(){show(b.dataset.layer);});});
})();`;
  const buttons = LAYERS.map(([key, , label]) => `<button type="button" data-layer="${key}" aria-pressed="${key === "trade"}">${label}</button>`).join("");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>China and Central Asia: a d3 map</title><meta name="description" content="The five Central Asian republics drawn with d3-geo.">
<style>${CSS}</style><script defer src="d3-array.min.js"></script><script defer src="d3-geo.min.js"></script><script defer src="topojson-client.min.js"></script><script defer src="map.js"></script></head>
<body><main><h1 id="title">China and Central Asia: Trade</h1><div role="group" aria-label="Data layer">${buttons}</div>
<svg id="map" viewBox="0 0 1000 700" role="img" aria-label="Map of the five republics"></svg><ul class="legend" id="legend"></ul></main></body></html>\n`;
  return { html, script };
}

/** Writes bench/out/pages/{static.html, d3.html, map.js, d3-*.min.js, topojson-client.min.js, countries-50m.json}. */
export function buildPages() {
  mkdirSync(PAGES, { recursive: true });
  const data = layerValues();
  writeFileSync(join(PAGES, "static.html"), staticPage(data));
  const { html, script } = d3Page(data);
  writeFileSync(join(PAGES, "d3.html"), html);
  writeFileSync(join(PAGES, "map.js"), script);
  const nm = join(ROOT, "node_modules");
  copyFileSync(join(nm, "d3-array/dist/d3-array.min.js"), join(PAGES, "d3-array.min.js"));
  copyFileSync(join(nm, "d3-geo/dist/d3-geo.min.js"), join(PAGES, "d3-geo.min.js"));
  copyFileSync(join(nm, "topojson-client/dist/topojson-client.min.js"), join(PAGES, "topojson-client.min.js"));
  copyFileSync(join(nm, "world-atlas/countries-50m.json"), join(PAGES, "countries-50m.json"));
  return PAGES;
}
