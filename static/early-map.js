// A deep link's view of the map's data before the app starts (`?part=map&layer=students`, `&year=2013`, `&pp=1`):
// static/early.js calls it once the map part is on the page. The page carries, in a <template> per view of the data
// other than its own, what changes with it (src/components/map/periods.rs): a layer's seen controls, the per-person
// switch, the legend, and for each republic its fill, value and profile line. Its layer's template first, then its
// period's, then its per-person view's, as the app shows a period of a layer. Until the app starts, the data panel
// under the map (the page's own view) is not seen (static/css/05-early.css). Inline in the single file; on the site it
// comes with the map part's text (assets/map.HASH.js), so that the first page stays within one round trip.
// `one(key)`: the link's value for a key as the app reads it (static/early.js).
window.__charmView = function (section, one) {
  "use strict";
  var layer = /^[a-z]+$/.exec(one("layer"));
  var year = one("year");
  var shown = 0;
  var periods = ".toggle-slot > :not(.unused)";
  function each(selector, then) {
    Array.prototype.forEach.call(section.querySelectorAll(selector), then);
  }
  function pressed(group) {
    return section.querySelector(group + ' [aria-pressed="true"]');
  }
  // A figure with its source button's place (src/components/figure.rs).
  function figure(value, when) {
    return '<span class="figure"><span class="figure-value">' + value + "</span>" +
      (when && '<span class="figure-year"> (' + when + ")</span>") +
      '<button class="source-toggle" type="button" data-needs-js="">source</button></span>';
  }
  function use(t) {
    if (!t) return;
    shown = 1;
    var key = (t.getAttribute("data-v") || "").split("/");
    // A layer's controls: the same elements for every layer, its own pressed and seen (src/components/data/layers.rs).
    var seen = t.getAttribute("data-c");
    if (seen) {
      each(".data-controls [data-layer]", function (b) {
        b.setAttribute("aria-pressed", b.getAttribute("data-layer") === t.getAttribute("data-layer"));
      });
      each(".per-person, .toggle-words > *, .toggle-slot > *", function (el, i) {
        var unseen = seen[i] < 1;
        el.classList.toggle("unused", unseen);
        if (el.parentNode.className !== "toggle-words") {
          if (unseen) el.setAttribute("aria-hidden", "true");
          else el.removeAttribute("aria-hidden");
        }
      });
    }
    [".per-person", ".legend"].forEach(function (sel) {
      var by = t.content.querySelector(sel);
      var old = section.querySelector(".map-main " + sel);
      if (by && old) old.parentNode.replaceChild(by, old);
    });
    each(periods + " [data-year]", function (b) {
      if (key[1]) b.setAttribute("aria-pressed", b.getAttribute("data-year") === key[1]);
    });
    var what = pressed("[aria-label='Data layer']").textContent;
    var period = pressed(periods);
    period = period ? period.getAttribute("data-year") : "";
    var rows = t.getAttribute("data-r").split("|");
    var labels = section.querySelectorAll(".labels > g");
    var list = section.querySelectorAll(".country-list .value");
    each(".republics > g", function (g, i) {
      var f = rows[i].split("~");
      var path = g.firstChild;
      var label = labels[i];
      path.setAttribute("fill", f[0]);
      if (path.nextSibling) g.removeChild(path.nextSibling);
      // The reliability's marks drawn over a fill that cannot carry them (the hatch).
      if (f[3]) {
        var over = path.cloneNode();
        over.removeAttribute("data-geo");
        over.setAttribute("class", "reliability");
        over.setAttribute("fill", "url(#" + f[3] + ")");
        g.appendChild(over);
      }
      if (f[1]) g.setAttribute("data-reliability", f[1]);
      else g.removeAttribute("data-reliability");
      g.removeAttribute("data-value");
      g.setAttribute("aria-label", label.firstChild.textContent + ": " + f[2] + ", " + what.toLowerCase() + (period && " " + period));
      label.setAttribute("class", "republic-label" + (f[9] ? " light" : ""));
      label.lastChild.textContent = list[i].textContent = f[2];
      // Its profile's line (src/components/map/profile.rs): the value with the figure behind it, per person divided
      // by the population.
      each('[id^="profile-' + path.getAttribute("data-geo") + '"] dt.on-map', function (dt) {
        var written = f[4] || f[2];
        var value = figure(f[5] || written, f[6] || period);
        dt.textContent = "On the map: " + what + (key[2] ? " per person" : "") + (period && ", " + period);
        dt.nextElementSibling.innerHTML = !f[1] ? '<span class="missing">' + written + "</span>" :
          f[7] ? written + " = " + value + " \u00f7 " + figure(f[7], f[8]) : value;
      });
    });
  }
  use(layer && section.querySelector('template.map-variant[data-layer="' + layer[0] + '"]'));
  // A period the layer does not have: its default, as the app shows it (with a notice).
  if (!/^[\d-]+$/.test(year) || !section.querySelector(periods + ' [data-year="' + year + '"]')) {
    year = pressed(periods);
    year = year ? year.getAttribute("data-year") : "";
  }
  var view = '"' + pressed("[aria-label='Data layer']").getAttribute("data-layer") + "/" + year + "/";
  use(section.querySelector("template[data-v=" + view + '"]'));
  var pp = one("pp") === "1" && section.querySelector("template[data-v=" + view + '1"]');
  use(pp);
  if (!shown) return;
  var panel = section.querySelector(".data-panel");
  panel.setAttribute("data-early-busy", "");
  // On the site, the view's own data panel as the page would carry it, from its own file (tools/build/assemble.py: a file
  // a view, one hash for them all in `data-panels`), in place of the page's once it has come, unless the app has
  // started (it draws the view's own then). The single file carries none.
  var root = document.documentElement;
  var hash = root.getAttribute("data-panels");
  if (!hash) return;
  var script = document.createElement("script");
  script.src = "assets/panel." + (view.slice(1) + (pp ? "1" : "")).replace(/\//g, "_") + "." + hash + ".js";
  script.onload = function () {
    var text = window.__charmPanelText;
    window.__charmPanelText = null;
    if (typeof text === "string" && !root.hasAttribute("data-ready")) {
      panel.innerHTML = text;
      panel.removeAttribute("data-early-busy");
    }
  };
  document.head.appendChild(script);
};
