// The served site's parts and scripts. Its page shows the header, the overview and the footer, with the stylesheet's
// files that style them; the parts' text waits in a data block, <script type="text/html" class="static-rest">
// (tools/build/assemble.py). `window.__charmRest()` loads assets/rest.HASH.js (`data-rest` on <html>: every part
// after the overview, and the rest of the stylesheet) once and puts its text into that block, where the app reads it
// on start (src/prose.rs, static/boot.js) and static/early.js finds a deep link's part. `window.__charmPart(part)`
// loads what a deep link to that part needs: for the map, whose heading the page holds, assets/map.HASH.js
// (`data-map`: the map part without its folded data tables, and the stylesheet) once that is painted; for another,
// the rest file at once. Then, once the page is painted, the app's scripts. Inline in
// the site's <head> before early.js; not in the single file, which carries every part and its scripts itself.
(function () {
  "use strict";
  var root = document.documentElement;
  // A stylesheet's run of files ([order, text]: the order of its first file in static/css) before the first
  // <style data-order> with a higher order, so that the cascade is the single file's. Allowed by its hash.
  function style(run) {
    if (document.querySelector('style[data-order="' + run[0] + '"]')) return;
    var el = document.createElement("style");
    el.setAttribute("data-order", run[0]);
    el.textContent = run[1];
    var later = [].filter.call(document.querySelectorAll("style[data-order]"), function (s) {
      return +s.getAttribute("data-order") > run[0];
    })[0];
    document.head.insertBefore(el, later || null);
  }
  // Loaded by a script element, not fetch(): that works from file://, in a sandboxed frame and under the policy's
  // script-src 'self'. `put(text)` takes its text once it has run; the promise resolves then (to true), or when it
  // cannot (no file, a failed or broken download; to false): the texts of those parts then read as missing, never
  // a crash.
  // A text may come in several files (`data-rest` lists them): requested together, each run in a task of its own
  // (one script with the whole text is a long task at a phone's speed), their texts joined in the listed order.
  var loads = {};
  function load(name, put) {
    if (loads[name]) return loads[name];
    loads[name] = new Promise(function (done) {
      var srcs = (root.getAttribute("data-" + name) || "").split(" ").filter(Boolean);
      var texts = [];
      var css = null;
      var left = srcs.length;
      var failed = !left;
      if (failed) return done(false);
      function settle() {
        if (--left) return;
        var holder = document.querySelector(".static-rest");
        if (!failed && holder) put(holder, texts.join(""));
        // The stylesheet in a task of its own: with the script's own, one task would be long at a phone's speed.
        setTimeout(function () {
          if (!failed && css && css.forEach) css.forEach(style);
          done(!failed);
        }, 0);
      }
      srcs.forEach(function (src, i) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () {
          var text = window.__charmText;
          if (window.__charmCss) css = window.__charmCss;
          // Taken once: a file that runs but sets nothing (broken) is not read as the one before it.
          window.__charmText = window.__charmCss = null;
          if (typeof text === "string") texts[i] = text;
          else failed = true;
          settle();
        };
        script.onerror = function () { failed = true; settle(); };
        document.head.appendChild(script);
      });
    });
    return loads[name];
  }
  // Without the rest file (blocked, missing), the map part's file at least: it carries the map's outlines and
  // texts, which the app reads from the page on start (src/geo.rs, src/prose.rs).
  function putMap(holder, text) {
    if (holder.textContent.indexOf("data-partial") >= 0) holder.textContent = text;
  }
  window.__charmRest = function () {
    return load("rest", function (holder, text) { holder.textContent = text; }).then(function (ok) {
      return ok || load("map", putMap);
    });
  };
  // The map part alone, once its heading is painted (from the page itself; Lighthouse counts every request started
  // before the largest paint as holding it up), unless every part is in already.
  var map = null;
  window.__charmPart = function (part) {
    if (part !== "map") return window.__charmRest();
    map = map || new Promise(function (done) {
      window.__charmAfterPaint(function () {
        load("map", putMap).then(done);
      });
    });
    return map;
  };
  // The app's scripts (wasm-bindgen's glue, then static/boot.js: `data-app` on <html>) are requested once the
  // page is painted, in that order, with the rest file; boot.js then requests the wasm.
  function loadApp() {
    window.__charmAfterPaint(function () {
      window.__charmLate = true;
      (root.getAttribute("data-app") || "").split(" ").forEach(function (src) {
        // A saved copy of the running page has them already.
        if (!src || document.querySelector('script[src="' + src + '"]')) return;
        var script = document.createElement("script");
        script.src = src;
        script.async = false;
        document.head.appendChild(script);
      });
      window.__charmRest();
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", loadApp);
  else loadApp();
})();
